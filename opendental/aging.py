"""OpenDental's aging, in SQL over one schema's tables: a family's ledger, its balance aged by the date of each
charge (credits pay the oldest charges first), and the insurance still expected. The checks compare the stored
balances with it; the practice as of an earlier moment (generators.as_of) stores it."""
from .codes import ClaimProcStatus, ProcStatus

COMPLETE = ProcStatus.COMPLETE
PAID = ClaimProcStatus.sql(ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)  # insurance money on the ledger


def ledger(s="raw"):
    """Every account entry of a family, signed: charges positive, credits negative (OpenDental's ledger)."""
    return f"""
    SELECT pt."Guarantor" AS family, p."ProcDate" AS day, p."ProcFee" * (p."UnitQty" + p."BaseUnits") AS amount
      FROM {s}.procedurelog p JOIN {s}.patient pt USING ("PatNum") WHERE p."ProcStatus" = {COMPLETE}
    UNION ALL SELECT pt."Guarantor", a."AdjDate", a."AdjAmt" FROM {s}.adjustment a JOIN {s}.patient pt USING ("PatNum")
    UNION ALL SELECT pt."Guarantor", s."DatePay", -s."SplitAmt" FROM {s}.paysplit s JOIN {s}.patient pt USING ("PatNum")
    UNION ALL SELECT pt."Guarantor", c."DateCP", -(c."InsPayAmt" + c."WriteOff")
      FROM {s}.claimproc c JOIN {s}.patient pt USING ("PatNum") WHERE c."Status" IN {PAID}"""


def unpaid_charges(today, s="raw"):
    """Per family and charge: its day, its age on the SQL date `today` and what is left of it unpaid (credits pay
    the oldest charges first)."""
    return f"""
    WITH ledger AS ({ledger(s)}),
    totals AS (SELECT family, sum(amount) total, coalesce(sum(-amount) FILTER (WHERE amount < 0), 0) credits
               FROM ledger GROUP BY family),
    charges AS (SELECT family, day, amount, coalesce(sum(amount) OVER (PARTITION BY family ORDER BY day, amount
                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM ledger WHERE amount > 0)
    SELECT c.family, c.day, {today} - c.day AS age, greatest(0, c.amount - greatest(t.credits - c.before, 0)) AS amount
    FROM charges c JOIN totals t USING (family)"""


def family_aging(today, s="raw"):
    """Per family: total, 0-30, 31-60, 61-90 and over-90 days, aged as of the SQL date `today`."""
    return f"""
    WITH ledger AS ({ledger(s)}),
    totals AS (SELECT family, sum(amount) total FROM ledger GROUP BY family),
    unpaid AS ({unpaid_charges(today, s)})
    SELECT t.family, t.total,
           coalesce(sum(u.amount) FILTER (WHERE u.age <= 30), 0) AS b0,
           coalesce(sum(u.amount) FILTER (WHERE u.age BETWEEN 31 AND 60), 0) AS b30,
           coalesce(sum(u.amount) FILTER (WHERE u.age BETWEEN 61 AND 90), 0) AS b60,
           coalesce(sum(u.amount) FILTER (WHERE u.age > 90), 0) AS b90
    FROM totals t LEFT JOIN unpaid u USING (family) GROUP BY t.family, t.total"""


def pending_insurance(s="raw"):
    """Per family: what the claims sent and not yet paid are expected to bring (payment plus write-off)."""
    return f"""
    SELECT pt."Guarantor" AS family, sum(c."InsPayEst" + c."WriteOff") AS estimate
    FROM {s}.claimproc c JOIN {s}.patient pt USING ("PatNum") WHERE c."Status" = {ClaimProcStatus.NOT_RECEIVED}
    GROUP BY 1"""


def patient_balances(s="raw"):
    """Per patient: the balance of their own ledger entries (EstBalance)."""
    return f"""
    SELECT "PatNum", sum(amount) AS balance FROM (
      SELECT "PatNum", "ProcFee" * ("UnitQty" + "BaseUnits") AS amount FROM {s}.procedurelog
       WHERE "ProcStatus" = {COMPLETE}
      UNION ALL SELECT "PatNum", "AdjAmt" FROM {s}.adjustment
      UNION ALL SELECT "PatNum", -"SplitAmt" FROM {s}.paysplit
      UNION ALL SELECT "PatNum", -("InsPayAmt" + "WriteOff") FROM {s}.claimproc WHERE "Status" IN {PAID}) e
    GROUP BY 1"""
