"""Phase 1, foundation: the practice's own setup (providers, fee schedules, code catalog, chairs, staff, logins)
is filled the way an OpenDental office fills it, consistent with the rest of the data."""
from conftest import one


def test_former_employees_keep_a_hidden_login_no_longer_used(practice_db):
    bad, hidden = one(practice_db, """SELECT count(*) FILTER (WHERE u."IsHidden" <> e."IsHidden"
            OR (u."IsHidden" AND u."DateTLastLogin" >= (SELECT max("DateTLastLogin") FROM raw.userod))),
        count(*) FILTER (WHERE u."IsHidden") FROM raw.userod u JOIN raw.employee e USING ("EmployeeNum")""")
    assert bad == 0 and hidden >= 1
    assert one(practice_db, """SELECT count(*) FROM raw.userod u LEFT JOIN raw.employee e USING ("EmployeeNum")
        LEFT JOIN raw.provider p USING ("ProvNum") WHERE u."IsHidden" AND e."EmployeeNum" IS NULL
        OR p."ProvStatus" = 1""") == (0,)


def test_erx_is_enabled_for_the_active_dentists_who_send_prescriptions(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.provider WHERE "IsErxEnabled"
        <> ("ProvStatus" = 0 AND "Suffix" = 'DDS')""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.rxpat r JOIN raw.provider p USING ("ProvNum")
        WHERE r."SendStatus" = 2 AND NOT p."IsErxEnabled" """) == (0,)


def test_web_sched_shows_the_active_dentists_and_hygienists_only(practice_db):
    bad, shown = one(practice_db, """SELECT count(*) FILTER (WHERE ("WebSchedDescript" <> '')
            <> ("ProvStatus" = 0 AND NOT "IsNotPerson") OR ("WebSchedImageLocation" <> '') <> ("WebSchedDescript" <> '')
            OR ("WebSchedImageLocation" <> '' AND "WebSchedImageLocation" !~ '^[a-z'' -]+_[a-z'' -]+\\.jpg$')),
        count(*) FILTER (WHERE "WebSchedDescript" <> '') FROM raw.provider""")
    assert bad == 0 and shown >= 2


def test_fee_schedules_have_valid_types_and_the_hidden_one_prices_no_plan(practice_db):
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "FeeSchedType" NOT IN (0, 1, 2, 4)),
        count(*) FILTER (WHERE "FeeSchedType" = 2), count(*) FILTER (WHERE "IsHidden"),
        count(*) FILTER (WHERE "IsHidden" AND "SecDateTEdit"::date <= "SecDateEntry") FROM raw.feesched""") == (0, 1, 1, 0)
    assert one(practice_db, """SELECT count(*) FROM raw.feesched s WHERE s."IsHidden" AND (
        EXISTS (SELECT 1 FROM raw.insplan i WHERE i."FeeSched" = s."FeeSchedNum")
        OR EXISTS (SELECT 1 FROM raw.provider p WHERE p."FeeSched" = s."FeeSchedNum"))""") == (0,)
    assert one(practice_db, """SELECT count(DISTINCT ("FeeSched", "CodeNum")) = count(*),
        count(*) = (SELECT count(*) FROM raw.feesched) * (SELECT count(*) FROM raw.procedurecode) FROM raw.fee""") == (
        True, True)


def test_insurance_downgrades_a_code_to_a_cheaper_one_on_molars(practice_db):
    bad, rules = one(practice_db, """SELECT count(*) FILTER (WHERE s."CodeNum" IS NULL OR fs."Amount" >= fc."Amount"
            OR c."SubstOnlyIf" <> 1), count(*)
        FROM raw.procedurecode c LEFT JOIN raw.procedurecode s ON s."ProcCode" = c."SubstitutionCode"
        LEFT JOIN raw.fee fc ON fc."CodeNum" = c."CodeNum" AND fc."FeeSched" = 8285
        LEFT JOIN raw.fee fs ON fs."CodeNum" = s."CodeNum" AND fs."FeeSched" = 8285
        WHERE c."SubstitutionCode" <> ''""")
    assert bad == 0 and rules >= 4
    assert one(practice_db, """SELECT count(*) FROM raw.procedurecode WHERE "SubstOnlyIf" <> 0
        AND "SubstitutionCode" = ''""") == (0,)


def test_chart_text_colors_and_tooth_ranges_follow_the_treatment_area(practice_db):
    bad, text, ranged = one(practice_db, """SELECT count(*) FILTER (WHERE ("PaintText" <> '') <> ("PaintType" = 17)
            OR "PaintType" = 17 AND "TreatArea" <> 2 OR "AreaAlsoToothRange" AND "TreatArea" <> 6),
        count(*) FILTER (WHERE "PaintText" <> ''), count(*) FILTER (WHERE "AreaAlsoToothRange") FROM raw.procedurecode""")
    assert bad == 0 and text >= 1 and ranged >= 2


def test_code_defaults_are_notes_and_icd10_codes_where_they_apply(practice_db):
    bad, claim_notes, diagnosed = one(practice_db, r"""SELECT
        count(*) FILTER (WHERE "DefaultClaimNote" <> '' AND "NoBillIns"
            OR "DiagnosticCodes" <> '' AND "DiagnosticCodes" !~ '^[A-Z]\d{2}\.\d{1,4}(,[A-Z]\d{2}\.\d{1,4}){0,3}$'),
        count(*) FILTER (WHERE "DefaultClaimNote" <> ''), count(*) FILTER (WHERE "DiagnosticCodes" <> '')
        FROM raw.procedurecode""")
    assert bad == 0 and claim_notes >= 3 and diagnosed >= 2


def test_the_retired_chair_is_hidden_and_never_booked(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.operatory WHERE "IsHidden" """) >= (1,)
    assert one(practice_db, """SELECT count(*) FROM raw.operatory o WHERE o."IsHidden" AND (
        EXISTS (SELECT 1 FROM raw.appointment a WHERE a."Op" = o."OperatoryNum")
        OR EXISTS (SELECT 1 FROM raw.scheduleop s WHERE s."OperatoryNum" = o."OperatoryNum"))""") == (0,)


def test_failed_logins_came_after_the_last_successful_one_and_lock_no_one_out(practice_db):
    bad, failed, reset = one(practice_db, """SELECT count(*) FILTER (WHERE ("FailedAttempts" > 0)
            <> ("DateTFail" > '0001-01-01') OR "FailedAttempts" >= 5 OR "FailedAttempts" > 0 AND
            "DateTFail" <= "DateTLastLogin" OR ("IsHidden" AND ("FailedAttempts" > 0 OR "IsPasswordResetRequired"))),
        count(*) FILTER (WHERE "FailedAttempts" > 0), count(*) FILTER (WHERE "IsPasswordResetRequired")
        FROM raw.userod""")
    assert bad == 0 and failed >= 1 and reset >= 1


def test_an_inbox_is_a_shared_task_list_of_one_user(practice_db):
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "TaskListInBox" <> 0),
        count(DISTINCT "TaskListInBox") FILTER (WHERE "TaskListInBox" <> 0),
        count(*) FILTER (WHERE "InboxHidePopups" AND "TaskListInBox" = 0) FROM raw.userod""") == (4, 4, 0)


def test_employees_report_to_a_current_office_manager_and_all_have_a_login(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.employee e LEFT JOIN raw.employee m
        ON m."EmployeeNum" = e."ReportsTo" WHERE (e."ReportsTo" <> 0 AND (m."IsHidden" OR m."ReportsTo" <> 0))
        OR (e."ReportsTo" = 0 AND NOT EXISTS (SELECT 1 FROM raw.employee r WHERE r."ReportsTo" = e."EmployeeNum"))
        OR NOT EXISTS (SELECT 1 FROM raw.userod u WHERE u."EmployeeNum" = e."EmployeeNum")
        OR (e."EmailPersonal" <> '' AND e."EmailPersonal" !~ '^[a-z.'' -]+\\d+@example\\.(com|net|org)$')""") == (0,)
    assert one(practice_db, """SELECT count(*) FILTER (WHERE "IsHidden") > 0, count(*) FILTER (WHERE "IsWorkingHome") > 0,
        count(*) FILTER (WHERE "EmailPersonal" <> '') > 0 FROM raw.employee""") == (True, True, True)
