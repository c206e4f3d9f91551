"""Patient payments and their splits.

A visit's patient portion is paid at the visit (what the estimate said), after the insurance EOB when the
statement arrives, partly, or not at all; payments of one family on one day are one payment with a split
per procedure. Big treatment is sometimes prepaid (an unearned split, type 288 or 439) and moved onto the
finished procedure by an income transfer (PayType 0, PayAmt 0, a -X / +X pair of splits). A no-charge
granted after the patient paid is refunded (PayType 72, negative).

Card payments: a few families pay their statements by a recurring charge to the card on file (OpenDental's
recurring charges, run through PayConnect: IsRecurringCC, IsCcCompleted, RecurringChargeDate and the processor's
receipt); some other statement payments are made online in the patient portal (ProcessStatus 1, online
processed). Payments through the text-to-pay service are Stripe payments (PayType 412) carrying Stripe's id.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, group_sum, lookup, run_starts, sorted_by, take_rows
from core.randomness import weighted_choice
from opendental.definitions import NONE, DefCat, defnum, defnums

from ..parameters import parameter
from ..timeline import NO_DATE, office_day, stamp
from ..volumes import VolumeNotReached
from . import collections

AT_VISIT, STATEMENT, PARTIAL, NEVER = range(4)
BEHAVIOUR = {False: ((AT_VISIT, 0.78), (STATEMENT, 0.15), (PARTIAL, 0.03), (NEVER, 0.04)),   # uninsured
             True: ((AT_VISIT, 0.60), (STATEMENT, 0.32), (PARTIAL, 0.04), (NEVER, 0.04))}    # insured
NORMAL, AGENCY, TRANSFER, REFUND, PREPAID = 0, 1, 2, 3, 4   # kinds of payment, in the order a day's are numbered
PREPAY_MIN_CENTS = 80000
PREPAID_SHARE = parameter("financial.payments.prepaid_share")
TREATMENT_PLAN_PREPAYMENT_SHARE = parameter("financial.payments.treatment_plan_prepayment_share")
PREPAYMENT, TREATMENT_PLAN_PREPAYMENT = defnums(DefCat.PAYSPLIT_UNEARNED_TYPE, "Prepayment",
                                                "Treatment Plan Prepayment")
INCOME_TRANSFER, PATIENT_REFUND = NONE, defnum(DefCat.PAYMENT_TYPES, "Patient Refund")
CREDIT_CARD, CHECK, CASH, STRIPE, CARE_CREDIT, CHERRY, PROCEED_FINANCE, LENDING_CLUB, SUNBIT = defnums(
    DefCat.PAYMENT_TYPES, "Credit Card", "Check", "Cash", "Stripe", "Care Credit", "Cherry", "ProceedFinance",
    "Lending Club", "Sunbit")
SMALL_TYPES = ((CREDIT_CARD, 0.80), (CHECK, 0.07), (CASH, 0.09), (STRIPE, 0.04))
LARGE_TYPES = ((CREDIT_CARD, 0.62), (CHECK, 0.14), (CASH, 0.03), (CARE_CREDIT, 0.12), (STRIPE, 0.02), (CHERRY, 0.03),
               (PROCEED_FINANCE, 0.02), (LENDING_CLUB, 0.01), (SUNBIT, 0.01))
CARD_TYPES = (CREDIT_CARD, STRIPE)
AUTOPAY_SHARE = parameter("financial.payments.autopay_share")
ONLINE_SHARE = parameter("financial.payments.online_share")
STRIPE_ID_CHARACTERS = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))


def _splits(proc, patient, amount, date, kind, unearned=None, adjustment=None, prepaid=None):
    """`prepaid`: for a prepayment and the two halves of its income transfer, their common number (else -1)."""
    n = len(proc)
    return SimpleNamespace(proc=proc, patient=patient, amount=amount, date=date, kind=np.full(n, kind),
                           unearned=np.zeros(n, dtype=np.int64) if unearned is None else unearned,
                           adjustment=np.full(n, -1) if adjustment is None else adjustment,
                           prepaid=np.full(n, -1) if prepaid is None else prepaid)


def patient_splits(ctx, due, estimated_due, eob_date, billable):
    """Every split a patient makes: at the visit, after the EOB, late after the reminders, through the collection
    agency, prepayments and their transfers. Also returns what the agency did (collections.agency)."""
    rng = ctx.rng("patient-payments")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    today = ctx.today
    proc = np.flatnonzero(billable & (due > 0))
    patient = pr.patient[proc]
    visit_keys = np.stack([patient, pr.date[proc].astype(np.int64)])
    _, visit = np.unique(visit_keys, axis=1, return_inverse=True)
    visit = visit.ravel()
    n_visits = visit.max() + 1 if len(visit) else 0
    insured_visit = np.zeros(n_visits, dtype=bool)
    insured_visit[visit] = ins.primary_plan[patient] >= 0
    behaviour = np.where(insured_visit, weighted_choice(rng, BEHAVIOUR[True], n_visits),
                         weighted_choice(rng, BEHAVIOUR[False], n_visits))[visit]
    at_visit = np.where(behaviour == AT_VISIT, np.clip(estimated_due[proc], 0, due[proc]), 0)
    rest = due[proc] - at_visit
    rest = np.where(behaviour == PARTIAL, rest * rng.integers(30, 80, len(proc)) // 100, rest)
    rest = np.where(behaviour == NEVER, 0, rest)
    settled = np.where(eob_date[proc] != NO_DATE, eob_date[proc], pr.date[proc])
    statement_day = np.maximum(settled, pr.date[proc]) + rng.integers(7, 46, len(proc)).astype("timedelta64[D]")
    statement_day = np.maximum(statement_day, _visit_max(visit, statement_day))
    # What is still owed after the statement is paid late, after the reminders; or the account goes to collections.
    unpaid = due[proc] - at_visit - rest
    late_day = statement_day + rng.integers(30, 150, len(proc)).astype("timedelta64[D]")
    sent, sent_day = collections.sent(ctx, proc, due[proc], unpaid, statement_day, late_day, billable)
    at_visit, rest = np.where(sent, 0, at_visit), np.where(sent, 0, rest)
    unpaid = np.where(sent, due[proc], unpaid)
    agency = collections.agency(ctx, proc[sent], unpaid[sent], sent_day)

    prepaid = ((at_visit >= PREPAY_MIN_CENTS // 4) & (pr.fee_cents[proc] >= PREPAY_MIN_CENTS)
               & (pr.date_tp[proc] < pr.date[proc]) & (pr.date_tp[proc] >= ctx.start)
               & (rng.random(len(proc)) < PREPAID_SHARE))
    prepay = np.where(prepaid, at_visit * rng.integers(30, 101, len(proc)) // 100, 0)
    unearned = np.where(rng.random(len(proc)) < TREATMENT_PLAN_PREPAYMENT_SHARE, TREATMENT_PLAN_PREPAYMENT, PREPAYMENT)
    p = np.flatnonzero(prepay > 0)
    group = np.arange(len(p))
    parts = [
        _splits(proc, patient, at_visit - prepay, pr.date[proc], NORMAL),
        _splits(proc, patient, rest, statement_day, NORMAL),
        _splits(proc, patient, np.where(sent, 0, unpaid), late_day, NORMAL),
        _splits(agency.remittance.proc, agency.remittance.patient, agency.remittance.amount, agency.remittance.date,
                AGENCY),
        _splits(np.full(len(p), -1), patient[p], prepay[p], pr.date_tp[proc[p]], PREPAID, unearned[p], prepaid=group),
        _splits(np.full(len(p), -1), patient[p], -prepay[p], pr.date[proc[p]], TRANSFER, unearned[p], prepaid=group),
        _splits(proc[p], patient[p], prepay[p], pr.date[proc[p]], TRANSFER, prepaid=group),
    ]
    return _keep(concat_rows(parts), today), agency


def _visit_max(visit, days):
    """Pay a visit's statement once, after the last EOB of the visit."""
    latest = np.full(visit.max() + 1 if len(visit) else 0, np.datetime64("0001-01-01"), dtype="datetime64[D]")
    np.maximum.at(latest, visit, days)
    return latest[visit]


def _keep(splits, today):
    keep = (splits.amount != 0) & (splits.date <= today)
    return take_rows(splits, keep)


def recovered(bad_debts):
    """Bad debts (adjustment rows) the collection agency recovered after all: remitted on the day they would have
    been written off."""
    return _splits(bad_debts.proc, bad_debts.patient, -bad_debts.amount, bad_debts.date, AGENCY)


def refunds(ctx, late_no_charges):
    """A no-charge granted after the patient had paid is refunded (a negative split on the procedure)."""
    rng = ctx.rng("refunds")
    rows = late_no_charges
    day = rows.date + rng.integers(0, 8, len(rows.proc)).astype("timedelta64[D]")
    return _keep(_splits(rows.proc, rows.patient, rows.amount, day, REFUND), ctx.today)


def fee_payments(ctx, adjustments, fees):
    """Most broken-appointment fees (rows `fees` of the adjustments) are paid with the next payment, a split
    pointing at the adjustment."""
    rng = ctx.rng("fee-payments")
    paid = fees[rng.random(len(fees)) < 0.6]
    day = adjustments.date[paid] + rng.integers(0, 30, len(paid)).astype("timedelta64[D]")
    return _keep(_splits(np.full(len(paid), -1), adjustments.patient[paid], adjustments.amount[paid], day, NORMAL,
                         adjustment=paid), ctx.today)


def collect(ctx, splits):
    """Group splits into payments (one per family, day and kind) and choose how each was paid. What is paid at the
    desk, mailed or refunded is posted on a day the office is open; a payment made online, by recurring charge or
    through text-to-pay keeps the day the patient paid (any day)."""
    rng = ctx.rng("payment-rows")
    splits.paid_on, splits.date = splits.date, office_day(splits.date, ctx.today)
    family = ctx.practice.patients.family[splits.patient]
    order = sorted_by(splits.date.astype(np.int64), family, splits.kind, splits.proc)
    splits = take_rows(splits, order)
    family = family[order]
    new = run_starts(splits.date.astype(np.int64), family, splits.kind)
    if "payments" in ctx.config.volume_overrides:
        splits, family, new = fitted(ctx, splits, family, new, ctx.config.volume("payments"))
    payment = np.cumsum(new) - 1
    first = np.flatnonzero(new)
    n = len(first)
    amount = group_sum(payment, splits.amount, n)
    kind = splits.kind[first]
    large = amount >= 50000
    pay_type = np.where(large, weighted_choice(rng, LARGE_TYPES, n), weighted_choice(rng, SMALL_TYPES, n))
    pay_type = np.select([kind == TRANSFER, kind == REFUND, kind == AGENCY],
                         [INCOME_TRANSFER, PATIENT_REFUND, collections.AGENCY_PAYMENT], pay_type)
    paid = SimpleNamespace(splits=splits, payment=payment, first=first, family=family[first], amount=amount,
                           kind=kind, type=pay_type, date=splits.date[first], nums=ctx.ids.take("payment", n))
    _card_processing(ctx, paid)
    _electronic_on_the_day_paid(paid)
    return paid


def _electronic_on_the_day_paid(paid):
    """Online, recurring and text-to-pay payments are dated the day the patient paid, even a weekend (the latest
    day paid of the payment's splits, so never before what it pays)."""
    electronic = paid.recurring | paid.online | (paid.type == STRIPE)
    paid_on = np.full(len(paid.nums), NO_DATE)
    np.maximum.at(paid_on, paid.payment, paid.splits.paid_on)
    paid.date = np.where(electronic, paid_on, paid.date)
    paid.splits.date = paid.date[paid.payment]


def fitted(ctx, splits, family, new, target):
    """Payments (runs of `new`) made exactly `target` in number: a family pays some procedures of one day
    separately, or some payments were never made (their balances stay open). Payments towards a procedure
    refunded later, prepayments, transfers and refunds stay as they are."""
    rng = ctx.rng("payment-volume")
    payment = np.cumsum(new) - 1
    n = int(new.sum())
    normal = splits.kind == NORMAL
    if n < target:
        separable = np.flatnonzero(~new & normal)
        if len(separable) < target - n:
            raise VolumeNotReached(f"payments: the patients' {n + len(separable):,} payment splits make at most "
                                   f"that many payments, not {target:,}")
        new = new.copy()
        new[rng.choice(separable, target - n, replace=False)] = True
        return splits, family, new
    refunded = np.isin(splits.proc, splits.proc[(splits.kind == REFUND) & (splits.proc >= 0)])
    fixed = np.zeros(n, dtype=bool)
    np.logical_or.at(fixed, payment, ~normal | refunded)
    droppable = np.flatnonzero(~fixed)
    if len(droppable) < n - target:
        raise VolumeNotReached(f"payments: {n - len(droppable):,} payments are tied to prepayments and refunds, "
                               f"more than {target:,}")
    kept = ~np.isin(payment, rng.choice(droppable, n - target, replace=False))
    return take_rows(splits, kept), family[kept], new[kept]


def _card_processing(ctx, paid):
    """Recurring charges on statements of autopay families, online portal payments, Stripe ids."""
    rng = ctx.rng("payment-card-processing")
    pr = ctx.practice.clinical.procedures
    s = paid.splits
    n = len(paid.nums)
    at_visit = np.zeros(n, dtype=bool)
    np.logical_or.at(at_visit, paid.payment, (s.proc >= 0) & (s.date == pr.date[np.maximum(s.proc, 0)]))
    statement = (paid.kind == NORMAL) & ~at_visit & (paid.amount > 0)
    autopay = rng.random(len(ctx.practice.families.first)) < AUTOPAY_SHARE
    paid.recurring = statement & autopay[paid.family]
    paid.type = np.where(paid.recurring, CREDIT_CARD, paid.type)
    paid.online = statement & ~paid.recurring & (paid.type == CREDIT_CARD) & (rng.random(n) < ONLINE_SHARE)
    stripe = paid.type == STRIPE
    characters = STRIPE_ID_CHARACTERS[rng.integers(0, len(STRIPE_ID_CHARACTERS), (n, 24))]
    paid.external_id = np.where(stripe, np.char.add("pi_", characters.view("<U24").ravel()), "")
    card, approval = rng.integers(1000, 10000, n), rng.integers(100000, 1000000, n)
    charged = paid.recurring
    paid.receipt = np.full(n, "", dtype=object)
    paid.receipt[charged] = [_receipt(*values) for values in zip(paid.date[charged].tolist(),
                                                                  paid.amount[charged].tolist(),
                                                                  card[charged].tolist(), approval[charged].tolist())]


def _receipt(day, cents, card, code):
    """The receipt PayConnect returns for a recurring charge (payment.Receipt)."""
    return (f"PayConnect\r\nTransaction Type: Sale\r\nResult: Approved\r\nCard: XXXXXXXXXXXX{card}\r\n"
            f"Amount: ${cents / 100:,.2f}\r\nAuth Code: {code}\r\nEntry: Recurring charge\r\nDate: {day:%m/%d/%Y}")


def write_payments(ctx, paid, adjustments):
    """payment and paysplit rows; deposits.py has set paid.deposit (DepositNum or 0)."""
    rng = ctx.rng("payment-entry")
    pr, pt = ctx.practice.clinical.procedures, ctx.practice.patients
    splits, payment, first, nums, day, pay_type = paid.splits, paid.payment, paid.first, paid.nums, paid.date, paid.type
    n = len(nums)
    amount, kind = paid.amount, paid.kind
    entered = stamp(day, rng.integers(8 * 3600, 17 * 3600, n))
    users = ctx.practice.users.front_desk
    card = np.isin(pay_type, CARD_TYPES)
    ctx.out.copy("payment", {
        "PayNum": nums, "PayType": pay_type, "PayDate": day, "PayAmt": amount / 100.0,
        "CheckNum": np.where(pay_type == CHECK, rng.integers(1001, 9999, n).astype(str), ""),
        "BankBranch": np.where(pay_type == CHECK, rng.integers(100, 999, n).astype(str), ""),
        "PayNote": np.select([kind == TRANSFER, kind == REFUND, kind == AGENCY],
                             ["INCOME TRANSFER", "REFUND - NO CHARGE PER DR",
                              f"{collections.AGENCY.upper()} REMITTANCE - NET OF AGENCY FEE"], ""),
        "IsSplit": np.diff(np.r_[first, len(payment)]) > 1, "PatNum": ctx.practice.families.guarantor[paid.family],
        "ClinicNum": pt.clinic[splits.patient[first]], "DateEntry": day, "DepositNum": paid.deposit,
        "SecUserNumEntry": users[rng.integers(0, len(users), n)], "SecDateTEdit": entered,
        "IsRecurringCC": paid.recurring, "IsCcCompleted": paid.recurring,
        "RecurringChargeDate": np.where(paid.recurring, day, NO_DATE), "Receipt": paid.receipt,
        "ProcessStatus": paid.online, "ExternalId": paid.external_id, "PaymentSource": False, "PaymentStatus": False,
        "MerchantFee": np.where(card & (amount > 0), np.rint(amount * 0.029 + 30) / 100.0, 0.0),
    })
    on_proc = splits.proc >= 0
    proc = np.maximum(splits.proc, 0)
    m = len(splits.amount)
    split_nums = ctx.ids.take("paysplit", m)
    ctx.out.copy("paysplit", {
        "SplitNum": split_nums, "SplitAmt": splits.amount / 100.0,
        "PatNum": pt.nums[splits.patient], "ProcDate": np.where(on_proc, pr.date[proc], splits.date),
        "PayNum": nums[payment],
        "ProvNum": np.where(on_proc, pr.prov[proc], np.where(splits.adjustment >= 0, lookup(adjustments.prov, splits.adjustment, 0),
                                                             pt.pri_prov[splits.patient])),
        "DatePay": splits.date, "ProcNum": np.where(on_proc, pr.nums[proc], 0), "DateEntry": splits.date,
        "UnearnedType": splits.unearned, "ClinicNum": pt.clinic[splits.patient],
        "SecUserNumEntry": users[rng.integers(0, len(users), m)], "SecDateTEdit": entered[payment],
        "AdjNum": lookup(adjustments.nums, splits.adjustment, 0), "FSplitNum": _transferred_from(splits, split_nums),
        "IsDiscount": False, "DiscountType": False, "PayPlanDebitType": False,
    })
    return paid


def _transferred_from(splits, split_nums):
    """paysplit.FSplitNum: the half of an income transfer that takes money out of a prepayment names the
    prepayment's split; the half that puts it on the procedure names that first half."""
    linked = splits.prepaid >= 0
    step = np.select([splits.kind == PREPAID, splits.amount < 0], [0, 1], 2)
    position = np.full((3, splits.prepaid.max() + 1 if linked.any() else 0), -1)
    position[step[linked], splits.prepaid[linked]] = np.flatnonzero(linked)
    parent = np.full(len(split_nums), -1)
    parent[linked] = np.where(step[linked] > 0, position[np.maximum(step[linked] - 1, 0), splits.prepaid[linked]], -1)
    return lookup(split_nums, parent, 0)
