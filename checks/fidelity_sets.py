"""The row sets that many fidelity metrics read, built once per report as temporary tables so that each metric
reads a few narrow rows instead of rescanning the wide procedure log and appointment book.

`procedures` holds every procedure with its code and its patient's birth date and age: the inner joins lose
nothing, since validation requires both keys of every procedure. A metric reads these tables by name; a new
shared set is one more entry of SETS (built in order, so a set may read those before it). A set pays when
metrics of different shapes read it; metrics of one shape over the same rows are tallies (metric.Tally) over a
shared FROM clause instead, such as COMPLETED_VISITS.
"""
from contextlib import contextmanager

from opendental.codes import AptStatus, ScheduleType
from opendental.definitions import DefCat, defnum

from .ar_validation import COMPLETE, PAID, TODAY

BOOKED = AptStatus.sql(AptStatus.SCHEDULED, AptStatus.COMPLETE, AptStatus.BROKEN)
CROWN_AND_BRIDGE = defnum(DefCat.PROC_CODE_CATS, "Crown & Bridge")
CATEGORY = f"""CASE WHEN "ProcCode" LIKE 'D0%' THEN 'diagnostic' WHEN "ProcCode" LIKE 'D1%' THEN 'preventive'
    WHEN "ProcCode" LIKE 'D2%' AND "ProcCat" = {CROWN_AND_BRIDGE} THEN 'prosthodontic'
    WHEN "ProcCode" LIKE 'D2%' THEN 'restorative'
    WHEN "ProcCode" LIKE 'D3%' THEN 'endodontic' WHEN "ProcCode" LIKE 'D4%' THEN 'periodontic'
    WHEN "ProcCode" LIKE 'D5%' OR "ProcCode" LIKE 'D6%' THEN 'prosthodontic'
    WHEN "ProcCode" LIKE 'D7%' THEN 'oral surgery' ELSE 'other' END"""
HYGIENE_PROVIDER = """CASE WHEN a."IsHygiene" AND a."ProvHyg" > 0 THEN a."ProvHyg" ELSE a."ProvNum" END"""

# each completed appointment with the number of its procedures, and of those that are not group notes
COMPLETED_VISITS = f"""FROM (SELECT a."AptNum", count(p."ProcNum") AS procedures,
    count(p."ProcNum") FILTER (WHERE p."ProcCode" <> '~GRP~') AS treatments FROM raw.appointment a
    LEFT JOIN procedures p USING ("AptNum") WHERE a."AptStatus" = {AptStatus.COMPLETE} GROUP BY 1) v"""

SETS = {
    "procedures": """SELECT p."ProcNum", p."PatNum", p."AptNum", p."ProvNum", p."ClinicNum", p."CodeNum",
        p."ProcDate", p."ProcStatus", p."ProcFee", p."ToothNum", c."ProcCode", c."ProcCat", pt."Birthdate",
        date_part('year', age(p."ProcDate", pt."Birthdate")) AS age
        FROM raw.procedurelog p JOIN raw.procedurecode c USING ("CodeNum") JOIN raw.patient pt USING ("PatNum")""",
    # a code's usual (most frequent) fee of each year
    "usual_fees": f"""SELECT "ProcCode", extract(year FROM "ProcDate") AS year, count(*) AS n,
        mode() WITHIN GROUP (ORDER BY "ProcFee") AS fee FROM procedures WHERE "ProcStatus" = {COMPLETE}
        AND "ProcFee" > 0 GROUP BY 1, 2""",
    # the completed procedure mix by category, read by the category metrics
    "procedure_mix": f"""SELECT {CATEGORY} AS category, count(*) AS procedures, sum("ProcFee") AS production
        FROM procedures WHERE "ProcStatus" = {COMPLETE} AND "ProcFee" > 0 GROUP BY 1""",
    # the insurance money on the ledger
    "insurance_paid": f"""SELECT sum("InsPayAmt") AS paid, sum("WriteOff") AS written_off FROM raw.claimproc
        WHERE "Status" IN {PAID}""",
    "book": f"""SELECT a."AptNum", {HYGIENE_PROVIDER} AS provider, a."AptDateTime"::date AS day,
        a."AptDateTime"::time AS starts, length(a."Pattern") AS slots FROM raw.appointment a
        WHERE a."AptStatus" IN {BOOKED} AND a."AptDateTime" > '0001-01-02'""",
    "provider_blocks": f"""SELECT "ProvNum" AS provider, "SchedDate" AS day, "StartTime", "StopTime"
        FROM raw.schedule WHERE "SchedType" = {ScheduleType.PROVIDER} AND "ProvNum" > 0""",
    "provider_days": f"""SELECT provider, day, count(*) AS blocks, max("StopTime") - min("StartTime") AS span,
        sum(extract(epoch FROM "StopTime" - "StartTime") / 60) AS minutes FROM provider_blocks
        WHERE day <= {TODAY} GROUP BY 1, 2""",
}


@contextmanager
def built(cursor):
    """The shared sets, as temporary tables while the block runs."""
    for name, query in SETS.items():
        cursor.execute(f"CREATE TEMPORARY TABLE {name} AS {query}")
    yield
    cursor.execute(f"DROP TABLE {', '.join(reversed(SETS))}")
