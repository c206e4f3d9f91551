"""Supporting: the staff's tasks.

  tasklist, task   the office's to-do folders and the follow-ups worked in them: claims without an answer after
                   a month and denied claims (Insurance Follow-up), families more than 90 days past due
                   (Billing), overdue hygiene recalls (Recall), lab cases to check before a crown is seated
                   (Lab Cases, on the appointment); the daily checklist, a repeating list whose repeating tasks
                   OpenDental copies into a dated list every business day (FromNum: what the copy came from)
  taskhist ...     a snapshot of the task each time someone viewed it, added a note or finished it; the notes;
                   who subscribes to which list (and dentists to single denied-claim tasks); unread marks
"""
import numpy as np

from core.arrays import concat_rows, take_rows
from opendental.codes import AptStatus, TaskObjectType, TaskReminderType, TaskStatus
from opendental.definitions import DefCat, defnums

from ..clinical.chart import sliced
from ..clinical.recall import overdue_hygiene_recalls, recall_names
from ..context import RunContext
from ..data import read_table
from ..financial.aging import COLLECTIONS_CENTS
from ..formatting import appointment_time, dollars, mdy, text
from ..handover import DailyChecklists, TaskLists
from ..parameters import parameter
from ..rows import appointment_rows, pick, rows_of
from ..timeline import MINUTE, NO_DATE, NO_TIME, at_hours, business_days, end_of_today, stamp

NORMAL, HIGH = defnums(DefCat.TASK_PRIORITIES, "Normal", "High")
PATIENT, APPOINTMENT = TaskObjectType.PATIENT, TaskObjectType.APPOINTMENT
NEW, VIEWED, DONE = TaskStatus.NEW, TaskStatus.VIEWED, TaskStatus.DONE
INSURANCE_LIST, BILLING_LIST, RECALL_LIST, LAB_LIST = 47, 48, 49, 51
SLOW_CLAIM_TASK_SHARE = parameter("supporting.tasks.slow_claim_task_share")
RECALL_TASK_SHARE = parameter("supporting.tasks.recall_task_share")
RECALL_CALLED_SHARE = parameter("supporting.tasks.recall_called_share")
SUBSCRIBERS_PER_ROLE = 3
VIEWED_SHARE = parameter("supporting.tasks.viewed_share")
NOTE_SHARE = parameter("supporting.tasks.note_share")
LAB_CODES = ("D2740", "D2750", "D2790", "D6058", "D6065", "D6750")
CLAIM_NOTES = ("Spoke with rep - claim in process", "Resubmitted with x-rays", "Rep says payment issued, check mailed",
               "Claim was missing tooth number - corrected and resent")
DENIAL_NOTES = ("Appeal sent with narrative", "Called carrier - reprocessing", "Wrote off per carrier contract",
                "Billed patient for denied portion")
BALANCE_NOTES = ("Left VM for guarantor", "Guarantor promised payment by end of month",
                 "Set up payment by card on file")
RECALL_NOTES = ("Left VM to schedule", "Pt will call back", "Sent Web Sched link", "Pt moved out of area")
LAB_NOTES = ("Lab case received, checked in", "Lab says case ships tomorrow", "Shade verified with lab")
# The daily checklist's repeating tasks: (description, hours between which the day's copy is done, instructions)
DAILY_CHECKLIST = (("Morning huddle: review today's schedule, unconfirmed patients and balances due", 8, 9,
                    "Print the huddle report from Reports > Daily; flag pts with balances over $100"),
                   ("End of day: balance the day sheet and prepare the bank deposit", 17, 18,
                    "Run the daily payments report; deposit slips are in the top drawer of the front desk"))
CHECKLIST_NOTES = ("Done", "Done - 2 unconfirmed pts called", "Deposit taken to bank", "Day sheet balanced")
AFTER_DONE_NOTE_SHARE = parameter("supporting.tasks.after_done_note_share")
AFTER_DONE_NOTES = ("Follow-up: payment posted to account", "Added copy of EOB to chart",
                    "Pt called back - no further action needed")
FOLLOWED_SHARE = parameter("supporting.tasks.followed_share")
DAY = np.timedelta64(1, "D")


def task_lists(ctx: RunContext) -> TaskLists:
    """The folders (generators/data/office_task_lists.csv: a retired one archived, the daily checklist a
    repeating list of DateType Day), set up with the practice (DateTL, which OpenDental ignores on undated lists,
    is that day), and the copy of the checklist OpenDental makes for each business day (FromNum: the repeating
    list). Returns the roles whose users work each list (the file's subscribers), and the daily checklists."""
    rows = read_table("office_task_lists")
    nums = np.array([int(row["TaskListNum"]) for row in rows], dtype=np.int64)
    repeating = np.array([row["IsRepeating"] == "1" for row in rows])
    folders = rows_of(len(rows), TaskListNum=nums, Descript=np.array([row["Descript"] for row in rows]),
                      Parent=np.array([int(row["Parent"]) for row in rows]), DateTL=ctx.practice.setup_day,
                      IsRepeating=repeating, DateType=repeating, FromNum=0,
                      ObjectType=np.array([int(row["ObjectType"]) for row in rows]),
                      TaskListStatus=np.array([int(row["TaskListStatus"]) for row in rows]),
                      DateTimeEntry=stamp(ctx.practice.setup_day, 9 * 3600))
    checklist = daily_checklists(ctx, nums[repeating][0], nums.max() + 1)
    copies = rows_of(len(checklist.nums), TaskListNum=checklist.nums, Descript=folders["Descript"][repeating][0],
                     Parent=0, DateTL=checklist.days, IsRepeating=False, DateType=True, FromNum=checklist.template,
                     ObjectType=TaskObjectType.NONE, TaskListStatus=0, DateTimeEntry=checklist.opened)
    ctx.out.copy("tasklist", {**concat_rows([folders, copies]), "GlobalTaskFilterType": False})
    teams = {int(row["TaskListNum"]): tuple(row["subscribers"].split()) for row in rows if row["subscribers"]}
    return TaskLists(teams=teams, checklist=checklist)


def daily_checklists(ctx: RunContext, template: int, first_num: int) -> DailyChecklists:
    """A copy of the repeating checklist for every business day, made when the front desk opens that day's tab
    in the morning: the repeating list's TaskListNum, the days, the copies' TaskListNums and creation times."""
    rng = ctx.rng("tasklist-daily")
    days = business_days(ctx.practice.setup_day, ctx.today)
    return DailyChecklists(template=template, days=days, nums=ctx.ids.take("tasklist", len(days), start=first_num),
                           opened=at_hours(rng, days, 7, 8))


def subscribers(ctx: RunContext, teams: dict) -> dict:
    """The office's own subscribers of each list: the first few users of each role that works it, as
    {TaskListNum: UserNums}."""
    users = ctx.practice.users
    role_users = {"front_desk": users.front_desk, "billing": users.billing, "admin": np.array([users.admin]),
                  "dentists": np.array([users.by_provider[p] for p in ctx.practice.providers.dentists.tolist()])}
    return {num: np.unique(np.concatenate([role_users[role][:SUBSCRIBERS_PER_ROLE] for role in roles]))
            for num, roles in teams.items()}


def _task(rng, task_list, key, object_type, created, due, finished, descript, priority, notes, team=None, source=0,
          follower=0):
    """Task rows: `finished` NaT while open, `due` NO_DATE for undated tasks, the note the worker would add drawn
    from `notes`; `team` the list whose subscribers work it (its own list by default), `source` the repeating
    task it copies (FromNum), `follower` a user who subscribes to it."""
    return rows_of(len(key), list=task_list, key=key, object_type=object_type, created=created, due=due,
                   finished=finished, descript=descript, priority=priority, note=pick(rng, notes, len(key)),
                   team=task_list if team is None else team, source=source, follower=follower, repeating=False)


def tasks(ctx: RunContext, subscribers: dict, checklist: DailyChecklists) -> None:
    """Every follow-up (each kind drawing from its own stream), numbered in the order it was entered, with its
    history, notes, subscriptions and unread marks; before them the checklist's repeating tasks."""
    rng = ctx.rng("task")
    templates = repeating_tasks(ctx, checklist)
    rows = concat_rows([claim_tasks(ctx), denial_tasks(ctx), balance_tasks(ctx), recall_tasks(ctx), lab_tasks(ctx),
                        checklist_tasks(ctx, checklist, templates)])
    keep = (rows["created"] >= stamp(ctx.start)) & (rows["created"] <= end_of_today(ctx))
    rows = take_rows(rows, np.flatnonzero(keep))
    rows = take_rows(rows, np.argsort(rows["created"], kind="stable"))
    n = len(rows["key"])
    rows["num"] = ctx.ids.take("task", n)
    rows["creator"] = _member_of(rng, subscribers, rows["team"])
    rows["worker"] = _member_of(rng, subscribers, rows["team"])
    life = _task_life(ctx, rng, rows)
    write_task_rows(ctx, rows, life)
    write_task_history(ctx, rows, life)
    write_task_notes(ctx, rows, life)
    write_subscriptions(ctx, subscribers, rows)
    write_unread(ctx, rows, life, subscribers)


def repeating_tasks(ctx, checklist):
    """The checklist's repeating tasks (IsRepeating, DateType Day, no date), entered by the office manager when
    the practice was set up, who adds the instructions as a note three weeks later (taskhist keeps the task as it
    was). They stay new: OpenDental works their daily copies. Returns their TaskNums."""
    n, admin = len(DAILY_CHECKLIST), ctx.practice.users.admin
    created = stamp(ctx.practice.setup_day, 9 * 3600 + 60 * np.arange(1, n + 1))
    noted = np.minimum(created + 21 * DAY, end_of_today(ctx))
    rows = rows_of(n, num=ctx.ids.take("task", n), list=checklist.template, key=0, object_type=0, created=created,
                   due=NO_DATE, descript=np.array([task[0] for task in DAILY_CHECKLIST]), priority=NORMAL,
                   creator=admin, source=0, repeating=True)
    index = np.arange(n)
    ctx.out.copy("task", {"TaskNum": rows["num"], **_task_columns(rows, index, NEW, noted),
                          "DateTimeFinished": NO_TIME})
    ctx.out.copy("taskhist", {"TaskHistNum": ctx.ids.take("taskhist", n), "TaskNum": rows["num"],
                              **_task_columns(rows, index, NEW, created), "DateTStamp": noted, "UserNumHist": admin,
                              "IsNoteChange": True, "DateTimeFinished": NO_TIME})
    ctx.out.copy("tasknote", {"TaskNoteNum": ctx.ids.take("tasknote", n), "TaskNum": rows["num"], "UserNum": admin,
                              "DateTimeNote": noted, "Note": [task[3] for task in DAILY_CHECKLIST]})
    return rows["num"]


def checklist_tasks(ctx, checklist, templates):
    """Each day's copies of the repeating tasks (FromNum), in that day's checklist, done that day."""
    rng = ctx.rng("task-daily-checklist")
    k, days = len(DAILY_CHECKLIST), len(checklist.days)
    which = np.tile(np.arange(k), days)
    first, last = (np.array(column)[which] for column in list(zip(*DAILY_CHECKLIST))[1:3])
    day = np.repeat(checklist.days, k)
    created = np.repeat(checklist.opened, k)
    finished = np.maximum(stamp(day, rng.integers(first * 3600, last * 3600)), created + 5 * MINUTE)
    return _task(rng, np.repeat(checklist.nums, k), np.zeros(k * days, dtype=np.int64), 0, created, day, finished,
                 np.array([task[0] for task in DAILY_CHECKLIST])[which], NORMAL, CHECKLIST_NOTES,
                 team=checklist.template, source=templates[which])


def _member_of(rng, subscribers, task_list):
    """A subscriber of each row's list."""
    user = np.zeros(len(task_list), dtype=np.int64)
    for num, members in subscribers.items():
        rows = task_list == num
        user[rows] = pick(rng, members, rows.sum())
    return user


def _task_life(ctx, rng, rows):
    """When each task was viewed, noted and finished, each change after the one before (OpenDental snapshots the
    task at each: taskhist); its status now (done, viewed or new); and the note some workers add to a task after
    finishing it (within a week)."""
    n = len(rows["key"])
    created, finished = rows["created"], rows["finished"]
    done = ~np.isnat(finished)
    end = np.where(done, finished, end_of_today(ctx))
    span = (end - created).astype(np.int64)
    viewed = done | ((span > 86400) & (rng.random(n) < VIEWED_SHARE))
    before_done = MINUTE * done  # each change a minute or more after the one before it (done tasks take 5+)
    viewed_at = _office_hours_between(rng, created + MINUTE, np.minimum(
        created + (span * 0.3).astype("timedelta64[s]"), end - 2 * before_done))
    noted = viewed & (rng.random(n) < NOTE_SHARE)
    noted_at = _office_hours_between(rng, viewed_at + MINUTE, end - before_done)
    status = np.where(done, DONE, np.where(viewed, VIEWED, NEW))
    later = ctx.rng("task-after-done")
    after_done_at = _office_hours_between(later, end + MINUTE, np.minimum(end + 7 * DAY, end_of_today(ctx)))
    after_done = (done & (later.random(n) < AFTER_DONE_NOTE_SHARE) & (after_done_at > end)
                  & (after_done_at <= end_of_today(ctx)))
    edited = np.select([after_done, done, noted, viewed], [after_done_at, finished, noted_at, viewed_at], created)
    return dict(status=status, viewed=viewed, viewed_at=viewed_at, noted=noted, noted_at=noted_at, edited=edited,
                done=done, after_done=after_done, after_done_at=after_done_at,
                after_done_note=pick(later, AFTER_DONE_NOTES, n))


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
    repeating = rows["repeating"][index]
    return {
        "TaskListNum": rows["list"][index], "DateTask": due, "KeyNum": rows["key"][index],
        "Descript": rows["descript"][index], "TaskStatus": status, "IsRepeating": repeating,
        "DateType": (due != NO_DATE) | repeating, "FromNum": rows["source"][index],
        "ObjectType": rows["object_type"][index], "DateTimeEntry": rows["created"][index],
        "UserNum": rows["creator"][index], "PriorityDefNum": rows["priority"][index],
        "ReminderGroupId": np.where(lab, text("LAB", rows["num"][index]), ""),
        "ReminderType": np.where(lab, TaskReminderType.ONCE, TaskReminderType.NO_REMINDER),
        "ReminderFrequency": lab.astype(int),
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
    """OpenDental keeps the task as it was before each change: viewed (was new), a note added, finished, a note
    added after it was done (was done: DateTimeFinished set)."""
    viewed, noted, done, after_done = (np.flatnonzero(life[name]) for name in ("viewed", "noted", "done",
                                                                               "after_done"))
    before_finish = np.where(life["noted"], life["noted_at"], life["viewed_at"])
    changes = [(viewed, NEW, rows["created"], life["viewed_at"], False),
               (noted, VIEWED, life["viewed_at"], life["noted_at"], True),
               (done, VIEWED, before_finish, rows["finished"], False),
               (after_done, DONE, rows["finished"], life["after_done_at"], True)]
    parts = []
    for index, status, edited, changed, note in changes:
        parts.append({"TaskNum": rows["num"][index], **_task_columns(rows, index, status, edited[index]),
                      "DateTStamp": changed[index], "UserNumHist": rows["worker"][index], "IsNoteChange": note,
                      "DateTimeFinished": rows["finished"][index] if status == DONE else np.full(len(index), NO_TIME)})
    history = concat_rows([{k: np.broadcast_to(v, len(part["TaskNum"])) for k, v in part.items()} for part in parts])
    n = len(history["TaskNum"])
    ctx.out.copy("taskhist", sliced({"TaskHistNum": ctx.ids.take("taskhist", n), **history}))


def write_task_notes(ctx, rows, life):
    """The worker's note while working the task, and the one added after finishing it."""
    noted, after_done = np.flatnonzero(life["noted"]), np.flatnonzero(life["after_done"])
    task = np.r_[noted, after_done]
    ctx.out.copy("tasknote", {
        "TaskNoteNum": ctx.ids.take("tasknote", len(task)), "TaskNum": rows["num"][task],
        "UserNum": rows["worker"][task],
        "DateTimeNote": np.r_[life["noted_at"][noted], life["after_done_at"][after_done]],
        "Note": np.r_[rows["note"][noted], life["after_done_note"][after_done]],
    })


def write_subscriptions(ctx, subscribers, rows):
    """Users subscribe to the lists they work (TaskListNum) and some follow a single task (TaskNum): the treating
    dentist follows half the denied-claim tasks, whose appeal needs their narrative."""
    rng = ctx.rng("tasksubscription")
    pairs = [(num, user) for num, members in subscribers.items() for user in members.tolist()]
    followed = np.flatnonzero((rows["follower"] > 0) & (rng.random(len(rows["key"])) < FOLLOWED_SHARE))
    lists = np.array([p[0] for p in pairs], dtype=np.int64)
    n = len(pairs) + len(followed)
    ctx.out.copy("tasksubscription", {
        "TaskSubscriptionNum": ctx.ids.take("tasksubscription", n),
        "TaskListNum": np.r_[lists, np.zeros(len(followed), dtype=np.int64)],
        "TaskNum": np.r_[np.zeros(len(pairs), dtype=np.int64), rows["num"][followed]],
        "UserNum": np.r_[np.array([p[1] for p in pairs], dtype=np.int64), rows["follower"][followed]],
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
    pt = ctx.practice.patients
    return _task(rng, INSURANCE_LIST, pt.nums[denied.patient], PATIENT, created, denied.received + 7,
                 np.where(finished <= end_of_today(ctx), finished, np.datetime64("NaT")),
                 text("Denied: ", denied.carrier, " claim DOS ", mdy(denied.service), " - ", denied.reason), HIGH,
                 DENIAL_NOTES, follower=_users_of(ctx, pt.pri_prov[denied.patient]))


def _users_of(ctx, providers):
    """The UserNum of each provider (0 if the provider has no login)."""
    by_provider = ctx.practice.users.by_provider
    provs = np.array(sorted(by_provider), dtype=np.int64)
    users = np.array([by_provider[p] for p in provs.tolist()], dtype=np.int64)
    at = np.minimum(np.searchsorted(provs, providers), len(provs) - 1)
    return np.where(provs[at] == providers, users[at], 0)


def balance_tasks(ctx):
    """Families more than 90 days past due: open tasks to call the guarantor or send the account to collections."""
    rng = ctx.rng("task-balances")
    fam, aging = ctx.practice.families, ctx.practice.financial.aging
    family = np.flatnonzero((aging["buckets"][3] >= COLLECTIONS_CENTS) & (aging["total"] > 0)
                            & (ctx.practice.financial.collections.sent_day == NO_DATE))
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
    called = (finished <= end_of_today(ctx)) & (rng.random(n) < RECALL_CALLED_SHARE)
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
    row = appointment_rows(ctx.practice.clinical.appointments, apt_nums)
    booked = np.isin(ap.status[row], (AptStatus.SCHEDULED, AptStatus.COMPLETE))
    row, proc = row[booked], lab_work[first][booked]
    n = len(row)
    finished = _between(at_hours(rng, ap.date[row] - rng.integers(1, 3, n), 9, 17), ap.booked[row] + 5 * MINUTE,
                        ap.start[row] - 5 * MINUTE)
    tooth = pr.tooth[proc]
    what = text(codes.abbr[pr.code[proc]], np.where(tooth != "", text(" #", tooth), ""))
    return _task(rng, LAB_LIST, ap.nums[row], APPOINTMENT, ap.booked[row], ap.date[row] - 2,
                 np.where(finished <= end_of_today(ctx), finished, np.datetime64("NaT")),
                 text("Confirm lab case is back: ", what, " - seat appt ", appointment_time(ap.start[row])), NORMAL,
                 LAB_NOTES)
