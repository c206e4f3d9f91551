"""The two commands of README's quick start (generate.sh, test.sh), CI's own entry (.ci/run), and generate.ps1
mirroring every option of main.py."""
import os
import shutil
import subprocess
import sysconfig

import pytest

from conftest import PROJECT

LEFT_OUT = shutil.ignore_patterns(".git", ".venv*", ".pgdata", "__pycache__", "build", "*.egg-info", "reports")


@pytest.fixture
def checkout(tmp_path):
    """A copy of the project whose requirements install nothing (this environment's packages are on
    PYTHONPATH), so the wrappers' own set-up runs without downloading."""
    source = tmp_path / "project"
    shutil.copytree(PROJECT, source, ignore=LEFT_OUT)
    (source / "requirements.txt").write_text("# nothing to download in this test\n")
    (source / "requirements-dev.txt").write_text("-r requirements.txt\n")
    return source


def wrapper(checkout, command, *args, **env):
    outer = os.pathsep.join(sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}))
    environment = {**os.environ, "CI": "", "PYTHONPATH": outer, "DENTAL_VENV": str(checkout / ".venv-test"), **env}
    result = subprocess.run([str(checkout / command), *args], capture_output=True, text=True, env=environment,
                            cwd=checkout.parent, timeout=300)
    return result.returncode, result.stdout, result.stderr


def test_generate_sh_sets_up_its_environment_once_and_runs_main(checkout):
    code, out, err = wrapper(checkout, "generate.sh", "--help")
    assert code == 0 and "usage:" in out and "--patients" in out, err
    assert "Creating" in err and "Installing requirements.txt" in err
    assert (checkout / ".venv-test" / "bin" / "python").exists()
    code, out, err = wrapper(checkout, "generate.sh", "--help")
    assert code == 0 and "Creating" not in err and "Installing" not in err
    with open(checkout / "requirements.txt", "a") as requirements:
        requirements.write("# changed\n")
    assert "Installing requirements.txt" in wrapper(checkout, "generate.sh", "--help")[2]


def test_generate_sh_passes_bad_input_through_with_mains_exit_code(checkout):
    code, out, err = wrapper(checkout, "generate.sh", "--patients", "many")
    assert code == 2 and err.strip().splitlines()[-1].startswith("error: ") and "Traceback" not in err


def test_test_sh_runs_pytest_with_its_arguments(checkout):
    code, out, err = wrapper(checkout, "test.sh", "--collect-only", "-q", "tests/test_wrappers.py")
    assert code == 0 and "test_test_sh_runs_pytest_with_its_arguments" in out, err
    assert "Installing requirements-dev.txt" in err


def test_ci_run_calls_test_sh_in_a_fresh_environment_and_fails_when_nothing_is_collected(checkout):
    stale = checkout / ".venv-ci" / "stale"
    stale.parent.mkdir()
    stale.write_text("")
    code, out, err = wrapper(checkout, ".ci/run", "-k", "no_test_has_this_name", CI="true")
    assert code == 5 and "error: pytest collected no tests" in err
    assert not stale.exists() and (checkout / ".venv-ci" / "bin" / "python").exists()


@pytest.mark.parametrize("ci, code, word", [("true", 1, "1 error"), ("", 0, "1 skipped")])
def test_the_reference_files_missing_fail_in_ci_and_skip_elsewhere(checkout, ci, code, word):
    assert not (checkout.parent / "shared" / "reference").exists()
    result = wrapper(checkout, "test.sh", "-q", "-rs", "tests/test_schema.py", "-k", "derived", CI=ci)
    assert result[0] == code and word in result[1] and "analytics_sources.csv absent from" in result[1], result
