"""The command line and the configuration precedence: CLI > .env_demo > environment > config.py > defaults."""
import re
from datetime import date

import pytest

from conftest import run_cli
from core.config import REFERENCE_YEARS, VOLUMES, GeneratorConfig, build_config
from core.database import Target, connection_settings
from core.errors import UserError


def write(path, text):
    """A settings file as a user keeps one that may hold a password: readable by its owner only."""
    path.write_text(text)
    path.chmod(0o600)
    return path


def test_help_lists_every_option_with_its_default_once_and_the_exit_codes():
    code, out, _ = run_cli("--help")
    assert code == 0
    for option in ("--patients", "--start-date", "--end-date", "--db-host", "--db-port", "--db-name", "--db-user",
                   "--db-password", "--password-file", "--db-url", "--seed", "--reset", "--quiet", "--verbose",
                   "--clinics", "--volume", "--coverage-rate", "--completion-rate", "--fee-match-rate",
                   "--validate-only", "--stop-embedded"):
        assert option in out, option
    defaults = GeneratorConfig()
    text = " ".join(out.split())
    for value in (defaults.patients, defaults.start_date, defaults.db_name, defaults.db_port, defaults.seed,
                  defaults.coverage_rate, defaults.patients_per_office):
        assert len(re.findall(rf"\(default {re.escape(str(value))}[;)]", text)) == 1, value
    assert "default:" not in text.replace("(default: today)", "")  # argparse's own "(default: None)" is gone
    for code, meaning in (("0", "succeeded"), ("1", "validation failed"), ("2", "bad input"), ("3", "fidelity"),
                          ("130", "interrupted"), ("143", "SIGTERM")):
        assert re.search(rf"\b{code}\b[^\n]*{meaning}", out), code
    assert "visible to every user" in text and "--password-file" in text


def test_defaults_without_any_setting_use_the_embedded_server(tmp_path):
    config = build_config({}, tmp_path / "none.env", tmp_path / "none.py", environ={})
    assert config.patients == 5000 and config.start_date == date(2023, 1, 1) and config.end_date == date.today()
    assert config.db_name == "opendental_demo" and config.embedded


def test_precedence_cli_over_env_file_over_environment_over_config_py(tmp_path):
    env_file = write(tmp_path / ".env_demo", "DEMO_NUM_PATIENTS=200\nDEMO_POSTGRES_HOST=envfile-host\n"
                                             "DEMO_START_DATE=2023-03-01\n")
    config_py = write(tmp_path / "config.py", "DEMO_NUM_PATIENTS = 400\nDEMO_POSTGRES_HOST = 'configpy-host'\n"
                                              "DEMO_POSTGRES_PORT = 6000\nDEMO_POSTGRES_USER = 'configpy-user'\n"
                                              "DEMO_NUM_PROCEDURES = 777\n")
    environ = {"DEMO_NUM_PATIENTS": "300", "DEMO_POSTGRES_PORT": "7000", "DEMO_NUM_APPOINTMENTS": "999"}
    config = build_config({"patients": "100"}, env_file, config_py, environ=environ)
    assert config.patients == 100                      # CLI beats everything
    assert config.db_host == "envfile-host"            # .env_demo beats environment and config.py
    assert config.start_date == date(2023, 3, 1)
    assert config.db_port == 7000                      # environment beats config.py
    assert config.db_user == "configpy-user"           # config.py beats the default
    assert config.volume("procedures") == 777 and config.volume("appointments") == 999
    assert not config.embedded                         # a database setting was given


def test_volumes_scale_with_patients_and_profiles_keep_the_original_numbers(tmp_path):
    """VOLUMES are quoted for the reference run (5,000 patients, 2023-01-01 to 2026-11-30, three years of history)."""
    config = build_config({"patients": "10000", "end_date": "2026-11-30"}, None, None, environ={})
    assert config.volume("appointments") == 2 * VOLUMES["appointments"][0]
    assert config.volume("recalls") == 2 * VOLUMES["recalls"][0]
    original = build_config({"patients": "5000", "volume_profile": "original", "end_date": "2026-11-30"}, None, None,
                            environ={})
    assert [original.volume(name) for name in VOLUMES] == [v[1] for v in VOLUMES.values()]


def test_the_tables_of_events_scale_with_the_years_the_practice_has_been_open():
    config = build_config({"end_date": "2026-11-30", "history_years": "0"}, None, None, environ={})
    assert config.opened == config.start_date
    assert config.volume("appointments") == round(VOLUMES["appointments"][0] * config.simulated_years / REFERENCE_YEARS)
    assert config.volume("recalls") == VOLUMES["recalls"][0]  # one per patient and kind, whatever the years


def test_a_leap_day_start_opens_the_practice_on_28_february():
    config = build_config({"start_date": "2024-02-29", "end_date": "2024-12-31", "history_years": "1"}, None, None,
                          environ={})
    assert config.opened.isoformat() == "2023-02-28"


@pytest.mark.parametrize("text, message", [
    ("DEMO_NUM_PATIENTS=many\n", "DEMO_NUM_PATIENTS must be a whole number"),
    ("DEMO_NUM_PATIENTS=-5\n", "DEMO_NUM_PATIENTS must be between"),
    ("DEMO_START_DATE=2023-13-01\n", "DEMO_START_DATE must be a date"),
    ("DEMO_POSTGRES_PORT=70000\n", "DEMO_POSTGRES_PORT must be between"),
    ("DEMO_NUM_PATIENT=5\n", "unknown setting(s) DEMO_NUM_PATIENT"),
])
def test_bad_settings_files_are_rejected_with_the_key_named(tmp_path, text, message):
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_config({}, write(tmp_path / ".env_demo", text), None, environ={})


def test_a_config_py_that_does_not_run_is_a_clear_error(tmp_path):
    with pytest.raises(UserError, match="line 1: '\\(' was never closed"):
        build_config({}, None, write(tmp_path / "config.py", "DEMO_NUM_PATIENTS = (\n"), environ={})


def target_of(cli, environ=None, env_text=None, tmp_path=None):
    env_file = write(tmp_path / ".env_demo", env_text) if env_text else None
    return connection_settings(build_config(cli, env_file, None, environ={}), environ=environ or {})


def test_every_way_of_giving_the_server_resolves_to_the_same_target(tmp_path):
    expected = Target("db.example", 6543, "alice", "clinic_demo", password="pw")
    ways = [
        {"db_host": "db.example", "db_port": "6543", "db_user": "alice", "db_name": "clinic_demo", "db_password": "pw"},
        {"db_url": "postgresql://alice:pw@db.example:6543/clinic_demo"},
        {"db_url": "postgres://alice:pw@db.example:6543/clinic_demo"},
        {"db_url": "host=db.example port=6543 user=alice dbname=clinic_demo password=pw"},
    ]
    for cli in ways:
        target = target_of(cli, tmp_path=tmp_path)
        assert target == expected and target.password == "pw", cli
    assert target_of({}, env_text="DEMO_DATABASE_URL=postgresql://alice:pw@db.example:6543/clinic_demo\n",
                     tmp_path=tmp_path) == expected
    libpq = {"PGHOST": "db.example", "PGPORT": "6543", "PGUSER": "alice", "PGDATABASE": "clinic_demo"}
    assert target_of({"db_password": "pw"}, environ=libpq, tmp_path=tmp_path) == expected


def test_a_separate_setting_beats_the_part_of_a_url_given_in_the_same_source(tmp_path):
    target = target_of({"db_url": "postgresql://alice@db.example:6543/clinic_demo", "db_name": "other_demo"},
                       tmp_path=tmp_path)
    assert (target.host, target.dbname) == ("db.example", "other_demo")
    # a URL on the command line beats a .env_demo setting of a lower source, part by part
    target = target_of({"db_url": "postgresql://alice@db.example/clinic_demo"}, tmp_path=tmp_path,
                       env_text="DEMO_POSTGRES_HOST=envfile-host\nDEMO_POSTGRES_PORT=7000\n")
    assert (target.host, target.port) == ("db.example", 7000)
    # libpq's environment only fills in, and never selects a server by itself
    target = target_of({"db_name": "clinic_demo"}, environ={"PGHOST": "pg-env-host", "PGUSER": "bob"},
                       tmp_path=tmp_path)
    assert (target.host, target.user, target.dbname) == ("pg-env-host", "bob", "clinic_demo")
    assert build_config({}, None, None, environ={"PGHOST": "pg-env-host"}).embedded


def test_a_service_fills_in_what_the_settings_do_not_give(tmp_path):
    services = write(tmp_path / "services.conf", "[practice]\nhost=svc-host\nport=6001\nuser=svc_user\n"
                                                 "dbname=svc_demo\n")
    environ = {"PGSERVICEFILE": str(services), "PGHOST": "ignored-host"}
    target = target_of({"db_url": "service=practice", "db_user": "carol"}, environ=environ, tmp_path=tmp_path)
    assert target == Target("svc-host", 6001, "carol", "svc_demo")
    assert dict(target.options)["service"] == "practice"
    with pytest.raises(UserError, match="service 'nowhere' is not defined"):
        target_of({"db_url": "service=nowhere"}, environ=environ, tmp_path=tmp_path)


def test_the_password_is_never_in_the_repr_of_the_settings(tmp_path):
    config = build_config({"db_url": "postgresql://alice:Hidden-Pw-77@db.example/clinic_demo"}, None, None, environ={})
    target = connection_settings(config, environ={})
    assert "Hidden-Pw-77" not in repr(config) + repr(target) + target.uri + target.where
    assert target.libpq()["password"] == "Hidden-Pw-77"


@pytest.mark.parametrize("host", ["db.example", "::1", "/var/run/postgresql"])
def test_the_printed_uri_names_the_same_target(host):
    target = Target(host, 6543, "al ice", "clinic demo")
    assert target_of({"db_url": target.uri}, tmp_path=None) == target
