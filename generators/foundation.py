"""Phase 1, foundation: the practice itself. Clinics, definitions, providers, operatories, staff and users,
the CDT code catalog, fee schedules and fees.

Adds to ctx.practice: defs, clinics, providers, operatories, users (nums, admin, front_desk, billing,
coordinators, by_provider, employees), codes (..., is_multi_visit), fee_scheds.
"""
from types import SimpleNamespace

import numpy as np

from .data import read_table
from .timeline import day, day_in_window, stamp

TITLE = "Foundation: clinics, definitions, providers, operatories, users, procedure codes, fees"
STAFF_ROLES = ("Front Desk", "Front Desk", "Office Manager", "Billing", "Dental Assistant", "Dental Assistant",
               "Dental Assistant", "Treatment Coordinator", "Insurance Coordinator")
# Procedures done over several appointments (prep then seat; access then obturation...).
MULTI_VISIT_CODES = {"D2740", "D2750", "D2790", "D3310", "D3320", "D3330", "D6010", "D6058", "D6065", "D5110",
                     "D5120"}
USER_GROUPS = ("Admin", "Doctors", "Hygienists", "Assistants", "Front Desk", "Billing", "Office Manager",
               "Treatment Coordinators", "Read Only")

FOREIGN_KEYS = [
    ("provider", "FeeSched", "feesched", None, True),
    ("provider", "Specialty", "definition", 35, False),
    ("operatory", "ProvDentist", "provider", None, False),
    ("operatory", "ProvHygienist", "provider", None, False),
    ("operatory", "ClinicNum", "clinic", None, False),
    ("operatory", "OperatoryType", "definition", 55, False),
    ("procedurecode", "ProcCat", "definition", 11, True),
    ("fee", "FeeSched", "feesched", None, True),
    ("fee", "CodeNum", "procedurecode", None, True),
    ("fee", "ClinicNum", "clinic", None, False),
    ("fee", "SecUserNumEntry", "userod", None, False),
    ("feesched", "SecUserNumEntry", "userod", None, False),
    ("userod", "UserGroupNum", "usergroup", None, False),
    ("userod", "EmployeeNum", "employee", None, False),
    ("userod", "ProvNum", "provider", None, False),
    ("usergroupattach", "UserNum", "userod", None, True),
    ("usergroupattach", "UserGroupNum", "usergroup", None, True),
    ("clinic", "DefaultProv", "provider", None, False),
    ("clinic", "InsBillingProv", "provider", None, False),
]


def generate(ctx):
    p = ctx.practice
    p.setup_day = day_in_window(ctx, "2023-01-03")
    p.defs = definitions(ctx)
    p.clinics = clinics(ctx)
    p.fee_scheds = fee_schedules(ctx)
    p.providers = providers(ctx)
    p.operatories = operatories(ctx)
    p.users = staff_and_users(ctx)
    p.codes = procedure_codes(ctx)
    fees(ctx)


def definitions(ctx):
    """The definition table: every DefNum the analytics compare literally, plus the rest of a real pick-list.

    Rows without a fixed DefNum are numbered from 1 upwards around the fixed ones.
    """
    rows = read_table("definitions")
    fixed = {int(r["DefNum"]) for r in rows if r["DefNum"]}
    free = (n for n in range(1, 10_000) if n not in fixed)
    nums = np.array([int(r["DefNum"]) if r["DefNum"] else next(free) for r in rows], dtype=np.int64)
    ctx.out.copy("definition", {
        "DefNum": nums,
        "Category": np.array([int(r["Category"]) for r in rows]),
        "ItemOrder": np.array([int(r["ItemOrder"]) for r in rows]),
        "ItemName": [r["ItemName"] for r in rows],
        "ItemValue": [r["ItemValue"] for r in rows],
        "ItemColor": np.array([int(r["ItemColor"] or 0) for r in rows]),
        "IsHidden": np.array([r["IsHidden"] == "1" for r in rows]),
    })
    by_category = {}
    for num, row in zip(nums.tolist(), rows):
        if row["IsHidden"] != "1":
            by_category.setdefault(int(row["Category"]), []).append((num, row["ItemName"]))
    return SimpleNamespace(
        by_category=by_category,
        billing_standard=by_category[4][0][0],
        named=lambda category, name: next(n for n, item in by_category[category] if item == name),
        nums=lambda category: np.array([n for n, _ in by_category[category]], dtype=np.int64),
    )


def clinics(ctx):
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


def fee_schedules(ctx):
    """Three schedules: the office's UCR fees and two PPO schedules (numbered like the production practice's)."""
    nums = np.array([8285, 8286, 8287], dtype=np.int64)
    setup = stamp(ctx.practice.setup_day, 9 * 3600)
    ctx.out.copy("feesched", {
        "FeeSchedNum": nums, "Description": ["Standard UCR", "PPO Tier 1", "PPO Tier 2"],
        "FeeSchedType": np.array([0, 0, 0]), "ItemOrder": np.arange(3), "IsHidden": False, "IsGlobal": True,
        "SecUserNumEntry": 1, "SecDateEntry": ctx.practice.setup_day, "SecDateTEdit": setup,
    })
    # Allowed amount as a share of UCR: PPO tier 1 pays less than tier 2.
    return SimpleNamespace(nums=nums, ucr=nums[0], ppo=nums[1:], ppo_share=np.array([1.0, 0.68, 0.78]))


def _scaled(ctx, minimum, per_patients):
    return max(minimum, round(ctx.config.patients / per_patients))


def providers(ctx):
    """Dentists, hygienists, a non-person billing entity and a few former providers (hidden, terminated)."""
    rng = ctx.rng("provider")
    pools = ctx.random.pools
    # Staffing for the visit volume (about three appointments per patient over the window): at 5,000
    # patients two dentists and two hygienists (one each below 3,750); plus a billing entity and former providers.
    d = _scaled(ctx, 1, 2500)
    h = _scaled(ctx, 1, 2500)
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
    counters = {"dentist": 0, "hygienist": 0}
    abbr = []
    for kind in kinds:
        role = "dentist" if "dentist" in kind else "hygienist" if "hygienist" in kind else None
        if role:
            counters[role] += 1
        abbr.append(f"{'DOC' if role == 'dentist' else 'HYG'}{counters[role]}" if role else "BILL")
    specialty_names = ["General"] * n
    specialty_names[kinds.tolist().index("former_dentist")] = "Endodontics"
    specialty = np.where(hygienist, ctx.practice.defs.named(35, "Hygienist"),
                         [ctx.practice.defs.named(35, s) for s in specialty_names])
    hired = np.array([day_in_window(ctx, "2016-05-01") - int(x) for x in rng.integers(0, 2500, n)], dtype="datetime64[D]")
    term = np.where(former, ctx.start + rng.integers(60, 500, n).astype("timedelta64[D]"), np.datetime64("0001-01-01"))
    term = np.minimum(term, ctx.today)
    birth = day("1995-01-01") - rng.integers(0, 30 * 365, n).astype("timedelta64[D]")
    ctx.out.copy("provider", {
        "ProvNum": nums, "Abbr": abbr, "ItemOrder": np.arange(n), "LName": list(last), "FName": list(first),
        "MI": [chr(65 + x) for x in rng.integers(0, 26, n)],
        "Suffix": np.where(dentist, "DDS", np.where(hygienist, "RDH", "")).tolist(),
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
        "SchedNote": "", "EhrMuStage": 0, "AnesthProvType": 0,
    })
    return SimpleNamespace(nums=nums, dentists=nums[kinds == "dentist"], hygienists=nums[kinds == "hygienist"],
                           billing=nums[kinds == "billing"][0], former=nums[former], abbr=dict(zip(nums.tolist(), abbr)))


def operatories(ctx):
    """Chairs: hygiene rooms and doctor rooms, in each clinic (or the one location)."""
    providers = ctx.practice.providers
    clinic_nums = ctx.practice.clinics
    per_clinic_hyg = max(2, -(-len(providers.hygienists) // len(clinic_nums)))
    per_clinic_doc = max(2, -(-len(providers.dentists) // len(clinic_nums)) + 1)
    rows = []
    for clinic in clinic_nums.tolist():
        rows += [(clinic, True, i) for i in range(per_clinic_hyg)] + [(clinic, False, i) for i in range(per_clinic_doc)]
    n = len(rows)
    nums = ctx.ids.take("operatory", n)
    clinic = np.array([r[0] for r in rows], dtype=np.int64)
    hygiene = np.array([r[1] for r in rows])
    index = np.array([r[2] for r in rows])
    op_type = np.where(hygiene, ctx.practice.defs.named(55, "Hygiene"), ctx.practice.defs.named(55, "Doctor"))
    ctx.out.copy("operatory", {
        "OperatoryNum": nums,
        "OpName": [f"{'Hyg' if h else 'Op'} {i + 1}" + (f" - {c}" if c else "") for c, h, i in rows],
        "Abbrev": [f"{'H' if h else 'D'}{i + 1}" for _, h, i in rows],
        "ItemOrder": np.arange(n), "IsHidden": False,
        "ProvDentist": providers.dentists[index % len(providers.dentists)],
        "ProvHygienist": np.where(hygiene, providers.hygienists[index % len(providers.hygienists)], 0),
        "IsHygiene": hygiene, "ClinicNum": clinic, "DateTStamp": stamp(ctx.practice.setup_day, 8 * 3600),
        "SetProspective": False, "IsWebSched": hygiene, "IsNewPatAppt": ~hygiene & (index == 0),
        "OperatoryType": op_type,
    })
    return SimpleNamespace(nums=nums, clinic=clinic, hygiene=hygiene)


def staff_and_users(ctx):
    """Employees (front desk, assistants...), user groups, and a login for every provider and employee."""
    rng = ctx.rng("staff")
    pools = ctx.random.pools
    providers = ctx.practice.providers
    roles = list(STAFF_ROLES) * max(1, round(ctx.config.patients / 5000))
    n_emp = len(roles)
    emp_nums = ctx.ids.take("employee", n_emp)
    first = pools.pick(rng, pools.female_first, n_emp)
    last = pools.pick(rng, pools.last, n_emp)
    ctx.out.copy("employee", {
        "EmployeeNum": emp_nums, "LName": list(last), "FName": list(first),
        "MiddleI": [chr(65 + x) for x in rng.integers(0, 26, n_emp)], "IsHidden": False, "ClockStatus": "Home",
        "PhoneExt": np.arange(101, 101 + n_emp), "PayrollID": [f"E{1000 + i}" for i in range(n_emp)],
        "WirelessPhone": [f"(503)555-01{x:02d}" for x in rng.integers(0, 100, n_emp)],
        "EmailWork": [f"{f.lower()}.{l.lower()}@beavertonfamilydental.example" for f, l in zip(first, last)],
        "IsFurloughed": False, "IsWorkingHome": False, "ReportsTo": 0,
    })
    group_nums = ctx.ids.take("usergroup", len(USER_GROUPS))
    ctx.out.copy("usergroup", {"UserGroupNum": group_nums, "Description": list(USER_GROUPS), "UserGroupNumCEMT": 0})
    group = dict(zip(USER_GROUPS, group_nums.tolist()))
    role_group = {"Front Desk": "Front Desk", "Office Manager": "Office Manager", "Billing": "Billing",
                  "Dental Assistant": "Assistants", "Treatment Coordinator": "Treatment Coordinators",
                  "Insurance Coordinator": "Billing"}
    active = np.concatenate([providers.dentists, providers.hygienists])
    n_users = 1 + len(active) + n_emp
    user_nums = ctx.ids.take("userod", n_users)
    names = ["Admin"] + [providers.abbr[p] for p in active.tolist()] + \
            [f"{f[0]}{l}".lower() for f, l in zip(first, last)]
    names = [name if names.index(name) == i else f"{name}{i}" for i, name in enumerate(names)]
    groups = [group["Admin"]] + [group["Doctors"] if p in set(providers.dentists.tolist()) else group["Hygienists"]
                                 for p in active.tolist()] + [group[role_group[r]] for r in roles]
    ctx.out.copy("userod", {
        "UserNum": user_nums, "UserName": names, "UserGroupNum": np.array(groups, dtype=np.int64),
        "EmployeeNum": np.concatenate([[0], np.zeros(len(active), dtype=np.int64), emp_nums]),
        "ProvNum": np.concatenate([[0], active, np.zeros(n_emp, dtype=np.int64)]),
        "IsHidden": False, "TaskListInBox": 0, "PasswordIsStrong": True, "FailedAttempts": 0,
        "DateTLastLogin": stamp(ctx.today, 8 * 3600),
    })
    ctx.out.copy("usergroupattach", {
        "UserGroupAttachNum": ctx.ids.take("usergroupattach", n_users), "UserNum": user_nums,
        "UserGroupNum": np.array(groups, dtype=np.int64),
    })
    front_desk = user_nums[1 + len(active):][np.isin(roles, ["Front Desk", "Office Manager"])]
    billing = user_nums[1 + len(active):][np.isin(roles, ["Billing", "Insurance Coordinator"])]
    coordinators = user_nums[1 + len(active):][np.isin(roles, ["Treatment Coordinator"])]
    return SimpleNamespace(nums=user_nums, admin=user_nums[0], front_desk=front_desk, billing=billing,
                           coordinators=coordinators,
                           by_provider=dict(zip(active.tolist(), user_nums[1:1 + len(active)].tolist())),
                           employees=emp_nums)


def procedure_codes(ctx):
    """The CDT catalog (generators/data/procedure_codes.csv) as procedurecode rows."""
    rows = read_table("procedure_codes")
    n = len(rows)
    nums = ctx.ids.take("procedurecode", n)
    codes = [r["code"] for r in rows]
    ctx.out.copy("procedurecode", {
        "CodeNum": nums, "ProcCode": codes, "Descript": [r["description"] for r in rows],
        "AbbrDesc": [r["abbr"] for r in rows], "ProcTime": [r["pattern"] for r in rows],
        "ProcCat": np.array([int(r["category"]) for r in rows]),
        "TreatArea": np.array([int(r["treat_area"]) for r in rows]),
        "NoBillIns": np.array([r["category"] == "85" for r in rows]),
        "IsProsth": np.array([r["is_prosth"] == "1" for r in rows]),
        "IsHygiene": np.array([r["is_hygiene"] == "1" for r in rows]),
        "IsRadiology": np.array([r["is_radiology"] == "1" for r in rows]),
        "PaintType": np.array([int(r["paint_type"]) for r in rows]),
        "IsMultiVisit": np.array([c in MULTI_VISIT_CODES for c in codes]),
        "LaymanTerm": [r["description"].split(" - ")[0].capitalize() for r in rows],
        "DateTStamp": stamp(ctx.practice.setup_day, 8 * 3600), "PreExisting": False, "BaseUnits": 0,
        "IsTaxed": False, "IsCanadianLab": False, "BypassGlobalLock": False, "AreaAlsoToothRange": False,
    })
    return SimpleNamespace(
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


def fees(ctx):
    """One fee per code, schedule and clinic. PPO fees are a share of UCR, rounded to whole dollars the way
    carriers publish them. Entry dates fall inside the window: the analytics ignore older fees."""
    codes = ctx.practice.codes
    scheds = ctx.practice.fee_scheds
    clinic_nums = ctx.practice.clinics
    amounts = np.rint(codes.ucr_cents[None, :] * scheds.ppo_share[:, None] / 100.0) * 100
    amounts[0] = codes.ucr_cents
    ctx.practice.fee_scheds.cents = amounts.astype(np.int64)  # [schedule index, code index]
    n_codes, n_scheds, n_clinics = len(codes.nums), len(scheds.nums), len(clinic_nums)
    sched_idx = np.repeat(np.arange(n_scheds), n_codes * n_clinics)
    code_idx = np.tile(np.repeat(np.arange(n_codes), n_clinics), n_scheds)
    clinic = np.tile(clinic_nums, n_scheds * n_codes)
    n = len(sched_idx)
    # The office's own fees are the newest rows, so the analytics' "standard fee" (newest per code) is UCR.
    entered = np.where(sched_idx == 0, ctx.practice.setup_day + 2, ctx.practice.setup_day)
    ctx.out.copy("fee", {
        "FeeNum": ctx.ids.take("fee", n), "Amount": amounts[sched_idx, code_idx] / 100.0,
        "OldCode": codes.code[code_idx].tolist(), "FeeSched": scheds.nums[sched_idx], "CodeNum": codes.nums[code_idx],
        "ClinicNum": clinic, "ProvNum": 0, "UseDefaultFee": False, "UseDefaultCov": False,
        "SecUserNumEntry": ctx.practice.users.admin,
        "SecDateEntry": entered, "SecDateTEdit": stamp(entered, 10 * 3600),
    })
