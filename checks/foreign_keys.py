"""OpenDental's foreign keys (conventions, never declared in its DDL) for the tables the generator fills.

Each entry: (table, column, parent table, definition category or None, required). A value of 0 means
"none" in OpenDental and is accepted unless the key is required.
"""
from core import schema

FOREIGN_KEYS = [
    # practice setup
    ("provider", "FeeSched", "feesched", None, True),
    ("provider", "Specialty", "definition", 35, False),
    ("operatory", "ProvDentist", "provider", None, False),
    ("operatory", "ProvHygienist", "provider", None, False),
    ("operatory", "ClinicNum", "clinic", None, False),
    ("operatory", "OperatoryType", "definition", 55, False),
    ("procedurecode", "ProcCat", "definition", 11, True),
    ("fee", "FeeSched", "feesched", None, True),
    ("fee", "CodeNum", "procedurecode", None, True),
    ("fee", "ClinicNum", "clinic", None, False),
    ("fee", "SecUserNumEntry", "userod", None, False),
    ("feesched", "SecUserNumEntry", "userod", None, False),
    ("userod", "UserGroupNum", "usergroup", None, False),
    ("userod", "EmployeeNum", "employee", None, False),
    ("userod", "ProvNum", "provider", None, False),
    ("usergroupattach", "UserNum", "userod", None, True),
    ("usergroupattach", "UserGroupNum", "usergroup", None, True),
    ("clinic", "DefaultProv", "provider", None, False),
    ("clinic", "InsBillingProv", "provider", None, False),
    # patients
    ("patient", "Guarantor", "patient", None, True),
    ("patient", "PriProv", "provider", None, True),
    ("patient", "SecProv", "provider", None, False),
    ("patient", "FeeSched", "feesched", None, False),
    ("patient", "BillingType", "definition", 4, True),
    ("patient", "EmployerNum", "employer", None, False),
    ("patient", "ClinicNum", "clinic", None, False),
    ("patient", "SecUserNumEntry", "userod", None, False),
    ("patientnote", "PatNum", "patient", None, True),
    ("patientlink", "PatNumFrom", "patient", None, True),
    ("patientlink", "PatNumTo", "patient", None, True),
]


def _primary_key(table):
    return schema.table(table).primary_key


def violation_sql(table, column, parent, category, required):
    """SQL giving (row key, bad value) for every row whose key does not resolve."""
    key = _primary_key(table)
    parent_key = _primary_key(parent)
    condition = f'p."Category" = {category} AND ' if category is not None else ""
    zero = "" if required else f'c."{column}" <> 0 AND '
    return (f'SELECT c."{key}", c."{column}" FROM raw."{table}" c WHERE {zero}'
            f'(c."{column}" IS NULL OR NOT EXISTS (SELECT 1 FROM raw."{parent}" p '
            f'WHERE {condition}p."{parent_key}" = c."{column}"))')
