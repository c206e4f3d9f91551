"""Every foreign key of schema/foreign_keys.csv resolves, and the list of keys is true to the schema."""
import psycopg2
import pytest

from checks import foreign_keys
from conftest import query
from core import schema
from opendental.definitions import DefCat

KEYS = schema.foreign_keys()


def violations(cursor, sets):
    """Each key's count of rows that do not resolve, as the validation pass counts them (against the parents'
    KeySets `sets`; None: every parent joined)."""
    counts = {}
    for table, keys in foreign_keys.keys_by_table().items():
        cursor.execute(foreign_keys.table_count_sql(table, keys, sets))
        counts.update(zip(keys, cursor.fetchone()))
    return counts


def test_every_foreign_key_resolves(practice_db):
    """One pass per table, as the validation pass counts them; a failure names each broken key."""
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor:
        counts = violations(cursor, foreign_keys.key_sets(cursor, KEYS))
    conn.close()
    assert [f"{foreign_keys.rule_name(key)}: {n} rows" for key, n in counts.items() if n] == []


@pytest.mark.parametrize("parents", ["listed", "ranges with holes", "joined"])
def test_a_dangling_reference_is_counted_the_same_whether_its_parent_is_listed_a_range_or_joined(
        practice_db, parents, monkeypatch):
    """A value below a parent's keys, one above them and one in a hole left by a deleted parent row are each
    counted, and every key counts what the joins count (inside a transaction rolled back). Ranges: a parent of
    as many keys as the appointments less the one deleted is too large to list; its holes are fewer."""
    server, name = practice_db
    (appointments,) = query(server, name, "SELECT count(*) FROM raw.appointment")[0]
    inline = {"listed": foreign_keys.INLINE_KEYS, "ranges with holes": appointments - 2, "joined": -1}[parents]
    monkeypatch.setattr(foreign_keys, "INLINE_KEYS", inline)
    conn = psycopg2.connect(dbname=name, **server)
    try:
        with conn.cursor() as cursor:
            cursor.execute('UPDATE raw.patient SET "PriProv" = -1 '
                           'WHERE "PatNum" = (SELECT min("PatNum") FROM raw.patient)')
            cursor.execute('UPDATE raw.claimproc SET "ClaimNum" = (SELECT max("ClaimNum") + 1 FROM raw.claim) WHERE '
                           '"ClaimProcNum" = (SELECT min("ClaimProcNum") FROM raw.claimproc WHERE "ClaimNum" <> 0)')
            cursor.execute('DELETE FROM raw.appointment WHERE "AptNum" = (SELECT min("AptNum") FROM raw.procedurelog '
                           'WHERE "AptNum" > (SELECT min("AptNum") FROM raw.appointment)) RETURNING "AptNum"')
            (hole,) = cursor.fetchone()
            sets = foreign_keys.key_sets(cursor, KEYS)
            counted, joined = violations(cursor, sets), violations(cursor, None)
    finally:
        conn.rollback()
        conn.close()
    appointments = sets["appointment", None]
    if parents == "ranges with holes":
        assert appointments.low is not None and hole in appointments.listed
    assert (appointments is None) == (parents == "joined")
    assert counted == joined
    broken = {(key.table, key.column) for key, n in counted.items() if n}
    assert {("patient", "PriProv"), ("claimproc", "ClaimNum"), ("procedurelog", "AptNum")} <= broken
    assert all(key.parent == "appointment" for key, n in counted.items()
               if n and (key.table, key.column) not in {("patient", "PriProv"), ("claimproc", "ClaimNum")})


def test_every_key_names_an_integer_column_of_the_schema_and_a_parent_with_a_primary_key():
    tables = schema.tables()
    for key in KEYS:
        assert key.column in tables[key.table].column_names, key
        assert next(c for c in tables[key.table].columns if c.name == key.column).kind == "int", key
        assert tables[key.parent].primary_key, key


def test_each_column_is_listed_once_and_categories_only_for_definitions():
    assert len({(k.table, k.column) for k in KEYS}) == len(KEYS) == 264
    for key in KEYS:
        assert (key.category is not None) == (key.parent == "definition"), key
        assert key.category is None or key.category in {c.value for c in DefCat}, key


def test_every_table_with_keys_has_rows(practice_db):
    server, name = practice_db
    for table in sorted({k.table for k in KEYS} - {"clinic"}):
        assert query(server, name, f'SELECT count(*) > 0 FROM raw."{table}"') == [(True,)], table


def test_primary_keys_are_positive_and_fit_32_bits(practice_db):
    server, name = practice_db
    tables = [t for (t,) in query(server, name, "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'raw'"
                                                " AND n_live_tup > 0")]
    for table in tables:
        key = schema.table(table).primary_key
        low, high = query(server, name, f'SELECT min("{key}"), max("{key}") FROM raw."{table}"')[0]
        assert low >= 1 and high < 2**31, table
