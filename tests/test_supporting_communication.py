"""Phase 6, communication: referral sources and attachments, the communication log and chart documents tell the
same story as the appointments, recalls, claims and balances."""
from datetime import date

from conftest import OPENED, SMALL_END, query
from core.config import GeneratorConfig
from generators.supporting import referrals

PATIENTS = 400
NOT_A_STATEMENT = """"DocCategory" NOT IN (SELECT "DefNum" FROM raw.definition WHERE "ItemName" = 'Statements')"""
END_OF_TODAY = f"(DATE '{SMALL_END}' + interval '1 day')"
COMM_TYPES = {0, 224, 225, 226, 228, 425, 427, 428, 429, 432, 509, 510, 571, 603, 614, 615, 636}
# ContactMethod -> Mode_ of a message the staff sends by hand (1 email, 2 mail, 3 phone, 5 text)
CONTACT_MODE_SQL = """CASE p."PreferContactMethod" WHEN 1 THEN 1 WHEN 5 THEN 1 WHEN 7 THEN 2 WHEN 8 THEN 5 ELSE 3 END"""


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


def count(practice_db, sql):
    return rows(practice_db, f"SELECT count(*) FROM ({sql}) v")[0][0]


def scaled(name):
    return GeneratorConfig(patients=PATIENTS, end_date=date.fromisoformat(SMALL_END)).volume(name)


def test_communication_tables_have_their_volumes(practice_db):
    assert count(practice_db, "SELECT 1 FROM raw.commlog") == scaled("commlogs")
    assert count(practice_db, f"SELECT 1 FROM raw.document WHERE {NOT_A_STATEMENT}") == scaled("documents")
    assert count(practice_db, "SELECT 1 FROM raw.refattach") == scaled("referral_attachments")
    kinds = dict(rows(practice_db, """SELECT CASE WHEN "IsDoctor" THEN 'doctor' WHEN "NotPerson" THEN 'channel'
                                      ELSE 'patient' END, count(*) FROM raw.referral WHERE NOT "IsHidden"
                                      GROUP BY 1"""))
    assert kinds["doctor"] >= 6 and kinds["channel"] == 6 and kinds["patient"] >= 2


def test_commlog_enums_stay_in_the_tested_sets(practice_db):
    used = rows(practice_db, """SELECT array_agg(DISTINCT "CommType"), array_agg(DISTINCT "Mode_"),
                                array_agg(DISTINCT "SentOrReceived"), array_agg(DISTINCT "CommSource")
                                FROM raw.commlog""")[0]
    comm_types, modes, directions, sources = map(set, used)
    assert comm_types <= COMM_TYPES and {224, 225, 226, 228, 425, 603, 614, 615, 636} <= comm_types
    assert modes <= {0, 1, 2, 3, 4, 5, 6, 8}
    assert directions == {1, 2}
    assert sources <= {0, 1, 2, 3, 4, 6, 9}


def test_commlog_times_are_in_the_window_and_entered_after_the_event(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.commlog WHERE "CommDateTime" < DATE '{OPENED}'
                                  OR "CommDateTime" >= {END_OF_TODAY} OR "DateTEntry" < "CommDateTime"
                                  OR "DateTEntry" >= {END_OF_TODAY} OR "DateTStamp" <> "DateTEntry"
                                  OR ("DateTimeEnd" > DATE '1900-01-01' AND "DateTimeEnd" <= "CommDateTime")""") == 0
    calls = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE "DateTimeEnd" > "CommDateTime")
                                 FROM raw.commlog WHERE "Mode_" = 3 AND "CommSource" = 0""")[0]
    assert calls[0] > 0 and calls[0] == calls[1]


def test_reminders_and_confirmations_come_before_the_appointment_they_quote(practice_db):
    # the front desk calls on its last open day before the visit: a Tuesday after a Monday holiday on the Friday
    about_a_visit = """c."CommType" = 224 AND (c."CommSource" IN (3, 4) OR c."Note" LIKE '%confirm%')"""
    assert count(practice_db, f"SELECT 1 FROM raw.commlog c WHERE {about_a_visit}") > 0
    assert count(practice_db, f"""SELECT 1 FROM raw.commlog c WHERE {about_a_visit} AND NOT EXISTS (
                                  SELECT 1 FROM raw.appointment a WHERE a."PatNum" = c."PatNum"
                                  AND a."AptDateTime" > c."CommDateTime"
                                  AND a."AptDateTime" < c."CommDateTime" + interval '5 days'
                                  AND c."Note" LIKE '%' || to_char(a."AptDateTime", 'FMMM/FMDD FMHH12:MI AM'))""") == 0


def test_balance_reminders_go_only_to_guarantors_who_owe(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.commlog WHERE "CommType" IN (226, 429)""") > 0
    assert count(practice_db, """SELECT 1 FROM raw.commlog c JOIN raw.patient p USING ("PatNum")
                                 WHERE c."CommType" IN (226, 429) AND c."Mode_" <> 0
                                 AND (p."Guarantor" <> p."PatNum" OR p."BalTotal" <= 0)""") == 0


def test_recall_notices_are_about_overdue_recalls_with_nothing_booked(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.commlog WHERE "CommType" = 425') > 0
    assert count(practice_db, """SELECT 1 FROM raw.commlog c WHERE c."CommType" = 425 AND NOT EXISTS (
                                 SELECT 1 FROM raw.recall r WHERE r."PatNum" = c."PatNum"
                                 AND r."DateDue" < c."CommDateTime" AND r."DateScheduled" = DATE '0001-01-01')""") == 0


def test_insurance_calls_are_about_claims_of_the_patient(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.commlog c WHERE c."CommType" IN (225, 571) AND NOT EXISTS (
                                 SELECT 1 FROM raw.claim cl WHERE cl."PatNum" = c."PatNum"
                                 AND cl."DateSent" > DATE '1900-01-01' AND cl."DateSent" < c."CommDateTime"
                                 AND c."Note" LIKE '%' || to_char(cl."DateService", 'MM/DD/YYYY') || '%')""") == 0


def test_manual_messages_follow_the_preferred_contact_method(practice_db):
    manual = """FROM raw.commlog c JOIN raw.patient p USING ("PatNum")
                WHERE c."CommType" IN (226, 228, 429) AND c."ReferralNum" = 0 AND c."CommSource" = 0
                AND c."Mode_" <> 0"""  # a message, not the billing office's note on the account
    assert count(practice_db, f"SELECT 1 {manual}") > 0
    assert count(practice_db, f"""SELECT 1 {manual} AND c."Mode_" <> {CONTACT_MODE_SQL}""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.commlog c JOIN raw.patient p USING ("PatNum")
                                 WHERE c."CommSource" = 3 AND c."Mode_" <> CASE WHEN p."PreferConfirmMethod"
                                 IN (4, 8) THEN 5 ELSE 1 END""") == 0


def test_automated_messages_have_no_user_and_manual_ones_a_staff_member(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.commlog WHERE ("CommSource" IN (1, 2, 3, 4, 6) AND "UserNum" <> 0)
                                 OR ("CommSource" = 0 AND "UserNum" = 0)""") == 0
    podium = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE "CommSource" = 2 AND "Mode_" = 5)
                                  FROM raw.commlog WHERE "ProgramNum" = 95""")[0]
    assert podium[0] > 0 and podium[0] == podium[1]
    assert count(practice_db, 'SELECT 1 FROM raw.commlog WHERE "ProgramNum" NOT IN (0, 95)') == 0


def test_referral_commlogs_name_the_referral_of_the_attachment(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.commlog c WHERE c."CommType" IN (614, 615) AND NOT EXISTS (
                                 SELECT 1 FROM raw.refattach r WHERE r."PatNum" = c."PatNum"
                                 AND r."ReferralNum" = c."ReferralNum")""") == 0


def test_about_forty_percent_of_patients_have_a_referral_attachment_in_the_window(practice_db):
    share = rows(practice_db, """SELECT count(DISTINCT "PatNum")::float / (SELECT count(*) FROM raw.patient)
                                 FROM raw.refattach""")[0][0]
    assert 0.30 <= share <= 0.50
    assert count(practice_db, f"""SELECT 1 FROM raw.refattach WHERE "RefDate" < DATE '{OPENED}'
                                  OR "RefDate" > DATE '{SMALL_END}' OR "DateTStamp"::date < "RefDate"
                                  OR "DateTStamp" >= {END_OF_TODAY}""") == 0


def test_new_patients_were_referred_from_their_source_at_the_first_visit(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.refattach r JOIN raw.patient p USING ("PatNum")
                                 WHERE r."RefType" AND p."DateFirstVisit" >= DATE '2023-01-01'
                                 AND r."RefDate" <> p."DateFirstVisit" """) == 0
    assert count(practice_db, """SELECT 1 FROM raw.refattach r JOIN raw.referral f USING ("ReferralNum")
                                 WHERE r."RefType" AND (r."RefToStatus" <> 0 OR r."ProcNum" <> 0)""") == 0


def test_referrals_out_go_to_specialists_and_progress_consistently(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.refattach WHERE NOT "RefType"') > 0
    assert count(practice_db, f"""SELECT 1 FROM raw.refattach r JOIN raw.referral f USING ("ReferralNum")
                                  WHERE NOT r."RefType" AND (NOT f."IsDoctor" OR f."IsHidden"
                                  OR r."RefToStatus" NOT BETWEEN 0 AND 5
                                  OR (r."RefToStatus" = 5) <> (r."DateProcComplete" > DATE '1900-01-01')
                                  OR (r."RefToStatus" = 5 AND (r."DateProcComplete" <= r."RefDate"
                                                               OR r."DateProcComplete" > DATE '{SMALL_END}')))""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.refattach r JOIN raw.procedurelog p USING ("ProcNum")
                                 WHERE r."ProcNum" <> 0 AND (p."PatNum" <> r."PatNum" OR p."ProcStatus" <> 1
                                 OR p."DateTP" <> r."RefDate")""") == 0


def test_referral_sources_are_recent_and_patient_referrers_carry_the_patients_name(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.referral WHERE "DateTStamp" < DATE '{OPENED}'
                                 OR ("IsDoctor" AND ("Specialty" = 0 OR "Title" <> 'DDS' OR "NationalProvID" = ''))
                                 OR ("NotPerson" AND ("IsDoctor" OR "PatNum" <> 0))""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.referral r JOIN raw.patient p USING ("PatNum")
                                 WHERE r."PatNum" <> 0 AND (r."LName" <> p."LName" OR r."FName" <> p."FName")""") == 0
    assert count(practice_db, 'SELECT 1 FROM raw.referral WHERE "IsPreferred"') >= 6


def test_images_and_forms_are_filed_on_visit_days(practice_db):
    at_a_visit = """d."ImgType" IN (1, 2) OR c."ItemName" IN ('Patient Forms', 'Insurance Cards')"""
    assert count(practice_db, f"""SELECT 1 FROM raw.document d JOIN raw.definition c ON c."DefNum" = d."DocCategory"
                                  WHERE ({at_a_visit}) AND NOT EXISTS (SELECT 1 FROM raw.appointment a
                                  WHERE a."PatNum" = d."PatNum" AND a."AptStatus" = 2
                                  AND a."AptDateTime"::date = d."DateCreated"::date)""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.document d WHERE d."ImgType" = 1 AND NOT EXISTS (
                                 SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
                                 WHERE p."PatNum" = d."PatNum" AND p."ProcStatus" = 2
                                 AND p."ProcDate" = d."DateCreated"::date
                                 AND c."ProcCode" IN ('D0210', 'D0220', 'D0230', 'D0272', 'D0274', 'D0330'))""") == 0


def test_documents_have_unique_file_names_per_patient_and_day_and_matching_categories(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.document GROUP BY "PatNum", "DateCreated"::date, "FileName"
                                 HAVING count(*) > 1""") == 0
    categories = dict(rows(practice_db, """SELECT d."ImgType", array_agg(DISTINCT c."ItemName") FROM raw.document d
                                           JOIN raw.definition c ON c."DefNum" = d."DocCategory" GROUP BY 1"""))
    assert categories[1] == ["Xrays"] and categories[2] == ["Photos"]
    assert count(practice_db, f"""SELECT 1 FROM raw.document WHERE "DateCreated" < DATE '{OPENED}'
                                  OR "DateCreated" >= {END_OF_TODAY} OR "DateTStamp" < "DateCreated"
                                  OR "DateTStamp" >= {END_OF_TODAY} OR "RawBase64" <> '' OR "Thumbnail" <> ''
                                  OR ("FileName" LIKE 'PA\\_%' AND "ToothNumbers" = '')""") == 0


def test_every_treatment_plan_pdf_is_a_signed_plans(practice_db):
    """The Treatment Plans PDFs are exactly the signed plans' (records.py reserves their DocNums), one per plan."""
    assert count(practice_db, """SELECT 1 FROM (SELECT d.* FROM raw.document d JOIN raw.definition c
            ON c."DefNum" = d."DocCategory" WHERE c."ItemName" = 'Treatment Plans') d
        FULL JOIN (SELECT "DocNum", "TreatPlanNum" FROM raw.treatplan WHERE "DocNum" <> 0) t USING ("DocNum")
        WHERE d."DocNum" IS NULL OR t."TreatPlanNum" IS NULL
           OR d."Description" NOT LIKE 'Signed treatment plan $%'""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.treatplan WHERE "DocNum" <> 0 GROUP BY "DocNum"
                                 HAVING count(*) > 1""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.treatplan WHERE "DocNum" <> 0""") > 0


def test_retired_referral_sources_are_hidden_and_never_attached(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.referral WHERE "IsHidden" AND "NotPerson"') == len(
        referrals.RETIRED_CHANNELS)
    assert count(practice_db, """SELECT 1 FROM raw.refattach r JOIN raw.referral f USING ("ReferralNum")
                                 WHERE f."IsHidden" AND f."NotPerson" """) == 0


def test_direct_messaging_is_with_trusted_specialists_only(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.referral WHERE "IsTrustedDirect"') > 0
    assert count(practice_db, """SELECT 1 FROM raw.referral WHERE "IsTrustedDirect"
                                 AND (NOT "IsDoctor" OR "EMail" NOT LIKE '%@direct.%')""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.refattach r JOIN raw.referral f USING ("ReferralNum")
                                 WHERE r."IsTransitionOfCare" AND (r."RefType" OR NOT f."IsTrustedDirect")""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.referral WHERE "Note" <> '' AND NOT "IsDoctor" """) == 0


def test_signed_commlogs_are_accepted_financial_arrangements_signed_on_the_pad(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.commlog WHERE "SigIsTopaz"') > 0
    assert count(practice_db, """SELECT 1 FROM raw.commlog WHERE ("Signature" <> '') <> "SigIsTopaz"
                                 OR ("SigIsTopaz" AND ("CommType" <> 636 OR "Mode_" <> 4
                                     OR "Note" NOT LIKE '%signed financial arrangement%'
                                     OR "Signature" !~ '^[0-9A-F]+$'))""") == 0


def test_image_edits_fit_the_kind_of_image(practice_db):
    edited = rows(practice_db, """SELECT count(*) FILTER (WHERE "CropW" > 0), count(*) FILTER (WHERE "IsFlipped"),
                                  count(*) FILTER (WHERE "DegreesRotated" <> 0),
                                  count(*) FILTER (WHERE "WindowingMax" > 0) FROM raw.document""")[0]
    assert min(edited) > 0
    assert count(practice_db, """SELECT 1 FROM raw.document WHERE "DegreesRotated" NOT IN (0, 90, 180, 270)
        OR (("CropW" > 0 OR "IsFlipped" OR "DegreesRotated" <> 0) AND "ImgType" <> 2)
        OR ("CropW" > 0 AND ("CropX" + "CropW" > 1280 OR "CropY" + "CropH" > 1024 OR "CropH" <= 0))
        OR ("CropW" = 0 AND ("CropX" <> 0 OR "CropY" <> 0 OR "CropH" <> 0))
        OR ("WindowingMax" > 0 AND ("ImgType" <> 1 OR "WindowingMin" >= "WindowingMax" OR "WindowingMax" > 255))
        OR ("WindowingMax" = 0 AND "WindowingMin" <> 0)
        OR "MountItemNum" <> 0 OR "IsCropOld" OR "ExternalGUID" <> '' OR "OcrResponseData" <> ''""") == 0


def test_radiographs_printed_with_heading_went_to_the_specialist_referred_that_day(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.document WHERE "PrintHeading"') > 0
    assert count(practice_db, """SELECT 1 FROM raw.document d WHERE d."PrintHeading" AND (d."ImgType" <> 1
        OR NOT EXISTS (SELECT 1 FROM raw.refattach r JOIN raw.referral f USING ("ReferralNum")
            WHERE r."PatNum" = d."PatNum" AND NOT r."RefType" AND r."RefDate" = d."DateCreated"::date
            AND d."Note" LIKE '%Dr. ' || f."LName"))""") == 0


def test_signed_documents_sign_their_note(practice_db):
    signed = dict(rows(practice_db, """SELECT "SigIsTopaz", count(*) FROM raw.document WHERE "Signature" <> ''
                                       GROUP BY 1"""))
    assert signed.get(True, 0) > 0 and signed.get(False, 0) > 0
    assert count(practice_db, """SELECT 1 FROM raw.document WHERE ("Signature" <> '' AND ("Note" = ''
        OR ("Description" NOT IN ('New patient registration and HIPAA', 'Medical history update')
            AND "Description" NOT LIKE 'Consult report from %')))
        OR ("SigIsTopaz" AND ("Signature" = '' OR "Description" <> 'New patient registration and HIPAA'))""") == 0
