"""A practice above --patients-per-office is generated office by office: each office has its own providers,
chairs, staff and patients; the practice's reference data is written once; names OpenDental keeps unique stay
unique across the offices. The tables' own rules are checked on both kinds of practice by every other test
(practice_db runs with one office and with two)."""
import ast
import dataclasses
import inspect
from pathlib import Path

import pytest

import generators
from conftest import offices, one, practice_config, query
from core.config import GeneratorConfig
from generators import PHASES, handover


@pytest.mark.parametrize("patients, per_office, sizes", [
    (400, 25_000, [400]), (50_000, 25_000, [25_000, 25_000]), (50_001, 25_000, [16_667, 16_667, 16_667]),
    (1_000_000, 25_000, [25_000] * 40), (250, 100, [84, 83, 83])])
def test_offices_are_as_even_as_possible_and_never_above_the_office_size(patients, per_office, sizes):
    config = GeneratorConfig(patients=patients, patients_per_office=per_office)
    assert [office.patients for office in config.offices()] == sizes


def test_volumes_given_for_the_practice_are_shared_out_between_offices():
    config = GeneratorConfig(patients=1_000, patients_per_office=300, volume_overrides={"appointments": 5_001})
    offices = config.offices()
    assert [office.patients for office in offices] == [250] * 4
    assert sum(office.volume("appointments") for office in offices) == 5_001
    assert config.offices()[0].volume("procedures") == GeneratorConfig(patients=250).volume("procedures")


def test_one_office_is_the_practice_itself():
    config = practice_config(None)
    assert config.offices() == [config]


@pytest.mark.parametrize("table, column, which", [
    ("provider", '"Abbr"', ""), ("userod", '"UserName"', ""), ("employee", '"PayrollID"', ""),
    ("operatory", '"OpName"', ""), ("apptview", '"Description"', ""),
    ("sheet", '"WebFormSheetID"', 'WHERE "WebFormSheetID" <> 0'), ("referral", '"LName"', 'WHERE "NotPerson"')])
def test_names_opendental_keeps_unique_are_unique_across_offices(practice_db, table, column, which):
    assert one(practice_db, f'SELECT count(*) = count(DISTINCT {column}) FROM raw."{table}" {which}') == (True,)


@pytest.mark.parametrize("table, key", [
    ("procedurecode", '"ProcCode"'), ("carrier", '"CarrierName"'), ("zipcode", '("ZipCodeDigits", "City")'),
    ("covcat", '"Description"'), ("recalltype", '"Description"'), ("usergroup", '"Description"'),
    ("sheetdef", '"Description"'), ("program", '"ProgName"'), ("claimform", '"Description"'),
    ("feesched", '"Description"'), ("medication", '"MedName"'), ("clinic", '"Abbr"')])
def test_reference_data_is_written_once_for_the_practice(practice_db, table, key):
    assert one(practice_db, f'SELECT count(*) = count(DISTINCT {key}) FROM raw."{table}"') == (True,)


def test_each_office_has_its_own_dentists_chairs_and_front_desk(practice_db, patients_per_office):
    n = offices(patients_per_office)
    active_dentists, billing_entities, admins = one(practice_db, """SELECT
        (SELECT count(*) FROM raw.provider WHERE NOT "IsHidden" AND NOT "IsSecondary" AND NOT "IsNotPerson"),
        (SELECT count(*) FROM raw.provider WHERE "IsNotPerson"),
        (SELECT count(*) FROM raw.userod WHERE "UserName" LIKE 'Admin%')""")
    assert active_dentists >= n and billing_entities == n and admins == n
    # a dentist's chairs are all in one office, and the office's appointments are booked with its own dentists
    assert one(practice_db, """WITH chair AS (SELECT "OperatoryNum", "ProvDentist",
            coalesce(substring("OpName" from ' - Office ([0-9]+)$'), '1') AS office FROM raw.operatory
            WHERE "ProvDentist" <> 0),
        dentist AS (SELECT "ProvDentist" AS prov, min(office) AS office, count(DISTINCT office) AS offices
                    FROM chair GROUP BY 1)
        SELECT (SELECT count(*) FROM dentist WHERE offices > 1), count(*) FILTER (WHERE d.office <> c.office),
               count(DISTINCT c.office) = %s
        FROM raw.appointment a JOIN chair c ON c."OperatoryNum" = a."Op" JOIN dentist d ON d.prov = a."ProvNum"
        """ % n) == (0, 0, True)


# A user's office: each office's logins are numbered together, its Admin first.
USER_OFFICE = """user_office AS (SELECT u."UserNum", (SELECT count(*) FROM raw.userod a WHERE a."UserName" LIKE 'Admin%'
                                                   AND a."UserNum" <= u."UserNum") AS office FROM raw.userod u)"""


def test_every_office_s_staff_create_and_receive_their_own_tasks(practice_db, patients_per_office):
    n = offices(patients_per_office)
    created = dict(query(*practice_db, f"""WITH {USER_OFFICE}
        SELECT o.office, count(*) FROM raw.task t JOIN user_office o USING ("UserNum") GROUP BY 1"""))
    assert sorted(created) == list(range(1, n + 1))
    assert min(created.values()) > 0.5 * max(created.values())
    subscribed = dict(query(*practice_db, f"""WITH {USER_OFFICE}
        SELECT o.office, count(DISTINCT s."TaskListNum") FROM raw.tasksubscription s JOIN user_office o USING ("UserNum")
        WHERE s."TaskListNum" <> 0 GROUP BY 1"""))
    lists = one(practice_db, """SELECT count(DISTINCT "TaskListNum") FROM raw.tasksubscription
                                WHERE "TaskListNum" <> 0""")[0]
    assert subscribed == {office: lists for office in range(1, n + 1)}
    # what a task's office does with it stays in that office: its notes, its history, its unread marks
    assert one(practice_db, f"""WITH {USER_OFFICE}, task_office AS (
            SELECT t."TaskNum", o.office FROM raw.task t JOIN user_office o USING ("UserNum"))
        SELECT (SELECT count(*) FROM raw.tasknote x JOIN task_office t USING ("TaskNum")
                JOIN user_office o USING ("UserNum") WHERE o.office <> t.office),
               (SELECT count(*) FROM raw.taskhist x JOIN task_office t USING ("TaskNum")
                JOIN user_office o ON o."UserNum" = x."UserNumHist" WHERE o.office <> t.office),
               (SELECT count(*) FROM raw.taskunread x JOIN task_office t USING ("TaskNum")
                JOIN user_office o USING ("UserNum") WHERE o.office <> t.office)""") == (0, 0, 0)


def test_no_user_subscribes_twice_to_a_list_or_a_task(practice_db):
    assert one(practice_db, """SELECT count(*) - count(DISTINCT ("TaskListNum", "TaskNum", "UserNum"))
                               FROM raw.tasksubscription""") == (0,)


def test_the_phases_hand_steps_over_explicitly():
    """Each phase has a practice step (the context only) and an office step (the context and what the practice step
    returned); what the phases hand over is frozen, only the practice that holds it is set phase by phase; no
    generator function ignores an argument it takes (a step's protocol
    argument it does not need is named with a leading underscore)."""
    for phase in PHASES:
        assert list(inspect.signature(phase.practice).parameters) == ["ctx"], phase.__name__
        assert len(inspect.signature(phase.office).parameters) == 2, phase.__name__
    handed_over = [kind for kind in vars(handover).values() if dataclasses.is_dataclass(kind)]
    assert [kind.__name__ for kind in handed_over if not kind.__dataclass_params__.frozen] == ["Practice"]
    ignored = []
    for path in sorted(Path(generators.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef) and not _only_a_docstring(node):
                used = {name.id for name in ast.walk(node) if isinstance(name, ast.Name)}
                ignored += [f"{path.name}:{node.name}({arg.arg})" for arg in node.args.args + node.args.kwonlyargs
                            if arg.arg not in used | {"self"} and not arg.arg.startswith("_")]
    assert ignored == []


def _only_a_docstring(function):
    return len(function.body) == 1 and isinstance(function.body[0], ast.Expr)
