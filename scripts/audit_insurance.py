"""Audit the insurance of a generated practice: the figures issue 16 lists under "Why", recomputed with SQL of
its own (nothing here comes from the generator or from checks/), one line per figure.

  python scripts/audit_insurance.py "host=localhost port=5432 user=postgres dbname=demo"
  python scripts/audit_insurance.py postgresql://postgres@localhost:5432/demo

The argument is a libpq DSN (key=value or URL) without its password: that comes from PGPASSWORD or ~/.pgpass
and is never printed. A benefit year begins on January 1st, or on the plan's renewal month (insplan.MonthRenew).
A line is paid when its claimproc is received or supplemental (Status 1, 4) with InsPayAmt above 0. "Today" is
the day the generator ran the practice up to (dental_synth.generator_run: its as-of moment, else its end date).
"""
import sys
from pathlib import Path

import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere
from opendental.codes import BenefitCoverageLevel, BenefitQuantity, BenefitTimePeriod, BenefitType, ProcStatus
from opendental.definitions import DefCat

NO_DATE = "'1900-01-01'"  # OpenDental's empty dates are 0001-01-01
TODAY = """(SELECT coalesce((options->>'as_of')::timestamp::date, (options->>'end_date')::date)
            FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1)"""
COMPLETE = ProcStatus.COMPLETE
PAID_LINE = 'c."Status" IN (1, 4) AND c."InsPayAmt" > 0'
GENERAL = '"CovCatNum" = 0 AND "CodeNum" = 0 AND "CodeGroupNum" = 0 AND "PatPlanNum" = 0'


def benefit_year(line="c"):
    return f"""extract(year FROM {line}."ProcDate" - make_interval(months => greatest(ip."MonthRenew", 1) - 1))"""


def definition(category, name):
    return f"""(SELECT "DefNum" FROM raw.definition WHERE "Category" = {category} AND "ItemName" = '{name}')"""


def group_codes(group):
    """The codes of a procedure code group (billing phase's codegroup table), as an SQL subquery."""
    return f"""(SELECT unnest(string_to_array("ProcCodes", ',')) FROM raw.codegroup WHERE "GroupName" = '{group}')"""


def limit_of(group, qualifier):
    """Per plan: the quantity of its limit on a code group."""
    return f"""(SELECT b."PlanNum", b."Quantity" FROM raw.benefit b JOIN raw.codegroup g USING ("CodeGroupNum")
                WHERE g."GroupName" = '{group}' AND b."BenefitType" = {BenefitType.LIMITATIONS}
                AND b."QuantityQualifier" = {qualifier} AND b."PatPlanNum" = 0)"""


# Each figure: (name, SQL returning one row, format of that row).
DEDUCTIBLE = f"""
WITH amount AS (SELECT "PlanNum", "MonetaryAmt" AS deductible FROM raw.benefit
                WHERE "BenefitType" = {BenefitType.DEDUCTIBLE} AND "CoverageLevel" = {BenefitCoverageLevel.INDIVIDUAL}
                AND {GENERAL}),
years AS (SELECT c."PatNum", c."PlanNum", {benefit_year()} AS year, sum(c."DedApplied") AS taken,
                 count(*) FILTER (WHERE c."DedApplied" > 0) AS lines
          FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum")
          WHERE c."Status" IN (0, 1, 4) GROUP BY 1, 2, 3 HAVING sum(c."DedApplied") > 0)
SELECT sum(lines), sum(taken), count(*), count(*) FILTER (WHERE taken > deductible + 0.005),
       greatest(max(taken - deductible), 0)
FROM years JOIN amount USING ("PlanNum")"""

MAXIMUM = f"""
WITH amount AS (SELECT "PlanNum", "MonetaryAmt" AS maximum FROM raw.benefit
                WHERE "BenefitType" = {BenefitType.LIMITATIONS} AND "CoverageLevel" = {BenefitCoverageLevel.INDIVIDUAL}
                AND "QuantityQualifier" = {BenefitQuantity.NONE}
                AND "TimePeriod" IN ({BenefitTimePeriod.SERVICE_YEAR}, {BenefitTimePeriod.CALENDAR_YEAR}) AND {GENERAL}),
years AS (SELECT c."PatNum", c."PlanNum", {benefit_year()} AS year, sum(c."InsPayAmt") AS paid
          FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum") WHERE {PAID_LINE} GROUP BY 1, 2, 3)
SELECT count(*), count(*) FILTER (WHERE paid > maximum + 0.005), greatest(max(paid - maximum), 0),
       count(*) FILTER (WHERE paid >= maximum - 0.005)
FROM years JOIN amount USING ("PlanNum")"""

FLUORIDE = f"""
SELECT count(*), count(*) FILTER (WHERE date_part('year', age(c."ProcDate", pt."Birthdate")) > l."Quantity"),
       count(*) FILTER (WHERE l."Quantity" IS NULL)
FROM raw.claimproc c JOIN raw.patient pt USING ("PatNum")
LEFT JOIN {limit_of('Fluoride', BenefitQuantity.AGE_LIMIT)} l USING ("PlanNum")
WHERE {PAID_LINE} AND c."CodeSent" IN {group_codes('Fluoride')}"""

FMX_PANO = f"""
WITH paid AS (SELECT DISTINCT c."ProcNum", c."PatNum", c."PlanNum", c."ProcDate" FROM raw.claimproc c
              WHERE {PAID_LINE} AND c."CodeSent" IN ('D0210', 'D0330')),
ordered AS (SELECT *, lag("ProcDate") OVER (PARTITION BY "PatNum", "PlanNum" ORDER BY "ProcDate", "ProcNum") AS before
            FROM paid)
SELECT count(*), count(*) FILTER (WHERE "ProcDate" < before + interval '5 years') FROM ordered"""

THIRD_EXAM = f"""
WITH paid AS (SELECT DISTINCT c."ProcNum", c."PatNum", c."PlanNum", c."ProcDate", {benefit_year()} AS year
              FROM raw.claimproc c JOIN raw.insplan ip USING ("PlanNum")
              WHERE {PAID_LINE} AND c."CodeSent" IN {group_codes('Exams')}),
ranked AS (SELECT *, row_number() OVER (PARTITION BY "PatNum", "PlanNum", year ORDER BY "ProcDate", "ProcNum") AS n
           FROM paid)
SELECT count(*), count(*) FILTER (WHERE n >= 3), count(DISTINCT ("PatNum", "PlanNum", year)) FILTER (WHERE n >= 3)
FROM ranked"""

# The percent a plan's benefit table gives a code: excluded (code or its category) 0; else a coinsurance row of
# the code itself; else the coinsurance of the first coverage category (CovOrder) whose span holds the code; else 0.
PERCENT = f"""
WITH category AS (SELECT DISTINCT ON (pc."CodeNum") pc."CodeNum", sp."CovCatNum" FROM raw.procedurecode pc
                  JOIN raw.covspan sp ON pc."ProcCode" BETWEEN sp."FromCode" AND sp."ToCode"
                  JOIN raw.covcat cc USING ("CovCatNum") ORDER BY pc."CodeNum", cc."CovOrder"),
coinsurance AS (SELECT "PlanNum", "CodeNum", "CovCatNum", max("Percent") AS percent FROM raw.benefit
                WHERE "BenefitType" = {BenefitType.COINSURANCE} AND "PatPlanNum" = 0 GROUP BY 1, 2, 3),
excluded AS (SELECT DISTINCT "PlanNum", "CodeNum", "CovCatNum" FROM raw.benefit
             WHERE "BenefitType" = {BenefitType.EXCLUSIONS} AND "PatPlanNum" = 0),
lines AS (SELECT c."PlanNum", c."CodeSent", c."Percentage", CASE
    WHEN xc."PlanNum" IS NOT NULL OR xk."PlanNum" IS NOT NULL THEN 0
    ELSE coalesce(code_rate.percent, category_rate.percent, 0) END AS percent
  FROM raw.claimproc c JOIN raw.procedurecode pc ON pc."ProcCode" = c."CodeSent"
  LEFT JOIN category k ON k."CodeNum" = pc."CodeNum"
  LEFT JOIN coinsurance code_rate ON code_rate."PlanNum" = c."PlanNum" AND code_rate."CodeNum" = pc."CodeNum"
  LEFT JOIN coinsurance category_rate ON category_rate."PlanNum" = c."PlanNum" AND category_rate."CodeNum" = 0
       AND category_rate."CovCatNum" = k."CovCatNum"
  LEFT JOIN excluded xc ON xc."PlanNum" = c."PlanNum" AND xc."CodeNum" = pc."CodeNum"
  LEFT JOIN excluded xk ON xk."PlanNum" = c."PlanNum" AND xk."CodeNum" = 0 AND xk."CovCatNum" = k."CovCatNum"
  WHERE c."Status" IN (0, 1, 6) AND c."ProcNum" <> 0)
SELECT count(*), count(*) FILTER (WHERE "Percentage" <> percent),
       coalesce(string_agg(DISTINCT "CodeSent", ',') FILTER (WHERE "Percentage" <> percent), 'none') FROM lines"""

# Completed procedures of patients with a patient plan that have no claimproc, by the first reason that fits.
NO_CLAIMPROC = f"""
WITH subs AS (SELECT pp."PatNum", s."InsSubNum", s."Subscriber" FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")),
procs AS (SELECT p."ProcNum", p."PatNum", p."ProcDate", p."ProcFee", pc."ProcCat" FROM raw.procedurelog p
          JOIN raw.procedurecode pc USING ("CodeNum")
          WHERE p."ProcStatus" = {COMPLETE} AND p."PatNum" IN (SELECT "PatNum" FROM subs)
          AND NOT EXISTS (SELECT 1 FROM raw.claimproc c WHERE c."ProcNum" = p."ProcNum")),
reasons AS (SELECT CASE
    WHEN "ProcFee" = 0 THEN 'no fee'
    WHEN "ProcCat" = {definition(DefCat.PROC_CODE_CATS, 'No Fee')} THEN 'no-fee code category'
    WHEN "ProcDate" > {TODAY} THEN 'after today'
    WHEN EXISTS (SELECT 1 FROM subs JOIN raw.inssub s USING ("InsSubNum") WHERE subs."PatNum" = p."PatNum"
                 AND s."DateEffective" <= p."ProcDate" AND (s."DateTerm" IS NULL OR s."DateTerm" >= p."ProcDate"))
         THEN 'UNEXPLAINED: a patient plan in force'
    WHEN EXISTS (SELECT 1 FROM subs JOIN raw.inssub s USING ("Subscriber") WHERE subs."PatNum" = p."PatNum"
                 AND s."DateEffective" <= p."ProcDate" AND s."DateTerm" >= p."ProcDate")
         THEN 'UNEXPLAINED: the subscriber''s ended plan in force'
    ELSE 'no plan in force that day' END AS reason FROM procs p)
SELECT coalesce(sum(n), 0), coalesce(string_agg(reason || ' ' || n, '; ' ORDER BY n DESC), 'none')
FROM (SELECT reason, count(*) AS n FROM reasons GROUP BY 1) r"""

CLAIM_GAP = f"""
WITH gaps AS (SELECT "DateReceived" - "DateSent" AS days FROM raw.claim
              WHERE "DateSent" > {NO_DATE} AND "DateReceived" > {NO_DATE})
SELECT count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY days), percentile_disc(0.9) WITHIN GROUP (ORDER BY days),
       percentile_disc(0.99) WITHIN GROUP (ORDER BY days), max(days),
       avg((days > 45)::int) * 100, avg((days > 60)::int) * 100 FROM gaps"""

OUTSTANDING = f"""
WITH open AS (SELECT {TODAY} - "DateSent" AS age, "InsPayEst" FROM raw.claim
              WHERE "ClaimStatus" = 'S' AND "DateSent" > {NO_DATE})
SELECT count(*), count(*) FILTER (WHERE age > 60), count(*) FILTER (WHERE age <= 30),
       count(*) FILTER (WHERE age BETWEEN 31 AND 60), count(*) FILTER (WHERE age BETWEEN 61 AND 90),
       count(*) FILTER (WHERE age > 90), coalesce(sum("InsPayEst") FILTER (WHERE age > 60), 0) FROM open"""

DENIALS = """
SELECT count(DISTINCT "ClaimNum"), count(DISTINCT "ClaimNum") FILTER (WHERE "Remarks" LIKE 'Denied%'),
       count(*) FILTER (WHERE "Status" = 4) FROM raw.claimproc WHERE "Status" IN (1, 4)"""

CHECK_DAYS = """
WITH holidays AS (SELECT DISTINCT "SchedDate" FROM raw.schedule WHERE "SchedType" = 0 AND "Status" = 2)
SELECT count(*), count(*) FILTER (WHERE extract(isodow FROM "CheckDate") >= 6),
       count(*) FILTER (WHERE "CheckDate" IN (SELECT "SchedDate" FROM holidays)) FROM raw.claimpayment"""

# A family sent to collections: its guarantor's billing type is Collections or Bad Debt, or it has a collection
# agency payment, agency fee or bad-debt write-off.
BAD_DEBT = definition(DefCat.ADJ_TYPES, "Bad Debt Write-off")
COLLECTIONS = f"""
WITH produced AS (SELECT DISTINCT pt."Guarantor" FROM raw.procedurelog p JOIN raw.patient pt USING ("PatNum")
                  WHERE p."ProcStatus" = {COMPLETE} AND p."ProcFee" > 0),
bad AS (SELECT pt."Guarantor", count(*) AS n, min(a."AdjDate") AS first FROM raw.adjustment a
        JOIN raw.patient pt USING ("PatNum") WHERE a."AdjType" = {BAD_DEBT} GROUP BY 1),
agency AS (SELECT pt."Guarantor" FROM raw.adjustment a JOIN raw.patient pt USING ("PatNum")
           WHERE a."AdjType" IN ({BAD_DEBT}, {definition(DefCat.ADJ_TYPES, 'Collection Agency Fee')})
           UNION SELECT pt."Guarantor" FROM raw.payment y JOIN raw.patient pt USING ("PatNum")
           WHERE y."PayType" = {definition(DefCat.PAYMENT_TYPES, 'Collection Agency')}
           UNION SELECT "PatNum" FROM raw.patient WHERE "PatNum" = "Guarantor" AND "BillingType" IN
           ({definition(DefCat.BILLING_TYPES, 'Collections')}, {definition(DefCat.BILLING_TYPES, 'Bad Debt')}))
SELECT (SELECT count(*) FROM produced), (SELECT count(*) FROM produced WHERE "Guarantor" IN (SELECT * FROM agency)),
       (SELECT count(*) FROM bad), (SELECT coalesce(sum(n), 0) FROM bad)"""

TREATED_AFTER = f"""
WITH bad AS (SELECT pt."Guarantor", min(a."AdjDate") AS first FROM raw.adjustment a JOIN raw.patient pt USING ("PatNum")
             WHERE a."AdjType" = {BAD_DEBT} GROUP BY 1)
SELECT count(DISTINCT p."PatNum"), count(DISTINCT b."Guarantor") FROM raw.procedurelog p
JOIN raw.patient pt USING ("PatNum") JOIN bad b USING ("Guarantor")
WHERE p."ProcStatus" = {COMPLETE} AND p."ProcDate" > b.first"""

BILLING_TYPES = f"""
SELECT string_agg(name || ' ' || n, ', ' ORDER BY n DESC) FROM (
  SELECT coalesce(d."ItemName", g."BillingType"::text) AS name, count(*) AS n FROM raw.patient g
  LEFT JOIN raw.definition d ON d."DefNum" = g."BillingType" AND d."Category" = {DefCat.BILLING_TYPES}
  WHERE g."PatNum" = g."Guarantor" GROUP BY 1) t"""

SUBSCRIBERS = """
SELECT count(*), count(*) FILTER (WHERE ip."EmployerNum" <> 0),
       count(*) FILTER (WHERE ip."EmployerNum" <> 0 AND pt."EmployerNum" <> ip."EmployerNum"),
       count(*) FILTER (WHERE ip."EmployerNum" <> 0 AND pt."EmployerNum" <> ip."EmployerNum" AND s."DateTerm" IS NULL)
FROM raw.inssub s JOIN raw.insplan ip USING ("PlanNum") JOIN raw.patient pt ON pt."PatNum" = s."Subscriber" """

# Coordination of benefits: a billed procedure of a patient with a secondary patient plan has a claimproc for the
# plan of each subscriber covering the patient that day (the secondary's current subscription, or the one of the
# same subscriber it replaced, which ended after the procedure).
COB = f"""
WITH second AS (SELECT pp."PatNum", s."Subscriber" FROM raw.patplan pp JOIN raw.inssub s USING ("InsSubNum")
                WHERE pp."Ordinal" = 2),
billed AS (SELECT p."ProcNum", p."ProcDate", second."Subscriber",
                  bool_or(s."Subscriber" = second."Subscriber") AS has_second,
                  bool_or(s."Subscriber" <> second."Subscriber") AS has_first
           FROM raw.procedurelog p JOIN second USING ("PatNum") JOIN raw.claimproc c USING ("ProcNum")
           JOIN raw.inssub s ON s."InsSubNum" = c."InsSubNum" WHERE p."ProcStatus" = {COMPLETE} GROUP BY 1, 2, 3),
judged AS (SELECT b."ProcNum", b.has_second, b.has_first, bool_or(s."DateTerm" IS NOT NULL) AS ended_in_force
           FROM billed b LEFT JOIN raw.inssub s ON s."Subscriber" = b."Subscriber" AND s."DateEffective" <= b."ProcDate"
                AND (s."DateTerm" IS NULL OR s."DateTerm" >= b."ProcDate")
           GROUP BY 1, 2, 3)
SELECT count(*) FILTER (WHERE ended_in_force IS NOT NULL),
       count(*) FILTER (WHERE ended_in_force IS NOT NULL AND NOT has_second),
       count(*) FILTER (WHERE ended_in_force AND NOT has_second),
       count(*) FILTER (WHERE ended_in_force IS NULL AND NOT has_second),
       count(*) FILTER (WHERE NOT has_first) FROM judged"""

FIGURES = (
    ("deductible", DEDUCTIBLE, "{0:,} lines with DedApplied (${1:,.0f}); {3:,} of {2:,} patient-plan-years with a "
                               "deductible take more than the individual deductible (worst ${4:,.2f} over)"),
    ("annual maximum", MAXIMUM, "{1:,} of {0:,} paid patient-plan-years paid above the annual maximum (worst "
                                "${2:,.2f} over); {3:,} reach it"),
    ("fluoride over age limit", FLUORIDE, "{1:,} of {0:,} paid fluoride lines over the plan's age limit "
                                          "({2:,} on plans without one)"),
    ("FMX/pano within 5 years", FMX_PANO, "{1:,} of {0:,} paid FMX/panoramic procedures paid within 5 years of the "
                                          "previous paid one"),
    ("third exam in a year", THIRD_EXAM, "{1:,} of {0:,} paid exams are a benefit year's third or later "
                                         "({2:,} patient-plan-years)"),
    ("coverage percent", PERCENT, "{1:,} of {0:,} claim and estimate lines disagree with the plan's benefit spans "
                                  "(codes: {2})"),
    ("completed without claimproc", NO_CLAIMPROC, "{0:,} completed procedures of insured patients without "
                                                  "claimproc: {1}"),
    ("sent-to-received gap", CLAIM_GAP, "{0:,} received claims: median {1} days, 90th {2}, 99th {3}, max {4}; "
                                        "{5:.1f}% over 45 days, {6:.1f}% over 60"),
    ("claims outstanding", OUTSTANDING, "{0:,} sent claims awaiting payment, {1:,} over 60 days (${6:,.0f}); "
                                        "aging by count 0-30 {2:,}, 31-60 {3:,}, 61-90 {4:,}, 90+ {5:,}"),
    ("denials", DENIALS, "{1:,} of {0:,} received claims have a denied line; {2:,} supplemental (appeal) lines"),
    ("check dates on closed days", CHECK_DAYS, "{1:,} of {0:,} insurance check dates on a weekend, {2:,} on a "
                                               "holiday"),
    ("collections", COLLECTIONS, "{1:,} of {0:,} families with production sent to collections; {2:,} with a "
                                 "bad-debt write-off ({3:,} write-offs)"),
    ("treated after bad debt", TREATED_AFTER, "{0:,} patients ({1:,} families) with completed work after their "
                                              "family's first bad-debt write-off"),
    ("guarantor billing types", BILLING_TYPES, "{0}"),
    ("subscriber employers", SUBSCRIBERS, "{2:,} of {1:,} group-plan subscriptions ({0:,} in all) have a subscriber "
                                          "of another employer than the plan's; {3:,} of them in force"),
    ("coordination of benefits", COB, "{1:,} of {0:,} billed procedures of patients with a secondary plan in force "
                                      "have no claimproc of it ({2:,} while its ended predecessor was in force); "
                                      "{3:,} more had no secondary plan in force; {4:,} lack the primary's"),
)


def audit(conn):
    """(name, formatted figure) for each figure."""
    with conn.cursor() as cursor:
        for name, sql, text in FIGURES:
            cursor.execute(sql)
            row = cursor.fetchone() or ()
            yield name, text.format(*(0 if value is None else value for value in row))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0].startswith("-"):
        print("usage: audit_insurance.py DSN  (a libpq connection string or URL; password from PGPASSWORD)",
              file=sys.stderr)
        return 2
    try:
        conn = psycopg2.connect(argv[0])
    except psycopg2.Error as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        print(f"error: cannot connect to the database: {reason}", file=sys.stderr)
        return 2
    try:
        for name, figure in audit(conn):
            print(f"{name}: {figure}")
    except psycopg2.Error as exc:
        print(f"error: cannot read the practice (is it a generated one, schema raw?): "
              f"{(exc.pgerror or str(exc)).strip().splitlines()[0]}", file=sys.stderr)
        return 2
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
