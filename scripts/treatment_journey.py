"""The treatment-journey dataset of a generated practice, and how learnable its targets are.

Each procedure of one year (ProcStatus 1 treatment-planned, 2 complete, 5 referred, 6 deleted) with what the
office knows when it plans or does it, and three outcomes:
  fully_paid           insurance, write-offs, adjustments and patient payments cover the fee
  paid_within_30_days  fully paid, the last payment no later than 30 days after the procedure
  estimate_accurate    insurance paid within 5% of its estimate (procedures insurance was billed for only)
Prints each target's base rate and the 5-fold AUC of a gradient-boosted classifier.

  python scripts/treatment_journey.py --db-url postgresql://user@host:5432/opendental_demo --year 2025
  python scripts/treatment_journey.py --db-host localhost --db-port 5432 --db-user postgres --db-name demo

The password comes from --password-file (a file only its owner can read), PGPASSWORD or ~/.pgpass; it is never
printed. Needs scikit-learn besides the generator's requirements: pip install -r requirements-ml.txt
"""
import argparse
import os
import stat
import sys

import numpy as np
import psycopg2

FEATURES = ("age", "gender", "insurance_status", "standard_fee", "fee_ratio", "category", "treat_area",
            "multi_visit", "insurance_estimate")
CATEGORICAL = ("gender", "insurance_status", "category", "treat_area")
TARGETS = ("fully_paid", "paid_within_30_days", "estimate_accurate")

DATASET = """
WITH standard AS (
    SELECT "FeeSchedNum" FROM raw.feesched WHERE "FeeSchedType" = 0 AND NOT "IsHidden"
    ORDER BY "ItemOrder", "FeeSchedNum" LIMIT 1),
procs AS (
    SELECT pl."ProcNum", pl."PatNum", pl."CodeNum", pl."ProcDate", pl."ProcFee", pl."ProcStatus"
    FROM raw.procedurelog pl
    WHERE pl."ProcStatus" IN (1, 2, 5, 6) AND pl."ProcDate" >= make_date(%(year)s, 1, 1)
      AND pl."ProcDate" < make_date(%(year)s + 1, 1, 1)),
insurance AS (
    SELECT cp."ProcNum", sum(cp."InsPayEst") FILTER (WHERE cp."Status" IN (0, 1, 6)) AS estimate,
           sum(cp."InsPayEst") FILTER (WHERE cp."Status" = 1) AS billed_estimate,
           sum(cp."InsPayAmt") FILTER (WHERE cp."Status" IN (1, 4)) AS paid,
           sum(cp."WriteOff") FILTER (WHERE cp."Status" IN (1, 4)) AS write_off,
           max(cp."DateCP") FILTER (WHERE cp."Status" IN (1, 4)) AS last_paid,
           bool_or(cp."Status" IN (0, 1, 4)) AS billed
    FROM raw.claimproc cp JOIN procs USING ("ProcNum") GROUP BY 1),
patient_paid AS (
    SELECT ps."ProcNum", sum(ps."SplitAmt") AS paid, max(ps."DatePay") AS last_paid
    FROM raw.paysplit ps JOIN procs USING ("ProcNum") GROUP BY 1),
adjusted AS (
    SELECT a."ProcNum", sum(a."AdjAmt") AS amount, max(a."AdjDate") AS last_adjusted
    FROM raw.adjustment a JOIN procs USING ("ProcNum") GROUP BY 1),
standard_fees AS (
    SELECT DISTINCT ON (f."CodeNum") f."CodeNum", f."Amount" FROM raw.fee f JOIN standard ON f."FeeSched" = standard."FeeSchedNum"
    WHERE f."ClinicNum" = 0 AND f."ProvNum" = 0 ORDER BY f."CodeNum", f."SecDateEntry" DESC, f."FeeNum" DESC),
multi_visit AS (SELECT DISTINCT "ProcNum" FROM raw.procmultivisit),
plans AS (SELECT "PatNum", count(*) AS n FROM raw.patplan GROUP BY 1)
SELECT (p."ProcDate" - pt."Birthdate") / 365.25 AS age, pt."Gender", coalesce(plans.n, 0) AS insurance_status,
       fee."Amount" AS standard_fee, p."ProcFee" / nullif(fee."Amount", 0) AS fee_ratio,
       coalesce(cat."ItemName", '') AS category, pc."TreatArea",
       mv."ProcNum" IS NOT NULL AS multi_visit,
       coalesce(i.estimate, 0) AS insurance_estimate,
       p."ProcStatus" = 2 AND p."ProcFee" - coalesce(i.paid, 0) - coalesce(i.write_off, 0)
           - coalesce(pp.paid, 0) + coalesce(adj.amount, 0) < 0.005 AS fully_paid,
       greatest(i.last_paid, pp.last_paid, adj.last_adjusted) AS last_payment, p."ProcDate",
       CASE WHEN i.billed AND i.billed_estimate > 0
            THEN abs(coalesce(i.paid, 0) - i.billed_estimate) <= 0.05 * i.billed_estimate END AS estimate_accurate
FROM procs p
JOIN raw.patient pt ON pt."PatNum" = p."PatNum"
JOIN raw.procedurecode pc ON pc."CodeNum" = p."CodeNum"
LEFT JOIN raw.definition cat ON cat."DefNum" = pc."ProcCat"
LEFT JOIN standard_fees fee ON fee."CodeNum" = p."CodeNum"
LEFT JOIN multi_visit mv ON mv."ProcNum" = p."ProcNum"
LEFT JOIN insurance i ON i."ProcNum" = p."ProcNum"
LEFT JOIN patient_paid pp ON pp."ProcNum" = p."ProcNum"
LEFT JOIN adjusted adj ON adj."ProcNum" = p."ProcNum"
LEFT JOIN plans ON plans."PatNum" = p."PatNum"
ORDER BY p."ProcNum"
"""


def journey(conn, year):
    """The dataset of `year`: a dict of equal-length numpy arrays, FEATURES then TARGETS (estimate_accurate is
    NaN where insurance was not billed)."""
    with conn.cursor() as cursor:
        cursor.execute(DATASET, {"year": year})
        names = [c.name for c in cursor.description]
        rows = cursor.fetchall()
    raw = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    as_float = lambda values: np.array([np.nan if v is None else float(v) for v in values])  # noqa: E731
    days_to_paid = np.array([(paid - done).days if paid else 10 ** 6
                             for paid, done in zip(raw["last_payment"], raw["ProcDate"])])
    fully_paid = np.array(raw["fully_paid"], dtype=bool)
    return {
        "age": as_float(raw["age"]), "gender": np.array(raw["Gender"], dtype=np.int64),
        "insurance_status": np.minimum(np.array(raw["insurance_status"], dtype=np.int64), 2),
        "standard_fee": as_float(raw["standard_fee"]), "fee_ratio": as_float(raw["fee_ratio"]),
        "category": np.array(raw["category"], dtype=object), "treat_area": np.array(raw["TreatArea"], dtype=np.int64),
        "multi_visit": np.array(raw["multi_visit"], dtype=bool), "insurance_estimate": as_float(raw["insurance_estimate"]),
        "fully_paid": fully_paid.astype(float), "paid_within_30_days": (fully_paid & (days_to_paid <= 30)).astype(float),
        "estimate_accurate": as_float(raw["estimate_accurate"]),
    }


def feature_matrix(data):
    """FEATURES as a float matrix, the categorical ones coded 0..k-1, and the mask of the categorical columns."""
    columns = []
    for name in FEATURES:
        values = data[name]
        columns.append(np.unique(values, return_inverse=True)[1] if name in CATEGORICAL else values.astype(float))
    return np.column_stack(columns), np.array([name in CATEGORICAL for name in FEATURES])


def learnability(data, folds=5, seed=0):
    """(target, rows, base rate, mean 5-fold AUC) of each target, over the rows where it is defined."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    x, categorical = feature_matrix(data)
    results = []
    for target in TARGETS:
        defined = ~np.isnan(data[target])
        y = data[target][defined].astype(int)
        if len(np.unique(y)) < 2 or np.bincount(y).min() < folds:
            results.append((target, int(defined.sum()), float(y.mean()) if len(y) else np.nan, np.nan))
            continue
        model = HistGradientBoostingClassifier(categorical_features=categorical, random_state=seed)
        auc = cross_val_score(model, x[defined], y, scoring="roc_auc",
                              cv=StratifiedKFold(folds, shuffle=True, random_state=seed))
        results.append((target, int(defined.sum()), float(y.mean()), float(auc.mean())))
    return results


def arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db-url", help="libpq URL, e.g. postgresql://user@host:5432/dbname (no password in it)")
    parser.add_argument("--db-host")
    parser.add_argument("--db-port", type=int)
    parser.add_argument("--db-user")
    parser.add_argument("--db-name")
    parser.add_argument("--password-file", help="a file only its owner can read, holding the password")
    parser.add_argument("--year", type=int, help="the year of the procedures (default: the last complete one)")
    return parser.parse_args(argv)


def password(path):
    if not path:
        return None
    try:
        mode = os.stat(path).st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SystemExit(f"error: {path} can be read by others: chmod 600 it")
        with open(path) as file:
            return file.readline().rstrip("\n")
    except OSError as exc:
        raise SystemExit(f"error: cannot read the password file {path}: {exc.strerror}")


def connection(args):
    settings = {"host": args.db_host, "port": args.db_port, "user": args.db_user, "dbname": args.db_name,
                "password": password(args.password_file)}
    settings = {k: v for k, v in settings.items() if v is not None}
    secret = settings.get("password") or os.environ.get("PGPASSWORD")
    try:
        return psycopg2.connect(args.db_url or "", **settings)
    except psycopg2.Error as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SystemExit("error: cannot connect to the database: " + (reason.replace(secret, "***") if secret else reason))


def last_complete_year(conn):
    with conn.cursor() as cursor:
        cursor.execute("""SELECT extract(year FROM max("ProcDate"))::int - 1 FROM raw.procedurelog
                          WHERE "ProcStatus" = 2""")
        year = cursor.fetchone()[0]
    if year is None:
        raise SystemExit("error: the database has no completed procedure")
    return year


def main(argv=None):
    args = arguments(argv)
    conn = connection(args)
    try:
        year = args.year or last_complete_year(conn)
        data = journey(conn, year)
    except psycopg2.Error as exc:
        raise SystemExit(f"error: cannot read the practice (is it a generated one, schema raw?): {exc.pgerror or exc}")
    finally:
        conn.close()
    if not len(data["fully_paid"]):
        raise SystemExit(f"error: no procedure in {year}")
    try:
        results = learnability(data)
    except ImportError:
        raise SystemExit("error: scikit-learn is missing: pip install -r requirements-ml.txt")
    print(f"Treatment journey {year}: {len(data['fully_paid']):,} procedures")
    print(f"{'target':<22}{'rows':>9}{'base rate':>11}{'AUC (5-fold)':>14}")
    for target, n, rate, auc in results:
        print(f"{target:<22}{n:>9,}{rate:>11.3f}{auc:>14.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
