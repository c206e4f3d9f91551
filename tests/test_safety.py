"""Safety: the generator never touches data it did not create, survives interruption, never interleaves."""
import os
import signal
import subprocess
import sys
import time
import uuid

import psycopg2
import pytest

from conftest import PROJECT, TEST_PASSWORD, admin_connection, db_args, isolated, query, run_cli, run_generator
from core import locks
from core.checkpoints import BREAK_VARIABLE, PAUSE_VARIABLE
from core.schema import tables as our_tables
from test_determinism import checksums


def refused(code, out, err, *words):
    assert code == 2 and "Traceback" not in err and TEST_PASSWORD not in out + err, (code, err)
    assert all(word in err for word in words), err


def execute(server, name, statements):
    """Run SQL in a database of the test, committed, on a connection of its own."""
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cur:
        cur.execute(statements)
    conn.close()


def fill_real_looking_raw(server, name):
    execute(server, name, 'CREATE SCHEMA raw; CREATE TABLE raw.patient ("PatNum" int8 PRIMARY KEY, '
                          '"LName" varchar(100));'
                          "INSERT INTO raw.patient SELECT g, 'Real' || g FROM generate_series(1, 50) g")


def test_a_raw_schema_with_data_but_no_marker_is_refused_and_untouched(server, new_database):
    name = new_database()
    fill_real_looking_raw(server, name)
    before = checksums(server, name)
    for extra in ([], ["--reset"]):
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", *extra]))
        refused(code, out, err, "did not create", "raw.patient")
    assert checksums(server, name) == before
    assert query(server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'dental_synth'") == [(0,)]


def test_an_existing_synthetic_dataset_needs_reset(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--end-date", "2025-06-30"]))
    refused(code, out, err, "--reset")
    assert checksums(server, name) == before
    assert run_generator(server, name, "--reset", patients=40) == 0
    assert query(server, name, "SELECT count(*) FROM raw.patient") == [(40,)]


def test_tables_of_another_shape_are_reported_not_altered(server, new_database):
    name = new_database()
    execute(server, name, 'CREATE SCHEMA raw; CREATE TABLE raw.patient ("PatNum" int8 PRIMARY KEY, "LName" text)')
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
    name = f"test_demo_created_{uuid.uuid4().hex[:8]}"
    try:
        assert run_generator(server, name, patients=20) == 0
        assert query(server, name, "SELECT count(*) FROM raw.patient") == [(20,)]
    finally:
        with admin_connection(server) as conn:
            conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_run(server, name, *extra, env=None, patients=60):
    args = isolated([*db_args(server, name), "--patients", str(patients), "--end-date", "2025-06-30", "--reset",
                     *extra])
    return subprocess.Popen([sys.executable, str(PROJECT / "main.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, cwd=PROJECT)


def start_paused(server, name, point, *extra, patients=60):
    process = start_run(server, name, *extra, env={PAUSE_VARIABLE: point}, patients=patients)
    line = process.stderr.readline()
    assert f"paused at {point}" in line, line + process.stderr.read()
    return process


@pytest.mark.parametrize("point", ["schema", "copy:patient", "copy:fee", "keys", "validation"])
def test_a_run_killed_anywhere_leaves_the_previous_dataset_and_the_next_run_succeeds(server, previous_dataset, point):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, point)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert checksums(server, name) == before
    assert query(server, name, "SELECT count(*), min(status) FROM dental_synth.generator_run") == [(1, "complete")]
    assert run_generator(server, name, "--reset", patients=30, seed=8) == 0


def test_a_dropped_server_connection_mid_copy_rolls_back_cleanly(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, "copy:patient")
    with admin_connection(server) as conn:
        conn.cursor().execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                              "AND application_name LIKE 'dental_practice_generator%%'", (name,))
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode != 0 and "Traceback" not in err
    assert checksums(server, name) == before


def test_a_server_error_mid_run_is_one_line_and_changes_nothing(server, previous_dataset):
    """Stands in for disk full: the server fails the COPY into raw.patient after the foundation is written."""
    name = previous_dataset()
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
    lines = [line for line in err.strip().splitlines() if not line.startswith("waiting for")]
    assert code != 0 and len(lines) == 1 and "Traceback" not in err, err
    assert "statement timeout" in err
    assert checksums(server, name) == before


def test_two_runs_at_once_do_not_interleave(server, previous_dataset):
    name = previous_dataset()
    process = start_paused(server, name, "copy:patient")
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset"]))
        refused(code, out, err, "another generator run")
    finally:
        process.kill()
        process.wait()


def foreign_objects(server, name):
    """A digest of everything in raw and analytics that is not the generator's: rows of tables, definitions of
    views (their rows follow the generator's tables), function sources, sequence positions."""
    relations = query(server, name, """SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid)
                                       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                       WHERE n.nspname IN ('raw', 'analytics') AND c.relkind IN ('r', 'v', 'm', 'S')
                                         AND NOT (n.nspname = 'raw' AND c.relname = ANY (%(ours)s))
                                         AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                                                         WHERE d.objid = c.oid AND d.deptype = 'a'
                                                           AND t.relnamespace = n.oid AND t.relname = ANY (%(ours)s))
                                       ORDER BY 1, 2""",
                      {"ours": list(our_tables()) + ["patient_PatNum_seq", "appointment_AptNum_seq"]})
    digest = {}
    for space, relation, kind, definition in relations:
        contents = ("SELECT last_value::text || is_called::text FROM {}" if kind == "S" else
                    "SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} t")
        digest[f"{space}.{relation}"] = definition if kind == "v" else query(server, name,
                                                                             contents.format(f'{space}."{relation}"'))
    for (source,) in query(server, name, """SELECT pg_get_functiondef(p.oid) FROM pg_proc p
                                            JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'raw'"""):
        digest[source.split("(")[0]] = source
    return digest


def add_objects_of_others(server, name):
    """A user's notes, view, function and sequence in raw; dbt's models in a schema of their own."""
    execute(server, name, """CREATE TABLE raw.my_notes (id serial PRIMARY KEY, note text);
                             INSERT INTO raw.my_notes (note) VALUES ('call the lab about the crown');
                             CREATE VIEW raw.patient_count AS SELECT count(*) AS patients FROM raw.patient;
                             CREATE FUNCTION raw.note_count() RETURNS bigint LANGUAGE sql
                                 AS 'SELECT count(*) FROM raw.my_notes';
                             CREATE SEQUENCE raw.ticket_number START 40;
                             SELECT nextval('raw.ticket_number'), nextval('raw.ticket_number');
                             CREATE SCHEMA analytics;
                             CREATE VIEW analytics.stg_patient AS SELECT "PatNum", "LName" FROM raw.patient;
                             CREATE TABLE analytics.fct_visits AS SELECT "PatNum" FROM raw.appointment LIMIT 5;""")


def test_reset_replaces_only_the_generators_tables(server, previous_dataset):
    name = previous_dataset()
    add_objects_of_others(server, name)
    before = foreign_objects(server, name)
    assert {"raw.my_notes", "raw.patient_count", "raw.ticket_number", "analytics.stg_patient"} <= before.keys()
    assert run_generator(server, name, "--reset", patients=40, seed=8) == 0
    assert foreign_objects(server, name) == before
    assert query(server, name, "SELECT patients FROM raw.patient_count") == [(40,)]
    code, out, err = run_cli(*isolated([*db_args(server, name), "--validate-only"]))
    assert code == 0, err


def test_the_primary_keys_built_after_the_load_are_committed_as_they_were(server, previous_dataset):
    """Loading drops and rebuilds the keys inside the run; a key another object depends on is kept throughout."""
    name = previous_dataset()
    execute(server, name, 'CREATE VIEW public.visits AS SELECT p."PatNum", p."LName", count(*) FROM raw.patient p '
                          'JOIN raw.appointment a ON a."PatNum" = p."PatNum" GROUP BY p."PatNum"')
    keys = ("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'p' AND connamespace = 'raw'::regnamespace ORDER BY 1")
    before = query(server, name, keys)
    assert len(before) == sum(1 for table in our_tables().values() if table.primary_key)
    assert run_generator(server, name, "--reset", patients=30, seed=8) == 0
    assert query(server, name, keys) == before
    assert query(server, name, "SELECT count(*) > 0 FROM public.visits") == [(True,)]


def test_data_of_others_beside_empty_generator_tables_is_left_alone(server, new_database):
    """Only the generator's own tables decide the refusal: a raw schema without the marker whose only rows are in
    a user's table of another name is filled around it."""
    name = new_database()
    execute(server, name, "CREATE SCHEMA raw; CREATE TABLE raw.my_notes (note text); "
                          "INSERT INTO raw.my_notes VALUES ('x')")
    before = foreign_objects(server, name)
    assert run_generator(server, name, patients=20) == 0
    assert foreign_objects(server, name) == before


def test_unmarked_generator_tables_with_rows_are_refused_whatever_else_is_there(server, new_database):
    name = new_database()
    fill_real_looking_raw(server, name)
    execute(server, name, "CREATE TABLE raw.my_notes (note text); CREATE VIEW raw.v AS SELECT 1 AS one")
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", "--reset"]))
    refused(code, out, err, "did not create", "raw.patient")


def test_a_view_in_place_of_a_generator_table_is_refused(server, new_database):
    name = new_database()
    execute(server, name, "CREATE SCHEMA raw; CREATE VIEW raw.patient AS SELECT 1 AS \"PatNum\"")
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20"]))
    refused(code, out, err, "raw.patient is a view, not a table")


def test_a_foreign_key_of_others_on_a_generator_table_is_refused_not_cascaded(server, previous_dataset):
    name = previous_dataset()
    execute(server, name, 'CREATE TABLE raw.my_notes (pat int8 REFERENCES raw.patient ("PatNum"), note text);'
                          'INSERT INTO raw.my_notes SELECT min("PatNum"), \'x\' FROM raw.patient')
    before, others = checksums_without_notes(server, name), foreign_objects(server, name)
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", "--reset"]))
    refused(code, out, err, "raw.my_notes has a foreign key to raw.patient")
    assert checksums_without_notes(server, name) == before and foreign_objects(server, name) == others


def checksums_without_notes(server, name):
    execute(server, name, "ALTER TABLE raw.my_notes SET SCHEMA public")
    try:
        return checksums(server, name)
    finally:
        execute(server, name, "ALTER TABLE public.my_notes SET SCHEMA raw")


def marker(server, name):
    return query(server, name, "SELECT status, seed FROM dental_synth.generator_run ORDER BY started_at")


def test_a_run_that_fails_validation_is_rolled_back(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "40", "--seed", "9", "--reset",
                                        "--end-date", "2025-06-30"]), env={BREAK_VARIABLE: "1"})
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "validation failed" in err and "patient.PriProv must point at an existing provider: 1 row(s)" in err
    assert ", -1)]" in err and "previous dataset is unchanged" in err
    assert checksums(server, name) == before
    assert marker(server, name) == [("complete", 7)]


def test_keep_invalid_commits_the_failing_dataset_marked_as_such(server, previous_dataset):
    name = previous_dataset()
    target = [*db_args(server, name), "--end-date", "2025-06-30"]
    code, out, err = run_cli(*isolated([*target, "--patients", "40", "--seed", "9", "--reset", "--keep-invalid"]),
                             env={BREAK_VARIABLE: "1"})
    assert code == 1 and "FAILED patient.PriProv" in err and "--keep-invalid" in err, err
    assert marker(server, name) == [("complete", 7), ("validation_failed", 9)]
    assert query(server, name, "SELECT count(*) FROM raw.patient") == [(40,)]
    code, out, err = run_cli(*isolated([*target, "--validate-only"]))
    assert code == 1 and "kept with --keep-invalid" in err and "FAILED patient.PriProv" in err, err
    code, out, err = run_cli(*isolated([*target, "--patients", "20"]))
    refused(code, out, err, "kept with --keep-invalid", "--reset")
    assert run_generator(server, name, "--reset", patients=20, seed=10) == 0
    assert marker(server, name)[-1] == ("complete", 10)


def hold_a_read_lock(server, name, application="nosy_reader"):
    """Another session reading raw.patient inside an open transaction."""
    reader = psycopg2.connect(dbname=name, application_name=application, **server)
    reader.cursor().execute("SELECT 1 FROM raw.patient LIMIT 1")
    return reader


def test_a_lock_held_by_another_session_is_waited_for_out_loud_then_given_up(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    reader = hold_a_read_lock(server, name)
    started = time.monotonic()
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset",
                                            "--lock-timeout", "3"]))
        pid = reader.get_backend_pid()
    finally:
        reader.close()
    assert code == 2 and time.monotonic() - started < 30, (code, err)
    waiting, last = err.strip().splitlines()[:-1], err.strip().splitlines()[-1]
    assert waiting and all(line.startswith("waiting for raw.patient, locked by pid") for line in waiting), err
    assert f"pid {pid} ('nosy_reader'" in waiting[0] and "idle in transaction since" in waiting[0]
    assert last.startswith("error: gave up after 3 s waiting for raw.patient") and "unchanged" in last, err
    assert checksums(server, name) == before


def test_a_lock_released_while_the_run_waits_lets_it_go_on(server, previous_dataset):
    name = previous_dataset()
    reader = hold_a_read_lock(server, name)
    process = start_run(server, name, "--quiet", patients=30)
    assert process.stderr.readline().startswith("waiting for raw.patient")
    reader.close()
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err


def a_dead_pid():
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def test_the_lingering_session_of_a_killed_run_is_ended_and_the_retry_goes_on(server, previous_dataset):
    """What a run killed with kill -9 leaves while the server has not noticed: its session, named after a process
    of this host that is gone, holding the generator's lock and a lock on raw.patient."""
    name = previous_dataset()
    dead = a_dead_pid()
    lingering = psycopg2.connect(dbname=name, application_name=locks.run_name(dead), **server)
    lingering.cursor().execute("SELECT pg_advisory_lock(%s); LOCK TABLE raw.patient IN SHARE MODE", (locks.LOCK_KEY,))
    started = time.monotonic()
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset", "--quiet",
                                            "--end-date", "2025-06-30"]))
        assert code == 0, err
        assert f"ending the session of an earlier run that was killed: pid {lingering.get_backend_pid()}" in err
        assert time.monotonic() - started < 60
        with pytest.raises(psycopg2.OperationalError):
            lingering.cursor().execute("SELECT 1")
    finally:
        lingering.close()


def test_a_retry_right_after_kill_9_is_not_refused(server, previous_dataset):
    name = previous_dataset()
    process = start_paused(server, name, "validation")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    started = time.monotonic()
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset", "--quiet",
                                        "--end-date", "2025-06-30"]))
    assert code == 0 and time.monotonic() - started < 30, err


def test_a_session_of_a_live_run_or_of_another_host_is_not_ended(server, previous_dataset):
    name = previous_dataset()
    for application in (locks.run_name(os.getpid()), f"{locks.APPLICATION} {a_dead_pid()}@another-host"):
        holder = psycopg2.connect(dbname=name, application_name=application, **server)
        holder.cursor().execute("SELECT pg_advisory_lock(%s)", (locks.LOCK_KEY,))
        try:
            code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "30", "--reset"]))
            refused(code, out, err, "another generator run is writing", f"pid {holder.get_backend_pid()}")
            holder.cursor().execute("SELECT 1")
        finally:
            holder.close()


def interrupted_line(process, expected_code):
    """Waits for the interrupted run; returns its one line on stderr after 'paused at'."""
    _, err = process.communicate(timeout=60)
    lines = err.strip().splitlines()
    assert process.returncode == expected_code and len(lines) == 1, (process.returncode, err)
    return lines[0]


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("point", ["connect", "schema", "copy:patient", "copy:procedurelog", "keys", "validation",
                                   "commit"])
def test_an_interrupted_run_says_so_in_one_line_and_changes_nothing(server, previous_dataset, point, number):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, point, patients=30)
    process.send_signal(number)
    line = interrupted_line(process, 128 + number)
    assert line.startswith("interrupted (") and line.endswith("the previous dataset is unchanged"), line
    assert checksums(server, name) == before
    assert marker(server, name) == [("complete", 7)]


def test_ctrl_c_while_waiting_for_a_lock_stops_at_once(server, previous_dataset):
    """The run is blocked inside PostgreSQL, not in Python: the signal has to cancel the query."""
    name = previous_dataset()
    before = checksums(server, name)
    reader = hold_a_read_lock(server, name)
    try:
        process = start_run(server, name, "--lock-timeout", "600", patients=30)
        assert process.stderr.readline().startswith("waiting for raw.patient")
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        line = interrupted_line(process, 130)
    finally:
        reader.close()
    assert time.monotonic() - started < 10 and "previous dataset is unchanged" in line
    assert checksums(server, name) == before


# Two offices of 100 patients, each generated by a worker process of its own.
IN_WORKERS = ("--patients-per-office", "100", "--jobs", "2")
ON_LINUX = pytest.mark.skipif(not os.path.isdir("/proc"), reason="finds the worker processes in /proc")


def _stat(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def workers_of(pid):
    """The live worker processes of the run `pid` (its children that multiprocessing spawned)."""
    found = []
    for entry in os.listdir("/proc"):
        stat = _stat(entry) if entry.isdigit() else None
        if stat and int(stat[1]) == pid and stat[0] != "Z":
            try:
                if b"spawn_main" in open(f"/proc/{entry}/cmdline", "rb").read():
                    found.append(int(entry))
            except OSError:
                pass
    return found


def gone(pids, timeout=15):
    """Whether every process of `pids` has exited (a zombie left to an init that does not reap counts) in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(_stat(pid) is None or _stat(pid)[0] == "Z" for pid in pids):
            return True
        time.sleep(0.1)
    return False


@ON_LINUX
def test_a_run_killed_while_its_workers_generate_leaves_no_worker_and_the_previous_dataset(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, "copy:patient", *IN_WORKERS, patients=200)
    workers = workers_of(process.pid)
    process.send_signal(signal.SIGKILL)  # before any assertion: a failed one would leave the paused run behind
    process.wait(timeout=30)
    assert len(workers) == 2 and gone(workers)
    assert checksums(server, name) == before
    assert run_generator(server, name, "--reset", *IN_WORKERS, patients=200, seed=8) == 0


@ON_LINUX
def test_a_worker_that_dies_fails_the_run_in_one_line_and_changes_nothing(server, previous_dataset):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, "office:2", *IN_WORKERS, patients=200)
    for pid in workers_of(process.pid):  # the paused one, and the other unless it has finished its office
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, err = process.communicate(timeout=60)
    lines = err.strip().splitlines()
    assert process.returncode == 1 and len(lines) == 1 and "worker process" in lines[0], err
    assert checksums(server, name) == before
    assert marker(server, name) == [("complete", 7)]


@ON_LINUX
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_run_stops_its_workers_and_changes_nothing(server, previous_dataset, number):
    name = previous_dataset()
    before = checksums(server, name)
    process = start_paused(server, name, "copy:patient", *IN_WORKERS, patients=200)
    workers = workers_of(process.pid)
    process.send_signal(number)
    line = interrupted_line(process, 128 + number)
    assert line.endswith("the previous dataset is unchanged") and gone(workers), line
    assert checksums(server, name) == before
