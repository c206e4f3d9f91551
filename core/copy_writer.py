"""The bulk writer: rows go to PostgreSQL through binary COPY, encoded column by column, streamed in chunks.

A phase hands over a table's rows as batches: dicts of column name -> numpy array, list or scalar.
Columns a batch leaves out get OpenDental's own "no value" (0, '', false, 0001-01-01), taken from the
column's type in the schema, so a generator names only the columns that carry meaning.

The contract, in two calls:
  copy(table, batches)   rows computed already (one batch or a list of them): loaded on the writer's thread
                         while the phase goes on; the arrays become read-only and lists are copied, so what
                         is loaded is what was handed over, whatever the phase does next.
  stream(table, batches) lazy batches (an iterator running phase code as it is read): loaded on the caller's
                         thread, once everything handed over before it is loaded.
Progress goes to an optional `progress` object, always on the thread that made the writer (never on the
loading thread): `handed_over(table)` at each copy() or stream(), returning a tag of its choosing, then
`loaded(tag, rows)` for each chunk of that table's rows as PostgreSQL takes it.
"""
import functools
import itertools
import queue
import threading
import time

import numpy as np

from . import checkpoints, copy_format, schema

CHUNK_ROWS = 16_384  # rows encoded at a time: bounds the encoder's memory whatever a batch holds


def _row_count(table, batch):
    unknown = set(batch) - set(table.column_names)
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
    lengths = {len(v) for v in batch.values() if isinstance(v, (np.ndarray, list, tuple))}
    if not lengths:
        raise ValueError(f"a batch of {table.name} needs at least one column of values")
    if len(lengths) > 1:
        raise ValueError(f"columns of one {table.name} batch differ in length")
    return lengths.pop()


def _column_order(table, batch):
    """Fixed-width and constant columns first, text last: the encoder packs the leading run as one block."""
    def is_text_array(column):
        return isinstance(batch.get(column.name), (np.ndarray, list, tuple)) and not copy_format.wire_type(column)
    return sorted(table.columns, key=is_text_array)


def _chunks(batch, n):
    for start in range(0, n, CHUNK_ROWS):
        stop = min(n, start + CHUNK_ROWS)
        yield {k: v[start:stop] if isinstance(v, (np.ndarray, list, tuple)) else v for k, v in batch.items()}, stop - start


class _BatchStream:
    """A file-like object that psycopg2's COPY reads; each read encodes the next chunk of rows."""

    def __init__(self, table, columns, batches, counted):
        self._table, self._columns, self._counted = table, columns, counted
        self._chunks = itertools.chain.from_iterable(_chunks(b, _row_count(table, b)) for b in batches)
        self._started = self._finished = False
        self.rows = 0

    def read(self, size=-1):
        if not self._started:
            self._started = True
            return copy_format.HEADER
        checkpoints.reached(f"copy:{self._table.name}")
        for chunk, n in self._chunks:
            if n:
                self.rows += n
                self._counted(n)
                return copy_format.encode(self._columns, chunk, n)
        if not self._finished:
            self._finished = True
            return copy_format.TRAILER
        return b""

    readline = read


class WriteStats:
    def __init__(self):
        self.rows = {}
        self.waited_seconds = 0.0  # the phases' time spent waiting for PostgreSQL to take rows


def _frozen(value):
    """What the loading thread reads of a handed-over column: the array itself made read-only (with the array
    it views), a list as a tuple of its items, a constant as it is."""
    if isinstance(value, list):
        return tuple(value)
    array = value
    while isinstance(array, np.ndarray):
        array.flags.writeable = False
        array = array.base
    return value


def _frozen_batches(batches):
    if isinstance(batches, dict):
        batches = [batches]
    if not isinstance(batches, (list, tuple)) or not all(isinstance(b, dict) for b in batches):
        raise TypeError("copy() takes a batch or a list of batches; lazy batches go to stream()")
    return [{name: _frozen(value) for name, value in batch.items()} for batch in batches]


class CopyWriter:
    """Writes rows into raw.<table> with COPY on one connection (inside the run's transaction).

    Tables handed to copy() and update() load on a background thread in the order they were handed over, so
    PostgreSQL works on the other core while the phase goes on; stream() loads on the caller's thread after
    them. wait() loads everything and stops the thread; close() abandons the loading (a failed or interrupted
    run). A failure on the loading thread is raised on the caller's thread at its next call.
    """

    def __init__(self, connection, progress=None):
        self.connection = connection
        self.stats = WriteStats()
        self._progress = progress
        self._owner = threading.get_ident()
        self._events = queue.SimpleQueue()
        self._jobs = queue.Queue(maxsize=2)
        self._failure = None
        self._thread = threading.Thread(target=self._work, name="copy-writer", daemon=True)
        self._thread.start()

    def _work(self):
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                if self._failure is None:
                    job()
            except BaseException as error:  # handed to the caller's thread at its next call
                self._failure = error
            finally:
                self._jobs.task_done()
                self._events.put(None)  # wakes a caller waiting for the queue

    def _progress_of(self, table_name):
        """A `counted(rows)` for the table's COPY, reporting under the tag `progress` gave at hand-over."""
        tag = self._progress.handed_over(table_name) if self._progress else None

        def counted(rows):
            self._events.put((tag, rows))
            self._deliver()
        return counted

    def _deliver(self, timeout=0.0):
        """Progress events to `progress`, on the writer's own thread only; waits up to `timeout` for the first."""
        if threading.get_ident() != self._owner:
            return
        try:
            event = self._events.get(timeout=timeout) if timeout else self._events.get_nowait()
            while True:
                if event and self._progress:
                    self._progress.loaded(*event)
                event = self._events.get_nowait()
        except queue.Empty:
            pass

    def _waiting(self, done):
        """Wait for the loading thread until `done()`, delivering its progress meanwhile."""
        started = time.perf_counter()
        while not done():
            self._deliver(timeout=0.1)
        self.stats.waited_seconds += time.perf_counter() - started
        self._deliver()
        if self._failure is not None:
            failure, self._failure = self._failure, RuntimeError("an earlier COPY failed")
            raise failure

    def _submit(self, job):
        if not self._thread.is_alive():
            raise RuntimeError("the writer was closed")

        def submitted():
            try:
                self._jobs.put_nowait(job)
                return True
            except queue.Full:
                return False
        self._waiting(submitted)

    def _drain(self):
        self._waiting(lambda: not self._jobs.unfinished_tasks)

    def copy(self, table_name, batches):
        """Load rows computed already (one batch, or a list of batches) on the loading thread."""
        batches = _frozen_batches(batches)
        self._submit(functools.partial(self._load, table_name, batches, self._progress_of(table_name)))

    def stream(self, table_name, batches):
        """Load lazy batches (any iterable, read as the COPY goes) here, after everything handed over so far."""
        self._drain()
        started = time.perf_counter()
        try:
            self._load(table_name, batches, self._progress_of(table_name))
        finally:
            self._deliver()
        self.stats.waited_seconds += time.perf_counter() - started

    def update(self, table_name, key, batch):
        """Set columns of rows already written, matched on `key` (COPY into a temporary table, one UPDATE)."""
        self._submit(functools.partial(self._update, table_name, key, _frozen_batches(batch)[0]))

    def wait(self):
        """Load everything handed over, then stop the loading thread; raises what went wrong on it."""
        self._drain()
        self._stop(timeout=None)

    def close(self):
        """Abandon the loading: queued tables are dropped and a running COPY cancelled. Returns whether the
        loading thread came to rest within seconds; if not, the connection is left to the process's exit."""
        self._failure = self._failure or RuntimeError("the run stopped")
        self.connection.cancel()
        return self._stop(timeout=5)

    def _stop(self, timeout):
        if self._thread.is_alive():
            try:
                self._jobs.put(None, timeout=timeout)
            except queue.Full:
                return False
            self._thread.join(timeout)
        self._deliver()
        return not self._thread.is_alive()

    def _copy(self, target, table, batches, counted):
        batches = iter(batches)
        first = next(batches, None)
        if first is None:
            return 0
        columns = _column_order(table, first)
        stream = _BatchStream(table, columns, itertools.chain([first], batches), counted)
        names = ", ".join(f'"{c.name}"' for c in columns)
        with self.connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {target} ({names}) FROM STDIN (FORMAT binary)", stream, size=1 << 20)
        return stream.rows

    def _load(self, table_name, batches, counted):
        rows = self._copy(f'raw."{table_name}"', schema.table(table_name), batches, counted)
        self.stats.rows[table_name] = self.stats.rows.get(table_name, 0) + rows

    def _update(self, table_name, key, batch):
        table = schema.table(table_name)
        columns = [c for c in table.columns if c.name in batch]
        staging = schema.Table(f"update_{table_name}", tuple(columns), key)
        definition = ", ".join(f'"{c.name}" {c.pg_type}' for c in columns)
        assignments = ", ".join(f'"{c.name}" = u."{c.name}"' for c in columns if c.name != key)
        with self.connection.cursor() as cursor:
            cursor.execute(f'CREATE TEMPORARY TABLE "{staging.name}" ({definition}) ON COMMIT DROP')
            self._copy(f'"{staging.name}"', staging, [batch], lambda *_: None)
            cursor.execute(f'ANALYZE "{staging.name}"')
            cursor.execute(f'UPDATE raw."{table_name}" t SET {assignments} FROM "{staging.name}" u '
                           f'WHERE t."{key}" = u."{key}"')
            cursor.execute(f'DROP TABLE "{staging.name}"')
