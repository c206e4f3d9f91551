"""Collections like a real office: the few families sent to the agency, their billing types, the agency's
remittances and fees, no statements and no treatment after sending; each rule caught when the data is tampered."""
import psycopg2
import pytest

from checks import collections_validation
from conftest import query

PRODUCTION_FAMILIES = """SELECT count(DISTINCT p."Guarantor") FROM raw.procedurelog pl JOIN raw.patient p
                         USING ("PatNum") WHERE pl."ProcStatus" = 2 AND pl."ProcFee" > 0"""


def value(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)[0][0]


@pytest.mark.parametrize("rule", collections_validation.RULES, ids=[r[0][:60] for r in collections_validation.RULES])
def test_collections_rule_holds(practice_db, rule):
    assert value(practice_db, f"SELECT count(*) FROM ({rule[1]}) v") == 0


def test_a_few_families_go_to_collections_and_most_keep_standard_account(practice_db):
    sent = value(practice_db, f"SELECT count(*) FROM ({collections_validation.SENT}) s")
    families = value(practice_db, PRODUCTION_FAMILIES)
    assert 1 <= sent <= 0.06 * families
    types = dict(query(*practice_db, """SELECT d."ItemName", count(*) FROM raw.patient p
                                        JOIN raw.definition d ON d."DefNum" = p."BillingType"
                                        WHERE p."PatNum" = p."Guarantor" GROUP BY 1"""))
    assert types["Standard Account"] > 0.9 * sum(types.values())
    assert set(types) <= {"Standard Account", "Collections", "Bad Debt", "No Statements"}
    assert types.get("Collections", 0) + types.get("Bad Debt", 0) >= 1


def test_no_statement_goes_out_after_the_account_went_to_the_agency(practice_db):
    assert value(practice_db, f"""SELECT count(*) FROM raw.statement st JOIN ({collections_validation.SENT}) s
                                 ON s."Guarantor" = st."PatNum" WHERE NOT st."HidePayment"
                                 AND st."DateSent" > s.sent""") == 0


TAMPERING = [
    ("""UPDATE raw.procedurelog SET "ProcDate" = (SELECT max("AdjDate") + 1 FROM raw.adjustment) WHERE "ProcNum" =
        (SELECT min(pl."ProcNum") FROM raw.procedurelog pl JOIN raw.adjustment a USING ("ProcNum")
         JOIN raw.definition d ON d."DefNum" = a."AdjType" WHERE d."ItemName" = 'Bad Debt Write-off')""", 0),
    ("""UPDATE raw.patient SET "BillingType" = (SELECT "DefNum" FROM raw.definition WHERE "Category" = 4
        AND "ItemName" = 'Bad Debt') WHERE "PatNum" = (SELECT min("PatNum") FROM raw.patient
        WHERE "PatNum" = "Guarantor" AND "BillingType" = (SELECT "DefNum" FROM raw.definition
        WHERE "Category" = 4 AND "ItemName" = 'Standard Account'))""", 1),
    ("""UPDATE raw.adjustment SET "AdjType" = (SELECT "DefNum" FROM raw.definition WHERE "Category" = 1
        AND "ItemName" = 'Collection Agency Fee') WHERE "AdjNum" = (SELECT min(a."AdjNum") FROM raw.adjustment a
        JOIN raw.definition d ON d."DefNum" = a."AdjType" WHERE d."ItemName" = 'Senior Discount')""", 2),
]


@pytest.mark.parametrize("statement, rule", TAMPERING)
def test_each_collections_rule_catches_its_tampering(server, practice_db, statement, rule):
    _, name = practice_db
    connection = psycopg2.connect(dbname=name, **server)
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
            assert cursor.rowcount == 1
            cursor.execute(f"SELECT count(*) FROM ({collections_validation.RULES[rule][1]}) v")
            assert cursor.fetchone()[0] > 0
    finally:
        connection.rollback()
        connection.close()
