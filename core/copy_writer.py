"""The bulk writer: rows go to PostgreSQL through COPY, rendered column by column, streamed in batches.

A phase hands over a table's rows as batches: dicts of column name -> numpy array, list or scalar.
Columns a batch leaves out get OpenDental's own "no value" (0, '', false, 0001-01-01), taken from the
column's type in the schema, so a generator names only the columns that carry meaning.
"""
import time
from datetime import date, datetime

import numpy as np

from . import checkpoints, schema


OD_EMPTY = {
    "int": "0",
    "serial": "0",
    "float": "0",
    "bool": "f",
    "date": "0001-01-01",
    "timestamp": "0001-01-01 00:00:00",
    "time": "00:00:00",
    "text": "",
    "bytes": "\\N",
    "json": "\\N",
}
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _scalar(value):
    if value is None:
        return "\\N"
    if isinstance(value, (bool, np.bool_)):
        return "t" if value else "f"
    if isinstance(value, (datetime, date)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, np.datetime64):
        return str(value).replace("T", " ")
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value).translate(_ESCAPES)


_CLOCK = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]


def _datetimes(values):
    """Dates and timestamps as text: each distinct day formatted once, times of day from a table."""
    days = values.astype("datetime64[D]")
    unique, index = np.unique(days, return_inverse=True)
    day_text = np.datetime_as_string(unique).tolist()
    text = [day_text[i] for i in index.ravel().tolist()]
    if values.dtype != np.dtype("datetime64[D]"):
        seconds = ((values - days) // np.timedelta64(1, "s")).astype(np.int64).tolist()
        text = [f"{d} {_CLOCK[s]}" for d, s in zip(text, seconds)]
    if np.isnat(values).any():
        text = ["\\N" if missing else t for t, missing in zip(text, np.isnat(values).tolist())]
    return text


def _strings(values):
    """A column of values as COPY text fields."""
    if isinstance(values, np.ndarray) and values.dtype != object:
        kind = values.dtype.kind
        if kind == "b":
            return np.where(values, "t", "f").tolist()
        if kind in "iu":
            return list(map(str, values.tolist()))
        if kind == "f":
            return list(map(repr, values.tolist()))
        if kind == "M":
            return _datetimes(values)
        if kind == "U":
            values = values.tolist()
    strings = ["\\N" if v is None else v if isinstance(v, str) else _scalar(v) for v in values]
    joined = "\0".join(strings)
    if "\\" in joined or "\t" in joined or "\n" in joined or "\r" in joined:
        escaped = joined.translate(_ESCAPES).split("\0")
        strings = [s if s == "\\N" else e for s, e in zip(strings, escaped)]
    return strings


def render(table, batch):
    """One batch of rows of `table` as COPY text; returns (text, row count)."""
    unknown = set(batch) - set(table.column_names)
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
    pieces, variable = [], []
    for column in table.columns:
        value = batch.get(column.name, OD_EMPTY[column.kind])
        if isinstance(value, (np.ndarray, list, tuple)):
            pieces.append("%s")
            variable.append(_strings(value))
        else:
            constant = value if column.name not in batch else _scalar(value)
            pieces.append(constant.replace("%", "%%"))
    template = "\t".join(pieces)
    if not variable:
        raise ValueError(f"a batch of {table.name} needs at least one column of values")
    n = len(variable[0])
    if any(len(v) != n for v in variable):
        raise ValueError(f"columns of one {table.name} batch differ in length")
    if not n:
        return "", 0
    return "\n".join(map(template.__mod__, zip(*variable))) + "\n", n


class _BatchStream:
    """A file-like object that psycopg2's COPY reads; each read renders the next batch."""

    def __init__(self, table, batches, stats):
        self._table, self._batches, self._stats = table, iter(batches), stats
        self.rows = 0

    def read(self, size=-1):
        if self.rows:
            checkpoints.reached(f"copy:{self._table.name}")
        for batch in self._batches:
            started = time.perf_counter()
            text, n = render(self._table, batch)
            self._stats.render_seconds += time.perf_counter() - started
            self.rows += n
            if n:
                return text
        return ""

    readline = read


class WriteStats:
    def __init__(self):
        self.rows = {}
        self.render_seconds = 0.0
        self.copy_seconds = 0.0

    @property
    def total_rows(self):
        return sum(self.rows.values())


class CopyWriter:
    """Writes rows into raw.<table> with COPY on one connection (inside the run's transaction)."""

    def __init__(self, connection, on_table=None):
        self.connection = connection
        self.stats = WriteStats()
        self._on_table = on_table

    def copy(self, table_name, batches):
        """Load a table's rows. `batches` is one batch (dict) or an iterable of batches."""
        table = schema.table(table_name)
        if isinstance(batches, dict):
            batches = [batches]
        stream = _BatchStream(table, batches, self.stats)
        columns = ", ".join(f'"{c}"' for c in table.column_names)
        started = time.perf_counter()
        with self.connection.cursor() as cursor:
            cursor.copy_expert(f'COPY raw."{table_name}" ({columns}) FROM STDIN', stream, size=1 << 20)
        self.stats.copy_seconds += time.perf_counter() - started
        self.stats.rows[table_name] = self.stats.rows.get(table_name, 0) + stream.rows
        if self._on_table:
            self._on_table(table_name, stream.rows)
        return stream.rows

    def analyze(self):
        """Planner statistics for every table written (freshly loaded tables have none); small samples are
        enough for the validation's joins."""
        with self.connection.cursor() as cursor:
            cursor.execute("SET LOCAL default_statistics_target = 10")
            cursor.execute("ANALYZE " + ", ".join(f'raw."{name}"' for name in sorted(self.stats.rows)))
            cursor.execute("RESET default_statistics_target")

    def update(self, table_name, key, batch):
        """Set columns of rows already written, matched on `key` (COPY into a temporary table, one UPDATE)."""
        table = schema.table(table_name)
        columns = [c for c in table.columns if c.name in batch]
        staging = schema.Table(f"update_{table_name}", tuple(columns), key)
        definition = ", ".join(f'"{c.name}" {c.pg_type}' for c in columns)
        assignments = ", ".join(f'"{c.name}" = u."{c.name}"' for c in columns if c.name != key)
        started = time.perf_counter()
        with self.connection.cursor() as cursor:
            cursor.execute(f'CREATE TEMPORARY TABLE "{staging.name}" ({definition}) ON COMMIT DROP')
            stream = _BatchStream(staging, [batch], self.stats)
            cursor.copy_expert(f'COPY "{staging.name}" FROM STDIN', stream, size=1 << 20)
            cursor.execute(f'ANALYZE "{staging.name}"')
            cursor.execute(f'UPDATE raw."{table_name}" t SET {assignments} FROM "{staging.name}" u '
                           f'WHERE t."{key}" = u."{key}"')
            cursor.execute(f'DROP TABLE "{staging.name}"')
        self.stats.copy_seconds += time.perf_counter() - started
