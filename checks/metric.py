"""A fidelity metric: the SQL that measures it, its target range and where the range comes from."""
from dataclasses import dataclass

MIN_CASES = 30
FULL_BOOK_DAYS = 500  # provider-days below which a practice is too small to fill a provider's day
PATIENT_ROWS = "FROM raw.patient p"
FAMILY_ROWS = 'FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor"'
APPOINTMENT_ROWS = "FROM raw.appointment a"
WINDOW_START = """(SELECT (options->>'start_date')::date FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1)"""


@dataclass
class Metric:
    name: str
    sql: str          # returns (value, cases) for shares, values and ratios, (mean, cases, standard deviation) for means;
                      # a Tally when it only aggregates over rows that other metrics read too
    low: float
    high: float
    source: str
    kind: str = "share"      # share | mean | ratio (of two sums of `cases` events each) | value
    gated: bool = True
    config: str = ""         # a GeneratorConfig rate that sets the target instead of low/high
    min_cases: int = MIN_CASES
    unit: str = ""


class Tally(str):
    """A metric's SQL that is only aggregates over `rows` (a FROM clause): the report computes every tally over
    the same rows in one pass, and the SQL still runs alone."""

    def __new__(cls, rows, *aggregates):
        tally = super().__new__(cls, f"SELECT {', '.join(aggregates)} {rows}")
        tally.rows, tally.aggregates = rows, aggregates
        return tally


def share(condition, population, within=None):
    """The share of `population` rows (of those `within`, if given) meeting `condition` (unknown counts as not met)."""
    if within is None:
        return Tally(population, f"avg(coalesce(({condition}), false)::int)::float8", "count(*)")
    return Tally(population, f"(avg(coalesce(({condition}), false)::int) FILTER (WHERE {within}))::float8",
                 f"count(*) FILTER (WHERE {within})")


def counted(condition, population, within):
    """How many `population` rows that are `within` meet `condition`, and how many are within."""
    return Tally(population, f"(count(*) FILTER (WHERE ({within}) AND ({condition})))::float8",
                 f"count(*) FILTER (WHERE {within})")


def measure(cursor, metrics):
    """Each metric's row (value, cases[, sd]); the tallies over the same rows share one query."""
    rows, passes = [None] * len(metrics), {}
    for i, metric in enumerate(metrics):
        if isinstance(metric.sql, Tally):
            passes.setdefault(metric.sql.rows, []).append(i)
        else:
            cursor.execute(metric.sql)
            rows[i] = cursor.fetchone()
    for population, members in passes.items():
        cursor.execute(f"SELECT {', '.join(a for i in members for a in metrics[i].sql.aggregates)} {population}")
        values = iter(cursor.fetchone())
        for i in members:
            rows[i] = tuple(next(values) for _ in metrics[i].sql.aggregates)
    return rows
