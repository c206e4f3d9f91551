"""Phase 1, foundation: the practice itself. Clinics, definitions, providers, operatories, staff and users,
the CDT code catalog, fee schedules and fees.

The practice step returns a handover.FoundationReference (setup_day, defs, clinics, fee_scheds, codes, user
groups, login names); the office step adds the office's providers, operatories and users to ctx.practice
(handover.Providers, Operatories, Users).
"""
from types import SimpleNamespace

import numpy as np

from opendental.codes import Permission
from opendental.definitions import DefCat, defnum, defnums
from opendental.definitions import rows as numbered_definitions

from .context import RunContext
from .data import read_table
from .handover import (Definitions, FeeSchedules, FoundationReference, Operatories, Practice, ProcedureCodes,
                       Providers, Users)
from .parameters import parameters
from .timeline import NO_DATE, NO_TIME, day, day_in_window, open_day_offset, stamp

TITLE = "Foundation: clinics, definitions, providers, operatories, users, procedure codes, fees"
STAFF_ROLES = ("Front Desk", "Front Desk", "Office Manager", "Billing", "Dental Assistant", "Dental Assistant",
               "Dental Assistant", "Treatment Coordinator", "Insurance Coordinator")
# Procedures done over several appointments (prep then seat; access then obturation...).
MULTI_VISIT_CODES = {"D2740", "D2750", "D2790", "D3310", "D3320", "D3330", "D6010", "D6058", "D6065", "D5110",
                     "D5120"}
FORMER_STAFF_ROLES = ("Dental Assistant", "Front Desk")
ROLE_GROUPS = {"admin": "Admin", "dentist": "Doctors", "hygienist": "Hygienists", "Front Desk": "Front Desk",
               "Office Manager": "Office Manager", "Billing": "Billing", "Dental Assistant": "Assistants",
               "Treatment Coordinator": "Treatment Coordinators", "Insurance Coordinator": "Billing"}
USER_GROUPS = ("Admin", "Doctors", "Hygienists", "Assistants", "Front Desk", "Billing", "Office Manager",
               "Treatment Coordinators", "Read Only")
# Shared task lists (generators/data/office_task_lists.csv) that are one user's inbox: list -> login role.
INBOXES = {"Front Desk": "Front Desk", "Billing": "Billing", "Insurance Follow-up": "Insurance Coordinator",
           "Doctor": "dentist"}
PROVIDER_SCHED_NOTES = {"dentist": "Crown preps and root canals in the morning; emergencies at 11:00 and 3:00",
                        "hygienist": "SRP needs 90 minutes; perio maintenance 60"}
WEB_SCHED_BIOS = {
    "dentist": "Dr. {last} has cared for Beaverton families since {year} and keeps every visit calm and unhurried.",
    "hygienist": "{first} is a registered dental hygienist who loves helping patients keep their smiles healthy."}
FULL_TIME_DAYS = 4 * 48  # four days a week, less holidays and vacations
DENTIST_VISITS_A_DAY, HYGIENE_VISITS_A_DAY = parameters("foundation.dentist_visits_a_day",
                                                      "foundation.hygiene_visits_a_day")
OUTLINE_GRAY = -8355712  # OpenDental's default appointment outline color
# The first office's Admin login (logins number it first), who set the practice up and entered its fees,
# fee schedules and carriers.
SETUP_USER = 1
RAISE_HOUR = 10  # the fee schedule tool is run mid-morning
RAISE_LOW, RAISE_HIGH = parameters("foundation.fees.raise_low", "foundation.fees.raise_high")


def practice(ctx: RunContext) -> FoundationReference:
    """Definitions, clinics, fee schedules, user groups, the code catalog and its fees: entered once, with the
    practice on the first day it is open."""
    setup_day = min(open_day_offset(ctx.start, 0), ctx.today)
    defs = definitions(ctx)
    clinic_nums = clinics(ctx)
    codes = procedure_codes(ctx, setup_day)
    fee_scheds = fee_schedules(ctx, setup_day, codes)
    fees(ctx, setup_day, codes, fee_scheds, clinic_nums)
    return FoundationReference(setup_day=setup_day, defs=defs, clinics=clinic_nums, fee_scheds=fee_scheds,
                               codes=codes, user_groups=user_groups(ctx))


def share(p: Practice, reference: FoundationReference) -> None:
    """What every context of the practice (its own and each office's) holds of the foundation."""
    p.setup_day, p.defs, p.clinics = reference.setup_day, reference.defs, reference.clinics
    p.fee_scheds, p.codes = reference.fee_scheds, reference.codes


def office(ctx: RunContext, reference: FoundationReference) -> None:
    """The office's providers, chairs, employees and logins."""
    p = ctx.practice
    share(p, reference)
    p.providers = providers(ctx)
    p.operatories = operatories(ctx)
    retired_operatory(ctx)
    p.users = logins(ctx, employees(ctx), reference)


def definitions(ctx: RunContext) -> Definitions:
    """The definition table: every DefNum the analytics compare literally, plus the rest of a real pick-list,
    numbered as opendental.definitions resolves them."""
    rows = read_table("definitions")
    nums = np.array([num for num, _, _, _ in numbered_definitions()], dtype=np.int64)
    ctx.out.copy("definition", {
        "DefNum": nums,
        "Category": np.array([int(r["Category"]) for r in rows]),
        "ItemOrder": np.array([int(r["ItemOrder"]) for r in rows]),
        "ItemName": [r["ItemName"] for r in rows],
        "ItemValue": [r["ItemValue"] for r in rows],
        "ItemColor": np.array([int(r["ItemColor"] or 0) for r in rows]),
        "IsHidden": np.array([r["IsHidden"] == "1" for r in rows]),
    })
    return Definitions(names={num: row["ItemName"] for num, row in zip(nums.tolist(), rows)},
                       values={num: row["ItemValue"] for num, row in zip(nums.tolist(), rows)})


def clinics(ctx: RunContext) -> np.ndarray:
    """--clinics N locations; by default none, and ClinicNum 0 everywhere (a single-location practice)."""
    n = ctx.config.clinics
    if not n:
        return np.zeros(1, dtype=np.int64)
    rng = ctx.rng("clinic")
    nums = ctx.ids.take("clinic", n)
    zips = read_table("zipcodes")
    picked = [zips[i] for i in rng.choice(len(zips), n, replace=False)]
    ctx.out.copy("clinic", {
        "ClinicNum": nums,
        "Description": [f"{z['City']} Family Dental" for z in picked],
        "Abbr": [z["City"][:4].upper() + str(i + 1) for i, z in enumerate(picked)],
        "Address": list(ctx.random.pools.pick(rng, ctx.random.pools.street, n)),
        "City": [z["City"] for z in picked], "State": [z["State"] for z in picked],
        "Zip": [z["ZipCodeDigits"] for z in picked],
        "Phone": [f"(503)555-01{10 + i:02d}" for i in range(n)],
        "ItemOrder": np.arange(1, n + 1), "DefaultPlaceService": 0, "TimeZone": "America/Los_Angeles",
    })
    return nums


def fee_schedules(ctx: RunContext, setup_day: np.datetime64, codes: ProcedureCodes) -> FeeSchedules:
    """The schedules of generators/data/foundation_fee_schedules.csv (numbered like the production practice's):
    the office's UCR fees, the PPO tiers plans price at, an out-of-network allowed schedule (FeeSchedType 2),
    the hidden schedule of a PPO network the office left (at the middle raise of its years), and the discount schedules the front desk charges
    seniors, cash-paying families and professional courtesy from. PPO fees are a share of UCR, rounded to whole
    dollars the way carriers publish them; a discount schedule is its round percentage off UCR, to the cent.
    Every January the practice raises its fees (fee_raises); the schedules follow the UCR."""
    rows = read_table("foundation_fee_schedules")
    nums = np.array([int(r["FeeSchedNum"]) for r in rows], dtype=np.int64)
    use = np.array([r["use"] for r in rows])
    hidden = np.array([r["IsHidden"] == "1" for r in rows])
    raised, rates = fee_raises(ctx)
    left_network = raised[len(raised) // 2] if len(raised) else setup_day
    edited = np.where(hidden, left_network, setup_day)
    ctx.out.copy("feesched", {
        "FeeSchedNum": nums, "Description": [r["Description"] for r in rows],
        "FeeSchedType": np.array([int(r["FeeSchedType"]) for r in rows]), "ItemOrder": np.arange(len(rows)),
        "IsHidden": hidden, "IsGlobal": True, "SecUserNumEntry": SETUP_USER, "SecDateEntry": setup_day,
        "SecDateTEdit": stamp(edited, 9 * 3600),
    })
    share = np.array([float(r["share"]) for r in rows])
    applied = np.where(hidden, np.searchsorted(raised, edited), len(raised))  # hidden: no raise from that day on
    by_period = schedule_fees(raised_ucr(codes.ucr_cents, rates), share, use, applied)
    return FeeSchedules(nums=nums, ucr=nums[use == "ucr"][0], ppo=nums[use == "ppo"], share=share, use=use,
                        cents=by_period[-1], raised=raised, raise_rates=rates, raises_applied=applied,
                        by_period=by_period)


def schedule_fees(ucr: np.ndarray, share: np.ndarray, use: np.ndarray, applied: np.ndarray) -> np.ndarray:
    """Every schedule's fees (int64 [period, schedule, code]) from the UCR fees of each period: its share of them,
    to the whole dollar (to the cent for a discount schedule); a schedule keeps those of the last raise it took."""
    periods, schedules = np.arange(len(ucr)), np.arange(len(share))
    shared = ucr[:, None, :] * share[None, :, None]
    fees = np.where(np.char.endswith(use, "discount")[None, :, None], np.rint(shared), np.rint(shared / 100) * 100)
    fees[:, 0] = ucr
    return fees.astype(np.int64)[np.minimum(periods[:, None], applied[None, :]), schedules]


def fee_raises(ctx: RunContext) -> tuple[np.ndarray, np.ndarray]:
    """The days the practice raised its fees, the first day it is open each January from the year after ctx.start
    to today, and each raise (a fraction, in half-percent steps between the parameters' bounds)."""
    years = np.arange(ctx.start.astype("datetime64[Y]") + 1, ctx.today.astype("datetime64[Y]") + 1)
    raised = open_day_offset(years.astype("datetime64[D]"), 0, roll="forward")
    raised = raised[raised <= ctx.today]
    steps = ctx.rng("fee-raises").integers(round(RAISE_LOW * 200), round(RAISE_HIGH * 200) + 1, len(raised))
    return raised, steps / 200


def raised_ucr(current_cents: np.ndarray, rates: np.ndarray) -> np.ndarray:
    """The UCR fees (int64 [period, code]) before the first raise and after each: OpenDental's fee schedule tool
    raising by a percentage, rounded to whole dollars, from a start chosen so the fees in force today are about
    the catalog's (generators/data/procedure_codes.csv)."""
    start = np.rint(current_cents / np.prod(1 + rates) / 100) * 100
    periods = [start]
    for rate in rates.tolist():
        periods.append(np.rint(periods[-1] * (1 + rate) / 100) * 100)
    return np.array(periods, dtype=np.int64)


def providers(ctx: RunContext) -> Providers:
    """Dentists, hygienists, a non-person billing entity and a few former providers (hidden, terminated)."""
    rng = ctx.rng("provider")
    pools = ctx.random.pools
    d, h = staffing(ctx)
    former = ["former_dentist", "former_hygienist", "former_dentist", "former_hygienist", "former_hygienist",
              "former_dentist", "former_hygienist"]
    kinds = ["dentist"] * d + ["hygienist"] * h + ["billing"] + former
    n = len(kinds)
    nums = ctx.ids.take("provider", n)
    kinds = np.array(kinds)
    dentist = np.isin(kinds, ["dentist", "former_dentist"])
    hygienist = np.isin(kinds, ["hygienist", "former_hygienist"])
    former = np.char.startswith(kinds.astype(str), "former")
    female = rng.random(n) < np.where(hygienist, 0.9, 0.5)
    first = np.where(female, pools.pick(rng, pools.female_first, n), pools.pick(rng, pools.male_first, n))
    last = pools.pick(rng, pools.last, n)
    first[kinds == "billing"], last[kinds == "billing"] = "", "Beaverton Family Dental"
    abbr = np.full(n, "BILL" if not ctx.office else f"BILL{ctx.office + 1}", dtype=object)
    for prefix, of_kind in (("DOC", dentist), ("HYG", hygienist)):  # numbered across the practice's offices
        abbr[of_kind] = [f"{prefix}{i}" for i in ctx.ids.take(f"provider abbreviation {prefix}", int(of_kind.sum()))]
    abbr = abbr.tolist()
    specialty_names = ["General"] * n
    specialty_names[kinds.tolist().index("former_dentist")] = "Endodontics"
    specialty = np.where(hygienist, defnum(DefCat.PROVIDER_SPECIALTIES, "Hygienist"),
                         defnums(DefCat.PROVIDER_SPECIALTIES, *specialty_names))
    suffix = np.where(dentist, "DDS", np.where(hygienist, "RDH", ""))
    hired = np.array([day_in_window(ctx, "2016-05-01") - int(x) for x in rng.integers(0, 2500, n)], dtype="datetime64[D]")
    term = np.where(former, ctx.start + rng.integers(60, 500, n).astype("timedelta64[D]"), np.datetime64("0001-01-01"))
    term = np.minimum(term, ctx.today)
    birth = day("1995-01-01") - rng.integers(0, 30 * 365, n).astype("timedelta64[D]")
    ctx.out.copy("provider", {
        "ProvNum": nums, "Abbr": abbr, "ItemOrder": np.arange(n), "LName": list(last), "FName": list(first),
        "MI": [chr(65 + x) for x in rng.integers(0, 26, n)],
        "Suffix": suffix.tolist(),
        "FeeSched": ctx.practice.fee_scheds.ucr, "Specialty": specialty,
        "StateLicense": [f"{'D' if x else 'H'}{rng.integers(10000, 99999)}" for x in dentist],
        "DEANum": [f"B{last_name[0]}{rng.integers(1000000, 9999999)}" if is_d else "" for is_d, last_name in zip(dentist, last)],
        "IsSecondary": hygienist, "ProvColor": rng.integers(-16777216, -1, n),
        "IsHidden": former, "UsingTIN": kinds == "billing", "SigOnFile": True,
        "NationalProvID": [str(1000000000 + x) for x in rng.integers(0, 899999999, n)],
        "DateTStamp": stamp(hired.clip(ctx.start, ctx.today), 8 * 3600),
        "IsNotPerson": kinds == "billing", "StateWhereLicensed": "OR", "ProvStatus": former.astype(int),
        "IsHiddenReport": former, "Birthdate": np.where(kinds == "billing", np.datetime64("0001-01-01"), birth),
        "DateTerm": term, "PreferredName": list(first),
        "HourlyProdGoalAmt": np.where(dentist, 600.0, np.where(hygienist, 180.0, 0.0)),
        "IsErxEnabled": kinds == "dentist",  # the prescribers, on DoseSpot
        "OutlineColor": OUTLINE_GRAY, "SchedNote": [PROVIDER_SCHED_NOTES.get(kind, "") for kind in kinds.tolist()],
        **web_sched_profiles(kinds, first, last, hired),
    })
    return Providers(nums=nums, dentists=nums[kinds == "dentist"], hygienists=nums[kinds == "hygienist"],
                     billing=nums[kinds == "billing"][0], former=nums[former], abbr=dict(zip(nums.tolist(), abbr)),
                     names=dict(zip(nums.tolist(), formal_names(first, last, suffix))))


def staffing(ctx: RunContext) -> tuple[int, int]:
    """Dentists and hygienists for the visits the office books a year (its appointment volume over the years
    from ctx.start to today; hygiene visits their share of them): a provider a day books VISITS_A_DAY and works
    FULL_TIME_DAYS a year on the average demand (ADA HPI: about four days a week), so busy quarters still fit in
    five; the provider calendar then gives each the days their patients need."""
    from .clinical.hygiene import HYGIENE_SHARE  # the clinical package imports this module
    years = max((ctx.today - ctx.start).astype(int) / 365.25, 0.25)
    booked = ctx.config.volume("appointments") / years
    demand = np.array([booked * (1 - HYGIENE_SHARE) / DENTIST_VISITS_A_DAY,
                       booked * HYGIENE_SHARE / HYGIENE_VISITS_A_DAY])
    return tuple(int(n) for n in np.maximum(1, np.ceil(demand / FULL_TIME_DAYS)))


def formal_names(first, last, suffix):
    """"Jane Smith, DDS": how a provider signs; the billing entity's name alone."""
    return [f"{f} {l}, {s}" if s else l for f, l, s in zip(first.tolist(), last.tolist(), suffix.tolist())]


def web_sched_profiles(kinds, first, last, hired):
    """What Web Sched shows patients booking online about the active dentists and hygienists: a line and a photo."""
    years = hired.astype("datetime64[Y]").astype(int) + 1970
    bios, photos = [], []
    for kind, first_name, last_name, year in zip(kinds.tolist(), first, last, years.tolist()):
        shown = kind in WEB_SCHED_BIOS
        bios.append(WEB_SCHED_BIOS[kind].format(first=first_name, last=last_name, year=year) if shown else "")
        photos.append(f"{first_name}_{last_name}.jpg".lower() if shown else "")
    return {"WebSchedDescript": bios, "WebSchedImageLocation": photos}


def operatories(ctx: RunContext) -> Operatories:
    """Chairs: hygiene rooms and doctor rooms, in each clinic (or the one location)."""
    providers = ctx.practice.providers
    clinic_nums = ctx.practice.clinics
    per_clinic_hyg = max(2, len(providers.hygienists))  # every provider may work in any clinic: a chair of
    per_clinic_doc = max(2, len(providers.dentists) + 1)  # their own in each
    rows = []
    for clinic in clinic_nums.tolist():
        rows += [(clinic, True, i) for i in range(per_clinic_hyg)] + [(clinic, False, i) for i in range(per_clinic_doc)]
    n = len(rows)
    nums = ctx.ids.take("operatory", n)
    clinic = np.array([r[0] for r in rows], dtype=np.int64)
    hygiene = np.array([r[1] for r in rows])
    index = np.array([r[2] for r in rows])
    op_type = np.where(hygiene, *defnums(DefCat.OPERATORY_TYPES, "Hygiene", "Doctor"))
    ctx.out.copy("operatory", {
        "OperatoryNum": nums,
        "OpName": [f"{'Hyg' if h else 'Op'} {i + 1}" + (f" - {c}" if c else "") + ctx.office_label
                   for c, h, i in rows],
        "Abbrev": [f"{'H' if h else 'D'}{i + 1}" for _, h, i in rows],
        "ItemOrder": np.arange(n), "IsHidden": False,
        "ProvDentist": providers.dentists[index % len(providers.dentists)],
        "ProvHygienist": np.where(hygiene, providers.hygienists[index % len(providers.hygienists)], 0),
        "IsHygiene": hygiene, "ClinicNum": clinic, "DateTStamp": stamp(ctx.practice.setup_day, 8 * 3600),
        "SetProspective": False, "IsWebSched": hygiene, "IsNewPatAppt": ~hygiene & (index == 0),
        "OperatoryType": op_type,
    })
    return Operatories(nums=nums, clinic=clinic, hygiene=hygiene)


def retired_operatory(ctx: RunContext) -> None:
    """A consult room taken out of service: hidden, so never scheduled (it is not among ctx.practice.operatories)."""
    ctx.out.copy("operatory", {
        "OperatoryNum": ctx.ids.take("operatory", 1), "OpName": "Consult" + ctx.office_label, "Abbrev": "CONS",
        "ItemOrder": len(ctx.practice.operatories.nums), "IsHidden": True, "ClinicNum": ctx.practice.clinics[0],
        "DateTStamp": stamp(ctx.practice.setup_day, 8 * 3600),
        "OperatoryType": defnum(DefCat.OPERATORY_TYPES, "Consult"),
    })


def user_groups(ctx: RunContext) -> dict[str, int]:
    """The security groups every office's logins belong to: {name: UserGroupNum}."""
    group_nums = ctx.ids.take("usergroup", len(USER_GROUPS))
    ctx.out.copy("usergroup", {"UserGroupNum": group_nums, "Description": list(USER_GROUPS), "UserGroupNumCEMT": 0})
    return dict(zip(USER_GROUPS, group_nums.tolist()))


def _staff_names(rng, pools, n):
    first = pools.pick(rng, pools.female_first, n)
    last = pools.pick(rng, pools.last, n)
    middle = np.array([chr(65 + x) for x in rng.integers(0, 26, n)], dtype=object)
    phone = np.array([f"(503)555-01{x:02d}" for x in rng.integers(0, 100, n)], dtype=object)
    return first, last, middle, phone


def employees(ctx: RunContext) -> SimpleNamespace:
    """A team of STAFF_ROLES per 5,000 patients, reporting to its office manager, then two former employees (hidden)
    who reported to the first team's. The billing clerk works from home; most staff left a personal email too."""
    teams = max(1, round(ctx.config.patients / 5000))
    current = np.array(STAFF_ROLES * teams)
    roles = np.concatenate([current, FORMER_STAFF_ROLES])
    n = len(roles)
    former_rng = ctx.rng("employee-former")
    names = zip(_staff_names(ctx.rng("staff"), ctx.random.pools, len(current)),
                _staff_names(former_rng, ctx.random.pools, len(FORMER_STAFF_ROLES)))
    first, last, middle, phone = (np.concatenate(pair) for pair in names)
    left = np.full(n, NO_DATE)
    left[len(current):] = ctx.start + former_rng.integers(60, 600, len(FORMER_STAFF_ROLES)).astype("timedelta64[D]")
    left = np.minimum(left, ctx.today)
    nums = ctx.ids.take("employee", n)
    team = np.concatenate([np.arange(len(current)) // len(STAFF_ROLES), np.zeros(len(FORMER_STAFF_ROLES), int)])
    manager = nums[team * len(STAFF_ROLES) + STAFF_ROLES.index("Office Manager")]
    rng = ctx.rng("employee-email")
    personal = np.array([f"{f}.{l}{x}@example.{d}".lower() for f, l, x, d in
                         zip(first, last, rng.integers(1, 99, n), rng.choice(["com", "net", "org"], n))], dtype=object)
    ctx.out.copy("employee", {
        "EmployeeNum": nums, "LName": list(last), "FName": list(first), "MiddleI": list(middle),
        "IsHidden": left != NO_DATE, "ClockStatus": "Home", "PhoneExt": 100 + nums,
        "PayrollID": [f"E{999 + num}" for num in nums.tolist()], "WirelessPhone": list(phone),
        "EmailWork": [f"{f.lower()}.{l.lower()}@beavertonfamilydental.example" for f, l in zip(first, last)],
        "EmailPersonal": np.where(rng.random(n) < 0.6, personal, ""), "IsFurloughed": False,
        "IsWorkingHome": roles == "Billing", "ReportsTo": np.where(manager == nums, 0, manager),
    })
    return SimpleNamespace(nums=nums, roles=roles, first=first, last=last, left=left)


def unique_login_names(names, office):
    """OpenDental refuses a login name already in use in the practice: a name repeated in the office gets its
    position; from the second office on, every login carries the office's number after a hyphen (no name of the
    first office ends so), so each office's names are unique without knowing the other offices'."""
    taken, unique = set(), []
    for i, name in enumerate(names):
        candidate, suffix = name, i
        while candidate in taken:
            candidate, suffix = f"{name}{suffix}", suffix + len(names)
        taken.add(candidate)
        unique.append(candidate if office == 0 else f"{candidate}-{office + 1}")
    return unique


def logins(ctx: RunContext, staff: SimpleNamespace, reference: FoundationReference) -> Users:
    """userod and usergroupattach: the admin, the active providers and every employee (a former one's login hidden
    since the day they left). Two users mistyped their password after their morning login, the admin reset a third
    one's; the chairside providers hide popups; a few users have a shared task list as their inbox.
    Employee logins come last, current employees first, in STAFF_ROLES order."""
    providers = ctx.practice.providers
    clinicians = np.concatenate([providers.dentists, providers.hygienists])
    role = np.concatenate([["admin"], np.where(np.isin(clinicians, providers.dentists), "dentist", "hygienist"),
                           staff.roles])
    n = len(role)
    nums = ctx.ids.take("userod", n)
    names = ["Admin"] + [providers.abbr[p] for p in clinicians.tolist()] + \
            [f"{f[0]}{l}".lower() for f, l in zip(staff.first, staff.last)]
    names = unique_login_names(names, ctx.office)
    groups = np.array([reference.user_groups[ROLE_GROUPS[r]] for r in role.tolist()], dtype=np.int64)
    chairside = np.isin(role, ["dentist", "hygienist"])
    left = np.concatenate([np.full(1 + len(clinicians), NO_DATE), staff.left])
    hidden = left != NO_DATE
    rng = ctx.rng("userod-login")
    failed, reset = np.split(rng.choice(np.flatnonzero(~hidden)[1:], 3, replace=False), [2])
    attempts = np.zeros(n, dtype=np.int64)
    attempts[failed] = rng.integers(1, 3, len(failed))
    failed_at = np.full(n, NO_TIME)
    failed_at[failed] = stamp(ctx.today, 12 * 3600 + rng.integers(30 * 60, 90 * 60, len(failed)))
    inbox = task_list_inboxes(ctx, role)
    ctx.out.copy("userod", {
        "UserNum": nums, "UserName": names, "UserGroupNum": groups,
        "EmployeeNum": np.concatenate([np.zeros(1 + len(clinicians), dtype=np.int64), staff.nums]),
        "ProvNum": np.concatenate([[0], clinicians, np.zeros(len(staff.nums), dtype=np.int64)]),
        "IsHidden": hidden, "TaskListInBox": inbox, "PasswordIsStrong": True, "FailedAttempts": attempts,
        "DateTFail": failed_at, "IsPasswordResetRequired": np.isin(np.arange(n), reset),
        "DefaultHidePopups": chairside, "InboxHidePopups": chairside & (inbox != 0),
        "DateTLastLogin": stamp(np.where(hidden, left, ctx.today), 8 * 3600),
    })
    ctx.out.copy("usergroupattach", {
        "UserGroupAttachNum": ctx.ids.take("usergroupattach", n), "UserNum": nums, "UserGroupNum": groups,
    })
    current = staff.left == NO_DATE
    logins_of = lambda *roles: nums[1 + len(clinicians):][current & np.isin(staff.roles, roles)]  # noqa: E731
    return Users(nums=nums, admin=nums[0], front_desk=logins_of("Front Desk", "Office Manager"),
                 billing=logins_of("Billing", "Insurance Coordinator"), coordinators=logins_of("Treatment Coordinator"),
                 by_provider=dict(zip(clinicians.tolist(), nums[1:1 + len(clinicians)].tolist())),
                 employees=staff.nums[current])


def task_list_inboxes(ctx: RunContext, role: np.ndarray) -> np.ndarray:
    """TaskListInBox of each login: the first office's first login of each INBOXES role owns that shared list (one
    user per inbox)."""
    lists = {row["Descript"]: int(row["TaskListNum"]) for row in read_table("office_task_lists")}
    inbox = np.zeros(len(role), dtype=np.int64)
    if ctx.office:
        return inbox
    for task_list, owner in INBOXES.items():
        inbox[np.flatnonzero(role == owner)[0]] = lists[task_list]
    return inbox


def procedure_codes(ctx: RunContext, setup_day: np.datetime64) -> ProcedureCodes:
    """The CDT catalog (generators/data/procedure_codes.csv) as procedurecode rows, with the office's settings:
    insurance downgrades (a posterior composite or ceramic crown on a molar is paid as the amalgam or the cast
    crown), chart colors and text, default diagnoses, and the note templates of foundation_code_notes.csv."""
    rows = read_table("procedure_codes")
    n = len(rows)
    nums = ctx.ids.take("procedurecode", n)
    codes = [r["code"] for r in rows]
    notes = {r["code"]: r for r in read_table("foundation_code_notes")}
    note = {column: [notes[c][column] if c in notes else "" for c in codes]
            for column in ("default_note", "tp_note", "claim_note")}
    ctx.out.copy("procedurecode", {
        "CodeNum": nums, "ProcCode": codes, "Descript": [r["description"] for r in rows],
        "AbbrDesc": [r["abbr"] for r in rows], "ProcTime": [r["pattern"] for r in rows],
        "ProcCat": np.array([int(r["category"]) for r in rows]),
        "TreatArea": np.array([int(r["treat_area"]) for r in rows]),
        "NoBillIns": np.array([int(r["category"]) == defnum(DefCat.PROC_CODE_CATS, "No Fee") for r in rows]),
        "IsProsth": np.array([r["is_prosth"] == "1" for r in rows]),
        "IsHygiene": np.array([r["is_hygiene"] == "1" for r in rows]),
        "IsRadiology": np.array([r["is_radiology"] == "1" for r in rows]),
        "PaintType": np.array([int(r["paint_type"]) for r in rows]),
        "PaintText": [r["paint_text"] for r in rows],
        "GraphicColor": np.array([int(r["graphic_color"]) for r in rows]),
        "IsMultiVisit": np.array([c in MULTI_VISIT_CODES for c in codes]),
        "LaymanTerm": [r["description"].split(" - ")[0].capitalize() for r in rows],
        "SubstitutionCode": [r["subst_code"] for r in rows],
        "SubstOnlyIf": np.array([int(r["subst_only_if"]) for r in rows]),  # 1 = only on molars
        "AreaAlsoToothRange": np.array([r["area_also_tooth_range"] == "1" for r in rows]),
        "DiagnosticCodes": [r["diagnostic_codes"] for r in rows],
        "DefaultNote": note["default_note"], "DefaultTPNote": note["tp_note"], "DefaultClaimNote": note["claim_note"],
        "DateTStamp": stamp(setup_day, 8 * 3600), "PreExisting": False, "BaseUnits": 0,
        "IsTaxed": False, "IsCanadianLab": False, "BypassGlobalLock": False,
    })
    return ProcedureCodes(
        nums=nums, code=np.array(codes), index={c: i for i, c in enumerate(codes)},
        num={c: int(x) for c, x in zip(codes, nums.tolist())},
        ucr_cents=np.array([round(float(r["fee"]) * 100) for r in rows], dtype=np.int64),
        category=np.array([int(r["category"]) for r in rows]),
        treat_area=np.array([int(r["treat_area"]) for r in rows]),
        is_hygiene=np.array([r["is_hygiene"] == "1" for r in rows]),
        minutes=np.array([5 * len(r["pattern"]) for r in rows]),
        pattern=np.array([r["pattern"] for r in rows], dtype=object),
        abbr=np.array([r["abbr"] for r in rows], dtype=object),
        is_multi_visit=np.array([c in MULTI_VISIT_CODES for c in codes]),
    )


def fees(ctx: RunContext, setup_day: np.datetime64, codes: ProcedureCodes, scheds: FeeSchedules,
         clinic_nums: np.ndarray) -> None:
    """One fee per code, schedule and clinic, holding the fee in force at the moment the database shows (--as-of):
    OpenDental updates the fee row when the schedule is raised, so SecDateTEdit is the last raise (or the entry).
    Entry dates fall inside the window: the analytics ignore older fees."""
    n_codes, n_scheds, n_clinics = len(codes.nums), len(scheds.nums), len(clinic_nums)
    sched_idx = np.repeat(np.arange(n_scheds), n_codes * n_clinics)
    code_idx = np.tile(np.repeat(np.arange(n_codes), n_clinics), n_scheds)
    clinic = np.tile(clinic_nums, n_scheds * n_codes)
    n = len(sched_idx)
    # The office's own fees are the newest rows, so the analytics' "standard fee" (newest per code) is UCR.
    entered = np.where(sched_idx == 0, setup_day + 2, setup_day)
    raised_by_now = np.searchsorted(stamp(scheds.raised, RAISE_HOUR * 3600), np.datetime64(ctx.config.moment, "s"),
                                    side="right")
    applied = np.minimum(scheds.raises_applied, raised_by_now)
    last_raise = np.r_[NO_DATE, scheds.raised][applied]
    edited = np.maximum(entered, last_raise[sched_idx])
    ctx.out.copy("fee", {
        "FeeNum": ctx.ids.take("fee", n), "Amount": scheds.by_period[applied[sched_idx], sched_idx, code_idx] / 100.0,
        "OldCode": codes.code[code_idx].tolist(), "FeeSched": scheds.nums[sched_idx], "CodeNum": codes.nums[code_idx],
        "ClinicNum": clinic, "ProvNum": 0, "UseDefaultFee": False, "UseDefaultCov": False,
        "SecUserNumEntry": SETUP_USER,
        "SecDateEntry": entered, "SecDateTEdit": stamp(edited, RAISE_HOUR * 3600),
    })
    fee_schedule_log(ctx, scheds)


def fee_schedule_log(ctx: RunContext, scheds: FeeSchedules) -> None:
    """The audit trail OpenDental writes when the fee schedule tool raises a schedule: a securitylog row
    (FeeSchedEdit, FKey the FeeSchedNum) per schedule and raise, by the admin who keeps the fees."""
    rows = read_table("foundation_fee_schedules")
    n_scheds, n_raises = len(scheds.nums), len(scheds.raised)
    sched = np.tile(np.arange(n_scheds), n_raises)
    raise_idx = np.repeat(np.arange(n_raises), n_scheds)
    applied = raise_idx < scheds.raises_applied[sched]
    sched, raise_idx = sched[applied], raise_idx[applied]
    percent = [f"{100 * rate:g}" for rate in scheds.raise_rates[raise_idx].tolist()]
    rounding = np.where(np.char.endswith(scheds.use[sched], "discount"), "cent", "dollar")
    ctx.out.copy("securitylog", {
        "SecurityLogNum": ctx.ids.take("securitylog", len(sched)), "PermType": Permission.FEE_SCHED_EDIT,
        "UserNum": SETUP_USER, "LogDateTime": stamp(scheds.raised[raise_idx], RAISE_HOUR * 3600 + 60 * sched),
        "LogText": [f'Fee Schedule "{rows[s]["Description"]}" increased by {p}%, rounded to the nearest {r}'
                    for s, p, r in zip(sched.tolist(), percent, rounding.tolist())],
        "PatNum": 0, "CompName": "FRONTDESK1", "FKey": scheds.nums[sched], "LogSource": 0, "DefNum": 0,
        "DefNumError": 0, "DateTPrevious": NO_TIME,
    })
