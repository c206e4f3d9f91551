"""The benefit rows of the insurance phase: what each plan covers and limits, as OpenDental's benefit window
stores them (coinsurance per coverage category, maximums, deductibles and their waivers, frequency and age
limits on procedure code groups, excluded codes, orthodontics, waiting periods), and the few benefits kept on
one patient's plan. The financial phase applies these rules (generators/financial/benefits.py).
"""
import numpy as np

from opendental.codes import BenefitCoverageLevel, BenefitQuantity, BenefitTimePeriod, BenefitType, TreatmentArea

from .data import read_table
from .parameters import parameter
from .timeline import stamp

ORTHO_AGE_LIMIT = 19
DEDUCTIBLE_WAIVED = ("Diagnostic", "X-Ray", "Preventive")
WAITING_PERIOD_CATEGORIES = ("Crowns", "Prosthodontics", "Maxillofacial Prosth", "Implants")  # major work
EXTRA_CLEANINGS_SHARE = parameter("plan_benefits.extra_cleanings_share")
MAJOR_CODES = ("D2950",)  # core build-ups are paid at the crown percent
EXCLUDED_CODES = (("D9972", 1.0), ("D9975", 1.0), ("D9944", 0.4))  # whitening never covered; night guards on some plans
COINSURANCE, DEDUCTIBLE, EXCLUSION, LIMITATION = (BenefitType.COINSURANCE, BenefitType.DEDUCTIBLE,
                                                  BenefitType.EXCLUSIONS, BenefitType.LIMITATIONS)
WAITING_PERIOD = BenefitType.WAITING_PERIOD
SERVICE_YEAR, CALENDAR_YEAR, LIFETIME = (BenefitTimePeriod.SERVICE_YEAR, BenefitTimePeriod.CALENDAR_YEAR,
                                         BenefitTimePeriod.LIFETIME)
NUMBER_OF_SERVICES, AGE_LIMIT, YEARS = (BenefitQuantity.NUMBER_OF_SERVICES, BenefitQuantity.AGE_LIMIT,
                                        BenefitQuantity.YEARS)
INDIVIDUAL, FAMILY = BenefitCoverageLevel.INDIVIDUAL, BenefitCoverageLevel.FAMILY
NO_AREA, TOOTH, QUADRANT = TreatmentArea.NONE, TreatmentArea.TOOTH, TreatmentArea.QUADRANT
# Frequency and age limits on procedure code groups, as OpenDental's Frequencies tab stores them (group,
# qualifier, quantity, treatment area): two exams and two cleanings per benefit year, bitewings once a year, a
# full-mouth series or panoramic every five years, sealants once per tooth in three years and up to age 16,
# fluoride up to age 19, scaling and root planing once per quadrant in two years, a crown per tooth in five.
CODE_GROUP_LIMITS = (("Exams", NUMBER_OF_SERVICES, 2, NO_AREA), ("Prophy", NUMBER_OF_SERVICES, 2, NO_AREA),
                     ("BWs", NUMBER_OF_SERVICES, 1, NO_AREA), ("Pano/FMX", YEARS, 5, NO_AREA),
                     ("Sealants", YEARS, 3, TOOTH), ("Sealants", AGE_LIMIT, 16, NO_AREA),
                     ("Fluoride", AGE_LIMIT, 19, NO_AREA), ("SRP", YEARS, 2, QUADRANT), ("Crowns", YEARS, 5, TOOTH))
# Some plans count periodontal maintenance in the cleanings (their Prophy limit names the shared code group); the
# others allow four maintenance visits a year on their own.
PROPHY, PROPHY_WITH_PERIO = "Prophy", "Prophy/Perio Maint"
PERIO_MAINTENANCE_LIMIT = ("Perio Maint", NUMBER_OF_SERVICES, 4, NO_AREA)


def billing_key(table, column, value):
    """Key of a row of a reference table the billing phase writes later (claim forms, code groups), which numbers
    the rows of its data files 1, 2... in file order."""
    return [row[column] for row in read_table(table)].index(value) + 1


def _benefits(plan, benefit_type, **columns):
    """Rows of one kind of benefit for the plans `plan`; OpenDental writes -1 for a blank Percent or amount."""
    rows = {"plan": plan, "BenefitType": benefit_type, "CovCatNum": 0, "CodeNum": 0, "CodeGroupNum": 0,
            "Percent": -1, "MonetaryAmt": -1.0, "TimePeriod": BenefitTimePeriod.NONE,
            "QuantityQualifier": BenefitQuantity.NONE, "Quantity": 0, "CoverageLevel": BenefitCoverageLevel.NONE,
            "TreatArea": NO_AREA, **columns}
    return {column: np.broadcast_to(value, len(plan)) for column, value in rows.items()}


def _benefit_year(month_renew):
    return np.where(month_renew > 0, SERVICE_YEAR, CALENDAR_YEAR)


def _limited_group(plans, group):
    """Per plan, the CodeGroupNum a limit on `group` names: the shared cleanings group for Prophy where the plan
    counts periodontal maintenance in it."""
    key = np.full(len(plans.nums), billing_key("billing_code_groups", "GroupName", group))
    if group == PROPHY:
        key[plans.perio_with_prophy] = billing_key("billing_code_groups", "GroupName", PROPHY_WITH_PERIO)
    return key


def _code_group_limits(plans):
    """The code group limits with the plans (bool per plan) each holds."""
    every = np.ones(len(plans.nums), dtype=bool)
    return [*((*limit, every) for limit in CODE_GROUP_LIMITS), (*PERIO_MAINTENANCE_LIMIT, ~plans.perio_with_prophy)]


def benefit_rows(ctx, plans, categories):
    """Each plan's benefits as OpenDental's benefit window stores them: a coinsurance percent per coverage
    category, the annual maximum, individual and family deductibles (waived on diagnostic and preventive care),
    frequency and age limits, build-ups at the crown percent, excluded codes, and orthodontic coverage or its
    exclusion, and the waiting period on major work of plans that have one (months from the subscription's
    DateEffective). Category rules name a covcat (CovCatNum), limits a code group (CodeGroupNum, per tooth or
    quadrant where TreatArea says so), code rules a procedure code (CodeNum); every unused key is 0, never NULL."""
    n, n_categories = len(plans.nums), len(categories.nums)
    every = np.arange(n)
    year = _benefit_year(plans.month_renew)
    plan, category = np.repeat(every, n_categories), np.tile(np.arange(n_categories), n)
    covered = plans.percent[plan, category] > 0
    plan, category = plan[covered], category[covered]
    ortho, crowns = categories.nums[categories.index["Orthodontics"]], categories.index["Crowns"]
    with_ortho, without_ortho = every[plans.ortho_max_cents > 0], every[plans.ortho_max_cents == 0]
    waiting = every[plans.waiting_months > 0]
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
        *(_benefits(every[on], LIMITATION, CodeGroupNum=_limited_group(plans, group)[on], QuantityQualifier=qualifier,
                    Quantity=quantity, TreatArea=area,
                    TimePeriod=year[on] if qualifier == NUMBER_OF_SERVICES else BenefitTimePeriod.NONE)
          for group, qualifier, quantity, area, on in _code_group_limits(plans)),
        *(_benefits(every, COINSURANCE, CodeNum=code_num[code], Percent=plans.percent[:, crowns], TimePeriod=year)
          for code in MAJOR_CODES),
        *(_benefits(every[plans.excluded[:, rule]], EXCLUSION, CodeNum=code_num[code])
          for rule, (code, _) in enumerate(EXCLUDED_CODES)),
        _benefits(with_ortho, LIMITATION, CovCatNum=ortho, MonetaryAmt=plans.ortho_max_cents[with_ortho] / 100.0,
                  TimePeriod=LIFETIME, CoverageLevel=INDIVIDUAL),
        _benefits(with_ortho, LIMITATION, CovCatNum=ortho, QuantityQualifier=AGE_LIMIT, Quantity=ORTHO_AGE_LIMIT),
        _benefits(without_ortho, EXCLUSION, CovCatNum=ortho),
        *(_benefits(every[waiting], WAITING_PERIOD, CovCatNum=categories.nums[categories.index[name]],
                    QuantityQualifier=BenefitQuantity.MONTHS, Quantity=plans.waiting_months[waiting])
          for name in WAITING_PERIOD_CATEGORIES),
    ]
    rows = {column: np.concatenate([kind[column] for kind in kinds]) for column in kinds[0]}
    order = np.argsort(rows["plan"], kind="stable")  # a plan's benefits are entered together
    rows = {column: values[order] for column, values in rows.items()}
    plan = rows.pop("plan")
    ctx.out.copy("benefit", {
        "BenefitNum": ctx.ids.take("benefit", len(plan)), "PlanNum": plans.nums[plan], "PatPlanNum": 0, **rows,
        "SecDateTEntry": stamp(plans.entered[plan], 8 * 3600), "SecDateTEdit": plans.edited[plan],
    })


def patient_benefits(ctx, plans, subs, patplans):
    """Benefits OpenDental keeps on one patient's plan (PatPlanNum instead of PlanNum): a few adults whose plan
    adds two cleanings a year (diabetes, pregnancy, periodontal disease) get four, entered with that patplan's
    last edit. Sets plans.four_cleanings (their PatPlanNums, sorted)."""
    rng = ctx.rng("benefit-patient")
    adult = ctx.practice.patients.age_days[patplans.patient] >= 18 * 365
    on = np.flatnonzero(adult & (rng.random(len(adult)) < EXTRA_CLEANINGS_SHARE))
    plans.four_cleanings = np.sort(patplans.nums[on])
    plan = subs.plan[patplans.sub[on]]
    rows = _benefits(plan, LIMITATION, CodeGroupNum=_limited_group(plans, PROPHY)[plan],
                     QuantityQualifier=NUMBER_OF_SERVICES, Quantity=4,
                     TimePeriod=_benefit_year(plans.month_renew[plan]))
    rows.pop("plan")
    ctx.out.copy("benefit", {
        "BenefitNum": ctx.ids.take("benefit", len(on)), "PlanNum": 0, "PatPlanNum": patplans.nums[on], **rows,
        "SecDateTEntry": patplans.edited[on], "SecDateTEdit": patplans.edited[on],
    })
