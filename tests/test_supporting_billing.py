"""Phase 6, billing: insurance verification, claim paperwork (snapshots, tracking, EOBs, blue book),
statements and the billing reference tables tell the same story as the claims and the money."""
from conftest import SMALL_END, offices, query
from generators.supporting import billing
from opendental.codes import AutoCommStatus

TABLES = ("insverify", "insverifyhist", "insbluebook", "insbluebooklog", "claimsnapshot", "claimtracking",
          "eobattach", "statement", "statementprod", "claimform", "codegroup", "autocode")
IN_WINDOW = f"BETWEEN '2020-01-01' AND '{SMALL_END} 23:59:59'"


def count(practice_db, sql):
    server, name = practice_db
    return query(server, name, f"SELECT count(*) FROM ({sql}) v")[0][0]


def test_billing_tables_have_rows(practice_db):
    for table in TABLES:
        assert count(practice_db, f'SELECT 1 FROM raw."{table}"') > 0, table


def test_verification_fkey_points_at_a_plan_for_type_1_and_a_patplan_for_type_2(practice_db):
    for table in ("insverify", "insverifyhist"):
        assert count(practice_db, f"""SELECT 1 FROM raw."{table}" v WHERE v."VerifyType" NOT IN (1, 2)
            OR (v."VerifyType" = 1 AND NOT EXISTS (SELECT 1 FROM raw.insplan p WHERE p."PlanNum" = v."FKey"))
            OR (v."VerifyType" = 2 AND NOT EXISTS (SELECT 1 FROM raw.patplan p WHERE p."PatPlanNum" = v."FKey"))
            """) == 0
    # OpenDental keeps one verification row per plan and per patplan, never assigned to a user (UserNum 0).
    assert count(practice_db, """SELECT 1 FROM raw.insverify WHERE "UserNum" <> 0""") == 0
    assert count(practice_db, 'SELECT 1 FROM raw.insverify WHERE "VerifyType" = 1') == count(
        practice_db, "SELECT 1 FROM raw.insplan")
    assert count(practice_db, 'SELECT 1 FROM raw.insverify WHERE "VerifyType" = 2') == count(
        practice_db, "SELECT 1 FROM raw.patplan")
    assert count(practice_db, 'SELECT "VerifyType", "FKey" FROM raw.insverify GROUP BY 1, 2 HAVING count(*) > 1') == 0


def test_verification_history_is_dated_in_the_window_and_ends_in_the_current_row(practice_db):
    for table in ("insverify", "insverifyhist"):
        assert count(practice_db, f"""SELECT 1 FROM raw."{table}" WHERE "SecDateTEdit" NOT {IN_WINDOW}
                                      OR "DateTimeEntry" > "SecDateTEdit" """) == 0
    assert count(practice_db, """SELECT 1 FROM raw.insverifyhist WHERE "DateLastVerified" <> "SecDateTEdit"::date
                                 OR "DateLastAssigned" > "DateLastVerified" OR "FKey" = 0""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.insverify v JOIN (SELECT "InsVerifyNum", max("DateLastVerified") d
                                 FROM raw.insverifyhist GROUP BY 1) h USING ("InsVerifyNum")
                                 WHERE v."DateLastVerified" <> h.d""") == 0


def test_enrolment_is_verified_a_few_days_before_a_visit_at_most_monthly(practice_db):
    """One to five open days before: at most 11 calendar days when Christmas and New Year's Day fall between."""
    assert count(practice_db, 'SELECT 1 FROM raw.insverifyhist WHERE "VerifyType" = 2') > 0
    assert count(practice_db, """SELECT 1 FROM raw.insverifyhist h JOIN raw.patplan pp ON pp."PatPlanNum" = h."FKey"
        WHERE h."VerifyType" = 2 AND NOT EXISTS (SELECT 1 FROM raw.appointment a WHERE a."PatNum" = pp."PatNum"
            AND a."AptDateTime" BETWEEN h."SecDateTEdit" AND h."SecDateTEdit" + interval '12 days')""") == 0
    for verify_type, days in ((2, billing.ENROLMENT_DAYS), (1, billing.BENEFIT_DAYS)):
        assert count(practice_db, f"""SELECT 1 FROM (SELECT "DateLastVerified" - lag("DateLastVerified")
            OVER (PARTITION BY "FKey" ORDER BY "DateLastVerified") gap FROM raw.insverifyhist
            WHERE "VerifyType" = {verify_type}) g WHERE gap < {days}""") == 0


BILLING_RUN = 'NOT s."IsReceipt" AND NOT s."SinglePatient"'


def test_statements_are_sent_monthly_to_guarantors_with_an_ordered_date_range(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.statement s JOIN raw.patient p USING ("PatNum")
        WHERE s."DateSent" NOT {IN_WINDOW} OR s."StatementType" <> 'NotSet' OR NOT s."IsSent"
        OR s."DateTStamp"::date <> s."DateSent" OR ({BILLING_RUN} AND (
            NOT (s."DateRangeFrom" < s."DateRangeTo" AND s."DateRangeTo" <= s."DateSent")
            OR p."Guarantor" <> p."PatNum" OR s."Mode_" NOT IN (0, 2)))""") == 0
    assert count(practice_db, f"""SELECT 1 FROM raw.statement s WHERE {BILLING_RUN}
                                  GROUP BY "PatNum", date_trunc('month', "DateSent") HAVING count(*) > 1""") == 0


# Every change to an account: the patient, their guarantor, the day and the amount. Insurance pays on the EOB
# (claimproc status 1) and later on granted appeals (supplemental payments, status 4).
LEDGER = """
    SELECT p."PatNum" pat, f."Guarantor" g, p."ProcDate" d, p."ProcFee" amount FROM raw.procedurelog p
    JOIN raw.patient f USING ("PatNum") WHERE p."ProcStatus" = 2
    UNION ALL SELECT a."PatNum", f."Guarantor", a."AdjDate", a."AdjAmt" FROM raw.adjustment a
    JOIN raw.patient f USING ("PatNum")
    UNION ALL SELECT s."PatNum", f."Guarantor", s."DatePay", -s."SplitAmt" FROM raw.paysplit s
    JOIN raw.patient f USING ("PatNum")
    UNION ALL SELECT c."PatNum", f."Guarantor", c."DateCP", -(c."InsPayAmt" + c."WriteOff") FROM raw.claimproc c
    JOIN raw.patient f USING ("PatNum") WHERE c."Status" IN (1, 4)"""


def account_totals(rows, dated):
    """SQL: per statement, the sum of the amounts of `rows` (columns pat, g, amount) on its account that `dated`
    (a condition on r and s) keeps: the patient's own for a walkout statement, the family's for the others."""
    return f"""SELECT s."StatementNum", sum(r.amount) total FROM raw.statement s JOIN ({rows}) r ON r.pat = s."PatNum"
        WHERE s."SinglePatient" AND {dated} GROUP BY 1
        UNION ALL SELECT s."StatementNum", sum(r.amount) FROM raw.statement s JOIN ({rows}) r ON r.g = s."PatNum"
        WHERE NOT s."SinglePatient" AND {dated} GROUP BY 1"""


def test_statement_balance_is_the_accounts_balance_on_the_day_it_was_sent(practice_db):
    # Some statements come after a supplemental payment on their account, so the ledger's status 4 lines count.
    supplemental = """SELECT c."PatNum" pat, f."Guarantor" g, c."DateCP" d, c."InsPayAmt" amount FROM raw.claimproc c
        JOIN raw.patient f USING ("PatNum") WHERE c."Status" = 4"""
    assert count(practice_db, account_totals(supplemental, 'r.d <= s."DateSent"')) > 0
    assert count(practice_db, f"""SELECT 1 FROM raw.statement s
        LEFT JOIN ({account_totals(LEDGER, 'r.d <= s."DateSent"')}) l USING ("StatementNum")
        WHERE abs(coalesce(l.total, 0) - s."BalTotal") > 0.005
        OR ({BILLING_RUN} AND s."BalTotal" - s."InsEst" < {billing.MIN_STATEMENT_CENTS / 100})""") == 0


def test_statement_insurance_estimate_is_what_open_claims_expected_that_day(practice_db):
    estimates = """SELECT c."PatNum" pat, f."Guarantor" g, n."InsPayEst" + n."Writeoff" amount,
        n."DateTEntry"::date entered, c."Status" status, c."DateCP" paid FROM raw.claimsnapshot n
        JOIN raw.claimproc c USING ("ClaimProcNum") JOIN raw.patient f ON f."PatNum" = c."PatNum" """
    open_that_day = 'r.entered <= s."DateSent" AND (r.status = 0 OR r.paid > s."DateSent")'
    assert count(practice_db, f"""SELECT 1 FROM raw.statement s
        LEFT JOIN ({account_totals(estimates, open_that_day)}) e USING ("StatementNum")
        WHERE abs(coalesce(e.total, 0) - s."InsEst") > 0.005""") == 0


def test_billing_statements_show_the_slip_and_intermingle_the_family_and_send_no_text(practice_db):
    assert count(practice_db, f"SELECT 1 FROM raw.statement s WHERE {BILLING_RUN}") > 0
    assert count(practice_db, f"""SELECT 1 FROM raw.statement s WHERE {BILLING_RUN}
        AND (s."HidePayment" OR NOT s."Intermingled" OR s."SmsSendStatus" <> {AutoCommStatus.DO_NOT_SEND})""") == 0


def test_receipts_are_printed_at_the_desk_the_day_the_family_paid(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.statement WHERE "IsReceipt"') > 0
    assert count(practice_db, """SELECT 1 FROM raw.statement s JOIN raw.patient g USING ("PatNum")
        WHERE s."IsReceipt" AND (g."Guarantor" <> g."PatNum" OR s."Mode_" <> 1 OR NOT s."HidePayment"
        OR s."SinglePatient" OR s."SmsSendStatus" <> 0 OR s."DateRangeFrom" <> s."DateSent"
        OR s."DateRangeTo" <> s."DateSent" OR NOT EXISTS (SELECT 1 FROM raw.paysplit p JOIN raw.patient m
            USING ("PatNum") WHERE m."Guarantor" = s."PatNum" AND p."DatePay" = s."DateSent" AND p."SplitAmt" > 0))
        """) == 0


def test_walkout_statements_follow_a_completed_visit_of_the_patient(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.statement WHERE "SinglePatient"') > 0
    assert count(practice_db, """SELECT 1 FROM raw.statement s WHERE s."SinglePatient" AND (s."IsReceipt"
        OR s."Mode_" <> 1 OR NOT s."HidePayment" OR s."Intermingled" OR s."DateRangeFrom" <> s."DateSent"
        OR NOT EXISTS (SELECT 1 FROM raw.appointment a WHERE a."PatNum" = s."PatNum" AND a."AptStatus" = 2
            AND a."AptDateTime"::date = s."DateSent" AND a."DateTimeDismissed" < s."DateTStamp"))""") == 0


def test_every_statement_is_archived_as_a_pdf_in_the_statements_image_category(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.statement s LEFT JOIN raw.document d USING ("DocNum")
        LEFT JOIN raw.definition c ON c."DefNum" = d."DocCategory"
        WHERE d."DocNum" IS NULL OR d."PatNum" <> s."PatNum" OR d."DateCreated" <> s."DateTStamp"
        OR c."ItemName" <> 'Statements' OR d."FileName" NOT LIKE '%.pdf'""") == 0
    assert count(practice_db, 'SELECT 1 FROM raw.statement GROUP BY "DocNum" HAVING count(*) > 1') == 0
    assert count(practice_db, """SELECT 1 FROM raw.statementprod p JOIN raw.statement s USING ("StatementNum")
                                 WHERE p."DocNum" <> s."DocNum" OR p."LateChargeAdjNum" <> 0""") == 0


def test_emailed_statements_and_only_they_link_to_the_statement_online(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.statement WHERE "Mode_" = 2') > 0
    assert count(practice_db, """SELECT 1 FROM raw.statement WHERE ("Mode_" = 2) <> ("ShortGUID" <> '')
        OR ("Mode_" = 2 AND ("StatementURL" NOT LIKE '%' || "ShortGUID"
            OR "StatementShortURL" NOT LIKE '%' || "ShortGUID"
            OR "EmailBody" NOT LIKE '%' || "StatementShortURL" || '%' OR length("StatementShortURL") > 50))
        OR ("Mode_" <> 2 AND ("StatementURL" <> '' OR "StatementShortURL" <> '' OR "EmailBody" <> ''))""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.statement WHERE "ShortGUID" <> '' GROUP BY "ShortGUID"
                                 HAVING count(*) > 1""") == 0


def test_statementprod_lists_the_familys_production_in_the_statement_range(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.statementprod WHERE "ProdType" = 0') > 0
    assert count(practice_db, """SELECT 1 FROM raw.statementprod sp JOIN raw.statement s USING ("StatementNum")
        WHERE sp."ProdType" NOT IN (0, 1) OR s."DateSent" < '2020-01-01'
        OR (sp."ProdType" = 0 AND NOT EXISTS (SELECT 1 FROM raw.procedurelog p JOIN raw.patient f USING ("PatNum")
            WHERE p."ProcNum" = sp."FKey" AND f."Guarantor" = s."PatNum" AND p."ProcStatus" = 2
            AND p."ProcDate" BETWEEN s."DateRangeFrom" AND s."DateRangeTo"))
        OR (sp."ProdType" = 1 AND NOT EXISTS (SELECT 1 FROM raw.adjustment a JOIN raw.patient f USING ("PatNum")
            WHERE a."AdjNum" = sp."FKey" AND f."Guarantor" = s."PatNum" AND a."AdjAmt" > 0
            AND a."AdjDate" BETWEEN s."DateRangeFrom" AND s."DateRangeTo"))""") == 0


def test_claim_snapshot_copies_its_claim_line_when_the_claim_was_created(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.claimsnapshot n JOIN raw.claimproc c USING ("ClaimProcNum")
        JOIN raw.claim k ON k."ClaimNum" = c."ClaimNum"
        WHERE c."ProcNum" <> n."ProcNum" OR abs(c."FeeBilled" - n."Fee") > 0.005
        OR abs(c."InsPayEst" - n."InsPayEst") > 0.005 OR n."Writeoff" < 0 OR n."ClaimType" <> k."ClaimType"
        OR n."DateTEntry" NOT {IN_WINDOW} OR n."DateTEntry"::date < k."DateService" """) == 0
    # Every claim line has its snapshot; supplemental payments (status 4) come later and have none.
    assert count(practice_db, 'SELECT 1 FROM raw.claimproc WHERE "ClaimNum" <> 0 AND "Status" <> 4') == count(
        practice_db, "SELECT 1 FROM raw.claimsnapshot")


def test_claim_tracking_follows_unpaid_and_denied_claims(practice_db):
    # A call 30 days after sending while unpaid (Resubmitted when the claim was lost and resent that day), the
    # denial on the EOB's day, then an appeal or a corrected claim resubmitted. DateResent is the last resending.
    assert count(practice_db, f"""SELECT 1 FROM raw.claimtracking t JOIN raw.claim k USING ("ClaimNum")
        JOIN raw.definition d ON d."DefNum" = t."TrackingDefNum"
        WHERE t."DateTimeEntry" NOT {IN_WINDOW} OR t."TrackingType" <> 'StatusHistory' OR t."UserNum" <= 0
        OR k."DateSent" = '0001-01-01' OR t."DateTimeEntry"::date < k."DateSent"
        OR (d."ItemName" = 'Called carrier' AND (t."DateTimeEntry"::date < k."DateSent" + 30
            OR (k."ClaimStatus" = 'R' AND t."DateTimeEntry"::date >= k."DateReceived")))
        OR (d."ItemName" = 'Resubmitted' AND t."DateTimeEntry"::date > k."DateResent")
        OR (d."ItemName" = 'Appealed' AND t."DateTimeEntry"::date <= k."DateReceived")
        OR (d."ItemName" = 'Denied' AND (t."DateTimeEntry"::date <> k."DateReceived" OR NOT EXISTS (
            SELECT 1 FROM raw.claimproc c WHERE c."ClaimNum" = k."ClaimNum" AND c."Status" = 1
            AND c."InsPayAmt" = 0 AND c."Remarks" LIKE 'Denied%')))""") == 0
    # Every resent claim has its Resubmitted row.
    assert count(practice_db, """SELECT 1 FROM raw.claim k WHERE k."DateResent" <> '0001-01-01' AND NOT EXISTS (
        SELECT 1 FROM raw.claimtracking t JOIN raw.definition d ON d."DefNum" = t."TrackingDefNum"
        WHERE t."ClaimNum" = k."ClaimNum" AND d."ItemName" = 'Resubmitted'
        AND t."DateTimeEntry"::date = k."DateResent")""") == 0


def test_claim_custom_tracking_is_its_last_tracking_row(practice_db, patients_per_office):
    assert count(practice_db, 'SELECT 1 FROM raw.claim WHERE "CustomTracking" <> 0') > 0
    assert count(practice_db, """SELECT 1 FROM raw.claim k LEFT JOIN LATERAL (
        SELECT t."TrackingDefNum" FROM raw.claimtracking t WHERE t."ClaimNum" = k."ClaimNum"
        ORDER BY t."DateTimeEntry" DESC, t."ClaimTrackingNum" DESC LIMIT 1) t ON true
        WHERE coalesce(t."TrackingDefNum", 0) <> k."CustomTracking" """) == 0
    # Rows are numbered in time order within an office (office k of n takes every n-th key: core/ids.py).
    assert count(practice_db, f"""SELECT 1 FROM (SELECT "DateTimeEntry", lag("DateTimeEntry") OVER (
        PARTITION BY mod("ClaimTrackingNum" - 1, {offices(patients_per_office)}) ORDER BY "ClaimTrackingNum")
        previous FROM raw.claimtracking) t WHERE "DateTimeEntry" < previous""") == 0


def test_blue_book_records_what_out_of_network_plans_paid_on_the_check_date(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.insbluebook b JOIN raw.insplan p USING ("PlanNum")
        JOIN raw.procedurelog pr USING ("ProcNum")
        LEFT JOIN raw.claimproc c ON c."ProcNum" = b."ProcNum" AND c."ClaimNum" = b."ClaimNum" AND c."Status" = 1
        WHERE c."ClaimProcNum" IS NULL OR abs(c."InsPayAmt" - b."InsPayAmt") > 0.005 OR b."InsPayAmt" < 0
        OR b."DateTEntry"::date <> c."DateCP" OR b."DateTEntry" NOT {IN_WINDOW} OR p."PlanType" <> ''
        OR p."CarrierNum" <> b."CarrierNum" OR pr."CodeNum" <> b."ProcCodeNum" OR b."ProcDate" <> pr."ProcDate"
        OR NOT (b."AllowedOverride" = -1 OR b."AllowedOverride" >= 0)""") == 0
    assert count(practice_db, f"""SELECT 1 FROM raw.insbluebooklog l JOIN raw.claimproc c USING ("ClaimProcNum")
        JOIN raw.insplan p USING ("PlanNum") WHERE c."ClaimNum" = 0 OR p."PlanType" <> '' OR l."AllowedFee" < 0
        OR l."Description" = '' OR l."DateTEntry" NOT {IN_WINDOW} OR l."DateTEntry"::date < c."ProcDate" """) == 0


def test_eob_is_scanned_when_the_check_is_posted(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.eobattach e JOIN raw.claimpayment c USING ("ClaimPaymentNum")
        WHERE e."DateTCreated"::date <> c."CheckDate" OR e."FileName" = '' """) == 0
    assert count(practice_db, 'SELECT 1 FROM raw.eobattach GROUP BY "FileName" HAVING count(*) > 1') == 0


def test_code_groups_list_real_codes_and_reference_rows_are_valid(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.codegroup g, unnest(string_to_array(g."ProcCodes", ',')) code
        WHERE NOT EXISTS (SELECT 1 FROM raw.procedurecode p WHERE p."ProcCode" = code)""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.codegroup WHERE "GroupName" = '' OR "CodeGroupFixed" NOT IN (0, 1)
                                 OR "ItemOrder" < 0""") == 0
    assert count(practice_db, 'SELECT 1 FROM raw.claimform WHERE "Width" <= 0 OR "Height" <= 0') == 0
    # Printer alignment: a few hundredths of an inch on the form the office prints, never on a hidden one.
    assert count(practice_db, 'SELECT 1 FROM raw.claimform WHERE "OffsetX" <> 0 OR "OffsetY" <> 0') > 0
    assert count(practice_db, """SELECT 1 FROM raw.claimform WHERE ("OffsetX" <> 0 OR "OffsetY" <> 0)
                                 AND ("IsHidden" OR abs("OffsetX") > 50 OR abs("OffsetY") > 50)""") == 0
    hidden = [name for (name,) in query(*practice_db, 'SELECT "GroupName" FROM raw.codegroup WHERE "IsHidden"')]
    assert 0 < len(hidden) < count(practice_db, "SELECT 1 FROM raw.codegroup") / 2
    assert count(practice_db, """SELECT 1 FROM raw.autocode WHERE "Description" = ''""") == 0
