"""Supporting: communication. Who sent each patient to the practice and to which specialists the practice sent
them, what the office said to patients (and heard back), and the images and scans filed in their charts - one
module each: referrals.py (referral, refattach), commlog.py, documents.py. The stories they share are told
here once: the treatment plans presented, and the claims the billing office followed up.

Hands over ctx.practice.communication (handover.Communication): each patient's contact preferences and the
claims the billing office followed up (slow and denied).
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import group_sum, groups
from opendental.codes import ClaimStatus, ProcStatus

from ..context import RunContext
from ..handover import Communication, ContactPreferences, DeniedClaims, ReferralChannels, SlowClaims
from ..rows import pick
from ..timeline import NO_DATE, office_day
from .commlog import commlogs
from .documents import documents
from .referrals import referral_attachments, referral_sources, write_referrals


CLAIM_FOLLOW_UP_DAYS = 30
TREATMENT_PLAN_CENTS = 100_000  # plans worth a sit-down with the treatment coordinator
DENIAL_REASONS = ("frequency limitation", "missing tooth clause", "waiting period not met",
                  "not a covered benefit", "x-rays and narrative requested")


def office(ctx: RunContext, channels: ReferralChannels) -> None:
    """The office's referrals, communication log and documents."""
    prefs = contact_preferences(ctx)
    sources = referral_sources(ctx, ctx.rng("referral"), channels)
    attached = referral_attachments(ctx, ctx.rng("refattach"), sources)
    write_referrals(ctx, ctx.rng("referral-entered"), sources, attached)
    plans, slow, denials = treatment_plans(ctx), slow_claims(ctx), denied_claims(ctx)
    commlogs(ctx, prefs, sources, attached, plans, slow, denials)
    documents(ctx, sources, attached, denials)
    ctx.practice.communication = Communication(preferences=prefs, slow_claims=slow, denied_claims=denials)


def contact_preferences(ctx: RunContext) -> ContactPreferences:
    """Every patient's PreferContactMethod, PreferConfirmMethod and PreferRecallMethod."""
    stored = ctx.practice.patients.details
    return ContactPreferences(**{name: stored[column].astype(np.int64) for name, column in
                                 (("contact", "PreferContactMethod"), ("confirm", "PreferConfirmMethod"),
                                  ("recall", "PreferRecallMethod"))})


def treatment_plans(ctx):
    """Treatment plans presented at an exam in the window (procedures planned the same day, worth a sit-down):
    patient, day, total fee (cents), accepted (some of it done since)."""
    pr = ctx.practice.clinical.procedures
    in_window = (pr.date_tp >= ctx.start) & (pr.date_tp <= ctx.today)
    done_after_planning = (pr.status == ProcStatus.COMPLETE) & (pr.date > pr.date_tp)
    planned = in_window & ((pr.status == ProcStatus.TREATMENT_PLANNED) | done_after_planning)
    proc = np.flatnonzero(planned)
    group, _, first = groups(pr.patient[proc], pr.date_tp[proc].astype(np.int64))
    total = group_sum(group, pr.fee_cents[proc], len(first))
    accepted = group_sum(group, (pr.status[proc] == ProcStatus.COMPLETE).astype(np.int64), len(first)) > 0
    keep = total >= TREATMENT_PLAN_CENTS
    lead = proc[first][keep]
    return SimpleNamespace(patient=pr.patient[lead], day=pr.date_tp[lead], total=total[keep], accepted=accepted[keep])


def slow_claims(ctx: RunContext) -> SlowClaims:
    """Claims sent a month ago or more without an answer by then: patient, service day, carrier name, the day the
    billing office called, the day the answer came (NO_DATE while still open)."""
    rng = ctx.rng("slow-claims")
    plans = ctx.practice.insurance.plans
    parts = []
    for lines in ctx.practice.financial.claims:
        claims = lines.claims
        answered = np.where(claims.status == ClaimStatus.RECEIVED, claims.received, NO_DATE)
        called = office_day(claims.sent + CLAIM_FOLLOW_UP_DAYS + rng.integers(0, 6, len(claims.sent)), ctx.today)
        slow = np.flatnonzero((claims.sent != NO_DATE) & (called < np.where(answered != NO_DATE, answered, ctx.today)))
        parts.append((claims.patient[slow], claims.service[slow], np.asarray(plans.carrier_name)[claims.plan[slow]],
                      called[slow], answered[slow]))
    patient, service, carrier, called, answered = (np.concatenate(column) for column in zip(*parts))
    return SlowClaims(patient=patient, service=service, carrier=carrier.astype(str), called=called, answered=answered)


def denied_claims(ctx: RunContext) -> DeniedClaims:
    """Claims with a denied line: patient, received day, service day, carrier name, reason."""
    rng = ctx.rng("denied-claims")
    plans = ctx.practice.insurance.plans
    parts = []
    for lines in ctx.practice.financial.claims:
        claims = lines.claims
        denied = np.unique(lines.claim[lines.denied])
        parts.append((claims.patient[denied], claims.received[denied], claims.service[denied],
                      np.asarray(plans.carrier_name)[claims.plan[denied]]))
    patient, received, service, carrier = (np.concatenate(column) for column in zip(*parts))
    return DeniedClaims(patient=patient, received=received, service=service, carrier=carrier.astype(str),
                        reason=pick(rng, DENIAL_REASONS, len(patient)))
