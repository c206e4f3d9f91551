"""Fidelity metrics of claims that behave like claims (issue 16, items 4, 5 and 8): denials, a long tail of slow
payers, claims lost and resent, an insurance AR that ages like a real office's, deductibles met through the year,
maximums reached, and the few families sent to collections.

Insurance AR is every claim sent and not yet received on the last simulated day, aged from DateSent.
GATED is the one switch of this module: False makes all of its metrics informational.
"""
from opendental.codes import ClaimProcStatus, ClaimStatus

from .ar_validation import TODAY
from .benefit_validation import ANNUAL, INDIVIDUAL, _plan_amounts
from .collections_validation import SENT, WRITTEN_OFF
from .metric import Metric, share

GATED = True

OUTSTANDING = f"""FROM raw.claim WHERE "ClaimStatus" = {ClaimStatus.SENT.sql} AND "DateSent" > '0001-01-01'"""
AGE = f"""{TODAY} - "DateSent" """
AGING = ("industry AR benchmarks (MGMA, dental billing consultants): 70-80% of insurance AR under 30 days, "
         "a few % over 90")
AGING_BUCKETS = (("0-30", "<= 30", 0.60, 0.88), ("31-60", "BETWEEN 31 AND 60", 0.07, 0.25),
                 ("61-90", "BETWEEN 61 AND 90", 0.01, 0.12), ("over 90", "> 90", 0.005, 0.10))
DENIED_LINE = f"""cp."Status" = {ClaimProcStatus.RECEIVED} AND cp."InsPayAmt" = 0 AND cp."ClaimPaymentTracking" > 0"""
RECEIVED_CLAIMS = f"""FROM raw.claim c WHERE c."ClaimStatus" = {ClaimStatus.RECEIVED.sql}"""
# each received claim with whether a line was denied and whether an appeal was paid later (a supplemental line)
RECEIVED_CLAIM_LINES = f"""FROM raw.claim c LEFT JOIN (SELECT cp."ClaimNum", bool_or({DENIED_LINE}) AS denied,
        bool_or(cp."Status" = {ClaimProcStatus.SUPPLEMENTAL} AND cp."InsPayAmt" > 0) AS appealed
    FROM raw.claimproc cp GROUP BY 1) l USING ("ClaimNum") WHERE c."ClaimStatus" = {ClaimStatus.RECEIVED.sql}"""
PAID = ClaimProcStatus.sql(ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)
# Patient-plan-years of calendar-year plans, whole years inside the data: what was deducted and paid, the amounts.
PLAN_YEARS = f"""FROM (
    SELECT c."PatNum", c."PlanNum", extract(year FROM c."ProcDate") AS year, d.amount AS deductible, m.amount AS maximum,
           sum(c."DedApplied") AS deducted, sum(c."InsPayAmt") FILTER (WHERE c."Status" IN {PAID}) AS paid,
           min(c."ProcDate") FILTER (WHERE c."DedApplied" > 0) AS first_deducted,
           max(extract(month FROM c."ProcDate")) FILTER (WHERE c."DedApplied" > 0) AS met_month
    FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum")
    LEFT JOIN ({_plan_amounts(2, INDIVIDUAL)}) d USING ("PlanNum")
    LEFT JOIN ({_plan_amounts(5, INDIVIDUAL, ANNUAL)}) m USING ("PlanNum")
    WHERE ip."MonthRenew" = 0 AND c."Status" IN (0, 1, 4) AND c."ProcDate" < date_trunc('year', {TODAY})
    GROUP BY 1, 2, 3, 4, 5) y"""
MET = "deducted >= deductible - 0.005"
FAMILIES_WITH_PRODUCTION = """FROM (SELECT DISTINCT p."Guarantor" FROM raw.procedurelog pl
    JOIN raw.patient p USING ("PatNum") WHERE pl."ProcStatus" = 2 AND pl."ProcFee" > 0) f"""

CLAIMS = [
    Metric("received claims with a denied line", share("l.denied", RECEIVED_CLAIM_LINES), 0.04, 0.15,
           "industry: 5-10% of dental claims are denied on first submission (ADA / Change Healthcare Denials Index)",
           gated=GATED),
    Metric("denied claims appealed and paid later (supplemental)", share(
           "l.appealed", f"{RECEIVED_CLAIM_LINES} AND l.denied"), 0.05, 0.40,
           "industry: most denials are never appealed; about half of the appeals are paid", gated=GATED),
    Metric("claim turnaround, 99th percentile", f"""SELECT (percentile_cont(0.99) WITHIN GROUP
           (ORDER BY "DateReceived" - "DateSentOrig"))::float8, count(*) {RECEIVED_CLAIMS}""", 75, 200,
           "industry: a few claims wait months on review, attachments or coordination of benefits",
           kind="value", gated=GATED, unit="days"),
    Metric("received claims that were lost and resent", share(
           """c."DateResent" > '0001-01-01' AND NOT coalesce(c."CorrectionType", false)""", RECEIVED_CLAIMS),
           0.005, 0.06,
           "industry: a few % of claims never reach the carrier and are resent after the follow-up call",
           gated=GATED),
    *[Metric(f"insurance AR {label} days (claims sent, not received)", share(f"{AGE} {condition}", OUTSTANDING),
             low, high, AGING, gated=GATED) for label, condition, low, high in AGING_BUCKETS],
    Metric("deductible met by the end of June, of the benefit years that met it", share(
           "met_month <= 6", PLAN_YEARS, f"deductible > 0 AND {MET}"), 0.40, 0.80,
           "a deductible is met at the year's first basic or major visit: visits spread over the year, and the "
           "patients with most work meet it first (practice judgement)", gated=GATED),
    Metric("deductible met by the end of the benefit year, of patient-plan-years with a claim", share(
           MET, PLAN_YEARS, "deductible > 0"), 0.15, 0.60,
           "most claim years are preventive only, which the deductible does not apply to (ADA HPI: about 2 in 3 "
           "dental visits are preventive or diagnostic only)", gated=GATED),
    Metric("patient-plan-years that reach the annual maximum", share(
           "paid >= maximum - 0.005", PLAN_YEARS, "maximum > 0"), 0.01, 0.08,
           "NADP and ADA HPI: only a few % of covered patients reach their annual maximum", gated=GATED),
    Metric("families with production sent to collections", share(
           'f."Guarantor" IN (SELECT s."Guarantor" FROM (' + SENT + ') s)', FAMILIES_WITH_PRODUCTION),
           0.01, 0.05, "dental billing benchmarks: 2-5% of a practice's patient accounts go to collections",
           gated=GATED),
    Metric("families with production with a bad-debt write-off", share(
           'f."Guarantor" IN (' + WRITTEN_OFF + ')', FAMILIES_WITH_PRODUCTION), 0.005, 0.04,
           "the accounts the collection agency returns uncollectable: most of those sent (agencies recover a fifth "
           "to a third of what is placed with them)", gated=GATED),
    Metric("resent claims dated before their first send (must be 0)", """SELECT count(*) FILTER (WHERE
           "DateResent" < "DateSentOrig" OR "DateSentOrig" <= '0001-01-01')::float8, count(*) FROM raw.claim
           WHERE "DateResent" > '0001-01-01'""", 0, 0, "OpenDental: a claim is resent after it was first sent",
           kind="value", gated=GATED, min_cases=1, unit="count"),
]
