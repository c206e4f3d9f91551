"""Phase 3, insurance: carriers, employer group plans and their benefits, subscriptions (inssub) and the
coverage of each insured patient (patplan), plus OpenDental's insurance categories (covcat, covspan) that
percentage benefits refer to.

Coverage follows the family. In a family the patients phase marked insured, one adult (the guarantor, for a
minority the spouse) subscribes to a plan of their employer, and every insured member is attached to that
subscription as self, spouse or child. Some two-earner families also hold the other spouse's plan, which
is secondary (for the children the birthday rule decides which is primary). Some subscribers changed jobs:
their old subscription ended (DateTerm) the day before the new one began, and only the new one has patplans
(OpenDental's patient drops the old plan), but the work done before the change was billed to the old one
(Insurance.primary_on; Insurance.secondary_on for the members it covers second).
A few retired plans that no employer offers any more stay in the plan list, hidden, under the carriers that
left the market. Plans name their claim form and claim filing code (insfilingcode, written here).

Claim forms and procedure code groups (benefit.CodeGroupNum) are written later by the billing phase, which
numbers the rows of its data files 1, 2... in file order; the keys here follow that order.

The practice step returns a handover.InsuranceReference (coverage categories, carriers, filing codes); the
carriers are written after every office (carrier_rows). The office step adds ctx.practice.insurance
(handover.Insurance: the office's plans and each patient's coverage).
"""
import dataclasses
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, rank_in_group, sorted_by
from core.randomness import weighted_choice
from opendental.codes import CobRule, Relat
from opendental.definitions import NONE, DefCat, defnum

from .context import RunContext
from .data import read_table
from .foundation import SETUP_USER
from .handover import CarrierEntries, Carriers, CoverageCategories, Insurance, InsurancePlans, InsuranceReference
from .parameters import parameter, parameters
from .plan_benefits import (DEDUCTIBLE_WAIVED, EXCLUDED_CODES, MAJOR_CODES, ORTHO_AGE_LIMIT, WAITING_PERIOD_CATEGORIES,
                            benefit_rows, billing_key, patient_benefits)
from .timeline import NO_DATE, clamp, day, day_between, office_hours

TITLE = "Insurance: carriers, plans, benefits, subscribers, patient plans"

PPO_SHARE, SPOUSE_HOLDS_SHARE, DUAL_COVERAGE_SHARE, JOB_CHANGE_SHARE = parameters(
    "insurance.ppo_share", "insurance.spouse_holds_share", "insurance.dual_coverage_share", "insurance.job_change_share")
BENEFIT_CLASSES = ("preventive", "basic", "major", "ortho")
# Coinsurance percent of the (preventive, basic, major) categories, and the share of plans with that design.
COINSURANCE_DESIGNS = (((100, 80, 50), 0.6), ((100, 90, 60), 0.15), ((100, 80, 60), 0.1), ((100, 70, 50), 0.15))
ORTHO_SHARE, PERIO_WITH_PROPHY_SHARE = parameters("insurance.ortho_share", "insurance.perio_with_prophy_share")
ORTHO_PERCENT = 50
# annual maximums: NADP, the average PPO annual maximum is about $1,300, little changed in decades
ANNUAL_MAX_DOLLARS = ((1000, 0.45), (1250, 0.15), (1500, 0.25), (2000, 0.1), (2500, 0.05))
ORTHO_LIFETIME_MAX_DOLLARS = ((1000, 0.4), (1500, 0.4), (2000, 0.2))
DEDUCTIBLE_DOLLARS = (((50, 150), 0.75), ((25, 75), 0.1), ((100, 300), 0.15))  # (individual, family)
RENEWAL_MONTHS = ((0, 0.9), (7, 0.05), (10, 0.03), (4, 0.02))  # insplan.MonthRenew, 0 = calendar year
COB_RULES = ((CobRule.BASIC, 0.85), (CobRule.STANDARD, 0.15))
RETIRED_PLAN_SHARE = parameter("insurance.retired_plan_share")
INDIVIDUAL_PLAN_SHARE = parameter("insurance.individual_plan_share")
EMPLOYER_PLAN_SHARE = parameter("insurance.employer_plan_share")
RETIREMENT_DAYS = 66 * 365
CODE_SUBST_NONE_SHARE = parameter("insurance.code_subst_none_share")
WAITING_PERIOD_SHARE = parameter("insurance.waiting_period_share")
WAITING_PERIOD_MONTHS = 12
DIVISION_SHARE = parameter("insurance.division_share")
PLAN_NOTE_SHARE, BENEFIT_NOTE_SHARE, SUBSCRIBER_NOTE_SHARE = parameters(
    "insurance.plan_note_share", "insurance.benefit_note_share", "insurance.subscriber_note_share")
PENDING_DAYS = 90  # patient plans entered in the last PENDING_DAYS may still wait for verification
PENDING_SHARE = parameter("insurance.pending_share")
DEFAULT_CLAIM_FORM = "ADA 2019"
PPO_FILING_CODE, DEFAULT_FILING_CODE = "12", "CI"  # X12 claim filing indicators
PLAN_NOTES = ("Missing tooth clause applies", "Waiting period 12 months on major services",
              "Send x-rays and perio charting with SRP claims", "Preauthorization recommended over $500",
              "Frequencies are per calendar year, not 6 months + 1 day", "Downgrades posterior composites to amalgam")
NO_DOWNGRADE_NOTE = "Posterior composites paid as composites (no alternate benefit)"
SUBSCRIBER_NOTES = ("Copy of card scanned to Documents", "Card lists group number only; member ID from carrier portal",
                    "COBRA coverage - verify each month", "Retiree coverage through former employer",
                    "Subscriber moved - address updated with carrier")
EARLIEST_ENTRY = day("2010-01-01")
def practice(ctx: RunContext) -> InsuranceReference:
    """The insurance categories, the carriers (numbered here, written once every office's plans are known:
    carrier_rows) and the claim filing codes."""
    carriers = carrier_catalog(ctx)
    return InsuranceReference(categories=coverage_categories(ctx), carriers=carriers, filing_codes=filing_codes(ctx),
                              carrier_entered=CarrierEntries(np.full(len(carriers.nums), ctx.practice.setup_day)))


def office(ctx: RunContext, reference: InsuranceReference) -> None:
    """The office's employers' plans, its patients' subscriptions and coverage."""
    categories, carriers = reference.categories, reference.carriers
    plans = group_plans(ctx, carriers, categories)
    holders = policy_holders(ctx)
    holders_at_group_employers(ctx, plans, holders)
    subs = subscriptions(ctx, plans, holders)
    inssub_rows(ctx, subs, plans, carriers, categories)
    patplans = patient_plans(ctx, holders, subs, plans, carriers)
    plans.entered, plans.edited = entry_and_edit(ctx, "insplan-dates", subs.entered, subs.plan, len(plans.nums))
    reference.carrier_entered.used(plans.entered, plans.carrier_idx)
    insplan_rows(ctx, plans, carriers, reference.filing_codes)
    benefit_rows(ctx, plans, categories)
    patient_benefits(ctx, plans, subs, patplans)
    ctx.practice.insurance = Insurance(carriers=carriers, plans=InsurancePlans(**vars(plans)),
                                       **coverage_by_patient(ctx, plans, subs, patplans))


def coverage_categories(ctx: RunContext) -> CoverageCategories:
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
    return CoverageCategories(nums=nums, index={name: i for i, name in enumerate(names)}, of_code=of_code,
                              benefit_class=np.array([BENEFIT_CLASSES.index(r["benefit_class"]) for r in rows]))


def carrier_catalog(ctx: RunContext) -> Carriers:
    """The dental carriers of generators/data/carriers.csv, with their claims address and payer ID. Hidden
    carriers left the market: they hold only retired plans."""
    rows = read_table("carriers")
    weight = np.array([float(r["weight"]) for r in rows])
    return Carriers(
        rows=rows, nums=ctx.ids.take("carrier", len(rows)), names=np.array([r["CarrierName"] for r in rows]),
        group=np.array([defnum(DefCat.CARRIER_GROUP_NAMES, r["group"]) if r["group"] else NONE for r in rows],
                       dtype=np.int64),
        fee_tier=np.array([int(r["fee_tier"]) for r in rows]), weight=weight / weight.sum(),
        member_prefix=np.array([r["member_prefix"] for r in rows]),
        hidden=np.array([r["IsHidden"] == "1" for r in rows]), filing_code=np.array([r["filing_code"] for r in rows]),
        dependent_ids=np.array([r["dependent_ids"] == "1" for r in rows]),  # a member ID per family member
    )


def _plan_count(patients):
    """30-45 group plans up to 5,000 patients, then growing with the square root of the practice's size."""
    return int(np.clip(round(patients / 120), 30, round(45 * np.sqrt(max(patients, 5000) / 5000))))


def _individual_plan_count(offered):
    """Of the offered plans, the individual ones (EmployerNum 0) that people without a group plan buy."""
    return max(2, round(offered * INDIVIDUAL_PLAN_SHARE))


def group_plans(ctx, carriers, categories):
    """Employer group plans: a carrier, PPO (the carrier's network fee schedule) or percentage (UCR), and
    coverage rules. Larger employers offer two or three plans. After them, the retired plans of the hidden
    carriers, hidden too (OpenDental keeps a plan once entered)."""
    n = _plan_count(ctx.config.patients)
    n_retired = max(2, round(n * RETIRED_PLAN_SHARE))
    offered = _plans(ctx, ctx.rng("insplan"), n, carriers, carriers.weight, categories)
    retired = _plans(ctx, ctx.rng("insplan-retired"), n_retired, carriers, carriers.hidden / carriers.hidden.sum(),
                     categories)
    offered.employer[n - _individual_plan_count(n):] = 0
    plans = concat_rows([offered, retired])
    plans.offered, plans.hidden = n, np.arange(n + n_retired) >= n
    plans.carrier, plans.carrier_name = carriers.nums[plans.carrier_idx], carriers.names[plans.carrier_idx]
    plans.claim_form = billing_key("billing_claim_forms", "Description", DEFAULT_CLAIM_FORM)
    shares = [share for _, share in EXCLUDED_CODES]
    plans.excluded = ctx.rng("insplan-code-rules").random((n + n_retired, len(EXCLUDED_CODES))) < shares
    coverage = _code_coverage(ctx, plans, categories)
    scheds = ctx.practice.fee_scheds

    def coverage_percent(plan_idx, code_idx):
        return coverage[plan_idx, code_idx]

    def allowed_cents(plan_idx, code_idx, days):
        return scheds.in_force(plans.fee_sched_index[plan_idx], code_idx, days)

    plans.coverage_percent, plans.allowed_cents = coverage_percent, allowed_cents
    plans.perio_with_prophy = ctx.rng("insplan-perio-maintenance").random(n + n_retired) < PERIO_WITH_PROPHY_SHARE
    waived = [categories.index[name] for name in DEDUCTIBLE_WAIVED]
    plans.deductible_waived = np.isin(categories.of_code, waived)
    plans.code_subst_none = ctx.rng("insplan-downgrades").random(n + n_retired) < CODE_SUBST_NONE_SHARE
    individual = plans.employer == 0
    waits = individual | (ctx.rng("insplan-waiting-periods").random(n + n_retired) < WAITING_PERIOD_SHARE)
    plans.waiting_months = np.where(waits, WAITING_PERIOD_MONTHS, 0)
    plans.waiting_codes = np.isin(categories.of_code, [categories.index[name] for name in WAITING_PERIOD_CATEGORIES])
    return plans


def _plans(ctx, rng, n, carriers, carrier_weight, categories):
    """n plans of carriers drawn by weight: their pricing and coverage rules."""
    scheds = ctx.practice.fee_scheds
    carrier_idx = rng.choice(len(carriers.nums), n, p=carrier_weight)
    employers = ctx.practice.employers
    is_ppo = rng.random(n) < PPO_SHARE
    fee_sched_index = np.where(is_ppo, np.minimum(carriers.fee_tier[carrier_idx], len(scheds.ppo)), 0)
    has_ortho = rng.random(n) < ORTHO_SHARE
    class_percent = np.column_stack([weighted_choice(rng, COINSURANCE_DESIGNS, n), np.where(has_ortho, ORTHO_PERCENT, 0)])
    percent = class_percent[:, categories.benefit_class]  # [plan, coverage category]
    deductible = weighted_choice(rng, DEDUCTIBLE_DOLLARS, n) * 100
    return SimpleNamespace(
        nums=ctx.ids.take("insplan", n), carrier_idx=carrier_idx,
        employer=rng.permutation(employers)[np.arange(n) % len(employers)],
        is_ppo=is_ppo, fee_sched_index=fee_sched_index, percent=percent,
        annual_max_cents=weighted_choice(rng, ANNUAL_MAX_DOLLARS, n) * 100,
        ortho_max_cents=np.where(has_ortho, weighted_choice(rng, ORTHO_LIFETIME_MAX_DOLLARS, n) * 100, 0),
        deductible_cents=deductible[:, 0], family_deductible_cents=deductible[:, 1],
        month_renew=weighted_choice(rng, RENEWAL_MONTHS, n), cob_rule=weighted_choice(rng, COB_RULES, n),
        group_num=np.array([f"{x:07d}" for x in rng.integers(10000, 9999999, n)]),
    )


def _code_coverage(ctx, plans, categories):
    """Coverage percent of every code under every plan [plan, code]: its coverage category's, except that
    build-ups are paid like crowns and the plan's excluded codes (plans.excluded) are not covered."""
    index = ctx.practice.codes.index
    category = categories.of_code
    coverage = np.where(category >= 0, plans.percent[:, category], 0)
    for code in MAJOR_CODES:
        coverage[:, index[code]] = plans.percent[:, categories.index["Crowns"]]
    for rule, (code, _) in enumerate(EXCLUDED_CODES):
        coverage[plans.excluded[:, rule], index[code]] = 0
    return coverage


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
    other = np.where(holder == guarantor, spouse, guarantor)
    holder = np.where(couple & (pt.employer[holder] == 0) & (pt.employer[other] > 0), other, holder)  # the one working
    partner = np.where(holder == guarantor, spouse, guarantor)
    second = couple & (pt.employer[partner] > 0) & (rng.random(n) < DUAL_COVERAGE_SHARE)
    return SimpleNamespace(family=family, holder=holder, partner=np.where(second, partner, -1),
                           first_visit=_families_first_visit(ctx, rng, family))


def holders_at_group_employers(ctx, plans, holders):
    """Most US dental coverage is employer-sponsored: a working-age policy holder whose employer offers no plan
    (or who has none on file) mostly works for one that does (EMPLOYER_PLAN_SHARE); retirees and the rest buy an
    individual plan. Sets the holders' EmployerNum (patient rows and ctx.practice.patients)."""
    rng = ctx.rng("policy-holder-employers")
    pt = ctx.practice.patients
    offering = np.unique(plans.employer[:plans.offered][plans.employer[:plans.offered] > 0])
    holder = holders.holder
    steered = ((pt.role[holder] != 2) & (pt.age_days[holder] < RETIREMENT_DAYS) & ~np.isin(pt.employer[holder], offering)
               & (rng.random(len(holder)) < EMPLOYER_PLAN_SHARE))
    moved = holder[steered]
    employer = pt.employer.copy()
    employer[moved] = offering[rng.integers(0, len(offering), len(moved))]
    ctx.practice.patients = dataclasses.replace(pt, employer=employer)
    ctx.out.update("patient", "PatNum", {"PatNum": pt.nums[moved], "EmployerNum": employer[moved]})


def _families_first_visit(ctx, rng, family):
    """The day each family first came (a family that never came: around when it was entered)."""
    pt, fam = ctx.practice.patients, ctx.practice.families
    visit = np.where(pt.first_visit == NO_DATE, ctx.today + 1, pt.first_visit)
    first = np.minimum.reduceat(visit, fam.first)[family]
    entered = ctx.start + rng.integers(0, 400, len(family)).astype("timedelta64[D]")
    return np.where(first > ctx.today, np.minimum(entered, ctx.today), first)


def _month_start(days):
    return days.astype("datetime64[M]").astype("datetime64[D]")


def _plan_of_employer(rng, plans, employer):
    """A plan the employer offers; a subscriber whose employer offers none, or who has no employer (retired,
    self-employed...), buys an individual plan (EmployerNum 0)."""
    order = np.argsort(plans.employer[:plans.offered], kind="stable")
    offered = plans.employer[order]
    employer = np.where(np.isin(employer, offered), employer, 0)
    low, high = np.searchsorted(offered, employer, "left"), np.searchsorted(offered, employer, "right")
    pick = low + (rng.random(len(employer)) * (high - low)).astype(np.int64)
    return order[pick]


def _other_individual_plan(rng, plans, plan):
    """An individual plan other than `plan`: what a spouse buys whose employer's plan the family already has."""
    count = _individual_plan_count(plans.offered)
    first = plans.offered - count
    return first + (np.maximum(plan - first, 0) + rng.integers(1, count, len(plan))) % count


def _group_plans(plans):
    return np.flatnonzero(plans.employer[:plans.offered] > 0)


def _plan_of_former_employer(plans, pick, plan, partner_plan):
    """The group plan a subscriber held before changing jobs: `pick` (drawn among the group plans), else the next
    group plan that is of another employer than `plan`'s and not the partner's plan (`partner_plan`, -1 none): a
    family never holds one plan twice, so each claimproc's plan names its subscription."""
    group = _group_plans(plans)
    for _ in range(len(group)):
        taken = (plans.employer[pick] == plans.employer[plan]) | (pick == partner_plan)
        if not taken.any():
            break
        pick = np.where(taken, group[(np.searchsorted(group, pick) + 1) % len(group)], pick)
    return pick


def _coverage_start(rng, first_visit):
    """Group coverage starts on the first of a month, up to six years before the family's first visit."""
    return _month_start(first_visit - rng.integers(0, 6 * 365, len(first_visit)).astype("timedelta64[D]"))


def subscriptions(ctx, plans, holders):
    """inssub rows: each family's policy, the second policies of two-earner families, and the subscriptions
    that ended when their holder changed jobs. Coverage usually began before the family's first visit."""
    rng = ctx.rng("inssub")
    pt = ctx.practice.patients
    n = len(holders.holder)
    first_visit = holders.first_visit
    effective = _coverage_start(rng, first_visit)
    entered = clamp(first_visit - rng.integers(0, 15, n).astype("timedelta64[D]"), EARLIEST_ENTRY, ctx.today)
    plan = _plan_of_employer(rng, plans, pt.employer[holders.holder])

    earliest_change = np.maximum(effective + 365, first_visit + 31)
    changed = (rng.random(n) < JOB_CHANGE_SHARE) & (earliest_change < ctx.today - 30)
    change = _month_start(day_between(rng, np.minimum(earliest_change, ctx.today - 30), np.full(n, ctx.today - 30)))
    reported = np.minimum(change + rng.integers(0, 45, n).astype("timedelta64[D]"), ctx.today)
    group_plans = _group_plans(plans)
    old_pick = group_plans[rng.integers(0, len(group_plans), n)]  # drawn here, settled against the partner's plan

    second = holders.partner >= 0
    partner = holders.partner[second]
    second_plan = _plan_of_employer(rng, plans, pt.employer[partner])
    second_plan = np.where(second_plan == plan[second], _other_individual_plan(rng, plans, plan[second]), second_plan)
    second_effective = _coverage_start(rng, first_visit[second])
    partner_plan = np.full(n, -1)
    partner_plan[second] = second_plan
    old_plan = _plan_of_former_employer(plans, old_pick, plan, partner_plan)

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
    subs.edited = office_hours(rng, day_between(rng, first_touch, last_touch))
    subs.main = np.arange(n)  # per holders row: index of the family policy
    subs.second = np.full(n, -1)
    subs.second[second] = n + np.arange(len(partner))
    subs.replaced = np.full(len(subs.nums), -1)  # per subscription: the ended one it replaced, -1 if none
    subs.replaced[np.flatnonzero(changed)] = n + len(partner) + np.arange(changed.sum())
    return subs


def _relationship(pt, patient, subscriber):
    """patplan.Relationship of a patient to the subscriber of the plan."""
    me, them = pt.role[patient], pt.role[subscriber]
    return np.select([patient == subscriber, (me == 2) & (them != 2), (me != 2) & (them != 2)],
                     [Relat.SELF, Relat.CHILD, Relat.SPOUSE], Relat.DEPENDENT)


def _day_of_year(days):
    return (days - days.astype("datetime64[Y]")).astype(np.int64)


def patient_plans(ctx, holders, subs, plans, carriers):
    """patplan rows: every insured patient on the family policy and, in two-earner families, on the second
    policy too. Each spouse is primary (Ordinal 1) on their own plan; children are primary on the plan of the
    parent whose birthday comes first in the year (the birthday rule). Coverage entered in the last three
    months is partly still pending verification."""
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
    seen = np.maximum(seen, pt.entered[patplans.patient].astype("datetime64[D]"))  # on the patient's record
    # The analytics only read patplans entered in the window: older ones carry the practice's setup day.
    entered = clamp(np.maximum(subs.entered[patplans.sub], seen), ctx.practice.setup_day, ctx.today)
    created = office_hours(rng, entered)
    edited = office_hours(rng, day_between(rng, entered, np.minimum(entered + 365, ctx.today)))
    patplans.edited = np.maximum(edited, created)
    recent = entered > ctx.today - PENDING_DAYS
    ctx.out.copy("patplan", {
        "PatPlanNum": patplans.nums, "PatNum": pt.nums[patplans.patient], "Ordinal": patplans.ordinal,
        "IsPending": recent & (ctx.rng("patplan-pending").random(len(recent)) < PENDING_SHARE),
        "Relationship": patplans.relationship, "PatID": _patient_ids(subs, plans, carriers, patplans),
        "InsSubNum": subs.nums[patplans.sub], "SecDateTEntry": created, "SecDateTEdit": patplans.edited,
    })
    return patplans


def _patient_ids(subs, plans, carriers, patplans):
    """patplan.PatID: carriers that give each family member an ID print the subscriber's ID plus the member's
    two-digit number (01 the subscriber, then the others in family order); other carriers need none."""
    order = sorted_by(patplans.sub, patplans.relationship != Relat.SELF, patplans.patient)
    member = np.empty(len(order), dtype=np.int64)
    member[order] = rank_in_group(patplans.sub[order]) + 1
    own_ids = carriers.dependent_ids[plans.carrier_idx[subs.plan[patplans.sub]]] & (patplans.relationship != Relat.SELF)
    patient_id = np.full(len(order), "", dtype=object)
    member_number = np.array([f"{m:02d}" for m in member[own_ids].tolist()], dtype=object)
    patient_id[own_ids] = subs.member_id[patplans.sub[own_ids]].astype(object) + member_number
    return patient_id


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
    for ordinal, prefix in ((1, "former_"), (2, "former_secondary_")):
        on = patplans.ordinal == ordinal
        patient, former = patplans.patient[on], subs.replaced[patplans.sub[on]]
        patient, former = patient[former >= 0], former[former >= 0]
        values = {"plan": (-1, subs.plan[former]), "sub": (0, subs.nums[former]),
                  "since": (NO_DATE, subs.effective[former]), "until": (NO_DATE, subs.term[former])}
        for name, (empty, value) in values.items():
            coverage[prefix + name] = np.full(n, empty)
            coverage[prefix + name][patient] = value
    return coverage


def entry_and_edit(ctx: RunContext, stream: str, used_since: np.ndarray, group: np.ndarray, n: int):
    """When plans (carriers) were entered: by the practice's setup day, or earlier when an older subscription
    (plan) already used them; and when they were last edited, inside the window."""
    entered = np.full(n, ctx.practice.setup_day)
    np.minimum.at(entered, group, used_since)
    return entered, edit_times(ctx.rng(stream), entered, ctx.start, ctx.today)


def edit_times(rng, entered, start, today):
    """A last edit of each row between its entry (or the window's start) and today, in office hours."""
    edited = day_between(rng, np.maximum(entered, start), np.full(len(entered), today))
    return office_hours(rng, edited)


def carrier_rows(ctx: RunContext, reference: InsuranceReference) -> None:
    """Carriers as generators/data/carriers.csv describes them, entered by the setup day or when an office's plan
    first used them (written after every office): a paper-only trust fund never sent electronic claims
    (NoSendElect 1), the payer tax ID OpenDental stores from their ERAs (TIN), a highlight colour of the carrier's
    name in the appointment book for a few."""
    carriers = reference.carriers
    entered = reference.carrier_entered.first
    text = {column: [r[column] for r in carriers.rows]
            for column in ("Address", "Address2", "City", "State", "Zip", "Phone", "ElectID", "TIN")}
    ctx.out.copy("carrier", {
        "CarrierNum": carriers.nums, "CarrierName": carriers.names, **text,
        "NoSendElect": np.array([int(r["NoSendElect"]) for r in carriers.rows]), "IsCDA": False,
        "IsHidden": carriers.hidden, "CarrierGroupName": carriers.group,
        "ApptTextBackColor": np.array([int(r["ApptTextBackColor"]) for r in carriers.rows]),
        "SecUserNumEntry": SETUP_USER, "SecDateEntry": entered,
        "SecDateTEdit": edit_times(ctx.rng("carrier-dates"), entered, ctx.start, ctx.today),
    })


def filing_codes(ctx: RunContext) -> dict[str, int]:
    """OpenDental's claim filing codes (insfilingcode); returns their keys by X12 claim filing indicator."""
    rows = read_table("insurance_filing_codes")
    nums = ctx.ids.take("insfilingcode", len(rows))
    ctx.out.copy("insfilingcode", {
        "InsFilingCodeNum": nums, "Descript": [r["Descript"] for r in rows],
        "EclaimCode": [r["EclaimCode"] for r in rows], "ItemOrder": np.arange(len(rows)),
    })
    return dict(zip((r["EclaimCode"] for r in rows), nums.tolist()))


def _employer_names(ctx, employer):
    """EmpName of employers, named as the patients phase names them (the n-th distinct Faker company)."""
    names = list(dict.fromkeys(ctx.random.pools.company.tolist()))
    position = np.searchsorted(ctx.practice.employers, employer)
    return [names[i % len(names)][:50] for i in position.tolist()]


def insplan_rows(ctx, plans, carriers, filing_code):
    """insplan rows. The filing code is the carrier's (Blue Cross, federal employees) or follows the plan type;
    some plans pay posterior composites without downgrading them (CodeSubstNone), with a note saying so.
    Retired plans are hidden, also from the verification list. PPO substitution write-offs and the blue book
    (estimates of out-of-network allowed fees) are on, OpenDental's default for every plan."""
    rng = ctx.rng("insplan-rows")
    n = len(plans.nums)
    billing_users = ctx.practice.users.billing
    details = ctx.rng("insplan-details")
    no_downgrade = plans.code_subst_none
    note = np.where(no_downgrade, NO_DOWNGRADE_NOTE, details.choice(PLAN_NOTES, n))
    division = np.char.zfill(details.integers(1, 300, n).astype(str), 4)
    carrier_code = carriers.filing_code[plans.carrier_idx]
    indicator = np.where(carrier_code != "", carrier_code, np.where(plans.is_ppo, PPO_FILING_CODE, DEFAULT_FILING_CODE))
    ctx.out.copy("insplan", {
        "PlanNum": plans.nums, "GroupName": _employer_names(ctx, plans.employer), "GroupNum": plans.group_num,
        "DivisionNo": np.where(details.random(n) < DIVISION_SHARE, division, ""),
        "PlanNote": np.where(no_downgrade | (details.random(n) < PLAN_NOTE_SHARE), note, ""),
        "FeeSched": np.where(plans.is_ppo, ctx.practice.fee_scheds.nums[plans.fee_sched_index], 0),
        "PlanType": np.where(plans.is_ppo, "p", ""), "ClaimFormNum": plans.claim_form, "EmployerNum": plans.employer,
        "CarrierNum": plans.carrier, "MonthRenew": plans.month_renew, "CobRule": plans.cob_rule,
        "FilingCode": np.array([filing_code[x] for x in indicator.tolist()]), "CodeSubstNone": no_downgrade,
        "IsHidden": plans.hidden, "HideFromVerifyList": plans.hidden, "HasPpoSubstWriteoffs": True,
        "IsBlueBookEnabled": True, "BillingType": defnum(DefCat.BILLING_TYPES, "Standard Account"),
        "SecUserNumEntry": billing_users[rng.integers(0, len(billing_users), n)],
        "SecDateEntry": plans.entered, "SecDateTEdit": plans.edited,
    })


def _benefit_summaries(plans, categories):
    """Per plan, what the front desk writes down of its benefits when verifying a subscriber."""
    percent = plans.percent[:, [categories.index[name] for name in ("Preventive", "Restorative", "Crowns")]]
    return np.array([
        f"Annual max ${maximum // 100:,}, deductible ${deductible // 100} (waived on preventive), {p}/{b}/{m}"
        + (f"; ortho {ORTHO_PERCENT}% to ${ortho // 100} lifetime, to age {ORTHO_AGE_LIMIT}" if ortho else "")
        for maximum, deductible, (p, b, m), ortho in zip(plans.annual_max_cents.tolist(),
                                                         plans.deductible_cents.tolist(), percent.tolist(),
                                                         plans.ortho_max_cents.tolist())])


def inssub_rows(ctx, subs, plans, carriers, categories):
    """inssub rows; sets subs.member_id (SubscriberID). Some subscriptions carry the benefits noted when they
    were verified (BenefitNotes) or a note on the subscriber."""
    rng = ctx.rng("inssub-rows")
    n = len(subs.nums)
    subs.member_id = np.array([f"{prefix}{number:09d}" for prefix, number in
                               zip(carriers.member_prefix[plans.carrier_idx[subs.plan]],
                                   rng.integers(0, 10**9, n).tolist())])
    front_desk = ctx.practice.users.front_desk
    notes = ctx.rng("inssub-notes")
    benefit_notes = _benefit_summaries(plans, categories)[subs.plan]
    ctx.out.copy("inssub", {
        "InsSubNum": subs.nums, "PlanNum": plans.nums[subs.plan],
        "Subscriber": ctx.practice.patients.nums[subs.subscriber],
        "DateEffective": subs.effective, "DateTerm": subs.term,  # NaT = NULL: active coverage (DOMAIN rule 10)
        "ReleaseInfo": True, "AssignBen": True, "SubscriberID": subs.member_id,
        "BenefitNotes": np.where(notes.random(n) < BENEFIT_NOTE_SHARE, benefit_notes, ""),
        "SubscNote": np.where(notes.random(n) < SUBSCRIBER_NOTE_SHARE, notes.choice(SUBSCRIBER_NOTES, n), ""),
        "SecUserNumEntry": front_desk[rng.integers(0, len(front_desk), n)],
        "SecDateEntry": subs.entered, "SecDateTEdit": subs.edited,
    })
