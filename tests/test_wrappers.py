"""The two commands of README's quick start (generate.sh, test.sh), CI's own entry (.ci/run), and generate.ps1
mirroring every option of main.py."""
import argparse
import os
import re
import shutil
import subprocess

import pytest

from conftest import PROJECT, project_copy, this_environment
from app.options import build_parser


@pytest.fixture
def checkout(tmp_path):
    """A copy of the project whose requirements install nothing (this environment's packages are on
    PYTHONPATH), so the wrappers' own set-up runs without downloading."""
    source = project_copy(tmp_path / "project")
    (source / "requirements.txt").write_text("# nothing to download in this test\n")
    (source / "requirements-dev.txt").write_text("-r requirements.txt\n")
    return source


@pytest.fixture(scope="session")
def bare_venv(tmp_path_factory):
    """A virtual environment of python3 -m venv, nothing installed, made once; without a pip of its own (making
    one takes seconds): `wrapper` puts this environment's packages, pip among them, on PYTHONPATH."""
    place = tmp_path_factory.mktemp("bare-venv") / "venv"
    subprocess.run(["python3", "-m", "venv", "--without-pip", str(place)], check=True, timeout=300)
    return place


@pytest.fixture
def set_up_checkout(checkout, bare_venv):
    """A checkout whose environment exists, not yet installed into: for the tests whose point is what the
    wrappers do after the first-use set-up (that set-up is test_generate_sh_sets_up_its_environment_once...)."""
    shutil.copytree(bare_venv, checkout / ".venv-test", symlinks=True)
    return checkout


def wrapper(checkout, command, *args, **env):
    outer = os.pathsep.join(this_environment())
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


def test_generate_sh_passes_bad_input_through_with_mains_exit_code(set_up_checkout):
    code, out, err = wrapper(set_up_checkout, "generate.sh", "--patients", "many")
    assert code == 2 and err.strip().splitlines()[-1].startswith("error: ") and "Traceback" not in err


def test_test_sh_runs_pytest_with_its_arguments(set_up_checkout):
    code, out, err = wrapper(set_up_checkout, "test.sh", "--collect-only", "-q", "-n", "0", "tests/test_wrappers.py")
    assert code == 0 and "test_test_sh_runs_pytest_with_its_arguments" in out, err
    assert "Installing requirements-dev.txt" in err


def test_ci_run_calls_test_sh_in_a_fresh_environment_and_fails_when_nothing_is_collected(checkout):
    stale = checkout / ".venv-ci" / "stale"
    stale.parent.mkdir()
    stale.write_text("")
    code, out, err = wrapper(checkout, ".ci/run", "-n", "0", "tests/test_config.py", "-k", "no_test_has_this_name",
                             CI="true")
    assert code == 5 and "error: pytest collected no tests" in err
    assert not stale.exists() and (checkout / ".venv-ci" / "bin" / "python").exists()


@pytest.mark.parametrize("ci, code, word", [("true", 1, "1 error"), ("", 0, "1 skipped")])
def test_the_reference_files_missing_fail_in_ci_and_skip_elsewhere(set_up_checkout, ci, code, word):
    assert not (set_up_checkout.parent / "shared" / "reference").exists()
    result = wrapper(set_up_checkout, "test.sh", "-q", "-n", "0", "-rs", "tests/test_schema.py", "-k", "derived",
                     CI=ci)
    assert result[0] == code and word in result[1] and "analytics_sources.csv absent from" in result[1], result


def powershell_script():
    """generate.ps1 read as data: its parameters (name -> type, ValidateSet values), its table of parameter ->
    main.py option, and the parameters handed over through the environment instead."""
    text = (PROJECT / "generate.ps1").read_text()
    block = text[text.index("param(\n"):text.index("\n)\n")]
    parameters = {}
    for line in block.splitlines()[1:]:
        declared = re.search(r"\[(\w+(?:\[\])?)\]\$(\w+),?$", line)
        choices = re.search(r"ValidateSet\(([^)]*)\)", line)
        parameters[declared[2]] = (declared[1].lower(), re.findall(r'"([^"]*)"', choices[1]) if choices else None)

    def table(name):
        body = text[text.index(f"${name} = [ordered]@{{"):]
        body = body[:body.index("}")]
        return dict(re.findall(r'(\w+) = "(--[\w-]+)"', body))
    return text, parameters, table("Flags"), table("ThroughEnvironment")


def powershell_name(option):
    return "".join(part.capitalize() for part in option.removeprefix("--").split("-"))


def main_options():
    return {action.option_strings[-1]: action for action in build_parser()._actions}


def test_generate_ps1_has_a_parameter_for_every_option_of_main_py_mapped_to_that_option():
    text, parameters, flags, environment = powershell_script()
    options = main_options()
    assert set(flags.values()) | set(environment.values()) == set(options), "options not mirrored, or unknown ones"
    for option in options:
        mapped = {name for name, flag in {**flags, **environment}.items() if flag == option}
        assert powershell_name(option) in mapped, f"{option} needs the parameter -{powershell_name(option)}"
    for name, option in flags.items():
        assert name == powershell_name(option), f"-{name} gives {option}"
    assert set(parameters) == (set(flags) | set(environment)) - {"Verbose"}, "a parameter that gives no option"
    assert "Verbose" in flags and "[CmdletBinding()]" in text  # -Verbose is PowerShell's common parameter


def test_generate_ps1_parameters_have_the_kind_of_their_option():
    _, parameters, flags, environment = powershell_script()
    for option, action in main_options().items():
        name = powershell_name(option)
        if name == "Verbose":
            continue
        kind, choices = parameters[name]
        if action.nargs == 0:
            assert kind == "switch", f"-{name} should be a switch"
        elif isinstance(action, argparse._AppendAction):
            assert kind == "string[]", f"-{name} is repeatable"
        elif name in environment:
            assert kind == "securestring", f"-{name} must not be plain text"
        else:
            assert kind not in ("switch", "string[]"), f"-{name} takes one value"
        assert choices == (list(action.choices) if action.choices else None), f"-{name} choices"


def test_generate_ps1_hands_the_password_over_securely():
    text, parameters, flags, environment = powershell_script()
    assert set(environment) == {"DbPassword", "PromptPassword"} and not {"DbPassword", "PromptPassword"} & set(flags)
    assert parameters["PromptPassword"][0] == "switch"
    assert "Read-Host \"PostgreSQL password\" -AsSecureString" in text
    assert "[System.Net.NetworkCredential]::new(\"\", $secret).Password" in text and "PtrToStringAuto(" not in text
    assert "$env:PGPASSWORD = $previous" in text  # restored afterwards


def test_generate_ps1_falls_back_from_the_python_launcher():
    text = (PROJECT / "generate.ps1").read_text()
    order = [text.index(f'Name = "{name}"') for name in ("py", "python", "python3")]
    assert order == sorted(order) and "error: Python 3.10 or newer is needed" in text
