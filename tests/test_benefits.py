"""The plan's benefit rules: benefit years, deductibles, annual maximums, age and frequency limits, coverage
percentages from the benefit table; worked on hand-built lines, then on a generated practice, then tampered."""
from types import SimpleNamespace

import numpy as np
import psycopg2
import pytest

from checks import benefit_validation
from conftest import query
from generators.financial import benefits
from generators.handover import Insurance


def days(*texts):
    return np.array(texts, dtype="datetime64[D]")


def lines_of(dates, patient=None):
    """Lines of one plan and subscription in one benefit year, of patient 0 unless given."""
    n = len(dates)
    return SimpleNamespace(date=days(*dates), order=days(*dates).astype(np.int64), proc=np.arange(n),
                           patient=np.array(patient if patient is not None else [0] * n), sub=np.zeros(n, int),
                           plan=np.zeros(n, int), year=np.zeros(n, int))


def test_a_benefit_year_starts_on_the_renewal_month():
    plans = SimpleNamespace(month_renew=np.array([0, 7]))
    on = days("2024-06-30", "2024-07-01", "2025-01-01")
    calendar = benefits.benefit_year(plans, np.zeros(3, int), on)
    service = benefits.benefit_year(plans, np.ones(3, int), on)
    assert list(np.diff(calendar)) == [0, 1] and list(np.diff(service)) == [1, 0]


def test_the_deductible_is_taken_once_a_year_in_date_order_and_the_family_caps_it():
    plans = SimpleNamespace(deductible_cents=np.array([5000]), family_deductible_cents=np.array([8000]))
    # two members of one subscription; lines given out of date order
    lines = lines_of(["2024-03-01", "2024-01-10", "2024-02-01", "2024-04-01"], patient=[0, 0, 1, 1])
    taken = benefits.deductible(plans, lines, np.array([4000, 3000, 6000, 9000]))
    # Jan 10: member 0 pays 30 of 50; Feb 1: member 1 meets 50 and the family's 80 with it; nothing after
    assert list(taken) == [0, 3000, 5000, 0]


def test_the_annual_maximum_leaves_the_remaining_benefits_and_renews():
    plans = SimpleNamespace(annual_max_cents=np.array([100000]))
    lines = lines_of(["2024-05-01", "2024-02-01", "2024-09-01", "2025-01-02"])
    lines.year = np.array([0, 0, 0, 1])
    paid = benefits.within_maximum(plans, lines, np.array([60000, 70000, 5000, 90000]))
    assert list(paid) == [30000, 70000, 0, 90000]


def test_a_frequency_in_years_counts_from_the_last_service_the_plan_paid():
    lines = lines_of(["2020-03-01", "2022-03-01", "2025-03-02", "2025-06-01", "2024-01-01"], patient=[0, 0, 0, 0, 1])
    beyond = benefits._beyond_years(lines, 5, np.full(5, ""), np.ones(5, bool))
    # 2022 is inside 5 years of 2020 (unpaid), so 2025 is counted from 2020 and paid; June 2025 is inside again
    assert list(beyond) == [False, True, False, True, False]


def test_services_past_the_number_per_year_are_beyond_the_limit():
    lines = lines_of(["2024-01-05", "2024-06-05", "2024-11-05", "2025-01-05"])
    lines.year = np.array([0, 0, 0, 1])
    beyond = benefits._beyond_count(lines, np.full(4, 2), np.ones(4, bool))
    assert list(beyond) == [False, False, True, False]


def test_age_counts_whole_years_from_the_birthday():
    born = days("2005-06-15", "2005-06-15", "1940-02-29")
    on = days("2024-06-14", "2024-06-15", "2024-02-28")
    assert list(benefits._age(born, on)) == [18, 19, 83]


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


def test_a_secondary_plan_covers_through_the_subscription_its_job_change_ended():
    """Patient 0 is covered second by a subscriber who changed jobs on 2024-01-01: before then by the ended
    subscription (plan 3), after it by the new one (plan 2); before either, by none."""
    one, none = np.array([0]), np.array([-1])
    dates = {"since": days("2024-01-01"), "former_since": days("2020-01-01"), "former_until": days("2023-12-31")}
    ins = Insurance(carriers=None, plans=None, primary_plan=np.array([1]), primary_sub=np.array([11]),
                    primary_patplan=np.array([21]), primary_plan_num=one, primary_since=days("2019-01-01"),
                    secondary_plan=np.array([2]), secondary_sub=np.array([12]), secondary_patplan=np.array([22]),
                    secondary_plan_num=one, secondary_relationship=one, secondary_since=dates["since"],
                    relationship=one, former_plan=none, former_sub=np.array([0]), former_since=days("NaT"),
                    former_until=days("NaT"), former_secondary_plan=np.array([3]),
                    former_secondary_sub=np.array([13]), former_secondary_since=dates["former_since"],
                    former_secondary_until=dates["former_until"])
    patient, on = np.zeros(3, int), days("2019-06-01", "2023-06-01", "2024-02-01")
    assert list(ins.secondary_on(patient, on)) == [-1, 3, 2]
    assert list(ins.primary_on(patient, on)) == [1, 1, 1]
    sub, since, patplan = ins.subscription(patient[1:], np.array([3, 2]), on[1:])
    assert list(sub) == [13, 12] and list(since) == [dates["former_since"][0], dates["since"][0]]
    assert list(patplan) == [0, 22]


@pytest.mark.parametrize("rule", benefit_validation.RULES, ids=[r[0][:60] for r in benefit_validation.RULES])
def test_benefit_rule_holds(practice_db, rule):
    assert rows(practice_db, f"SELECT count(*) FROM ({rule[1]}) v") == [(0,)]


def test_deductibles_are_met_and_maximums_reached(practice_db):
    met = rows(practice_db, """SELECT count(*) FROM (SELECT c."PatNum", c."PlanNum", extract(year FROM c."ProcDate")
                                 FROM raw.claimproc c JOIN raw.benefit b USING ("PlanNum")
                                 JOIN raw.insplan ip USING ("PlanNum")
                                 WHERE b."BenefitType" = 2 AND b."CoverageLevel" = 1 AND b."CovCatNum" = 0
                                 AND ip."MonthRenew" = 0 AND c."Status" IN (0, 1)
                                 GROUP BY 1, 2, 3, b."MonetaryAmt"
                                 HAVING sum(c."DedApplied") = b."MonetaryAmt") v""")[0][0]
    assert met > 0
    assert rows(practice_db, """SELECT count(*) > 0 FROM raw.claimproc WHERE "EstimateNote" = 'Over annual max'
                                AND "Status" = 1""") == [(True,)]
    # the deductible comes off basic and major work only: never on a line whose category waives it
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc WHERE "DedApplied" > 0
                                AND "CodeSent" < 'D2000'""") == [(0,)]


def test_a_service_beyond_a_limit_is_estimated_and_paid_nothing(practice_db):
    counts = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE "InsPayEst" <> 0 OR "InsPayAmt" <> 0
                                         OR "Percentage" = 0)
                                  FROM raw.claimproc WHERE "EstimateNote" = 'Frequency or age limitation'
                                  AND "Status" IN (0, 1)""")[0]
    assert counts[0] > 0 and counts[1] == 0


def test_major_work_in_a_waiting_period_is_estimated_and_paid_nothing(practice_db):
    counts = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE "InsPayEst" <> 0 OR "InsPayAmt" <> 0
                                         OR "CodeSent" NOT BETWEEN 'D2700' AND 'D6999')
                                  FROM raw.claimproc WHERE "EstimateNote" = 'Waiting period'""")[0]
    assert counts[0] > 0 and counts[1] == 0
    assert rows(practice_db, """SELECT count(DISTINCT "PlanNum") > 0 FROM raw.benefit WHERE "BenefitType" = 6
                                AND "QuantityQualifier" = 5 AND "Quantity" = 12""") == [(True,)]


def test_work_before_a_job_change_is_billed_to_the_subscription_it_ended(practice_db):
    """A holder who changed jobs keeps patplans on the new subscription only, but the claims of the years before
    went to the old one: every claim lies inside its subscription's coverage, some on ended subscriptions, and
    no completed procedure of a patient whose plan was in force is left without a claimproc."""
    outside, on_ended = rows(practice_db, """SELECT count(*) FILTER (WHERE c."DateService" < s."DateEffective"
            OR c."DateService" > coalesce(s."DateTerm", 'infinity')), count(*) FILTER (WHERE s."DateTerm" IS NOT NULL)
        FROM raw.claim c JOIN raw.inssub s USING ("InsSubNum") WHERE s."PlanNum" = c."PlanNum" """)[0]
    assert outside == 0 and on_ended > 0
    unbilled = rows(practice_db, """SELECT count(*) FROM raw.procedurelog p JOIN raw.patplan pp USING ("PatNum")
        JOIN raw.inssub new ON new."InsSubNum" = pp."InsSubNum"
        JOIN raw.inssub old ON old."Subscriber" = new."Subscriber" AND old."DateTerm" IS NOT NULL
        WHERE p."ProcStatus" = 2 AND p."ProcDate" BETWEEN old."DateEffective" AND old."DateTerm"
        AND NOT EXISTS (SELECT 1 FROM raw.claimproc c WHERE c."ProcNum" = p."ProcNum")""")
    assert unbilled == [(0,)]


def test_a_second_plan_keeps_an_estimate_of_work_the_first_plan_settled_in_full(practice_db):
    """Coordination of benefits: work the primary's EOB settled in full (paid plus PPO write-off) is never sent to
    the secondary plan, which keeps its estimate (status 6): $0 after what the primary paid (PaidOtherIns)."""
    estimates, wrong = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE e."InsPayEst" <> 0
            OR e."NoBillIns" OR abs(e."PaidOtherIns" - first."InsPayAmt") > 0.005 OR e."ClaimNum" <> 0)
        FROM raw.claimproc e JOIN raw.procedurelog p USING ("ProcNum")
        JOIN raw.claimproc first ON first."ProcNum" = e."ProcNum" AND first."Status" = 1
             AND first."PlanNum" <> e."PlanNum" AND abs(first."InsPayAmt" + first."WriteOff" - p."ProcFee") < 0.005
        WHERE e."Status" = 6 AND p."ProcStatus" = 2""")[0]
    assert estimates > 0 and wrong == 0


def test_a_line_a_plan_rule_stopped_gives_that_rule_as_its_reason(practice_db):
    """The ERA's reason codes and a denial's reason follow the rule: a waiting period or an uncovered service is
    a non-covered charge (96), never a benefit maximum (119); a frequency or age limit and the annual maximum are
    119."""
    wrong = rows(practice_db, """SELECT "EstimateNote", count(*) FILTER (WHERE CASE "EstimateNote"
            WHEN 'Waiting period' THEN "ClaimAdjReasonCodes" ~ '(^|,)(119|2)(,|$)'
                OR "ClaimAdjReasonCodes" NOT IN ('', '96', '45,96')
                OR "Remarks" NOT IN ('', 'Denied - Waiting period')
            WHEN 'Not covered' THEN "ClaimAdjReasonCodes" NOT IN ('', '96', '45,96')
                OR "Remarks" NOT IN ('', 'Denied - Not a covered benefit')
            ELSE "ClaimAdjReasonCodes" !~ '(^|,)119(,|$)' AND "ClaimAdjReasonCodes" <> ''
                OR "Remarks" LIKE 'Denied - %' AND "Remarks" NOT IN ('Denied - Frequency limitation',
                                                                   'Denied - Annual maximum met') END),
            count(*) FILTER (WHERE "ClaimAdjReasonCodes" <> '')
        FROM raw.claimproc WHERE "Status" = 1 AND "EstimateNote" IN ('Waiting period', 'Not covered',
            'Frequency or age limitation', 'Over annual max') GROUP BY 1 ORDER BY 1""")
    assert [note for note, bad, coded in wrong if bad] == []
    # the practice is small: its few waiting-period lines may all be estimates or have come on paper checks
    assert {note for note, _, coded in wrong if coded} >= {"Frequency or age limitation", "Over annual max"}
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc WHERE "EstimateNote" = 'Waiting period'""")[0][0]


def test_a_downgrading_plan_pays_a_molar_composite_on_the_amalgam_fee(practice_db):
    """Lines of the last fee year (raw.fee holds the fees in force since January): the base estimate of a
    downgraded composite is at most the line's percent of the plan's fee (or the office's, 8285) for the amalgam;
    plans with CodeSubstNone never downgrade."""
    checked = rows(practice_db, """SELECT count(*), count(*) FILTER (WHERE c."BaseEst" > round(coalesce(f."Amount",
                                   u."Amount")::numeric * c."Percentage" / 100, 2) + 0.01 OR ip."CodeSubstNone"
                                   OR pc."SubstitutionCode" = '')
        FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum") JOIN raw.procedurecode pc ON pc."ProcCode" = c."CodeSent"
        JOIN raw.procedurecode sc ON sc."ProcCode" = pc."SubstitutionCode"
        LEFT JOIN raw.fee f ON f."CodeNum" = sc."CodeNum" AND f."FeeSched" = ip."FeeSched" AND ip."FeeSched" <> 0
             AND f."ClinicNum" = 0
        LEFT JOIN raw.fee u ON u."CodeNum" = sc."CodeNum" AND u."FeeSched" = 8285 AND u."ClinicNum" = 0
        WHERE c."EstimateNote" LIKE 'Alternate benefit: %' AND c."Status" IN (0, 1)
        AND c."ProcDate" >= date_trunc('year', (SELECT max("ProcDate") FROM raw.procedurelog WHERE "ProcStatus" = 2))""")[0]
    assert checked[0] > 0 and checked[1] == 0
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum")
                                WHERE ip."CodeSubstNone" AND c."EstimateNote" LIKE 'Alternate%'""") == [(0,)]


def test_planned_work_is_estimated_after_the_years_claims(practice_db):
    """Estimates of planned work (status 6) and the claim lines of their benefit year together stay within the
    year's deductible and maximum: the estimates see what the claims used up."""
    with_estimates = "(0, 1, 6)"
    over = benefit_validation.benefit_years_over
    for sql in (over(2, 1, "DedEst", with_estimates, '"PatNum"'),
                over(5, 1, "InsPayEst", with_estimates, '"PatNum"', benefit_validation.ANNUAL)):
        assert rows(practice_db, f"SELECT count(*) FROM ({sql}) v") == [(0,)]
    estimated = rows(practice_db, 'SELECT count(*) FROM raw.claimproc WHERE "Status" = 6 AND "InsPayEst" > 0')
    assert estimated[0][0] > 0


TAMPERING = [
    ("""UPDATE raw.claimproc SET "DedApplied" = "DedApplied" + 1000 WHERE "ClaimProcNum" =
        (SELECT min("ClaimProcNum") FROM raw.claimproc WHERE "Status" = 1)""", (0, 1)),
    ("""UPDATE raw.claimproc SET "InsPayAmt" = "InsPayAmt" + 5000 WHERE "ClaimProcNum" =
        (SELECT min("ClaimProcNum") FROM raw.claimproc WHERE "Status" = 1)""", (2,)),
    ("""UPDATE raw.patient SET "Birthdate" = '1940-01-01' WHERE "PatNum" = (SELECT min("PatNum") FROM raw.claimproc
        WHERE "Status" = 1 AND "InsPayAmt" > 0 AND "CodeSent" IN ('D1206', 'D1208'))""", (3,)),
    ("""UPDATE raw.benefit SET "Quantity" = 0 WHERE "QuantityQualifier" = 1 AND "CodeGroupNum" =
        (SELECT "CodeGroupNum" FROM raw.codegroup WHERE "GroupName" = 'Exams')""", (4,)),
    ("""UPDATE raw.benefit SET "QuantityQualifier" = 4, "Quantity" = 10 WHERE "CodeGroupNum" =
        ANY (SELECT "CodeGroupNum" FROM raw.codegroup WHERE "GroupName" LIKE 'Prophy%') AND "PatPlanNum" = 0""", (5,)),
    ("""INSERT INTO raw.benefit ("BenefitNum", "PlanNum", "PatPlanNum", "CovCatNum", "BenefitType", "Percent",
        "MonetaryAmt", "TimePeriod", "QuantityQualifier", "Quantity", "CodeNum", "CoverageLevel", "CodeGroupNum",
        "TreatArea") SELECT (SELECT max("BenefitNum") + 1 FROM raw.benefit), c."PlanNum", 0, sp."CovCatNum", 6, -1,
        -1, 0, 5, 1200, 0, 0, 0, 0 FROM raw.claimproc c
        JOIN raw.covspan sp ON c."CodeSent" BETWEEN sp."FromCode" AND sp."ToCode"
        WHERE c."Status" = 1 AND c."InsPayAmt" > 0 AND c."CodeSent" LIKE 'D27%' ORDER BY c."ClaimProcNum" LIMIT 1""",
     (6,)),
    ("""UPDATE raw.claimproc SET "Percentage" = "Percentage" - 10 WHERE "ClaimProcNum" =
        (SELECT min("ClaimProcNum") FROM raw.claimproc WHERE "Status" = 1 AND "Percentage" >= 10)""", (7,)),
    ("""UPDATE raw.claimproc SET "BaseEst" = "BaseEst" * 1.3 + 20 WHERE "ClaimProcNum" = (SELECT min("ClaimProcNum")
        FROM raw.claimproc WHERE "EstimateNote" LIKE 'Alternate benefit: %' AND "Percentage" > 0 AND "Status" = 1
        AND "ProcDate" < date_trunc('year', (SELECT max("ProcDate") FROM raw.claimproc)))""", (8,)),
    ("""DELETE FROM raw.claimproc WHERE "ProcNum" = (SELECT min(c."ProcNum") FROM raw.claimproc c
        JOIN raw.procedurelog p USING ("ProcNum") JOIN raw.patplan pp ON pp."InsSubNum" = c."InsSubNum"
        AND pp."PatNum" = c."PatNum" WHERE p."ProcStatus" = 2 AND c."Status" = 1)""", (9,)),
    ("""DELETE FROM raw.claimproc WHERE "ClaimProcNum" = (SELECT min(c."ClaimProcNum") FROM raw.claimproc c
        JOIN raw.patplan pp ON pp."InsSubNum" = c."InsSubNum" AND pp."PatNum" = c."PatNum"
        JOIN raw.procedurelog p USING ("ProcNum") WHERE pp."Ordinal" = 2 AND p."ProcStatus" = 2)""", (10,)),
]


def test_each_benefit_rule_catches_its_tampering(practice_db):
    """Each tampering alone, on the shared practice, in a transaction rolled back to before it."""
    server, name = practice_db
    connection = psycopg2.connect(dbname=name, **server)
    cursor = connection.cursor()

    def violations(rule):
        cursor.execute(f"SELECT count(*) FROM ({benefit_validation.RULES[rule][1]}) v")
        return cursor.fetchone()[0]

    try:
        assert [violations(rule) for rule in range(len(benefit_validation.RULES))] == [0] * len(benefit_validation.RULES)
        for statement, caught_by in TAMPERING:
            cursor.execute("SAVEPOINT tampered")
            cursor.execute(statement)
            assert cursor.rowcount >= 1, statement
            for rule in caught_by:
                assert violations(rule) > 0, (benefit_validation.RULES[rule][0], statement)
            cursor.execute("ROLLBACK TO SAVEPOINT tampered")
    finally:
        connection.rollback()
        connection.close()
