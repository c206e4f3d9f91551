"""Hygiene care: every active patient's cleanings over the window, with the exam, x-rays and fluoride of each.

A NEW patient (first visit inside the window) starts with a comprehensive exam visit on their first-visit
day; an ESTABLISHED patient's rhythm runs on from before the window. Each patient has a personal interval
(six months, three to four for perio maintenance, stretched for the ones who tend to come late) and an
ATTENDANCE: the chance to come at each due date. Attendance is spread so that most patients either come
regularly or rarely, and its mean is the one free parameter: set so that hygiene fills its share of
ctx.config.volume("appointments"). Patients who rarely come stay overdue for long; some due dates were
booked and missed (no-shows, which keep their procedures).

Perio patients (some adults, more of the older ones) are in perio maintenance; a new perio patient first
gets scaling and root planing, two quadrants a visit.
"""
from types import SimpleNamespace

import numpy as np

from core.randomness import weighted_choice

from ..parameters import parameter, parameters
from ..timeline import NO_DATE, days
from .chart import KIND
from .teeth import PERMANENT, QUADRANTS, SEALANT_MOLARS, distinct

# Hygiene visits are about this share of the visits that take place (restorative and emergency ones are the
# rest); broken and planned appointments come on top (completion_rate of appointments take place).
HYGIENE_SHARE = parameter("clinical.hygiene.hygiene_share")
BOOKING_DAYS = 90  # how far ahead the book is filled
PROPHY_DAYS, PERIO_DAYS = 182, 105
LATENESS = ((1.0, 0.6), (1.25, 0.25), (1.6, 0.15))  # a patient's own interval, as a multiple of the recall one
ATTENDANCE_SPREAD = 0.6  # beta concentration: small = patients are either regulars or seldom come
PERIO_SHARE_BY_AGE = ((25, 0.0), (45, 0.07), (65, 0.15), (200, 0.20))
NO_SHOW_SHARE = parameter("clinical.hygiene.no_show_share")
CHILD_PROPHY_AGE, FLUORIDE_AGE, BITEWING_AGE, PANO_AGE = 14, 16, 5, 12
BITEWING_DAYS, PANO_DAYS = 330, 1826
(FMX_SHARE, ADULT_FLUORIDE, ADULT_PA, CHILD_HYGIENE_INSTRUCTION, SEALANTS_AT_FIRST_VISIT, SEALANTS_AT_RECALL,
 ANTIMICROBIAL_SHARE) = parameters(
    "clinical.hygiene.fmx_share", "clinical.hygiene.adult_fluoride", "clinical.hygiene.adult_pa",
    "clinical.hygiene.child_hygiene_instruction", "clinical.hygiene.sealants_at_first_visit",
    "clinical.hygiene.sealants_at_recall", "clinical.hygiene.antimicrobial_share")


def years(delta):
    return delta.astype("timedelta64[D]").astype(int) / 365.25


def plan(ctx, chart, budget):
    """Chart every cleaning visit up to the booking horizon (about `budget` of them); returns the care cohort
    (one entry per active patient) with each patient's history before the window, for the recalls."""
    rng = ctx.rng("hygiene")
    horizon = ctx.today + BOOKING_DAYS
    care = cohort(ctx, rng)
    care.attendance = attendance(rng, care, horizon, budget)
    care.before = history_before_window(rng, care)
    care.bitewing, care.pano = care.before.bitewing.copy(), care.before.pano.copy()  # x-rays are due again from these
    first_visits(ctx, rng, chart, care, horizon)
    due_dates(ctx, rng, chart, care, horizon)
    return care


def visit_budget(ctx):
    """The number of hygiene visits the practice's appointment volume holds."""
    return ctx.config.volume("appointments") * ctx.config.completion_rate * HYGIENE_SHARE


def cohort(ctx, rng):
    """The active patients, their perio status and personal interval; `due` is an established patient's last
    due date before the window (the rhythm's phase)."""
    pt = ctx.practice.patients
    patient = np.flatnonzero(pt.active)
    n = len(patient)
    birth, first, new = pt.birth[patient], pt.first_visit[patient], pt.new_in_window[patient]
    age = years(ctx.start - birth)
    perio_chance = np.array([share for _, share in PERIO_SHARE_BY_AGE])[
        np.searchsorted([limit for limit, _ in PERIO_SHARE_BY_AGE], age, side="right")]
    perio = rng.random(n) < perio_chance
    lateness = weighted_choice(rng, LATENESS, n) * rng.uniform(0.95, 1.1, n)
    interval = np.where(perio, PERIO_DAYS, PROPHY_DAYS) * lateness
    due = np.where(new, first, ctx.start - days(rng.uniform(0, interval)))
    return SimpleNamespace(patient=patient, birth=birth, first=first, new=new, perio=perio, interval=interval,
                           due=due)


def attendance(rng, care, horizon, budget):
    """Each patient's chance to come at a due date. Its mean makes the expected number of visits up to the
    horizon equal the budget (a new patient's first visit is certain)."""
    due_dates_ahead = np.maximum((horizon - care.due).astype(int) // care.interval, 0)
    mean = np.clip((budget - care.new.sum()) / max(due_dates_ahead.sum(), 1), 0.01, 0.99)
    return rng.beta(mean * ATTENDANCE_SPREAD, (1 - mean) * ATTENDANCE_SPREAD, len(care.patient))


def history_before_window(rng, care):
    """An established patient was last seen at their last due date before the window (the patients phase
    counts them active); bitewings then or one interval earlier; a panoramic x-ray at the first visit and
    every five years since. NO_DATE for new patients."""
    last = care.due
    bitewing = np.where(rng.random(len(last)) < 0.6, last, np.maximum(last - days(care.interval), care.first))
    pano = care.first + days(PANO_DAYS * ((last - care.first).astype(int) // PANO_DAYS))
    return SimpleNamespace(**{name: np.where(care.new, NO_DATE, value) for name, value in
                              (("cleaning", last), ("bitewing", bitewing), ("pano", pano))})


def first_visits(ctx, rng, chart, care, horizon):
    """New patients: comprehensive exam, x-rays and cleaning; perio patients then get scaling and root planing."""
    new = np.flatnonzero(care.new)
    cleaning_visit(ctx, rng, chart, care, new, care.first[new], comprehensive=True)
    perio = new[care.perio[new]]
    first_half = care.first[perio] + days(rng.uniform(7, 21, len(perio)))
    second_half = first_half + days(rng.uniform(7, 14, len(perio)))
    for date, quadrants in ((first_half, QUADRANTS[:2]), (second_half, QUADRANTS[2:])):
        due = date <= horizon
        scaling_and_root_planing(ctx, rng, chart, care, perio[due], date[due], quadrants)


def due_dates(ctx, rng, chart, care, horizon):
    """Recall visits, one round of due dates at a time, until the horizon."""
    who = np.arange(len(care.patient))
    due = care.due.copy()
    while len(who):
        date = due[who] + days(care.interval[who] * rng.uniform(0.85, 1.15, len(who)))
        in_time = date <= horizon
        who, date = who[in_time], date[in_time]
        in_window = date >= ctx.start  # a first due date may still fall just before the window
        comes = in_window & (rng.random(len(who)) < care.attendance[who])
        booked = rng.random(len(who)) < care.attendance[who] * NO_SHOW_SHARE
        missed = in_window & ~comes & booked & (date < ctx.today)
        cleaning_visit(ctx, rng, chart, care, who[comes], date[comes], comprehensive=False)
        cleaning_visit(ctx, rng, chart, care, who[missed], date[missed], comprehensive=False, no_show=True)
        due[who] = date


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
    exam = np.full(n, c["D0150"] if comprehensive else c["D0120"])
    cleaning = np.where(perio, -1 if comprehensive else c["D4910"], np.where(child, c["D1120"], c["D1110"]))
    if comprehensive:
        fmx = ~child & (rng.random(n) < FMX_SHARE)
        pano = ~child & ~fmx
    else:
        due = (age >= PANO_AGE) & ((date - care.pano[who]).astype(int) >= PANO_DAYS)
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
    return visit


def per_tooth(ctx, rng, chart, care, who, visit, chosen, code, teeth, count):
    """count[i] procedures of `code` on different teeth of `teeth` at each chosen visit."""
    chosen = np.flatnonzero(chosen)
    rows = np.repeat(chosen, count[chosen])
    chart.add_procedures(care.patient[who][rows], visit[rows], ctx.practice.codes.index[code],
                         tooth=distinct(rng, teeth, count[chosen]))


def scaling_and_root_planing(ctx, rng, chart, care, who, date, quadrants):
    """Deep cleaning of two quadrants a visit: D4341 (four or more diseased teeth in the quadrant) or D4342."""
    c = ctx.practice.codes.index
    visit = chart.add_visits(care.patient[who], date, KIND["srp"])
    rows = np.repeat(np.arange(len(who)), len(quadrants))
    code = np.where(rng.random(len(rows)) < 0.75, c["D4341"], c["D4342"])
    chart.add_procedures(care.patient[who][rows], visit[rows], code, surf=np.tile(quadrants, len(who)))
