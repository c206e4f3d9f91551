"""The staging schema of an advance and the difference it applies: rows gone deleted, new ones inserted, changed
ones updated (by key; by whole row in a table without one), nothing else touched."""
import psycopg2
import pytest

from core import staging
from core.errors import UserError


@pytest.fixture
def connection(server, schema_database):
    conn = psycopg2.connect(dbname=schema_database, **server)
    yield conn
    conn.close()


def rows(cursor, where, table, order):
    cursor.execute(f'SELECT * FROM "{where}"."{table}" ORDER BY {order}')
    return cursor.fetchall()


def commlogs(cursor, where, notes):
    cursor.execute(f'INSERT INTO "{where}".commlog ("CommlogNum", "PatNum", "Note") '
                   "SELECT n, 1, note FROM unnest(%s::int[], %s::text[]) AS t(n, note)",
                   ([n for n, _ in notes], [note for _, note in notes]))


def test_only_the_difference_is_written_and_raw_then_equals_staging(connection):
    staging.create(connection)
    with connection.cursor() as cursor:
        commlogs(cursor, "raw", [(1, "gone"), (2, "same"), (3, "before"), (4, "same")])
        commlogs(cursor, staging.STAGING_SCHEMA, [(2, "same"), (3, "after"), (4, "same"), (5, "new")])
        cursor.execute("INSERT INTO raw.tmppatient VALUES ('a', 'x'), ('a', 'x'), ('b', NULL)")
        cursor.execute(f"INSERT INTO {staging.STAGING_SCHEMA}.tmppatient "
                       "VALUES ('a', 'x'), ('b', NULL), ('b', NULL), ('c', 'y')")
        cursor.execute('SELECT ctid FROM raw.commlog WHERE "CommlogNum" IN (2, 4) ORDER BY 1')
        untouched = cursor.fetchall()
        staging.build_keys(connection)
        assert staging.apply_difference(connection) == {"commlog": (1, 1, 1), "tmppatient": (2, 0, 1)}
        for table, order in (("commlog", '"CommlogNum"'), ("tmppatient", "1, 2")):
            assert rows(cursor, "raw", table, order) == rows(cursor, staging.STAGING_SCHEMA, table, order), table
        cursor.execute('SELECT ctid FROM raw.commlog WHERE "CommlogNum" IN (2, 4) ORDER BY 1')
        assert cursor.fetchall() == untouched  # rows alike are not rewritten
    staging.drop(connection)
    connection.rollback()


def test_a_staging_schema_of_someone_else_is_refused(connection):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {staging.STAGING_SCHEMA}")
    with pytest.raises(UserError, match="exists in this database"):
        staging.create(connection)


def test_a_duplicate_key_in_staging_fails_the_keys(connection):
    staging.create(connection)
    with connection.cursor() as cursor:
        commlogs(cursor, staging.STAGING_SCHEMA, [(1, "a"), (1, "b")])
    with pytest.raises(psycopg2.errors.UniqueViolation):
        staging.build_keys(connection)
    connection.rollback()
