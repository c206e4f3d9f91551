"""OpenDental's foreign keys as validation rules: the keys come from schema/foreign_keys.csv (core.schema).

A value of 0 means "none" in OpenDental and is accepted unless the key is required.

Every key of every row of the loaded tables is checked, in one pass over each referring table. A parent's keys
are read first (KeySet): a parent with few keys is written into the pass as a list, one whose keys fill a range
but for a few holes (the generator numbers its rows; offices interleave theirs) as the range and its holes; the
pass then only compares each row's value (a hashed list lookup), instead of joining every row to every parent.
Only a parent with many holes is joined, as a hash join.
"""
from dataclasses import dataclass

from core import schema

INLINE_KEYS = 20_000  # at most this many keys (or holes in a range) of a parent are written into the query
BUCKET = 4096  # keys counted together when looking for the holes of a range
SHORT_BUCKET_KEYS = 200_000  # at most this many keys are read back from the buckets that hold holes


@dataclass(frozen=True)
class KeySet:
    """The keys a parent (of one definition category) holds, read from the loaded table: all of them when
    `low` is None (`listed`), else every integer of [low, high] but the `listed` holes."""
    low: int | None
    high: int | None
    listed: tuple

    def contains_sql(self, value):
        """A condition true when `value` (a non-NULL SQL expression) is one of the keys."""
        if self.low is None:
            return _any(value, self.listed) if self.listed else "FALSE"
        within = f"{value} BETWEEN {self.low} AND {self.high}"
        return f"({within} AND NOT {_any(value, self.listed)})" if self.listed else within


def _any(value, keys):
    return f"{value}::int8 = ANY('{{{','.join(map(str, keys))}}}'::int8[])"


def _primary_key(table):
    return schema.table(table).primary_key


def _zero_allowed(key):
    return "" if key.required else f'c."{key.column}" <> 0 AND '


def _parent_rows(key):
    condition = f' WHERE "Category" = {key.category}' if key.category is not None else ""
    return f'SELECT "{_primary_key(key.parent)}" AS k FROM raw."{key.parent}"{condition}'


def key_set(cursor, key):
    """The KeySet of `key`'s parent, or None when it is neither few keys nor a range with few holes. One pass
    counts the keys by bucket of BUCKET; only the buckets short of keys are read again, to find their holes."""
    parent = _parent_rows(key)
    cursor.execute(f"SELECT k / {BUCKET}, count(*), min(k), max(k) FROM ({parent}) p GROUP BY 1")
    buckets = {bucket: (count, low, high) for bucket, count, low, high in cursor.fetchall()}
    count = sum(n for n, _, _ in buckets.values())
    if count <= INLINE_KEYS:
        cursor.execute(f"SELECT k FROM ({parent}) p ORDER BY k")
        return KeySet(None, None, tuple(k for (k,) in cursor.fetchall()))
    low, high = min(lo for _, lo, _ in buckets.values()), max(hi for _, _, hi in buckets.values())
    if high - low + 1 - count > INLINE_KEYS:
        return None

    def span(bucket):
        return range(max(low, bucket * BUCKET), min(high, bucket * BUCKET + BUCKET - 1) + 1)
    short = [b for b in range(low // BUCKET, high // BUCKET + 1) if buckets.get(b, (0,))[0] < len(span(b))]
    if sum(buckets.get(b, (0,))[0] for b in short) > SHORT_BUCKET_KEYS:
        return None
    present = set()
    if short:
        cursor.execute(f"SELECT k FROM ({parent}) p WHERE k / {BUCKET} = ANY(%s)", (short,))
        present = {k for (k,) in cursor.fetchall()}
    return KeySet(low, high, tuple(k for b in short for k in span(b) if k not in present))


def key_sets(cursor, keys):
    """The KeySet of each distinct parent (and category) of `keys`, read once."""
    sets = {}
    for key in keys:
        if (key.parent, key.category) not in sets:
            sets[key.parent, key.category] = key_set(cursor, key)
    return sets


def violation_sql(key):
    """SQL giving (row key, bad value) for every row whose key does not resolve."""
    condition = f'p."Category" = {key.category} AND ' if key.category is not None else ""
    return (f'SELECT c."{_primary_key(key.table)}", c."{key.column}" FROM raw."{key.table}" c '
            f'WHERE {_zero_allowed(key)}(c."{key.column}" IS NULL OR NOT EXISTS (SELECT 1 FROM raw."{key.parent}" p '
            f'WHERE {condition}p."{_primary_key(key.parent)}" = c."{key.column}"))')


def rule_name(key):
    target = f"definition category {key.category}" if key.category is not None else key.parent
    return f"{key.table}.{key.column} must point at an existing {target}"


def table_count_sql(table, keys, sets=None):
    """One pass over `table` counting the violations of each of its keys: against the parent's KeySet where
    `sets` (from key_sets) has one, else through a hash join to the parent."""
    joins, counts = [], []
    for i, key in enumerate(keys):
        found = (sets or {}).get((key.parent, key.category))
        value = f'c."{key.column}"'
        if found is None:
            joins.append(f"LEFT JOIN ({_parent_rows(key)}) p{i} ON p{i}.k = {value}")
            unresolved = f"p{i}.k IS NULL"
        else:
            unresolved = f"NOT {found.contains_sql(value)}"
        counts.append(f"count(*) FILTER (WHERE {value} IS NULL OR ({_zero_allowed(key)}{unresolved}))")
    return f'SELECT {", ".join(counts)} FROM raw."{table}" c {" ".join(joins)}'


def keys_by_table():
    grouped = {}
    for key in schema.foreign_keys():
        grouped.setdefault(key.table, []).append(key)
    return grouped
