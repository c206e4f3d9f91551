"""A fidelity metric: the SQL that measures it, its target range and where the range comes from."""
from dataclasses import dataclass

MIN_CASES = 30
FULL_BOOK_DAYS = 500  # provider-days below which a practice is too small to fill a provider's day
WINDOW_START = """(SELECT (options->>'start_date')::date FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1)"""


@dataclass
class Metric:
    name: str
    sql: str          # returns (value, cases) for shares, values and ratios, (mean, cases, standard deviation) for means
    low: float
    high: float
    source: str
    kind: str = "share"      # share | mean | ratio (of two sums of `cases` events each) | value
    gated: bool = True
    config: str = ""         # a GeneratorConfig rate that sets the target instead of low/high
    min_cases: int = MIN_CASES
    unit: str = ""


def share(condition, population):
    """The share of `population` rows meeting `condition` (unknown counts as not met)."""
    return f"SELECT avg(coalesce(({condition}), false)::int)::float8, count(*) {population}"
