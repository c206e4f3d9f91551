"""OpenDental's definitions (the definition table's pick-lists): categories by name, DefNums by category and name.

The rows are generators/data/definitions.csv, numbered as the foundation phase writes them: a row's own DefNum
where it has one (the numbers the analytics compare literally), the others from 1 upwards around those.
"""
import csv
from functools import lru_cache
from pathlib import Path

from .codes import SqlEnum

DEFINITIONS_CSV = Path(__file__).resolve().parent.parent / "generators" / "data" / "definitions.csv"
NONE = 0  # a definition key of 0 means "none" (an income transfer's PayType, a split that is not unearned...)


class DefCat(SqlEnum):
    """definition.Category (DOMAIN.md 4.1)"""
    ACCOUNT_COLORS = 0
    ADJ_TYPES = 1
    APPT_CONFIRMED = 2
    APPT_PROCS_QUICK_ADD = 3
    BILLING_TYPES = 4
    PAYMENT_TYPES = 10
    PROC_CODE_CATS = 11
    PROG_NOTE_COLORS = 12
    RECALL_UNSCHED_STATUS = 13
    DIAGNOSIS = 16
    APPOINTMENT_COLORS = 17
    IMAGE_CATS = 18
    TX_PRIORITIES = 20
    CHART_GRAPHIC_COLORS = 22
    BLOCKOUT_TYPES = 25
    COMMLOG_TYPES = 27
    PAYSPLIT_UNEARNED_TYPE = 29
    PROGNOSIS = 30
    CLAIM_CUSTOM_TRACKING = 31
    INSURANCE_PAYMENT_TYPE = 32
    TASK_PRIORITIES = 33
    PROVIDER_SPECIALTIES = 35
    CLAIM_PAYMENT_TRACKING = 36
    INSURANCE_VERIFICATION_STATUS = 38
    REGION_TYPES = 39
    CLAIM_PAYMENT_GROUPS = 40
    CARRIER_GROUP_NAMES = 46
    PAY_PLAN_CATEGORIES = 47
    TIME_CARD_ADJ_TYPES = 50
    OPERATORY_TYPES = 55


@lru_cache(maxsize=1)
def rows():
    """Every definition as (DefNum, category, name, hidden), in the order of the file."""
    with open(DEFINITIONS_CSV, newline="", encoding="utf-8") as f:
        read = list(csv.DictReader(f))
    fixed = {int(r["DefNum"]) for r in read if r["DefNum"]}
    free = (n for n in range(1, 10_000) if n not in fixed)
    return tuple((int(r["DefNum"]) if r["DefNum"] else next(free), int(r["Category"]), r["ItemName"],
                  r["IsHidden"] == "1") for r in read)


def defnum(category, name):
    """The DefNum of the definition `name` of `category`: the first shown one by that name, else a hidden one."""
    found = sorted((hidden, i) for i, (_, cat, item, hidden) in enumerate(rows()) if cat == category and item == name)
    if not found:
        raise KeyError(f"no definition {name!r} in category {category}")
    return rows()[found[0][1]][0]


def defnums(category, *names):
    """The DefNums of these definitions of `category` (every one of the category, hidden too, when none is named)."""
    if names:
        return tuple(defnum(category, name) for name in names)
    return tuple(num for num, cat, _, _ in rows() if cat == category)
