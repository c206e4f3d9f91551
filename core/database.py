"""The connection and everything that protects the target database.

A run writes only into a `raw` schema that is empty or that this generator filled before (it carries
the ownership marker dental_synth.generator_run). The whole run is one transaction under an advisory
lock: an interrupted run leaves the previous dataset as it was, and two runs never interleave.
"""
import json
import re
import uuid
from datetime import datetime, timezone

import psycopg2
from psycopg2 import sql

from . import schema
from .errors import UserError

MARKER_SCHEMA = "dental_synth"
LOCK_KEY = 0x64656E74616C  # 'dental': one advisory lock per database
DEMO_NAME = re.compile(r"demo|test|synth|sandbox|scratch|fake|sample|dev|tmp|temp", re.I)
PRODUCTION_NAMES = {"opendental", "opendental_analytics", "opendental_production", "opendental_prod"}
MARKER_DDL = f"""
CREATE SCHEMA IF NOT EXISTS {MARKER_SCHEMA};
CREATE TABLE IF NOT EXISTS {MARKER_SCHEMA}.generator_run (
    run_id text PRIMARY KEY,
    generator text NOT NULL,
    seed bigint NOT NULL,
    options jsonb NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    status text NOT NULL,
    row_counts jsonb
);
COMMENT ON SCHEMA {MARKER_SCHEMA} IS 'The raw schema of this database holds synthetic data from the dental practice generator.';
"""


def connection_settings(config):
    """libpq keyword arguments for the configured server (the password stays inside libpq)."""
    settings = {"dsn": config.db_url} if config.db_url else {}
    for key, field in (("host", "db_host"), ("port", "db_port"), ("user", "db_user"), ("dbname", "db_name")):
        if not config.db_url or field in config.sources:
            settings[key] = getattr(config, field)
    if config.db_password:
        settings["password"] = config.db_password
    return settings


def describe(settings):
    """host:port/dbname for messages; never the password or the URL."""
    if "dsn" in settings and "host" not in settings:
        parsed = psycopg2.extensions.parse_dsn(settings["dsn"])
        settings = {**parsed, **{k: v for k, v in settings.items() if k != "dsn"}}
    return f"{settings.get('host', 'localhost')}:{settings.get('port', 5432)}/{settings.get('dbname', '?')}"


def _explain(error, where):
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "password authentication failed" in text or "no password supplied" in text:
        return f"cannot log in to {where}: wrong or missing password (use --db-password, PGPASSWORD or ~/.pgpass)"
    if "does not exist" in text and "database" in text:
        return f"database of {where} does not exist"
    if "Connection refused" in text or "could not connect" in text or "timeout expired" in text:
        return f"cannot reach PostgreSQL at {where}: is the server running and the host/port right?"
    if "could not translate host name" in text:
        return f"unknown host in {where}: check --db-host"
    if "invalid dsn" in text or "invalid connection option" in text or "missing" in text and "=" in text:
        return "--db-url is not a valid libpq URI (postgresql://user@host:port/dbname)"
    return f"cannot connect to {where}: {text}"


def connect(settings, create_if_missing=False):
    where = describe(settings)
    try:
        return psycopg2.connect(connect_timeout=10, application_name="dental_practice_generator", **settings)
    except psycopg2.OperationalError as error:
        message = _explain(error, where)
        if message.endswith("does not exist") and create_if_missing:
            _create_database(settings)
            return connect(settings)
        raise UserError(message) from None
    except psycopg2.ProgrammingError as error:
        raise UserError(_explain(error, where)) from None


def _create_database(settings):
    dbname = psycopg2.extensions.parse_dsn(settings["dsn"]).get("dbname") if "dbname" not in settings else settings["dbname"]
    maintenance = connect({**settings, "dbname": "postgres"})
    maintenance.autocommit = True
    try:
        with maintenance.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    except psycopg2.Error as error:
        raise UserError(f"cannot create database {dbname}: {str(error).strip().splitlines()[0]}") from None
    finally:
        maintenance.close()


def looks_like_demo(dbname):
    return dbname not in PRODUCTION_NAMES and bool(DEMO_NAME.search(dbname))


def database_name(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_database()")
        return cursor.fetchone()[0]


def _owned_relations(cursor):
    """Relations of raw named like a table of schema/create_tables.sql: name -> (oid, relkind)."""
    cursor.execute("""SELECT c.relname, c.oid, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = 'raw' AND c.relname = ANY (%s)""", (list(schema.tables()),))
    return {name: (oid, kind) for name, oid, kind in cursor.fetchall()}


def _existing_tables(cursor, names):
    cursor.execute("""SELECT c.table_name, c.column_name, c.udt_name, c.character_maximum_length
                      FROM information_schema.columns c WHERE c.table_schema = 'raw' AND c.table_name = ANY (%s)
                      ORDER BY c.table_name, c.ordinal_position""", (list(names),))
    tables = {}
    for table, column, udt, length in cursor.fetchall():
        pg_type = f"{udt}({length})" if length and udt in ("varchar", "bpchar") else udt
        tables.setdefault(table, []).append((column, pg_type))
    return tables


def _dependents(cursor, oids):
    """Foreign keys and triggers of others that hang on our tables: replacing the tables would break or fire them."""
    cursor.execute("""SELECT format('%%s has a foreign key to %%s', conrelid::regclass, confrelid::regclass)
                      FROM pg_constraint
                      WHERE contype = 'f' AND confrelid = ANY (%(ours)s) AND conrelid <> ALL (%(ours)s)
                      UNION ALL
                      SELECT format('%%s has trigger %%I', tgrelid::regclass, tgname)
                      FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY (%(ours)s)
                      ORDER BY 1""", {"ours": list(oids)})
    return [row[0] for row in cursor.fetchall()]


def _expected_type(pg_type):
    return {"serial4": "int4"}.get(pg_type, pg_type)


def shape_differences(existing):
    """How tables that already exist in raw differ from the schema file (column names and types)."""
    problems = []
    for name, columns in existing.items():
        expected = {c.name: _expected_type(c.pg_type) for c in schema.table(name).columns}
        actual = dict(columns)
        for column in expected.keys() - actual.keys():
            problems.append(f"{name}.{column} is missing")
        for column in actual.keys() - expected.keys():
            problems.append(f"{name}.{column} is not in the schema")
        for column in expected.keys() & actual.keys():
            if expected[column] != actual[column]:
                problems.append(f"{name}.{column} is {actual[column]}, expected {expected[column]}")
    return sorted(problems)


def tables_with_rows(cursor, names):
    if not names:
        return []
    probes = sql.SQL(" UNION ALL ").join(
        sql.SQL("SELECT {} FROM (SELECT 1 FROM raw.{} LIMIT 1) t").format(sql.Literal(n), sql.Identifier(n))
        for n in sorted(names))
    cursor.execute(probes)
    return [row[0] for row in cursor.fetchall()]


def is_marked(cursor):
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{MARKER_SCHEMA}.generator_run",))
    return cursor.fetchone()[0]


def last_status(cursor):
    """The status of the dataset in place: 'complete', or 'validation_failed' when kept with --keep-invalid."""
    if not is_marked(cursor):
        return None
    cursor.execute(f"SELECT status FROM {MARKER_SCHEMA}.generator_run ORDER BY started_at DESC LIMIT 1")
    row = cursor.fetchone()
    return row[0] if row else None


def _raw_tables(names):
    return sql.SQL(", ").join(sql.SQL("raw.{}").format(sql.Identifier(n)) for n in sorted(names))


def lock_for_reading(connection):
    """Wait (bounded by lock_timeout) for the tables a check reads, before the check starts."""
    with connection.cursor() as cursor:
        names = [name for name, (_, kind) in _owned_relations(cursor).items() if kind in "rp"]
        if names:
            cursor.execute(sql.SQL("LOCK TABLE {} IN ACCESS SHARE MODE").format(_raw_tables(names)))


KINDS = {"v": "view", "m": "materialized view", "S": "sequence", "f": "foreign table", "i": "index"}


def _not_tables(relations):
    return sorted(f"raw.{name} is a {KINDS.get(kind, 'relation')}, not a table"
                  for name, (_, kind) in relations.items() if kind not in "rp")


def _listed(problems):
    return "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")


def check_target(connection, config):
    """Refuse (UserError, exit 2) before anything is written unless the target is safe to fill.

    The generator owns the tables of schema/create_tables.sql in `raw`, and nothing else: any other table, view,
    function or sequence there (a user's notes, dbt's models) is never read, emptied or altered, and never stops
    a run. It refuses to replace its tables when they hold rows and the database lacks the ownership marker
    (that data is someone else's), when one of them is not a table or has other columns, or when someone else's
    foreign key or trigger hangs on them. Returns the tables of ours that exist already (begin_run empties them).
    """
    dbname = database_name(connection)
    if not config.allow_non_demo_database and not looks_like_demo(dbname):
        raise UserError(f"database '{dbname}' does not look like a demo/test database; "
                        "rerun with --confirm-not-production if it really holds no real data")
    with connection.cursor() as cursor:
        relations = _owned_relations(cursor)
        tables = sorted(name for name, (_, kind) in relations.items() if kind in "rp")
        existing = _existing_tables(cursor, tables)
        filled = tables_with_rows(cursor, tables)
        status = last_status(cursor)
        dependents = _dependents(cursor, [oid for oid, _ in relations.values()])
    connection.rollback()
    if filled and status is None:
        raise UserError(f"raw schema of '{dbname}' holds data this generator did not create "
                        f"({len(filled)} tables with rows, e.g. raw.{filled[0]}); refusing to touch it")
    problems = _not_tables(relations) + shape_differences(existing)
    if problems:
        raise UserError(f"raw tables of '{dbname}' differ from schema/create_tables.sql: {_listed(problems)}")
    if dependents:
        raise UserError(f"objects this generator did not create depend on its tables in '{dbname}': "
                        f"{_listed(dependents)}; replacing the tables would break them (drop them, or use another "
                        "database)")
    if filled and not config.reset:
        kept = " (kept with --keep-invalid after failing validation)" if status == "validation_failed" else ""
        raise UserError(f"'{dbname}' already holds a synthetic dataset{kept}; rerun with --reset to replace it")
    return tables


def begin_run(connection, config, tables):
    """Inside the run's transaction: create what is missing, empty our tables (locking them all before any
    work starts), record the run."""
    with connection.cursor() as cursor:
        cursor.execute(MARKER_DDL)
        cursor.execute(schema.create_sql())
        if tables:
            cursor.execute(sql.SQL("TRUNCATE {}").format(_raw_tables(tables)))
        run_id = str(uuid.uuid4())
        cursor.execute(f"""INSERT INTO {MARKER_SCHEMA}.generator_run
                           (run_id, generator, seed, options, started_at, status)
                           VALUES (%s, 'dental-practice-generator', %s, %s, %s, 'running')""",
                       (run_id, config.seed, json.dumps(config.public_options()), datetime.now(timezone.utc)))
    return run_id


def plan_for_whole_tables(connection):
    """The checks read whole tables, freshly loaded and without planner statistics: hash joins in memory
    suit them, where the planner would otherwise guess tiny tables and choose nested loops."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off; SET LOCAL work_mem = '256MB'")


def finish_run(connection, run_id, status, row_counts):
    with connection.cursor() as cursor:
        cursor.execute(f"""UPDATE {MARKER_SCHEMA}.generator_run SET status = %s, finished_at = %s, row_counts = %s
                           WHERE run_id = %s""",
                       (status, datetime.now(timezone.utc), json.dumps(row_counts), run_id))
