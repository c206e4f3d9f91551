"""Primary keys: OpenDental attaches no sequences, so the generator numbers every row itself.

Keys are positive and stay far below 2^31 (the analytics cast them to integer).

The key plan of a practice of several offices: the practice's own rows (its reference data) take the first keys of
a table; then office k of n (counting from 0) takes every n-th key after them: the practice's next key + k, + k + n,
+ k + 2n... So an office's keys depend on its number, the number of offices and the practice's rows, never on how
many rows the other offices wrote: the offices can be generated in any order, in parallel processes or on other
machines, and give the same keys. The offices' keys interleave the way a multi-clinic OpenDental database's do
(its clinics enter rows side by side); with one office the keys run on from the practice's, as one sequence.
"""
import numpy as np

# PatNum 32974 is the production test patient that the analytics exclude; never hand it out.
RESERVED = {"patient": (32974,)}


class IdAllocator:
    """The keys of the practice's rows (offices=1, office=0, after nothing), or of office `office` of `offices`
    after the practice's: `after` maps a table to the practice's next key (see for_office)."""

    def __init__(self, offices=1, office=0, after=None):
        self._stride, self._office, self._after = offices, office, dict(after or {})
        self._first, self._used = {}, {}  # per table: the first key, and how many of the office's positions are used

    def take(self, table, n, start=1):
        """The next n keys of a table, as an int64 array (`start`: the first key of a table nobody numbered yet)."""
        first = self._first.setdefault(table, self._after.get(table, start) + self._office)
        used = self._used.get(table, 0)
        reserved = RESERVED.get(table, ())
        keys = first + (used + np.arange(n + len(reserved), dtype=np.int64)) * self._stride
        if reserved:
            keys = keys[~np.isin(keys, reserved)]
        keys = keys[:n]
        self._used[table] = (int(keys[-1]) - first) // self._stride + 1 if n else used
        return keys

    def for_office(self, office, offices):
        """The allocator of office `office` (from 0) of `offices`, numbering after the keys this one has taken."""
        after = {table: first + self._used.get(table, 0) * self._stride for table, first in self._first.items()}
        return IdAllocator(offices, office, after)
