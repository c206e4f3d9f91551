"""Phase 2: the people of the practice look like a real one's."""
import numpy as np

from conftest import SMALL_END, one
from generators import patients
from opendental.codes import ContactMethod, PatStatus

CHILD = f"age(date '{SMALL_END}', p.\"Birthdate\") < interval '12 years 11 months'"
ADULT = f"age(date '{SMALL_END}', p.\"Birthdate\") >= interval '18 years 1 month'"
PHONES = 'unnest(ARRAY["HmPhone", "WkPhone", "WirelessPhone"])'


def test_families_of_one_to_five_share_a_guarantor_and_an_address(practice_db):
    sizes = one(practice_db, """SELECT min(n), max(n) FROM (SELECT "Guarantor", count(*) n FROM raw.patient
                                GROUP BY 1) f""")
    assert sizes == (1, 5)
    assert one(practice_db, """SELECT count(*) FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor"
                               WHERE g."Guarantor" <> g."PatNum" OR g."Address" <> p."Address"
                                  OR g."Zip" <> p."Zip" """) == (0,)


def test_age_mix_is_a_family_practice(practice_db):
    minors, seniors = one(practice_db, f"""
        SELECT avg((age(date '{SMALL_END}', "Birthdate") < interval '18 years')::int),
               avg((age(date '{SMALL_END}', "Birthdate") >= interval '65 years')::int) FROM raw.patient""")
    assert 0.12 < minors < 0.32 and 0.10 < seniors < 0.30
    assert one(practice_db, f"""SELECT count(*) FROM raw.patient WHERE "Birthdate" >= date '{SMALL_END}'""") == (0,)


def test_enums_stay_inside_the_tested_sets(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patient WHERE "PatStatus" NOT BETWEEN 0 AND 5
        OR "Gender" NOT BETWEEN 0 AND 2 OR "Position" NOT BETWEEN 0 AND 4 OR "BillingCycleDay" NOT BETWEEN 1 AND 31
        OR "PreferConfirmMethod" NOT IN (0,2,3,4,6,8) OR "PreferContactMethod" NOT IN (0,2,3,4,5,6,8)
        OR "PreferRecallMethod" NOT IN (0,2,4,8) OR "TxtMsgOk" NOT IN (0,1,2)""") == (0,)
    statuses = one(practice_db, "SELECT avg((\"PatStatus\" = 0)::int) FROM raw.patient")[0]
    assert 0.5 < statuses < 0.85  # families leave over the years since the practice opened


def test_contact_details_have_the_opendental_formats(practice_db):
    assert one(practice_db, r"""SELECT count(*) FROM raw.patient WHERE "Zip" !~ '^\d{5}$'
        OR "State" <> 'OR' OR "LName" = '' OR "FName" = ''""") == (0,)
    assert one(practice_db, r"""SELECT count(*) FROM raw.zipcode WHERE "ZipCodeDigits" ~ '^\d{5}$'
                                AND length("State") = 2""") == (100,)


def test_dates_are_in_order(practice_db):
    assert one(practice_db, f"""SELECT count(*) FROM raw.patient WHERE "DateFirstVisit" > date '{SMALL_END}'
        OR ("DateFirstVisit" > '0001-01-01' AND "SecDateEntry" > "DateFirstVisit")
        OR "DateTStamp"::date < "SecDateEntry" OR "DateTStamp"::date > date '{SMALL_END}'""") == (0,)


def test_every_patient_has_one_note_entered_since_the_practice_opened(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patient p FULL JOIN raw.patientnote n USING ("PatNum")
                               WHERE p."PatNum" IS NULL OR n."PatNum" IS NULL""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.patientnote WHERE "SecDateTEntry" < '2020-01-01'
                               OR "SecDateTEdit" < "SecDateTEntry" """) == (0,)


def test_merged_duplicates_link_to_a_different_real_chart(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patientlink l JOIN raw.patient f ON f."PatNum" = l."PatNumFrom"
                               WHERE l."PatNumFrom" = l."PatNumTo" OR f."PatStatus" <> 4""") == (0,)


def test_providers_are_dentists_hygienists_and_a_few_former_ones(practice_db):
    dentists, hygienists, former = one(practice_db, """SELECT count(*) FILTER (WHERE "Suffix" = 'DDS' AND NOT "IsHidden"),
        count(*) FILTER (WHERE "IsSecondary" AND NOT "IsHidden"), count(*) FILTER (WHERE "ProvStatus" = 1)
        FROM raw.provider""")
    assert dentists >= 1 and hygienists >= 1 and former >= 1
    assert one(practice_db, "SELECT count(*) FROM raw.definition") >= (150,)


def test_premedicated_patients_are_mostly_seniors_and_their_medical_note_says_why(practice_db):
    premed, seniors, bad = one(practice_db, f"""SELECT count(*) FILTER (WHERE "Premed"),
        count(*) FILTER (WHERE "Premed" AND age(date '{SMALL_END}', "Birthdate") >= interval '65 years'),
        count(*) FILTER (WHERE "Premed" <> (n."Medical" LIKE 'Premed required%'))
        FROM raw.patient p JOIN raw.patientnote n USING ("PatNum")""")
    assert premed > 0 and seniors >= premed / 3 and bad == 0


def test_scheduling_wishes_are_rare_and_coherent(practice_db):
    before, after, monday, early, confidential, bad = one(practice_db, """SELECT
        count(*) FILTER (WHERE "SchedBeforeTime" > '00:00'), count(*) FILTER (WHERE "SchedAfterTime" > '00:00'),
        count(*) FILTER (WHERE "SchedDayOfWeek"), count(*) FILTER (WHERE "AskToArriveEarly" > 0),
        count(*) FILTER (WHERE "PreferContactConfidential"),
        count(*) FILTER (WHERE ("SchedBeforeTime" > '00:00' AND "SchedAfterTime" > '00:00'
                                AND "SchedBeforeTime" > "SchedAfterTime") OR "AskToArriveEarly" NOT IN (0, 10, 15))
        FROM raw.patient""")
    assert min(before, after, monday, early, confidential) > 0 and bad == 0
    patients_count = one(practice_db, "SELECT count(*) FROM raw.patient")[0]
    assert max(before, after, monday, early, confidential) < 0.1 * patients_count


def test_planned_treatment_is_marked_done_only_for_patients_who_left(practice_db):
    done, bad = one(practice_db, """SELECT count(*), count(*) FILTER (WHERE "PatStatus" NOT IN (2, 3, 5)
        OR "DateFirstVisit" = '0001-01-01') FROM raw.patient p WHERE "PlannedIsDone" """)
    assert done > 0 and bad == 0


def test_chart_notes_consent_and_pronouns_belong_to_patients_who_came(practice_db):
    counts = one(practice_db, f"""SELECT count(*) FILTER (WHERE "Service" <> ''),
        count(*) FILTER (WHERE "Treatment" <> ''),
        count(*) FILTER (WHERE "Consent"), count(*) FILTER (WHERE "Pronoun" <> 0),
        count(*) FILTER (WHERE ("DateFirstVisit" = '0001-01-01' AND ("Service" <> '' OR "Treatment" <> ''
                                OR "Consent" OR "Pronoun" <> 0))
            OR ("Consent" AND date '{SMALL_END}' - "Birthdate" < 18 * 365)
            OR ("Pronoun" <> 0 AND "Pronoun" <> "Gender" + 1)
            OR ("Service" <> '' AND "Service" NOT IN {patients.SERVICE_NOTES}))
        FROM raw.patient p JOIN raw.patientnote n USING ("PatNum")""")
    assert min(counts[:4]) > 0 and counts[4] == 0


def test_some_employers_sit_in_a_suite(practice_db):
    suites, bad = one(practice_db, r"""SELECT count(*) FILTER (WHERE "Address2" <> ''),
        count(*) FILTER (WHERE "Address2" <> '' AND "Address2" !~ '^Suite \d+0$') FROM raw.employer""")
    assert suites > 0 and bad == 0


def test_phone_numbers_are_never_assigned_ones(practice_db):
    """Portland area codes with a central office code 1XX, which the numbering plan never assigns."""
    fake = r"'^\((503|971)\)1\d{2}-\d{4}$'"
    assert one(practice_db, f"""SELECT count(*) FROM raw.patient, {PHONES} phone WHERE phone <> '' AND phone !~ {fake}""") \
        == (0,)
    assert one(practice_db, f"""SELECT (SELECT count(*) FROM raw.patientnote WHERE "ICEPhone" <> '' AND "ICEPhone" !~ {fake})
        + (SELECT count(*) FROM raw.employer WHERE "Phone" !~ {fake})""") == (0,)


def test_a_phone_number_is_shared_only_within_a_household(practice_db):
    shared, homes_in_a_family, adults_sharing_a_cell = one(practice_db, f"""SELECT
        (SELECT count(*) FROM (SELECT phone FROM raw.patient, {PHONES} phone WHERE phone <> '' GROUP BY phone
                               HAVING count(DISTINCT "Guarantor") > 1) s)
        + (SELECT count(*) FROM raw.employer e JOIN raw.patient p ON e."Phone" IN (p."HmPhone", p."WkPhone", p."WirelessPhone")),
        (SELECT count(*) FROM (SELECT "Guarantor" FROM raw.patient WHERE "HmPhone" <> '' GROUP BY 1
                               HAVING count(DISTINCT "HmPhone") > 1) h),
        (SELECT count(*) FROM (SELECT "WirelessPhone" FROM raw.patient p WHERE "WirelessPhone" <> '' AND {ADULT}
                               GROUP BY 1 HAVING count(*) > 1) c)""")
    assert (shared, homes_in_a_family, adults_sharing_a_cell) == (0, 0, 0)
    cells, adults = one(practice_db, f"""SELECT count(DISTINCT NULLIF("WirelessPhone", '')), count(*)
                                        FROM raw.patient p WHERE {ADULT}""")
    assert cells > 0.8 * adults


def test_children_have_no_cell_or_e_mail_of_their_own_and_teenagers_some(practice_db):
    own_cell, own_email, shared, children = one(practice_db, f"""SELECT
        count(*) FILTER (WHERE p."WirelessPhone" NOT IN ('', g."WirelessPhone")),
        count(*) FILTER (WHERE p."Email" NOT IN ('', g."Email")),
        count(*) FILTER (WHERE p."WirelessPhone" <> '' OR p."Email" <> ''), count(*)
        FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor" WHERE {CHILD}""")
    assert (own_cell, own_email) == (0, 0) and 0 < shared < 0.6 * children
    teen_cells, teen_emails = one(practice_db, f"""SELECT count(*) FILTER (WHERE p."WirelessPhone" NOT IN ('', g."WirelessPhone")),
        count(*) FILTER (WHERE p."Email" NOT IN ('', g."Email"))
        FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor"
        WHERE age(date '{SMALL_END}', p."Birthdate") BETWEEN interval '13 years 1 month' AND interval '17 years 11 months'""")
    assert teen_cells > 0 and teen_emails > 0


def test_adults_mostly_have_an_e_mail_of_their_own_shared_with_no_other_family(practice_db):
    own, adults = one(practice_db, f"""SELECT count(*) FILTER (WHERE p."Email" NOT IN ('', g."Email") OR
                                                                (p."PatNum" = g."PatNum" AND p."Email" <> '')), count(*)
        FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor" WHERE {ADULT}""")
    assert 0.7 * adults < own < 0.97 * adults
    assert one(practice_db, """SELECT count(*) FROM (SELECT "Email" FROM raw.patient WHERE "Email" <> '' GROUP BY 1
                               HAVING count(DISTINCT "Guarantor") > 1) e""") == (0,)


def test_ssns_are_never_issued_numbers_missing_for_many_children(practice_db):
    """Area 900-999 with group 01-49 (neither an SSN nor an ITIN) or area 666; group 00 and serial 0000 never."""
    assert one(practice_db, r"""SELECT count(*) FROM raw.patient WHERE "SSN" <> '' AND NOT (
        ("SSN" ~ '^9\d{8}$' AND substr("SSN", 4, 2)::int BETWEEN 1 AND 49 OR "SSN" ~ '^666\d{6}$')
        AND substr("SSN", 4, 2) <> '00' AND right("SSN", 4) <> '0000')""") == (0,)
    nines, sixes, duplicates = one(practice_db, """SELECT count(*) FILTER (WHERE "SSN" LIKE '9%'),
        count(*) FILTER (WHERE "SSN" LIKE '666%'), count(*) FILTER (WHERE "SSN" <> '') - count(DISTINCT NULLIF("SSN", ''))
        FROM raw.patient""")
    assert nines > sixes > 0 and duplicates == 0
    minors, adults = one(practice_db, f"""SELECT
        avg(("SSN" <> '')::int) FILTER (WHERE age(date '{SMALL_END}', "Birthdate") < interval '17 years 11 months'),
        avg(("SSN" <> '')::int) FILTER (WHERE age(date '{SMALL_END}', "Birthdate") >= interval '18 years 1 month')
        FROM raw.patient""")
    assert minors < 0.5 and 0.6 < adults < 0.95


def test_the_patient_record_exists_before_any_appointment_is_entered(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.appointment a JOIN raw.patient p USING ("PatNum")
        WHERE a."SecDateTEntry"::date < p."SecDateEntry" OR a."AptDateTime"::date < p."SecDateEntry"
           OR a."SecDateTEntry" > a."AptDateTime" """) == (0,)
    new_patients_entered_with_the_record = one(practice_db, """SELECT count(*) FROM raw.appointment a
        JOIN raw.patient p USING ("PatNum") WHERE a."IsNewPatient" AND a."SecDateTEntry"::date = p."SecDateEntry" """)[0]
    assert new_patients_entered_with_the_record > 0


def test_nothing_of_a_patient_is_dated_before_birth_nor_a_note_or_plan_before_the_record(practice_db):
    assert one(practice_db, """SELECT
        (SELECT count(*) FROM raw.patient WHERE "SecDateEntry" < "Birthdate"
            OR ("DateFirstVisit" > '0001-01-01' AND "DateFirstVisit" < "Birthdate"))
      + (SELECT count(*) FROM raw.procedurelog l JOIN raw.patient p USING ("PatNum")
            WHERE l."ProcDate" > '0001-01-01' AND l."ProcDate" < p."Birthdate")
      + (SELECT count(*) FROM raw.appointment a JOIN raw.patient p USING ("PatNum")
            WHERE a."AptDateTime"::date < p."Birthdate" OR a."SecDateTEntry"::date < p."Birthdate")
      + (SELECT count(*) FROM raw.commlog c JOIN raw.patient p USING ("PatNum")
            WHERE c."CommDateTime"::date < p."Birthdate")
      + (SELECT count(*) FROM raw.patientnote n JOIN raw.patient p USING ("PatNum")
            WHERE n."SecDateTEntry"::date < p."Birthdate" OR n."SecDateTEntry"::date < p."SecDateEntry")
      + (SELECT count(*) FROM raw.patplan pp JOIN raw.patient p USING ("PatNum")
            WHERE pp."SecDateTEntry"::date < p."SecDateEntry")""") == (0,)


def test_no_family_is_left_with_a_deceased_or_merged_guarantor(practice_db):
    assert one(practice_db, f"""SELECT count(*) FROM raw.patient p JOIN raw.patient g ON g."PatNum" = p."Guarantor"
        WHERE p."PatNum" <> g."PatNum" AND g."PatStatus" IN ({PatStatus.DELETED}, {PatStatus.DECEASED})""") == (0,)


def test_the_spouse_else_the_oldest_adult_becomes_guarantor_and_a_parent_of_minors_stays():
    """Four families: a deceased guarantor with a spouse and a child; with an adult and a minor child; with a
    minor child only; and a merged-away guarantor with a spouse."""
    D, X, P = PatStatus.DECEASED, PatStatus.DELETED, PatStatus.PATIENT
    first, sizes = np.array([0, 3, 6, 8]), np.array([3, 3, 2, 2])
    family = np.repeat(np.arange(4), sizes)
    role = np.array([0, 1, 2, 0, 2, 2, 0, 2, 0, 1])
    age_years = np.array([70, 68, 30, 66, 25, 16, 61, 10, 40, 41])
    status = np.array([D, P, P, D, P, P, D, P, X, P])
    merged_into = np.array([-1] * 8 + [4, -1])  # the merged chart's real one is the adult child of family 1
    heir = patients._heirs(role, status, age_years * 365, family, first)
    assert heir.tolist() == [1, 4, -1, 9]
    role, (age, status, merged_into) = patients._hand_over(heir, first, role, age_years, status, merged_into)
    assert role.tolist() == [0, 1, 2, 0, 2, 2, 0, 2, 0, 1]
    assert age.tolist() == [68, 70, 30, 25, 66, 16, 61, 10, 41, 40]
    assert status[first].tolist() == [P, P, D, P] and merged_into[9] == 3  # the real chart moved with its person
    status, merged_into = patients._guarantors_who_stay(heir, first, sizes, status, merged_into)
    assert status[6] == PatStatus.INACTIVE and status[first].tolist() == [P, P, PatStatus.INACTIVE, P]


def test_a_patient_is_reached_only_by_what_is_on_file(practice_db):
    needs = {ContactMethod.TEXT_MESSAGE: "WirelessPhone", ContactMethod.WIRELESS_PHONE: "WirelessPhone",
             ContactMethod.HOME_PHONE: "HmPhone", ContactMethod.WORK_PHONE: "WkPhone", ContactMethod.EMAIL: "Email"}
    unreachable = " OR ".join(f"""("{column}" = {method} AND "{detail}" = '')""" for method, detail in needs.items()
                              for column in ("PreferContactMethod", "PreferConfirmMethod", "PreferRecallMethod"))
    assert one(practice_db, f"SELECT count(*) FROM raw.patient WHERE {unreachable}") == (0,)
    assert one(practice_db, """SELECT count(DISTINCT "PreferContactMethod") FROM raw.patient""")[0] >= 4
