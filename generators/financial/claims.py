"""Insurance: claims per visit and plan, their claimprocs, the checks that pay them, the billing office's
follow-up on unpaid and denied claims (with the appeals the carrier pays later), and the estimates kept on
treatment-planned work (OpenDental's money flow, DOMAIN.md section 6, steps 2 to 5).

Money is int64 cents throughout; dollars only at the writer.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, group_sum, groups, rank_in_group, sorted_by, take_rows
from core.randomness import weighted_choice

from opendental.codes import ClaimProcStatus, ClaimStatus, ClaimType, ProcStatus
from opendental.definitions import DefCat, defnum, defnums

from ..parameters import parameter, parameters
from ..timeline import NO_DATE, open_day_offset
from . import benefits

NO_BILL_CATEGORY = defnum(DefCat.PROC_CODE_CATS, "No Fee")  # no-fee / admin codes are never billed to insurance
DENIED_SHARE = parameter("financial.claims.denied_share")
UNDERPAID_SHARE = parameter("financial.claims.underpaid_share")
REVIEW_RISK_FLOOR, REVIEW_RISK_CAP = 0.2, 12.0  # fee relative to $100: $20 and below, $1,200 and above
SENT_LAG_DAYS = ((0, 0.7), (1, 0.15), (2, 0.07), (3, 0.04), (7, 0.04))
# Days from sending to the EOB and its payment, in bands (first day, day after the last, share): most carriers pay
# in 2-4 weeks (EFTs in one or two), a tail waits on review, attachments or coordination of benefits for months.
# Outstanding claims then age about 75 % under 31 days, 15 % 31-60, 5 % 61-90 and 5 % over 90 (checks/fidelity).
PAYMENT_LAG_BANDS = ((7, 14, 0.22), (14, 29, 0.50), (29, 45, 0.14), (45, 61, 0.06), (61, 91, 0.045),
                     (91, 181, 0.025))
FOLLOW_UP_DAYS = 30        # a claim unpaid 30 days after sending gets a call to the carrier...
LOST_SHARE, APPEALED_SHARE, CORRECTED_SHARE, OVERTURNED_SHARE = parameters(
    "financial.claims.lost_share", "financial.claims.appealed_share", "financial.claims.corrected_share",
    "financial.claims.overturned_share")
ROUND = 10**6  # days: a round's order keys come after every date of the rounds before it


def _zeros(n):
    return np.zeros(n, dtype=np.int64)


def adjudicate(ctx, proc, plan, covered, secondary=False, rounds=0):
    """What a plan owes on each line: allowed fee, PPO write-off, deductible, coinsurance, annual maximum.

    `covered` is what another plan already settled (paid plus its write-off); `secondary` (a flag, or one per
    line) marks lines billed to a plan as secondary, which write off nothing: the primary's contract already
    did. The plan's benefit rules (benefits.py) run per benefit year: a service past an age or frequency limit
    is owed nothing, and so is major work inside the waiting period of a new subscription; a downgraded code
    (a posterior composite) is paid on the fee of its substitute (the amalgam); the deductible is taken once
    (waived where the plan waives it), the annual maximum caps the rest. Lines count in date order within their `rounds` (one per line, or one for all), a later round after
    every line of the earlier ones (secondary claims after primary claims, estimates after claims).
    """
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    plans = ins.plans
    fee = pr.fee_cents[proc]
    allowed = np.minimum(fee, plans.allowed_cents(plan, pr.code[proc], pr.date[proc]))
    write_off = np.where(np.asarray(secondary) | ~plans.is_ppo[plan], 0, fee - allowed)
    percent = plans.coverage_percent(plan, pr.code[proc])
    lines = _benefit_lines(ctx, proc, plan, rounds)
    paid_as = benefits.downgraded_code(ctx, lines)
    benefit_fee = np.minimum(allowed, plans.allowed_cents(plan, paid_as, pr.date[proc]))
    waiting = benefits.in_waiting_period(ctx, lines) & (percent > 0)
    limited = benefits.beyond_limits(ctx, lines) | (percent == 0) | waiting
    subject = np.where(limited | plans.deductible_waived[pr.code[proc]], 0, benefit_fee)
    deductible = benefits.deductible(plans, lines, subject)
    base = np.where(limited, 0, np.minimum((benefit_fee - deductible) * percent // 100,
                                           np.maximum(fee - write_off - covered, 0)))
    estimate = benefits.within_maximum(plans, lines, base)
    return SimpleNamespace(fee=fee, allowed=allowed, write_off=write_off, percent=percent, deductible=deductible,
                           base=base, estimate=estimate, limited=limited, waiting=waiting,
                           paid_as=np.where(paid_as != pr.code[proc], paid_as, -1))


def _benefit_lines(ctx, proc, plan, rounds):
    """Who and when each line is, as the benefit rules count: patient, subscription (and its start), patient plan,
    benefit year,
    and the order in which they count (by round, then date)."""
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    patient = pr.patient[proc]
    sub, since, patplan = ins.subscription(patient, plan, pr.date[proc])
    return SimpleNamespace(proc=proc, plan=plan, patient=patient, date=pr.date[proc], sub=sub, since=since,
                           patplan=patplan, year=benefits.benefit_year(ins.plans, plan, pr.date[proc]),
                           order=pr.date[proc].astype(np.int64) + np.asarray(rounds) * ROUND)


def _claims(proc, plan, patient, date):
    """One claim per visit (patient and day) and plan: claim index of every line, first line of each
    claim, and line numbers 1..n inside a claim."""
    claim, _, _ = groups(patient, date.astype(np.int64), plan)
    order = sorted_by(claim, proc)
    first = order[np.r_[0, np.flatnonzero(np.diff(claim[order])) + 1]] if len(order) else order
    line = _zeros(len(proc))
    line[order] = rank_in_group(claim[order]) + 1
    return claim, first, line


def payment_lag(rng, n):
    """Days from sending a claim to its EOB, drawn from PAYMENT_LAG_BANDS."""
    first, end, share = (np.array(column) for column in zip(*PAYMENT_LAG_BANDS))
    band = rng.choice(len(share), n, p=share / share.sum())
    return rng.integers(first[band], end[band]).astype("timedelta64[D]")


def _timeline(ctx, rng, service, send_from):
    """Sent on (or soon after) `send_from`, the EOB and its payment received after a long-tailed lag on a day the
    office is open. A claim the carrier never got (lost: a share of those unpaid at the follow-up call) is resent
    at the call and paid a lag after that. What 'today' makes of it: W waiting in the send queue, S sent and
    awaited, R received."""
    n = len(service)
    sent = open_day_offset(send_from + weighted_choice(rng, SENT_LAG_DAYS, n).astype("timedelta64[D]"), 0,
                            roll="forward")
    call = open_day_offset(sent + FOLLOW_UP_DAYS, 0, roll="forward")
    first_lag, resent_lag, chance = payment_lag(rng, n), payment_lag(rng, n), rng.random(n)
    lost = (sent + first_lag > call) & (chance < LOST_SHARE)
    received = open_day_offset(np.where(lost, call + resent_lag, sent + first_lag), 0, roll="forward")
    status = np.where(sent > ctx.today, ClaimStatus.WAITING_TO_SEND,
                      np.where(received > ctx.today, ClaimStatus.SENT, ClaimStatus.RECEIVED))
    return (np.where(status == ClaimStatus.WAITING_TO_SEND, NO_DATE, sent),
            np.where(status == ClaimStatus.RECEIVED, received, NO_DATE), status, lost)


def _adjudicated_lines(rng, proc, plan, money, claims):
    """Claimproc lines: the estimate, and once the EOB is in, what was paid (a few lines denied or underpaid)."""
    n = len(proc)
    received = claims.status[claims.index] == ClaimStatus.RECEIVED
    outcome = rng.random(n)
    risk = _review_risk(money.fee, received)
    denied_share, underpaid_share = DENIED_SHARE * risk, UNDERPAID_SHARE * risk
    denied = received & (outcome < denied_share)
    underpaid = received & (outcome >= denied_share) & (outcome < denied_share + underpaid_share)
    paid = np.where(denied, 0, np.where(underpaid, money.estimate * rng.integers(40, 95, n) // 100, money.estimate))
    return SimpleNamespace(
        proc=proc, plan=plan, money=money, claims=claims, claim=claims.index, line=claims.line,
        paid=np.where(received, paid, 0), write_off=np.where(denied, 0, money.write_off),
        denied=denied, underpaid=underpaid & (paid < money.estimate),
        status=np.where(received, ClaimProcStatus.RECEIVED, ClaimProcStatus.NOT_RECEIVED),
        date_cp=claims.received[claims.index])


def _review_risk(fee, received):
    """How much likelier than the average received line a line is to be denied or cut: carriers review costly
    services (crowns, bridges, implants, root canals, scaling) for x-rays, narratives and clinical necessity, and
    pay routine cleanings and exams unreviewed. Grows with the fee up to REVIEW_RISK_CAP times a $100 line's,
    scaled so the average over the received lines is 1."""
    risk = np.clip(fee / 10_000, REVIEW_RISK_FLOOR, REVIEW_RISK_CAP) ** 2
    if not received.any():
        return risk
    for _ in range(8):  # rescale what the cap (no line surely cut) takes off the costliest lines
        risk = np.minimum(risk / risk[received].mean(), 0.9 / (DENIED_SHARE + UNDERPAID_SHARE))
    return risk


def _completed_and_covered(ctx):
    """Completed, billable procedures of patients covered by a primary plan that day (ins.primary_on: the
    subscription a job change ended, before the new one): those the plan covers, and those it does not (0 %),
    which the office marks "do not bill to insurance" (claimproc.NoBillIns)."""
    pr, ins, codes = ctx.practice.clinical.procedures, ctx.practice.insurance, ctx.practice.codes
    plan = ins.primary_on(pr.patient, pr.date)
    covered = ((pr.status == ProcStatus.COMPLETE) & (pr.fee_cents > 0) & (pr.date <= ctx.today)
               & (codes.category[pr.code] != NO_BILL_CATEGORY) & (plan >= 0))
    no_coverage = ins.plans.coverage_percent(np.maximum(plan, 0), pr.code) == 0
    return covered & ~no_coverage, covered & no_coverage


def primary_claims(ctx):
    """Procedures the primary plan covers, batched per visit."""
    rng = ctx.rng("claims-primary")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    pat = pr.patient
    proc = np.flatnonzero(_completed_and_covered(ctx)[0])
    plan = ins.primary_on(pat[proc], pr.date[proc])
    money = adjudicate(ctx, proc, plan, _zeros(len(proc)))
    index, first, line = _claims(proc, plan, pat[proc], pr.date[proc])
    service = pr.date[proc][first]
    sent, received, status, lost = _timeline(ctx, rng, service, service)
    claims = SimpleNamespace(index=index, first=first, line=line, service=service, sent=sent, received=received,
                             status=status, never_arrived=lost, plan=plan[first], patient=pat[proc][first], type=ClaimType.PRIMARY)
    lines = _adjudicated_lines(rng, proc, plan, money, claims)
    lines.paid_other = lines.covered = _zeros(len(proc))
    return lines


def secondary_claims(ctx, primary):
    """The secondary plan is billed for what the primary left; it waits on hold (H) until the primary EOB."""
    rng = ctx.rng("claims-secondary")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    secondary_plan = ins.secondary_on(pr.patient[primary.proc], pr.date[primary.proc])
    pick = np.flatnonzero((secondary_plan >= 0) & _left_to_secondary(primary))
    proc, plan = primary.proc[pick], secondary_plan[pick]
    primary_done = primary.status[pick] == ClaimProcStatus.RECEIVED
    paid_other = np.where(primary_done, primary.paid[pick], primary.money.estimate[pick])
    money = adjudicate_after(ctx, [primary], proc, plan, paid_other + primary.write_off[pick], True)
    index, first, line = _claims(proc, plan, pr.patient[proc], pr.date[proc])
    primary_claim = primary.claim[pick][first]
    on_hold = primary.claims.status[primary_claim] != ClaimStatus.RECEIVED
    sent, received, status, lost = _timeline(ctx, rng, primary.claims.service[primary_claim],
                                       np.where(on_hold, ctx.today, primary.claims.received[primary_claim]))
    status = np.where(on_hold, ClaimStatus.HOLD_UNTIL_PRIMARY_RECEIVED, status)
    claims = SimpleNamespace(index=index, first=first, line=line, service=primary.claims.service[primary_claim],
                             primary_claim=primary_claim, never_arrived=lost & ~on_hold,
                             sent=np.where(on_hold, NO_DATE, sent), received=np.where(on_hold, NO_DATE, received),
                             status=status, plan=plan[first], patient=pr.patient[proc][first], type=ClaimType.SECONDARY)
    lines = _adjudicated_lines(rng, proc, plan, money, claims)
    lines.paid_other, lines.covered = paid_other, paid_other + primary.write_off[pick]
    return lines


def _left_to_secondary(primary):
    """Primary lines a secondary plan is billed for: those whose EOB is not in yet, or left part of the fee."""
    done = primary.status == ClaimProcStatus.RECEIVED
    return ~done | (primary.money.fee - primary.paid - primary.write_off > 0)


def group_any(flags, groups, n):
    """Per group 0..n-1: whether any of its rows is flagged."""
    out = np.zeros(n, dtype=bool)
    np.logical_or.at(out, groups, flags)
    return out


def follow_ups(ctx, claim_sets):
    """What the billing office does after sending each claim, then which appeals the carriers pay."""
    pr = ctx.practice.clinical.procedures
    on_secondary = np.zeros(len(pr.nums), dtype=bool)
    on_secondary[claim_sets[1].proc] = True
    for lines in claim_sets:
        _follow_up(ctx, lines)
        _supplemental_payments(ctx, lines, on_secondary)


def _follow_up(ctx, lines):
    """A call to the carrier on a claim still unpaid 30 days after sending (some turn out lost and are resent
    that day) and again at 60 days; after an EOB that denies a line, an appeal, or a corrected claim resent as a replacement.
    claim.CustomTracking holds the latest status (definition category 31)."""
    rng = ctx.rng(f"claim-follow-up-{lines.claims.type}")
    c, today = lines.claims, ctx.today
    n = len(c.first)
    sent = c.sent != NO_DATE
    call = np.where(sent, open_day_offset(c.sent + FOLLOW_UP_DAYS, 0, roll="forward"), NO_DATE)
    late = sent & (call <= today) & ((c.received == NO_DATE) | (call < c.received))
    again = np.where(sent, open_day_offset(c.sent + 2 * FOLLOW_UP_DAYS, 0, roll="forward"), NO_DATE)
    called_again = late & (again <= today) & ((c.received == NO_DATE) | (again < c.received))
    lost = late & c.never_arrived
    denied = group_any(lines.denied, lines.claim, n)
    answered = open_day_offset(c.received + rng.integers(3, 15, n).astype("timedelta64[D]"), 0, roll="forward")
    choice = rng.random(n)
    contested = denied & (answered <= today)
    appealed = contested & (choice < APPEALED_SHARE)
    corrected = contested & (choice >= APPEALED_SHARE) & (choice < APPEALED_SHARE + CORRECTED_SHARE)
    c.call, c.call_again = np.where(late, call, NO_DATE), np.where(called_again, again, NO_DATE)
    c.lost, c.corrected = lost, corrected
    c.appealed = np.where(appealed, answered, NO_DATE)
    c.resent = np.where(corrected, answered, np.where(lost, call, NO_DATE))
    c.tracking = np.select([appealed, corrected, denied, called_again, lost, late],
                           defnums(DefCat.CLAIM_CUSTOM_TRACKING, "Appealed", "Resubmitted", "Denied", "Called carrier",
                                   "Resubmitted", "Called carrier"), 0)


def _supplemental_payments(ctx, lines, on_secondary):
    """Half the appeals win: 2-6 weeks later the carrier pays the denied lines as estimated, a supplemental
    payment (claimproc status 4) with its PPO write-off. Lines a secondary plan also billed stay denied."""
    rng = ctx.rng(f"claim-appeals-{lines.claims.type}")
    c = lines.claims
    n = len(c.first)
    paid_on = open_day_offset(c.appealed + rng.integers(14, 46, n).astype("timedelta64[D]"), 0, roll="forward")
    overturned = (c.appealed != NO_DATE) & (rng.random(n) < OVERTURNED_SHARE) & (paid_on <= ctx.today)
    paid = overturned[lines.claim] & lines.denied & ~on_secondary[lines.proc] & (lines.money.estimate > 0)
    lines.supplemental = paid
    lines.supplemental_paid = np.where(paid, lines.money.estimate, 0)
    lines.supplemental_write_off = np.where(paid, lines.money.write_off, 0)
    c.supplemental_day = np.where(group_any(paid, lines.claim, n), paid_on, NO_DATE)


def claim_totals(lines):
    """A claim's money columns are the sums over its claimprocs (ClaimFee = sum of FeeBilled...)."""
    n = len(lines.claims.first)
    return SimpleNamespace(fee=group_sum(lines.claim, lines.money.fee, n),
                           estimate=group_sum(lines.claim, lines.money.estimate, n),
                           paid=group_sum(lines.claim, lines.paid + lines.supplemental_paid, n),
                           deductible=group_sum(lines.claim, lines.money.deductible, n),
                           write_off=group_sum(lines.claim, lines.write_off + lines.supplemental_write_off, n))


def insurance_checks(ctx, claim_sets):
    """Checks and EFTs: one per carrier per day, paying every claim of that carrier received that day and every
    appeal it granted that day. Sets claims.check and claims.supplemental_check (-1: none)."""
    rng = ctx.rng("claimpayment")
    plans = ctx.practice.insurance.plans
    payments = []  # (claims, attribute naming the check, claim indices, day, cents)
    for lines in claim_sets:
        c = lines.claims
        n = len(c.first)
        received = np.flatnonzero(c.status == ClaimStatus.RECEIVED)
        granted = np.flatnonzero(c.supplemental_day != NO_DATE)
        payments += [(c, "check", received, c.received[received], group_sum(lines.claim, lines.paid, n)[received]),
                     (c, "supplemental_check", granted, c.supplemental_day[granted],
                      group_sum(lines.claim, lines.supplemental_paid, n)[granted])]
    claims_, attributes, indices, days, amounts = zip(*payments)
    carrier = np.concatenate([plans.carrier[c.plan[index]] for c, index in zip(claims_, indices)])
    day, paid = np.concatenate(days), np.concatenate(amounts)
    appeal = np.concatenate([np.full(len(index), a == "supplemental_check") for a, index in zip(attributes, indices)])
    check, _, first = groups(carrier, day.astype(np.int64))
    start = 0
    for c, attribute, index in zip(claims_, attributes, indices):
        setattr(c, attribute, np.full(len(c.first), -1, dtype=np.int64))
        getattr(c, attribute)[index] = check[start:start + len(index)]
        start += len(index)
    n = len(first)
    return SimpleNamespace(carrier=carrier[first], date=day[first], amount=group_sum(check, paid, n),
                           issued=open_day_offset(day[first] - rng.integers(0, 5, n).astype("timedelta64[D]"), 0,
                                                  roll="backward"), n=n,
                           pays_appeal=group_any(appeal, check, n))


def estimates(ctx, claim_sets):
    """Every plan of a covered patient keeps an estimate claimproc (status 6) on each billable procedure that is
    on no claim of it: treatment-planned work; completed work the primary plan does not cover, marked NoBillIns on
    each plan in force (the office bills neither, so it estimates nothing); and, on the secondary plan, completed
    work the primary's EOB settled in full, which is never sent to the secondary (its estimate, after what the
    primary paid, is $0). Estimates count after the claim lines (`claim_sets`: primary, secondary) of their
    benefit year; a carrier never sent a line counts none of it against its limits, so the estimates of settled
    work are made apart. Returns the (primary, secondary) estimates."""
    pr, ins, codes = ctx.practice.clinical.procedures, ctx.practice.insurance, ctx.practice.codes
    planned = ((pr.status == ProcStatus.TREATMENT_PLANNED) & (pr.fee_cents > 0)
               & (codes.category[pr.code] != NO_BILL_CATEGORY))
    not_billed = _completed_and_covered(ctx)[1]
    result = []
    for plan_of, on_the_day, second in ((ins.primary_plan, ins.primary_on, False),
                                        (ins.secondary_plan, ins.secondary_on, True)):
        plan = np.where(planned, plan_of[pr.patient], on_the_day(pr.patient, pr.date))  # planned: today's plans
        proc = np.flatnonzero((plan >= 0) & (planned | not_billed))
        money = adjudicate_after(ctx, claim_sets, proc, plan[proc], _zeros(len(proc)), False)
        no_bill = not_billed[proc]
        for column in ("estimate", "base", "deductible"):
            setattr(money, column, np.where(no_bill, 0, getattr(money, column)))
        kept = SimpleNamespace(proc=proc, plan=plan[proc], money=money, no_bill=no_bill, paid_other=_zeros(len(proc)))
        result.append(_merged(kept, _settled_by_primary(ctx, claim_sets, plan)) if second else kept)
    return result


def _settled_by_primary(ctx, claim_sets, plan):
    """Estimates on the secondary plan (`plan` per procedure, -1 none) of the lines the primary's EOB settled in
    full: after what the primary paid and wrote off, nothing."""
    primary = claim_sets[0]
    done = np.flatnonzero(~_left_to_secondary(primary) & (plan[primary.proc] >= 0))
    proc = primary.proc[done]
    money = adjudicate_after(ctx, claim_sets, proc, plan[proc], primary.paid[done] + primary.write_off[done], True)
    return SimpleNamespace(proc=proc, plan=plan[proc], money=money, no_bill=np.zeros(len(proc), dtype=bool),
                           paid_other=primary.paid[done])


def _merged(kept, settled):
    """Two estimate sets as one, in procedure order."""
    order = np.argsort(np.concatenate([kept.proc, settled.proc]), kind="stable")
    columns = [SimpleNamespace(proc=e.proc, plan=e.plan, no_bill=e.no_bill, paid_other=e.paid_other)
               for e in (kept, settled)]
    merged = take_rows(concat_rows(columns), order)
    merged.money = take_rows(concat_rows([kept.money, settled.money]), order)
    return merged


def adjudicate_after(ctx, claim_sets, proc, plan, covered, secondary):
    """The money of lines `proc`, counted after the claim lines of `claim_sets` (each set after the ones before it)
    in their benefit years: they see the deductibles, maximums and frequencies those lines used up."""
    parts = [(c.proc, c.plan, c.covered, np.full(len(c.proc), c.claims.type == ClaimType.SECONDARY))
             for c in claim_sets]
    parts.append((proc, plan, covered, np.broadcast_to(secondary, len(proc))))
    rounds = np.concatenate([np.full(len(part[0]), k) for k, part in enumerate(parts)])
    money = adjudicate(ctx, *(np.concatenate(column) for column in zip(*parts)), rounds)
    return take_rows(money, rounds == len(claim_sets))


def settled_by_insurance(ctx, claim_sets):
    """Per procedure: insurance paid and written off on received lines (and their supplemental payments), and
    still estimated on open ones."""
    n = len(ctx.practice.clinical.procedures.nums)
    paid, write_off, pending = _zeros(n), _zeros(n), _zeros(n)
    for lines in claim_sets:
        received = lines.status == ClaimProcStatus.RECEIVED
        np.add.at(paid, lines.proc[received], lines.paid[received] + lines.supplemental_paid[received])
        np.add.at(write_off, lines.proc[received], lines.write_off[received] + lines.supplemental_write_off[received])
        np.add.at(pending, lines.proc[~received], lines.money.estimate[~received] + lines.write_off[~received])
    return paid, write_off, pending
