"""Phase 6, office: tasks follow the claims, balances, recalls and lab cases of the practice; programs, user
preferences, time cards, the entry log and the practice's clinic row are consistent."""
import pytest

from conftest import SMALL_END, query

END_OF_TODAY = f"(DATE '{SMALL_END}' + interval '1 day')"
TABLES = ("tasklist", "task", "taskhist", "tasknote", "tasksubscription", "taskunread", "program", "programproperty",
          "userodpref", "timeadjust", "entrylog", "clinic")


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


def count(practice_db, sql):
    return rows(practice_db, f"SELECT count(*) FROM ({sql}) v")[0][0]


@pytest.mark.parametrize("table", TABLES)
def test_office_table_has_rows(practice_db, table):
    assert count(practice_db, f'SELECT 1 FROM raw."{table}"') > 0


def test_the_etl_tracking_tables_stay_empty(practice_db):
    assert count(practice_db, "SELECT 1 FROM raw.etl_load_status UNION ALL SELECT 1 FROM raw.etl_transform_status") == 0


CHECKLISTS = 'SELECT "TaskListNum" FROM raw.tasklist WHERE "IsRepeating" OR "FromNum" <> 0'


def test_task_keys_point_at_the_patient_or_appointment_of_their_object_type(practice_db):
    assert set(dict(rows(practice_db, 'SELECT "ObjectType", count(*) FROM raw.task GROUP BY 1'))) == {0, 1, 2}
    assert count(practice_db, f"""SELECT 1 FROM raw.task WHERE ("ObjectType" = 0) <> ("TaskListNum" IN ({CHECKLISTS}))
                                  OR ("ObjectType" = 0 AND "KeyNum" <> 0)""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.task t WHERE ("ObjectType" = 1 AND NOT EXISTS (
                                 SELECT 1 FROM raw.patient p WHERE p."PatNum" = t."KeyNum"))
                                 OR ("ObjectType" = 2 AND NOT EXISTS (
                                 SELECT 1 FROM raw.appointment a WHERE a."AptNum" = t."KeyNum"))""") == 0


def test_task_status_dates_and_priorities(practice_db):
    statuses = dict(rows(practice_db, 'SELECT "TaskStatus", count(*) FROM raw.task GROUP BY 1'))
    assert set(statuses) == {0, 1, 2} and statuses[2] > statuses[0]
    assert count(practice_db, f"""SELECT 1 FROM raw.task WHERE "DateTimeOriginal" < DATE '2020-01-01'
                                  OR "DateTimeEntry" <> "DateTimeOriginal" OR "SecDateTEdit" < "DateTimeEntry"
                                  OR "SecDateTEdit" >= {END_OF_TODAY} OR "PriorityDefNum" NOT IN (263, 290)
                                  OR ("TaskStatus" = 2) <> ("DateTimeFinished" > DATE '1900-01-01')
                                  OR ("TaskStatus" = 2 AND "SecDateTEdit" < "DateTimeFinished")
                                  OR "UserNum" = 0""") == 0
    # Edited after it was done: only by a note added later.
    assert count(practice_db, """SELECT 1 FROM raw.task t WHERE "TaskStatus" = 2 AND "SecDateTEdit" > "DateTimeFinished"
                                 AND NOT EXISTS (SELECT 1 FROM raw.tasknote n WHERE n."TaskNum" = t."TaskNum"
                                 AND n."DateTimeNote" = t."SecDateTEdit")""") == 0


def test_task_history_snapshots_the_task_before_each_change(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.taskhist h JOIN raw.task t USING ("TaskNum")
                                  WHERE h."DateTStamp" < DATE '2020-01-01' OR h."DateTStamp" < h."SecDateTEdit"
                                  OR h."DateTStamp" > t."SecDateTEdit" OR h."TaskStatus" > t."TaskStatus"
                                  OR (NOT h."IsNoteChange" AND h."TaskStatus" = t."TaskStatus")
                                  OR (h."TaskStatus" = 2 AND NOT h."IsNoteChange")
                                  OR (h."TaskStatus" = 2) <> (h."DateTimeFinished" > DATE '1900-01-01')
                                  OR (h."TaskStatus" = 2 AND h."DateTimeFinished" <> t."DateTimeFinished")
                                  OR h."IsRepeating" <> t."IsRepeating" OR h."FromNum" <> t."FromNum"
                                  OR h."UserNumHist" = 0
                                  OR h."DateTimeOriginal" <> t."DateTimeOriginal" OR h."Descript" <> t."Descript"
                                  """) == 0
    assert count(practice_db, """SELECT 1 FROM raw.task t WHERE "TaskStatus" > 0 AND NOT EXISTS (
                                 SELECT 1 FROM raw.taskhist h WHERE h."TaskNum" = t."TaskNum"
                                 AND h."TaskStatus" = 0)""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.taskhist WHERE "DateTimeFinished" > DATE '1900-01-01'""") > 0


def test_task_history_snapshots_follow_each_other_in_time(practice_db):
    """Each snapshot is taken strictly after the one before (the first after the task was entered), and keeps as
    the task's last edit the moment of the change before it."""
    assert count(practice_db, """SELECT 1 FROM (SELECT h.*, t."DateTimeEntry" AS entered,
                                 lag(h."DateTStamp") OVER (PARTITION BY h."TaskNum"
                                                           ORDER BY h."DateTStamp", h."TaskHistNum") AS before
                                 FROM raw.taskhist h JOIN raw.task t USING ("TaskNum")) s
                                 WHERE "DateTStamp" <= coalesce(before, entered)
                                    OR "SecDateTEdit" <> coalesce(before, entered)""") == 0
    assert count(practice_db, 'SELECT "TaskNum" FROM raw.taskhist GROUP BY 1 HAVING count(*) > 2') > 0


def test_task_notes_and_unread_marks_have_users_and_follow_the_task(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.tasknote n JOIN raw.task t USING ("TaskNum")
                                  WHERE n."UserNum" = 0 OR n."DateTimeNote" < t."DateTimeEntry"
                                  OR n."DateTimeNote" > t."SecDateTEdit" OR n."Note" = ''""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.taskunread u JOIN raw.task t USING ("TaskNum")
                                 WHERE u."UserNum" = 0 OR t."TaskStatus" <> 0 OR u."UserNum" = t."UserNum"
                                 OR NOT EXISTS (SELECT 1 FROM raw.tasksubscription s
                                 WHERE s."UserNum" = u."UserNum" AND s."TaskListNum" = t."TaskListNum")""") == 0


def test_task_lists_include_the_documented_ones(practice_db):
    lists = {num for (num,) in rows(practice_db, 'SELECT "TaskListNum" FROM raw.tasklist')}
    assert {29, 47} <= lists
    assert count(practice_db, """SELECT 1 FROM raw.tasklist WHERE "DateTimeEntry" < DATE '2020-01-01'
                                 OR "DateTL" < DATE '2000-01-01' OR "ObjectType" NOT IN (0, 1, 2)""") == 0
    # A retired folder is archived; a folder's object type is that of the tasks in it.
    assert count(practice_db, 'SELECT 1 FROM raw.tasklist WHERE "TaskListStatus" = 1') > 0
    assert count(practice_db, """SELECT 1 FROM raw.tasklist l JOIN raw.task t USING ("TaskListNum")
                                 WHERE t."ObjectType" <> l."ObjectType" OR l."TaskListStatus" <> 0""") == 0


HOLIDAY = '"SchedDate" FROM raw.schedule WHERE "SchedType" = 0 AND "Status" = 2'  # the days the office closed


def test_the_daily_checklist_is_copied_from_its_repeating_list_every_business_day(practice_db):
    templates = rows(practice_db, """SELECT count(*) FILTER (WHERE "IsRepeating" AND "DateType"), count(*)
                                     FROM raw.tasklist WHERE "IsRepeating" """)[0]
    assert templates[0] == templates[1] == 1
    assert count(practice_db, f"""SELECT 1 FROM raw.tasklist c JOIN raw.tasklist r ON r."TaskListNum" = c."FromNum"
        WHERE NOT r."IsRepeating" OR c."IsRepeating" OR NOT c."DateType" OR c."Descript" <> r."Descript"
        OR c."DateTL" <> c."DateTimeEntry"::date OR extract(isodow FROM c."DateTL") > 5
        OR c."DateTL" IN (SELECT {HOLIDAY})""") == 0
    assert count(practice_db, f"""SELECT d FROM generate_series(DATE '2023-01-03', DATE '{SMALL_END}', '1 day') d
        WHERE extract(isodow FROM d) <= 5 AND d NOT IN (SELECT {HOLIDAY}) AND NOT EXISTS (SELECT 1 FROM raw.tasklist
        WHERE "FromNum" <> 0 AND "DateTL" = d)""") == 0
    # Repeating tasks: undated, never worked; each day's copy names its repeating task and is done that day.
    assert count(practice_db, """SELECT 1 FROM raw.task t JOIN raw.tasklist l USING ("TaskListNum")
        WHERE t."IsRepeating" AND (NOT l."IsRepeating" OR NOT t."DateType" OR t."DateTask" <> DATE '0001-01-01'
        OR t."TaskStatus" <> 0 OR t."FromNum" <> 0)""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.task c JOIN raw.tasklist l USING ("TaskListNum")
        LEFT JOIN raw.task r ON r."TaskNum" = c."FromNum"
        WHERE l."FromNum" <> 0 AND (r."TaskNum" IS NULL OR NOT r."IsRepeating" OR r."TaskListNum" <> l."FromNum"
        OR c."Descript" <> r."Descript" OR c."IsRepeating" OR c."DateTask" <> l."DateTL" OR c."TaskStatus" <> 2
        OR c."DateTimeFinished"::date <> l."DateTL")""") == 0


def test_single_task_subscriptions_are_treating_dentists_on_denied_claims(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.tasksubscription WHERE "TaskNum" <> 0') > 0
    assert count(practice_db, """SELECT 1 FROM raw.tasksubscription s WHERE ("TaskNum" = 0) = ("TaskListNum" = 0)
        OR ("TaskNum" <> 0 AND NOT EXISTS (SELECT 1 FROM raw.task t JOIN raw.patient p ON p."PatNum" = t."KeyNum"
            JOIN raw.userod u ON u."ProvNum" = p."PriProv"
            WHERE t."TaskNum" = s."TaskNum" AND t."Descript" LIKE 'Denied:%' AND u."UserNum" = s."UserNum"))""") == 0


def test_lab_tasks_are_done_before_the_crown_is_seated(practice_db):
    assert count(practice_db, 'SELECT 1 FROM raw.task WHERE "ObjectType" = 2 AND "TaskStatus" = 2') > 0
    assert count(practice_db, """SELECT 1 FROM raw.task t JOIN raw.appointment a ON a."AptNum" = t."KeyNum"
                                 WHERE t."ObjectType" = 2 AND (t."DateTimeEntry" <> a."SecDateTEntry"
                                 OR (t."TaskStatus" = 2 AND t."DateTimeFinished" >= a."AptDateTime"))""") == 0


def test_denied_claim_tasks_are_high_priority_on_the_insurance_list(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.task WHERE "Descript" LIKE 'Denied:%'""") > 0
    assert count(practice_db, """SELECT 1 FROM raw.task WHERE "Descript" LIKE 'Denied:%'
                                 AND ("PriorityDefNum" <> 290 OR "TaskListNum" <> 47)""") == 0


def test_the_single_location_is_described_in_one_unreferenced_clinic_row(practice_db):
    clinic = rows(practice_db, """SELECT "ClinicNum", "City", "Zip", "IsHidden", "DefaultProv", "InsBillingProv",
                                  "ItemOrder" FROM raw.clinic""")
    assert len(clinic) == 1
    num, city, zip_code, hidden, default_prov, billing_prov, item_order = clinic[0]
    assert (num, city, zip_code, hidden, item_order) == (1, "Beaverton", "97005", False, 1)
    assert count(practice_db, f"""SELECT 1 FROM raw.provider WHERE "ProvNum" IN ({default_prov}, {billing_prov})
                                  AND "ProvStatus" = 0 AND NOT "IsSecondary" AND NOT "IsNotPerson" """) == 1
    assert count(practice_db, """SELECT 1 FROM raw.clinic c JOIN raw.definition d ON d."DefNum" = c."Region"
                                 AND d."Category" = 39""") == 1
    assert count(practice_db, """SELECT 1 FROM raw.patient WHERE "ClinicNum" <> 0 UNION ALL
                                 SELECT 1 FROM raw.appointment WHERE "ClinicNum" <> 0""") == 0


def test_podium_is_the_program_the_commlog_bridges(practice_db):
    podium = rows(practice_db, 'SELECT "ProgName", "Enabled" FROM raw.program WHERE "ProgramNum" = 95')
    assert podium == [("Podium", True)]
    assert count(practice_db, """SELECT 1 FROM raw.programproperty WHERE "IsMasked"
                                 AND "PropertyValue" !~ '^[0-9a-f]{32}$'""") == 0
    # A workstation's own path to a program: blank description, the computer's name, a path to an .exe.
    assert count(practice_db, """SELECT 1 FROM raw.programproperty WHERE "ComputerName" <> ''""") > 0
    assert count(practice_db, """SELECT 1 FROM raw.programproperty WHERE ("ComputerName" <> '')
                                 <> ("PropertyDesc" = '') OR ("ComputerName" <> ''
                                 AND "PropertyValue" NOT LIKE '%.exe')""") == 0


def test_time_card_adjustments(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.timeadjust WHERE "TimeEntry" < DATE '2020-01-01'
                                  OR "TimeEntry" >= {END_OF_TODAY}
                                  OR ("PtoDefNum" <> 0) <> ("PtoHours" > time '00:00')
                                  OR "IsAuto" <> ("OTimeHours" > time '00:00')
                                  OR ("RegHours" > time '00:00' AND ("IsAuto" OR "PtoDefNum" <> 0
                                      OR "SecuUserNumEntry" = 0 OR "RegHours" > time '02:00'))
                                  OR extract(isodow FROM "TimeEntry") > 5""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.timeadjust WHERE "RegHours" > time '00:00'""") > 0
    kinds = {name for (name,) in rows(practice_db, """SELECT DISTINCT d."ItemName" FROM raw.timeadjust t
                                                      JOIN raw.definition d ON d."DefNum" = t."PtoDefNum" """)}
    assert {"Holiday", "PTO", "Sick"} <= kinds


def test_unpaid_protected_leave_is_a_stretch_of_sick_days(practice_db):
    leave = rows(practice_db, """SELECT t."EmployeeNum", count(*), max(t."TimeEntry") - min(t."TimeEntry")
                                 FROM raw.timeadjust t WHERE t."IsUnpaidProtectedLeave" GROUP BY 1""")
    assert leave and all(days >= 5 for _, days, _ in leave)
    assert count(practice_db, """SELECT 1 FROM raw.timeadjust t JOIN raw.definition d ON d."DefNum" = t."PtoDefNum"
        WHERE t."IsUnpaidProtectedLeave" AND (d."ItemName" <> 'Sick' OR t."PtoHours" <> time '08:00')""") == 0


def test_entry_log_records_who_booked_each_appointment(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.entrylog e JOIN raw.appointment a ON a."AptNum" = e."FKey"
                                 WHERE e."UserNum" <> a."SecUserNumEntry" OR e."EntryDateTime" <> a."SecDateTEntry"
                                 OR e."FKeyType" OR e."EntryDateTime" < DATE '2020-01-01'
                                 OR (e."LogSource" = 1) <> (a."AppointmentTypeNum" = 9)
                                 OR e."LogSource" NOT IN (0, 1)""") == 0


def test_user_preferences_belong_to_users(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.userodpref p WHERE "UserNum" <= 0 OR "FkeyType" NOT IN (0, 3)
        OR ("FkeyType" = 0 AND NOT EXISTS (SELECT 1 FROM raw.definition d WHERE d."DefNum" = p."Fkey"
                                           AND d."Category" = 18))
        OR ("FkeyType" = 3 AND ("Fkey" <> 0 OR "ValueString" NOT IN ('0', '1')))""") == 0
    assert count(practice_db, 'SELECT 1 FROM raw.userodpref WHERE "FkeyType" = 3') > 0
    assert count(practice_db, "SELECT DISTINCT \"UserNum\" FROM raw.userodpref") == count(practice_db,
                                                                                          "SELECT 1 FROM raw.userod")
