"""Deposit slips (deposit): every business morning the office takes the previous day's paper checks, from
carriers, patients and the collection agency, and the cash to the bank on one slip; payments and insurance
checks name their slip (DepositNum). Card, financing and EFT money reaches the bank through its processor,
without a slip; an insurance check still being posted (IsPartial) waits, and so does what came in on the last
business day."""
import numpy as np

from core.arrays import group_sum, groups
from opendental.definitions import DefCat, defnum, defnums

from ..timeline import open_day_offset

INSURANCE_CHECK = defnum(DefCat.INSURANCE_PAYMENT_TYPE, "Check")  # claimpayment.PayType
PATIENT_CHECK, CASH, AGENCY_CHECK = defnums(DefCat.PAYMENT_TYPES, "Check", "Cash", "Collection Agency")
BANK_ACCOUNT = "First Community Bank - practice operating account ending 4821"


def deposit_slips(ctx, checks, paid):
    """Write the deposits; sets checks.deposit and paid.deposit (DepositNum, 0 when not deposited)."""
    insurance = (checks.pay_type == INSURANCE_CHECK) & ~checks.partial
    patient = np.isin(paid.type, (PATIENT_CHECK, CASH, AGENCY_CHECK)) & (paid.amount > 0)
    received = np.concatenate([checks.date[insurance], paid.date[patient]])
    amount = np.concatenate([checks.amount[insurance], paid.amount[patient]])
    day = open_day_offset(received, 1, roll="forward")
    banked = np.flatnonzero(day <= ctx.today)
    slip, _, first = groups(day[banked].astype(np.int64))
    nums = ctx.ids.take("deposit", len(first))
    deposit = np.zeros(len(received), dtype=np.int64)
    deposit[banked] = nums[slip]
    checks.deposit = np.zeros(checks.n, dtype=np.int64)
    checks.deposit[insurance] = deposit[:insurance.sum()]
    paid.deposit = np.zeros(len(paid.nums), dtype=np.int64)
    paid.deposit[patient] = deposit[insurance.sum():]
    ctx.out.copy("deposit", {
        "DepositNum": nums, "DateDeposit": day[banked][first], "BankAccountInfo": BANK_ACCOUNT,
        "Amount": group_sum(slip, amount[banked], len(first)) / 100.0, "IsSentToQuickBooksOnline": False,
    })
