"""The command line: options parsed into a GeneratorConfig, and what is checked before anything connects."""
import argparse
import getpass
import os
import re
import sys
from pathlib import Path

from core import preflight
from core.config import (EARLIEST_START, PROJECT_DIR, RATES, VOLUME_CAP, GeneratorConfig, build_config,
                         parse_moment, parse_volume)
from core.embedded import EmbeddedServer
from core.errors import UserError
from generators import volumes

DEFAULT_ENV_FILE = PROJECT_DIR / ".env_demo"
DEFAULT_CONFIG_FILE = PROJECT_DIR / "config.py"
DBT_PROFILE = PROJECT_DIR / "reports" / "profiles.yml"
PROMPT = object()  # --db-password given without a value
EPILOG = """exit codes:
  0    the run (or check) succeeded
  1    validation failed (a rule of the checks does not hold)
  2    bad input, or a target database that is refused (nothing was written)
  3    --fidelity-only: a gated fidelity metric failed
  130  interrupted (Ctrl-C), 143 terminated (SIGTERM); the previous dataset is unchanged

the password, and who can see it:
  --db-password VALUE, and a password inside --db-url, are visible to every user of this machine (ps shows
  the command line). Not visible to others: --db-password without a value (a prompt, on a terminal),
  --password-file PATH, or DEMO_POSTGRES_PASSWORD in .env_demo or config.py (files only you may read: a
  password in a file others can read is refused, chmod 600 it), PGPASSWORD (seen only by you and root),
  ~/.pgpass or PGPASSFILE (libpq's own).

where settings come from, highest first:
  command line > .env_demo > environment (DEMO_*) > config.py > libpq's service (service= or PGSERVICE) >
  PGHOST, PGPORT, PGUSER, PGDATABASE > built-in defaults. A --db-url / DEMO_DATABASE_URL counts as its parts
  where it is given; within one source a separate setting (e.g. --db-host) beats the URL's part. libpq's
  environment only fills in: with no DEMO_* / --db-* setting anywhere the embedded PostgreSQL is used.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UserError(message)


def _seconds(text):
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0
    if not 0 < seconds <= 86400:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 86400, got {text!r}")
    return seconds


def build_parser():
    defaults = GeneratorConfig()
    p = _Parser(description="Fill an OpenDental-shaped PostgreSQL schema `raw` with a synthetic dental practice.",
                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    run = p.add_argument_group("what to generate")
    run.add_argument("--patients", help=f"number of patients (default {defaults.patients}; volumes scale with it)")
    run.add_argument("--start-date", help=f"first day of the analytics window, YYYY-MM-DD, from {EARLIEST_START} "
                     f"(default {defaults.start_date})")
    run.add_argument("--end-date", help="last day of the simulated timeline (its appointment book runs on beyond "
                     "it) (default: today)")
    run.add_argument("--as-of", metavar="MOMENT", help="the moment the database shows: 'now', YYYY-MM-DD (that day at 18:00) or "
                     "YYYY-MM-DDTHH:MM[:SS]; rows entered later are absent and every row has the state it had then "
                     "(default --end-date at 18:00, the timeline's end)")
    run.add_argument("--history-years", help="years the practice existed before --start-date: the database "
                     "holds its history since it opened, and the window starts in steady state; the opening "
                     f"must be {EARLIEST_START} or later (default {defaults.history_years})")
    run.add_argument("--seed", help=f"random seed: same seed and options give the same data (default {defaults.seed})")
    run.add_argument("--clinics", help="number of clinics; 0 = single location, ClinicNum 0 everywhere "
                     f"(default {defaults.clinics})")
    run.add_argument("--patients-per-office", help="a larger practice is generated office by office, each with its "
                     f"own providers, chairs and staff, so memory stays flat (default {defaults.patients_per_office})")
    run.add_argument("--jobs", help="processes generating the offices of a practice side by side; the data is the "
                     "same whatever the number (by default the number of cores less one, here "
                     f"{defaults.jobs}, lowered to what the memory holds)")
    run.add_argument("--volume", action="append", default=[], metavar="NAME=COUNT",
                     help=f"set a volume exactly, within what the practice can produce (at most {VOLUME_CAP} "
                     f"times its default); NAME is one of: {', '.join(volumes.overridable())} (the other tables "
                     "follow from the practice's events; --coverage-rate and --completion-rate move them)")
    run.add_argument("--volume-profile", choices=("realistic", "original"),
                     help="default volumes: 'realistic' (DOMAIN.md proportions) or the original tool's "
                     f"(default {defaults.volume_profile})")
    for rate in RATES:
        run.add_argument(f"--{rate.replace('_', '-')}", help=f"probability, 0-1 (default {getattr(defaults, rate)})")
    db = p.add_argument_group("where to write (no setting anywhere = the embedded PostgreSQL)")
    db.add_argument("--db-host", help=f"PostgreSQL host (default {defaults.db_host})")
    db.add_argument("--db-port", help=f"PostgreSQL port (default {defaults.db_port})")
    db.add_argument("--db-name", help=f"database name (default {defaults.db_name})")
    db.add_argument("--db-user", help=f"user (default {defaults.db_user})")
    db.add_argument("--db-password", nargs="?", const=PROMPT, metavar="VALUE",
                    help="password; without a value it is asked for (see below who can see it; never printed)")
    db.add_argument("--password-file", metavar="PATH", help="read the password from the first line of PATH "
                    "(the file must not be readable by group or others)")
    db.add_argument("--db-url", help="libpq URI or key=value settings, "
                    "e.g. postgresql://user@host:5432/opendental_demo")
    db.add_argument("--embedded", action="store_true", help="use the embedded PostgreSQL even if settings are given")
    db.add_argument("--embedded-dir",
                    help=f"data directory of the embedded PostgreSQL (default {defaults.embedded_dir})")
    db.add_argument("--stop-embedded", action="store_true", help="stop the embedded PostgreSQL and exit")
    db.add_argument("--env-file", help=f"settings file read with python-dotenv (default {DEFAULT_ENV_FILE}, "
                    "which may be absent)")
    db.add_argument("--config-file", help=f"Python settings file, a copy of config.example.py (default "
                    f"{DEFAULT_CONFIG_FILE}, which may be absent)")
    safety = p.add_argument_group("safety")
    safety.add_argument("--reset", action="store_true", help="replace the data of an earlier synthetic run")
    safety.add_argument("--keep-invalid", action="store_true",
                        help="commit a dataset that fails validation, marked 'validation_failed', for inspection "
                        "(without it such a run is rolled back and the previous dataset kept)")
    safety.add_argument("--lock-timeout", type=_seconds, metavar="SECONDS",
                        help="how long to wait for a table another session has locked, saying who holds it, "
                        f"before giving up with exit 2 (default {GeneratorConfig.lock_timeout:g})")
    safety.add_argument("--confirm-not-production", action="store_true",
                        help="allow a database whose name does not look like a demo/test database")
    safety.add_argument("--advance-to", nargs="?", const="now", metavar="MOMENT",
                        help="advance the clock of a dataset of this generator from its recorded as-of to MOMENT "
                        "('now' when no value is given; a date or date-time like --as-of), writing only what "
                        "changed, in one transaction; the options not given are the recorded ones")
    checks = safety.add_mutually_exclusive_group()
    checks.add_argument("--validate-only", action="store_true",
                        help="only run the AR validation pass (and the fidelity report) on an existing dataset")
    checks.add_argument("--fidelity-only", action="store_true",
                        help="only compute the fidelity report of an existing dataset")
    out = p.add_argument_group("output")
    out.add_argument("--report-json", metavar="PATH", help="write the run's row counts and timings as JSON")
    out.add_argument("--fidelity-json", metavar="PATH", help="write the fidelity report as JSON")
    out.add_argument("--fidelity-html", metavar="PATH", help="write the fidelity report with charts as one HTML file")
    out.add_argument("--dbt-profile", metavar="PATH", help=f"where to write the dbt profile of the run's database "
                     f"(default {DBT_PROFILE})")
    out.add_argument("--quiet", action="store_true", help="print only errors, the final line and where the data is")
    out.add_argument("--verbose", action="store_true", help="show tracebacks of unexpected errors")
    return p


def parse_args(argv):
    args, unknown = build_parser().parse_known_args(argv)
    if unknown:
        shown = [word.split("=")[0] if re.fullmatch(r"--[a-z][a-z0-9-]*(=.*)?", word) else "(a value, not shown)"
                 for word in unknown]
        raise UserError(f"unrecognized arguments: {' '.join(shown)} (a value that starts with '-' is given as "
                        "--option=VALUE)")
    return args


def password_from(args):
    """The password given on the command line, by a prompt or by a file; None when none was."""
    if args.db_password is not None and args.password_file:
        raise UserError("give the password one way: --db-password or --password-file")
    if args.password_file:
        return read_password_file(Path(args.password_file).expanduser())
    if args.db_password is PROMPT:
        if not sys.stdin.isatty():
            raise UserError("--db-password without a value asks for it, but stdin is not a terminal; "
                            "use --password-file, PGPASSWORD or ~/.pgpass")
        return getpass.getpass("PostgreSQL password: ")
    return args.db_password


def read_password_file(path):
    if not path.is_file():
        raise UserError(f"--password-file {path}: " + ("is not a file" if path.exists() else "no such file"))
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise UserError(f"--password-file {path} may be read by group or others; chmod 600 it")
    try:
        password = path.read_text(encoding="utf-8").partition("\n")[0].rstrip("\r")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"--password-file {path} cannot be read: {type(error).__name__}") from None
    if not password:
        raise UserError(f"--password-file {path}: the first line is empty")
    return password


def config_from(args):
    cli = {name: value for name, value in (
        ("patients", args.patients), ("start_date", args.start_date), ("end_date", args.end_date),
        ("as_of", args.as_of),
        ("history_years", args.history_years), ("seed", args.seed), ("clinics", args.clinics),
        ("patients_per_office", args.patients_per_office), ("jobs", args.jobs),
        ("volume_profile", args.volume_profile),
        ("db_host", args.db_host), ("db_port", args.db_port), ("db_name", args.db_name),
        ("db_user", args.db_user), ("db_password", password_from(args)), ("db_url", args.db_url),
        ("embedded_dir", args.embedded_dir), ("as_of", args.as_of),
        *((rate, getattr(args, rate)) for rate in RATES)) if value is not None}
    for text in args.volume:
        name, count = parse_volume(text)
        cli[f"volume:{name}"] = count
    env_file, config_file = args.env_file or DEFAULT_ENV_FILE, args.config_file or DEFAULT_CONFIG_FILE
    named = [path for path, given in ((env_file, args.env_file), (config_file, args.config_file)) if given]
    config = build_config(cli, env_file, config_file, force_embedded=args.embedded, required_files=named)
    config.reset, config.allow_non_demo_database = args.reset, args.confirm_not_production
    config.keep_invalid = args.keep_invalid
    config.lock_timeout = args.lock_timeout or config.lock_timeout
    config.quiet, config.verbose = args.quiet, args.verbose
    return config


def advance_moment(args):
    """The moment of --advance-to, or None; the options it does not go with are refused."""
    if args.advance_to is None:
        return None
    others = [option for option, given in (("--as-of", args.as_of), ("--reset", args.reset),
                                           ("--validate-only", args.validate_only),
                                           ("--fidelity-only", args.fidelity_only),
                                           ("--report-json", args.report_json),
                                           ("--fidelity-json", args.fidelity_json),
                                           ("--fidelity-html", args.fidelity_html)) if given]
    if others:
        raise UserError(f"--advance-to does not go with {', '.join(others)}")
    return parse_moment("--advance-to", args.advance_to)


def check_before_connecting(args, config):
    if args.report_json and (args.validate_only or args.fidelity_only):
        raise UserError("--report-json reports a generation run; with --validate-only or --fidelity-only use "
                        "--fidelity-json or --fidelity-html")
    preflight.check_outputs({"--report-json": args.report_json, "--fidelity-json": args.fidelity_json,
                             "--fidelity-html": args.fidelity_html, "--dbt-profile": args.dbt_profile})
    if not (args.validate_only or args.fidelity_only or args.advance_to):  # an advance checks once it has the record
        preflight.fit_jobs(config)
        preflight.check_memory(config)
        volumes.check(config)
    if config.embedded:
        EmbeddedServer(config.embedded_dir).check_directory()
