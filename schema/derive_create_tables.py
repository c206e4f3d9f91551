"""Regenerate schema/create_tables.sql from the reference raw_schema.csv.

Developers run this once when the reference schema changes:
    python schema/derive_create_tables.py ../shared/reference/raw_schema.csv
The generated SQL is committed; the generator itself never reads the CSV.
"""
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

HEADER = """-- The OpenDental-shaped `raw` schema, derived from raw_schema.csv by derive_create_tables.py.
-- Every table, column, type and primary key of the reference; no foreign keys (OpenDental declares none).
-- Idempotent: CREATE ... IF NOT EXISTS never touches a table that already exists.
CREATE SCHEMA IF NOT EXISTS raw;
"""


def column_sql(row):
    if row["pg_type"] == "serial4":
        return f'"{row["column"]}" serial4 NOT NULL'
    sql = f'"{row["column"]}" {row["pg_type"]}'
    if row["nullable"] == "NO":
        sql += " NOT NULL"
    default = row["default"]
    if default and not default.startswith(("(no default)", "auto-increment")) and default != "UNIQUE":
        sql += f" DEFAULT {default}"
    if default == "UNIQUE":
        sql += " UNIQUE"
    return sql


def table_sql(table, rows):
    lines = [column_sql(r) for r in rows]
    keys = [f'"{r["column"]}"' for r in rows if r["primary_key"] == "YES"]
    if keys:
        lines.append(f'CONSTRAINT "{table}_pkey" PRIMARY KEY ({", ".join(keys)})')
    body = ",\n    ".join(lines)
    return f"CREATE TABLE IF NOT EXISTS raw.\"{table}\" (\n    {body}\n);\n"


def main(csv_path):
    tables = defaultdict(list)
    with open(csv_path, newline="") as f:
        for row in csv.DictReader(f):
            tables[row["table"]].append(row)
    parts = [HEADER]
    for row in (r for rows in tables.values() for r in rows):
        sequence = re.search(r'standalone sequence (raw\."[^"]+")', row["default"])
        if sequence:
            parts.append(f"CREATE SEQUENCE IF NOT EXISTS {sequence.group(1)};")
    for table in sorted(tables):
        parts.append(table_sql(table, sorted(tables[table], key=lambda r: int(r["ordinal"]))))
    out = Path(__file__).with_name("create_tables.sql")
    out.write_text("\n".join(parts))
    print(f"wrote {out} ({len(tables)} tables)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/raw_schema.csv")
