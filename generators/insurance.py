"""Phase 3, insurance: carriers, employer group plans and their benefits, subscriptions (inssub) and the
coverage of each insured patient (patplan), plus OpenDental's insurance categories (covcat, covspan) that
percentage benefits refer to.

Coverage follows the family. In a family the patients phase marked insured, one adult (the guarantor, for a
minority the spouse) subscribes to a plan of their employer, and every insured member is attached to that
subscription as self, spouse or child. Some two-earner families also hold the other spouse's plan, which
is secondary (for the children the birthday rule decides which is primary). Some subscribers changed jobs:
their old subscription ended (DateTerm) the day before the new one began, and only the new one has patplans.

Adds to ctx.practice.insurance:
  carriers: nums, names
  plans: nums, carrier (CarrierNum), carrier_name, employer, is_ppo, fee_sched_index (row of
    fee_scheds.cents holding the allowed fee; 0 = UCR for percentage plans), annual_max_cents,
    deductible_cents (individual), family_deductible_cents, month_renew (0 = calendar year),
    coverage_percent(plan_idx, code_idx) -> int array, allowed_cents(plan_idx, code_idx) -> int64 array
  per patient, aligned with ctx.practice.patients.nums:
    primary_plan, secondary_plan (plan index or -1), primary_sub, secondary_sub (InsSubNum or 0),
    primary_patplan, secondary_patplan (PatPlanNum or 0), primary_plan_num, secondary_plan_num (PlanNum or 0),
    relationship, secondary_relationship (patplan.Relationship to that plan's subscriber, -1 without it),
    primary_since, secondary_since (DateEffective of that subscription, NO_DATE without it; a holder who
    changed jobs was covered before it by an ended subscription, which is not handed over)
"""
from types import SimpleNamespace

import numpy as np

from core.randomness import weighted_choice

from .data import read_table
from .timeline import NO_DATE, clamp, day, stamp

TITLE = "Insurance: carriers, plans, benefits, subscribers, patient plans"

PPO_SHARE = 0.7
SPOUSE_HOLDS_SHARE = 0.3  # of insured couples, the spouse rather than the guarantor holds the family policy
DUAL_COVERAGE_SHARE = 0.15  # of insured couples whose other spouse works, the share also on that spouse's plan
JOB_CHANGE_SHARE = 0.08  # policy holders who changed plans since the family first came
BENEFIT_CLASSES = ("preventive", "basic", "major", "ortho")
# Coinsurance percent of the (preventive, basic, major) categories, and the share of plans with that design.
COINSURANCE_DESIGNS = (((100, 80, 50), 0.6), ((100, 90, 60), 0.15), ((100, 80, 60), 0.1), ((100, 70, 50), 0.15))
ORTHO_SHARE, ORTHO_PERCENT, ORTHO_AGE_LIMIT = 0.35, 50, 19
ANNUAL_MAX_DOLLARS = ((1000, 0.15), (1250, 0.1), (1500, 0.45), (2000, 0.2), (2500, 0.1))
ORTHO_LIFETIME_MAX_DOLLARS = ((1000, 0.4), (1500, 0.4), (2000, 0.2))
DEDUCTIBLE_DOLLARS = (((50, 150), 0.75), ((25, 75), 0.1), ((100, 300), 0.15))  # (individual, family)
DEDUCTIBLE_WAIVED = ("Diagnostic", "X-Ray", "Preventive")
RENEWAL_MONTHS = ((0, 0.9), (7, 0.05), (10, 0.03), (4, 0.02))  # insplan.MonthRenew, 0 = calendar year
COB_RULES = ((0, 0.85), (1, 0.15))  # insplan.CobRule: 0 basic, 1 standard
# OpenDental enums
COINSURANCE, DEDUCTIBLE, EXCLUSION, LIMITATION = 1, 2, 4, 5  # benefit.BenefitType
SERVICE_YEAR, CALENDAR_YEAR, LIFETIME = 1, 2, 3  # benefit.TimePeriod
NUMBER_OF_SERVICES, AGE_LIMIT, YEARS = 1, 2, 4  # benefit.QuantityQualifier
INDIVIDUAL, FAMILY = 1, 2  # benefit.CoverageLevel
SELF, SPOUSE, CHILD, DEPENDENT = 0, 1, 2, 8  # patplan.Relationship
EARLIEST_ENTRY = day("2010-01-01")
# Frequency limits keyed on a procedure code, as OpenDental's frequency checks read them: two exams and two
# cleanings per benefit year, bitewings once a year, a full-mouth series or a panoramic once every five years.
FREQUENCY_LIMITS = (("D0120", NUMBER_OF_SERVICES, 2), ("D1110", NUMBER_OF_SERVICES, 2),
                    ("D0274", NUMBER_OF_SERVICES, 1), ("D0210", YEARS, 5), ("D0330", YEARS, 5))

FOREIGN_KEYS = [
    ("covspan", "CovCatNum", "covcat", None, True),
    ("carrier", "CarrierGroupName", "definition", 46, False),
    ("carrier", "SecUserNumEntry", "userod", None, False),
    ("insplan", "CarrierNum", "carrier", None, True),
    ("insplan", "EmployerNum", "employer", None, False),
    ("insplan", "FeeSched", "feesched", None, False),
    ("insplan", "BillingType", "definition", 4, False),
    ("insplan", "SecUserNumEntry", "userod", None, False),
    ("inssub", "PlanNum", "insplan", None, True),
    ("inssub", "Subscriber", "patient", None, True),
    ("inssub", "SecUserNumEntry", "userod", None, False),
    ("patplan", "PatNum", "patient", None, True),
    ("patplan", "InsSubNum", "inssub", None, True),
    ("benefit", "PlanNum", "insplan", None, True),
    ("benefit", "PatPlanNum", "patplan", None, False),
    ("benefit", "CovCatNum", "covcat", None, False),
    ("benefit", "CodeNum", "procedurecode", None, False),
    ("benefit", "CodeGroupNum", "codegroup", None, False),
]


def generate(ctx):
    categories = coverage_categories(ctx)
    carriers = carrier_catalog(ctx)
    plans = group_plans(ctx, carriers, categories)
    holders = policy_holders(ctx)
    subs = subscriptions(ctx, plans, holders)
    patplans = patient_plans(ctx, holders, subs)
    plans.entered, plans.edited = entry_and_edit(ctx, "insplan-dates", subs.entered, subs.plan, len(plans.nums))
    carriers.entered, carriers.edited = entry_and_edit(ctx, "carrier-dates", plans.entered, plans.carrier_idx,
                                                       len(carriers.nums))
    carrier_rows(ctx, carriers)
    insplan_rows(ctx, plans)
    benefit_rows(ctx, plans, categories)
    inssub_rows(ctx, subs, plans, carriers)
    ctx.practice.insurance = SimpleNamespace(
        carriers=SimpleNamespace(nums=carriers.nums, names=carriers.names), plans=plans,
        **coverage_by_patient(ctx, plans, subs, patplans))


def coverage_categories(ctx):
    """OpenDental's insurance categories (covcat) and the CDT code ranges each one covers (covspan)."""
    rows = read_table("coverage_categories")
    nums = ctx.ids.take("covcat", len(rows))
    ctx.out.copy("covcat", {
        "CovCatNum": nums, "Description": [r["Description"] for r in rows],
        "DefaultPercent": np.array([int(r["DefaultPercent"]) for r in rows]), "CovOrder": np.arange(len(rows)),
        "IsHidden": False, "EbenefitCat": np.array([int(r["EbenefitCat"]) for r in rows]),
    })
    spans = [(i, *span.split("-")) for i, r in enumerate(rows) for span in r["spans"].split()]
    category, first, last = map(np.array, zip(*spans))
    ctx.out.copy("covspan", {"CovSpanNum": ctx.ids.take("covspan", len(spans)), "CovCatNum": nums[category],
                             "FromCode": first, "ToCode": last})
    codes = ctx.practice.codes.code
    of_code = np.full(len(codes), -1)  # custom codes (Watch, PostOp...) fall in no category: not covered
    for i, low, high in spans:
        of_code[(codes >= low) & (codes <= high)] = i
    names = [r["Description"] for r in rows]
    return SimpleNamespace(nums=nums, index={name: i for i, name in enumerate(names)}, of_code=of_code,
                           benefit_class=np.array([BENEFIT_CLASSES.index(r["benefit_class"]) for r in rows]))


def carrier_catalog(ctx):
    """The dental carriers of generators/data/carriers.csv, with their claims address and payer ID."""
    rows = read_table("carriers")
    defs = ctx.practice.defs
    weight = np.array([float(r["weight"]) for r in rows])
    return SimpleNamespace(
        rows=rows, nums=ctx.ids.take("carrier", len(rows)), names=np.array([r["CarrierName"] for r in rows]),
        group=np.array([defs.named(46, r["group"]) if r["group"] else 0 for r in rows], dtype=np.int64),
        fee_tier=np.array([int(r["fee_tier"]) for r in rows]), weight=weight / weight.sum(),
        member_prefix=np.array([r["member_prefix"] for r in rows]),
    )


def _plan_count(patients):
    """30-45 group plans up to 5,000 patients, then growing with the square root of the practice's size."""
    return int(np.clip(round(patients / 120), 30, round(45 * np.sqrt(max(patients, 5000) / 5000))))


def group_plans(ctx, carriers, categories):
    """Employer group plans: a carrier, PPO (the carrier's network fee schedule) or percentage (UCR), and
    coverage rules. Larger employers offer two or three plans."""
    rng = ctx.rng("insplan")
    n = _plan_count(ctx.config.patients)
    scheds = ctx.practice.fee_scheds
    carrier_idx = rng.choice(len(carriers.nums), n, p=carriers.weight)
    employers = ctx.practice.employers
    is_ppo = rng.random(n) < PPO_SHARE
    fee_sched_index = np.where(is_ppo, np.minimum(carriers.fee_tier[carrier_idx], len(scheds.ppo)), 0)
    has_ortho = rng.random(n) < ORTHO_SHARE
    class_percent = np.column_stack([weighted_choice(rng, COINSURANCE_DESIGNS, n), np.where(has_ortho, ORTHO_PERCENT, 0)])
    percent = class_percent[:, categories.benefit_class]  # [plan, coverage category]
    deductible = weighted_choice(rng, DEDUCTIBLE_DOLLARS, n) * 100
    plans = SimpleNamespace(
        nums=ctx.ids.take("insplan", n), carrier_idx=carrier_idx, carrier=carriers.nums[carrier_idx],
        carrier_name=carriers.names[carrier_idx], employer=rng.permutation(employers)[np.arange(n) % len(employers)],
        is_ppo=is_ppo, fee_sched_index=fee_sched_index, percent=percent,
        annual_max_cents=weighted_choice(rng, ANNUAL_MAX_DOLLARS, n) * 100,
        ortho_max_cents=np.where(has_ortho, weighted_choice(rng, ORTHO_LIFETIME_MAX_DOLLARS, n) * 100, 0),
        deductible_cents=deductible[:, 0], family_deductible_cents=deductible[:, 1],
        month_renew=weighted_choice(rng, RENEWAL_MONTHS, n), cob_rule=weighted_choice(rng, COB_RULES, n),
        group_num=np.array([f"{x:07d}" for x in rng.integers(10000, 9999999, n)]),
    )

    def coverage_percent(plan_idx, code_idx):
        category = categories.of_code[code_idx]
        return np.where(category >= 0, percent[plan_idx, category], 0)

    def allowed_cents(plan_idx, code_idx):
        return scheds.cents[fee_sched_index[plan_idx], code_idx]

    plans.coverage_percent, plans.allowed_cents = coverage_percent, allowed_cents
    return plans


def policy_holders(ctx):
    """For each family with an insured member: who holds its policy, and who holds a second one (-1 if none)."""
    rng = ctx.rng("policy-holders")
    pt, fam = ctx.practice.patients, ctx.practice.families
    insured = pt.insured
    family, first_position = np.unique(pt.family[insured], return_index=True)
    first_insured = np.flatnonzero(insured)[first_position]
    n = len(family)
    guarantor = fam.first[family]
    spouse = np.where(fam.has_spouse[family], guarantor + 1, -1)
    couple = insured[guarantor] & (spouse >= 0) & insured[spouse]
    # A deleted (merged) guarantor holds nothing: the spouse, else the first insured member, holds the policy.
    holder = np.where(insured[guarantor], guarantor, np.where((spouse >= 0) & insured[spouse], spouse, first_insured))
    holder = np.where(couple & (rng.random(n) < SPOUSE_HOLDS_SHARE), spouse, holder)
    partner = np.where(holder == guarantor, spouse, guarantor)
    second = couple & (pt.employer[partner] > 0) & (rng.random(n) < DUAL_COVERAGE_SHARE)
    return SimpleNamespace(family=family, holder=holder, partner=np.where(second, partner, -1),
                           first_visit=_families_first_visit(ctx, rng, family))


def _families_first_visit(ctx, rng, family):
    """The day each family first came (a family that never came: around when it was entered)."""
    pt, fam = ctx.practice.patients, ctx.practice.families
    visit = np.where(pt.first_visit == NO_DATE, ctx.today + 1, pt.first_visit)
    first = np.minimum.reduceat(visit, fam.first)[family]
    entered = ctx.start + rng.integers(0, 400, len(family)).astype("timedelta64[D]")
    return np.where(first > ctx.today, np.minimum(entered, ctx.today), first)


def _month_start(days):
    return days.astype("datetime64[M]").astype("datetime64[D]")


def _day_between(rng, first, last):
    """A uniformly drawn day from first to last inclusive (arrays)."""
    span = (last - first).astype(np.int64) + 1
    return first + (rng.random(len(span)) * span).astype(np.int64).astype("timedelta64[D]")


def _office_hours(rng, days):
    return stamp(days, rng.integers(8 * 3600, 17 * 3600, len(days)))


def _plan_of_employer(rng, plans, employer):
    """A plan the employer offers; a subscriber without such an employer (retired, self-employed...) buys any."""
    order = np.argsort(plans.employer, kind="stable")
    offered = plans.employer[order]
    low, high = np.searchsorted(offered, employer, "left"), np.searchsorted(offered, employer, "right")
    pick = low + (rng.random(len(employer)) * (high - low)).astype(np.int64)
    anyone = rng.integers(0, len(plans.nums), len(employer))
    return np.where(high > low, order[np.minimum(pick, len(order) - 1)], anyone)


def _coverage_start(rng, first_visit):
    """Group coverage starts on the first of a month, up to six years before the family's first visit."""
    return _month_start(first_visit - rng.integers(0, 6 * 365, len(first_visit)).astype("timedelta64[D]"))


def subscriptions(ctx, plans, holders):
    """inssub rows: each family's policy, the second policies of two-earner families, and the subscriptions
    that ended when their holder changed jobs. Coverage usually began before the family's first visit."""
    rng = ctx.rng("inssub")
    pt = ctx.practice.patients
    n_plans = len(plans.nums)
    n = len(holders.holder)
    first_visit = holders.first_visit
    effective = _coverage_start(rng, first_visit)
    entered = clamp(first_visit - rng.integers(0, 15, n).astype("timedelta64[D]"), EARLIEST_ENTRY, ctx.today)
    plan = _plan_of_employer(rng, plans, pt.employer[holders.holder])

    earliest_change = np.maximum(effective + 365, first_visit + 31)
    changed = (rng.random(n) < JOB_CHANGE_SHARE) & (earliest_change < ctx.today - 30)
    change = _month_start(_day_between(rng, np.minimum(earliest_change, ctx.today - 30), np.full(n, ctx.today - 30)))
    reported = np.minimum(change + rng.integers(0, 45, n).astype("timedelta64[D]"), ctx.today)
    old_plan = (plan + rng.integers(1, n_plans, n)) % n_plans

    second = holders.partner >= 0
    partner = holders.partner[second]
    second_plan = _plan_of_employer(rng, plans, pt.employer[partner])
    second_plan = np.where(second_plan == plan[second], (second_plan + 1) % n_plans, second_plan)
    second_effective = _coverage_start(rng, first_visit[second])

    no_term = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    subs = SimpleNamespace(
        subscriber=np.concatenate([holders.holder, partner, holders.holder[changed]]),
        plan=np.concatenate([plan, second_plan, old_plan[changed]]),
        effective=np.concatenate([np.where(changed, change, effective), second_effective, effective[changed]]),
        term=np.concatenate([no_term, no_term[second], change[changed] - 1]),
        entered=np.concatenate([np.where(changed, reported, entered), entered[second], entered[changed]]),
    )
    subs.nums = ctx.ids.take("inssub", len(subs.plan))
    # Last edited inside the window (coverage is re-verified), or when the subscription was ended.
    ended = clamp(subs.term + rng.integers(1, 30, len(subs.nums)), subs.entered, ctx.today)
    last_touch = np.where(np.isnat(subs.term), ctx.today, ended)
    first_touch = np.minimum(np.maximum(subs.entered, ctx.start), last_touch)
    subs.edited = _office_hours(rng, _day_between(rng, first_touch, last_touch))
    subs.main = np.arange(n)  # per holders row: index of the family policy
    subs.second = np.full(n, -1)
    subs.second[second] = n + np.arange(len(partner))
    return subs


def _relationship(pt, patient, subscriber):
    """patplan.Relationship of a patient to the subscriber of the plan."""
    me, them = pt.role[patient], pt.role[subscriber]
    return np.select([patient == subscriber, (me == 2) & (them != 2), (me != 2) & (them != 2)],
                     [SELF, CHILD, SPOUSE], DEPENDENT)


def _day_of_year(days):
    return (days - days.astype("datetime64[Y]")).astype(np.int64)


def patient_plans(ctx, holders, subs):
    """patplan rows: every insured patient on the family policy and, in two-earner families, on the second
    policy too. Each spouse is primary (Ordinal 1) on their own plan; children are primary on the plan of the
    parent whose birthday comes first in the year (the birthday rule)."""
    rng = ctx.rng("patplan")
    pt = ctx.practice.patients
    patient = np.flatnonzero(pt.insured)
    row = np.searchsorted(holders.family, pt.family[patient])
    holder, partner = holders.holder[row], holders.partner[row]
    main, second = subs.main[row], subs.second[row]
    dual = second >= 0
    partner_first = dual & ((patient == partner) | (
        (pt.role[patient] == 2) & (_day_of_year(pt.birth[partner]) < _day_of_year(pt.birth[holder]))))
    patplans = SimpleNamespace(
        patient=np.concatenate([patient, patient[dual]]),
        sub=np.concatenate([np.where(partner_first, second, main), np.where(partner_first, main, second)[dual]]),
        ordinal=np.repeat([1, 2], [len(patient), dual.sum()]),
    )
    patplans.nums = ctx.ids.take("patplan", len(patplans.sub))
    patplans.relationship = _relationship(pt, patplans.patient, subs.subscriber[patplans.sub])
    first_visit = pt.first_visit[patplans.patient]
    seen = np.where(first_visit == NO_DATE, subs.entered[patplans.sub], first_visit - 3)
    # The analytics only read patplans entered in the window: older ones carry the practice's setup day.
    entered = clamp(np.maximum(subs.entered[patplans.sub], seen), ctx.practice.setup_day, ctx.today)
    created = _office_hours(rng, entered)
    edited = _office_hours(rng, _day_between(rng, entered, np.minimum(entered + 365, ctx.today)))
    ctx.out.copy("patplan", {
        "PatPlanNum": patplans.nums, "PatNum": pt.nums[patplans.patient], "Ordinal": patplans.ordinal,
        "IsPending": False, "Relationship": patplans.relationship, "PatID": "", "InsSubNum": subs.nums[patplans.sub],
        "SecDateTEntry": created, "SecDateTEdit": np.maximum(edited, created),
    })
    return patplans


def coverage_by_patient(ctx, plans, subs, patplans):
    """The per-patient hand-over arrays of the module docstring."""
    n = len(ctx.practice.patients.nums)
    coverage = {}
    for ordinal, prefix in ((1, "primary_"), (2, "secondary_")):
        on = patplans.ordinal == ordinal
        patient, sub = patplans.patient[on], patplans.sub[on]
        values = {"plan": (-1, subs.plan[sub]), "sub": (0, subs.nums[sub]), "patplan": (0, patplans.nums[on]),
                  "plan_num": (0, plans.nums[subs.plan[sub]]), "relationship": (-1, patplans.relationship[on]),
                  "since": (NO_DATE, subs.effective[sub])}
        for name, (empty, value) in values.items():
            coverage[prefix + name] = np.full(n, empty)
            coverage[prefix + name][patient] = value
    coverage["relationship"] = coverage.pop("primary_relationship")
    return coverage


def entry_and_edit(ctx, stream, used_since, group, n):
    """When plans (carriers) were entered: by the practice's setup day, or earlier when an older subscription
    (plan) already used them; and when they were last edited, inside the window."""
    rng = ctx.rng(stream)
    entered = np.full(n, ctx.practice.setup_day)
    np.minimum.at(entered, group, used_since)
    edited = _day_between(rng, np.maximum(entered, ctx.start), np.full(n, ctx.today))
    return entered, _office_hours(rng, edited)


def carrier_rows(ctx, carriers):
    address = {column: [r[column] for r in carriers.rows] for column in ("Address", "City", "State", "Zip", "Phone")}
    ctx.out.copy("carrier", {
        "CarrierNum": carriers.nums, "CarrierName": carriers.names, **address,
        "ElectID": [r["ElectID"] for r in carriers.rows], "NoSendElect": 0, "IsCDA": False, "IsHidden": False,
        "CarrierGroupName": carriers.group, "SecUserNumEntry": ctx.practice.users.admin,
        "SecDateEntry": carriers.entered, "SecDateTEdit": carriers.edited,
    })


def _employer_names(ctx, employer):
    """EmpName of employers, named as the patients phase names them (the n-th distinct Faker company)."""
    names = list(dict.fromkeys(ctx.random.pools.company.tolist()))
    position = np.searchsorted(ctx.practice.employers, employer)
    return [names[i % len(names)][:50] for i in position.tolist()]


def insplan_rows(ctx, plans):
    rng = ctx.rng("insplan-rows")
    n = len(plans.nums)
    billing_users = ctx.practice.users.billing
    ctx.out.copy("insplan", {
        "PlanNum": plans.nums, "GroupName": _employer_names(ctx, plans.employer), "GroupNum": plans.group_num,
        "FeeSched": np.where(plans.is_ppo, ctx.practice.fee_scheds.nums[plans.fee_sched_index], 0),
        "PlanType": np.where(plans.is_ppo, "p", ""), "ClaimFormNum": 0, "EmployerNum": plans.employer,
        "CarrierNum": plans.carrier, "MonthRenew": plans.month_renew, "CobRule": plans.cob_rule,
        "BillingType": ctx.practice.defs.billing_standard,
        "SecUserNumEntry": billing_users[rng.integers(0, len(billing_users), n)],
        "SecDateEntry": plans.entered, "SecDateTEdit": plans.edited,
    })


def _benefits(plan, benefit_type, **columns):
    """Rows of one kind of benefit for the plans `plan`; OpenDental writes -1 for a blank Percent or amount."""
    rows = {"plan": plan, "BenefitType": benefit_type, "CovCatNum": 0, "CodeNum": 0, "Percent": -1,
            "MonetaryAmt": -1.0, "TimePeriod": 0, "QuantityQualifier": 0, "Quantity": 0, "CoverageLevel": 0,
            **columns}
    return {column: np.broadcast_to(value, len(plan)) for column, value in rows.items()}


def benefit_rows(ctx, plans, categories):
    """Each plan's benefits as OpenDental's benefit window stores them: a coinsurance percent per coverage
    category, the annual maximum, individual and family deductibles (waived on diagnostic and preventive care),
    frequency limits on exam, prophy and x-ray codes, and orthodontic coverage or its exclusion. Category rules
    name a covcat (CovCatNum), frequency limits a procedure code (CodeNum); every unused key is 0, never NULL."""
    n, n_categories = len(plans.nums), len(categories.nums)
    every = np.arange(n)
    year = np.where(plans.month_renew > 0, SERVICE_YEAR, CALENDAR_YEAR)
    plan, category = np.repeat(every, n_categories), np.tile(np.arange(n_categories), n)
    covered = plans.percent[plan, category] > 0
    plan, category = plan[covered], category[covered]
    ortho = categories.nums[categories.index["Orthodontics"]]
    with_ortho, without_ortho = every[plans.ortho_max_cents > 0], every[plans.ortho_max_cents == 0]
    code_num = ctx.practice.codes.num
    kinds = [
        _benefits(plan, COINSURANCE, CovCatNum=categories.nums[category], Percent=plans.percent[plan, category],
                  TimePeriod=year[plan]),
        _benefits(every, LIMITATION, MonetaryAmt=plans.annual_max_cents / 100.0, TimePeriod=year,
                  CoverageLevel=INDIVIDUAL),
        _benefits(every, DEDUCTIBLE, MonetaryAmt=plans.deductible_cents / 100.0, TimePeriod=year,
                  CoverageLevel=INDIVIDUAL),
        _benefits(every, DEDUCTIBLE, MonetaryAmt=plans.family_deductible_cents / 100.0, TimePeriod=year,
                  CoverageLevel=FAMILY),
        *(_benefits(every, DEDUCTIBLE, CovCatNum=categories.nums[categories.index[name]], MonetaryAmt=0.0,
                    TimePeriod=year, CoverageLevel=INDIVIDUAL) for name in DEDUCTIBLE_WAIVED),
        *(_benefits(every, LIMITATION, CodeNum=code_num[code], QuantityQualifier=qualifier, Quantity=quantity,
                    TimePeriod=year if qualifier == NUMBER_OF_SERVICES else 0)
          for code, qualifier, quantity in FREQUENCY_LIMITS),
        _benefits(with_ortho, LIMITATION, CovCatNum=ortho, MonetaryAmt=plans.ortho_max_cents[with_ortho] / 100.0,
                  TimePeriod=LIFETIME, CoverageLevel=INDIVIDUAL),
        _benefits(with_ortho, LIMITATION, CovCatNum=ortho, QuantityQualifier=AGE_LIMIT, Quantity=ORTHO_AGE_LIMIT),
        _benefits(without_ortho, EXCLUSION, CovCatNum=ortho),
    ]
    rows = {column: np.concatenate([kind[column] for kind in kinds]) for column in kinds[0]}
    order = np.argsort(rows["plan"], kind="stable")  # a plan's benefits are entered together
    rows = {column: values[order] for column, values in rows.items()}
    plan = rows.pop("plan")
    ctx.out.copy("benefit", {
        "BenefitNum": ctx.ids.take("benefit", len(plan)), "PlanNum": plans.nums[plan], "PatPlanNum": 0,
        "CodeGroupNum": 0, **rows,
        "SecDateTEntry": stamp(plans.entered[plan], 8 * 3600), "SecDateTEdit": plans.edited[plan],
    })


def inssub_rows(ctx, subs, plans, carriers):
    rng = ctx.rng("inssub-rows")
    n = len(subs.nums)
    member_id = [f"{prefix}{number:09d}" for prefix, number in
                 zip(carriers.member_prefix[plans.carrier_idx[subs.plan]], rng.integers(0, 10**9, n).tolist())]
    front_desk = ctx.practice.users.front_desk
    ctx.out.copy("inssub", {
        "InsSubNum": subs.nums, "PlanNum": plans.nums[subs.plan],
        "Subscriber": ctx.practice.patients.nums[subs.subscriber],
        "DateEffective": subs.effective, "DateTerm": subs.term,  # NaT = NULL: active coverage (DOMAIN rule 10)
        "ReleaseInfo": True, "AssignBen": True, "SubscriberID": member_id,
        "SecUserNumEntry": front_desk[rng.integers(0, len(front_desk), n)],
        "SecDateEntry": subs.entered, "SecDateTEdit": subs.edited,
    })
