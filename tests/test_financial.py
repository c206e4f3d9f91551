"""Phase 5 and the AR validation pass: the money reconciles to the cent, and tampering is caught."""
import psycopg2
import pytest

from checks import ar_validation
from conftest import SMALL_END, db_args, isolated, query, run_cli, run_generator


def rows(practice_db, sql):
    server, name = practice_db
    return query(server, name, sql)


@pytest.mark.parametrize("rule", ar_validation.RULES, ids=[r[0][:60] for r in ar_validation.RULES])
def test_reconciliation_rule_holds(practice_db, rule):
    _, sql = rule
    assert rows(practice_db, f"SELECT count(*) FROM ({sql}) v") == [(0,)]


def test_the_money_tables_are_filled(practice_db):
    for table in ("claim", "claimproc", "claimpayment", "payment", "paysplit", "adjustment"):
        assert rows(practice_db, f'SELECT count(*) > 0 FROM raw."{table}"') == [(True,)], table


def test_claims_progress_with_time(practice_db):
    statuses = dict(rows(practice_db, 'SELECT "ClaimStatus", count(*) FROM raw.claim GROUP BY 1'))
    assert set(statuses) <= {"U", "H", "W", "S", "R", "I"} and statuses["R"] > 0.8 * sum(statuses.values())
    # a primary is answered within 45 days of sending; a secondary is sent only after the primary's EOB
    stale = rows(practice_db, f"""SELECT count(*) FROM raw.claim WHERE "ClaimStatus" IN ('S', 'W', 'H')
                                  AND "DateService" < date '{SMALL_END}' - CASE "ClaimType" WHEN 'P' THEN 60 ELSE 110 END""")
    assert stale == [(0,)]
    lag = rows(practice_db, """SELECT min("DateReceived" - "DateSent"), max("DateReceived" - "DateSent")
                               FROM raw.claim WHERE "ClaimStatus" = 'R'""")[0]
    assert 14 <= lag[0] and lag[1] <= 45


def test_claims_are_mostly_primary_with_a_secondary_minority(practice_db):
    share = rows(practice_db, """SELECT avg(("ClaimType" = 'S')::int) FROM raw.claim""")[0][0]
    assert 0.01 < share < 0.2
    assert rows(practice_db, """SELECT count(*) FROM raw.claim WHERE "ClaimType" NOT IN ('P', 'S')
                                OR "PlaceService" NOT IN (0, 3) OR "EmployRelated" NOT IN (0, 2)""") == [(0,)]


def test_ppo_write_off_is_fee_minus_allowed_and_never_negative(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc WHERE "WriteOff" < 0 OR "InsPayAmt" < 0
                                OR "InsPayEst" < 0 OR "FeeBilled" < 0
                                OR ("Status" = 1 AND "InsPayAmt" + "WriteOff" > "FeeBilled" + 0.005)""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "WriteOff" > 0') == [(True,)]


def test_estimates_are_kept_on_planned_work_only(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.claimproc c JOIN raw.procedurelog p USING ("ProcNum")
                                WHERE c."Status" = 6 AND (c."ClaimNum" <> 0 OR p."ProcStatus" <> 1)""") == [(0,)]
    assert rows(practice_db, 'SELECT count(*) > 0 FROM raw.claimproc WHERE "Status" = 6') == [(True,)]


def test_payment_types_and_signs_follow_the_definitions(practice_db):
    types = dict(rows(practice_db, 'SELECT "PayType", count(*) FROM raw.payment GROUP BY 1'))
    assert set(types) <= {0, 69, 70, 71, 72, 391, 412, 417, 574, 634, 676, 681}
    assert max(types, key=types.get) == 71
    assert rows(practice_db, """SELECT count(*) FROM raw.payment WHERE ("PayType" = 0 AND "PayAmt" <> 0)
                                OR ("PayType" NOT IN (0, 72) AND "PayAmt" <= 0)""") == [(0,)]
    assert rows(practice_db, """SELECT count(*) FROM raw.payment WHERE "PayType" = 0
                                AND "PayNote" NOT LIKE '%INCOME TRANSFER%'""") == [(0,)]


def test_payments_follow_their_procedures(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.paysplit s JOIN raw.procedurelog p USING ("ProcNum")
                                JOIN raw.payment y USING ("PayNum")
                                WHERE s."SplitAmt" > 0 AND y."PayType" <> 0 AND s."DatePay" < p."ProcDate" """) == [(0,)]


def test_adjustments_use_the_analytics_types_and_signs(practice_db):
    assert rows(practice_db, """SELECT count(*) FROM raw.adjustment a JOIN raw.definition d ON d."DefNum" = a."AdjType"
                                WHERE d."Category" <> 1 OR a."ProvNum" = 0 OR a."AdjType" IN (288, 439)
                                OR (d."ItemValue" = '-' AND a."AdjAmt" > 0) OR (d."ItemValue" = '+' AND a."AdjAmt" < 0)
                                OR (a."ProcNum" <> 0 AND a."AdjDate" < a."ProcDate")""") == [(0,)]


def test_ar_looks_like_a_real_practice(practice_db):
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
        summary = ar_validation.summary(cursor)
    conn.close()
    assert 0.93 < summary["collection_rate"] < 1.0
    assert summary["aging_shares"][0] == max(summary["aging_shares"])
    assert summary["aging_shares"][3] < 0.3
    assert 0.15 < summary["insurance_share_of_collections"] < 0.6


TAMPERING = [
    ("UPDATE raw.paysplit SET \"SplitAmt\" = \"SplitAmt\" + 10 WHERE \"SplitNum\" = "
     "(SELECT min(\"SplitNum\") FROM raw.paysplit WHERE \"ProcNum\" <> 0)", "every payment equals the sum of its splits"),
    ("UPDATE raw.claimpayment SET \"CheckAmt\" = \"CheckAmt\" + 25 WHERE \"ClaimPaymentNum\" = "
     "(SELECT min(\"ClaimPaymentNum\") FROM raw.claimpayment)", "every insurance check equals"),
    ("UPDATE raw.procedurelog SET \"ProcFee\" = 0.5 WHERE \"ProcNum\" = (SELECT min(\"ProcNum\") FROM raw.paysplit s "
     "JOIN raw.procedurelog p USING (\"ProcNum\") WHERE s.\"SplitAmt\" > 5)", "every completed procedure's balance"),
    ("UPDATE raw.patient SET \"Bal_0_30\" = \"Bal_0_30\" + 100 WHERE \"PatNum\" = "
     "(SELECT min(\"Guarantor\") FROM raw.patient)", "every guarantor's stored balance and aging"),
]


@pytest.mark.parametrize("statement, rule", TAMPERING, ids=["split", "check", "procedure fee", "aging"])
def test_tampering_makes_validation_fail_with_the_rule_named(server, new_database, statement, rule):
    name = new_database()
    assert run_generator(server, name, patients=120) == 0
    args = isolated([*db_args(server, name), "--validate-only"])
    code, out, err = run_cli(*args)
    assert code == 0 and "rules pass" in out and "AR: $" in out, err
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
        cursor.execute(statement)
        assert cursor.rowcount == 1
    conn.close()
    code, out, err = run_cli(*args)
    assert code == 1 and f"FAILED {rule}" in err and "Traceback" not in err, err
