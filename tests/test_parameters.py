"""The tunable numbers live in generators/data/parameters.csv: every one is used, every use is in the file, each
cites a source, and the values read back as the exact numbers the code used to hold."""
import ast
import csv

import pytest

from conftest import PROJECT
from generators.parameters import cited, parameter

ROWS = list(csv.DictReader(open(PROJECT / "generators" / "data" / "parameters.csv", encoding="utf-8")))


def used_names():
    """(module path, parameter name) of every parameter("...") and parameters("...", ...) call in generators/."""
    found = []
    for path in (PROJECT / "generators").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("parameter", "parameters"):
                module = path.relative_to(PROJECT / "generators").with_suffix("").as_posix().removesuffix("/__init__")
                found += [(module, arg.value) for arg in node.args if isinstance(arg, ast.Constant)]
    return found


def test_every_parameter_is_used_once_by_the_module_it_is_named_after():
    uses = used_names()
    assert sorted(name for _, name in uses) == sorted(row["name"] for row in ROWS)
    assert all(name.startswith(module.replace("/", ".") + ".") for module, name in uses)


def test_every_parameter_has_a_unit_a_meaning_a_source_and_a_number():
    assert ROWS and all(row["unit"] and row["meaning"] and row["source"] for row in ROWS)
    assert [(p.name, p.value, p.source) for p in cited()] == [
        (row["name"], parameter(row["name"]), row["source"]) for row in ROWS]


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_a_value_reads_back_as_the_number_its_text_says(row):
    value = parameter(row["name"])
    assert value == (float(row["value"]) if "." in row["value"] else int(row["value"]))
    assert type(value) is (float if "." in row["value"] else int)
    if row["unit"] == "share":
        assert 0 <= value <= 1


def test_an_unknown_parameter_is_named_in_the_error():
    with pytest.raises(KeyError, match="no parameter 'clinical.nowhere' in generators/data/parameters.csv"):
        parameter("clinical.nowhere")
