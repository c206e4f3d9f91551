"""A practice's offices, generated one after another in this process or side by side in worker processes (--jobs).

First every phase's practice step writes the reference data the offices share (codes, fees, carriers' numbers,
pick lists...) in a context of the practice's own; then each office runs every phase's office step in a context
of its own (its share of the patients, its random streams, its keys: core/ids.py). An office is a unit: its rows
depend on the seed, the options and its number only, not on which other offices are generated, in which order or
where. The carriers are written last: each is entered with the first plan of any office that uses it.

With --jobs N above 1 and more than one office, min(N, offices) worker processes generate the offices (worker w
takes offices w, w + workers, ...): each computes the practice's reference data again without writing it (the
same, from the same seed), then encodes its offices' rows and sends them to this process as segments
(core.copy_writer.SegmentWriter), which loads them as they come through the run's one connection, in its one
transaction. Nothing about a run's safety changes: a worker that fails or dies fails the run (rolled back), and a
worker whose loading process is gone exits.
"""
import multiprocessing
import multiprocessing.connection
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from dataclasses import replace

import numpy as np

from core import checkpoints, preflight
from core.copy_writer import SegmentWriter
from core.ids import IdAllocator
from core.randomness import RandomSource
from generators import PHASES, foundation, insurance, patients
from generators.context import RunContext


# The phases whose reference data the later practice steps read from the context, as the offices' steps do.
SHARED = (foundation, patients)


class Practice:
    """What every office of a practice starts from: its configuration, random source, the phases' reference data
    and the key plan (the practice's own keys, after which the offices number theirs). `phases`: all of them (a
    test may take the first few)."""

    def __init__(self, config, random, out, phases=PHASES):
        self.config, self.random, self.phases = config, random, phases
        self.offices = config.offices()
        ctx = RunContext(self.offices[0], random, IdAllocator(), out)
        self.references = {}
        for phase in phases:
            self.references[phase] = phase.practice(ctx)
            if phase in SHARED:
                phase.share(ctx.practice, self.references[phase])
        self.ids = ctx.ids

    def office(self, number, out, reporter):
        """Every phase's office step for office `number` (from 0), its rows handed to `out`."""
        checkpoints.reached(f"office:{number + 1}")
        office = self.offices[number]
        ctx = RunContext(office, self.random, self.ids.for_office(number, len(self.offices)), out, office=number)
        reporter.office(number + 1, len(self.offices), office.patients)
        for step, phase in enumerate(self.phases, 1):
            reporter.phase(step, phase.TITLE)
            phase.office(ctx, self.references[phase])
        return ctx.practice

    def carriers(self, out):
        """The carrier rows, once every office has entered its plans (insurance.CarrierEntries)."""
        ctx = RunContext(self.offices[0], self.random, self.ids, out)
        insurance.carrier_rows(ctx, self.references[insurance])


def generate_offices(config, random, writer, reporter):
    """The whole practice: its reference data here, then the offices one after another in this process (an office's
    state is dropped before the next) or in worker processes (preflight.workers), then the carriers."""
    practice = Practice(config, random, writer)
    workers = preflight.workers(config)
    if workers:
        _in_workers(practice, writer, reporter, workers)
    else:
        for number in range(len(practice.offices)):
            practice.office(number, writer, reporter)
    practice.carriers(writer)


class WorkerFailed(RuntimeError):
    """A worker process failed or died: the run stops (and rolls back) as if the office had failed here."""


def _in_workers(practice, writer, reporter, workers):
    """Start the workers, load what they send until each has sent its carriers' entries; stop them whatever
    happens."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no copy of this one's connection, threads
    config = replace(practice.config, db_password="", db_options=(), sources={})  # a worker needs no secret
    n = len(practice.offices)
    running, started = {}, []
    try:
        for worker in range(workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(config, list(range(worker, n, workers)), send),
                                      name=f"offices-{worker + 1}", daemon=True)
            process.start()
            send.close()
            running[receive] = process
            started.append((process, receive))
        while running:
            for receive in multiprocessing.connection.wait(list(running), timeout=0.1):
                if _take(receive, running[receive], practice, writer, reporter):
                    del running[receive]
            writer.poll()
    finally:
        for process, receive in started:
            if process.is_alive() and receive in running:
                process.kill()
            process.join()
            receive.close()


def _take(receive, process, practice, writer, reporter):
    """Act on one message of a worker; True once it has sent its last (its carriers' entries)."""
    try:
        message = receive.recv()
    except (EOFError, OSError):  # OSError: it died in the middle of a message
        process.join(5)
        raise WorkerFailed(f"the worker process {process.name} stopped (exit code {process.exitcode})") from None
    kind = message[0]
    if kind in ("rows", "update"):
        writer.load(message)
    elif kind in ("office", "phase"):
        getattr(reporter, kind)(*message[1:])
    elif kind == "failed":
        error, details = message[1:]
        if practice.config.verbose:
            print(details, end="", file=sys.stderr, flush=True)
        raise error
    else:  # "entered": the first day each carrier was used by the worker's offices
        practice.references[insurance].carrier_entered.used(message[1], np.arange(len(message[1])))
        return True
    return False


SENT_AHEAD = 4  # messages a worker encodes ahead of the loading process


class _Sender:
    """A worker's messages, sent to the loading process on a thread of their own, so the worker generates the next
    rows while the last ones travel; put() blocks when SENT_AHEAD wait. A worker whose pipe breaks exits."""

    def __init__(self, connection):
        self._connection = connection
        self._queue = queue.Queue(maxsize=SENT_AHEAD)
        self._thread = threading.Thread(target=self._send_all, name="sender", daemon=True)
        self._thread.start()

    def _send_all(self):
        while (message := self._queue.get()) is not None:
            try:
                self._connection.send(message)
            except OSError:  # the loading process is gone
                os._exit(1)

    def put(self, message):
        self._queue.put(message)

    def close(self):
        self._queue.put(None)
        self._thread.join()
        self._connection.close()


class _Progress:
    """The reporter of a worker: what its offices reach, sent on to the loading process's reporter."""

    def __init__(self, send):
        self._send = send

    def office(self, number, offices, patients):
        self._send(("office", number, offices, patients))

    def phase(self, number, title):
        self._send(("phase", number, title))


class _Discarded:
    """Where a worker writes the practice's reference data it computes again: nowhere (the loading process wrote
    it); lazy rows are still read, as the phase code that makes them may number rows on the way."""

    def copy(self, table_name, batches):
        pass

    def stream(self, table_name, batches):
        for _ in batches:
            pass

    def update(self, table_name, key, batch):
        pass


def _work(config, numbers, connection):
    """A worker process: offices `numbers` of the practice, their rows sent through `connection`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the loading process's to answer: it stops the workers
    threading.Thread(target=_exit_with_parent, name="parent", daemon=True).start()
    sender = _Sender(connection)
    try:
        practice = Practice(config, RandomSource(config.seed), _Discarded())
        out, progress = SegmentWriter(sender.put), _Progress(sender.put)
        for number in numbers:
            practice.office(number, out, progress)
        sender.put(("entered", practice.references[insurance].carrier_entered.first))
    except BaseException as error:
        sender.put(("failed", _picklable(error), traceback.format_exc()))
    sender.close()


def _picklable(error):
    """The error itself if it travels between processes, else a WorkerFailed naming it."""
    try:
        return pickle.loads(pickle.dumps(error))
    except Exception:
        return WorkerFailed(f"{type(error).__name__}: {error}")


def _exit_with_parent():
    """Exit as soon as the loading process is gone (killed with -9, say): nothing is left generating for nobody."""
    multiprocessing.parent_process().join()
    os._exit(1)
