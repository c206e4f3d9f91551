"""The binary COPY encoder, round-tripped through a real COPY for every PostgreSQL type the schema uses."""
import io
import json
from datetime import date, datetime, time

import numpy as np
import pytest

from conftest import admin_connection
from core import copy_format, schema
from core.schema import Column

TYPES = sorted({c.pg_type for t in schema.tables().values() for c in t.columns})
NAME = "Zoë Ngô — 東京"  # non-ASCII: the encoder's fast path must not be taken
NUMBERS = {"int2": [32767, -32768, None], "int4": [2**31 - 1, -2**31, None], "int8": [2**63 - 1, -2**63, None],
           "serial4": [1, 2**31 - 1, 7], "float4": [1.5, -0.25, None], "float8": [0.1, -1e300, None],
           "bool": [True, False, None]}
TEMPORAL = {
    "date": (np.array(["2024-02-29", "0001-01-01", "NaT"], "datetime64[D]"), [date(2024, 2, 29), date(1, 1, 1), None]),
    "timestamp": (np.array(["2024-02-29T13:45:59.123456", "0001-01-01T00:00:00", "NaT"], "datetime64[us]"),
                  [datetime(2024, 2, 29, 13, 45, 59, 123456), datetime(1, 1, 1), None]),
    "time": (np.array([8 * 3600 * 10**6 + 30 * 60 * 10**6, 86_399_999_999, "NaT"], "timedelta64[us]"),
             [time(8, 30), time(23, 59, 59, 999999), None]),
}
OTHERS = {"bytea": ([b"\x00\xff\x10 raw", b"", None], [b"\x00\xff\x10 raw", b"", None]),
          "jsonb": (['{"name": "Zoë", "n": [1, 2]}', "{}", None], [{"name": "Zoë", "n": [1, 2]}, {}, None])}


def width(pg_type):
    return int(pg_type[pg_type.index("(") + 1:-1]) if "(" in pg_type else None


def text_values(pg_type):
    """Non-ASCII, empty and NULL, cut to the column's width (bpchar pads what it stores with spaces)."""
    n = width(pg_type)
    sent = [NAME[:n] if n else NAME, "", None]
    stored = [None if v is None else v.ljust(n) if pg_type.startswith("bpchar") else v for v in sent]
    return sent, stored


def sample(pg_type):
    """(values handed to the encoder, values PostgreSQL gives back) for three rows of a column of this type."""
    if pg_type in NUMBERS:
        return NUMBERS[pg_type], NUMBERS[pg_type]
    if pg_type in TEMPORAL:
        return TEMPORAL[pg_type]
    return OTHERS.get(pg_type) or text_values(pg_type)


@pytest.fixture(scope="module")
def cursor(server):
    with admin_connection(server) as conn, conn.cursor() as cursor:
        yield cursor


def round_trip(cursor, columns, batch, n):
    """COPY n encoded rows into a temporary table of `columns` and read them back in order."""
    cursor.execute("DROP TABLE IF EXISTS round_trip")
    cursor.execute(f"CREATE TEMPORARY TABLE round_trip ({', '.join(f'{c.name} {c.pg_type}' for c in columns)})")
    data = copy_format.HEADER + copy_format.encode(columns, batch, n) + copy_format.TRAILER
    cursor.copy_expert("COPY round_trip FROM STDIN WITH (FORMAT binary)", io.BytesIO(data))
    cursor.execute(f"SELECT * FROM round_trip ORDER BY {columns[0].name}")
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in cursor.fetchall()]


def columns_of_every_type():
    return [Column("n", "int4")] + [Column(f"c{i}", t) for i, t in enumerate(TYPES)]


def test_the_schema_uses_the_types_the_encoder_is_tested_with():
    assert {"bool", "bytea", "date", "float4", "float8", "int2", "int4", "int8", "jsonb", "serial4", "text", "time",
            "timestamp"} <= set(TYPES)
    assert all(t in NUMBERS or t in TEMPORAL or t in OTHERS or t == "text" or width(t) for t in TYPES)


def test_every_type_round_trips_with_nulls_in_fixed_width_columns(cursor):
    columns = columns_of_every_type()
    batch = {"n": np.arange(3)} | {c.name: sample(c.pg_type)[0] for c in columns[1:]}
    expected = list(zip(range(3), *(sample(c.pg_type)[1] for c in columns[1:])))
    assert round_trip(cursor, columns, batch, 3) == expected


def test_lists_of_ascii_strings_take_the_fast_path_for_every_text_type(cursor):
    columns = [Column("n", "int4"), Column("t", "text"), Column("v", "varchar(255)"), Column("j", "jsonb")]
    batch = {"n": np.arange(2), "t": ["plain", ""], "v": ["ascii only", "x"], "j": ['{"a": 1}', "[]"]}
    assert round_trip(cursor, columns, batch, 2) == [(0, "plain", "ascii only", {"a": 1}), (1, "", "x", [])]


def test_constants_are_shared_by_every_row_and_missing_columns_get_opendentals_empty_value(cursor):
    columns = [Column("n", "int8"), Column("d", "date"), Column("t", "time"), Column("s", "timestamp"),
               Column("x", "varchar(20)"), Column("b", "bool"), Column("f", "float8"), Column("j", "jsonb"),
               Column("y", "bytea"), Column("z", "text")]
    batch = {"n": np.arange(2), "d": np.datetime64("NaT", "D"), "t": np.timedelta64("NaT", "us"),
             "s": np.datetime64("2025-06-30T08:00:00", "us"), "x": NAME, "z": None}
    empty = (time(0), datetime(1, 1, 1))
    assert round_trip(cursor, columns, batch, 2) == [
        (i, None, None, datetime(2025, 6, 30, 8), NAME, False, 0.0, None, None, None) for i in range(2)]
    assert round_trip(cursor, columns[:3] + [Column("s", "timestamp")], {"n": np.arange(1)}, 1) == [
        (0, date(1, 1, 1), *empty)]


def test_times_given_as_text_and_numbers_given_as_objects(cursor):
    columns = [Column("n", "int2"), Column("t", "time"), Column("d", "date"), Column("f", "float4")]
    batch = {"n": np.arange(3), "t": ["08:30:00", None, "17:05:30"], "d": ["2024-01-31", None, "2030-12-31"],
             "f": [0.5, None, 2]}
    assert round_trip(cursor, columns, batch, 3) == [(0, time(8, 30), date(2024, 1, 31), 0.5),
                                                     (1, None, None, None), (2, time(17, 5, 30), date(2030, 12, 31), 2.0)]


def test_no_rows_and_a_wrong_length_column():
    columns = [Column("n", "int4"), Column("t", "text")]
    assert copy_format.encode(columns, {"n": np.arange(0), "t": []}, 0) == b""
    with pytest.raises(ValueError, match="column t has 1 values, not 2"):
        copy_format.encode(columns, {"n": np.arange(2), "t": ["one"]}, 2)


def test_jsonb_values_are_sent_in_jsonb_binary_version_1():
    field = copy_format.constant_field(Column("j", "jsonb"), json.dumps({"a": 1}))
    assert field == (9).to_bytes(4, "big") + b'\x01{"a": 1}'
