"""Item 5 of issue 15: the back office works on the days the office is open; what patients do online may fall on
any day."""
import numpy as np
import pytest

from conftest import query
from generators.timeline import is_open

ELECTRONIC = '("IsRecurringCC" OR "ProcessStatus" OR "PayType" = 412)'
BACK_OFFICE = {
    "insurance check received": 'SELECT "CheckDate" FROM raw.claimpayment',
    "insurance check issued": 'SELECT "DateIssued" FROM raw.claimpayment',
    "insurance payment posted": 'SELECT "DateCP" FROM raw.claimproc WHERE "Status" IN (1, 4)',
    "claim received": """SELECT "DateReceived" FROM raw.claim WHERE "ClaimStatus" = 'R'""",
    "deposit": 'SELECT "DateDeposit" FROM raw.deposit',
    "cash or check payment": 'SELECT "PayDate" FROM raw.payment WHERE "PayType" IN (69, 70)',
    "payment at the desk or a refund": f'SELECT "PayDate" FROM raw.payment WHERE NOT {ELECTRONIC}',
    "adjustment": 'SELECT "AdjDate" FROM raw.adjustment',
    "staff commlog": 'SELECT "CommDateTime"::date FROM raw.commlog WHERE "UserNum" <> 0',
}


def closed_and_all(practice_db, sql):
    server, name = practice_db
    days = np.array([day for day, in query(server, name, sql)], dtype="datetime64[D]")
    return int((~is_open(days)).sum()), len(days)


@pytest.mark.parametrize("work", BACK_OFFICE)
def test_back_office_work_is_dated_on_a_day_the_office_is_open(practice_db, work):
    closed, total = closed_and_all(practice_db, BACK_OFFICE[work])
    assert total > 0 and closed == 0


def test_online_payments_and_automated_messages_may_fall_on_a_closed_day(practice_db):
    assert closed_and_all(practice_db, f'SELECT "PayDate" FROM raw.payment WHERE {ELECTRONIC}')[0] > 0
    assert closed_and_all(practice_db, 'SELECT "CommDateTime"::date FROM raw.commlog WHERE "UserNum" = 0')[0] > 0


def test_insurance_payments_are_posted_on_the_day_of_their_check(practice_db):
    server, name = practice_db
    assert query(server, name, """SELECT count(*) FROM raw.claimproc c JOIN raw.claimpayment k USING ("ClaimPaymentNum")
                                  WHERE c."Status" IN (1, 4) AND (c."DateCP" <> k."CheckDate"
                                  OR k."DateIssued" > k."CheckDate" OR c."DateCP" < c."ProcDate")""") == [(0,)]
