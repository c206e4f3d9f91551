"""A practice above --patients-per-office is generated office by office: each office has its own providers,
chairs, staff and patients; the practice's reference data is written once; names OpenDental keeps unique stay
unique across the offices. The tables' own rules are checked on both kinds of practice by every other test
(practice_db runs with one office and with two)."""
import ast
import dataclasses
import inspect
from pathlib import Path

from datetime import date
from types import SimpleNamespace

import numpy as np
import pytest

import generators
from app.offices import Practice, _Discarded
from conftest import SMALL_END, offices, one, practice_config, query
from core import preflight
from core.config import GeneratorConfig
from core.copy_writer import SegmentWriter
from core.errors import UserError
from core.randomness import RandomSource
from generators import PHASES, handover, insurance


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


def user_office(n):
    """A user's office: office k of n takes every n-th UserNum from k (the practice numbers no logins: core/ids.py)."""
    return f'user_office AS (SELECT "UserNum", mod("UserNum" - 1, {n}) + 1 AS office FROM raw.userod)'


def test_every_office_s_staff_create_and_receive_their_own_tasks(practice_db, patients_per_office):
    n = offices(patients_per_office)
    created = dict(query(*practice_db, f"""WITH {user_office(n)}
        SELECT o.office, count(*) FROM raw.task t JOIN user_office o USING ("UserNum") GROUP BY 1"""))
    assert sorted(created) == list(range(1, n + 1))
    assert min(created.values()) > 0.5 * max(created.values())
    subscribed = dict(query(*practice_db, f"""WITH {user_office(n)}
        SELECT o.office, count(DISTINCT s."TaskListNum") FROM raw.tasksubscription s JOIN user_office o USING ("UserNum")
        WHERE s."TaskListNum" <> 0 GROUP BY 1"""))
    lists = one(practice_db, """SELECT count(DISTINCT "TaskListNum") FROM raw.tasksubscription
                                WHERE "TaskListNum" <> 0""")[0]
    assert subscribed == {office: lists for office in range(1, n + 1)}
    # what a task's office does with it stays in that office: its notes, its history, its unread marks
    assert one(practice_db, f"""WITH {user_office(n)}, task_office AS (
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


def _shard(config, numbers):
    """Offices `numbers` of the practice generated by a process of their own, as on another machine: each office's
    messages (its rows as encoded segments, its updates), and the first day each carrier was used."""
    practice = Practice(config, RandomSource(config.seed), _Discarded())
    unreported = SimpleNamespace(office=lambda *_: 0, phase=lambda *_: 0)
    sent = {}
    for number in numbers:
        sent[number] = []
        practice.office(number, SegmentWriter(sent[number].append), unreported)
    return sent, practice.references[insurance].carrier_entered.first


def test_offices_generated_as_two_shards_give_the_bytes_of_one_run():
    """The sharding invariant: an office is a unit given the seed, the options and its number. Offices 1-2 and
    3-4 generated apart give every office the very bytes it has when the four are generated together, and the
    carriers' entry days combine (earliest first) to the same."""
    config = GeneratorConfig(patients=400, patients_per_office=100, seed=5, end_date=date.fromisoformat(SMALL_END))
    together, entered = _shard(config, [0, 1, 2, 3])
    first, entered_first = _shard(config, [0, 1])
    second, entered_second = _shard(config, [2, 3])
    assert sum(len(messages) for messages in together.values()) > 4 * 90
    assert {**first, **second} == together
    assert np.minimum(entered_first, entered_second).tolist() == entered.tolist()
    assert together[1] != together[2]  # offices are not copies of each other


def test_a_shard_computes_the_practice_s_reference_data_as_the_run_writes_it():
    config = GeneratorConfig(patients=400, patients_per_office=100, seed=5, end_date=date.fromisoformat(SMALL_END))
    written = [[], []]
    for messages in written:
        Practice(config, RandomSource(config.seed), SegmentWriter(messages.append))
    assert written[0] == written[1] and len(written[0]) > 20


@pytest.mark.parametrize("jobs, available, expected", [(8, 10_000, 8), (8, 1_000, 1), (8, 2_500, 3), (1, 10_000, 1)])
def test_jobs_left_at_the_default_are_lowered_to_what_the_memory_holds(jobs, available, expected):
    config = GeneratorConfig(patients=100_000, jobs=jobs)  # four offices of 25,000: about 635 MiB each
    preflight.fit_jobs(config, available=available)
    assert config.jobs == expected
    preflight.check_memory(config, available=available)


def test_jobs_given_that_the_memory_cannot_hold_are_refused_naming_those_it_can():
    config = GeneratorConfig(patients=100_000, jobs=4, sources={"jobs": "--jobs"})
    preflight.fit_jobs(config, available=2_500)
    assert config.jobs == 4
    with pytest.raises(UserError, match=r"--jobs 3 fits"):
        preflight.check_memory(config, available=2_500)


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
