"""The validation pass that ends every run (and runs alone with --validate-only).

Every rule is a SQL query returning the offending rows; a rule passes when it returns none.
"""
from dataclasses import dataclass, field

from core import checkpoints, schema

from . import ar_validation, benefit_validation, collections_validation, foreign_keys

EXAMPLES = 3


@dataclass
class Failure:
    rule: str
    count: int
    examples: list


@dataclass
class ValidationResult:
    failures: list = field(default_factory=list)
    rules_checked: int = 0
    summary: dict = field(default_factory=dict)
    fidelity: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.failures


def run(connection):
    """Every AR, benefit and collections rule, then every foreign key of every row (one pass per table, after
    reading each parent's keys: foreign_keys.KeySet; examples only for keys that fail)."""
    result = ValidationResult()
    with connection.cursor() as cursor:
        for name, query in ar_validation.RULES + benefit_validation.RULES + collections_validation.RULES:
            _check(cursor, result, name, query)
        sets = foreign_keys.key_sets(cursor, schema.foreign_keys())
        for table, keys in foreign_keys.keys_by_table().items():
            cursor.execute(foreign_keys.table_count_sql(table, keys, sets))
            for key, count in zip(keys, cursor.fetchone()):
                if count:
                    _check(cursor, result, foreign_keys.rule_name(key), foreign_keys.violation_sql(key))
                else:
                    result.rules_checked += 1
            checkpoints.reached("validation")
        result.summary = ar_validation.summary(cursor)
    return result


def _check(cursor, result, name, query):
    cursor.execute(f"SELECT count(*) OVER (), v.* FROM ({query}) v LIMIT {EXAMPLES}")
    rows = cursor.fetchall()
    result.rules_checked += 1
    checkpoints.reached("validation")
    if rows:
        result.failures.append(Failure(name, rows[0][0], [tuple(r[1:]) for r in rows]))
