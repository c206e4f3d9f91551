"""The plumbing every phase leans on: primary keys (core.ids) and grouped array operations (core.arrays)."""
from types import SimpleNamespace

import numpy as np

from core import arrays
from core.ids import RESERVED, IdAllocator

TEST_PATIENT = RESERVED["patient"][0]


def test_keys_continue_across_calls_per_table_and_start_where_asked():
    ids = IdAllocator()
    assert ids.take("appointment", 3).tolist() == [1, 2, 3]
    assert ids.take("appointment", 2).tolist() == [4, 5]
    assert ids.take("procedurelog", 2, start=100).tolist() == [100, 101]
    assert ids.take("procedurelog", 1, start=500).tolist() == [102]  # start only counts for a table's first keys
    assert ids.take("appointment", 0).tolist() == [] and ids.take("appointment", 1).tolist() == [6]
    assert ids.take("claim", 2).dtype == np.int64


def test_the_reserved_test_patient_is_never_handed_out():
    ids = IdAllocator()
    below = ids.take("patient", TEST_PATIENT - 3)
    across = ids.take("patient", 5)
    assert below[-1] == TEST_PATIENT - 3
    assert across.tolist() == [TEST_PATIENT - 2, TEST_PATIENT - 1, TEST_PATIENT + 1, TEST_PATIENT + 2,
                               TEST_PATIENT + 3]
    assert ids.take("patient", 1).tolist() == [TEST_PATIENT + 4]
    assert TEST_PATIENT not in IdAllocator().take("patient", 40_000)
    assert TEST_PATIENT in IdAllocator().take("appointment", 40_000)  # only patients reserve it


def test_each_office_takes_every_nth_key_after_the_practice_s_whatever_the_others_take():
    practice = IdAllocator()
    assert practice.take("fee", 5).tolist() == [1, 2, 3, 4, 5]
    first, second = practice.for_office(0, 2), practice.for_office(1, 2)
    assert second.take("fee", 3).tolist() == [7, 9, 11]  # before the first office took any: its keys do not move
    assert first.take("fee", 2).tolist() == [6, 8] and first.take("fee", 1).tolist() == [10]
    assert first.take("appointment", 2).tolist() == [1, 3] and second.take("appointment", 1).tolist() == [2]
    assert second.take("web form", 2, start=100).tolist() == [101, 103]
    assert practice.for_office(0, 1).take("fee", 2).tolist() == [6, 7]  # one office: the practice's sequence runs on


def test_the_office_whose_turn_it_is_skips_the_reserved_test_patient():
    offices = [IdAllocator(3, office) for office in range(3)]
    keys = [office.take("patient", 11_000) for office in offices]
    assert all(np.all(np.diff(k) % 3 == 0) for k in keys)  # each office keeps to its own turn
    assert sorted(np.concatenate(keys).tolist()) == [k for k in range(1, 33_002) if k != TEST_PATIENT]


def test_sorted_by_puts_the_first_key_first_and_keeps_ties_in_order():
    major, minor = np.array([2, 1, 2, 1, 1]), np.array([0, 5, 0, 3, 5])
    assert arrays.sorted_by(major, minor).tolist() == [3, 1, 4, 0, 2]


def test_running_totals_and_ranks_restart_in_every_group():
    groups = np.array([7, 7, 7, 9, 12, 12])
    values = np.array([5, 1, 2, 4, 10, 20])
    assert arrays.cumsum_before(groups, values).tolist() == [0, 5, 6, 0, 0, 10]
    assert arrays.rank_in_group(groups).tolist() == [0, 1, 2, 0, 0, 1]
    assert arrays.cumsum_before(np.zeros(0, np.int64), np.zeros(0, np.float64)).dtype == np.float64


def test_group_sum_is_exact_per_group_and_zero_for_empty_groups():
    big = 2**53 + 1  # beyond float precision: int64 sums stay exact
    assert arrays.group_sum(np.array([0, 2, 0]), np.array([big, 3, 1]), 4).tolist() == [big + 1, 0, 3, 0]


def test_lookup_gives_the_missing_value_for_negative_indices_and_empty_tables():
    assert arrays.lookup(np.array([10, 20, 30]), np.array([2, -1, 0]), 0).tolist() == [30, 0, 10]
    assert arrays.lookup(np.zeros(0), np.array([-1, -1]), 99).tolist() == [99, 99]


def test_groups_number_equal_keys_in_key_order():
    family, day = np.array([3, 1, 3, 1, 2]), np.array([5, 5, 5, 6, 5])
    group, order, first = arrays.groups(family, day)
    assert group.tolist() == [3, 0, 3, 1, 2]
    assert order.tolist() == [1, 3, 4, 0, 2]
    assert first.tolist() == [1, 3, 4, 0]
    assert arrays.run_starts(family[order], day[order]).tolist() == [True, True, True, True, False]
    empty = arrays.groups(np.zeros(0, np.int64))
    assert [len(a) for a in empty] == [0, 0, 0]


def test_row_sets_are_taken_and_joined_column_by_column_keeping_their_kind():
    rows = {"num": np.array([1, 2, 3]), "fee": np.array([9.5, 0.0, 3.25])}
    taken = arrays.take_rows(rows, rows["fee"] > 0)
    assert isinstance(taken, dict) and taken["num"].tolist() == [1, 3]
    joined = arrays.concat_rows([SimpleNamespace(**rows), SimpleNamespace(**taken)])
    assert isinstance(joined, SimpleNamespace)
    assert joined.num.tolist() == [1, 2, 3, 1, 3] and joined.fee.tolist() == [9.5, 0.0, 3.25, 9.5, 3.25]
