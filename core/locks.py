"""Who may write, and how long a run waits for others.

A run holds the generator's advisory lock for its whole session. Its session is named
"dental_practice_generator <pid>@<host>~<hash of host and PID namespace>", so a later run can tell a live run
(refused) from the lingering session of a run that was killed on this host (ended at once). Waiting for a table lock another session holds
is bounded by lock_timeout; while the run waits, it says every few seconds who it waits for.
"""
import hashlib
import os
import re
import socket
import sys
import threading
import time
from contextlib import contextmanager
from datetime import timezone

import psycopg2
import psycopg2.errors

from . import database
from .errors import UserError

APPLICATION = database.APPLICATION
RUN_NAME = re.compile(rf"^{APPLICATION} (\d+)@")
LOCK_KEY = database.LOCK_KEY
LOOK_EVERY = 0.5
SAY_EVERY = 5.0
HOLDER_SQL = f"""SELECT a.pid, a.application_name, a.usename, a.state, coalesce(a.xact_start, a.backend_start),
                        host(a.client_addr)
                 FROM pg_locks l JOIN pg_stat_activity a USING (pid)
                 WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {LOCK_KEY >> 32}
                   AND l.objid = {LOCK_KEY & 0xFFFFFFFF} AND l.objsubid = 1
                   AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"""
BLOCKERS_SQL = """SELECT a.pid, a.application_name, a.usename, a.state, coalesce(a.xact_start, a.backend_start),
                         host(a.client_addr),
                         (SELECT string_agg(DISTINCT l.relation::regclass::text, ', ') FROM pg_locks l
                          WHERE l.pid = %(pid)s AND NOT l.granted AND l.relation IS NOT NULL)
                  FROM pg_stat_activity a WHERE a.pid = ANY (pg_blocking_pids(%(pid)s)) ORDER BY a.pid"""


def _process_space():
    """This host and PID namespace: a pid means the same process only within both."""
    try:
        namespace = os.readlink("/proc/self/ns/pid")
    except OSError:
        namespace = ""
    host = socket.gethostname()
    return f"{host[:20]}~{hashlib.sha1(f'{host} {namespace}'.encode()).hexdigest()[:8]}"


def run_name(pid):
    return f"{APPLICATION} {pid}@{_process_space()}"


def _session(row):
    pid, application, user, state, since, client = row[:6]
    where = f" from {client}" if client else ""
    when = since.astimezone(timezone.utc).strftime("%H:%M:%S UTC") if since else "?"
    return f"pid {pid} ('{application or '?'}', user {user or '?'}{where}, {state or '?'} since {when})"


def _is_running(pid):
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists (PermissionError: it does)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _abandoned(holder):
    """A session of a run of this generator, started on this host by a process that no longer exists."""
    match = RUN_NAME.match(holder[1] or "")
    return bool(match) and holder[1] == run_name(int(match.group(1))) and not _is_running(int(match.group(1)))


def _try_lock(cursor):
    cursor.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,))
    return cursor.fetchone()[0]


def _refusal(holder):
    if not RUN_NAME.match(holder[1] or ""):
        return f"another session holds the generator's lock on this database: {_session(holder)}"
    return (f"another generator run is writing to this database: {_session(holder)}; wait for it to finish and "
            "try again (if that run was killed on another machine, its session ends when the server notices, "
            f"or end it with SELECT pg_terminate_backend({holder[0]}))")


def name_session(connection, timeout):
    """Name the session after this process and bound every lock wait of it to `timeout` seconds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('application_name', %s, false), set_config('lock_timeout', %s, false)",
                       (run_name(os.getpid()), f"{round(timeout * 1000)}ms"))
    connection.commit()


def take_run_lock(connection, timeout):
    """Take the generator's lock, ending the lingering session of a killed run of this host that holds it."""
    name_session(connection, timeout)
    with connection.cursor() as cursor:
        deadline = time.monotonic() + timeout
        ended = set()
        while not _try_lock(cursor):
            cursor.execute(HOLDER_SQL)
            holder = cursor.fetchone()
            if holder is not None and not _abandoned(holder):
                raise UserError(_refusal(holder))
            if holder is not None and holder[0] not in ended:
                ended.add(holder[0])
                print(f"ending the session of an earlier run that was killed: {_session(holder)}", file=sys.stderr)
                _terminate(connection, cursor, holder[0])
            if time.monotonic() > deadline:
                raise UserError(f"the session of a killed run still holds the generator's lock after {timeout:g} s; "
                                "nothing was written, the previous dataset is unchanged")
            time.sleep(0.1)
    connection.commit()


def _terminate(connection, cursor, pid):
    try:
        cursor.execute("SELECT pg_terminate_backend(%s)", (pid,))
    except psycopg2.errors.InsufficientPrivilege:  # another role's session: wait for the server to end it
        connection.rollback()


class _Watcher(threading.Thread):
    """On its own connection, looks every LOOK_EVERY seconds at who blocks the run's session."""

    def __init__(self, pid, settings, timeout):
        super().__init__(name="lock-watcher", daemon=True)
        self.pid, self.settings, self.timeout = pid, settings, timeout
        self.done = threading.Event()
        self.blockers = []
        self.seen = []  # the last sessions found blocking, named when the wait is given up
        self.since = None

    def run(self):
        if self.done.wait(LOOK_EVERY):
            return
        try:
            connection = database.connect(self.settings)
        except UserError:  # the run's own lock_timeout still bounds the wait
            return
        connection.autocommit = True
        try:
            self._watch(connection)
        except psycopg2.Error:
            pass
        finally:
            connection.close()

    def _watch(self, connection):
        said = 0.0
        with connection.cursor() as cursor:
            while not self.done.is_set():
                cursor.execute(BLOCKERS_SQL, {"pid": self.pid})
                self.blockers = cursor.fetchall()
                self.seen = self.blockers or self.seen
                now = time.monotonic()
                if self.blockers and self.since is None:
                    self.since = now - LOOK_EVERY
                if self.blockers and now - said >= SAY_EVERY:
                    said = now
                    left = max(0, self.timeout - (now - self.since))
                    print(f"{self.describe()}; giving up in {left:.0f} s (--lock-timeout)", file=sys.stderr,
                          flush=True)
                self.done.wait(LOOK_EVERY)

    def describe(self):
        if not self.seen:
            return "waiting for a lock another session holds"
        tables = self.seen[0][6] or "a lock"
        return f"waiting for {tables}, locked by " + "; ".join(_session(b) for b in self.seen)


@contextmanager
def watched(connection, settings, timeout):
    """Around statements that take table locks: the wait is reported and ends after `timeout` as a UserError."""
    watcher = _Watcher(connection.get_backend_pid(), settings, timeout)
    watcher.start()
    try:
        yield
    except psycopg2.errors.LockNotAvailable:
        connection.rollback()
        raise UserError(f"gave up after {timeout:g} s {watcher.describe()}; nothing was written, the previous "
                        "dataset is unchanged (end that session, or wait longer with --lock-timeout)") from None
    finally:
        watcher.done.set()
