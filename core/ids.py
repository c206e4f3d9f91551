"""Primary keys: OpenDental attaches no sequences, so the generator numbers every row itself.

Keys are positive and stay far below 2^31 (the analytics cast them to integer).
"""
import numpy as np

# PatNum 32974 is the production test patient that the analytics exclude; never hand it out.
RESERVED = {"patient": (32974,)}


class IdAllocator:
    def __init__(self):
        self._next = {}

    def take(self, table, n, start=1):
        """The next n keys of a table, as an int64 array."""
        first = self._next.get(table, start)
        reserved = [r for r in RESERVED.get(table, ()) if r >= first]
        ids = np.arange(first, first + n + len(reserved), dtype=np.int64)
        if reserved:
            ids = ids[~np.isin(ids, reserved)][:n]
        self._next[table] = int(ids[-1]) + 1 if n else first
        return ids
