"""Phase 6, scheduling: the provider, employee and practice schedules, blockouts, appointment history and
appointment views tell the same story as the appointment book."""
import numpy as np
import pytest

from conftest import SMALL_END, one, query
from generators.supporting import schedules

TODAY = f"DATE '{SMALL_END}'"
ON_THE_BOOK = '"AptStatus" IN (1, 2, 3, 5)'  # appointments with a chair and a time
HOLDING_A_CHAIR = '"AptStatus" IN (1, 2, 5)'  # the unscheduled list's (3) time was given to others
END = """(a."AptDateTime" + length(a."Pattern") * interval '5 minutes')"""
BLOCKOUT_TYPES = {241, 257, 258, 424, 506, 532, 590, 617, 618, 619, 620, 621, 638}
VIEW_KIND = """regexp_replace(v."Description", ' - Office [0-9]+$', '')"""  # each office has its own views
LAST_ROWS = """(SELECT DISTINCT ON ("AptNum") * FROM raw.histappointment ORDER BY "AptNum", "HistDateTStamp" DESC)"""


@pytest.mark.parametrize("table", ["schedule", "scheduleop", "histappointment", "apptview", "apptviewitem",
                                   "userodapptview"])
def test_tables_have_rows(practice_db, table):
    assert one(practice_db, f"SELECT count(*) > 0 FROM raw.{table}") == (True,)


def test_every_schedule_type_and_only_the_tested_ones(practice_db):
    server, name = practice_db
    rows = query(server, name, 'SELECT DISTINCT "SchedType", "Status" FROM raw.schedule')
    assert {t for t, _ in rows} == {0, 1, 2, 3}
    assert {(t, s) for t, s in rows} == {(0, 0), (0, 2), (1, 0), (2, 0), (3, 0)}


def test_provider_only_on_provider_blocks_employee_only_on_employee_blocks(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.schedule WHERE ("ProvNum" <> 0) <> ("SchedType" = 1)
        OR ("EmployeeNum" <> 0) <> ("SchedType" = 3) OR ("BlockoutType" <> 0) <> ("SchedType" = 2)""")
    assert bad == (0,)


def test_schedules_on_weekdays_of_the_window_stamped_before_today(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.schedule WHERE "SchedDate" < '2020-01-01'
        OR extract(isodow FROM "SchedDate") > 5 OR "DateTStamp" IS NULL OR "DateTStamp" < '2020-01-01'
        OR "DateTStamp" >= {TODAY} + 1 OR ("SchedType" > 0 AND "StartTime" >= "StopTime")""")
    assert bad == (0,)


def test_blockouts_are_the_tested_types_each_in_one_chair(practice_db):
    server, name = practice_db
    types = query(server, name, 'SELECT DISTINCT "BlockoutType" FROM raw.schedule WHERE "SchedType" = 2')
    assert {t for (t,) in types} <= BLOCKOUT_TYPES and len(types) > 5
    bad = one(practice_db, """SELECT count(*) FROM raw.schedule s WHERE "SchedType" = 2
        AND (SELECT count(*) FROM raw.scheduleop o WHERE o."ScheduleNum" = s."ScheduleNum") <> 1""")
    assert bad == (0,)


def test_no_appointment_sits_in_a_blockout(practice_db):
    overlaps = one(practice_db, f"""SELECT count(*) FROM raw.schedule s JOIN raw.scheduleop o USING ("ScheduleNum")
        JOIN raw.appointment a ON a."Op" = o."OperatoryNum" AND a."AptDateTime"::date = s."SchedDate"
        WHERE s."SchedType" = 2 AND a.{HOLDING_A_CHAIR} AND a."AptDateTime" < s."SchedDate" + s."StopTime"
        AND {END} > s."SchedDate" + s."StartTime" """)
    assert overlaps == (0,)


def test_holidays_are_observed_us_holidays_nobody_works(practice_db):
    server, name = practice_db
    holidays = query(server, name, """SELECT "SchedDate", "Note" FROM raw.schedule WHERE "Status" = 2""")
    expected = dict(zip(*schedules.us_holidays(np.datetime64("2020-01-01"), np.datetime64("2030-12-31"))))
    assert holidays and all(expected.get(np.datetime64(date, "D")) == note for date, note in holidays)
    worked = one(practice_db, """SELECT count(*) FROM raw.schedule h JOIN raw.schedule s USING ("SchedDate")
        WHERE h."Status" = 2 AND s."SchedType" IN (1, 3)""")
    assert worked == (0,)


def test_us_holidays_are_observed_on_weekdays():
    dates, names = schedules.us_holidays(np.datetime64("2023-01-01"), np.datetime64("2027-12-31"))
    found = {str(d): n for d, n in zip(dates, names)}
    assert found["2023-01-02"] == "New Year's Day" and found["2023-05-29"] == "Memorial Day"
    assert found["2026-07-03"] == "Independence Day" and found["2024-09-02"] == "Labor Day"
    assert found["2025-11-27"] == "Thanksgiving Day" and found["2027-12-24"] == "Christmas Day"
    assert found["2027-12-31"] == "New Year's Day"  # 2028-01-01 is a Saturday
    assert len(dates) == 31 and np.is_busday(dates).all()


def test_employees_one_block_a_day_providers_a_morning_and_an_afternoon_after_lunch(practice_db):
    twice = one(practice_db, """SELECT count(*) FROM (SELECT 1 FROM raw.schedule WHERE "SchedType" = 3
        GROUP BY "SchedDate", "EmployeeNum" HAVING count(*) > 1) x""")
    assert twice == (0,)
    bad = one(practice_db, """SELECT count(*) FROM (SELECT "SchedDate", "ProvNum",
        array_agg(("StartTime", "StopTime")::text ORDER BY "StartTime") blocks FROM raw.schedule WHERE "SchedType" = 1 GROUP BY 1, 2) x
        WHERE blocks NOT IN ('{"(08:00:00,12:00:00)"}',
                             '{"(08:00:00,12:00:00)","(13:00:00,17:00:00)"}')""")
    assert bad == (0,)


@pytest.mark.parametrize("provider", ['a."ProvNum"', 'CASE WHEN a."IsHygiene" THEN a."ProvHyg" END'])
def test_every_appointment_lies_inside_its_providers_block_that_day(practice_db, provider):
    outside = one(practice_db, f"""SELECT count(*) FROM raw.appointment a WHERE a.{ON_THE_BOOK}
        AND {provider} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM raw.schedule s WHERE s."SchedType" = 1
            AND s."ProvNum" = {provider} AND s."SchedDate" = a."AptDateTime"::date
            AND s."SchedDate" + s."StartTime" <= a."AptDateTime" AND s."SchedDate" + s."StopTime" >= {END})""")
    assert outside == (0,)


def test_providers_are_linked_to_the_chairs_they_work_in(practice_db):
    unlinked = one(practice_db, f"""SELECT count(*) FROM raw.appointment a WHERE a.{ON_THE_BOOK}
        AND NOT EXISTS (SELECT 1 FROM raw.schedule s JOIN raw.scheduleop o USING ("ScheduleNum")
            WHERE s."SchedType" = 1 AND s."SchedDate" = a."AptDateTime"::date AND o."OperatoryNum" = a."Op"
            AND s."ProvNum" = CASE WHEN a."IsHygiene" THEN a."ProvHyg" ELSE a."ProvNum" END)""")
    assert unlinked == (0,)


def test_providers_keep_days_off_and_vacations_and_staff_work_most_days(practice_db):
    """Every provider has weekdays they never work, a week off each year, and some half days; the employees
    work most open days."""
    server, name = practice_db
    providers = query(server, name, """SELECT "ProvNum", count(DISTINCT extract(isodow FROM "SchedDate")),
        count(*) FILTER (WHERE "StopTime" = '12:00' AND NOT EXISTS (SELECT 1 FROM raw.schedule p
            WHERE p."SchedType" = 1 AND p."ProvNum" = s."ProvNum" AND p."SchedDate" = s."SchedDate"
            AND p."StartTime" = '13:00'))
        FROM raw.schedule s WHERE "SchedType" = 1 GROUP BY 1""")
    assert providers and all(weekdays < 5 or half_days > 0 for _, weekdays, half_days in providers)
    weeks = query(server, name, """SELECT "ProvNum", count(DISTINCT date_trunc('week', "SchedDate")) FROM raw.schedule
        WHERE "SchedType" = 1 AND "SchedDate" BETWEEN '2024-01-01' AND '2024-12-29' GROUP BY 1""")
    assert weeks and all(worked <= 50 for _, worked in weeks)  # the office closes single days only
    staff = query(server, name, """SELECT count(*)::float / (SELECT count(DISTINCT "SchedDate") FROM raw.schedule
        WHERE "SchedType" IN (1, 3)) FROM raw.schedule WHERE "SchedType" = 3 GROUP BY "EmployeeNum" """)
    assert all(0.5 < share < 1.0001 for (share,) in staff) and len(staff) > 5


def test_history_begins_with_the_creation_when_booked(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.appointment a LEFT JOIN
        (SELECT DISTINCT ON ("AptNum") * FROM raw.histappointment ORDER BY "AptNum", "HistDateTStamp") h
        USING ("AptNum")
        WHERE h."AptNum" IS NULL OR h."HistApptAction" <> 0 OR h."HistDateTStamp" <> a."SecDateTEntry" """)
    assert bad == (0,)
    assert one(practice_db, """SELECT count(*) - count(DISTINCT "AptNum") FROM raw.histappointment
        WHERE "HistApptAction" = 0""") == (0,)


def test_history_stamps_strictly_increase_per_appointment_with_the_row_numbers(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM (SELECT "HistDateTStamp", lag("HistDateTStamp") OVER
        (PARTITION BY "AptNum" ORDER BY "HistApptNum") AS before FROM raw.histappointment) h
        WHERE h."HistDateTStamp" <= h.before""")
    assert bad == (0,)


def test_history_inside_the_window(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.histappointment WHERE "HistDateTStamp" IS NULL
        OR "HistDateTStamp" < '2020-01-01' OR "HistDateTStamp" >= {TODAY} + 1 OR "DateTStamp" <> "HistDateTStamp"
        OR "HistApptAction" NOT BETWEEN 0 AND 4 OR "AptStatus" NOT IN (1, 2, 3, 5, 6)""")
    assert bad == (0,)


def test_patients_book_some_recall_visits_online(practice_db):
    """ApptSource (OD's eService, 1 = Web Sched) on the creation of hygiene recall visits booked a day or more
    ahead, not of new patients' or planned appointments."""
    bad = one(practice_db, """SELECT count(*) FROM raw.histappointment h JOIN raw.appointment a USING ("AptNum")
        WHERE h."ApptSource" AND (h."HistApptAction" <> 0 OR NOT a."IsHygiene" OR a."IsNewPatient"
                                  OR a."AptStatus" = 6 OR h."HistDateTStamp" >= a."AptDateTime" - interval '1 day')""")
    assert bad == (0,)
    share = one(practice_db, """SELECT avg(h."ApptSource"::int) FROM raw.histappointment h JOIN raw.appointment a
        USING ("AptNum") WHERE h."HistApptAction" = 0 AND a."IsHygiene" AND NOT a."IsNewPatient" """)[0]
    assert 0.03 < share < 0.2


def test_last_history_row_is_the_appointment_as_it_stands(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment a JOIN {LAST_ROWS} h USING ("AptNum")
        WHERE (h."AptStatus", h."AptDateTime", h."Op", h."ProvNum", h."ProvHyg", h."Confirmed", h."PatNum",
               h."DateTimeArrived", h."DateTimeSeated", h."DateTimeDismissed", h."IsHygiene", h."IsNewPatient",
               h."AppointmentTypeNum", h."ClinicNum", h."SecDateTEntry")
        IS DISTINCT FROM (a."AptStatus", a."AptDateTime", a."Op", a."ProvNum", a."ProvHyg", a."Confirmed", a."PatNum",
               a."DateTimeArrived", a."DateTimeSeated", a."DateTimeDismissed", a."IsHygiene", a."IsNewPatient",
               a."AppointmentTypeNum", a."ClinicNum", a."SecDateTEntry")""")
    assert bad == (0,)


def test_history_tells_what_became_of_the_appointment(practice_db):
    """Completed: set complete after dismissal; broken: missed (2) after its time; unscheduled list:
    cancelled (3) before its time; until then scheduled (1), or planned (6) throughout."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment a JOIN {LAST_ROWS} h USING ("AptNum")
        WHERE CASE a."AptStatus"
            WHEN 2 THEN h."HistApptAction" <> 1 OR h."HistDateTStamp" <= a."DateTimeDismissed"
                        OR h."HistDateTStamp"::date <> a."AptDateTime"::date
            WHEN 5 THEN h."HistApptAction" <> 2 OR h."HistDateTStamp" <= a."AptDateTime"
            WHEN 3 THEN h."HistApptAction" <> 3 OR h."HistDateTStamp" >= a."AptDateTime"
            ELSE h."HistApptAction" NOT IN (0, 1) END""")
    assert bad == (0,)
    earlier = one(practice_db, f"""SELECT count(*) FROM raw.histappointment h JOIN raw.appointment a USING ("AptNum")
        WHERE h."HistApptNum" NOT IN (SELECT "HistApptNum" FROM {LAST_ROWS} x)
        AND (h."AptStatus" <> CASE WHEN a."AptStatus" = 6 THEN 6 ELSE 1 END OR h."HistApptAction" > 1
             OR h."DateTimeDismissed" <> '0001-01-01')""")
    assert earlier == (0,)


def test_some_appointments_were_moved_and_confirmed(practice_db):
    moved, confirmed = one(practice_db, """SELECT avg((h."AptDateTime" <> a."AptDateTime" OR h."Op" <> a."Op")::int),
        avg((h."Confirmed" <> a."Confirmed")::int) FROM raw.histappointment h JOIN raw.appointment a USING ("AptNum")
        WHERE h."HistApptAction" = 0 AND a."AptStatus" <> 6""")
    assert 0.05 < moved < 0.25 and 0.3 < confirmed < 0.95


def test_two_to_four_history_rows_per_appointment(practice_db):
    low, high, average = one(practice_db, """SELECT min(n), max(n), avg(n) FROM (SELECT count(*) n
        FROM raw.histappointment h JOIN raw.appointment a USING ("AptNum") WHERE a."AptStatus" <> 6
        GROUP BY "AptNum") x""")
    assert low >= 1 and high <= 4 and 2 <= average <= 4


def test_completions_by_the_provider_the_rest_by_staff(practice_db):
    bad = one(practice_db, """SELECT count(*) FROM raw.histappointment h
        JOIN raw.userod u ON u."UserNum" = h."HistUserNum"
        WHERE (h."AptStatus" = 2) <> (u."ProvNum" <> 0)
           OR (h."AptStatus" = 2 AND u."ProvNum" <> CASE WHEN h."IsHygiene" THEN h."ProvHyg" ELSE h."ProvNum" END)""")
    assert bad == (0,)


def test_every_user_has_a_view_of_the_book(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.userod u WHERE (SELECT count(*) FROM raw.userodapptview v
        WHERE v."UserNum" = u."UserNum") <> 1""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.apptview WHERE trim("Description") = ''
        OR NOT EXISTS (SELECT 1 FROM raw.apptviewitem i WHERE i."ApptViewNum" = apptview."ApptViewNum")""") == (0,)
    wrong = one(practice_db, f"""SELECT count(*) FROM raw.userodapptview uv JOIN raw.userod u USING ("UserNum")
        JOIN raw.apptview v USING ("ApptViewNum") LEFT JOIN raw.provider p ON p."ProvNum" = u."ProvNum"
        WHERE {VIEW_KIND} <> CASE WHEN p."ProvNum" IS NULL THEN 'All' WHEN p."IsSecondary" THEN 'Hygiene'
                                  ELSE 'Doctors' END""")
    assert wrong == (0,)


def test_history_copies_the_rest_of_the_appointment(practice_db):
    """histappointment.ProcDescript is varchar(255): the copy keeps the first 255 characters."""
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment a JOIN {LAST_ROWS} h USING ("AptNum")
        WHERE (h."Pattern", h."Note", h."ProcDescript", h."UnschedStatus", h."InsPlan1", h."InsPlan2",
               h."SecUserNumEntry", h."Assistant", h."ColorOverride", h."ItemOrderPlanned", h."NextAptNum",
               h."PatternSecondary", h."Priority", h."ProcsColored", h."TimeLocked", h."DateTimeAskedToArrive")
        IS DISTINCT FROM (a."Pattern", a."Note", left(a."ProcDescript", 255), a."UnschedStatus", a."InsPlan1",
                          a."InsPlan2", a."SecUserNumEntry", a."Assistant", a."ColorOverride", a."ItemOrderPlanned",
                          a."NextAptNum", a."PatternSecondary", a."Priority", a."ProcsColored", a."TimeLocked",
                          a."DateTimeAskedToArrive")""")
    assert bad == (0,)


def test_asked_to_arrive_moves_with_the_appointment_time(practice_db):
    """A moved appointment's first copy asks the patient to come the same minutes before its first time."""
    bad = one(practice_db, """SELECT count(*) FROM raw.histappointment h JOIN raw.appointment a USING ("AptNum")
        WHERE CASE WHEN a."DateTimeAskedToArrive" = '0001-01-01' THEN h."DateTimeAskedToArrive" <> '0001-01-01'
              ELSE h."AptDateTime" - h."DateTimeAskedToArrive" <> a."AptDateTime" - a."DateTimeAskedToArrive" END""")
    assert bad == (0,)


def test_assistants_work_the_days_they_assist(practice_db):
    outside = one(practice_db, f"""SELECT count(*) FROM raw.appointment a WHERE a."Assistant" <> 0
        AND NOT EXISTS (SELECT 1 FROM raw.schedule s WHERE s."SchedType" = 3 AND s."EmployeeNum" = a."Assistant"
            AND s."SchedDate" = a."AptDateTime"::date AND s."SchedDate" + s."StartTime" <= a."AptDateTime"
            AND s."SchedDate" + s."StopTime" >= {END})""")
    assert outside == (0,)


def test_views_have_the_settings_of_their_kind(practice_db):
    """Doctor and hygiene views show only scheduled providers and their days and scroll to the day's start;
    the all-chairs view has bubbles off and a minimum chair width; every view lists first names."""
    server, name = practice_db
    rows = query(server, name, f"""SELECT {VIEW_KIND}, "OnlyScheduledProvs", "OnlyScheduledProvDays",
        "IsScrollStartDynamic", "IsApptBubblesDisabled", "WidthOpMinimum" > 0, "WaitingRmName", "StackBehavUR"
        FROM raw.apptview v""")
    assert {row[0]: row[1:] for row in rows} == {"All": (False, False, False, True, True, True, 0),
                                                 "Doctors": (True, True, True, False, False, True, 1),
                                                 "Hygiene": (True, True, True, False, False, True, 0)}
