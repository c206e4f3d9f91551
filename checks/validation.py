"""The validation pass that ends every run (and runs alone with --validate-only).

Every rule is a SQL query returning the offending rows; a rule passes when it returns none.
"""
from dataclasses import dataclass, field

from core import checkpoints

from . import ar_validation, foreign_keys

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


def rules():
    """(name, SQL returning offending rows) for every rule: the AR rules, then every foreign key."""
    yield from ar_validation.RULES
    for table, column, parent, category, required in foreign_keys.all_foreign_keys():
        target = f"definition category {category}" if category is not None else parent
        yield (f"{table}.{column} must point at an existing {target}",
               foreign_keys.violation_sql(table, column, parent, category, required))


def run(connection):
    result = ValidationResult()
    with connection.cursor() as cursor:
        for name, query in rules():
            cursor.execute(f"SELECT count(*) OVER (), v.* FROM ({query}) v LIMIT {EXAMPLES}")
            rows = cursor.fetchall()
            result.rules_checked += 1
            checkpoints.reached("validation")
            if rows:
                result.failures.append(Failure(name, rows[0][0], [tuple(r[1:]) for r in rows]))
        result.summary = ar_validation.summary(cursor)
    return result
