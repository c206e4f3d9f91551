"""What the office fills in on a claim besides the money: the claim form, accident details, the prosthesis
question, attachments with their narrative, the predetermination number, remarks, and the follow-up columns
(claims.py decides the follow-up).

Columns are per claim set; a secondary claim repeats the accident details of its primary.
"""
import numpy as np

from core.arrays import run_starts
from core.randomness import weighted_choice
from opendental.codes import YN, ClaimType
from opendental.definitions import DefCat, defnums

from ..data import read_table
from ..parameters import parameter
from ..timeline import NO_DATE
from .claims import group_any

CLAIM_FORM = "ADA 2019"          # the practice's default claim form (generators/data/billing_claim_forms.csv)
ACCIDENT_SHARE = parameter("financial.paperwork.accident_share")
ACCIDENTS = (("O", 0.75), ("A", 0.25))  # claim.AccidentRelated: other accident (a fall, sports), auto accident
ACCIDENT_NOTES = {"O": "Injured in a fall on {:%m/%d/%Y}", "A": "Injured in an auto accident on {:%m/%d/%Y}"}
PREAUTH_SHARE = parameter("financial.paperwork.preauth_share")
CROWN_AND_BRIDGE, DENTURES, IMPLANTS, ENDO = defnums(DefCat.PROC_CODE_CATS, "Crown & Bridge", "Dentures", "Implants",
                                                     "Endo")
MAJOR_CATEGORIES = (CROWN_AND_BRIDGE, DENTURES, IMPLANTS)
ATTACHED_SHARE = parameter("financial.paperwork.attached_share")
# Why a claim needs an attachment, most specific first: (procedure categories, codes, AttachedFlags, narrative).
ATTACHMENT_REASONS = (
    ((IMPLANTS,), (), "Elect,Misc",
     "Tooth #{tooth} missing, replaced with an implant. Pre-op panoramic x-ray attached."),
    ((CROWN_AND_BRIDGE,), (), "Elect,Misc",
     "Tooth #{tooth} has a fractured cusp and a large failing restoration; crown needed. "
     "Pre-op x-ray and intraoral photo attached."),
    ((ENDO,), (), "Elect,Misc", "Tooth #{tooth}: irreversible pulpitis, periapical radiolucency. Pre-op PA attached."),
    ((), ("D4341", "D4342"), "Elect,Perio", "Pocket depths of 5-7 mm with bleeding on probing and radiographic "
                                            "bone loss. Perio charting and full-mouth x-rays attached."),
    ((), ("D7210", "D7220", "D7230", "D7240", "D7250"), "Elect,Misc",
     "Tooth #{tooth} non-restorable, surgical removal required. Pre-op PA attached."),
    ((DENTURES,), (), "Elect,Misc", "No prior prosthesis; missing teeth charted. Panoramic x-ray attached."),
)


def claim_form_num():
    """billing.py numbers the claim forms 1, 2, 3... in the order of generators/data/billing_claim_forms.csv."""
    return 1 + [form["Description"] for form in read_table("billing_claim_forms")].index(CLAIM_FORM)


def accidents(ctx, claim_sets):
    """Some emergency visits (a limited exam) treat an accident's injuries: claim.AccidentRelated, the accident's
    date (the day of the visit or just before) and, for a car accident, the state it happened in (the patient's)."""
    rng = ctx.rng("claim-accidents")
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    primary, secondary = claim_sets
    c = primary.claims
    n = len(c.first)
    emergency = group_any(pr.code[primary.proc] == codes.index["D0140"], primary.claim, n)
    c.accident = np.where(emergency & (rng.random(n) < ACCIDENT_SHARE), weighted_choice(rng, ACCIDENTS, n), "")
    c.accident_day = np.where(c.accident != "", c.service - rng.integers(0, 3, n).astype("timedelta64[D]"), NO_DATE)
    secondary.claims.accident = c.accident[secondary.claims.primary_claim]
    secondary.claims.accident_day = c.accident_day[secondary.claims.primary_claim]


def columns(ctx, lines):
    """The claim columns of one claim set (accidents() has run)."""
    rng = ctx.rng(f"claim-paperwork-{lines.claims.type}")
    c = lines.claims
    n = len(c.first)
    state = ctx.practice.patients.details["State"][c.patient]
    origin = np.where(c.corrected, rng.integers(10**12, 10**13, n).astype(str), "")
    return {
        "ClaimForm": claim_form_num(), "EmployRelated": YN.NO,  # OpenDental writes No on every new claim
        "AccidentRelated": c.accident, "AccidentDate": c.accident_day,
        "AccidentST": np.where(c.accident == "A", state, ""),
        **_prosthesis(ctx, lines),
        **_attachments(ctx, rng, lines),
        "PreAuthString": _predeterminations(ctx, rng, lines),
        "CustomTracking": c.tracking, "DateResent": c.resent, "CorrectionType": c.corrected, "OrigRefNum": origin,
        "ClaimNote": _notes(c, origin),
    }


def _prosthesis(ctx, lines):
    """ADA claim form "replacement of prosthesis?": a claim with the replacement of a crown, bridge or denture
    (procedurelog.Prosthesis 'R') says R and the date the original was placed (PriorDate); one with an initial
    placement says I, the others N."""
    pr = ctx.practice.clinical.procedures
    n = len(lines.claims.first)
    kind = pr.prosthesis[lines.proc]
    replaced = kind == "R"
    prior = np.full(n, NO_DATE)
    np.maximum.at(prior, lines.claim[replaced], pr.original_prosth[lines.proc[replaced]])
    initial = group_any(kind == "I", lines.claim, n)
    return {"IsProsthesis": np.where(prior != NO_DATE, "R", np.where(initial, "I", "N")), "PriorDate": prior}


def _attachments(ctx, rng, lines):
    """Carriers want x-rays, photos or perio charts with major, endodontic, perio and surgical claims: most are
    sent with them electronically, an attachment ID and a narrative. A secondary claim carries the primary's EOB."""
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    c = lines.claims
    n = len(c.first)
    code = pr.code[lines.proc]
    none = len(ATTACHMENT_REASONS)
    reason = np.full(len(lines.proc), none)
    for rank, (categories, code_list, _, _) in reversed(list(enumerate(ATTACHMENT_REASONS))):
        needs = np.isin(codes.category[code], categories) | np.isin(codes.code[code], code_list)
        reason = np.where(needs, rank, reason)
    order = np.lexsort((reason, lines.claim))
    first = order[run_starts(lines.claim[order])]  # per claim, its neediest line
    clinical = (reason[first] < none) & (c.type == ClaimType.PRIMARY) & (rng.random(n) < ATTACHED_SHARE)
    eob = np.full(n, c.type == ClaimType.SECONDARY) & (c.sent != NO_DATE)
    flags = np.array([r[2] for r in ATTACHMENT_REASONS] + [""], dtype=object)[reason[first]]
    narrative = np.full(n, "", dtype=object)
    narrative[clinical] = [ATTACHMENT_REASONS[r][3].format(tooth=t) for r, t in
                           zip(reason[first][clinical].tolist(), pr.tooth[lines.proc[first]][clinical].tolist())]
    return {
        "AttachedFlags": np.where(clinical, flags, np.where(eob, "Elect,EoB", "")),
        "AttachedImages": np.where(clinical, rng.integers(1, 4, n), 0),
        "AttachmentID": np.where(clinical | eob, np.char.add("NEA#", rng.integers(10**6, 10**7, n).astype(str)), ""),
        "Narrative": narrative,
    }


def _predeterminations(ctx, rng, lines):
    """Major work on a primary claim often went to the carrier for a predetermination first; the claim quotes
    its number (box 2 of the ADA form)."""
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    c = lines.claims
    n = len(c.first)
    major = group_any(np.isin(codes.category[pr.code[lines.proc]], MAJOR_CATEGORIES), lines.claim, n)
    asked = major & (c.type == ClaimType.PRIMARY) & (rng.random(n) < PREAUTH_SHARE)
    return np.where(asked, rng.integers(10**10, 10**11, n).astype(str), "")


def _notes(c, origin):
    """Remarks for the carrier: a corrected claim names the claim it replaces, a resent one why, an accident how."""
    notes = np.full(len(c.first), "", dtype=object)
    accident = c.accident != ""
    notes[accident] = [ACCIDENT_NOTES[kind].format(day) for kind, day in
                       zip(c.accident[accident].tolist(), c.accident_day[accident].tolist())]
    notes[c.lost] = [f"Resubmission - the carrier had no record of the claim sent {day:%m/%d/%Y}"
                     for day in c.sent[c.lost].tolist()]
    notes[c.corrected] = [f"Corrected claim - replaces payer claim {number}, tooth number corrected"
                          for number in origin[c.corrected].tolist()]
    return notes
