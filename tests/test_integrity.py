"""Every foreign key of schema/foreign_keys.csv resolves, and the list of keys is true to the schema."""
from checks import foreign_keys
from conftest import query
from core import schema
from opendental.definitions import DefCat

KEYS = schema.foreign_keys()


def test_every_foreign_key_resolves(practice_db):
    """One pass per table, as the validation pass counts them; a failure names each broken key."""
    server, name = practice_db
    broken = []
    for table, keys in foreign_keys.keys_by_table().items():
        (counts,) = query(server, name, foreign_keys.table_count_sql(table, keys))
        broken += [f"{foreign_keys.rule_name(key)}: {n} rows" for key, n in zip(keys, counts) if n]
    assert broken == []


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
