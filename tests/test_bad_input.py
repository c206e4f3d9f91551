"""Bad input: one line `error: ...` naming the problem and exit code 2, before anything is written, and never a
password or any part of one in the output.

Every case points at a practice generated once for the module and asks to --reset it, so a case that slipped
through would replace it: each case checks that its marker and the checksums of all its tables are unchanged,
that no database was created and no file written. Most cases fail before connecting and run in-process.
"""
import os
import re
import uuid
from pathlib import Path

import pytest

from conftest import (SMALL_END, TEST_PASSWORD, admin_connection, db_args, generated_practice, isolated, query,
                      reader, run_cli)
from core.config import VOLUMES
from core.preflight import available_mib
from main import main

URL_SECRET = "50%offQz"            # a password that is not valid percent-encoding
DSN_SECRET = "S3cret Xyzzy!"       # a password with a space, unquoted in a key=value string
FILE_SECRET = "Filed-Pw-4471"
CASE_SECRETS = (TEST_PASSWORD, URL_SECRET, DSN_SECRET, FILE_SECRET)
RUN = ["--reset", "--patients", "30", "--seed", "99", "--end-date", SMALL_END, "--quiet"]
READ_ONLY = Path("/proc/sys")  # a read-only file system in containers; skipped where it is writable

# (id, arguments, words the error line must hold, {file name: (text, mode)}, {environment variable: value})
# Arguments and values may use {tmp} (a directory of the case), {host}, {port}, {db} (the practice) and {pw}.
OPTIONS = [
    ("patients negative", ["--patients", "-5"], ["--patients", "between"]),
    ("patients zero", ["--patients", "0"], ["--patients", "between"]),
    ("patients word", ["--patients", "lots"], ["--patients", "whole number"]),
    ("patients fraction", ["--patients", "1.5"], ["--patients", "whole number"]),
    ("patients empty", ["--patients", ""], ["--patients", "whole number"]),
    ("patients huge", ["--patients", "99999999999"], ["--patients", "between"]),
    ("patients missing value", ["--patients"], ["--patients", "expected one argument"]),
    ("start date invalid", ["--start-date", "2024-02-30"], ["--start-date", "YYYY-MM-DD"]),
    ("start date 1900", ["--start-date", "1900-01-01"], ["--start-date", "2001-01-01"]),
    ("start date 2000", ["--start-date", "2000-12-31"], ["--start-date", "before 2001-01-01"]),
    ("start date word", ["--start-date", "last year"], ["--start-date", "YYYY-MM-DD"]),
    ("end date word", ["--end-date", "yesterday"], ["--end-date", "YYYY-MM-DD"]),
    ("history negative", ["--history-years", "-1"], ["--history-years", "between"]),
    ("history word", ["--history-years", "some"], ["--history-years", "whole number"]),
    ("history before 2001", ["--start-date", "2003-06-01", "--history-years", "3"], ["--history-years", "2001-01-01"]),
    ("end before start", ["--start-date", "2024-06-01", "--end-date", "2024-01-01"], ["before"]),
    ("end in future", ["--end-date", "2999-01-01"], ["future"]),
    ("range too short", ["--start-date", "2024-06-01", "--end-date", "2024-06-10"], ["four weeks"]),
    ("seed negative", ["--seed", "-1"], ["--seed", "between"]),
    ("seed word", ["--seed", "abc"], ["--seed", "whole number"]),
    ("clinics negative", ["--clinics", "-1"], ["--clinics", "between"]),
    ("clinics too many", ["--clinics", "101"], ["--clinics", "between"]),
    ("office too small", ["--patients-per-office", "5"], ["--patients-per-office", "between"]),
    ("office word", ["--patients-per-office", "big"], ["--patients-per-office", "whole number"]),
    ("jobs zero", ["--jobs", "0"], ["--jobs", "between 1 and"]),
    ("jobs too many", ["--jobs", "5000"], ["--jobs", "between 1 and"]),
    ("jobs word", ["--jobs", "all"], ["--jobs", "whole number"]),
    ("jobs fraction", ["--jobs", "1.5"], ["--jobs", "whole number"]),
    ("volume unknown", ["--volume", "widgets=5"], ["--volume", "widgets"]),
    ("volume negative", ["--volume", "appointments=-1"], ["appointments", "between"]),
    ("volume no count", ["--volume", "appointments"], ["--volume", "NAME=COUNT"]),
    ("volume no name", ["--volume", "=5"], ["--volume", "NAME=COUNT"]),
    ("volume word", ["--volume", "commlogs=many"], ["commlogs", "whole number"]),
    ("volume billion", ["--patients", "10", "--volume", "commlogs=1000000000"], ["commlogs", "20 times"]),
    ("volume above cap", ["--volume", "procedures=100000"], ["procedures", "more than"]),
    ("volume profile", ["--volume-profile", "fancy"], ["--volume-profile", "invalid choice"]),
    ("rate above one", ["--coverage-rate", "1.5"], ["--coverage-rate"]),
    ("rate zero", ["--completion-rate", "0"], ["--completion-rate"]),
    ("rate nan", ["--fee-match-rate", "nan"], ["--fee-match-rate"]),
    ("rate word", ["--coverage-rate", "most"], ["--coverage-rate", "number"]),
    ("port zero", ["--db-port", "0"], ["--db-port", "between"]),
    ("port too high", ["--db-port", "70000"], ["--db-port", "between"]),
    ("port word", ["--db-port", "http"], ["--db-port", "whole number"]),
    ("host empty", ["--db-host", " "], ["--db-host", "empty"]),
    ("database not a demo", ["--db-name", "postgres"], ["'postgres'", "does not look like a demo"]),
    ("user unknown", ["--db-user", "nobody_here"], ["nobody_here"]),
    ("verbose bad input", ["--verbose", "--patients", "x"], ["--patients", "whole number"]),
    ("unknown option", ["--no-such-option"], ["unrecognized", "--no-such-option"]),
    ("unknown option with value", ["--no-such-option=5"], ["unrecognized", "--no-such-option"]),
    ("stray value", ["stray"], ["unrecognized", "not shown"]),
    ("validate and fidelity only", ["--validate-only", "--fidelity-only"], ["not allowed with"]),
]
PASSWORDS = [
    ("password file missing", ["--password-file", "{tmp}/nothing"], ["--password-file", "no such file"]),
    ("password file is a directory", ["--password-file", "{tmp}"], ["--password-file", "not a file"]),
    ("password file readable by others", ["--password-file", "{tmp}/pw"], ["--password-file", "chmod 600"],
     {"pw": (FILE_SECRET, 0o644)}),
    ("password file readable by group", ["--password-file", "{tmp}/pw"], ["--password-file", "group"],
     {"pw": (FILE_SECRET, 0o640)}),
    ("password file empty", ["--password-file", "{tmp}/pw"], ["--password-file", "empty"], {"pw": ("\n", 0o600)}),
    ("password twice", ["--password-file", "{tmp}/pw", "--db-password", FILE_SECRET], ["one way"],
     {"pw": (FILE_SECRET, 0o600)}),
    ("password prompt without a terminal", ["--db-password"], ["not a terminal"]),
    ("password starting with a dash", ["--db-password", "-" + FILE_SECRET], ["unrecognized", "--option=VALUE"]),
    ("password file wrong password", ["--password-file", "{tmp}/pw"], ["wrong password"],
     {"pw": (FILE_SECRET + "\n", 0o600)}),
]
ENV_FILE, CONFIG_FILE = ["--env-file", "{tmp}/.env_demo"], ["--config-file", "{tmp}/config.py"]
FILES = [
    ("env file missing", ["--env-file", "{tmp}/absent.env"], ["--env-file", "no such file"]),
    ("env file is a directory", ["--env-file", "{tmp}"], ["--env-file", "directory"]),
    ("config file missing", ["--config-file", "{tmp}/absent.py"], ["--config-file", "no such file"]),
    ("config file is a directory", ["--config-file", "{tmp}"], ["--config-file", "directory"]),
    ("env garbage line", ENV_FILE, [".env_demo line 2", "KEY=VALUE"],
     {".env_demo": (f"DEMO_SEED=5\nthis is {FILE_SECRET} garbage\n", 0o600)}),
    ("env unterminated quote", ENV_FILE, [".env_demo line 1"],
     {".env_demo": (f'DEMO_POSTGRES_PASSWORD="{FILE_SECRET}\n', 0o600)}),
    ("env password readable by others", ENV_FILE, [".env_demo holds a password", "chmod 600"],
     {".env_demo": (f"DEMO_POSTGRES_PASSWORD={FILE_SECRET}\n", 0o644)}),
    ("config.py url password readable by group", CONFIG_FILE, ["config.py holds a password", "chmod 600"],
     {"config.py": (f"DEMO_DATABASE_URL = 'postgresql://postgres:{FILE_SECRET}@localhost/db_demo'\n", 0o640)}),
    ("env unknown key", ENV_FILE, ["unknown setting", "DEMO_NUM_PATIENT"],
     {".env_demo": ("DEMO_NUM_PATIENT=5\n", 0o600)}),
    ("env patients word", ENV_FILE, ["DEMO_NUM_PATIENTS", "whole number"],
     {".env_demo": ("DEMO_NUM_PATIENTS=many\n", 0o600)}),
    ("env patients negative", ENV_FILE, ["DEMO_NUM_PATIENTS", "between"],
     {".env_demo": ("DEMO_NUM_PATIENTS=-5\n", 0o600)}),
    ("env start date", ENV_FILE, ["DEMO_START_DATE", "YYYY-MM-DD"],
     {".env_demo": ("DEMO_START_DATE=2023-13-01\n", 0o600)}),
    ("env start date too early", ENV_FILE, ["2001-01-01"], {".env_demo": ("DEMO_START_DATE=1990-01-01\n", 0o600)}),
    ("env port", ENV_FILE, ["DEMO_POSTGRES_PORT", "between"], {".env_demo": ("DEMO_POSTGRES_PORT=70000\n", 0o600)}),
    ("env appointments huge", ENV_FILE, ["DEMO_NUM_APPOINTMENTS", "more than"],
     {".env_demo": ("DEMO_NUM_APPOINTMENTS=50000000\n", 0o600)}),
    ("env url bad escape", ENV_FILE, ["DEMO_DATABASE_URL", "%25"],
     {".env_demo": (f"DEMO_DATABASE_URL=postgresql://postgres:{URL_SECRET}@localhost/demo\n", 0o600)}),
    ("env not utf-8", ENV_FILE, ["--env-file", "cannot be read"], {".env_demo": (b"DEMO_SEED=\xff\xfe\n", 0o600)}),
    ("config syntax error", CONFIG_FILE, ["config.py line 1"], {"config.py": ("DEMO_NUM_PATIENTS = (\n", 0o600)}),
    ("config unquoted password", CONFIG_FILE, ["config.py line 2", "NameError"],
     {"config.py": ("DEMO_SEED = 1\nDEMO_POSTGRES_PASSWORD = Filed_Pw_4471\n", 0o600)}),
    ("config system exit", CONFIG_FILE, ["config.py line 1", "SystemExit"],
     {"config.py": ("raise SystemExit(7)\n", 0o600)}),
    ("config exit zero", CONFIG_FILE, ["SystemExit"], {"config.py": ("import sys\nsys.exit(0)\n", 0o600)}),
    ("config value error", CONFIG_FILE, ["ValueError"], {"config.py": (f"raise ValueError('{FILE_SECRET}')\n", 0o600)}),
    ("config generator exit", CONFIG_FILE, ["GeneratorExit"], {"config.py": ("raise GeneratorExit\n", 0o600)}),
    ("config unknown name", CONFIG_FILE, ["unknown setting", "DEMO_PATIENTS"],
     {"config.py": ("DEMO_PATIENTS = 5\n", 0o600)}),
    ("config bad value", CONFIG_FILE, ["DEMO_CLINICS", "between"], {"config.py": ("DEMO_CLINICS = 500\n", 0o600)}),
    ("config bad dsn", CONFIG_FILE, ["DEMO_DATABASE_URL", "quote"],
     {"config.py": (f"DEMO_DATABASE_URL = 'host=localhost password={DSN_SECRET}'\n", 0o600)}),
    ("config not utf-8", CONFIG_FILE, ["config.py"], {"config.py": (b"DEMO_SEED = '\xff'\n", 0o600)}),
]
ENVIRONMENT = [
    ("environment patients", [], ["DEMO_NUM_PATIENTS", "whole number"], {}, {"DEMO_NUM_PATIENTS": "abc"}),
    ("environment port", [], ["DEMO_POSTGRES_PORT", "whole number"], {}, {"DEMO_POSTGRES_PORT": "x"}),
    ("environment clinics", [], ["DEMO_CLINICS", "between"], {}, {"DEMO_CLINICS": "-1"}),
    ("environment start date", [], ["2001-01-01"], {}, {"DEMO_START_DATE": "1999-01-01"}),
    ("environment office", [], ["DEMO_PATIENTS_PER_OFFICE"], {}, {"DEMO_PATIENTS_PER_OFFICE": "0"}),
    ("environment procedures", [], ["DEMO_NUM_PROCEDURES", "more than"], {}, {"DEMO_NUM_PROCEDURES": "900000000"}),
    ("environment url", [], ["DEMO_DATABASE_URL", "%25"], {},
     {"DEMO_DATABASE_URL": f"postgresql://postgres:{URL_SECRET}@localhost/demo"}),
    ("environment dsn", [], ["DEMO_DATABASE_URL", "quote"], {}, {"DEMO_DATABASE_URL": f"password={DSN_SECRET}"}),
]
LIBPQ = [
    ("libpq port", ["--db-url", "dbname=x_demo"], ["PGPORT", "whole number"], {}, {"PGPORT": "abc"}),
    ("libpq service missing", ["--db-name", "x_demo"], ["service 'nowhere'", "not defined"], {},
     {"PGSERVICE": "nowhere", "PGSERVICEFILE": "{tmp}/none.conf"}),
    ("libpq service file garbage", ["--db-url", "service=practice"], ["service file", "does not parse"],
     {"svc.conf": ("no section here\n", 0o600)}, {"PGSERVICEFILE": "{tmp}/svc.conf"}),
    ("libpq wrong password", ["--db-url", "host={host} port={port} user=postgres dbname={db}"], ["wrong password"],
     {}, {"PGPASSWORD": DSN_SECRET}),
    ("libpq no password", ["--db-host", "{host}", "--db-port", "{port}", "--db-name", "{db}"],
     ["asks for a password"], {}, {"PGPASSFILE": "{tmp}/none"}),
    ("libpq pgpass wrong", ["--db-host", "{host}", "--db-port", "{port}", "--db-name", "{db}"], ["wrong password"],
     {"pgpass": (f"*:*:*:*:{FILE_SECRET}\n", 0o600)}, {"PGPASSFILE": "{tmp}/pgpass"}),
]
URLS = [
    ("url bad percent", f"postgresql://postgres:{URL_SECRET}@localhost/db_demo", ["--db-url", "%25"]),
    ("url percent zero", "postgresql://postgres:a%00b@localhost/db_demo", ["--db-url", "%00"]),
    ("url other scheme", f"mysql://root:{FILE_SECRET}@localhost/db", ["--db-url", "postgresql://"]),
    ("url http", "https://example.com/db", ["--db-url", "postgresql://"]),
    ("url one word", FILE_SECRET, ["--db-url", "neither"]),
    ("url unknown parameter", f"postgresql://u:{FILE_SECRET}@localhost/db?colour=blue", ["unknown query parameter"]),
    ("url parameter without value", "postgresql://localhost/db?sslmode", ["NAME=VALUE"]),
    ("url parameter two equals", "postgresql://localhost/db?sslmode=a=b", ["NAME=VALUE"]),
    ("url ipv6 not closed", f"postgresql://u:{FILE_SECRET}@[::1/db", ["IPv6"]),
    ("url port word", f"postgresql://u:{FILE_SECRET}@localhost:abc/db_demo", ["port", "whole number"]),
    ("url port too high", "postgresql://localhost:99999/db_demo", ["port", "between"]),
    ("url query port word", "postgresql://localhost/db_demo?port=http", ["port", "whole number"]),
    ("url several hosts", "postgresql://h1,h2/db_demo", ["several hosts"]),
    ("url bad character", f"postgresql://u:{FILE_SECRET}@localhost:5432x/db", ["port"]),
    ("dsn unquoted space", f"host=localhost password={DSN_SECRET} dbname=db_demo", ["quote"]),
    ("dsn unterminated quote", f"host=localhost password='{DSN_SECRET}", ["not closed"]),
    ("dsn unknown keyword", f"host=localhost secret={FILE_SECRET}", ["unknown setting name"]),
    ("dsn missing equals", f"host=localhost {FILE_SECRET}", ["quote"]),
    ("dsn port word", "host=localhost port=abc", ["port", "whole number"]),
    ("dsn password like a scheme", f"password={FILE_SECRET}://x port=abc", ["port", "whole number"]),
    ("dsn several hosts", "host=a,b dbname=x_demo", ["several hosts"]),
    ("url wrong password", "postgresql://postgres:{urlpw}@{host}:{port}/{db}", ["wrong password"]),
    ("url unknown host", f"postgresql://postgres:{FILE_SECRET}@no-such-host.invalid/db_demo", ["unknown host"]),
    ("url nothing listening", f"postgresql://postgres:{FILE_SECRET}@127.0.0.1:9/db_demo", ["cannot reach"]),
    ("url missing production database", "postgresql://postgres:{pw}@{host}:{port}/nosuch_production",
     ["nosuch_production", "does not exist"]),
    ("url production database", "postgresql://postgres:{pw}@{host}:{port}/postgres", ["does not look like a demo"]),
    ("url validate without a dataset", ["postgresql://postgres:{pw}@{host}:{port}/postgres", "--validate-only"],
     ["holds no dataset"]),
]
OUTPUTS = [
    ("report parent missing", ["--report-json", "/no/such/dir/r.json"], ["--report-json", "does not exist"]),
    ("report is a directory", ["--report-json", "{tmp}"], ["--report-json", "directory"]),
    ("report parent is a file", ["--report-json", "{tmp}/f/r.json"], ["--report-json", "is a file, not a directory"],
     {"f": ("x", 0o600)}),
    ("fidelity json parent missing", ["--fidelity-json", "/no/such/dir/f.json"], ["--fidelity-json", "does not exist"]),
    ("fidelity json is a directory", ["--fidelity-json", "{tmp}"], ["--fidelity-json", "directory"]),
    ("fidelity html is a directory", ["--fidelity-html", "{tmp}"], ["--fidelity-html", "directory"]),
    ("fidelity html parent missing", ["--fidelity-html", "{tmp}/a/b/f.html"], ["--fidelity-html", "does not exist"]),
    ("report of a check-only run", ["--validate-only", "--report-json", "{tmp}/r.json"],
     ["--report-json", "--fidelity-json"]),
    ("two outputs one file", ["--report-json", "{tmp}/same", "--fidelity-json", "{tmp}/same"], ["same file"]),
    ("dbt profile parent missing", ["--dbt-profile", "/no/such/dir/profiles.yml"],
     ["--dbt-profile", "does not exist"]),
    ("dbt profile is a directory", ["--dbt-profile", "{tmp}"], ["--dbt-profile", "directory"]),
    ("validate only output", ["--validate-only", "--fidelity-json", "/no/such/f.json"], ["--fidelity-json"]),
    pytest.param("report read-only", ["--report-json", f"{READ_ONLY}/r.json"], ["--report-json", "not writable"],
                 marks=pytest.mark.skipif(os.access(READ_ONLY, os.W_OK), reason="no read-only file system here"),
                 id="report read-only"),
]
EMBEDDED = [
    ("embedded dir is a file", ["--embedded", "--embedded-dir", "{tmp}/f"], ["--embedded-dir", "is a file"],
     {"f": ("x", 0o600)}),
    ("embedded dir under a file", ["--embedded", "--embedded-dir", "{tmp}/f/data"],
     ["--embedded-dir", "cannot be created"],
     {"f": ("x", 0o600)}),
    ("embedded dir not empty", ["--embedded", "--embedded-dir", "{tmp}"], ["--embedded-dir", "not a PostgreSQL data"],
     {"notes.txt": ("x", 0o600)}),
    ("embedded dir empty file", ["--embedded", "--embedded-dir", "{tmp}/f"], ["--embedded-dir"], {"f": ("", 0o600)}),
    pytest.param("embedded dir read-only", ["--embedded", "--embedded-dir", f"{READ_ONLY}/pgdata"],
                 ["--embedded-dir", "cannot be created"],
                 marks=pytest.mark.skipif(os.access(READ_ONLY, os.W_OK), reason="no read-only file system here"),
                 id="embedded dir read-only"),
    ("stop embedded of a file", ["--stop-embedded", "--embedded-dir", "{tmp}/f"], ["--embedded-dir", "is a file"],
     {"f": ("x", 0o600)}),
    ("embedded with environment port", ["--embedded", "--embedded-dir", "{tmp}/f"], ["is a file"],
     {"f": ("x", 0o600)}, {"DEMO_POSTGRES_PORT": "5"}),
]
# Estimated at about 190,000 and 220,000 MiB: refused on any machine with less free memory than that.
HUGE = pytest.mark.skipif((available_mib() or 10**9) > 180_000, reason="this machine could hold the run")
SIZES = [
    pytest.param("memory of one huge office", ["--patients", "10000000", "--patients-per-office", "10000000"],
                 ["MiB", "--patients-per-office"], marks=HUGE, id="memory of one huge office"),
    pytest.param("memory of big volumes", ["--patients", "2000000", "--patients-per-office", "2000000", "--volume",
                                           "commlogs=200000000"], ["MiB", "largest office that fits"],
                 marks=HUGE, id="memory of big volumes"),
    ("volume cap of a tiny practice", ["--patients", "1", "--volume", "documents=5000"],
     ["documents", "more than 1,000"]),
    ("every volume above its cap", [arg for name in VOLUMES for arg in ("--volume", f"{name}=99999999")],
     ["more than"]),
]


def as_cases(kind, rows):
    """pytest cases (kind, arguments, words, files, environment) of a table."""
    for row in rows:
        if hasattr(row, "marks"):
            yield pytest.param(kind, *row.values[1:], {}, {}, id=row.id, marks=row.marks)
            continue
        name, args, words, *rest = row
        files, environ = (rest + [{}, {}])[:2]
        if kind == "url":  # a URL, or a URL and more arguments
            url, *more = [args] if isinstance(args, str) else args
            args = ["--db-url", url, *more]
        yield pytest.param(kind, args, words, files, environ, id=name)


CASES = [*as_cases("practice", OPTIONS), *as_cases("no password", PASSWORDS), *as_cases("practice", FILES),
         *as_cases("practice", ENVIRONMENT), *as_cases("bare", LIBPQ), *as_cases("url", URLS),
         *as_cases("practice", OUTPUTS), *as_cases("bare", EMBEDDED), *as_cases("practice", SIZES)]


def target_args(kind, server, name):
    """The practice as the target (so a case that slipped through would --reset it), or no target at all."""
    if kind == "practice":
        return db_args(server, name)
    if kind == "no password":
        return db_args({**server, "password": None}, name)
    return []


@pytest.fixture(scope="module")
def practice(server):
    """The practice every case aims at, and its fingerprint taken once: no case may change it."""
    for server, name in generated_practice(server, 10, 5, "--history-years", "0"):
        yield server, name, fingerprint(server, name)


# Databases other tests make and drop meanwhile on a server the workers share: named with a random suffix
OTHER_TESTS_DATABASES = "_[0-9a-f]{8,}$"


def fingerprint(server, name):
    """The practice's marker rows, its tables, a checksum and the row count of each, and the server's databases
    (but those of other tests). The checksums are one statement prepared once on the session's connection (every
    case recomputes them; planning 422 scans each time took as long as running them)."""
    with reader(server, name).cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'raw' ORDER BY 1")
        tables = cursor.fetchall()
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name = 'raw_checksums'")
        if cursor.fetchone() == (0,):
            sums = " UNION ALL ".join(f"SELECT '{t}', sum(hashtext(x::text)::bigint), count(*) FROM raw.\"{t}\" x"
                                      for (t,) in tables)
            cursor.execute(f"PREPARE raw_checksums AS {sums}")
        cursor.execute("EXECUTE raw_checksums")
        checksums = sorted(cursor.fetchall())
        cursor.execute("SELECT run_id, status, finished_at, row_counts::text FROM dental_synth.generator_run")
        marker = cursor.fetchall()
        cursor.execute("SELECT datname FROM pg_database WHERE datname !~ %s ORDER BY 1", (OTHER_TESTS_DATABASES,))
        databases = cursor.fetchall()
    return marker, tables, checksums, databases


def secret_parts(text):
    """The secret and each word of it long enough to be recognisable."""
    return {text, *(part for part in re.split(r"[^A-Za-z0-9]+", text) if len(part) >= 4)}


def fill(text, values):
    return text.format(**values) if isinstance(text, str) else text


def assert_refusal(code, out, err, words, expected_code=2):
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == expected_code, (code, out, err)
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in out + err
    for word in words:
        assert word in lines[0], (word, lines[0])
    for secret in CASE_SECRETS:
        for part in secret_parts(secret):
            assert part not in out + err, part


@pytest.mark.parametrize("kind, args, words, files, environ", CASES)
def test_bad_input_is_one_line_and_changes_nothing(kind, args, words, files, environ, practice, tmp_path,
                                                   monkeypatch, capsys):
    server, name, untouched = practice
    values = {"tmp": tmp_path, "host": server["host"], "port": server["port"], "db": name,
              "pw": server.get("password", ""), "urlpw": "Wrong-" + URL_SECRET.replace("%", "")}
    for file_name, (text, mode) in files.items():
        path = tmp_path / file_name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        path.chmod(mode)
    before = sorted(tmp_path.rglob("*"))
    for variable, value in environ.items():
        monkeypatch.setenv(variable, fill(value, values))
    target = target_args(kind, server, name)
    code = main([*target, *RUN, "--env-file", os.devnull, "--config-file", os.devnull,
                 "--dbt-profile", str(tmp_path / "profiles.yml"),
                 *(fill(arg, values) for arg in args)])
    out, err = capsys.readouterr()
    monkeypatch.undo()  # libpq's environment of the case would redirect the checks' own connections
    assert_refusal(code, out, err, words)
    assert fingerprint(server, name) == untouched
    assert sorted(tmp_path.rglob("*")) == before


def test_there_are_at_least_a_hundred_cases():
    assert len(CASES) >= 100, len(CASES)


@pytest.mark.parametrize("args, words", [
    (["--db-url", f"postgresql://postgres:{URL_SECRET}@localhost/db_demo"], ["%25"]),
    (["--db-url", f"host=localhost password={DSN_SECRET} dbname=db_demo"], ["quote"]),
    (["--db-password"], ["not a terminal"]),
    (["--patients", "10", "--volume", "commlogs=1000000000"], ["commlogs"]),
    pytest.param(["--patients", "10000000", "--patients-per-office", "10000000"], ["MiB"], marks=HUGE),
])
def test_as_a_separate_process(args, words, tmp_path):
    code, out, err = run_cli(*args, "--env-file", os.devnull, "--config-file", os.devnull, "--quiet",
                             "--embedded-dir", str(tmp_path / "never"))
    assert_refusal(code, out, err, words)
    assert not (tmp_path / "never").exists()


def test_unreachable_server():
    code, out, err = run_cli("--db-host", "127.0.0.1", "--db-port", "9", "--db-name", "test_demo_x",
                             "--patients", "10", "--env-file", os.devnull, "--config-file", os.devnull)
    assert_refusal(code, out, err, ["cannot reach PostgreSQL"])


def test_wrong_password(password_server):
    name = f"test_demo_password_{uuid.uuid4().hex[:8]}"
    with admin_connection(password_server) as conn:
        conn.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        args = db_args({**password_server, "password": "not-the-password"}, name)
        code, out, err = run_cli(*args, "--patients", "10", "--env-file", os.devnull, "--config-file", os.devnull)
        assert_refusal(code, out, err, ["wrong password"])
        assert "not-the-password" not in out + err
        assert query(password_server, name, "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'") == [(0,)]
    finally:
        with admin_connection(password_server) as conn:
            conn.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_password_never_printed_on_success(server, new_database):
    name = new_database()
    code, out, err = run_cli(*isolated([*db_args(server, name), "--patients", "20", "--end-date", "2024-06-30"]))
    assert code == 0, err
    assert TEST_PASSWORD not in out + err
    stored = query(server, name, "SELECT options::text FROM dental_synth.generator_run")
    assert TEST_PASSWORD not in str(stored)
