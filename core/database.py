"""The connection and everything that protects the target database.

A run writes only into a `raw` schema that is empty or that this generator filled before (it carries
the ownership marker dental_synth.generator_run). The whole run is one transaction under an advisory
lock: an interrupted run leaves the previous dataset as it was, and two runs never interleave.
"""
import configparser
import ctypes
import functools
import json
import os
import re
import select
import socket
import time
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

import psycopg2
from psycopg2 import sql

from . import schema
from .errors import UserError

APPLICATION = "dental_practice_generator"
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
CREATE TABLE IF NOT EXISTS {MARKER_SCHEMA}.advance (
    run_id text NOT NULL,
    advanced_at timestamptz NOT NULL,
    from_as_of timestamp NOT NULL,
    to_as_of timestamp NOT NULL,
    row_changes jsonb NOT NULL
);
COMMENT ON SCHEMA {MARKER_SCHEMA} IS 'The raw schema of this database holds synthetic data from the dental practice generator.';
"""


# libpq's environment fills in what no setting of ours gives (for an existing server, never the embedded one);
# libpq itself also reads PGPASSWORD and ~/.pgpass at connect time, so a password never has to be in argv.
LIBPQ_ENVIRONMENT = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "dbname": "PGDATABASE"}
TARGET_FIELDS = {"host": "db_host", "port": "db_port", "user": "db_user", "dbname": "db_name"}
# SQLSTATEs a server sends when it refuses a connection (libpq's error text is localized, its code is not).
REFUSALS = {
    "28P01": "cannot log in to {where} as {user}: wrong password",
    "28000": "{user} may not connect to {where} (no such role, or pg_hba.conf refuses it)",
    "3D000": "database {dbname} does not exist on {host}:{port}",
    "42501": "{user} has no permission to connect to {where}",
    "53300": "{where} has too many connections; try again later",
    "57P03": "the server at {host}:{port} is starting up or shutting down; try again in a moment",
}
PASSWORD_WAYS = "give it with --password-file, --db-password without a value (a prompt), PGPASSWORD or ~/.pgpass"


@dataclass(frozen=True)
class Target:
    """Where a run connects, however it was given; the password and other libpq keywords are kept apart
    (never in repr, messages or hints)."""
    host: str
    port: int
    user: str
    dbname: str
    password: str = field(default="", repr=False, compare=False)
    options: tuple = field(default=(), repr=False, compare=False)

    @classmethod
    def from_libpq(cls, settings):
        known = {"host", "port", "user", "dbname", "password"}
        return cls(host=str(settings["host"]), port=int(settings["port"]), user=str(settings["user"]),
                   dbname=str(settings.get("dbname") or "postgres"), password=settings.get("password") or "",
                   options=tuple(sorted((k, str(v)) for k, v in settings.items() if k not in known)))

    def libpq(self):
        """Keyword arguments for psycopg2.connect."""
        settings = {"host": self.host, "port": self.port, "user": self.user, "dbname": self.dbname,
                    **dict(self.options)}
        return {**settings, "password": self.password} if self.password else settings

    @property
    def where(self):
        return f"{self.host}:{self.port}/{self.dbname}"

    @property
    def uri(self):
        """A libpq URI with no password, for hints (a socket directory goes in the query, IPv6 in brackets)."""
        user, dbname = quote(self.user, safe=""), quote(self.dbname, safe="")
        if self.host.startswith("/"):
            return f"postgresql://{user}@/{dbname}?host={quote(self.host, safe='')}&port={self.port}"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{user}@{host}:{self.port}/{dbname}"


def connection_settings(config, environ=None):
    """The Target of an existing server: our settings (command line > .env_demo > environment > config.py, a URL
    counting as its parts), then the service named by `service=` or PGSERVICE, then libpq's PGHOST, PGPORT,
    PGUSER and PGDATABASE, then our defaults (localhost, 5432, postgres, opendental_demo)."""
    environ = os.environ if environ is None else environ
    given = {key: getattr(config, name) for key, name in TARGET_FIELDS.items() if name in config.sources}
    options = dict(config.db_options)
    service = options.get("service") or environ.get("PGSERVICE")
    if service:
        options["service"] = service
        given = {**_service_settings(service, environ), **given}
    given = {**{key: environ[name] for key, name in LIBPQ_ENVIRONMENT.items() if environ.get(name)}, **given}
    defaults = {key: getattr(config, name) for key, name in TARGET_FIELDS.items()}
    settings = {**defaults, **given}
    try:
        settings["port"] = int(settings["port"])
    except ValueError:
        raise UserError("PGPORT (or the service's port) must be a whole number") from None
    return Target.from_libpq({**settings, **options, "password": config.db_password})


def _service_settings(service, environ):
    """host, port, user and dbname of a libpq service (pg_service.conf); libpq reads the rest itself."""
    files = [Path(environ.get("PGSERVICEFILE") or Path.home() / ".pg_service.conf")]
    if environ.get("PGSYSCONFDIR"):
        files.append(Path(environ["PGSYSCONFDIR"]) / "pg_service.conf")
    for path in files:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            raise UserError(f"service file {path} does not parse") from None
        if parser.has_section(service):
            return {key: parser.get(service, key) for key in TARGET_FIELDS if parser.has_option(service, key)}
    raise UserError(f"service {service!r} is not defined in {' or '.join(map(str, files))}")


def describe(target):
    """host:port/dbname for messages; never the password."""
    return target.where


def _refusal(target):
    """Why the server refused: a second attempt that asks libpq for verbose errors, whose first line carries
    the SQLSTATE, and libpq's own PQconnectionNeedsPassword; (None, False) when no server answered."""
    try:
        attempt = psycopg2.connect(async_=True, connect_timeout=10, application_name=APPLICATION, **target.libpq())
    except psycopg2.Error:
        return None, False
    try:
        _libpq().PQsetErrorVerbosity(ctypes.c_void_p(attempt.pgconn_ptr), 2)  # PQERRORS_VERBOSE
        _wait(attempt)
        return None, False
    except psycopg2.Error as error:
        return sqlstate_in(str(error)), attempt.info.needs_password
    finally:
        attempt.close()


def sqlstate_in(message):
    """The code in a verbose libpq message ("FATAL:  28P01: ..."; the severity word is localized, the code is
    not): the first five-character word between colons that has a digit, as every SQLSTATE has."""
    return next((word for word in re.findall(r":\s+([0-9A-Z]{5})(?=:\s)", message) if re.search(r"\d", word)),
                None)


def _wait(connection, seconds=10):
    """Poll an asynchronous connection until it is made or fails; False when it takes longer than `seconds`."""
    deadline = time.monotonic() + seconds
    while (state := connection.poll()) != psycopg2.extensions.POLL_OK:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        reading = state == psycopg2.extensions.POLL_READ
        select.select([connection.fileno()] if reading else [], [] if reading else [connection.fileno()], [], left)
    return True


@functools.cache
def _libpq():
    """The libpq psycopg2 is linked with, or None: the one mapped into this process (Linux), else the one its
    wheel ships beside it. Never another libpq, whose calls on psycopg2's connection would corrupt memory."""
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted({line.split()[-1] for line in maps if "/libpq" in line})
    except OSError:
        package = Path(psycopg2.__file__).parent
        paths = sorted([*package.parent.glob("psycopg2_binary.libs/libpq*"), *package.glob(".dylibs/libpq*")])
    try:
        return ctypes.CDLL(str(paths[0])) if paths else None
    except OSError:
        return None


def _unreachable(target):
    """No server answered, so there is no code: an unknown host is told by the resolver, anything else is a
    server that is down or a wrong host/port."""
    if not target.host.startswith("/"):
        try:
            socket.getaddrinfo(target.host, target.port)
        except (socket.gaierror, UnicodeError):
            return f"unknown host {target.host}: check --db-host (or the URL's host)"
    return f"cannot reach PostgreSQL at {target.host}:{target.port}: is the server running and the host/port right?"


def _explain(target, error):
    if _libpq() is None:  # no way to ask libpq for the code: its own first line (it never holds the password)
        return None, f"cannot connect to {target.where}: {str(error).strip().splitlines()[0]}"
    code, needs_password = _refusal(target)
    fields = {"where": target.where, "user": target.user, "dbname": target.dbname, "host": target.host,
              "port": target.port}
    if code in REFUSALS:
        message = REFUSALS[code].format(**fields)
        return code, message + (f" ({PASSWORD_WAYS})" if code == "28P01" else "")
    if needs_password:
        return code, f"{target.where} asks for a password and none was given ({PASSWORD_WAYS})"
    if code:
        return code, f"the server at {target.host}:{target.port} refused the connection (SQLSTATE {code})"
    return code, _unreachable(target)


def connect(target, create_if_missing=False):
    try:
        return psycopg2.connect(connect_timeout=10, application_name=APPLICATION, **target.libpq())
    except psycopg2.Error as error:
        code, message = _explain(target, error)
    if code == "3D000" and create_if_missing:
        _create_database(target)
        return connect(target)
    raise UserError(message)


def _create_database(target):
    maintenance = connect(replace(target, dbname="postgres"))
    maintenance.autocommit = True
    try:
        with maintenance.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target.dbname)))
    except psycopg2.Error as error:
        if error.pgcode != "42P04":  # created meanwhile by another run
            raise UserError(f"cannot create database {target.dbname}: {error.diag.message_primary} "
                            f"(SQLSTATE {error.pgcode})") from None
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


def lock_our_tables(connection, mode):
    """Wait (bounded by lock_timeout) for our tables, locked in `mode`: ACCESS SHARE for the tables a check reads,
    before the check starts; EXCLUSIVE for an advance of the clock (others still read the previous state, nobody
    else writes)."""
    with connection.cursor() as cursor:
        names = [name for name, (_, kind) in _owned_relations(cursor).items() if kind in "rp"]
        if names:
            cursor.execute(sql.SQL("LOCK TABLE {} IN " + mode + " MODE").format(_raw_tables(names)))


KINDS = {"v": "view", "m": "materialized view", "S": "sequence", "f": "foreign table", "i": "index"}


def _not_tables(relations):
    return sorted(f"raw.{name} is a {KINDS.get(kind, 'relation')}, not a table"
                  for name, (_, kind) in relations.items() if kind not in "rp")


def _listed(problems):
    return "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")


def check_target(connection, config, advancing=False):
    """Refuse (UserError, exit 2) before anything is written unless the target is safe to fill (or, `advancing`,
    holds a dataset of this generator to advance the clock of).

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
    if advancing and status is None:
        raise UserError(f"'{dbname}' holds no dataset of this generator to advance the clock of")
    if not advancing and filled and not config.reset:
        kept = " (kept with --keep-invalid after failing validation)" if status == "validation_failed" else ""
        raise UserError(f"'{dbname}' already holds a synthetic dataset{kept}; rerun with --reset to replace it")
    return tables


def recorded_run(cursor):
    """(run_id, options) of the dataset in place, as its ownership marker records them."""
    cursor.execute(f"SELECT run_id, options FROM {MARKER_SCHEMA}.generator_run ORDER BY started_at DESC LIMIT 1")
    return cursor.fetchone()


def record_advance(connection, run_id, started_at, moments, changes):
    """The advance in the marker: from, to and the rows it inserted, updated and deleted per table; the run's
    recorded as-of becomes the new moment."""
    counts = {table: dict(zip(("inserted", "updated", "deleted"), numbers)) for table, numbers in changes.items()}
    with connection.cursor() as cursor:
        cursor.execute(MARKER_DDL)
        cursor.execute(f"""INSERT INTO {MARKER_SCHEMA}.advance (run_id, advanced_at, from_as_of, to_as_of, row_changes)
                           VALUES (%s, %s, %s, %s, %s)""", (run_id, started_at, *moments, json.dumps(counts)))
        cursor.execute(f"""UPDATE {MARKER_SCHEMA}.generator_run SET options = jsonb_set(options, '{{as_of}}', %s)
                           WHERE run_id = %s""", (json.dumps(moments[1].isoformat()), run_id))


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


def defer_primary_keys(connection):
    """Inside the run's transaction, on tables it created or emptied: drop the primary keys of our tables so the
    rows load without index maintenance; returns what build_primary_keys needs to put each back as it was (same
    name and definition). A key something else depends on (a view grouping by it) stays. Nothing of it is ever
    committed: the keys are back before the commit."""
    with connection.cursor() as cursor:
        cursor.execute("""SELECT format('ALTER TABLE %%s DROP CONSTRAINT %%I', k.conrelid::regclass, k.conname),
                                 format('ALTER TABLE %%s ADD CONSTRAINT %%I %%s', k.conrelid::regclass, k.conname,
                                        pg_get_constraintdef(k.oid))
                          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                          JOIN pg_namespace n ON n.oid = c.relnamespace
                          WHERE n.nspname = 'raw' AND k.contype = 'p' AND c.relname = ANY (%s)
                            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_constraint'::regclass
                                            AND d.refobjid = k.oid AND d.deptype = 'n')
                          ORDER BY c.relname""",
                       (list(schema.tables()),))
        keys = cursor.fetchall()
        if keys:
            cursor.execute(";\n".join(drop for drop, _ in keys))
    return [add for _, add in keys]


def build_primary_keys(connection, statements):
    """The primary keys defer_primary_keys dropped, built on the loaded tables (a duplicate key fails the run)."""
    if statements:
        with connection.cursor() as cursor:
            cursor.execute(";\n".join(statements))


def plan_for_whole_tables(connection):
    """The checks read whole tables, freshly loaded and without planner statistics: hash joins in memory
    suit them, where the planner would otherwise guess tiny tables and choose nested loops."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_nestloop = off; SET LOCAL work_mem = '256MB'")


def set_status(connection, run_id, status):
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {MARKER_SCHEMA}.generator_run SET status = %s WHERE run_id = %s", (status, run_id))


def finish_run(connection, run_id, status, row_counts):
    with connection.cursor() as cursor:
        cursor.execute(f"""UPDATE {MARKER_SCHEMA}.generator_run SET status = %s, finished_at = %s, row_counts = %s
                           WHERE run_id = %s""",
                       (status, datetime.now(timezone.utc), json.dumps(row_counts), run_id))
