"""A throwaway PostgreSQL for the tests: the server in TEST_DATABASE_URL, or an embedded one in a temp dir.

Each test that writes gets a database of its own, so tests never see each other's data.
"""
import atexit
import fcntl
import functools
import hashlib
import importlib.util
import json
import os
import secrets
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import uuid
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import psycopg2
import pytest

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from app.offices import Practice  # noqa: E402
from core.config import GeneratorConfig  # noqa: E402
from core.embedded import EmbeddedServer  # noqa: E402
from core.randomness import RandomSource  # noqa: E402
from main import main  # noqa: E402

REFERENCE = PROJECT.parent / "shared" / "reference"
SMALL_END = "2025-06-30"
OPENED = "2020-01-01"  # the practices open the default three years of history before --start-date 2023-01-01
# A run on several workers (pytest-xdist) shares one server and the practices built on it: the controller starts
# the server and hands its workers this directory (server.json, password, one lock file per shared database).
SESSION_VARIABLE = "DENTAL_TEST_SESSION"
SESSION = os.environ.pop(SESSION_VARIABLE, None)  # popped: the generator's processes and nested suites never see it
# Random for each test session, so no one on the machine knows the test servers' superuser password; the tests
# check that it never appears in any output.
TEST_PASSWORD = (Path(SESSION, "password").read_text() if SESSION else "Test-" + secrets.token_urlsafe(18))


# Modules whose tests share a large practice of their own (a module fixture): one worker runs all of a module's
# tests, handed out first, so no other worker waits for that practice's build. Every other test goes to whichever
# worker is free.
TOGETHER = {"tests/test_history.py", "tests/test_claims.py", "tests/test_coverage.py", "tests/test_bad_input.py"}


# The longest tests that run alone (a fresh virtual environment, pip, dbt, servers started and killed): first, so
# that no worker is left running one of them at the end while the other has finished.
LONG_FIRST = ("tests/test_wrappers.py", "tests/test_packaging.py", "tests/test_dbt.py", "tests/test_embedded.py",
              "tests/test_safety.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.nodeid.split("::", 1)[0] not in LONG_FIRST)


def pytest_xdist_make_scheduler(config, log):
    """Like --dist load, but the tests of a module in TOGETHER are one unit of work, handed out first."""
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return module if module in TOGETHER else nodeid

    return Scheduling(config, log)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_setupnodes(config, specs):
    """In the controller, before the workers start: the session directory, and the one server they all use
    (the one in TEST_DATABASE_URL, else an embedded one started here and stopped by pytest_unconfigure)."""
    directory = Path(tempfile.mkdtemp(prefix="dental-test-session-"))
    with os.fdopen(os.open(directory / "password", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write(TEST_PASSWORD)
    if not os.environ.get("TEST_DATABASE_URL"):
        servers = embedded_server("dental-test-pg-")
        (directory / "server.json").write_text(json.dumps(next(servers)))
        config.stash[SHARED_SERVER] = servers
    config.stash[SHARED_DIRECTORY] = directory
    os.environ[SESSION_VARIABLE] = str(directory)


SHARED_SERVER, SHARED_DIRECTORY = pytest.StashKey(), pytest.StashKey()


def pytest_unconfigure(config):
    """In the controller: the shared server stopped (its databases go with it) and the session directory removed;
    on a server of TEST_DATABASE_URL the shared databases are dropped."""
    directory = config.stash.get(SHARED_DIRECTORY, None)
    if directory is None:
        return
    servers = config.stash.get(SHARED_SERVER, None)
    if servers is not None:
        servers.close()
    else:
        url = psycopg2.extensions.parse_dsn(os.environ["TEST_DATABASE_URL"])
        settings = {k: url[k] for k in ("host", "port", "user", "password") if k in url}
        for lock in directory.glob("*.lock"):
            drop_database(settings, lock.stem)
    shutil.rmtree(directory, ignore_errors=True)


def script_module(path):
    """A script of scripts/ imported as a module (they are not a package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unavailable(message):
    """Something a test needs is missing: a failure in CI (CI=true), where it must be there; a skip elsewhere."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def project_copy(target):
    """A copy of the project's files (no git, environments, data directory or caches) at `target`."""
    ignored = shutil.ignore_patterns(".git", ".venv*", ".pgdata", "__pycache__", "build", "*.egg-info", "reports")
    shutil.copytree(PROJECT, target, ignore=ignored)
    return target


def this_environment():
    """The site-packages directories of the environment running the tests."""
    return sorted({sysconfig.get_path("purelib"), sysconfig.get_path("platlib")})


@pytest.fixture(scope="session")
def reference():
    """The reference files beside the project's CI (../shared/reference), which some tests compare with."""
    missing = [name for name in ("raw_schema.csv", "analytics_sources.csv") if not (REFERENCE / name).exists()]
    if missing:
        unavailable(f"{', '.join(missing)} absent from {REFERENCE} (the reference files are only beside the project's CI)")
    return REFERENCE


def embedded_server(prefix):
    """The embedded server as `python main.py` makes it (password auth, random port, pgpass entry), in a temp
    dir, with TEST_PASSWORD and a pgpass file of its own so the developer's ~/.pgpass is left alone."""
    data_dir = Path(tempfile.mkdtemp(prefix=prefix))
    pgpass_dir = Path(tempfile.mkdtemp(prefix=f"{prefix}pgpass-"))
    embedded = EmbeddedServer(data_dir, password=TEST_PASSWORD, pgpass=pgpass_dir / "pgpass")
    try:
        settings = embedded.start()
        throwaway(settings)
        yield settings
    finally:
        embedded.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(pgpass_dir, ignore_errors=True)


def throwaway(settings):
    """The tests' own server keeps nothing after the session: it need not wait for the disk (fsync off), which
    makes the checkpoints of DROP DATABASE and of stopping cheap; nor vacuum the hundreds of databases the tests
    make and drop (autovacuum off: the shared practices are ANALYZEd when built, as bench.py's server is)."""
    with admin_connection(settings) as conn, conn.cursor() as cursor:
        for setting in ("fsync", "full_page_writes", "autovacuum"):
            cursor.execute(f"ALTER SYSTEM SET {setting} = off")
        cursor.execute("SELECT pg_reload_conf()")


@pytest.fixture(scope="session")
def server():
    """libpq settings (host, port, user[, password]) of a server the tests may create databases on."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        parsed = psycopg2.extensions.parse_dsn(url)
        settings = {k: parsed[k] for k in ("host", "port", "user", "password") if k in parsed}
        yield settings
        for name in BUILT:  # on an embedded server they go with the server
            drop_database(settings, name)
    elif SESSION and Path(SESSION, "server.json").exists():
        yield json.loads(Path(SESSION, "server.json").read_text())
    else:
        yield from embedded_server("dental-test-pg-")


@pytest.fixture(scope="session")
def password_server(server):
    """A server that checks passwords: the shared one when it does, else an embedded one of its own."""
    if server.get("password"):
        yield server
        return
    yield from embedded_server("dental-test-pw-pg-")


@pytest.fixture
def new_database(server):
    """A factory of fresh, empty databases; dropped after the test."""
    created = []

    def make(prefix="test_demo", template=None):
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        copied = f' TEMPLATE "{template}"' if template else ""
        with admin_connection(server) as conn:
            conn.cursor().execute(f'CREATE DATABASE "{name}"{copied}')
        created.append(name)
        return name

    yield make
    for name in created:
        drop_database(server, name)


class admin_connection:
    def __init__(self, server):
        self.conn = psycopg2.connect(dbname="postgres", **server)
        self.conn.autocommit = True

    def __enter__(self):
        return self.conn

    def __exit__(self, *exc):
        self.conn.close()


def db_args(server, dbname):
    """Command-line options that point the generator at a test database."""
    args = ["--db-host", str(server["host"]), "--db-port", str(server["port"]), "--db-user", server["user"],
            "--db-name", dbname]
    if server.get("password"):
        args += ["--password-file", str(password_file(server["password"]))]
    return args


@functools.lru_cache(maxsize=None)
def password_file(password):
    """A file only this user can read, holding `password`: it stays off the command line, where ps shows it."""
    directory = tempfile.mkdtemp(prefix="dental-test-password-")
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    path = Path(directory) / "password"
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as file:
        file.write(password + "\n")
    return path


def isolated(args):
    """Keep a developer's own .env_demo and config.py out of the tests, and their dbt profile untouched."""
    return [*args, "--env-file", os.devnull, "--config-file", os.devnull, "--dbt-profile", os.devnull]


def run_generator(server, dbname, *extra, patients=150, seed=7):
    return main(isolated([*db_args(server, dbname), "--patients", str(patients), "--seed", str(seed),
                          "--end-date", SMALL_END, "--quiet", *extra]))


def run_cli(*args, env=None, timeout=300):
    """The generator as a user runs it: a separate process; returns (exit code, stdout, stderr)."""
    result = subprocess.run([sys.executable, str(PROJECT / "main.py"), *args], capture_output=True, text=True,
                            timeout=timeout, env={**os.environ, **(env or {})}, cwd=PROJECT)
    return result.returncode, result.stdout, result.stderr


READERS = {}  # (host, port, user, database) -> the session's connection for read-only queries


def reader(server, dbname):
    """One autocommit connection per database for the whole session: it never holds a lock between queries."""
    key = (server["host"], server["port"], server["user"], dbname)
    if key not in READERS or READERS[key].closed:
        READERS[key] = psycopg2.connect(dbname=dbname, **server)
        READERS[key].autocommit = True
    return READERS[key]


def close_readers(dbname=None):
    """Close the session's connections (to one database, when named: it is about to be dropped)."""
    for key in [k for k in READERS if dbname in (None, k[3])]:
        READERS.pop(key).close()


@pytest.fixture(scope="session", autouse=True)
def readers_closed():
    yield
    close_readers()


def drop_database(server, name):
    close_readers(name)
    with admin_connection(server) as conn:
        conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(server, dbname, sql, params=None):
    with reader(server, dbname).cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def one(practice_db, sql):
    """The first row of a query on a generated practice."""
    server, name = practice_db
    return query(server, name, sql)[0]


def analyze(server, name):
    """Planner statistics for the tests' queries, which join whole tables the run has just loaded."""
    with psycopg2.connect(dbname=name, **server) as conn:
        conn.autocommit = True
        conn.cursor().execute("ANALYZE")
    conn.close()


BUILT = set()  # the databases built once for the session by this process alone (none on workers)


def built_once(server, name, build):
    """Database `name`, made by build(name) once for the whole test session and kept until it ends: on several
    workers by the first that asks (the others wait on its lock file, then read the same database)."""
    if SESSION is None:
        if name not in BUILT:
            build(name)
            BUILT.add(name)
        return
    with open(Path(SESSION, f"{name}.lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        if lock.read() != "built":
            drop_database(server, name)  # what a worker that failed halfway left
            build(name)
            lock.write("built")


def shared_name(kind, *options):
    """The name of a database built once per session from these options (the same on every worker)."""
    return f"test_demo_{kind}_{hashlib.sha1(repr(options).encode()).hexdigest()[:10]}"


def generated_practice(server, patients, seed, *extra):
    """A practice generated once per session into a database of its own; yields (server settings, database name).
    Its tests only read it."""
    def build(name):
        with admin_connection(server) as conn:
            conn.cursor().execute(f'CREATE DATABASE "{name}"')
        assert run_generator(server, name, *extra, patients=patients, seed=seed) == 0, \
            "the practice did not generate cleanly"
        analyze(server, name)

    name = shared_name("shared", patients, seed, *extra)
    built_once(server, name, build)
    yield server, name


@pytest.fixture(scope="session", params=[None, 200], ids=["one office", "two offices"])
def patients_per_office(request):
    """The office size of `practice_db`: every rule must hold in a practice of one office and across the offices
    of a practice generated office by office."""
    return request.param


@pytest.fixture(scope="session")
def practice_db(server, patients_per_office):
    """A generated practice of 400 patients shared by the read-only tests."""
    offices = ["--patients-per-office", str(patients_per_office)] if patients_per_office else []
    yield from generated_practice(server, 400, 11, *offices)


@pytest.fixture(scope="session")
def schema_template(server):
    """A database holding the raw schema and nothing else, made once per session for `schema_database` to copy."""
    from core import schema

    def build(name):
        with admin_connection(server) as conn:
            conn.cursor().execute(f'CREATE DATABASE "{name}"')
        with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
            cursor.execute(schema.create_sql())
        conn.close()

    name = shared_name("schema", schema.create_sql())
    built_once(server, name, build)
    return name


@pytest.fixture
def schema_database(new_database, schema_template):
    """A fresh database holding the empty raw schema (a copy of `schema_template`); dropped after the test."""
    return new_database(template=schema_template)


@pytest.fixture
def previous_dataset(server, new_database):
    """A factory of fresh databases each holding the dataset run_generator(patients, seed) writes: a file copy
    (CREATE DATABASE ... TEMPLATE) of one generated once per session, rather than a generation per test."""
    def build(name, patients, seed):
        with admin_connection(server) as conn:
            conn.cursor().execute(f'CREATE DATABASE "{name}"')
        assert run_generator(server, name, patients=patients, seed=seed) == 0
        close_readers(name)

    def make(patients=30, seed=7):
        name = shared_name("template", patients, seed)
        built_once(server, name, lambda name: build(name, patients, seed))
        return new_database(template=name)

    return make


def fidelity_of(practice_db):
    """The fidelity report of a generated practice, judged with the targets stored by its run."""
    from checks import fidelity
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn:
        results = fidelity.report(conn, fidelity.stored_targets(conn))
    conn.close()
    return results


def practice_config(patients_per_office):
    """The configuration of `practice_db`."""
    config = GeneratorConfig(patients=400, seed=11, end_date=date.fromisoformat(SMALL_END))
    if patients_per_office:
        config.patients_per_office = patients_per_office
    return config


def offices(patients_per_office):
    return len(practice_config(patients_per_office).offices())


def of_the_first_office(key, patients_per_office):
    """A condition on `key` that holds for the first office's rows of a table the practice numbers none of: office
    k of n takes every n-th key from k + 1 (core/ids.py)."""
    return f'mod("{key}" - 1, {offices(patients_per_office)}) = 0'


def first_office(patients_per_office, phases):
    """ctx.practice of the first office of `practice_db` (same options, same seed) after `phases`."""
    config = practice_config(patients_per_office)
    written = SimpleNamespace(copy=lambda *_: 0, stream=lambda *_: 0, update=lambda *_: 0)
    unreported = SimpleNamespace(office=lambda *_: 0, phase=lambda *_: 0)
    return Practice(config, RandomSource(config.seed), written, phases).office(0, written, unreported)
