"""What every phase receives: the configuration, the random source, the ID allocator, the writer, and the
practice built so far.

`practice` carries compact state from phase to phase (numpy arrays of IDs, dates and amounts, small
lookup tables), never lists of row dictionaries. Each phase documents what it adds.
"""
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from .config import GeneratorConfig
from .copy_writer import CopyWriter
from .ids import IdAllocator
from .randomness import RandomSource


@dataclass
class RunContext:
    config: GeneratorConfig
    random: RandomSource
    ids: IdAllocator
    out: CopyWriter
    practice: SimpleNamespace = field(default_factory=SimpleNamespace)

    def rng(self, name):
        return self.random.stream(name)

    @property
    def today(self):
        return np.datetime64(self.config.today, "D")

    @property
    def start(self):
        return np.datetime64(self.config.start_date, "D")
