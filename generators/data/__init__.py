"""Reference tables the phases are driven by (CDT codes, definitions, zip codes, carriers...)."""
import csv
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def read_table(name):
    """Rows of generators/data/<name>.csv as a tuple of dicts (strings)."""
    with open(DATA_DIR / f"{name}.csv", newline="", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def read_columns(name, flags=(), numbers=()):
    """generators/data/<name>.csv as numpy columns, keyed by header: text, or booleans ('1' true) for `flags`,
    integers for `numbers`."""
    rows = read_table(name)
    columns = {column: np.array([row[column] for row in rows]) for column in rows[0]}
    for column in flags:
        columns[column] = columns[column] == "1"
    for column in numbers:
        columns[column] = columns[column].astype(np.int64)
    return columns
