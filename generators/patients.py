"""Phase 2, patients: families sharing a guarantor, their people (names, ages, contact details, the
practice's dentist and hygienist for each), employers, patient notes, merge links and the zip code table.

A family whose guarantor died or whose guarantor's chart was merged away has a living guarantor, as OpenDental's
change of guarantor leaves it: the spouse, else the oldest adult. Each record is made before anything of the
patient is entered (pt.entered: booking enters appointments no earlier) and never before birth.

The practice step writes the zip codes (handover.ZipCodes); the office step adds ctx.practice.employers
(EmployerNums), families and patients (handover.Families, Patients).
"""
from types import SimpleNamespace

import numpy as np

from core.randomness import weighted_choice
from opendental.codes import YN, ContactMethod, Gender, HasIns, PatientPosition, PatStatus
from opendental.definitions import DefCat, defnum

from .contacts import EMPLOYER_EXCHANGES, ICE_EXCHANGES, emails, phone_numbers, phones, reachable, ssns
from .context import RunContext
from .data import read_table
from .handover import Families, Patients, Practice, ZipCodes
from .parameters import parameter, parameters
from .timeline import NO_DATE, clamp, open_day_offset, stamp, whole_days

TITLE = "Patients: families, guarantors, demographics, employers, notes, links, zip codes"
# Columns of the written patient rows later phases print on forms, referrals and messages (pt.details).
METHODS = ("PreferContactMethod", "PreferConfirmMethod", "PreferRecallMethod")
DETAILS = ("LName", "FName", "MiddleI", "Preferred", "Address", "Address2", "City", "State", "Zip", "HmPhone",
           "WkPhone", "WirelessPhone", "Email", *METHODS)
FAMILY_SIZES = (1, 2, 3, 4, 5)
FAMILY_SIZE_SHARES = (0.42, 0.27, 0.14, 0.11, 0.06)
LEFT = (PatStatus.INACTIVE, PatStatus.ARCHIVED, PatStatus.DECEASED)  # patients who left the practice
GONE = (PatStatus.DECEASED, PatStatus.DELETED)  # charts that cannot be a family's guarantor
RECORD_LEAD_DAYS = 30  # a new patient's record is made when they first call, up to a month before the visit
NEVER = np.datetime64("9999-12-31", "D")
ATTRITION, OPENING_DAYS, MORTALITY, ARCHIVED_SHARE = parameters(
    "patients.attrition_per_year", "patients.opening_days", "patients.mortality_over_70", "patients.archived_share")
OLD_AGE_DAYS, STAY_DAYS, ARCHIVED_AFTER_DAYS = round(70 * 365.25), 60, 2 * 365
TEXT, WIRELESS, HOME, WORK, EMAIL, NONE = (ContactMethod.TEXT_MESSAGE, ContactMethod.WIRELESS_PHONE,
                                           ContactMethod.HOME_PHONE, ContactMethod.WORK_PHONE, ContactMethod.EMAIL,
                                           ContactMethod.NONE)
CONFIRM_METHODS = ((TEXT, 0.55), (WIRELESS, 0.15), (HOME, 0.08), (NONE, 0.2), (WORK, 0.02))
CONTACT_METHODS = ((WIRELESS, 0.4), (TEXT, 0.25), (EMAIL, 0.2), (HOME, 0.1), (NONE, 0.05))
RECALL_METHODS = ((TEXT, 0.5), (WIRELESS, 0.2), (HOME, 0.1), (NONE, 0.2))
TEXTING_ALLOWED = ((YN.YES, 0.7), (YN.NO, 0.1), (YN.UNKNOWN, 0.2))  # patient.TxtMsgOk
MEDICAL_NOTES = ("", "", "", "", "Allergic to penicillin", "Takes blood thinners - check before extractions",
                 "Type 2 diabetes, controlled", "High blood pressure", "Latex allergy", "Asthma - bring inhaler",
                 "Pregnant - no x-rays", "Anxious patient, prefers nitrous")
PREMED_NOTES = ("Premed required (joint replacement)", "Premed required (prosthetic heart valve)")
SERVICE_NOTES = ("Hard of hearing - face patient when speaking", "Strong gag reflex - use small sensors",
                 "Uses a wheelchair", "Prefers the same hygienist", "Needs extra time - anxious")
TREATMENT_NOTES = ("Wants to wait for the new benefit year for the crown", "Watch incipient decay at next recall",
                   "Discussed implant vs bridge, thinking it over", "Declined SRP - re-evaluate at next recall",
                   "Wants to phase treatment over two years", "Night guard recommended, declined for now")
PREMED_SHARES = (0.01, 0.06)  # under 65, 65 and over (joint replacements, heart valves)
ARRIVE_EARLY_SHARE = parameter("patients.arrive_early_share")
# (SchedBeforeTime, SchedAfterTime): appointments before and/or after these times of day, with shares.
SCHEDULE_PREFERENCES = ((("00:00:00", "00:00:00"), 0.91), (("10:00:00", "00:00:00"), 0.03),
                        (("00:00:00", "15:00:00"), 0.04), (("08:30:00", "16:00:00"), 0.02))
MONDAY_SHARE = parameter("patients.monday_share")
CONFIDENTIAL_SHARE = parameter("patients.confidential_share")
PLANNED_DONE_SHARE = parameter("patients.planned_done_share")
SERVICE_NOTE_SHARE, TREATMENT_NOTE_SHARE, CONSENT_SHARE, PRONOUN_SHARE = parameters(
    "patients.service_note_share", "patients.treatment_note_share", "patients.consent_share", "patients.pronoun_share")
FINANCIAL_NOTES = ("", "", "", "Card on file, ok to charge balance", "Prefers to pay at time of service",
                   "Care Credit approved", "Send statements by email", "Spouse handles billing")


def practice(ctx: RunContext) -> ZipCodes:
    """The zip codes the practice's patients live in."""
    return zipcodes(ctx)


def share(p: Practice, reference: ZipCodes) -> None:
    """What every context of the practice (its own and each office's) holds of the patients' phase."""
    p.zipcodes = reference


def office(ctx: RunContext, reference: ZipCodes) -> None:
    """The office's employers, families and patients, their notes and merge links."""
    p = ctx.practice
    share(p, reference)
    p.employers = employers(ctx)
    families, pt = people(ctx)
    patient_rows(ctx, pt, families)
    patient_notes(ctx, pt)
    patient_links(ctx, pt)
    p.families, p.patients = Families(**vars(families)), Patients(**vars(pt))


def zipcodes(ctx: RunContext) -> ZipCodes:
    rows = read_table("zipcodes")
    ctx.out.copy("zipcode", {
        "ZipCodeNum": ctx.ids.take("zipcode", len(rows)),
        "ZipCodeDigits": [r["ZipCodeDigits"] for r in rows], "City": [r["City"] for r in rows],
        "State": [r["State"] for r in rows], "IsFrequent": np.array([r["IsFrequent"] == "1" for r in rows]),
    })
    frequent = np.array([r["IsFrequent"] == "1" for r in rows])
    weight = np.where(frequent, 6.0, 1.0)
    return ZipCodes(rows=rows, weight=weight / weight.sum())


def employers(ctx):
    rng = ctx.rng("employer")
    pools = ctx.random.pools
    n = max(10, round(ctx.config.patients / 100))
    nums = ctx.ids.take("employer", n)
    zips = ctx.practice.zipcodes.rows
    picked = [zips[i] for i in rng.integers(0, len(zips), n)]
    names = list(dict.fromkeys(pools.company.tolist()))
    ctx.out.copy("employer", {
        "EmployerNum": nums, "EmpName": [names[i % len(names)] for i in range(n)],
        "Address": list(pools.pick(rng, pools.street, n)), "City": [z["City"] for z in picked],
        "State": [z["State"] for z in picked], "Zip": [z["ZipCodeDigits"] for z in picked],
        "Phone": phone_numbers(ctx, nums, EMPLOYER_EXCHANGES),
        "Address2": _suites(ctx.rng("employer-suite"), n),
    })
    return nums


def _suites(rng, n):
    """Address2 of offices in a larger building: a quarter of them."""
    return np.where(rng.random(n) < 0.25, np.char.add("Suite ", (rng.integers(1, 40, n) * 10).astype(str)), "")


def _ages_in_days(rng, role, family, first):
    """Children first (mostly minors, some young adults still on the family account); parents 22-40 years
    older than their oldest child; adults without children across all ages, almost half of them 65+ (retired couples)."""
    n = len(role)
    child_years = np.where(rng.random(n) < 0.75, rng.uniform(0.5, 18, n), rng.uniform(18, 26, n))
    child_years = np.where(role == 2, child_years, 0.0)
    oldest_child = np.zeros(len(first))
    np.maximum.at(oldest_child, family, child_years)
    parent_years = oldest_child[family] + rng.uniform(22, 40, n)
    single_years = np.where(rng.random(n) < 0.55, rng.uniform(19, 65, n), rng.uniform(65, 92, n))
    adult_years = np.where(oldest_child[family] > 0, parent_years, single_years)
    years = np.where(role == 2, child_years, adult_years)
    return (years * 365.25).astype(np.int64)


def people(ctx):
    """Families of one to five people: a guarantor, often a spouse, and children."""
    rng = ctx.rng("patients")
    cfg = ctx.config
    n = cfg.patients
    sizes = rng.choice(FAMILY_SIZES, n, p=FAMILY_SIZE_SHARES)
    sizes = sizes[: np.searchsorted(np.cumsum(sizes), n) + 1]
    sizes[-1] -= sizes.sum() - n
    n_fam = len(sizes)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    family = np.repeat(np.arange(n_fam), sizes)
    position_in_family = np.arange(n) - first[family]
    has_spouse = (sizes >= 2) & (rng.random(n_fam) < np.where(sizes == 2, 0.75, 0.85))
    role = np.where(position_in_family == 0, 0, np.where((position_in_family == 1) & has_spouse[family], 1, 2))
    nums = ctx.ids.take("patient", n)
    joined = _join_days(ctx, rng, n_fam)
    age_at_joining = _ages_in_days(rng, role, family, first)
    # spouses within a few years of the guarantor
    age_at_joining = np.where(role == 1, np.maximum(age_at_joining[first[family]] + rng.integers(-5 * 365, 5 * 365, n),
                                                    19 * 365), age_at_joining)
    birth = joined[family] - age_at_joining.astype("timedelta64[D]")  # the same age mix joins in every year
    age_days = (ctx.today - birth).astype(np.int64)
    gender = np.where(rng.random(n) < 0.51, Gender.FEMALE, Gender.MALE)
    gender = np.where(role == 1, np.where(gender[first[family]] == Gender.FEMALE, Gender.MALE, Gender.FEMALE), gender)
    gender[rng.random(n) < 0.003] = Gender.UNKNOWN
    # a guarantor who only pays for the children is a non-patient
    payer_only = (role == 0) & (sizes[family] >= 3) & (rng.random(n) < 0.06)
    status = np.where(payer_only, PatStatus.NON_PATIENT, PatStatus.PATIENT)
    merged_into = _duplicate_charts(rng, status)
    status[merged_into >= 0] = PatStatus.DELETED
    first_visit, left, status = _first_visits(ctx, rng, joined, birth, status, family)
    heir = _heirs(role, status, age_days, family, first)
    role, (age_days, birth, gender, status, first_visit, left, merged_into) = _hand_over(
        heir, first, role, age_days, birth, gender, status, first_visit, left, merged_into)
    status, merged_into = _guarantors_who_stay(heir, first, sizes, status, merged_into)
    insured_family = rng.random(n_fam) < cfg.coverage_rate
    dentists, hygienists = ctx.practice.providers.dentists, ctx.practice.providers.hygienists
    clinic_of_family = ctx.practice.clinics[rng.integers(0, len(ctx.practice.clinics), n_fam)]
    employed = (role != 2) & (age_days < 66 * 365) & (rng.random(n) < 0.75)
    employer = np.where(employed, ctx.practice.employers[rng.integers(0, len(ctx.practice.employers), n)], 0)
    families = SimpleNamespace(guarantor=nums[first], first=first, size=sizes, insured=insured_family,
                               has_spouse=has_spouse)
    patients = SimpleNamespace(
        nums=nums, guarantor=nums[first][family], family=family, role=role, birth=birth, gender=gender,
        status=status, first_visit=first_visit, new_in_window=first_visit >= ctx.window_start, left=left,
        active=(status == PatStatus.PATIENT) & (first_visit != NO_DATE),
        pri_prov=dentists[rng.integers(0, len(dentists), n_fam)][family],
        sec_prov=hygienists[rng.integers(0, len(hygienists), n)],
        clinic=clinic_of_family[family], insured=insured_family[family] & (status != PatStatus.DELETED),
        employer=employer,
        age_days=age_days, merged_into=merged_into,
    )
    return families, patients


def _duplicate_charts(rng, status):
    """A few charts were entered twice and later merged; the duplicate ends deleted (index of the real one, else -1)."""
    candidates = np.flatnonzero(status == PatStatus.PATIENT)
    n = min(len(candidates) // 2, max(1, round(len(status) * 0.004)))
    picked = rng.choice(candidates, 2 * n, replace=False)
    merged_into = np.full(len(status), -1)
    merged_into[picked[:n]] = picked[n:]
    return merged_into


def _heirs(role, status, age_days, family, first):
    """Per family, the member who becomes its guarantor because the guarantor died or was merged away: the living
    spouse, else the oldest living adult; -1 where the guarantor stays."""
    living = ~np.isin(status, GONE)
    score = np.where(living & (role != 0) & ((role == 1) | (age_days >= 18 * 365)), age_days + (role == 1) * 10**6, -1)
    best = np.lexsort((-score, family))[first]  # families are contiguous, so each one's top scorer sits at its first
    return np.where(np.isin(status[first], GONE) & (score[best] >= 0), best, -1)


def _hand_over(heir, first, role, *columns):
    """OpenDental's change of guarantor: the heir takes the guarantor's place at the head of the family (and its
    role), the one who left takes the heir's (a widowed spouse, or a parent now a dependant of an adult child).
    Returns the roles and the columns with the two people swapped; `columns[-1]` holds patient indexes."""
    moved = heir >= 0
    head, heir = first[moved], heir[moved]
    swap = np.arange(len(role))
    swap[head], swap[heir] = heir, head
    new_role = role[swap]
    new_role[head], new_role[heir] = 0, np.where(role[heir] == 1, 1, 2)
    *people_columns, links = (column[swap] for column in columns)
    return new_role, (*people_columns, np.where(links >= 0, swap[np.maximum(links, 0)], -1))


def _guarantors_who_stay(heir, first, sizes, status, merged_into):
    """A guarantor with only minors to leave behind is not deceased (inactive) and not merged away (the merge
    is undone): no child is left without a guarantor."""
    stays = first[(heir < 0) & (sizes > 1)]
    status, merged_into = status.copy(), merged_into.copy()
    status[stays[status[stays] == PatStatus.DECEASED]] = PatStatus.INACTIVE
    unmerged = stays[status[stays] == PatStatus.DELETED]
    status[unmerged], merged_into[unmerged] = PatStatus.PATIENT, -1
    return status, merged_into


def _join_days(ctx, rng, n_fam):
    """The day each family joined. The practice opened ctx.start. Its founding families join in its first
    months (a new practice fills fast); the others join at a steady rate up to today that makes up for the
    families who leave (ATTRITION a year: founders are 1 / (1 + ATTRITION x years) of the families), so the base
    is stable once the founders are in."""
    span = int((ctx.today - ctx.start).astype(int))
    founding = rng.random(n_fam) < 1 / (1 + ATTRITION * span / 365.25)
    return ctx.start + whole_days(np.where(founding, np.minimum(rng.uniform(0, 2 * OPENING_DAYS, n_fam), span - 1),
                                           rng.uniform(0, span, n_fam)))


def _first_visits(ctx, rng, joined, birth, status, family):
    """When each patient first came (NO_DATE if never), when they left the practice (NEVER if still with it)
    and their status today.

    A family comes together (a child from age two) and moves away together; an older patient may die first.
    Whoever came stayed at least STAY_DAYS. A patient gone for years may be archived.
    """
    n, today = len(birth), ctx.today
    first_visit = joined[family] + whole_days(rng.integers(0, 20, n) * (rng.random(n) < 0.3))
    first_visit = open_day_offset(np.maximum(first_visit, birth + 2 * 365), 0)
    moved = (joined + whole_days(rng.exponential(365.25 / ATTRITION, len(joined))))[family]
    died = np.maximum(first_visit, birth + OLD_AGE_DAYS) + whole_days(rng.exponential(365.25 / MORTALITY, n))
    left = np.minimum(moved, died)
    came = (status == PatStatus.PATIENT) & (first_visit <= np.minimum(left - STAY_DAYS, today - 7))
    gone = (status == PatStatus.PATIENT) & (left <= today)
    archived = (today - left).astype(int) > ARCHIVED_AFTER_DAYS
    status = np.select([gone & (died < moved), gone & archived & (rng.random(n) < ARCHIVED_SHARE), gone],
                       [PatStatus.DECEASED, PatStatus.ARCHIVED, PatStatus.INACTIVE], status)
    return np.where(came, first_visit, NO_DATE), np.where(left <= today, left, NEVER), status


def patient_rows(ctx: RunContext, pt: SimpleNamespace, fam: SimpleNamespace) -> None:
    rng = ctx.rng("patient-rows")
    pools = ctx.random.pools
    n, n_fam = len(pt.nums), len(fam.first)
    family = pt.family
    female = pt.gender == Gender.FEMALE
    first = np.where(female, pools.pick(rng, pools.female_first, n), pools.pick(rng, pools.male_first, n))
    last = pools.pick(rng, pools.last, n_fam)[family]
    kept_name = (pt.role != 1) | (rng.random(n) < 0.8)
    last = np.where(kept_name, last, pools.pick(rng, pools.last, n))
    zips = ctx.practice.zipcodes
    zip_idx = rng.choice(len(zips.rows), n_fam, p=zips.weight)[family]
    street = pools.pick(rng, pools.street, n_fam)[family]
    adult = pt.age_days >= 18 * 365
    married = pt.role <= 1
    unmarried = ((PatientPosition.SINGLE, 0.6), (PatientPosition.DIVORCED, 0.25), (PatientPosition.WIDOWED, 0.15))
    married_as = np.where(_widowed(pt, fam), PatientPosition.WIDOWED, PatientPosition.MARRIED)
    position = np.where(pt.role == 2, np.where(adult, PatientPosition.SINGLE, PatientPosition.CHILD),
                        np.where(fam.has_spouse[family], married_as, weighted_choice(rng, unmarried, n)))
    pt.entered = record_entries(ctx, pt)
    entered = pt.entered.astype("datetime64[D]")
    touched = clamp(np.maximum(entered, ctx.start) + rng.integers(0, 900, n).astype("timedelta64[D]"), entered, ctx.today)
    touched = np.where(pt.left <= ctx.today, np.maximum(touched, pt.left), touched)  # the status changed then
    status = pt.status
    contact = {**phones(ctx, pt, fam), "Email": emails(ctx, pt, fam, first, last)}
    pt.contact_method = reachable(weighted_choice(ctx.rng("contact-method"), CONTACT_METHODS, n), contact)
    rows = {
        "PatNum": pt.nums, "LName": list(last), "FName": list(first),
        "MiddleI": [chr(65 + x) if y else "" for x, y in zip(rng.integers(0, 26, n), rng.random(n) < 0.6)],
        "Preferred": np.where(rng.random(n) < 0.08, [f[:3] + "y" if len(f) > 4 else f for f in first], "").tolist(),
        "PatStatus": status, "Gender": pt.gender, "Position": position, "Birthdate": pt.birth,
        "SSN": ssns(ctx, pt),
        "Address": list(street), "Address2": np.where(rng.random(n_fam) < 0.1, "Apt " + np.char.mod("%d", rng.integers(1, 400, n_fam)), "")[family].tolist(),
        "City": [zips.rows[i]["City"] for i in zip_idx], "State": "OR",
        "Zip": [zips.rows[i]["ZipCodeDigits"] for i in zip_idx],
        **contact, "Guarantor": pt.guarantor, "PriProv": pt.pri_prov, "SecProv": pt.sec_prov, "FeeSched": 0,
        "BillingType": defnum(DefCat.BILLING_TYPES, "Standard Account"),
        "ImageFolder": [f"{l}{f}{num}".replace(" ", "") for l, f, num in zip(last, first, pt.nums.tolist())],
        "StudentStatus": np.where((pt.role == 2) & adult & (pt.age_days < 26 * 365), "F", "N").tolist(),
        "EmployerNum": pt.employer, "DateFirstVisit": pt.first_visit, "ClinicNum": pt.clinic,
        "HasIns": np.where(pt.insured, HasIns.INSURED, HasIns.NOT_INSURED).tolist(),
        "PreferConfirmMethod": reachable(weighted_choice(rng, CONFIRM_METHODS, n), contact),
        "PreferContactMethod": pt.contact_method,
        "PreferRecallMethod": reachable(weighted_choice(rng, RECALL_METHODS, n), contact),
        "Language": np.where(rng.random(n_fam) < 0.1, "spa", "eng")[family].tolist(), "Title": _titles(pt, married, adult),
        "DateTStamp": np.maximum(stamp(touched, rng.integers(8 * 3600, 17 * 3600, n)), pt.entered),
        "TxtMsgOk": weighted_choice(rng, TEXTING_ALLOWED, n), "Country": "USA",
        "DateTimeDeceased": np.where(status == PatStatus.DECEASED, stamp(pt.left, 12 * 3600),
                                     np.datetime64("0001-01-01T00:00:00")),
        "BillingCycleDay": 1, "SecUserNumEntry": ctx.practice.users.front_desk[rng.integers(0, len(ctx.practice.users.front_desk), n)],
        "SecDateEntry": entered, "ShortCodeOptIn": 0, "PayPlanDue": 0.0, "EstBalance": 0.0,
        **_preferences(ctx, pt),
    }
    ctx.out.copy("patient", rows)
    pt.details = {name: np.broadcast_to(np.asarray(rows[name], dtype=np.int64 if name in METHODS else object), n).copy()
                  for name in DETAILS}


def record_entries(ctx, pt):
    """When each patient's record was made (SecDateEntry, as a timestamp): when they first called, up to a month
    before their first visit (at opening time for a visit the same day), never before birth. The guarantor and
    spouse (who hold the family's accounts and policies) are entered with the family's first record at the latest;
    one who never came with it too, else some day of the practice's years; a baby born into the practice after
    birth."""
    rng = ctx.rng("patient-entry")
    n = len(pt.nums)
    came = pt.first_visit != NO_DATE
    lead = rng.integers(0, RECORD_LEAD_DAYS + 1, n)
    day = pt.first_visit - lead.astype("timedelta64[D]")
    family_day = np.full(pt.family.max() + 1, ctx.today)
    np.minimum.at(family_day, pt.family[came], day[came])
    some_day = ctx.start + rng.integers(0, int((ctx.today - ctx.start).astype(int)) + 1, n).astype("timedelta64[D]")
    after_birth = pt.birth + np.where(came, 0, rng.integers(30, 365, n)).astype("timedelta64[D]")
    day = np.where(came, day, np.where(family_day[pt.family] < ctx.today, family_day[pt.family], some_day))
    day = np.where(pt.role <= 1, np.minimum(day, family_day[pt.family]), day)  # the parents with the first record
    day = np.minimum(np.maximum(day, after_birth), np.where(came, pt.first_visit, ctx.today))
    same_day = came & (day == pt.first_visit)
    at_opening = rng.integers(7 * 3600, 7 * 3600 + 1800, n)
    return stamp(day, np.where(same_day, at_opening, rng.integers(8 * 3600, 17 * 3600, n)))


def _widowed(pt, fam):
    """Spouses whose partner died."""
    head = fam.first[pt.family]
    partner = np.where(pt.role == 0, head + 1, head) % len(pt.nums)
    return (pt.role <= 1) & fam.has_spouse[pt.family] & (pt.status[partner] == PatStatus.DECEASED)


def _preferences(ctx, pt):
    """What the front desk records of a patient's needs and wishes: antibiotic premedication (mostly seniors),
    coming early, preferred times and weekday, no calls about confidential matters; and, for some patients
    who left the practice, their planned treatment marked done (off the planned-appointment tracker)."""
    rng = ctx.rng("patient-preferences")
    n = len(pt.nums)
    pt.premed = rng.random(n) < np.where(pt.age_days >= 65 * 365, PREMED_SHARES[1], PREMED_SHARES[0])
    times = weighted_choice(rng, SCHEDULE_PREFERENCES, n)  # [patient, (before, after)]
    left = np.isin(pt.status, LEFT) & (pt.first_visit != NO_DATE)
    return {
        "Premed": pt.premed, "AskToArriveEarly": np.where(rng.random(n) < ARRIVE_EARLY_SHARE,
                                                          rng.choice([10, 15], n), 0),
        "SchedBeforeTime": times[:, 0], "SchedAfterTime": times[:, 1], "SchedDayOfWeek": rng.random(n) < MONDAY_SHARE,
        "PreferContactConfidential": rng.random(n) < CONFIDENTIAL_SHARE,
        "PlannedIsDone": left & (rng.random(n) < PLANNED_DONE_SHARE),
    }


def _titles(pt, married, adult):
    title = np.where(pt.gender == Gender.MALE, "Mr.", np.where(married, "Mrs.", "Ms."))
    return np.where(adult & (pt.gender != Gender.UNKNOWN), title, "").tolist()


def patient_notes(ctx: RunContext, pt: SimpleNamespace) -> None:
    """One patientnote per patient (OpenDental creates it with the patient); entry dates inside the window, not
    before the patient's record.
    Premedicated patients' medical summary says why."""
    rng = ctx.rng("patientnote")
    n = len(pt.nums)
    entered = np.maximum(np.where(pt.first_visit == NO_DATE, ctx.start, pt.first_visit - 3), ctx.start)
    entered = np.minimum(entered, ctx.today)
    created = np.maximum(stamp(entered, rng.integers(8 * 3600, 17 * 3600, n)), pt.entered)
    edited = created + (rng.integers(0, 400, n) * 86400).astype("timedelta64[s]")
    edited = np.minimum(edited, stamp(ctx.today, 17 * 3600))
    guarantor = pt.role == 0
    ice_first = ctx.random.pools.pick(rng, ctx.random.pools.female_first, n)
    ctx.out.copy("patientnote", {
        "PatNum": pt.nums,
        "FamFinancial": np.where(guarantor, rng.choice(FINANCIAL_NOTES, n), "").tolist(),
        "Medical": np.where(pt.premed, rng.choice(PREMED_NOTES, n), rng.choice(MEDICAL_NOTES, n)).tolist(),
        "MedicalComp": np.where(rng.random(n) < 0.1, "Reviewed medical history, no changes", "").tolist(),
        "ICEName": np.where(rng.random(n) < 0.3, ice_first, "").tolist(),
        "ICEPhone": np.where(rng.random(n) < 0.3, phone_numbers(ctx, pt.nums, ICE_EXCHANGES), "").tolist(),
        "OrthoMonthsTreatOverride": -1, "SecDateTEntry": created, "SecDateTEdit": np.maximum(edited, created),
        **_chart_notes(ctx, pt),
    })


def _chart_notes(ctx, pt):
    """The patientnote columns of the chart: service notes for the staff (Service), the dentist's treatment
    notes (Treatment), the consent to share medication history with the e-prescribing service (Consent,
    PatConsentFlags 1) and the preferred pronoun (Pronoun: 1 he/him, 2 she/her, 3 they/them) from the
    intake form, for patients who came."""
    rng = ctx.rng("patientnote-chart")
    n = len(pt.nums)
    came = pt.first_visit != NO_DATE
    adult = pt.age_days >= 18 * 365
    return {
        "Service": np.where(came & (rng.random(n) < SERVICE_NOTE_SHARE), rng.choice(SERVICE_NOTES, n), ""),
        "Treatment": np.where(came & (rng.random(n) < TREATMENT_NOTE_SHARE), rng.choice(TREATMENT_NOTES, n), ""),
        "Consent": came & adult & (rng.random(n) < CONSENT_SHARE),
        "Pronoun": np.where(came & (rng.random(n) < PRONOUN_SHARE), np.choose(pt.gender, [1, 2, 3]), 0),
    }


def patient_links(ctx: RunContext, pt: SimpleNamespace) -> None:
    """Merge links from each duplicate chart to the real one (LinkType true = merge)."""
    rng = ctx.rng("patientlink")
    dup = np.flatnonzero(pt.merged_into >= 0)
    real = pt.merged_into[dup]
    linked = np.clip(np.where(pt.first_visit[real] == NO_DATE, ctx.start, pt.first_visit[real]) + 30, ctx.start, ctx.today)
    ctx.out.copy("patientlink", {
        "PatientLinkNum": ctx.ids.take("patientlink", len(dup)), "PatNumFrom": pt.nums[dup], "PatNumTo": pt.nums[real],
        "LinkType": True, "DateTimeLink": stamp(linked, rng.integers(8 * 3600, 17 * 3600, len(dup))),
    })
