"""Rows as PostgreSQL's binary COPY format, built column by column with numpy.

A tuple is a 16-bit field count, then per field a 32-bit length (-1 for NULL) and the value's bytes in
network order. A chunk of rows is laid out padded in one (rows, width) byte array - fixed-width fields
(numbers, booleans, dates, times) at fixed offsets, constants from a template row, each text field as wide
as its longest value - and a boolean mask of the real bytes packs it into one buffer.
"""
import numpy as np

HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
TRAILER = b"\xff\xff"

_EPOCH_DAY = np.datetime64("2000-01-01", "D")
_EPOCH_US = np.datetime64("2000-01-01T00:00:00", "us")
_NUMBER_TYPES = {"int2": ">i2", "int4": ">i4", "serial4": ">i4", "int8": ">i8",
                 "float4": ">f4", "float8": ">f8", "bool": "u1", "date": ">i4", "timestamp": ">i8", "time": ">i8"}
EMPTY = {"int": 0, "serial": 0, "float": 0.0, "bool": False, "date": np.datetime64("0001-01-01", "D"),
         "timestamp": np.datetime64("0001-01-01T00:00:00", "us"), "time": np.timedelta64(0, "us"),
         "text": "", "bytes": None, "json": None}


def wire_type(column):
    """The network-order numpy type of a fixed-width column, or None for text-like columns."""
    return _NUMBER_TYPES.get(column.pg_type)


def _nulls(values, filler):
    """Values with None (or NaT) replaced by `filler`, and the mask of where they were (None when there are none)."""
    if values.dtype == object:
        missing = np.fromiter((v is None for v in values), bool, len(values))
        if missing.any():
            values = values.copy()
            values[missing] = filler
            return values, missing
        return values, None
    if values.dtype.kind in "mM":
        missing = np.isnat(values)
        if missing.any():
            return np.where(missing, np.zeros(1, values.dtype), values), missing
    return values, None


def _temporal(values, pg_type):
    if pg_type == "time":
        if values.dtype.kind != "m":
            values = np.array([f"1970-01-01T{v}" for v in values.tolist()], "datetime64[us]") - np.datetime64(0, "us")
        return values.astype("timedelta64[us]").astype(np.int64)
    if values.dtype.kind != "M":
        values = values.astype("datetime64[us]")
    if pg_type == "date":
        return (values.astype("datetime64[D]") - _EPOCH_DAY).astype(np.int64)
    return (values.astype("datetime64[us]") - _EPOCH_US).astype(np.int64)


def _numbers(values, column):
    """A fixed-width column's values in network order, with the mask of NULLs."""
    values, missing = _nulls(np.asarray(values), "00:00:00" if column.pg_type == "time" else 0)
    if column.pg_type in ("date", "timestamp", "time"):
        values = _temporal(values, column.pg_type)
    return values.astype(_NUMBER_TYPES[column.pg_type]), missing


def _text(value, column):
    if value is None:
        return None
    if column.kind == "json":
        return b"\x01" + str(value).encode()
    if isinstance(value, bytes):
        return value
    if isinstance(value, np.datetime64):
        return str(value).replace("T", " ").encode()
    if isinstance(value, (bool, np.bool_)):
        return b"t" if value else b"f"
    if isinstance(value, (float, np.floating)):
        return repr(float(value)).encode()
    return str(value).encode()


def _strings(values, column):
    """(lengths with -1 for NULL, all bytes joined) of a text column."""
    values = values.tolist() if isinstance(values, np.ndarray) else list(values)
    if column.kind != "json":  # jsonb values need their version byte: no fast path
        try:
            joined = "".join(values).encode()  # all strings (else TypeError) and, when lengths add up, all ASCII
            lengths = np.fromiter(map(len, values), np.int64, len(values))
            if len(joined) == lengths.sum():
                return lengths, joined
        except TypeError:
            pass
    encoded = [_text(v, column) for v in values]
    lengths = np.fromiter((-1 if e is None else len(e) for e in encoded), np.int64, len(encoded))
    return lengths, b"".join(e for e in encoded if e)


def constant_field(column, value):
    """A whole field (length and bytes) for a value every row shares."""
    if value is None or (isinstance(value, (np.datetime64, np.timedelta64)) and np.isnat(value)):
        return b"\xff\xff\xff\xff"
    if wire_type(column):
        data = _numbers(np.array([value]), column)[0].tobytes()
    else:
        data = _text(value, column)
    return len(data).to_bytes(4, "big") + data


def _field(column, value, n):
    """One column of a chunk: ("constant", field bytes), ("fixed", (n, width) value bytes) or
    ("text", lengths with -1 for NULL, joined bytes)."""
    if not isinstance(value, (np.ndarray, list, tuple)):
        return "constant", constant_field(column, value)
    if len(value) != n:
        raise ValueError(f"column {column.name} has {len(value)} values, not {n}")
    if not wire_type(column):
        return ("text", *_strings(value, column))
    numbers, missing = _numbers(value, column)
    if missing is None:
        return "fixed", numbers.view(np.uint8).reshape(n, numbers.dtype.itemsize)
    return "text", np.where(missing, -1, numbers.dtype.itemsize), numbers[~missing].tobytes()


def encode(columns, batch, n):
    """Rows [0, n) of a batch (column name -> array or constant) as binary COPY tuples, in `columns` order."""
    template, fixed, text = bytearray(len(columns).to_bytes(2, "big")), [], []
    for kind, *data in (_field(c, batch.get(c.name, EMPTY[c.kind]), n) for c in columns):
        if kind == "constant":
            template += data[0]
        elif kind == "fixed":
            width = data[0].shape[1]
            template += width.to_bytes(4, "big")
            fixed.append((len(template), data[0]))
            template += bytes(width)
        else:
            lengths, joined = data
            sizes = np.maximum(lengths, 0)
            longest = int(sizes.max(initial=0))
            text.append((len(template), lengths, joined, np.arange(longest) < sizes[:, None]))
            template += bytes(4 + longest)
    rows = np.empty((n, len(template)), np.uint8)
    rows[:] = np.frombuffer(template, np.uint8)
    for offset, values in fixed:  # each value as one field of its width: a copy a row, not one a byte
        width = f"V{values.shape[1]}"
        rows[:, offset:offset + values.shape[1]].view(width)[:, 0] = values.view(width)[:, 0]
    if not text:
        return rows.tobytes()
    keep = np.ones(rows.shape, bool)
    for offset, lengths, joined, present in text:
        rows[:, offset:offset + 4].view(">i4")[:, 0] = lengths
        data = slice(offset + 4, offset + 4 + present.shape[1])
        rows[:, data][present] = np.frombuffer(joined, np.uint8)
        keep[:, data] = present
    return rows[keep].tobytes()
