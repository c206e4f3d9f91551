"""Schema fidelity: the generator's raw schema is the reference schema, table for table, column for column."""
import csv
import subprocess
import sys

import pytest

from conftest import PROJECT, REFERENCE, query, run_generator
from core import schema

pytestmark = pytest.mark.usefixtures("reference")


def reference_columns():
    with open(REFERENCE / "raw_schema.csv", newline="") as f:
        return list(csv.DictReader(f))


def test_create_tables_sql_is_derived_from_the_reference(tmp_path):
    copy = tmp_path / "schema"
    copy.mkdir()
    (copy / "derive_create_tables.py").write_text((PROJECT / "schema" / "derive_create_tables.py").read_text())
    subprocess.run([sys.executable, str(copy / "derive_create_tables.py"), str(REFERENCE / "raw_schema.csv")],
                   check=True, capture_output=True)
    assert (copy / "create_tables.sql").read_text() == schema.SCHEMA_SQL.read_text()


def test_every_reference_table_column_type_and_key_exists_in_the_database(practice_db):
    server, name = practice_db
    rows = query(server, name, """
        SELECT c.table_name, c.column_name, c.udt_name, c.character_maximum_length, c.is_nullable,
               EXISTS (SELECT 1 FROM information_schema.table_constraints t
                       JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
                       WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = 'raw'
                         AND k.table_name = c.table_name AND k.column_name = c.column_name)
        FROM information_schema.columns c WHERE c.table_schema = 'raw'""")
    actual = {(t, c): (f"{u}({n})" if n else u, nullable, pk) for t, c, u, n, nullable, pk in rows}
    reference = reference_columns()
    assert len(actual) == len(reference) == 4539
    for r in reference:
        pg_type = {"serial4": "int4"}.get(r["pg_type"], r["pg_type"])
        assert actual[(r["table"], r["column"])] == (pg_type, r["nullable"], r["primary_key"] == "YES"), r


def test_applying_the_schema_twice_changes_nothing(server, new_database):
    name = new_database()
    assert run_generator(server, name, patients=20) == 0
    before = query(server, name, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'raw'")
    assert run_generator(server, name, "--reset", patients=20) == 0
    after = query(server, name, "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'raw'")
    assert before == after == [(4539,)]
