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
