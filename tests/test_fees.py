"""Item 7 of issue 15: the practice raises its fees each January, as OpenDental's fee schedule tool writes it, and
the fees below the schedule are round-percentage discounts."""
import re
from collections import Counter, defaultdict

import numpy as np

from conftest import query
from generators.timeline import is_open
from opendental.codes import Permission

UCR = 8285
SHARES = (0.95, 0.90, 0.85)  # the discount schedules of generators/data/foundation_fee_schedules.csv


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


def ucr_raises(practice_db):
    """(day, fraction) of each raise of the UCR schedule, from its securitylog rows."""
    logged = rows(practice_db, f"""SELECT "LogDateTime"::date, "LogText" FROM raw.securitylog
                                   WHERE "PermType" = {Permission.FEE_SCHED_EDIT} AND "FKey" = {UCR} ORDER BY 1""")
    return [(day, float(re.search(r"increased by ([\d.]+)%", text).group(1)) / 100) for day, text in logged]


def fees_by_period(practice_db, raises):
    """{(code, period): Counter of ProcFee} of charged procedures, period 0 before the first raise, for the codes
    and periods with at least 30 procedures (about 80 % at the UCR fee: their most frequent)."""
    found = defaultdict(Counter)
    for code, day, fee in rows(practice_db, """SELECT "CodeNum", "ProcDate", "ProcFee" FROM raw.procedurelog
                                                WHERE "ProcStatus" IN (1, 2) AND "ProcFee" > 0"""):
        found[code, sum(day >= raised for raised, _ in raises)][round(float(fee), 2)] += 1
    return {key: fees for key, fees in found.items() if fees.total() >= 30}


def test_each_raise_is_logged_in_january_on_an_open_day_for_every_schedule_in_use(practice_db):
    raises = ucr_raises(practice_db)
    days = np.array([day for day, _ in raises], dtype="datetime64[D]")
    assert len(raises) >= 2 and is_open(days).all() and {day.month for day, _ in raises} == {1}
    assert len({day.year for day, _ in raises}) == len(raises)
    assert all(0.02 <= rate <= 0.05 for _, rate in raises)
    # every visible schedule takes every raise; a hidden one none from the day it was hidden
    assert rows(practice_db, f"""SELECT count(*) FROM raw.feesched s CROSS JOIN (SELECT "LogDateTime" FROM raw.securitylog
                                 WHERE "PermType" = {Permission.FEE_SCHED_EDIT} AND "FKey" = {UCR}) r
                                 WHERE (NOT s."IsHidden" OR r."LogDateTime"::date < s."SecDateTEdit"::date)
                                 <> EXISTS (SELECT 1 FROM raw.securitylog l WHERE l."FKey" = s."FeeSchedNum"
                                            AND l."LogDateTime"::date = r."LogDateTime"::date)""") == [(0,)]


def test_fee_rows_hold_the_fee_of_their_schedules_last_raise_stamped_on_its_day(practice_db):
    assert rows(practice_db, f"""SELECT count(*) FROM raw.fee f LEFT JOIN (SELECT "FKey", max("LogDateTime")::date last
                                 FROM raw.securitylog WHERE "PermType" = {Permission.FEE_SCHED_EDIT} GROUP BY 1) l
                                 ON l."FKey" = f."FeeSched"
                                 WHERE f."SecDateTEdit"::date <> greatest(l.last, f."SecDateEntry")
                                 OR f."SecDateEntry" > f."SecDateTEdit"::date""") == [(0,)]
    assert rows(practice_db, f"""SELECT count(*) FROM raw.fee WHERE "FeeSched" = {UCR}
                                 AND "SecDateTEdit"::date <> (SELECT max("LogDateTime")::date FROM raw.securitylog)""") == [(0,)]


def test_the_fee_of_a_code_rises_year_over_year_by_the_schedule_raise(practice_db):
    raises = ucr_raises(practice_db)
    found = fees_by_period(practice_db, raises)
    ucr = {key: fees.most_common(1)[0][0] for key, fees in found.items()}  # the undiscounted fee of the period
    compared = 0
    for (code, period), fee in ucr.items():
        before = ucr.get((code, period - 1))
        if period and before:
            assert abs(fee - before * (1 + raises[period - 1][1])) <= 0.5 + 1e-6 and fee == round(fee)
            compared += 1
    assert compared >= 5
    current = dict(rows(practice_db, f'SELECT "CodeNum", "Amount" FROM raw.fee WHERE "FeeSched" = {UCR}'))
    assert all(fee == current[code] for (code, period), fee in ucr.items() if period == len(raises))
    d0120 = rows(practice_db, """SELECT "CodeNum" FROM raw.procedurecode WHERE "ProcCode" = 'D0120'""")[0][0]
    assert ucr[d0120, 0] < ucr[d0120, len(raises)]


def test_fees_below_the_schedule_are_round_percentage_discounts_of_it(practice_db):
    found = fees_by_period(practice_db, ucr_raises(practice_db))
    ucr = {key: fees.most_common(1)[0][0] for key, fees in found.items()}
    odd = [(key, fee) for key, fees in found.items() for fee in fees
           if fee != ucr[key] and min(abs(fee - round(ucr[key] * share, 2)) for share in SHARES) > 0.006]
    assert odd == [] and sum(len(fees) > 1 for fees in found.values()) >= 5


def test_discount_schedules_charge_their_percentage_and_only_seniors_the_senior_one(practice_db):
    assert rows(practice_db, f"""SELECT count(*) FROM raw.fee d JOIN raw.feesched s ON s."FeeSchedNum" = d."FeeSched"
                                 JOIN raw.fee u ON u."CodeNum" = d."CodeNum" AND u."FeeSched" = {UCR}
                                 WHERE s."Description" LIKE '%Discount%' AND abs(d."Amount" - round((u."Amount"
                                 * (100 - substring(s."Description" FROM '(\\d+)%')::int) / 100)::numeric, 2)) > 0.005
                              """) == [(0,)]
    younger, seniors = rows(practice_db, """SELECT count(*) FILTER (WHERE age(p."ProcDate", t."Birthdate")
                                            < interval '65 years'), count(*)
                                            FROM raw.procedurelog p JOIN raw.patient t USING ("PatNum")
                                            WHERE t."FeeSched" = 8290 AND p."ProcFee" > 0""")[0]
    assert younger == 0 and seniors > 0


def test_procedures_since_the_last_raise_carry_the_fee_of_their_patients_schedule(practice_db):
    charged, odd, discounted = rows(practice_db, f"""SELECT count(*), count(*) FILTER (WHERE p."ProcFee" <> f."Amount"),
        count(*) FILTER (WHERE t."FeeSched" <> 0) FROM raw.procedurelog p JOIN raw.patient t USING ("PatNum")
        JOIN raw.fee f ON f."CodeNum" = p."CodeNum" AND f."ClinicNum" = p."ClinicNum"
        AND f."FeeSched" = CASE t."FeeSched" WHEN 0 THEN {UCR} ELSE t."FeeSched" END
        WHERE p."ProcFee" > 0 AND p."ProcDate" >= f."SecDateTEdit"::date""")[0]
    assert charged > 0 and odd == 0 and 0 < discounted < charged
