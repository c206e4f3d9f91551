"""The staging schema an advance of the clock generates into, and the difference it applies to raw.

Everything here runs inside the advance's one transaction: the staging schema is created, filled, compared
with raw and dropped before the commit, so nothing of it is ever committed and an interrupted advance leaves
neither it nor any change to raw behind.
"""
from psycopg2 import sql

from . import schema
from .errors import UserError

STAGING_SCHEMA = "dental_synth_staging"


def create(connection):
    """The staging schema with every table of raw, empty, unlogged and without keys."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regnamespace(%s) IS NOT NULL", (STAGING_SCHEMA,))
        if cursor.fetchone()[0]:
            raise UserError(f"schema {STAGING_SCHEMA} exists in this database, and an advance of the clock would "
                            "create it for its own use; drop it, or rename it")
        cursor.execute(schema.staging_sql(STAGING_SCHEMA))


def build_keys(connection):
    """The primary keys of the staging tables, once the rows are in (a duplicate key fails the advance)."""
    with connection.cursor() as cursor:
        cursor.execute(schema.staging_keys_sql(STAGING_SCHEMA))


def drop(connection):
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(STAGING_SCHEMA)))


def _columns(alias, table):
    return sql.SQL(", ").join(sql.SQL("{}.{}").format(sql.Identifier(alias), sql.Identifier(c))
                              for c in table.column_names)


def _changed_keys(table):
    """The keys of the rows of a keyed table that differ (gone: new is null; new: old is null; changed: both),
    into the temporary table `change`, in one pass over both twins."""
    raw, staged, key = sql.Identifier("raw", table.name), sql.Identifier(STAGING_SCHEMA, table.name), \
        sql.Identifier(table.primary_key)
    return sql.SQL("""
        CREATE TEMPORARY TABLE change ON COMMIT DROP AS
        SELECT r.{key} AS old, s.{key} AS new FROM {raw} r FULL JOIN {staged} s ON s.{key} = r.{key}
        WHERE r.{key} IS NULL OR s.{key} IS NULL OR ROW({r}) IS DISTINCT FROM ROW({s})""").format(
        raw=raw, staged=staged, key=key, r=_columns("r", table), s=_columns("s", table))


def _keyed_difference(table):
    """One statement applying the rows of `change` to raw: (inserted, updated, deleted)."""
    raw, staged = sql.Identifier("raw", table.name), sql.Identifier(STAGING_SCHEMA, table.name)
    key, names = sql.Identifier(table.primary_key), sql.SQL(", ").join(map(sql.Identifier, table.column_names))
    others = [c for c in table.column_names if c != table.primary_key]
    changed = sql.SQL("""changed AS (UPDATE {raw} r SET ({others}) = ROW({staged_others}) FROM change c
                         JOIN {staged} s ON s.{key} = c.new WHERE c.old IS NOT NULL AND r.{key} = c.old
                         RETURNING 1)""").format(
        raw=raw, staged=staged, key=key, others=sql.SQL(", ").join(map(sql.Identifier, others)),
        staged_others=sql.SQL(", ").join(sql.SQL("s.{}").format(sql.Identifier(c)) for c in others))
    return sql.SQL("""
        WITH gone AS (DELETE FROM {raw} r USING change c WHERE c.new IS NULL AND r.{key} = c.old RETURNING 1),
        {changed},
        new AS (INSERT INTO {raw} ({names}) SELECT {s} FROM {staged} s JOIN change c ON s.{key} = c.new
                WHERE c.old IS NULL RETURNING 1)
        SELECT (SELECT count(*) FROM new), (SELECT count(*) FROM changed), (SELECT count(*) FROM gone)""").format(
        raw=raw, staged=staged, key=key, names=names, s=_columns("s", table),
        changed=changed if others else sql.SQL("changed AS (SELECT 1 WHERE false)"))


def _whole_row_difference(table):
    """The same for a table without a key, compared by whole row: of rows alike, the surplus of raw goes and
    the surplus of staging comes (nothing is ever 'updated')."""
    raw, staged = sql.Identifier("raw", table.name), sql.Identifier(STAGING_SCHEMA, table.name)
    names = sql.SQL(", ").join(map(sql.Identifier, table.column_names))
    return sql.SQL("""
        WITH surplus AS MATERIALIZED (
            SELECT r.ctid AS row FROM (SELECT ctid, row_number() OVER (PARTITION BY {names}) AS n, {names}
                                       FROM {raw}) r
            LEFT JOIN (SELECT {names}, count(*) AS n FROM {staged} GROUP BY {names}) s
                   ON ROW({s}) IS NOT DISTINCT FROM ROW({r_columns})
            WHERE r.n > coalesce(s.n, 0)),
        gone AS (DELETE FROM {raw} WHERE ctid IN (SELECT row FROM surplus) RETURNING 1),
        new AS (INSERT INTO {raw} ({names}) SELECT {names} FROM {staged} EXCEPT ALL SELECT {names} FROM {raw}
                RETURNING 1)
        SELECT (SELECT count(*) FROM new), 0, (SELECT count(*) FROM gone)""").format(
        raw=raw, staged=staged, names=names, s=_columns("s", table), r_columns=_columns("r", table))


def apply_difference(connection):
    """Make every raw table equal to its staging twin, writing only the rows that differ: rows gone are deleted,
    new rows inserted and changed rows updated (matched by primary key). Returns {table: (inserted, updated,
    deleted)} for the tables that changed."""
    changes = {}
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")  # the twins are compared by hash joins in memory
        for table in schema.tables().values():
            counts = _keyed(cursor, table) if table.primary_key else _whole_row(cursor, table)
            if any(counts):
                changes[table.name] = counts
    return changes


def _keyed(cursor, table):
    """The differing keys first (one pass); the rows, when some differ, found by key (the planner told how few)."""
    cursor.execute(_changed_keys(table))
    counts = (0, 0, 0)
    if cursor.rowcount:
        cursor.execute("ANALYZE change")
        cursor.execute(_keyed_difference(table))
        counts = cursor.fetchone()
    cursor.execute("DROP TABLE change")
    return counts


def _whole_row(cursor, table):
    cursor.execute(_whole_row_difference(table))
    return cursor.fetchone()
