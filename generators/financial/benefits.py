"""The plan's benefit rules as a carrier applies them to claim lines (plan_benefits.benefit_rows writes them): the
benefit year, the deductible taken once a year (individual, capped by the family's), the annual maximum, and
the age and frequency limits of the plan's code groups, the waiting period on major work of a new subscription,
and the downgrade of a posterior composite to the amalgam's fee (the code's SubstitutionCode, only on molars
where SubstOnlyIf says so) by plans that downgrade (insplan.CodeSubstNone false). Every function takes the lines in any order and works
on them sorted by lines.order (their date, estimates after claims; then procedure) inside their group, with
running totals."""
import numpy as np

from core.arrays import cumsum_before, groups, rank_in_group
from opendental.codes import MOLAR_TEETH, BenefitQuantity, SubstitutionCondition, TreatmentArea

from ..data import read_table
from ..plan_benefits import CODE_GROUP_LIMITS, PERIO_MAINTENANCE_LIMIT, PROPHY, PROPHY_WITH_PERIO


def benefit_year(plans, plan, days):
    """The benefit year of each day: the calendar year, or the year in which the plan's renewal month began."""
    months = days.astype("datetime64[M]").astype(np.int64)
    return (months - np.maximum(plans.month_renew[plan] - 1, 0)) // 12


def _taken(keys, lines, amount, cap):
    """Per line: how much of `amount` fits under `cap` given the earlier lines of its group (keys)."""
    group = groups(*keys)[0]
    regrouped = groups(group, lines.order, lines.proc)[1]
    taken = np.zeros(len(amount), dtype=np.int64)
    taken[regrouped] = np.clip(cap[regrouped] - cumsum_before(group[regrouped], amount[regrouped]), 0,
                               amount[regrouped])
    return taken


def deductible(plans, lines, subject):
    """The deductible taken from each line: the patient's individual deductible of the benefit year, while the
    subscription's family deductible of that year is not met."""
    individual = _taken((lines.patient, lines.plan, lines.year), lines, subject, plans.deductible_cents[lines.plan])
    return _taken((lines.sub, lines.plan, lines.year), lines, individual, plans.family_deductible_cents[lines.plan])


def within_maximum(plans, lines, base):
    """What the annual maximum leaves of each line's benefit (remaining benefits of the patient's year)."""
    return _taken((lines.patient, lines.plan, lines.year), lines, base, plans.annual_max_cents[lines.plan])


def _code_groups(codes):
    """Per code group name: bool per code index, whether the group holds the code."""
    return {row["GroupName"]: np.isin(codes.code, row["ProcCodes"].split(","))
            for row in read_table("billing_code_groups")}


def _age(birth, days):
    """Age in whole years on each day (a birthday counts from its day)."""
    born, on = _date_key(birth), _date_key(days)
    return (on // 10000 - born // 10000) - (on % 10000 < born % 10000)


def _date_key(days):
    d = days.astype("datetime64[D]")
    return (d.astype("datetime64[Y]").astype(np.int64) * 10000
            + (d.astype("datetime64[M]") - d.astype("datetime64[Y]")).astype(np.int64) * 100
            + (d - d.astype("datetime64[M]")).astype(np.int64))


def _beyond_count(lines, quantity, member):
    """Lines past the `quantity`-th service of their group in the benefit year."""
    rows = np.flatnonzero(member)
    order = rows[groups(lines.patient[rows], lines.plan[rows], lines.year[rows], lines.order[rows],
                        lines.proc[rows])[1]]
    rank = rank_in_group(groups(lines.patient[order], lines.plan[order], lines.year[order])[0])
    beyond = np.zeros(len(lines.proc), dtype=bool)
    beyond[order] = rank >= quantity[order]
    return beyond


def _beyond_years(lines, years, area, member):
    """Lines within `years` years of the last service of their group (and tooth or quadrant) the plan paid."""
    rows = np.flatnonzero(member)
    order = rows[groups(lines.patient[rows], lines.plan[rows], area[rows], lines.order[rows], lines.proc[rows])[1]]
    group = groups(lines.patient[order], lines.plan[order], area[order])[0]
    key = _date_key(lines.date[order])
    position = np.arange(len(order))
    covered = np.ones(len(order), dtype=bool)
    while len(order):  # each pass settles at least one more line of every group (an earlier line decides a later one)
        last = np.maximum.accumulate(np.where(covered, position, -1))
        previous = np.r_[-1, last[:-1]]
        same = (previous >= 0) & (group[np.maximum(previous, 0)] == group)
        settled = ~same | (key >= key[np.maximum(previous, 0)] + years * 10000)
        if np.array_equal(settled, covered):
            break
        covered = settled
    beyond = np.zeros(len(lines.proc), dtype=bool)
    beyond[order] = ~covered
    return beyond


def beyond_limits(ctx, lines):
    """Lines the plan's age or frequency limits leave unpaid (plan_benefits.benefit_rows writes the limits)."""
    plans, pr = ctx.practice.insurance.plans, ctx.practice.clinical.procedures
    in_group = _code_groups(ctx.practice.codes)
    code, proc = pr.code[lines.proc], lines.proc
    age = _age(ctx.practice.patients.birth[lines.patient], lines.date)
    four = np.isin(lines.patplan, plans.four_cleanings)
    shared = plans.perio_with_prophy[lines.plan]
    beyond = np.zeros(len(proc), dtype=bool)
    for group, qualifier, quantity, area, on in (*((*limit, True) for limit in CODE_GROUP_LIMITS),
                                                 (*PERIO_MAINTENANCE_LIMIT, ~shared)):
        member = on & np.where(shared & (group == PROPHY), in_group[PROPHY_WITH_PERIO][code], in_group[group][code])
        if qualifier == BenefitQuantity.AGE_LIMIT:
            beyond |= member & (age > quantity)
        elif qualifier == BenefitQuantity.NUMBER_OF_SERVICES:
            allowed = np.where(four & (group == PROPHY), 4, quantity)
            beyond |= _beyond_count(lines, allowed, member & ~beyond)
        else:
            where = {TreatmentArea.TOOTH: pr.tooth[proc], TreatmentArea.QUADRANT: pr.surf[proc]}.get(
                area, np.full(len(proc), ""))
            beyond |= _beyond_years(lines, quantity, where, member & ~beyond)
    return beyond


def substitutes(codes):
    """Per code index: the code index a downgrading plan pays it as (-1: none), and whether only on molars."""
    substitute, molar_only = np.full(len(codes.code), -1), np.zeros(len(codes.code), dtype=bool)
    for row in read_table("procedure_codes"):
        if row["subst_code"] and row["code"] in codes.index:
            substitute[codes.index[row["code"]]] = codes.index[row["subst_code"]]
            molar_only[codes.index[row["code"]]] = int(row["subst_only_if"]) == SubstitutionCondition.MOLAR
    return substitute, molar_only


def downgraded_code(ctx, lines):
    """Per line: the code index its plan pays it as (the procedure's own code unless downgraded)."""
    pr, plans = ctx.practice.clinical.procedures, ctx.practice.insurance.plans
    code = pr.code[lines.proc]
    substitute, molar_only = substitutes(ctx.practice.codes)
    down = ((substitute[code] >= 0) & ~plans.code_subst_none[lines.plan]
            & (~molar_only[code] | np.isin(pr.tooth[lines.proc], MOLAR_TEETH)))
    return np.where(down, substitute[code], code)


def in_waiting_period(ctx, lines):
    """Lines of major work within the plan's waiting period, counted in months from the subscription's start."""
    plans, code = ctx.practice.insurance.plans, ctx.practice.clinical.procedures.code[lines.proc]
    months = plans.waiting_months[lines.plan]
    start = lines.since.astype("datetime64[M]")
    end = (start + months).astype("datetime64[D]") + (lines.since - start.astype("datetime64[D]"))
    return (months > 0) & plans.waiting_codes[code] & (lines.date < end)
