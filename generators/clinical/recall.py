"""recall rows: every patient in hygiene care keeps one hygiene recall (Perio for perio patients, Child Prophy
for children under 14, else Prophy) and a recall for each other program they have been in (Fluoride,
Bitewings).

DatePrevious is the last completed trigger procedure (the practice's history since it opened holds them all); DateDue = DatePrevious + the interval, added the way OpenDental does (years and months first, a
month end staying inside a shorter month, then weeks and days); DateScheduled the booked future visit that
carries a trigger procedure. Lapsed patients keep their overdue recalls: the analytics count the recalls due
between 2023-01-01 and today.

The front desk adjusts a few: marked priority, a longer time pattern for a patient who needs it, or paused -
until a date (DisableUntilDate) or until the family balance is paid down (DisableUntilBalance).
"""
import numpy as np

from opendental.codes import ProcStatus
from opendental.definitions import NONE, DefCat, defnums

from ..parameters import parameter
from ..timeline import NO_DATE, stamp
from ..volumes import VolumeNotReached
from .chart import occasional_notes, sliced
from .hygiene import CHILD_PROPHY_AGE, years

HYGIENE_PROGRAMS = ("Prophy", "Perio", "Child Prophy")
SCHEDULED_STATUS_SHARE = parameter("clinical.recall.scheduled_status_share")
COMPLETED_STATUS_SHARE = parameter("clinical.recall.completed_status_share")
RECALL_SCHEDULED, RECALL_COMPLETED = defnums(DefCat.RECALL_UNSCHED_STATUS, "Recall Scheduled", "Completed")
DISABLED_SHARE = parameter("clinical.recall.disabled_share")
NOTES = ("Pt will call to schedule", "Prefers Tuesday/Thursday", "Call cell, not home", "Moving out of area",
         "Wants appts after school", "Spouse schedules for family")
NOTE_SHARE = parameter("clinical.recall.note_share")
NEVER = np.datetime64("9999-12-31", "D")
PRIORITY_SHARE = parameter("clinical.recall.priority_share")
LONGER_VISIT_SHARE = parameter("clinical.recall.longer_visit_share")
LONGER_BY = "//"
PAUSED_UNTIL_DATE_SHARE = parameter("clinical.recall.paused_until_date_share")
PAUSED_DAYS = (60, 365)
PAUSED_UNTIL_PAID_SHARE = parameter("clinical.recall.paused_until_paid_share")
BALANCE_LIMITS = (1.0, 25.0, 50.0, 100.0)


def add_interval(day, encoded):
    """OpenDental's recall arithmetic on an encoded interval (years<<24 | months<<16 | weeks<<8 | days)."""
    months = 12 * (encoded >> 24) + ((encoded >> 16) & 0xFF)
    month = day.astype("datetime64[M]")
    target = month + months
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(int)
    day_of_month = (day - month.astype("datetime64[D]")).astype(int)
    return target.astype("datetime64[D]") + np.minimum(day_of_month, month_length - 1) + \
        7 * ((encoded >> 8) & 0xFF) + (encoded & 0xFF)


def write(ctx, care, types, procs, on_scheduled_visit):
    """Write the recall table; returns the hand-over columns."""
    rng = ctx.rng("recall")
    pt = ctx.practice.patients
    n_patients = len(pt.nums)
    program = hygiene_program(ctx, care)
    parts = []
    for t, name in enumerate(types.names):
        trigger = np.isin(procs["code"], types.triggers[t])
        previous = np.full(n_patients, NO_DATE)
        done = trigger & (procs["status"] == ProcStatus.COMPLETE)
        np.maximum.at(previous, procs["patient"][done], procs["date"][done])
        scheduled = np.full(n_patients, NEVER)
        booked = trigger & on_scheduled_visit
        np.minimum.at(scheduled, procs["patient"][booked], procs["date"][booked])
        holds = previous != NO_DATE
        if name in HYGIENE_PROGRAMS:
            holds &= program == name
        patient = np.flatnonzero(holds)
        parts.append((patient, np.full(len(patient), t), previous[patient], scheduled[patient]))
    patient, type_index, previous, scheduled = (np.concatenate(column) for column in zip(*parts))
    if "recalls" in ctx.config.volume_overrides:
        patient, type_index, previous, scheduled = fitted(ctx, patient, type_index, previous, scheduled)
    scheduled = np.where(scheduled == NEVER, NO_DATE, scheduled)
    interval = types.interval[type_index]
    due = add_interval(previous, interval)
    n = len(patient)
    nums = ctx.ids.take("recall", n)
    disabled = rng.random(n) < DISABLED_SHARE
    stamped = stamp(np.minimum(previous, ctx.today), rng.integers(8 * 3600, 18 * 3600, n))
    details = ctx.rng("recall-details")
    until_date, until_balance = pauses(details, stamped, disabled)
    hygiene = np.isin(np.array(types.names)[type_index], HYGIENE_PROGRAMS)
    longer = hygiene & (details.random(n) < LONGER_VISIT_SHARE)
    ctx.out.copy("recall", sliced({
        "RecallNum": nums, "PatNum": pt.nums[patient], "DateDueCalc": due, "DateDue": due, "DatePrevious": previous,
        "RecallInterval": interval, "RecallStatus": statuses(rng, ctx, due, scheduled),
        "Note": occasional_notes(rng, NOTES, NOTE_SHARE, n), "IsDisabled": disabled, "DateTStamp": stamped,
        "RecallTypeNum": types.nums[type_index], "DisableUntilBalance": until_balance, "DisableUntilDate": until_date,
        "DateScheduled": scheduled, "Priority": details.random(n) < PRIORITY_SHARE,
        "TimePatternOverride": np.where(longer, np.char.add(types.time_pattern[type_index], LONGER_BY), ""),
    }))
    return dict(nums=nums, patient=patient, type_num=types.nums[type_index], due=due, previous=previous,
                scheduled=scheduled)


def fitted(ctx, *columns):
    """The recalls thinned at random to the --volume given (a patient without a recall of a type is one whose
    office never set it up)."""
    target, n = ctx.config.volume("recalls"), len(columns[0])
    if n < target:
        raise VolumeNotReached(f"recalls: the practice's patients hold {n:,} recalls, not {target:,}")
    kept = np.sort(ctx.rng("recall-volume").choice(n, target, replace=False))
    return (column[kept] for column in columns)


def pauses(rng, stamped, disabled):
    """Recalls the front desk paused (not the disabled ones): until a date some months after the last edit, or
    until the family balance falls below a limit. Returns DisableUntilDate, DisableUntilBalance."""
    draw = rng.random(len(stamped))
    until_date = ~disabled & (draw < PAUSED_UNTIL_DATE_SHARE)
    until_paid = ~disabled & ~until_date & (draw < PAUSED_UNTIL_DATE_SHARE + PAUSED_UNTIL_PAID_SHARE)
    resume = stamped.astype("datetime64[D]") + rng.integers(*PAUSED_DAYS, len(stamped)).astype("timedelta64[D]")
    return (np.where(until_date, resume, NO_DATE),
            np.where(until_paid, rng.choice(BALANCE_LIMITS, len(stamped)), 0.0))


def hygiene_program(ctx, care):
    """Each patient's hygiene recall type: Perio, Child Prophy (under 14 today) or Prophy; '' if not in care."""
    program = np.full(len(ctx.practice.patients.nums), "", dtype="<U12")
    child = years(ctx.today - care.birth) < CHILD_PROPHY_AGE
    program[care.patient] = np.where(care.perio, "Perio", np.where(child, "Child Prophy", "Prophy"))
    return program


def statuses(rng, ctx, due, scheduled):
    """RecallStatus (category 13): mostly none (0); "Recall Scheduled" on many booked ones, "Completed" on a few
    that are not due yet."""
    draw = rng.random(len(due))
    return np.select([(scheduled != NO_DATE) & (draw < SCHEDULED_STATUS_SHARE),
                      (scheduled == NO_DATE) & (due > ctx.today) & (draw < COMPLETED_STATUS_SHARE)],
                     [RECALL_SCHEDULED, RECALL_COMPLETED], NONE)


def recall_names(ctx):
    """The recall type name (Description) of each recall of the office."""
    types = ctx.practice.clinical.recall_types
    return np.asarray(types.names)[np.searchsorted(types.nums, ctx.practice.clinical.recalls.type_num)]


def overdue_hygiene_recalls(ctx):
    """Indices of hygiene recalls past DateDue with nothing booked, of patients still active."""
    rc, pt = ctx.practice.clinical.recalls, ctx.practice.patients
    return np.flatnonzero((rc.due < ctx.today) & (rc.scheduled == NO_DATE) & pt.active[rc.patient]
                          & np.isin(recall_names(ctx), HYGIENE_PROGRAMS))
