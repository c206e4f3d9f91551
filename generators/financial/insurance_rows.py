"""The rows of claim, claimproc and claimpayment, from the adjudicated lines of claims.py."""
import numpy as np

from core.arrays import lookup, take_rows
from core.randomness import weighted_choice
from opendental.codes import ClaimProcStatus, ClaimType
from opendental.definitions import DefCat, defnum, defnums

from ..parameters import parameter
from ..timeline import NO_DATE, stamp
from . import paperwork
from .claims import claim_totals, group_any

CHECK, EFT = defnums(DefCat.INSURANCE_PAYMENT_TYPE, "Check", "EFT")
CHECK_PAY_TYPES = ((CHECK, 0.55), (EFT, 0.45))
EXAMS_AND_XRAYS = defnum(DefCat.PROC_CODE_CATS, "Exams & Xrays")  # the claim counts its radiographs
BLANK = -1  # OpenDental's "no override" in claimproc money columns
PARTIAL_DAYS = 7  # checks of the last PARTIAL_DAYS may still be being posted
PARTIAL_SHARE = parameter("financial.insurance_rows.partial_share")
# Claim adjustment reason codes an ERA (835) gives a line: contractual write-off, deductible, coinsurance,
# benefit maximum / frequency, non-covered charge (a service the plan does not cover, or not yet: inside its
# waiting period); a denial gives the reason of its denial (claimproc.ClaimPaymentTracking).
CARC_WRITE_OFF, CARC_DEDUCTIBLE, CARC_COINSURANCE, CARC_MAXIMUM, CARC_NOT_COVERED = "45", "1", "2", "119", "96"
DENIAL_CARC = {"Frequency limitation": CARC_MAXIMUM, "Missing tooth clause": CARC_NOT_COVERED,
               "Waiting period": CARC_NOT_COVERED, "Not a covered benefit": CARC_NOT_COVERED,
               "Annual maximum met": CARC_MAXIMUM, "Needs x-rays / narrative": "16"}


def _working_hours(rng, days):
    return stamp(days, rng.integers(8 * 3600, 17 * 3600, len(days)))


def _dollars(cents):
    return cents / 100.0


def number_claims(ctx, claim_sets):
    """ClaimNums rise with the date each claim was created (service date; a secondary when it was made)."""
    created = np.concatenate([l.claims.service for l in claim_sets])
    nums = np.empty(len(created), dtype=np.int64)
    nums[np.argsort(created, kind="stable")] = ctx.ids.take("claim", len(created))
    start = 0
    for lines in claim_sets:
        lines.claims.nums = nums[start:start + len(lines.claims.first)]
        start += len(lines.claims.first)


def write_claims(ctx, lines):
    rng = ctx.rng(f"claim-rows-{lines.claims.type}")
    pr, ins, pt = ctx.practice.clinical.procedures, ctx.practice.insurance, ctx.practice.patients
    c = lines.claims
    totals = claim_totals(lines)
    n = len(c.first)
    first_proc = lines.proc[c.first]
    patient = c.patient
    secondary = c.type == ClaimType.SECONDARY
    other = (ins.primary_on if secondary else ins.secondary_on)(patient, c.service)
    other_plan = np.where(other >= 0, ins.plans.nums[np.maximum(other, 0)], 0)
    other_sub = np.where(other >= 0, ins.subscription(patient, other, c.service)[0], 0)
    relat = (ins.secondary_relationship if secondary else ins.relationship)[patient]
    other_relat = (ins.relationship if secondary else ins.secondary_relationship)[patient]
    created = c.service if not secondary else np.where(c.sent != NO_DATE, c.sent, ctx.today)
    edited = np.maximum(np.maximum(c.sent, c.received), created)
    radiographs = np.zeros(n, dtype=np.int64)
    np.add.at(radiographs, lines.claim, ctx.practice.codes.category[pr.code[lines.proc]] == EXAMS_AND_XRAYS)
    billing_user = ctx.practice.users.billing[rng.integers(0, len(ctx.practice.users.billing), n)]
    ctx.out.copy("claim", {
        "ClaimNum": c.nums, "PatNum": pt.nums[patient], "DateService": c.service, "DateSent": c.sent,
        "ClaimStatus": c.status, "DateReceived": c.received, "PlanNum": ins.plans.nums[c.plan],
        "ProvTreat": pr.prov[first_proc], "ClaimFee": _dollars(totals.fee), "InsPayEst": _dollars(totals.estimate),
        "InsPayAmt": _dollars(totals.paid), "DedApplied": _dollars(totals.deductible),
        "ClaimType": c.type,
        "ProvBill": pr.prov[first_proc], "PlaceService": 0,
        "PatRelat": np.maximum(relat, 0), "PlanNum2": other_plan, "PatRelat2": np.where(other_plan > 0, other_relat, 0),
        "WriteOff": _dollars(totals.write_off), "Radiographs": np.minimum(radiographs, 50),
        "ClinicNum": pr.clinic[first_proc], "InsSubNum": ins.subscription(patient, c.plan, c.service)[0],
        "InsSubNum2": other_sub, "ClaimIdentifier": [f"{p}/{n}" for p, n in zip(pt.nums[patient].tolist(), c.nums.tolist())],
        "ReasonUnderPaid": np.where(group_any(lines.underpaid, lines.claim, n), "Paid per fee schedule / frequency", ""),
        "SecUserNumEntry": billing_user, "SecDateEntry": created, "SecDateTEdit": _working_hours(rng, edited),
        "DateSentOrig": c.sent, "OrthoRemainM": False, "OrthoTotalM": False, "IsOrtho": False, "IsOutsideLab": False,
        **paperwork.columns(ctx, lines),
    })


def write_claimprocs(ctx, claim_sets, checks, estimate_sets):
    """Claim lines (status 0 / 1) first, then the supplemental payments of granted appeals (status 4) and the
    estimates (status 6), in one table."""
    for lines in claim_sets:
        ctx.out.copy("claimproc", _claim_lines(ctx, lines, checks))
    for lines in claim_sets:
        ctx.out.copy("claimproc", _supplemental_lines(ctx, lines, checks))
    for est in estimate_sets:
        ctx.out.copy("claimproc", _estimate_lines(ctx, est))


def _common(ctx, proc, plan, money, patient_plan_sub):
    pr, ins, pt, codes = (ctx.practice.clinical.procedures, ctx.practice.insurance, ctx.practice.patients,
                          ctx.practice.codes)
    return {
        "ProcNum": pr.nums[proc], "PatNum": pt.nums[pr.patient[proc]], "ProvNum": pr.prov[proc],
        "FeeBilled": _dollars(money.fee), "PlanNum": ins.plans.nums[plan], "CodeSent": codes.code[pr.code[proc]],
        "AllowedOverride": BLANK, "Percentage": money.percent, "PercentOverride": BLANK, "CopayAmt": BLANK,
        "CopayOverride": BLANK, "BaseEst": _dollars(money.base), "ProcDate": pr.date[proc],
        "DedEst": _dollars(money.deductible), "DedEstOverride": BLANK, "InsEstTotal": _dollars(money.estimate),
        "InsEstTotalOverride": BLANK, "PaidOtherInsOverride": BLANK,
        "WriteOffEst": np.where(ins.plans.is_ppo[plan], _dollars(money.write_off), BLANK),
        "WriteOffEstOverride": BLANK, "ClinicNum": pr.clinic[proc], "InsSubNum": patient_plan_sub,
        "EstimateNote": np.select([money.percent == 0, money.waiting, money.limited, money.estimate < money.base,
                                   money.paid_as >= 0],
                                  ["Not covered", "Waiting period", "Frequency or age limitation", "Over annual max",
                                   np.char.add("Alternate benefit: ", codes.code[np.maximum(money.paid_as, 0)])], ""),
    }


def _claim_lines(ctx, lines, checks):
    rng = ctx.rng(f"claimproc-rows-{lines.claims.type}")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    c = lines.claims
    n = len(lines.proc)
    received = lines.status == ClaimProcStatus.RECEIVED
    check = c.check[lines.claim]
    check_date = np.where(received, lookup(checks.date, check, NO_DATE), NO_DATE)
    sub = ins.subscription(pr.patient[lines.proc], lines.plan, pr.date[lines.proc])[0]
    entered = np.where(received, check_date, pr.date[lines.proc])
    denial = np.array(defnums(DefCat.CLAIM_PAYMENT_TRACKING), dtype=np.int64)
    named = ctx.practice.defs.names
    names = np.array([named[num] for num in denial.tolist()], dtype=object)
    denial_pick = _denial_reasons(lines.money, names, rng.integers(0, len(denial), n))
    denial_name = names[denial_pick]
    denial_code = np.array([DENIAL_CARC[named[num]] for num in denial.tolist()], dtype=object)[denial_pick]
    lines.claimproc_nums = ctx.ids.take("claimproc", n)
    return {
        **_common(ctx, lines.proc, lines.plan, lines.money, sub),
        "ClaimProcNum": lines.claimproc_nums, "ClaimNum": c.nums[lines.claim],
        "InsPayEst": _dollars(lines.money.estimate), "DedApplied": _dollars(lines.money.deductible),
        "Status": lines.status, "InsPayAmt": _dollars(lines.paid),
        "Remarks": np.where(lines.denied, "Denied - " + denial_name, ""),
        "ClaimPaymentNum": np.where(received, lookup(checks.nums, check, 0), 0),
        "DateCP": np.where(received, check_date, pr.date[lines.proc]), "WriteOff": _dollars(lines.write_off),
        "PaidOtherIns": _dollars(lines.paid_other), "DateEntry": entered, "LineNumber": lines.line,
        "PaymentRow": np.where(received, 1, 0),
        "ClaimPaymentTracking": np.where(lines.denied, denial[denial_pick], 0),
        "ClaimAdjReasonCodes": np.where(received & lookup(checks.electronic, check, False),
                                        _reason_codes(lines, denial_code), ""),
        "SecUserNumEntry": ctx.practice.users.billing[rng.integers(0, len(ctx.practice.users.billing), n)],
        # the line is the estimate made when the work was planned, attached to the claim later
        "SecDateEntry": pr.date_tp[lines.proc],
        "SecDateTEdit": _working_hours(rng, np.maximum(entered, pr.date[lines.proc])),
        "DateInsFinalized": check_date,
    }


def _denial_reasons(money, names, drawn):
    """Why each line would be denied (an index into `names`, the claim payment tracking reasons): the plan rule
    the line ran into, else the reason `drawn`."""
    reason = {name: index for index, name in enumerate(names.tolist())}
    return np.select([money.waiting, money.percent == 0, money.limited, money.estimate < money.base],
                     [reason["Waiting period"], reason["Not a covered benefit"], reason["Frequency limitation"],
                      reason["Annual maximum met"]], drawn)


def _reason_codes(lines, denial_code):
    """The claim adjustment reason codes an ERA (835) gives each line: why it paid less than the fee (119 for a
    benefit maximum or frequency reached, 96 for a service not covered or inside its waiting period); for a
    denied line, the code of its denial reason."""
    money = lines.money
    not_covered = money.waiting | (money.percent == 0)
    reasons = ((lines.write_off > 0, CARC_WRITE_OFF), (money.deductible > 0, CARC_DEDUCTIBLE),
               ((money.percent < 100) & ~not_covered, CARC_COINSURANCE),
               (lines.underpaid | (money.limited & ~not_covered) | (money.estimate < money.base), CARC_MAXIMUM),
               (not_covered, CARC_NOT_COVERED))
    combination = sum(flag.astype(np.int64) << bit for bit, (flag, _) in enumerate(reasons))
    spelled = np.array([",".join(code for bit, (_, code) in enumerate(reasons) if k >> bit & 1)
                        for k in range(1 << len(reasons))], dtype=object)
    return np.where(lines.denied, denial_code, spelled[combination])


def _supplemental_lines(ctx, lines, checks):
    """A granted appeal: a new claimproc (status 4) on the claim carrying the payment and its write-off."""
    rng = ctx.rng(f"claimproc-supplemental-{lines.claims.type}")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    c = lines.claims
    rows = np.flatnonzero(lines.supplemental)
    proc = lines.proc[rows]
    day = checks.date[c.supplemental_check[lines.claim[rows]]]
    sub = ins.subscription(pr.patient[proc], lines.plan[rows], pr.date[proc])[0]
    return {
        **_common(ctx, proc, lines.plan[rows], take_rows(lines.money, rows), sub),
        "ClaimProcNum": ctx.ids.take("claimproc", len(rows)), "ClaimNum": c.nums[lines.claim[rows]],
        "FeeBilled": 0.0, "InsPayEst": 0.0, "Status": ClaimProcStatus.SUPPLEMENTAL,
        "InsPayAmt": _dollars(lines.supplemental_paid[rows]), "WriteOff": _dollars(lines.supplemental_write_off[rows]),
        "Remarks": "Appeal approved", "ClaimPaymentNum": checks.nums[c.supplemental_check[lines.claim[rows]]],
        "DateCP": day, "DateEntry": day, "DateSuppReceived": day, "DateInsFinalized": day,
        "LineNumber": lines.line[rows], "PaymentRow": 2, "PaidOtherIns": _dollars(lines.paid_other[rows]),
        "SecUserNumEntry": ctx.practice.users.billing[rng.integers(0, len(ctx.practice.users.billing), len(rows))],
        "SecDateEntry": day, "SecDateTEdit": _working_hours(rng, day),
    }


def _estimate_lines(ctx, est):
    rng = ctx.rng("claimproc-estimates")
    pr, ins = ctx.practice.clinical.procedures, ctx.practice.insurance
    n = len(est.proc)
    patient = pr.patient[est.proc]
    plan_sub = ins.subscription(patient, est.plan, pr.date[est.proc])[0]
    planned = pr.date_tp[est.proc]
    return {
        **_common(ctx, est.proc, est.plan, est.money, plan_sub),
        "ClaimProcNum": ctx.ids.take("claimproc", n), "ClaimNum": 0, "InsPayEst": _dollars(est.money.estimate),
        "Status": ClaimProcStatus.ESTIMATE, "DateCP": pr.date[est.proc], "WriteOff": 0.0,
        "PaidOtherIns": _dollars(est.paid_other),
        "NoBillIns": est.no_bill,
        "DateEntry": planned, "SecDateEntry": planned,
        "SecUserNumEntry": ctx.practice.users.front_desk[rng.integers(0, len(ctx.practice.users.front_desk), n)],
        "SecDateTEdit": _working_hours(rng, np.minimum(planned, ctx.today)),
    }


def number_checks(ctx, checks):
    """Number the checks; how each was paid (paper check or EFT) and whether it is still being posted (IsPartial)."""
    rng = ctx.rng("claimpayment-rows")
    n = checks.n
    checks.nums = ctx.ids.take("claimpayment", n)
    checks.pay_type = weighted_choice(rng, CHECK_PAY_TYPES, n)
    checks.electronic = checks.pay_type == EFT
    checks.check_num = np.where(checks.electronic, np.char.add("EFT", rng.integers(10**8, 10**9, n).astype(str)),
                                rng.integers(100000, 999999, n).astype(str))
    recent = checks.date > ctx.today - PARTIAL_DAYS
    checks.partial = recent & (ctx.rng("claimpayment-partial").random(n) < PARTIAL_SHARE)


def write_claimpayments(ctx, checks):
    """claimpayment rows; deposits.py has set checks.deposit (DepositNum or 0)."""
    rng = ctx.rng("claimpayment-entry")
    plans = ctx.practice.insurance
    n = checks.n
    carrier_index = np.searchsorted(plans.carriers.nums, checks.carrier)
    electronic = checks.electronic
    ctx.out.copy("claimpayment", {
        "ClaimPaymentNum": checks.nums, "CheckDate": checks.date, "CheckAmt": _dollars(checks.amount),
        "CheckNum": checks.check_num,
        "BankBranch": np.where(electronic, "", rng.integers(1000, 9999, n).astype(str)),
        "CarrierName": plans.carriers.names[carrier_index], "DateIssued": checks.issued, "IsPartial": checks.partial,
        "PayType": checks.pay_type, "ClinicNum": ctx.practice.clinics[0], "DepositNum": checks.deposit,
        "Note": np.where(checks.pays_appeal, "Appeal approved - supplemental payment",
                         np.where(checks.partial, "Partial - EOB not fully posted yet", "")),
        "PayGroup": np.where(electronic, *defnums(DefCat.CLAIM_PAYMENT_GROUPS, "Electronic", "Paper check")),
        "SecUserNumEntry": ctx.practice.users.billing[rng.integers(0, len(ctx.practice.users.billing), n)],
        "SecDateEntry": checks.date, "SecDateTEdit": _working_hours(rng, checks.date),
    })
