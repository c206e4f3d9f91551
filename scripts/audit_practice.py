"""Issue 15's audit again: every figure quoted under its "Why", recomputed on a generated practice with SQL of its own.

  python scripts/audit_practice.py "host=localhost port=5432 user=postgres dbname=opendental_demo"

The argument is a libpq connection string (a URI works too); the password comes from PGPASSWORD or ~/.pgpass.
The window is the run's own --start-date to its as-of moment (else --end-date), read from the ownership marker
dental_synth.generator_run. Prints one line per figure: its name as the issue words it | the issue's number |
the number now. The window's figures read the window's rows; the clinical ones read the whole chart (history
included: a tooth extracted before the window stays extracted); "(must be 0)" marks what no real practice has.
"""
import sys

import psycopg2

# The office closes on weekends and six US holidays; a Saturday holiday is taken on Friday, a Sunday one on Monday.
FIXED_HOLIDAYS = "('0101', '0704', '1225')"


def closed(day):
    """SQL: the date expression `day` falls on a weekend or an observed office holiday."""
    dow, month, dom = (f"extract({part} FROM {day})" for part in ("isodow", "month", "day"))
    return f"""({dow} >= 6 OR to_char({day}, 'MMDD') IN {FIXED_HOLIDAYS}
        OR {dow} = 5 AND to_char({day} + 1, 'MMDD') IN {FIXED_HOLIDAYS}
        OR {dow} = 1 AND to_char({day} - 1, 'MMDD') IN {FIXED_HOLIDAYS}
        OR {month} = 5 AND {dow} = 1 AND {dom} > 24 OR {month} = 9 AND {dow} = 1 AND {dom} <= 7
        OR {month} = 11 AND {dow} = 4 AND {dom} BETWEEN 22 AND 28)"""


def holiday(day):
    return f"(extract(isodow FROM {day}) < 6 AND {closed(day)})"


def weekend(day):
    return f"extract(isodow FROM {day}) >= 6"


# Temporary tables the figures read: the window, every procedure with its code and the patient's age, the
# completed visits of the window with their procedures, and the providers' scheduled days of the window.
SETUP = """
CREATE TEMP TABLE win AS SELECT (options->>'start_date')::date AS start,
    coalesce((options->>'as_of')::timestamp::date, (options->>'end_date')::date) AS stop
    FROM dental_synth.generator_run ORDER BY started_at DESC LIMIT 1;
CREATE TEMP TABLE procs AS SELECT p."ProcNum", p."PatNum", p."AptNum", p."ProcDate", p."ProcStatus", p."ToothNum",
    p."Surf", p."DateEntryC", p."ProcFee", p."CodeNum", c."ProcCode",
    date_part('year', age(p."ProcDate", pt."Birthdate")) AS age,
    p."ToothNum" ~ '^([1-9]|[12][0-9]|3[0-2])$' AS permanent, p."ToothNum" ~ '^[A-T]$' AS primary_tooth,
    p."ToothNum" ~ '^([1-9]|1[0-6]|[A-J])$' AS upper_tooth,
    p."ToothNum" ~ '^(1[7-9]|2[0-9]|3[0-2]|[K-T])$' AS lower_tooth
    FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum") JOIN raw.patient pt USING ("PatNum");
CREATE TEMP TABLE done AS SELECT * FROM procs WHERE "ProcStatus" = 2;
CREATE TEMP TABLE visits AS SELECT a."AptNum", a."PatNum", a."AptDateTime", length(a."Pattern") * 5 AS minutes,
    CASE WHEN a."IsHygiene" AND a."ProvHyg" > 0 THEN a."ProvHyg" ELSE a."ProvNum" END AS provider,
    count(d."ProcNum") AS procedures FROM raw.appointment a CROSS JOIN win
    LEFT JOIN done d ON d."AptNum" = a."AptNum" AND d."ProcCode" <> '~GRP~'
    WHERE a."AptStatus" = 2 AND a."AptDateTime" >= start AND a."AptDateTime" < stop + 1 GROUP BY 1, 2, 3, 4, 5;
CREATE TEMP TABLE prov_days AS SELECT s."ProvNum", s."SchedDate" AS day, v."IsSecondary" AS hygienist,
    count(*) AS blocks, min(s."StartTime") AS opens, max(s."StopTime") AS closes,
    sum(extract(epoch FROM s."StopTime" - s."StartTime") / 60) AS minutes
    FROM raw.schedule s JOIN raw.provider v USING ("ProvNum"), win
    WHERE s."SchedType" = 1 AND s."SchedDate" BETWEEN start AND stop GROUP BY 1, 2, 3;
ANALYZE procs; ANALYZE done; ANALYZE visits; ANALYZE prov_days;
"""

EXTRACTIONS = "('D7111', 'D7140', 'D7210', 'D7220', 'D7230', 'D7240', 'D7241', 'D7250', 'D7251')"
HYGIENE = "('D1110', 'D1120', 'D4346', 'D4910')"
ESTABLISHED = """FROM raw.patient p, win WHERE p."PatStatus" = 0 AND p."DateFirstVisit" > '0001-01-02'
    AND p."DateFirstVisit" < start"""  # active patients who first came before the window
PER_KIND = """SELECT min(x)::numeric(6, 2), max(x)::numeric(6, 2) FROM (SELECT d."ProvNum", {value} AS x
    FROM prov_days d WHERE d.hygienist = {hygienist} GROUP BY 1) p"""
PATIENTS_A_DAY = """(SELECT count(DISTINCT (v."PatNum", v."AptDateTime"::date)) FROM visits v
    WHERE v.provider = d."ProvNum")::float8 / count(*)"""
BOOKED_SHARE = """100 * (SELECT sum(length(a."Pattern") * 5) FROM raw.appointment a, win WHERE a."AptStatus" IN (1, 2, 5)
    AND (CASE WHEN a."IsHygiene" AND a."ProvHyg" > 0 THEN a."ProvHyg" ELSE a."ProvNum" END) = d."ProvNum"
    AND a."AptDateTime"::date BETWEEN start AND stop) / sum(d.minutes)"""
# the surfaces a filling code requires (CDT: one, two, three, four or more; D2335 also an incisal angle)
FILLING_SURFACES = """CASE WHEN "ProcCode" IN ('D2140', 'D2330', 'D2391') THEN 1
    WHEN "ProcCode" IN ('D2150', 'D2331', 'D2392') THEN 2 WHEN "ProcCode" IN ('D2160', 'D2332', 'D2393') THEN 3
    WHEN "ProcCode" = 'D2335' AND "Surf" LIKE '%I%' THEN 1 WHEN "ProcCode" IN ('D2161', 'D2335', 'D2394') THEN 4 END"""


def monthly(amount, rows, day):
    """SQL: (the window's first month, the window's median full month) of sum(amount) over rows dated `day`."""
    return f"""WITH months AS (SELECT date_trunc('month', {day}) AS month, sum({amount}) AS total {rows}
                   AND {day} >= (SELECT start FROM win) AND {day} < (SELECT date_trunc('month', stop) FROM win) GROUP BY 1)
        SELECT round((SELECT total FROM months ORDER BY month LIMIT 1)::numeric),
               round((percentile_cont(0.5) WITHIN GROUP (ORDER BY total))::numeric) FROM months"""


def on_closed_days(rows, day, kinds=(("weekends", weekend),)):
    """SQL: how many rows are dated on each kind of closed day, and how many there are."""
    counts = ", ".join(f"count(*) FILTER (WHERE {test(day)})" for _, test in kinds)
    return f"SELECT {counts}, count(*) {rows} AND {day} BETWEEN (SELECT start FROM win) AND (SELECT stop FROM win)"


# (the figure as the issue words it, the issue's number, SQL returning the number now, how its values print)
FIGURES = [
    ("procedures before the window", "0", """SELECT count(*) FROM procs, win WHERE "ProcDate" > '0001-01-02'
        AND "ProcDate" < start""", "{}"),
    ("appointments before the window", "0", """SELECT count(*) FROM raw.appointment, win
        WHERE "AptDateTime" > '0001-01-02' AND "AptDateTime" < start""", "{}"),
    ("claims before the window", "0", """SELECT count(*) FROM raw.claim, win WHERE "DateService" > '0001-01-02'
        AND "DateService" < start""", "{}"),
    ("payments before the window", "0", """SELECT count(*) FROM raw.payment, win WHERE "PayDate" > '0001-01-02'
        AND "PayDate" < start""", "{}"),
    ("patients with a DateFirstVisit before the window", "3,278", """SELECT count(*) FROM raw.patient, win
        WHERE "DateFirstVisit" > '0001-01-02' AND "DateFirstVisit" < start""", "{}"),
    ("insurance receipts: January of the window's first year / median month", "$1,405 / about $50,000",
     monthly('"CheckAmt"', 'FROM raw.claimpayment WHERE "CheckAmt" > 0', '"CheckDate"'), "${} / ${}"),
    ("patient payments: January / median month", "$21,000 / about $90,000",
     monthly('"PayAmt"', 'FROM raw.payment WHERE "PayAmt" > 0', '"PayDate"'), "${} / ${}"),
    ("completed visits: January / median month", "106 / about 230",
     monthly("1", 'FROM raw.appointment WHERE "AptStatus" = 2', '"AptDateTime"'), "{} / {}"),
    ("appointments booked on the window's first day (weekday, 7 = Sunday)", "215 (7)", """SELECT count(*),
        (SELECT extract(isodow FROM start)::int FROM win) FROM raw.appointment, win
        WHERE "SecDateTEntry"::date = start""", "{} ({})"),
    ("prophy recalls whose DatePrevious no procedure supports, of prophy recalls", "1,482 of 3,127", """SELECT
        count(*) FILTER (WHERE r."DatePrevious" > '0001-01-02' AND NOT EXISTS (SELECT FROM procs p
            JOIN raw.recalltrigger t ON t."RecallTypeNum" = r."RecallTypeNum" AND t."CodeNum" = p."CodeNum"
            WHERE p."PatNum" = r."PatNum"
            AND p."ProcDate" = r."DatePrevious" AND p."ProcStatus" IN (2, 3, 4))), count(*)
        FROM raw.recall r JOIN raw.recalltype y USING ("RecallTypeNum") WHERE y."Description" = 'Prophy'""",
     "{} of {}"),
    ("established active patients with any visit in the window, of them", "1,099 of 2,576 (43%)", f"""SELECT
        count(*) FILTER (WHERE seen), count(*), round(100.0 * avg(seen::int)) FROM (
        SELECT EXISTS (SELECT FROM visits v WHERE v."PatNum" = p."PatNum") AS seen {ESTABLISHED}) e""",
     "{} of {} ({}%)"),
    ("established active patients with any hygiene visit in the window", "710 (28%)", f"""SELECT
        count(*) FILTER (WHERE seen), round(100.0 * avg(seen::int)) FROM (
        SELECT EXISTS (SELECT FROM done d WHERE d."PatNum" = p."PatNum" AND d."ProcCode" IN {HYGIENE}
            AND d."ProcDate" BETWEEN start AND stop) AS seen {ESTABLISHED}) e""", "{} ({}%)"),
    ("scheduled appointments in the future book", "417", """SELECT count(*) FROM raw.appointment, win
        WHERE "AptStatus" = 1 AND "AptDateTime" >= stop + 1""", "{}"),
    ("complete-denture patients with natural-tooth work in that arch (same day or later) (must be 0)", "25 of 31",
     """WITH arches AS (SELECT "PatNum", "ProcCode" IN ('D5110', 'D5130') AS upper, min("ProcDate") AS day
            FROM done WHERE "ProcCode" IN ('D5110', 'D5120', 'D5130', 'D5140') GROUP BY 1, 2)
        SELECT count(DISTINCT a."PatNum") FILTER (WHERE EXISTS (SELECT FROM done d WHERE d."PatNum" = a."PatNum"
            AND CASE WHEN a.upper THEN d.upper_tooth ELSE d.lower_tooth END
            AND (d."ProcDate" > a.day OR d."ProcDate" = a.day AND d."ProcCode" NOT LIKE 'D7%'))),
            count(DISTINCT a."PatNum") FROM arches a""", "{} of {}"),
    ("permanent-tooth composites on children under 6 (must be 0)", "199", """SELECT count(*) FROM procs
        WHERE "ProcStatus" IN (1, 2) AND "ProcCode" ~ '^D23[3-9]' AND permanent AND age < 6""", "{}"),
    ("D7953 ridge grafts on primary teeth (must be 0)", "80", """SELECT count(*) FROM procs
        WHERE "ProcStatus" IN (1, 2) AND "ProcCode" = 'D7953' AND primary_tooth""", "{}"),
    ("D0150 on children under 3 (must be 0)", "199", """SELECT count(*) FROM procs
        WHERE "ProcStatus" IN (1, 2) AND "ProcCode" = 'D0150' AND age < 3""", "{}"),
    ("completed D0145 (exam under 3)", "0 (never used)", """SELECT count(*) FROM done WHERE "ProcCode" = 'D0145'""",
     "{}"),
    ("teeth restored after extraction (must be 0)", "17", f"""SELECT count(DISTINCT (x."PatNum", x."ToothNum"))
        FROM done x JOIN done d ON d."PatNum" = x."PatNum" AND d."ToothNum" = x."ToothNum"
        WHERE x."ProcCode" IN {EXTRACTIONS} AND x."ToothNum" <> '' AND d."ProcCode" ~ '^D[23]'
        AND d."ProcDate" > x."ProcDate" """, "{}"),
    ("teeth extracted twice (must be 0)", "15", f"""SELECT count(*) FROM (SELECT FROM done
        WHERE "ProcCode" IN {EXTRACTIONS} AND "ToothNum" <> '' GROUP BY "PatNum", "ToothNum" HAVING count(*) > 1) t""",
     "{}"),
    ("patient-days with D0220 twice (must be 0)", "151", """SELECT count(*) FROM (SELECT FROM done
        WHERE "ProcCode" = 'D0220' GROUP BY "PatNum", "ProcDate" HAVING count(*) > 1) t""", "{}"),
    ("panoramic films repeated within 30 days (must be 0)", "18", """SELECT count(*) FROM (SELECT "ProcDate"
        - lag("ProcDate") OVER (PARTITION BY "PatNum" ORDER BY "ProcDate") AS gap FROM done
        WHERE "ProcCode" = 'D0330') g WHERE gap <= 30""", "{}"),
    ("patients with 3 periodic exams inside 365 days (must be 0)", "190", """SELECT count(DISTINCT "PatNum")
        FROM (SELECT "PatNum", "ProcDate" - lag("ProcDate", 2) OVER (PARTITION BY "PatNum" ORDER BY "ProcDate")
        AS span FROM done WHERE "ProcCode" = 'D0120') e WHERE span < 365""", "{}"),
    ("D7210 surgical extractions on patients 65+, of all D7210", "0", """SELECT count(*) FILTER (WHERE age >= 65),
        count(*) FROM done WHERE "ProcCode" = 'D7210'""", "{} of {}"),
    ("nitrous (D9230): oldest patient's age, patients 60+ of all", "stops at 63", """SELECT max(age)::int,
        count(*) FILTER (WHERE age >= 60), count(*) FROM done WHERE "ProcCode" = 'D9230'""",
     "oldest {}, {} of {} aged 60+"),
    ("scaling-and-root-planing patients who ever get D4910, of SRP patients", "21 of 102", """SELECT
        count(*) FILTER (WHERE maintained > srp), count(*) FROM (SELECT "PatNum",
        min("ProcDate") FILTER (WHERE "ProcCode" IN ('D4341', 'D4342')) AS srp,
        max("ProcDate") FILTER (WHERE "ProcCode" = 'D4910') AS maintained FROM done GROUP BY 1) s
        WHERE srp IS NOT NULL""", "{} of {}"),
    ("SRP patients who keep coming for other work with no hygiene after it", "61", f"""WITH srp AS (
            SELECT "PatNum", min("ProcDate") AS day FROM done WHERE "ProcCode" IN ('D4341', 'D4342') GROUP BY 1)
        SELECT count(*) FROM srp s WHERE EXISTS (SELECT FROM done d WHERE d."PatNum" = s."PatNum"
            AND d."ProcDate" > s.day AND d."ProcCode" ~ '^D[2-7]')
        AND NOT EXISTS (SELECT FROM done d WHERE d."PatNum" = s."PatNum" AND d."ProcDate" > s.day
            AND d."ProcCode" IN {HYGIENE})""", "{}"),
    ("completed visits with 10+ procedures, of completed visits", "281", """SELECT
        count(*) FILTER (WHERE procedures >= 10), count(*) FROM visits""", "{} of {}"),
    ("the visit with the most procedures: procedures, minutes", "24 in 180", """SELECT procedures, minutes
        FROM visits ORDER BY procedures DESC, minutes DESC LIMIT 1""", "{} in {}"),
    ("appointments at exactly 180 minutes (36 pattern slots), longest appointment", "1,295, 180 (capped)", """SELECT
        count(*) FILTER (WHERE length("Pattern") = 36), max(length("Pattern")) * 5 FROM raw.appointment, win
        WHERE "AptDateTime"::date BETWEEN start AND stop""", "{}, {}"),
    ("start-minute spread: distinct minutes past the hour, share on the 10/15-minute grid",
     "12 (every 5-minute mark)", """SELECT count(DISTINCT extract(minute FROM "AptDateTime")),
        round(100.0 * avg((extract(minute FROM "AptDateTime")::int % 10 = 0
                           OR extract(minute FROM "AptDateTime")::int % 15 = 0)::int), 1)
        FROM raw.appointment, win WHERE "AptDateTime"::date BETWEEN start AND stop AND "AptStatus" IN (1, 2, 5)""",
     "{}, {}% on the grid"),
    ("appointment starts between 12:00 and 12:55", "1,553", """SELECT count(*) FROM raw.appointment, win
        WHERE "AptDateTime"::date BETWEEN start AND stop AND "AptStatus" IN (1, 2, 5)
        AND "AptDateTime"::time BETWEEN '12:00' AND '12:55'""", "{}"),
    ("open weekdays a provider is scheduled (between their first and last day)", "100% (every weekday)", f"""SELECT
        round(100.0 * sum(worked) / sum(open), 1) FROM (SELECT d."ProvNum", count(*) AS worked,
        (SELECT count(*) FROM generate_series(min(d.day), max(d.day), interval '1 day') o
         WHERE NOT {closed('o::date')}) AS open FROM prov_days d GROUP BY 1) p""", "{}%"),
    ("provider-days 08:00-17:00 in one block", "100%", """SELECT round(100.0 * avg((blocks = 1
        AND opens = '08:00' AND closes = '17:00')::int), 1) FROM prov_days""", "{}%"),
    ("provider-days with a lunch break (two blocks or more)", "0 (no lunch)", """SELECT
        round(100.0 * avg((blocks > 1)::int), 1) FROM prov_days""", "{}%"),
    ("providers with a regular day off (a weekday worked under half their weeks), of providers", "0 (no days off)",
     """WITH weeks AS (SELECT "ProvNum", count(DISTINCT date_trunc('week', day)) AS n FROM prov_days GROUP BY 1),
        weekdays AS (SELECT "ProvNum", extract(isodow FROM day) AS dow, count(*) AS n FROM prov_days GROUP BY 1, 2)
        SELECT count(*) FILTER (WHERE low < 0.5), count(*) FROM (SELECT w."ProvNum",
            min(coalesce(d.n, 0)::float8 / w.n) AS low FROM weeks w CROSS JOIN generate_series(1, 5) dow
            LEFT JOIN weekdays d ON d."ProvNum" = w."ProvNum" AND d.dow = dow.dow GROUP BY 1) p""", "{} of {}"),
    ("vacations: absences of 5+ open weekdays in a row, over provider-years", "0 (no vacations)", f"""WITH open AS (
            SELECT o::date AS day, row_number() OVER (ORDER BY o) AS n FROM win, generate_series(start, stop,
            interval '1 day') o WHERE NOT {closed('o::date')}),
        worked AS (SELECT d."ProvNum", o.n, o.n - lag(o.n) OVER (PARTITION BY d."ProvNum" ORDER BY o.n) - 1 AS gap
            FROM prov_days d JOIN open o USING (day))
        SELECT count(*) FILTER (WHERE gap >= 5), round((SELECT sum(span) / 250.0 FROM (SELECT max(n) - min(n) + 1
            AS span FROM worked GROUP BY "ProvNum") s), 1) FROM worked""", "{} over {}"),
    ("completed patients per provider-day, dentists (range over dentists)", "2.7-2.9",
     PER_KIND.format(value=PATIENTS_A_DAY, hygienist="false"), "{}-{}"),
    ("completed patients per provider-day, hygienists (a real one sees about 8)", "2.7-2.9",
     PER_KIND.format(value=PATIENTS_A_DAY, hygienist="true"), "{}-{}"),
    ("booked share of the scheduled day, dentists", "36-48%", PER_KIND.format(value=BOOKED_SHARE, hygienist="false"),
     "{}-{}%"),
    ("booked share of the scheduled day, hygienists", "36-48%", PER_KIND.format(value=BOOKED_SHARE, hygienist="true"),
     "{}-{}%"),
    ("insurance check dates on a Saturday or Sunday / on office holidays, of check dates", "1,532 / 75 of 5,502",
     on_closed_days('FROM raw.claimpayment WHERE true', '"CheckDate"', (("weekends", weekend), ("holidays", holiday))),
     "{} / {} of {}"),
    ("cash or check payments on weekends, of cash or check payments", "184", on_closed_days(
        """FROM raw.payment WHERE "PayType" IN (SELECT "DefNum" FROM raw.definition WHERE "Category" = 10
        AND "ItemName" IN ('Cash', 'Check'))""", '"PayDate"'), "{} of {}"),
    ("adjustments on weekends, of adjustments", "394", on_closed_days("FROM raw.adjustment WHERE true", '"AdjDate"'),
     "{} of {}"),
    ("staff phone calls on weekends, of staff phone calls", "1,202", on_closed_days(
        'FROM raw.commlog WHERE "Mode_" = 3 AND "CommSource" = 0', '"CommDateTime"::date'), "{} of {}"),
    ("staff phone calls on New Year's Day", "a voicemail (1 or more)", """SELECT count(*) FROM raw.commlog, win
        WHERE "Mode_" = 3 AND "CommSource" = 0 AND to_char("CommDateTime", 'MMDD') = '0101'
        AND "CommDateTime"::date BETWEEN start AND stop""", "{}"),
    ("distinct cell numbers (home numbers) for patients with a cell", "200 (101) for 4,091", """SELECT
        count(DISTINCT "WirelessPhone") FILTER (WHERE "WirelessPhone" <> ''),
        count(DISTINCT "HmPhone") FILTER (WHERE "HmPhone" <> ''), count(*) FILTER (WHERE "WirelessPhone" <> '')
        FROM raw.patient""", "{} ({}) for {}"),
    ("distinct cell / home numbers per family that has one", "not quoted (200 / 101 numbers in all)", """SELECT
        round(count(DISTINCT "WirelessPhone") FILTER (WHERE "WirelessPhone" <> '')::numeric
              / count(DISTINCT "Guarantor") FILTER (WHERE "WirelessPhone" <> ''), 2),
        round(count(DISTINCT "HmPhone") FILTER (WHERE "HmPhone" <> '')::numeric
              / count(DISTINCT "Guarantor") FILTER (WHERE "HmPhone" <> ''), 2) FROM raw.patient""", "{} / {}"),
    ("most unrelated families sharing one cell number", "45", """SELECT coalesce(max(n), 0) FROM (SELECT
        count(DISTINCT "Guarantor") AS n FROM raw.patient WHERE "WirelessPhone" <> '' GROUP BY "WirelessPhone") c""",
     "{}"),
    ("children under 13 with their own e-mail", "692", """SELECT count(*) FROM raw.patient p
        JOIN raw.patient g ON g."PatNum" = p."Guarantor", win WHERE date_part('year', age(stop, p."Birthdate")) < 13
        AND p."Email" <> '' AND p."Email" IS DISTINCT FROM g."Email" """, "{}"),
    ("patients with an SSN / SSNs starting with 9", "100% / 100%", """SELECT
        round(100.0 * avg(("SSN" <> '')::int), 1), round(100.0 * avg(("SSN" LIKE '9%')::int) FILTER (WHERE "SSN" <> ''), 1)
        FROM raw.patient""", "{}% / {}%"),
    ("new-patient appointments entered before the patient record (median days)", "1,512 (15)", """SELECT count(*),
        coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY p."SecDateEntry" - a."SecDateTEntry"::date), 0)
        FROM raw.appointment a JOIN raw.patient p USING ("PatNum") WHERE a."IsNewPatient"
        AND a."SecDateTEntry" > '0001-01-02' AND a."SecDateTEntry"::date < p."SecDateEntry" """, "{} ({})"),
    ("patient records created before the patient's birth (must be 0)", "149", """SELECT count(*) FROM raw.patient
        WHERE "SecDateEntry" > '0001-01-02' AND "SecDateEntry" < "Birthdate" """, "{}"),
    ("first visits before birth (must be 0)", "57", """SELECT count(*) FROM raw.patient
        WHERE "DateFirstVisit" > '0001-01-02' AND "DateFirstVisit" < "Birthdate" """, "{}"),
    ("active dependants of a deceased or deleted guarantor (must be 0)", "12", """SELECT count(*) FROM raw.patient p
        JOIN raw.patient g ON g."PatNum" = p."Guarantor" WHERE p."PatNum" <> p."Guarantor" AND p."PatStatus" = 0
        AND g."PatStatus" IN (4, 5)""", "{}"),
    ("fee rows updated after entry", "0 in four years", """SELECT count(*) FROM raw.fee
        WHERE "SecDateTEdit"::date > "SecDateEntry" """, "{}"),
    ("D0120 amounts charged in the window: distinct amounts, lowest to highest", "23, $54 to $75", """SELECT
        count(DISTINCT "ProcFee"), min("ProcFee"), max("ProcFee") FROM done d, win
        WHERE d."ProcCode" = 'D0120' AND d."ProcDate" BETWEEN start AND stop""",
     "{}, ${} to ${}"),
    ("fillings with fewer surfaces than their code requires, of fillings", "3,316 of 11,789 (28%)", f"""SELECT
        count(*) FILTER (WHERE length(coalesce("Surf", '')) < {FILLING_SURFACES}), count(*) FROM done
        WHERE {FILLING_SURFACES} IS NOT NULL""", "{} of {}"),
    ("group notes (~GRP~) stored as completed procedures (status C)", "1,739", """SELECT count(*) FROM done
        WHERE "ProcCode" = '~GRP~'""", "{}"),
    ("procedures not complete with DateEntryC 0001-01-01, of procedures not complete", "every one", """SELECT
        count(*) FILTER (WHERE "DateEntryC" IS NULL OR "DateEntryC" < '0001-01-02'), count(*) FROM procs
        WHERE "ProcStatus" <> 2""", "{} of {}"),
    ("tasks with two history snapshots of the same DateTStamp, of tasks", "729 of 2,726", """SELECT
        (SELECT count(DISTINCT "TaskNum") FROM (SELECT "TaskNum" FROM raw.taskhist GROUP BY "TaskNum", "DateTStamp"
         HAVING count(*) > 1) d), (SELECT count(*) FROM raw.task)""", "{} of {}"),
    ("new patients whose DateFirstVisit precedes their first completed visit, of new patients",
     "about half (1-19 days)", """SELECT count(*) FILTER (WHERE p."DateFirstVisit" < f.day), count(*)
        FROM raw.patient p JOIN (SELECT "PatNum", min("AptDateTime")::date AS day FROM visits GROUP BY 1) f
        USING ("PatNum"), win WHERE p."DateFirstVisit" >= start""", "{} of {}"),
    ("completed procedures with no procedure note (share)", "34%", """SELECT
        round(100.0 * avg((n."ProcNum" IS NULL)::int), 1)
        FROM done d CROSS JOIN win LEFT JOIN (SELECT DISTINCT "ProcNum" FROM raw.procnote) n USING ("ProcNum")
        WHERE d."ProcDate" BETWEEN start AND stop""", "{}%"),
]


def number(value):
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}" if value is not None else "-"


def prepare(cursor):
    """The temporary tables the figures read (private to the session, dropped when it ends)."""
    cursor.execute(SETUP)


def figures(cursor):
    """(name, the issue's number, the number now) of every figure, on the tables prepare() made."""
    rows = []
    for name, issue, sql, shape in FIGURES:
        cursor.execute(sql)
        rows.append((name, issue, shape.format(*map(number, cursor.fetchone()))))
    return rows


def main(argv):
    if len(argv) != 1:
        print("usage: audit_practice.py DSN  (a libpq connection string or URI)", file=sys.stderr)
        return 2
    try:
        conn = psycopg2.connect(argv[0])
    except psycopg2.Error as error:
        print(f"error: cannot connect: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 2
    with conn, conn.cursor() as cursor:
        cursor.execute("SELECT to_regclass('dental_synth.generator_run')")
        if cursor.fetchone()[0] is None:
            print("error: no dental_synth.generator_run: not a database of the generator", file=sys.stderr)
            return 2
        prepare(cursor)
        for name, issue, now in figures(cursor):
            print(f"{name} | issue: {issue} | now: {now}")
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
