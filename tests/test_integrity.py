"""Every foreign key the phases declare resolves, and the validation pass agrees."""
import pytest

from checks import foreign_keys
from conftest import query

KEYS = foreign_keys.all_foreign_keys()


@pytest.mark.parametrize("key", KEYS, ids=[f"{k[0]}.{k[1]}" for k in KEYS])
def test_foreign_key_resolves(practice_db, key):
    server, name = practice_db
    bad = query(server, name, f"SELECT count(*) FROM ({foreign_keys.violation_sql(*key)}) v")
    assert bad == [(0,)]


def test_every_table_a_phase_declares_keys_for_has_rows(practice_db):
    server, name = practice_db
    for table in sorted({k[0] for k in KEYS} - {"clinic"}):
        assert query(server, name, f'SELECT count(*) > 0 FROM raw."{table}"') == [(True,)], table


def test_primary_keys_are_positive_and_fit_32_bits(practice_db):
    server, name = practice_db
    tables = [t for (t,) in query(server, name, "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'raw'"
                                                " AND n_live_tup > 0")]
    from core import schema
    for table in tables:
        key = schema.table(table).primary_key
        low, high = query(server, name, f'SELECT min("{key}"), max("{key}") FROM raw."{table}"')[0]
        assert low >= 1 and high < 2**31, table
