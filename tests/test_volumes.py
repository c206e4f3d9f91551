"""--volume NAME=COUNT: every volume it lists is met exactly at its lowest, default and highest count (and the
run validates), all volumes at that count at once; a count outside the practice's range, or a table the
practice's events decide, is refused before anything connects (exit 2, one line, the database left empty)."""
from dataclasses import replace
from datetime import date

import pytest

from conftest import SMALL_END, generated_practice, query, run_generator
from core.config import VOLUMES, GeneratorConfig
from generators import volumes

PATIENTS = 150
CONFIG = GeneratorConfig(patients=PATIENTS, end_date=date.fromisoformat(SMALL_END))
# what each volume counts: its table, less the rows other events add on top
COUNTED = {
    "appointments": 'SELECT count(*) FROM raw.appointment',
    "procedures": """SELECT count(*) FROM raw.procedurelog WHERE "CodeNum" <> (SELECT "CodeNum" FROM raw.procedurecode
                     WHERE "ProcCode" = '~GRP~')""",
    "recalls": 'SELECT count(*) FROM raw.recall',
    "referral_attachments": 'SELECT count(*) FROM raw.refattach',
    "commlogs": 'SELECT count(*) FROM raw.commlog',
    "payments": 'SELECT count(*) FROM raw.payment',
    "adjustments": 'SELECT count(*) FROM raw.adjustment',
    "documents": """SELECT count(*) FROM raw.document WHERE "DocCategory" NOT IN (SELECT "DefNum" FROM raw.definition
                    WHERE "ItemName" = 'Statements')""",
}
CASES = [(name, which) for name in volumes.overridable() for which in ("low", "default", "high")]


def count_for(name, which):
    low, high = volumes.feasible(CONFIG, name)
    return {"low": low, "default": CONFIG.volume(name), "high": high}[which]


def test_every_listed_volume_is_counted_here():
    assert sorted(COUNTED) == sorted(volumes.overridable())
    assert sorted([*volumes.overridable(), *volumes.DRIVEN]) == sorted(VOLUMES)


def every_volume_at(which):
    return [arg for name in volumes.overridable() for arg in ("--volume", f"{name}={count_for(name, which)}")]


@pytest.mark.parametrize("name, which", CASES)
def test_an_override_is_met_exactly_and_validates(server, name, which):
    """One practice for each of lowest, default and highest, every volume set to it (generated once, and it must
    validate: generated_practice asserts the run's exit 0)."""
    for server, dbname in generated_practice(server, PATIENTS, 7, *every_volume_at(which)):
        assert query(server, dbname, COUNTED[name])[0][0] == count_for(name, which)


def refused(server, new_database, capsys, *extra):
    dbname = new_database()
    capsys.readouterr()
    code = run_generator(server, dbname, *extra, patients=PATIENTS)
    err = capsys.readouterr().err.strip().splitlines()
    assert query(server, dbname, "SELECT count(*) FROM pg_namespace WHERE nspname = 'raw'")[0][0] == 0
    return code, err


# Each volume just below and just above its range; none below a range that starts at 1 (the parser refuses 0).
OUTSIDE = [(name, side) for name in volumes.overridable() for side in ("below", "above")
           if side == "above" or volumes.feasible(CONFIG, name)[0] > 1]


@pytest.mark.parametrize("name, side", OUTSIDE)
def test_a_count_outside_the_range_is_refused_with_the_range(server, new_database, capsys, name, side):
    low, high = volumes.feasible(CONFIG, name)
    count = low - 1 if side == "below" else high + 1
    code, err = refused(server, new_database, capsys, "--volume", f"{name}={count}")
    assert code == 2 and len(err) == 1
    assert f"{low:,} to {high:,}" in err[0] and name in err[0]


@pytest.mark.parametrize("name", sorted(volumes.DRIVEN))
def test_a_table_the_events_decide_is_refused_naming_what_drives_it(server, new_database, capsys, name):
    code, err = refused(server, new_database, capsys, "--volume", f"{name}={CONFIG.volume(name)}")
    assert code == 2 and len(err) == 1
    assert f"--volume {name} cannot be set" in err[0] and "--" in err[0].split("set:", 1)[-1]


def test_every_volume_at_once_in_a_practice_of_two_offices(server, new_database):
    """Each office meets its share; the shares add up to the count given for the practice."""
    assert len(replace(CONFIG, patients_per_office=100).offices()) == 2
    dbname = new_database()
    wanted = {name: (low + high) // 3 for name, (low, high) in
              ((name, volumes.feasible(CONFIG, name)) for name in volumes.overridable())}
    options = [arg for name, count in wanted.items() for arg in ("--volume", f"{name}={count}")]
    assert run_generator(server, dbname, "--patients-per-office", "100", *options, patients=PATIENTS) == 0
    assert {name: query(server, dbname, COUNTED[name])[0][0] for name in wanted} == wanted


def test_a_volume_from_the_environment_is_refused_naming_its_key(server, new_database, capsys, monkeypatch):
    monkeypatch.setenv("DEMO_NUM_APPOINTMENTS", "1")
    code, err = refused(server, new_database, capsys)
    low, high = volumes.feasible(CONFIG, "appointments")
    assert code == 2 and err == [f"error: DEMO_NUM_APPOINTMENTS in environment asks for 1, outside what {PATIENTS} "
                                 f"patients from 2023-01-01 to {SMALL_END} can produce: {low:,} to {high:,}"]
