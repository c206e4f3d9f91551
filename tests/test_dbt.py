"""A real dbt connects: dbt-postgres, in a virtual environment of its own (cached between runs), builds a tiny
project (tests/dbt_project) of models selecting from the raw sources into a schema of its own."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from app.report import dbt_profile
from conftest import PROJECT, query, run_generator, unavailable
from core.database import Target

DBT_POSTGRES, DBT_CORE = "1.11.0", "1.11.16"  # dbt-core 1.12 needs a parser downloaded from outside PyPI
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dental-synth" / f"dbt-{DBT_POSTGRES}-{DBT_CORE}"
TARGET_SCHEMA = "analytics"  # where the printed profile puts dbt's own models: outside raw
MODELS = {"patients": "patient", "appointments": "appointment", "procedures": "procedurelog",
          "claim_lines": "claimproc", "patient_production": "patient"}


def dbt_environment():
    """The dbt executable of a virtual environment holding exactly dbt-postgres, installed once per version."""
    dbt, complete = CACHE / "bin" / "dbt", CACHE / ".complete"
    if not complete.exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(CACHE)], check=True)
        try:
            subprocess.run([str(CACHE / "bin" / "python"), "-m", "pip", "install", "--quiet",
                            "--disable-pip-version-check", f"dbt-postgres=={DBT_POSTGRES}", f"dbt-core=={DBT_CORE}"],
                           check=True, capture_output=True, text=True, timeout=600)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            shutil.rmtree(CACHE, ignore_errors=True)
            unavailable(f"dbt-postgres {DBT_POSTGRES} did not install: {(error.stderr or '')[-500:]}")
        complete.write_text(f"dbt-postgres=={DBT_POSTGRES} dbt-core=={DBT_CORE}\n")
    return dbt


def write_profile(directory, server, dbname):
    """The profiles.yml block a run prints for its database (dbt's models in analytics, the password from the
    environment, never the file)."""
    profile = directory / "profiles.yml"
    target = Target(str(server["host"]), int(server["port"]), server["user"], dbname)
    profile.write_text(dbt_profile(target))
    profile.chmod(0o600)
    return profile


def dbt(executable, command, project, profiles, server):
    environment = {**os.environ, "PGPASSWORD": server.get("password", ""), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    return subprocess.run([str(executable), command, "--project-dir", str(project), "--profiles-dir", str(profiles)],
                          capture_output=True, text=True, env=environment, timeout=600)


def test_dbt_debug_and_run_build_models_from_the_raw_sources(server, new_database, tmp_path):
    executable = dbt_environment()
    name = new_database()
    assert run_generator(server, name, patients=60) == 0
    project = tmp_path / "dbt_project"
    shutil.copytree(PROJECT / "tests" / "dbt_project", project)
    profiles = write_profile(tmp_path, server, name).parent
    raw_tables = query(server, name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'raw'")

    debug = dbt(executable, "debug", project, profiles, server)
    assert debug.returncode == 0 and "All checks passed" in debug.stdout, debug.stdout[-3000:]
    run = dbt(executable, "run", project, profiles, server)
    assert run.returncode == 0, run.stdout[-3000:]

    for model, source in MODELS.items():
        built, = query(server, name, f"SELECT count(*) FROM {TARGET_SCHEMA}.{model}")[0]
        expected, = query(server, name, f'SELECT count(*) FROM raw."{source}"')[0]
        assert built == expected > 0, (model, built, expected)
    production = query(server, name, f"SELECT round(sum(production)::numeric, 2) FROM {TARGET_SCHEMA}.patient_production")
    assert production == query(server, name, 'SELECT round(sum("ProcFee")::numeric, 2) FROM raw.procedurelog WHERE "ProcStatus" = 2')  # float8 sums differ in the last bits by order
    assert query(server, name, "SELECT count(*) FROM pg_tables WHERE schemaname = 'raw'") == raw_tables


INCREMENTAL = {  # model: (source, its columns in the model's order)
    "appointments_incremental": ("appointment", '"AptNum", "PatNum", "AptStatus", "AptDateTime", "DateTStamp"'),
    "procedures_incremental": ("procedurelog", '"ProcNum", "PatNum", "ProcStatus", "ProcFee", "ProcDate", "DateTStamp"'),
    "claim_lines_incremental": ("claimproc", '"ClaimProcNum", "ProcNum", "Status", "InsPayAmt", "WriteOff", "SecDateTEdit"'),
}


def test_the_recipe_incremental_models_after_advancing_the_clock(server, new_database, tmp_path):
    """README's recipe: generate as of a past moment, dbt run, advance the clock a week, dbt run again: each
    incremental model equals a full refresh of its source (no change missed, none twice)."""
    executable = dbt_environment()
    name = new_database()
    assert run_generator(server, name, "--as-of", "2025-06-16T12:00", patients=300) == 0
    project = tmp_path / "dbt_project"
    shutil.copytree(PROJECT / "tests" / "dbt_project", project)
    profiles = write_profile(tmp_path, server, name).parent
    first = dbt(executable, "run", project, profiles, server)
    assert first.returncode == 0, first.stdout[-3000:]
    before = {model: query(server, name, f"SELECT count(*) FROM {TARGET_SCHEMA}.{model}")[0][0] for model in INCREMENTAL}
    assert run_generator(server, name, "--advance-to", "2025-06-23T12:00", patients=300) == 0
    second = dbt(executable, "run", project, profiles, server)
    assert second.returncode == 0, second.stdout[-3000:]
    for model, (source, columns) in INCREMENTAL.items():
        missing, = query(server, name, f'SELECT count(*) FROM (SELECT {columns} FROM raw."{source}" EXCEPT '
                                        f'SELECT * FROM {TARGET_SCHEMA}.{model}) d')[0]
        extra, = query(server, name, f'SELECT count(*) FROM (SELECT * FROM {TARGET_SCHEMA}.{model} EXCEPT '
                                      f'SELECT {columns} FROM raw."{source}") d')[0]
        assert missing == extra == 0, (model, missing, extra)
    grown = [model for model in INCREMENTAL
             if query(server, name, f"SELECT count(*) FROM {TARGET_SCHEMA}.{model}")[0][0] > before[model]]
    assert grown, "a week of the practice added no appointment, procedure or claim line"
