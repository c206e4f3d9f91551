"""Supporting: office. The staff's own tools and records.

  tasklist, task   the office's to-do folders and the follow-ups worked in them: claims without an answer after
                   a month and denied claims (Insurance Follow-up), families more than 90 days past due
                   (Billing), overdue hygiene recalls (Recall), lab cases to check before a crown is seated
                   (Lab Cases, on the appointment)
  taskhist ...     a snapshot of the task each time someone viewed it, added a note or finished it; the notes;
                   who subscribes to which list; unread marks of new tasks
  program          bridged programs and their settings (Podium sends the review invitations logged in commlog)
  userodpref       the image categories each user keeps expanded
  timeadjust       holidays, PTO, sick days and CE training on the employees' time cards, automatic overtime
  entrylog         who booked each appointment of the window, and when
  clinic           a practice without clinics (ClinicNum 0 everywhere) still describes its location in one row

etl_load_status and etl_transform_status stay empty: the analytics' run hooks fill them.
"""
import numpy as np

from core.arrays import concat_rows, take_rows

from ..clinical.chart import sliced
from ..data import read_table
from ..timeline import NO_DATE, NO_TIME, business_days, stamp
from .communication import (COLLECTIONS_CENTS, MINUTE, appointment_rows, appointment_time, at_hours, dollars,
                            mdy, now, overdue_hygiene_recalls, padded, pick, recall_names, rows_of,
                            text)

FOREIGN_KEYS = [
    ("tasklist", "Parent", "tasklist", None, False),
    ("tasklist", "FromNum", "userod", None, False),
    ("task", "TaskListNum", "tasklist", None, True),
    ("task", "UserNum", "userod", None, True),
    ("task", "PriorityDefNum", "definition", 33, True),
    ("taskhist", "TaskNum", "task", None, True),
    ("taskhist", "TaskListNum", "tasklist", None, True),
    ("taskhist", "UserNum", "userod", None, True),
    ("taskhist", "UserNumHist", "userod", None, True),
    ("taskhist", "PriorityDefNum", "definition", 33, True),
    ("tasknote", "TaskNum", "task", None, True),
    ("tasknote", "UserNum", "userod", None, True),
    ("tasksubscription", "UserNum", "userod", None, True),
    ("tasksubscription", "TaskListNum", "tasklist", None, True),
    ("taskunread", "TaskNum", "task", None, True),
    ("taskunread", "UserNum", "userod", None, True),
    ("programproperty", "ProgramNum", "program", None, True),
    ("userodpref", "UserNum", "userod", None, True),
    ("userodpref", "Fkey", "definition", 18, True),
    ("timeadjust", "EmployeeNum", "employee", None, True),
    ("timeadjust", "PtoDefNum", "definition", 50, False),
    ("timeadjust", "SecuUserNumEntry", "userod", None, False),
    ("entrylog", "UserNum", "userod", None, True),
    ("entrylog", "FKey", "appointment", None, True),
    ("clinic", "Region", "definition", 39, False),
]

NORMAL, HIGH = 263, 290  # task priorities (definition category 33)
PATIENT, APPOINTMENT = 1, 2  # task.ObjectType
NEW, VIEWED, DONE = 0, 1, 2  # task.TaskStatus
REMIND_ONCE = 1  # task.ReminderType
INSURANCE_LIST, BILLING_LIST, RECALL_LIST, LAB_LIST = 47, 48, 49, 51
SLOW_CLAIM_TASK_SHARE = 0.5
RECALL_TASK_SHARE = 0.15
RECALL_CALLED_SHARE = 0.9
SUBSCRIBERS_PER_ROLE = 3
VIEWED_SHARE = 0.6  # of open tasks older than a day
NOTE_SHARE = 0.6
LAB_CODES = ("D2740", "D2750", "D2790", "D6058", "D6065", "D6750")
CLAIM_NOTES = ("Spoke with rep - claim in process", "Resubmitted with x-rays", "Rep says payment issued, check mailed",
               "Claim was missing tooth number - corrected and resent")
DENIAL_NOTES = ("Appeal sent with narrative", "Called carrier - reprocessing", "Wrote off per carrier contract",
                "Billed patient for denied portion")
BALANCE_NOTES = ("Left VM for guarantor", "Guarantor promised payment by end of month",
                 "Set up payment by card on file")
RECALL_NOTES = ("Left VM to schedule", "Pt will call back", "Sent Web Sched link", "Pt moved out of area")
LAB_NOTES = ("Lab case received, checked in", "Lab says case ships tomorrow", "Shade verified with lab")

IMAGE_CATEGORIES = ("Xrays", "Photos", "Patient Forms", "Insurance Cards")
FIXED_HOLIDAYS = (("New Year's Day", 1, 1), ("Independence Day", 7, 4), ("Christmas", 12, 25))
WEEKDAY_HOLIDAYS = (("Memorial Day", 5, -1, "Mon"), ("Labor Day", 9, 1, "Mon"), ("Thanksgiving", 11, 4, "Thu"))
LEAVE_DAYS_PER_YEAR = (("PTO", 8), ("Sick", 3), ("Training", 1))  # timeadjust kinds (definition category 50)
OVERTIME_WEEK_SHARE = 0.1


def generate(ctx):
    subscribers = task_lists(ctx)
    tasks(ctx, subscribers)
    programs(ctx, ctx.rng("program"))
    user_preferences(ctx, ctx.rng("userodpref"))
    time_adjustments(ctx, ctx.rng("timeadjust"))
    entry_log(ctx)
    if not ctx.config.clinics:
        practice_clinic(ctx)


# --- tasks -------------------------------------------------------------------------------------------------

def task_lists(ctx):
    """The folders (generators/data/office_task_lists.csv), set up with the practice (DateTL, which OpenDental
    ignores on undated lists, is that day), and their subscribers (a few users of each role named in the file:
    the team that works the list), as {TaskListNum: UserNums}."""
    users = ctx.practice.users
    role_users = {"front_desk": users.front_desk, "billing": users.billing, "admin": np.array([users.admin]),
                  "dentists": np.array([users.by_provider[p] for p in ctx.practice.providers.dentists.tolist()])}
    rows = read_table("office_task_lists")
    nums = np.array([int(row["TaskListNum"]) for row in rows], dtype=np.int64)
    ctx.out.copy("tasklist", {
        "TaskListNum": nums, "Descript": [row["Descript"] for row in rows],
        "Parent": np.array([int(row["Parent"]) for row in rows]), "DateTL": ctx.practice.setup_day,
        "IsRepeating": False, "DateType": False, "FromNum": users.admin, "ObjectType": 0, "TaskListStatus": 0,
        "DateTimeEntry": stamp(ctx.practice.setup_day, 9 * 3600), "GlobalTaskFilterType": False,
    })
    subscribers = {int(row["TaskListNum"]): np.unique(np.concatenate([role_users[role][:SUBSCRIBERS_PER_ROLE] for role
                                                                      in row["subscribers"].split()])) for row in rows}
    pairs = [(num, user) for num, members in subscribers.items() for user in members.tolist()]
    ctx.out.copy("tasksubscription", {
        "TaskSubscriptionNum": ctx.ids.take("tasksubscription", len(pairs)),
        "TaskListNum": np.array([p[0] for p in pairs], dtype=np.int64),
        "UserNum": np.array([p[1] for p in pairs], dtype=np.int64), "TaskNum": 0,
    })
    return subscribers


def _task(rng, task_list, key, object_type, created, due, finished, descript, priority, notes):
    """Task rows: `finished` NaT while open, `due` NO_DATE for undated tasks, the note the worker would add drawn
    from `notes`."""
    return rows_of(len(key), list=task_list, key=key, object_type=object_type, created=created, due=due,
                   finished=finished, descript=descript, priority=priority, note=pick(rng, notes, len(key)))


def tasks(ctx, subscribers):
    """Every follow-up (each kind drawing from its own stream), numbered in the order it was entered, with its
    history, notes and unread marks."""
    rng = ctx.rng("task")
    rows = concat_rows([claim_tasks(ctx), denial_tasks(ctx), balance_tasks(ctx), recall_tasks(ctx), lab_tasks(ctx)])
    keep = (rows["created"] >= stamp(ctx.start)) & (rows["created"] <= now(ctx))
    rows = take_rows(rows, np.flatnonzero(keep))
    rows = take_rows(rows, np.argsort(rows["created"], kind="stable"))
    n = len(rows["key"])
    rows["num"] = ctx.ids.take("task", n)
    rows["creator"] = _member_of(rng, subscribers, rows["list"])
    rows["worker"] = _member_of(rng, subscribers, rows["list"])
    life = _task_life(ctx, rng, rows)
    write_task_rows(ctx, rows, life)
    write_task_history(ctx, rows, life)
    write_task_notes(ctx, rows, life)
    write_unread(ctx, rows, life, subscribers)


def _member_of(rng, subscribers, task_list):
    """A subscriber of each row's list."""
    user = np.zeros(len(task_list), dtype=np.int64)
    for num, members in subscribers.items():
        rows = task_list == num
        user[rows] = pick(rng, members, rows.sum())
    return user


def _task_life(ctx, rng, rows):
    """When each task was viewed, noted and finished; its status now (done, viewed or new)."""
    n = len(rows["key"])
    created, finished = rows["created"], rows["finished"]
    done = ~np.isnat(finished)
    end = np.where(done, finished, now(ctx))
    span = (end - created).astype(np.int64)
    viewed = done | ((span > 86400) & (rng.random(n) < VIEWED_SHARE))
    viewed_at = _office_hours_between(rng, created, created + (span * 0.3).astype("timedelta64[s]"))
    noted = viewed & (rng.random(n) < NOTE_SHARE)
    noted_at = _office_hours_between(rng, viewed_at, end)
    status = np.where(done, DONE, np.where(viewed, VIEWED, NEW))
    edited = np.select([done, noted, viewed], [finished, noted_at, viewed_at], created)
    return dict(status=status, viewed=viewed, viewed_at=viewed_at, noted=noted, noted_at=noted_at, edited=edited,
                done=done)


def _office_hours_between(rng, after, before):
    """A moment between two timestamps, during office hours where the span allows."""
    first, last = after.astype("datetime64[D]"), before.astype("datetime64[D]")
    day = first + (rng.random(len(after)) * ((last - first).astype(int) + 1)).astype(int)
    return _between(at_hours(rng, day, 8, 17), after, before)


def _between(moment, after, before):
    """The moment, kept inside [after, before]."""
    return np.clip(moment, after, np.maximum(before, after))


def _task_columns(rows, index, status, edited):
    """The columns task and taskhist share, for the given tasks in the given state."""
    due = rows["due"][index]
    lab = rows["list"][index] == LAB_LIST
    return {
        "TaskListNum": rows["list"][index], "DateTask": due, "KeyNum": rows["key"][index],
        "Descript": rows["descript"][index], "TaskStatus": status, "IsRepeating": False, "DateType": due != NO_DATE,
        "FromNum": 0, "ObjectType": rows["object_type"][index], "DateTimeEntry": rows["created"][index],
        "UserNum": rows["creator"][index], "PriorityDefNum": rows["priority"][index],
        "ReminderGroupId": np.where(lab, text("LAB", rows["num"][index]), ""),
        "ReminderType": np.where(lab, REMIND_ONCE, 0), "ReminderFrequency": lab.astype(int),
        "DateTimeOriginal": rows["created"][index], "SecDateTEdit": edited, "DescriptOverride": "",
        "IsReadOnly": False, "Category": 0,
    }


def write_task_rows(ctx, rows, life):
    index = np.arange(len(rows["key"]))
    ctx.out.copy("task", sliced({
        "TaskNum": rows["num"], **_task_columns(rows, index, life["status"], life["edited"]),
        "DateTimeFinished": np.where(life["done"], rows["finished"], NO_TIME),
    }))


def write_task_history(ctx, rows, life):
    """OpenDental keeps the task as it was before each change: viewed (was new), a note added, finished."""
    viewed, noted, done = (np.flatnonzero(life[name]) for name in ("viewed", "noted", "done"))
    before_finish = np.where(life["noted"], life["noted_at"], life["viewed_at"])
    changes = [(viewed, NEW, rows["created"], life["viewed_at"], False),
               (noted, VIEWED, life["viewed_at"], life["noted_at"], True),
               (done, VIEWED, before_finish, rows["finished"], False)]
    parts = []
    for index, status, edited, changed, note in changes:
        parts.append({"TaskNum": rows["num"][index], **_task_columns(rows, index, status, edited[index]),
                      "DateTStamp": changed[index], "UserNumHist": rows["worker"][index], "IsNoteChange": note,
                      "DateTimeFinished": np.full(len(index), NO_TIME)})
    history = concat_rows([{k: np.broadcast_to(v, len(part["TaskNum"])) for k, v in part.items()} for part in parts])
    n = len(history["TaskNum"])
    ctx.out.copy("taskhist", sliced({"TaskHistNum": ctx.ids.take("taskhist", n), **history}))


def write_task_notes(ctx, rows, life):
    noted = np.flatnonzero(life["noted"])
    ctx.out.copy("tasknote", {
        "TaskNoteNum": ctx.ids.take("tasknote", len(noted)), "TaskNum": rows["num"][noted],
        "UserNum": rows["worker"][noted], "DateTimeNote": life["noted_at"][noted],
        "Note": rows["note"][noted],
    })


def write_unread(ctx, rows, life, subscribers):
    """New tasks are unread by every subscriber of their list except the one who entered them."""
    fresh = np.flatnonzero(life["status"] == NEW)
    parts = []
    for num, members in subscribers.items():
        in_list = fresh[rows["list"][fresh] == num]
        task, user = np.repeat(in_list, len(members)), np.tile(members, len(in_list))
        unread = user != rows["creator"][task]
        parts.append((rows["num"][task[unread]], user[unread]))
    task_num, user = (np.concatenate(column) for column in zip(*parts))
    ctx.out.copy("taskunread", {"TaskUnreadNum": ctx.ids.take("taskunread", len(task_num)), "TaskNum": task_num,
                                "UserNum": user})


def claim_tasks(ctx):
    """Half the claims without an answer after a month become a task, done when the EOB arrives."""
    rng = ctx.rng("task-slow-claims")
    slow = ctx.practice.communication.slow_claims
    picked = np.flatnonzero(rng.random(len(slow.patient)) < SLOW_CLAIM_TASK_SHARE)
    n = len(picked)
    created = at_hours(rng, slow.called[picked] - rng.integers(0, 3, n), 8, 10)
    answered = slow.answered[picked]
    finished = np.where(answered != NO_DATE, at_hours(rng, answered, 9, 17), np.datetime64("NaT"))
    return _task(rng, INSURANCE_LIST, ctx.practice.patients.nums[slow.patient[picked]], PATIENT, created,
                 slow.called[picked], finished, text("Follow up on ", slow.carrier[picked], " claim DOS ",
                                                     mdy(slow.service[picked]), " - no response after 30 days"),
                 NORMAL, CLAIM_NOTES)


def denial_tasks(ctx):
    """A denied claim is a high-priority task the day the EOB arrives, worked within three weeks."""
    rng = ctx.rng("task-denied-claims")
    denied = ctx.practice.communication.denied_claims
    n = len(denied.patient)
    created = at_hours(rng, denied.received, 9, 17)
    finished = at_hours(rng, denied.received + rng.integers(3, 21, n), 9, 17)
    return _task(rng, INSURANCE_LIST, ctx.practice.patients.nums[denied.patient], PATIENT, created, denied.received + 7,
                 np.where(finished <= now(ctx), finished, np.datetime64("NaT")),
                 text("Denied: ", denied.carrier, " claim DOS ", mdy(denied.service), " - ", denied.reason), HIGH,
                 DENIAL_NOTES)


def balance_tasks(ctx):
    """Families more than 90 days past due: open tasks to call the guarantor or send the account to collections."""
    rng = ctx.rng("task-balances")
    fam, aging = ctx.practice.families, ctx.practice.financial.aging
    family = np.flatnonzero((aging["buckets"][3] >= COLLECTIONS_CENTS) & (aging["total"] > 0))
    n = len(family)
    return _task(rng, BILLING_LIST, fam.guarantor[family], PATIENT,
                 at_hours(rng, ctx.today - rng.integers(0, 30, n), 8, 17), NO_DATE,
                 np.full(n, np.datetime64("NaT"), dtype="datetime64[s]"),
                 text("Past due ", dollars(aging["buckets"][3][family]),
                      " over 90 days - call guarantor, review for collections"), HIGH, BALANCE_NOTES)


def recall_tasks(ctx):
    """Some overdue hygiene recalls get a call task a month or two after DateDue."""
    rng = ctx.rng("task-recalls")
    rc = ctx.practice.clinical.recalls
    names = recall_names(ctx)
    recall = overdue_hygiene_recalls(ctx)
    recall = recall[rng.random(len(recall)) < RECALL_TASK_SHARE]
    n = len(recall)
    created = at_hours(rng, rc.due[recall] + rng.integers(30, 60, n), 8, 17)
    finished = at_hours(rng, created.astype("datetime64[D]") + rng.integers(1, 10, n), 8, 17)
    called = (finished <= now(ctx)) & (rng.random(n) < RECALL_CALLED_SHARE)
    finished = np.where(called, finished, np.datetime64("NaT"))
    return _task(rng, RECALL_LIST, ctx.practice.patients.nums[rc.patient[recall]], PATIENT, created, NO_DATE, finished,
                 text("Call to schedule overdue ", names[recall], " (due ", mdy(rc.due[recall]), ")"), NORMAL,
                 RECALL_NOTES)


def lab_tasks(ctx):
    """Before a crown, bridge or implant crown is seated the front desk checks the lab case is back (a task on the
    appointment, entered when it was booked, done a day or two before)."""
    rng = ctx.rng("task-lab-cases")
    pr, ap, codes = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.codes
    lab_work = np.flatnonzero(np.isin(pr.code, [codes.index[c] for c in LAB_CODES]) & (pr.apt_num > 0))
    apt_nums, first = np.unique(pr.apt_num[lab_work], return_index=True)
    row = appointment_rows(ctx, apt_nums)
    booked = np.isin(ap.status[row], (1, 2))
    row, proc = row[booked], lab_work[first][booked]
    n = len(row)
    finished = _between(at_hours(rng, ap.date[row] - rng.integers(1, 3, n), 9, 17), ap.booked[row] + 5 * MINUTE,
                        ap.start[row] - 5 * MINUTE)
    tooth = pr.tooth[proc]
    what = text(codes.abbr[pr.code[proc]], np.where(tooth != "", text(" #", tooth), ""))
    return _task(rng, LAB_LIST, ap.nums[row], APPOINTMENT, ap.booked[row], ap.date[row] - 2,
                 np.where(finished <= now(ctx), finished, np.datetime64("NaT")),
                 text("Confirm lab case is back: ", what, " - seat appt ", appointment_time(ap.start[row])), NORMAL,
                 LAB_NOTES)


# --- programs, preferences, time cards, entry log, clinic -------------------------------------------------

def programs(ctx, rng):
    """Bridged programs (generators/data/office_programs.csv) and their properties; stored secrets are
    encrypted strings, never real values."""
    rows = read_table("office_programs")
    ctx.out.copy("program", {
        "ProgramNum": np.array([int(r["ProgramNum"]) for r in rows], dtype=np.int64),
        "ProgName": [r["ProgName"] for r in rows], "ProgDesc": [r["ProgDesc"] for r in rows],
        "Enabled": np.array([r["Enabled"] == "1" for r in rows]), "Path": [r["Path"] for r in rows],
        "CommandLine": "", "Note": [r["Note"] for r in rows], "PluginDllName": "", "ButtonImage": "",
        "FileTemplate": "", "FilePath": "", "IsDisabledByHq": False, "CustErr": "",
    })
    props = read_table("office_program_properties")
    n = len(props)
    masked = np.array([p["IsMasked"] == "1" for p in props])
    encrypted = np.array(["".join(f"{b:02x}" for b in rng.integers(0, 256, 16).tolist()) for _ in range(n)])
    ctx.out.copy("programproperty", {
        "ProgramPropertyNum": ctx.ids.take("programproperty", n),
        "ProgramNum": np.array([int(p["ProgramNum"]) for p in props], dtype=np.int64),
        "PropertyDesc": [p["PropertyDesc"] for p in props],
        "PropertyValue": np.where(masked, encrypted, [p["PropertyValue"] for p in props]),
        "ComputerName": "", "ClinicNum": 0, "IsMasked": masked,
        "IsHighSecurity": np.array([p["IsHighSecurity"] == "1" for p in props]),
    })


def user_preferences(ctx, rng):
    """Every user keeps a few image categories expanded in the Imaging module (FkeyType 0: a definition)."""
    users = ctx.practice.users.nums
    categories = np.array([ctx.practice.defs.named(18, name) for name in IMAGE_CATEGORIES])
    expanded = rng.random((len(users), len(categories))) < 0.6
    expanded[:, 0] = True
    user, category = np.nonzero(expanded)
    ctx.out.copy("userodpref", {
        "UserOdPrefNum": ctx.ids.take("userodpref", len(user)), "UserNum": users[user], "Fkey": categories[category],
        "FkeyType": 0, "ValueString": "1", "ClinicNum": 0,
    })


def _holidays(ctx):
    """(day, name) of the office's paid holidays in the window: fixed dates (moved to Friday or Monday when they
    fall on a weekend) and the nth (-1: last) weekday of a month."""
    months = np.arange(ctx.start.astype("datetime64[Y]"), ctx.today.astype("datetime64[Y]") + 1).astype("datetime64[M]")
    days, names = [], []
    for name, month, day in FIXED_HOLIDAYS:
        date = (months + month - 1).astype("datetime64[D]") + day - 1
        weekday = (date.astype(np.int64) + 3) % 7  # Monday 0 (1970-01-01 was a Thursday)
        days.append(date - (weekday == 5) + (weekday == 6))
        names += [name] * len(date)
    for name, month, nth, weekday in WEEKDAY_HOLIDAYS:
        first = (months + month - 1).astype("datetime64[D]")
        after_month = (months + month).astype("datetime64[D]")
        days.append(np.busday_offset(first, nth - 1, roll="forward", weekmask=weekday) if nth > 0 else
                    np.busday_offset(after_month, nth, roll="forward", weekmask=weekday))
        names += [name] * len(first)
    days = np.concatenate(days)
    kept = (days >= ctx.start) & (days <= ctx.today)
    return days[kept], np.array(names)[kept]


def time_adjustments(ctx, rng):
    """Time-card adjustments of every employee: paid holidays, PTO, sick and CE training days (PtoHours with the
    definition category 50 type), and the weekly overtime OpenDental computes itself (IsAuto)."""
    employees = ctx.practice.users.employees
    defs = ctx.practice.defs
    holidays, holiday_names = _holidays(ctx)
    work_days = business_days(ctx.start, ctx.today)
    years = len(work_days) / 260
    parts = [rows_of(len(holidays) * len(employees), employee=np.repeat(employees, len(holidays)),
                     day=np.tile(holidays, len(employees)), kind=defs.named(50, "Holiday"), hours=8,
                     note=text("Holiday - ", np.tile(holiday_names, len(employees))))]
    for name, per_year in LEAVE_DAYS_PER_YEAR:
        n = rng.poisson(per_year * years, len(employees))
        parts.append(rows_of(n.sum(), employee=np.repeat(employees, n), day=pick(rng, work_days, n.sum()),
                             kind=defs.named(50, name), hours=np.where(rng.random(n.sum()) < 0.2, 4, 8),
                             note="CE course" if name == "Training" else name))
    leave = concat_rows(parts)
    fridays = work_days[np.is_busday(work_days, weekmask="0000100")]
    overtime = rng.random((len(employees), len(fridays))) < OVERTIME_WEEK_SHARE
    who, week = np.nonzero(overtime)
    minutes = rng.integers(1, 13, len(who)) * 15
    n_leave, n_auto = len(leave["employee"]), len(who)
    ctx.out.copy("timeadjust", {
        "TimeAdjustNum": ctx.ids.take("timeadjust", n_leave + n_auto),
        "EmployeeNum": np.concatenate([leave["employee"], employees[who]]),
        "TimeEntry": np.concatenate([stamp(leave["day"], 8 * 3600), stamp(fridays[week], 17 * 3600)]),
        "RegHours": "00:00:00",
        "OTimeHours": np.concatenate([np.full(n_leave, "00:00:00"), _duration(minutes)]),
        "PtoHours": np.concatenate([_duration(leave["hours"] * 60), np.full(n_auto, "00:00:00")]),
        "PtoDefNum": np.concatenate([leave["kind"], np.zeros(n_auto, dtype=np.int64)]),
        "Note": np.concatenate([leave["note"], np.full(n_auto, "Auto OT - weekly hours over 40")]),
        "IsAuto": np.concatenate([np.zeros(n_leave, bool), np.ones(n_auto, bool)]),
        "ClinicNum": 0, "IsUnpaidProtectedLeave": False,
        "SecuUserNumEntry": np.concatenate([np.full(n_leave, ctx.practice.users.admin), np.zeros(n_auto, np.int64)]),
    })


def _duration(minutes):
    """'HH:MM:00' of durations in minutes (timeadjust's time columns)."""
    hours, minute = np.divmod(np.asarray(minutes), 60)
    return text(padded(hours, 2), ":", padded(minute, 2), ":00")


def entry_log(ctx):
    """OpenDental's entry log of appointments (FKeyType 0): who booked each appointment of the window, when. The
    appointment's SecUserNumEntry is read back from its row (the clinical phase does not hand it over)."""
    ap = ctx.practice.clinical.appointments
    booked = np.flatnonzero((ap.booked >= stamp(ctx.start)) & (ap.status != 6))
    user = ap.entry_user[booked]
    ctx.out.copy("entrylog", sliced({
        "EntryLogNum": ctx.ids.take("entrylog", len(booked)), "UserNum": user.astype(np.int64), "FKeyType": False,
        "FKey": ap.nums[booked], "LogSource": 0, "EntryDateTime": ap.booked[booked],
    }))


def practice_clinic(ctx):
    """The single location as clinic 1; nothing references it (ClinicNum stays 0 everywhere)."""
    dentist = ctx.practice.providers.dentists[0]
    ctx.out.copy("clinic", {
        "ClinicNum": np.array([ctx.ids.take("clinic", 1)[0]]), "Description": "Beaverton Family Dental",
        "Address": "4855 SW Watson Ave", "Address2": "Suite 200", "City": "Beaverton", "State": "OR", "Zip": "97005",
        "Phone": "(503)555-0100", "Fax": "(503)555-0101", "BankNumber": "", "DefaultPlaceService": False,
        "InsBillingProv": dentist, "DefaultProv": dentist, "EmailAddressNum": 0,
        "SmsContractDate": stamp(ctx.practice.setup_day, 10 * 3600), "SmsMonthlyLimit": 0.0, "IsMedicalOnly": False,
        "BillingAddress": "", "PayToAddress": "", "UseBillAddrOnClaims": False,
        "Region": ctx.practice.defs.named(39, "Main Office"), "ItemOrder": 1, "IsInsVerifyExcluded": False,
        "Abbr": "BFD", "IsConfirmEnabled": True, "IsConfirmDefault": True, "IsNewPatApptExcluded": False,
        "IsHidden": False, "ExternalID": 0, "HasProcOnRx": False, "TimeZone": "America/Los_Angeles",
    })
