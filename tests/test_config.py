"""The command line and the configuration precedence: CLI > .env_demo > environment > config.py > defaults."""
from datetime import date

import pytest

from conftest import run_cli
from core.config import VOLUMES, build_config
from core.errors import UserError


def write(path, text):
    path.write_text(text)
    return path


def test_help_lists_every_option_with_its_default():
    code, out, _ = run_cli("--help")
    assert code == 0
    for option in ("--patients", "--start-date", "--end-date", "--db-host", "--db-port", "--db-name", "--db-user",
                   "--db-password", "--db-url", "--seed", "--reset", "--quiet", "--verbose", "--clinics", "--volume",
                   "--coverage-rate", "--completion-rate", "--fee-match-rate", "--validate-only", "--stop-embedded"):
        assert option in out, option
    for default in ("default 5000", "default 2023-01-01", "default opendental_demo", "default 5432", "default 0.6"):
        assert default in out, default


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
    config = build_config({"patients": "10000"}, None, None, environ={})
    assert config.volume("appointments") == 30_000
    assert config.volume("recalls") == 2 * VOLUMES["recalls"][0]
    original = build_config({"patients": "5000", "volume_profile": "original"}, None, None, environ={})
    assert [original.volume(name) for name in VOLUMES] == [v[1] for v in VOLUMES.values()]


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
    with pytest.raises(UserError, match="could not be read"):
        build_config({}, None, write(tmp_path / "config.py", "DEMO_NUM_PATIENTS = (\n"), environ={})
