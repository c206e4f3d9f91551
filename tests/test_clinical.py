"""Phase 4: appointments, procedures and recalls behave like a practice's book and chart in OpenDental."""

from datetime import date

import numpy as np
import pytest

from conftest import SMALL_END, first_office, of_the_first_office, one, query
from core.config import GeneratorConfig
from generators import clinical, foundation, insurance, patients

PATIENTS = 400
TODAY = f"DATE '{SMALL_END}'"
ON_THE_BOOK = '"AptStatus" IN (1, 2, 3, 5)'  # appointments with a chair and a time (not planned ones)
HOLDING_A_CHAIR = '"AptStatus" IN (1, 2, 5)'  # the unscheduled list's (3) time was given to others
END = """("AptDateTime" + length("Pattern") * interval '5 minutes')"""
APPOINTMENT_TYPES = {"......", "Adult Cleaning (Existing Patient)", "zzzzzzzzDO NOT USE",
                     "Child Cleaning (Existing Patient)", "Adult Cleaning (New Patient)",
                     "Child Cleaning (New Patient)", "30 Minute Appt", "Emergency Pain", "Crown Prep",
                     "WebSched New Patient Default", "Implant Consult", "Prophy Child New", "None", "Adult Recare",
                     "Comp, FMX, 4BWX"}
DECODED_INTERVALS = {0, 196609, 393216, 393217, 16777217, 83886081}


def scaled(name):
    return GeneratorConfig(patients=PATIENTS, end_date=date.fromisoformat(SMALL_END)).volume(name)


@pytest.fixture(scope="module")
def handed_over(patients_per_office):
    """ctx.practice after the clinical phase, for the first office of `practice_db`."""
    return first_office(patients_per_office, (foundation, patients, insurance, clinical))


def test_appointment_types_are_ids_1_to_12_with_the_tested_names(practice_db):
    server, name = practice_db
    rows = query(server, name, 'SELECT "AppointmentTypeNum", "AppointmentTypeName" FROM raw.appointmenttype')
    assert sorted(num for num, _ in rows) == list(range(1, 13))
    assert {type_name for _, type_name in rows} <= APPOINTMENT_TYPES


def test_recall_intervals_are_the_ones_the_analytics_decode(practice_db):
    server, name = practice_db
    used = query(server, name, """SELECT "DefaultInterval" FROM raw.recalltype
                                  UNION SELECT "RecallInterval" FROM raw.recall""")
    assert {interval for (interval,) in used} <= DECODED_INTERVALS


def test_appointments_on_weekdays_between_8_and_17(practice_db):
    outside = one(practice_db, f"""SELECT count(*) FROM raw.appointment WHERE {ON_THE_BOOK} AND (
        extract(isodow FROM "AptDateTime") > 5 OR "AptDateTime"::time < '08:00'
        OR {END} > "AptDateTime"::date + time '17:00')""")
    assert outside == (0,)


def test_an_appointment_lasts_its_pattern(practice_db):
    """Pattern: X and / only, five minutes a character; a completed visit ends around the pattern's end."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment WHERE "Pattern" !~ '^[X/]+$'
        OR ("AptStatus" = 2 AND "DateTimeDismissed" NOT BETWEEN {END} - interval '10 minutes'
                                                            AND {END} + interval '15 minutes')""")
    assert bad == (0,)


def test_no_operatory_is_double_booked(practice_db):
    overlaps = one(practice_db, f"""WITH booked AS (SELECT "AptNum", "Op", "AptDateTime" AS starts, {END} AS ends
                                                  FROM raw.appointment WHERE {HOLDING_A_CHAIR} AND "Op" <> 0)
        SELECT count(*) FROM booked a JOIN booked b ON a."Op" = b."Op" AND a."AptNum" < b."AptNum"
        AND a.starts < b.ends AND b.starts < a.ends""")
    assert overlaps == (0,)


def test_planned_appointments_have_no_chair(practice_db):
    assert one(practice_db, 'SELECT count(*) FROM raw.appointment WHERE "AptStatus" = 6 AND "Op" <> 0') == (0,)
    assert one(practice_db, 'SELECT count(*) > 0 FROM raw.appointment WHERE "AptStatus" = 6') == (True,)


def test_only_the_tested_statuses_and_nothing_missed_in_the_future(practice_db):
    server, name = practice_db
    statuses = query(server, name, 'SELECT DISTINCT "AptStatus" FROM raw.appointment')
    assert {s for (s,) in statuses} == {1, 2, 3, 5, 6}
    assert one(practice_db, f"""SELECT count(*) FROM raw.appointment
        WHERE "AptStatus" IN (2, 5) AND "AptDateTime" >= {TODAY}""") == (0,)
    assert one(practice_db, f"""SELECT count(*) FROM raw.appointment
        WHERE "AptStatus" = 1 AND "AptDateTime" < {TODAY}""") == (0,)


def test_completed_visits_arrive_sit_and_leave_in_order_that_day(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment WHERE CASE WHEN "AptStatus" = 2 THEN NOT (
            "DateTimeArrived" <= "DateTimeSeated" AND "DateTimeSeated" <= "DateTimeDismissed"
            AND "DateTimeArrived"::date = "AptDateTime"::date AND "DateTimeDismissed"::date = "AptDateTime"::date
            AND abs(extract(epoch FROM "DateTimeArrived" - "AptDateTime")) <= 600)
        ELSE "DateTimeArrived" <> '0001-01-01' OR "DateTimeSeated" <> '0001-01-01'
             OR "DateTimeDismissed" <> '0001-01-01' END""")
    assert bad == (0,)


def test_booked_before_the_visit_and_stamped_since(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment WHERE "SecDateTEntry" > "AptDateTime"
        OR "DateTStamp" < "SecDateTEntry" OR "DateTStamp" >= {TODAY} + 1 OR "SecDateTEntry" >= {TODAY} + 1""")
    assert bad == (0,)


def test_past_appointments_complete_at_the_completion_rate(practice_db):
    complete, broken, unscheduled = one(practice_db, f"""SELECT avg(("AptStatus" = 2)::int),
        avg(("AptStatus" = 5)::int), avg(("AptStatus" = 3)::int)
        FROM raw.appointment WHERE {ON_THE_BOOK} AND "AptDateTime" < {TODAY}""")
    assert abs(float(complete) - GeneratorConfig().completion_rate) < 0.04
    assert 0.06 < broken < 0.14 and 0.10 < unscheduled < 0.19


def test_new_patient_visits_are_hygiene_visits_with_a_comprehensive_exam(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment a WHERE a."IsNewPatient" AND a."AptStatus" = 2
        AND NOT (a."IsHygiene" AND EXISTS (SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
                                           WHERE p."AptNum" = a."AptNum" AND c."ProcCode" IN ('D0150', 'D0145')))""")
    assert bad == (0,)


def test_hygiene_procedures_by_hygienists_the_rest_by_dentists(practice_db):
    """Group notes (~GRP~) are by the provider of the procedures they cover, hygienist or dentist."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        JOIN raw.provider v ON v."ProvNum" = p."ProvNum" WHERE c."IsHygiene" <> v."IsSecondary"
        AND c."ProcCode" <> '~GRP~' """)
    assert bad == (0,)


def test_procedure_is_complete_exactly_on_a_completed_appointment(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p LEFT JOIN raw.appointment a USING ("AptNum")
        WHERE (p."AptNum" <> 0 AND (p."ProcStatus" = 2) <> (a."AptStatus" = 2))
           OR (p."AptNum" = 0 AND p."ProcStatus" = 2)""")
    assert bad == (0,)


def test_procedure_date_is_its_appointment_day(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.appointment a USING ("AptNum")
        WHERE p."ProcDate" <> a."AptDateTime"::date""")
    assert bad == (0,)


def test_procedure_dates_in_order(practice_db):
    """Planned no later than done; completion dates only, and exactly, on completed procedures; DateEntryC the
    day a procedure was entered, and the day it was set complete once it is."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog WHERE "DateTP" > "ProcDate"
        OR CASE WHEN "ProcStatus" = 2 THEN "DateComplete" <> "ProcDate" OR "DateEntryC" <> "ProcDate"
           ELSE "DateComplete" <> '0001-01-01' OR "DateEntryC" <> "SecDateEntry"::date END
        OR "SecDateEntry"::date <> "DateTP" OR "DateTStamp" < "SecDateEntry" """)
    assert bad == (0,)


def test_planned_appointment_holds_planned_work_or_the_visit_scheduled_from_it(practice_db):
    """OD keeps a scheduled planned appointment: its procedures keep PlannedAptNum and get the AptNum of the
    appointment made from it (NextAptNum); the rest is still planned work."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.appointment a
        ON a."AptNum" = p."PlannedAptNum" LEFT JOIN raw.appointment v ON v."AptNum" = p."AptNum"
        WHERE a."AptStatus" <> 6 OR CASE WHEN p."AptNum" = 0 THEN p."ProcStatus" <> 1
                                         ELSE v."NextAptNum" IS DISTINCT FROM p."PlannedAptNum" END""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) > 0 FROM raw.procedurelog WHERE "PlannedAptNum" <> 0
                               AND "AptNum" <> 0""") == (True,)


def test_visits_are_scheduled_from_a_planned_appointment_made_before(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment a
        JOIN raw.appointment p ON p."AptNum" = a."NextAptNum"
        WHERE p."AptStatus" <> 6 OR p."PatNum" <> a."PatNum" OR a."AptStatus" = 6
           OR a."SecDateTEntry" <= p."SecDateTEntry" OR a."AptDateTime" <= p."AptDateTime" """)
    assert bad == (0,)
    share = one(practice_db, """SELECT avg(("NextAptNum" <> 0)::int) FROM raw.appointment
        WHERE "AptStatus" <> 6 AND NOT "IsHygiene" """)[0]
    assert 0.05 < share < 0.4


def test_planned_appointments_numbered_per_patient_in_the_order_made(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM (SELECT "ItemOrderPlanned", "AptStatus", CASE WHEN "AptStatus" = 6
        THEN row_number() OVER (PARTITION BY "PatNum", "AptStatus" = 6 ORDER BY "AptDateTime") ELSE 0 END AS rank
        FROM raw.appointment) x WHERE "ItemOrderPlanned" <> rank""")
    assert bad == (0,)


def test_assistants_are_dental_assistants_on_doctor_visits(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment a WHERE a."Assistant" <> 0 AND (a."IsHygiene"
        OR a."Op" = 0 OR NOT EXISTS (SELECT 1 FROM raw.userod u JOIN raw.usergroup g USING ("UserGroupNum")
                                     WHERE u."EmployeeNum" = a."Assistant" AND g."Description" = 'Assistants'))""")
    assert bad == (0,)
    share = one(practice_db, f"""SELECT avg(("Assistant" <> 0)::int) FROM raw.appointment
        WHERE {ON_THE_BOOK} AND NOT "IsHygiene" """)[0]
    assert 0.7 < share < 0.95


def test_new_patients_are_asked_to_come_early(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment WHERE CASE WHEN "IsNewPatient" AND {ON_THE_BOOK}
        THEN "DateTimeAskedToArrive" <> "AptDateTime" - interval '15 minutes'
        ELSE "DateTimeAskedToArrive" <> '0001-01-01' END""")
    assert bad == (0,)


def test_dentist_exam_time_on_hygiene_visits_with_an_exam(practice_db):
    """PatternSecondary: the dentist's ten-minute exam, as long as the hygienist's pattern."""
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment a WHERE CASE WHEN a."PatternSecondary" = '' THEN
        a."AptStatus" = 2 AND a."IsHygiene" AND EXISTS (SELECT 1 FROM raw.procedurelog p JOIN raw.procedurecode c
            USING ("CodeNum") WHERE p."AptNum" = a."AptNum" AND c."ProcCode" IN ('D0120', 'D0150'))
        ELSE NOT a."IsHygiene" OR length(a."PatternSecondary") <> length(a."Pattern")
             OR a."PatternSecondary" !~ '^/*XX/$' END""")
    assert bad == (0,)


def test_procs_colored_is_proc_descript_in_color_spans(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment WHERE "ProcDescript" <>
        regexp_replace("ProcsColored", '<span color="-?[0-9]+">|</span>', '', 'g')
        OR ("ProcDescript" <> '' AND "ProcsColored" !~ '^<span color="-16777216">.*</span>$')""")
    assert bad == (0,)


def test_front_desk_flags_follow_the_appointment_note(practice_db):
    """A color override on premed, blood pressure and anxious-patient notes; the ASAP list (Priority) holds
    every patient who asked to be called for an earlier opening, and a few more; a few locked lengths."""
    colored, asap_missing, asap, locked = one(practice_db, f"""SELECT
        count(*) FILTER (WHERE "ColorOverride" <> 0 AND "Note" NOT IN
                         ('Premed 1 hr prior', 'Check BP before treatment', 'Pt anxious, allow extra time')),
        count(*) FILTER (WHERE {ON_THE_BOOK} AND "Note" = 'Pt asked to be called if earlier opening'
                         AND NOT "Priority"),
        avg("Priority"::int), avg("TimeLocked"::int) FROM raw.appointment""")
    assert colored == 0 and asap_missing == 0 and 0.01 < asap < 0.06 and 0.01 < locked < 0.08
    assert one(practice_db, 'SELECT count(*) > 0 FROM raw.appointment WHERE "ColorOverride" <> 0') == (True,)


def test_appointment_types_book_into_blockouts(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointmenttype t,
        unnest(string_to_array(t."BlockoutTypes", ',')) AS b(num)
        LEFT JOIN raw.definition d ON d."DefNum" = b.num::bigint AND d."Category" = 25
        WHERE d."DefNum" IS NULL""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) > 5 FROM raw.appointmenttype WHERE "BlockoutTypes" <> ''""") == (True,)


@pytest.mark.parametrize("area, rule", [
    (1, """"ToothNum" ~ '^([1-9]|[12][0-9]|3[0-2]|[A-T])$' AND "Surf" ~ '^[MODBFILV]+$'
           AND NOT ("ToothNum" IN ('6','7','8','9','10','11','22','23','24','25','26','27','C','D','E','F','G','H',
                                   'M','N','O','P','Q','R') AND "Surf" LIKE '%O%')
           AND NOT ("ToothNum" NOT IN ('6','7','8','9','10','11','22','23','24','25','26','27','C','D','E','F','G',
                                       'H','M','N','O','P','Q','R') AND "Surf" LIKE '%I%')"""),
    (2, """"ToothNum" ~ '^([1-9]|[12][0-9]|3[0-2]|[A-T])$' AND "Surf" = ''"""),
    (3, """"ToothNum" = '' AND "Surf" = ''"""),
    (4, """"ToothNum" = '' AND "Surf" IN ('UR', 'UL', 'LL', 'LR')"""),
    (6, """"ToothNum" = '' AND "Surf" IN ('U', 'L')"""),
])
def test_tooth_and_surface_fit_the_treatment_area(practice_db, area, rule):
    """Surfaces on back teeth use occlusal (O), on front teeth incisal (I); quadrants and arches in Surf."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        WHERE c."TreatArea" = {area} AND NOT ({rule})""")
    assert bad == (0,)


def test_baby_teeth_only_in_children(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.patient USING ("PatNum")
        WHERE p."ToothNum" ~ '^[A-T]$' AND age(p."ProcDate", "Birthdate") > interval '13 years'""")
    assert bad == (0,)


def test_fees_are_the_ucr_fee_at_the_fee_match_rate(practice_db):
    # the fee row holds the fee since its last raise: the procedures of that time
    share, negative = one(practice_db, """SELECT avg((p."ProcFee" = f."Amount")::int),
        count(*) FILTER (WHERE p."ProcFee" < 0) FROM raw.procedurelog p JOIN raw.fee f
        ON f."CodeNum" = p."CodeNum" AND f."FeeSched" = 8285 AND f."ClinicNum" = p."ClinicNum"
        WHERE p."ProcStatus" IN (1, 2) AND f."Amount" > 0 AND p."ProcDate" >= f."SecDateTEdit"::date""")
    assert abs(float(share) - GeneratorConfig().fee_match_rate) < 0.04 and negative == 0


def test_completed_outnumber_half_the_planned(practice_db):
    complete, planned = one(practice_db, """SELECT count(*) FILTER (WHERE "ProcStatus" = 2),
        count(*) FILTER (WHERE "ProcStatus" = 1) FROM raw.procedurelog""")
    assert complete > planned / 2


def test_discount_only_on_large_planned_work(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog WHERE "Discount" <> 0 AND ("ProcStatus" <> 1
        OR "ProcFee" < 500 OR "Discount" <> round("Discount")
        OR least(abs("Discount" - "ProcFee" * 0.05), abs("Discount" - "ProcFee" * 0.10)) > 0.5)""")
    assert bad == (0,)
    assert one(practice_db, 'SELECT count(*) > 0 FROM raw.procedurelog WHERE "Discount" > 0') == (True,)


def test_diagnosis_codes_follow_the_diagnosis(practice_db):
    """ICD-10 codes exactly on procedures charted with a diagnosis, the first one principal, the others after
    it without gaps and all different."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog WHERE ("Dx" <> 0) <> ("DiagnosticCode" <> '')
        OR "IsPrincDiag" <> ("DiagnosticCode" <> '')
        OR "DiagnosticCode" !~ '^([A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?)?$'
        OR ("DiagnosticCode2" = '' AND "DiagnosticCode3" <> '') OR ("DiagnosticCode3" = '' AND "DiagnosticCode4" <> '')
        OR ("DiagnosticCode2" <> '' AND "DiagnosticCode2" IN ("DiagnosticCode", "DiagnosticCode3", "DiagnosticCode4"))
        OR ("DiagnosticCode3" <> '' AND "DiagnosticCode3" IN ("DiagnosticCode", "DiagnosticCode4"))""")
    assert bad == (0,)
    abscess = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.definition d ON d."DefNum" = p."Dx"
        WHERE d."ItemName" = 'Abscess' AND p."DiagnosticCode" NOT LIKE 'K04.%'""")
    assert abscess == (0,)


def test_claim_notes_on_completed_insured_work(practice_db):
    """A replacement names the year the original was placed (approximately when that date is an estimate)."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p WHERE p."ClaimNote" <> '' AND (
        p."ProcStatus" <> 2 OR NOT EXISTS (SELECT 1 FROM raw.patplan pp WHERE pp."PatNum" = p."PatNum")
        OR (p."Prosthesis" = 'R') <> (p."ClaimNote" LIKE 'Replacement - original placed %')
        OR (p."Prosthesis" = 'R' AND p."ClaimNote" <> 'Replacement - original placed '
            || CASE WHEN p."IsDateProsthEst" THEN 'approx. ' ELSE '' END
            || extract(year FROM p."DateOriginalProsth")))""")
    assert bad == (0,)
    estimated_elsewhere, noted = one(practice_db, """SELECT
        count(*) FILTER (WHERE "IsDateProsthEst" AND "Prosthesis" <> 'R'), count(*) FILTER (WHERE "ClaimNote" <> '')
        FROM raw.procedurelog""")
    assert estimated_elsewhere == 0 and noted > 0


def test_billing_notes_and_hidden_graphics_where_they_make_sense(practice_db):
    """Billing notes on completed procedures with a fee; graphics hidden only on procedures drawn on a tooth."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog WHERE ("BillingNote" <> '' AND ("ProcStatus" <> 2
        OR "ProcFee" = 0)) OR ("HideGraphics" AND "ToothNum" = '')""")
    assert bad == (0,)


def test_partial_dentures_list_the_teeth_they_replace(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        WHERE (p."ToothRange" <> '') <> (c."ProcCode" IN ('D5211', 'D5212', 'D5213', 'D5214', 'D5221', 'D5222',
                                                           'D5225', 'D5226'))
        OR (p."ToothRange" <> '' AND (p."ToothRange" !~ '^[0-9]+(,[0-9]+)*$' OR EXISTS (
            SELECT 1 FROM unnest(string_to_array(p."ToothRange", ',')::int[]) WITH ORDINALITY t(tooth, i)
            WHERE t.tooth NOT BETWEEN CASE p."Surf" WHEN 'U' THEN 2 ELSE 18 END
                                  AND CASE p."Surf" WHEN 'U' THEN 15 ELSE 31 END
               OR t.tooth <= (string_to_array(p."ToothRange", ',')::int[])[greatest(i - 1, 0)])))""")
    assert bad == (0,)


def test_recall_due_is_previous_plus_the_interval(practice_db):
    """Years and months first (a month end stays in a shorter month), then weeks and days - OD's AddMonths."""
    bad = one(practice_db, """SELECT count(*) FROM raw.recall WHERE "DateDueCalc" <> "DateDue"
        OR "DateDue" <> ("DatePrevious" + make_interval(years => "RecallInterval" >> 24,
                                                       months => ("RecallInterval" >> 16) & 255,
                                                       weeks => ("RecallInterval" >> 8) & 255,
                                                       days => "RecallInterval" & 255))::date""")
    assert bad == (0,)


def test_one_hygiene_recall_per_patient(practice_db):
    twice = one(practice_db, """SELECT count(*) FROM (SELECT r."PatNum" FROM raw.recall r JOIN raw.recalltype t
        USING ("RecallTypeNum") WHERE t."Description" IN ('Prophy', 'Perio', 'Child Prophy')
        GROUP BY r."PatNum" HAVING count(*) > 1) x""")
    assert twice == (0,)


def test_scheduled_recall_has_its_booked_visit(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.recall r WHERE "DateScheduled" <> '0001-01-01'
        AND NOT EXISTS (SELECT 1 FROM raw.appointment a WHERE a."PatNum" = r."PatNum" AND a."AptStatus" = 1
                        AND a."AptDateTime"::date = r."DateScheduled")""")
    assert bad == (0,)


def test_recalls_due_in_the_window_meet_the_volume(practice_db):
    (due,) = one(practice_db, f"""SELECT count(*) FROM raw.recall WHERE "DateDue" BETWEEN '2023-01-01' AND {TODAY}""")
    assert abs(due / scaled("recalls") - 1) < 0.25


@pytest.mark.parametrize("table, volume", [("appointment", "appointments"), ("procedurelog", "procedures")])
def test_volumes_scale_with_patients(practice_db, table, volume):
    (rows,) = one(practice_db, f"SELECT count(*) FROM raw.{table}")
    assert abs(rows / scaled(volume) - 1) < 0.2


def test_hand_over_matches_the_tables(practice_db, handed_over, patients_per_office):
    """What later phases receive is what the first office wrote (later phases may add rows of their own, numbered
    after)."""
    server, name = practice_db
    clinical_state = handed_over.clinical
    for table, key, handed in (("appointment", "AptNum", clinical_state.appointments.nums),
                               ("procedurelog", "ProcNum", clinical_state.procedures.nums),
                               ("recall", "RecallNum", clinical_state.recalls.nums)):
        mine = f'FROM raw.{table} WHERE "{key}" <= {handed.max()} AND {of_the_first_office(key, patients_per_office)}'
        assert one(practice_db, f'SELECT count(*), sum("{key}") {mine}') == (len(handed), int(handed.sum()))
    procedures = clinical_state.procedures
    attached = procedures.apt_num > 0
    assert np.isin(procedures.apt_num[attached], clinical_state.appointments.nums).all()
    completed_fees = query(server, name, f"""SELECT sum(round("ProcFee" * 100)) FROM raw.procedurelog
                                             WHERE "ProcStatus" = 2 AND "ProcNum" <= {procedures.nums.max()}
                                             AND {of_the_first_office("ProcNum", patients_per_office)}""")
    assert completed_fees[0][0] == int(procedures.fee_cents[procedures.status == 2].sum())


def test_hand_over_carries_each_procedures_chart_details(practice_db, handed_over, patients_per_office):
    """proctp and claim copy the diagnosis, priority, prognosis and prosthesis of the hand-over: they are the
    procedurelog's."""
    server, name = practice_db
    pr = handed_over.clinical.procedures
    written = query(server, name, f"""SELECT "Dx", "Priority", "Prognosis", "Prosthesis", "DateOriginalProsth"
                                      FROM raw.procedurelog WHERE "ProcNum" <= {pr.nums.max()}
                                      AND {of_the_first_office("ProcNum", patients_per_office)} ORDER BY "ProcNum" """)
    dx, priority, prognosis, prosthesis, original = (np.array(column) for column in zip(*written))
    order = np.argsort(pr.nums)
    assert (dx == pr.dx[order]).all() and (priority == pr.priority[order]).all()
    assert (prognosis == pr.prognosis[order]).all()
    assert (np.char.strip(prosthesis.astype(str)) == pr.prosthesis[order]).all()  # bpchar(1) pads '' to ' '
    assert (original.astype("datetime64[D]") == pr.original_prosth[order]).all()
    assert (pr.prognosis > 0).any() and (pr.prosthesis == "R").any()


def test_recalls_paused_prioritized_or_lengthened_by_the_front_desk(practice_db):
    """Paused until a date after the last edit or until the balance is paid down (never both, never on a disabled
    recall); a longer time pattern only on hygiene recalls, the type's pattern and ten more minutes."""
    bad = one(practice_db, """SELECT count(*) FROM raw.recall r JOIN raw.recalltype t USING ("RecallTypeNum")
        WHERE ("DisableUntilDate" <> '0001-01-01' AND ("DisableUntilDate" <= r."DateTStamp"::date OR r."IsDisabled"
                                                      OR r."DisableUntilBalance" <> 0))
           OR r."DisableUntilBalance" < 0 OR r."DisableUntilBalance" > 10000
           OR (r."DisableUntilBalance" > 0 AND r."IsDisabled")
           OR (r."TimePatternOverride" <> '' AND (t."Description" NOT IN ('Prophy', 'Perio', 'Child Prophy')
                                                  OR r."TimePatternOverride" <> t."TimePattern" || '//'))""")
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "DisableUntilDate" <> '0001-01-01') > 0,
        count(*) FILTER (WHERE "DisableUntilBalance" > 0) > 0, count(*) FILTER (WHERE "Priority") > 0,
        count(*) FILTER (WHERE "TimePatternOverride" <> '') > 0 FROM raw.recall""") == (True, True, True, True)


def test_x_ray_and_fluoride_recalls_append_to_hygiene_visits(practice_db):
    server, name = practice_db
    appended = query(server, name, 'SELECT "Description" FROM raw.recalltype WHERE "AppendToSpecial"')
    assert {d for (d,) in appended} == {"Fluoride", "Bitewings"}
