"""Phase 3: carriers, plans, benefits, subscriptions and patient plans behave like OpenDental's."""

import numpy as np
import pytest

from conftest import SMALL_END, first_office, of_the_first_office, one, query
from generators import foundation, insurance, patients, plan_benefits


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


@pytest.fixture(scope="module")
def handed_over(patients_per_office):
    """ctx.practice after the insurance phase, for the first office of `practice_db`."""
    return first_office(patients_per_office, (foundation, patients, insurance))


def test_about_the_coverage_rate_of_active_patients_is_insured(practice_db):
    share = one(practice_db, """SELECT avg((EXISTS (SELECT 1 FROM raw.patplan pp WHERE pp."PatNum" = p."PatNum"))::int)
                                FROM raw.patient p WHERE "PatStatus" = 0 AND "DateFirstVisit" > '0001-01-01'""")[0]
    assert 0.48 < share < 0.72


def test_patients_with_a_patplan_are_exactly_those_marked_insured(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patient p
        WHERE ("HasIns" = 'I') <> EXISTS (SELECT 1 FROM raw.patplan pp WHERE pp."PatNum" = p."PatNum")
           OR ("PatStatus" = 4 AND "HasIns" = 'I')""") == (0,)


def test_one_primary_per_insured_patient_and_a_minority_with_secondary(practice_db):
    assert one(practice_db, """SELECT count(*) FROM (SELECT "PatNum", count(*) FILTER (WHERE "Ordinal" = 1) p,
        count(*) FILTER (WHERE "Ordinal" = 2) s, count(*) n FROM raw.patplan GROUP BY 1) c
        WHERE p <> 1 OR s > 1 OR n <> p + s""") == (0,)
    share = one(practice_db, """SELECT avg((EXISTS (SELECT 1 FROM raw.patplan s WHERE s."PatNum" = p."PatNum"
                                AND s."Ordinal" = 2))::int) FROM raw.patplan p WHERE "Ordinal" = 1""")[0]
    assert 0.02 < share < 0.2


def test_secondary_coverage_comes_from_the_other_spouse(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patplan p JOIN raw.inssub ps USING ("InsSubNum")
        JOIN raw.patplan s ON s."PatNum" = p."PatNum" AND s."Ordinal" = 2
        JOIN raw.inssub ss ON ss."InsSubNum" = s."InsSubNum"
        JOIN raw.patient a ON a."PatNum" = ps."Subscriber" JOIN raw.patient b ON b."PatNum" = ss."Subscriber"
        WHERE p."Ordinal" = 1 AND (ps."Subscriber" = ss."Subscriber" OR a."Guarantor" <> b."Guarantor"
                                  OR ps."PlanNum" = ss."PlanNum")""") == (0,)


def test_a_family_shares_one_subscription_per_policy(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
        JOIN raw.patient p ON p."PatNum" = pp."PatNum" JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE p."Guarantor" <> h."Guarantor" """) == (0,)
    assert one(practice_db, """SELECT count(*) FROM (SELECT p."Guarantor", s."PlanNum" FROM raw.patplan pp
        JOIN raw.inssub s USING ("InsSubNum") JOIN raw.patient p ON p."PatNum" = pp."PatNum"
        GROUP BY 1, 2 HAVING count(DISTINCT pp."InsSubNum") > 1) shared""") == (0,)


def test_relationship_is_self_exactly_for_the_subscriber(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
        WHERE ("Relationship" = 0) <> (pp."PatNum" = s."Subscriber") OR "Relationship" NOT IN (0, 1, 2, 8)""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
        JOIN raw.patient p ON p."PatNum" = pp."PatNum" JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE "Relationship" = 2 AND p."Birthdate" < h."Birthdate" """) == (0,)


def test_subscribers_hold_their_own_employers_plan_or_an_individual_one(practice_db):
    active, other_employer, individual = one(practice_db, """SELECT count(*),
        count(*) FILTER (WHERE ip."EmployerNum" NOT IN (0, h."EmployerNum")), count(*) FILTER (WHERE ip."EmployerNum" = 0)
        FROM raw.inssub s JOIN raw.insplan ip USING ("PlanNum") JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE s."DateTerm" IS NULL""")
    assert other_employer == 0 and 0 < individual < active
    # a subscriber with a group plan on offer at work takes it; the others (no employer) hold individual plans
    assert one(practice_db, """SELECT count(*) FROM raw.inssub s JOIN raw.insplan ip USING ("PlanNum")
        JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE s."DateTerm" IS NULL AND ip."EmployerNum" = 0 AND EXISTS (SELECT 1 FROM raw.insplan g
            WHERE g."EmployerNum" = h."EmployerNum" AND g."EmployerNum" <> 0 AND NOT g."IsHidden")""") == (0,)
    # a subscription ended by a job change was a former employer's group plan
    assert one(practice_db, """SELECT count(*) FROM raw.inssub s JOIN raw.insplan ip USING ("PlanNum")
        JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE s."DateTerm" IS NOT NULL AND ip."EmployerNum" IN (0, h."EmployerNum")""") == (0,)


def test_dependants_are_covered_through_the_subscribers_plan(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
        WHERE pp."Relationship" IN (1, 2) AND pp."PatNum" = s."Subscriber" """) == (0,)
    assert one(practice_db, """SELECT count(*) > 0 FROM raw.patplan WHERE "Relationship" IN (1, 2)""") == (True,)


def test_active_coverage_has_no_termination_date(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.inssub s WHERE EXISTS (SELECT 1 FROM raw.patplan pp
        WHERE pp."InsSubNum" = s."InsSubNum") <> ("DateTerm" IS NULL)""") == (0,)
    terminated, bad = one(practice_db, f"""SELECT count(*), count(*) FILTER (WHERE "DateTerm" < "DateEffective"
        OR "DateTerm" >= date '{SMALL_END}' OR NOT EXISTS (SELECT 1 FROM raw.inssub n
            WHERE n."Subscriber" = s."Subscriber" AND n."DateTerm" IS NULL AND n."DateEffective" = s."DateTerm" + 1))
        FROM raw.inssub s WHERE "DateTerm" IS NOT NULL""")
    assert terminated > 0 and bad == 0


def test_coverage_began_by_the_family_first_visit(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.inssub s JOIN raw.patient h ON h."PatNum" = s."Subscriber"
        WHERE "DateTerm" IS NULL AND NOT EXISTS (SELECT 1 FROM raw.inssub o
              WHERE o."Subscriber" = s."Subscriber" AND o."DateTerm" IS NOT NULL)
          AND "DateEffective" > (SELECT min("DateFirstVisit") FROM raw.patient f
                                 WHERE f."Guarantor" = h."Guarantor" AND "DateFirstVisit" > '0001-01-01')""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.inssub WHERE "SubscriberID" = '' OR NOT "AssignBen"
                               OR extract(day FROM "DateEffective") <> 1""") == (0,)


def test_benefit_keys_are_zero_rather_than_null_and_types_tested(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.benefit WHERE "PlanNum" IS NULL OR "PatPlanNum" IS NULL
        OR "CovCatNum" IS NULL OR "CodeNum" IS NULL OR "CodeGroupNum" IS NULL
        OR "BenefitType" NOT BETWEEN 1 AND 6 OR "Percent" NOT BETWEEN -1 AND 100""") == (0,)


def test_every_plan_has_coinsurance_an_annual_maximum_and_deductibles(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.insplan p WHERE
        (SELECT count(*) FROM raw.benefit b WHERE b."PlanNum" = p."PlanNum" AND "BenefitType" = 1) < 12
        OR (SELECT count(*) FROM raw.benefit b WHERE b."PlanNum" = p."PlanNum" AND "BenefitType" = 5
            AND "CovCatNum" = 0 AND "CodeNum" = 0 AND "CoverageLevel" = 1 AND "MonetaryAmt" BETWEEN 1000 AND 2500
            AND "TimePeriod" IN (1, 2)) <> 1
        OR (SELECT count(*) FROM raw.benefit b WHERE b."PlanNum" = p."PlanNum" AND "BenefitType" = 2
            AND "CovCatNum" = 0 AND "CoverageLevel" = 1 AND "MonetaryAmt" > 0) <> 1
        OR (SELECT count(*) FROM raw.benefit b WHERE b."PlanNum" = p."PlanNum" AND "BenefitType" = 5
            AND "CodeGroupNum" <> 0 AND "QuantityQualifier" IN (1, 4) AND "Quantity" > 0) < 3""") == (0,)
    percents = dict(rows(practice_db, """SELECT c."Description", array_agg(DISTINCT b."Percent") FROM raw.benefit b
        JOIN raw.covcat c USING ("CovCatNum") WHERE "BenefitType" = 1 GROUP BY 1"""))
    assert percents["Preventive"] == [100] and set(percents["Crowns"]) <= {50, 60}


def test_ppo_plans_price_at_a_ppo_fee_schedule(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.insplan WHERE "PlanType" NOT IN ('p', '')
        OR ("PlanType" = 'p') <> ("FeeSched" <> 0)
        OR "FeeSched" IN (SELECT "FeeSched" FROM raw.provider)""") == (0,)
    assert one(practice_db, """SELECT count(DISTINCT "PlanType") FROM raw.insplan""") == (2,)


def test_every_cdt_code_falls_in_one_coverage_category(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.procedurecode c WHERE "ProcCode" ~ '^D\\d{4}$' AND
        (SELECT count(*) FROM raw.covspan s WHERE c."ProcCode" BETWEEN "FromCode" AND "ToCode") <> 1""") == (0,)


def test_insurance_dates_are_real_in_order_and_visible(practice_db):
    end = SMALL_END
    assert one(practice_db, f"""SELECT
        (SELECT count(*) FROM raw.carrier WHERE "SecDateEntry" < '2000-01-01' OR "SecDateTEdit"::date < "SecDateEntry"
            OR "SecDateTEdit" > '{end} 23:59:59')
      + (SELECT count(*) FROM raw.insplan WHERE "SecDateEntry" < '2000-01-01' OR "SecDateTEdit"::date < "SecDateEntry"
            OR "SecDateTEdit" > '{end} 23:59:59')
      + (SELECT count(*) FROM raw.inssub WHERE "SecDateEntry" < '2000-01-01' OR "SecDateTEdit"::date < "SecDateEntry"
            OR "SecDateTEdit" > '{end} 23:59:59' OR "DateEffective" > '{end}'
            OR ("DateTerm" IS NULL AND "SecDateTEdit" < '2020-01-01'))
      + (SELECT count(*) FROM raw.patplan WHERE "SecDateTEntry" < '2020-01-01' OR "SecDateTEdit" < "SecDateTEntry"
            OR "SecDateTEdit" > '{end} 23:59:59')
      + (SELECT count(*) FROM raw.benefit WHERE "SecDateTEntry" < '2000-01-01' OR "SecDateTEdit" < "SecDateTEntry"
            OR "SecDateTEdit" > '{end} 23:59:59')""") == (0,)


def _handed_patplans(practice, ordinal):
    """(PatNum, Ordinal, PatPlanNum, InsSubNum, PlanNum, Relationship) of the hand-over for one ordinal."""
    ins = practice.insurance
    prefix = "primary_" if ordinal == 1 else "secondary_"
    plan, plan_num = getattr(ins, prefix + "plan"), getattr(ins, prefix + "plan_num")
    relationship = ins.relationship if ordinal == 1 else ins.secondary_relationship
    on = plan >= 0
    assert (plan_num[on] == ins.plans.nums[plan[on]]).all() and (plan_num[~on] == 0).all()
    columns = (practice.patients.nums, np.full(len(on), ordinal), getattr(ins, prefix + "patplan"),
               getattr(ins, prefix + "sub"), plan_num, relationship)
    return set(zip(*(column[on].tolist() for column in columns)))


def test_hand_over_is_what_was_written(practice_db, handed_over, patients_per_office):
    written = set(rows(practice_db, f"""SELECT pp."PatNum", "Ordinal", "PatPlanNum", "InsSubNum", s."PlanNum",
                       "Relationship" FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
                       WHERE {of_the_first_office("PatNum", patients_per_office)}"""))
    assert _handed_patplans(handed_over, 1) | _handed_patplans(handed_over, 2) == written
    assert ((handed_over.insurance.primary_plan >= 0) == handed_over.patients.insured).all()


def test_coverage_percent_and_allowed_fee_follow_the_plan(handed_over):
    plans, codes = handed_over.insurance.plans, handed_over.codes
    every = np.arange(len(plans.nums))

    def percent(code):
        return plans.coverage_percent(every, np.full(len(every), codes.index[code]))

    assert (percent("D1110") == 100).all() and set(percent("D2740")) <= {50, 60}
    assert set(percent("D8080")) == {0, 50} and (percent("Watch") == 0).all()
    allowed = plans.allowed_cents(every, np.full(len(every), codes.index["D2740"]), np.datetime64(SMALL_END))
    ucr = handed_over.fee_scheds.cents[0, codes.index["D2740"]]
    assert (allowed[~plans.is_ppo] == ucr).all() and (allowed[plans.is_ppo] < ucr).all()
    assert plans.is_ppo.any() and (~plans.is_ppo).any()


def test_pending_coverage_was_entered_lately(practice_db):
    pending, old = one(practice_db, f"""SELECT count(*), count(*) FILTER (WHERE "SecDateTEntry"
        <= date '{SMALL_END}' - {insurance.PENDING_DAYS}) FROM raw.patplan WHERE "IsPending" """)
    assert pending > 0 and old == 0


def test_dependents_of_some_carriers_carry_their_own_member_number(practice_db):
    with_id, bad = one(practice_db, r"""SELECT count(*), count(*) FILTER (WHERE "Relationship" = 0
            OR "PatID" !~ ('^' || s."SubscriberID" || '\d{2}$')
            OR c."CarrierName" NOT IN ('Cigna Dental', 'Aetna Dental', 'UnitedHealthcare Dental'))
        FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum") JOIN raw.insplan p USING ("PlanNum")
        JOIN raw.carrier c USING ("CarrierNum") WHERE "PatID" <> ''""")
    assert with_id > 0 and bad == 0


def test_frequency_limits_name_code_groups_per_tooth_or_quadrant(practice_db):
    limits = set(rows(practice_db, """SELECT g."GroupName", "QuantityQualifier", "Quantity", "TreatArea"
        FROM raw.benefit b JOIN raw.codegroup g USING ("CodeGroupNum") WHERE "PlanNum" <> 0"""))
    prophy = next(limit for limit in plan_benefits.CODE_GROUP_LIMITS if limit[0] == plan_benefits.PROPHY)
    assert limits == {*plan_benefits.CODE_GROUP_LIMITS, (plan_benefits.PROPHY_WITH_PERIO, *prophy[1:]),
                      plan_benefits.PERIO_MAINTENANCE_LIMIT}
    # a plan limits periodontal maintenance either with the cleanings or on its own, never both or neither
    assert one(practice_db, """SELECT count(*) FROM raw.insplan p WHERE (SELECT count(*) FROM raw.benefit b
        JOIN raw.codegroup g USING ("CodeGroupNum") WHERE b."PlanNum" = p."PlanNum"
        AND g."ProcCodes" LIKE '%D4910%') <> 1""") == (0,)
    assert one(practice_db, """SELECT count(*) FROM raw.benefit
                               WHERE "TreatArea" <> 0 AND "CodeGroupNum" = 0""") == (0,)


def test_buildups_are_paid_like_crowns_and_whitening_is_excluded(practice_db, handed_over):
    assert one(practice_db, """SELECT count(*) FROM raw.insplan p WHERE
        (SELECT b."Percent" FROM raw.benefit b JOIN raw.procedurecode c USING ("CodeNum")
         WHERE b."PlanNum" = p."PlanNum" AND "ProcCode" = 'D2950' AND "BenefitType" = 1)
        IS DISTINCT FROM (SELECT b."Percent" FROM raw.benefit b JOIN raw.covcat USING ("CovCatNum")
         WHERE b."PlanNum" = p."PlanNum" AND "Description" = 'Crowns' AND "BenefitType" = 1)
        OR (SELECT count(*) FROM raw.benefit b JOIN raw.procedurecode c USING ("CodeNum")
            WHERE b."PlanNum" = p."PlanNum" AND "BenefitType" = 4 AND "ProcCode" IN ('D9972', 'D9975')) <> 2""") == (0,)
    plans, codes = handed_over.insurance.plans, handed_over.codes
    every = np.arange(len(plans.nums))
    for code in ("D9972", "D9975"):
        assert (plans.coverage_percent(every, np.full(len(every), codes.index[code])) == 0).all()
    night_guard = plans.coverage_percent(every, np.full(len(every), codes.index["D9944"]))
    assert ((night_guard == 0) == plans.excluded[:, 2]).all() and 0 < plans.excluded[:, 2].sum() < len(every)


def test_patient_level_benefits_replace_the_plan_key(practice_db):
    on_patient, bad = one(practice_db, """SELECT count(*) FILTER (WHERE "PatPlanNum" <> 0),
        count(*) FILTER (WHERE ("PlanNum" = 0) = ("PatPlanNum" = 0)
            OR ("PatPlanNum" <> 0 AND ("Quantity" <> 4 OR "CodeGroupNum" NOT IN (SELECT "CodeGroupNum"
                FROM raw.codegroup WHERE "GroupName" IN ('Prophy', 'Prophy/Perio Maint')))))
        FROM raw.benefit""")
    assert on_patient > 0 and bad == 0


def test_retired_plans_are_hidden_with_their_carriers_and_unused(practice_db):
    hidden, bad = one(practice_db, """SELECT count(*) FILTER (WHERE p."IsHidden"), count(*) FILTER (WHERE
        p."IsHidden" <> c."IsHidden" OR p."IsHidden" <> p."HideFromVerifyList"
        OR (p."IsHidden" AND EXISTS (SELECT 1 FROM raw.inssub s WHERE s."PlanNum" = p."PlanNum")))
        FROM raw.insplan p JOIN raw.carrier c USING ("CarrierNum")""")
    assert hidden >= 2 and bad == 0


def test_plans_name_the_default_claim_form_and_their_filing_code(practice_db):
    assert one(practice_db, """SELECT count(*) FROM raw.insplan p JOIN raw.claimform f USING ("ClaimFormNum")
        JOIN raw.carrier c USING ("CarrierNum") JOIN raw.insfilingcode i ON i."InsFilingCodeNum" = p."FilingCode"
        WHERE f."Description" <> 'ADA 2019' OR "EclaimCode" <> CASE
            WHEN c."CarrierName" IN ('Regence BlueCross BlueShield of Oregon', 'Anthem Blue Cross') THEN 'BL'
            WHEN c."CarrierName" = 'GEHA' THEN 'FI' WHEN "PlanType" = 'p' THEN '12' ELSE 'CI' END""") == (0,)
    assert one(practice_db, "SELECT count(*) FROM raw.insplan") == one(practice_db, """SELECT count(*)
        FROM raw.insplan WHERE "HasPpoSubstWriteoffs" AND "IsBlueBookEnabled" AND "ClaimFormNum" <> 0""")


def test_plans_that_do_not_downgrade_composites_say_so(practice_db):
    no_downgrade, bad = one(practice_db, f"""SELECT count(*) FILTER (WHERE "CodeSubstNone"), count(*) FILTER (
        WHERE "CodeSubstNone" <> ("PlanNote" = '{insurance.NO_DOWNGRADE_NOTE}')
           OR ("CodeSubstNone" AND "PlanNote" LIKE 'Downgrades%')) FROM raw.insplan""")
    assert no_downgrade > 0 and bad == 0


def test_paper_only_carriers_have_no_payer_id_or_tax_id(practice_db):
    paper, bad = one(practice_db, r"""SELECT count(*) FILTER (WHERE "NoSendElect" = 1), count(*) FILTER (WHERE
        ("NoSendElect" = 1) <> ("ElectID" = '') OR ("TIN" = '') <> ("ElectID" = '') OR "NoSendElect" NOT IN (0, 1)
        OR ("TIN" <> '' AND "TIN" !~ '^\d{9}$')) FROM raw.carrier""")
    assert paper == 1 and bad == 0


def test_benefit_notes_quote_the_plan_benefits(practice_db):
    noted, bad = one(practice_db, """SELECT count(*), count(*) FILTER (WHERE "BenefitNotes" NOT LIKE
        'Annual max $' || (SELECT to_char(b."MonetaryAmt", 'FM9,999') FROM raw.benefit b WHERE b."PlanNum" = s."PlanNum"
            AND "BenefitType" = 5 AND "CovCatNum" = 0 AND "CodeGroupNum" = 0 AND "CodeNum" = 0) || ', deductible $'
        || (SELECT b."MonetaryAmt"::int FROM raw.benefit b WHERE b."PlanNum" = s."PlanNum" AND "BenefitType" = 2
            AND "CovCatNum" = 0 AND "CoverageLevel" = 1) || ' %')
        FROM raw.inssub s WHERE "BenefitNotes" <> ''""")
    assert noted > 0 and bad == 0
    assert one(practice_db, """SELECT count(*) FROM raw.inssub WHERE "SubscNote" <> ''""")[0] > 0
