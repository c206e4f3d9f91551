"""A day like a real day: the book lies on the provider calendar (working days and hours, lunch, the book's
grid), visits last what their procedures take, and long treatment is split over visits."""
from types import SimpleNamespace

import numpy as np
from conftest import one, query

from generators import provider_calendar
from generators.timeline import weekday

ON_THE_BOOK = '"AptStatus" IN (1, 2, 3, 5)'
HOLDING_A_CHAIR = '"AptStatus" IN (1, 2, 5)'  # the unscheduled list's (3) time was given to others
END = """("AptDateTime" + length("Pattern") * interval '5 minutes')"""


def test_starts_on_the_ten_minute_grid_and_nothing_over_lunch(practice_db):
    bad = one(practice_db, f"""SELECT count(*) FROM raw.appointment WHERE {ON_THE_BOOK} AND (
        extract(minute FROM "AptDateTime")::int % 10 <> 0 OR extract(second FROM "AptDateTime") <> 0
        OR length("Pattern") % 2 <> 0
        OR ("AptDateTime"::time < '13:00' AND {END} > "AptDateTime"::date + time '12:00'))""")
    assert bad == (0,)


def test_every_appointment_inside_one_schedule_block_of_its_provider(practice_db):
    """The blocks are the provider calendar's: a visit never spans the lunch between two blocks."""
    outside = one(practice_db, f"""SELECT count(*) FROM raw.appointment a WHERE a.{ON_THE_BOOK}
        AND NOT EXISTS (SELECT 1 FROM raw.schedule s WHERE s."SchedType" = 1
            AND s."ProvNum" = CASE WHEN a."IsHygiene" THEN a."ProvHyg" ELSE a."ProvNum" END
            AND s."SchedDate" = a."AptDateTime"::date AND s."SchedDate" + s."StartTime" <= a."AptDateTime"
            AND s."SchedDate" + s."StopTime" >= a."AptDateTime" + length(a."Pattern") * interval '5 minutes')""")
    assert outside == (0,)


def test_no_provider_in_two_appointments_at_once(practice_db):
    overlaps = one(practice_db, f"""WITH booked AS (SELECT "AptNum", CASE WHEN "IsHygiene" THEN "ProvHyg"
            ELSE "ProvNum" END AS prov, "AptDateTime" AS starts, {END} AS ends FROM raw.appointment
            WHERE {HOLDING_A_CHAIR})
        SELECT count(*) FROM booked a JOIN booked b ON a.prov = b.prov AND a."AptNum" < b."AptNum"
        AND a.starts < b.ends AND b.starts < a.ends""")
    assert overlaps == (0,)


def test_visits_with_ten_or_more_procedures_are_rare(practice_db):
    share, visits = one(practice_db, """SELECT avg((n >= 10)::int)::float, count(*) FROM (SELECT "AptNum", count(*) n
        FROM raw.appointment a JOIN raw.procedurelog p USING ("AptNum") WHERE a."AptStatus" = 2 GROUP BY 1) v""")
    assert visits > 500 and share < 0.01


def test_visit_length_follows_its_procedures(practice_db):
    """At least the longest procedure's ProcTime and at most all of them, within the grid's rounding (a hygiene
    visit at least 20 minutes: the dentist's exam and a step); no pile-up at a longest length."""
    bad = one(practice_db, """SELECT count(*) FROM (SELECT a."AptNum", a."IsHygiene" AS hygiene,
            length(a."Pattern") * 5 AS minutes,
            max(length(c."ProcTime")) * 5 AS longest, sum(length(c."ProcTime")) * 5 AS total
        FROM raw.appointment a JOIN raw.procedurelog p USING ("AptNum") JOIN raw.procedurecode c USING ("CodeNum")
        WHERE a."AptStatus" = 2 GROUP BY 1, 2, 3) v
        WHERE minutes < longest - 5 OR minutes > greatest(total + 5, CASE WHEN hygiene THEN 20 ELSE 10 END)""")
    assert bad == (0,)
    piled = one(practice_db, f"""SELECT max(n)::float / sum(n) FROM (SELECT count(*) n FROM raw.appointment
        WHERE {ON_THE_BOOK} AND length("Pattern") >= 24 GROUP BY length("Pattern")) x""")[0]
    assert piled is None or piled < 0.5


def test_hygienists_days_are_mostly_booked(practice_db):
    """Days a week follow the hygienist's patients' visits: most of each scheduled day is on the book, and a
    full day holds several patients (about eight at a practice's full volume)."""
    server, name = practice_db
    rows = query(server, name, """WITH days AS (SELECT s."ProvNum", s."SchedDate",
            sum(extract(epoch FROM s."StopTime" - s."StartTime")) / 60 AS minutes
            FROM raw.schedule s JOIN raw.provider p USING ("ProvNum") WHERE s."SchedType" = 1 AND p."IsSecondary"
            AND s."SchedDate" < (SELECT max("AptDateTime")::date FROM raw.appointment WHERE "AptStatus" = 2)
            GROUP BY 1, 2),
        booked AS (SELECT "ProvHyg", "AptDateTime"::date AS day, count(*) AS n, sum(length("Pattern") * 5) AS minutes
            FROM raw.appointment WHERE "AptStatus" IN (2, 3, 5) AND "IsHygiene" GROUP BY 1, 2)
        SELECT d."ProvNum", sum(coalesce(b.minutes, 0)) / sum(d.minutes), avg(coalesce(b.n, 0) * 480 / d.minutes)
        FROM days d LEFT JOIN booked b ON b."ProvHyg" = d."ProvNum" AND b.day = d."SchedDate" GROUP BY 1""")
    assert rows and all(0.5 < share < 1 and 4 < per_full_day < 9 for _, share, per_full_day in rows)


def test_staff_follows_the_volume(practice_db):
    """A 400-patient office books a dentist and a hygienist part of the week, each with weekdays off."""
    server, name = practice_db
    rows = query(server, name, """SELECT p."IsSecondary", count(DISTINCT s."SchedDate")::float /
            (SELECT count(DISTINCT "SchedDate") FROM raw.schedule WHERE "SchedType" IN (1, 3))
        FROM raw.schedule s JOIN raw.provider p USING ("ProvNum") WHERE s."SchedType" = 1 GROUP BY p."ProvNum", 1""")
    assert rows and all(share < 0.9 for _, share in rows)


def test_days_a_week_follow_each_years_demand():
    """An office's dentist busy with the opening years' treatment works more weekdays then than once the
    practice is settled, and the hygienist's week stays with the steady recalls; a hygienist works only on a
    dentist's days."""
    start, today = np.datetime64("2020-01-01"), np.datetime64("2023-01-01")
    ctx = SimpleNamespace(start=start, today=today, rng=lambda name: np.random.default_rng(7),
                          practice=SimpleNamespace(providers=SimpleNamespace(dentists=np.array([1]),
                                                                             hygienists=np.array([2]))))
    days = np.arange(start, today, np.timedelta64(1, "D"))
    days = days[weekday(days) < 5]
    visits_a_day = np.where(days < np.datetime64("2021-01-01"), 6, 2)  # the dentist's hour-long visits
    dentist_days = np.repeat(days, visits_a_day)
    hygiene_days = np.repeat(days, 4)
    provider = np.concatenate([np.ones(len(dentist_days), dtype=int), np.full(len(hygiene_days), 2)])
    calendar = provider_calendar.plan(ctx, provider, np.full(len(provider), 60),
                                      np.concatenate([dentist_days, hygiene_days]))
    year = calendar.days.astype("datetime64[Y]").astype(int) + 1970
    worked = {y: calendar.works[:, year == y].mean(axis=1) for y in (2020, 2021, 2022)}
    assert worked[2020][0] > 0.7 and worked[2021][0] < 0.6 and abs(worked[2021][0] - worked[2022][0]) < 0.1
    assert abs(worked[2020][1] - worked[2022][1]) < 0.1
    assert not (calendar.works[1] & ~calendar.works[0]).any()


def test_a_tiny_offices_hygienist_works_on_weeks_its_dentist_works():
    """A tiny office's dentist comes every second week and its hygienist, with less to do, as often (not every
    third week, which would meet the dentist's weeks once in six and leave the hygienist's patients no day)."""
    start, today = np.datetime64("2021-01-04"), np.datetime64("2023-01-02")
    ctx = SimpleNamespace(start=start, today=today, rng=lambda name: np.random.default_rng(3),
                          practice=SimpleNamespace(providers=SimpleNamespace(dentists=np.array([1]),
                                                                             hygienists=np.array([2]))))
    mondays = np.arange(start, today, np.timedelta64(7, "D"))
    provider = np.concatenate([np.ones(3 * len(mondays), dtype=int), np.full(2 * len(mondays), 2)])
    calendar = provider_calendar.plan(ctx, provider, np.full(len(provider), 60),
                                      np.concatenate([np.repeat(mondays, 3), np.repeat(mondays, 2)]))
    weeks = len(mondays)
    assert not (calendar.works[1] & ~calendar.works[0]).any()
    assert calendar.works[1, calendar.days < today].sum() / weeks >= 0.4  # about every second week, less vacations
