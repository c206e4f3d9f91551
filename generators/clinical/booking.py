"""From planned visits to the appointment book: broken and rebooked appointments, chairs and times, statuses,
and planned appointments for open treatment plans.

- A visit that took place may have been booked once before and failed: a no-show (AptStatus 5) or a
  cancellation sent to the unscheduled list (3). The patient rebooked and the procedures moved to the new
  appointment. With the no-shows of lapsing patients (who keep their procedures), failures make past
  appointments complete in the share ctx.config.completion_rate.
- Chairs: a provider works a day in one chair of the clinic's hygiene (or doctor) operatories, their
  appointments one after the other in random order between 8:00 and 17:00, the chair's idle time spread at
  random between them; an appointment that would run past 17:00 moves to a later day of the week. So no
  operatory is ever double-booked, and no hygienist is in two chairs at once.
- Visits before today are complete (2), later ones scheduled (1); only a past appointment can have failed,
  and only after the exam that planned its treatment.
- Planned appointments (6): at some exams that plan treatment the coordinator makes one for each visit the
  treatment needs - no chair, dated when the plan was made, at the end of that exam (OD stamps a planned
  appointment with its creation time; a 0001-01-01 date would also hide it from the analytics, whose staging
  keeps appointments from 2023 on). The visits booked so far were scheduled from theirs (OD keeps the planned
  appointment, and the procedures keep its PlannedAptNum); the work not booked yet waits on one.

Appointment rows, in order: the chart's visits (row = visit number), failed attempts, planned appointments.
`next_row` of an appointment: the row of the planned appointment it was scheduled from (NextAptNum), -1 if none.
"""
import numpy as np

from core.arrays import cumsum_before, group_sum, rank_in_group, sorted_by
from opendental.codes import AptStatus

from ..parameters import parameter
from ..timeline import open_day_offset, stamp
from .chart import HYGIENE_KINDS, KIND, NEW_PATIENT_KINDS
from ..timeline import days

DAY_START, DAY_MINUTES = 8 * 60, 9 * 60
BROKEN_SHARE = parameter("clinical.booking.broken_share")
FAILED_BEFORE_DAYS = (7, 35)  # a failed attempt's distance before the visit that finally took place
PLANNED_SHARE = parameter("clinical.booking.planned_share")
MAX_PROVIDER_UNITS, MAX_ASSISTANT_UNITS = 24, 12  # a visit lasts at most three hours


def book(ctx, chart):
    """Appointment columns (dict of arrays) and, per procedure, its appointment row (= its visit number) and
    planned appointment row (-1 if none)."""
    rng = ctx.rng("appointment")
    visits, procs = chart.visits(), chart.procedures()
    n_visits = len(visits["date"])
    pattern, minutes = patterns(ctx, procs["visit"], procs["code"], n_visits)
    attempt_of, attempt_day = failed_attempts(ctx, rng, chart, visits)
    visit = np.concatenate([np.arange(n_visits), attempt_of])
    attempt = np.arange(len(visit)) >= n_visits
    wished = np.concatenate([visits["date"], attempt_day])
    apts = {"patient": visits["patient"][visit], "kind": visits["kind"][visit], "visit": visit,
            "attempt": attempt, "minutes": minutes[visit], "pattern": pattern[visit]}
    pt = ctx.practice.patients
    apts["clinic"] = pt.clinic[apts["patient"]]
    hygiene = HYGIENE_KINDS[apts["kind"]]
    provider = np.where(hygiene, pt.sec_prov[apts["patient"]], pt.pri_prov[apts["patient"]])
    planned_at = visits["planned_at"][visit]
    pinned = visits["pinned"][visit] & ~attempt
    apts["day"], apts["start"], apts["op"] = chairs_and_times(ctx, rng, wished, np.where(attempt, -1, planned_at),
                                                              apts["clinic"], hygiene, apts["minutes"], provider,
                                                              pinned)
    # a failed attempt that the chairs pushed past its visit, or before the exam that planned it, never happened
    kept = ~attempt | ((apts["day"] < apts["day"][visit]) & ((planned_at < 0) | after_planning(apts, planned_at)))
    apts, attempt_of = {name: column[kept] for name, column in apts.items()}, attempt_of[kept[n_visits:]]
    apts["status"] = statuses(ctx, rng, apts["day"], apts["attempt"] | visits["no_show"][apts["visit"]])
    planned_at = planned_at[kept]
    apts["booked"] = booking(ctx, rng, apts, planned_at, attempt_of, visits["booked_at"])
    planned, planned_row, apts["next_row"] = planned_appointments(ctx, apts, procs, after_planning(apts, planned_at))
    apts = {name: np.concatenate([apts[name], planned[name]]) for name in apts}
    return apts, procs["visit"], planned_row


def patterns(ctx, visit, code, n_visits):
    """Each visit's time pattern from its procedures' ProcTime: the provider time (X) in the middle, the
    assistant or hygienist time (/) around it; five minutes a character."""
    codes = ctx.practice.codes
    provider_units = np.array([p.count("X") for p in codes.pattern])
    attached = visit >= 0
    x = np.bincount(visit[attached], weights=provider_units[code[attached]], minlength=n_visits).astype(int)
    slashes = np.bincount(visit[attached], weights=(codes.minutes // 5 - provider_units)[code[attached]],
                          minlength=n_visits).astype(int)
    x, slashes = np.minimum(x, MAX_PROVIDER_UNITS), np.clip(slashes, 1, MAX_ASSISTANT_UNITS)
    shapes, shape = np.unique(slashes * (MAX_PROVIDER_UNITS + 1) + x, return_inverse=True)
    text = np.array(["/" * (s - s // 2) + "X" * x + "/" * (s // 2)
                     for s, x in zip(*np.divmod(shapes, MAX_PROVIDER_UNITS + 1))], dtype=object)
    return text[shape], 5 * (x + slashes)


def failed_attempts(ctx, rng, chart, visits):
    """The visits that had been booked once before and failed (visits far enough into the window for the
    failed appointment to be inside it too, and after the exam that planned the visit), and the day of each
    failed appointment."""
    past = visits["date"] < ctx.today
    kept = past & ~visits["no_show"]
    planned_on = visits["date"][np.maximum(visits["planned_at"], 0)]
    on_record = np.maximum(ctx.start, ctx.practice.patients.entered[visits["patient"]].astype("datetime64[D]"))
    room = np.where(visits["planned_at"] >= 0, visits["date"] - planned_on, visits["date"] - on_record).astype(int)
    can_fail = np.flatnonzero(kept & (visits["kind"] != KIND["emergency"]) &
                              (visits["date"] >= ctx.start + FAILED_BEFORE_DAYS[1]) & (room > FAILED_BEFORE_DAYS[0]))
    completion = ctx.config.completion_rate
    wanted = kept.sum() * (1 - completion) / completion - (past & visits["no_show"]).sum()
    share = np.clip(wanted / max(len(can_fail), 1), 0, 1)
    failed = can_fail[rng.random(len(can_fail)) < share]
    before = rng.uniform(FAILED_BEFORE_DAYS[0], np.minimum(FAILED_BEFORE_DAYS[1], room[failed] - 1))
    wished = visits["date"][failed] - days(before)
    return failed, chart.open_day(visits["patient"][failed], wished, visits["kind"][failed])


def statuses(ctx, rng, day, failed):
    """Complete before today, scheduled from today on; a failed one broken or on the unscheduled list (only a
    past appointment can have failed: one the chairs pushed to today or later is still on the book)."""
    past = day < ctx.today
    broken = rng.random(len(day)) < BROKEN_SHARE
    failed_as = np.where(broken, AptStatus.BROKEN, AptStatus.UNSCHEDULED_LIST)
    return np.where(past, np.where(failed, failed_as, AptStatus.COMPLETE), AptStatus.SCHEDULED)


def chairs_and_times(ctx, rng, wished, planned_at, clinic, hygiene, minutes, provider, pinned):
    """Day, start timestamp and operatory of each appointment (`wished`: open days; `planned_at`: the row of
    the exam that planned it, or -1). Each provider works a day in one chair of the clinic's hygiene (or
    doctor) operatories, in random order; when more providers work than there are chairs, they take turns in
    a chair. The chairs used change from day to day. An appointment that does not fit before 17:00 moves to
    a later day of the week, and the visits planned at it follow a few open days after it; a `pinned` one (a
    first visit, on the DateFirstVisit written) comes first in its provider's day and never moves."""
    pool, chairs, op_table = operatory_pools(ctx, clinic, hygiene)
    day = wished.copy()
    if not len(day):
        return day, stamp(day), np.zeros(0, dtype=np.int64)
    shuffle = rng.random(len(day)) - pinned
    check = np.arange(len(day))
    while len(check):
        _, before = layout(day[check], pool[check], provider[check], minutes[check], shuffle[check], chairs)
        late = check[(before + minutes[check] > DAY_MINUTES) & ~pinned[check]]
        day[late] = open_day_offset(day[late], rng.integers(1, 6, len(late)), roll="forward")
        late = np.concatenate([late, follow_exams(rng, day, planned_at, late)])
        pool_day = combined_key(pool, day.astype(int))
        check = np.flatnonzero(np.isin(pool_day, pool_day[late]))  # the days that got more to fit
    chair, before = layout(day, pool, provider, minutes, shuffle, chairs)
    in_chair = combined_key(pool, day.astype(int), chair)
    order = sorted_by(in_chair, before)
    offset = before + idle_time(rng, in_chair, order, before + minutes)
    return day, stamp(day, (DAY_START + offset) * 60), op_table[pool, chair]


def follow_exams(rng, day, planned_at, moved):
    """The visits planned at a moved exam that now fall on or before its day move a few open days after it
    (and so on down the chain); returns them."""
    followed = []
    while len(moved):
        moved = np.flatnonzero(np.isin(planned_at, moved))
        moved = moved[day[moved] <= day[planned_at[moved]]]
        day[moved] = open_day_offset(day[planned_at[moved]], rng.integers(1, 6, len(moved)))
        followed.append(moved)
    return np.concatenate(followed) if followed else np.zeros(0, dtype=np.int64)


def layout(day, pool, provider, minutes, shuffle, chairs):
    """Chair of each appointment and the minutes booked before it in that chair that day."""
    pool_day = combined_key(pool, day.astype(int))
    shift = combined_key(pool_day, provider)  # a provider's day in the clinic
    _, first, shift_of = np.unique(shift, return_index=True, return_inverse=True)
    turn = rank_in_group(pool_day[first])  # shifts come sorted by pool-day
    chair = ((turn + day[first].astype(int)) % chairs[pool[first]])[shift_of]
    in_chair = combined_key(pool_day, chair)
    order = sorted_by(in_chair, turn[shift_of], shuffle)
    before = np.empty(len(day), dtype=np.int64)
    before[order] = cumsum_before(in_chair[order], minutes[order])
    return chair, before


def operatory_pools(ctx, clinic, hygiene):
    """The chair pool of each appointment (its clinic's hygiene or doctor operatories), the number of chairs
    in each pool and a table pool x chair -> OperatoryNum."""
    ops = ctx.practice.operatories
    clinics = np.unique(ops.clinic)
    op_pool = 2 * np.searchsorted(clinics, ops.clinic) + ops.hygiene
    chairs = np.bincount(op_pool, minlength=2 * len(clinics))
    op_table = np.zeros((len(chairs), chairs.max()), dtype=np.int64)
    for p in range(len(chairs)):
        op_table[p, :chairs[p]] = ops.nums[op_pool == p]
    return 2 * np.searchsorted(clinics, clinic) + hygiene, chairs, op_table


def combined_key(*columns):
    """One int64 grouping key from several non-negative integer columns."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        key = key * (int(column.max()) + 1) + column
    return key


def idle_time(rng, chair_day, order, end):
    """Idle minutes in a chair before each appointment (`order` sorts by chair-day, then by time): the
    chair's free time that day, spread at random in five-minute steps, never past 17:00."""
    group = np.unique(chair_day, return_inverse=True)[1]
    busy = np.zeros(group.max() + 1, dtype=np.int64)
    np.maximum.at(busy, group, end)
    weight = rng.random(len(end))
    total = group_sum(group, weight, len(busy)) + rng.uniform(0, 2, len(busy))  # some idle time after the last
    weight_so_far = np.empty(len(end))
    weight_so_far[order] = cumsum_before(chair_day[order], weight[order]) + weight[order]
    return ((DAY_MINUTES - busy[group]) * weight_so_far / total[group] // 5 * 5).astype(int)


def booking(ctx, rng, apts, planned_at, attempt_of, visits_booked_at):
    """When each appointment was made (SecDateTEntry): a recall visit at the checkout of the visit before
    (`visits_booked_at`, per visit: its row, -1 if none) or weeks to months ahead, a new patient's
    first visit days to weeks ahead, treatment (and a failed attempt at it) after the exam that planned it, an
    emergency the same morning, a rebooked visit when its attempt failed."""
    n = len(apts["day"])
    day, kind = apts["day"], apts["kind"]
    rebooked = np.zeros(n, dtype=bool)
    rebooked[attempt_of] = True
    attempt_day = day.copy()
    attempt_day[attempt_of] = day[apts["attempt"]]
    plan_day = day[np.maximum(planned_at, 0)]
    days_since_plan = (day - plan_day).astype(int) * np.where(rng.random(n) < 0.5, 1, rng.random(n))
    at = np.where(apts["attempt"], -1, visits_booked_at[apts["visit"]])
    lead = np.select(
        [apts["attempt"], rebooked, kind == KIND["emergency"], planned_at >= 0, NEW_PATIENT_KINDS[kind],
         kind == KIND["srp"], at >= 0],
        [rng.uniform(5, 90, n), (day - attempt_day).astype(int) - rng.uniform(0, 2, n), 0, days_since_plan,
         rng.uniform(2, 30, n), rng.uniform(3, 14, n), (day - day[np.maximum(at, 0)]).astype(int)],
        rng.uniform(14, 180, n))
    booked_day = np.clip(day - days(np.maximum(lead, 0)), ctx.start, ctx.today)  # the book opens with the window
    same_day = np.maximum(apts["start"] - (rng.integers(15, 180, n) * 60).astype("timedelta64[s]"),
                          stamp(day, 7 * 3600))
    booked = np.where(booked_day == day, same_day, stamp(booked_day, rng.integers(8 * 3600, 17 * 3600, n)))
    after_exam = end_of(apts, np.maximum(planned_at, 0)) + \
        (ctx.rng("appointment-after-exam").integers(5, 60, n) * 60).astype("timedelta64[s]")
    booked = np.where(after_planning(apts, planned_at), np.maximum(booked, after_exam), booked)
    on_record = ctx.practice.patients.entered[apts["patient"]] + \
        (ctx.rng("appointment-after-record").integers(1, 10, n) * 60).astype("timedelta64[s]")
    return np.maximum(booked, on_record)  # the patient's record is made first


def after_planning(apts, planned_at):
    """Whether each appointment comes after the exam that planned it (`planned_at`, -1 if none); a few visits
    do not, when the chairs moved their exam to a later time."""
    return (planned_at >= 0) & (apts["start"] > end_of(apts, np.maximum(planned_at, 0)) + np.timedelta64(1, "h"))


def end_of(apts, row):
    """When the appointments at `row` end."""
    return apts["start"][row] + (apts["minutes"][row] * 60).astype("timedelta64[s]")


def planned_appointments(ctx, apts, procs, after_exam):
    """Status-6 appointments made at some exams for the treatment they planned: one per visit the treatment
    was booked for (`after_exam`: the appointments booked after their exam) and one holding the work not
    booked yet. Returns their columns, per procedure its planned appointment row (-1 if none), and per
    appointment the row it was scheduled from (-1 if none)."""
    rng = ctx.rng("appointment-planned")
    n_apts = len(apts["day"])
    not_charted = procs["status"] == 0  # work that follows its appointment (not existing work or a condition)
    treatment = (procs["planned_at"] >= 0) & not_charted & \
        ((procs["visit"] < 0) | after_exam[np.maximum(procs["visit"], 0)])
    exams = np.unique(procs["planned_at"][treatment])
    chosen = exams[rng.random(len(exams)) < PLANNED_SHARE]
    on_plan = treatment & np.isin(procs["planned_at"], chosen)
    holder = np.where(procs["visit"] >= 0, procs["visit"], -1 - procs["planned_at"])  # a visit, or an exam's open work
    holders, first, local = np.unique(holder[on_plan], return_index=True, return_inverse=True)
    exam = procs["planned_at"][on_plan][first]
    plan_of = np.full(len(procs["code"]), -1)
    plan_of[on_plan] = local
    pattern, minutes = patterns(ctx, plan_of, procs["code"], len(holders))
    # made a few seconds apart at the end of the exam, the open work's first
    order = sorted_by(exam, holders)
    nth = np.empty(len(holders), dtype=np.int64)
    nth[order] = rank_in_group(exam[order])
    made = end_of(apts, exam) + (nth * 20).astype("timedelta64[s]")
    n = len(holders)
    planned = {"patient": apts["patient"][exam], "visit": np.full(n, -1), "attempt": np.zeros(n, dtype=bool),
               "kind": np.where(holders >= 0, apts["kind"][np.clip(holders, 0, None)], KIND["dentist"]),
               "minutes": minutes, "pattern": pattern, "clinic": apts["clinic"][exam], "day": apts["day"][exam],
               "start": made, "op": np.zeros(n, dtype=np.int64), "status": np.full(n, AptStatus.PLANNED),
               "booked": made, "next_row": np.full(n, -1)}
    booked = holders >= 0
    next_row = np.full(n_apts, -1)
    scheduled_from = np.isin(apts["visit"], holders[booked])
    next_row[scheduled_from] = n_apts + np.flatnonzero(booked)[np.searchsorted(holders[booked],
                                                                               apts["visit"][scheduled_from])]
    return planned, np.where(on_plan, n_apts + plan_of, -1), next_row
