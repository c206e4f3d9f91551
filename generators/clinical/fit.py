"""An appointment or procedure volume given with --volume is met exactly.

Appointments: the hygiene attendance (its visit budget) is steered (a few deterministic rebuilds of the plan book) until the book
holds at least the target, then appointments nothing else rests on are dropped at random down to it: failed
attempts, planned appointments (their procedures stay planned) and recall cleanings whose exam planned nothing
(with their procedures). Procedures: the treatment the exams find is already steered to the target; the rest
is met by dropping procedures nothing rests on (conditions, existing work, planned work on no appointment) or
by charting watched conditions at exams. Without an override the book is built once, as it always was.
"""
import numpy as np
from opendental.codes import AptStatus, ProcStatus

from . import booking, hygiene, pathways, treatment
from ..rows import pick
from ..volumes import VolumeNotReached
from .chart import HYGIENE_KINDS, KIND, PROCEDURE_DEFAULTS, Chart
from .teeth import PERMANENT

STEERING_ROUNDS = 6
OVERSHOOT = 1.04  # the steered book aims this much above the target, so trimming can meet it
RECALL_KINDS = (KIND["adult_recall"], KIND["child_recall"], KIND["perio"])


def plan_book(ctx):
    """The care cohort and the appointment book: (care, apts, apt_row, planned_row, procs), as booking.book
    returns them with the chart's procedures."""
    target = ctx.config.volume_overrides.get("appointments")
    budget = hygiene.visit_budget(ctx)
    built = _built(ctx, budget)
    for _ in range(STEERING_ROUNDS if target else 0):
        count = len(built[1]["day"])
        if target <= count <= target * OVERSHOOT ** 2 or (count > target and budget < 1):
            break
        budget = max(budget * target * OVERSHOOT / max(count, 1), 0.5)
        built = _built(ctx, budget)
    if target:
        built = _fit_appointments(ctx, built, target)
    if "procedures" in ctx.config.volume_overrides:
        built = _fit_procedures(ctx, built, ctx.config.volume("procedures"))
    return built


def _built(ctx, budget):
    pt = ctx.practice.patients
    chart = Chart(ctx.rng("visit-days"), pt.first_visit)
    care = hygiene.plan(ctx, chart, budget)
    cases = treatment.load_cases(ctx)
    treatment.emergencies(ctx, chart, care, cases)
    treatment.diagnose(ctx, chart, cases)
    visits = chart.visits()
    chart.drop_visits(visits["date"] > pt.left[visits["patient"]] - hygiene.LEAVE_NOTICE_DAYS)  # the patient left
    apts, apt_row, planned_row = booking.book(ctx, chart)
    built = _while_with_the_practice(ctx, (care, apts, apt_row, planned_row, chart.procedures()))
    _, apts, _, planned_row, procs = built
    return _visit_lengths(ctx, _without(built, *pathways.unsigned(ctx, apts, procs, planned_row)))


def _visit_lengths(ctx, built):
    """A visit that the pathways took procedures from lasts what is left (from the same start, so it stays
    inside its provider's session), and so do its failed attempts; a hygiene visit keeps time for the exam."""
    care, apts, apt_row, planned_row, procs = built
    n = len(apts["day"])
    pattern, minutes = booking.patterns(ctx, apt_row, procs["code"], n, 1 + HYGIENE_KINDS[apts["kind"]])
    has_work = np.bincount(apt_row[apt_row >= 0], minlength=n) > 0
    of = np.maximum(apts["visit"], 0)
    shorter = ~_is_planned(apts) & has_work[of] & (minutes[of] < apts["minutes"])
    apts = {**apts, "minutes": np.where(shorter, minutes[of], apts["minutes"]),
            "pattern": np.where(shorter, pattern[of], apts["pattern"])}
    return care, apts, apt_row, planned_row, procs


def _while_with_the_practice(ctx, built):
    """The book without the visits a full day pushed past the day the patient left (with their failed
    attempts and the planned appointments made at them); what such a visit carried out or diagnosed goes
    too, work planned before stays planned."""
    care, apts, apt_row, planned_row, procs = built
    after = apts["day"] > ctx.practice.patients.left[apts["patient"]]
    after |= apts["attempt"] & after[np.maximum(apts["visit"], 0)]
    charted_there = ((apt_row >= 0) & after[np.maximum(apt_row, 0)] & (procs["planned_at"] < 0)) | \
        ((procs["planned_at"] >= 0) & after[np.maximum(procs["planned_at"], 0)])
    return _without(built, after, charted_there)


def _fit_appointments(ctx, built, target):
    care, apts, apt_row, planned_row, procs = built
    n = len(apts["day"])
    if n < target:
        raise VolumeNotReached(f"appointments: the practice's patients and chairs hold {n:,}, not {target:,}")
    leaves = np.flatnonzero(_leaf_appointments(apts, procs))
    if len(leaves) < n - target:
        raise VolumeNotReached(f"appointments: at least {n - len(leaves):,} are needed by the care given, "
                               f"not {target:,}")
    dropped = np.zeros(n, dtype=bool)
    dropped[ctx.rng("appointment-volume").choice(leaves, n - target, replace=False)] = True
    return _without(built, dropped, (apt_row >= 0) & dropped[np.maximum(apt_row, 0)])


def _is_planned(apts):
    return apts["status"] == AptStatus.PLANNED


def _leaf_appointments(apts, procs):
    """Appointments nothing else rests on: failed attempts, planned appointments, and recall cleanings that
    planned no work, were not scheduled from a planned appointment and had no failed attempt before them."""
    n = len(apts["day"])
    rested_on = np.zeros(n, dtype=bool)
    rested_on[procs["planned_at"][procs["planned_at"] >= 0]] = True
    rested_on[apts["visit"][apts["attempt"]]] = True
    visit = ~apts["attempt"] & ~_is_planned(apts)
    cleaning = visit & np.isin(apts["kind"], RECALL_KINDS) & ~rested_on & (apts["next_row"] < 0)
    return apts["attempt"] | _is_planned(apts) | cleaning


def _without(built, dropped_apts, dropped_procs):
    """The book without some appointments and procedures, every row reference renumbered (-1 stays -1; a
    procedure whose planned appointment went keeps no planned appointment)."""
    care, apts, apt_row, planned_row, procs = built
    kept = ~dropped_apts
    renumber = np.where(kept, np.cumsum(kept) - 1, -1)

    def moved(rows):
        return np.where(rows >= 0, renumber[np.maximum(rows, 0)], -1)

    apts = {name: column[kept] for name, column in apts.items()}
    apts["next_row"], apts["visit"] = moved(apts["next_row"]), moved(apts["visit"])
    procs = {name: column[~dropped_procs] for name, column in procs.items()}
    procs["visit"], procs["planned_at"] = moved(procs["visit"]), moved(procs["planned_at"])
    return care, apts, procs["visit"], moved(planned_row[~dropped_procs]), procs


def _fit_procedures(ctx, built, target):
    care, apts, apt_row, planned_row, procs = built
    n = len(procs["code"])
    rng = ctx.rng("procedure-volume")
    if n > target:
        leaves = np.flatnonzero((procs["status"] > 0) | ((apt_row < 0) & (planned_row < 0)))
        if len(leaves) < n - target:
            raise VolumeNotReached(f"procedures: the visits booked need at least {n - len(leaves):,}, "
                                   f"not {target:,}")
        dropped = np.zeros(n, dtype=bool)
        dropped[rng.choice(leaves, n - target, replace=False)] = True
        return care, apts, apt_row[~dropped], planned_row[~dropped], {k: v[~dropped] for k, v in procs.items()}
    exams = np.flatnonzero(~apts["attempt"] & ~_is_planned(apts) & (apts["status"] == AptStatus.COMPLETE))
    if n < target and not len(exams):
        raise VolumeNotReached(f"procedures: no visit took place to chart {target:,} procedures at")
    return _with_conditions(ctx, rng, built, np.sort(rng.choice(exams, target - n)))


def _with_conditions(ctx, rng, built, exams):
    """Watched conditions charted at some of the visits that took place."""
    care, apts, apt_row, planned_row, procs = built
    k = len(exams)
    added = {**{name: np.full(k, value) for name, value in PROCEDURE_DEFAULTS.items()},
             "patient": apts["patient"][exams], "visit": np.full(k, -1), "planned_at": exams, "status": np.full(k, ProcStatus.CONDITION),
             "code": np.full(k, ctx.practice.codes.index["Watch"]), "tooth": pick(rng, PERMANENT, k).astype(str)}
    procs = {name: np.concatenate([procs[name], added[name]]) for name in procs}
    return care, apts, procs["visit"], np.concatenate([planned_row, np.full(k, -1)]), procs
