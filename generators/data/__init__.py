"""Reference tables the phases are driven by (CDT codes, definitions, zip codes, carriers...)."""
import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def read_table(name):
    """Rows of generators/data/<name>.csv as a tuple of dicts (strings)."""
    with open(DATA_DIR / f"{name}.csv", newline="", encoding="utf-8") as f:
        return tuple(csv.DictReader(f))
