"""scripts/audit_insurance.py: one line per figure of issue 16 on a generated practice, the benefit rules' figures
at 0 (of a count above 0), and a figure that moves when the data is tampered with."""
import os
import re
import subprocess
import sys

import psycopg2
import pytest

from conftest import PROJECT, script_module

SCRIPT = PROJECT / "scripts" / "audit_insurance.py"
RULE_FIGURES = ("deductible", "annual maximum", "fluoride over age limit", "FMX/pano within 5 years",
                "third exam in a year", "coverage percent", "coordination of benefits")


@pytest.fixture(scope="module")
def audit():
    return script_module(SCRIPT)


def run(*args, env=None):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **(env or {})})


def test_one_line_per_figure_and_the_benefit_rules_hold(practice_db, audit):
    server, name = practice_db
    dsn = " ".join(f"{key}={server[key]}" for key in ("host", "port", "user") if key in server) + f" dbname={name}"
    result = run(dsn, env={"PGPASSWORD": server["password"]} if "password" in server else None)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert list(lines) == [figure[0] for figure in audit.FIGURES]
    for figure in RULE_FIGURES:
        broken, total = (int(n.replace(",", "")) for n in re.search(r"([\d,]+) of ([\d,]+)", lines[figure]).groups())
        assert broken == 0 and total > 0, (figure, lines[figure])
    assert lines["completed without claimproc"].startswith("0 ")


def test_a_missing_secondary_claimproc_shows_in_its_figure(practice_db, audit):
    server, name = practice_db
    connection = psycopg2.connect(dbname=name, **server)
    try:
        with connection.cursor() as cursor:
            cursor.execute("""DELETE FROM raw.claimproc WHERE "ClaimProcNum" IN (SELECT c."ClaimProcNum"
                              FROM raw.claimproc c JOIN raw.patplan pp ON pp."InsSubNum" = c."InsSubNum"
                              AND pp."PatNum" = c."PatNum" WHERE pp."Ordinal" = 2 ORDER BY 1 LIMIT 3)""")
            assert cursor.rowcount == 3
        figures = dict(audit.audit(connection))
        assert re.match(r"[123] of ", figures["coordination of benefits"]), figures["coordination of benefits"]
    finally:
        connection.rollback()
        connection.close()


def test_a_bad_dsn_is_one_line_and_exit_2():
    result = run("host=/nonexistent-socket-dir dbname=none connect_timeout=2")
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert run().returncode == 2
