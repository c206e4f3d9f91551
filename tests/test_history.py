"""The practice lives through time: it opened --history-years before the window, raw holds its history, the
patient base is settled when the window opens, patients come back, leave, and are pre-booked."""
import statistics

import pytest

from conftest import OPENED, SMALL_END, generated_practice, one, query, run_generator

WINDOW = "2023-01-01"
TODAY = f"date '{SMALL_END}'"
MONTHLY = {
    "completed visits": """SELECT date_trunc('month', "AptDateTime")::date, count(*) FROM raw.appointment
                           WHERE "AptStatus" = 2 GROUP BY 1""",
    "production": """SELECT date_trunc('month', "ProcDate")::date, sum("ProcFee" * ("UnitQty" + "BaseUnits"))
                     FROM raw.procedurelog WHERE "ProcStatus" = 2 GROUP BY 1""",
    "patient collections": """SELECT date_trunc('month', "PayDate")::date, sum("PayAmt") FROM raw.payment
                              GROUP BY 1""",
    "insurance collections": """SELECT date_trunc('month', "DateCP")::date, sum("InsPayAmt") FROM raw.claimproc
                                WHERE "Status" IN (1, 4) GROUP BY 1""",
}


@pytest.fixture(scope="module")
def settled(server):
    """A practice big enough for monthly totals to be measured (2,000 patients, the default history)."""
    yield from generated_practice(server, 2000, 5)


def window_months(practice, sql):
    """The totals of the window's whole months, in order."""
    server, name = practice
    rows = sorted(query(server, name, sql))
    return [float(total) for month, total in rows if str(WINDOW) <= str(month) and str(month)[:7] < SMALL_END[:7]]


def test_raw_holds_the_history_before_the_window_and_nothing_before_the_opening(settled):
    for table, day in (("appointment", '"AptDateTime"'), ("procedurelog", '"ProcDate"'), ("claim", '"DateSent"'),
                       ("payment", '"PayDate"'), ("adjustment", '"AdjDate"'), ("commlog", '"CommDateTime"')):
        before, too_early = one(settled, f"""SELECT count(*) FILTER (WHERE {day} < '{WINDOW}'),
            count(*) FILTER (WHERE {day} < '{OPENED}' AND {day} > '0001-01-01') FROM raw.{table}""")
        assert before > 0 and too_early == 0, table


def test_every_first_visit_and_previous_recall_is_backed_by_completed_procedures(settled):
    came, unbacked = one(settled, """SELECT count(*), count(*) FILTER (WHERE first_done IS DISTINCT FROM
        "DateFirstVisit") FROM raw.patient p LEFT JOIN (SELECT "PatNum", min("ProcDate") first_done
            FROM raw.procedurelog WHERE "ProcStatus" = 2 GROUP BY 1) r USING ("PatNum")
        WHERE "DateFirstVisit" > '0001-01-01'""")
    assert came > 1000 and unbacked == 0
    assert one(settled, """SELECT count(*) FROM raw.procedurelog r JOIN raw.patient p USING ("PatNum")
                           WHERE r."ProcStatus" = 2 AND p."DateFirstVisit" = '0001-01-01'""") == (0,)
    assert one(settled, """SELECT count(*) FROM raw.recall rc WHERE "DatePrevious" > '0001-01-01' AND NOT EXISTS (
        SELECT 1 FROM raw.procedurelog r WHERE r."PatNum" = rc."PatNum" AND r."ProcStatus" = 2
        AND r."ProcDate" = rc."DatePrevious")""") == (0,)


def test_the_first_completed_visit_is_on_the_first_visit_day(settled):
    assert one(settled, """SELECT count(*) FROM raw.patient p LEFT JOIN (SELECT "PatNum", min("AptDateTime")::date
        first_visit FROM raw.appointment WHERE "AptStatus" = 2 GROUP BY 1) a USING ("PatNum")
        WHERE "DateFirstVisit" > '0001-01-01' AND "DateFirstVisit" IS DISTINCT FROM first_visit""") == (0,)


@pytest.mark.parametrize("measure", ["completed visits"])
def test_each_of_the_first_three_months_is_within_15_percent_of_the_median_month(settled, measure):
    months = window_months(settled, MONTHLY[measure])
    median = statistics.median(months)
    assert all(abs(month / median - 1) <= 0.15 for month in months[:3]), (months[:3], median)


@pytest.mark.parametrize("measure", ["production", "patient collections", "insurance collections"])
def test_the_first_quarter_collects_within_15_percent_of_the_median_quarter(settled, measure):
    """Production and collections swing more from month to month at this size (a few crowns or large payments),
    so by quarter; the fidelity report judges the months themselves, with their sampling noise."""
    months = window_months(settled, MONTHLY[measure])
    quarters = [sum(months[i:i + 3]) for i in range(0, len(months) - 2, 3)]
    assert abs(quarters[0] / statistics.median(quarters) - 1) <= 0.15, (quarters[0], statistics.median(quarters))


def test_most_active_established_patients_were_seen_in_the_last_year(settled):
    established, seen = one(settled, f"""SELECT count(*), count(*) FILTER (WHERE "PatNum" IN (SELECT "PatNum"
        FROM raw.appointment WHERE "AptStatus" = 2 AND "AptDateTime" > {TODAY} - 365))
        FROM raw.patient p WHERE "PatStatus" = 0 AND "DateFirstVisit" > '0001-01-01'
                             AND "DateFirstVisit" < {TODAY} - 365""")
    assert 0.72 <= seen / established <= 0.88


def test_the_future_book_holds_hygiene_booked_at_the_last_visits_checkout(settled):
    active, booked, at_checkout, furthest = one(settled, f"""SELECT
        (SELECT count(*) FROM raw.patient WHERE "PatStatus" = 0 AND "DateFirstVisit" > '0001-01-01'),
        count(DISTINCT a."PatNum"),
        count(*) FILTER (WHERE a."AptNum" IN (SELECT f."AptNum" FROM raw.appointment f JOIN raw.appointment b
                         USING ("PatNum") WHERE b."AptStatus" = 2 AND b."IsHygiene"
                         AND b."AptDateTime"::date BETWEEN f."SecDateTEntry"::date - 7 AND f."SecDateTEntry"::date))
                         * 1.0 / count(*),
        max(a."AptDateTime")::date - {TODAY}
        FROM raw.appointment a WHERE a."AptStatus" = 1 AND a."IsHygiene" AND a."AptDateTime" > {TODAY}""")
    assert booked > 0.45 * active and at_checkout > 0.8 and 150 < furthest < 240


def test_patients_who_left_are_inactive_archived_or_deceased_and_had_no_care_after(settled):
    statuses = dict(query(*settled, """SELECT "PatStatus", count(*) FROM raw.patient GROUP BY 1"""))
    assert all(statuses.get(status, 0) > 0 for status in (2, 3, 5)) and statuses[0] > statuses[2]
    assert one(settled, """SELECT count(*) FROM raw.appointment a JOIN raw.patient p USING ("PatNum")
                           WHERE p."PatStatus" IN (2, 3, 5) AND a."AptStatus" = 1""") == (0,)
    assert one(settled, """SELECT count(*) FROM raw.appointment a JOIN raw.patient p USING ("PatNum")
                           WHERE p."PatStatus" = 5 AND a."AptStatus" = 2
                           AND a."AptDateTime" > p."DateTimeDeceased" """) == (0,)
    # archived: gone for more than two years, and they left at least a month after their last visit
    assert one(settled, f"""SELECT count(*) FROM raw.appointment a JOIN raw.patient p USING ("PatNum")
                           WHERE p."PatStatus" = 3 AND a."AptStatus" = 2
                           AND a."AptDateTime" > {TODAY} - 2 * 365""") == (0,)


def test_some_new_patients_come_in_pain_first_and_most_of_them_come_back_for_the_exam(settled):
    came, in_pain, back = one(settled, """WITH coded AS (SELECT r."PatNum", r."ProcDate", c."ProcCode"
            FROM raw.procedurelog r JOIN raw.procedurecode c USING ("CodeNum") WHERE c."ProcCode" IN ('D0140', 'D0150'))
        SELECT count(*), count(*) FILTER (WHERE pain), count(*) FILTER (WHERE pain AND "DateFirstVisit" < last_exam)
        FROM (SELECT "PatNum", "DateFirstVisit", ("PatNum", "DateFirstVisit") IN (SELECT "PatNum", "ProcDate" FROM coded
                                                                               WHERE "ProcCode" = 'D0140') pain
              FROM raw.patient WHERE "DateFirstVisit" > '0001-01-01') p
        LEFT JOIN (SELECT "PatNum", max("ProcDate") last_exam FROM coded WHERE "ProcCode" = 'D0150' GROUP BY 1) e
            USING ("PatNum")""")
    assert 0.08 < in_pain / came < 0.25 and back > 0.4 * in_pain


def test_without_history_nothing_happens_before_the_start_date(server, new_database):
    dbname = new_database()
    assert run_generator(server, dbname, "--history-years", "0", patients=60) == 0
    assert query(server, dbname, f"""SELECT (SELECT count(*) FROM raw.appointment WHERE "AptDateTime" < '{WINDOW}'),
        (SELECT count(*) FROM raw.patient WHERE "DateFirstVisit" > '0001-01-01' AND "DateFirstVisit" < '{WINDOW}')
        """) == [(0, 0)]
