"""The benefit rules: insurance pays as the plan's benefit table says (DOMAIN.md, benefit and claimproc).

Each rule is (name, SQL returning the offending rows). A benefit year starts on the plan's renewal month
(insplan.MonthRenew) when its benefits run per service year, else on January 1st. A line's coverage percent is
the plan's coinsurance for its code, else for the coverage category whose span holds the code; an excluded code or
category, or one the plan names no percent for, is covered at 0 %.
"""
from opendental.codes import (MOLAR_TEETH, BenefitCoverageLevel, BenefitQuantity, BenefitTimePeriod, BenefitType,
                              ClaimProcStatus, Permission, ProcStatus, SubstitutionCondition, TreatmentArea)

from .ar_validation import TODAY

CENT = 0.005
CLAIMED = ClaimProcStatus.sql(ClaimProcStatus.NOT_RECEIVED, ClaimProcStatus.RECEIVED)
PAID = ClaimProcStatus.sql(ClaimProcStatus.RECEIVED, ClaimProcStatus.SUPPLEMENTAL)
ESTIMATED = ClaimProcStatus.sql(ClaimProcStatus.NOT_RECEIVED, ClaimProcStatus.RECEIVED, ClaimProcStatus.ESTIMATE)
SERVICE_YEAR = BenefitTimePeriod.SERVICE_YEAR
GENERAL = '"CovCatNum" = 0 AND "CodeNum" = 0 AND "CodeGroupNum" = 0 AND "PatPlanNum" = 0'


def _plan_amounts(benefit_type, level, extra=""):
    """Per plan: the general amount of one kind of benefit (deductible, maximum) and its time period."""
    return f"""SELECT "PlanNum", "MonetaryAmt" AS amount, "TimePeriod" FROM raw.benefit
               WHERE "BenefitType" = {benefit_type} AND "CoverageLevel" = {level} AND {GENERAL} {extra}"""


def _benefit_year(period="b", line="c"):
    return f"""extract(year FROM {line}."ProcDate" - make_interval(months =>
               CASE WHEN {period}."TimePeriod" = {SERVICE_YEAR} THEN greatest(ip."MonthRenew", 1) - 1 ELSE 0 END
           ))::int"""


def benefit_years_over(benefit_type, level, column, statuses, who, extra=""):
    """Benefit years (per patient, or per subscription for family amounts) whose claimprocs sum above the amount."""
    return f"""
     SELECT c.{who}, c."PlanNum", {_benefit_year()} AS benefit_year, sum(c."{column}") AS total, b.amount
     FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum")
     JOIN ({_plan_amounts(benefit_type, level, extra)}) b USING ("PlanNum")
     WHERE c."Status" IN {statuses} AND b.amount >= 0
     GROUP BY 1, 2, 3, b.amount HAVING sum(c."{column}") > b.amount + {CENT}"""


INDIVIDUAL, FAMILY = BenefitCoverageLevel.INDIVIDUAL, BenefitCoverageLevel.FAMILY
ANNUAL = f'AND "QuantityQualifier" = {BenefitQuantity.NONE} AND "TimePeriod" <> {BenefitTimePeriod.LIFETIME}'

# Paid lines of procedures a plan limits through a code group, with the limit in force (a patient's own benefit
# on the patient plan replaces the plan's), the patient's age and the benefit year.
LIMITED_LINES = f"""
    SELECT c."ClaimProcNum", c."ProcNum", c."PatNum", c."PlanNum", c."ProcDate", b."CodeGroupNum",
           b."QuantityQualifier" AS qualifier, coalesce(o."Quantity", b."Quantity") AS quantity,
           CASE b."TreatArea" WHEN {TreatmentArea.TOOTH} THEN p."ToothNum" WHEN {TreatmentArea.QUADRANT} THEN p."Surf"
                ELSE '' END AS area,
           date_part('year', age(c."ProcDate", pt."Birthdate")) AS age, {_benefit_year()} AS benefit_year
    FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum") JOIN raw.procedurelog p USING ("ProcNum")
    JOIN raw.patient pt ON pt."PatNum" = c."PatNum"
    JOIN raw.codegroup g ON c."CodeSent" = ANY (string_to_array(g."ProcCodes", ','))
    JOIN raw.benefit b ON b."PlanNum" = c."PlanNum" AND b."CodeGroupNum" = g."CodeGroupNum"
                      AND b."BenefitType" = {BenefitType.LIMITATIONS}
    LEFT JOIN raw.inssub s ON s."InsSubNum" = c."InsSubNum"
    LEFT JOIN raw.patplan pp ON pp."InsSubNum" = c."InsSubNum" AND pp."PatNum" = c."PatNum"
    LEFT JOIN raw.benefit o ON o."PatPlanNum" = pp."PatPlanNum" AND o."PatPlanNum" <> 0
                           AND o."CodeGroupNum" = b."CodeGroupNum" AND o."QuantityQualifier" = b."QuantityQualifier"
    WHERE c."Status" IN {PAID} AND c."InsPayAmt" > 0"""

EXPECTED_PERCENT = f"""
    SELECT c."ClaimProcNum", c."PlanNum", c."CodeSent", c."Percentage",
           CASE WHEN x."BenefitNum" IS NOT NULL THEN 0 ELSE coalesce(code_rate."Percent", category_rate."Percent", 0)
           END AS expected
    FROM raw.claimproc c JOIN raw.procedurecode pc ON pc."ProcCode" = c."CodeSent"
    LEFT JOIN raw.covspan sp ON c."CodeSent" BETWEEN sp."FromCode" AND sp."ToCode"
    LEFT JOIN raw.benefit code_rate ON code_rate."PlanNum" = c."PlanNum" AND code_rate."CodeNum" = pc."CodeNum"
          AND code_rate."BenefitType" = {BenefitType.COINSURANCE}
    LEFT JOIN raw.benefit category_rate ON category_rate."PlanNum" = c."PlanNum"
          AND category_rate."CovCatNum" = sp."CovCatNum" AND category_rate."CodeNum" = 0
          AND category_rate."BenefitType" = {BenefitType.COINSURANCE}
    LEFT JOIN raw.benefit x ON x."PlanNum" = c."PlanNum" AND x."BenefitType" = {BenefitType.EXCLUSIONS}
          AND ((x."CodeNum" = pc."CodeNum" AND x."CodeNum" <> 0)
               OR (x."CovCatNum" = sp."CovCatNum" AND x."CovCatNum" <> 0))
    WHERE c."Status" IN {ESTIMATED} AND c."ProcNum" <> 0"""

# A downgraded line (a code with a SubstitutionCode, on its SubstOnlyIf teeth, on a plan without CodeSubstNone)
# is estimated on the substitute's fee in the plan's schedule (the treating provider's when the plan has none)
# in force on its day. raw.fee holds today's fees only; the fee schedule tool's raises since the line's day are in
# securitylog (FeeSchedEdit, FKey the schedule, "increased by R%, rounded to the nearest dollar"). Undoing them
# bounds the older fee from above: a raise to the dollar of a schedule kept at a share of the UCR (itself raised
# and rounded) is off by less than $2 from raising that schedule itself, so each raise undone adds $2.
FEE_RAISES = f"""SELECT "FKey" AS sched, "LogDateTime"::date AS day,
    substring("LogText" FROM 'increased by ([0-9.]+)%')::numeric / 100 AS rate
    FROM raw.securitylog WHERE "PermType" = {Permission.FEE_SCHED_EDIT}"""
MOLARS = "(" + ", ".join(f"'{tooth}'" for tooth in MOLAR_TEETH) + ")"
DOWNGRADED_LINES = f"""
    SELECT c."ClaimProcNum", c."ProcDate", c."BaseEst", c."Percentage", sc."ProcCode" AS substitute, f."Amount",
           coalesce(exp(sum(ln(1 + r.rate))), 1) AS raised, count(r.day) AS raises
    FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum") JOIN raw.procedurelog p USING ("ProcNum")
    JOIN raw.provider v ON v."ProvNum" = p."ProvNum"
    JOIN raw.procedurecode pc ON pc."CodeNum" = p."CodeNum" JOIN raw.procedurecode sc ON sc."ProcCode" = pc."SubstitutionCode"
    JOIN raw.fee f ON f."CodeNum" = sc."CodeNum" AND f."ClinicNum" = 0
         AND f."FeeSched" = CASE WHEN ip."FeeSched" <> 0 THEN ip."FeeSched" ELSE v."FeeSched" END
    LEFT JOIN ({FEE_RAISES}) r ON r.sched = f."FeeSched" AND r.day > c."ProcDate"
    WHERE c."Status" IN {ESTIMATED} AND NOT ip."CodeSubstNone"
    AND c."ProcDate" <= {TODAY}  -- work planned ahead is estimated on today's fees, as far as the raises go
    AND (pc."SubstOnlyIf" = {SubstitutionCondition.ALWAYS}
         OR pc."SubstOnlyIf" = {SubstitutionCondition.MOLAR} AND p."ToothNum" IN {MOLARS})
    GROUP BY 1, 2, 3, 4, 5, 6"""

RULES = [
    ("no benefit year deducts more than the plan's individual deductible",
     benefit_years_over(BenefitType.DEDUCTIBLE, INDIVIDUAL, "DedApplied", CLAIMED, '"PatNum"')),
    ("no benefit year deducts more than the plan's family deductible from one subscription",
     benefit_years_over(BenefitType.DEDUCTIBLE, FAMILY, "DedApplied", CLAIMED, '"InsSubNum"')),
    ("no benefit year pays more than the plan's annual maximum",
     benefit_years_over(BenefitType.LIMITATIONS, INDIVIDUAL, "InsPayAmt", PAID, '"PatNum"', ANNUAL)),
    ("no payment for a service past the plan's age limit", f"""
     SELECT "ClaimProcNum", "PatNum", "PlanNum", age, quantity FROM ({LIMITED_LINES}) l
     WHERE qualifier = {BenefitQuantity.AGE_LIMIT} AND age > quantity"""),
    ("no payment for a service beyond the plan's number per benefit year", f"""
     SELECT "PatNum", "PlanNum", "CodeGroupNum", benefit_year, count(DISTINCT "ProcNum"), quantity
     FROM ({LIMITED_LINES}) l WHERE qualifier = {BenefitQuantity.NUMBER_OF_SERVICES}
     GROUP BY 1, 2, 3, 4, 6 HAVING count(DISTINCT "ProcNum") > quantity"""),
    ("no payment for a service the plan paid within its frequency in years", f"""
     SELECT "ClaimProcNum", "PatNum", "PlanNum", "ProcDate", previous FROM (
       SELECT *, lag("ProcDate") OVER (PARTITION BY "PatNum", "PlanNum", "CodeGroupNum", area
                                       ORDER BY "ProcDate", "ProcNum") AS previous
       FROM (SELECT DISTINCT ON ("ProcNum", "PlanNum", "CodeGroupNum") * FROM ({LIMITED_LINES}) l
             WHERE qualifier = {BenefitQuantity.YEARS}) paid) l
     WHERE "ProcDate" < previous + make_interval(years => quantity)"""),
    ("no payment for major work inside the plan's waiting period of a new subscription", f"""
     SELECT c."ClaimProcNum", c."PatNum", c."ProcDate", s."DateEffective", b."Quantity" FROM raw.claimproc c
     JOIN raw.inssub s USING ("InsSubNum")
     JOIN raw.benefit b ON b."PlanNum" = c."PlanNum" AND b."BenefitType" = {BenefitType.WAITING_PERIOD}
                       AND b."QuantityQualifier" = {BenefitQuantity.MONTHS}
     JOIN raw.covspan sp ON sp."CovCatNum" = b."CovCatNum" AND c."CodeSent" BETWEEN sp."FromCode" AND sp."ToCode"
     WHERE c."Status" IN {PAID} AND c."InsPayAmt" > 0
     AND c."ProcDate" < s."DateEffective" + make_interval(months => b."Quantity")"""),
    ("every line's coverage percent is the plan's benefit for its code or category", f"""
     SELECT * FROM ({EXPECTED_PERCENT}) e WHERE "Percentage" <> expected"""),
    ("no downgraded line is estimated above its percent of the substitute's fee in force on its day", f"""
     SELECT * FROM ({DOWNGRADED_LINES}) d
     WHERE "BaseEst" > "Percentage" / 100.0 * ("Amount" / raised + 2 * raises) + {CENT}"""),
    # OpenDental estimates a procedure against the plans the patient has when it is completed, and the estimate
    # becomes its claim line; a completed procedure without any claimproc is work done while no plan of the
    # patient was in force (before its subscription's DateEffective, or after its DateTerm)
    ("every completed procedure done while a plan of the patient was in force has a claimproc", f"""
     SELECT p."ProcNum", p."PatNum", p."ProcDate" FROM raw.procedurelog p
     WHERE p."ProcStatus" = {ProcStatus.COMPLETE} AND EXISTS (SELECT 1 FROM raw.patplan pp
         JOIN raw.inssub s USING ("InsSubNum") WHERE pp."PatNum" = p."PatNum" AND s."DateEffective" <= p."ProcDate"
         AND (s."DateTerm" IS NULL OR s."DateTerm" >= p."ProcDate"))
     AND NOT EXISTS (SELECT 1 FROM raw.claimproc c WHERE c."ProcNum" = p."ProcNum")"""),
    # Coordination of benefits: OpenDental estimates a procedure against every plan of the patient, so a billed
    # procedure has a claimproc through each subscriber whose subscription covered the patient that day (the
    # patplan's own, or the one of the same subscriber it replaced at a job change): a claim line, or an
    # estimate (status 6) where the other plan's EOB left nothing to bill
    ("every billed procedure has a claimproc of each plan of the patient in force that day", f"""
     SELECT DISTINCT p."ProcNum", p."PatNum", p."ProcDate", s."Subscriber" FROM raw.procedurelog p
     JOIN raw.patplan pp USING ("PatNum") JOIN raw.inssub held ON held."InsSubNum" = pp."InsSubNum"
     JOIN raw.inssub s ON s."Subscriber" = held."Subscriber" AND s."DateEffective" <= p."ProcDate"
                      AND (s."DateTerm" IS NULL OR s."DateTerm" >= p."ProcDate")
     WHERE p."ProcStatus" = {ProcStatus.COMPLETE} AND EXISTS (SELECT 1 FROM raw.claimproc c WHERE c."ProcNum" = p."ProcNum")
     AND NOT EXISTS (SELECT 1 FROM raw.claimproc c JOIN raw.inssub cs USING ("InsSubNum")
                     WHERE c."ProcNum" = p."ProcNum" AND cs."Subscriber" = held."Subscriber")"""),
]
