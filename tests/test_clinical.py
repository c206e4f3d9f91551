"""Phase 4: appointments, procedures and recalls behave like a practice's book and chart in OpenDental."""
from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest

from checks.foreign_keys import violation_sql
from conftest import SMALL_END, one, query
from core.config import GeneratorConfig
from core.context import RunContext
from core.ids import IdAllocator
from core.randomness import RandomSource
from generators import clinical, foundation, insurance, patients

PATIENTS = 400
TODAY = f"DATE '{SMALL_END}'"
ON_THE_BOOK = '"AptStatus" IN (1, 2, 3, 5)'  # appointments with a chair and a time (not planned ones)
END = """("AptDateTime" + length("Pattern") * interval '5 minutes')"""
APPOINTMENT_TYPES = {"......", "Adult Cleaning (Existing Patient)", "zzzzzzzzDO NOT USE",
                     "Child Cleaning (Existing Patient)", "Adult Cleaning (New Patient)",
                     "Child Cleaning (New Patient)", "30 Minute Appt", "Emergency Pain", "Crown Prep",
                     "WebSched New Patient Default", "Implant Consult", "Prophy Child New", "None", "Adult Recare",
                     "Comp, FMX, 4BWX"}
DECODED_INTERVALS = {0, 196609, 393216, 393217, 16777217, 83886081}


def scaled(name):
    return GeneratorConfig(patients=PATIENTS).volume(name)


@pytest.fixture(scope="module")
def handed_over():
    """ctx.practice after the clinical phase, for the practice of `practice_db` (same options, same seed)."""
    config = GeneratorConfig(patients=PATIENTS, seed=11, end_date=date.fromisoformat(SMALL_END))
    ctx = RunContext(config, RandomSource(config.seed), IdAllocator(), SimpleNamespace(copy=lambda *_: 0))
    for phase in (foundation, patients, insurance, clinical):
        phase.generate(ctx)
    return ctx.practice


@pytest.mark.parametrize("key", clinical.FOREIGN_KEYS, ids=lambda key: f"{key[0]}.{key[1]}")
def test_clinical_keys_resolve(practice_db, key):
    assert one(practice_db, f"SELECT count(*) FROM ({violation_sql(*key)}) v") == (0,)


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
                                                  FROM raw.appointment WHERE {ON_THE_BOOK} AND "Op" <> 0)
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
                                           WHERE p."AptNum" = a."AptNum" AND c."ProcCode" = 'D0150'))""")
    assert bad == (0,)


def test_hygiene_procedures_by_hygienists_the_rest_by_dentists(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum")
        JOIN raw.provider v ON v."ProvNum" = p."ProvNum" WHERE c."IsHygiene" <> v."IsSecondary" """)
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
    """Planned no later than done; completion dates only, and exactly, on completed procedures."""
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog WHERE "DateTP" > "ProcDate"
        OR CASE WHEN "ProcStatus" = 2 THEN "DateComplete" <> "ProcDate" OR "DateEntryC" <> "ProcDate"
           ELSE "DateComplete" <> '0001-01-01' OR "DateEntryC" <> '0001-01-01' END
        OR "SecDateEntry"::date <> "DateTP" OR "DateTStamp" < "SecDateEntry" """)
    assert bad == (0,)


def test_planned_appointment_holds_only_planned_work(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.appointment a
        ON a."AptNum" = p."PlannedAptNum" WHERE a."AptStatus" <> 6 OR p."ProcStatus" <> 1 OR p."AptNum" <> 0""")
    assert bad == (0,)


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
    share, negative = one(practice_db, """SELECT avg((p."ProcFee" = f."Amount")::int),
        count(*) FILTER (WHERE p."ProcFee" < 0) FROM raw.procedurelog p JOIN raw.fee f
        ON f."CodeNum" = p."CodeNum" AND f."FeeSched" = 8285 AND f."ClinicNum" = p."ClinicNum"
        WHERE p."ProcStatus" IN (1, 2) AND f."Amount" > 0""")
    assert abs(float(share) - GeneratorConfig().fee_match_rate) < 0.04 and negative == 0


def test_completed_outnumber_half_the_planned(practice_db):
    complete, planned = one(practice_db, """SELECT count(*) FILTER (WHERE "ProcStatus" = 2),
        count(*) FILTER (WHERE "ProcStatus" = 1) FROM raw.procedurelog""")
    assert complete > planned / 2


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


def test_hand_over_matches_the_tables(practice_db, handed_over):
    """What later phases receive is what was written (later phases may add rows of their own, numbered after)."""
    server, name = practice_db
    clinical_state = handed_over.clinical
    for table, key, handed in (("appointment", "AptNum", clinical_state.appointments.nums),
                               ("procedurelog", "ProcNum", clinical_state.procedures.nums),
                               ("recall", "RecallNum", clinical_state.recalls.nums)):
        mine = f'FROM raw.{table} WHERE "{key}" <= {handed.max()}'
        assert one(practice_db, f'SELECT count(*), sum("{key}") {mine}') == (len(handed), int(handed.sum()))
    procedures = clinical_state.procedures
    attached = procedures.apt_num > 0
    assert np.isin(procedures.apt_num[attached], clinical_state.appointments.nums).all()
    completed_fees = query(server, name, f"""SELECT sum(round("ProcFee" * 100)) FROM raw.procedurelog
                                             WHERE "ProcStatus" = 2 AND "ProcNum" <= {procedures.nums.max()}""")
    assert completed_fees[0][0] == int(procedures.fee_cents[procedures.status == 2].sum())
