"""Phase 6, records: treatment plans, multi-visit groups, group notes, procedure notes, the tooth chart and
perio charting tell the same story as the procedures and visits they belong to."""
import pytest

from conftest import SMALL_END, one, query
from opendental.codes import ProcStatus

TODAY = f"DATE '{SMALL_END}'"
TESTED_TEETH = {str(n) for n in range(1, 33)} | set("ABCDEFGHIJKLMNOPQRST") | {
    "51", "57", "58", "66", "67", "70", "71", "77", "78", "79"}
EXAMS = "('D0120', 'D0140', 'D0150', 'D0180')"
PLAN_PROCEDURES = """raw.treatplanattach a JOIN raw.treatplan t USING ("TreatPlanNum")
                     JOIN raw.procedurelog p USING ("ProcNum")"""
NOTED = """raw.procnote n JOIN raw.procedurelog p USING ("ProcNum") JOIN raw.procedurecode c USING ("CodeNum")"""
FIRST_VISIT = """(SELECT "PatNum", min("AptDateTime") AS first FROM raw.appointment WHERE "AptStatus" = 2
                  GROUP BY 1)"""


@pytest.mark.parametrize("table", ["treatplan", "proctp", "treatplanattach", "treatplanparam", "procmultivisit",
                                   "procgroupitem", "procnote", "toothinitial", "perioexam", "periomeasure"])
def test_tables_have_rows(practice_db, table):
    assert one(practice_db, f"SELECT count(*) > 0 FROM raw.{table}") == (True,)


def test_treatplans_are_saved_plans_with_the_tested_values(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.treatplan WHERE "TPStatus" <> 0 OR "TPType"
        OR "DateTP" < '2020-01-01' OR "DateTP" > {TODAY} OR "SecDateEntry" <> "DateTP"
        OR "SecDateTEdit" < "DateTP" OR "SecDateTEdit" >= {TODAY} + 1 OR "SecUserNumEntry" = 0
        OR "UserNumPresenter" = 0 OR "Heading" = '' OR "Note" = ''""")
    assert bad == (0,)


def test_a_plan_is_saved_on_the_day_of_an_exam_of_its_patient(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.treatplan t WHERE NOT EXISTS (
        SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum") WHERE p."PatNum" = t."PatNum"
        AND p."ProcDate" = t."DateTP" AND p."ProcStatus" = 2 AND c."ProcCode" IN {EXAMS})""")
    assert bad == (0,)


def test_every_treatplanattach_procedure_is_of_the_plans_patient_and_planned_that_day(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM {PLAN_PROCEDURES} WHERE p."PatNum" <> t."PatNum"
        OR p."DateTP" <> t."DateTP" OR p."ProcStatus" NOT IN (1, 2)""")
    assert bad == (0,)


def test_plan_date_is_on_or_before_the_procedures_date(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM {PLAN_PROCEDURES}
        WHERE t."DateTP" < '2020-01-01' OR t."DateTP" > p."ProcDate" """)
    assert bad == (0,)


def test_a_procedure_is_on_one_plan_with_one_snapshot(practice_db):
    twice, unmatched = one(practice_db, """SELECT
        (SELECT count(*) FROM (SELECT "ProcNum" FROM raw.treatplanattach GROUP BY 1 HAVING count(*) > 1) x),
        (SELECT count(*) FROM raw.treatplanattach a FULL JOIN raw.proctp s
             ON s."ProcNumOrig" = a."ProcNum" AND s."TreatPlanNum" = a."TreatPlanNum"
         WHERE a."TreatPlanAttachNum" IS NULL OR s."ProcTPNum" IS NULL)""")
    assert (twice, unmatched) == (0, 0)


def test_the_snapshot_copies_the_procedure_and_its_plan(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.proctp s JOIN raw.treatplan t USING ("TreatPlanNum")
        JOIN raw.procedurelog p ON p."ProcNum" = s."ProcNumOrig" JOIN raw.procedurecode c USING ("CodeNum")
        WHERE s."PatNum" <> t."PatNum" OR s."DateTP" <> t."DateTP" OR s."FeeAmt" <> p."ProcFee"
           OR s."ProcCode" <> c."ProcCode" OR s."ToothNumTP" <> p."ToothNum" OR s."Surf" <> p."Surf"
           OR s."ProvNum" <> p."ProvNum" OR s."SecUserNumEntry" <> t."SecUserNumEntry"
           OR s."SecDateEntry" <> t."SecDateEntry" OR s."SecDateTEdit" < s."SecDateEntry"
           OR s."Discount" <> p."Discount" """)
    assert bad == (0,)


def test_the_snapshot_copies_priority_diagnosis_and_prognosis(practice_db):
    """OpenDental copies the procedure's priority, its diagnosis's abbreviation (ItemValue) and its prognosis's
    name."""
    bad = one(practice_db, """SELECT count(*) FROM raw.proctp s JOIN raw.procedurelog p ON p."ProcNum" = s."ProcNumOrig"
        JOIN raw.treatplanattach a ON a."ProcNum" = p."ProcNum" LEFT JOIN raw.definition dx ON dx."DefNum" = p."Dx"
        LEFT JOIN raw.definition g ON g."DefNum" = p."Prognosis"
        WHERE s."Priority" <> p."Priority" OR a."Priority" <> p."Priority" OR s."Dx" <> coalesce(dx."ItemValue", '')
           OR s."Prognosis" <> coalesce(g."ItemName", '')""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "Dx" <> '') > 0,
        count(*) FILTER (WHERE "Prognosis" <> '') > 0 FROM raw.proctp""") == (True, True)


def test_patient_portion_is_the_fee_less_the_insurance_estimates(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.proctp WHERE "PriInsAmt" < 0 OR "SecInsAmt" < 0
        OR "Discount" < 0 OR "TaxAmt" <> 0 OR ("FeeAllowed" <> -1 AND "FeeAllowed" < 0)
        OR abs("PatAmt" - greatest("FeeAmt" - "PriInsAmt" - "SecInsAmt" - "Discount", 0)) > 0.005""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "PriInsAmt" > 0) > 0,
        count(*) FILTER (WHERE "Discount" > 0) > 0 FROM raw.proctp""") == (True, True)


def test_insurance_estimate_of_billed_work_is_the_claims_estimate(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.proctp s JOIN raw.claimproc cp ON cp."ProcNum" = s."ProcNumOrig"
        JOIN raw.claim c USING ("ClaimNum") WHERE c."ClaimType" = 'P' AND cp."Status" IN (0, 1)
        AND abs(s."PriInsAmt" - cp."InsPayEst") > 0.005""")
    assert bad == (0,)


def test_only_accepted_plans_are_signed_on_the_day(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.treatplan t WHERE
        ("Signature" <> '') <> ("DateTSigned" > '0001-01-01')
        OR ("SignaturePractice" <> '') <> ("DateTPracticeSigned" > '0001-01-01')
        OR ("SignaturePractice" <> '' AND "Signature" = '')
        OR ("Signature" <> '' AND ("DateTSigned"::date <> "DateTP" OR "SecDateTEdit" < "DateTSigned"
            OR NOT EXISTS (SELECT 1 FROM raw.treatplanattach a JOIN raw.procedurelog p USING ("ProcNum")
                           WHERE a."TreatPlanNum" = t."TreatPlanNum" AND p."ProcStatus" = 2)))""")
    assert bad == (0,)


def test_the_signer_types_their_name_a_guarantor_for_a_minor(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.treatplan t JOIN raw.patient p USING ("PatNum")
        JOIN raw.patient g ON g."PatNum" = t."ResponsParty"
        WHERE ("Signature" <> '') <> ("SignatureText" <> '')
           OR ("Signature" <> '' AND "SignatureText" <> CASE
                   WHEN age(t."DateTP", p."Birthdate") < interval '18 years' THEN g."FName" || ' ' || g."LName"
                   ELSE p."FName" || ' ' || p."LName" END)""")
    minors = one(practice_db, """SELECT count(*) > 0 FROM raw.treatplan t JOIN raw.patient p USING ("PatNum")
        WHERE "SignatureText" <> '' AND t."ResponsParty" <> t."PatNum"
          AND age(t."DateTP", p."Birthdate") < interval '18 years'""")
    assert (bad, minors) == ((0,), (True,))


def test_the_examining_dentist_types_their_name_under_the_practice_signature(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.treatplan t WHERE ("SignaturePractice" <> '')
        <> ("SignaturePracticeText" <> '') OR ("SignaturePractice" <> '' AND NOT EXISTS (
            SELECT 1 FROM raw.appointment a JOIN raw.provider d USING ("ProvNum") WHERE a."PatNum" = t."PatNum"
            AND a."AptStatus" = 2 AND a."AptDateTime"::date = t."DateTP" AND d."Suffix" = 'DDS'
            AND t."SignaturePracticeText" = 'Dr. ' || d."FName" || ' ' || d."LName" || ', DDS'))""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) > 0 FROM raw.treatplan WHERE "SignaturePracticeText" <> ''""") == (True,)


def test_a_signed_plan_links_its_pdf_saved_with_the_last_signature(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.treatplan t LEFT JOIN raw.document d USING ("DocNum")
        LEFT JOIN raw.definition c ON c."DefNum" = d."DocCategory"
        WHERE (t."Signature" <> '') <> (t."DocNum" <> 0) OR (t."DocNum" <> 0 AND (d."DocNum" IS NULL
            OR d."PatNum" <> t."PatNum" OR d."DateCreated" <> t."SecDateTEdit" OR c."ItemName" <> 'Treatment Plans'
            OR d."FileName" NOT LIKE 'TP\\_%.pdf'))""")
    assert bad == (0,)
    assert one(practice_db, 'SELECT count(*) > 0 FROM raw.treatplan WHERE "DocNum" <> 0') == (True,)


TOPAZ_CHAIRS = """(SELECT a."Op", bool_or(n."SigIsTopaz") AS pad, bool_and(n."SigIsTopaz") AS every
    FROM raw.procnote n JOIN raw.procedurelog p USING ("ProcNum") JOIN raw.appointment a USING ("AptNum")
    WHERE n."Signature" <> '' GROUP BY 1)"""


def test_topaz_signatures_come_from_the_chairs_with_a_pad(practice_db):
    """A signed note is a Topaz signature exactly when its visit's chair has a pad: some chairs have one."""
    unsigned, mixed, pads = one(practice_db, f"""SELECT
        (SELECT count(*) FROM raw.procnote WHERE "SigIsTopaz" AND "Signature" = ''),
        (SELECT count(*) FROM {TOPAZ_CHAIRS} c WHERE pad <> every),
        (SELECT count(*) FILTER (WHERE pad) FROM {TOPAZ_CHAIRS} c)""")
    chairs = one(practice_db, f"SELECT count(*) FROM {TOPAZ_CHAIRS} c")[0]
    assert (unsigned, mixed) == (0, 0) and 0 < pads < chairs


def test_a_dentists_plan_is_signed_on_the_pad_of_the_exam_chair_a_coordinators_on_hers(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.treatplan t
        JOIN raw.userod u ON u."UserNum" = t."UserNumPresenter" WHERE (t."SigIsTopaz" AND t."Signature" = '')
           OR (t."Signature" <> '' AND u."ProvNum" = 0 AND NOT t."SigIsTopaz")
           OR (t."Signature" <> '' AND u."ProvNum" <> 0 AND EXISTS (
                SELECT 1 FROM raw.appointment a JOIN {TOPAZ_CHAIRS} c USING ("Op")
                WHERE a."PatNum" = t."PatNum" AND a."AptStatus" = 2 AND a."AptDateTime"::date = t."DateTP"
                  AND c.pad <> t."SigIsTopaz"))""")
    assert bad == (0,)


def test_one_display_setting_row_per_plan(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.treatplan t FULL JOIN raw.treatplanparam m USING ("TreatPlanNum")
        WHERE m."TreatPlanParamNum" IS NULL OR t."PatNum" IS DISTINCT FROM m."PatNum" """)
    assert bad == (0,)


def test_multi_visit_groups_hold_a_multi_visit_procedure_of_one_patient(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM (SELECT m."GroupProcMultiVisitNum" FROM raw.procmultivisit m
        JOIN raw.procedurelog p USING ("ProcNum") JOIN raw.procedurecode c USING ("CodeNum")
        GROUP BY 1 HAVING NOT bool_or(c."IsMultiVisit") OR count(DISTINCT p."PatNum") > 1
                       OR min(m."ProcMultiVisitNum") <> m."GroupProcMultiVisitNum") g""")
    assert bad == (0,)


def test_a_multi_visit_group_is_in_process_while_partly_done(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procmultivisit m JOIN raw.procedurelog p USING ("ProcNum")
        JOIN (SELECT "GroupProcMultiVisitNum", bool_or("ProcStatus" = 2) AND bool_or("ProcStatus" = 1) AS partly
              FROM raw.procmultivisit GROUP BY 1) g USING ("GroupProcMultiVisitNum")
        WHERE m."IsInProcess" <> g.partly OR m."ProcStatus" <> p."ProcStatus" OR m."PatNum" <> p."PatNum"
           OR m."SecDateTEntry" < '2020-01-01' OR m."SecDateTEdit" < m."SecDateTEntry" """)
    assert bad == (0,)
    assert one(practice_db, 'SELECT count(*) FILTER (WHERE "IsInProcess") > 0 FROM raw.procmultivisit') == (True,)


def test_group_note_is_an_existing_no_fee_procedure_of_the_day_of_the_visit_it_covers(practice_db):
    """OpenDental makes a group note an EC procedure (3) off the appointment, so it is neither production nor a
    procedure of the visit; it covers completed procedures of one visit of its patient, all of its provider."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.procgroupitem i
        JOIN raw.procedurelog g ON g."ProcNum" = i."GroupNum" JOIN raw.procedurecode gc ON gc."CodeNum" = g."CodeNum"
        JOIN raw.procedurelog p ON p."ProcNum" = i."ProcNum" JOIN raw.appointment a ON a."AptNum" = p."AptNum"
        WHERE gc."ProcCode" <> '~GRP~' OR g."ProcStatus" <> {ProcStatus.EXISTING_CURRENT_PROVIDER}
           OR g."ProcFee" <> 0 OR g."AptNum" <> 0 OR g."IsLocked" OR g."DateComplete" <> '0001-01-01'
           OR g."DateEntryC" <> g."SecDateEntry"::date OR g."ProvNum" <> p."ProvNum"
           OR p."ProcStatus" <> {ProcStatus.COMPLETE} OR p."PatNum" <> g."PatNum" OR g."ProcDate" <> p."ProcDate"
           OR g."SecDateEntry" < a."DateTimeDismissed" """)
    visits = one(practice_db, """SELECT count(*) FROM (SELECT i."GroupNum" FROM raw.procgroupitem i
        JOIN raw.procedurelog p USING ("ProcNum") GROUP BY 1 HAVING count(DISTINCT p."AptNum") <> 1
        OR count(*) < 2) g""")
    counted = one(practice_db, f"""SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        WHERE c."ProcCode" = '~GRP~' AND (p."ProcStatus" = {ProcStatus.COMPLETE} OR p."AptNum" <> 0)""")
    written = one(practice_db, """SELECT count(*) FROM raw.procedurelog g JOIN raw.procedurecode c USING ("CodeNum")
        JOIN (SELECT "ProcNum", min("EntryDateTime") first FROM raw.procnote GROUP BY 1) n USING ("ProcNum")
        WHERE c."ProcCode" = '~GRP~' AND n.first <> g."SecDateEntry" """)
    assert (bad, visits, counted, written) == ((0,), (0,), (0,), (0,))
    assert one(practice_db, "SELECT count(*) > 0 FROM raw.procgroupitem") == (True,)


def test_procnote_is_written_on_the_procedure_day_after_the_visit(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM {NOTED} JOIN raw.appointment a USING ("AptNum")
        WHERE p."ProcStatus" <> 2 OR n."EntryDateTime" < '2020-01-01' OR n."EntryDateTime" >= {TODAY} + 1
           OR n."EntryDateTime"::date < p."ProcDate" OR n."EntryDateTime" < a."DateTimeDismissed"
           OR n."PatNum" <> p."PatNum" OR n."Note" = '' """)
    first = one(practice_db, f"""SELECT count(*) FROM (SELECT DISTINCT ON (n."ProcNum") n."EntryDateTime", p."ProcDate"
        FROM {NOTED} ORDER BY n."ProcNum", n."EntryDateTime") x WHERE "EntryDateTime"::date <> "ProcDate" """)
    assert (bad, first) == ((0,), (0,))


def test_procnote_is_signed_by_the_providers_login(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM {NOTED} JOIN raw.userod u ON u."UserNum" = n."UserNum"
        WHERE u."ProvNum" <> p."ProvNum" """)
    assert bad == (0,)


def test_an_edited_note_keeps_the_text_and_adds_to_it(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procnote later JOIN raw.procnote earlier
        ON earlier."ProcNum" = later."ProcNum" AND earlier."EntryDateTime" < later."EntryDateTime"
        WHERE left(later."Note", length(earlier."Note")) <> earlier."Note" """)
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) > 0 FROM (SELECT "ProcNum" FROM raw.procnote GROUP BY 1
                               HAVING count(*) > 1) x""") == (True,)


def test_a_note_is_edited_on_one_of_the_next_business_days_never_before_it_was_written(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM (SELECT "ProcNum", min("EntryDateTime") first,
        max("EntryDateTime") last, count(*) versions FROM raw.procnote GROUP BY 1) n
        WHERE versions > 2 OR (versions = 2 AND (last::date <= first::date OR last > first + interval '7 days'))""")
    assert bad == (0,)


def test_nearly_every_completed_procedure_has_a_note(practice_db):
    """A note of its own or its visit's group note, on all but the few the provider never wrote up."""
    (noted,) = one(practice_db, f"""SELECT avg((p."ProcNum" IN (SELECT "ProcNum" FROM raw.procnote)
        OR p."ProcNum" IN (SELECT i."ProcNum" FROM raw.procgroupitem i JOIN raw.procnote n ON n."ProcNum" = i."GroupNum")
        )::int)::float
        FROM raw.procedurelog p WHERE p."ProcStatus" = {ProcStatus.COMPLETE} AND p."AptNum" <> 0""")
    assert 0.95 <= noted < 1


def test_notes_are_on_completed_procedures_and_group_notes_only(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM {NOTED}
        WHERE p."ProcStatus" <> {ProcStatus.COMPLETE} AND c."ProcCode" <> '~GRP~'""")
    assert bad == (0,)


def test_toothinitial_teeth_and_types_are_the_tested_ones(practice_db):
    server, name = practice_db
    teeth = {tooth for (tooth,) in query(server, name, 'SELECT DISTINCT "ToothNum" FROM raw.toothinitial')}
    types = {kind for (kind,) in query(server, name, 'SELECT DISTINCT "InitialType" FROM raw.toothinitial')}
    assert teeth <= TESTED_TEETH and types <= {0, 2, 3, 5, 6, 7} and {0, 2} <= types


def test_tooth_chart_is_charted_at_the_first_visit(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.toothinitial t LEFT JOIN {FIRST_VISIT} f USING ("PatNum")
        WHERE f.first IS NULL OR t."SecDateTEdit" IS NULL OR t."SecDateTEdit"::date <> f.first::date
           OR t."SecDateTEdit" < t."SecDateTEntry" OR t."SecDateTEdit" >= {TODAY} + 1""")
    assert bad == (0,)


def test_a_missing_tooth_has_no_work_but_the_implant_or_pontic_filling_its_gap(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.toothinitial t JOIN raw.procedurelog p
        ON p."PatNum" = t."PatNum" AND p."ToothNum" = t."ToothNum" JOIN raw.procedurecode c USING ("CodeNum")
        WHERE t."InitialType" = 0 AND p."ProcStatus" <> 6 AND c."ProcCat" <> 80 AND c."ProcCode" <> 'D6240'""")
    assert bad == (0,)


def test_primary_teeth_are_charted_for_children_only(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.toothinitial t JOIN raw.patient pt USING ("PatNum")
        WHERE t."InitialType" = 2 AND (age(t."SecDateTEdit", pt."Birthdate") >= interval '13 years'
                                       OR t."ToothNum" !~ '^([4-9]|1[0-3]|2[0-9])$')""")
    assert bad == (0,)


def test_perio_exams_only_for_perio_patients_at_their_visits(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.perioexam e JOIN raw.provider v USING ("ProvNum")
        WHERE e."ExamDate" < '2020-01-01' OR e."ExamDate" > {TODAY} OR NOT v."IsSecondary"
        OR e."DateTMeasureEdit"::date <> e."ExamDate"
        OR NOT EXISTS (SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
                       WHERE p."PatNum" = e."PatNum" AND p."ProcStatus" = 2
                       AND c."ProcCode" IN ('D4341', 'D4342', 'D4910'))
        OR NOT EXISTS (SELECT 1 FROM raw.appointment a WHERE a."PatNum" = e."PatNum" AND a."AptStatus" = 2
                       AND a."AptDateTime"::date = e."ExamDate")""")
    assert bad == (0,)


def test_periomeasures_are_in_range_one_row_per_tooth_and_sequence(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.periomeasure m JOIN raw.perioexam e USING ("PerioExamNum")
        WHERE m."IntTooth" NOT BETWEEN 1 AND 32 OR m."SequenceType" NOT IN (0, 4, 5, 6)
           OR (m."SequenceType" = 4 AND least("MBvalue", "Bvalue", "DBvalue", "MLvalue", "Lvalue", "DLvalue") < 1)
           OR (m."SequenceType" = 4 AND greatest("MBvalue", "Bvalue", "DBvalue", "MLvalue", "Lvalue", "DLvalue") > 10)
           OR (m."SequenceType" = 6 AND greatest("MBvalue", "Bvalue", "DBvalue", "MLvalue", "Lvalue", "DLvalue") < 1)
           OR (m."SequenceType" IN (0, 5) AND (m."ToothValue" < 1 OR m."MBvalue" <> -1))
           OR m."SecDateTEdit" <> e."DateTMeasureEdit" OR m."SecDateTEntry" IS NULL""")
    twice = one(practice_db, """SELECT count(*) FROM (SELECT 1 FROM raw.periomeasure
        GROUP BY "PerioExamNum", "SequenceType", "IntTooth" HAVING count(*) > 1) x""")
    assert (bad, twice) == ((0,), (0,))


def test_missing_teeth_are_skipped_not_probed(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.periomeasure m JOIN raw.perioexam e USING ("PerioExamNum")
        JOIN raw.toothinitial t ON t."PatNum" = e."PatNum" AND t."ToothNum" = m."IntTooth"::text
        WHERE t."InitialType" = 0 AND m."SequenceType" <> 5""")
    probed = one(practice_db, """SELECT count(*) FROM raw.periomeasure m JOIN raw.perioexam e USING ("PerioExamNum")
        WHERE m."SequenceType" = 5 AND EXISTS (SELECT 1 FROM raw.periomeasure o WHERE o."PerioExamNum" = m."PerioExamNum"
                                               AND o."IntTooth" = m."IntTooth" AND o."SequenceType" <> 5)""")
    assert (bad, probed) == ((0,), (0,))
