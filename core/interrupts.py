"""Ctrl-C and SIGTERM stop a run wherever it is and say so in one line: exit 130 / 143.

The handler raises Interrupted in the main thread. A query blocked in libpq does not give the main thread back
on a signal, so a thread woken through signal.set_wakeup_fd cancels the queries of the connections registered
with `cancel_on_signal`; whatever the cancellation breaks on its way out `surfaced` turns into Interrupted.
The COMMIT itself is never interrupted: a signal during it is answered once it is done, and says so.
"""
import os
import signal
import threading
from contextlib import contextmanager

import psycopg2

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    def __init__(self, number, committed):
        self.exit_code = 128 + number
        name = "Ctrl-C" if number == signal.SIGINT else signal.Signals(number).name
        super().__init__(f"interrupted ({name}) after the new dataset was committed; only the rest of the output "
                         "was skipped" if committed else
                         f"interrupted ({name}): nothing was committed, the previous dataset is unchanged")


class _State:
    def __init__(self):
        self.received = None
        self.committing = self.committed = False
        self.connections = set()


_state = _State()
_wakeup_fd = None


def _on_signal(number, frame):
    _state.received = _state.received or number
    if not _state.committing:
        raise Interrupted(_state.received, _state.committed)


def _cancel_on_wakeup(read_end):
    while True:
        numbers = [n for n in os.read(read_end, 64) if n in SIGNALS]
        if numbers:
            _state.received = _state.received or numbers[0]
        if numbers and not _state.committing:
            for connection in list(_state.connections):
                try:
                    connection.cancel()
                except psycopg2.Error:  # closed meanwhile: nothing left to cancel
                    pass


def _wakeup():
    """The pipe the C-level handler writes signal numbers to, read by the cancelling thread (one per process)."""
    global _wakeup_fd
    if _wakeup_fd is None:
        read_end, _wakeup_fd = os.pipe()
        os.set_blocking(_wakeup_fd, False)
        threading.Thread(target=_cancel_on_wakeup, args=(read_end,), name="interrupts", daemon=True).start()
    return _wakeup_fd


@contextmanager
def handled():
    """main.py's whole run: signals raise Interrupted; the previous handlers come back afterwards."""
    global _state
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _state = _State()
    previous = {number: signal.signal(number, _on_signal) for number in SIGNALS}
    previous_fd = signal.set_wakeup_fd(_wakeup(), warn_on_full_buffer=False)
    try:
        yield
    finally:
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)


def received():
    return _state.received


def stopped():
    return Interrupted(_state.received, _state.committed)


@contextmanager
def surfaced():
    """An error that a signal caused (a COPY's failed read(), a cancelled query) is reported as the Interrupted."""
    try:
        yield
    except Interrupted:
        raise
    except BaseException:
        if _state.received is None:
            raise
        raise stopped() from None


@contextmanager
def cancel_on_signal(connection):
    _state.connections.add(connection)
    try:
        yield
    finally:
        _state.connections.discard(connection)


@contextmanager
def committing():
    """Around connection.commit(): a signal that arrives meanwhile is answered after it, as committed or not."""
    _state.committing = True
    try:
        yield
        _state.committed = True
    finally:
        _state.committing = False
    if _state.received is not None:
        raise stopped()
