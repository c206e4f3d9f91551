"""Grouped array operations the phases share (numpy has no groupby)."""
from types import SimpleNamespace

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


def run_starts(*keys):
    """For rows already sorted by the keys: True where a run of equal keys begins (empty input: empty)."""
    stacked = np.stack([np.asarray(key) for key in keys])
    return np.r_[True, np.any(stacked[:, 1:] != stacked[:, :-1], axis=0)][:stacked.shape[1]]


def groups(*keys):
    """Rows grouped by equal keys: the group number of every row (groups numbered in key order), the order that
    sorts the rows by key (stable), and the first row of each group in that order."""
    order = sorted_by(*keys)
    if not len(order):
        return np.zeros(0, dtype=np.int64), order, order
    starts = run_starts(*(np.asarray(key)[order] for key in keys))
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(starts) - 1
    return group, order, order[starts]


def _columns(rows):
    return rows if isinstance(rows, dict) else vars(rows)


def _like(rows, columns):
    return columns if isinstance(rows, dict) else SimpleNamespace(**columns)


def concat_rows(parts):
    """Row sets (dicts or namespaces of equal-length arrays) joined end to end, column by column."""
    return _like(parts[0], {k: np.concatenate([_columns(p)[k] for p in parts]) for k in _columns(parts[0])})


def take_rows(rows, index):
    """The rows at `index` (a boolean mask or positions) of a row set, every column alike."""
    return _like(rows, {k: v[index] for k, v in _columns(rows).items()})
