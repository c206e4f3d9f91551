"""The project installs as a package (pip install . and pip install -e .) whose console script runs."""
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import project_copy, this_environment
from core import progress, schema
from core.config import GeneratorConfig


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
    probe = ("import core, generators.data, opendental.definitions; from core import progress, schema; "
             "from core.config import GeneratorConfig; "
             "print(core.__file__, len(schema.tables()), len(schema.foreign_keys()), "
             "sum(progress.planned_rows(GeneratorConfig()).values()), len(opendental.definitions.DEFINITIONS_CSV.read_text()))")
    where, *counts = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, cwd=tmp_path,
                                    check=True).stdout.split()
    assert Path(where).is_relative_to(source if editable else tmp_path / "venv")
    assert [int(count) for count in counts[:3]] == [len(schema.tables()), len(schema.foreign_keys()),
                                                    sum(progress.planned_rows(GeneratorConfig()).values())]
    assert int(counts[3]) > 0
