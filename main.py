"""Dental Practice Synthetic Data Generator: fills an OpenDental-shaped `raw` schema with a fake practice.

    python main.py --patients 100                      # embedded PostgreSQL, nothing to set up
    python main.py --patients 5000 --db-name opendental_demo --db-host localhost

Parse and configure (app/options.py), run (app/run.py), report (app/report.py).
"""
import sys
import time

import psycopg2

from app import advance, options, report, run
from core import interrupts
from core.config import warnings_for
from core.embedded import EmbeddedServer
from core.errors import UserError
from core.progress import Reporter


def _first_line(error):
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def stop_embedded(config):
    server = EmbeddedServer(config.embedded_dir)
    server.check_directory()
    print("embedded PostgreSQL stopped" if server.stop() else "embedded PostgreSQL was not running")
    return 0


def check(args, config, reporter):
    """--validate-only / --fidelity-only on a dataset generated earlier."""
    settings, result = run.check_existing(config, fidelity_only=args.fidelity_only)
    print(f"Checked {settings.where} as {settings.user}")
    if not args.fidelity_only:
        report.print_validation(reporter, result)
    gate = report.report_fidelity(args, reporter, settings, result, always=args.fidelity_only)
    return gate or (0 if result.ok else 1)


def generate(args, config, reporter):
    reporter.say(f"Generating a practice of {config.patients:,} patients, {config.start_date} to {config.end_date}"
                 f"{f', as of {config.as_of}' if config.as_of else ''}, "
                 f"seed {config.seed}")
    started = time.perf_counter()
    reporter.start(config)
    settings, rows, result, timings = run.generate(config, reporter)
    wall = time.perf_counter() - started
    report.print_validation(reporter, result)
    total = sum(rows.values())
    try:
        report.report_fidelity(args, reporter, settings, result)
        print(f"Wrote {total:,} rows into {len(rows)} tables in {wall:.1f} s ({total / wall:,.0f} rows/s).")
        if args.report_json:
            report.write_report(args.report_json, config, rows, result, timings, wall)
    except (OSError, psycopg2.Error) as error:  # checked before the run, yet gone since (disk full, removed...)
        print(f"error: the new dataset is committed, but a report could not be written: {type(error).__name__}: "
              f"{_first_line(error)}", file=sys.stderr)
        return 1
    report.print_connection(reporter, config, settings, args.dbt_profile or options.DBT_PROFILE)
    return 0 if result.ok else 1


CHANGES = ("inserted", "updated", "deleted")


def advance_clock(config, moment, reporter):
    """--advance-to: the dataset in place moves to a later moment, writing only what changed."""
    started = time.perf_counter()
    settings, (recorded, moment), changes, result, _ = advance.advance(config, moment, reporter)
    wall = time.perf_counter() - started
    report.print_validation(reporter, result)
    for table, counts in sorted(changes.items()):
        reporter.say(f"  {table}: " + ", ".join(f"{n:,} {what}" for n, what in zip(counts, CHANGES)))
    inserted, updated, deleted = (sum(counts[i] for counts in changes.values()) for i in range(3))
    print(f"Advanced {settings.where} from {recorded.isoformat()} to {moment.isoformat()}: {inserted:,} rows "
          f"inserted, {updated:,} updated, {deleted:,} deleted in {len(changes)} tables in {wall:.1f} s.")
    return 0 if result.ok else 1


def main(argv=None):
    with interrupts.handled():
        return _main(argv)


def _main(argv):
    reporter = Reporter()
    verbose = "--verbose" in (sys.argv[1:] if argv is None else argv)
    try:
        args = options.parse_args(argv)
        config = options.config_from(args)
        reporter.quiet = config.quiet
        for warning in warnings_for(config):
            reporter.warn(warning)
        if args.stop_embedded:
            return stop_embedded(config)
        moment = options.advance_moment(args)
        options.check_before_connecting(args, config)
        if moment:
            return advance_clock(config, moment, reporter)
        if args.validate_only or args.fidelity_only:
            return check(args, config, reporter)
        return generate(args, config, reporter)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except psycopg2.Error as error:  # the server failed mid-run (disk full, dropped connection, timeout...)
        if verbose:
            raise
        print(f"error: PostgreSQL stopped the run: {_first_line(error)}; nothing was written "
              "(the run's transaction was rolled back)", file=sys.stderr)
        return 1
    except interrupts.Interrupted as stop:
        print(stop, file=sys.stderr)
        return stop.exit_code
    except Exception as error:  # an unexpected failure: one line, the traceback only with --verbose
        if verbose:
            raise
        print(f"error: unexpected {type(error).__name__}: {_first_line(error)} (rerun with --verbose for details); "
              "nothing was written", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
