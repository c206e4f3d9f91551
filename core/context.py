"""What every phase receives: the configuration, the random source, the ID allocator, the writer, and the
practice built so far.

`practice` carries compact state from phase to phase (numpy arrays of IDs, dates and amounts, small
lookup tables), never lists of row dictionaries. Each phase documents what it adds.

A practice above GeneratorConfig.patients_per_office is generated office by office: each office gets a
context of its own (its share of the patients, its own random streams and `practice`), and the reference
data every office shares is built once, by the functions marked @practice_wide.
"""
import functools
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
    office: int = 0
    shared: dict = field(default_factory=dict)

    def rng(self, name):
        return self.random.stream(f"{name} (office {self.office + 1})" if self.office else name)

    def next_office(self, config):
        """The context of the following office: same random source, IDs, writer and shared reference data."""
        return RunContext(config, self.random, self.ids, self.out, office=self.office + 1, shared=self.shared)

    @property
    def office_label(self):
        """What tells an office's chairs and views apart from the first office's ('' in the first office)."""
        return f" - Office {self.office + 1}" if self.office else ""

    @property
    def today(self):
        return np.datetime64(self.config.today, "D")

    @property
    def start(self):
        return np.datetime64(self.config.start_date, "D")


def practice_wide(build):
    """Marks a builder of reference data the offices share (definitions, codes, fees, carriers...): the first
    office builds and writes it, the others get what it returned."""
    @functools.wraps(build)
    def shared(ctx, *args):
        key = f"{build.__module__}.{build.__qualname__}"
        if key not in ctx.shared:
            ctx.shared[key] = build(ctx, *args)
        return ctx.shared[key]
    return shared
