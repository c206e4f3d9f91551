"""Advancing the clock (issue 17): a practice generated as of T1 and advanced to T2 is the practice generated as
of T2, table for table; the advance writes only the difference, is refused in one line when it cannot be right,
is as safe as a run, and an incremental extractor reading the change stamps and deletedobject rebuilds T2 from T1.
"""
import io
import os
import signal
import subprocess
import sys
import uuid
from datetime import datetime

import psycopg2
import pytest

from conftest import PROJECT, TEST_PASSWORD, admin_connection, db_args, drop_database, isolated, query, run_cli
from core import schema
from core.checkpoints import PAUSE_VARIABLE
from generators import as_of
from main import main
from opendental.change_tracking import LOGGED_DELETIONS, change_stamp

# A small practice over a short timeline: a year and a half, its last day a Monday.
PRACTICE = ("--patients", "300", "--seed", "5", "--start-date", "2024-07-01", "--history-years", "1",
            "--end-date", "2025-06-30")
HORIZON = "2025-06-30T18:00:00"
MORNING = "2025-06-30T10:00:00"  # the dataset most tests advance: the last day, mid-morning
STEPS = {
    "an hour": ("2025-06-30T10:00:00", ["2025-06-30T11:00:00"]),
    "a day": ("2025-06-26T12:00:00", ["2025-06-27T12:00:00"]),
    "a week": ("2025-06-20T12:00:00", ["2025-06-27T12:00:00"]),
    "a month": ("2025-05-27T12:00:00", ["2025-06-27T12:00:00"]),
    "across a year boundary": ("2024-12-30T12:00:00", ["2025-01-02T12:00:00"]),
    "small steps within a day": ("2025-06-30T08:00:00", ["2025-06-30T09:30:00", "2025-06-30T12:15:00",
                                                         "2025-06-30T13:00:00", HORIZON]),
    "small steps over a weekend": ("2025-06-27T16:30:00", ["2025-06-27T18:00:00", "2025-06-28T11:00:00",
                                                           "2025-06-30T08:00:00", "2025-06-30T09:00:00"]),
}


def checksums(server, name):
    """Row count and md5 of every raw table's rows, in the order of their text (an advance moves rows on disk)."""
    tables = query(server, name, """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = 'raw' AND c.relkind = 'r' ORDER BY 1""")
    return {table: query(server, name, f"""SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n'
                                                                  ORDER BY t::text), '')) FROM raw."{table}" t""")[0]
            for (table,) in tables}


def differing(first, second):
    return sorted(table for table in first.keys() | second.keys() if first.get(table) != second.get(table))


def marker(server, name):
    return query(server, name, """SELECT run_id, status, options->>'as_of',
                                         (SELECT count(*) FROM dental_synth.advance)
                                  FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1""")[0]


def advance(server, name, moment, *extra):
    return main(isolated([*db_args(server, name), "--advance-to", moment, "--quiet", *extra]))


@pytest.fixture(scope="session")
def as_of_templates(server):
    """Practices generated as of a moment, once per session (per worker): moment -> (database, whether it
    generated cleanly), for `dataset` to copy."""
    templates = {}
    yield templates
    for name, _ in templates.values():
        drop_database(server, name)


@pytest.fixture
def dataset(server, new_database, as_of_templates):
    """A factory of fresh databases each holding the practice generated directly as of `moment`."""
    def make(moment):
        if moment not in as_of_templates:
            name = f"test_demo_as_of_{uuid.uuid4().hex[:8]}"
            with admin_connection(server) as conn:
                conn.cursor().execute(f'CREATE DATABASE "{name}"')
            code = main(isolated([*db_args(server, name), *PRACTICE, "--as-of", moment, "--quiet"]))
            as_of_templates[moment] = name, code == 0
        name, clean = as_of_templates[moment]
        assert clean, f"the practice as of {moment} did not generate cleanly"
        return new_database(template=name)
    return make


@pytest.mark.parametrize("step", STEPS, ids=list(STEPS))
def test_advancing_gives_exactly_the_practice_generated_as_of_the_later_moment(server, dataset, step):
    start, moments = STEPS[step]
    name = dataset(start)
    for moment in moments:
        assert advance(server, name, moment) == 0, f"the advance to {moment} failed"
    assert marker(server, name)[2] == moments[-1]
    advanced, direct = checksums(server, name), checksums(server, dataset(moments[-1]))
    assert not differing(advanced, direct), f"tables that differ: {differing(advanced, direct)}"


def transaction_now(server, name):
    return query(server, name, "SELECT txid_current()")[0][0]


def rows_written_since(server, name, transaction):
    """Per table, the rows whose current version a transaction after `transaction` wrote (inserted or updated)."""
    written = {}
    for table in schema.tables():
        (count,) = query(server, name, f'SELECT count(*) FROM raw."{table}" WHERE xmin::text::bigint > %s',
                         (transaction,))[0]
        if count:
            written[table] = count
    return written


def test_an_advance_writes_only_the_difference_and_records_it(server, dataset):
    name = dataset(MORNING)
    before, transaction = checksums(server, name), transaction_now(server, name)
    run_id = marker(server, name)[0]
    code, out, err = run_cli(*isolated([*db_args(server, name), "--advance-to", "2025-06-30T11:00"]))
    assert code == 0, err
    (changes, from_as_of, to_as_of), = query(server, name, "SELECT row_changes, from_as_of::text, to_as_of::text "
                                                            "FROM dental_synth.advance")
    assert (from_as_of, to_as_of) == ("2025-06-30 10:00:00", "2025-06-30 11:00:00")
    assert changes, "an hour of a Monday morning changed nothing"
    after = checksums(server, name)
    assert sorted(changes) == differing(before, after)
    for table, counts in changes.items():
        assert after[table][0] - before[table][0] == counts["inserted"] - counts["deleted"], table
    written = rows_written_since(server, name, transaction)
    assert written == {table: c["inserted"] + c["updated"] for table, c in changes.items()
                       if c["inserted"] + c["updated"]}
    assert marker(server, name) == (run_id, "complete", "2025-06-30T11:00:00", 1)
    inserted = sum(c["inserted"] for c in changes.values())
    assert f"to 2025-06-30T11:00:00: {inserted:,} rows inserted" in out and "Validation:" in out


def test_an_advance_to_the_same_state_writes_nothing(server, dataset):
    name = dataset(MORNING)
    before, transaction = checksums(server, name), transaction_now(server, name)
    assert advance(server, name, "2025-06-30T10:00:01") == 0
    assert checksums(server, name) == before
    assert rows_written_since(server, name, transaction) == {}
    assert query(server, name, "SELECT row_changes FROM dental_synth.advance") == [({},)]
    assert marker(server, name)[2] == "2025-06-30T10:00:01"


HISTORY = {"histappointment": "AptNum", "entrylog": "FKey"}  # an appointment's own history, deleted with it


def unreferenced_appointment(server, name):
    """An appointment nothing but its own history refers to."""
    children = [f for f in schema.foreign_keys() if f.parent == "appointment" and f.table not in HISTORY]
    free = " AND ".join(f'NOT EXISTS (SELECT 1 FROM raw."{f.table}" c WHERE c."{f.column}" = a."AptNum")'
                        for f in children)
    (appointment,) = query(server, name, f'SELECT min("AptNum") FROM raw.appointment a WHERE {free}')[0]
    assert appointment is not None
    return appointment


def projection_deleting(appointment, logged):
    """The projection, then `appointment` deleted from the staging schema with its history (and its deletedobject
    row when `logged`), and the first patient changed."""
    project = as_of.project

    def projected(cursor, schema_name, moment):
        project(cursor, schema_name, moment)
        for table, column in {"appointment": "AptNum", **HISTORY}.items():
            cursor.execute(f'DELETE FROM "{schema_name}"."{table}" WHERE "{column}" = %s', (appointment,))
        if logged:
            cursor.execute(f'INSERT INTO "{schema_name}".deletedobject VALUES (1, %s, 0, %s)', (appointment, moment))
        cursor.execute(f'UPDATE "{schema_name}".patient SET "DateTStamp" = %s WHERE "PatNum" = 1', (moment,))
    return projected


def test_deletions_and_changes_of_the_projection_reach_raw_with_their_deletedobject_row(server, dataset,
                                                                                        monkeypatch):
    name = dataset(MORNING)
    appointment = unreferenced_appointment(server, name)
    monkeypatch.setattr(as_of, "project", projection_deleting(appointment, logged=True))
    assert advance(server, name, "2025-06-30T11:00") == 0
    assert query(server, name, 'SELECT count(*) FROM raw.appointment WHERE "AptNum" = %s', (appointment,)) == [(0,)]
    assert query(server, name, 'SELECT "ObjectNum", "ObjectType" FROM raw.deletedobject') == [(appointment, 0)]
    changes = query(server, name, "SELECT row_changes FROM dental_synth.advance")[0][0]
    assert changes["appointment"]["deleted"] == 1 and changes["deletedobject"]["inserted"] == 1
    assert changes["patient"]["updated"] >= 1  # the first patient, and those the advance's hours changed
    assert query(server, name, 'SELECT "DateTStamp" FROM raw.patient WHERE "PatNum" = 1') == [
        (datetime.fromisoformat("2025-06-30T11:00"),)]


def test_a_deletion_the_projection_did_not_log_fails_the_advance(server, dataset, monkeypatch, capsys):
    name = dataset(MORNING)
    before = checksums(server, name)
    monkeypatch.setattr(as_of, "project", projection_deleting(unreferenced_appointment(server, name), logged=False))
    assert advance(server, name, "2025-06-30T11:00") == 1
    assert "without their deletedobject row: {'appointment': 1}" in capsys.readouterr().err
    assert checksums(server, name) == before


def refused(code, out, err, *words):
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("error: "), (code, err)
    assert TEST_PASSWORD not in out + err and all(word in err for word in words), err


@pytest.mark.parametrize("extra, words", [
    (["--advance-to", "2025-06-30T09:00"], ["not after the dataset's as-of 2025-06-30T10:00:00"]),
    (["--advance-to", MORNING], ["not after"]),
    (["--advance-to", "2025-06-30T18:00:01"], ["after the simulated horizon", HORIZON]),
    (["--advance-to"], ["after the simulated horizon"]),  # now: long after 2025
    (["--advance-to", "2025-06-30T11:00", "--patients", "301"], ["--patients gives 301", "generated with 300"]),
    (["--advance-to", "2025-06-30T11:00", "--seed", "6"], ["--seed"]),
    (["--advance-to", "2025-06-30T11:00", "--end-date", "2025-07-31"], ["--end-date"]),
    (["--advance-to", "2025-06-30T11:00", "--coverage-rate", "0.5"], ["--coverage-rate"]),
    (["--advance-to", "2025-06-30T11:00", "--volume", "commlogs=900"], ["--volume commlogs"]),
    (["--advance-to", "2025-06-30T11:00", "--reset"], ["does not go with --reset"]),
    (["--advance-to", "2025-06-30 25:00"], ["--advance-to must be"]),
])
def test_an_advance_that_cannot_be_right_is_refused_in_one_line_and_changes_nothing(server, dataset, extra, words):
    name = dataset(MORNING)
    before, recorded = checksums(server, name), marker(server, name)
    code, out, err = run_cli(*isolated([*db_args(server, name), *extra]))
    refused(code, out, err, *words)
    assert checksums(server, name) == before and marker(server, name) == recorded


def test_the_recorded_options_given_again_are_accepted(server, dataset):
    name = dataset(MORNING)
    assert advance(server, name, "2025-06-30T11:00", *PRACTICE) == 0


def test_a_database_without_a_dataset_of_ours_is_refused(server, new_database):
    empty, foreign = new_database(), new_database()
    with psycopg2.connect(dbname=foreign, **server) as conn, conn.cursor() as cursor:
        cursor.execute('CREATE SCHEMA raw; CREATE TABLE raw.patient ("PatNum" int8 PRIMARY KEY, "LName" varchar(100));'
                       "INSERT INTO raw.patient SELECT g, 'Real' || g FROM generate_series(1, 5) g")
    conn.close()
    code, out, err = run_cli(*isolated([*db_args(server, empty), "--advance-to", "2025-06-30T11:00"]))
    refused(code, out, err, "holds no dataset of this generator")
    code, out, err = run_cli(*isolated([*db_args(server, foreign), "--advance-to", "2025-06-30T11:00"]))
    refused(code, out, err, "did not create")
    assert query(server, foreign, "SELECT count(*) FROM raw.patient") == [(5,)]
    assert query(server, empty, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'dental_synth%%'") == [(0,)]


def start_advance(server, name, point):
    args = isolated([*db_args(server, name), "--advance-to", "2025-06-30T11:00"])
    process = subprocess.Popen([sys.executable, str(PROJECT / "main.py"), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, PAUSE_VARIABLE: point}, cwd=PROJECT)
    line = process.stderr.readline()
    assert f"paused at {point}" in line, line + process.stderr.read()
    return process


@pytest.mark.parametrize("point", ["staging", "copy:patient", "applied", "commit"])
def test_an_advance_killed_anywhere_leaves_the_previous_state_and_the_next_one_succeeds(server, dataset, point):
    name = dataset(MORNING)
    before, recorded = checksums(server, name), marker(server, name)
    process = start_advance(server, name, point)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert checksums(server, name) == before and marker(server, name) == recorded
    assert query(server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'dental_synth_staging'") == [(0,)]
    assert advance(server, name, "2025-06-30T11:00") == 0


def test_a_second_advance_while_one_runs_is_refused(server, dataset):
    name = dataset(MORNING)
    process = start_advance(server, name, "staging")
    try:
        code, out, err = run_cli(*isolated([*db_args(server, name), "--advance-to", "2025-06-30T12:00"]))
        refused(code, out, err, "another generator run is writing")
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


def test_an_interrupted_advance_says_so_and_changes_nothing(server, dataset):
    name = dataset(MORNING)
    before = checksums(server, name)
    process = start_advance(server, name, "applied")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "nothing was committed" in err and "Traceback" not in err
    assert checksums(server, name) == before


# The incremental extractor of item 4: it copied the practice as of T1, and now reads from the T2 database only
# what OpenDental marks as changed since T1.

def _rows(source, statement, params=()):
    buffer = io.BytesIO()
    with source.cursor() as cursor:
        cursor.copy_expert(cursor.mogrify(f"COPY ({statement}) TO STDOUT (FORMAT binary)", params).decode(), buffer)
    buffer.seek(0)
    return buffer


def _quoted(names, prefix=""):
    return ", ".join(f'{prefix}"{name}"' for name in names)


def _upsert(copy, table, rows):
    """Rows of the T2 database into the extractor's copy, replacing those of the same key."""
    names = _quoted(table.column_names)
    others = [c for c in table.column_names if c != table.primary_key]
    with copy.cursor() as cursor:
        cursor.execute(f'CREATE TEMPORARY TABLE extracted (LIKE raw."{table.name}") ON COMMIT DROP')
        cursor.copy_expert("COPY extracted FROM STDIN (FORMAT binary)", rows)
        update = f"DO UPDATE SET ({_quoted(others)}) = ROW({_quoted(others, 'excluded.')})" if others else "DO NOTHING"
        cursor.execute(f'INSERT INTO raw."{table.name}" ({names}) SELECT {names} FROM extracted '
                       f'ON CONFLICT ("{table.primary_key}") {update}')
        cursor.execute("DROP TABLE extracted")


def extract_incrementally(source, copy, since):
    """What an extractor does with OpenDental: rows stamped after `since`, upserted by key; deletions logged in
    deletedobject after `since` (the rows holding the logged number removed, those of the source put back); the
    tables OpenDental gives no change stamp (or no key) reloaded whole."""
    with source.cursor() as cursor:
        cursor.execute('SELECT "ObjectType", array_agg("ObjectNum") FROM raw.deletedobject WHERE "DateTStamp" > %s '
                       "GROUP BY 1", (since,))
        deleted = dict(cursor.fetchall())
    for table in schema.tables().values():
        stamp = change_stamp(table)
        with copy.cursor() as cursor:
            if stamp is None or table.primary_key is None:
                cursor.execute(f'TRUNCATE raw."{table.name}"')
                cursor.copy_expert(f'COPY raw."{table.name}" FROM STDIN (FORMAT binary)',
                                   _rows(source, f'SELECT * FROM raw."{table.name}"'))
                continue
            if table.name in LOGGED_DELETIONS:
                kind, column = LOGGED_DELETIONS[table.name]
                numbers = deleted.get(int(kind), [])
                cursor.execute(f'DELETE FROM raw."{table.name}" WHERE "{column}" = ANY (%s)', (numbers,))
                _upsert(copy, table, _rows(source, f'SELECT * FROM raw."{table.name}" WHERE "{column}" = ANY (%s)',
                                           (numbers,)))
            _upsert(copy, table, _rows(source, f'SELECT * FROM raw."{table.name}" WHERE "{stamp}" > %s', (since,)))
    copy.commit()


@pytest.mark.parametrize("step", ["an hour", "a week"])
def test_an_incremental_extractor_rebuilds_the_later_state_from_the_change_stamps(server, dataset, step):
    start, (moment,) = STEPS[step]
    extracted, advanced = dataset(start), dataset(start)
    assert advance(server, advanced, moment) == 0
    with psycopg2.connect(dbname=advanced, **server) as source, psycopg2.connect(dbname=extracted, **server) as copy:
        extract_incrementally(source, copy, start)
    source.close()
    copy.close()
    rebuilt, target = checksums(server, extracted), checksums(server, advanced)
    assert not differing(rebuilt, target), f"tables the extractor cannot rebuild: {differing(rebuilt, target)}"


def test_nothing_is_stamped_after_the_as_of(server, dataset):
    """Item 1, which the extractor relies on: no change stamp lies after the moment the database is as of."""
    name = dataset(MORNING)
    later = {}
    for table in schema.tables().values():
        stamp = change_stamp(table)
        if stamp:
            (count,) = query(server, name, f'SELECT count(*) FROM raw."{table.name}" WHERE "{stamp}" > %s',
                             (MORNING,))[0]
            if count:
                later[table.name] = count
    assert later == {}, f"rows stamped after {MORNING}: {later}"
