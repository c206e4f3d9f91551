"""Supporting: the charts of the clinical record.

  toothinitial    the chart at the first visit in the window: missing teeth of adults (never a tooth the
      patient has work on, except the gap an implant or bridge fills), primary teeth of children, a few
      drifted teeth. Extractions are not repeated here: OpenDental charts them from the completed procedure.
  perioexam, periomeasure
      perio charting at the exams of patients in periodontal care (scaling and root planing or perio
      maintenance): probing depths of every present tooth, bleeding points, mobility, skipped (missing) teeth
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import run_starts, sorted_by
from core.randomness import weighted_choice
from opendental.codes import AptStatus, PerioSequenceType, ProcStatus, ToothInitialType
from opendental.definitions import DefCat, defnum

from ..clinical.teeth import ANTERIOR, MOLARS, PRIMARY_TEETH_AGE, WISDOM, permanent_teeth
from ..parameters import parameter
from ..rows import chunks, completed_appointment, day_key, spans, tooth_key
from ..timeline import random_minutes

EXAM_CODES = ("D0120", "D0140", "D0150", "D0180")
BLANK = -1  # OpenDental's "no value" in proctp.FeeAllowed and the periomeasure values
PERIO_CARE_CODES = ("D4341", "D4342", "D4910")
EDENTULOUS_ARCH_CODES = ("D5110", "D5120", "D6114", "D6115")  # complete dentures, full-arch implant prostheses
GAP_CODES = ("D6240",)  # a bridge pontic fills a gap, like the implant codes
IMPLANT_CATEGORY = defnum(DefCat.PROC_CODE_CATS, "Implants")
# toothinitial.InitialType
MISSING, PRIMARY = ToothInitialType.MISSING, ToothInitialType.PRIMARY
DRIFTS = ((ToothInitialType.SHIFT_M, 0.3, (1.0, 2.5)), (ToothInitialType.SHIFT_B, 0.2, (1.0, 2.0)),
          (ToothInitialType.ROTATE, 0.4, (10, 30)), (ToothInitialType.TIP_M, 0.1, (5, 15)))  # type, share, movement
DRIFT_SHARE = parameter("supporting.charting.drift_share")
ADULT_AGE, SENIOR_AGE = 18, 65
# Chance that each permanent tooth is missing at the first visit: (wisdom, molar, other) for adults, seniors.
MISSING_CHANCE = {"adult": (0.45, 0.04, 0.01), "senior": (0.7, 0.15, 0.06)}
PRIMARY_POSITIONS = np.r_[4:14, 20:30]  # permanent numbers whose primary predecessors are A-J and K-T
PRIMARY_LETTERS = np.array(list("ABCDEFGHIJKLMNOPQRST"))
# Age (years) below which each primary position is still primary: incisors go first, molars last.
PRIMARY_UNTIL = {4: 11.5, 5: 10.5, 6: 11, 7: 8, 8: 7, 9: 7, 10: 8, 11: 11, 12: 10.5, 13: 11.5,
                 20: 11.5, 21: 10.5, 22: 10, 23: 7.5, 24: 6.5, 25: 6.5, 26: 7.5, 27: 10, 28: 10.5, 29: 11.5}
# periomeasure.SequenceType (OpenDental's PerioSequenceType): 0 mobility, 1 furcation, 2 gingival margin, 3 MGJ,
# 4 probing, 5 skip tooth, 6 bleeding (flags: 1 bleeding, 2 suppuration, 4 plaque, 8 calculus), 7 CAL (never saved)
MOBILITY, PROBING, SKIP_TOOTH, BLEEDING = (PerioSequenceType.MOBILITY, PerioSequenceType.PROBING,
                                          PerioSequenceType.SKIP_TOOTH, PerioSequenceType.BLEEDING)
SITES = ("MBvalue", "Bvalue", "DBvalue", "MLvalue", "Lvalue", "DLvalue")
INTERPROXIMAL = np.array([1, 0, 1, 1, 0, 1])
LATER_CHART_SHARE = parameter("supporting.charting.later_chart_share")
SEVERITY = (("mild", 0.45), ("moderate", 0.4), ("severe", 0.15))
EXTRACTION_CODES = ("D7140", "D7210", "D7250")


def first_visits(ctx):
    """The patients seen in the window (sorted) and the row of each one's first completed appointment."""
    ap = ctx.practice.clinical.appointments
    done = np.flatnonzero(ap.status == AptStatus.COMPLETE)
    done = done[sorted_by(ap.patient[done], ap.start[done])]
    patient, first = np.unique(ap.patient[done], return_index=True)
    return patient, done[first]


def gap_work(ctx, code):
    """Implants and bridge pontics: work that fills the gap of a missing tooth."""
    codes = ctx.practice.codes
    return (codes.category[code] == IMPLANT_CATEGORY) | np.isin(codes.code[code], GAP_CODES)


def worked_teeth(ctx, count_gap_work):
    """(patient, tooth) keys of every permanent tooth with charted work (deleted entries aside)."""
    pr = ctx.practice.clinical.procedures
    tooth = permanent_teeth(pr.tooth)
    counted = (tooth > 0) & (pr.status != ProcStatus.DELETED) & (count_gap_work | ~gap_work(ctx, pr.code))
    return tooth_key(pr.patient[counted], tooth[counted])


def missing_teeth(ctx, rng, patient, age):
    """Keys (patient, tooth) of the teeth missing at the first visit: wisdom teeth and some others of adults
    (more of seniors), every tooth of an arch that gets a complete denture, and the gaps implants and bridges
    fill - never a tooth the patient has other work on (an extracted tooth was there at the first visit)."""
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    number = np.arange(1, 33)
    kind_of_tooth = np.select([np.isin(number, WISDOM), np.isin(number, MOLARS)], [0, 1], 2)
    adult = np.flatnonzero(age >= ADULT_AGE)
    chance = np.array([MISSING_CHANCE["adult"], MISSING_CHANCE["senior"]], dtype=np.float32)[:, kind_of_tooth]
    drawn = rng.random((len(adult), 32), dtype=np.float32) < chance[(age[adult] >= SENIOR_AGE).astype(int)]
    who, tooth = np.nonzero(drawn)
    keys = [tooth_key(patient[adult][who], tooth + 1)]
    planned_or_done = np.isin(pr.status, (ProcStatus.TREATMENT_PLANNED, ProcStatus.COMPLETE))
    arch = np.flatnonzero(planned_or_done & np.isin(codes.code[pr.code], EDENTULOUS_ARCH_CODES))
    arch_teeth = np.where(pr.surf[arch] == "U", 1, 17)[:, None] + np.arange(16)
    keys.append(tooth_key(np.repeat(pr.patient[arch], 16), arch_teeth.ravel()))
    gap = np.flatnonzero(planned_or_done & gap_work(ctx, pr.code) & (permanent_teeth(pr.tooth) > 0))
    keys.append(tooth_key(pr.patient[gap], permanent_teeth(pr.tooth[gap])))
    keys = np.unique(np.concatenate(keys))
    return keys[np.isin(keys // 64, patient) & ~np.isin(keys, worked_teeth(ctx, count_gap_work=False))]


def primary_teeth(ctx, patient, age):
    """Keys (patient, permanent position) still primary at a child's first visit, by age, and every position
    whose primary tooth (A-T) the patient has work on; never one with work on its permanent tooth."""
    pr = ctx.practice.clinical.procedures
    until = np.array([PRIMARY_UNTIL[p] for p in PRIMARY_POSITIONS])
    who, which = np.nonzero((age[:, None] < PRIMARY_TEETH_AGE) & (age[:, None] < until))
    keys = [tooth_key(patient[who], PRIMARY_POSITIONS[which])]
    letter = np.isin(pr.tooth, PRIMARY_LETTERS) & (pr.status != ProcStatus.DELETED)
    keys.append(tooth_key(pr.patient[letter], PRIMARY_POSITIONS[np.searchsorted(PRIMARY_LETTERS, pr.tooth[letter])]))
    keys = np.unique(np.concatenate(keys))
    return keys[np.isin(keys // 64, patient) & ~np.isin(keys, worked_teeth(ctx, count_gap_work=True))]


def drifted_teeth(rng, patient, age, missing):
    """A few adults have a front tooth shifted, rotated or tipped: keys, InitialType and Movement (mm or degrees)."""
    adult = np.flatnonzero((age >= ADULT_AGE) & (rng.random(len(patient)) < DRIFT_SHARE))
    keys = tooth_key(patient[adult], np.array(ANTERIOR)[rng.integers(0, len(ANTERIOR), len(adult))])
    drift = rng.choice(len(DRIFTS), len(keys), p=[share for _, share, _ in DRIFTS])
    low, high = np.array([span for _, _, span in DRIFTS], dtype=float)[drift].T
    present = ~np.isin(keys, missing)
    initial_type = np.array([kind for kind, _, _ in DRIFTS])[drift]
    return keys[present], initial_type[present], np.round(rng.uniform(low, high), 1)[present]


def tooth_chart(ctx):
    """toothinitial rows, charted at each patient's first visit in the window; returns the missing-teeth keys."""
    rng = ctx.rng("toothinitial")
    pt, ap = ctx.practice.patients, ctx.practice.clinical.appointments
    patient, visit = first_visits(ctx)
    age = (ap.date[visit] - pt.birth[patient]).astype(int) / 365.25
    missing = missing_teeth(ctx, rng, patient, age)
    primary = primary_teeth(ctx, patient, age)
    drifted, drift_type, movement = drifted_teeth(rng, patient, age, missing)
    keys = np.r_[missing, primary, drifted]
    charted = (ap.start[visit] + random_minutes(rng, 5, 30, len(visit)))[np.searchsorted(patient, keys // 64)]
    ctx.out.copy("toothinitial", {
        "ToothInitialNum": ctx.ids.take("toothinitial", len(keys)), "PatNum": pt.nums[keys // 64],
        "ToothNum": (keys % 64).astype(str),
        "InitialType": np.r_[np.full(len(missing), MISSING), np.full(len(primary), PRIMARY), drift_type],
        "Movement": np.r_[np.zeros(len(missing) + len(primary)), movement], "DrawingSegment": "", "ColorDraw": 0,
        "SecDateTEntry": charted, "SecDateTEdit": charted, "DrawText": "",
    })
    return missing


def perio_visits(ctx):
    """The charted perio exams: completed exam or perio maintenance visits of the patients in periodontal care,
    sorted by patient and time; each patient's first is always charted, later ones at LATER_CHART_SHARE.
    Returns their appointment rows and whether each is the patient's first."""
    rng = ctx.rng("perioexam")
    pr, codes, ap = ctx.practice.clinical.procedures, ctx.practice.codes, ctx.practice.clinical.appointments
    done = pr.status == ProcStatus.COMPLETE
    in_care = np.unique(pr.patient[done & np.isin(codes.code[pr.code], PERIO_CARE_CODES)])
    charting = done & np.isin(codes.code[pr.code], EXAM_CODES + ("D4910",)) & np.isin(pr.patient, in_care)
    visit = np.unique(completed_appointment(ctx, np.flatnonzero(charting)))
    visit = visit[sorted_by(ap.patient[visit], ap.start[visit])]
    first = run_starts(ap.patient[visit])
    charted = first | (rng.random(len(visit)) < LATER_CHART_SHARE)
    return visit[charted], first[charted]


def present_teeth(ctx, patient, exam_day, missing):
    """Boolean [exam, tooth 1-32] of exams sorted by patient and day: not missing at the first visit and not
    extracted before the exam."""
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    extracted = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & np.isin(codes.code[pr.code], EXTRACTION_CODES)
                               & (permanent_teeth(pr.tooth) > 0))
    owner_patient = np.r_[missing // 64, pr.patient[extracted]]
    tooth = np.r_[missing % 64, permanent_teeth(pr.tooth[extracted])]
    gone_after = np.r_[np.full(len(missing), ctx.start - 1), pr.date[extracted]].astype("datetime64[D]")
    exam_key = day_key(patient, exam_day)
    first = np.searchsorted(exam_key, day_key(owner_patient, gone_after), side="right")
    last = np.searchsorted(patient, owner_patient, side="right")
    exam, which = spans(first, np.maximum(last - first, 0))
    present = np.ones((len(patient), 32), dtype=bool)
    present[exam, tooth[which] - 1] = False
    return present


def perio_charts(ctx, missing):
    """perioexam and periomeasure rows: one exam per charted perio visit by its hygienist, with its measures."""
    rng = ctx.rng("periomeasure")
    pt, ap = ctx.practice.patients, ctx.practice.clinical.appointments
    visit, first = perio_visits(ctx)
    patient, n = ap.patient[visit], len(visit)
    present = present_teeth(ctx, patient, ap.date[visit], missing)
    in_care, of_patient = np.unique(patient, return_inverse=True)
    severity = weighted_choice(rng, tuple((i, share) for i, (_, share) in enumerate(SEVERITY)), len(in_care))
    measured = np.minimum(ap.seated[visit] + random_minutes(rng, 10, 30, n), ap.dismissed[visit])
    nums = np.empty(n, dtype=np.int64)
    nums[np.argsort(measured, kind="stable")] = ctx.ids.take("perioexam", n)
    hygienist = np.where(ap.prov_hyg[visit] > 0, ap.prov_hyg[visit],
                         np.where(pt.sec_prov[patient] > 0, pt.sec_prov[patient], ap.prov[visit]))
    exam = SimpleNamespace(nums=nums, severity=severity[of_patient], maintained=~first, measured=measured)
    for part in chunks(0, n, 20_000):
        found = perio_findings(rng, exam, present, part)
        measures = measure_rows(exam, present, part, found)
        measures["PerioMeasureNum"] = ctx.ids.take("periomeasure", len(measures["PerioExamNum"]))
        ctx.out.copy("perioexam", {
            "PerioExamNum": nums[part], "PatNum": pt.nums[patient[part]], "ExamDate": ap.date[visit[part]],
            "ProvNum": hygienist[part], "DateTMeasureEdit": measured[part], "Note": perio_notes(exam, part, found),
        })
        ctx.out.copy("periomeasure", measures)


def perio_findings(rng, exam, present, part):
    """For every present tooth of the exams in `part` (row, tooth index): probing depths of its six sites -
    deeper with the patient's disease, at molars and between teeth, shallower once in maintenance - with
    bleeding (1) and suppuration (2) flags, and the mobility of teeth with deep pockets."""
    row, tooth = np.nonzero(present[part])
    mean = (2.4 + 0.9 * exam.severity[part][row] + 0.6 * np.isin(tooth + 1, MOLARS + WISDOM)
            - 0.4 * exam.maintained[part][row])
    noise = rng.normal(0, 0.7, (len(row), 6))
    depth = np.clip(np.rint(mean[:, None] + 0.6 * INTERPROXIMAL + noise), 1, 10).astype(np.int64)
    bleeding = rng.random(depth.shape) < np.clip(0.04 + 0.12 * (depth - 2), 0.02, 0.9)
    suppuration = (depth >= 6) & (rng.random(depth.shape) < 0.15)
    deepest = depth.max(axis=1)
    mobility = np.where((deepest >= 6) & (rng.random(len(row)) < 0.3), np.where(deepest >= 8, 2, 1), 0)
    return SimpleNamespace(row=row, tooth=tooth, depth=depth, flags=bleeding + 2 * suppuration, mobility=mobility)


def measure_rows(exam, present, part, found):
    """periomeasure rows of the exams in `part`: probing for every present tooth, bleeding for teeth with a
    flagged site, mobility for mobile teeth, skip tooth for missing ones."""
    skip_row, skip_tooth = np.nonzero(~present[part])
    bleeds, mobile = found.flags.any(axis=1), found.mobility > 0
    pieces = [  # (SequenceType, exam row, tooth index, ToothValue, the six site values)
        (PROBING, found.row, found.tooth, BLANK, found.depth),
        (BLEEDING, found.row[bleeds], found.tooth[bleeds], BLANK,
         np.where(found.flags[bleeds] > 0, found.flags[bleeds], BLANK)),
        (MOBILITY, found.row[mobile], found.tooth[mobile], found.mobility[mobile], BLANK),
        (SKIP_TOOTH, skip_row, skip_tooth, 1, BLANK),
    ]
    row = np.concatenate([rows for _, rows, _, _, _ in pieces])
    values = np.concatenate([np.broadcast_to(v, (len(rows), 6)) for _, rows, _, _, v in pieces])
    measured = exam.measured[part][row]
    return {"PerioExamNum": exam.nums[part][row],
            "SequenceType": np.concatenate([np.full(len(rows), kind) for kind, rows, _, _, _ in pieces]),
            "IntTooth": np.concatenate([tooth for _, _, tooth, _, _ in pieces]) + 1,
            "ToothValue": np.concatenate([np.broadcast_to(value, len(rows)) for _, rows, _, value, _ in pieces]),
            **{site: values[:, i] for i, site in enumerate(SITES)}, "SecDateTEntry": measured, "SecDateTEdit": measured}


def perio_notes(exam, part, found):
    """E.g. "Moderate periodontitis. BOP 24%, 11 sites 5 mm or deeper." """
    k = part.stop - part.start
    sites = np.bincount(found.row, minlength=k) * 6
    bleeding = np.bincount(found.row, weights=(found.flags & 1).sum(axis=1), minlength=k)
    deep = np.bincount(found.row, weights=(found.depth >= 5).sum(axis=1), minlength=k).astype(int)
    percent = np.rint(100 * bleeding / np.maximum(sites, 1)).astype(int)
    names = np.array([name.capitalize() for name, _ in SEVERITY], dtype=object)[exam.severity[part]]
    return (names + " periodontitis. BOP " + percent.astype(str).astype(object) + "%, "
            + deep.astype(str).astype(object) + " sites 5 mm or deeper.")
