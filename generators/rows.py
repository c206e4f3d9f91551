"""Sets of rows (dicts of equal-length column arrays) and the draws that fill them."""
import numpy as np

from core.arrays import concat_rows, take_rows


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
