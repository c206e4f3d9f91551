"""GeneratorConfig: every option of a run, from CLI > .env_demo > environment > config.py > defaults.

Volumes are derived from the patient count by the ratios in VOLUMES (quoted per 5,000 patients);
any of them can be overridden. Everything is validated here, before a connection is attempted.
"""
import math
import os
import runpy
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from dotenv import dotenv_values

from .errors import UserError

PROJECT_DIR = Path(__file__).resolve().parent.parent
ANALYTICS_START = date(2023, 1, 1)
REFERENCE_PATIENTS = 5000
MAX_PATIENTS = 10_000_000
# A larger practice is generated office by office (each with its own providers, chairs, staff and patients,
# sharing the reference data), so memory stays flat whatever the patient count.
PATIENTS_PER_OFFICE = 25_000

# name: (our default at 5,000 patients, the original tool's value, why ours differs).
# The original's values stay reachable with --volume-profile original.
VOLUMES = {
    "appointments": (15_000, 15_000, ""),
    "procedures": (50_000, 20_000, "DOMAIN.md 8: a real practice charts 60-100k procedures for 5-8k patients "
                   "(exam, x-rays and cleaning are separate procedures of one visit)"),
    "patient_plans": (3_500, 3_500, ""),
    "subscribers": (3_000, 3_000, ""),
    "claims": (8_000, 8_000, ""),
    "claimprocs": (25_000, 25_000, ""),
    "claim_payments": (5_000, 5_000, ""),
    "payments": (12_000, 12_000, ""),
    "paysplits": (15_000, 15_000, ""),
    "adjustments": (2_000, 2_000, ""),
    "recalls": (6_500, 3_200, "DOMAIN.md 4/5.4: the analytics require 5,000-15,000 recalls due in the window"),
    "referral_attachments": (2_000, 2_000, ""),
    "commlogs": (30_000, 15_000, "DOMAIN.md 8: reminders and confirmations alone give 20-60k at this size"),
    "documents": (10_000, 10_000, ""),
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
    "DEMO_NUM_PATIENTS": "patients",
    "DEMO_NUM_APPOINTMENTS": "volume:appointments",
    "DEMO_NUM_PROCEDURES": "volume:procedures",
    "DEMO_SEED": "seed",
    "DEMO_PATIENTS_PER_OFFICE": "patients_per_office",
    "DEMO_CLINICS": "clinics",
    "DEMO_EMBEDDED_DIR": "embedded_dir",
}
DATABASE_FIELDS = ("db_host", "db_port", "db_name", "db_user", "db_password", "db_url")


@dataclass
class GeneratorConfig:
    patients: int = REFERENCE_PATIENTS
    start_date: date = ANALYTICS_START
    end_date: date = field(default_factory=date.today)
    seed: int = 20230101
    clinics: int = 0
    patients_per_office: int = PATIENTS_PER_OFFICE
    volume_profile: str = "realistic"
    volume_overrides: dict = field(default_factory=dict)
    coverage_rate: float = RATES["coverage_rate"]
    completion_rate: float = RATES["completion_rate"]
    fee_match_rate: float = RATES["fee_match_rate"]
    db_host: str = "localhost"
    db_port: int = 5432
    db_name: str = "opendental_demo"
    db_user: str = "postgres"
    db_password: str = field(default="", repr=False)
    db_url: str = field(default="", repr=False)
    embedded: bool = True
    embedded_dir: Path = PROJECT_DIR / ".pgdata"
    reset: bool = False
    allow_non_demo_database: bool = False
    keep_invalid: bool = False
    lock_timeout: float = 30.0
    verbose: bool = False
    quiet: bool = False
    sources: dict = field(default_factory=dict, repr=False)

    def volume(self, name):
        """The target row count of a volume, scaled from its per-5,000-patient ratio."""
        if name in self.volume_overrides:
            return self.volume_overrides[name]
        ours, original, _ = VOLUMES[name]
        per_reference = original if self.volume_profile == "original" else ours
        return max(1, round(per_reference * self.patients / REFERENCE_PATIENTS))

    def offices(self):
        """One configuration per office, generated one after another: patients as even as possible (none above
        patients_per_office), and volumes given for the whole practice shared out in proportion."""
        sizes = shares(self.patients, [1] * -(-self.patients // self.patients_per_office))
        overrides = {name: shares(count, sizes) for name, count in self.volume_overrides.items()}
        return [replace(self, patients=size,
                        volume_overrides={name: max(1, counts[i]) for name, counts in overrides.items()})
                for i, size in enumerate(sizes)]

    @property
    def today(self):
        """The simulated 'today': the last day of activity. Nothing else reads the clock."""
        return self.end_date

    def public_options(self):
        """The options of the run, safe to print or store (no password, no URL with credentials)."""
        return {
            "patients": self.patients, "start_date": self.start_date.isoformat(),
            "end_date": self.end_date.isoformat(), "seed": self.seed, "clinics": self.clinics,
            "patients_per_office": self.patients_per_office, "volume_profile": self.volume_profile,
            "volume_overrides": dict(self.volume_overrides),
            "coverage_rate": self.coverage_rate, "completion_rate": self.completion_rate,
            "fee_match_rate": self.fee_match_rate,
        }


def shares(total, weights):
    """`total` split in proportion to `weights` as whole numbers that add up to it (largest remainders)."""
    weights = [w / sum(weights) for w in weights]
    parts = [math.floor(total * w) for w in weights]
    for i in sorted(range(len(weights)), key=lambda i: parts[i] - total * weights[i])[:total - sum(parts)]:
        parts[i] += 1
    return parts


def _parse_int(key, value, low, high):
    try:
        number = int(str(value).strip())
    except ValueError:
        raise UserError(f"{key} must be a whole number, got {value!r}") from None
    if not low <= number <= high:
        raise UserError(f"{key} must be between {low:,} and {high:,}, got {number:,}")
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


def parse_volume(text):
    name, sep, count = str(text).partition("=")
    name = name.strip().replace("-", "_")
    if not sep or name not in VOLUMES:
        raise UserError(f"--volume takes NAME=COUNT with NAME one of {', '.join(VOLUMES)}; got {text!r}")
    return name, _parse_int(f"volume {name}", count, 1, MAX_PATIENTS * 100)


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
    if target == "clinics":
        return _parse_int(key, value, 0, 100)
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


def _file_settings(path, kind):
    """Settings from .env_demo (kind 'env') or config.py (kind 'py'), keyed like SETTING_KEYS."""
    if not path or not Path(path).is_file():
        return {}
    if kind == "env":
        values = dotenv_values(path)
    else:
        try:
            values = {k: v for k, v in runpy.run_path(str(path)).items() if k.isupper()}
        except Exception as error:  # a user's config.py that does not even run
            raise UserError(f"{path} could not be read: {type(error).__name__}: {error}") from None
    unknown = sorted(k for k in values if k not in SETTING_KEYS)
    if unknown:
        raise UserError(f"{path}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(SETTING_KEYS)}")
    return {k: v for k, v in values.items() if v is not None and str(v) != ""}


def build_config(cli, env_file, config_file, environ=None, force_embedded=False):
    """Merge the sources (highest first: CLI, .env_demo, environment, config.py) into a GeneratorConfig.

    `cli` maps GeneratorConfig field names (or 'volume:NAME') to values the user gave on the command line.
    """
    environ = os.environ if environ is None else environ
    layers = [
        ("command line", {k: (f"--{k.replace('_', '-')}", v) for k, v in cli.items()}),
        (str(env_file), {SETTING_KEYS[k]: (k, v) for k, v in _file_settings(env_file, "env").items()}),
        ("environment", {SETTING_KEYS[k]: (k, environ[k]) for k in SETTING_KEYS if environ.get(k, "") != ""}),
        (str(config_file), {SETTING_KEYS[k]: (k, v) for k, v in _file_settings(config_file, "py").items()}),
    ]
    config = GeneratorConfig()
    for source, settings in reversed(layers):
        for target, (key, value) in settings.items():
            typed = _coerce(target, key, value)
            if target.startswith("volume:"):
                config.volume_overrides[target.split(":", 1)[1]] = typed
            else:
                setattr(config, target, typed)
            config.sources[target] = source
    config.embedded = force_embedded or not any(f in config.sources for f in DATABASE_FIELDS)
    _check(config)
    return config


def _check(config):
    if config.end_date < config.start_date:
        raise UserError(f"--end-date {config.end_date} is before --start-date {config.start_date}")
    if config.end_date > date.today():
        raise UserError(f"--end-date {config.end_date} is in the future; the simulated 'today' must not be after today")
    if (config.end_date - config.start_date).days < 28:
        raise UserError("the date range must cover at least four weeks (--start-date to --end-date)")
    if config.volume_profile not in ("realistic", "original"):
        raise UserError("--volume-profile must be 'realistic' or 'original'")


def warnings_for(config):
    """Problems that do not stop a run but that the user should hear about."""
    if config.start_date < ANALYTICS_START:
        yield (f"--start-date {config.start_date} is before 2023-01-01: the analytics ignore rows dated earlier")
