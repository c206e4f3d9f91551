"""How often things happen in the practice: the tunable shares, rates and volumes of generators/data/parameters.csv
(one row each: name, value, unit, meaning, source), the way Synthea keeps its parameters, so the code says what
happens and the data says how often.

A parameter is named after the module that uses it ("financial.claims.denied_share"); its value is an int, or a
float read from the same decimal text the code once held (so outputs stay the same to the last bit).
"""
from functools import lru_cache
from typing import NamedTuple

from .data import read_table


class Parameter(NamedTuple):
    """One row of parameters.csv, its value typed."""
    name: str
    value: float
    unit: str
    meaning: str
    source: str


@lru_cache(maxsize=1)
def _rows():
    return {row["name"]: row for row in read_table("parameters")}


def _typed(text):
    return float(text) if any(c in text for c in ".eE") else int(text)


def parameter(name):
    """The value of one parameter (KeyError names it when the file lacks it)."""
    if name not in _rows():
        raise KeyError(f"no parameter {name!r} in generators/data/parameters.csv")
    return _typed(_rows()[name]["value"])


def parameters(*names):
    """The values of several parameters, in order."""
    return tuple(parameter(name) for name in names)


def cited():
    """Every parameter (name, value, unit, meaning, source), in the order of the file: what the fidelity report
    cites."""
    return [Parameter(name, _typed(row["value"]), row["unit"], row["meaning"], row["source"])
            for name, row in _rows().items()]
