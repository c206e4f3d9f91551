"""Same seed and options give identical tables, byte for byte; another seed gives other data."""
from conftest import query, run_generator
from core import schema


def checksums(server, name):
    """The md5 of every raw table's rows in key order, all on the session's one connection to `name`."""
    tables = query(server, name, """SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                    WHERE n.nspname = 'raw' AND c.relkind = 'r' ORDER BY 1""")
    result = {}
    for (table,) in tables:
        key = schema.table(table).primary_key or "ctid"
        (digest,) = query(server, name, f'SELECT md5(coalesce(string_agg(t::text, E\'\\n\' ORDER BY t."{key}"), \'\'))'
                                        f' FROM raw."{table}" t')[0]
        result[table] = digest
    return result


def test_same_seed_same_data_other_seed_other_data(server, new_database):
    first, second, third = new_database(), new_database(), new_database()
    assert run_generator(server, first, patients=120, seed=99) == 0
    assert run_generator(server, second, patients=120, seed=99) == 0
    assert run_generator(server, third, patients=120, seed=100) == 0
    a, b, c = checksums(server, first), checksums(server, second), checksums(server, third)
    assert a == b
    empty = "d41d8cd98f00b204e9800998ecf8427e"
    assert a["patient"] != empty and a["procedurecode"] != empty
    assert a["patient"] != c["patient"] and a["patientnote"] != c["patientnote"]


def test_a_practice_of_several_offices_is_as_repeatable(server, new_database):
    first, second = new_database(), new_database()
    offices = ("--patients-per-office", "100")
    assert run_generator(server, first, *offices, patients=250, seed=99) == 0
    assert run_generator(server, second, *offices, patients=250, seed=99) == 0
    assert checksums(server, first) == checksums(server, second)


def test_offices_generated_side_by_side_give_the_bytes_of_one_after_another(server, new_database):
    """--jobs: four offices in three worker processes (the first takes two) against the four one after another in
    the run's own process."""
    first, second = new_database(), new_database()
    offices = ("--patients-per-office", "200")
    assert run_generator(server, first, *offices, "--jobs", "1", patients=800, seed=3) == 0
    assert run_generator(server, second, *offices, "--jobs", "3", patients=800, seed=3) == 0
    a, b = checksums(server, first), checksums(server, second)
    assert a == b and len(a) > 90
