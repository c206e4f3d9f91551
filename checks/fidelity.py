"""The practice fidelity report: does the generated practice behave like a real US dental practice?

Every metric is computed in SQL on the database. Its target comes from the configuration where the user
set the rate (coverage, completion, fee match), otherwise from industry ranges or DOMAIN.md section 8.
Tolerances know about sampling noise: a share observed on n cases may wander 3 standard errors
(sqrt(p(1-p)/n)) beyond its range before it fails, so a 100-patient run does not fail by chance while a
large run cannot hide drift; a metric with fewer than MIN_CASES cases is only informational (production per
provider-day needs FULL_BOOK_DAYS: a practice of a few hundred patients cannot fill a provider's day).
The metrics of a practice living through the years (history, returning patients, pathways, the day, back
office, people, fees) are in fidelity_living, those of claims (denials, lost claims, insurance AR aging) in
fidelity_claims, each gated by its one switch GATED.
The metrics share their reading: fidelity_sets builds once per report the row sets several of them read, and
the metrics that only aggregate over the same rows (metric.Tally, share, counted) are computed in one query.
A new metric is one more Metric in a list; it may read those sets and tally over those rows.
"""
import math
from dataclasses import asdict, dataclass
from types import SimpleNamespace

from opendental.codes import AptStatus, ClaimStatus, HasIns, PatStatus
from opendental.definitions import DefCat, defnums

from . import fidelity_sets
from .ar_validation import COMPLETE, TODAY
from .fidelity_claims import CLAIMS
from .fidelity_living import LIVING_PRACTICE
from .fidelity_sets import COMPLETED_VISITS
from .metric import APPOINTMENT_ROWS, FULL_BOOK_DAYS, PATIENT_ROWS, Metric, Tally, measure, share

Z = 3.0

PAST_APPOINTMENTS = f""""AptStatus" IN {AptStatus.sql(AptStatus.COMPLETE, AptStatus.UNSCHEDULED_LIST, AptStatus.BROKEN)}
    AND "AptDateTime" < {TODAY}"""
GUARANTOR = '"Guarantor" = "PatNum"'
ACTIVE = f""""PatStatus" = {PatStatus.PATIENT} AND "DateFirstVisit" > '0001-01-01'"""
FAMILIES = """FROM (SELECT count(*) n FROM raw.patient GROUP BY "Guarantor") f"""
HYGIENE_CODES = "('D1110', 'D1120', 'D4910')"
HYGIENE_VISITS = f"""
    SELECT DISTINCT p."PatNum", p."ProcDate" FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
    WHERE p."ProcStatus" = {COMPLETE} AND c."ProcCode" IN {HYGIENE_CODES}"""
RECALL_GAPS = f"""
    SELECT "ProcDate" - lag("ProcDate") OVER (PARTITION BY "PatNum" ORDER BY "ProcDate") AS gap
    FROM ({HYGIENE_VISITS}) v"""
RECALL_GAP_ROWS = f"FROM ({RECALL_GAPS}) g WHERE gap IS NOT NULL"
RECEIVED = ClaimStatus.RECEIVED.sql
DONE = f'p."ProcStatus" = {COMPLETE}'
PRODUCTION = f'{DONE} AND p."ProcFee" > 0'
LAST_90_DAYS = f'{DONE} AND p."ProcDate" > {TODAY} - 90'
RECEIVED_CLAIMS = f'FROM raw.claim WHERE "ClaimStatus" = {RECEIVED}'
PRODUCTION_DAYS = f"""FROM (SELECT p."ProvNum", p."ProcDate", v."IsSecondary", sum(p."ProcFee") AS day_total
    FROM procedures p JOIN raw.provider v USING ("ProvNum") WHERE p."ProcStatus" = {COMPLETE} GROUP BY 1, 2, 3) d"""


def _production_per_day(hygienist):
    """Production of a provider-day: the dentists' days, or the hygienists'."""
    days = f'{"" if hygienist else "NOT "}"IsSecondary"'
    return Tally(PRODUCTION_DAYS, f"(avg(day_total) FILTER (WHERE {days}))::float8",
                 f"count(*) FILTER (WHERE {days})", f"(stddev(day_total) FILTER (WHERE {days}))::float8")


def _category_share(category, by_fee):
    amount = "production" if by_fee else "procedures"
    return Tally("FROM procedure_mix", f"(sum({amount}) FILTER (WHERE category = '{category}'))::float8 "
                 f"/ nullif(sum({amount}), 0)", "sum(procedures)")


CATEGORY_RANGES = {  # share of completed procedures by count, and of production by fee
    "diagnostic": ((0.25, 0.50), (0.08, 0.25)), "preventive": ((0.15, 0.35), (0.08, 0.25)),
    "restorative": ((0.08, 0.25), (0.10, 0.30)), "endodontic": ((0.005, 0.05), (0.02, 0.12)),
    "periodontic": ((0.01, 0.10), (0.01, 0.12)), "prosthodontic": ((0.02, 0.12), (0.15, 0.45)),
    "oral surgery": ((0.01, 0.08), (0.01, 0.10)),
}

PAYMENT_TYPE_SHARES = (  # (label, patient payment types, share of payments low, high)
    ("credit card", defnums(DefCat.PAYMENT_TYPES, "Credit Card", "Stripe"), 0.60, 0.92),
    ("check", defnums(DefCat.PAYMENT_TYPES, "Check"), 0.03, 0.18),
    ("cash", defnums(DefCat.PAYMENT_TYPES, "Cash"), 0.02, 0.15),
    ("financing", defnums(DefCat.PAYMENT_TYPES, "Care Credit", "ProceedFinance", "Cherry", "Lending Club", "Sunbit"),
     0.005, 0.10))

METRICS = [
    Metric("insured share of active patients", Tally(PATIENT_ROWS, f"""(avg(("HasIns" = {HasIns.INSURED.sql})::int)
           FILTER (WHERE {ACTIVE}))::float8""", f'count(DISTINCT "Guarantor") FILTER (WHERE {ACTIVE})'), 0, 0,
           "configured --coverage-rate (drawn per family: families are the cases)", config="coverage_rate"),
    Metric("appointment completion rate", share(f'"AptStatus" = {AptStatus.COMPLETE}', APPOINTMENT_ROWS, PAST_APPOINTMENTS), 0, 0,
           "configured --completion-rate", config="completion_rate"),
    Metric("no-show / broken rate", share(f'"AptStatus" = {AptStatus.BROKEN}', APPOINTMENT_ROWS, PAST_APPOINTMENTS), 0.05, 0.12,
           "industry: no-shows about 5-10% of visits"),
    Metric("cancellation rate (unscheduled list)", share(f'"AptStatus" = {AptStatus.UNSCHEDULED_LIST}', APPOINTMENT_ROWS,
           PAST_APPOINTMENTS), 0.06, 0.20,
           "industry: 8-15% of visits cancelled or moved"),
    Metric("hygiene recall interval, mean", Tally(RECALL_GAP_ROWS, "avg(gap)::float8", "count(gap)",
           "stddev(gap)::float8"), 150, 280,
           "six-month recall; real patients slip to 7-9 months on average",
           kind="mean", unit="days"),
    Metric("hygiene recall interval, spread (sd)", Tally(RECALL_GAP_ROWS, "stddev(gap)::float8", "count(gap)"), 20, 150,
           "real rhythms vary: 3-4 month perio to 12+ months lapsed",
           kind="value", gated=False, unit="days"),
    Metric("active hygiene patients overdue for recall", share(f'r."DateDue" < {TODAY} AND r."DateScheduled" <= \'0001-01-01\'',
           f"""FROM raw.recall r WHERE NOT r."IsDisabled" AND r."DatePrevious" >= {TODAY} - 540"""), 0.15, 0.55,
           "industry: a third to a half of active recall patients are past due"),
    Metric("new patients per month per 1,000 patients (the last 12 months)", Tally(PATIENT_ROWS, f"""(count(*)
           FILTER (WHERE "DateFirstVisit" > {TODAY} - 365) * 1000.0 / nullif(count(*), 0) / 12)::float8""",
           "count(*)"), 3, 20,
           "a general practice gains 20-50 new patients a month per 2-4k patients",
           kind="value", unit="/month"),
    Metric("procedures per completed visit", Tally(COMPLETED_VISITS,
           "(avg(procedures) FILTER (WHERE procedures > 0))::float8", "count(*) FILTER (WHERE procedures > 0)"), 2.0, 5.5,
           "DOMAIN.md 8: about 5 charted procedures per appointment", kind="value"),
    Metric("production per dentist-day", _production_per_day(hygienist=False), 1500, 9000, "industry: a general dentist produces $2,500-$6,000 a day",
           kind="mean", unit="$", min_cases=FULL_BOOK_DAYS),
    Metric("production per hygienist-day", _production_per_day(hygienist=True), 600, 2000, "industry: a hygienist produces $800-$1,500 a day", kind="mean", unit="$",
           min_cases=FULL_BOOK_DAYS),
    *[Metric(f"{category} share of procedures", _category_share(category, False), count[0], count[1],
             "ADA procedure mix of a general practice") for category, (count, _) in CATEGORY_RANGES.items()],
    *[Metric(f"{category} share of production", _category_share(category, True), fee[0], fee[1],
             "ADA production mix of a general practice") for category, (_, fee) in CATEGORY_RANGES.items()],
    Metric("standard-fee match rate", f"""SELECT avg((abs(p."ProcFee" - f.std) < 0.01)::int)::float8, count(*)
           FROM procedures p JOIN (SELECT DISTINCT ON ("CodeNum", "ClinicNum") "CodeNum", "ClinicNum",
           "Amount" std, "SecDateTEdit"::date since FROM raw.fee
           ORDER BY "CodeNum", "ClinicNum", "SecDateEntry" DESC, "FeeNum" DESC) f
           USING ("CodeNum", "ClinicNum") WHERE p."ProcStatus" = {COMPLETE} AND p."ProcFee" > 0
           AND p."ProcDate" >= f.since""", 0, 0,
           "configured --fee-match-rate (procedures since the fee was last raised)", config="fee_match_rate"),
    Metric("claim turnaround, median", Tally(RECEIVED_CLAIMS, """(percentile_cont(0.5) WITHIN GROUP
           (ORDER BY "DateReceived" - "DateSent"))::float8""", "count(*)"), 14, 35, "industry: claims paid 2-6 weeks after sending",
           kind="value", unit="days"),
    Metric("claim turnaround, 90th percentile", Tally(RECEIVED_CLAIMS, """(percentile_cont(0.9) WITHIN GROUP
           (ORDER BY "DateReceived" - "DateSent"))::float8""", "count(*)"), 28, 65,
           "industry: most claims paid 2-4 weeks after sending, a tail of slow payers and lost claims for months",
           kind="value", unit="days"),
    Metric("insurance paid / billed fee", Tally(RECEIVED_CLAIMS, """(sum("InsPayAmt") / nullif(sum("ClaimFee"),
           0))::float8""", "count(*)"), 0.30, 0.65, "DOMAIN.md 8: received claims paid 40-60% of fee",
           kind="value", unit="%"),
    Metric("write-off share of gross production", Tally("FROM procedures p", f"""((SELECT written_off FROM insurance_paid) / nullif(sum(p."ProcFee") FILTER (WHERE {PRODUCTION}),
           0))::float8""", f"count(*) FILTER (WHERE {PRODUCTION})"), 0.03, 0.30,
           "industry: PPO contractual write-offs 10-30% of production", kind="value", unit="%"),
    Metric("collection rate", Tally("FROM procedures p", f"""(((SELECT paid FROM insurance_paid) + (SELECT sum("PayAmt") FROM raw.payment))
           / nullif(sum(p."ProcFee") FILTER (WHERE {DONE}) - (SELECT coalesce(written_off, 0) FROM insurance_paid)
           + (SELECT coalesce(sum("AdjAmt"), 0) FROM raw.adjustment), 0))::float8""", f"count(*) FILTER (WHERE {DONE})"), 0.95, 0.995,
           "industry: 95-99% of net production collected", kind="value", unit="%"),
    *[Metric(f"AR share {label}", Tally(PATIENT_ROWS, f"""(sum("{column}") FILTER (WHERE {GUARANTOR})
             / nullif(sum("Bal_0_30" + "Bal_31_60" + "Bal_61_90" + "BalOver90") FILTER (WHERE {GUARANTOR}),
             0))::float8""", f'count(*) FILTER (WHERE {GUARANTOR} AND "BalTotal" > 0)'), low, high, source, kind="share", unit="%")
      for label, column, low, high, source in (
          ("0-30 days", "Bal_0_30", 0.40, 0.85, "industry: most receivables are current"),
          ("31-60 days", "Bal_31_60", 0.05, 0.35, "industry aging profile"),
          ("61-90 days", "Bal_61_90", 0.0, 0.20, "industry aging profile"),
          ("over 90 days", "BalOver90", 0.0, 0.15, "industry: AR over 90 days under 15%"))],
    Metric("days in AR", Tally("FROM procedures p", f"""((SELECT sum("BalTotal") FROM raw.patient
           WHERE "Guarantor" = "PatNum" AND "BalTotal" > 0) / nullif(sum(p."ProcFee") FILTER (WHERE {LAST_90_DAYS})
           / 90.0, 0))::float8""", f"count(*) FILTER (WHERE {LAST_90_DAYS})"), 5, 45,
           "industry: days in AR under 30-40", kind="value", unit="days"),
    *[Metric(f"payment type: {label}",
             share(f'"PayType" IN ({", ".join(map(str, types))})', 'FROM raw.payment WHERE "PayAmt" > 0'),
             low, high, "DOMAIN.md 8: card 71%, check 8%, cash 5%, Care Credit 4% of payments")
      for label, types, low, high in PAYMENT_TYPE_SHARES],
    *[Metric(f"patients aged {label}", share(condition, PATIENT_ROWS), low, high,
             "DOMAIN.md 5.2: about 20% children, 60% adults, 20% 65+")
      for label, condition, low, high in (
          ("under 18", f"age({TODAY}, \"Birthdate\") < interval '18 years'", 0.12, 0.30),
          ("18-64", f"age({TODAY}, \"Birthdate\") BETWEEN interval '18 years' AND interval '65 years'", 0.50, 0.72),
          ("65 and over", f"age({TODAY}, \"Birthdate\") >= interval '65 years'", 0.12, 0.30))],
    Metric("family size, mean", Tally(FAMILIES, "avg(n)::float8", "count(*)", "stddev(n)::float8"), 1.6, 2.8, "US households average 2.5 people", kind="mean",
           unit="people"),
    Metric("single-person families", Tally(FAMILIES, "avg((n = 1)::int)::float8", "count(*)"), 0.25, 0.60, "US: 28% one-person households, more in practices"),
    *LIVING_PRACTICE,
    *CLAIMS,
]


@dataclass
class Result:
    name: str
    observed: float | None
    low: float
    high: float
    source: str
    status: str       # pass | FAIL | info
    cases: int
    unit: str = ""
    slack: float = 0.0  # how far beyond low-high the value was allowed by sampling noise


def _tolerance(metric, value, cases, sd):
    """How far beyond its range an observation on `cases` may fall by sampling noise alone."""
    if metric.kind == "share":
        p = min(max(value, 0.02), 0.98)
        return Z * math.sqrt(p * (1 - p) / cases)
    if metric.kind == "mean" and sd is not None:
        return Z * sd / math.sqrt(cases)
    if metric.kind == "ratio":  # one month's sum over the median month's: relative noise 1/sqrt(events)
        return Z / math.sqrt(cases)
    return 0.0


def evaluate(metric, row, config):
    value, cases, *rest = row if row else (None, 0)
    sd = float(rest[0]) if rest and rest[0] is not None else None
    low, high = metric.low, metric.high
    if metric.config:
        target = getattr(config, metric.config) if config else None
        low, high = (target - 0.03, target + 0.03) if target is not None else (0.0, 1.0)
    cases = int(cases or 0)
    slack = 0.0
    if value is None or cases < metric.min_cases or not metric.gated or (metric.config and config is None):
        status = "info"
    else:
        slack = _tolerance(metric, float(value), cases, sd)
        status = "pass" if low - slack <= float(value) <= high + slack else "FAIL"
    unit = metric.unit or ("%" if metric.kind == "share" else "")
    return Result(metric.name, None if value is None else float(value), low, high, metric.source, status, cases,
                  unit, slack)


def report(connection, config=None):
    """All metrics on the database; `config` (the run's GeneratorConfig) sets the configured targets."""
    with connection.cursor() as cursor, fidelity_sets.built(cursor):
        rows = measure(cursor, METRICS)
    return [evaluate(metric, row, config) for metric, row in zip(METRICS, rows)]


def stored_targets(connection):
    """The configured rates of the run that generated the database (for --fidelity-only)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT options FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1")
        row = cursor.fetchone()
    return SimpleNamespace(**{k: row[0][k] for k in ("coverage_rate", "completion_rate", "fee_match_rate")}) if row else None


def judged_range(result):
    """The range a value was judged with: the target widened by the sampling tolerance (a share stays in 0-1)."""
    low, high = result.low - result.slack, result.high + result.slack
    return (max(low, 0.0), min(high, 1.0)) if result.unit == "%" else (low, high)


def as_table(results):
    """The report as text; the range shown is the one each value was judged with, so a value that passes lies
    inside it."""
    width = max(len(r.name) for r in results)
    lines = [f"{'metric':<{width}}  {'observed':>12}  {'range judged':>23}  status  source"]
    for r in results:
        shown = "-" if r.observed is None else format_value(r.observed, r)
        low, high = judged_range(r)
        judged = f"{format_value(low, r)} to {format_value(high, r)}"
        lines.append(f"{r.name:<{width}}  {shown:>12}  {judged:>23}  {r.status:<6}  {r.source}")
    failed = sum(r.status == "FAIL" for r in results)
    gated = sum(r.status != "info" for r in results)
    lines.append(f"Fidelity: {gated - failed}/{gated} gated metrics pass, {len(results) - gated} informational; "
                 f"each range is its target widened by {Z:g} standard errors of sampling noise")
    return "\n".join(lines)


def format_value(value, result):
    if result.unit == "count":
        return f"{value:,.0f}"
    if result.unit == "$":
        return f"${value:,.0f}"
    if result.unit == "%":
        return f"{value:.1%}"
    return f"{value:,.1f}" if result.unit else f"{value:,.2f}"


def as_json(results):
    return [asdict(r) for r in results]
