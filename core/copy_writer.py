"""The bulk writer: rows go to PostgreSQL through binary COPY, encoded column by column, streamed in chunks.

A phase hands over a table's rows as batches: dicts of column name -> numpy array, list or scalar.
Columns a batch leaves out get OpenDental's own "no value" (0, '', false, 0001-01-01), taken from the
column's type in the schema, so a generator names only the columns that carry meaning.
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

    def __init__(self, table, columns, batches):
        self._table, self._columns = table, columns
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

    @property
    def total_rows(self):
        return sum(self.rows.values())


class CopyWriter:
    """Writes rows into raw.<table> with COPY on one connection (inside the run's transaction).

    A table handed over whole (a dict, or a list of dicts) loads on a background thread while the phase goes
    on generating, so PostgreSQL works on the other core; jobs run in the order they were handed over. Lazy
    batches (an iterator) run phase code as they are read, so they load at once, after the queue drains.
    """

    def __init__(self, connection, on_table=None):
        self.connection = connection
        self.stats = WriteStats()
        self._on_table = on_table
        self._jobs = queue.Queue(maxsize=2)
        self._failure = None
        threading.Thread(target=self._work, name="copy-writer", daemon=True).start()

    def _work(self):
        while True:
            job = self._jobs.get()
            try:
                if self._failure is None:
                    job()
            except BaseException as error:  # handed to the phases' thread at its next call
                self._failure = error
            finally:
                self._jobs.task_done()

    def _waiting(self, action, *args):
        started = time.perf_counter()
        action(*args)
        self.stats.waited_seconds += time.perf_counter() - started
        if self._failure is not None:
            failure, self._failure = self._failure, RuntimeError("an earlier COPY failed")
            raise failure

    def _submit(self, job):
        self._waiting(self._jobs.put, job)

    def wait(self):
        """Block until every table handed over is loaded; raises what went wrong on the loading thread."""
        self._waiting(self._jobs.join)

    def close(self):
        """Stop loading (a failed or interrupted run): queued tables are dropped and a running COPY cancelled.
        Returns whether the loading thread came to rest; if not, the connection is left to the process's exit."""
        self._failure = self._failure or RuntimeError("the run stopped")
        self.connection.cancel()
        deadline = time.monotonic() + 5
        while self._jobs.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.05)
        return not self._jobs.unfinished_tasks

    def _copy(self, target, table, batches):
        batches = iter([batches] if isinstance(batches, dict) else batches)
        first = next(batches, None)
        if first is None:
            return 0
        columns = _column_order(table, first)
        stream = _BatchStream(table, columns, itertools.chain([first], batches))
        names = ", ".join(f'"{c.name}"' for c in columns)
        with self.connection.cursor() as cursor:
            cursor.copy_expert(f"COPY {target} ({names}) FROM STDIN (FORMAT binary)", stream, size=1 << 20)
        return stream.rows

    def _load(self, table_name, batches):
        rows = self._copy(f'raw."{table_name}"', schema.table(table_name), batches)
        self.stats.rows[table_name] = self.stats.rows.get(table_name, 0) + rows
        if self._on_table:
            self._on_table(table_name, rows)

    def copy(self, table_name, batches):
        """Load a table's rows. `batches` is one batch (dict), a list of batches, or an iterator of batches."""
        if isinstance(batches, (dict, list, tuple)):
            self._submit(functools.partial(self._load, table_name, batches))
        else:
            self.wait()
            self._waiting(self._load, table_name, batches)

    def update(self, table_name, key, batch):
        """Set columns of rows already written, matched on `key` (COPY into a temporary table, one UPDATE)."""
        self._submit(functools.partial(self._update, table_name, key, batch))

    def _update(self, table_name, key, batch):
        table = schema.table(table_name)
        columns = [c for c in table.columns if c.name in batch]
        staging = schema.Table(f"update_{table_name}", tuple(columns), key)
        definition = ", ".join(f'"{c.name}" {c.pg_type}' for c in columns)
        assignments = ", ".join(f'"{c.name}" = u."{c.name}"' for c in columns if c.name != key)
        with self.connection.cursor() as cursor:
            cursor.execute(f'CREATE TEMPORARY TABLE "{staging.name}" ({definition}) ON COMMIT DROP')
            self._copy(f'"{staging.name}"', staging, batch)
            cursor.execute(f'ANALYZE "{staging.name}"')
            cursor.execute(f'UPDATE raw."{table_name}" t SET {assignments} FROM "{staging.name}" u '
                           f'WHERE t."{key}" = u."{key}"')
            cursor.execute(f'DROP TABLE "{staging.name}"')
