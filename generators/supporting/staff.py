"""Supporting: staff. The staff's own tools and records.

  task...          the task lists and the tasks the staff work in them (tasks.py)
  program          bridged programs and their settings (Podium sends the review invitations logged in commlog),
                   with a workstation's own path to DEXIS (ComputerName)
  userodpref       the image categories each user keeps expanded; the Account module's procedure breakdown
  timeadjust       holidays, PTO, sick days and CE training on the employees' time cards, automatic overtime,
                   missed clock-ins added back, unpaid protected leave
  entrylog         who booked each appointment of the window, when, and whether through Web Sched
  clinic           a practice without clinics (ClinicNum 0 everywhere) still describes its location in one row

etl_load_status and etl_transform_status stay empty: the analytics' run hooks fill them.
"""
import numpy as np

from core.arrays import concat_rows, rank_in_group
from opendental.codes import AptStatus, LogSource, UserOdFkeyType
from opendental.definitions import DefCat, defnum, defnums

from ..clinical.chart import sliced
from ..context import RunContext
from ..data import read_table
from ..formatting import padded, text
from ..handover import TaskLists
from ..parameters import parameter
from ..rows import pick, rows_of
from ..timeline import business_days, stamp, us_holidays
from .tasks import subscribers, task_lists, tasks

IMAGE_CATEGORIES = ("Xrays", "Photos", "Patient Forms", "Insurance Cards")
LEAVE_DAYS_PER_YEAR = (("PTO", 8), ("Sick", 3), ("Training", 1))  # timeadjust kinds (definition category 50)
OVERTIME_WEEK_SHARE = parameter("supporting.staff.overtime_week_share")
CLOCK_IN_CORRECTIONS_PER_YEAR = parameter("supporting.staff.clock_in_corrections_per_year")
CORRECTION_NOTES = ("Forgot to clock in", "Forgot to clock back in from lunch", "Clock-in missed - system down",
                    "Worked through lunch (approved)")
PROTECTED_LEAVES_PER_EMPLOYEE_YEAR = parameter("supporting.staff.protected_leaves_per_employee_year")
PROTECTED_LEAVE_NOTE = "Unpaid protected leave - Oregon Paid Leave / FMLA"
WEB_SCHED_NEW_PATIENT = 9                      # appointment type "WebSched New Patient Default"


def practice(ctx: RunContext) -> TaskLists:
    """The task lists and the bridged programs."""
    lists = task_lists(ctx)
    programs(ctx, ctx.rng("program"))
    return lists


def office(ctx: RunContext, lists: TaskLists) -> None:
    """The office's tasks, its users' preferences, its employees' time cards and its entry log; without clinics,
    the first office enters the practice's location."""
    if not ctx.config.clinics and ctx.office == 0:
        practice_clinic(ctx)
    tasks(ctx, subscribers(ctx, lists.teams), lists.checklist)
    user_preferences(ctx, ctx.rng("userodpref"))
    time_adjustments(ctx, ctx.rng("timeadjust"))
    entry_log(ctx)


def programs(ctx: RunContext, rng: np.random.Generator) -> None:
    """Bridged programs (generators/data/office_programs.csv) and their properties (a blank PropertyDesc with a
    ComputerName: that workstation's own path to the program); stored secrets are encrypted strings, never real
    values."""
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
        "ComputerName": [p["ComputerName"] for p in props], "ClinicNum": 0, "IsMasked": masked,
        "IsHighSecurity": np.array([p["IsHighSecurity"] == "1" for p in props]),
    })


def user_preferences(ctx, rng):
    """Every user keeps a few image categories expanded in the Imaging module (FkeyType 0, Fkey the definition);
    the front desk and billing office keep the Account module's procedure breakdown shown (FkeyType 3)."""
    users = ctx.practice.users
    categories = np.array(defnums(DefCat.IMAGE_CATS, *IMAGE_CATEGORIES))
    expanded = rng.random((len(users.nums), len(categories))) < 0.6
    expanded[:, 0] = True
    user, category = np.nonzero(expanded)
    account = np.unique(np.r_[users.front_desk, users.billing])
    n = len(user) + len(account)
    ctx.out.copy("userodpref", {
        "UserOdPrefNum": ctx.ids.take("userodpref", n), "UserNum": np.r_[users.nums[user], account],
        "Fkey": np.r_[categories[category], np.zeros(len(account), dtype=np.int64)],
        "FkeyType": np.r_[np.full(len(user), UserOdFkeyType.DEFINITION),
                           np.full(len(account), UserOdFkeyType.ACCT_PROC_BREAKDOWN)],
        "ValueString": "1", "ClinicNum": 0,
    })


def time_adjustments(ctx, rng):
    """Time-card adjustments of every employee: paid holidays, PTO, sick and CE training days (PtoHours with the
    definition category 50 type), the weekly overtime OpenDental computes itself (IsAuto), missed clock-ins the
    office manager adds back (RegHours) and unpaid protected leave."""
    employees, admin = ctx.practice.users.employees, ctx.practice.users.admin
    holidays, holiday_names = us_holidays(ctx.start, ctx.today)
    work_days = business_days(ctx.start, ctx.today)
    years = len(work_days) / 260
    parts = [_adjustments(np.repeat(employees, len(holidays)), stamp(np.tile(holidays, len(employees)), 8 * 3600),
                          text("Holiday - ", np.tile(holiday_names, len(employees))), admin, pto=8 * 60,
                          kind=defnum(DefCat.TIME_CARD_ADJ_TYPES, "Holiday"))]
    for name, per_year in LEAVE_DAYS_PER_YEAR:
        n = rng.poisson(per_year * years, len(employees))
        parts.append(_adjustments(np.repeat(employees, n), stamp(pick(rng, work_days, n.sum()), 8 * 3600),
                                  "CE course" if name == "Training" else name, admin,
                                  pto=np.where(rng.random(n.sum()) < 0.2, 4, 8) * 60,
                                  kind=defnum(DefCat.TIME_CARD_ADJ_TYPES, name)))
    fridays = work_days[np.is_busday(work_days, weekmask="0000100")]
    overtime = rng.random((len(employees), len(fridays))) < OVERTIME_WEEK_SHARE
    who, week = np.nonzero(overtime)
    parts.append(_adjustments(employees[who], stamp(fridays[week], 17 * 3600), "Auto OT - weekly hours over 40", 0,
                              overtime=rng.integers(1, 13, len(who)) * 15, auto=True))
    parts.append(clock_in_corrections(ctx, employees, work_days, years))
    parts.append(protected_leave(ctx, employees, work_days, years))
    adjustments = concat_rows(parts)
    ctx.out.copy("timeadjust", {
        "TimeAdjustNum": ctx.ids.take("timeadjust", len(adjustments["employee"])),
        "EmployeeNum": adjustments["employee"], "TimeEntry": adjustments["entry"],
        "RegHours": _duration(adjustments["regular"]), "OTimeHours": _duration(adjustments["overtime"]),
        "PtoHours": _duration(adjustments["pto"]), "PtoDefNum": adjustments["kind"], "Note": adjustments["note"],
        "IsAuto": adjustments["auto"], "ClinicNum": 0, "IsUnpaidProtectedLeave": adjustments["protected"],
        "SecuUserNumEntry": adjustments["entered_by"],
    })


def _adjustments(employee, entry, note, entered_by, regular=0, overtime=0, pto=0, kind=0, auto=False,
                 protected=False):
    """Time-card adjustment rows; hours in minutes."""
    return rows_of(len(employee), employee=employee, entry=entry, note=np.asarray(note, dtype=object),
                   entered_by=entered_by, regular=regular, overtime=overtime, pto=pto, kind=kind, auto=auto,
                   protected=protected)


def clock_in_corrections(ctx, employees, work_days, years):
    """A few times a year an employee forgets to clock in and the office manager adds the time as regular hours."""
    rng = ctx.rng("timeadjust-corrections")
    n = rng.poisson(CLOCK_IN_CORRECTIONS_PER_YEAR * years, len(employees))
    total = n.sum()
    return _adjustments(np.repeat(employees, n), stamp(pick(rng, work_days, total), 17 * 3600 + 1800),
                        pick(rng, CORRECTION_NOTES, total), ctx.practice.users.admin,
                        regular=rng.integers(1, 9, total) * 15)


def protected_leave(ctx, employees, work_days, years):
    """Stretches of two to six weeks of unpaid protected leave (Oregon Paid Leave, FMLA): sick-type days flagged
    IsUnpaidProtectedLeave; at least one stretch in any run."""
    rng = ctx.rng("timeadjust-protected-leave")
    k = max(1, round(PROTECTED_LEAVES_PER_EMPLOYEE_YEAR * len(employees) * years))
    who = pick(rng, employees, k)
    start = rng.integers(0, max(len(work_days) - 10, 1), k)
    stretch = np.repeat(np.arange(k), rng.integers(10, 31, k))
    position = np.minimum(start[stretch] + rank_in_group(stretch), len(work_days) - 1)
    first = np.r_[True, (position[1:] != position[:-1]) | (stretch[1:] != stretch[:-1])]
    stretch, position = stretch[first], position[first]
    return _adjustments(who[stretch], stamp(work_days[position], 8 * 3600), PROTECTED_LEAVE_NOTE,
                        ctx.practice.users.admin, pto=8 * 60, kind=defnum(DefCat.TIME_CARD_ADJ_TYPES, "Sick"),
                        protected=True)


def _duration(minutes):
    """'HH:MM:00' of durations in minutes (timeadjust's time columns)."""
    hours, minute = np.divmod(np.asarray(minutes), 60)
    return text(padded(hours, 2), ":", padded(minute, 2), ":00")


def entry_log(ctx):
    """OpenDental's entry log of appointments (FKeyType 0): who booked each appointment of the window, when, and
    where from (LogSource: Web Sched for the online new-patient booking's appointment type, else OpenDental)."""
    ap = ctx.practice.clinical.appointments
    booked = np.flatnonzero((ap.booked >= stamp(ctx.start)) & (ap.status != AptStatus.PLANNED))
    user = ap.entry_user[booked]
    ctx.out.copy("entrylog", sliced({
        "EntryLogNum": ctx.ids.take("entrylog", len(booked)), "UserNum": user.astype(np.int64), "FKeyType": False,
        "FKey": ap.nums[booked], "EntryDateTime": ap.booked[booked],
        "LogSource": np.where(ap.type_num[booked] == WEB_SCHED_NEW_PATIENT, LogSource.WEB_SCHED, LogSource.NONE),
    }))


def practice_clinic(ctx: RunContext) -> None:
    """The single location as clinic 1, billed under the first office's first dentist; nothing references it
    (ClinicNum stays 0 everywhere). Insurance checks go
    to a PO box (the pay-to address); claims carry the street address; the office attaches procedures to
    prescriptions (rxpat.IsProcRequired) and has a monthly limit on its Integrated Texting."""
    dentist = ctx.practice.providers.dentists[0]
    ctx.out.copy("clinic", {
        "ClinicNum": np.array([ctx.ids.take("clinic", 1)[0]]), "Description": "Beaverton Family Dental",
        "Address": "4855 SW Watson Ave", "Address2": "Suite 200", "City": "Beaverton", "State": "OR", "Zip": "97005",
        "Phone": "(503)555-0100", "Fax": "(503)555-0101", "BankNumber": "1234567890",
        "DefaultPlaceService": False,
        "InsBillingProv": dentist, "DefaultProv": dentist, "EmailAddressNum": 0,
        "SmsContractDate": stamp(ctx.practice.setup_day, 10 * 3600), "SmsMonthlyLimit": 100.0, "IsMedicalOnly": False,
        "BillingAddress": "", "UseBillAddrOnClaims": False,
        "PayToAddress": "PO Box 5120", "PayToCity": "Beaverton", "PayToState": "OR", "PayToZip": "97075",
        "Region": defnum(DefCat.REGION_TYPES, "Main Office"), "ItemOrder": 1, "IsInsVerifyExcluded": False,
        "Abbr": "BFD", "IsConfirmEnabled": True, "IsConfirmDefault": True, "IsNewPatApptExcluded": False,
        "IsHidden": False, "ExternalID": 0, "HasProcOnRx": True, "TimeZone": "America/Los_Angeles",
        "SchedNote": "Confirm appointments two business days ahead",
    })
