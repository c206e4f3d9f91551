"""scripts/audit_practice.py: issue 15's audit on the shared test practice: no clinical impossibility, a line per
figure, and a planted impossibility is counted."""
import os
import subprocess
import sys

import psycopg2
import pytest

from conftest import PROJECT, script_module

SCRIPT = PROJECT / "scripts" / "audit_practice.py"
MUST_BE_ZERO = "(must be 0)"


@pytest.fixture(scope="module")
def audit():
    return script_module(SCRIPT)


@pytest.fixture
def cursor(practice_db, audit):
    server, name = practice_db
    conn = psycopg2.connect(dbname=name, **server)
    with conn.cursor() as cursor:
        audit.prepare(cursor)
        yield cursor
    conn.rollback()
    conn.close()


def by_name(audit, cursor):
    return {name: now for name, _, now in audit.figures(cursor)}


def test_no_clinical_impossibility_and_the_history_is_there(audit, cursor):
    now = by_name(audit, cursor)
    impossible = {name: value for name, value in now.items() if MUST_BE_ZERO in name}
    assert len(impossible) >= 12
    assert {name: value for name, value in impossible.items() if value.split(" of ")[0] != "0"} == {}
    assert int(now["procedures before the window"].replace(",", "")) > 0


def test_a_planted_impossibility_is_counted(audit, cursor):
    cursor.execute("""INSERT INTO done SELECT * FROM done WHERE "ProcCode" = 'D0220' LIMIT 1""")
    assert cursor.rowcount == 1
    assert by_name(audit, cursor)["patient-days with D0220 twice (must be 0)"] == "1"


def test_the_script_prints_a_line_per_figure(practice_db, audit):
    server, name = practice_db
    dsn = f"host={server['host']} port={server['port']} user={server['user']} dbname={name}"
    env = {**os.environ, "PGPASSWORD": server.get("password", "")}
    result = subprocess.run([sys.executable, str(SCRIPT), dsn], capture_output=True, text=True, env=env,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" | ")[0] for line in lines] == [figure[0] for figure in audit.FIGURES]
    assert all(len(line.split(" | ")) == 3 and line.split(" | ")[2].startswith("now: ") for line in lines)


def test_bad_input_is_one_line_and_exit_2():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    result = subprocess.run([sys.executable, str(SCRIPT), "host=/nonexistent dbname=x"], capture_output=True, text=True)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and result.stdout == ""
