"""Phase 5 and the AR validation pass: the money reconciles to the cent, and tampering is caught."""
import psycopg2
import pytest

from checks import ar_validation
from opendental.definitions import DefCat, defnum
from conftest import SMALL_END, db_args, isolated, query, run_cli, run_generator
from main import main

AGENCY_CHECK = defnum(DefCat.PAYMENT_TYPES, "Collection Agency")  # its remittances are deposited as checks


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


@pytest.mark.parametrize("rule", ar_validation.RULES, ids=[r[0][:60] for r in ar_validation.RULES])
def test_reconciliation_rule_holds(practice_db, rule):
    _, sql = rule
    assert rows(practice_db, f"SELECT count(*) FROM ({sql}) v") == [(0,)]


def test_the_money_tables_are_filled(practice_db):
    for table in ("claim", "claimproc", "claimpayment", "payment", "paysplit", "adjustment"):
        assert rows(practice_db, f'SELECT count(*) > 0 FROM raw."{table}"') == [(True,)], table


def test_claims_progress_with_time(practice_db):
    statuses = dict(rows(practice_db, 'SELECT "ClaimStatus", count(*) FROM raw.claim GROUP BY 1'))
    assert set(statuses) <= {"U", "H", "W", "S", "R", "I"} and statuses["R"] > 0.8 * sum(statuses.values())
    # a primary is answered within 7 to 180 days of sending (a lost one within 180 days of its resend at the
    # 30-day call); a secondary is sent only after the primary's EOB
    stale = rows(practice_db, f"""SELECT count(*) FROM raw.claim WHERE "ClaimStatus" IN ('S', 'W', 'H')
                                  AND "DateService" < date '{SMALL_END}' - CASE "ClaimType" WHEN 'P' THEN 230 ELSE 460 END""")
    assert stale == [(0,)]
    lag = rows(practice_db, """SELECT min("DateReceived" - "DateSent"), max("DateReceived" - "DateSent")
                               FROM raw.claim WHERE "ClaimStatus" = 'R'""")[0]
    assert 7 <= lag[0] and lag[1] <= 220


def test_claims_are_mostly_primary_with_a_secondary_minority(practice_db):
    """About 5% of claims are secondary at 5,000 patients (8.7% of insured patients hold a second plan); an
    office of 200 patients holds only a few dual-coverage families, so the floor here is lower."""
    share = rows(practice_db, """SELECT avg(("ClaimType" = 'S')::int) FROM raw.claim""")[0][0]
    assert 0.005 < share < 0.2
    assert rows(practice_db, """SELECT count(*) FROM raw.claim WHERE "ClaimType" NOT IN ('P', 'S')
                                OR "PlaceService" NOT IN (0, 3) OR "EmployRelated" NOT IN (0, 2)""") == [(0,)]


def test_ppo_write_off_is_fee_minus_allowed_and_never_negative(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc WHERE "WriteOff" < 0 OR "InsPayAmt" < 0
                                OR "InsPayEst" < 0 OR "FeeBilled" < 0
                                OR ("Status" = 1 AND "InsPayAmt" + "WriteOff" > "FeeBilled" + 0.005)""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "WriteOff" > 0') == [(True,)]


def test_estimates_are_kept_on_planned_work_and_unbilled_work(practice_db):
    # an estimate is on planned work, on completed work not billed (NoBillIns), or on completed work another
    # plan's EOB settled in full (paid plus write-off), which the secondary plan is never sent
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc c JOIN raw.procedurelog p USING ("ProcNum")
                                WHERE c."Status" = 6 AND (c."ClaimNum" <> 0
                                      OR p."ProcStatus" <> CASE WHEN c."NoBillIns" THEN 2 ELSE 1 END
                                         AND NOT (p."ProcStatus" = 2 AND EXISTS (SELECT 1 FROM raw.claimproc o
                                             WHERE o."ProcNum" = c."ProcNum" AND o."Status" = 1
                                             AND o."PlanNum" <> c."PlanNum"
                                             AND abs(o."InsPayAmt" + o."WriteOff" - p."ProcFee") < 0.005)))""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "Status" = 6') == [(True,)]


def test_work_the_plan_does_not_cover_is_not_billed(practice_db):
    # a do-not-bill estimate: nothing expected from the plan, and the procedure is on no claim of that plan
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc n WHERE n."NoBillIns"
                                AND (n."Status" <> 6 OR n."Percentage" <> 0 OR n."InsPayEst" <> 0
                                     OR EXISTS (SELECT 1 FROM raw.claimproc c WHERE c."ProcNum" = n."ProcNum"
                                                AND c."PlanNum" = n."PlanNum" AND c."ClaimNum" <> 0))""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "NoBillIns"') == [(True,)]


def test_every_claim_is_on_the_default_claim_form_and_not_employment_related(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claim c LEFT JOIN raw.claimform f ON f."ClaimFormNum" = c."ClaimForm"
                                WHERE f."ClaimFormNum" IS NULL OR f."IsHidden" OR c."EmployRelated" <> 2""") == [(0,)]


def test_resent_claims_are_resent_after_sending_and_corrections_name_the_original(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claim WHERE ("DateResent" > '0001-01-01' AND "DateResent" <= "DateSent")
                                OR ("CorrectionType" AND ("OrigRefNum" = '' OR "DateResent" <= "DateReceived"))
                                OR (NOT "CorrectionType" AND "OrigRefNum" <> '')""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claim WHERE "DateResent" > '0001-01-01'""") == [(True,)]


def test_custom_tracking_is_the_claims_latest_status(practice_db):
    statuses = dict(rows(practice_db, """SELECT d."ItemName", count(*) FROM raw.claim c
                                         JOIN raw.definition d ON d."DefNum" = c."CustomTracking" AND d."Category" = 31
                                         GROUP BY 1"""))
    assert {"Called carrier", "Denied", "Appealed"} <= set(statuses)
    assert rows(practice_db, """SELECT count(*) FROM raw.claim c JOIN raw.definition d ON d."DefNum" = c."CustomTracking"
                                WHERE (d."ItemName" = 'Denied' AND NOT EXISTS (SELECT 1 FROM raw.claimproc p
                                       WHERE p."ClaimNum" = c."ClaimNum" AND p."Status" = 1 AND p."ClaimPaymentTracking" <> 0))
                                   OR (d."ItemName" = 'Called carrier' AND c."DateReceived" > '0001-01-01'
                                       AND c."DateReceived" - c."DateSent" < 30)""") == [(0,)]


def test_accident_details_come_together(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claim WHERE "AccidentRelated" NOT IN ('', 'O', 'A')
                                OR ("AccidentRelated" = '') <> ("AccidentDate" = '0001-01-01')
                                OR "AccidentDate" > "DateService" OR ("AccidentST" <> '') <> ("AccidentRelated" = 'A')
                                OR ("AccidentST" <> '' AND length("AccidentST") <> 2)""") == [(0,)]


def test_attachments_have_an_id_and_clinical_ones_a_narrative(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claim WHERE ("AttachedFlags" = '') <> ("AttachmentID" = '')
                                OR ("AttachedFlags" IN ('Elect,Misc', 'Elect,Perio')) <> ("Narrative" <> '')
                                OR ("AttachedFlags" IN ('Elect,Misc', 'Elect,Perio')) <> ("AttachedImages" BETWEEN 1 AND 50)
                                OR ("AttachedFlags" = 'Elect,EoB') <> ("ClaimType" = 'S' AND "DateSent" > '0001-01-01')""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claim WHERE "Narrative" <> ''""") == [(True,)]


def test_a_replacement_prosthesis_claim_gives_the_prior_placement_date(practice_db):
    """IsProsthesis R with the original's placement date (PriorDate) when the claim bills a replacement
    (procedurelog.Prosthesis R), I for an initial placement, N otherwise."""
    assert rows(practice_db, """SELECT count(*) FROM raw.claim c LEFT JOIN (
            SELECT cp."ClaimNum", bool_or(p."Prosthesis" = 'I') initial,
                   max(p."DateOriginalProsth") FILTER (WHERE p."Prosthesis" = 'R') prior
            FROM raw.claimproc cp JOIN raw.procedurelog p USING ("ProcNum") WHERE cp."Status" IN (0, 1)
            GROUP BY 1) l USING ("ClaimNum")
        WHERE c."IsProsthesis" <> CASE WHEN l.prior IS NOT NULL THEN 'R' WHEN l.initial THEN 'I' ELSE 'N' END
           OR c."PriorDate" <> coalesce(l.prior, DATE '0001-01-01')
           OR (l.prior IS NOT NULL AND l.prior >= c."DateService")""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claim WHERE "IsProsthesis" = 'R'""") == [(True,)]


def test_predeterminations_are_quoted_on_major_work_only(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claim c WHERE "PreAuthString" <> '' AND NOT EXISTS (
                                SELECT 1 FROM raw.claimproc p JOIN raw.procedurelog l USING ("ProcNum")
                                JOIN raw.procedurecode k USING ("CodeNum")
                                WHERE p."ClaimNum" = c."ClaimNum" AND k."ProcCat" IN (78, 79, 80))""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claim WHERE "PreAuthString" <> ''""") == [(True,)]


def test_supplemental_payments_pay_a_denied_line_of_an_appealed_claim(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc s
                                JOIN raw.claim c USING ("ClaimNum") JOIN raw.claimpayment k USING ("ClaimPaymentNum")
                                LEFT JOIN raw.claimproc o ON o."ClaimNum" = s."ClaimNum" AND o."ProcNum" = s."ProcNum"
                                     AND o."Status" = 1 AND o."InsPayAmt" = 0 AND o."ClaimPaymentTracking" <> 0
                                WHERE s."Status" = 4 AND (o."ClaimProcNum" IS NULL OR s."FeeBilled" <> 0
                                      OR s."InsPayAmt" <= 0 OR s."DateSuppReceived" <> k."CheckDate"
                                      OR s."DateCP" <> k."CheckDate" OR k."CheckDate" <= c."DateReceived"
                                      OR c."CustomTracking" <> (SELECT "DefNum" FROM raw.definition
                                                                WHERE "Category" = 31 AND "ItemName" = 'Appealed'))""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc WHERE "DateSuppReceived" > '0001-01-01'
                                AND "Status" <> 4""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "Status" = 4') == [(True,)]


def test_reason_codes_come_from_the_era_of_an_electronic_payment(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc p LEFT JOIN raw.claimpayment k USING ("ClaimPaymentNum")
                                WHERE p."ClaimAdjReasonCodes" <> '' AND (p."Status" <> 1 OR k."PayType" <> 303
                                      OR p."ClaimAdjReasonCodes" !~ '^[0-9]+(,[0-9]+)*$'
                                      OR (p."WriteOff" > 0) <> (p."ClaimAdjReasonCodes" ~ '(^|,)45(,|$)'))""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claimproc WHERE "ClaimAdjReasonCodes" <> ''""") == [(True,)]


def test_deposit_slips_hold_the_previous_days_checks_and_cash(practice_db):
    assert rows(practice_db, f"""WITH item AS (SELECT "DepositNum", "CheckAmt" amount, "CheckDate" paid_on, "PayType" kind
                                              FROM raw.claimpayment WHERE "DepositNum" <> 0
                                              UNION ALL SELECT "DepositNum", "PayAmt", "PayDate", "PayType"
                                              FROM raw.payment WHERE "DepositNum" <> 0)
                                SELECT count(*) FROM raw.deposit d JOIN item i USING ("DepositNum")
                                GROUP BY d."DepositNum", d."Amount", d."DateDeposit"
                                HAVING abs(d."Amount" - sum(i.amount)) > 0.005 OR bool_or(i.kind NOT IN (261, 69, 70, {AGENCY_CHECK}))
                                    OR bool_or(i.paid_on >= d."DateDeposit") OR d."DateDeposit" > date '{SMALL_END}'""") == []
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.deposit') == [(True,)]


def test_only_the_last_weeks_checks_are_partial(practice_db):
    assert rows(practice_db, f"""SELECT count(*) FROM raw.claimpayment WHERE "IsPartial"
                                 AND ("CheckDate" <= date '{SMALL_END}' - 7 OR "DepositNum" <> 0)""") == [(0,)]


def test_recurring_card_charges_are_completed_with_a_receipt(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.payment WHERE ("IsRecurringCC" AND ("PayType" <> 71
                                OR "RecurringChargeDate" <> "PayDate" OR "Receipt" NOT LIKE 'PayConnect%'))
                                OR "IsCcCompleted" <> "IsRecurringCC" OR ("Receipt" <> '') <> "IsRecurringCC"
                                OR ("ProcessStatus" AND ("PayType" <> 71 OR "IsRecurringCC"))
                                OR ("ExternalId" <> '') <> ("PayType" = 412)
                                OR ("ExternalId" <> '' AND "ExternalId" !~ '^pi_[A-Za-z0-9]{24}$')""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.payment WHERE "IsRecurringCC"') == [(True,)]


def test_income_transfers_link_back_to_the_prepayment(practice_db):
    # the prepayment half names the prepayment split, the procedure half names the prepayment half
    linked = rows(practice_db, """SELECT s."ProcNum" <> 0, f."ProcNum" <> 0, s."SplitAmt" + f."SplitAmt",
                                  s."PatNum" = f."PatNum", s."DatePay" >= f."DatePay"
                                  FROM raw.paysplit s JOIN raw.paysplit f ON f."SplitNum" = s."FSplitNum" """)
    assert linked and all(amount == 0 and same and later and not parent_on_proc
                          for _, parent_on_proc, amount, same, later in linked)
    assert rows(practice_db, """SELECT count(*) FROM raw.paysplit s LEFT JOIN raw.paysplit f ON f."SplitNum" = s."FSplitNum"
                                WHERE s."FSplitNum" <> 0 AND f."SplitNum" IS NULL""") == [(0,)]


def test_payment_types_and_signs_follow_the_definitions(practice_db):
    types = dict(rows(practice_db, 'SELECT "PayType", count(*) FROM raw.payment GROUP BY 1'))
    assert set(types) <= {0, 69, 70, 71, 72, 391, 412, 417, 574, 634, 676, 681, AGENCY_CHECK}
    assert max(types, key=types.get) == 71
    assert rows(practice_db, """SELECT count(*) FROM raw.payment WHERE ("PayType" = 0 AND "PayAmt" <> 0)
                                OR ("PayType" NOT IN (0, 72) AND "PayAmt" <= 0)""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) FROM raw.payment WHERE "PayType" = 0
                                AND "PayNote" NOT LIKE '%INCOME TRANSFER%'""") == [(0,)]


def test_payments_follow_their_procedures(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.paysplit s JOIN raw.procedurelog p USING ("ProcNum")
                                JOIN raw.payment y USING ("PayNum")
                                WHERE s."SplitAmt" > 0 AND y."PayType" <> 0 AND s."DatePay" < p."ProcDate" """) == [(0,)]


def test_adjustments_use_the_analytics_types_and_signs(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.adjustment a JOIN raw.definition d ON d."DefNum" = a."AdjType"
                                WHERE d."Category" <> 1 OR a."ProvNum" = 0 OR a."AdjType" IN (288, 439)
                                OR (d."ItemValue" = '-' AND a."AdjAmt" > 0) OR (d."ItemValue" = '+' AND a."AdjAmt" < 0)
                                OR (a."ProcNum" <> 0 AND a."AdjDate" < a."ProcDate")""") == [(0,)]


def test_ar_looks_like_a_real_practice(practice_db):
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
        summary = ar_validation.summary(cursor)
    conn.close()
    assert 0.93 < summary["collection_rate"] < 1.0
    assert summary["aging_shares"][0] == max(summary["aging_shares"])
    assert summary["aging_shares"][3] < 0.3
    assert 0.15 < summary["insurance_share_of_collections"] < 0.6


FIRST_APPOINTMENT = '(SELECT min("AptNum") FROM raw.appointment)'
TAMPERING = [  # (statement changing one row, the rule that must then fail, with its count of offending rows)
    ("UPDATE raw.paysplit SET \"SplitAmt\" = \"SplitAmt\" + 10 WHERE \"SplitNum\" = "
     "(SELECT min(\"SplitNum\") FROM raw.paysplit WHERE \"ProcNum\" <> 0)", "every payment equals the sum of its splits"),
    ("UPDATE raw.claimpayment SET \"CheckAmt\" = \"CheckAmt\" + 25 WHERE \"ClaimPaymentNum\" = "
     "(SELECT min(\"ClaimPaymentNum\") FROM raw.claimpayment)", "every insurance check equals"),
    ("UPDATE raw.procedurelog SET \"ProcFee\" = 0.5 WHERE \"ProcNum\" = (SELECT min(\"ProcNum\") FROM raw.paysplit s "
     "JOIN raw.procedurelog p USING (\"ProcNum\") WHERE s.\"SplitAmt\" > 5)", "every completed procedure's balance"),
    ("UPDATE raw.patient SET \"Bal_0_30\" = \"Bal_0_30\" + 100 WHERE \"PatNum\" = "
     "(SELECT min(\"Guarantor\") FROM raw.patient)", "every guarantor's stored balance and aging"),
    (f'UPDATE raw.appointment SET "ProvNum" = 0 WHERE "AptNum" = {FIRST_APPOINTMENT}',
     "appointment.ProvNum must point at an existing provider: 1 row(s)"),
    (f'UPDATE raw.appointment SET "Op" = 999999 WHERE "AptNum" = {FIRST_APPOINTMENT}',
     "appointment.Op must point at an existing operatory: 1 row(s)"),
    ('UPDATE raw.appointment SET "Confirmed" = (SELECT min("DefNum") FROM raw.definition WHERE "Category" = 1) '
     f'WHERE "AptNum" = {FIRST_APPOINTMENT}', "appointment.Confirmed must point at an existing definition category 2"),
]


def test_tampering_makes_validation_fail_with_each_rule_named(server, new_database, capsys):
    """AR rules and foreign keys alike: a required key set to 0, a key pointing nowhere, a definition of another
    category; one practice tampered in seven places, each caught by its own rule."""
    name = new_database()
    assert run_generator(server, name, patients=120) == 0
    args = isolated([*db_args(server, name), "--validate-only"])
    assert main(args) == 0  # the untouched practice passes (in process; the tampered one runs as a user runs it)
    out = capsys.readouterr().out
    assert "rules pass" in out and "AR: $" in out, out
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
        for statement, _ in TAMPERING:
            cursor.execute(statement)
            assert cursor.rowcount == 1, statement
    conn.close()
    code, out, err = run_cli(*args)
    assert code == 1 and "Traceback" not in err, err
    for _, rule in TAMPERING:
        assert f"FAILED {rule}" in err, (rule, err)
