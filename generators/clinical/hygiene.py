"""Hygiene care: every patient's cleanings while they are with the practice, with the exam, x-rays and fluoride
of each.

A patient's first visit is on their DateFirstVisit (the patients phase chose it): mostly a comprehensive exam
visit; some new patients come in pain first (a limited exam and film) and most of those come back for the
comprehensive exam. Then each patient has a personal interval (six months, three to four for perio
maintenance, stretched for the ones who tend to come late) and an ATTENDANCE: the chance to come at each due
date. Attendance is spread so that most patients come regularly and some lapse for a year or two and return;
its mean (ATTENDANCE_MEAN) is set from what practices report: about three in four active patients seen in a
year. Some due dates were booked and missed (no-shows, which keep their procedures). Recall is pre-booked at
checkout: the first due date after today of a patient who came to the last one is on the book. Nothing is
booked after the patient left. --volume appointments scales the attendance (visit_budget is its scale).

Perio patients (some adults, more of the older ones) are in perio maintenance; a new perio patient first
gets scaling and root planing, two quadrants a visit, and so does an adult whose recall visit finds periodontitis:
from then on the patient is in perio maintenance (D4910 every three to four months).

A periodic exam (D0120, D0145 under three) is charted at a recall visit at least EXAM_GAP_DAYS after the last
one and never as the third within a year; a full-mouth series or panoramic film every three to five years.
"""
from types import SimpleNamespace

import numpy as np

from core.randomness import weighted_choice

from ..parameters import parameter, parameters
from ..timeline import NO_DATE, days
from .chart import KIND
from .teeth import PERMANENT, QUADRANTS, SEALANT_MOLARS, distinct

# Hygiene visits are about this share of the appointments (sets the hygienists' staffing).
HYGIENE_SHARE = parameter("clinical.hygiene.hygiene_share")
BOOKING_DAYS = 90  # how far ahead treatment is booked
RECALL_BOOKED_DAYS = 200  # how far ahead pre-booked recalls are on the book: the next six months
LEAVE_NOTICE_DAYS = 30  # nothing is booked in a patient's last month with the practice
PROPHY_DAYS, PERIO_DAYS = 182, 105
LATENESS = ((1.0, 0.6), (1.25, 0.25), (1.6, 0.15))  # a patient's own interval, as a multiple of the recall one
MEAN_INTERVAL_DAYS = PROPHY_DAYS * sum(factor * share for factor, share in LATENESS)
PERIO_SHARE_BY_AGE = ((25, 0.0), (45, 0.07), (65, 0.15), (200, 0.20))
NO_SHOW_SHARE = parameter("clinical.hygiene.no_show_share")
ATTENDANCE_MEAN, ATTENDANCE_SPREAD, PREBOOKED_SHARE = parameters(
    "clinical.hygiene.attendance_mean", "clinical.hygiene.attendance_spread", "clinical.hygiene.prebooked_share")
EMERGENCY_FIRST_SHARE, COMPREHENSIVE_AFTER_EMERGENCY, PALLIATIVE_SHARE = parameters(
    "clinical.hygiene.emergency_first_share", "clinical.hygiene.comprehensive_after_emergency",
    "clinical.hygiene.palliative_at_emergency")
COMPREHENSIVE_AFTER_DAYS = (7, 42)
CHILD_PROPHY_AGE, FLUORIDE_AGE, BITEWING_AGE, PANO_AGE, TODDLER_AGE = 14, 16, 5, 12, 3
BITEWING_DAYS = 330
FULL_FILM_YEARS = (3, 5)  # a full-mouth series or panoramic film is due again after 3-5 years
EXAM_GAP_DAYS, EXAM_YEAR_DAYS = 150, 365  # periodic exams: this far apart, at most two within a year
PERIO_FOUND_AGE = 25
SRP_FIRST_HALF_DAYS, SRP_SECOND_HALF_DAYS = (7, 21), (7, 14)
(FMX_SHARE, ADULT_FLUORIDE, ADULT_PA, CHILD_HYGIENE_INSTRUCTION, SEALANTS_AT_FIRST_VISIT, SEALANTS_AT_RECALL,
 ANTIMICROBIAL_SHARE) = parameters(
    "clinical.hygiene.fmx_share", "clinical.hygiene.adult_fluoride", "clinical.hygiene.adult_pa",
    "clinical.hygiene.child_hygiene_instruction", "clinical.hygiene.sealants_at_first_visit",
    "clinical.hygiene.sealants_at_recall", "clinical.hygiene.antimicrobial_share")
SRP_AT_RECALL, PERIO_MAINTENANCE_ATTENDANCE, NO_MAINTENANCE_AFTER_SRP = parameters(
    "clinical.hygiene.srp_at_recall", "clinical.hygiene.perio_maintenance_attendance",
    "clinical.hygiene.no_maintenance_after_srp")


def years(delta):
    return delta.astype("timedelta64[D]").astype(int) / 365.25


def plan(ctx, chart, budget):
    """Chart every hygiene visit of the practice's patients up to the booking horizon; `budget` scales the
    attendance (visit_budget(ctx): the patients' own behaviour). Returns the care cohort (one entry per
    patient who came)."""
    rng = ctx.rng("hygiene")
    care = cohort(ctx, rng, ctx.today + RECALL_BOOKED_DAYS)
    care.attendance = attendance(rng, len(care.patient), budget / visit_budget(ctx))
    care.bitewing, care.pano = np.full(len(care.patient), NO_DATE), np.full(len(care.patient), NO_DATE)
    care.exams = np.full((2, len(care.patient)), NO_DATE)  # the last two periodic exams
    first_visits(ctx, rng, chart, care)
    due_dates(ctx, rng, chart, care)
    return care


def visit_budget(ctx):
    """About the hygiene visits the patients' behaviour gives: a first visit each, then ATTENDANCE_MEAN of
    their due dates while with the practice. The scale --volume appointments steers the attendance by."""
    pt = ctx.practice.patients
    came = pt.first_visit != NO_DATE
    care_days = (np.minimum(pt.left[came], ctx.today) - pt.first_visit[came]).astype(int).sum()
    return max(came.sum() + ATTENDANCE_MEAN * care_days / MEAN_INTERVAL_DAYS, 1.0)


def cohort(ctx, rng, horizon):
    """The patients who came, their perio status and personal interval, and `until`: the last day a visit
    of theirs may be booked (the horizon, or a month before they left)."""
    pt = ctx.practice.patients
    patient = np.flatnonzero(pt.first_visit != NO_DATE)
    n = len(patient)
    birth, first = pt.birth[patient], pt.first_visit[patient]
    age = years(first - birth)
    perio_chance = np.array([share for _, share in PERIO_SHARE_BY_AGE])[
        np.searchsorted([limit for limit, _ in PERIO_SHARE_BY_AGE], age, side="right")]
    perio = rng.random(n) < perio_chance
    lateness = weighted_choice(rng, LATENESS, n) * rng.uniform(0.95, 1.1, n)
    interval = np.where(perio, PERIO_DAYS, PROPHY_DAYS) * lateness
    until = np.minimum(pt.left[patient] - LEAVE_NOTICE_DAYS, horizon)
    return SimpleNamespace(patient=patient, birth=birth, first=first, new=np.ones(n, dtype=bool), perio=perio,
                           interval=interval, until=until, emergency=rng.random(n) < EMERGENCY_FIRST_SHARE)


def attendance(rng, n, scale):
    """Each patient's chance to come at a due date: a beta draw (most come regularly, some seldom), its
    mean ATTENDANCE_MEAN times `scale`."""
    mean = np.clip(ATTENDANCE_MEAN * scale, 0.01, 0.99)
    return rng.beta(mean * ATTENDANCE_SPREAD, (1 - mean) * ATTENDANCE_SPREAD, n)


def first_visits(ctx, rng, chart, care):
    """Each patient's first visit on their first-visit day and the comprehensive exam (with x-rays and a
    cleaning) that day or, after an emergency first visit, weeks later (or never: such a patient keeps no
    recall rhythm). Perio patients then get scaling and root planing. Sets `care.due`, the day the recall
    rhythm runs from, and `care.last_visit`, the visit it runs from (-1 if none)."""
    in_pain = np.flatnonzero(care.emergency)
    emergency_visits(ctx, rng, chart, care, in_pain)
    care.due = care.first.copy()
    care.due[in_pain] += days(rng.uniform(*COMPREHENSIVE_AFTER_DAYS, len(in_pain)))
    returns = (~care.emergency | (rng.random(len(care.due)) < COMPREHENSIVE_AFTER_EMERGENCY)) & \
        (care.due <= care.until)
    care.attendance[~returns] = 0.0
    new = np.flatnonzero(returns)
    care.last_visit = np.full(len(care.due), -1)
    care.last_visit[new] = cleaning_visit(ctx, rng, chart, care, new, care.due[new], comprehensive=True)
    perio = new[care.perio[new]]
    scaling_and_root_planing(ctx, rng, chart, care, perio, care.due[perio], care.until[perio])


def emergency_visits(ctx, rng, chart, care, who):
    """A new patient in pain: a limited exam and a periapical film, often palliative care."""
    c = ctx.practice.codes.index
    visit = chart.add_visits(care.patient[who], care.first[who], KIND["emergency"])
    soothed = rng.random(len(who)) < PALLIATIVE_SHARE
    for code, chosen in (("D0140", slice(None)), ("D0220", slice(None)), ("D9110", soothed)):
        chart.add_procedures(care.patient[who][chosen], visit[chosen], c[code])


def due_dates(ctx, rng, chart, care):
    """Recall visits, one round of due dates at a time, while the patient is with the practice: before today
    the patient comes (their attendance), or booked and missed, or not; the first due date after today is on
    the book for most patients who came to the last one. A patient who came to the last one mostly booked this
    one at its checkout (`booked_at`)."""
    who = np.arange(len(care.patient))
    due = care.due.copy()
    came, last_visit = np.ones(len(who), dtype=bool), care.last_visit.copy()
    while len(who):
        date = due[who] + days(care.interval[who] * rng.uniform(0.85, 1.15, len(who)))
        in_time = date <= care.until[who]
        who, date = who[in_time], date[in_time]
        past = date < ctx.today
        prebooked = came[who] & (last_visit[who] >= 0) & (rng.random(len(who)) < PREBOOKED_SHARE)
        comes = np.where(past, rng.random(len(who)) < care.attendance[who], prebooked)
        missed = past & ~comes & (rng.random(len(who)) < care.attendance[who] * NO_SHOW_SHARE)
        booked_at = np.where(prebooked, last_visit[who], -1)
        visit = cleaning_visit(ctx, rng, chart, care, who[comes], date[comes], comprehensive=False)
        chart.book_ahead(visit, booked_at[comes])
        chart.book_ahead(cleaning_visit(ctx, rng, chart, care, who[missed], date[missed], comprehensive=False,
                                        no_show=True), booked_at[missed])
        last_visit[who[comes]] = visit
        came[who], due[who] = comes, date
        who = who[past]  # one due date after today is booked at most


def cleaning_visit(ctx, rng, chart, care, who, date, comprehensive, no_show=False):
    """One hygiene visit per patient in `who`: exam, cleaning, x-rays when due, fluoride; sometimes sealants,
    oral hygiene instruction for children, antibiotic in perio pockets."""
    c = ctx.practice.codes.index
    n = len(who)
    age = years(date - care.birth[who])
    child, perio = age < CHILD_PROPHY_AGE, care.perio[who]
    kind = np.where(comprehensive, np.where(child, KIND["new_child"], KIND["new_adult"]),
                    np.where(perio, KIND["perio"], np.where(child, KIND["child_recall"], KIND["adult_recall"])))
    visit = chart.add_visits(care.patient[who], date, kind, no_show=no_show)
    none = np.full(n, -1)
    examined = comprehensive | exam_due(care, who, date)
    exam = np.where(examined, np.where(age < TODDLER_AGE, c["D0145"], c["D0150"] if comprehensive else c["D0120"]),
                    none)
    cleaning = np.where(perio, -1 if comprehensive else c["D4910"], np.where(child, c["D1120"], c["D1110"]))
    if comprehensive:
        fmx = ~child & (rng.random(n) < FMX_SHARE)
        pano = ~child & ~fmx
    else:
        due = (age >= PANO_AGE) & ((date - care.pano[who]).astype(int) >= 365.25 * rng.uniform(*FULL_FILM_YEARS, n))
        fmx = due & (rng.random(n) < 0.4)
        pano = due & ~fmx
    bitewings_due = (age >= BITEWING_AGE) & ~fmx & ((date - care.bitewing[who]).astype(int) >= BITEWING_DAYS)
    fluoride = (age < FLUORIDE_AGE) | (rng.random(n) < ADULT_FLUORIDE)
    slots = np.stack([
        exam, cleaning,
        np.where(fmx, c["D0210"], none), np.where(pano, c["D0330"], none),
        np.where(bitewings_due, np.where(age >= PANO_AGE, c["D0274"], c["D0272"]), none),
        np.where(fluoride, np.where(rng.random(n) < 0.9, c["D1206"], c["D1208"]), none),
        np.where(~child & ~comprehensive & (rng.random(n) < ADULT_PA), c["D0220"], none),
        np.where(child & (rng.random(n) < CHILD_HYGIENE_INSTRUCTION), c["D1330"], none),
    ], axis=1)
    charted = slots >= 0
    rows = np.repeat(np.arange(n), charted.sum(axis=1))
    chart.add_procedures(care.patient[who][rows], visit[rows], slots[charted])
    sealants = SEALANTS_AT_FIRST_VISIT if comprehensive else SEALANTS_AT_RECALL
    sealing = (age >= 6) & (age < 15) & (rng.random(n) < sealants)
    per_tooth(ctx, rng, chart, care, who, visit, sealing, "D1351", SEALANT_MOLARS, np.where(rng.random(n) < 0.5, 2, 4))
    pockets = perio & ~comprehensive & (rng.random(n) < ANTIMICROBIAL_SHARE)
    per_tooth(ctx, rng, chart, care, who, visit, pockets, "D4381", PERMANENT, rng.integers(1, 5, n))
    if not no_show:
        care.bitewing[who[bitewings_due | fmx]] = date[bitewings_due | fmx]
        care.pano[who[fmx | pano]] = date[fmx | pano]
        care.exams[:, who[examined]] = np.stack([date[examined], care.exams[0, who[examined]]])
        found = (not comprehensive) & ~perio & (age >= PERIO_FOUND_AGE) & (rng.random(n) < SRP_AT_RECALL)
        scaling_and_root_planing(ctx, rng, chart, care, who[found], date[found],
                                 np.minimum(care.until[who[found]], ctx.today + BOOKING_DAYS))
    return visit


def exam_due(care, who, date):
    """A periodic exam is due: EXAM_GAP_DAYS since the last one, and the one before it over a year ago."""
    since = (date - care.exams[:, who]).astype(int)
    return (since[0] >= EXAM_GAP_DAYS) & (since[1] > EXAM_YEAR_DAYS)


def per_tooth(ctx, rng, chart, care, who, visit, chosen, code, teeth, count):
    """count[i] procedures of `code` on different teeth of `teeth` at each chosen visit."""
    chosen = np.flatnonzero(chosen)
    rows = np.repeat(chosen, count[chosen])
    chart.add_procedures(care.patient[who][rows], visit[rows], ctx.practice.codes.index[code],
                         tooth=distinct(rng, teeth, count[chosen]))


def scaling_and_root_planing(ctx, rng, chart, care, who, found, horizon):
    """Deep cleaning after periodontitis was found on day `found`: two visits of two quadrants each (up to the
    horizon), D4341 (four or more diseased teeth in the quadrant) or D4342. The patients are in perio
    maintenance from then on: perio recall interval, and most keep coming (some never come back)."""
    c = ctx.practice.codes.index
    first_half = found + days(rng.uniform(*SRP_FIRST_HALF_DAYS, len(who)))
    second_half = first_half + days(rng.uniform(*SRP_SECOND_HALF_DAYS, len(who)))
    for date, quadrants in ((first_half, QUADRANTS[:2]), (second_half, QUADRANTS[2:])):
        due = date <= horizon
        visit = chart.add_visits(care.patient[who[due]], date[due], KIND["srp"])
        rows = np.repeat(np.arange(due.sum()), len(quadrants))
        code = np.where(rng.random(len(rows)) < 0.75, c["D4341"], c["D4342"])
        chart.add_procedures(care.patient[who[due]][rows], visit[rows], code, surf=np.tile(quadrants, due.sum()))
    care.interval[who] *= np.where(care.perio[who], 1, PERIO_DAYS / PROPHY_DAYS)
    care.perio[who] = True
    keeps_coming = rng.random(len(who)) >= NO_MAINTENANCE_AFTER_SRP
    care.attendance[who] = np.where(keeps_coming, np.maximum(care.attendance[who], PERIO_MAINTENANCE_ATTENDANCE), 0.0)
