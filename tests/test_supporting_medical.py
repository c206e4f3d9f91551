"""Phase 6, medical: allergies, problems, prescriptions, pharmacies, lab cases and patient forms tell the same
story as the appointment book and the procedure log."""
import pytest

from conftest import SMALL_END, one, query
from generators.data import read_columns
from opendental.codes import SheetFieldType as Field

TODAY = f"DATE '{SMALL_END}'"
PATIENTS = 400
EXTRACTIONS = "('D7111', 'D7140', 'D7210', 'D7220', 'D7230', 'D7240', 'D7241', 'D7250')"
IMPLANT_SURGERY = "('D6010', 'D6013')"
LAB_MADE = ("('D2740', 'D2962', 'D6750', 'D6240', 'D6058', 'D6065', 'D5110', 'D5120', 'D5213', 'D5214', 'D6114', "
            "'D6115')")
SIGNATURE_BOXES = Field.sql(Field.SIG_BOX, Field.SIG_BOX_PRACTICE)
PREMED_PROBLEMS = "('Artificial joint', 'Prosthetic heart valve', 'History of infective endocarditis')"


def completed_on(patient, day, codes=None):
    """SQL: the patient had a completed procedure (of one of the codes) at a completed visit that day."""
    of_codes = f'AND c."ProcCode" IN {codes}' if codes else ""
    return f"""EXISTS (SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        JOIN raw.appointment a ON a."AptNum" = p."AptNum" AND a."AptStatus" = 2
        WHERE p."PatNum" = {patient} AND p."ProcStatus" = 2 AND p."ProcDate" = {day} {of_codes})"""


@pytest.mark.parametrize("table", ["medication", "allergydef", "allergy", "diseasedef", "disease", "rxdef", "rxnorm",
                                   "rxpat", "pharmacy", "pharmclinic", "laboratory", "labcase", "sheetdef",
                                   "sheetfielddef", "sheet", "sheetfield"])
def test_tables_have_rows(practice_db, table):
    assert one(practice_db, f"SELECT count(*) > 0 FROM raw.{table}") == (True,)


@pytest.mark.parametrize("table, column", [
    ("medication", "MedName"), ("allergydef", "Description"), ("diseasedef", "DiseaseName"), ("rxdef", "Drug"),
    ("rxnorm", "RxCui"), ("rxnorm", "Description"), ("pharmacy", "StoreName"), ("laboratory", "Description"),
    ("sheetdef", "Description")])
def test_definition_tables_have_names(practice_db, table, column):
    assert one(practice_db, f"""SELECT count(*) FROM raw.{table} WHERE coalesce(trim("{column}"), '') = ''""") == (0,)


def test_form_fields_are_named_where_the_analytics_require_it(practice_db):
    """sheetfielddef.FieldName is tested not null except on static text, lines, rectangles and signature boxes."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.sheetfielddef
        WHERE "FieldType" NOT IN {Field.sql(Field.STATIC_TEXT, Field.LINE, Field.RECTANGLE, Field.SIG_BOX)}
          AND coalesce(trim("FieldName"), '') = ''""")
    assert bad == (0,)


def test_filtered_dates_in_the_window(practice_db):
    """labcase.DateTimeCreated and sheet.DateTimeSheet are staging filters; rxpat.RxDate must be after 1990."""
    bad = one(practice_db, f"""SELECT
        (SELECT count(*) FROM raw.labcase WHERE "DateTimeCreated" < '2020-01-01' OR "DateTimeCreated" >= {TODAY} + 1),
        (SELECT count(*) FROM raw.sheet WHERE "DateTimeSheet" < '2020-01-01' OR "DateTimeSheet" >= {TODAY}),
        (SELECT count(*) FROM raw.rxpat WHERE "RxDate" < '2020-01-01' OR "RxDate" >= {TODAY})""")
    assert bad == (0, 0, 0)


def test_audit_timestamps_are_real_and_not_after_today(practice_db):
    for table, column in (("allergy", "DateTStamp"), ("allergydef", "DateTStamp"), ("disease", "DateTStamp"),
                          ("diseasedef", "DateTStamp"), ("medication", "DateTStamp"), ("pharmacy", "DateTStamp"),
                          ("rxpat", "DateTStamp"), ("labcase", "DateTStamp"), ("sheetdef", "DateTCreated"),
                          ("sheet", "DateTSheetEdited")):
        bad = one(practice_db, f"""SELECT count(*) FROM raw.{table}
            WHERE "{column}" IS NULL OR "{column}" < '1990-01-01' OR "{column}" >= {TODAY} + 1""")
        assert bad == (0,), f"{table}.{column}"


def test_lab_case_timestamps_in_order_and_before_the_seat(practice_db):
    """created <= sent <= received <= checked (unset ones stay 0001-01-01), due after sending; the work is back,
    checked and due before the seat appointment; only an open case's due date may lie after today."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.labcase l JOIN raw.appointment a USING ("AptNum")
        WHERE NOT ("DateTimeCreated" <= "DateTimeSent" AND "DateTimeSent" < "DateTimeDue"
                   AND ("DateTimeRecd" = '0001-01-01' OR "DateTimeSent" <= "DateTimeRecd")
                   AND ("DateTimeChecked" = '0001-01-01' OR ("DateTimeRecd" > '0001-01-01'
                                                             AND "DateTimeRecd" <= "DateTimeChecked"))
                   AND "DateTimeDue" < a."AptDateTime" AND "DateTimeChecked" < a."AptDateTime"
                   AND "DateTimeRecd" < {TODAY} + 1 AND "DateTimeChecked" < {TODAY} + 1
                   AND l."DateTStamp" >= "DateTimeSent" AND l."DateTStamp" >= "DateTimeChecked"
                   AND "LabFee" >= 0)
           OR (a."AptStatus" = 2 AND "DateTimeChecked" = '0001-01-01')""")
    assert bad == (0,)


def test_every_lab_made_restoration_has_a_lab_case_on_its_seat_appointment(practice_db):
    """Crowns, bridges, veneers, implant crowns and dentures seated (prepared within the window) went to a lab;
    and a lab case is only ever made for such work."""
    missing = one(practice_db, f"""SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        WHERE c."ProcCode" IN {LAB_MADE} AND p."ProcStatus" = 2 AND p."ProcDate" >= '2023-04-01'
          AND NOT EXISTS (SELECT 1 FROM raw.labcase l WHERE l."AptNum" = p."AptNum" AND l."PatNum" = p."PatNum")""")
    stray = one(practice_db, f"""SELECT count(*) FROM raw.labcase l WHERE NOT EXISTS (
        SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        WHERE p."AptNum" = l."AptNum" AND p."PatNum" = l."PatNum" AND c."ProcCode" IN {LAB_MADE})""")
    assert (missing, stray) == ((0,), (0,))


def test_prescriptions_on_the_day_of_a_procedure_that_calls_for_them(practice_db):
    """An Rx is written the day of a completed procedure of its rules (extraction, root canal, implant, scaling,
    emergency exam, filling), or is the premedication of a joint or heart-valve patient at a visit."""
    rules = read_columns("medical_rx_rules")
    codes = "(" + ", ".join(sorted({f"'{code}'" for listed in rules["codes"] for code in listed.split("|")})) + ")"
    after_procedure = completed_on('r."PatNum"', 'r."RxDate"', codes)
    at_a_visit = completed_on('r."PatNum"', 'r."RxDate"')
    unexplained = one(practice_db, f"""SELECT count(*) FROM raw.rxpat r WHERE NOT ({after_procedure}
        OR ("Sig" LIKE '%before dental appointment%' AND {at_a_visit}
            AND EXISTS (SELECT 1 FROM raw.disease d JOIN raw.diseasedef dd USING ("DiseaseDefNum")
                        WHERE d."PatNum" = r."PatNum" AND dd."DiseaseName" IN {PREMED_PROBLEMS})))""")
    assert unexplained == (0,)


def test_prescriptions_avoid_the_patients_allergies(practice_db):
    """No penicillin-class drug for a penicillin-allergic patient, no opioid for a codeine-allergic one, no
    ibuprofen for an NSAID-allergic one: the dentist prescribes the alternative."""
    bad = one(practice_db, """SELECT count(*) FROM raw.rxpat r JOIN raw.allergy a USING ("PatNum")
        JOIN raw.allergydef d USING ("AllergyDefNum") WHERE a."StatusIsActive" AND (
            (d."Description" IN ('Penicillin', 'Amoxicillin') AND r."Drug" ~ '^(Amoxicillin|Penicillin)')
         OR (d."Description" IN ('Codeine', 'Hydrocodone') AND r."Drug" ~ '^Hydrocodone')
         OR (d."Description" IN ('Aspirin', 'Ibuprofen') AND r."Drug" ~ '^Ibuprofen'))""")
    alternatives = one(practice_db, """SELECT count(*) FROM raw.rxpat
        WHERE "Drug" ~ '^(Clindamycin|Azithromycin|Acetaminophen)'""")
    assert bad == (0,) and alternatives[0] > 0


def test_controlled_prescriptions_are_the_opioids_tied_to_their_procedure(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.rxpat r WHERE "IsControlled" <> ("Drug" ~ '^Hydrocodone')
        OR ("IsControlled" AND NOT EXISTS (SELECT 1 FROM raw.procedurelog p WHERE p."ProcNum" = r."ProcNum"
                                           AND p."PatNum" = r."PatNum" AND p."ProcDate" = r."RxDate"))""")
    assert bad == (0,)


def test_prescriptions_sent_electronically_carry_the_erx_details(practice_db):
    """SendStatus 2 (sent electronically) with a GUID and the pharmacy, or 3 (printed) without; refills 0-9;
    the prescriber is a dentist with his own login."""
    bad = one(practice_db, """SELECT count(*) FROM raw.rxpat r JOIN raw.provider p USING ("ProvNum") WHERE
        "SendStatus" NOT IN (2, 3) OR ("SendStatus" = 2) <> ("ErxGuid" ~ '^[0-9a-f-]{36}$' AND "ErxPharmacyInfo" <> '')
        OR "Refills" !~ '^[0-9]$' OR p."IsSecondary" OR r."RxType"
        OR NOT EXISTS (SELECT 1 FROM raw.userod u WHERE u."UserNum" = r."UserNum" AND u."ProvNum" = r."ProvNum")""")
    assert bad == (0,)


def test_allergies_and_problems_recorded_once_seen(practice_db):
    """Recorded on (or after) the first visit; about a quarter of the patients seen report an allergy."""
    late = one(practice_db, """SELECT
        (SELECT count(*) FROM raw.allergy a JOIN raw.patient p USING ("PatNum")
         WHERE p."DateFirstVisit" = '0001-01-01' OR a."DateTStamp"::date < p."DateFirstVisit"
            OR a."DateAdverseReaction" > a."DateTStamp" OR a."Reaction" = ''),
        (SELECT count(*) FROM raw.disease d JOIN raw.patient p USING ("PatNum")
         WHERE p."DateFirstVisit" = '0001-01-01' OR d."DateTStamp"::date < p."DateFirstVisit")""")
    share = one(practice_db, """SELECT count(DISTINCT a."PatNum")::float / count(DISTINCT p."PatNum")
        FROM raw.patient p LEFT JOIN raw.allergy a USING ("PatNum") WHERE p."DateFirstVisit" > '0001-01-01'""")
    assert late == (0, 0) and 0.15 < share[0] < 0.35


def test_problem_status_and_dates(practice_db):
    """ProbStatus is tested as a boolean: 0 active without a stop date, 1 resolved with one, after the start; no
    date after today."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.disease WHERE "ProbStatus" NOT IN (0, 1)
        OR ("ProbStatus" = 1) <> ("DateStop" > '0001-01-01')
        OR ("DateStart" > '0001-01-01' AND "DateStop" > '0001-01-01' AND "DateStop" < "DateStart")
        OR "DateStart" > {TODAY} OR "DateStop" > {TODAY}""")
    assert bad == (0,)


def test_older_patients_have_more_problems(practice_db):
    server, name = practice_db
    rows = query(server, name, """SELECT CASE WHEN age(p."Birthdate") < interval '18 years' THEN 0
                                          WHEN age(p."Birthdate") < interval '65 years' THEN 1 ELSE 2 END,
        count(d."DiseaseNum")::float / count(DISTINCT p."PatNum")
        FROM raw.patient p LEFT JOIN raw.disease d USING ("PatNum") WHERE p."DateFirstVisit" > '0001-01-01'
        GROUP BY 1 ORDER BY 1""")
    child, adult, senior = (per_patient for _, per_patient in rows)
    assert child < adult < senior


def test_forms_filled_on_visit_days(practice_db):
    """Every form belongs to a completed visit of its patient that day; consents to a visit with the matching
    procedure."""
    extraction = completed_on('s."PatNum"', 's."DateTimeSheet"::date', EXTRACTIONS)
    implant_surgery = completed_on('s."PatNum"', 's."DateTimeSheet"::date', IMPLANT_SURGERY)
    bad = one(practice_db, f"""SELECT count(*) FROM raw.sheet s WHERE NOT EXISTS (
            SELECT 1 FROM raw.appointment a WHERE a."PatNum" = s."PatNum" AND a."AptStatus" = 2
              AND a."AptDateTime"::date = s."DateTimeSheet"::date)
        OR (s."Description" = 'Consent - Extraction' AND NOT {extraction})
        OR (s."Description" = 'Consent - Implant Surgery' AND NOT {implant_surgery})
        OR s."DateTSheetEdited" < s."DateTimeSheet" OR s."ShowInTerminal" NOT IN (0, 1)""")
    assert bad == (0,)


def test_new_patients_fill_registration_hipaa_and_medical_history_at_the_first_visit(practice_db):
    missing = one(practice_db, """SELECT count(*) FROM raw.appointment a CROSS JOIN
        (VALUES ('Registration/Patient Info'), ('HIPAA Acknowledgement'), ('Medical History')) f(form)
        WHERE a."AptStatus" = 2 AND a."IsNewPatient" AND NOT EXISTS (SELECT 1 FROM raw.sheet s
            WHERE s."PatNum" = a."PatNum" AND s."Description" = f.form
              AND s."DateTimeSheet"::date = a."AptDateTime"::date)""")
    assert missing == (0,)


def test_web_forms_have_unique_ids(practice_db):
    bad = one(practice_db, """SELECT count(*) - count(DISTINCT "WebFormSheetID")
        + count(*) FILTER (WHERE "WebFormSheetID" = 0) FROM raw.sheet WHERE "IsWebForm" """)
    assert bad == (0,)


def test_sheet_fields_copy_their_definition(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.sheetfield f JOIN raw.sheet s USING ("SheetNum")
        JOIN raw.sheetfielddef d USING ("SheetFieldDefNum") WHERE d."SheetDefNum" <> s."SheetDefNum"
        OR (f."FieldType", f."FieldName", f."XPos", f."YPos", f."Width", f."Height", f."RadioButtonValue",
            f."IsRequired", f."TextAlign", f."GrowthBehavior", f."RadioButtonGroup", f."ReportableName",
            f."UiLabelMobile", f."UiLabelMobileRadioButton")
           IS DISTINCT FROM (d."FieldType", d."FieldName", d."XPos", d."YPos", d."Width", d."Height",
            d."RadioButtonValue", d."IsRequired", d."TextAlign", d."GrowthBehavior", d."RadioButtonGroup",
            d."ReportableName", d."UiLabelMobile", d."UiLabelMobileRadioButton")""")
    per_sheet = one(practice_db, """SELECT count(*)::float / (SELECT count(*) FROM raw.sheet) FROM raw.sheetfield""")
    assert bad == (0,) and 10 <= per_sheet[0] <= 30


def test_sheet_fields_hold_the_patients_own_data(practice_db):
    """Name and birthdate as on the patient row; signatures signed when the form was saved."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.sheetfield f JOIN raw.sheet s USING ("SheetNum")
        JOIN raw.patient p USING ("PatNum") WHERE
           (f."FieldName" = 'FName' AND f."FieldValue" <> p."FName")
        OR (f."FieldName" = 'LName' AND f."FieldValue" <> p."LName")
        OR (f."FieldName" = 'nameFL' AND f."FieldValue" <> p."FName" || ' ' || p."LName")
        OR (f."FieldName" = 'Birthdate' AND f."FieldValue" <> to_char(p."Birthdate", 'MM/DD/YYYY'))
        OR (f."FieldName" = 'dateTime.Today' AND f."FieldValue" <> to_char(s."DateTimeSheet", 'MM/DD/YYYY'))
        OR (f."FieldType" IN {SIGNATURE_BOXES} AND (f."FieldValue" = '' OR f."DateTimeSig" <> s."DateTSheetEdited"))""")
    assert bad == (0,)


def test_signature_boxes_and_check_boxes_carry_opendentals_field_types(practice_db):
    """The patient signs in a SigBox (9), the provider in a SigBoxPractice (16), restricted to providers; only
    signature boxes sign electronically; the forms' Y/N answers are check boxes (8)."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.sheetfielddef WHERE
           ("FieldName" = 'Signature') <> ("FieldType" = {Field.SIG_BOX})
        OR ("FieldName" = 'SignatureProvider') <> ("FieldType" = {Field.SIG_BOX_PRACTICE})
        OR "CanElectronicallySign" <> ("FieldType" IN {SIGNATURE_BOXES})
        OR "IsSigProvRestricted" <> ("FieldType" = {Field.SIG_BOX_PRACTICE})
        OR (("RadioButtonValue" <> '' OR "FieldName" ~ '^(problem|allergy):') AND "FieldType" <> {Field.CHECK_BOX})""")
    signed = query(*practice_db, f"""SELECT DISTINCT "FieldType" FROM raw.sheetfield
        WHERE "FieldType" IN {SIGNATURE_BOXES} AND "FieldValue" <> '' ORDER BY 1""")
    assert bad == (0,) and signed == [(Field.SIG_BOX,), (Field.SIG_BOX_PRACTICE,)]


def test_medical_history_answers_match_the_chart(practice_db):
    """'problem:X' / 'allergy:X' check boxes: Yes is checked exactly when the patient has it at that date."""
    bad = one(practice_db, f"""WITH answers AS (
        SELECT s."PatNum", s."DateTimeSheet"::date AS day, split_part(f."FieldName", ':', 1) AS kind,
               split_part(f."FieldName", ':', 2) AS item, f."FieldValue" = 'X' AS yes
        FROM raw.sheetfield f JOIN raw.sheet s USING ("SheetNum")
        WHERE f."FieldType" = {Field.CHECK_BOX} AND f."RadioButtonValue" = 'Y' AND f."FieldName" ~ '^(problem|allergy):')
    SELECT count(*) FROM answers WHERE yes <> CASE kind
        WHEN 'problem' THEN EXISTS (SELECT 1 FROM raw.disease d JOIN raw.diseasedef dd USING ("DiseaseDefNum")
            WHERE d."PatNum" = answers."PatNum" AND dd."DiseaseName" = item
              AND (d."DateStart" = '0001-01-01' OR d."DateStart" <= day)
              AND (d."DateStop" = '0001-01-01' OR d."DateStop" > day))
        ELSE EXISTS (SELECT 1 FROM raw.allergy a JOIN raw.allergydef ad USING ("AllergyDefNum")
            WHERE a."PatNum" = answers."PatNum" AND ad."Description" = item AND a."StatusIsActive") END""")
    not_one_answer = one(practice_db, f"""SELECT count(*) FROM (SELECT 1 FROM raw.sheetfield f
        WHERE f."FieldType" = {Field.CHECK_BOX} AND f."FieldName" ~ '^(problem|allergy):' GROUP BY f."SheetNum", f."FieldName"
        HAVING count(*) FILTER (WHERE f."FieldValue" = 'X') <> 1) q""")
    assert bad == (0,) and not_one_answer == (0,)


def test_physician_care_is_answered_once_and_matches_the_ongoing_problems(practice_db):
    """The misc radio group PhysicianCare: exactly one box checked per form; Yes when the patient has a problem
    not resolved that started by then (or of unknown start); only those patients write a comment."""
    not_one = one(practice_db, """SELECT count(*) FROM (SELECT 1 FROM raw.sheetfield f
        JOIN raw.sheet s USING ("SheetNum") WHERE s."Description" = 'Medical History' GROUP BY f."SheetNum"
        HAVING count(*) FILTER (WHERE f."RadioButtonGroup" = 'PhysicianCare' AND f."FieldValue" = 'X') <> 1) q""")
    bad = one(practice_db, """SELECT count(*) FROM raw.sheetfield f JOIN raw.sheet s USING ("SheetNum")
        CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM raw.disease d WHERE d."PatNum" = s."PatNum"
            AND d."DateStop" = '0001-01-01' AND d."DateStart" <= s."DateTimeSheet"::date) AS cared_for) c
        WHERE (f."ReportableName" = 'PhysicianCareYes' AND (f."FieldValue" = 'X') <> c.cared_for)
           OR (f."ReportableName" = 'MedicalComments' AND f."FieldValue" <> '' AND NOT c.cared_for)""")
    answered = one(practice_db, """SELECT count(*) FILTER (WHERE "ReportableName" = 'PhysicianCareYes') > 0,
        count(*) FILTER (WHERE "ReportableName" = 'MedicalComments') > 0
        FROM raw.sheetfield WHERE "FieldValue" <> ''""")
    assert (not_one, bad, answered) == ((0,), (0,), (True, True))


def test_misc_fields_are_reportable_and_mobile_labels_only_on_mobile_forms(practice_db):
    """OpenDental names a field that is not a patient column "misc" and reports it by its ReportableName; the
    eClipboard labels belong to the fields a patient fills in on the forms with a mobile layout."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.sheetfielddef f JOIN raw.sheetdef d USING ("SheetDefNum")
        WHERE (f."FieldName" = 'misc') <> (f."ReportableName" <> '')
           OR (f."UiLabelMobile" <> '' AND (NOT d."HasMobileLayout"
               OR f."FieldType" IN {Field.sql(Field.OUTPUT_TEXT, Field.STATIC_TEXT)}))
           OR (f."UiLabelMobileRadioButton" <> '' AND (f."FieldType" <> {Field.CHECK_BOX} OR f."UiLabelMobile" = ''))
           OR (d."HasMobileLayout" AND f."FieldType" IN {Field.sql(Field.INPUT_FIELD, Field.CHECK_BOX, Field.SIG_BOX)}
               AND f."UiLabelMobile" = '')
           OR (f."RadioButtonGroup" <> '' AND f."FieldName" <> 'misc')""")
    assert bad == (0,)


def test_fields_lie_on_the_pages_of_their_form(practice_db):
    """A form's fields fit its pages (Height per page, PageCount); a multi-page form and its filled sheets say so."""
    bad = one(practice_db, """SELECT count(*) FROM raw.sheetfielddef f JOIN raw.sheetdef d USING ("SheetDefNum")
        WHERE f."YPos" + f."Height" > d."Height" * d."PageCount" OR d."IsMultiPage" <> (d."PageCount" > 1)
           OR (d."PageCount" > 1 AND NOT EXISTS (SELECT 1 FROM raw.sheetfielddef o
                                                 WHERE o."SheetDefNum" = d."SheetDefNum" AND o."YPos" > d."Height"))""")
    sheets = one(practice_db, """SELECT count(*) FROM raw.sheet s JOIN raw.sheetdef d USING ("SheetDefNum")
        WHERE s."IsMultiPage" <> d."IsMultiPage" OR s."Height" <> d."Height" """)
    multi = one(practice_db, 'SELECT count(*) > 0 FROM raw.sheet WHERE "IsMultiPage"')
    assert (bad, sheets, multi) == ((0,), (0,), (True,))


def test_deleted_forms_carry_the_staffs_note(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.sheet WHERE "IsDeleted" AND "InternalNote" = ''""")
    noted = one(practice_db, """SELECT count(*) > 0 FROM raw.sheet WHERE NOT "IsDeleted" AND "InternalNote" <> ''""")
    assert (bad, noted) == ((0,), (True,))


def test_hidden_definitions_are_retired_duplicates_no_patient_has(practice_db):
    hidden, used = one(practice_db, """SELECT
        (SELECT count(*) FROM raw.allergydef WHERE "IsHidden")
        + (SELECT count(*) FROM raw.diseasedef WHERE "IsHidden"),
        (SELECT count(*) FROM raw.allergy JOIN raw.allergydef USING ("AllergyDefNum") WHERE "IsHidden")
        + (SELECT count(*) FROM raw.disease JOIN raw.diseasedef USING ("DiseaseDefNum") WHERE "IsHidden")""")
    assert hidden > 0 and used == 0


def test_lab_case_on_a_visit_scheduled_from_a_planned_appointment_keeps_it(practice_db):
    """labcase.PlannedAptNum: the planned appointment (AptStatus 6) of the same patient the seat visit came from."""
    bad = one(practice_db, """SELECT count(*) FROM raw.labcase l JOIN raw.appointment seat USING ("AptNum")
        LEFT JOIN raw.appointment planned ON planned."AptNum" = l."PlannedAptNum"
        WHERE l."PlannedAptNum" <> 0 AND (planned."AptStatus" IS DISTINCT FROM 6 OR planned."PatNum" <> l."PatNum"
                                         OR seat."NextAptNum" <> l."PlannedAptNum")""")
    linked = one(practice_db, 'SELECT count(*) > 0 FROM raw.labcase WHERE "PlannedAptNum" <> 0')
    assert (bad, linked) == ((0,), (True,))


def test_pharmacy_suites_are_second_address_lines(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.pharmacy WHERE "Address2" <> ''
        AND ("Address" = '' OR "Address2" !~ '^(Suite|Ste) ')""")
    suites = one(practice_db, """SELECT count(*) > 0 FROM raw.pharmacy WHERE "Address2" <> ''""")
    assert (bad, suites) == ((0,), (True,))


def test_generics_point_at_themselves_and_brands_at_their_generic(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.medication m
        JOIN raw.medication g ON g."MedicationNum" = m."GenericNum"
        WHERE g."GenericNum" <> g."MedicationNum" OR (m."RxCui" = 0 AND m."GenericNum" = m."MedicationNum")""")
    assert bad == (0,)


def test_pharmacies_are_linked_to_the_practice(practice_db):
    """pharmclinic: one link per pharmacy and clinic (ClinicNum 0 in a practice without clinics)."""
    bad = one(practice_db, """SELECT count(*) FROM raw.pharmacy ph WHERE (SELECT count(*) FROM raw.pharmclinic pc
        WHERE pc."PharmacyNum" = ph."PharmacyNum") <> greatest((SELECT count(*) FROM raw.clinic), 1)""")
    assert bad == (0,)


def test_volumes_scale_with_the_patients(practice_db):
    """Per 5,000 patients: about 1,500 allergies, 3,000 problems, 1,500 prescriptions; forms about one per active
    patient a year."""
    server, name = practice_db
    counts = dict(query(server, name, """SELECT 'allergy', count(*) FROM raw.allergy UNION ALL
        SELECT 'disease', count(*) FROM raw.disease UNION ALL SELECT 'rxpat', count(*) FROM raw.rxpat"""))
    scale = PATIENTS / 5000
    assert 900 * scale <= counts["allergy"] <= 2200 * scale
    assert 2000 * scale <= counts["disease"] <= 4500 * scale
    assert 800 * scale <= counts["rxpat"] <= 3500 * scale  # prescriptions of the years since the opening
