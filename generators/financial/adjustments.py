"""Adjustments: discounts and write-offs on procedures (negative AdjAmt), broken-appointment fees and
referral credits on the account (ProcNum 0), with the upper-case notes the practice writes."""
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, group_sum
from opendental.codes import AptStatus
from opendental.definitions import DefCat, defnum, defnums

from ..timeline import NO_DATE, office_day, stamp
from .collections import AGENCY, AGENCY_FEE, AGENCY_FEE_PERCENT, staff_families

# (kind, AdjType DefNums, note, share of the fee) for discounts taken off a procedure's remaining balance.
SENIOR, CASH, NEW_PATIENT, FAMILY, STAFF, NO_CHARGE, SMALL_BALANCE = range(7)
DISCOUNTS = {
    SENIOR: (defnums(DefCat.ADJ_TYPES, "Senior Discount"), "10% DISCOUNT - SENIOR", 0.10),
    CASH: (defnums(DefCat.ADJ_TYPES, "Cash Discount", "Pay-in-Full Discount"), "5% CASH DISCOUNT - PAID IN FULL", 0.05),
    NEW_PATIENT: (defnums(DefCat.ADJ_TYPES, "New Patient Discount"), "NEW PATIENT SPECIAL", 0.50),
    FAMILY: (defnums(DefCat.ADJ_TYPES, "Family Discount", "Family Member Discount"), "5% FAMILY DISCOUNT", 0.05),
    STAFF: (defnums(DefCat.ADJ_TYPES, "Employee Discount", "Staff Discount", "Employee Benefit Discount"),
            "EMPLOYEE DISCOUNT - 50%", 0.50),
    NO_CHARGE: (defnums(DefCat.ADJ_TYPES, "Dr. Discount", "Dr. Discount - Associate", "Provider Discount - Other"),
                "NO CHARGE - WARRANTY WORK - DR {doctor}", 1.0),
    SMALL_BALANCE: (defnums(DefCat.ADJ_TYPES, "Insurance Write-off"),
                    "INSURANCE ADJ - {carrier} - SMALL BALANCE WRITE OFF", 1.0),
}
ON_SCHEDULE_FEES_ONLY = (SENIOR, CASH, NEW_PATIENT, FAMILY)  # a procedure charged from a discount schedule has it
SMALL_BALANCE_CENTS = 2500
BROKEN_APPOINTMENT_FEE_CENTS = 5000
REFERRAL_CREDIT_CENTS = 5000
WAIVED = defnum(DefCat.ADJ_TYPES, "Dr. Discount")  # a no-charge granted after the patient paid
BROKEN_APPOINTMENT_FEE, BAD_DEBT, REFERRAL_CREDIT = defnums(DefCat.ADJ_TYPES, "Broken Appointment Fee",
                                                            "Bad Debt Write-off", "Referral Credit")
RESTORATIVE_CATEGORIES = defnums(DefCat.PROC_CODE_CATS, "Fillings", "Endo", "Perio", "Crown & Bridge", "Dentures",
                                 "Implants", "Oral Surgery")
EXAMS_AND_XRAYS = defnum(DefCat.PROC_CODE_CATS, "Exams & Xrays")


def _procedure_discounts(ctx, left, settled_on):
    """Which completed procedures get which discount (at most one each), and how much."""
    rng = ctx.rng("adjustments")
    pr, pt, codes = ctx.practice.clinical.procedures, ctx.practice.patients, ctx.practice.codes
    ins = ctx.practice.insurance
    n = len(pr.nums)
    patient = pr.patient
    insured = ins.primary_plan[patient] >= 0
    senior = pt.age_days[patient] >= 65 * 365
    restorative = np.isin(codes.category[pr.code], RESTORATIVE_CATEGORIES)
    staff_family = staff_families(ctx)
    first_visit = pr.date == pt.first_visit[patient]
    chance = rng.random(n)
    kind = np.full(n, -1)
    rules = [  # later rules win
        (FAMILY, (ctx.practice.families.size[pt.family[patient]] >= 4) & restorative & (chance < 0.08)),
        (SENIOR, senior & ~insured & (chance < 0.6)),
        (CASH, ~insured & (pr.fee_cents >= 50000) & (chance < 0.3)),
        (NEW_PATIENT, ~insured & first_visit & (codes.category[pr.code] == EXAMS_AND_XRAYS) & (chance < 0.5)),
        (STAFF, staff_family[pt.family[patient]]),
        (NO_CHARGE, restorative & (chance > 0.992)),
        (SMALL_BALANCE, (settled_on != NO_DATE) & (left > 0) & (left <= SMALL_BALANCE_CENTS)
         & (chance < 0.5)),
    ]
    for value, where in rules:
        kind = np.where(where & (left > 0), value, kind)
    at_schedule = pr.fee_cents == ctx.practice.fee_scheds.in_force(0, pr.code, pr.date)
    kind = np.where(np.isin(kind, ON_SCHEDULE_FEES_ONLY) & ~at_schedule, -1, kind)  # charged from a discount schedule
    share = np.array([DISCOUNTS[k][2] for k in range(len(DISCOUNTS))])
    amount = np.where(kind >= 0, np.minimum(left, np.rint(pr.fee_cents * share[np.maximum(kind, 0)])), 0)
    amount = np.where(np.isin(kind, (NO_CHARGE, SMALL_BALANCE)), left, amount).astype(np.int64)
    return kind, amount


def _rows(ctx, patient, proc, amount, date, adj_type, note):
    """Adjustments are posted by the office: on the day or the next day it is open."""
    return SimpleNamespace(patient=patient, proc=proc, amount=amount, date=office_day(date, ctx.today), type=adj_type,
                           note=note)


def procedure_discounts(ctx, left, settled_on, room):
    """Discounts and write-offs on completed procedures, at most `room` of them (the volume target)."""
    rng = ctx.rng("discount-rows")
    pr = ctx.practice.clinical.procedures
    kind, amount = _procedure_discounts(ctx, left, settled_on)
    picked = np.flatnonzero((kind >= 0) & (amount > 0))
    if len(picked) > room:
        picked = np.sort(rng.choice(picked, max(room, 0), replace=False))
    kind, amount = kind[picked], amount[picked]
    late = rng.random(len(picked)) < 0.2
    date = pr.date[picked] + np.where(late, rng.integers(1, 60, len(picked)), 0).astype("timedelta64[D]")
    date = np.where(kind == SMALL_BALANCE, settled_on[picked] + rng.integers(0, 10, len(picked)).astype("timedelta64[D]"),
                    date)
    types = np.array([DISCOUNTS[k][0][i % len(DISCOUNTS[k][0])] for i, k in enumerate(kind.tolist())], dtype=np.int64)
    return _rows(ctx, pr.patient[picked], picked, -amount, np.minimum(date, ctx.today), types, _notes(ctx, kind, picked))


def late_no_charges(ctx, paid, last_paid, count):
    """The doctor waives a procedure the patient already paid (a remake, a complaint): refunded later."""
    rng = ctx.rng("late-no-charges")
    pr = ctx.practice.clinical.procedures
    candidates = np.flatnonzero((paid > 0) & (last_paid < ctx.today - 10))
    proc = np.sort(rng.choice(candidates, min(count, len(candidates)), replace=False))
    date = np.minimum(last_paid[proc] + rng.integers(1, 30, len(proc)).astype("timedelta64[D]"), ctx.today - 8)
    abbr = ctx.practice.providers.abbr
    notes = np.array([f"N/C PER DR {abbr[p]} - REFUND ISSUED" for p in pr.prov[proc].tolist()], dtype=object)
    return _rows(ctx, pr.patient[proc], proc, -paid[proc], date, np.full(len(proc), WAIVED), notes)


def bad_debt(ctx, written_off):
    """Balances the collection agency returned as uncollectable, written off the procedure."""
    pr = ctx.practice.clinical.procedures
    n = len(written_off.proc)
    return _rows(ctx, pr.patient[written_off.proc], written_off.proc, -written_off.amount, written_off.date,
                 np.full(n, BAD_DEBT), np.full(n, f"BAD DEBT - RETURNED UNCOLLECTABLE BY {AGENCY.upper()}", dtype=object))


def agency_fees(ctx, fees):
    """The collection agency's contingency fee on what it recovered, written off the procedure it paid."""
    pr = ctx.practice.clinical.procedures
    notes = np.array([f"{AGENCY.upper()} FEE {AGENCY_FEE_PERCENT}% OF ${c / 100:,.2f} COLLECTED"
                      for c in fees.collected.tolist()], dtype=object)
    return _rows(ctx, pr.patient[fees.proc], fees.proc, -fees.amount, fees.date, np.full(len(fees.proc), AGENCY_FEE),
                 notes)


def per_procedure(rows, n_procedures):
    on_proc = rows.proc >= 0
    return group_sum(rows.proc[on_proc], rows.amount[on_proc], n_procedures)


def _notes(ctx, kind, picked):
    pr, plans, ins = ctx.practice.clinical.procedures, ctx.practice.insurance.plans, ctx.practice.insurance
    abbr = ctx.practice.providers.abbr
    carrier = plans.carrier_name[np.maximum(ins.primary_plan[pr.patient[picked]], 0)]
    return np.array([DISCOUNTS[k][1].format(doctor=abbr[p], carrier=c.upper())
                     for k, p, c in zip(kind.tolist(), pr.prov[picked].tolist(), carrier.tolist())], dtype=object)


def broken_appointment_fees(ctx):
    """A broken appointment without 24 hours' notice costs a fee, charged to the account (most waived)."""
    rng = ctx.rng("broken-appointment-fees")
    apt = ctx.practice.clinical.appointments
    broken = np.flatnonzero((apt.status == AptStatus.BROKEN) & (apt.date <= ctx.today))
    broken = broken[rng.random(len(broken)) < 0.25]
    return _rows(ctx, apt.patient[broken], np.full(len(broken), -1), np.full(len(broken), BROKEN_APPOINTMENT_FEE_CENTS),
                 apt.date[broken], np.full(len(broken), BROKEN_APPOINTMENT_FEE),
                 np.full(len(broken), "BROKEN APPT FEE - NO 24 HR NOTICE", dtype=object))


def referral_credits(ctx):
    """A thank-you credit on the account of a patient who referred a friend."""
    rng = ctx.rng("referral-credits")
    pt = ctx.practice.patients
    who = np.flatnonzero(pt.active & (pt.role == 0) & (rng.random(len(pt.nums)) < 0.004))
    date = np.maximum(pt.first_visit[who], ctx.start) + rng.integers(30, 400, len(who))
    keep = date <= ctx.today
    who, date = who[keep], date[keep]
    names = ctx.random.pools.pick(rng, ctx.random.pools.last, len(who))
    return _rows(ctx, who, np.full(len(who), -1), np.full(len(who), -REFERRAL_CREDIT_CENTS), date,
                 np.full(len(who), REFERRAL_CREDIT),
                 np.array([f"REFERRAL CREDIT - $50 - {n.upper()}" for n in names], dtype=object))


def write(ctx, parts):
    """Number and write every adjustment; returns all rows (with nums and provider) as one set."""
    rng = ctx.rng("adjustment-rows")
    pr, pt = ctx.practice.clinical.procedures, ctx.practice.patients
    rows = concat_rows(parts)
    n = len(rows.amount)
    rows.nums = ctx.ids.take("adjustment", n)
    on_proc = rows.proc >= 0
    proc = np.maximum(rows.proc, 0)
    rows.prov = np.where(on_proc, pr.prov[proc], pt.pri_prov[rows.patient])
    ctx.out.copy("adjustment", {
        "AdjNum": rows.nums, "AdjDate": rows.date, "AdjAmt": rows.amount / 100.0, "PatNum": pt.nums[rows.patient],
        "AdjType": rows.type, "ProvNum": rows.prov, "AdjNote": rows.note,
        "ProcDate": np.where(on_proc, pr.date[proc], np.datetime64("0001-01-01")),
        "ProcNum": np.where(on_proc, pr.nums[proc], 0), "DateEntry": rows.date,
        "ClinicNum": np.where(on_proc, pr.clinic[proc], pt.clinic[rows.patient]),
        "SecUserNumEntry": ctx.practice.users.billing[rng.integers(0, len(ctx.practice.users.billing), n)],
        "SecDateTEdit": stamp(rows.date, rng.integers(8 * 3600, 17 * 3600, n)),
    })
    return rows
