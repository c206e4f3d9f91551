"""OpenDental's aging: every family's balance, aged by the date of each charge, credits applied to the oldest
charges first, stored on the guarantor's patient row (dependants carry zeros); EstBalance per patient."""
import numpy as np

from core.arrays import cumsum_before, group_sum, sorted_by

BUCKET_LIMITS = (30, 60, 90)  # days: 0-30, 31-60, 61-90, over 90
COLLECTIONS_CENTS = 5_000  # owed over 90 days: the family goes to collections


def age_families(ctx, entries, insurance_pending):
    """entries: (patient index, date, signed cents) arrays; insurance_pending: cents per patient.

    Returns per family: total, 0-30, 31-60, 61-90, over 90, insurance estimate; and per patient balance.
    """
    pt = ctx.practice.patients
    patient, date, amount = (np.concatenate(part) for part in zip(*entries))
    n_families, n_patients = len(ctx.practice.families.first), len(pt.nums)
    family = pt.family[patient]
    total = group_sum(family, amount, n_families)
    charge = amount > 0
    credits = -group_sum(family[~charge], amount[~charge], n_families)
    order = sorted_by(family[charge], date[charge].astype(np.int64))
    c_family, c_date, c_amount = family[charge][order], date[charge][order], amount[charge][order]
    covered_before = cumsum_before(c_family, c_amount)
    unpaid = np.clip(c_amount - np.maximum(credits[c_family] - covered_before, 0), 0, c_amount)
    age = (ctx.today - c_date).astype(np.int64)
    bucket = np.searchsorted(BUCKET_LIMITS, age, side="left")
    buckets = np.zeros((4, n_families), dtype=np.int64)
    np.add.at(buckets, (bucket, c_family), unpaid)
    return {
        "total": total, "buckets": buckets,
        "insurance": group_sum(pt.family, insurance_pending, n_families),
        "patient_balance": group_sum(patient, amount, n_patients),
    }


def store_on_patients(ctx, aging):
    """Family totals on the guarantor row, zeros on dependants (they were written as zeros already)."""
    fam = ctx.practice.families
    pt = ctx.practice.patients
    b = aging["buckets"]
    ctx.out.update("patient", "PatNum", {
        "PatNum": fam.guarantor, "BalTotal": aging["total"] / 100.0, "Bal_0_30": b[0] / 100.0,
        "Bal_31_60": b[1] / 100.0, "Bal_61_90": b[2] / 100.0, "BalOver90": b[3] / 100.0,
        "InsEst": aging["insurance"] / 100.0,
    })
    owing = np.flatnonzero(aging["patient_balance"] != 0)
    ctx.out.update("patient", "PatNum", {"PatNum": pt.nums[owing],
                                         "EstBalance": aging["patient_balance"][owing] / 100.0})
