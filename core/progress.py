"""What a run tells the user while it works.

On a terminal, a live display redrawn in place, from the main thread only: one line per phase with a bar, its
rows, rows per second and time left, then the validation and the fidelity report, and the time left for the
whole run, checks included. Bars and time left follow the run's plan of rows, derived from its configuration
(core/row_plan.csv: the rows each phase writes per practice, per office, per office-year, per patient and per
patient-year of activity, measured on generated practices; a volume override scales its table), not from the
first seconds.
Elsewhere (a pipe, a log) a few plain lines; with --quiet nothing (main prints the final line).
"""
import csv
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

ROW_PLAN = Path(__file__).with_name("row_plan.csv")
# Validating and reporting, as shares of the time spent writing the rows (measured at 5,000 patients).
CHECK_SHARES = {"validation": 0.30, "fidelity report": 0.05}
BAR_WIDTH = 20
REDRAW_SECONDS = 0.1


def _plan_rows():
    with open(ROW_PLAN, newline="") as f:
        return list(csv.DictReader(row for row in f if not row.startswith("#")))


def planned_rows(config):
    """Rows each phase will write (phase number -> rows), over all the offices of the practice."""
    years = config.simulated_years
    phases = {}
    for number, office in enumerate(config.offices()):
        reference = replace(office, volume_overrides={}, volume_profile="realistic")
        for row in _plan_rows():
            rows = float(row["office"]) + float(row["office_year"]) * years
            rows += float(row["practice"]) if number == 0 else 0.0
            rows += office.patients * (float(row["per_patient"]) + float(row["per_patient_year"]) * years)
            if row["volume"]:
                rows *= office.volume(row["volume"]) / reference.volume(row["volume"])
            phases[int(row["phase"])] = phases.get(int(row["phase"]), 0.0) + rows
    return {phase: max(round(rows), 0) for phase, rows in phases.items()}


def _duration(seconds):
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


@dataclass
class _Step:
    """A phase (over all offices) or a check: its rows, planned rows, and the seconds it was running."""
    title: str
    planned: float = 0.0
    rows: int = 0
    seconds: float = 0.0
    since: float | None = None
    done: bool = False

    def stop(self, now):
        if self.since is not None:
            self.seconds += now - self.since
            self.since = None

    def elapsed(self, now):
        return self.seconds + (now - self.since if self.since is not None else 0.0)


@dataclass
class _Plan:
    phases: dict = field(default_factory=dict)
    offices: int = 1

    @property
    def total(self):
        return sum(self.phases.values())


class Reporter:
    """The run's voice: `start`, `office`, `phase`, then the writer's `handed_over`/`loaded`, then `checking`
    for each check and `finish`. Plain text goes through `say` and `warn`, above the live display."""

    def __init__(self, quiet=False, stream=None, clock=time.perf_counter):
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self._clock = clock
        self._plan = _Plan()
        self._phases, self._checks = {}, {}
        self._office = 1
        self._current = None
        self._lines = 0  # lines of the live display on screen, below which the cursor waits
        self._drawn_at = 0.0
        self._complete = self._finished = False
        self._bar = "█░" if self._can_write("█░") else "#."

    @property
    def live(self):
        return (not self.quiet and not self._finished and self.stream.isatty()
                and os.environ.get("TERM") != "dumb")

    def _can_write(self, text):
        try:
            text.encode(getattr(self.stream, "encoding", None) or "ascii")
            return True
        except (LookupError, UnicodeEncodeError):
            return False

    def say(self, text=""):
        if not self.quiet:
            self._above_display(lambda: print(text, file=self.stream, flush=True))

    def warn(self, text):
        self._above_display(lambda: print(f"warning: {text}", file=sys.stderr, flush=True))

    def _above_display(self, write):
        if self._lines and self.live:
            self.stream.write(f"\x1b[{self._lines}F\x1b[J")
            self.stream.flush()
            self._lines = 0
            write()
            self._draw(force=True)
        else:
            write()

    def start(self, config):
        self._plan = _Plan(planned_rows(config), len(config.offices()))

    def office(self, number, offices, patients):
        self._office = max(self._office, number)  # offices side by side (--jobs) start in any order
        if offices > 1 and not self.live:
            self.say(f"Office {number} of {offices}: {patients:,} patients")
        self._draw(force=True)

    def phase(self, number, title):
        now = self._clock()
        self._stop_current(now)
        first = number not in self._phases
        step = self._phases.setdefault(number, _Step(title, self._plan.phases.get(number, 0)))
        step.since, self._current = now, number
        if self._office == self._plan.offices:  # the last office has moved past the phases before this one
            for earlier, other in self._phases.items():
                other.done = other.done or earlier < number
        if first and not self.live:  # the first office to reach the phase (the first office, one after another)
            self.say(f"[{number}/{len(self._plan.phases) or number}] {title}")
        self._draw(force=True)

    def _stop_current(self, now):
        if self._current in self._phases:
            self._phases[self._current].stop(now)

    def handed_over(self, table):
        """The writer's tag for a table's rows: the phase that handed them over."""
        return self._current

    def loaded(self, phase, rows):
        if phase in self._phases:
            self._phases[phase].rows += rows
        self._draw()

    def checking(self, name):
        """A check begins (validation, fidelity report): the rows are all written."""
        now = self._clock()
        if not self._checks:
            self._stop_current(now)
            for step in self._phases.values():
                step.done = True
            self._checks = self._planned_checks(self._rate(now) or 1.0)
        for step in self._checks.values():
            if step.since is not None:
                step.stop(now)
                step.done = True
        step = self._checks.setdefault(name, _Step(name))
        step.since = now
        if not self.live:
            self.say(f"{name.capitalize()}...")
        self._draw(force=True)

    def finish(self):
        """The run's work is done: the display stays on screen as its summary; what follows prints below."""
        now = self._clock()
        self._stop_current(now)
        for step in [*self._phases.values(), *self._checks.values()]:
            step.stop(now)
            step.done = True
        self._complete = True
        self._draw(force=True)
        self._finished = True

    def _written(self):
        return sum(step.rows for step in self._phases.values())

    def _rate(self, now):
        seconds = sum(step.elapsed(now) for step in self._phases.values())
        return self._written() / seconds if self._written() and seconds > 0.2 else None

    def _planned_checks(self, rate):
        """The checks, each with the seconds it should take after writing the plan at `rate` rows per second."""
        return {name: _Step(name, share * self._plan.total / rate) for name, share in CHECK_SHARES.items()}

    def seconds_left(self):
        """Seconds left for the whole run, checks included (None until a rate is known)."""
        now = self._clock()
        rate = self._rate(now)
        return self._left(now, rate) if rate else None

    def _left(self, now, rate):
        """Seconds left for the whole run: the rows still to write at the rate so far, then the checks."""
        checks = self._checks or self._planned_checks(rate)
        writing = 0.0 if self._checks else max(self._plan.total - self._written(), 0) / rate
        return writing + sum(max(step.planned - step.elapsed(now), 0.0) for step in checks.values() if not step.done)

    def _bar_of(self, share):
        full = round(BAR_WIDTH * min(max(share, 0.0), 1.0))
        return self._bar[0] * full + self._bar[1] * (BAR_WIDTH - full)

    def _phase_line(self, number, step, now, rate):
        share = 1.0 if step.done else step.rows / step.planned if step.planned else 0.0
        speed = step.rows / step.elapsed(now) if step.elapsed(now) > 0 else 0.0
        if step.done:
            state = f"done in {step.elapsed(now):.1f} s"
        elif rate:
            state = f"~{_duration(max(step.planned - step.rows, 0) / rate)} left"
        else:
            state = "estimating"
        total = len(self._plan.phases) or number
        return (f"[{number}/{total}] {step.title.split(':')[0]:<15.15} {self._bar_of(share)} {step.rows:>12,} rows "
                f"{speed:>10,.0f} rows/s  {state}")

    def _check_line(self, step, now):
        share = 1.0 if step.done else step.elapsed(now) / step.planned if step.planned else 0.0
        if step.done:
            state = f"done in {step.elapsed(now):.1f} s"
        elif step.since is None:
            state = f"~{_duration(step.planned)}"
        else:
            state = f"~{_duration(max(step.planned - step.elapsed(now), 0))} left"
        return f"      {step.title.capitalize():<15.15} {self._bar_of(min(share, 0.99) if not step.done else 1)} {state}"

    def _display(self, now):
        rate = self._rate(now)
        lines = [f"Office {self._office} of {self._plan.offices}"] if self._plan.offices > 1 else []
        lines += [self._phase_line(number, step, now, rate) for number, step in sorted(self._phases.items())]
        lines += [self._check_line(step, now) for step in self._checks.values()]
        if self._complete or not rate:
            return lines
        done = self._written() / self._plan.total if self._plan.total else 0.0
        return [*lines, f"      {'Total':<15} {min(done, 1):>4.0%} written, ~{_duration(self._left(now, rate))} "
                        "left (validation and report included)"]

    def _width(self):
        try:
            return os.get_terminal_size(self.stream.fileno()).columns - 1
        except (OSError, ValueError, AttributeError):
            return 99

    def _draw(self, force=False):
        now = self._clock()
        if not self.live or (not force and now - self._drawn_at < REDRAW_SECONDS):
            return
        self._drawn_at = now
        width = self._width()
        lines = [line[:width] for line in self._display(now)]
        up = f"\x1b[{self._lines}F" if self._lines else ""
        self.stream.write(up + "".join(f"\x1b[2K{line}\n" for line in lines) + "\x1b[J")
        self.stream.flush()
        self._lines = len(lines)
