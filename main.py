"""Dental Practice Synthetic Data Generator: fills an OpenDental-shaped `raw` schema with a fake practice.

    python main.py --patients 100                      # embedded PostgreSQL, nothing to set up
    python main.py --patients 5000 --db-name opendental_demo --db-host localhost
"""
import argparse
import json
import sys
import time
from pathlib import Path

import psycopg2

from core.config import PROJECT_DIR, RATES, build_config, parse_volume, warnings_for
from core.errors import UserError
from core.progress import Reporter
from generators.volumes import overridable

DEFAULT_ENV_FILE = PROJECT_DIR / ".env_demo"
DEFAULT_CONFIG_FILE = PROJECT_DIR / "config.py"


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UserError(message)


def parse_args(argv):
    p = _Parser(description="Fill an OpenDental-shaped PostgreSQL schema `raw` with a synthetic dental practice.",
                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    run = p.add_argument_group("what to generate")
    run.add_argument("--patients", help="number of patients (default 5000; volumes scale with it)")
    run.add_argument("--start-date", help="first day of activity, YYYY-MM-DD (default 2023-01-01)")
    run.add_argument("--end-date", help="last day of activity, the simulated 'today' (default: today)")
    run.add_argument("--seed", help="random seed: same seed and options give the same data (default 20230101)")
    run.add_argument("--clinics", help="number of clinics; 0 = single location, ClinicNum 0 everywhere (default 0)")
    run.add_argument("--patients-per-office", help="a larger practice is generated office by office, each with its "
                     "own providers, chairs and staff, so memory stays flat (default 25000)")
    run.add_argument("--volume", action="append", default=[], metavar="NAME=COUNT",
                     help=f"set a volume exactly; NAME is one of: {', '.join(overridable())} (the other tables "
                     "follow from the practice's events; --coverage-rate and --completion-rate move them)")
    run.add_argument("--volume-profile", choices=("realistic", "original"),
                     help="default volumes: 'realistic' (DOMAIN.md proportions) or the original tool's (default realistic)")
    for rate, value in RATES.items():
        run.add_argument(f"--{rate.replace('_', '-')}", help=f"probability, 0-1 (default {value})")
    db = p.add_argument_group("where to write (no setting anywhere = the embedded PostgreSQL)")
    db.add_argument("--db-host", help="PostgreSQL host (default localhost)")
    db.add_argument("--db-port", help="PostgreSQL port (default 5432)")
    db.add_argument("--db-name", help="database name (default opendental_demo)")
    db.add_argument("--db-user", help="user (default postgres)")
    db.add_argument("--db-password", help="password (prefer PGPASSWORD or ~/.pgpass; never printed)")
    db.add_argument("--db-url", help="libpq URI, e.g. postgresql://user@host:5432/opendental_demo")
    db.add_argument("--embedded", action="store_true", help="use the embedded PostgreSQL even if settings are given")
    db.add_argument("--embedded-dir", help=f"data directory of the embedded PostgreSQL (default {PROJECT_DIR / '.pgdata'})")
    db.add_argument("--stop-embedded", action="store_true", help="stop the embedded PostgreSQL and exit")
    db.add_argument("--env-file", default=str(DEFAULT_ENV_FILE), help="settings file read with python-dotenv")
    db.add_argument("--config-file", default=str(DEFAULT_CONFIG_FILE), help="Python settings file (copy of config.example.py)")
    safety = p.add_argument_group("safety")
    safety.add_argument("--reset", action="store_true", help="replace the data of an earlier synthetic run")
    safety.add_argument("--confirm-not-production", action="store_true",
                        help="allow a database whose name does not look like a demo/test database")
    safety.add_argument("--validate-only", action="store_true",
                        help="only run the AR validation pass (and the fidelity report) on an existing dataset")
    safety.add_argument("--fidelity-only", action="store_true", help="only compute the fidelity report of an existing dataset")
    out = p.add_argument_group("output")
    out.add_argument("--report-json", metavar="PATH", help="write the run's row counts and timings as JSON")
    out.add_argument("--fidelity-json", metavar="PATH", help="write the fidelity report as JSON")
    out.add_argument("--fidelity-html", metavar="PATH", help="write the fidelity report with charts as one HTML file")
    out.add_argument("--quiet", action="store_true", help="print only errors and the final line")
    out.add_argument("--verbose", action="store_true", help="show tracebacks of unexpected errors")
    return p.parse_args(argv)


def config_from(args):
    cli = {name: value for name, value in (
        ("patients", args.patients), ("start_date", args.start_date), ("end_date", args.end_date),
        ("seed", args.seed), ("clinics", args.clinics),
        ("patients_per_office", args.patients_per_office), ("volume_profile", args.volume_profile),
        ("db_host", args.db_host), ("db_port", args.db_port), ("db_name", args.db_name),
        ("db_user", args.db_user), ("db_password", args.db_password), ("db_url", args.db_url),
        ("embedded_dir", args.embedded_dir),
        *((rate, getattr(args, rate)) for rate in RATES)) if value is not None}
    for text in args.volume:
        name, count = parse_volume(text)
        cli[f"volume:{name}"] = count
    config = build_config(cli, args.env_file, args.config_file, force_embedded=args.embedded)
    config.reset, config.allow_non_demo_database = args.reset, args.confirm_not_production
    config.quiet, config.verbose = args.quiet, args.verbose
    return config


def print_connection(reporter, settings, embedded):
    uri = f"postgresql://{settings['user']}@{settings['host']}:{settings['port']}/{settings['dbname']}"
    reporter.say(f"\nConnect:  {uri}" if embedded else "")
    if embedded:
        reporter.say(f"  psql:   psql -h {settings['host']} -p {settings['port']} -U {settings['user']} {settings['dbname']}")
        reporter.say(f"  dbt:    type: postgres, host: {settings['host']}, port: {settings['port']}, "
                     f"user: {settings['user']}, password: '', dbname: {settings['dbname']}, schema: raw")
        reporter.say("  stop:   python main.py --stop-embedded")


def write_report(path, config, rows, result, timings, wall):
    from checks import fidelity
    report = {"options": config.public_options(), "wall_seconds": wall, "timings": timings,
              "rows": rows, "total_rows": sum(rows.values()), "validation_ok": result.ok,
              "validation_failures": [f.rule for f in result.failures], "ar_summary": result.summary,
              "fidelity": fidelity.as_json(result.fidelity)}
    Path(path).write_text(json.dumps(report, indent=2, default=str))


def report_fidelity(args, reporter, settings, result, always=False):
    """Print the fidelity table (unless --quiet) and write the JSON/HTML outputs; returns 3 if a gated metric
    failed and the user asked only for the report, else 0 (a run's exit code is about validation)."""
    from checks import fidelity, fidelity_html
    if always:
        print(fidelity.as_table(result.fidelity))
    else:
        reporter.say(fidelity.as_table(result.fidelity))
    if args.fidelity_json:
        Path(args.fidelity_json).write_text(json.dumps(fidelity.as_json(result.fidelity), indent=2))
    if args.fidelity_html:
        fidelity_html.write(args.fidelity_html, settings, result.fidelity)
    return 3 if always and any(r.status == "FAIL" for r in result.fidelity) else 0


def print_validation(reporter, result):
    for failure in result.failures:
        print(f"FAILED {failure.rule}: {failure.count} row(s), e.g. {failure.examples}", file=sys.stderr)
    reporter.say(f"Validation: {result.rules_checked - len(result.failures)}/{result.rules_checked} rules pass")
    ar = result.summary
    if ar:
        shares = " / ".join(f"{s:.0%}" for s in ar["aging_shares"])
        reporter.say(f"AR: ${ar['total_ar']:,.2f} (0-30 / 31-60 / 61-90 / 90+: {shares}), insurance estimate "
                     f"${ar['insurance_estimate']:,.2f}; collection rate {ar['collection_rate']:.1%} of net production "
                     f"${ar['net_production']:,.2f}; insurance {ar['insurance_share_of_collections']:.0%} / "
                     f"patients {1 - ar['insurance_share_of_collections']:.0%} of collections")


def _first_line(error):
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def main(argv=None):
    reporter = Reporter()
    verbose = "--verbose" in (sys.argv[1:] if argv is None else argv)
    try:
        args = parse_args(argv)
        config = config_from(args)
        reporter.quiet = config.quiet
        for warning in warnings_for(config):
            reporter.warn(warning)
        from app import run as runner
        from core.embedded import EmbeddedServer
        if args.stop_embedded:
            stopped = EmbeddedServer(config.embedded_dir).stop()
            print("embedded PostgreSQL stopped" if stopped else "embedded PostgreSQL was not running")
            return 0
        if args.validate_only or args.fidelity_only:
            settings, result = runner.check_existing(config, fidelity_only=args.fidelity_only)
            if not args.fidelity_only:
                print_validation(reporter, result)
            return report_fidelity(args, reporter, settings, result, always=args.fidelity_only) or (0 if result.ok else 1)
        reporter.say(f"Generating a practice of {config.patients:,} patients, {config.start_date} to {config.end_date}, "
                     f"seed {config.seed}")
        started = time.perf_counter()
        reporter.start(config.patients)
        settings, rows, result, timings = runner.generate(config, reporter)
        wall = time.perf_counter() - started
        print_validation(reporter, result)
        report_fidelity(args, reporter, settings, result)
        total = sum(rows.values())
        print(f"Wrote {total:,} rows into {len(rows)} tables in {wall:.1f} s ({total / wall:,.0f} rows/s).")
        if args.report_json:
            write_report(args.report_json, config, rows, result, timings, wall)
        print_connection(reporter, settings, config.embedded)
        return 0 if result.ok else 1
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    except psycopg2.Error as error:  # the server failed mid-run (disk full, dropped connection, timeout...)
        if verbose:
            raise
        print(f"error: PostgreSQL stopped the run: {_first_line(error)}; nothing was written "
              "(the run's transaction was rolled back)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: nothing was written (the run's transaction was rolled back)", file=sys.stderr)
        return 130
    except Exception as error:  # an unexpected failure: one line, the traceback only with --verbose
        if verbose:
            raise
        print(f"error: unexpected {type(error).__name__}: {_first_line(error)} (rerun with --verbose for details); "
              "nothing was written", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
