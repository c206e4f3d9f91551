"""The COPY writer's contract, against a real PostgreSQL: what copy() and stream() load and when, that handed-over
rows cannot change afterwards, that progress reaches the caller's thread only, and its failure and cancel paths."""
import threading

import numpy as np
import psycopg2
import pytest

from conftest import query
from core.copy_writer import CopyWriter


@pytest.fixture
def target(server, schema_database):
    """(server, database name, open connection) of a fresh database holding the raw schema."""
    connection = psycopg2.connect(dbname=schema_database, **server)
    yield server, schema_database, connection
    connection.close()


def zipcodes(first, n):
    return {"ZipCodeNum": np.arange(first, first + n, dtype=np.int64), "City": [f"City {i}" for i in range(n)]}


def committed(connection, server, name, sql):
    connection.commit()
    return query(server, name, sql)


def test_copy_loads_one_batch_or_a_list_and_fills_the_columns_left_out(target):
    server, name, connection = target
    writer = CopyWriter(connection)
    writer.copy("zipcode", zipcodes(1, 3))
    writer.copy("zipcode", [zipcodes(4, 2), zipcodes(6, 1)])
    writer.wait()
    assert writer.stats.rows == {"zipcode": 6}
    rows = committed(connection, server, name, 'SELECT "ZipCodeNum", "City", "State", "IsFrequent" FROM raw.zipcode '
                                               'ORDER BY 1')
    assert rows[:2] == [(1, "City 0", "", False), (2, "City 1", "", False)] and len(rows) == 6


def test_copy_refuses_lazy_batches_and_stream_takes_them_after_what_was_handed_over(target):
    server, name, connection = target
    writer = CopyWriter(connection)
    with pytest.raises(TypeError, match="stream"):
        writer.copy("zipcode", (zipcodes(i, 1) for i in (1, 2)))
    writer.copy("zipcode", zipcodes(1, 5))

    def lazy():
        yield zipcodes(10, 2)
        yield zipcodes(12, 2)
    writer.stream("zipcode", lazy())
    writer.copy("zipcode", zipcodes(20, 1))
    writer.wait()
    assert writer.stats.rows == {"zipcode": 10}
    assert committed(connection, server, name, 'SELECT "ZipCodeNum" FROM raw.zipcode ORDER BY ctid') \
        == [(n,) for n in (1, 2, 3, 4, 5, 10, 11, 12, 13, 20)]


def test_a_lazy_table_that_fails_midway_loads_nothing_and_stops_the_writer(target):
    server, name, connection = target
    writer = CopyWriter(connection)

    def failing():
        yield zipcodes(1, 20_000)
        raise ValueError("the phase broke")
    with pytest.raises(ValueError, match="the phase broke"):
        writer.stream("zipcode", failing())
    with pytest.raises(RuntimeError):
        writer.wait()
    assert writer.close() and writer.stats.rows == {}
    connection.rollback()
    assert query(server, name, "SELECT count(*) FROM raw.zipcode") == [(0,)]


def test_what_was_handed_over_cannot_change(target):
    server, name, connection = target
    writer = CopyWriter(connection)
    buffer = np.arange(1, 11, dtype=np.int64)
    part = buffer[:4]
    cities = ["Springfield"] * 4
    writer.copy("zipcode", {"ZipCodeNum": part, "City": cities})
    with pytest.raises(ValueError, match="read-only"):
        part[0] = 99
    with pytest.raises(ValueError, match="read-only"):
        buffer[1] = 99  # the array the handed-over one is a view of
    cities[0] = "Shelbyville"
    writer.wait()
    assert committed(connection, server, name, 'SELECT DISTINCT "City" FROM raw.zipcode') == [("Springfield",)]


class Progress:
    """What the writer reports, with the thread it reports on."""

    def __init__(self):
        self.handed, self.loaded_rows = [], []

    def handed_over(self, table):
        self.handed.append((table, threading.get_ident()))
        return len(self.handed)

    def loaded(self, tag, rows):
        self.loaded_rows.append((tag, rows, threading.get_ident()))


def test_progress_reaches_the_callers_thread_only_chunk_by_chunk_under_the_tag_of_its_hand_over(target):
    _, _, connection = target
    progress = Progress()
    writer = CopyWriter(connection, progress=progress)
    writer.copy("zipcode", zipcodes(1, 40_000))
    writer.stream("zipcode", iter([zipcodes(100_000, 10)]))
    writer.update("zipcode", "ZipCodeNum", {"ZipCodeNum": np.arange(1, 3), "State": ["OR", "WA"]})
    writer.copy("employer", {"EmployerNum": np.arange(1, 3)})
    writer.wait()
    me = threading.get_ident()
    assert progress.handed == [("zipcode", me), ("zipcode", me), ("employer", me)]
    assert progress.loaded_rows == [(1, 16_384, me), (1, 16_384, me), (1, 7_232, me), (2, 10, me), (3, 2, me)]


def test_wait_stops_the_loading_thread(target):
    _, _, connection = target
    writer = CopyWriter(connection)
    writer.copy("zipcode", zipcodes(1, 2))
    writer.wait()
    assert not writer._thread.is_alive()
    with pytest.raises(RuntimeError, match="closed"):
        writer.copy("zipcode", zipcodes(3, 1))


def test_a_failed_copy_is_raised_on_the_callers_thread_and_later_tables_are_not_loaded(target):
    server, name, connection = target
    writer = CopyWriter(connection)
    writer.copy("zipcode", zipcodes(1, 3))
    writer.copy("zipcode", zipcodes(3, 1))  # ZipCodeNum 3 again: the primary key refuses it
    with pytest.raises(psycopg2.errors.UniqueViolation):
        writer.copy("employer", {"EmployerNum": np.arange(1, 3)})
        writer.wait()
    assert writer.close() and not writer._thread.is_alive()
    assert writer.stats.rows == {"zipcode": 3}
    connection.rollback()
    assert query(server, name, "SELECT count(*) FROM raw.zipcode") == [(0,)]


def test_close_cancels_a_running_copy_and_drops_the_queued_tables(target):
    server, name, connection = target
    holder = psycopg2.connect(dbname=name, **server)
    try:
        holder.cursor().execute("LOCK TABLE raw.zipcode IN ACCESS EXCLUSIVE MODE")  # the COPY will wait for it
        writer = CopyWriter(connection)
        writer.copy("zipcode", zipcodes(1, 3))
        writer.copy("employer", {"EmployerNum": np.arange(1, 3)})
        waiting = ("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                   "AND wait_event_type = 'Lock' AND query LIKE 'COPY%%'")
        for _ in range(100):
            if query(server, name, waiting) == [(1,)]:
                break
            threading.Event().wait(0.05)
        assert query(server, name, waiting) == [(1,)]
        assert writer.close() and not writer._thread.is_alive()
    finally:
        holder.close()
    connection.rollback()
    assert query(server, name, "SELECT (SELECT count(*) FROM raw.zipcode), (SELECT count(*) FROM raw.employer)") \
        == [(0, 0)]
    assert writer.stats.rows == {}
