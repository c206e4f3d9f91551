"""Supporting: medical - the patient's health record and the paperwork around the visits. The pick lists and
form definitions every office uses are medical_lists.py's.

- Forms: registration, HIPAA and medical history filled at a new patient's first visit (some online that
  morning), the medical history again at the first cleaning of each later year, and consents signed on the day
  of extractions, implant surgery, major treatment and nitrous. The filled fields carry the patient's own data:
  name, birthdate, address, phones, and medical-history answers that match the patient's allergies and problems
  (under a physician's care: an ongoing problem). The medical history is a two-page form; the forms patients
  fill on the eClipboard carry mobile labels; staff leave an internal note on a few.
- About a quarter of the patients seen have an allergy; problems grow with age. Both are recorded when the
  patient first fills in a medical history (else on the first visit).
- Prescriptions the dentist writes on the day of extractions, root canals, implants, scaling, emergencies and
  fillings, and the antibiotic premedication of joint and heart-valve patients at each medical-history review;
  a drug the patient is allergic to is replaced by its alternative (or not prescribed).
- A lab case for every crown, bridge, veneer, implant restoration and denture seated or booked to be seated:
  sent on the prep (or impression) day, back and checked before the seat appointment.

Names and contact details on the forms are the patient rows' own, handed over by the patients phase
(Patients.details). Hands nothing over.
"""
from types import SimpleNamespace

import numpy as np

from core.arrays import rank_in_group, run_starts, sorted_by
from core.randomness import weighted_choice
from opendental.codes import AptStatus, Gender, ProcStatus, RxSendStatus

from ..clinical.procedures import user_of
from ..context import RunContext
from ..data import read_columns
from ..formatting import hex_ids, mdy
from ..handover import MedicalReference
from ..parameters import parameter, parameters
from ..rows import appointment_rows
from ..timeline import NO_DATE, NO_TIME, end_of_today, open_day_offset, seconds, stamp, whole_days
from .medical_lists import FONT, FORM_DETAILS, HOUR, PATIENT_FIELDS, SIGNATURE_BOXES, SOURCES

ALLERGIC_SHARE, MORE_ALLERGIES, ALLERGY_INACTIVE_SHARE, REACTION_DATED_SHARE, PROBLEM_DATED_SHARE, PROBLEM_NOTE_SHARE = parameters(
    "supporting.medical.allergic_share", "supporting.medical.more_allergies",
    "supporting.medical.allergy_inactive_share", "supporting.medical.reaction_dated_share",
    "supporting.medical.problem_dated_share", "supporting.medical.problem_note_share")
PROBLEM_HISTORY_YEARS = 20
TERM_NOTED_WITHIN, TERM_STARTED_BEFORE_TODAY = 200, 14  # days: a pregnancy is on the chart from early on
PROBLEM_TYPE = "55607006"  # SNOMED "Problem", OpenDental's default SnomedProblemType
ADULT_AGE, SENIOR_AGE = 18, 65  # problem prevalence columns child / adult / senior
DELETED_FORM_SHARE = parameter("supporting.medical.deleted_form_share")
WEB_FORM_FIRST_ID = 100_001
PREMEDICATION = "amoxicillin_premed"
ELECTRONIC_RX_SHARE = parameter("supporting.medical.electronic_rx_share")
BUILD_UP = "D2950"  # the crown-prep visit's code: its day is the day the impression goes to the lab
PREP_WINDOW_DAYS = 120
SHADES = (("A1", 0.15), ("A2", 0.4), ("A3", 0.2), ("A3.5", 0.08), ("B1", 0.1), ("B2", 0.05), ("C2", 0.02))
LAB_NOTES = ("", "", "Light contacts please.", "Please return with the model.", "Minimum 1.5 mm occlusal clearance.",
             "Match the adjacent teeth.", "Call the office with any questions.")
COMMENT_SHARE = parameter("supporting.medical.comment_share")
COMMENTS = ("See my physician once a year", "Last physical this year, all normal", "Taking vitamins and fish oil",
            "Seeing a specialist, will bring a letter", "Blood work every 3 months", "No changes since last visit")
SHEET_NOTES = (("Reviewed with patient, no changes", 0.4), ("Scanned paper copy, patient filled in by hand", 0.25),
               ("Family member helped fill in the form", 0.15), ("Patient declined to list medications", 0.1),
               ("Doctor reviewed before treatment", 0.1))
SHEET_NOTE_SHARE = parameter("supporting.medical.sheet_note_share")
FIELDS_PER_BATCH = 100_000
NEVER = np.datetime64("9999-12-31T00:00:00")


def office(ctx: RunContext, reference: MedicalReference) -> None:
    """The office's patients' forms, allergies, problems, prescriptions and lab cases."""
    forms = reference.forms
    sheets = filled_forms(ctx, forms)
    recorded = history_recorded(ctx, forms, sheets)
    allergies = patient_allergies(ctx, reference.allergies, recorded)
    problems = patient_problems(ctx, reference.problems, recorded)
    write_sheets(ctx, forms, sheets, allergies, problems)
    prescriptions(ctx, reference.rx, reference.pharmacies, allergies, problems, forms, sheets)
    lab_cases(ctx, reference.laboratories)


def draw_option(rng, lists, row):
    """One random option of each given row of `options(...)`."""
    padded, count = lists
    return padded[row, (rng.random(len(row)) * count[row]).astype(int)]


def distinct(owner, item, n_items):
    """(owner, item) pairs without repeats."""
    pairs = np.unique(owner * n_items + item)
    return pairs // n_items, pairs % n_items


def code_indices(ctx, codes):
    return [ctx.practice.codes.index[c] for c in codes]


def filled_forms(ctx, forms):
    """Every form filled at a completed visit (appointment row, form index) and when: online that morning, or in
    the office between arrival and seating. Ordered by time."""
    rng = ctx.rng("sheet")
    apts = ctx.practice.clinical.appointments
    first_visits = np.flatnonzero((apts.status == AptStatus.COMPLETE) & apts.is_new_patient)
    visits = {"new_patient": first_visits, "yearly_review": yearly_reviews(apts, first_visits)}
    apt, form = [], []
    for f, events in enumerate(forms.events):
        for event in events:
            rows = visits_with(ctx, forms.codes[f]) if event == "procedure" else visits[event]
            apt.append(rows)
            form.append(np.full(len(rows), f))
    apt, form = np.concatenate(apt), np.concatenate(form)
    n = len(apt)
    web = rng.random(n) < forms.web_share[form]
    arrived, seated = apts.arrived[apt], apts.seated[apt]
    in_office = arrived + seconds(rng.random(n) * (seated - arrived).astype(int))
    online = stamp(apts.date[apt], rng.integers(6 * HOUR, 7 * HOUR + 45 * 60, n))
    filled = np.where(web, online, in_office)
    order = np.argsort(filled, kind="stable")
    apt, form, web, filled = apt[order], form[order], web[order], filled[order]
    return SimpleNamespace(apt=apt, form=form, patient=apts.patient[apt], clinic=apts.clinic[apt], web=web,
                           filled=filled, edited=filled + seconds(rng.integers(60, 15 * 60, n)),
                           deleted=rng.random(n) < DELETED_FORM_SHARE)


def yearly_reviews(apts, first_visits):
    """The first completed cleaning of each patient in each calendar year, except the year the patient started."""
    cleanings = np.flatnonzero((apts.status == AptStatus.COMPLETE) & apts.is_hygiene & ~apts.is_new_patient)
    cleanings = cleanings[sorted_by(apts.patient[cleanings], apts.date[cleanings])]
    year_key = apts.patient * 10_000 + apts.date.astype("datetime64[Y]").astype(int)
    key = year_key[cleanings]
    first_of_year = cleanings[run_starts(key)]
    return first_of_year[~np.isin(year_key[first_of_year], year_key[first_visits])]


def visits_with(ctx, codes):
    """Completed appointments with one of the codes done."""
    pr = ctx.practice.clinical.procedures
    done = (pr.status == ProcStatus.COMPLETE) & np.isin(pr.code, code_indices(ctx, codes)) & (pr.apt_num > 0)
    return appointment_rows(ctx.practice.clinical.appointments, np.unique(pr.apt_num[done]))


def history_recorded(ctx, forms, sheets):
    """When each patient's medical history entered the chart: the first medical-history form, else the first
    visit (NO_TIME for patients never seen)."""
    pt = ctx.practice.patients
    first_form = np.full(len(pt.nums), NEVER)
    history = forms.medical_history[sheets.form]
    np.minimum.at(first_form, sheets.patient[history], sheets.filled[history])
    first_visit = np.where(pt.first_visit == NO_DATE, NO_TIME, stamp(pt.first_visit, 9 * HOUR))
    return np.where(first_form < NEVER, first_form, first_visit)


def web_form_ids(ctx, web):
    """The ID the web form service gave each form filled online, counting up across the practice (0 otherwise)."""
    ids = np.zeros(len(web), dtype=np.int64)
    ids[web] = ctx.ids.take("web form", int(web.sum()), start=WEB_FORM_FIRST_ID + 1)
    return ids


def write_sheets(ctx, forms, sheets, allergies, problems):
    """sheet rows of the filled forms, and their sheetfield rows."""
    rng = ctx.rng("sheetfield")
    n = len(sheets.apt)
    nums = ctx.ids.take("sheet", n)
    f = sheets.form
    ctx.out.copy("sheet", {
        "SheetNum": nums, "SheetType": forms.sheet_type[f], "PatNum": ctx.practice.patients.nums[sheets.patient],
        "DateTimeSheet": sheets.filled, "FontSize": forms.font_size[f], "FontName": FONT, "Width": forms.width[f],
        "Height": forms.height[f], "IsLandscape": False, "Description": forms.names[f],
        "ShowInTerminal": (forms.patient_form[f] & ~sheets.web).astype(int), "IsWebForm": sheets.web,
        "IsMultiPage": forms.multi_page[f], "IsDeleted": sheets.deleted, "InternalNote": internal_notes(ctx, sheets),
        "SheetDefNum": forms.nums[f], "ClinicNum": sheets.clinic,
        "DateTSheetEdited": sheets.edited, "HasMobileLayout": forms.mobile[f], "RevID": forms.rev_id[f],
        "WebFormSheetID": web_form_ids(ctx, sheets.web),
    })
    details = patient_details(ctx)
    ctx.out.stream("sheetfield", filled_fields(ctx, rng, forms, sheets, nums, details, {
        "allergy": answer_book(allergies.patient[allergies.active], allergies.allergy[allergies.active],
                               NO_DATE, NO_DATE),
        "problem": answer_book(problems.patient, problems.problem, problems.start, problems.stop),
        "physician": under_care(problems)}))


def internal_notes(ctx, sheets):
    """The staff's note on a few forms; a deleted form was a duplicate."""
    rng = ctx.rng("sheet-notes")
    n = len(sheets.apt)
    noted = rng.random(n) < SHEET_NOTE_SHARE
    return np.where(sheets.deleted, "Duplicate form, deleted",
                    np.where(noted, weighted_choice(rng, SHEET_NOTES, n), ""))


def filled_fields(ctx, rng, forms, sheets, sheet_nums, details, answers):
    """sheetfield batches: every field of every form, positions from its definition, values from the patient."""
    fields_of_sheet = forms.field_count[sheets.form]
    ends = np.searchsorted(np.cumsum(fields_of_sheet),
                           np.arange(FIELDS_PER_BATCH, fields_of_sheet.sum(), FIELDS_PER_BATCH))
    for chunk in np.split(np.arange(len(sheets.form)), ends):
        sheet = np.repeat(chunk, fields_of_sheet[chunk])
        field = forms.first_field[sheets.form[sheet]] + rank_in_group(sheet)
        signed = np.isin(forms.field.layout["FieldType"][field], SIGNATURE_BOXES)
        yield {
            **{column: values[field] if isinstance(values, np.ndarray) else values
               for column, values in forms.field.layout.items()},
            "SheetFieldNum": ctx.ids.take("sheetfield", len(sheet)), "SheetNum": sheet_nums[sheet],
            "SheetFieldDefNum": forms.field.nums[field],
            "FieldValue": field_values(ctx, rng, forms, sheets, sheet, field, details, answers),
            "DateTimeSig": np.where(signed, sheets.edited[sheet], NO_TIME),
        }


def field_values(ctx, rng, forms, sheets, sheet, field, details, answers):
    """What each field holds, by the source its definition names (medical_sheet_fields.csv)."""
    fd = forms.field
    source, patient = fd.source[field], sheets.patient[sheet]
    fed_by = lambda name: source == SOURCES.index(name)  # noqa: E731
    value = fd.value[field]
    rows = fed_by("patient")
    value[rows] = details[patient[rows], fd.detail[field[rows]]]
    rows = fed_by("gender")
    value[rows] = np.where(ctx.practice.patients.gender[patient[rows]] == fd.gender[field[rows]], "X", "")
    for kind, book in answers.items():
        rows = fed_by(kind)
        has = book.has(patient[rows], fd.asked[field[rows]], sheets.filled[sheet[rows]].astype("datetime64[D]"))
        value[rows] = np.where(has == fd.yes[field[rows]], "X", "")
    rows = fed_by("date")
    value[rows] = mdy(sheets.filled[sheet[rows]])
    rows = fed_by("signature")
    value[rows] = hex_ids(rng, rows.sum(), (12, 12, 12, 12), separator="")  # the signature's data
    value[fed_by("checked")] = "X"
    rows = np.flatnonzero(fed_by("comment"))
    cared_for = answers["physician"].has(patient[rows], 0, sheets.filled[sheet[rows]].astype("datetime64[D]"))
    value[rows] = np.where(cared_for & (rng.random(len(rows)) < COMMENT_SHARE), rng.choice(COMMENTS, len(rows)), "")
    return value


def patient_details(ctx):
    """FORM_DETAILS of every patient (rows aligned with ctx.practice.patients): name, address and phones as the
    patient rows hold them, nameFL and the birthdate as forms print them."""
    pt = ctx.practice.patients
    held = np.empty((len(pt.nums), len(FORM_DETAILS)), dtype=object)
    for i, name in enumerate(PATIENT_FIELDS):
        held[:, i] = pt.details[name]
    held[:, FORM_DETAILS.index("nameFL")] = pt.details["FName"] + " " + pt.details["LName"]
    held[:, FORM_DETAILS.index("Birthdate")] = mdy(pt.birth)
    return held


def answer_book(patient, item, start, stop):
    """Who has which allergy or problem, and since/until when, to answer a form's yes/no questions."""
    n_items = int(item.max()) + 1 if len(item) else 1
    key = patient * n_items + item
    order = np.argsort(key)
    key = key[order]
    start, stop = (np.broadcast_to(np.asarray(d, dtype="datetime64[D]"), len(order))[order] for d in (start, stop))

    def has(who, what, day):
        if not len(key):
            return np.zeros(len(who), dtype=bool)
        asked = who * n_items + what
        at = np.minimum(np.searchsorted(key, asked), len(key) - 1)
        current = ((start[at] == NO_DATE) | (start[at] <= day)) & ((stop[at] == NO_DATE) | (stop[at] > day))
        return (what < n_items) & (key[at] == asked) & current

    return SimpleNamespace(has=has)


def under_care(problems):
    """The medical history's "under the care of a physician?": yes from the start (if known) of the patient's
    first ongoing problem. An answer book of one question (item 0)."""
    ongoing = np.flatnonzero(problems.stop == NO_DATE)
    ongoing = ongoing[np.lexsort((problems.start[ongoing], problems.patient[ongoing]))]
    first = ongoing[run_starts(problems.patient[ongoing])]
    return answer_book(problems.patient[first], np.zeros(len(first), dtype=int), problems.start[first], NO_DATE)


def patient_allergies(ctx, defs, recorded):
    """A quarter of the patients seen report one allergy or more: reaction, sometimes the date it happened."""
    rng = ctx.rng("allergy")
    pt = ctx.practice.patients
    seen = np.flatnonzero(recorded != NO_TIME)
    allergic = seen[rng.random(len(seen)) < ALLERGIC_SHARE]
    patient = np.repeat(allergic, 1 + rng.poisson(MORE_ALLERGIES, len(allergic)))
    patient, allergy = distinct(patient, rng.choice(len(defs.nums), len(patient), p=defs.share), len(defs.nums))
    n = len(patient)
    noted = recorded[patient]
    childhood = pt.birth[patient] + 365
    span = np.maximum((noted.astype("datetime64[D]") - childhood).astype(int), 0)
    dated = (rng.random(n) < REACTION_DATED_SHARE) & (span > 0)
    active = rng.random(n) >= ALLERGY_INACTIVE_SHARE
    ctx.out.copy("allergy", {
        "AllergyNum": ctx.ids.take("allergy", n), "AllergyDefNum": defs.nums[allergy], "PatNum": pt.nums[patient],
        "Reaction": draw_option(rng, defs.reactions, allergy), "StatusIsActive": active, "DateTStamp": noted,
        "DateAdverseReaction": np.where(dated, childhood + whole_days(rng.random(n) * span), NO_DATE),
    })
    return SimpleNamespace(patient=patient, allergy=allergy, active=active, drug_group=defs.drug_group[allergy])


def patient_problems(ctx, defs, recorded):
    """Problems of the patients seen, more with age: mostly ongoing (ProbStatus 0), some resolved (1) with a stop
    date; a pregnancy lasts its term."""
    rng = ctx.rng("disease")
    pt = ctx.practice.patients
    seen = np.flatnonzero(recorded != NO_TIME)
    group = np.searchsorted([ADULT_AGE, SENIOR_AGE], pt.age_days[seen] / 365.25, side="right")
    count = rng.poisson(defs.prevalence.sum(axis=1)[group])
    patient, group = np.repeat(seen, count), np.repeat(group, count)
    problem = np.empty(len(patient), dtype=int)
    for g, share in enumerate(defs.prevalence / defs.prevalence.sum(axis=1, keepdims=True)):
        problem[group == g] = rng.choice(len(defs.nums), (group == g).sum(), p=share)
    age = pt.age_days[patient] / 365.25
    eligible = ((age >= defs.min_age[problem]) & (age <= defs.max_age[problem]) &
                (~defs.female_only[problem] | (pt.gender[patient] == Gender.FEMALE)))
    patient, problem = distinct(patient[eligible], problem[eligible], len(defs.nums))
    n = len(patient)
    noted = recorded[patient]
    noted_day = noted.astype("datetime64[D]")
    start, stop = problem_dates(ctx, rng, defs, patient, problem, noted_day)
    changed = np.maximum(np.maximum(noted_day, start), stop)
    ctx.out.copy("disease", {
        "DiseaseNum": ctx.ids.take("disease", n), "PatNum": pt.nums[patient], "DiseaseDefNum": defs.nums[problem],
        "PatNote": np.where(rng.random(n) < PROBLEM_NOTE_SHARE, draw_option(rng, defs.notes, problem), ""),
        "DateTStamp": np.minimum(np.where(changed > noted_day, stamp(changed, rng.integers(9 * HOUR, 17 * HOUR, n)),
                                          noted), end_of_today(ctx)),
        "ProbStatus": (stop != NO_DATE).astype(int), "DateStart": start, "DateStop": stop,
        "SnomedProblemType": PROBLEM_TYPE, "FunctionStatus": False,
    })
    return SimpleNamespace(patient=patient, problem=problem, start=start, stop=stop,
                           premedicated=rng.random(n) < defs.premed_share[problem])


def problem_dates(ctx, rng, defs, patient, problem, noted_day):
    """DateStart (often unknown) up to PROBLEM_HISTORY_YEARS before the problem was noted, and a resolved problem's
    DateStop between then and today; a problem with a term (pregnancy) runs its days and stops if it is over."""
    n, today = len(patient), ctx.today
    onset = ctx.practice.patients.birth[patient] + whole_days(np.maximum(defs.min_age[problem], 1) * 365.25)
    history = np.clip((noted_day - onset).astype(int), 0, PROBLEM_HISTORY_YEARS * 365)
    start = np.where(rng.random(n) < PROBLEM_DATED_SHARE, noted_day - whole_days(rng.random(n) * history), NO_DATE)
    since = np.maximum(start, noted_day)
    resolved = rng.random(n) < defs.resolved_share[problem]
    stop = np.where(resolved, since + whole_days(rng.random(n) * (today - since).astype(int)), NO_DATE)
    lasts = whole_days(defs.lasts_days[problem])
    earliest, latest = noted_day - TERM_NOTED_WITHIN, today - TERM_STARTED_BEFORE_TODAY
    began = earliest + whole_days(rng.random(n) * np.maximum((latest - earliest).astype(int), 0))
    has_term = defs.lasts_days[problem] > 0
    start = np.where(has_term, began, start)
    stop = np.where(has_term, np.where(began + lasts <= today, began + lasts, NO_DATE), stop)
    return start, stop


def prescriptions(ctx, rx, pharmacy, allergies, problems, forms, sheets):
    """rxpat: what the dentist prescribed after the day's procedures and as premedication, sent electronically to
    the family's pharmacy or printed."""
    rng = ctx.rng("rxpat")
    pt, apts, pr = ctx.practice.patients, ctx.practice.clinical.appointments, ctx.practice.clinical.procedures
    after_proc, after_drug = after_procedures(ctx, rng, rx)
    review = np.flatnonzero(forms.medical_history[sheets.form] &
                            np.isin(sheets.patient, problems.patient[problems.premedicated]))
    apt = np.concatenate([appointment_rows(apts, pr.apt_num[after_proc]), sheets.apt[review]])
    proc = np.concatenate([after_proc, np.full(len(review), -1)])
    drug = np.concatenate([after_drug, np.full(len(review), rx.index[PREMEDICATION])])
    drug = instead_of_allergens(rx, allergies, apts.patient[apt], drug)
    keep = drug >= 0
    _, first = np.unique(apt[keep] * len(rx.rxcui) + drug[keep], return_index=True)
    chosen = np.flatnonzero(keep)[first]
    chosen = chosen[np.argsort(apts.dismissed[apt[chosen]], kind="stable")]
    apt, proc, drug = apt[chosen], proc[chosen], drug[chosen]
    n = len(drug)
    patient, prov = apts.patient[apt], apts.prov[apt]  # the dentist prescribes, also after a hygienist's scaling
    family_pharmacy = rng.choice(len(pharmacy.nums), len(ctx.practice.families.first), p=pharmacy.share)
    store = family_pharmacy[pt.family[patient]]
    electronic = rng.random(n) < ELECTRONIC_RX_SHARE
    linked = rx.proc_required[drug] & (proc >= 0)
    c = rx.columns
    ctx.out.copy("rxpat", {
        "RxNum": ctx.ids.take("rxpat", n), "PatNum": pt.nums[patient], "RxDate": apts.date[apt],
        "Drug": c["drug"][drug], "Sig": c["sig"][drug], "Disp": c["disp"][drug], "Refills": c["refills"][drug],
        "ProvNum": prov, "Notes": c["notes"][drug], "PharmacyNum": pharmacy.nums[store],
        "IsControlled": rx.controlled[drug],
        "DateTStamp": np.minimum(apts.dismissed[apt] + seconds(rng.integers(60, 15 * 60, n)), end_of_today(ctx)),
        "SendStatus": np.where(electronic, RxSendStatus.SENT_ELECT, RxSendStatus.PRINTED), "RxCui": rx.rxcui[drug],
        "DosageCode": c["dosage_code"][drug], "ErxGuid": np.where(electronic, hex_ids(rng, n, (8, 4, 4, 4, 12)), ""),
        "IsErxOld": False, "ErxPharmacyInfo": np.where(electronic, pharmacy.info[store], ""),
        "IsProcRequired": rx.proc_required[drug], "ProcNum": np.where(linked, pr.nums[np.maximum(proc, 0)], 0),
        "DaysOfSupply": c["days_supply"][drug].astype(float), "PatientInstruction": c["patient_instruction"][drug],
        "ClinicNum": apts.clinic[apt], "UserNum": user_of(ctx.practice.users, prov), "RxType": False,
    })


def after_procedures(ctx, rng, rx):
    """Prescriptions the day's completed procedures call for (medical_rx_rules.csv, a share of the visits each):
    (procedure index, template index) pairs, one of a drug per visit."""
    pr = ctx.practice.clinical.procedures
    rules = read_columns("medical_rx_rules")
    done = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (pr.apt_num > 0))
    proc, rule = [], []
    for r, codes in enumerate(rules["codes"]):
        hit = done[np.isin(pr.code[done], code_indices(ctx, codes.split("|")))]
        proc.append(hit)
        rule.append(np.full(len(hit), r))
    proc, rule = np.concatenate(proc), np.concatenate(rule)
    written = rng.random(len(proc)) < rules["share"].astype(float)[rule]
    drug = np.array([rx.index[k] for k in rules["rx"]])[rule]
    _, first = np.unique(pr.apt_num[proc[written]] * len(rx.rxcui) + drug[written], return_index=True)
    return proc[written][first], drug[written][first]


def instead_of_allergens(rx, allergies, patient, drug):
    """A drug of a group the patient is allergic to (penicillins, opioids, NSAIDs) becomes its alternative, or -1."""
    groups = np.unique(rx.drug_group[rx.drug_group != ""])
    flagged = allergies.active & np.isin(allergies.drug_group, groups)
    allergic = np.unique(allergies.patient[flagged] * len(groups) +
                         np.searchsorted(groups, allergies.drug_group[flagged]))
    group = rx.drug_group[drug]
    hit = (group != "") & np.isin(patient * len(groups) + np.searchsorted(groups, group), allergic)
    return np.where(hit, rx.instead[drug], drug)


def lab_cases(ctx, labs):
    """One lab case per restoration (a tooth, a bridge, an arch) seated or booked to be seated: created on the prep
    visit (the tooth's build-up) or, without one, an impression visit some weeks before the seat; sent the same
    day, back and checked before it is due, the business day before the seat. Cases the lab still has are open."""
    rng = ctx.rng("labcase")
    apts = ctx.practice.clinical.appointments
    work = read_columns("medical_lab_work")
    units = lab_units(ctx, rng, work)
    if not len(units.proc):
        return
    kind, apt = units.kind[units.first], units.apt[units.first]  # the costliest unit names the case
    prep = np.maximum.reduceat(prep_times(ctx, units.proc, apts.date[units.apt]).astype(np.int64), units.first)
    created, sent, due, received, checked = lab_timeline(ctx, rng, work, kind, apts.date[apt],
                                                         prep.astype("datetime64[s]"))
    specialty = work["specialty"][kind]
    lab = np.zeros(len(kind), dtype=int)
    for name in np.unique(specialty):
        weight = np.where(labs.specialty == name, labs.weight, 0)
        lab[specialty == name] = rng.choice(len(labs.nums), (specialty == name).sum(), p=weight / weight.sum())
    instructions = (work["product"][kind] + ", " + lab_teeth(ctx, units) + ", shade " +
                    weighted_choice(rng, SHADES, len(kind)) + ". " + rng.choice(LAB_NOTES, len(kind)))
    kept = (created.astype("datetime64[D]") >= ctx.start) & (created <= end_of_today(ctx))
    rows = np.flatnonzero(kept)[np.argsort(created[kept], kind="stable")]
    invoices = np.char.mod("INV-%06d", rng.integers(1, 999_999, len(rows)))
    ctx.out.copy("labcase", {
        "LabCaseNum": ctx.ids.take("labcase", len(rows)), "PatNum": ctx.practice.patients.nums[apts.patient[apt[rows]]],
        "LaboratoryNum": labs.nums[lab[rows]], "AptNum": apts.nums[apt[rows]],
        "PlannedAptNum": np.maximum.reduceat(units.planned_apt_num, units.first)[rows],
        "DateTimeDue": due[rows], "DateTimeCreated": created[rows], "DateTimeSent": sent[rows],
        "DateTimeRecd": received[rows], "DateTimeChecked": checked[rows], "ProvNum": apts.prov[apt[rows]],
        "Instructions": np.char.strip(instructions[rows]),
        "LabFee": np.add.reduceat(units.fee, units.first)[rows] / 100.0,
        "DateTStamp": np.maximum.reduce([created[rows], sent[rows], received[rows], checked[rows]]),
        "InvoiceNum": np.where(received[rows] != NO_TIME, invoices, ""),
    })


def lab_units(ctx, rng, work):
    """Lab-made procedures (medical_lab_work.csv) on a completed or scheduled appointment, with their lab fee
    (cents), sorted into cases - by seat appointment and restoration, the costliest unit first; `first` is the
    first unit of each case."""
    pr, apts = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments
    work_of_code = np.full(len(ctx.practice.codes.nums), -1)
    work_of_code[code_indices(ctx, work["code"])] = np.arange(len(work["code"]))
    planned_or_done = np.isin(pr.status, (ProcStatus.TREATMENT_PLANNED, ProcStatus.COMPLETE))
    proc = np.flatnonzero((work_of_code[pr.code] >= 0) & planned_or_done & (pr.apt_num > 0))
    apt = appointment_rows(apts, pr.apt_num[proc])
    booked = np.isin(apts.status[apt], (AptStatus.SCHEDULED, AptStatus.COMPLETE))
    proc, apt = proc[booked], apt[booked]
    kind = work_of_code[pr.code[proc]]
    fee = (np.rint(rng.uniform(work["fee_low"].astype(float)[kind], work["fee_high"].astype(float)[kind] + 1)) * 100
           ).astype(np.int64)
    tooth = np.where(np.char.isdigit(pr.tooth[proc]), pr.tooth[proc], "0").astype(int)
    restoration = work["restoration"][kind]
    piece = np.select([restoration == "bridge", restoration == "arch"], [0, 100 + (pr.surf[proc] == "L")], tooth)
    order = sorted_by(apt, piece, -fee)
    proc, apt, kind, fee, tooth, piece = (x[order] for x in (proc, apt, kind, fee, tooth, piece))
    first = np.flatnonzero(np.r_[True, (apt[1:] != apt[:-1]) | (piece[1:] != piece[:-1])])
    return SimpleNamespace(proc=proc, apt=apt, kind=kind, fee=fee, tooth=tooth, first=first,
                           planned_apt_num=pr.planned_apt_num[proc])


def lab_timeline(ctx, rng, work, kind, seat_day, prep):
    """created, sent, due, received and checked of each case; received and checked stay unset (NO_TIME) until
    they happen."""
    n = len(kind)
    between = lambda column: rng.integers(work[f"{column}_min"].astype(int)[kind],  # noqa: E731
                                          work[f"{column}_max"].astype(int)[kind] + 1)
    impression = stamp(open_day_offset(seat_day - whole_days(between("lead")), 0, roll="backward"),
                       rng.integers(9 * HOUR, 16 * HOUR, n))
    created = np.where(prep > NO_TIME, prep, impression)
    sent = created + seconds(rng.integers(HOUR // 2, 3 * HOUR, n))
    due = np.maximum(stamp(open_day_offset(seat_day, -1, roll="forward"), 17 * HOUR), sent + seconds(HOUR))
    back = stamp(open_day_offset(sent.astype("datetime64[D]") + whole_days(between("turnaround")), 0, roll="forward"),
                 rng.integers(10 * HOUR, 15 * HOUR, n))
    received = np.maximum(np.minimum(back, due - seconds(HOUR)), sent + seconds(HOUR))
    checked = received + seconds(rng.integers(HOUR // 2, 4 * HOUR, n))
    received, checked = (np.where(t <= end_of_today(ctx), t, NO_TIME) for t in (received, checked))
    return created, sent, due, received, checked


def prep_times(ctx, lab_made, seat_day):
    """When each lab-made unit's tooth was prepared: the end of the visit of its last completed build-up within
    PREP_WINDOW_DAYS before the seat (NO_TIME if none: implant and denture work, pontics, older preps)."""
    pr, apts = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments
    build_ups = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & (pr.code == ctx.practice.codes.index[BUILD_UP])
                               & (pr.apt_num > 0))
    if not len(build_ups):
        return np.full(len(lab_made), NO_TIME)
    teeth = np.unique(pr.tooth[np.concatenate([build_ups, lab_made])])

    def tooth_key(p):
        return pr.patient[p].astype(np.int64) * len(teeth) + np.searchsorted(teeth, pr.tooth[p])

    day_bits = 1 << 20  # days since 1970 fit below this
    prepared = tooth_key(build_ups) * day_bits + pr.date[build_ups].astype(np.int64)
    order = np.argsort(prepared)
    prepared, build_ups = prepared[order], build_ups[order]
    wanted = tooth_key(lab_made) * day_bits + seat_day.astype(np.int64)
    at = np.searchsorted(prepared, wanted) - 1
    found = at >= 0
    at = np.maximum(at, 0)
    found &= (prepared[at] // day_bits == wanted // day_bits) & (wanted - prepared[at] <= PREP_WINDOW_DAYS)
    return np.where(found, apts.dismissed[appointment_rows(apts, pr.apt_num[build_ups[at]])], NO_TIME)


def lab_teeth(ctx, units):
    """The teeth (or arch) of each case, for its instructions: '#14', '#3-#5', 'upper arch'."""
    low, high = np.minimum.reduceat(units.tooth, units.first), np.maximum.reduceat(units.tooth, units.first)
    arch = np.where(ctx.practice.clinical.procedures.surf[units.proc[units.first]] == "L", "lower arch", "upper arch")
    return np.select([high == 0, low == high], [arch, np.char.mod("#%d", low)],
                     np.char.mod("#%d-", low) + np.char.mod("#%d", high))
