"""Test hooks inside a run, to prove what an interrupted or failing run leaves behind. Unset, they do nothing.

DENTAL_SYNTH_PAUSE_AT holds the run at a named point until it is killed or interrupted: connect (before
connecting), schema (schema applied, old data cleared), office:<number> (before that office's first phase, in the
process generating it: a worker of --jobs ends only when killed), copy:<table> (in the middle of that table's COPY),
keys (every row loaded, the primary keys not built yet), as_of (keys built, the rows not yet rewritten to
--as-of), validation (after the first validation rule), commit
(everything done but the COMMIT).

DENTAL_SYNTH_BREAK_A_ROW points one patient at a provider that does not exist, inside the run's transaction just
before validation, so the run fails validation the way a generator bug would.
"""
import os
import sys
import time

from . import interrupts

PAUSE_VARIABLE = "DENTAL_SYNTH_PAUSE_AT"
BREAK_VARIABLE = "DENTAL_SYNTH_BREAK_A_ROW"


def reached(point):
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        while interrupts.received() is None:  # a signal ends it in the main thread; this ends it in the COPY's
            time.sleep(0.05)
        raise interrupts.stopped()


def break_a_row(connection):
    if os.environ.get(BREAK_VARIABLE):
        with connection.cursor() as cursor:
            cursor.execute('UPDATE raw.patient SET "PriProv" = -1 '
                           'WHERE "PatNum" = (SELECT min("PatNum") FROM raw.patient)')
