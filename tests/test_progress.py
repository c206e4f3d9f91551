"""What a run shows: a live display on a terminal (tested under a pseudo-terminal), a few plain lines in a pipe,
one line with --quiet; time left from the plan of rows, validation and report included."""
import io
import os
import pty
import re
import select
import subprocess
import sys
import threading
from datetime import date

import numpy as np
import psycopg2
import pytest

from conftest import PROJECT, SMALL_END, db_args, isolated, practice_config, query, run_cli
from core import progress, schema
from core.config import GeneratorConfig
from core.copy_writer import CopyWriter

ESCAPE = re.compile(r"\x1b\[(\d*)([FKJ])|(\r)|(\n)|([^\x1b\r\n]+)")


def screen(output):
    """The final screen of a terminal that received `output` (cursor up, erase line, erase below)."""
    lines, row = [""], 0
    for count, code, _, newline, text in ESCAPE.findall(output):
        if code == "F":
            row = max(row - int(count or 1), 0)
        elif code in "KJ" and code:
            lines[row] = ""
            if code == "J":
                del lines[row + 1:]
        elif newline:
            row += 1
            lines += [""] * (row + 1 - len(lines))
        elif text:
            lines[row] += text
    return lines


def under_a_terminal(args, columns=140):
    """Run main.py with a pseudo-terminal as its stdout and stderr; returns (exit code, everything written)."""
    main, terminal = pty.openpty()
    subprocess.run(["stty", "cols", str(columns)], stdin=terminal, check=True)
    process = subprocess.Popen([sys.executable, str(PROJECT / "main.py"), *args], stdin=subprocess.DEVNULL,
                               stdout=terminal, stderr=terminal, cwd=PROJECT, env={**os.environ, "TERM": "xterm"})
    os.close(terminal)
    output = b""
    while True:
        ready, _, _ = select.select([main], [], [], 1)
        try:
            chunk = os.read(main, 1 << 16) if ready else b""
        except OSError:  # the terminal closed: the run ended
            break
        if ready and not chunk:
            break
        output += chunk
        if not ready and process.poll() is not None:
            break
    os.close(main)
    return process.wait(timeout=300), output.decode()


def generation(server, new_database, *extra):
    return isolated([*db_args(server, new_database()), "--patients", "300", "--end-date", SMALL_END, *extra])


def test_a_terminal_gets_a_live_display_of_phases_checks_and_time_left(server, new_database):
    code, output = under_a_terminal(generation(server, new_database, "--patients-per-office", "150"))
    assert code == 0, output[-2000:]
    assert output.count("\x1b[") > 20  # redrawn in place, not printed line after line
    assert re.search(r"Total +\d+% written, ~\d+ s left \(validation and report included\)", output)
    final = screen(output)
    block = final[1:final.index(next(line for line in final if line.startswith("Validation:")))]
    assert block[0] == "Office 2 of 2"
    titles = [re.match(r"\[(\d)/6\] (\w+)", line)[0] for line in block[1:7]]
    assert titles == ["[1/6] Foundation", "[2/6] Patients", "[3/6] Insurance", "[4/6] Clinical", "[5/6] Financial",
                      "[6/6] Supporting"]
    for line in block[1:7]:
        assert re.search(r"█{20} +[\d,]+ rows +[\d,]+ rows/s  done in \d+\.\d s$", line), line
    assert [line.split()[0] for line in block[7:]] == ["Validation", "Fidelity"]
    assert all("done in" in line for line in block[7:])
    assert any(line.startswith("Wrote ") for line in final) and "Traceback" not in output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_pipe_gets_a_few_plain_lines(server, new_database, jobs):
    code, out, err = run_cli(*generation(server, new_database, "--patients-per-office", "150", "--jobs", jobs))
    assert code == 0 and "\x1b" not in out + err, err
    lines = out.splitlines()
    progress_lines = [line.split(":")[0] for line in
                      lines[:lines.index(next(line for line in lines if line.startswith("Validation:")))]]
    expected = ["Generating a practice of 300 patients, 2023-01-01 to 2025-06-30, seed 20230101", "Office 1 of 2",
                "[1/6] Foundation", "[2/6] Patients", "[3/6] Insurance", "[4/6] Clinical", "[5/6] Financial",
                "[6/6] Supporting", "Office 2 of 2", "Validation...", "Fidelity report..."]
    if jobs == "1":
        assert progress_lines == expected
    else:  # the two offices side by side: each phase is told once, when the first office reaches it
        assert sorted(progress_lines) == sorted(expected) and progress_lines[-2:] == expected[-2:]


def test_quiet_prints_the_final_line_and_where_the_data_is(server, new_database):
    args = generation(server, new_database, "--quiet")
    code, out, err = run_cli(*args)
    assert code == 0 and err == ""
    where = f"{server['host']}:{server['port']}/{args[args.index('--db-name') + 1]}"
    assert re.fullmatch(rf"Wrote [\d,]+ rows into \d+ tables in [\d.]+ s \([\d,]+ rows/s\)\.\n"
                        rf"Data: {re.escape(where)} as {server['user']}\n", out), out


class Terminal(io.StringIO):
    """A terminal that notes which thread writes to it."""

    def __init__(self):
        super().__init__()
        self.writers = set()

    def isatty(self):
        return True

    def write(self, text):
        self.writers.add(threading.get_ident())
        return super().write(text)


def test_the_display_is_drawn_from_the_callers_thread_only(server, new_database, monkeypatch):
    monkeypatch.setenv("TERM", "xterm")
    name = new_database()
    connection = psycopg2.connect(dbname=name, **server)
    try:
        connection.cursor().execute(schema.create_sql())
        terminal = Terminal()
        reporter = progress.Reporter(stream=terminal)
        reporter.start(GeneratorConfig(patients=100))
        writer = CopyWriter(connection, progress=reporter)
        reporter.phase(2, "Patients: zip codes")
        for first in range(0, 200_000, 50_000):
            writer.copy("zipcode", {"ZipCodeNum": np.arange(first, first + 50_000)})
        writer.wait()
        reporter.finish()
    finally:
        connection.close()
    assert terminal.writers == {threading.get_ident()}
    assert "200,000 rows" in screen(terminal.getvalue())[0]


def test_a_dumb_terminal_gets_plain_lines(monkeypatch):
    monkeypatch.setenv("TERM", "dumb")
    terminal = Terminal()
    reporter = progress.Reporter(stream=terminal)
    reporter.start(GeneratorConfig(patients=100))
    reporter.phase(1, "Foundation: clinics")
    assert not reporter.live and terminal.getvalue() == "[1/6] Foundation: clinics\n"


def test_time_left_follows_the_plan_and_includes_validation_and_the_report():
    now = [0.0]
    reporter = progress.Reporter(stream=Terminal(), clock=lambda: now[0])
    config = GeneratorConfig(patients=5000, end_date=date(2025, 6, 30))
    reporter.start(config)
    total = sum(progress.planned_rows(config).values())
    reporter.office(1, 1, 5000)
    reporter.phase(1, "Foundation")
    now[0] = 10.0
    reporter.loaded(1, total // 2)  # half the plan in 10 s: 10 s of writing left, then the checks
    checks = sum(progress.CHECK_SHARES.values()) * 20
    assert reporter.seconds_left() == pytest.approx(10 + checks, rel=1e-3)
    reporter.loaded(1, total - total // 2)
    now[0] = 20.0
    reporter.checking("validation")
    now[0] = 22.0
    assert reporter.seconds_left() == pytest.approx(checks - 2, rel=1e-3)


def test_the_plan_of_rows_is_close_to_what_a_practice_writes(practice_db, patients_per_office):
    counts, = query(*practice_db, "SELECT row_counts FROM dental_synth.generator_run")[0]
    written = sum(counts.values())
    planned = sum(progress.planned_rows(practice_config(patients_per_office)).values())
    assert abs(planned - written) <= 0.1 * written, (planned, written)


def test_a_volume_override_moves_the_plan_of_its_phase():
    base = GeneratorConfig(patients=1000, end_date=date(2025, 6, 30))
    more = GeneratorConfig(patients=1000, end_date=date(2025, 6, 30), volume_overrides={"commlogs": 60_000})
    planned, bigger = progress.planned_rows(base), progress.planned_rows(more)
    assert bigger[6] - planned[6] == pytest.approx(60_000 - base.volume("commlogs"), rel=0.05)
    assert {phase: rows for phase, rows in bigger.items() if phase != 6} == \
        {phase: rows for phase, rows in planned.items() if phase != 6}
