"""--as-of: the database as it was at a moment of the simulated timeline, for the same seed and options."""
from datetime import datetime

import pytest

from conftest import SMALL_END, generated_practice, query, run_cli
from core import schema

PATIENTS, SEED = 300, 5
MOMENTS = ("2023-01-02T09:30:00", "2024-06-30T12:00:00", "2024-12-31T18:00:00", "2025-06-30T10:15:00")
# Columns that may lie after the moment: what is booked, planned or due ahead.
AHEAD = {"appointment": {"AptDateTime", "DateTimeAskedToArrive"},
         "histappointment": {"AptDateTime", "DateTimeAskedToArrive"}, "procedurelog": {"ProcDate"},
         "claimproc": {"ProcDate", "DateCP"}, "recall": {"DateDue", "DateDueCalc", "DateScheduled", "DisableUntilDate"},
         "schedule": {"SchedDate"}, "task": {"DateTask"}, "taskhist": {"DateTask"}, "labcase": {"DateTimeDue"}}


@pytest.fixture(scope="module")
def timeline(server):
    """The whole timeline: the practice at the end of --end-date."""
    yield from generated_practice(server, PATIENTS, SEED)


@pytest.fixture(scope="module", params=MOMENTS)
def as_of(request, server):
    """The same practice as of an earlier moment (the generation passes validation, or it exits non-zero)."""
    for practice in generated_practice(server, PATIENTS, SEED, "--as-of", request.param):
        yield (*practice, datetime.fromisoformat(request.param))


def _dated_columns(cursor_rows):
    columns = {}
    for table, column in cursor_rows:
        columns.setdefault(table, []).append(column)
    return columns


def test_nothing_is_stamped_after_the_moment(as_of):
    server, name, moment = as_of
    dated = _dated_columns(query(server, name, """
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'raw' AND data_type IN ('date', 'timestamp without time zone')"""))
    late = []
    for table, columns in dated.items():
        checked = [c for c in columns if c not in AHEAD.get(table, ())]
        if checked:
            tests = " OR ".join(f'"{c}" > %(moment)s' for c in checked)
            (count,), = query(server, name, f'SELECT count(*) FROM raw."{table}" WHERE {tests}', {"moment": moment})
            late += [f"{table}: {count}"] if count else []
    assert not late, f"rows dated after {moment}: {late}"


def test_what_lies_ahead_is_booked_or_planned(as_of):
    server, name, moment = as_of
    ahead = query(server, name, """
        SELECT 'appointment', "AptStatus", count(*) FROM raw.appointment WHERE "AptDateTime" > %(moment)s
          AND "AptStatus" NOT IN (1, 3, 6) GROUP BY 2
        UNION ALL SELECT 'procedure', "ProcStatus", count(*) FROM raw.procedurelog WHERE "ProcDate" > %(moment)s::date
          AND "ProcStatus" NOT IN (1, 6) GROUP BY 2
        UNION ALL SELECT 'claimproc', "Status", count(*) FROM raw.claimproc WHERE "DateCP" > %(moment)s::date
          AND "Status" NOT IN (0, 6) GROUP BY 2""", {"moment": moment})
    assert not ahead, f"past states dated after {moment}: {ahead}"
    (booked,), = query(server, name, 'SELECT count(*) FROM raw.appointment WHERE "AptDateTime" > %(moment)s '
                       'AND "AptStatus" = 1', {"moment": moment})
    assert booked > 0, "the appointment book ahead of the moment is empty"


def test_the_moment_shows_rows_of_the_timeline_only(as_of, timeline):
    """Every row at the moment is a row of the whole timeline (same key), and the moment holds fewer rows."""
    server, name, moment = as_of
    fewer = 0
    for table in ("patient", "appointment", "procedurelog", "claim", "claimproc", "payment", "paysplit", "commlog",
                  "recall", "adjustment", "histappointment", "document", "task"):
        key = schema.table(table).primary_key
        earlier = {k for (k,) in query(server, name, f'SELECT "{key}" FROM raw."{table}"')}
        later = {k for (k,) in query(*timeline, f'SELECT "{key}" FROM raw."{table}"')}
        assert earlier <= later, f"{table}: rows at {moment} that the timeline never had"
        fewer += len(earlier) < len(later)
    assert fewer >= (3 if moment.date().isoformat() == SMALL_END else 10), \
        "an earlier moment should hold fewer rows in most tables (the last day's morning: in some)"


def test_the_states_of_the_moment(as_of):
    """Work done after the moment is still ahead: the procedures of the visits booked are planned, the claims of
    the last days are out with the carrier, and the aging is the one of the moment (validation checks it)."""
    server, name, moment = as_of
    (planned,), = query(server, name, """
        SELECT count(*) FROM raw.procedurelog p JOIN raw.appointment a USING ("AptNum")
        WHERE a."AptStatus" = 1 AND a."AptDateTime" > %(moment)s AND p."ProcStatus" = 1""", {"moment": moment})
    (done_ahead,), = query(server, name, """
        SELECT count(*) FROM raw.procedurelog WHERE "ProcStatus" = 2 AND "DateTStamp" > %(moment)s""",
                           {"moment": moment})
    assert planned > 0 and done_ahead == 0
    (options,), = query(server, name, "SELECT options->>'as_of' FROM dental_synth.generator_run")
    assert datetime.fromisoformat(options) == moment


@pytest.mark.parametrize("value, message", [
    ("2025-07-01", "after the simulated timeline"),
    ("2019-06-30T12:00", "before the practice's first day"),
    ("2999-01-01T00:00", "after the simulated timeline"),
    ("yesterday", "must be 'now', YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]"),
])
def test_a_moment_outside_the_timeline_is_refused(value, message):
    code, out, err = run_cli("--patients", "100", "--end-date", "2025-06-30", "--as-of", value, "--env-file",
                             "/dev/null", "--config-file", "/dev/null", "--db-host", "nowhere.invalid")
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err
