"""The raw schema as the generator sees it, parsed from schema/create_tables.sql (the single source of truth),
and OpenDental's foreign keys, which its DDL never declares, read from schema/foreign_keys.csv."""
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
SCHEMA_SQL = SCHEMA_DIR / "create_tables.sql"
FOREIGN_KEYS_CSV = SCHEMA_DIR / "foreign_keys.csv"
_TABLE = re.compile(r'CREATE TABLE IF NOT EXISTS raw\."(\w+)" \((.*?)\n\);', re.S)
_COLUMN = re.compile(r'^\s*"(\w+)" ([\w() ]+?)(?: NOT NULL| DEFAULT| UNIQUE|,|$)')


@dataclass(frozen=True)
class Column:
    name: str
    pg_type: str

    @property
    def kind(self):
        """The family of the type: int, float, bool, date, timestamp, time, text, bytes, json, serial."""
        t = self.pg_type
        if t.startswith(("int", "serial")):
            return "serial" if t.startswith("serial") else "int"
        if t.startswith("float"):
            return "float"
        if t in ("bool", "date", "timestamp", "time", "jsonb", "bytea"):
            return {"jsonb": "json", "bytea": "bytes"}.get(t, t)
        return "text"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple
    primary_key: str | None

    @property
    def column_names(self):
        return [c.name for c in self.columns]

    def column(self, name):
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class ForeignKey:
    """`table.column` holds a key of `parent`; of its definitions of `category` only, when the parent is
    the definition table. A value of 0 means "none" in OpenDental and is accepted unless `required`."""
    table: str
    column: str
    parent: str
    category: int | None
    required: bool


def _parse(sql):
    tables = {}
    for name, body in _TABLE.findall(sql):
        columns = []
        key = re.search(r'PRIMARY KEY \("(\w+)"\)', body)
        for line in body.splitlines():
            match = _COLUMN.match(line)
            if match:
                columns.append(Column(match.group(1), match.group(2).strip()))
        tables[name] = Table(name, tuple(columns), key.group(1) if key else None)
    return tables


@lru_cache(maxsize=1)
def tables():
    """Every table of the raw schema by name."""
    return _parse(SCHEMA_SQL.read_text())


def table(name):
    return tables()[name]


def create_sql():
    return SCHEMA_SQL.read_text()


@lru_cache(maxsize=1)
def foreign_keys():
    """Every foreign key of the raw schema, grouped by table in the order the phases fill them."""
    with open(FOREIGN_KEYS_CSV, newline="", encoding="utf-8") as f:
        return tuple(ForeignKey(r["table"], r["column"], r["parent_table"],
                                int(r["definition_category"]) if r["definition_category"] else None,
                                r["required"] == "yes") for r in csv.DictReader(f))


def staging_sql(schema_name):
    """The tables of the raw schema again in schema `schema_name`, unlogged (nothing of them is ever committed)
    and without their primary keys, which staging_keys_sql builds once the rows are in."""
    def definition(table):
        columns = ", ".join(f'"{c.name}" {"int4" if c.kind == "serial" else c.pg_type}' for c in table.columns)
        return f'CREATE UNLOGGED TABLE "{schema_name}"."{table.name}" ({columns})'
    return ";\n".join([f'CREATE SCHEMA "{schema_name}"', *map(definition, tables().values())])


def staging_keys_sql(schema_name):
    return ";\n".join(f'ALTER TABLE "{schema_name}"."{t.name}" ADD PRIMARY KEY ("{t.primary_key}")'
                      for t in tables().values() if t.primary_key)
