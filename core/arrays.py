"""Grouped array operations the phases share (numpy has no groupby)."""
import numpy as np


def sorted_by(*keys):
    """Indices that sort rows by several keys, the first most significant (stable)."""
    return np.lexsort(keys[::-1])


def cumsum_before(groups, values):
    """For rows sorted by group: the sum of earlier values in the same group (exclusive running total)."""
    if not len(values):
        return np.zeros(0, dtype=np.asarray(values).dtype)
    total = np.cumsum(values)
    before = total - values
    starts = np.r_[0, np.flatnonzero(groups[1:] != groups[:-1]) + 1]
    offset = np.repeat(before[starts], np.diff(np.r_[starts, len(values)]))
    return before - offset


def rank_in_group(groups):
    """For rows sorted by group: 0, 1, 2... within each group."""
    return cumsum_before(groups, np.ones(len(groups), dtype=np.int64))


def group_sum(groups, values, n_groups):
    """Sum of values per group index 0..n_groups-1 (exact for int64)."""
    out = np.zeros(n_groups, dtype=values.dtype)
    np.add.at(out, groups, values)
    return out


def lookup(values, index, missing):
    """values[index] where index >= 0, else `missing` (also when `values` is empty)."""
    index = np.asarray(index)
    if not len(values):
        return np.full(index.shape, missing)
    return np.where(index >= 0, values[np.maximum(index, 0)], missing)
