"""The collection rules: an account the office sends to its collection agency is not treated again, and the
guarantor's billing type (definition category 4) says where the account stands.

A family's account went to collections on the first day of its agency's traces: a Collection Agency payment, a
Collection Agency Fee or Bad Debt Write-off adjustment, or the guarantor's last edit (patient.DateTStamp) while
the billing type is Collections or Bad Debt. Each rule is (name, SQL returning the offending rows).
"""
from opendental.codes import ProcStatus
from opendental.definitions import DefCat, defnums


def _defnums(category, *names):
    """The DefNums of these definitions, as an SQL list."""
    return f"({', '.join(map(str, defnums(category, *names)))})"


AT_AGENCY = _defnums(DefCat.BILLING_TYPES, "Collections", "Bad Debt")
BAD_DEBT_TYPE = _defnums(DefCat.BILLING_TYPES, "Bad Debt")
BAD_DEBT = _defnums(DefCat.ADJ_TYPES, "Bad Debt Write-off")
AGENCY_FEE = _defnums(DefCat.ADJ_TYPES, "Collection Agency Fee")
AGENCY_PAYMENT = _defnums(DefCat.PAYMENT_TYPES, "Collection Agency")

SENT = f"""
    SELECT "Guarantor", min(day) AS sent FROM (
      SELECT p."Guarantor", a."AdjDate" AS day FROM raw.adjustment a JOIN raw.patient p USING ("PatNum")
      WHERE a."AdjType" IN {BAD_DEBT} OR a."AdjType" IN {AGENCY_FEE}
      UNION ALL SELECT "PatNum", "PayDate" FROM raw.payment WHERE "PayType" IN {AGENCY_PAYMENT}
      UNION ALL SELECT "PatNum", "DateTStamp"::date FROM raw.patient
      WHERE "PatNum" = "Guarantor" AND "BillingType" IN {AT_AGENCY}) traces
    GROUP BY 1"""

WRITTEN_OFF = f"""SELECT DISTINCT p."Guarantor" FROM raw.adjustment a JOIN raw.patient p USING ("PatNum")
                  WHERE a."AdjType" IN {BAD_DEBT}"""

RULES = [
    ("no completed procedure of a family after its account went to collections", f"""
     SELECT pl."ProcNum", pl."PatNum", pl."ProcDate", s.sent FROM raw.procedurelog pl
     JOIN raw.patient p USING ("PatNum") JOIN ({SENT}) s USING ("Guarantor")
     WHERE pl."ProcStatus" = {ProcStatus.COMPLETE} AND pl."ProcDate" > s.sent"""),
    ("a family with a bad-debt write-off has the billing type Bad Debt, and only such a family", f"""
     SELECT g."PatNum", g."BillingType" FROM raw.patient g LEFT JOIN ({WRITTEN_OFF}) w ON w."Guarantor" = g."PatNum"
     WHERE g."PatNum" = g."Guarantor" AND (w."Guarantor" IS NULL) = (g."BillingType" IN {BAD_DEBT_TYPE})"""),
    ("a collection agency's fee is kept from a remittance of the agency that day", f"""
     SELECT a."AdjNum", a."PatNum", a."AdjDate" FROM raw.adjustment a JOIN raw.patient p USING ("PatNum")
     WHERE a."AdjType" IN {AGENCY_FEE} AND NOT EXISTS (
       SELECT 1 FROM raw.payment y WHERE y."PatNum" = p."Guarantor" AND y."PayDate" = a."AdjDate"
       AND y."PayType" IN {AGENCY_PAYMENT})"""),
]
