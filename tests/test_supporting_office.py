"""Phase 6, office: tasks follow the claims, balances, recalls and lab cases of the practice; programs, user
preferences, time cards, the entry log and the practice's clinic row are consistent."""
import pytest

from checks.foreign_keys import violation_sql
from conftest import SMALL_END, query
from generators.supporting import office

END_OF_TODAY = f"(DATE '{SMALL_END}' + interval '1 day')"
TABLES = ("tasklist", "task", "taskhist", "tasknote", "tasksubscription", "taskunread", "program", "programproperty",
          "userodpref", "timeadjust", "entrylog", "clinic")


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


def count(practice_db, sql):
    return rows(practice_db, f"SELECT count(*) FROM ({sql}) v")[0][0]


@pytest.mark.parametrize("key", office.FOREIGN_KEYS, ids=lambda key: f"{key[0]}.{key[1]}")
def test_office_keys_resolve(practice_db, key):
    assert count(practice_db, violation_sql(*key)) == 0


@pytest.mark.parametrize("table", TABLES)
def test_office_table_has_rows(practice_db, table):
    assert count(practice_db, f'SELECT 1 FROM raw."{table}"') > 0


def test_the_etl_tracking_tables_stay_empty(practice_db):
    assert count(practice_db, "SELECT 1 FROM raw.etl_load_status UNION ALL SELECT 1 FROM raw.etl_transform_status") == 0


def test_task_keys_point_at_the_patient_or_appointment_of_their_object_type(practice_db):
    assert set(dict(rows(practice_db, 'SELECT "ObjectType", count(*) FROM raw.task GROUP BY 1'))) == {1, 2}
    assert count(practice_db, """SELECT 1 FROM raw.task t WHERE ("ObjectType" = 1 AND NOT EXISTS (
                                 SELECT 1 FROM raw.patient p WHERE p."PatNum" = t."KeyNum"))
                                 OR ("ObjectType" = 2 AND NOT EXISTS (
                                 SELECT 1 FROM raw.appointment a WHERE a."AptNum" = t."KeyNum"))""") == 0


def test_task_status_dates_and_priorities(practice_db):
    statuses = dict(rows(practice_db, 'SELECT "TaskStatus", count(*) FROM raw.task GROUP BY 1'))
    assert set(statuses) == {0, 1, 2} and statuses[2] > statuses[0]
    assert count(practice_db, f"""SELECT 1 FROM raw.task WHERE "DateTimeOriginal" < DATE '2023-01-01'
                                  OR "DateTimeEntry" <> "DateTimeOriginal" OR "SecDateTEdit" < "DateTimeEntry"
                                  OR "SecDateTEdit" >= {END_OF_TODAY} OR "PriorityDefNum" NOT IN (263, 290)
                                  OR ("TaskStatus" = 2) <> ("DateTimeFinished" > DATE '1900-01-01')
                                  OR ("TaskStatus" = 2 AND "SecDateTEdit" <> "DateTimeFinished")
                                  OR "UserNum" = 0""") == 0


def test_task_history_snapshots_the_task_before_each_change(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.taskhist h JOIN raw.task t USING ("TaskNum")
                                  WHERE h."DateTStamp" < DATE '2023-01-01' OR h."DateTStamp" < h."SecDateTEdit"
                                  OR h."DateTStamp" > t."SecDateTEdit" OR h."TaskStatus" > t."TaskStatus"
                                  OR (NOT h."IsNoteChange" AND h."TaskStatus" = t."TaskStatus")
                                  OR h."TaskStatus" = 2 OR h."UserNumHist" = 0
                                  OR h."DateTimeOriginal" <> t."DateTimeOriginal" OR h."Descript" <> t."Descript"
                                  """) == 0
    assert count(practice_db, """SELECT 1 FROM raw.task t WHERE "TaskStatus" > 0 AND NOT EXISTS (
                                 SELECT 1 FROM raw.taskhist h WHERE h."TaskNum" = t."TaskNum"
                                 AND h."TaskStatus" = 0)""") == 0


def test_task_notes_and_unread_marks_have_users_and_follow_the_task(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.tasknote n JOIN raw.task t USING ("TaskNum")
                                  WHERE n."UserNum" = 0 OR n."DateTimeNote" < t."DateTimeEntry"
                                  OR n."DateTimeNote" > t."SecDateTEdit" OR n."Note" = ''""") == 0
    assert count(practice_db, """SELECT 1 FROM raw.taskunread u JOIN raw.task t USING ("TaskNum")
                                 WHERE u."UserNum" = 0 OR t."TaskStatus" <> 0 OR u."UserNum" = t."UserNum"
                                 OR NOT EXISTS (SELECT 1 FROM raw.tasksubscription s
                                 WHERE s."UserNum" = u."UserNum" AND s."TaskListNum" = t."TaskListNum")""") == 0


def test_task_lists_include_the_documented_ones(practice_db):
    lists = {num for (num,) in rows(practice_db, 'SELECT "TaskListNum" FROM raw.tasklist')}
    assert {29, 47} <= lists
    assert count(practice_db, 'SELECT 1 FROM raw.tasklist WHERE "DateTimeEntry" < DATE \'2023-01-01\'') == 0


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


def test_time_card_adjustments(practice_db):
    assert count(practice_db, f"""SELECT 1 FROM raw.timeadjust WHERE "TimeEntry" < DATE '2023-01-01'
                                  OR "TimeEntry" >= {END_OF_TODAY}
                                  OR ("PtoDefNum" <> 0) <> ("PtoHours" > time '00:00')
                                  OR "IsAuto" <> ("OTimeHours" > time '00:00')
                                  OR extract(isodow FROM "TimeEntry") > 5""") == 0
    kinds = {name for (name,) in rows(practice_db, """SELECT DISTINCT d."ItemName" FROM raw.timeadjust t
                                                      JOIN raw.definition d ON d."DefNum" = t."PtoDefNum" """)}
    assert {"Holiday", "PTO", "Sick"} <= kinds


def test_entry_log_records_who_booked_each_appointment(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.entrylog e JOIN raw.appointment a ON a."AptNum" = e."FKey"
                                 WHERE e."UserNum" <> a."SecUserNumEntry" OR e."EntryDateTime" <> a."SecDateTEntry"
                                 OR e."FKeyType" OR e."EntryDateTime" < DATE '2023-01-01'""") == 0


def test_user_preferences_belong_to_users(practice_db):
    assert count(practice_db, """SELECT 1 FROM raw.userodpref WHERE "UserNum" <= 0 OR "FkeyType" <> 0""") == 0
    assert count(practice_db, "SELECT DISTINCT \"UserNum\" FROM raw.userodpref") == count(practice_db,
                                                                                          "SELECT 1 FROM raw.userod")
