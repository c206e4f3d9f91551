"""procedurelog rows: status from the appointment, dates, fee, provider, and the chart details.

- Status: complete (2) on a completed appointment, treatment-planned (1) otherwise; work done elsewhere (4)
  and conditions (7) as charted; a few planned procedures charted by mistake and deleted (6).
- ProcDate: the appointment's day; for unscheduled planned work the day it was planned (DateTP).
  DateTP: the exam that planned it, or the day the procedure was put on its appointment (booking).
- ProcFee: the fee in force on the procedure's day (the practice raises its fees each January) of the patient's
  fee schedule: UCR, or for patients holding 1 - ctx.config.fee_match_rate of the work the discount schedule
  the office put them on (senior 10 %, cash or family 5 %, courtesy 15 %; patient.FeeSched). Existing work and
  conditions have no fee.
- ProvNum: the hygienist (patient's SecProv) for hygiene codes, the dentist (PriProv) for the rest.
- Discount: a few large planned procedures carry the discount the coordinator quoted (5 or 10 %).
- Diagnosis codes: procedures charted with a diagnosis (Dx) carry its ICD-10 code as the principal one, a few
  with related codes after it (clinical_diagnoses.csv) - what box 34 of the ADA claim form reports.
- Notes: claim notes insurers ask for on completed insured work (the placement year of the prosthesis a crown
  replaces; narratives of clinical_claim_notes.csv); a few billing notes.
- Partial dentures name the teeth they replace (ToothRange); a replacement's original date is sometimes an
  estimate (IsDateProsthEst); staff hide a few procedures from the graphical chart (HideGraphics).
"""
import numpy as np

from opendental.codes import AptStatus, ProcStatus
from opendental.definitions import NONE, DefCat, defnums

from ..data import read_table
from ..formatting import clock_time
from ..parameters import parameter
from ..timeline import NO_DATE, days, seconds_after_midnight, stamp
from .chart import batches, occasional_notes

DISCOUNT_SCHEDULES = ("senior_discount", "cash_discount", "courtesy_discount")  # foundation_fee_schedules.csv use
SENIOR_DAYS = round(65 * 365.25)
DELETED_SHARE = parameter("clinical.procedures.deleted_share")
LOCKED_AFTER_DAYS = 180  # the practice locks completed procedures after six months
REPLACEMENT_SHARE = parameter("clinical.procedures.replacement_share")
PROGNOSES = (("Good", 0.7), ("Fair", 0.25), ("Poor", 0.05))
PROGNOSIS_CATEGORIES = defnums(DefCat.PROC_CODE_CATS, "Endo", "Crown & Bridge", "Implants")
DISCOUNTED_SHARE = parameter("clinical.procedures.discounted_share")
DISCOUNTS, DISCOUNT_FROM_CENTS = (0.05, 0.10), 50_000
EXTRA_DIAGNOSES = (0.92, 0.06, 0.015, 0.005)  # a coded procedure with 0, 1, 2, 3 related codes after the principal
ESTIMATED_ORIGINAL_SHARE = parameter("clinical.procedures.estimated_original_share")
BILLING_NOTES = ("Pt aware insurance may not cover", "Fee quoted at consult", "Pt to pay balance at next visit",
                 "Estimate given - pt signed financial agreement", "Bill secondary insurance after primary EOB")
BILLING_NOTE_SHARE = parameter("clinical.procedures.billing_note_share")
HIDDEN_GRAPHICS_SHARE = parameter("clinical.procedures.hidden_graphics_share")
PARTIAL_DENTURES = ("D5211", "D5212", "D5213", "D5214", "D5221", "D5222", "D5225", "D5226")
ARCH_TEETH = {"U": np.arange(2, 16), "L": np.arange(18, 32)}  # the teeth a partial may replace (no wisdom teeth)
REPLACED_TOOTH_SHARE = parameter("clinical.procedures.replaced_tooth_share")


def write(ctx, procs, apts, apt_nums, apt_row, planned_row):
    """Write procedurelog, a batch at a time; returns the hand-over columns."""
    rng = ctx.rng("procedurelog")
    pt, codes = ctx.practice.patients, ctx.practice.codes
    n = len(procs["code"])
    patient, code = procs["patient"], procs["code"]
    attached = apt_row >= 0
    row = np.maximum(apt_row, 0)
    exam = np.maximum(procs["planned_at"], 0)
    complete = attached & (apts["status"][row] == AptStatus.COMPLETE)
    status = np.where(procs["status"] > 0, procs["status"],  # 0: not charted, as its appointment went
                      np.where(complete, ProcStatus.COMPLETE, ProcStatus.TREATMENT_PLANNED))
    deleted = (status == ProcStatus.TREATMENT_PLANNED) & ~attached & (planned_row < 0) & (rng.random(n) < DELETED_SHARE)
    status = np.where(deleted, ProcStatus.DELETED, status)
    charted_at = np.where(procs["planned_at"] >= 0,
                          apts["start"][exam] + (apts["minutes"][exam] * 60).astype("timedelta64[s]"),
                          apts["booked"][row])
    date = np.where(attached, apts["day"][row], apts["day"][exam])
    done = dict(
        nums=ctx.ids.take("procedurelog", n), patient=patient, apt_num=np.where(attached, apt_nums[row], 0),
        planned_apt_num=np.where(planned_row >= 0, apt_nums[np.maximum(planned_row, 0)], 0), code=code,
        date=date, date_tp=charted_at.astype("datetime64[D]"),
        status=status, fee_cents=fees(ctx, code, patient, date, status, procs["status"]),
        prov=np.where(codes.is_hygiene[code] & (pt.sec_prov[patient] > 0),
                      np.where(attached & (apts["hygienist"][row] > 0), apts["hygienist"][row], pt.sec_prov[patient]),
                      np.where(attached, apts["prov"][row], pt.pri_prov[patient])),
        clinic=pt.clinic[patient], tooth=procs["tooth"], surf=procs["surf"], dx=procs["dx"],
        priority=procs["priority"], prognosis=prognoses(ctx, code, status))
    done["discount_cents"] = discounts(ctx, done)
    done["prosthesis"], done["original_prosth"] = prostheses(ctx, code, done["date"])
    visit_start = apts["start"][row]
    visit_end = visit_start + (apts["minutes"][row] * 60).astype("timedelta64[s]")
    details = ctx.rng("procedurelog-details")
    ctx.out.stream("procedurelog", batches(n, lambda part: rows(ctx, rng, details, done, part, charted_at[part],
                                                              visit_start[part], visit_end[part])))
    return done


def rows(ctx, rng, details, done, part, charted_at, visit_start, visit_end):
    """The procedurelog rows of one batch (`part`, a slice of the procedures); `details` draws the columns
    besides the core ones."""
    pt, codes = ctx.practice.patients, ctx.practice.codes
    status, date, code = done["status"][part], done["date"][part], done["code"][part]
    n = len(status)
    complete = status == ProcStatus.COMPLETE
    touched = np.select([complete, status == ProcStatus.DELETED],
                        [visit_end + rng.integers(60, 3600, n).astype("timedelta64[s]"),
                         charted_at + rng.integers(60, 30 * 86400, n).astype("timedelta64[s]")], charted_at)
    prosthesis, original = done["prosthesis"][part], done["original_prosth"][part]
    estimated = (prosthesis == "R") & (details.random(n) < ESTIMATED_ORIGINAL_SHARE)
    diagnoses = diagnosis_codes(details, done["dx"][part])
    tooth = done["tooth"][part]
    return {
        "ProcNum": done["nums"][part], "PatNum": pt.nums[done["patient"][part]], "AptNum": done["apt_num"][part],
        "ProcDate": date, "ProcFee": done["fee_cents"][part] / 100.0, "Surf": done["surf"][part],
        "ToothNum": done["tooth"][part], "Priority": done["priority"][part], "ProcStatus": status,
        "ProvNum": done["prov"][part], "Dx": done["dx"][part], "PlannedAptNum": done["planned_apt_num"][part],
        "Prosthesis": prosthesis, "DateOriginalProsth": original,
        "DateEntryC": np.where(complete, date, done["date_tp"][part]),  # entered (charted), then set complete
        "ClinicNum": done["clinic"][part],
        "CodeNum": codes.nums[code], "UnitQty": 1, "BaseUnits": 0, "DateTP": done["date_tp"][part], "PlaceService": 0,
        "ProcTime": np.where(complete, clock_time(seconds_after_midnight(visit_start)), "00:00:00"),
        "ProcTimeEnd": np.where(complete, clock_time(seconds_after_midnight(visit_end)), "00:00:00"),
        "DateTStamp": np.minimum(touched, stamp(ctx.today, 18 * 3600)), "Prognosis": done["prognosis"][part],
        "IsLocked": complete & ((ctx.today - date).astype(int) > LOCKED_AFTER_DAYS), "IcdVersion": 10,
        "SecUserNumEntry": user_of(ctx.practice.users, done["prov"][part]), "SecDateEntry": charted_at,
        "DateComplete": np.where(complete, date, NO_DATE), "IsCpoe": False,
        "Discount": done["discount_cents"][part] / 100.0, "IsDateProsthEst": estimated,
        "DiagnosticCode": diagnoses[0], "DiagnosticCode2": diagnoses[1], "DiagnosticCode3": diagnoses[2],
        "DiagnosticCode4": diagnoses[3], "IsPrincDiag": diagnoses[0] != "",
        "ClaimNote": claim_notes(ctx, details, done, part, prosthesis == "R", original, estimated),
        "BillingNote": np.where(complete & (done["fee_cents"][part] > 0),
                                occasional_notes(details, BILLING_NOTES, BILLING_NOTE_SHARE, n), ""),
        "HideGraphics": (tooth != "") & (details.random(n) < HIDDEN_GRAPHICS_SHARE),
        "ToothRange": replaced_teeth(ctx, details, code, done["surf"][part]),
    }


def fees(ctx, code, patient, date, status, charted_status):
    """ProcFee in cents: the fee in force on the procedure's day of the patient's fee schedule. Existing work and
    conditions carry no fee."""
    charged = charted_status == 0
    sched = patient_fee_schedules(ctx, patient, date, charged, charged & (status == ProcStatus.COMPLETE))
    return np.where(charged, ctx.practice.fee_scheds.in_force(sched[patient], code, date), 0)


def patient_fee_schedules(ctx, patient, date, charged, completed):
    """The fee schedule (index) of each patient, also written as patient.FeeSched: UCR, or for random patients
    holding 1 - fee_match_rate of the completed work since the last raise (all charged work without one), their
    discount schedule."""
    rng = ctx.rng("patient-fee-schedules")
    pt, scheds = ctx.practice.patients, ctx.practice.fee_scheds
    n = len(pt.nums)
    since = scheds.raised[-1] if len(scheds.raised) else NO_DATE
    counted = completed & (date >= since)
    counted = counted if counted.any() else charged
    per_patient = np.bincount(patient[counted], minlength=n)
    order = rng.permutation(n)
    before = np.zeros(n, dtype=np.int64)
    before[order] = np.cumsum(per_patient[order]) - per_patient[order]
    discounted = before < (1 - ctx.config.fee_match_rate) * per_patient.sum()
    first_charged = np.full(n, np.datetime64("9999-12-31", "D"))
    np.minimum.at(first_charged, patient[charged], date[charged])
    sched = np.where(discounted & (first_charged <= ctx.today), discount_schedule(ctx, first_charged), 0)
    on_discount = np.flatnonzero(sched > 0)
    ctx.out.update("patient", "PatNum", {"PatNum": pt.nums[on_discount], "FeeSched": scheds.nums[sched[on_discount]]})
    return sched


def discount_schedule(ctx, first_charged):
    """Each patient's discount schedule (schedule index): a senior's (65 or over at the first charged visit), a
    cash-paying (uninsured) or large family's (three or more), else a professional courtesy."""
    pt, ins, scheds = ctx.practice.patients, ctx.practice.insurance, ctx.practice.fee_scheds
    senior = (first_charged - pt.birth).astype(np.int64) >= SENIOR_DAYS
    family = ctx.practice.families.size[pt.family] >= 3
    senior_sched, cash_sched, courtesy_sched = (np.flatnonzero(scheds.use == use)[0] for use in DISCOUNT_SCHEDULES)
    return np.select([senior, (ins.primary_plan < 0) | family], [senior_sched, cash_sched], courtesy_sched)


def discounts(ctx, done):
    """Discount in cents on some large planned procedures: 5 or 10 % of the fee, whole dollars (OD turns it into
    an adjustment once the procedure is done)."""
    rng = ctx.rng("procedurelog-discount")
    n = len(done["status"])
    fee = done["fee_cents"]
    planned = done["status"] == ProcStatus.TREATMENT_PLANNED
    quoted = planned & (fee >= DISCOUNT_FROM_CENTS) & (rng.random(n) < DISCOUNTED_SHARE)
    return np.where(quoted, np.rint(fee * rng.choice(DISCOUNTS, n) / 100) * 100, 0).astype(np.int64)


def diagnosis_codes(rng, dx):
    """DiagnosticCode..DiagnosticCode4 (ICD-10, rows 0-3) of procedures charted with a diagnosis: a principal
    code for the Dx definition, sometimes related ones after it; '' elsewhere."""
    table = read_table("clinical_diagnoses")
    dx_nums = np.array(defnums(DefCat.DIAGNOSIS, *(r["dx"] for r in table)))
    principal = [r["codes"].split() for r in table]
    choices = np.array([len(c) for c in principal])
    principal = np.array([c + [""] * (choices.max() - len(c)) for c in principal], dtype=object)
    related = np.array([r["related"].split() for r in table], dtype=object)
    codes = np.full((4, len(dx)), "", dtype=object)
    coded = np.flatnonzero(np.isin(dx, dx_nums))
    by_num = np.argsort(dx_nums)
    kind = by_num[np.searchsorted(dx_nums, dx[coded], sorter=by_num)]
    codes[0, coded] = principal[kind, (rng.random(len(coded)) * choices[kind]).astype(int)]
    extra = rng.choice(len(EXTRA_DIAGNOSES), len(coded), p=EXTRA_DIAGNOSES)
    others = related[kind[:, None], np.argsort(rng.random((len(coded), related.shape[1])), axis=1)]
    for k in range(1, 4):
        codes[k, coded] = np.where(extra >= k, others[:, k - 1], "")
    return codes


def claim_notes(ctx, rng, done, part, replaced, original, estimated):
    """ClaimNote of completed procedures billed to insurance: the year the prosthesis a new one replaces was
    placed (insurers' replacement rule), or a narrative the carrier asks for (clinical_claim_notes.csv)."""
    insurance, index = ctx.practice.insurance, ctx.practice.codes.index
    patient, date, code = done["patient"][part], done["date"][part], done["code"][part]
    billed = (done["status"][part] == ProcStatus.COMPLETE) & (insurance.primary_on(patient, date) >= 0)
    note = np.full(len(code), "", dtype=object)
    draw = rng.random(len(code))
    for r in read_table("clinical_claim_notes"):
        note[(code == index[r["code"]]) & (draw < float(r["share"]))] = r["note"]
    year = (original.astype("datetime64[Y]").astype(int) + 1970).astype(str)
    placed = np.char.add("Replacement - original placed ", np.char.add(np.where(estimated, "approx. ", ""), year))
    return np.where(billed, np.where(replaced, placed.astype(object), note), "")


def replaced_teeth(ctx, rng, code, arch):
    """ToothRange of partial dentures: the teeth of the arch ("U"/"L") they replace, e.g. "3,4,13"; '' elsewhere."""
    partial = np.flatnonzero(np.isin(code, [ctx.practice.codes.index[c] for c in PARTIAL_DENTURES]))
    teeth = len(ARCH_TEETH["U"])
    replaced = rng.random((len(partial), teeth)) < REPLACED_TOOTH_SHARE
    replaced[np.arange(len(partial)), rng.integers(0, teeth, len(partial))] = True  # at least one
    key = 2 * (replaced @ (1 << np.arange(teeth))) + (arch[partial] == "U")
    keys, key_of = np.unique(key, return_inverse=True)
    listed = np.array([",".join(ARCH_TEETH["U" if k % 2 else "L"][(k // 2 >> np.arange(teeth)) & 1 == 1].astype(str))
                       for k in keys.tolist()], dtype=object)
    tooth_range = np.full(len(code), "", dtype=object)
    tooth_range[partial] = listed[key_of]
    return tooth_range


def prostheses(ctx, code, date):
    """Crowns, bridges and dentures: an initial prosthesis (I) or the replacement (R) of one placed years ago
    (Prosthesis, and DateOriginalProsth of a replacement)."""
    rng = ctx.rng("procedurelog-prosthesis")
    is_prosth = np.array([r["is_prosth"] == "1" for r in read_table("procedure_codes")])[code]
    replacement = is_prosth & (rng.random(len(code)) < REPLACEMENT_SHARE)
    original = np.where(replacement, date - days(rng.uniform(5 * 365, 20 * 365, len(code))), NO_DATE)
    return np.where(replacement, "R", np.where(is_prosth, "I", "")), original


def prognoses(ctx, code, status):
    """A prognosis (definition category 30) on root canals, crowns, bridges and implants."""
    rng = ctx.rng("procedurelog-prognosis")
    graded = np.isin(ctx.practice.codes.category[code], PROGNOSIS_CATEGORIES) & \
        np.isin(status, (ProcStatus.TREATMENT_PLANNED, ProcStatus.COMPLETE))
    names, shares = zip(*PROGNOSES)
    grade = rng.choice(defnums(DefCat.PROGNOSIS, *names), len(code), p=shares)
    return np.where(graded, grade, NONE)


def user_of(users, prov):
    """Each provider enters their own procedures (their login); anyone else's fall to the admin login."""
    unique, inverse = np.unique(prov, return_inverse=True)
    return np.array([users.by_provider.get(int(p), users.admin) for p in unique], dtype=np.int64)[inverse]
