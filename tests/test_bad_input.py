"""Bad input gives one line naming the problem and exit code 2, with nothing written and no secret shown."""
import uuid

import pytest

from conftest import TEST_PASSWORD, admin_connection, db_args, isolated, query, run_cli


def assert_clean_refusal(code, out, err, *words):
    assert code == 2, (code, out, err)
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in out + err
    assert TEST_PASSWORD not in out + err
    for word in words:
        assert word in lines[0], (word, lines[0])


@pytest.mark.parametrize("args, words", [
    (["--patients", "-5"], ["--patients", "between"]),
    (["--patients", "0"], ["--patients"]),
    (["--patients", "lots"], ["--patients", "whole number"]),
    (["--patients", "99999999999"], ["--patients"]),
    (["--start-date", "2024-02-30"], ["--start-date", "YYYY-MM-DD"]),
    (["--end-date", "yesterday"], ["--end-date"]),
    (["--start-date", "2024-06-01", "--end-date", "2024-01-01"], ["before"]),
    (["--end-date", "2999-01-01"], ["future"]),
    (["--db-port", "0"], ["--db-port"]),
    (["--db-port", "http"], ["--db-port"]),
    (["--coverage-rate", "1.5"], ["--coverage-rate"]),
    (["--volume", "widgets=5"], ["--volume"]),
    (["--volume", "appointments=-1"], ["appointments"]),
    (["--clinics", "-1"], ["--clinics"]),
    (["--patients-per-office", "5"], ["--patients-per-office", "between"]),
    (["--no-such-option"], ["unrecognized"]),
])
def test_bad_options_are_refused_before_connecting(args, words):
    assert_clean_refusal(*run_cli(*isolated(["--db-host", "localhost", "--db-port", "1", *args])), *words)


def test_unreachable_server(server):
    code, out, err = run_cli(*isolated(["--db-host", "127.0.0.1", "--db-port", "9", "--db-name", "test_demo_x",
                                        "--patients", "10"]))
    assert_clean_refusal(code, out, err, "cannot reach PostgreSQL")


def test_wrong_password(password_server):
    name = f"test_demo_password_{uuid.uuid4().hex[:8]}"
    with admin_connection(password_server) as conn:
        conn.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        args = db_args({**password_server, "password": "not-the-password"}, name)
        code, out, err = run_cli(*isolated([*args, "--patients", "10"]))
        assert_clean_refusal(code, out, err, "password")
        assert "not-the-password" not in out + err
        assert query(password_server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'") == [(0,)]
    finally:
        with admin_connection(password_server) as conn:
            conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_password_never_printed_on_success(server, new_database):
    name = new_database()
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", "--end-date", "2024-06-30"]))
    assert code == 0, err
    assert TEST_PASSWORD not in out + err
    stored = query(server, name, "SELECT options::text FROM dental_synth.generator_run")
    assert TEST_PASSWORD not in str(stored)
