"""Phase 5, financial: OpenDental's money flow (DOMAIN.md section 6). Completed procedures of covered
patients go on claims; the EOB pays (or denies) each line and the PPO contract writes off the rest; checks
pay the claims; the practice grants discounts; patients pay their portion at the visit or after the
statement; the aging of every family lands on the guarantor's row.

The billing office follows up on claims (claims.follow_ups): calls on claims unpaid after 30 days (a few
lost and resent), appeals and corrected claims after a denial, and half the appeals paid later as
supplemental payments (claimproc status 4). Paper checks and cash go to the bank on daily deposit slips.

Keeps no reference data; the office step adds ctx.practice.financial (handover.Financial: the claims and
the estimates kept on planned work, checks, adjustments, payments, aging, and per procedure what insurance
paid and wrote off and what was adjusted).
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, take_rows
from opendental.codes import ClaimProcStatus, ProcStatus

from ..context import RunContext
from ..handover import Financial
from ..parameters import parameter
from ..volumes import VolumeNotReached
from . import adjustments, aging, claims, collections, deposits, insurance_rows, paperwork, payments

TITLE = "Financial: claims, claimprocs, insurance checks, payments, paysplits, adjustments, aging"
REFUND_SHARE_OF_PAYMENTS = parameter("financial.refund_share_of_payments")
ADJUSTMENT_TRIES = 12


def practice(ctx: RunContext) -> None:
    """Nothing: the financial phase keeps no reference data; every office's ledger is its own."""


def office(ctx: RunContext, _reference: None) -> None:
    """The office's claims, insurance checks, adjustments, payments and deposits, and its families' aging."""
    pr = ctx.practice.clinical.procedures
    n = len(pr.nums)
    primary = claims.primary_claims(ctx)
    secondary = claims.secondary_claims(ctx, primary)
    claim_sets = (primary, secondary)
    claims.follow_ups(ctx, claim_sets)
    checks = claims.insurance_checks(ctx, claim_sets)
    insurance_rows.number_claims(ctx, claim_sets)
    paperwork.accidents(ctx, claim_sets)
    for lines in claim_sets:
        insurance_rows.write_claims(ctx, lines)
    insurance_rows.number_checks(ctx, checks)
    estimates = tuple(claims.estimates(ctx, claim_sets))
    insurance_rows.write_claimprocs(ctx, claim_sets, checks, estimates)

    ins_paid, ins_write_off, ins_pending = claims.settled_by_insurance(ctx, claim_sets)
    eob_date = _last_eob(n, claim_sets)
    billable = (pr.status == ProcStatus.COMPLETE) & (pr.fee_cents > 0) & (pr.date <= ctx.today)
    left = np.where(billable, pr.fee_cents - ins_paid - ins_write_off - ins_pending, 0)
    fees, credits = adjustments.broken_appointment_fees(ctx), adjustments.referral_credits(ctx)
    target = ctx.config.volume("adjustments")
    late_count = max(1, round(ctx.config.volume("payments") * REFUND_SHARE_OF_PAYMENTS))
    room = target - len(fees.amount) - len(credits.amount) - late_count
    by_insurance = _estimated_by_insurance(n, claim_sets)

    def patient_side(room):
        return _patient_side(ctx, room, left, by_insurance, eob_date, billable, late_count)

    if "adjustments" in ctx.config.volume_overrides:
        side = _fitted_adjustments(ctx, patient_side, room, target, len(fees.amount) + len(credits.amount))
    else:
        side = patient_side(room)
    discounts, splits, bad_debt, late, agency = side
    agency_fees = adjustments.agency_fees(ctx, agency.fee)
    all_adjustments = adjustments.write(ctx, [discounts, bad_debt, late, fees, credits, agency_fees])
    fee_rows = np.flatnonzero(all_adjustments.type == adjustments.BROKEN_APPOINTMENT_FEE)
    all_splits = concat_rows([splits, payments.refunds(ctx, late), payments.fee_payments(ctx, all_adjustments,
                                                                                          fee_rows)])
    paid_out = payments.collect(ctx, all_splits)
    deposits.deposit_slips(ctx, checks, paid_out)
    insurance_rows.write_claimpayments(ctx, checks)
    payments.write_payments(ctx, paid_out, all_adjustments)

    aged = aging.age_families(ctx, _ledger(ctx, claim_sets, all_adjustments, paid_out.splits, billable),
                              _pending_per_patient(ctx, ins_pending))
    aging.store_on_patients(ctx, aged)
    billing_type, changed = collections.billing_types(ctx, agency.sent_day, agency.paid_in_full_on, bad_debt,
                                                      collections.staff_families(ctx))
    collections.store_billing_types(ctx, billing_type, changed)
    ctx.practice.financial = Financial(
        claims=claim_sets, estimates=estimates, checks=checks, adjustments=all_adjustments, payments=paid_out, aging=aged,
        insurance_paid=ins_paid, write_off=ins_write_off, adjusted=adjustments.per_procedure(all_adjustments, n),
        collections=SimpleNamespace(sent_day=agency.sent_day, billing_type=billing_type, changed=changed))


def _patient_side(ctx, room, left, by_insurance, eob_date, billable, late_count):
    """Discounts (at most `room`), what the patients pay, the bad debts and late no-charges that follow, and what
    the collection agency did (payments.patient_splits)."""
    pr = ctx.practice.clinical.procedures
    n = len(pr.nums)
    discounts = adjustments.procedure_discounts(ctx, left, eob_date, room)
    adjusted = adjustments.per_procedure(discounts, n)
    due = left + adjusted
    estimated_due = np.where(billable, pr.fee_cents + adjusted - by_insurance, 0)
    splits, agency = payments.patient_splits(ctx, due, estimated_due, eob_date, billable)
    bad_debt = adjustments.bad_debt(ctx, agency.bad_debt)
    paid, last_paid = _paid_per_procedure(n, splits)
    return discounts, splits, bad_debt, adjustments.late_no_charges(ctx, paid, last_paid, late_count), agency


def _fitted_adjustments(ctx, patient_side, room, target, fixed):
    """Discounts, bad debts and late no-charges that add up to `target` with the `fixed` fees and credits (which
    follow from broken appointments and referrals). The discounts' room is moved until the count is at most a
    few bad debts above the target (the bad debts move a little with the discounts); the collection agency then
    recovered those few balances after all (a late payment instead of the write-off)."""
    for _ in range(ADJUSTMENT_TRIES):
        discounts, splits, bad_debt, late, agency = patient_side(room)
        count = fixed + len(discounts.amount) + len(bad_debt.amount) + len(late.amount) + len(agency.fee.amount)
        recoverable = np.flatnonzero(~np.isin(bad_debt.proc, late.proc))
        if target <= count <= target + len(recoverable):
            recovered = np.sort(ctx.rng("adjustment-volume").choice(recoverable, count - target, replace=False))
            kept = np.setdiff1d(np.arange(len(bad_debt.amount)), recovered)
            return (discounts, concat_rows([splits, payments.recovered(take_rows(bad_debt, recovered))]),
                    take_rows(bad_debt, kept), late, agency)
        if count < target and len(discounts.amount) < room:
            break  # every procedure that can take a discount has one
        room = max(room + target - count + (len(recoverable) // 2 if count < target else 0), 0)
    raise VolumeNotReached(f"adjustments: the balances call for {count:,} (discounts, write-offs, fees), "
                           f"not {target:,}")


def _last_eob(n, claim_sets):
    latest = np.full(n, np.datetime64("0001-01-01"), dtype="datetime64[D]")
    for lines in claim_sets:
        received = lines.status == ClaimProcStatus.RECEIVED
        np.maximum.at(latest, lines.proc[received], lines.date_cp[received])
        granted = lines.supplemental
        np.maximum.at(latest, lines.proc[granted], lines.claims.supplemental_day[lines.claim[granted]])
    return latest


def _estimated_by_insurance(n, claim_sets):
    """What the estimate said insurance would cover (payment plus write-off), as told at the visit."""
    estimated = np.zeros(n, dtype=np.int64)
    for lines in claim_sets:
        np.add.at(estimated, lines.proc, lines.money.estimate + lines.money.write_off)
    return estimated


def _paid_per_procedure(n, splits):
    on_proc = splits.proc >= 0
    paid = np.zeros(n, dtype=np.int64)
    np.add.at(paid, splits.proc[on_proc], splits.amount[on_proc])
    last = np.full(n, np.datetime64("0001-01-01"), dtype="datetime64[D]")
    np.maximum.at(last, splits.proc[on_proc], splits.date[on_proc])
    return paid, last


def _pending_per_patient(ctx, pending):
    per_patient = np.zeros(len(ctx.practice.patients.nums), dtype=np.int64)
    np.add.at(per_patient, ctx.practice.clinical.procedures.patient, pending)
    return per_patient


def _ledger(ctx, claim_sets, adjustment_rows, splits, billable):
    """Every account entry as (patient, date, signed cents): procedures charge, the rest credit."""
    pr = ctx.practice.clinical.procedures
    done = np.flatnonzero(billable)
    entries = [(pr.patient[done], pr.date[done], pr.fee_cents[done]),
               (adjustment_rows.patient, adjustment_rows.date, adjustment_rows.amount),
               (splits.patient, splits.date, -splits.amount)]
    for lines in claim_sets:
        received = lines.status == ClaimProcStatus.RECEIVED
        proc = lines.proc[received]
        entries.append((pr.patient[proc], lines.date_cp[received], -(lines.paid[received] + lines.write_off[received])))
        granted = lines.supplemental
        entries.append((pr.patient[lines.proc[granted]], lines.claims.supplemental_day[lines.claim[granted]],
                        -(lines.supplemental_paid[granted] + lines.supplemental_write_off[granted])))
    return entries
