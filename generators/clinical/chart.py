"""The practice's plan book while the phase builds it: visits (wished-for days, before the scheduler gives them
a chair and a time) and the procedures charted for them.

Columns of a visit: patient (index into ctx.practice.patients), date, kind (index into KINDS), no_show (the
patient booked it and never came), planned_at (the visit whose exam planned this one, -1 if none).
Columns of a procedure: patient, visit (the visit that carries it out, -1 if none yet), code (index into
ctx.practice.codes), tooth, surf, planned_at (the exam that diagnosed it, -1 when charted at its own visit),
dx, priority (DefNums or 0), status (0 = follows its appointment; 4 existing work, 7 condition).
"""
import numpy as np

KINDS = ("new_adult", "new_child", "adult_recall", "child_recall", "perio", "srp", "emergency", "dentist",
         "short_dentist", "crown_prep", "implant_consult")
KIND = {name: i for i, name in enumerate(KINDS)}
HYGIENE_KINDS = np.array([k in ("new_adult", "new_child", "adult_recall", "child_recall", "perio", "srp")
                          for k in KINDS])
NEW_PATIENT_KINDS = np.array([k in ("new_adult", "new_child") for k in KINDS])

VISIT_DEFAULTS = {"no_show": False, "planned_at": -1}
PROCEDURE_DEFAULTS = {"tooth": "", "surf": "", "planned_at": -1, "dx": 0, "priority": 0, "status": 0}
DTYPES = {"tooth": "<U2", "surf": "<U5"}


class Chart:
    def __init__(self, rng):
        self._rng = rng
        self._visits, self._procedures = [], []
        self.visit_count = 0

    def add_visits(self, patient, date, kind, **columns):
        """New visits (on the next open day); returns their visit numbers."""
        n = len(patient)
        date = open_day(self._rng, date)
        ids = np.arange(self.visit_count, self.visit_count + n)
        self.visit_count += n
        self._visits.append(_columns(dict(patient=patient, date=date, kind=kind, **columns), VISIT_DEFAULTS, n))
        return ids

    def add_procedures(self, patient, visit, code, **columns):
        self._procedures.append(_columns(dict(patient=patient, visit=visit, code=code, **columns),
                                         PROCEDURE_DEFAULTS, len(patient)))

    def visits(self):
        return _stack(self._visits)

    def procedures(self):
        return _stack(self._procedures)


def open_day(rng, date):
    """The office is open Monday to Friday: a visit that would fall on a weekend goes to a day of the next week."""
    weekend = ~np.is_busday(date)
    return np.where(weekend, np.busday_offset(date, 0, roll="forward") + rng.integers(0, 5, len(date)), date)


def _columns(given, defaults, n):
    table = {name: np.broadcast_to(value, n) for name, value in {**defaults, **given}.items()}
    return {name: np.asarray(values, dtype=DTYPES.get(name)) for name, values in table.items()}


def _stack(parts):
    return {name: np.concatenate([part[name] for part in parts]) for name in parts[0]}
