"""Named points inside a run's transaction where the safety tests hold the generator, to kill it there and
prove that an interrupted run leaves the previous dataset as it was.

Set DENTAL_SYNTH_PAUSE_AT to one of: schema (schema applied, old data cleared), copy:<table> (in the middle
of that table's COPY), validation (after the first validation rule).
"""
import os
import sys
import time

PAUSE_VARIABLE = "DENTAL_SYNTH_PAUSE_AT"


def reached(point):
    if os.environ.get(PAUSE_VARIABLE) == point:
        print(f"paused at {point}", file=sys.stderr, flush=True)
        while True:
            time.sleep(3600)
