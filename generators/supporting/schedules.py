"""Supporting: the appointment book around the appointments - who works when, chair time held back, the
history of every appointment, and the views the front desk reads the book through.

- Days: every business day from the window's start to the last booked appointment (at least four weeks
  ahead). The office closes on six US holidays, observed on a weekday (generators/timeline.py); nothing is
  booked on them.
- Practice rows (SchedType 0, written once, over the first office's days): a holiday row (Status 2) per closed
  holiday and clinic, and notes on some days.
- Provider schedules (SchedType 1): the provider calendar the clinical phase booked on
  (generators/provider_calendar.py: working days, regular days off, half days, vacations): a block 08:00-12:00
  and, on a full day, 13:00-17:00 after lunch, each linked (scheduleop) to the provider's own chair and the
  chairs they work in during it.
- Blockouts (SchedType 2): chair time held for emergencies, crown seats, hygiene only... placed in the
  chairs' free time, so no appointment sits in one; a block over noon is the lunch break.
- Employee schedules (SchedType 3): each employee's shift on their weekly work days; a dental assistant also
  works every day they assist at a chair (appointment.Assistant), and works the chairs' day.
- histappointment: a full copy of the appointment at each event of its life: created (action 0, when
  booked; ApptSource Web Sched when the patient booked online), moved to its final chair and time, confirmed,
  then set complete after dismissal (1), missed (2) or cancelled to the unscheduled list (3). The last copy is
  the appointment as it stands.
- apptview / apptviewitem / userodapptview: the views of scheduling_appt_views.csv ("All", "Doctors",
  "Hygiene") per clinic with their display settings, each user's own.

Hands nothing over.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import sorted_by
from core.randomness import weighted_choice
from opendental.codes import AptStatus, HistApptAction, ScheduleStatus, ScheduleType
from opendental.definitions import DefCat, defnum

from ..clinical.chart import batches
from ..clinical.booking import operatory_pools
from ..context import RunContext
from ..data import read_table
from ..formatting import clock_time
from ..parameters import parameter
from ..provider_calendar import AFTERNOON, MORNING
from ..timeline import (NO_TIME, business_days, end_of_today, seconds, seconds_after_midnight, stamp, us_holidays,
                        weekday)

MINUTE, HOUR, DAY = 60, 3600, 86400
OPENS, CLOSES = 8 * HOUR, 17 * HOUR  # the chairs' day, as the clinical phase books it
FUTURE_DAYS = 28  # the schedule is set at least four weeks ahead
SET_UP_DAYS = (14, 90)  # how long before a day the office manager set its schedule
PRACTICE_NOTES = ("Staff meeting 7:30 am", "Fire drill at noon", "Office closes 3 pm - team event",
                  "Sterilizer service visit", "Lunch and learn - implant rep", "OSHA training at lunch",
                  "Phones forwarded 12-1 pm", "Quarterly inventory", "Carpet cleaning after hours",
                  "Payroll cutoff today", "Water line testing", "Bring potluck dish - birthday lunch")
PRACTICE_NOTE_SHARE = parameter("supporting.schedules.practice_note_share")
EMPLOYEE_DAYS_OFF = (0, 2)  # weekdays off: [low, high)
EMPLOYEE_SHIFTS = ((7.5, 16.5), (8, 17), (8.5, 17.5))  # hours
CHAIR_SHIFT = EMPLOYEE_SHIFTS.index((OPENS / HOUR, CLOSES / HOUR))  # an assistant's shift
BLOCKOUTS_PER_CHAIR_DAY = parameter("supporting.schedules.blockouts_per_chair_day")
BLOCKOUT_MINUTES, LUNCH_MINUTES, SHORTEST_BLOCKOUT = (30, 45, 60, 90, 120), (30, 60), 30
LUNCH_SHARE = parameter("supporting.schedules.lunch_share")
MOVED_SHARE = parameter("supporting.schedules.moved_share")
ROOM_TO_CHANGE = 4 * HOUR  # an appointment booked closer to its time is neither moved nor confirmed before it
CREATED, MOVED, CONFIRMED, OUTCOME = range(4)  # history events, in the order they happen
OUTCOME_ACTION = {AptStatus.COMPLETE: HistApptAction.CHANGED, AptStatus.BROKEN: HistApptAction.MISSED,
                  AptStatus.UNSCHEDULED_LIST: HistApptAction.CANCELLED}  # by the appointment's outcome
# Appointment columns the history copies as handed over by the clinical phase (hand-over name: column).
HANDED_OVER = {"pattern": "Pattern", "note": "Note", "descript": "ProcDescript", "ins_plan1": "InsPlan1",
               "ins_plan2": "InsPlan2", "entry_user": "SecUserNumEntry", "unsched_status": "UnschedStatus",
               "assistant": "Assistant", "color_override": "ColorOverride", "item_order_planned": "ItemOrderPlanned",
               "next_apt_num": "NextAptNum", "pattern_secondary": "PatternSecondary", "priority": "Priority",
               "procs_colored": "ProcsColored", "time_locked": "TimeLocked"}
SET_AT_OUTCOME = ("DateTimeArrived", "DateTimeSeated", "DateTimeDismissed", "UnschedStatus")
VIEW_ELEMENTS = ("PatientNameF", "Age", "ProcDescript", "Note", "Production", "ConfirmedColor")


def office(ctx: RunContext) -> None:
    """The office's provider and employee schedules, blockouts, appointment history and views; the first office
    enters the practice's own schedule rows, over its days (the offices keep the same holidays)."""
    book = ctx.practice.clinical.appointments
    last = last_day(ctx, book)
    days = business_days(ctx.start, last)
    if ctx.office == 0:
        practice_days(ctx, days, us_holidays(ctx.start, last))
    provider_schedules(ctx, days, book)
    blockouts(ctx, days, book)
    employee_schedules(ctx, days, book)
    appointment_history(ctx, book)
    appointment_views(ctx)


def index_of(keys, values):
    """Position of each value in the array `keys` (all values present)."""
    order = np.argsort(keys)
    return order[np.searchsorted(keys, values, sorter=order)]


# --- days ----------------------------------------------------------------------------------------------------

def last_day(ctx: RunContext, book: SimpleNamespace) -> np.datetime64:
    """The last day of the schedule: the last booked appointment's, at least four weeks ahead."""
    return max(book.date.max(), ctx.today + FUTURE_DAYS) if len(book.date) else ctx.today + FUTURE_DAYS


def weekly_pattern(rng, days, days_off):
    """Whether each person (row) works each day (column): the same random weekdays off every week."""
    off = rng.random((len(days_off), 5)).argsort(axis=1) < np.asarray(days_off)[:, None]
    return ~off[:, weekday(days)]


# --- schedule rows ------------------------------------------------------------------------------------------

def write_blocks(ctx, rng, blocks):
    """schedule rows, stamped when the day's schedule was set up (never after today); returns ScheduleNums."""
    dates = blocks["SchedDate"]
    n = len(dates)
    nums = ctx.ids.take("schedule", n)
    made = stamp(dates - rng.integers(*SET_UP_DAYS, n).astype("timedelta64[D]"), rng.integers(OPENS, CLOSES, n))
    set_up = np.minimum(np.maximum(made, stamp(ctx.start, OPENS)), end_of_today(ctx))
    ctx.out.copy("schedule", {"ScheduleNum": nums, "DateTStamp": set_up, "Status": ScheduleStatus.OPEN,
                              **blocks})
    return nums


def link_chairs(ctx, schedule_nums, op_nums):
    ctx.out.copy("scheduleop", {"ScheduleOpNum": ctx.ids.take("scheduleop", len(op_nums)),
                                "ScheduleNum": schedule_nums, "OperatoryNum": op_nums})


def practice_days(ctx: RunContext, days: np.ndarray, holidays: tuple) -> None:
    """SchedType 0: each clinic's closed holidays (Status 2, the holiday's name as note) and day notes."""
    rng = ctx.rng("schedule-practice")
    clinics = ctx.practice.clinics
    dates, names = holidays
    noted = days[rng.random(len(days)) < PRACTICE_NOTE_SHARE]
    n_holiday_rows = len(dates) * len(clinics)
    write_blocks(ctx, rng, {
        "SchedDate": np.concatenate([np.repeat(dates, len(clinics)), noted]), "SchedType": ScheduleType.PRACTICE,
        "Status": np.repeat([ScheduleStatus.HOLIDAY, ScheduleStatus.OPEN], [n_holiday_rows, len(noted)]),
        "Note": np.concatenate([np.repeat(names, len(clinics)),
                                np.array(PRACTICE_NOTES)[rng.integers(0, len(PRACTICE_NOTES), len(noted))]]),
        "ClinicNum": np.concatenate([np.tile(clinics, len(dates)), clinics[rng.integers(0, len(clinics), len(noted))]]),
    })


def provider_schedules(ctx, days, book):
    """SchedType 1: the provider calendar's working days (ctx.practice.calendar, which the book was laid on):
    a morning block, and on a full day an afternoon block after lunch; each linked (scheduleop) to the
    provider's own chair and the chairs they work in during it."""
    rng = ctx.rng("schedule-provider")
    calendar, ops = ctx.practice.calendar, ctx.practice.operatories
    column = np.searchsorted(calendar.days, days)
    person, day = np.nonzero(calendar.works[:, column])
    afternoon = ~calendar.half[:, column][person, day]
    person, day = np.concatenate([person, person[afternoon]]), np.concatenate([day, day[afternoon]])
    session = np.repeat([0, 1], [len(afternoon), afternoon.sum()])
    order = sorted_by(person, day, session)
    person, day, session = person[order], day[order], session[order]
    opens, closes = (np.array(hours) * MINUTE for hours in zip(MORNING, AFTERNOON))
    nums = write_blocks(ctx, rng, {"SchedDate": days[day], "StartTime": clock_time(opens[session]),
                                   "StopTime": clock_time(closes[session]), "SchedType": ScheduleType.PROVIDER,
                                   "ProvNum": calendar.providers[person]})
    on_book = book.op != 0
    hygiene, doctor = on_book & book.is_hygiene, on_book & ~book.is_hygiene
    worker = np.concatenate([book.prov[doctor], book.prov_hyg[hygiene]])
    start = np.concatenate([book.start[doctor], book.start[hygiene]])
    work_session = (seconds_after_midnight(start) >= AFTERNOON[0] * MINUTE).astype(int)
    key = (person * len(days) + day) * 2 + session
    block = np.searchsorted(key, (index_of(calendar.providers, worker) * len(days) +
                                  np.searchsorted(days, start.astype("datetime64[D]"))) * 2 + work_session)
    work_chair = index_of(ops.nums, np.concatenate([book.op[doctor], book.op[hygiene]]))
    block = np.concatenate([np.arange(len(nums)), block])
    chair = np.concatenate([home_chairs(ctx, calendar)[person], work_chair])
    pairs = np.unique(block * len(ops.nums) + chair)
    link_chairs(ctx, nums[pairs // len(ops.nums)], ops.nums[pairs % len(ops.nums)])


def home_chairs(ctx, calendar):
    """Each provider's own chair (index into the operatories) in the first clinic, as booking seats them."""
    ops = ctx.practice.operatories
    first_clinic = np.full(len(calendar.providers), ops.clinic[0])
    pool, chairs, op_table = operatory_pools(ctx, first_clinic, calendar.hygienist)
    return index_of(ops.nums, op_table[pool, calendar.chair % chairs[pool]])


def blockouts(ctx, days, book):
    """SchedType 2: chair time held back, in stretches of free chair time; over noon it is lunch."""
    rng = ctx.rng("schedule-blockout")
    ops = ctx.practice.operatories
    chair, day, free_from, free_to = free_time(ctx, days, book)
    long_enough = free_to - free_from >= SHORTEST_BLOCKOUT * MINUTE
    share = BLOCKOUTS_PER_CHAIR_DAY * len(ops.nums) * len(days) / max(long_enough.sum(), 1)
    chosen = long_enough & (rng.random(len(day)) < share)
    chair, day, free_from, free_to = chair[chosen], day[chosen], free_from[chosen], free_to[chosen]
    noon = stamp(day, 12 * HOUR).astype(np.int64)
    lunch = ((free_from <= noon) & (free_to >= noon + LUNCH_MINUTES[0] * MINUTE)
             & (rng.random(len(day)) < LUNCH_SHARE))
    minutes = np.where(lunch, rng.choice(LUNCH_MINUTES, len(day)), rng.choice(BLOCKOUT_MINUTES, len(day)))
    starts = np.where(lunch, noon, free_from)
    length = np.minimum(minutes * MINUTE, free_to - starts)
    # anywhere in the free stretch, on the five-minute grid
    slots = np.where(lunch, 0, (free_to - starts - length) // (5 * MINUTE))
    starts = starts + (rng.random(len(day)) * (slots + 1)).astype(np.int64) * 5 * MINUTE
    stops = starts + length
    midnight = stamp(day).astype(np.int64)
    kind = np.where(lunch, defnum(DefCat.BLOCKOUT_TYPES, "Lunch"), blockout_types(rng, ops.hygiene[chair]))
    nums = write_blocks(ctx, rng, {"SchedDate": day, "StartTime": clock_time(starts - midnight),
                                   "StopTime": clock_time(stops - midnight), "SchedType": ScheduleType.BLOCKOUT,
                                   "BlockoutType": kind,
                                   "ClinicNum": ops.clinic[chair]})
    link_chairs(ctx, nums, ops.nums[chair])


def blockout_types(rng, hygiene_chair):
    """BlockoutType by the kind of chair (generators/data/scheduling_blockouts.csv)."""
    kinds = np.zeros(len(hygiene_chair), dtype=np.int64)
    for hygiene, chairs in ((False, "doctor"), (True, "hygiene")):
        shares = [(defnum(DefCat.BLOCKOUT_TYPES, row["ItemName"]), float(row["weight"]))
                  for row in read_table("scheduling_blockouts") if row["chairs"] in (chairs, "any")]
        rows = hygiene_chair == hygiene
        kinds[rows] = weighted_choice(rng, shares, rows.sum())
    return kinds


def free_time(ctx, days, book):
    """Every stretch of time between the appointments on the book (not the unscheduled list's) in every chair
    on every open day: chair index, day, and from, to (epoch seconds)."""
    ops = ctx.practice.operatories
    on_book = (book.op != 0) & (book.status != AptStatus.UNSCHEDULED_LIST)
    marker_chair, marker_day = np.divmod(np.arange(len(ops.nums) * len(days)), len(days))
    opening, closing = stamp(days[marker_day], OPENS), stamp(days[marker_day], CLOSES)
    # the chair's opening and closing are zero-length appointments around its day
    chair = np.concatenate([index_of(ops.nums, book.op[on_book]), marker_chair, marker_chair])
    day = np.concatenate([book.date[on_book], days[marker_day], days[marker_day]])
    start = np.concatenate([book.start[on_book], opening, closing]).astype(np.int64)
    end = np.concatenate([book.start[on_book] + seconds(book.minutes[on_book] * MINUTE), opening, closing]
                         ).astype(np.int64)
    order = sorted_by(chair, day.astype(np.int64), start, end)
    chair, day, start, end = chair[order], day[order], start[order], end[order]
    same = (chair[1:] == chair[:-1]) & (day[1:] == day[:-1])
    return chair[:-1][same], day[:-1][same], end[:-1][same], start[1:][same]


def employee_schedules(ctx, days, book):
    """SchedType 3: every employee's shift on their weekly work days, and every day they assist at a chair."""
    rng = ctx.rng("schedule-employee")
    staff = ctx.practice.users.employees
    works = weekly_pattern(rng, days, rng.integers(*EMPLOYEE_DAYS_OFF, len(staff)))
    assisting = book.assistant != 0
    assistant = index_of(staff, book.assistant[assisting])
    works[assistant, np.searchsorted(days, book.date[assisting])] = True
    person, day = np.nonzero(works)
    shift = rng.integers(0, len(EMPLOYEE_SHIFTS), len(staff))
    shift[assistant] = CHAIR_SHIFT
    shift = shift[person]
    starts, stops = (np.array(EMPLOYEE_SHIFTS) * HOUR).astype(np.int64).T
    write_blocks(ctx, rng, {"SchedDate": days[day], "StartTime": clock_time(starts[shift]),
                            "StopTime": clock_time(stops[shift]), "SchedType": ScheduleType.EMPLOYEE,
                            "EmployeeNum": staff[person]})


# --- appointment history -----------------------------------------------------------------------------------

def appointment_history(ctx, book):
    rng = ctx.rng("histappointment")
    handed_over = {column: getattr(book, name) for name, column in HANDED_OVER.items()}
    # text in the appointment, varchar(255) in its history
    handed_over["ProcDescript"] = np.array([text[:255] for text in book.descript.tolist()], dtype=object)
    events = history_events(ctx, rng, book)
    n = len(events.apt)
    nums = np.empty(n, dtype=np.int64)
    nums[np.argsort(events.time, kind="stable")] = ctx.ids.take("histappointment", n)
    copied = {"DateTimeArrived": book.arrived, "DateTimeSeated": book.seated, "DateTimeDismissed": book.dismissed,
              **handed_over}
    ctx.out.stream("histappointment", batches(n, lambda part: history_rows(ctx, book, events, nums[part], part, copied)))


def history_events(ctx, rng, book):
    """Every event of every appointment, sorted by appointment then time: apt (row), kind, time, user; and
    per appointment its first chair, time and confirmation."""
    n = len(book.nums)
    status, start, booked = book.status, book.start, book.booked
    deadline = np.where(status == AptStatus.SCHEDULED, np.minimum(start, end_of_today(ctx)), start)
    gap = (deadline - booked).astype(np.int64)
    room = (status != AptStatus.PLANNED) & (gap >= ROOM_TO_CHANGE)
    moved = room & (rng.random(n) < MOVED_SHARE)
    not_called = defnum(DefCat.APPT_CONFIRMED, "Not Called")
    confirmed = room & (book.confirmed != not_called)
    move_at = booked + seconds(gap * rng.uniform(0.1, 0.5, n))
    # confirmed in the days before the visit, always after a move (which falls in the first half)
    confirm_at = np.maximum(deadline - seconds(rng.uniform(HOUR, 3 * DAY, n)),
                            booked + seconds(gap * rng.uniform(0.55, 0.75, n)))
    cancel_at = confirm_at + seconds((deadline - confirm_at).astype(np.int64) * rng.uniform(0.2, 0.8, n))
    outcome_at = np.where(status == AptStatus.COMPLETE, book.dismissed + seconds(rng.integers(1, 60, n) * MINUTE),
                          np.where(status == AptStatus.BROKEN, start + seconds(rng.integers(15, 120, n) * MINUTE),
                                   cancel_at))
    outcome = np.isin(status, list(OUTCOME_ACTION))
    apt = np.concatenate([np.arange(n), np.flatnonzero(moved), np.flatnonzero(confirmed), np.flatnonzero(outcome)])
    kind = np.repeat([CREATED, MOVED, CONFIRMED, OUTCOME], [n, moved.sum(), confirmed.sum(), outcome.sum()])
    time = np.concatenate([booked, move_at[moved], confirm_at[confirmed], outcome_at[outcome]])
    order = sorted_by(apt, kind)
    apt, kind, time = apt[order], kind[order], time[order]
    first_start, first_op = first_places(ctx, rng, book, moved)
    return SimpleNamespace(apt=apt, kind=kind, time=time, user=history_users(ctx, rng, book, apt, kind),
                           first_start=first_start, first_op=first_op,
                           first_confirmed=np.where(confirmed, not_called, book.confirmed))


def first_places(ctx, rng, book, moved):
    """Where a moved appointment was first booked: another chair of its kind, up to two hours off on the
    book's grid, in the same session that day."""
    pool, chairs, op_table = operatory_pools(ctx, book.clinic, book.is_hygiene)
    other_chair = op_table[pool, rng.integers(0, chairs[pool])]
    shifted = book.start + seconds(rng.integers(-4, 5, len(moved)) * 30 * MINUTE)
    afternoon = seconds_after_midnight(book.start) >= AFTERNOON[0] * MINUTE
    opens, closes = (np.where(afternoon, pm, am) * MINUTE for am, pm in zip(MORNING, AFTERNOON))
    latest = stamp(book.date, closes) - seconds(book.minutes * MINUTE)
    first_start = np.minimum(np.maximum(shifted, stamp(book.date, opens)), latest)
    return np.where(moved, first_start, book.start), np.where(moved, other_chair, book.op)


def history_users(ctx, rng, book, apt, kind):
    """HistUserNum: whoever booked it creates it, the provider sets it complete, the front desk does the rest."""
    users = ctx.practice.users
    front_desk = users.front_desk[rng.integers(0, len(users.front_desk), len(apt))]
    provider = np.where(book.is_hygiene, book.prov_hyg, book.prov)[apt]
    keys = np.array(list(users.by_provider), dtype=np.int64)
    provider_user = np.array(list(users.by_provider.values()), dtype=np.int64)[index_of(keys, provider)]
    completed = (kind == OUTCOME) & (book.status[apt] == AptStatus.COMPLETE)
    return np.where(kind == CREATED, book.entry_user[apt], np.where(completed, provider_user, front_desk))


def history_rows(ctx, book, events, nums, part, copied):
    """histappointment rows of a slice of the events: the appointment as it stood after each one. `copied`:
    further appointment columns, those in SET_AT_OUTCOME empty until the outcome."""
    apt, kind, time = events.apt[part], events.kind[part], events.time[part]
    status = book.status[apt]
    outcome = kind == OUTCOME
    action = np.zeros(max(AptStatus) + 1, dtype=np.int64)
    action[list(OUTCOME_ACTION)] = list(OUTCOME_ACTION.values())
    start = np.where(kind == CREATED, events.first_start[apt], book.start[apt])
    asked = book.asked_to_arrive[apt]
    return {
        "HistApptNum": nums, "HistUserNum": events.user[part], "HistDateTStamp": time,
        "HistApptAction": np.where(outcome, action[status],
                                   np.where(kind == CREATED, HistApptAction.CREATED, HistApptAction.CHANGED)),
        "ApptSource": (kind == CREATED) & book.web_sched[apt],  # bool here; OD's EServiceType 1 is Web Sched
        "AptNum": book.nums[apt], "PatNum": ctx.practice.patients.nums[book.patient[apt]],
        "AptStatus": np.where(outcome | (status == AptStatus.PLANNED), status, AptStatus.SCHEDULED),
        "AptDateTime": start,
        "DateTimeAskedToArrive": np.where(asked == NO_TIME, NO_TIME, start - (book.start[apt] - asked)),
        "Op": np.where(kind == CREATED, events.first_op[apt], book.op[apt]),
        "Confirmed": np.where(kind < CONFIRMED, events.first_confirmed[apt], book.confirmed[apt]),
        "ProvNum": book.prov[apt], "ProvHyg": book.prov_hyg[apt], "ClinicNum": book.clinic[apt],
        "IsNewPatient": book.is_new_patient[apt], "IsHygiene": book.is_hygiene[apt],
        "AppointmentTypeNum": book.type_num[apt], "SecDateTEntry": book.booked[apt], "DateTStamp": time,
        "IsMirrored": False,
        **{column: np.where(outcome, values[apt], NO_TIME if values.dtype.kind == "M" else 0)
           if column in SET_AT_OUTCOME else values[apt] for column, values in copied.items()},
    }


# --- appointment views -------------------------------------------------------------------------------------

def appointment_views(ctx):
    """The views of the appointment book per clinic (chairs, providers, what each appointment shows and the
    display settings of scheduling_appt_views.csv), and each user's current view: providers their own kind of
    chairs, everyone else all of them. WaitingRmName true: the waiting room lists first names and last initials."""
    ops, providers, users = ctx.practice.operatories, ctx.practice.providers, ctx.practice.users
    clinics = ctx.practice.clinics
    views = read_table("scheduling_appt_views")
    nums = ctx.ids.take("apptview", len(clinics) * len(views)).reshape(len(clinics), len(views))
    items = {"ApptViewNum": [], "OpNum": [], "ProvNum": [], "ElementDesc": [], "ElementOrder": []}
    for c, clinic in enumerate(clinics.tolist()):
        for v, view in enumerate(views):
            hygiene = {"all": None, "doctor": False, "hygiene": True}[view["chairs"]]
            chairs = ops.nums[(ops.clinic == clinic) & ((ops.hygiene == hygiene) if hygiene is not None else True)]
            staff = {None: np.concatenate([providers.dentists, providers.hygienists]), False: providers.dentists,
                     True: providers.hygienists}[hygiene]
            rows = len(chairs) + len(staff) + len(VIEW_ELEMENTS)
            items["ApptViewNum"] += [nums[c, v]] * rows
            items["OpNum"] += chairs.tolist() + [0] * (len(staff) + len(VIEW_ELEMENTS))
            items["ProvNum"] += [0] * len(chairs) + staff.tolist() + [0] * len(VIEW_ELEMENTS)
            items["ElementDesc"] += [""] * (len(chairs) + len(staff)) + list(VIEW_ELEMENTS)
            items["ElementOrder"] += [0] * (len(chairs) + len(staff)) + list(range(len(VIEW_ELEMENTS)))
    setting = lambda column: np.tile([int(view[column]) for view in views], len(clinics))  # noqa: E731
    ctx.out.copy("apptview", {
        "ApptViewNum": nums.ravel(), "ItemOrder": np.arange(nums.size),
        "Description": [(view["Description"] if clinic == 0 else f'{view["Description"]} - {c + 1}') + ctx.office_label
                        for c, clinic in enumerate(clinics.tolist()) for view in views],
        "RowsPerIncr": True, "ClinicNum": np.repeat(clinics, len(views)), "ApptTimeScrollStart": clock_time(OPENS),
        **{column: setting(column) for column in ("StackBehavUR", "StackBehavLR", "WidthOpMinimum")},
        **{column: setting(column).astype(bool) for column in ("OnlyScheduledProvs", "OnlyScheduledProvDays",
                                                               "IsScrollStartDynamic", "IsApptBubblesDisabled",
                                                               "WaitingRmName")},
    })
    n_items = len(items["ApptViewNum"])
    ctx.out.copy("apptviewitem", {"ApptViewItemNum": ctx.ids.take("apptviewitem", n_items),
                                  **{name: np.array(values) for name, values in items.items()},
                                  "ElementColor": -16777216, "IsMobile": False})
    own_view = {**{users.by_provider[p]: 1 for p in providers.dentists.tolist()},
                **{users.by_provider[p]: 2 for p in providers.hygienists.tolist()}}
    clinic = np.arange(len(users.nums)) % len(clinics)
    view = np.array([own_view.get(u, 0) for u in users.nums.tolist()])
    ctx.out.copy("userodapptview", {
        "UserodApptViewNum": ctx.ids.take("userodapptview", len(users.nums)), "UserNum": users.nums,
        "ClinicNum": clinics[clinic], "ApptViewNum": nums[clinic, view]})
