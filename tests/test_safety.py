"""Safety: the generator never touches data it did not create, survives interruption, never interleaves."""
import os
import signal
import subprocess
import sys
import time

import psycopg2
import pytest

from conftest import PROJECT, TEST_PASSWORD, admin_connection, db_args, isolated, query, run_cli, run_generator
from core.checkpoints import PAUSE_VARIABLE
from test_determinism import checksums


def refused(code, out, err, *words):
    assert code == 2 and "Traceback" not in err and TEST_PASSWORD not in out + err, (code, err)
    assert all(word in err for word in words), err


def fill_real_looking_raw(server, name):
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cur:
        cur.execute('CREATE SCHEMA raw; CREATE TABLE raw.patient ("PatNum" int8 PRIMARY KEY, "LName" varchar(100));'
                    "INSERT INTO raw.patient SELECT g, 'Real' || g FROM generate_series(1, 50) g")
    conn.close()


def test_a_raw_schema_with_data_but_no_marker_is_refused_and_untouched(server, new_database):
    name = new_database()
    fill_real_looking_raw(server, name)
    before = checksums(server, name)
    for extra in ([], ["--reset"]):
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", *extra]))
        refused(code, out, err, "did not create", "raw.patient")
    assert checksums(server, name) == before
    assert query(server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'dental_synth'") == [(0,)]


def test_an_existing_synthetic_dataset_needs_reset(server, new_database):
    name = new_database()
    assert run_generator(server, name, patients=30) == 0
    before = checksums(server, name)
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--end-date", "2025-06-30"]))
    refused(code, out, err, "--reset")
    assert checksums(server, name) == before
    assert run_generator(server, name, "--reset", patients=40) == 0
    assert query(server, name, "SELECT count(*) FROM raw.patient") == [(40,)]


def test_tables_of_another_shape_are_reported_not_altered(server, new_database):
    name = new_database()
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cur:
        cur.execute('CREATE SCHEMA raw; CREATE TABLE raw.patient ("PatNum" int8 PRIMARY KEY, "LName" text)')
    conn.close()
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20"]))
    refused(code, out, err, "differ from schema/create_tables.sql", "patient.")
    columns = query(server, name, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'raw'")
    assert columns == [(2,)]


@pytest.mark.parametrize("prefix", ["opendental_analytics", "practice_reporting"])
def test_databases_that_do_not_look_like_demos_need_confirmation(server, new_database, prefix):
    name = new_database(prefix)
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20"]))
    refused(code, out, err, "--confirm-not-production")
    assert query(server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'") == [(0,)]
    assert run_generator(server, name, "--confirm-not-production", patients=20) == 0


def test_a_missing_demo_database_is_created(server):
    name = f"test_demo_created_{os.getpid()}"
    try:
        assert run_generator(server, name, patients=20) == 0
        assert query(server, name, "SELECT count(*) FROM raw.patient") == [(20,)]
    finally:
        with admin_connection(server) as conn:
            conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_paused(server, name, point, patients=60):
    args = isolated([*db_args(server, name), "--patients", str(patients), "--end-date", "2025-06-30", "--reset"])
    process = subprocess.Popen([sys.executable, str(PROJECT / "main.py"), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, PAUSE_VARIABLE: point}, cwd=PROJECT)
    line = process.stderr.readline()
    assert f"paused at {point}" in line, line + process.stderr.read()
    return process


@pytest.mark.parametrize("point", ["schema", "copy:patient", "copy:fee", "validation"])
def test_a_run_killed_anywhere_leaves_the_previous_dataset_and_the_next_run_succeeds(server, new_database, point):
    name = new_database()
    assert run_generator(server, name, patients=30) == 0
    before = checksums(server, name)
    process = start_paused(server, name, point)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    time.sleep(0.5)  # the server notices the dropped connection and rolls the transaction back
    assert checksums(server, name) == before
    assert query(server, name, "SELECT count(*), min(status) FROM dental_synth.generator_run") == [(1, "complete")]
    assert run_generator(server, name, "--reset", patients=30, seed=8) == 0


def test_a_dropped_server_connection_mid_copy_rolls_back_cleanly(server, new_database):
    name = new_database()
    assert run_generator(server, name, patients=30) == 0
    before = checksums(server, name)
    process = start_paused(server, name, "copy:patient")
    with admin_connection(server) as conn:
        conn.cursor().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                              "AND application_name = 'dental_practice_generator'", (name,))
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode != 0 and "Traceback" not in err
    assert checksums(server, name) == before


def test_a_server_error_mid_run_is_one_line_and_changes_nothing(server, new_database):
    """Stands in for disk full: the server fails the COPY into raw.patient after the foundation is written."""
    name = new_database()
    assert run_generator(server, name, patients=30) == 0
    before = checksums(server, name)
    with admin_connection(server) as conn:
        conn.cursor().execute(f"ALTER DATABASE \"{name}\" SET statement_timeout = '2s'")
    blocker = psycopg2.connect(dbname=name, **server)
    blocker.cursor().execute("LOCK TABLE raw.patient IN SHARE MODE")
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "40", "--end-date", "2025-06-30",
                                            "--reset"]))
    finally:
        blocker.close()
    assert code != 0 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert "statement timeout" in err
    assert checksums(server, name) == before


def test_two_runs_at_once_do_not_interleave(server, new_database):
    name = new_database()
    assert run_generator(server, name, patients=30) == 0
    process = start_paused(server, name, "copy:patient")
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset"]))
        refused(code, out, err, "another generator run")
    finally:
        process.kill()
        process.wait()
