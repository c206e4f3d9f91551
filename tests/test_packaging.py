"""The project installs as a package (pip install . and pip install -e .) whose console script runs."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PROJECT, project_copy, this_environment


def virtualenv(place):
    """A virtual environment without the project that sees this environment's packages (no download)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(place)], check=True)
    python = place / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "outer_environment.pth").write_text("\n".join(this_environment()) + "\n")
    return python


@pytest.mark.parametrize("editable", [False, True], ids=["pip install .", "pip install -e ."])
def test_the_installed_console_script_runs(tmp_path, editable):
    source = project_copy(tmp_path / "source")
    python = virtualenv(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    *(["-e"] if editable else []), str(source)], check=True, timeout=300)
    script = tmp_path / "venv" / "bin" / "dental-synth"
    result = subprocess.run([str(script), "--help"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "usage: dental-synth" in result.stdout and "--patients" in result.stdout
    probe = ("import core, generators.data; from core import schema; from pathlib import Path; "
             "print(core.__file__); print(len(schema.tables())); "
             "print(len(list(Path(generators.data.__file__).parent.glob('*.csv'))))")
    where, tables, csvs = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                                         check=True).stdout.split()
    assert Path(where).is_relative_to(source if editable else tmp_path / "venv")
    assert int(tables) == len(__import__("core.schema").schema.tables())
    assert int(csvs) == len(list((PROJECT / "generators" / "data").glob("*.csv")))
