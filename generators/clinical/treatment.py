"""Restorative dentistry: what the dentist finds at exams and emergencies, the treatment plan, and the visits
that carry it out.

An exam may find treatment CASES (generators/data/treatment_cases.csv): a filling, a crown, a root canal and
crown, an extraction, an implant... Each case is a few procedures over one or more stages
(treatment_steps.csv), e.g. a crown prep with build-up, then the crown seated two to three weeks later.
Every procedure is treatment-planned on the exam day. The patient accepts a case or not (its `accept` share);
accepted cases are done at dentist visits weeks later (some are postponed for months): the first stages of
one exam's cases together, each later stage at a visit of its own. What is not done - declined, or not due
before the booking horizon - stays planned.

Cases follow the patient's age: their shares change gradually from a child's to a senior's, and a case is on a
tooth the patient has at that age (baby teeth, the mixed dentition of school children, permanent teeth).

How many cases an exam finds is the free parameter: it is set so the practice charts its target number of
procedures (ctx.config.volume("procedures")). Some patients need much more than others; most of a
patient's needs show at their first exam in the window.
"""
from types import SimpleNamespace

import numpy as np

from opendental.codes import ProcStatus
from opendental.definitions import NONE, DefCat, defnum

from ..data import read_table
from .chart import DTYPES, KIND
from ..parameters import parameter
from ..timeline import days
from .hygiene import BOOKING_DAYS, years
from .teeth import (POSTERIOR, WISDOM_PARTNERS, distinct, is_primary, neighbor, site_numbers, sites,
                    surface_counts, surfaces, tooth_class, wisdom_partner)

# Case shares by age: the columns of treatment_cases.csv describe a child (baby and mixed teeth), a teenager, an
# adult and a senior of these ages; between them the shares change gradually, so no treatment stops at an age.
AGE_GROUPS = ("child", "teen", "adult", "senior")
GROUP_AGES = (7, 15, 40, 75)
NO_ROOT_CANAL_AGE = 6  # before the first permanent teeth, a tooth in pain comes out
FIRST_EXAM_SHARE = parameter("clinical.treatment.first_exam_share")
NEED_SPREAD, MOST_NEED = 3, 3.0  # a patient's needs over the window (mean 1): gamma shape (small: few need a lot)
FIRST_VISIT_DAYS, POSTPONED_DAYS = (7, 42), (60, 240)
POSTPONED_SHARE = parameter("clinical.treatment.postponed_share")
EMERGENCIES_PER_YEAR = parameter("clinical.treatment.emergencies_per_year")
EMERGENCY_OUTCOMES = (("extraction", 0.3), ("palliative", 0.25), ("root_canal", 0.45))
ROOT_CANAL_ACCEPT = parameter("clinical.treatment.root_canal_accept")
ROOT_CANAL_DAYS = (2, 10)
EXISTING_WORK_SHARE = parameter("clinical.treatment.existing_work_share")
EXISTING_WORK = (("D2740", ""), ("D2750", ""), ("D3330", ""), ("D2391", "O"), ("D2392", "MO"), ("D2392", "DO"),
                 ("D2160", "MOD"))
CONDITION_SHARE = parameter("clinical.treatment.condition_share")
SURGICAL_SHARE = parameter("clinical.treatment.surgical_extraction_share")


def load_cases(ctx):
    """The case and step tables as arrays of code indices, DefNums and shares."""
    c = ctx.practice.codes.index
    cases, steps = read_table("treatment_cases"), read_table("treatment_steps")
    names = [r["case"] for r in cases]
    case_of_step = np.array([names.index(r["case"]) for r in steps])
    n_steps = np.bincount(case_of_step, minlength=len(names))
    share = np.array([float(r["share"]) for r in steps])
    alternatives = np.full((len(steps), 4), -1)
    for i, r in enumerate(steps):
        codes = [c[code] for code in r["code"].split("|")]
        alternatives[i, :len(codes)] = codes
    weights = np.array([[float(r[group]) for r in cases] for group in AGE_GROUPS])
    expected_steps = np.bincount(case_of_step, weights=share, minlength=len(names))
    stage = np.array([int(r["stage"]) for r in steps])
    stage_wait = np.zeros((len(names), stage.max(), 2))
    for i, r in enumerate(steps):
        if r["delay_min"]:
            stage_wait[case_of_step[i], stage[i] - 1] = int(r["delay_min"]), int(r["delay_max"])
    return SimpleNamespace(
        names=names, weights=weights / weights.sum(axis=1, keepdims=True),
        accept=np.array([float(r["accept"]) for r in cases]), site=np.array([r["site"] for r in cases]),
        dx=np.array([defnum(DefCat.DIAGNOSIS, r["dx"]) if r["dx"] else NONE for r in cases]),
        priority=np.array([defnum(DefCat.TX_PRIORITIES, r["priority"]) for r in cases]),
        procedures_per_case=expected_steps,
        first_step=np.cumsum(n_steps) - n_steps, n_steps=n_steps,
        stage_wait=stage_wait, step_stage=stage, step_share=share, alternatives=alternatives,
        step_pick=np.array([r["pick"] for r in steps]), step_tooth=np.array([r["tooth"] for r in steps]),
        step_permanent=np.array([r["dentition"] == "permanent" for r in steps]),
        step_kind=np.array([KIND[r["visit_kind"]] if r["visit_kind"] else KIND["dentist"] for r in steps]),
    )


def emergencies(ctx, chart, care, cases):
    """Patients in pain: a limited exam and a periapical x-ray, then an extraction or palliative care on the
    spot, or a root canal booked within days."""
    rng = ctx.rng("emergency")
    c = ctx.practice.codes.index
    care_start = np.where(care.new, care.first, ctx.start)
    span = (np.minimum(care.until, ctx.today) - care_start).astype(int)
    count = rng.poisson(EMERGENCIES_PER_YEAR * span / 365.25)
    who = np.repeat(np.arange(len(care.patient)), count)
    patient = care.patient[who]
    date = chart.open_day(care_start[who] + days(rng.uniform(0, span[who] - 1)))
    visit = chart.add_visits(patient, date, KIND["emergency"])
    for code in ("D0140", "D0220"):
        chart.add_procedures(patient, visit, c[code])
    age = years(date - care.birth[who])
    outcome = rng.choice([name for name, _ in EMERGENCY_OUTCOMES], len(who), p=[s for _, s in EMERGENCY_OUTCOMES])
    outcome = np.where((age < NO_ROOT_CANAL_AGE) & (outcome == "root_canal"), "extraction", outcome)
    tooth = np.where(outcome == "extraction", sites(rng, "any", age), "")
    outcome = np.where((outcome == "extraction") & (tooth == ""), "palliative", outcome)
    pulled = outcome == "extraction"
    chart.add_procedures(patient[pulled], visit[pulled], c["D7140"], tooth=tooth[pulled],
                         dx=defnum(DefCat.DIAGNOSIS, "Abscess"))
    soothed = outcome == "palliative"
    chart.add_procedures(patient[soothed], visit[soothed], c["D9110"])
    canal = np.flatnonzero(outcome == "root_canal")
    plan_cases(ctx, rng, chart, cases, visit[canal], patient[canal], date[canal], age[canal],
               np.full(len(canal), cases.names.index("root_canal")), rng.random(len(canal)) < ROOT_CANAL_ACCEPT,
               days(rng.uniform(*ROOT_CANAL_DAYS, len(canal))))


def diagnose(ctx, chart, cases):
    """Findings and treatment plans at every exam that has taken place."""
    rng = ctx.rng("treatment")
    visits = chart.visits()
    exam = np.flatnonzero((visits["date"] < ctx.today) & ~visits["no_show"] &
                          np.isin(visits["kind"], [KIND[k] for k in ("new_adult", "new_child", "adult_recall",
                                                                       "child_recall", "perio")]))
    patient, date = visits["patient"][exam], visits["date"][exam]
    first_exam = np.isin(visits["kind"][exam], [KIND["new_adult"], KIND["new_child"]])
    age = years(date - ctx.practice.patients.birth[patient])
    existing_work(ctx, rng, chart, exam[first_exam & (age >= 18)], patient[first_exam & (age >= 18)])
    conditions(ctx, rng, chart, exam, patient, age)
    weights = case_weights(cases, age)
    which = exams_of_cases(ctx, rng, chart, cases, patient, date, weights)
    chances = np.cumsum(weights[which], axis=1)
    case_type = np.minimum((rng.random(len(which))[:, None] > chances).sum(axis=1), len(cases.names) - 1)
    postponed = rng.random(len(exam)) < POSTPONED_SHARE
    delay = np.where(postponed, days(rng.uniform(*POSTPONED_DAYS, len(exam))),
                     days(rng.uniform(*FIRST_VISIT_DAYS, len(exam))))
    plan_cases(ctx, rng, chart, cases, exam[which], patient[which], date[which], age[which], case_type,
               rng.random(len(which)) < cases.accept[case_type], delay[which])


def case_weights(cases, age):
    """Per exam, the share of each case at the patient's age (rows sum to 1)."""
    weights = np.stack([np.interp(age, GROUP_AGES, cases.weights[:, k]) for k in range(len(cases.names))], axis=1)
    return weights / weights.sum(axis=1, keepdims=True)


def exams_of_cases(ctx, rng, chart, cases, patient, date, weights):
    """How many cases each patient needs over the window, and the exam that finds each: most at the patient's
    first exam in the window (the treatment plan), the others at any exam. Returns the exam (index into the
    given arrays) of every case."""
    if not len(patient):
        return np.zeros(0, dtype=int)
    order = np.lexsort((date, patient))
    examined, first, count = np.unique(patient[order], return_index=True, return_counts=True)
    need = np.minimum(rng.gamma(NEED_SPREAD, 1 / NEED_SPREAD, len(examined)), MOST_NEED)
    per_case = (weights @ cases.procedures_per_case).mean()
    missing = max(0, ctx.config.volume("procedures") - chart.procedure_count)
    owner = np.repeat(np.arange(len(examined)), rng.poisson(missing / per_case / need.sum() * need))
    any_exam = (rng.random(len(owner)) * count[owner]).astype(int)
    nth = np.where(rng.random(len(owner)) < FIRST_EXAM_SHARE, 0, any_exam)
    return order[first[owner] + nth]


def existing_work(ctx, rng, chart, exam, patient):
    """Crowns and fillings another dentist did, charted at the new patient's first exam."""
    charted = rng.random(len(exam)) < EXISTING_WORK_SHARE
    count = rng.integers(1, 4, charted.sum())
    rows = np.repeat(np.flatnonzero(charted), count)
    work = rng.integers(0, len(EXISTING_WORK), len(rows))
    code = np.array([ctx.practice.codes.index[code] for code, _ in EXISTING_WORK])[work]
    chart.add_procedures(patient[rows], -1, code, tooth=distinct(rng, POSTERIOR, count),
                         surf=np.array([surf for _, surf in EXISTING_WORK])[work], planned_at=exam[rows],
                         status=ProcStatus.EXISTING_OTHER_PROVIDER)


def conditions(ctx, rng, chart, exam, patient, age):
    """A tooth to watch, charted at some exams."""
    tooth = sites(rng, "any", age)
    watched = (rng.random(len(exam)) < CONDITION_SHARE) & (tooth != "")
    chart.add_procedures(patient[watched], -1, ctx.practice.codes.index["Watch"], tooth=tooth[watched],
                         planned_at=exam[watched], status=ProcStatus.CONDITION)


def plan_cases(ctx, rng, chart, cases, exam, patient, exam_date, age, case_type, accepted, delay):
    """Chart each case's steps as planned at `exam`, and book the stages of accepted cases that fall before
    the horizon: one visit per exam and stage, on the earliest day one of its cases is ready for it. `delay`
    is the time to a case's first stage; `age` the patient's (years), which sets the teeth a case may be on.
    Steps for permanent teeth only (a ridge graft) are left out on a primary tooth."""
    n = len(case_type)
    row = np.repeat(np.arange(n), cases.n_steps[case_type])
    step = cases.first_step[case_type][row] + np.arange(len(row)) - \
        np.repeat(np.cumsum(cases.n_steps[case_type]) - cases.n_steps[case_type], cases.n_steps[case_type])
    charted = rng.random(len(row)) < cases.step_share[step]
    row, step = row[charted], step[charted]
    site, dropped = case_sites(rng, cases, case_type, age, exam, row, step)
    row, step = row[~dropped[row]], step[~dropped[row]]
    tooth = step_teeth(cases, site[row], step)
    charted = ~(cases.step_permanent[step] & is_primary(tooth))
    row, step, tooth = row[charted], step[charted], tooth[charted]
    surf, code = step_codes(rng, cases, site[row], tooth, step)
    stage = cases.step_stage[step]
    date = exam_date[row] + stage_offsets(rng, cases, case_type, delay)[row, stage - 1]
    booked = accepted[row] & (date <= ctx.today + BOOKING_DAYS)
    groups, first_member, group_of = np.unique((exam[row] * 8 + stage)[booked], return_index=True,
                                               return_inverse=True)
    visit_date = np.full(len(groups), np.datetime64("9999-12-31", "D"))
    np.minimum.at(visit_date, group_of, date[booked])
    kind = np.full(len(groups), KIND["dentist"])
    np.maximum.at(kind, group_of, cases.step_kind[step][booked])  # crown prep / implant consult outrank plain visits
    visit_of_group = chart.add_visits(patient[row][booked][first_member], visit_date, kind,
                                      planned_at=exam[row][booked][first_member])
    visit = np.full(len(row), -1)
    visit[booked] = visit_of_group[group_of]
    chart.add_procedures(patient[row], visit, code, tooth=tooth, surf=surf, planned_at=exam[row],
                         dx=cases.dx[case_type][row], priority=cases.priority[case_type][row])


def case_sites(rng, cases, case_type, age, exam, row, step, tries=10):
    """The tooth (or arch) of each case, and whether the case is dropped. One exam's cases never share a
    tooth or arch (a bridge also holds its neighbors): a case that clashes with an earlier one draws again,
    and is dropped after a few tries; a case with no tooth of its kind at the patient's age is dropped too.
    `row`, `step`: the case and step of each charted step."""
    site = np.empty(len(case_type), dtype="<U2")
    clash = np.zeros(len(case_type), dtype=bool)
    redo = np.arange(len(case_type))
    unsettled = np.ones(len(row), dtype=bool)  # steps of the exams still being sorted out
    for _ in range(tries):
        for kind in np.unique(cases.site[case_type[redo]]):
            these = redo[cases.site[case_type[redo]] == kind]
            site[these] = sites(rng, kind, age[these])
        case, case_step = row[unsettled], step[unsettled]
        teeth = step_teeth(cases, site[case], case_step)
        place = np.where(cases.step_tooth[case_step] == "arch", site[case], teeth)
        held = place != ""
        key, owner = exam[case][held] * 16384 + site_numbers(place[held]), case[held]
        order = np.lexsort((owner, key))
        key, owner = key[order], owner[order]
        clash[:] = False
        clash[owner[1:][(key[1:] == key[:-1]) & (owner[1:] != owner[:-1])]] = True
        redo = np.flatnonzero(clash)
        if not len(redo):
            break
        unsettled = np.isin(exam[row], exam[redo])
    return site, clash | (site == "")


def stage_offsets(rng, cases, case_type, delay):
    """Days from the exam to each stage of each case: the first after `delay`, later ones after their stage's wait."""
    wait = days(rng.uniform(cases.stage_wait[case_type, :, 0], cases.stage_wait[case_type, :, 1]))
    wait[:, 0] = delay
    return np.cumsum(wait, axis=1)


def step_teeth(cases, site, step):
    """The tooth each step treats: the case's site, a neighbor of it (bridge abutments), or the partner of a
    wisdom tooth; '' for whole-mouth and arch steps."""
    role = cases.step_tooth[step]
    tooth = np.where(role == "site", site, "")
    for name, offset in (("abutment_a", -1), ("abutment_b", 1)):
        tooth[role == name] = neighbor(site[role == name], offset)
    for name in WISDOM_PARTNERS:
        tooth[role == name] = wisdom_partner(site[role == name], name)
    return tooth


def step_codes(rng, cases, site, tooth, step):
    """Surfaces and the exact code of each step: fillings by their number of surfaces, root canals by tooth
    class, dentures by arch, extractions simple or surgical (a primary tooth always simple), the rest as listed
    (or at random among the listed)."""
    pick = cases.step_pick[step]
    surf = np.where(cases.step_tooth[step] == "arch", site, "").astype(DTYPES["surf"])
    count = surface_counts(rng, len(step))
    filled = pick == "surfaces"
    surf[filled] = surfaces(rng, tooth[filled], count[filled])
    listed = (cases.alternatives[step] >= 0).sum(axis=1)
    surgical = ~is_primary(tooth) & (rng.random(len(step)) < SURGICAL_SHARE)
    choice = np.select([filled, pick == "tooth_class", pick == "arch", pick == "random", pick == "surgical"],
                       [count - 1, tooth_class(tooth), site == "L", rng.integers(0, 1 << 30, len(step)) % listed,
                        surgical], 0)
    return surf, cases.alternatives[step, choice]
