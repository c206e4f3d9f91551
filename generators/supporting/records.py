"""Supporting: the clinical record around the procedures (DOMAIN.md 5.4); the tooth chart and perio charting
are charting.py's.

  treatplan, proctp, treatplanattach, treatplanparam
      the plan saved at each exam that found work: every procedure charted that day (ProcStatus 1, or 2 once
      done from the plan) on one plan per patient and exam day, with the fee and insurance estimate as
      presented; the patient signs the plans they accept (on a Topaz pad at the coordinator's desk or at
      chairs that have one) and types their name, the guarantor's for a minor; the examining dentist
      countersigns some; OpenDental saves each signed plan to PDF (the document is reserved here: treatplan.DocNum)
  procmultivisit  crowns, bridges, dentures, root canals and implants (procedurecode.IsMultiVisit) grouped
      with the plan's other work on the same tooth; a group is in process while part of it is done
  procedurelog (group notes), procgroupitem
      at some visits of several procedures the provider writes one group note: a "~GRP~" procedure (status
      EC, on the visit's day, not on the appointment), linked to each procedure it covers
  procnote        the signed clinical note of every completed procedure (but a few never written up), written
      after the visit by the procedure's provider; a group note replaces the notes of its procedures; some
      notes are edited later (a new row with an addendum); signed on the Topaz pad of the visit's chair where it
      has one

Hands over ctx.practice.records (handover.Records): the signed treatment plans OpenDental saved to PDF.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import group_sum, rank_in_group, sorted_by
from core.randomness import weighted_choice
from opendental.codes import ProcStatus
from opendental.definitions import DefCat, defnum

from ..clinical.procedures import user_of
from ..context import RunContext
from ..data import read_table
from ..formatting import signature_hashes
from ..foundation import STAFF_ROLES
from ..handover import Records, SignedPlans
from ..parameters import parameter, parameters
from ..rows import chunks, completed_appointment, day_key, row_of, spans
from ..timeline import NO_DATE, NO_TIME, open_day_offset, random_minutes, stamp
from .charting import ADULT_AGE, BLANK, EXAM_CODES, perio_charts, tooth_chart

# procedurecode.IsMultiVisit (set by the foundation on these codes)
MULTI_VISIT_CODES = ("D2740", "D2750", "D2790", "D3310", "D3320", "D3330", "D6010", "D6058", "D6065", "D5110",
                     "D5120")
HEADINGS = (("Treatment Plan", 0.55), ("Proposed Treatment Plan", 0.25), ("Phase 1", 0.1),
            ("Restorative Treatment Plan", 0.1))
PLAN_NOTES = (("Insurance estimates are not a guarantee of payment. Fees quoted are valid for 6 months.", 0.7),
              ("Estimate based on current benefits; remaining maximum may change.", 0.15),
              ("Pt to call to schedule. Financing options (Care Credit) discussed.", 0.1),
              ("Pt wants to phase treatment over two benefit years.", 0.05))
COORDINATOR_SHARE, SIGNED_SHARE, PRACTICE_SIGNED_SHARE, TOPAZ_CHAIR_SHARE = parameters(
    "supporting.records.coordinator_share", "supporting.records.signed_share",
    "supporting.records.practice_signed_share", "supporting.records.topaz_chair_share")
DISPLAY_FLAGS = {"ShowDiscount": 0.9, "ShowMaxDed": 0.85, "ShowSubTotals": 0.95, "ShowTotals": 0.98,
                 "ShowCompleted": 0.3, "ShowFees": 0.97, "ShowIns": 0.9}  # treatplanparam: share shown
GROUP_NOTE_SHARE = parameter("supporting.records.group_note_share")
UNWRITTEN_NOTE_SHARE = parameter("supporting.records.unwritten_note_share")
SIGNED_NOTE_SHARE = parameter("supporting.records.signed_note_share")
EDITED_NOTE_SHARE = parameter("supporting.records.edited_note_share")
NOTE_KIND_BY_CODE = {"D2950": "buildup", "D6010": "implant_surgery", "D7953": "graft", "D9110": "palliative",
                     "D1110": "prophy", "D1120": "prophy"}
NOTE_KIND_BY_CATEGORY = {defnum(DefCat.PROC_CODE_CATS, category): kind for category, kind in (
    ("Exams & Xrays", "exam"), ("Cleanings", "preventive"), ("Sealants", "preventive"), ("Fillings", "filling"),
    ("Endo", "endo"), ("Perio", "perio"), ("Crown & Bridge", "crown"), ("Dentures", "denture"),
    ("Implants", "implant_restoration"), ("Oral Surgery", "extraction"))}


def office(ctx: RunContext) -> None:
    """The office's treatment plans, procedure notes, tooth charts and perio charts."""
    plans = saved_plans(ctx)
    user, signed_pdfs = treatment_plans(ctx, plans)
    ctx.practice.records = Records(signed_plans=SignedPlans(**vars(signed_pdfs)))
    plan_procedures(ctx, plans, user)
    multi_visit_groups(ctx, plans)
    notes = group_notes(ctx)
    procedure_notes(ctx, notes)
    missing = tooth_chart(ctx)
    perio_charts(ctx, missing)


def code_descriptions():
    return np.array([r["description"] for r in read_table("procedure_codes")], dtype=object)


def saved_plans(ctx):
    """The plans saved at exams: procedures charted (DateTP) on a day the patient had an exam, still planned or
    done later from the plan. Returns the procedures (sorted by plan) with their plan, and per plan the patient,
    the day, the examining dentist, when it was saved (after the exam visit), whether the patient accepted any of
    it and its total fee."""
    rng = ctx.rng("treatplan-saved")
    pr, codes, ap = ctx.practice.clinical.procedures, ctx.practice.codes, ctx.practice.clinical.appointments
    is_exam = np.isin(codes.code[pr.code], EXAM_CODES)
    exam = np.flatnonzero(is_exam & (pr.status == ProcStatus.COMPLETE))
    exam_keys, first = np.unique(day_key(pr.patient[exam], pr.date[exam]), return_index=True)
    planned_before = np.isin(pr.status, (ProcStatus.TREATMENT_PLANNED, ProcStatus.COMPLETE)) & ~is_exam & \
        ((pr.status == ProcStatus.TREATMENT_PLANNED) | (pr.date_tp < pr.date))
    key = day_key(pr.patient, pr.date_tp)
    proc = np.flatnonzero(planned_before & np.isin(key, exam_keys))
    plan_keys, plan = np.unique(key[proc], return_inverse=True)
    order = sorted_by(plan, proc)
    proc, plan = proc[order], plan[order]
    exam_visit = completed_appointment(ctx, exam[first][np.searchsorted(exam_keys, plan_keys)])
    n = len(plan_keys)
    accepted = np.zeros(n, dtype=bool)
    np.logical_or.at(accepted, plan, pr.status[proc] == ProcStatus.COMPLETE)
    first_proc = proc[np.r_[0, np.flatnonzero(np.diff(plan)) + 1]] if len(proc) else proc
    saved = ap.dismissed[exam_visit] + random_minutes(rng, 1, 15, n)
    nums = np.empty(n, dtype=np.int64)
    nums[np.argsort(saved, kind="stable")] = ctx.ids.take("treatplan", n)  # numbered in the order saved
    return SimpleNamespace(proc=proc, plan=plan, n=n, nums=nums, patient=pr.patient[first_proc],
                           day=pr.date_tp[first_proc], dentist=ap.prov[exam_visit], accepted=accepted, saved=saved,
                           visit=exam_visit, fee_cents=group_sum(plan, pr.fee_cents[proc], n))


def treatment_coordinators(users):
    """Logins of the treatment coordinators: the foundation gives every employee a login, in STAFF_ROLES order,
    after the admin's and the providers'."""
    staff = users.nums[1 + len(users.by_provider):]
    return staff[np.resize(np.array(STAFF_ROLES), len(staff)) == "Treatment Coordinator"]


def topaz_pads(ctx):
    """Whether each appointment row's chair has a Topaz signature pad: OpenDental stores what is signed on one
    with SigIsTopaz (the other chairs sign on the screen)."""
    ops = ctx.practice.operatories.nums
    has_pad = np.zeros(len(ops), dtype=bool)
    has_pad[ctx.rng("operatory-topaz").permutation(len(ops))[:max(1, round(TOPAZ_CHAIR_SHARE * len(ops)))]] = True
    op = row_of(ops, ctx.practice.clinical.appointments.op)
    return has_pad[op] & (op >= 0)


def signer_names(ctx, patient, day):
    """The name typed under a patient's signature: the patient's, or the guarantor's for a minor."""
    pt = ctx.practice.patients
    minor = (day - pt.birth[patient]).astype(int) < ADULT_AGE * 365.25
    signer = np.where(minor, row_of(pt.nums, pt.guarantor[patient]), patient)
    return pt.details["FName"][signer] + " " + pt.details["LName"][signer]


def treatment_plans(ctx, plans):
    """treatplan and treatplanparam rows; returns the user who presented (and saved) each plan, and the signed
    plans saved to PDF. A coordinator's patient signs on the Topaz pad at the coordinator's desk, a dentist's at
    the chair; the dentist who examined the patient countersigns some, typing their name."""
    rng = ctx.rng("treatplan")
    pt, users = ctx.practice.patients, ctx.practice.users
    n = plans.n
    user = user_of(users, plans.dentist)
    coordinators = treatment_coordinators(users)
    by_coordinator = np.zeros(n, dtype=bool)
    if len(coordinators):
        by_coordinator = rng.random(n) < COORDINATOR_SHARE
        user = np.where(by_coordinator, coordinators[rng.integers(0, len(coordinators), n)], user)
    signed = plans.accepted & (rng.random(n) < SIGNED_SHARE)
    practice_signed = signed & (rng.random(n) < PRACTICE_SIGNED_SHARE)
    signed_at = plans.saved + random_minutes(rng, 1, 10, n)
    practice_signed_at = signed_at + random_minutes(rng, 1, 30, n)
    last_signed = np.where(practice_signed, practice_signed_at, np.where(signed, signed_at, plans.saved))
    pdf = np.flatnonzero(signed)  # the practice saves signed plans to PDF (TreatPlanSaveSignedToPdf)
    doc_num = np.zeros(n, dtype=np.int64)
    doc_num[pdf] = ctx.ids.take("document", len(pdf))
    ctx.out.copy("treatplan", {
        "TreatPlanNum": plans.nums, "PatNum": pt.nums[plans.patient], "DateTP": plans.day,
        "Heading": weighted_choice(rng, HEADINGS, n), "Note": weighted_choice(rng, PLAN_NOTES, n),
        "Signature": np.where(signed, signature_hashes(rng, n), ""),
        "SigIsTopaz": signed & (by_coordinator | topaz_pads(ctx)[plans.visit]),
        "SignatureText": np.where(signed, signer_names(ctx, plans.patient, plans.day), ""),
        "ResponsParty": pt.guarantor[plans.patient], "DocNum": doc_num, "TPStatus": 0, "TPType": False,
        "SecUserNumEntry": user, "SecDateEntry": plans.day, "SecDateTEdit": last_signed,
        "UserNumPresenter": user, "SignaturePractice": np.where(practice_signed, signature_hashes(rng, n), ""),
        "SignaturePracticeText": np.where(practice_signed, dentist_signatures(ctx, plans.dentist), ""),
        "DateTSigned": np.where(signed, signed_at, NO_TIME),
        "DateTPracticeSigned": np.where(practice_signed, practice_signed_at, NO_TIME), "MobileAppDeviceNum": 0,
    })
    insured = ctx.practice.insurance.primary_plan[plans.patient] >= 0
    shown = {flag: rng.random(n) < share for flag, share in DISPLAY_FLAGS.items()}
    ctx.out.copy("treatplanparam", {
        "TreatPlanParamNum": ctx.ids.take("treatplanparam", n), "PatNum": pt.nums[plans.patient],
        "TreatPlanNum": plans.nums, **shown,
        "ShowMaxDed": shown["ShowMaxDed"] & insured, "ShowIns": shown["ShowIns"] & insured,
    })
    return user, SimpleNamespace(doc_num=doc_num[pdf], patient=plans.patient[pdf], filed=last_signed[pdf],
                                 dentist=plans.dentist[pdf], fee_cents=plans.fee_cents[pdf])


def dentist_signatures(ctx, prov):
    """The name a dentist types under their signature: "Dr. Jane Smith, DDS"."""
    unique, inverse = np.unique(prov, return_inverse=True)
    names = ctx.practice.providers.names
    return np.array(["Dr. " + names[p] for p in unique.tolist()], dtype=object)[inverse]


def definition_texts(texts, nums):
    """The text (ctx.practice.defs.names or .values) of each DefNum; '' for none (0)."""
    unique, inverse = np.unique(nums, return_inverse=True)
    return np.array([texts.get(num, "") for num in unique.tolist()], dtype=object)[inverse]


def presented_estimates(ctx):
    """Per procedure and plan ordinal (0 primary, 1 secondary): the insurance estimate in cents as the plan
    showed it - the claim's estimate once billed, else the estimate kept on the planned work (claimproc 6)."""
    n = len(ctx.practice.clinical.procedures.nums)
    estimate = np.zeros((2, n), dtype=np.int64)
    financial = ctx.practice.financial
    for ordinal, (billed, kept) in enumerate(zip(financial.claims, financial.estimates)):
        estimate[ordinal, kept.proc] = kept.money.estimate
        estimate[ordinal, billed.proc] = billed.money.estimate
    return estimate


def plan_procedures(ctx, plans, user):
    """proctp (the snapshot of each procedure on a saved plan, with the discount quoted on it; the patient pays
    the fee less the insurance estimates and the discount; OpenDental copies the procedure's priority, its
    diagnosis's abbreviation (ItemValue) and its prognosis's name) and treatplanattach."""
    pr, codes, ins = ctx.practice.clinical.procedures, ctx.practice.codes, ctx.practice.insurance
    pt = ctx.practice.patients
    proc, plan = plans.proc, plans.plan
    code, patient = pr.code[proc], pr.patient[proc]
    fee, discount = pr.fee_cents[proc], pr.discount_cents[proc]
    estimate = presented_estimates(ctx)[:, proc]
    insurance_plan = ins.primary_plan[patient]
    covered = (insurance_plan >= 0) & (ins.primary_since[patient] <= pr.date_tp[proc])
    on_plan = np.maximum(insurance_plan, 0)
    allowed = ins.plans.allowed_cents(on_plan, code, pr.date[proc])
    priority, defs = pr.priority[proc], ctx.practice.defs
    ctx.out.copy("proctp", {
        "ProcTPNum": ctx.ids.take("proctp", len(proc)), "TreatPlanNum": plans.nums[plan], "PatNum": pt.nums[patient],
        "ProcNumOrig": pr.nums[proc], "ItemOrder": rank_in_group(plan), "Priority": priority,
        "ToothNumTP": pr.tooth[proc], "Surf": pr.surf[proc], "ProcCode": codes.code[code],
        "Descript": code_descriptions()[code], "ProcAbbr": codes.abbr[code], "FeeAmt": fee / 100.0,
        "PriInsAmt": estimate[0] / 100.0, "SecInsAmt": estimate[1] / 100.0,
        "PatAmt": np.maximum(fee - estimate.sum(axis=0) - discount, 0) / 100.0, "Discount": discount / 100.0,
        "SecUserNumEntry": user[plan], "SecDateEntry": plans.day[plan], "SecDateTEdit": plans.saved[plan],
        "FeeAllowed": np.where(covered & ins.plans.is_ppo[on_plan], allowed / 100.0, BLANK), "TaxAmt": 0.0,
        "ProvNum": pr.prov[proc], "DateTP": plans.day[plan],
        "ClinicNum": pr.clinic[proc], "CatPercUCR": np.where(covered, ins.plans.coverage_percent(on_plan, code), 0),
        "Dx": definition_texts(defs.values, pr.dx[proc]), "Prognosis": definition_texts(defs.names, pr.prognosis[proc]),
    })
    ctx.out.copy("treatplanattach", {
        "TreatPlanAttachNum": ctx.ids.take("treatplanattach", len(proc)), "TreatPlanNum": plans.nums[plan],
        "ProcNum": pr.nums[proc], "Priority": priority,
    })


def multi_visit_groups(ctx, plans):
    """procmultivisit: each multi-visit procedure of a plan with the plan's other work on its tooth (a build-up
    and its crown, a root canal and its crown, an implant and its restoration); toothless ones (dentures) alone.
    GroupProcMultiVisitNum is the group's first row. A group is in process while part of it is done."""
    pr, ap = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments
    proc, plan = plans.proc, plans.plan
    multi = np.isin(ctx.practice.codes.code[pr.code[proc]], MULTI_VISIT_CODES)
    tooth = pr.tooth[proc]
    site = np.unique(tooth, return_inverse=True)[1]
    key = np.where(tooth != "", plan.astype(np.int64) * 1024 + site, -1 - np.arange(len(proc)))
    keys, group = np.unique(key, return_inverse=True)
    holds_multi = np.zeros(len(keys), dtype=bool)
    np.logical_or.at(holds_multi, group, multi)
    member = np.flatnonzero(holds_multi[group])
    member = member[sorted_by(group[member], proc[member])]
    group, proc, plan = group[member], proc[member], plan[member]
    n = len(member)
    nums = ctx.ids.take("procmultivisit", n)
    first = np.r_[0, np.flatnonzero(np.diff(group)) + 1] if n else np.zeros(0, dtype=int)
    done = pr.status[proc] == ProcStatus.COMPLETE
    done_count = np.bincount(group, weights=done, minlength=len(keys))
    size = np.bincount(group, minlength=len(keys))
    entered = plans.saved[plan]
    completed_at = ap.dismissed[np.maximum(completed_appointment(ctx, proc), 0)]
    ctx.out.copy("procmultivisit", {
        "ProcMultiVisitNum": nums, "GroupProcMultiVisitNum": np.repeat(nums[first], np.diff(np.r_[first, n])),
        "ProcNum": pr.nums[proc], "ProcStatus": pr.status[proc],
        "IsInProcess": (done_count[group] > 0) & (done_count[group] < size[group]),
        "SecDateTEntry": entered, "SecDateTEdit": np.where(done, np.maximum(completed_at, entered), entered),
        "PatNum": ctx.practice.patients.nums[pr.patient[proc]],
    })


def group_notes(ctx):
    """Group notes at a share of the completed visits where a provider did several procedures, as OpenDental's
    chart makes them: a "~GRP~" procedure with status EC (existing, current provider: not production, no fee,
    not on the appointment) of the procedures' day and provider (OpenDental groups only those of one), entered
    when the note is written; and a procgroupitem per procedure it covers. Returns the group note procedures
    (nums, visit rows, providers, when written) and, per procedure, the group note covering it (-1 if none)."""
    rng = ctx.rng("group-notes")
    pr, ap, codes = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.codes
    done = completed_at_visits(ctx)
    visit, prov = completed_appointment(ctx, done), pr.prov[done]
    pairs, first, pair = np.unique(visit.astype(np.int64) * (prov.max(initial=0) + 1) + prov, return_index=True,
                                   return_inverse=True)
    count = np.bincount(pair, minlength=len(pairs))
    chosen = np.flatnonzero((count >= 2) & (rng.random(len(pairs)) < GROUP_NOTE_SHARE))
    n = len(chosen)
    at, by = visit[first[chosen]], prov[first[chosen]]
    nums = ctx.ids.take("procedurelog", n)
    written = ap.dismissed[at] + random_minutes(rng, 2, 60, n)
    entered = written.astype("datetime64[D]")
    ctx.out.copy("procedurelog", {
        "ProcNum": nums, "PatNum": ctx.practice.patients.nums[ap.patient[at]], "AptNum": 0,
        "ProcDate": ap.date[at], "ProcFee": 0.0, "ProcStatus": ProcStatus.EXISTING_CURRENT_PROVIDER,
        "ProvNum": by, "ClinicNum": ap.clinic[at],
        "CodeNum": codes.num["~GRP~"], "UnitQty": 1, "BaseUnits": 0, "PlaceService": 0, "IcdVersion": 10,
        "DateTP": entered, "DateEntryC": entered, "DateComplete": NO_DATE, "ProcTime": "00:00:00",
        "ProcTimeEnd": "00:00:00", "SecDateEntry": written, "DateTStamp": written,
        "SecUserNumEntry": user_of(ctx.practice.users, by), "IsLocked": False, "HideGraphics": False,
        "IsCpoe": False,
    })
    note_of_pair = np.full(len(pairs), -1)
    note_of_pair[chosen] = np.arange(n)
    covering = np.full(len(pr.nums), -1)
    covering[done] = note_of_pair[pair]
    covered = np.flatnonzero(covering >= 0)
    ctx.out.copy("procgroupitem", {
        "ProcGroupItemNum": ctx.ids.take("procgroupitem", len(covered)), "ProcNum": pr.nums[covered],
        "GroupNum": nums[covering[covered]],
    })
    return SimpleNamespace(nums=nums, visit=at, prov=by, written=written, covering=covering)


def note_kinds(codes):
    """The kind of note (generators/data/records_procnotes.csv) of each code: by code, radiographs, by category."""
    radiology = np.array([r["is_radiology"] == "1" for r in read_table("procedure_codes")])
    kind = np.array([NOTE_KIND_BY_CATEGORY.get(int(c), "other") for c in codes.category], dtype="<U20")
    kind[radiology] = "radiograph"
    for code, name in NOTE_KIND_BY_CODE.items():
        kind[codes.index[code]] = name
    return kind


class NoteText:
    """Clinical note text from generators/data/records_procnotes.csv: "Pt presented for <site> <procedure>."
    then an anesthetic, the steps and a closing sentence of the procedure's kind. The sentences are chosen
    from a hash of the ProcNum, so a note and its later edit tell the same."""

    PARTS = ("anesthesia", "body", "closing", "addendum")

    def __init__(self, ctx):
        rows = read_table("records_procnotes")
        self.kinds = np.array(sorted({r["kind"] for r in rows}))
        self.sentences = {part: self._sentences(rows, part) for part in self.PARTS}
        self.salt = dict(zip(self.PARTS, ctx.rng("procnote-text").integers(1, 2**62, len(self.PARTS), dtype=np.uint64)))
        self.kind_of_code = np.searchsorted(self.kinds, note_kinds(ctx.practice.codes))
        self.description = code_descriptions()

    def _sentences(self, rows, part):
        """One part's sentences grouped by kind: (texts, first text of each kind, count of each kind)."""
        texts = [[" " + r["text"] for r in rows if r["part"] == part and r["kind"] == kind] for kind in self.kinds]
        count = np.array([len(t) for t in texts])
        return np.array(sum(texts, []) + [""], dtype=object), np.cumsum(count) - count, count

    def sentence(self, part, kind, proc_num):
        flat, start, count = self.sentences[part]
        mixed = (proc_num.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + self.salt[part]) >> np.uint64(33)
        pick = start[kind] + (mixed % np.maximum(count[kind], 1).astype(np.uint64)).astype(np.int64)
        return np.where(count[kind] > 0, flat[np.minimum(pick, len(flat) - 1)], "")

    def of(self, ctx, proc, grouped):
        """The note of each procedure; in a group note (`grouped`) a line per procedure: "<procedure>: ..." """
        pr = ctx.practice.clinical.procedures
        kind, num = self.kind_of_code[pr.code[proc]], pr.nums[proc]
        tooth, surf = pr.tooth[proc].astype(object), pr.surf[proc].astype(object)
        site = np.where(tooth != "", "#" + tooth + np.where(surf != "", " " + surf, "") + " ",
                        np.where(surf != "", surf + " ", ""))
        what = site + self.description[pr.code[proc]]
        return (np.where(grouped, what + ":", "Pt presented for " + what + ".")
                + self.sentence("anesthesia", kind, num) + self.sentence("body", kind, num)
                + self.sentence("closing", kind, num))

    def addendum(self, proc_num):
        return self.sentence("addendum", np.full(len(proc_num), np.searchsorted(self.kinds, "any")), proc_num)


def completed_at_visits(ctx):
    """The completed procedures, each done at a visit."""
    pr = ctx.practice.clinical.procedures
    return np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (pr.apt_num > 0))


def clinical_notes(ctx, rng, groups):
    """The notes: first the procedures' own (every completed procedure no group note covers, but the few the
    provider never wrote up), then the group notes; each with the procedures it tells of (`members`,
    `member_count` of them), its procedure, patient, author (the provider's login), its visit (appointment row)
    and when it was written (after the visit, on its day)."""
    pr, ap, users = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.users
    done = completed_at_visits(ctx)
    own = done[(groups.covering[done] < 0) & (rng.random(len(done)) >= UNWRITTEN_NOTE_SHARE)]
    own_visit = completed_appointment(ctx, own)
    covered = np.flatnonzero(groups.covering >= 0)
    covered = covered[np.argsort(groups.covering[covered], kind="stable")]
    return SimpleNamespace(
        proc_num=np.r_[pr.nums[own], groups.nums], patient=np.r_[pr.patient[own], ap.patient[groups.visit]],
        user=user_of(users, np.r_[pr.prov[own], groups.prov]),
        visit=np.r_[own_visit, groups.visit],
        written=np.r_[ap.dismissed[own_visit] + random_minutes(rng, 2, 90, len(own)), groups.written],
        members=np.r_[own, covered], own=len(own),
        member_count=np.r_[np.ones(len(own), dtype=np.int64), np.bincount(groups.covering[covered],
                                                                          minlength=len(groups.nums))])


def procedure_notes(ctx, groups):
    """procnote: a row per version of each note. Some notes are edited on one of the next business days:
    OpenDental keeps each version, the last one with an addendum. A group note holds the notes of its
    procedures, a line each. Rows come in batches (own notes and their edits, then the multi-line group notes)."""
    rng = ctx.rng("procnote")
    note = clinical_notes(ctx, rng, groups)
    n_notes = len(note.proc_num)
    edited = rng.random(n_notes) < EDITED_NOTE_SHARE
    edit_day = open_day_offset(note.written.astype("datetime64[D]"), rng.integers(1, 4, n_notes), roll="forward")
    edit_time = stamp(edit_day, rng.integers(8 * 3600, 17 * 3600, n_notes))
    edited &= edit_time <= stamp(ctx.today, 18 * 3600)  # an edit due after today is not made yet
    own, grouped = np.arange(note.own), np.arange(note.own, n_notes)
    version_of = np.r_[own, own[edited[own]], grouped, grouped[edited[grouped]]]
    is_edit = np.r_[np.zeros(note.own, bool), np.ones(edited[own].sum(), bool),
                    np.zeros(len(grouped), bool), np.ones(edited[grouped].sum(), bool)]
    entry = np.where(is_edit, edit_time[version_of], note.written[version_of])
    n, first_group_version = len(version_of), note.own + edited[own].sum()
    nums = ctx.ids.take("procnote", n)
    text = NoteText(ctx)
    topaz = topaz_pads(ctx)
    first_member = np.cumsum(note.member_count) - note.member_count

    def batches():
        for part in [*chunks(0, first_group_version), *chunks(first_group_version, n)]:
            these, edit = version_of[part], is_edit[part]
            position, owner = spans(first_member[these], note.member_count[these])
            told = text.of(ctx, note.members[position], note.member_count[these][owner] > 1)
            starts = np.r_[0, np.cumsum(note.member_count[these])[:-1]]
            separator = np.full(len(told), "\r\n", dtype=object)
            separator[starts] = ""
            body = np.add.reduceat(separator + told, starts)
            body[edit] = body[edit] + text.addendum(note.proc_num[these][edit])
            k = len(these)
            signed = rng.random(k) < SIGNED_NOTE_SHARE
            yield {"ProcNoteNum": nums[part], "PatNum": ctx.practice.patients.nums[note.patient[these]],
                   "ProcNum": note.proc_num[these], "UserNum": note.user[these], "EntryDateTime": entry[part],
                   "Note": body, "SigIsTopaz": signed & topaz[note.visit[these]],
                   "Signature": np.where(signed, signature_hashes(rng, k), "")}

    ctx.out.stream("procnote", batches())
