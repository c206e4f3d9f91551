"""Collections as an office runs them: a family that stops coming and leaves its last visit unpaid gets the
monthly statements and the past-due notices; 120-150 days after the first statement the office sends the
account to its agency (Transworld Systems, the office's program link) and changes the guarantor's billing type to
Collections. The agency remits what it recovers, net of its contingency fee (a Collection Agency payment, and
the fee written off as a Collection Agency Fee adjustment); what it cannot recover it returns months later and
the office writes it off as bad debt (billing type Bad Debt). A family the agency collected in full is back on
Standard Account. A family sent to collections has no visit after it: only families whose last appointment is
the unpaid visit are sent.

Staff families get no statements (billing type No Statements): their balances are taken from payroll."""
from types import SimpleNamespace

import numpy as np

from core.arrays import group_sum
from core.randomness import weighted_choice
from opendental.codes import AptStatus
from opendental.definitions import DefCat, defnum, defnums

from ..parameters import parameter
from ..timeline import NO_DATE, office_day, stamp

FAMILY_SHARE = parameter("financial.collections.family_share")
AGENCY_FEE_PERCENT = parameter("financial.collections.agency_fee_percent")
IN_FULL_SHARE = parameter("financial.collections.recovered_in_full_share")
IN_PART_SHARE = parameter("financial.collections.recovered_in_part_share")
RECOVERED_IN_FULL, RECOVERED_IN_PART, NOT_RECOVERED = range(3)
OUTCOMES = ((RECOVERED_IN_FULL, IN_FULL_SHARE), (RECOVERED_IN_PART, IN_PART_SHARE),
            (NOT_RECOVERED, 1 - IN_FULL_SHARE - IN_PART_SHARE))
STAFF_FAMILY_SHARE = parameter("financial.collections.staff_family_share")
MIN_SENT_CENTS = 10_000                       # smaller balances are not worth the agency's fee
DAYS_PAST_DUE = (120, 150)                    # Transworld: accounts sent after 120 days past due
AGENCY = "Transworld Systems"
STANDARD, COLLECTIONS, BAD_DEBT, NO_STATEMENTS = defnums(DefCat.BILLING_TYPES, "Standard Account", "Collections",
                                                         "Bad Debt", "No Statements")
AGENCY_PAYMENT = defnum(DefCat.PAYMENT_TYPES, "Collection Agency")
AGENCY_FEE = defnum(DefCat.ADJ_TYPES, "Collection Agency Fee")


def staff_families(ctx):
    """Families of the office's staff (bool per family): employee discounts, no statements."""
    return ctx.rng("staff-families").random(len(ctx.practice.families.first)) < STAFF_FAMILY_SHARE


def _last_days(ctx, billable):
    """Per family: the day of its last billable visit and of its last appointment (any booked day)."""
    pr, ap, pt = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.patients
    n = len(ctx.practice.families.first)
    last_visit = np.full(n, NO_DATE)
    np.maximum.at(last_visit, pt.family[pr.patient[billable]], pr.date[billable])
    booked = ap.status != AptStatus.PLANNED
    last_booked = np.full(n, NO_DATE)
    np.maximum.at(last_booked, pt.family[ap.patient[booked]], ap.date[booked])
    return last_visit, last_booked


def sent(ctx, proc, due, unpaid, statement_day, paid_late_on, billable):
    """Which of the procedures `proc` (with what is `due` on each, the part left `unpaid`, the first statement's
    day and the day a late payer would pay) go to collections: about FAMILY_SHARE of the families with
    production, among those whose last visit leaves at least MIN_SENT_CENTS owed and who book nothing after it.
    Returns (bool per procedure, per family: the day sent, NO_DATE if never)."""
    rng = ctx.rng("collections")
    pr, pt = ctx.practice.clinical.procedures, ctx.practice.patients
    n = len(ctx.practice.families.first)
    family = pt.family[pr.patient[proc]]
    last_visit, last_booked = _last_days(ctx, np.flatnonzero(billable))
    on_last = pr.date[proc] == last_visit[family]
    owed = group_sum(family[on_last], due[on_last], n)
    first_statement = np.full(n, NO_DATE)
    np.maximum.at(first_statement, family[on_last], statement_day[on_last])
    day = office_day(first_statement + rng.integers(*DAYS_PAST_DUE, n).astype("timedelta64[D]"), ctx.today)
    candidate = (owed >= MIN_SENT_CENTS) & (last_booked <= last_visit) & (day <= ctx.today)
    with_production = np.count_nonzero(last_visit != NO_DATE)
    chance = min(1.0, FAMILY_SHARE * with_production / max(np.count_nonzero(candidate), 1))
    picked = candidate & (rng.random(n) < chance)
    day = np.where(picked, day, NO_DATE)
    in_collections = picked[family] & (on_last | ((unpaid > 0) & (paid_late_on >= day[family])))
    return in_collections, day


def agency(ctx, proc, owed, sent_day):
    """What the agency does with the procedures `proc` sent (owing `owed`; sent_day per family): its remittances
    (proc, patient, amount, date), its fees (proc, amount, date, collected) and the balances it returned as
    uncollectable (proc, amount, date), and per family the day sent and the day it remitted the whole balance
    (NO_DATE if not)."""
    rng = ctx.rng("collection-agency")
    pr, pt = ctx.practice.clinical.procedures, ctx.practice.patients
    n = len(sent_day)
    outcome = weighted_choice(rng, OUTCOMES, n)
    share = np.select([outcome == RECOVERED_IN_FULL, outcome == RECOVERED_IN_PART],
                      [100, rng.integers(20, 71, n)], 0)
    remitted = office_day(sent_day + rng.integers(45, 240, n).astype("timedelta64[D]"), ctx.today)
    returned = office_day(np.maximum(sent_day + rng.integers(180, 300, n).astype("timedelta64[D]"), remitted + 1),
                          ctx.today)
    family = pt.family[pr.patient[proc]]
    collected = np.where(remitted[family] <= ctx.today, owed * share[family] // 100, 0)
    fee = collected * AGENCY_FEE_PERCENT // 100
    written_off = np.where((returned[family] <= ctx.today) & (outcome[family] != RECOVERED_IN_FULL),
                           owed - collected, 0)
    paid, charged, lost = collected > 0, fee > 0, written_off > 0
    in_full = (outcome == RECOVERED_IN_FULL) & (remitted <= ctx.today) & (sent_day != NO_DATE)
    return SimpleNamespace(
        sent_day=sent_day, paid_in_full_on=np.where(in_full, remitted, NO_DATE),
        remittance=SimpleNamespace(proc=proc[paid], patient=pr.patient[proc[paid]], amount=(collected - fee)[paid],
                                   date=remitted[family[paid]]),
        fee=SimpleNamespace(proc=proc[charged], amount=fee[charged], date=remitted[family[charged]],
                            collected=collected[charged]),
        bad_debt=SimpleNamespace(proc=proc[lost], amount=written_off[lost], date=returned[family[lost]]))


def billing_types(ctx, sent_day, paid_in_full_on, bad_debts, staff):
    """Each guarantor's billing type at the end and the day it last changed (NO_DATE: never): a family sent to
    collections is Collections from the day sent, Bad Debt from its first bad-debt write-off (bad_debts:
    adjustment rows), Standard Account again once the agency remitted everything sent (paid_in_full_on, per
    family); staff families are No Statements."""
    n = len(sent_day)
    written_off = np.full(n, np.datetime64("9999-12-31"), dtype="datetime64[D]")
    np.minimum.at(written_off, ctx.practice.patients.family[bad_debts.patient], bad_debts.date)
    sent, bad = sent_day != NO_DATE, written_off <= ctx.today
    paid = sent & ~bad & (paid_in_full_on != NO_DATE)
    kind = np.select([bad, paid, sent, staff], [BAD_DEBT, STANDARD, COLLECTIONS, NO_STATEMENTS], STANDARD)
    changed = np.select([bad, paid, sent], [written_off, paid_in_full_on, sent_day], NO_DATE)
    return kind, changed


def store_billing_types(ctx, kind, changed):
    """patient.BillingType of every guarantor not on Standard Account; where it changed, the row's DateTStamp is
    the change (or the later day the guarantor's status changed, on leaving the practice)."""
    rng = ctx.rng("billing-type-edits")
    fam, pt = ctx.practice.families, ctx.practice.patients
    other = np.flatnonzero(kind != STANDARD)
    ctx.out.update("patient", "PatNum", {"PatNum": fam.guarantor[other], "BillingType": kind[other]})
    moved = np.flatnonzero(changed != NO_DATE)
    left = pt.left[fam.first[moved]]
    day = np.where(left <= ctx.today, np.maximum(changed[moved], left), changed[moved])
    ctx.out.update("patient", "PatNum", {"PatNum": fam.guarantor[moved],
                                         "DateTStamp": stamp(day, rng.integers(9 * 3600, 17 * 3600, len(moved)))})
