"""The accounts-receivable rules: the money reconciles to the cent, OpenDental's way (DOMAIN.md section 6).

Each rule is (name, SQL returning the offending rows). `today` is the date of the dataset's as-of moment (of a
dataset recorded before the as-of existed: its end date), read from the ownership marker, so --validate-only
checks a dataset as of the day it was generated for, or last advanced to.
"""
from opendental import aging
from opendental.codes import ClaimProcStatus, ClaimStatus
from opendental.definitions import NONE, DefCat, defnum, defnums

TODAY = """(SELECT coalesce((options->>'as_of')::timestamp::date, (options->>'end_date')::date)
            FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1)"""
# The day the practice opened: its history starts history_years before the window (--start-date).
OPENED = """(SELECT ((options->>'start_date')::date - make_interval(years => coalesce((options->>'history_years')::int, 0)))::date
             FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1)"""
CENT = 0.005
COMPLETE, PAID = aging.COMPLETE, aging.PAID
REFUND = defnum(DefCat.PAYMENT_TYPES, "Patient Refund")
WAIVED = defnum(DefCat.ADJ_TYPES, "Dr. Discount")  # a no-charge after payment, refunded later
UNEARNED = (NONE, *defnums(DefCat.PAYSPLIT_UNEARNED_TYPE))
SENT, RECEIVED = ClaimStatus.SENT.sql, ClaimStatus.RECEIVED.sql

PROCEDURE_BALANCES = f"""
    SELECT p."ProcNum", p."PatNum", round((p."ProcFee" * (p."UnitQty" + p."BaseUnits") + coalesce(a.amount, 0)
           - coalesce(s.amount, 0) - coalesce(c.amount, 0))::numeric, 2) AS balance
    FROM raw.procedurelog p
    LEFT JOIN (SELECT "ProcNum", sum("AdjAmt") amount FROM raw.adjustment WHERE "ProcNum" <> 0 GROUP BY 1) a USING ("ProcNum")
    LEFT JOIN (SELECT "ProcNum", sum("SplitAmt") amount FROM raw.paysplit WHERE "ProcNum" <> 0 GROUP BY 1) s USING ("ProcNum")
    LEFT JOIN (SELECT "ProcNum", sum("InsPayAmt" + "WriteOff") amount FROM raw.claimproc
               WHERE "Status" IN {PAID} AND "ProcNum" <> 0 GROUP BY 1) c USING ("ProcNum")
    WHERE p."ProcStatus" = {COMPLETE}"""

FAMILY_AGING = aging.family_aging(TODAY)
PENDING_INSURANCE = aging.pending_insurance()

RULES = [
    ("every completed procedure's balance (fee + adjustments - patient paid - insurance paid - write-off) "
     "is at least -0.01, or is the credit of a no-charge granted after payment until its refund is posted", f"""
     SELECT * FROM ({PROCEDURE_BALANCES}) b WHERE balance < -0.01 AND NOT (
       EXISTS (SELECT 1 FROM raw.adjustment a WHERE a."ProcNum" = b."ProcNum" AND a."AdjType" = {WAIVED}
               AND abs(a."AdjAmt" - b.balance) < {CENT})
       AND NOT EXISTS (SELECT 1 FROM raw.paysplit s JOIN raw.payment y USING ("PayNum")
                       WHERE s."ProcNum" = b."ProcNum" AND y."PayType" = {REFUND}))"""),
    ("only completed procedures carry payments or received insurance", f"""
     SELECT s."SplitNum", s."ProcNum" FROM raw.paysplit s JOIN raw.procedurelog p USING ("ProcNum")
     WHERE p."ProcStatus" <> {COMPLETE}
     UNION ALL SELECT c."ClaimProcNum", c."ProcNum" FROM raw.claimproc c JOIN raw.procedurelog p USING ("ProcNum")
     WHERE c."Status" IN {PAID} AND p."ProcStatus" <> {COMPLETE}"""),
    ("every payment equals the sum of its splits", f"""
     SELECT p."PayNum", p."PayAmt", s.total FROM raw.payment p
     LEFT JOIN (SELECT "PayNum", sum("SplitAmt") total FROM raw.paysplit GROUP BY 1) s USING ("PayNum")
     WHERE abs(p."PayAmt" - coalesce(s.total, 0)) > {CENT}"""),
    ("every split belongs to a payment", """
     SELECT s."SplitNum", s."PayNum" FROM raw.paysplit s LEFT JOIN raw.payment p USING ("PayNum")
     WHERE p."PayNum" IS NULL"""),
    ("every insurance check equals the sum of its claimprocs' insurance paid", f"""
     SELECT c."ClaimPaymentNum", c."CheckAmt", x.total FROM raw.claimpayment c
     LEFT JOIN (SELECT "ClaimPaymentNum", sum("InsPayAmt") total FROM raw.claimproc
                WHERE "ClaimPaymentNum" <> 0 GROUP BY 1) x USING ("ClaimPaymentNum")
     WHERE abs(c."CheckAmt" - coalesce(x.total, 0)) > {CENT}"""),
    ("every claim's fee, estimate, paid, deductible and write-off equal the sums of its claimprocs", f"""
     SELECT c."ClaimNum", c."ClaimFee", x.fee, c."InsPayAmt", x.paid FROM raw.claim c
     LEFT JOIN (SELECT "ClaimNum", sum("FeeBilled") fee, sum("InsPayEst") est, sum("InsPayAmt") paid,
                       sum("DedApplied") ded, sum("WriteOff") wo FROM raw.claimproc WHERE "ClaimNum" <> 0 GROUP BY 1) x
       USING ("ClaimNum")
     WHERE x."ClaimNum" IS NULL OR abs(c."ClaimFee" - x.fee) > {CENT} OR abs(c."InsPayEst" - x.est) > {CENT}
        OR abs(c."InsPayAmt" - x.paid) > {CENT} OR abs(c."DedApplied" - x.ded) > {CENT}
        OR abs(c."WriteOff" - x.wo) > {CENT}"""),
    ("received claimprocs are paid by a check dated on or after the claim was sent", f"""
     SELECT cp."ClaimProcNum", cp."ClaimPaymentNum" FROM raw.claimproc cp
     JOIN raw.claim c USING ("ClaimNum") LEFT JOIN raw.claimpayment k USING ("ClaimPaymentNum")
     WHERE cp."Status" = {ClaimProcStatus.RECEIVED} AND (k."ClaimPaymentNum" IS NULL OR k."CheckDate" < c."DateSent"
                                OR cp."DateCP" <> k."CheckDate")"""),
    ("claim dates are in order: service, sent, received", f"""
     SELECT "ClaimNum", "DateService", "DateSent", "DateReceived" FROM raw.claim
     WHERE ("DateSent" > '0001-01-01' AND "DateSent" < "DateService")
        OR ("DateReceived" > '0001-01-01' AND ("DateReceived" < "DateSent" OR "DateReceived" < "DateService"))
        OR ("ClaimStatus" = {RECEIVED}) <> ("DateReceived" > '0001-01-01')
        OR ("ClaimStatus" IN ({SENT}, {RECEIVED}) AND "DateSent" = '0001-01-01')"""),
    ("every guarantor's stored balance and aging equal what the family's transactions give", f"""
     WITH aging AS ({FAMILY_AGING}), pending AS ({PENDING_INSURANCE})
     SELECT g."PatNum", g."BalTotal", round(a.total::numeric, 2) total, g."Bal_0_30", round(a.b0::numeric, 2) b0,
            g."BalOver90", round(a.b90::numeric, 2) b90
     FROM raw.patient g LEFT JOIN aging a ON a.family = g."PatNum" LEFT JOIN pending i ON i.family = g."PatNum"
     WHERE g."Guarantor" = g."PatNum" AND (
           abs(g."BalTotal" - coalesce(a.total, 0)) > 0.01 OR abs(g."Bal_0_30" - coalesce(a.b0, 0)) > 0.01
        OR abs(g."Bal_31_60" - coalesce(a.b30, 0)) > 0.01 OR abs(g."Bal_61_90" - coalesce(a.b60, 0)) > 0.01
        OR abs(g."BalOver90" - coalesce(a.b90, 0)) > 0.01 OR abs(g."InsEst" - coalesce(i.estimate, 0)) > 0.01)"""),
    ("aging buckets are never negative and only guarantors carry family balances", """
     SELECT "PatNum", "Bal_0_30", "Bal_31_60", "Bal_61_90", "BalOver90" FROM raw.patient
     WHERE least("Bal_0_30", "Bal_31_60", "Bal_61_90", "BalOver90") < 0
        OR ("Guarantor" <> "PatNum" AND ("BalTotal" <> 0 OR "InsEst" <> 0 OR "Bal_0_30" <> 0 OR "BalOver90" <> 0))"""),
    (f"income transfers (PayType {NONE}) move money without creating it: PayAmt 0, the procedure half positive, "
     "the prepayment half negative", f"""
     SELECT p."PayNum", p."PayAmt", s."SplitNum", s."SplitAmt", s."UnearnedType" FROM raw.payment p
     JOIN raw.paysplit s USING ("PayNum")
     WHERE p."PayType" = {NONE} AND (p."PayAmt" <> 0 OR (s."UnearnedType" = {NONE} AND s."SplitAmt" < 0)
                                OR (s."UnearnedType" <> {NONE} AND s."SplitAmt" > 0))"""),
    (f"refunds (PayType {REFUND}) are negative",
     f'SELECT "PayNum", "PayAmt" FROM raw.payment WHERE "PayType" = {REFUND} AND "PayAmt" >= 0'),
    (f"a split pays a procedure or an adjustment, or is unearned ({UNEARNED[1]}, {UNEARNED[2]}...), "
     "never two of these", f"""
     SELECT "SplitNum", "ProcNum", "AdjNum", "UnearnedType" FROM raw.paysplit
     WHERE ("ProcNum" <> 0 AND "AdjNum" <> 0) OR ("UnearnedType" = {NONE} AND "ProcNum" = 0 AND "AdjNum" = 0)
        OR ("UnearnedType" <> {NONE} AND ("ProcNum" <> 0 OR "AdjNum" <> 0))
        OR "UnearnedType" NOT IN ({", ".join(map(str, UNEARNED))})"""),
    ("patient money is dated between the opening and today, payments on their split dates", f"""
     SELECT p."PayNum", p."PayDate", s."DatePay" FROM raw.payment p JOIN raw.paysplit s USING ("PayNum")
     WHERE s."DatePay" <> p."PayDate" OR p."PayDate" > {TODAY} OR p."PayDate" < {OPENED}
     UNION ALL SELECT "AdjNum", "AdjDate", NULL FROM raw.adjustment WHERE "AdjDate" > {TODAY} OR "AdjDate" < {OPENED}"""),
]

AR_SUMMARY = f"""
    WITH g AS (SELECT sum("BalTotal") total, sum("Bal_0_30") b0, sum("Bal_31_60") b30, sum("Bal_61_90") b60,
                      sum("BalOver90") b90, sum("InsEst") insest FROM raw.patient WHERE "Guarantor" = "PatNum"),
    production AS (SELECT sum("ProcFee" * ("UnitQty" + "BaseUnits")) gross FROM raw.procedurelog
                   WHERE "ProcStatus" = {COMPLETE}),
    insurance AS (SELECT sum("InsPayAmt") paid, sum("WriteOff") write_off FROM raw.claimproc WHERE "Status" IN {PAID}),
    patients AS (SELECT sum("PayAmt") paid FROM raw.payment),
    adjustments AS (SELECT sum("AdjAmt") total FROM raw.adjustment)
    SELECT g.total, g.b0, g.b30, g.b60, g.b90, g.insest, production.gross, insurance.write_off, adjustments.total,
           insurance.paid, patients.paid
    FROM g, production, insurance, patients, adjustments"""


def summary(cursor):
    cursor.execute(AR_SUMMARY)
    total, b0, b30, b60, b90, insest, gross, write_off, adjusted, ins_paid, pat_paid = (float(v or 0) for v in
                                                                                        cursor.fetchone())
    net_production = gross - write_off + adjusted
    collected = ins_paid + pat_paid
    aged = b0 + b30 + b60 + b90
    return {
        "total_ar": round(total, 2), "ar_0_30": round(b0, 2), "ar_31_60": round(b30, 2), "ar_61_90": round(b60, 2),
        "ar_over_90": round(b90, 2), "insurance_estimate": round(insest, 2),
        "aging_shares": [round(b / aged, 3) if aged else 0.0 for b in (b0, b30, b60, b90)],
        "gross_production": round(gross, 2), "net_production": round(net_production, 2),
        "collected": round(collected, 2), "collection_rate": round(collected / net_production, 4) if net_production else 0.0,
        "insurance_share_of_collections": round(ins_paid / collected, 3) if collected else 0.0,
    }
