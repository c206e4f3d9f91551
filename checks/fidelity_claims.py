"""Fidelity metrics of claims that behave like claims (issue 16, item 4): denials, a long tail of slow payers,
claims lost and resent, and an insurance AR that ages like a real office's.

Insurance AR is every claim sent and not yet received on the last simulated day, aged from DateSent.
GATED is the one switch of this module: False makes all of its metrics informational.
"""
from opendental.codes import ClaimProcStatus, ClaimStatus

from .ar_validation import TODAY
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

CLAIMS = [
    Metric("received claims with a denied line", share(
           f"""EXISTS (SELECT 1 FROM raw.claimproc cp WHERE cp."ClaimNum" = c."ClaimNum" AND {DENIED_LINE})""",
           RECEIVED_CLAIMS), 0.04, 0.15,
           "industry: 5-10% of dental claims are denied on first submission (ADA / Change Healthcare Denials Index)",
           gated=GATED),
    Metric("denied claims appealed and paid later (supplemental)", share(
           f"""EXISTS (SELECT 1 FROM raw.claimproc cp WHERE cp."ClaimNum" = c."ClaimNum"
           AND cp."Status" = {ClaimProcStatus.SUPPLEMENTAL} AND cp."InsPayAmt" > 0)""",
           f"""{RECEIVED_CLAIMS} AND EXISTS (SELECT 1 FROM raw.claimproc cp WHERE cp."ClaimNum" = c."ClaimNum"
           AND {DENIED_LINE})"""), 0.05, 0.40,
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
    Metric("resent claims dated before their first send (must be 0)", """SELECT count(*) FILTER (WHERE
           "DateResent" < "DateSentOrig" OR "DateSentOrig" <= '0001-01-01')::float8, count(*) FROM raw.claim
           WHERE "DateResent" > '0001-01-01'""", 0, 0, "OpenDental: a claim is resent after it was first sent",
           kind="value", gated=GATED, min_cases=1, unit="count"),
]
