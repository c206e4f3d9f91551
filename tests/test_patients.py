"""Phase 2: the people of the practice look like a real one's."""
from conftest import SMALL_END, one
from generators import patients


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
    assert one(practice_db, r"""SELECT count(*) FROM raw.patient WHERE "SSN" !~ '^9\d{8}$'
        OR ("WirelessPhone" <> '' AND "WirelessPhone" !~ '^\(\d{3}\)555-01\d{2}$') OR "Zip" !~ '^\d{5}$'
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
