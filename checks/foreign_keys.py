"""OpenDental's foreign keys as validation rules: the keys come from schema/foreign_keys.csv (core.schema).

A value of 0 means "none" in OpenDental and is accepted unless the key is required.
"""
from core import schema


def _primary_key(table):
    return schema.table(table).primary_key


def _zero_allowed(key):
    return "" if key.required else f'c."{key.column}" <> 0 AND '


def violation_sql(key):
    """SQL giving (row key, bad value) for every row whose key does not resolve."""
    condition = f'p."Category" = {key.category} AND ' if key.category is not None else ""
    return (f'SELECT c."{_primary_key(key.table)}", c."{key.column}" FROM raw."{key.table}" c '
            f'WHERE {_zero_allowed(key)}(c."{key.column}" IS NULL OR NOT EXISTS (SELECT 1 FROM raw."{key.parent}" p '
            f'WHERE {condition}p."{_primary_key(key.parent)}" = c."{key.column}"))')


def rule_name(key):
    target = f"definition category {key.category}" if key.category is not None else key.parent
    return f"{key.table}.{key.column} must point at an existing {target}"


def table_count_sql(table, keys):
    """One pass over `table` counting the violations of each of its keys (hash joins to every parent)."""
    joins, counts = [], []
    for i, key in enumerate(keys):
        condition = f' WHERE "Category" = {key.category}' if key.category is not None else ""
        joins.append(f'LEFT JOIN (SELECT "{_primary_key(key.parent)}" AS k FROM raw."{key.parent}"{condition}) p{i} '
                     f'ON p{i}.k = c."{key.column}"')
        counts.append(f'count(*) FILTER (WHERE c."{key.column}" IS NULL OR ({_zero_allowed(key)}p{i}.k IS NULL))')
    return f'SELECT {", ".join(counts)} FROM raw."{table}" c {" ".join(joins)}'


def keys_by_table():
    grouped = {}
    for key in schema.foreign_keys():
        grouped.setdefault(key.table, []).append(key)
    return grouped
