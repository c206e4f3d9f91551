"""The bulk writer: rows go to PostgreSQL through binary COPY, encoded column by column, streamed in chunks.

A phase hands over a table's rows as batches: dicts of column name -> numpy array, list or scalar.
Columns a batch leaves out get OpenDental's own "no value" (0, '', false, 0001-01-01), taken from the
column's type in the schema, so a generator names only the columns that carry meaning.

The contract, in two calls:
  copy(table, batches)   rows computed already (one batch or a list of them), encoded on the caller's thread
                         and loaded on the writer's thread while the phase goes on; the arrays become
                         read-only and lists are copied, so what is loaded is what was handed over.
  stream(table, batches) lazy batches (an iterator running phase code as it is read): read and encoded on the
                         caller's thread, loaded on the writer's after everything handed over before it.
  load(message)          rows or an update encoded in another process by a SegmentWriter (an office generated
                         by a worker process), loaded in the order taken, one COPY per segment.
Progress goes to an optional `progress` object, always on the thread that made the writer (never on the
loading thread): `handed_over(table)` at each copy(), stream() or segment, returning a tag of its choosing, then
`loaded(tag, rows)` for each chunk of that table's rows as PostgreSQL takes it.
"""
import functools
import io
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


def _encoded(table, columns, batches):
    """The batches' rows as binary COPY tuples, CHUNK_ROWS at a time: (bytes, rows) pairs, read lazily."""
    for batch in batches:
        for chunk, n in _chunks(batch, _row_count(table, batch)):
            if n:
                yield copy_format.encode(columns, chunk, n), n


def _staging(table, key, names):
    """The temporary table an update of `table` loads its columns `names` into."""
    return schema.Table(f"update_{table.name}", tuple(table.column(name) for name in names), key)


def _update_encoded(table_name, key, batch):
    """An update's staging table and its rows encoded."""
    batch = _frozen_batches(batch)[0]
    table = schema.table(table_name)
    staging = _staging(table, key, [c.name for c in table.columns if c.name in batch])
    return staging, b"".join(data for data, _ in _encoded(staging, staging.columns, [batch]))


class _Ready:
    """A file-like object that psycopg2's COPY reads on the loading thread: the header, then the table's chunks
    as the caller encodes them, then the trailer."""

    def __init__(self, table_name, next_chunk, counted):
        self._table_name, self._next_chunk, self._counted = table_name, next_chunk, counted
        self._started = self._finished = False
        self.rows = 0

    def read(self, size=-1):
        if not self._started:
            self._started = True
            return copy_format.HEADER
        if self._finished:
            return b""
        checkpoints.reached(f"copy:{self._table_name}")
        chunk = self._next_chunk()
        if chunk is _END:
            self._finished = True
            return copy_format.TRAILER
        data, rows = chunk
        self.rows += rows
        self._counted(rows)
        return data

    readline = read


_END = ("end of table",)
READY_CHUNKS = 24  # encoded chunks waiting for the server: a few tens of MB that keep it fed while phases compute


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
    """Writes rows into <schema>.<table> with COPY on one connection (inside the run's transaction); the schema
    is raw, or the staging schema an advance of the clock generates into.

    The caller's thread encodes what it hands over (copy() and stream() alike) into a bounded queue of ready
    chunks, in the order handed over; the loading thread owns the connection and feeds the chunks to COPY, so
    the server never waits for encoding and the phases wait only when the server is READY_CHUNKS behind.
    wait() loads everything and stops the thread; close() abandons the loading (a failed or interrupted run).
    A failure on the loading thread is raised on the caller's thread at its next call.
    """

    def __init__(self, connection, progress=None, schema_name="raw"):
        self.connection, self.schema_name = connection, schema_name
        self.stats = WriteStats()
        self._progress = progress
        self._owner = threading.get_ident()
        self._events = queue.SimpleQueue()
        self._ready = queue.Queue(maxsize=READY_CHUNKS)  # jobs, and the chunks of each table's COPY after its job
        self._failure = None
        self._thread = threading.Thread(target=self._work, name="copy-writer", daemon=True)
        self._thread.start()

    def _work(self):
        while True:
            item = self._ready.get()
            try:
                if item is None:
                    return
                if callable(item) and self._failure is None:  # after a failure, everything queued is dropped
                    item()
            except BaseException as error:  # handed to the caller's thread at its next call, unless one came first
                self._failure = self._failure or error
            finally:
                self._ready.task_done()
                self._events.put(None)  # wakes a caller waiting for the queue

    def _next_chunk(self):
        """On the loading thread, inside a COPY: the next chunk of its table, as soon as the caller has it."""
        while True:
            try:
                chunk = self._ready.get(timeout=0.1)
            except queue.Empty:
                if self._failure is not None:  # the caller gave up on this table (or the run)
                    raise RuntimeError("the table was not handed over whole") from None
                continue
            self._ready.task_done()
            self._events.put(None)
            return chunk

    def _progress_of(self, table_name):
        """A `counted(rows)` for the table's COPY, reporting under the tag `progress` gave at hand-over."""
        tag = self._progress.handed_over(table_name) if self._progress else None
        return lambda rows: self._events.put((tag, rows))

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

    def _put(self, item):
        if not self._thread.is_alive():
            raise RuntimeError("the writer was closed")

        def queued():
            try:
                self._ready.put_nowait(item)
                return True
            except queue.Full:
                return False
        self._waiting(queued)

    def _drain(self):
        self._waiting(lambda: not self._ready.unfinished_tasks)

    def copy(self, table_name, batches):
        """Load rows computed already (one batch, or a list of batches); they are encoded here and now."""
        self._hand_over(table_name, _frozen_batches(batches))

    def stream(self, table_name, batches):
        """Load lazy batches (any iterable, read here as they are encoded), after everything handed over so far."""
        self._hand_over(table_name, batches)

    def _hand_over(self, table_name, batches):
        table, counted = schema.table(table_name), self._progress_of(table_name)
        batches = iter(batches)
        try:
            first = next(batches, None)
            columns = _column_order(table, first) if first is not None else None
            self._put(functools.partial(self._load, table, columns, counted))
            if columns:
                for chunk in _encoded(table, columns, itertools.chain([first], batches)):
                    self._put(chunk)
                self._put(_END)
        except BaseException:
            self._failure = self._failure or RuntimeError(f"{table_name} was not handed over whole")
            raise

    def update(self, table_name, key, batch):
        """Set columns of rows already written, matched on `key` (COPY into a temporary table, one UPDATE)."""
        staging, encoded = _update_encoded(table_name, key, batch)
        self._put(functools.partial(self._update, table_name, staging, encoded))

    def load(self, message):
        """Load what a SegmentWriter sent: a segment of a table's rows, or an update, encoded already."""
        kind, table_name, *rest = message
        table = schema.table(table_name)
        if kind == "update":
            key, names, encoded = rest
            self._put(functools.partial(self._update, table_name, _staging(table, key, names), encoded))
            return
        names, data, rows = rest
        columns = [table.column(name) for name in names] or None
        chunks = iter([(data, rows), _END])
        self._put(functools.partial(self._load, table, columns, self._progress_of(table_name), chunks.__next__))

    def poll(self):
        """Deliver the progress of the rows loaded meanwhile, and raise what went wrong on the loading thread."""
        self._waiting(lambda: True)

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
                self._ready.put(None, timeout=timeout)
            except queue.Full:
                return False
            self._thread.join(timeout)
        self._deliver()
        return not self._thread.is_alive()

    def _copy(self, target, columns, source):
        names = ", ".join(f'"{c.name}"' for c in columns)
        with self.connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {target} ({names}) FROM STDIN (FORMAT binary)", source, size=1 << 20)

    def _load(self, table, columns, counted, next_chunk=None):
        """On the loading thread: one table's COPY, reading the chunks the caller queues after this job (or those
        `next_chunk` gives)."""
        rows = 0
        if columns:
            source = _Ready(table.name, next_chunk or self._next_chunk, counted)
            self._copy(f'"{self.schema_name}"."{table.name}"', columns, source)
            rows = source.rows
        self.stats.rows[table.name] = self.stats.rows.get(table.name, 0) + rows

    def _update(self, table_name, staging, encoded):
        definition = ", ".join(f'"{c.name}" {c.pg_type}' for c in staging.columns)
        assignments = ", ".join(f'"{c.name}" = u."{c.name}"' for c in staging.columns if c.name != staging.primary_key)
        with self.connection.cursor() as cursor:
            cursor.execute(f'CREATE TEMPORARY TABLE "{staging.name}" ({definition}) ON COMMIT DROP')
            self._copy(f'"{staging.name}"', staging.columns,
                       io.BytesIO(copy_format.HEADER + encoded + copy_format.TRAILER))
            cursor.execute(f'ANALYZE "{staging.name}"')
            cursor.execute(f'UPDATE "{self.schema_name}"."{table_name}" t SET {assignments} FROM "{staging.name}" u '
                           f'WHERE t."{staging.primary_key}" = u."{staging.primary_key}"')
            cursor.execute(f'DROP TABLE "{staging.name}"')


SEGMENT_BYTES = 4 << 20  # a segment of a table's rows sent by a SegmentWriter: one COPY in the loading process


class SegmentWriter:
    """The writer of rows generated in another process than the loading one: copy(), stream() and update() as
    CopyWriter's, encoded here, on the caller's thread, and handed to `send` as messages for CopyWriter.load: a
    table's rows as segments of about SEGMENT_BYTES (at least one per hand-over, so an empty table is counted
    too), an update whole. `send` may block: that is how the loading process holds back a generator ahead of it."""

    def __init__(self, send):
        self._send = send

    def copy(self, table_name, batches):
        self._hand_over(table_name, _frozen_batches(batches))

    def stream(self, table_name, batches):
        self._hand_over(table_name, batches)

    def update(self, table_name, key, batch):
        staging, encoded = _update_encoded(table_name, key, batch)
        self._send(("update", table_name, key, tuple(staging.column_names), encoded))

    def _hand_over(self, table_name, batches):
        table, batches = schema.table(table_name), iter(batches)
        first = next(batches, None)
        if first is None:
            self._send(("rows", table_name, (), b"", 0))
            return
        columns = _column_order(table, first)
        names = tuple(c.name for c in columns)
        parts, rows, size, sent = [], 0, 0, False
        for data, n in _encoded(table, columns, itertools.chain([first], batches)):
            parts.append(data)
            rows, size = rows + n, size + len(data)
            if size >= SEGMENT_BYTES:
                self._send(("rows", table_name, names, b"".join(parts), rows))
                parts, rows, size, sent = [], 0, 0, True
        if rows or not sent:
            self._send(("rows", table_name, names, b"".join(parts), rows))
