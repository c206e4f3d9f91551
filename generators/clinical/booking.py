"""From planned visits to the appointment book: broken and rebooked appointments, chairs and times, statuses,
and planned appointments for open treatment plans.

- A visit that took place may have been booked once before and failed: a no-show (AptStatus 5) or a
  cancellation sent to the unscheduled list (3). The patient rebooked and the procedures moved to the new
  appointment. With the no-shows of lapsing patients (who keep their procedures), failures make past
  appointments complete in the share ctx.config.completion_rate.
- Length: a visit lasts what its procedures take (patterns), on the book's 10-minute grid; treatment longer
  than LONGEST_VISIT_MINUTES or of more than MOST_PROCEDURES procedures is split over visits a week or two
  apart.
- Chairs and times: the provider calendar (generators/provider_calendar.py) is made here from the book's
  demand; each appointment goes to a day its provider works, in their own chair, one after the other in
  their morning or afternoon session (none over lunch), the idle time of each session spread at random
  between them on the grid; one that does not fit moves a few of the provider's working days later. So no
  operatory is ever double-booked, and no provider is in two chairs at once, among the appointments on the
  book (scheduled, complete, broken). A failed attempt sent to the unscheduled list (3) was cancelled ahead
  and its time given to other patients: it keeps its day and a time in its provider's session and chair (as
  OpenDental keeps them) but holds no chair time; a no-show (broken, 5) held the chair.
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
from dataclasses import replace

import numpy as np

from core.arrays import cumsum_before, group_sum, rank_in_group, sorted_by
from opendental.codes import AptStatus

from .. import provider_calendar
from ..parameters import parameter, parameters
from ..provider_calendar import AFTERNOON, CALENDAR_DAYS_AHEAD, GRID_MINUTES, MORNING
from ..timeline import days, stamp
from .chart import HYGIENE_KINDS, KIND, NEW_PATIENT_KINDS
from .pathways import NEVER

BROKEN_SHARE = parameter("clinical.booking.broken_share")
FAILED_BEFORE_DAYS = (7, 35)  # a failed attempt's distance before the visit that finally took place
PLANNED_SHARE = parameter("clinical.booking.planned_share")
MOST_DAYS_AHEAD = parameter("clinical.booking.most_days_ahead")
LONGEST_VISIT_MINUTES, MOST_PROCEDURES = parameters("clinical.booking.longest_visit_minutes",
                                                   "clinical.booking.most_procedures_a_visit")
CLEANING_EXAMS = ("D0120", "D0145", "D0150")  # the dentist's exams at a cleaning
NEXT_PART_DAYS = (7, 15)  # the next visit of treatment split over several
LONGEST_SESSION = MORNING[1] - MORNING[0]  # no appointment runs over lunch
MOST_ROUNDS = 400  # a safety stop: a provider whose days cannot hold their backlog would push visits on for ever
PAST_ROUNDS = 40  # rounds of fitting the book in which a visit that did not fit a past day stays in the past


def book(ctx, chart):
    """Appointment columns (dict of arrays) and, per procedure, its appointment row (= its visit number) and
    planned appointment row (-1 if none). Sets the office's provider calendar (ctx.practice.calendar)."""
    rng = ctx.rng("appointment")
    split_long_visits(ctx, chart)
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
    pinned = visits["pinned"][visit] & ~attempt
    broken = rng.random(len(visit)) < BROKEN_SHARE
    apts["off_book"] = attempt & ~broken  # cancelled ahead to the unscheduled list: its time went to others
    on_book = ~apts["off_book"]
    calendar = provider_calendar.plan(ctx, provider[on_book], apts["minutes"][on_book], wished[on_book])
    ctx.practice.calendar, provider = calendar, provider_calendar.on_duty(calendar, provider, wished, pinned)
    planned_at = visits["planned_at"][visit]
    apts["day"], apts["start"], apts["op"], apts["prov"] = chairs_and_times(
        ctx, rng, wished, planned_at, attempt, apts, hygiene, provider, pinned)
    apts["hygienist"] = np.where(hygiene, provider, 0)
    # a failed attempt that the chairs pushed past its visit, before the exam that planned it or to the day the
    # patient's record was made or earlier, never happened
    on_record = pt.entered[apts["patient"]].astype("datetime64[D]")
    kept = ~attempt | ((apts["day"] < apts["day"][visit]) & (apts["day"] > on_record) &
                       ((planned_at < 0) | after_planning(apts, planned_at)) &
                       ~(apts["off_book"] & (apts["day"] >= ctx.today)))
    apts, attempt_of = {name: column[kept] for name, column in apts.items()}, attempt_of[kept[n_visits:]]
    apts["status"] = statuses(ctx, apts["day"], apts["attempt"] | visits["no_show"][apts["visit"]], broken[kept])
    del apts["off_book"]
    planned_at = planned_at[kept]
    apts["booked"] = booking(ctx, rng, apts, planned_at, attempt_of, visits["booked_at"])
    planned, planned_row, apts["next_row"] = planned_appointments(ctx, apts, procs, after_planning(apts, planned_at))
    apts = {name: np.concatenate([apts[name], planned[name]]) for name in apts}
    return apts, procs["visit"], planned_row


def first_visits(ctx, apts):
    """The patients with the DateFirstVisit the book gave them: the day of their first completed visit (a first
    visit whose day was full came on a later one). The dates that changed are set on raw.patient too."""
    pt = ctx.practice.patients
    done = apts["status"] == AptStatus.COMPLETE
    first = np.full(len(pt.nums), NEVER)
    np.minimum.at(first, apts["patient"][done], apts["day"][done])
    changed = np.flatnonzero((first != NEVER) & (first != pt.first_visit))
    if len(changed):
        ctx.out.update("patient", "PatNum", {"PatNum": pt.nums[changed], "DateFirstVisit": first[changed]})
    first_visit = pt.first_visit.copy()
    first_visit[changed] = first[changed]
    return replace(pt, first_visit=first_visit, new_in_window=first_visit >= ctx.window_start)


def chair_minutes(ctx, code):
    """What each procedure adds to a visit: its provider time (X) and half its assistant or hygienist time
    (/), which overlaps the set-up and the work of the other procedures of the visit; the visit adds the
    other half of its longest set-up (see patterns)."""
    codes = ctx.practice.codes
    provider_minutes = 5 * np.array([p.count("X") for p in codes.pattern])[code]
    return provider_minutes + (codes.minutes[code] - provider_minutes) / 2


def patterns(ctx, visit, code, n_visits, fewest_steps=1):
    """Each visit's time pattern from its procedures' ProcTime: the provider time (X) in the middle, the
    assistant or hygienist time (/) around it; five minutes a character. A visit lasts what its procedures
    add (chair_minutes) and the other half of its longest assistant time, rounded to the book's grid (at least
    `fewest_steps` of it, per visit); at a cleaning the dentist examines while the hygienist works, so the exam
    adds no time (but the visit lasts it and a step)."""
    codes = ctx.practice.codes
    provider_units = np.array([p.count("X") for p in codes.pattern])
    attached = visit >= 0
    x = np.bincount(visit[attached], weights=provider_units[code[attached]], minlength=n_visits).astype(int)
    cleaning = np.bincount(visit[attached], weights=codes.is_hygiene[code[attached]], minlength=n_visits) > 0
    exams = [codes.index[name] for name in CLEANING_EXAMS]
    exam_inside = cleaning[visit[attached]] & np.isin(code[attached], exams)  # while the hygienist works
    minutes = chair_minutes(ctx, code[attached]) - np.where(exam_inside, 5 * provider_units[code[attached]], 0)
    added = np.bincount(visit[attached], weights=minutes, minlength=n_visits)
    set_up = np.zeros(n_visits)
    np.maximum.at(set_up, visit[attached], (codes.minutes - 5 * provider_units)[code[attached]] / 2)
    examined = np.bincount(visit[attached], weights=exam_inside, minlength=n_visits) > 0  # the exam and a step
    steps = np.clip(np.ceil((added + set_up) / GRID_MINUTES - 0.5), np.maximum(fewest_steps, 1 + examined),
                    LONGEST_SESSION // GRID_MINUTES)
    units = (steps * GRID_MINUTES // 5).astype(int)
    x = np.minimum(x, units - 1)
    shapes, shape = np.unique(units * (units.max(initial=1) + 1) + x, return_inverse=True)
    text = np.array(["/" * (s - s // 2) + "X" * x + "/" * (s // 2)
                     for s, x in ((u - x, x) for u, x in zip(*np.divmod(shapes, units.max(initial=1) + 1)))],
                    dtype=object)
    return text[shape], 5 * units


def split_long_visits(ctx, chart):
    """Treatment that would keep the patient in the chair past LONGEST_VISIT_MINUTES, or take more than
    MOST_PROCEDURES procedures, is shared out evenly over as many dentist visits as it needs, a week or two
    apart: the longest work first."""
    rng = ctx.rng("appointment-split")
    visits, procs = chart.visits(), chart.procedures()
    splittable = ~HYGIENE_KINDS[visits["kind"]] & (visits["kind"] != KIND["emergency"])
    rows = np.flatnonzero((procs["visit"] >= 0) & splittable[np.maximum(procs["visit"], 0)])
    length = chair_minutes(ctx, procs["code"][rows])
    order = sorted_by(procs["visit"][rows], -length)
    rows, length, visit = rows[order], length[order], procs["visit"][rows][order]
    rank, visits_of = rank_in_group(visit), np.unique(visit, return_inverse=True)[1]
    total, count = np.bincount(visits_of, weights=length), np.bincount(visits_of)
    parts_needed = np.maximum(np.ceil(total / LONGEST_VISIT_MINUTES), np.ceil(count / MOST_PROCEDURES))[visits_of]
    middle = cumsum_before(visit, length) + length / 2  # the work shared evenly over the visits it needs
    part = np.maximum(middle * parts_needed // total[visits_of], rank * parts_needed // count[visits_of]).astype(int)
    later = part > 0
    parts, part_of = np.unique(visit[later] * 64 + part[later], return_inverse=True)
    original = parts // 64
    nth = rank_in_group(original) + 1
    gap = rng.integers(*NEXT_PART_DAYS, len(parts)) * nth
    new_visit = chart.add_visits(visits["patient"][original], visits["date"][original] + gap.astype("timedelta64[D]"),
                                 visits["kind"][original], planned_at=visits["planned_at"][original],
                                 no_show=visits["no_show"][original])
    procs["visit"][rows[later]] = new_visit[part_of]


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
    return failed, chart.open_day(wished)


def statuses(ctx, day, failed, broken):
    """Complete before today, scheduled from today on; a failed one `broken` or on the unscheduled list (only a
    past appointment can have failed: one the chairs pushed to today or later is still on the book)."""
    past = day < ctx.today
    failed_as = np.where(broken, AptStatus.BROKEN, AptStatus.UNSCHEDULED_LIST)
    return np.where(past, np.where(failed, failed_as, AptStatus.COMPLETE), AptStatus.SCHEDULED)


def chairs_and_times(ctx, rng, wished, visit_planned_at, attempt, apts, hygiene, provider, pinned):
    """Day, start timestamp, operatory and ProvNum of each appointment (`wished`: open days;
    `visit_planned_at`: the row of the exam that planned its visit, or -1; `attempt`: a failed attempt at a
    visit, which goes to its provider's working day before the wished one when that is after the exam;
    `provider`: its dentist, or hygienist on hygiene visits). Each appointment goes to a day its provider
    works (ctx.practice.calendar), in the provider's own chair; a provider's day holds their appointments one
    after the other in random order, the morning's until one would run into lunch, then the afternoon's. One
    that does not fit, or falls on a day the patient comes for another, moves a few of the provider's working
    days later, and the visits planned at it follow; none comes before the patient's record. The free time of
    each session is spread between its appointments on the book's grid. Those off the book (`apts["off_book"]`)
    are laid out apart, in the same sessions. A hygiene visit's ProvNum is the dentist who examines: the
    patient's own when in, else one who is. A `pinned` visit (a first visit, on the DateFirstVisit written;
    its provider is at work that day if any, provider_calendar.on_duty) comes first in its provider's day;
    when nobody of its kind works then, or the first visits of the day fill it, it comes on the provider's
    next working day (and the DateFirstVisit follows, see first_visits)."""
    calendar = ctx.practice.calendar
    planned_at = np.where(attempt, -1, visit_planned_at)
    row = provider_calendar.row_of(calendar, provider)
    day = np.where(pinned, provider_calendar.working_day(calendar, row, wished),
                   provider_calendar.working_day_before(calendar, row, wished, ctx.today))
    attempt = np.flatnonzero(apts["attempt"])  # a failed attempt on the provider's last working day up to the
    earlier = provider_calendar.working_day(calendar, row[attempt], wished[attempt] + 1, -1)  # wished one,
    exam = visit_planned_at[attempt]  # unless that comes before the exam that planned its visit
    after_exam = (exam < 0) | (earlier > day[np.maximum(exam, 0)])
    day[attempt[after_exam]] = earlier[after_exam]
    follow_exams(rng, calendar, row, day, planned_at, np.arange(len(day)))
    on_record = ctx.practice.patients.entered[apts["patient"]].astype("datetime64[D]")
    after_record(calendar, row, day, on_record, np.arange(len(day)))
    shuffle = rng.random(len(day)) - pinned
    lane = apts["off_book"].astype(np.int64)
    shift = provider_calendar.provider_days(calendar, row, day)
    check, rounds = np.arange(len(day)), 0
    while len(check) and rounds < MOST_ROUNDS:
        _, _, late = layout(calendar, shift[check], apts["minutes"][check], shuffle[check], lane[check])
        if rounds < PAST_ROUNDS:  # (two visits that keep meeting share the day in the end)
            late = np.union1d(check[late], again_that_day(apts["patient"], day, shuffle))
        else:
            late = check[late]
        ahead, late = late[pinned[late]], late[~pinned[late]]  # a first visit with no room: the next working day
        day[ahead] = provider_calendar.working_day(calendar, row[ahead], day[ahead], 1)
        rounds += 1  # the longer a visit finds no room, the further it moves; past days full after many rounds
        # (rare): it moves on past today, as it was booked
        keep_past = ctx.today if rounds < PAST_ROUNDS else ctx.today + CALENDAR_DAYS_AHEAD
        day[late] = provider_calendar.working_day_before(calendar, row[late], day[late], keep_past,
                                                         rng.integers(1, 4 + rounds // 8, len(late)),
                                                         rng.integers(1, 15, len(late)))
        exam = planned_at[late]
        too_early = late[(exam >= 0) & (day[late] <= day[np.maximum(exam, 0)])]  # went back before its exam
        day[too_early] = provider_calendar.working_day(calendar, row[too_early], day[planned_at[too_early]],
                                                       rng.integers(1, 4, len(too_early)))
        late = np.concatenate([late, ahead])
        moved = np.concatenate([late, follow_exams(rng, calendar, row, day, planned_at, late)])
        after_record(calendar, row, day, on_record, moved)
        shift[moved] = provider_calendar.provider_days(calendar, row[moved], day[moved])
        more = np.zeros(calendar.works.size, dtype=bool)
        more[shift[moved]] = True
        check = np.flatnonzero(more[shift])  # the provider-days that got more to fit
    afternoon, offset, _ = layout(calendar, shift, apts["minutes"], shuffle, lane)
    offset = offset + idle_time(rng, calendar, shift * 2 + lane, afternoon, offset + apts["minutes"])
    start = stamp(day, (np.where(afternoon, AFTERNOON[0], MORNING[0]) + offset) * 60)
    pool, chairs, op_table = operatory_pools(ctx, apts["clinic"], hygiene)
    op = op_table[pool, calendar.chair[row] % chairs[pool]]
    dentist = ctx.practice.patients.pri_prov[apts["patient"]]
    return day, start, op, np.where(hygiene, examining_dentist(calendar, dentist, day, afternoon), provider)


def after_record(calendar, row, day, on_record, rows):
    """An appointment of `rows` that would come before the day the patient's record was made comes on the
    provider's first working day after it."""
    early = rows[day[rows] < on_record[rows]]
    day[early] = provider_calendar.working_day(calendar, row[early], on_record[early], 1)


def again_that_day(patient, day, shuffle):
    """The appointments of a patient on a day that holds another of theirs first (in `shuffle` order): a patient
    comes once a day."""
    order = np.lexsort((shuffle, day, patient))
    patient, day = patient[order], day[order]
    return order[1:][(patient[1:] == patient[:-1]) & (day[1:] == day[:-1])]


def layout(calendar, shift, minutes, shuffle, lane):
    """Per appointment (`shift`: its provider-day; `lane` 1 for one off the book, laid out apart from the
    others): in the afternoon session, minutes booked before it in that session, and whether it does not fit
    its provider's day."""
    key = shift * 2 + lane
    order = sorted_by(key, shuffle)
    key, length = key[order], minutes[order]
    before = cumsum_before(key, length)
    morning_length, afternoon_length = provider_calendar.sessions(calendar, shift[order])
    morning = before + length <= morning_length
    groups = np.unique(key, return_inverse=True)[1]
    morning_used = np.zeros(groups.max(initial=-1) + 1, dtype=np.int64)
    np.maximum.at(morning_used, groups[morning], (before + length)[morning])
    in_session = np.where(morning, before, before - morning_used[groups])
    late = ~morning & (in_session + length > afternoon_length)
    afternoon, offset, unfit = (np.empty(len(order), dtype=value.dtype) for value in (morning, in_session, late))
    afternoon[order], offset[order], unfit[order] = ~morning, in_session, late
    return afternoon, offset, unfit


def idle_time(rng, calendar, lane, afternoon, end):
    """Idle minutes in a session before each appointment (`lane`: its provider-day * 2 + 1 off the book): the
    session's free time spread at random between its appointments in steps of the grid."""
    session = lane * 2 + afternoon
    shift = lane // 2
    order = sorted_by(session, end)
    group = np.unique(session, return_inverse=True)[1]
    busy = np.zeros(group.max(initial=-1) + 1, dtype=np.int64)
    np.maximum.at(busy, group, end)
    morning_length, afternoon_length = provider_calendar.sessions(calendar, shift)
    free = np.where(afternoon, afternoon_length, morning_length) - busy[group]
    weight = rng.random(len(end))
    total = group_sum(group, weight, len(busy)) + rng.uniform(0, 2, len(busy))  # some idle time after the last
    weight_so_far = np.empty(len(end))
    weight_so_far[order] = cumsum_before(session[order], weight[order]) + weight[order]
    return (free * weight_so_far / total[group] // GRID_MINUTES * GRID_MINUTES).astype(int)


def follow_exams(rng, calendar, row, day, planned_at, moved):
    """The visits planned at a moved exam that now fall on or before its day move a few of their provider's
    working days after it (and so on down the chain); returns them."""
    followed, has_plan = [], planned_at >= 0
    while len(moved):
        was_moved = np.zeros(len(day), dtype=bool)
        was_moved[moved] = True
        moved = np.flatnonzero(has_plan & was_moved[np.maximum(planned_at, 0)])
        moved = moved[day[moved] <= day[planned_at[moved]]]
        day[moved] = provider_calendar.working_day(calendar, row[moved], day[planned_at[moved]],
                                                   rng.integers(1, 6, len(moved)))
        followed.append(moved)
    return np.concatenate(followed) if followed else np.zeros(0, dtype=np.int64)


def examining_dentist(calendar, dentist, day, afternoon):
    """The dentist in the office at each hygiene visit: the patient's own (`dentist`) when at work in that
    session, else the first one who is."""
    dentists = np.flatnonzero(~calendar.hygienist)
    column = np.searchsorted(calendar.days, day)
    present = calendar.works[dentists][:, column] & (~calendar.half[dentists][:, column] | ~afternoon)
    own = present[np.searchsorted(calendar.providers[dentists], dentist), np.arange(len(day))]
    return np.where(own, dentist, calendar.providers[dentists][present.argmax(axis=0)])


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
    lead = np.minimum(lead, MOST_DAYS_AHEAD)  # treatment planned long ago is booked when the book opens for its day
    booked_day = np.clip(day - days(np.maximum(lead, 0)), ctx.start, ctx.today)  # the book opens with the window
    same_day = np.maximum(apts["start"] - (rng.integers(15, 180, n) * 60).astype("timedelta64[s]"),
                          stamp(day, 7 * 3600))
    booked = np.where(booked_day == day, same_day, stamp(booked_day, rng.integers(8 * 3600, 17 * 3600, n)))
    after_exam = end_of(apts, np.maximum(planned_at, 0)) + \
        (ctx.rng("appointment-after-exam").integers(5, 60, n) * 60).astype("timedelta64[s]")
    booked = np.where(after_planning(apts, planned_at), np.maximum(booked, after_exam), booked)
    booked = np.minimum(booked, stamp(ctx.today, 17 * 3600))  # an exam the book pushed past today: booked by today
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
               "booked": made, "next_row": np.full(n, -1),
               "prov": ctx.practice.patients.pri_prov[apts["patient"][exam]]}
    planned["hygienist"] = np.where(HYGIENE_KINDS[planned["kind"]], ctx.practice.patients.sec_prov[planned["patient"]], 0)
    booked = holders >= 0
    next_row = np.full(n_apts, -1)
    scheduled_from = np.isin(apts["visit"], holders[booked])
    next_row[scheduled_from] = n_apts + np.flatnonzero(booked)[np.searchsorted(holders[booked],
                                                                               apts["visit"][scheduled_from])]
    return planned, np.where(on_plan, n_apts + plan_of, -1), next_row
