"""GeneratorConfig: every option of a run, from CLI > .env_demo > environment > config.py > defaults.

Volumes are derived from the patient count by the ratios in VOLUMES (quoted per 5,000 patients);
any of them can be overridden. Everything is validated here, before a connection is attempted.
"""
import math
import os
import re
import runpy
import traceback
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path

import psycopg2
from dotenv import dotenv_values
from dotenv.parser import parse_stream

from .errors import UserError

PROJECT_DIR = Path(__file__).resolve().parent.parent
ANALYTICS_START = date(2023, 1, 1)
# The analytics' tests reject dates of 2000 and before (DOMAIN.md: DateEntry > 2000, SecDateEntry >= 2000, RefDate
# between 2000 and 2100), so a practice's history starts in 2001 at the earliest.
EARLIEST_START = date(2001, 1, 1)
# The practice opened this many years before --start-date: the database holds its history since (every first
# visit, recall and balance backed by rows) and the window starts with a settled patient base.
HISTORY_YEARS = 3
# A volume override may ask for at most this many times its default for the practice's patient count
# (at least VOLUME_FLOOR rows): enough to model a very busy practice, never millions of rows per patient.
VOLUME_CAP = 20
VOLUME_FLOOR = 1000
# The office has closed by then: a day's activity is all in, so it is the moment a date given alone stands for
# (the end of --end-date is the simulated horizon and the default as-of).
END_OF_DAY = time(18, 0)
REFERENCE_PATIENTS = 5000
MAX_PATIENTS = 10_000_000
# A larger practice is generated office by office (each with its own providers, chairs, staff and patients,
# sharing the reference data), so memory stays flat whatever the patient count.
PATIENTS_PER_OFFICE = 25_000
# --jobs: processes generating offices side by side (each holds one office in memory).
MAX_JOBS = 1024


def default_jobs():
    """The cores but one: the run's own process, loading, and the server's backend taking the rows need a core of
    their own (measured on 2 cores: two workers beside them made a 50,000-patient run 10-15% slower than one)."""
    return max(1, (os.cpu_count() or 1) - 1)

# name: (our default at 5,000 patients, the original tool's value, why ours differs), quoted for the reference
# run: 2023-01-01 to 2026-11-30 with the default history (a practice open since 2020-01-01, REFERENCE_YEARS of
# activity). The tables of events (EVENT_VOLUMES) scale with a run's simulated years too. Ours are what the
# practice's behaviour produces at the reference (measured, seed 20230101); procedures, commlogs and documents
# are also the targets those phases fill to. The original's values stay reachable with --volume-profile original.
REFERENCE_YEARS = (date(2026, 11, 30) - date(2020, 1, 1)).days / 365.25  # 6.91
EVENT_VOLUMES = ("appointments", "procedures", "claims", "claimprocs", "claim_payments", "payments", "paysplits",
                 "adjustments", "commlogs", "documents")
VOLUMES = {
    "appointments": (56_000, 15_000, "what the patients' behaviour books over 6.9 years: about 1.6 hygiene visits "
                     "a year per active patient, treatment, failed and planned appointments"),
    "procedures": (152_000, 20_000, "DOMAIN.md 8: a real practice charts 60-100k procedures for 5-8k patients a year or two "
                   "(exam, x-rays and cleaning are separate procedures of one visit); the treatment target"),
    "patient_plans": (3_300, 3_500, "measured"),
    "subscribers": (1_600, 3_000, "measured: one per policy holder of the insured families"),
    "claims": (22_400, 8_000, "measured"),
    "claimprocs": (83_400, 25_000, "measured"),
    "claim_payments": (15_400, 5_000, "measured"),
    "payments": (31_000, 12_000, "measured"),
    "paysplits": (70_500, 15_000, "measured"),
    "adjustments": (5_800, 2_000, "the target of the discounts; fees, credits and bad debt come on top (8,000 written)"),
    "recalls": (5_500, 3_200, "measured (recalls due in the window); DOMAIN.md 4/5.4: the analytics require "
                "5,000-15,000 recalls due in the window"),
    "referral_attachments": (2_000, 2_000, ""),
    "commlogs": (53_000, 15_000, "DOMAIN.md 8: reminders and confirmations alone give 20-60k at this size; "
                 "30,000 over the 3.9-year window before the history, the same a year"),
    "documents": (17_700, 10_000, "10,000 over the 3.9-year window before the history, the same a year"),
}
RATES = {
    "coverage_rate": 0.60,
    "completion_rate": 0.75,
    "fee_match_rate": 0.80,
}
# Keys of .env_demo, the environment and config.py, and the GeneratorConfig field each one sets.
SETTING_KEYS = {
    "DEMO_POSTGRES_HOST": "db_host",
    "DEMO_POSTGRES_PORT": "db_port",
    "DEMO_POSTGRES_DB": "db_name",
    "DEMO_POSTGRES_USER": "db_user",
    "DEMO_POSTGRES_PASSWORD": "db_password",
    "DEMO_DATABASE_URL": "db_url",
    "DEMO_START_DATE": "start_date",
    "DEMO_END_DATE": "end_date",
    "DEMO_AS_OF": "as_of",
    "DEMO_NUM_PATIENTS": "patients",
    "DEMO_NUM_APPOINTMENTS": "volume:appointments",
    "DEMO_NUM_PROCEDURES": "volume:procedures",
    "DEMO_SEED": "seed",
    "DEMO_HISTORY_YEARS": "history_years",
    "DEMO_PATIENTS_PER_OFFICE": "patients_per_office",
    "DEMO_CLINICS": "clinics",
    "DEMO_EMBEDDED_DIR": "embedded_dir",
}
DATABASE_FIELDS = ("db_host", "db_port", "db_name", "db_user", "db_password", "db_options")
# A --db-url / DEMO_DATABASE_URL is shorthand for these fields, at the precedence of the source that gave it;
# within one source a separate setting (e.g. --db-host) beats the URL's part.
URL_FIELDS = {"host": "db_host", "port": "db_port", "user": "db_user", "dbname": "db_name", "password": "db_password"}
# What libpq says about a URL or key=value string that does not parse, as the problem we name instead (its
# message quotes the text, which may hold the password; libpq gives no code for these, so its text is matched).
URL_PROBLEMS = (
    ("forbidden value %00", "%00 is not allowed"),
    ("percent-encoded", "a % that is not followed by two hex digits (write a literal % as %25)"),
    ('missing "=" after', "a word without '=' (quote a value holding spaces: password='...')"),
    ("unterminated quoted string", "a quoted value that is not closed"),
    ("invalid connection option", "an unknown setting name"),
    ("invalid URI query parameter", "an unknown query parameter"),
    ("key/value separator", "a query parameter that is not NAME=VALUE"),
    ("IPv6 host address", "an IPv6 address not closed by ]"),
    ("unexpected character", "an unexpected character after the host"),
)


@dataclass
class GeneratorConfig:
    patients: int = REFERENCE_PATIENTS
    start_date: date = ANALYTICS_START
    end_date: date = field(default_factory=date.today)
    history_years: int = HISTORY_YEARS
    seed: int = 20230101
    clinics: int = 0
    patients_per_office: int = PATIENTS_PER_OFFICE
    volume_profile: str = "realistic"
    volume_overrides: dict = field(default_factory=dict)
    coverage_rate: float = RATES["coverage_rate"]
    completion_rate: float = RATES["completion_rate"]
    fee_match_rate: float = RATES["fee_match_rate"]
    as_of: datetime | None = None  # the moment the database is written as of; None: the horizon
    db_host: str = "localhost"
    db_port: int = 5432
    db_name: str = "opendental_demo"
    db_user: str = "postgres"
    db_password: str = field(default="", repr=False)
    db_options: tuple = field(default=(), repr=False)  # other libpq keywords of a URL (sslmode, service, ...)
    embedded: bool = True
    embedded_dir: Path = PROJECT_DIR / ".pgdata"
    reset: bool = False
    allow_non_demo_database: bool = False
    keep_invalid: bool = False
    lock_timeout: float = 30.0
    jobs: int = field(default_factory=default_jobs)  # processes generating offices side by side
    verbose: bool = False
    quiet: bool = False
    sources: dict = field(default_factory=dict, repr=False)

    def volume(self, name):
        """The target row count of a volume, scaled from its per-5,000-patient ratio (and, for the tables of
        events, from the reference run's simulated years to this run's)."""
        if name in self.volume_overrides:
            return self.volume_overrides[name]
        ours, original, _ = VOLUMES[name]
        return max(1, round((original if self.volume_profile == "original" else ours) * self.reference_scale(name)))

    def reference_scale(self, name):
        """This run's size relative to the reference run VOLUMES is quoted for, for volume `name`."""
        years = self.simulated_years / REFERENCE_YEARS if name in EVENT_VOLUMES else 1.0
        return self.patients / REFERENCE_PATIENTS * years

    def offices(self):
        """One configuration per office, generated one after another: patients as even as possible (none above
        patients_per_office), and volumes given for the whole practice shared out in proportion."""
        sizes = shares(self.patients, [1] * self.office_count)
        overrides = {name: shares(count, sizes) for name, count in self.volume_overrides.items()}
        return [replace(self, patients=size,
                        volume_overrides={name: max(1, counts[i]) for name, counts in overrides.items()})
                for i, size in enumerate(sizes)]

    @property
    def office_count(self):
        return -(-self.patients // self.patients_per_office)

    @property
    def opened(self):
        """The day the practice opened, history_years before start_date (a 29 February on 28 February)."""
        year = self.start_date.year - self.history_years
        try:
            return self.start_date.replace(year=year)
        except ValueError:
            return self.start_date.replace(year=year, day=28)

    @property
    def simulated_years(self):
        """The years of activity the practice's database holds: from the opening to today."""
        return (self.end_date - self.opened).days / 365.25

    @property
    def today(self):
        """The simulated 'today': the last day of activity. Nothing else reads the clock."""
        return self.end_date

    @property
    def horizon(self):
        """The last moment simulated: the end of --end-date."""
        return datetime.combine(self.end_date, END_OF_DAY)

    @property
    def moment(self):
        """The moment the database holds the practice as of (naive, seconds)."""
        return self.as_of or self.horizon

    def public_options(self):
        """The options of the run, safe to print or store (no password, no URL with credentials)."""
        return {
            "patients": self.patients, "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(), "history_years": self.history_years, "seed": self.seed, "clinics": self.clinics,
            "patients_per_office": self.patients_per_office, "volume_profile": self.volume_profile,
            "volume_overrides": dict(self.volume_overrides),
            "coverage_rate": self.coverage_rate, "completion_rate": self.completion_rate,
            "fee_match_rate": self.fee_match_rate, "as_of": self.moment.isoformat(),
        }


def shares(total, weights):
    """`total` split in proportion to `weights` as whole numbers that add up to it (largest remainders)."""
    weights = [w / sum(weights) for w in weights]
    parts = [math.floor(total * w) for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: parts[i] - total * weights[i])[:total - sum(parts)]:
        parts[i] += 1
    return parts


def _parse_int(key, value, low, high, show=True):
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserError(f"{key} must be a whole number" + (f", got {value!r}" if show else "")) from None
    if not low <= number <= high:
        raise UserError(f"{key} must be between {low:,} and {high:,}" + (f", got {number:,}" if show else ""))
    return number


def _parse_rate(key, value):
    try:
        rate = float(str(value).strip())
    except ValueError:
        raise UserError(f"{key} must be a number between 0 and 1, got {value!r}") from None
    if not (0 < rate <= 1) or math.isnan(rate):
        raise UserError(f"{key} must be a number above 0 and at most 1, got {value!r}")
    return rate


def _parse_date(key, value):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(f"{key} must be a date as YYYY-MM-DD, got {value!r}") from None


def parse_moment(key, value):
    """A moment: 'now' (this second), a date as YYYY-MM-DD (that day at END_OF_DAY) or a date and time as
    YYYY-MM-DDTHH:MM[:SS] (naive, local; to the second)."""
    text = str(value).strip()
    if text == "now":
        return datetime.now().replace(microsecond=0)
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), END_OF_DAY)
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is not None or moment.microsecond:
        raise UserError(f"{key} must be 'now', YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] (local time), got {value!r}")
    return moment


def parse_volume(text):
    name, sep, count = str(text).partition("=")
    name = name.strip().replace("-", "_")
    if not sep or name not in VOLUMES:
        raise UserError(f"--volume takes NAME=COUNT with NAME one of {', '.join(VOLUMES)}; got {text!r}")
    return name, _parse_int(f"volume {name}", count, 1, MAX_PATIENTS * 100)


def url_settings(key, value):
    """The GeneratorConfig fields a libpq URI or key=value string stands for; one line naming the problem
    (never any part of the text after the scheme) when it does not parse."""
    text = str(value).strip()
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]{0,19})://", text)
    if scheme and scheme.group(1) not in ("postgresql", "postgres"):
        raise UserError(f"{key} must start with postgresql:// (or be key=value settings), not {scheme.group(0)}")
    if not scheme and "=" not in text:
        raise UserError(f"{key} is neither a postgresql:// URI nor key=value settings (the value is not shown)")
    try:
        parsed = psycopg2.extensions.parse_dsn(text)
    except psycopg2.Error as error:
        problem = next((name for pattern, name in URL_PROBLEMS if pattern in str(error)), "a malformed part")
        raise UserError(f"{key} does not parse: it has {problem} (the value is not shown)") from None
    if "," in parsed.get("host", "") + parsed.get("port", "") + parsed.get("hostaddr", ""):
        raise UserError(f"{key} names several hosts; give one host (the value is not shown)")
    fields = {URL_FIELDS[k]: v for k, v in parsed.items() if k in URL_FIELDS and v != ""}
    if "db_port" in fields:
        fields["db_port"] = _parse_int(f"the port of {key}", fields["db_port"], 1, 65535, show=False)
    fields["db_options"] = tuple(sorted((k, v) for k, v in parsed.items() if k not in URL_FIELDS))
    return fields


def _coerce(target, key, value):
    """Turn a raw setting into the typed value of GeneratorConfig field `target`."""
    if target == "volume_profile":
        if value not in ("realistic", "original"):
            raise UserError(f"{key} must be 'realistic' or 'original', got {value!r}")
        return value
    if target == "patients":
        return _parse_int(key, value, 1, MAX_PATIENTS)
    if target == "patients_per_office":
        return _parse_int(key, value, 100, MAX_PATIENTS)
    if target == "db_port":
        return _parse_int(key, value, 1, 65535)
    if target == "seed":
        return _parse_int(key, value, 0, 2**63 - 1)
    if target == "jobs":
        return _parse_int(key, value, 1, MAX_JOBS)
    if target == "clinics":
        return _parse_int(key, value, 0, 100)
    if target == "history_years":
        return _parse_int(key, value, 0, 100)
    if target == "as_of":
        return parse_moment(key, value)
    if target in ("start_date", "end_date"):
        return _parse_date(key, value)
    if target in RATES:
        return _parse_rate(key, value)
    if target.startswith("volume:"):
        return _parse_int(key, value, 1, MAX_PATIENTS * 100)
    if target == "embedded_dir":
        return Path(value).expanduser().resolve()
    if target == "db_host" and not str(value).strip():
        raise UserError(f"{key} must not be empty")
    return str(value)


def _env_file_values(path):
    """python-dotenv only warns about a line it cannot parse and skips it; here it is an error."""
    with open(path, encoding="utf-8") as stream:
        for binding in parse_stream(stream):
            if binding.error:
                raise UserError(f"{path} line {binding.original.line}: not KEY=VALUE (the line is not shown)")
    return dotenv_values(path)


def _config_py_values(path):
    """The upper-case names a config.py assigns; any failure of it (SystemExit too) is one line."""
    try:
        names = runpy.run_path(str(path))
    except KeyboardInterrupt:
        raise
    except SyntaxError as error:
        raise UserError(f"{path} line {error.lineno}: {error.msg}") from None
    except BaseException as error:  # a user's config.py may raise anything, even SystemExit
        lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == str(path)]
        where = f" line {lines[-1]}" if lines else ""
        raise UserError(f"{path}{where}: {type(error).__name__} while running it (the message is not shown; "
                        "config.py should only assign DEMO_* names, see config.example.py)") from None
    return {k: v for k, v in names.items() if k.isupper()}


def _file_settings(path, kind, required):
    """Settings from .env_demo (kind 'env') or config.py (kind 'py'), keyed like SETTING_KEYS. A file named on
    the command line must exist; the default ones may be absent."""
    option = "--env-file" if kind == "env" else "--config-file"
    if not path:
        return {}
    path = Path(path).expanduser()
    if path.is_dir():
        raise UserError(f"{option} {path} is a directory, not a file")
    if not path.exists():
        if required:
            raise UserError(f"{option} {path}: no such file")
        return {}
    try:
        values = _env_file_values(path) if kind == "env" else _config_py_values(path)
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{option} {path} cannot be read: {type(error).__name__}") from None
    unknown = sorted(k for k in values if k not in SETTING_KEYS)
    if unknown:
        raise UserError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(SETTING_KEYS)}")
    if os.name == "posix" and path.stat().st_mode & 0o077 and _holds_password(values):
        raise UserError(f"{path} holds a password and may be read by group or others; chmod 600 it")
    return {k: v for k, v in values.items() if v is not None and str(v) != ""}


def _holds_password(values):
    """Whether a settings file gives a password, itself or inside its URL (one that does not parse is told
    apart later, naming the problem)."""
    if values.get("DEMO_POSTGRES_PASSWORD"):
        return True
    try:
        return bool(values.get("DEMO_DATABASE_URL")) and "db_password" in url_settings(
            "DEMO_DATABASE_URL", values["DEMO_DATABASE_URL"])
    except UserError:
        return False


def _expand_url(settings):
    """A layer's URL replaced by the fields it stands for; the layer's own separate settings win."""
    if "db_url" not in settings:
        return settings
    key, value = settings.pop("db_url")
    parts = {target: (key, part) for target, part in url_settings(key, value).items()}
    return {**parts, **settings}


def _option(target):
    """The command-line option that sets a GeneratorConfig field, for messages."""
    if target.startswith("volume:"):
        return f"--volume {target.split(':', 1)[1]}"
    return f"--{target.replace('_', '-')}"


def build_config(cli, env_file, config_file, environ=None, force_embedded=False, required_files=()):
    """Merge the sources (highest first: CLI, .env_demo, environment, config.py) into a GeneratorConfig.

    `cli` maps GeneratorConfig field names (or 'volume:NAME') to values the user gave on the command line;
    `required_files` names the files of env_file and config_file that the user named and so must exist.
    """
    environ = os.environ if environ is None else environ
    env_values = _file_settings(env_file, "env", env_file in required_files)
    py_values = _file_settings(config_file, "py", config_file in required_files)
    layers = [
        ("command line", {k: (_option(k), v) for k, v in cli.items()}),
        (str(env_file), {SETTING_KEYS[k]: (k, v) for k, v in env_values.items()}),
        ("environment", {SETTING_KEYS[k]: (k, environ[k]) for k in SETTING_KEYS if environ.get(k, "") != ""}),
        (str(config_file), {SETTING_KEYS[k]: (k, v) for k, v in py_values.items()}),
    ]
    config = GeneratorConfig()
    for source, settings in reversed(layers):
        for target, (key, value) in _expand_url(settings).items():
            typed = value if target == "db_options" else _coerce(target, key, value)
            if target.startswith("volume:"):
                config.volume_overrides[target.split(":", 1)[1]] = typed
            else:
                setattr(config, target, typed)
            config.sources[target] = key if source == "command line" else f"{key} in {source}"
    config.embedded = force_embedded or not any(f in config.sources for f in DATABASE_FIELDS)
    _check(config)
    return config


def _check(config):
    if config.start_date < EARLIEST_START:
        raise UserError(f"--start-date {config.start_date} is before {EARLIEST_START}: the analytics' tests reject "
                        "dates of 2000 and before, so the practice's history cannot start earlier")
    if config.start_date.year - config.history_years < EARLIEST_START.year:
        source = config.sources.get("history_years", "--history-years")
        raise UserError(f"{source} ({config.history_years}) opens the practice before {EARLIEST_START} "
                        f"(--start-date {config.start_date}); at most {config.start_date.year - EARLIEST_START.year}")
    if config.end_date < config.start_date:
        raise UserError(f"--end-date {config.end_date} is before --start-date {config.start_date}")
    if config.as_of and config.as_of > config.horizon:
        raise UserError(f"--as-of {config.as_of} is after the simulated timeline, which ends at "
                        f"{config.horizon} (--end-date); give a later --end-date")
    if config.as_of and config.as_of > datetime.now():
        raise UserError(f"--as-of {config.as_of} is in the future")
    if config.as_of and config.as_of < datetime.combine(config.opened, END_OF_DAY):
        raise UserError(f"--as-of {config.as_of} is before the practice's first day, {config.opened} "
                        "(--start-date less --history-years)")
    if config.end_date > date.today() and not config.as_of:
        raise UserError(f"--end-date {config.end_date} is in the future; the simulated 'today' must not be after "
                        "today (a timeline that runs on needs an --as-of of now or earlier)")
    if (config.end_date - config.start_date).days < 28:
        raise UserError("the date range must cover at least four weeks (--start-date to --end-date)")
    if config.volume_profile not in ("realistic", "original"):
        raise UserError("--volume-profile must be 'realistic' or 'original'")
    for name, count in config.volume_overrides.items():
        if count > volume_cap(config, name):
            source = config.sources.get(f"volume:{name}", _option(f"volume:{name}"))
            raise UserError(f"{source} asks for {count:,} rows, more than {volume_cap(config, name):,} "
                            f"({VOLUME_CAP} times the default for {config.patients:,} patients); "
                            "a larger volume needs more --patients")


def volume_cap(config, name):
    """The largest count a volume override may ask for: VOLUME_CAP times its default, at least VOLUME_FLOOR."""
    ours, original, _ = VOLUMES[name]
    return max(VOLUME_FLOOR, VOLUME_CAP * round(max(ours, original) * config.reference_scale(name)))


def warnings_for(config):
    """Problems that do not stop a run but that the user should hear about."""
    if config.start_date < ANALYTICS_START:
        yield (f"--start-date {config.start_date} is before 2023-01-01: the analytics ignore rows dated earlier")


# The options that make a dataset what it is, as its ownership marker records them (public_options): an advance
# of the clock continues the recorded practice, so these come from the record.
RECORDED_OPTIONS = ("patients", "start_date", "end_date", "history_years", "seed", "clinics", "patients_per_office",
                    "volume_profile", "volume_overrides", *RATES)


def _given(config, name):
    """The setting that gave option `name` (command line, .env_demo, environment or config.py), or None."""
    if name == "volume_overrides":
        return next((config.sources[k] for k in sorted(config.sources) if k.startswith("volume:")), None)
    return config.sources.get(name)


def with_recorded_options(config, recorded):
    """The configuration of the dataset whose marker recorded the options `recorded`: every option of
    RECORDED_OPTIONS from the record; one the user gave must equal the recorded value (UserError otherwise)."""
    missing = [name for name in RECORDED_OPTIONS if name not in recorded]
    if missing:
        raise UserError(f"the dataset's marker records no {', '.join(missing)} (an older version generated it); "
                        "generate it again with --reset before advancing its clock")
    given = config.public_options()
    for name in RECORDED_OPTIONS:
        if _given(config, name) and given[name] != recorded[name]:
            raise UserError(f"{_given(config, name)} gives {given[name]}, but the dataset was generated with "
                            f"{recorded[name]}; an advance continues the recorded practice (leave the option out, "
                            "or generate again with --reset)")
    dates = {name: date.fromisoformat(recorded[name]) for name in ("start_date", "end_date")}
    typed = {**{name: recorded[name] for name in RECORDED_OPTIONS}, **dates,
             "volume_overrides": dict(recorded["volume_overrides"])}
    return replace(config, **typed, as_of=None)
