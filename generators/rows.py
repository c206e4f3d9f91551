"""Sets of rows (dicts of equal-length column arrays) and the draws that fill them."""
import numpy as np

from core.arrays import concat_rows, rank_in_group, take_rows


def rows_of(n, **columns):
    """A set of rows: every column an array of length n (scalars repeated)."""
    return {name: np.broadcast_to(np.asarray(value), (n,)) for name, value in columns.items()}


def fit_to_volume(rng, rows, target, top_up):
    """Thin the rows uniformly to `target`, or add `top_up(missing)` rows to reach it."""
    n = len(next(iter(rows.values())))
    if n >= target:
        return take_rows(rows, np.sort(rng.choice(n, target, replace=False)))
    return concat_rows([rows, top_up(target - n)])


def pick(rng, pool, n):
    """n draws, with repeats, from a pool."""
    return np.asarray(pool)[rng.integers(0, len(pool), n)]


def scaled(ctx, per_5000, minimum):
    """A count that grows with the office's patients: `per_5000` for 5,000 of them, at least `minimum`."""
    return max(minimum, round(per_5000 * ctx.config.patients / 5000))


def appointment_rows(appointments, apt_nums):
    """The row (appointment index) of each AptNum in the clinical hand-over's appointments."""
    order = np.argsort(appointments.nums)
    return order[np.searchsorted(appointments.nums, apt_nums, sorter=order)]


def row_of(keys, wanted):
    """Position of each wanted key in `keys`, -1 where it is absent (0 = none)."""
    order = np.argsort(keys, kind="stable")
    at = order[np.minimum(np.searchsorted(keys, wanted, sorter=order), len(keys) - 1)]
    return np.where(keys[at] == wanted, at, -1)


def completed_appointment(ctx, proc):
    """Row in ctx.practice.clinical.appointments of each (completed) procedure's visit."""
    ap = ctx.practice.clinical.appointments
    return row_of(ap.nums, ctx.practice.clinical.procedures.apt_num[proc])


def day_key(patient, days):
    """One integer per (patient, day)."""
    return patient.astype(np.int64) * 100_000 + days.astype(np.int64)


def tooth_key(patient, tooth):
    """One integer per (patient, Universal tooth number)."""
    return patient.astype(np.int64) * 64 + tooth


def chunks(start, stop, size=200_000):
    """Slices of start..stop, `size` positions each (the last shorter)."""
    return (slice(first, min(first + size, stop)) for first in range(start, stop, size))


def spans(start, count):
    """Positions start[i] ... start[i] + count[i] - 1 of every i, and the i of each."""
    owner = np.repeat(np.arange(len(start)), count)
    return np.repeat(start, count) + rank_in_group(owner), owner
