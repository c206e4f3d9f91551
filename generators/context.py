"""What every phase step receives: the configuration of its office, the random source, the ID allocator, the
writer, and the practice built so far.

A practice above GeneratorConfig.patients_per_office is generated office by office: each office gets a
context of its own (its share of the patients, its own random streams and `practice`); the practice steps run
once, in the first office's context, and what they return is handed to every office (generators/handover.py).
"""
from dataclasses import dataclass, field

import numpy as np

from core.config import GeneratorConfig
from core.copy_writer import CopyWriter
from core.ids import IdAllocator
from core.randomness import RandomSource

from .handover import Practice


@dataclass
class RunContext:
    config: GeneratorConfig
    random: RandomSource
    ids: IdAllocator
    out: CopyWriter
    office: int = 0
    practice: Practice = field(default_factory=Practice)

    def rng(self, name: str) -> np.random.Generator:
        return self.random.stream(f"{name} (office {self.office + 1})" if self.office else name)

    @property
    def office_label(self) -> str:
        """What tells an office's chairs and views apart from the first office's ('' in the first office)."""
        return f" - Office {self.office + 1}" if self.office else ""

    @property
    def today(self) -> np.datetime64:
        return np.datetime64(self.config.today, "D")

    @property
    def start(self) -> np.datetime64:
        """The first day the practice's database holds activity: the day it opened."""
        return np.datetime64(self.config.opened, "D")

    @property
    def window_start(self) -> np.datetime64:
        """The first day of the analytics window (--start-date); the practice's history lies before it."""
        return np.datetime64(self.config.start_date, "D")
