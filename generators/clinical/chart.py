"""The practice's plan book while the phase builds it: visits (wished-for days, before the scheduler gives them
a chair and a time) and the procedures charted for them.

Columns of a visit: patient (index into ctx.practice.patients), date, kind (index into KINDS), no_show (the
patient booked it and never came), planned_at (the visit whose exam planned this one, -1 if none), pinned (on
the patient's DateFirstVisit, written already: the visit stays on that day), booked_at (the visit at whose
checkout it was pre-booked, -1 if none).
Columns of a procedure: patient, visit (the visit that carries it out, -1 if none yet), code (index into
ctx.practice.codes), tooth, surf, planned_at (the exam that diagnosed it, -1 when charted at its own visit),
dx, priority (DefNums or 0), status (0 = follows its appointment; 4 existing work, 7 condition).
"""
import numpy as np

from ..timeline import is_open, open_day_offset

KINDS = ("new_adult", "new_child", "adult_recall", "child_recall", "perio", "srp", "emergency", "dentist",
         "short_dentist", "crown_prep", "implant_consult")
KIND = {name: i for i, name in enumerate(KINDS)}
HYGIENE_KINDS = np.array([k in ("new_adult", "new_child", "adult_recall", "child_recall", "perio", "srp")
                          for k in KINDS])
NEW_PATIENT_KINDS = np.array([k in ("new_adult", "new_child") for k in KINDS])

VISIT_DEFAULTS = {"no_show": False, "planned_at": -1, "pinned": False, "booked_at": -1}
PROCEDURE_DEFAULTS = {"tooth": "", "surf": "", "planned_at": -1, "dx": 0, "priority": 0, "status": 0}
DTYPES = {"tooth": "<U2", "surf": "<U5"}
BATCH_ROWS = 500_000  # rows rendered for COPY at a time


class Chart:
    def __init__(self, rng, first_visit):
        """`first_visit`: per patient, the DateFirstVisit written (an open day)."""
        self._rng, self._first_visit = rng, first_visit
        self._visits, self._procedures, self._booked_ahead = [], [], []
        self.visit_count = 0

    def open_day(self, date):
        """The office is open Monday to Friday: a visit that would fall on a weekend or holiday goes to a day of
        the next week (booking then takes it to a day its provider works)."""
        next_week = open_day_offset(date, 0, roll="forward") + self._rng.integers(0, 5, len(date))
        return np.where(is_open(date), date, next_week)

    def add_visits(self, patient, date, kind, **columns):
        """New visits (on their next open day, a visit on the patient's first-visit day pinned to it); returns
        their visit numbers."""
        n = len(patient)
        pinned = (date == self._first_visit[patient]) & np.logical_not(columns.get("no_show", False))
        date = np.where(pinned, date, self.open_day(date))
        columns["pinned"] = pinned
        ids = np.arange(self.visit_count, self.visit_count + n)
        self.visit_count += n
        self._visits.append(_columns(dict(patient=patient, date=date, kind=kind, **columns), VISIT_DEFAULTS, n))
        return ids

    def add_procedures(self, patient, visit, code, **columns):
        self._procedures.append(_columns(dict(patient=patient, visit=visit, code=code, **columns),
                                         PROCEDURE_DEFAULTS, len(patient)))

    def drop_visits(self, dropped):
        """Visits taken off the book (`dropped`, per visit), with the visits and work planned at them; the other
        procedures of a dropped visit stay planned on no visit. Visit numbers are renumbered."""
        visits, procs = self.visits(), self.procedures()
        while True:
            planned_at_dropped = (visits["planned_at"] >= 0) & dropped[np.maximum(visits["planned_at"], 0)]
            if not (planned_at_dropped & ~dropped).any():
                break
            dropped = dropped | planned_at_dropped
        renumber = np.where(dropped, -1, np.cumsum(~dropped) - 1)

        def moved(rows):
            return np.where(rows >= 0, renumber[np.maximum(rows, 0)], -1)

        gone = (procs["planned_at"] >= 0) & dropped[np.maximum(procs["planned_at"], 0)] | \
            (procs["planned_at"] < 0) & (procs["visit"] >= 0) & dropped[np.maximum(procs["visit"], 0)]
        visits = {name: column[~dropped] for name, column in visits.items()}
        visits["planned_at"], visits["booked_at"] = moved(visits["planned_at"]), moved(visits["booked_at"])
        procs = {name: column[~gone] for name, column in procs.items()}
        procs["visit"], procs["planned_at"] = moved(procs["visit"]), moved(procs["planned_at"])
        self._visits, self._procedures, self.visit_count = [visits], [procs], len(visits["date"])

    def book_ahead(self, visit, at):
        """The visits (numbers) were pre-booked at the checkout of the visits `at` (-1: not pre-booked)."""
        self._booked_ahead.append((visit, at))

    def visits(self):
        self._visits = [_stack(self._visits)]
        for visit, at in self._booked_ahead:
            self._visits[0]["booked_at"][visit] = at
        self._booked_ahead = []
        return self._visits[0]

    def procedures(self):
        self._procedures = [_stack(self._procedures)]
        return self._procedures[0]

    @property
    def procedure_count(self):
        return sum(len(part["code"]) for part in self._procedures)


def batches(n, make_batch, size=BATCH_ROWS):
    """The rows of a big table as COPY batches, each made from a slice of 0..n-1 only when it is written."""
    for start in range(0, n, size):
        yield make_batch(slice(start, min(n, start + size)))


def sliced(columns):
    """COPY batches of a table whose columns are all computed already: slices of its array columns."""
    n = max(len(value) for value in columns.values() if isinstance(value, np.ndarray))
    return list(batches(n, lambda part: {name: value[part] if isinstance(value, np.ndarray) else value
                                         for name, value in columns.items()}))


def occasional_notes(rng, notes, share, n):
    """A note from `notes` on about `share` of n rows, '' on the others."""
    text = np.full(n, "", dtype=object)
    noted = np.flatnonzero(rng.random(n) < share)
    text[noted] = np.array(notes, dtype=object)[rng.integers(0, len(notes), len(noted))]
    return text


def _columns(given, defaults, n):
    table = {name: np.broadcast_to(value, n) for name, value in {**defaults, **given}.items()}
    return {name: np.asarray(values, dtype=DTYPES.get(name)) for name, values in table.items()}


def _stack(parts):
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
