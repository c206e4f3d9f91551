"""OpenDental's foreign keys: conventions, never declared in its DDL.

Each phase module lists the keys of its tables as FOREIGN_KEYS entries
(table, column, parent table, definition category or None, required). A value of 0 means "none" in
OpenDental and is accepted unless the key is required.
"""
from core import schema



def all_foreign_keys():
    """Every phase declares the keys of the tables it fills, next to the code that fills them."""
    from generators import PHASES
    return [key for phase in PHASES for key in phase.FOREIGN_KEYS]


def _primary_key(table):
    return schema.table(table).primary_key


def violation_sql(table, column, parent, category, required):
    """SQL giving (row key, bad value) for every row whose key does not resolve."""
    key = _primary_key(table)
    parent_key = _primary_key(parent)
    condition = f'p."Category" = {category} AND ' if category is not None else ""
    zero = "" if required else f'c."{column}" <> 0 AND '
    return (f'SELECT c."{key}", c."{column}" FROM raw."{table}" c WHERE {zero}'
            f'(c."{column}" IS NULL OR NOT EXISTS (SELECT 1 FROM raw."{parent}" p '
            f'WHERE {condition}p."{parent_key}" = c."{column}"))')


def rule_name(table, column, parent, category, required):
    target = f"definition category {category}" if category is not None else parent
    return f"{table}.{column} must point at an existing {target}"


def table_count_sql(table, keys):
    """One pass over `table` counting the violations of each of its keys (hash joins to every parent)."""
    joins, counts = [], []
    for i, (_, column, parent, category, required) in enumerate(keys):
        condition = f' WHERE "Category" = {category}' if category is not None else ""
        parent_key = _primary_key(parent)
        joins.append(f'LEFT JOIN (SELECT "{parent_key}" AS k FROM raw."{parent}"{condition}) p{i} '
                     f'ON p{i}.k = c."{column}"')
        zero = "" if required else f'c."{column}" <> 0 AND '
        counts.append(f'count(*) FILTER (WHERE c."{column}" IS NULL OR ({zero}p{i}.k IS NULL))')
    return f'SELECT {", ".join(counts)} FROM raw."{table}" c {" ".join(joins)}'


def keys_by_table():
    grouped = {}
    for key in all_foreign_keys():
        grouped.setdefault(key[0], []).append(key)
    return grouped
