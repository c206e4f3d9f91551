"""Supporting: billing - the paperwork around the money of phase 5, by the front desk and the billing office.

  insurance verification  a few business days before a visit the front desk verifies the patient's enrolment
                          in each plan (unless done in the last 30 days) and, with it, the plan's benefits
                          (unless done in the last 90 days): an insverify row per plan (VerifyType 1) and per
                          patplan (VerifyType 2) holding the last check, an insverifyhist row per check
  claim paperwork         a snapshot of every claim line when its claim is created (claimsnapshot), the history
                          of the follow-up the financial phase did on each claim (claimtracking), the scanned
                          EOB of each insurance check (eobattach), and what out-of-network plans paid, from
                          which OpenDental learns allowed fees (insbluebook, insbluebooklog)
  statements              the monthly billing run: every family owing more than a few dollars after what
                          insurance is still expected to pay gets a statement listing its recent production;
                          receipts at the front desk and walkout statements after visits; the PDF of each
                          archived as a document (Statements image category)
  reference               claim forms, the procedure code groups frequency limitations name, auto codes

Hands nothing over.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, cumsum_before, groups, rank_in_group, sorted_by, take_rows
from core.randomness import weighted_choice
from opendental.codes import (AptStatus, AutoCommStatus, ClaimProcStatus, ClaimType, ImageType, InsVerifyType,
                              ProcStatus, StatementMode, StatementProdType)
from opendental.definitions import NONE, DefCat, defnum, defnums

from ..context import RunContext
from ..data import read_columns, read_table
from ..financial.payments import NORMAL as PATIENT_PAYMENT
from ..parameters import parameter
from ..timeline import NO_DATE, NO_TIME, clamp, office_hours, open_day_offset, stamp
from ..formatting import text, tokens

ENROLMENT_DAYS, BENEFIT_DAYS = 30, 90             # OpenDental's re-verification intervals (preferences)
# (status in definition category 38, share, notes on a patient's enrolment check)
VERIFICATION_OUTCOMES = (
    ("Verified", 0.93, ("Eligible - verified on {carrier} provider portal",
                        "Active coverage confirmed by phone with {carrier}",
                        "Eligibility verified through clearinghouse ({carrier})")),
    ("Pending", 0.03, ("Left message with {carrier}, waiting for call back",)),
    ("Needs attention", 0.04, ("Subscriber ID not found at {carrier} - asked patient for a new card",)),
)
EOB_SCANNED_SHARE = parameter("supporting.billing.eob_scanned_share")
BILLING_DAY_OF_MONTH = 5               # the billing run: the first business day from the 5th of each month
MIN_STATEMENT_CENTS = 500
STATEMENT_DAYS = 45                    # OpenDental's billing default: a statement lists the last 45 days
EMAIL_STATEMENT_SHARE = parameter("supporting.billing.email_statement_share")
STATEMENT_NOTES = ("Your insurance has processed your claims; the balance shown is your portion. Thank you!",
                   "SECOND NOTICE - please remit the balance shown.",
                   "Your account is past due. Please call our office to arrange payment.")
MAIL, IN_PERSON, EMAIL = StatementMode.MAIL, StatementMode.IN_PERSON, StatementMode.EMAIL
BILLING, RECEIPT, WALKOUT = range(3)   # kinds of statement
STATEMENT_DOCUMENTS = ("Statement", "Receipt", "Walkout statement")
RECEIPT_SHARE = parameter("supporting.billing.receipt_share")
WALKOUT_SHARE = parameter("supporting.billing.walkout_share")
SHORT_GUID_LENGTH = 12
STATEMENT_URL = "https://portal.beavertonfamilydental.example/statement?id="
SHORT_URL = "https://bfd.example/s/"
DAY_STEP = 100_000                     # more days than from 1970 to any date of a run


def practice(ctx: RunContext) -> None:
    reference_tables(ctx)


def office(ctx: RunContext) -> None:
    """The office's insurance verification, claim snapshots and tracking, blue book, EOBs and statements."""
    insurance_verification(ctx)
    claims, lines = _claims_and_lines(ctx)
    claim_snapshots(ctx, claims, lines)
    claim_tracking(ctx, claims)
    blue_book(ctx, claims, lines)
    eob_attachments(ctx)
    statements(ctx, claims, lines)


def _expand(low, high):
    """Every position of each row's range [low, high): (row, position) arrays."""
    row = np.repeat(np.arange(len(low)), high - low)
    return row, np.repeat(low, high - low) + rank_in_group(row)


def _group_starts(keys):
    """For keys sorted ascending: the first position of each run of equal keys."""
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.zeros(0, dtype=np.int64)


def _day_key(group, days):
    """One sortable integer per (group, day): days since 1970 stay below DAY_STEP."""
    return group.astype(np.int64) * DAY_STEP + days.astype("datetime64[D]").astype(np.int64)


def _sum_runs(values, starts):
    """Sums of values over the runs beginning at `starts` (exact in int64)."""
    total = np.r_[0, np.cumsum(values)]
    return total[np.r_[starts[1:], len(values)]] - total[starts]


# --- reference -----------------------------------------------------------------------------------------------

def reference_tables(ctx: RunContext) -> None:
    """Claim forms (the one printed on paper nudged to the printer with OffsetX/Y), code groups (those whose
    frequency the office does not track hidden) and auto codes, as listed in generators/data/billing_*.csv."""
    forms = read_table("billing_claim_forms")
    ctx.out.copy("claimform", {
        "ClaimFormNum": ctx.ids.take("claimform", len(forms)),
        **read_columns("billing_claim_forms", flags=("IsHidden", "PrintImages"),
                       numbers=("FontSize", "OffsetX", "OffsetY", "Width", "Height")),
    })
    groups = read_table("billing_code_groups")
    ctx.out.copy("codegroup", {
        "CodeGroupNum": ctx.ids.take("codegroup", len(groups)), "ItemOrder": np.arange(len(groups)),
        **read_columns("billing_code_groups", flags=("ShowInAgeLimit", "IsHidden"), numbers=("CodeGroupFixed",)),
    })
    auto_codes = read_table("billing_auto_codes")
    ctx.out.copy("autocode", {"AutoCodeNum": ctx.ids.take("autocode", len(auto_codes)),
                              **read_columns("billing_auto_codes", flags=("IsHidden", "LessIntrusive"))})


# --- insurance verification ----------------------------------------------------------------------------------

def insurance_verification(ctx):
    """Enrolment checks per patplan before visits; the plan's benefits checked along, at most every 90 days."""
    rng = ctx.rng("insverify")
    plans = ctx.practice.insurance.plans
    patplans = _patient_plans(ctx)
    enrolment = _enrolment_checks(ctx, rng, patplans)
    benefits = take_rows(enrolment, _spaced(enrolment.plan, enrolment.day, BENEFIT_DAYS))
    benefits.target = benefits.plan
    notes = [VERIFICATION_OUTCOMES[k][2] for k in enrolment.outcome.tolist()]
    enrolment.note = [n[int(r * len(n))].format(carrier=c) for n, r, c in
                      zip(notes, rng.random(len(notes)).tolist(), plans.carrier_name[enrolment.plan].tolist())]
    benefits.note = [f"Benefits verified: ${m // 100:,} annual max, ${d // 100} deductible" if k == 0
                     else "Benefits not confirmed yet" for k, m, d in
                     zip(benefits.outcome.tolist(), plans.annual_max_cents[benefits.plan].tolist(),
                         plans.deductible_cents[benefits.plan].tolist())]
    patplan_added = clamp(patplans.first_visit - 14, ctx.practice.setup_day, ctx.today)
    _write_verifications(ctx, InsVerifyType.INSURANCE_BENEFIT, plans.nums, plans.entered, benefits)
    _write_verifications(ctx, InsVerifyType.PATIENT_ENROLLMENT, patplans.nums, patplan_added, enrolment)


def _patient_plans(ctx):
    """Every patplan, primary then secondary: PatPlanNum, patient, plan index, coverage start, first visit."""
    ins, pt = ctx.practice.insurance, ctx.practice.patients
    parts = []
    for patplan, plan, since in ((ins.primary_patplan, ins.primary_plan, ins.primary_since),
                                 (ins.secondary_patplan, ins.secondary_plan, ins.secondary_since)):
        patient = np.flatnonzero(patplan > 0)
        parts.append((patplan[patient], patient, plan[patient], since[patient]))
    nums, patient, plan, since = (np.concatenate(column) for column in zip(*parts))
    return SimpleNamespace(nums=nums, patient=patient, plan=plan, since=since, first_visit=pt.first_visit[patient])


def _enrolment_checks(ctx, rng, patplans):
    """A few business days before each visit (not before it was booked) the patient's plans in force are
    verified, unless they were in the last 30 days. Returns the checks with the hours left until the visit."""
    apt = ctx.practice.clinical.appointments
    visit = np.flatnonzero(np.isin(apt.status, (AptStatus.SCHEDULED, AptStatus.COMPLETE, AptStatus.BROKEN)))
    order = np.argsort(patplans.patient, kind="stable")
    holder = patplans.patient[order]
    row, position = _expand(np.searchsorted(holder, apt.patient[visit], "left"),
                            np.searchsorted(holder, apt.patient[visit], "right"))
    visit, patplan = visit[row], order[position]
    booked = apt.booked[visit].astype("datetime64[D]")
    lead = rng.integers(1, 6, len(visit))
    day = np.maximum(open_day_offset(apt.date[visit], -lead, roll="backward"), booked)
    keep = (patplans.since[patplan] <= apt.date[visit]) & (day >= ctx.start) & (day <= ctx.today)
    visit, patplan, day = visit[keep], patplan[keep], day[keep]
    kept = _spaced(patplan, day, ENROLMENT_DAYS)
    visit, patplan, day = visit[kept], patplan[kept], day[kept]
    at = np.minimum(office_hours(rng, day), apt.start[visit] - np.timedelta64(15 * 60, "s"))
    at = np.maximum(at, apt.booked[visit])
    n = len(visit)
    verifiers = np.concatenate([ctx.practice.users.front_desk, ctx.practice.users.billing])
    return SimpleNamespace(
        target=patplan, plan=patplans.plan[patplan], day=day, at=at,
        hours=np.round((apt.start[visit] - at).astype(np.int64) / 3600, 1),
        outcome=weighted_choice(rng, [(k, share) for k, (_, share, _) in enumerate(VERIFICATION_OUTCOMES)], n),
        assigned=open_day_offset(day, -rng.integers(0, 3, n), roll="backward"),
        user=verifiers[rng.integers(0, len(verifiers), n)],
    )


def _spaced(group, days, gap):
    """Per group, the earliest event, then each next event at least `gap` days after the last one kept.
    Returns the kept positions, in time order per group."""
    key = _day_key(group, days)
    order = np.argsort(key, kind="stable")
    key, group = key[order], group[order]
    current = _group_starts(group)
    kept = [current]
    while len(current):
        following = np.searchsorted(key, key[current] + gap, "left")
        inside = following < len(key)
        current, following = current[inside], following[inside]
        current = following[group[following] == group[current]]
        kept.append(current)
    return order[np.sort(np.concatenate(kept))]


def _write_verifications(ctx, verify_type, fkeys, added, checks):
    """insverify: one row per plan or patplan (FKey), created with it, carrying its latest check; insverifyhist:
    a copy of the row at each check. insverify.UserNum stays 0: the practice works the list, no one is assigned."""
    n = len(fkeys)
    nums = ctx.ids.take("insverify", n)
    order = sorted_by(checks.target, checks.at.astype(np.int64))
    position = np.full(n, -1)
    np.maximum.at(position, checks.target[order], np.arange(len(order)))
    latest = np.append(order, -1)[position]  # -1: never verified, picks the "never" value appended last below

    def current(values, never):
        return np.append(values, never)[latest]

    first_check = np.full(n, stamp(ctx.today + 1))
    np.minimum.at(first_check, checks.target, checks.at)
    created = np.minimum(stamp(added, 8 * 3600), first_check)
    outcomes = (name for name, _, _ in VERIFICATION_OUTCOMES)
    status = np.array(defnums(DefCat.INSURANCE_VERIFICATION_STATUS, *outcomes))[checks.outcome]
    note = np.array(checks.note, dtype=object)
    set_up = np.maximum(created, stamp(ctx.practice.setup_day, 8 * 3600))
    ctx.out.copy("insverify", {
        "InsVerifyNum": nums, "VerifyType": verify_type, "FKey": fkeys, "UserNum": 0,
        "DateLastVerified": current(checks.day, NO_DATE), "DefNum": current(status, NONE), "Note": current(note, ""),
        "DateLastAssigned": current(checks.assigned, NO_DATE),
        "HoursAvailableForVerification": current(checks.hours, 0.0), "DateTimeEntry": created,
        "SecDateTEdit": np.where(latest >= 0, current(checks.at, NO_TIME), set_up),
    })
    ctx.out.copy("insverifyhist", {
        "InsVerifyHistNum": ctx.ids.take("insverifyhist", len(checks.target)), "InsVerifyNum": nums[checks.target],
        "VerifyType": verify_type, "FKey": fkeys[checks.target], "UserNum": checks.user, "VerifyUserNum": checks.user,
        "DateLastVerified": checks.day, "DefNum": status, "Note": note, "DateLastAssigned": checks.assigned,
        "DateTimeEntry": created[checks.target], "HoursAvailableForVerification": checks.hours,
        "SecDateTEdit": checks.at,
    })


# --- claim paperwork -----------------------------------------------------------------------------------------

def _claims_and_lines(ctx):
    """Every claim (primary, then secondary) and every claimproc on a claim (with its ClaimProcNum), in one
    numbering each. A claim is created on its service date; a secondary when it is sent
    (one still on hold: today), as insurance_rows records it. The follow-up (call, lost, appealed, corrected,
    resent, tracking) and the appeals' supplemental payments are as the financial phase decided them.
    """
    rng = ctx.rng("claim-paperwork")
    claim_parts, line_parts, offset = [], [], 0
    for lines in ctx.practice.financial.claims:
        c = lines.claims
        created = c.service if c.type == ClaimType.PRIMARY else np.where(c.sent != NO_DATE, c.sent, ctx.today)
        denied = np.zeros(len(c.first), dtype=bool)
        np.logical_or.at(denied, lines.claim, lines.denied)
        claim_parts.append(SimpleNamespace(
            nums=c.nums, type=np.full(len(c.first), c.type), plan=c.plan, created=created, sent=c.sent,
            received=c.received, denied=denied, call=c.call, call_again=c.call_again, lost=c.lost,
            appealed=c.appealed, corrected=c.corrected, resent=c.resent, tracking=c.tracking,
            supplemental_day=c.supplemental_day))
        line_parts.append(SimpleNamespace(
            nums=lines.claimproc_nums, proc=lines.proc, plan=lines.plan, claim=lines.claim + offset,
            fee=lines.money.fee, estimate=lines.money.estimate, write_off_estimate=lines.money.write_off,
            allowed=lines.money.allowed, paid=lines.paid, write_off=lines.write_off,
            received=lines.status == ClaimProcStatus.RECEIVED,
            denied=lines.denied, date_cp=lines.date_cp, supplemental=lines.supplemental,
            supplemental_paid=lines.supplemental_paid, supplemental_write_off=lines.supplemental_write_off))
        offset += len(c.first)
    claims, lines = concat_rows(claim_parts), concat_rows(line_parts)
    claims.created_at = office_hours(rng, claims.created)
    return claims, lines


def claim_snapshots(ctx, claims, lines):
    """OpenDental snapshots each line's fee and estimates when the claim is created (trigger ClaimCreate)."""
    pr = ctx.practice.clinical.procedures
    ctx.out.copy("claimsnapshot", {
        "ClaimSnapshotNum": ctx.ids.take("claimsnapshot", len(lines.proc)), "ProcNum": pr.nums[lines.proc],
        "ClaimProcNum": lines.nums, "ClaimType": claims.type[lines.claim], "Fee": lines.fee / 100.0,
        "InsPayEst": lines.estimate / 100.0, "Writeoff": lines.write_off_estimate / 100.0,
        "DateTEntry": claims.created_at[lines.claim], "SnapshotTrigger": False,
    })


def claim_tracking(ctx, claims):
    """Custom tracking (StatusHistory) of the follow-up the financial phase did: the call on a claim still unpaid
    30 days after sending (resubmitted that day, DateResent, when the carrier had no record of it) and again at 60
    days, the denial
    on the EOB's day (DateReceived), then an appeal or a corrected claim resubmitted (DateResent). Rows are
    numbered in time order; a claim's last row holds its CustomTracking."""
    rng = ctx.rng("claimtracking")
    status = {name: defnum(DefCat.CLAIM_CUSTOM_TRACKING, name)
              for name in ("Called carrier", "Resubmitted", "Denied", "Appealed")}
    frequency = defnum(DefCat.CLAIM_PAYMENT_TRACKING, "Frequency limitation")
    called = np.flatnonzero(claims.call != NO_DATE)
    called_again = np.flatnonzero(claims.call_again != NO_DATE)
    lost = claims.lost[called]
    denied = np.flatnonzero(claims.denied)
    appealed = np.flatnonzero(claims.appealed != NO_DATE)
    corrected = np.flatnonzero(claims.corrected)
    entries = concat_rows([
        _tracking(called, claims.call[called], np.where(lost, status["Resubmitted"], status["Called carrier"]), NONE,
                  np.where(lost, "Called {} - no record of claim, resubmitted electronically",
                           "Called {} - claim in process, payment expected in 7-10 days")),
        _tracking(called_again, claims.call_again[called_again], status["Called carrier"], NONE,
                  "Called {} again - claim under review, EOB to follow"),
        _tracking(denied, claims.received[denied], status["Denied"], frequency,
                  "EOB from {} - line(s) denied: frequency limitation"),
        _tracking(appealed, claims.appealed[appealed], status["Appealed"], frequency,
                  "Appeal sent to {} with narrative and x-rays"),
        _tracking(corrected, claims.resent[corrected], status["Resubmitted"], NONE,
                  "Corrected claim sent to {}, replacing the original"),
    ])
    entries.at = office_hours(rng, entries.day)
    entries = take_rows(entries, np.argsort(entries.at, kind="stable"))
    carrier = ctx.practice.insurance.plans.carrier_name[claims.plan[entries.claim]]
    users = ctx.practice.users.billing
    n = len(entries.claim)
    ctx.out.copy("claimtracking", {
        "ClaimTrackingNum": ctx.ids.take("claimtracking", n), "ClaimNum": claims.nums[entries.claim],
        "TrackingType": "StatusHistory", "UserNum": users[rng.integers(0, len(users), n)],
        "DateTimeEntry": entries.at, "TrackingDefNum": entries.status, "TrackingErrorDefNum": entries.error,
        "Note": [note.format(c) for note, c in zip(entries.note.tolist(), carrier.tolist())],
    })


def _tracking(claim, day, status, error, note):
    n = len(claim)
    return SimpleNamespace(claim=claim, day=day, status=np.broadcast_to(status, n), error=np.broadcast_to(error, n),
                           note=np.broadcast_to(np.asarray(note, dtype=object), n))


def blue_book(ctx, claims, lines):
    """Out-of-network (percentage) plans have no contracted fees: OpenDental learns what they allow from what
    they pay. An insbluebook row per paid line of such a plan, dated with the check; and per claim line of
    such a plan, the allowed fee its estimate used and the blue book entries it could draw on (insbluebooklog)."""
    rng = ctx.rng("insbluebook")
    pr, plans, codes = ctx.practice.clinical.procedures, ctx.practice.insurance.plans, ctx.practice.codes
    out_of_network = ~plans.is_ppo[lines.plan]
    paid = np.flatnonzero(out_of_network & lines.received & ~lines.denied)
    proc, plan = lines.proc[paid], lines.plan[paid]
    ctx.out.copy("insbluebook", {
        "InsBlueBookNum": ctx.ids.take("insbluebook", len(paid)), "ProcCodeNum": codes.nums[pr.code[proc]],
        "CarrierNum": plans.carrier[plan], "PlanNum": plans.nums[plan], "GroupNum": plans.group_num[plan],
        "InsPayAmt": lines.paid[paid] / 100.0, "AllowedOverride": -1.0, "ProcNum": pr.nums[proc],
        "ProcDate": pr.date[proc], "ClaimType": claims.type[lines.claim[paid]],
        "ClaimNum": claims.nums[lines.claim[paid]], "DateTEntry": office_hours(rng, lines.date_cp[paid]),
    })
    logged = np.flatnonzero(out_of_network)
    created = claims.created[lines.claim[logged]]
    known = _entries_before(_carrier_code(ctx, lines, paid), lines.date_cp[paid],
                            _carrier_code(ctx, lines, logged), created)
    carrier, code = plans.carrier_name[lines.plan[logged]], codes.code[pr.code[lines.proc[logged]]]
    ctx.out.copy("insbluebooklog", {
        "InsBlueBookLogNum": ctx.ids.take("insbluebooklog", len(logged)), "ClaimProcNum": lines.nums[logged],
        "AllowedFee": lines.allowed[logged] / 100.0, "DateTEntry": claims.created_at[lines.claim[logged]],
        "Description": [f"Allowed fee from {k} blue book entries for {c} {p}, limited to the UCR fee." if k
                        else f"No blue book entries for {c} {p}. Allowed fee is the UCR fee."
                        for k, c, p in zip(known.tolist(), carrier.tolist(), code.tolist())],
    })


def _carrier_code(ctx, lines, rows):
    plans, pr = ctx.practice.insurance.plans, ctx.practice.clinical.procedures
    return plans.carrier_idx[lines.plan[rows]] * len(ctx.practice.codes.nums) + pr.code[lines.proc[rows]]


def _entries_before(entry_group, entry_day, group, day):
    """How many entries share each row's group and are dated before the row's day."""
    entries = np.sort(_day_key(entry_group, entry_day))
    return (np.searchsorted(entries, _day_key(group, day), "left")
            - np.searchsorted(entries, _day_key(group, np.zeros(len(group), dtype="datetime64[D]")), "left"))


def eob_attachments(ctx):
    """Most insurance checks are posted with their EOB scanned and attached (the file lives in the images folder)."""
    rng = ctx.rng("eobattach")
    checks = ctx.practice.financial.checks
    scanned = np.flatnonzero(rng.random(len(checks.nums)) < EOB_SCANNED_SHARE)
    created = office_hours(rng, checks.date[scanned])
    nums = ctx.ids.take("eobattach", len(scanned))
    ctx.out.copy("eobattach", {
        "EobAttachNum": nums, "ClaimPaymentNum": checks.nums[scanned], "DateTCreated": created,
        "FileName": [f"{t:%Y%m%d_%H%M%S}_{n}.pdf" for t, n in zip(created.tolist(), nums.tolist())],
        "RawBase64": "",
    })


# --- statements ----------------------------------------------------------------------------------------------

def statements(ctx, claims, lines):
    """Every statement the office produces, numbered in time order: the monthly billing run, receipts printed at
    the front desk and walkout statements handed out after visits. OpenDental archives a PDF of each in the
    Statements image category (statement.DocNum); the billing run's statements list their production."""
    events = _account_events(ctx, claims, lines)
    sent = concat_rows([billing_run(ctx, events), receipts(ctx, events), walkout_statements(ctx, events)])
    sent = take_rows(sent, np.argsort(sent.at, kind="stable"))
    nums = ctx.ids.take("statement", len(sent.kind))
    doc_nums = ctx.ids.take("document", len(sent.kind))
    write_statements(ctx, sent, nums, doc_nums)
    archive_statements(ctx, sent, nums, doc_nums)
    billed = np.flatnonzero(sent.kind == BILLING)
    _statement_production(ctx, nums[billed], doc_nums[billed], sent.family[billed], sent.day[billed])


def _sent(kind, patient, family, day, at, mode, balance, estimate, first_day=None, note="", bold=""):
    n = len(patient)
    return SimpleNamespace(kind=np.full(n, kind), patient=patient, family=family, day=day, at=at,
                           mode=np.broadcast_to(mode, n), balance=balance, estimate=estimate,
                           first_day=day if first_day is None else first_day,
                           note=np.broadcast_to(np.asarray(note, dtype=object), n),
                           bold=np.broadcast_to(np.asarray(bold, dtype=object), n))


def billing_run(ctx, events):
    """The monthly billing run sends a statement to every family whose balance, less what insurance is still
    expected to pay, is at least $5 that day, until the family is sent to collections; it covers the last 45
    days."""
    rng = ctx.rng("statement")
    runs = _billing_runs(ctx)
    owing = _families_owing(ctx, runs, events)
    sent = ctx.practice.financial.collections.sent_day[owing.family]
    owing = take_rows(owing, (sent == NO_DATE) | (runs[owing.run] < sent))  # the agency bills them from then on
    owing = take_rows(owing, sorted_by(owing.run, owing.family))
    day = runs[owing.run]
    email = (rng.random(len(ctx.practice.families.first)) < EMAIL_STATEMENT_SHARE)[owing.family]
    notice = np.minimum(owing.notice, len(STATEMENT_NOTES) - 1)
    return _sent(BILLING, ctx.practice.families.guarantor[owing.family], owing.family, day,
                 stamp(day, rng.integers(7 * 3600, 9 * 3600, len(day))), np.where(email, EMAIL, MAIL), owing.balance,
                 owing.estimate, first_day=day - STATEMENT_DAYS, note=np.array(STATEMENT_NOTES)[notice],
                 bold=np.where(notice == len(STATEMENT_NOTES) - 1, "PAST DUE", ""))


def receipts(ctx, events):
    """Some days a family pays at the front desk, the guarantor takes a receipt of the day (family balance)."""
    rng = ctx.rng("statement-receipts")
    splits, pt = ctx.practice.financial.payments.splits, ctx.practice.patients
    paid = np.flatnonzero((splits.kind == PATIENT_PAYMENT) & (splits.amount > 0))
    _, _, first = groups(pt.family[splits.patient[paid]], splits.date[paid].astype(np.int64))
    paid = paid[first]
    paid = paid[rng.random(len(paid)) < RECEIPT_SHARE]
    family, day = pt.family[splits.patient[paid]], splits.date[paid]
    balance, estimate = _totals_through(pt.family[events.patient], events, family, day)
    return _sent(RECEIPT, ctx.practice.families.guarantor[family], family, day, office_hours(rng, day), IN_PERSON,
                 balance, estimate)


def walkout_statements(ctx, events):
    """Some patients leave a completed visit with a walkout statement of the day: their own account only."""
    rng = ctx.rng("statement-walkouts")
    ap, pt = ctx.practice.clinical.appointments, ctx.practice.patients
    visit = np.flatnonzero((ap.status == AptStatus.COMPLETE) & (ap.date >= ctx.start))
    visit = visit[rng.random(len(visit)) < WALKOUT_SHARE]
    patient, day = ap.patient[visit], ap.date[visit]
    balance, estimate = _totals_through(events.patient, events, patient, day)
    return _sent(WALKOUT, pt.nums[patient], pt.family[patient], day,
                 ap.dismissed[visit] + rng.integers(60, 600, len(visit)).astype("timedelta64[s]"), IN_PERSON,
                 balance, estimate)


def _totals_through(event_group, events, group, day):
    """For each (group, day): the balance and the insurance estimate over the group's account events (their
    group in `event_group`: patient or family) dated on or before the day."""
    key = _day_key(event_group, events.day)
    order = np.argsort(key, kind="stable")
    key = key[order]
    last = np.searchsorted(key, _day_key(group, day), "right")
    first = np.searchsorted(key, group.astype(np.int64) * DAY_STEP, "left")
    running = [np.r_[0, np.cumsum(values[order])] for values in (events.balance, events.estimate)]
    return [total[last] - total[first] for total in running]


def write_statements(ctx, sent, nums, doc_nums):
    """Billing statements carry the payment slip and a family's intermingled transactions (the practice's
    default); receipts and walkouts hide the slip, a walkout shows one patient. E-mailed statements link to
    the statement online (ShortGUID and its URLs); the billing run sends no text (SmsSendStatus DoNotSend)."""
    rng = ctx.rng("statement-links")
    n = len(nums)
    billing, walkout, email = sent.kind == BILLING, sent.kind == WALKOUT, sent.mode == EMAIL
    guid = np.where(email, tokens(rng, n, SHORT_GUID_LENGTH), "")
    short_url = np.where(email, text(SHORT_URL, guid), "")
    ctx.out.copy("statement", {
        "StatementNum": nums, "PatNum": sent.patient, "DateSent": sent.day, "DateRangeFrom": sent.first_day,
        "DateRangeTo": sent.day, "Note": sent.note, "NoteBold": sent.bold, "Mode_": sent.mode,
        "HidePayment": ~billing, "SinglePatient": walkout, "Intermingled": ~walkout, "IsSent": True,
        "DocNum": doc_nums, "IsReceipt": sent.kind == RECEIPT, "IsInvoice": False, "IsInvoiceCopy": False,
        "IsBalValid": True, "ShowTransSinceBalZero": False,
        "EmailSubject": np.where(email, "Your statement from our dental office", ""),
        "EmailBody": np.where(email, text("Your account statement is ready. View and pay online: ", short_url), ""),
        "BalTotal": sent.balance / 100.0, "InsEst": sent.estimate / 100.0, "StatementType": "NotSet",
        "ShortGUID": guid, "StatementShortURL": short_url,
        "StatementURL": np.where(email, text(STATEMENT_URL, guid), ""),
        "SmsSendStatus": np.where(billing, AutoCommStatus.DO_NOT_SEND, AutoCommStatus.UNDEFINED),
        "LimitedCustomFamily": 0, "DateTStamp": sent.at,
    })


def archive_statements(ctx, sent, nums, doc_nums):
    """The PDF of each statement, filed under the statement's patient when it was produced."""
    ctx.out.copy("document", {
        "DocNum": doc_nums, "Description": np.array(STATEMENT_DOCUMENTS)[sent.kind], "DateCreated": sent.at,
        "DocCategory": defnum(DefCat.IMAGE_CATS, "Statements"), "PatNum": sent.patient,
        "FileName": text("STMT_", np.strings.replace(np.datetime_as_string(sent.day), "-", ""), "_", nums, ".pdf"),
        "ImgType": ImageType.DOCUMENT, "DateTStamp": sent.at,
    })


def _billing_runs(ctx):
    """The first business day from the 5th of every month of the window."""
    months = np.arange(ctx.start.astype("datetime64[M]"), ctx.today.astype("datetime64[M]") + 1)
    runs = open_day_offset(months.astype("datetime64[D]") + BILLING_DAY_OF_MONTH - 1, 0, roll="forward")
    return runs[(runs >= ctx.start) & (runs <= ctx.today)]


def _account_events(ctx, claims, lines):
    """Every change to an account: patient, day, balance change and insurance estimate change in cents:
    completed procedures charge; adjustments, patient payments and insurance payments with their write-offs
    settle, the supplemental payments of granted appeals on their check's day too; a claim line counts in the
    insurance estimate from its claim's creation until its EOB (OpenDental's balance and aging, DOMAIN.md 6)."""
    pr, fin = ctx.practice.clinical.procedures, ctx.practice.financial
    done = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (pr.fee_cents > 0) & (pr.date <= ctx.today))
    adjustments, splits = fin.adjustments, fin.payments.splits
    expected = lines.estimate + lines.write_off_estimate
    received = np.flatnonzero(lines.received)
    granted = np.flatnonzero(lines.supplemental)
    line_patient = pr.patient[lines.proc]
    events = [
        (pr.patient[done], pr.date[done], pr.fee_cents[done], 0),
        (adjustments.patient, adjustments.date, adjustments.amount, 0),
        (splits.patient, splits.date, -splits.amount, 0),
        (line_patient[received], lines.date_cp[received], -(lines.paid + lines.write_off)[received],
         -expected[received]),
        (line_patient[granted], claims.supplemental_day[lines.claim[granted]],
         -(lines.supplemental_paid + lines.supplemental_write_off)[granted], 0),
        (line_patient, claims.created[lines.claim], 0, expected),
    ]
    patient, day, balance, estimate = (np.concatenate([np.broadcast_to(e[i], len(e[0])) for e in events])
                                       for i in range(4))
    return SimpleNamespace(patient=patient, day=day, balance=balance, estimate=estimate)


def _families_owing(ctx, runs, events):
    """(family, billing run) pairs where the family owes after insurance, with its balance, estimate, and the
    number of statements it already received in a row (its notice)."""
    family = ctx.practice.patients.family[events.patient]
    run = np.searchsorted(runs, events.day, "left")  # the first billing run that sees the event
    seen = run < len(runs)
    key = family[seen].astype(np.int64) * (len(runs) + 1) + run[seen]
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = _group_starts(key)
    family, run = key[starts] // (len(runs) + 1), key[starts] % (len(runs) + 1)
    balance_change, estimate_change = (_sum_runs(v[seen][order], starts) for v in (events.balance, events.estimate))
    balance = cumsum_before(family, balance_change) + balance_change
    estimate = cumsum_before(family, estimate_change) + estimate_change
    last_of_family = np.r_[family[1:] != family[:-1], True]
    until = np.where(last_of_family, len(runs), np.r_[run[1:], 0])
    owes = np.flatnonzero(balance - estimate >= MIN_STATEMENT_CENTS)
    row, statement_run = _expand(run[owes], until[owes])
    state = owes[row]
    streak = np.cumsum(np.r_[True, (family[state][1:] != family[state][:-1]) | (np.diff(statement_run) != 1)])
    return SimpleNamespace(family=family[state], run=statement_run, balance=balance[state],
                           estimate=estimate[state], notice=rank_in_group(streak))


def _statement_production(ctx, nums, doc_nums, family, sent):
    """statementprod: the family's completed procedures (ProdType 0) and charges (positive adjustments,
    ProdType 1) dated in the statement's range, with the statement's archived PDF. No late charges
    (LateChargeAdjNum 0): the practice does not charge late fees."""
    pr, adjustments = ctx.practice.clinical.procedures, ctx.practice.financial.adjustments
    family_of = ctx.practice.patients.family
    done = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (pr.fee_cents > 0) & (pr.date <= ctx.today))
    charges = np.flatnonzero(adjustments.amount > 0)
    items = [(StatementProdType.PROCEDURE, pr.nums[done], family_of[pr.patient[done]], pr.date[done]),
             (StatementProdType.ADJUSTMENT, adjustments.nums[charges], family_of[adjustments.patient[charges]],
              adjustments.date[charges])]
    statement, fkey, prod_type = [], [], []
    for kind, item_nums, item_family, item_date in items:
        found, item = _items_in_range(family, sent - STATEMENT_DAYS, sent, item_family, item_date)
        statement.append(found)
        fkey.append(item_nums[item])
        prod_type.append(np.full(len(found), kind))
    statement, fkey, prod_type = (np.concatenate(v) for v in (statement, fkey, prod_type))
    ctx.out.copy("statementprod", {
        "StatementProdNum": ctx.ids.take("statementprod", len(statement)), "StatementNum": nums[statement],
        "FKey": fkey, "ProdType": prod_type, "DocNum": doc_nums[statement], "LateChargeAdjNum": 0,
    })


def _items_in_range(family, first, last, item_family, item_date):
    """(statement, item) pairs where the item belongs to the statement's family and is dated first..last."""
    keys = _day_key(item_family, item_date)
    order = np.argsort(keys, kind="stable")
    statement, position = _expand(np.searchsorted(keys[order], _day_key(family, first), "left"),
                                  np.searchsorted(keys[order], _day_key(family, last), "right"))
    return statement, order[position]
