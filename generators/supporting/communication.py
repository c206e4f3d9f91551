"""Supporting: communication. Who sent each patient to the practice and to which specialists the practice sent
them, what the office said to patients (and heard back), and the images and scans filed in their charts.

  referral   specialists the practice works with (the regulars exchange records by trusted Direct messaging),
             the marketing channels new patients name (retired ones hidden), and patients who referred friends
             (names copied from their chart; those with a referral credit among them)
  refattach  "referred from" (RefType true): how a new patient found the practice, dated at the first visit
             (for an established patient, at a visit in the window); "referred to" (false): planned endo,
             surgery, perio, implant and full-arch work sent to a specialist, and children sent for an ortho
             evaluation, with the specialist's progress (RefToStatus) by how long ago it was
  commlog    reminders two days before booked visits and the patients' confirmations, no-show follow-ups,
             recall notices on overdue unscheduled recalls, balance reminders to guarantors who owe, insurance
             calls on slow or denied claims, referral letters and consult reports, treatment-plan talks,
             surgical clearances, post-op, thank-you and review texts; general calls fill up to the volume
  document   radiographs at visits with x-ray codes, photos at new-patient and cosmetic visits, registration
             forms and insurance cards at first visits, referral letters, consult reports, EOBs of denied
             claims, signed treatment plans; updated medical-history forms fill up to the volume; with what
             the staff did to them (crops, flips, windowing, notes, signatures, printed headings). Statement
             PDFs are filed by billing.py, on top of the volume.

Adds to ctx.practice.communication: preferences (contact, confirm, recall: each patient's ContactMethod),
slow_claims (patient, service, carrier, called, answered) and denied_claims (patient, received, service, carrier,
reason): the claims the billing office followed up.

Manual commlogs carry a front-desk or billing user, automated ones (eServices, Web Sched) UserNum 0; Mode_
follows the patient's preferred contact, confirmation or recall method.
"""
from functools import reduce
from types import SimpleNamespace

import numpy as np
from numpy.dtypes import StringDType

from core.arrays import concat_rows, group_sum, groups, lookup, rank_in_group, sorted_by, take_rows
from core.randomness import weighted_choice

from ..clinical.chart import occasional_notes, sliced
from ..data import read_table
from ..clinical.recall import HYGIENE_PROGRAMS
from ..timeline import NO_DATE, NO_TIME, business_days, clamp, stamp


CLOSING_HOUR = 18  # "now" is the end of the simulated today's office hours
RADIOGRAPH, PHOTO = 1, 2  # document.ImgType
CROPPED_SHARE, FLIPPED_SHARE, ROTATED_SHARE, WINDOWED_SHARE = 0.3, 0.2, 0.1, 0.25
HISTORY_REVIEWS = ("Reviewed with patient - no changes", "Reviewed - medication list updated",
                   "Reviewed - new allergy noted in medical tab", "Reviewed - premed not indicated")
MINUTE = np.timedelta64(60, "s")
NEVER = np.datetime64("9999-12-31", "D")
STRING = StringDType()
ALPHANUMERIC = np.array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
HEX = ALPHANUMERIC[np.r_[52:62, 0:6]]
BASE64 = np.r_[ALPHANUMERIC, ["+", "/"]]
SIGNATURE_LENGTH = 400
DAY_STEP = 100_000  # more days than from 1970 to any date of a run

# commlog.Mode_, SentOrReceived and CommSource
EMAIL, MAIL, PHONE, IN_PERSON, TEXT, FAX = 1, 2, 3, 4, 5, 8
SENT, RECEIVED = 1, 2
BY_USER, WEB_SCHED, PROGRAM_LINK, APPOINTMENT_REMINDER, ESERVICES, THANK_YOU, MESSAGE_TO_PAY = 0, 1, 2, 3, 4, 6, 9
# commlog.CommType (definition category 27)
APPOINTMENT, INSURANCE, BILLING, GENERAL, RECALL, COMPLAINT, COLLECTIONS = 224, 225, 226, 228, 425, 428, 429
CLEARANCE_ASKED, CLEARANCE_RECEIVED, NARRATIVE, TEXTING, REFERRAL_OUT, REFERRAL_IN, TREATMENT_PLAN = \
    509, 510, 571, 603, 614, 615, 636
# The patient's ContactMethod (0 none, 1 do not call, 2 home, 3 work, 4 wireless, 5 email, 6 see notes, 7 mail,
# 8 text) as the Mode_ of a message the staff sends by hand; automated messages go by text to cell phones.
CONTACT_MODE = np.array([PHONE, EMAIL, PHONE, PHONE, PHONE, EMAIL, PHONE, MAIL, TEXT])
TEXTABLE = (4, 8)
PODIUM = 95  # program.ProgramNum of the review-invitation bridge (office.py writes the program rows)

REMINDER_DAYS_BEFORE = 2
REPLY_WITHIN_HOURS = 5
GENERAL_PER_PATIENT_YEAR = 0.4  # everyday calls and messages with an active patient
# Notices on an overdue hygiene recall: days after DateDue and the share of patients still getting it then.
RECALL_NOTICES = ((7, 1.0), (37, 0.3), (97, 0.1))
MIN_BALANCE_CENTS = 500
COLLECTIONS_CENTS = 5_000
CLAIM_FOLLOW_UP_DAYS = 30
TREATMENT_PLAN_CENTS = 100_000  # plans worth a sit-down with the treatment coordinator
REVIEW_SHARE = 0.1
CONFIRMATION_CALL_SHARE = 0.5  # of appointments marked Confirmed; the others confirmed in person
ORTHO_AGES, ORTHO_SHARE = (8, 14), 0.08
SURGICAL_CODES, CLEARANCE_AGE = ("D6010", "D7210", "D6114", "D6115"), 65
POST_OP_CATEGORIES = (76, 80, 81)  # endodontics, implants, oral surgery
COSMETIC_CODES = ("D2960", "D2961", "D2962", "D9972", "D9975")
EXAMS = ("D0120", "D0150")
DENIAL_REASONS = ("frequency limitation", "missing tooth clause", "waiting period not met",
                  "not a covered benefit", "x-rays and narrative requested")
GENERAL_RECEIVED = ("Pt called to update address", "Pt called with question about insurance coverage",
                    "Pt asked for a copy of x-rays for new employer plan", "Pt called to update phone number",
                    "Spouse called about family appointments", "Pt asked about whitening options",
                    "Pt called re: sensitivity after visit - advised Sensodyne, call if worse",
                    "Pt requested receipt for FSA", "Pt asked about CareCredit")
GENERAL_SENT = ("Sent updated insurance forms to complete", "Sent copy of receipt", "Sent pre-visit forms link",
                "Requested updated insurance card", "Sent x-rays to pt per request",
                "Followed up on question about treatment cost")
COMPLAINT_SHARE = 0.02
COMPLAINTS = ("Pt unhappy with wait time - apologized, offered first appointment of day",
              "Pt disputes charge on statement - reviewed with billing")

SPECIALISTS_PER_5000 = 24
REFERRING_PATIENTS_PER_5000 = 30
SOURCE_KINDS = (("marketing", 0.6), ("patient", 0.3), ("doctor", 0.1))
MARKETING = (("Google Search", 0.35), ("Website", 0.2), ("Insurance directory", 0.15), ("Facebook", 0.12),
             ("Yelp", 0.1), ("Drive-by / signage", 0.08))
RETIRED_CHANNELS = ("Yellow Pages", "Newspaper ad")  # hidden: no longer in the pick list
SPECIALIST, CHANNEL, REFERRING_PATIENT = 0, 1, 2
SPECIALIST_NOTE_SHARE = 0.7
SPECIALIST_NOTES = ("In network with Delta Dental, MetLife and Cigna PPO", "Sees emergencies same day",
                    "IV sedation available", "Send pano and recent BWs with the referral", "Not accepting Medicaid",
                    "Spanish-speaking staff", "Closed Fridays")
TRANSITION_OF_CARE_SHARE = 0.3
REFERRAL_CREDIT = 483  # adjustment type


def generate(ctx):
    prefs = contact_preferences(ctx)
    sources = referral_sources(ctx, ctx.rng("referral"))
    attached = referral_attachments(ctx, ctx.rng("refattach"), sources)
    write_referrals(ctx, ctx.rng("referral-entered"), sources, attached)
    plans, slow, denials = treatment_plans(ctx), slow_claims(ctx), denied_claims(ctx)
    commlogs(ctx, prefs, sources, attached, plans, slow, denials)
    documents(ctx, sources, attached, denials)
    ctx.practice.communication = SimpleNamespace(preferences=prefs, slow_claims=slow, denied_claims=denials)


# --- shared helpers (office.py uses them too) ---------------------------------------------------------------

def text(*parts):
    """Element-wise concatenation of strings, numbers and arrays of them (variable-width strings: notes of millions
    of rows stay compact)."""
    return reduce(np.strings.add, (np.asarray(part).astype(STRING) for part in parts))


def padded(numbers, width):
    """Numbers as zero-padded strings ('07')."""
    numbers = np.asarray(numbers).astype(STRING)
    return np.strings.zfill(numbers, width) if numbers.size else numbers


def _calendar(days):
    days = np.asarray(days, dtype="datetime64[D]")
    month = days.astype("datetime64[M]")
    return (days.astype("datetime64[Y]").astype(int) + 1970, month.astype(int) % 12 + 1,
            (days - month.astype("datetime64[D]")).astype(int) + 1)


def mdy(days):
    """'03/12/2024'."""
    year, month, day = _calendar(days)
    return text(padded(month, 2), "/", padded(day, 2), "/", year)


def appointment_time(moments):
    """'6/12 10:00 AM', as reminders quote an appointment."""
    _, month, day = _calendar(moments.astype("datetime64[D]"))
    minutes = (moments - moments.astype("datetime64[D]")).astype("timedelta64[m]").astype(int)
    hour, minute = np.divmod(minutes, 60)
    return text(month, "/", day, " ", (hour + 11) % 12 + 1, ":", padded(minute, 2),
                np.where(hour < 12, " AM", " PM"))


def dollars(cents):
    """'$1,234.50'."""
    whole, fraction = np.divmod(np.abs(cents), 100)
    thousands, units = np.divmod(whole, 1000)
    body = np.where(thousands > 0, text(thousands, ",", padded(units, 3)), units.astype(str))
    return text(np.where(np.asarray(cents) < 0, "-$", "$"), body, ".", padded(fraction, 2))


def at_hours(rng, days, first_hour, last_hour):
    """Timestamps on the given days between two hours of the day."""
    return stamp(days, rng.integers(first_hour * 3600, last_hour * 3600, len(days)))


def pick(rng, pool, n):
    return np.asarray(pool)[rng.integers(0, len(pool), n)]


def tokens(rng, n, width, alphabet=ALPHANUMERIC):
    """n random strings of `width` characters of the alphabet."""
    drawn = np.ascontiguousarray(np.asarray(alphabet)[rng.integers(0, len(alphabet), (n, width))])
    return drawn.view(f"<U{width}").reshape(n)


def signatures(rng, topaz):
    """Signature data as OpenDental stores it: a Topaz pad's signature string (hex) or the on-screen signature
    box's encrypted points (base64). Random characters: they sign nothing real."""
    n = len(topaz)
    return np.where(topaz, tokens(rng, n, SIGNATURE_LENGTH, HEX), tokens(rng, n, SIGNATURE_LENGTH, BASE64))


def rows_of(n, **columns):
    """A set of rows: every column an array of length n (scalars repeated)."""
    return {name: np.broadcast_to(np.asarray(value), (n,)) for name, value in columns.items()}


def fit_to_volume(rng, rows, target, top_up):
    """Thin the rows uniformly to `target`, or add `top_up(missing)` rows to reach it."""
    n = len(next(iter(rows.values())))
    if n >= target:
        return take_rows(rows, np.sort(rng.choice(n, target, replace=False)))
    return concat_rows([rows, top_up(target - n)])


def now(ctx):
    return stamp(ctx.today, CLOSING_HOUR * 3600)


def _scaled(ctx, per_5000, minimum):
    return max(minimum, round(per_5000 * ctx.config.patients / 5000))


def _number_within(*keys):
    """1, 2, 3... among rows with equal keys."""
    order = sorted_by(*keys)
    group, _, _ = groups(*keys)
    number = np.empty(len(order), dtype=np.int64)
    number[order] = rank_in_group(group[order]) + 1
    return number


def appointment_rows(ctx, apt_nums):
    nums = ctx.practice.clinical.appointments.nums
    order = np.argsort(nums)
    return order[np.searchsorted(nums, apt_nums, sorter=order)]


def contact_preferences(ctx):
    """Every patient's PreferContactMethod, PreferConfirmMethod and PreferRecallMethod."""
    stored = ctx.practice.patients.details
    return SimpleNamespace(**{name: stored[column].astype(np.int64) for name, column in
                              (("contact", "PreferContactMethod"), ("confirm", "PreferConfirmMethod"),
                               ("recall", "PreferRecallMethod"))})


def _automated_mode(method):
    return np.where(np.isin(method, TEXTABLE), TEXT, EMAIL)


# --- referral sources -------------------------------------------------------------------------------------

def referral_sources(ctx, rng):
    """The referral rows (without ReferralNum and DateTStamp) and what the attachments need of them: kind,
    specialty name, last name, hidden and preferred flags, the referring patient (index, -1 for others)."""
    parts = [_specialists(ctx, rng), _marketing_channels(), _referring_patients(ctx, rng)]
    meta = ("kind", "specialty_name", "patient", "hidden", "preferred")
    sources = SimpleNamespace(**{name: np.concatenate([part.pop(name) for part in parts]) for name in meta})
    sources.rows = concat_rows(parts)
    sources.lname = sources.rows["LName"]
    # The marketing channels are the practice's: the first office enters them, the others attach to those rows.
    sources.new = (sources.kind != CHANNEL) | (ctx.office == 0)
    sources.nums = np.zeros(len(sources.kind), dtype=np.int64)
    sources.nums[sources.new] = ctx.ids.take("referral", int(sources.new.sum()))
    channel = sources.kind == CHANNEL
    sources.nums[channel] = ctx.shared.setdefault("referral channels", sources.nums[channel])
    return sources


def _specialists(ctx, rng):
    """One preferred specialist of each specialty the practice refers to, and more as the practice grows."""
    table = read_table("communication_specialists")
    names = np.array([row["specialty"] for row in table])
    n = max(len(table), _scaled(ctx, SPECIALISTS_PER_5000, len(table)))
    extra = weighted_choice(rng, [(i, float(row["share"])) for i, row in enumerate(table)], n - len(table))
    kind = np.concatenate([np.arange(len(table)), extra]).astype(np.int64)
    pools, zips = ctx.random.pools, ctx.practice.zipcodes
    last = pools.pick(rng, pools.last, n)
    first = np.where(rng.random(n) < 0.5, pools.pick(rng, pools.female_first, n), pools.pick(rng, pools.male_first, n))
    place = rng.choice(len(zips.rows), n, p=zips.weight)
    business = text(last, " ", np.array([row["business"] for row in table])[kind])
    domain = text(np.strings.lower(last.astype(STRING)), np.array([row["domain"] for row in table])[kind])
    phone = rng.integers(0, 100, (2, n))
    preferred = np.arange(n) < len(table)  # the regulars exchange records by Direct messaging
    return rows_of(
        n, kind=SPECIALIST, specialty_name=names[kind], patient=-1, preferred=preferred,
        hidden=~preferred & (rng.random(n) < 0.05),
        LName=last, FName=first, MName=pick(rng, list("ABCDEFGHJKLMNPRSTW"), n), Title="DDS",
        Specialty=np.array([ctx.practice.defs.named(35, name) for name in names])[kind],
        Address=pools.pick(rng, pools.street, n), Address2=text("Suite ", rng.integers(100, 400, n)),
        City=[zips.rows[i]["City"] for i in place], ST="OR", Zip=[zips.rows[i]["ZipCodeDigits"] for i in place],
        Telephone=text("50355501", padded(phone[0], 2)),
        Phone2=text("(503)555-01", padded(phone[1], 2)),
        EMail=text("referrals@", np.where(preferred, "direct.", ""), domain, ".example"),
        NationalProvID=text(rng.integers(1_000_000_000, 1_999_999_999, n)), BusinessName=business,
        IsDoctor=True, NotPerson=False, IsTrustedDirect=preferred,
        DisplayNote=np.where(rng.random(n) < 0.3, "Prefers referrals by fax with recent x-rays", ""))


def _marketing_channels():
    """The channels new patients name, and retired ones hidden from the pick list."""
    names = np.array([name for name, _ in MARKETING] + list(RETIRED_CHANNELS))
    n = len(names)
    return rows_of(n, kind=CHANNEL, specialty_name="", patient=-1, preferred=False,
                   hidden=np.arange(n) >= len(MARKETING), LName=names,
                   FName="", MName="", Title="", Specialty=0, Address="", Address2="", City="", ST="", Zip="",
                   Telephone="", Phone2="", EMail="", NationalProvID="", BusinessName="", IsDoctor=False,
                   NotPerson=True, IsTrustedDirect=False, DisplayNote="Marketing source")


def _referring_patients(ctx, rng):
    """Established adult patients who sent friends: those the practice credited for a referral first."""
    pt = ctx.practice.patients
    adjustments = ctx.practice.financial.adjustments
    credited = np.unique(adjustments.patient[adjustments.type == REFERRAL_CREDIT])
    established = np.flatnonzero(pt.active & (pt.first_visit < ctx.start) & (pt.age_days >= 18 * 365))
    others = rng.permutation(np.setdiff1d(established, credited))
    n = max(len(credited), _scaled(ctx, REFERRING_PATIENTS_PER_5000, 2))
    who = np.concatenate([credited, others])[:n]
    stored = {name: values[who] for name, values in pt.details.items()}
    phone = np.where(stored["WirelessPhone"] != "", stored["WirelessPhone"], stored["HmPhone"]).astype(STRING)
    digits = reduce(lambda s, c: np.strings.replace(s, c, ""), ("(", ")", "-"), phone)
    n = len(who)
    return rows_of(n, kind=REFERRING_PATIENT, specialty_name="", patient=who, preferred=False, hidden=False,
                   LName=stored["LName"], FName=stored["FName"], MName=stored["MiddleI"], Title="", Specialty=0,
                   Address=stored["Address"], Address2=stored["Address2"], City=stored["City"], ST=stored["State"],
                   Zip=stored["Zip"], Telephone=digits, Phone2="", EMail=stored["Email"], NationalProvID="",
                   BusinessName="", IsDoctor=False, NotPerson=False, IsTrustedDirect=False,
                   DisplayNote="Patient referral")


def write_referrals(ctx, rng, sources, attached):
    """A referral row is entered when first used (just before its first attachment), else early in the window.
    Most specialists carry a note of what the office should know about them."""
    n = len(sources.nums)
    first_used = np.full(n, NEVER)
    np.minimum.at(first_used, attached.referral, attached.day)
    unused = ctx.start + rng.integers(0, 120, n)
    entered = np.where(first_used < NEVER, first_used - rng.integers(0, 4, n), unused)
    entered = clamp(entered, ctx.start, ctx.today)
    patient = np.where(sources.patient >= 0, ctx.practice.patients.nums[sources.patient], 0)
    note = occasional_notes(ctx.rng("referral-notes"), SPECIALIST_NOTES, SPECIALIST_NOTE_SHARE, n)
    rows = {**sources.rows, "ReferralNum": sources.nums, "PatNum": patient, "IsHidden": sources.hidden,
            "IsPreferred": sources.preferred, "Note": np.where(sources.kind == SPECIALIST, note, ""),
            "DateTStamp": at_hours(rng, entered, 8, 17)}
    ctx.out.copy("referral", {**take_rows(rows, sources.new), "UsingTIN": False, "Slip": 0, "SSN": ""})


# --- referral attachments ---------------------------------------------------------------------------------

def referral_attachments(ctx, rng, sources):
    """Write refattach: referrals out first (the work decides them), sources of new patients up to the volume.

    Returns per attachment: patient, referral (index into sources), day, out, status, proc (index or -1),
    prov, report (day the consult report came back, NO_DATE if none).
    """
    target = ctx.config.volume("referral_attachments")
    out = _referrals_out(ctx, rng, sources)
    out = take_rows(out, np.sort(rng.permutation(len(out["patient"]))[:target]))
    attached = concat_rows([out, _referred_from(ctx, rng, sources, target - len(out["patient"]))])
    order = sorted_by(attached["patient"], attached["day"].astype(np.int64))
    attached = SimpleNamespace(**take_rows(attached, order))
    n = len(attached.patient)
    pt, pr = ctx.practice.patients, ctx.practice.clinical.procedures
    proc = attached.proc
    last_change = np.maximum.reduce([attached.day, attached.report, attached.completed])
    ctx.out.copy("refattach", {
        "RefAttachNum": ctx.ids.take("refattach", n), "ReferralNum": sources.nums[attached.referral],
        "PatNum": pt.nums[attached.patient], "ItemOrder": rank_in_group(attached.patient), "RefDate": attached.day,
        "RefType": ~attached.out, "RefToStatus": attached.status, "Note": attached.note,
        "IsTransitionOfCare": attached.out & sources.rows["IsTrustedDirect"][attached.referral]
                              & (rng.random(n) < TRANSITION_OF_CARE_SHARE),
        "ProcNum": np.where(proc >= 0, pr.nums[np.maximum(proc, 0)], 0), "DateProcComplete": attached.completed,
        "ProvNum": attached.prov, "DateTStamp": at_hours(rng, last_change, 8, 17),
    })
    return attached


def _attachments(patient, referral, day, out, note, proc=-1, prov=0, status=0, report=NO_DATE, completed=NO_DATE):
    return rows_of(len(patient), patient=patient, referral=referral, day=day, out=out, note=note, proc=proc,
                   prov=prov, status=status, report=np.asarray(report, "datetime64[D]"),
                   completed=np.asarray(completed, "datetime64[D]"))


def _referrals_out(ctx, rng, sources):
    """Planned work the practice sends to a specialist (one referral per patient and specialty), and children
    sent for an orthodontic evaluation at an exam."""
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    share = np.zeros(len(codes.nums))
    specialty = np.full(len(codes.nums), "", dtype=object)
    for row in read_table("communication_referrals"):
        share[codes.index[row["code"]]], specialty[codes.index[row["code"]]] = float(row["share"]), row["specialty"]
    planned = (pr.status == 1) & (pr.date_tp >= ctx.start) & (pr.date_tp <= ctx.today)
    sent = np.flatnonzero(planned & (rng.random(len(pr.nums)) < share[pr.code]))
    _, _, first = groups(pr.patient[sent], np.unique(specialty[pr.code[sent]], return_inverse=True)[1])
    proc = sent[first]
    tooth = pr.tooth[proc]
    work = _attachments(pr.patient[proc], np.zeros(len(proc), np.int64), pr.date_tp[proc], True,
                        text(codes.abbr[pr.code[proc]], np.where(tooth != "", text(" #", tooth), "")),
                        proc=proc, prov=pr.prov[proc])
    work["referral"] = _specialist_for(rng, sources, specialty[pr.code[proc]].astype(str))
    ortho = _ortho_evaluations(ctx, rng, sources)
    out = concat_rows([work, ortho])
    out["status"], out["report"], out["completed"] = _progress(ctx, rng, out["day"])
    return out


def _ortho_evaluations(ctx, rng, sources):
    pr, codes, pt = ctx.practice.clinical.procedures, ctx.practice.codes, ctx.practice.patients
    exam = (np.isin(pr.code, [codes.index[c] for c in EXAMS]) & (pr.status == 2) & (pr.date >= ctx.start)
            & (pr.date <= ctx.today))
    age = (pr.date - pt.birth[pr.patient]).astype(int) / 365.25
    exam &= (age >= ORTHO_AGES[0]) & (age < ORTHO_AGES[1])
    candidates = np.flatnonzero(exam)
    _, _, first = groups(pr.patient[candidates])
    proc = candidates[first]
    proc = proc[rng.random(len(proc)) < ORTHO_SHARE]
    n = len(proc)
    return _attachments(pr.patient[proc], _specialist_for(rng, sources, np.full(n, "Orthodontics")), pr.date[proc],
                        True, np.full(n, "Ortho evaluation"), prov=pr.prov[proc])


def _specialist_for(rng, sources, wanted):
    """A specialist of the wanted specialty for every row, the preferred one three times as often."""
    choice = np.zeros(len(wanted), dtype=np.int64)
    for name in np.unique(wanted):
        pool = np.flatnonzero((sources.specialty_name == name) & ~sources.hidden)
        weight = np.where(sources.preferred[pool], 3.0, 1.0)
        rows = wanted == name
        choice[rows] = rng.choice(pool, rows.sum(), p=weight / weight.sum())
    return choice


def _progress(ctx, rng, day):
    """RefToStatus by the time since the referral (0 none, 1 declined, 2 scheduled, 3 consulted, 4 in treatment,
    5 complete), the day the consult report came back and the day the specialist finished."""
    n = len(day)
    since = (ctx.today - day).astype(int)
    draw = rng.random(n)
    status = np.select([since <= 10, since <= 30, since <= 90],
                       [np.where(draw < 0.3, 0, 2), 3, np.where(draw < 0.15, 1, np.where(draw < 0.4, 5, 4))],
                       np.where(draw < 0.2, 1, 5))
    report = np.where(status >= 3, day + np.minimum(rng.integers(7, 22, n), since), NO_DATE)
    completed = np.where(status == 5, day + rng.integers(21, np.maximum(since, 22)), NO_DATE)
    return status, report, np.minimum(completed, ctx.today)


def _referred_from(ctx, rng, sources, count):
    """How patients found the practice: new patients first (dated at their first visit; a family shares its
    source), then established patients whose source was recorded at a visit in the window."""
    pt, pr = ctx.practice.patients, ctx.practice.clinical.procedures
    seen = np.full(len(pt.nums), NEVER)
    in_window = (pr.status == 2) & (pr.date >= ctx.start) & (pr.date <= ctx.today)
    np.minimum.at(seen, pr.patient[in_window], pr.date[in_window])
    new = pt.new_in_window & (pt.first_visit != NO_DATE)
    day = np.where(new, pt.first_visit, seen)
    candidates = np.flatnonzero(day < NEVER)
    priority = np.lexsort((rng.random(len(candidates)), ~new[candidates]))
    patient = np.sort(candidates[priority][:max(count, 0)])
    family_source = _family_sources(rng, sources, len(ctx.practice.families.first))
    referral = family_source[pt.family[patient]]
    doctor = sources.kind[referral] == SPECIALIST
    note = np.where(doctor, "Transition of care", np.where(sources.kind[referral] == CHANNEL, "", "Friend referral"))
    return _attachments(patient, referral, day[patient], False, note)


def _family_sources(rng, sources, n_families):
    """One referral source per family: a marketing channel, a referring patient or a doctor."""
    kind = weighted_choice(rng, SOURCE_KINDS, n_families)
    channels = np.flatnonzero((sources.kind == CHANNEL) & ~sources.hidden)
    channel = channels[weighted_choice(rng, [(i, share) for i, (_, share) in enumerate(MARKETING)], n_families)]
    referrers = np.flatnonzero(sources.kind == REFERRING_PATIENT)
    if not len(referrers):
        referrers = channels
    doctors = np.flatnonzero((sources.kind == SPECIALIST) & ~sources.hidden)
    return np.select([kind == "patient", kind == "doctor"],
                     [pick(rng, referrers, n_families), pick(rng, doctors, n_families)], channel)


# --- stories shared by commlogs and documents -------------------------------------------------------------

def treatment_plans(ctx):
    """Treatment plans presented at an exam in the window (procedures planned the same day, worth a sit-down):
    patient, day, total fee (cents), accepted (some of it done since)."""
    pr = ctx.practice.clinical.procedures
    in_window = (pr.date_tp >= ctx.start) & (pr.date_tp <= ctx.today)
    planned = in_window & ((pr.status == 1) | ((pr.status == 2) & (pr.date > pr.date_tp)))
    proc = np.flatnonzero(planned)
    group, _, first = groups(pr.patient[proc], pr.date_tp[proc].astype(np.int64))
    total = group_sum(group, pr.fee_cents[proc], len(first))
    accepted = group_sum(group, (pr.status[proc] == 2).astype(np.int64), len(first)) > 0
    keep = total >= TREATMENT_PLAN_CENTS
    lead = proc[first][keep]
    return SimpleNamespace(patient=pr.patient[lead], day=pr.date_tp[lead], total=total[keep], accepted=accepted[keep])


def slow_claims(ctx):
    """Claims sent a month ago or more without an answer by then: patient, service day, carrier name, the day the
    billing office called, the day the answer came (NO_DATE while still open)."""
    rng = ctx.rng("slow-claims")
    plans = ctx.practice.insurance.plans
    parts = []
    for lines in ctx.practice.financial.claims:
        claims = lines.claims
        answered = np.where(claims.status == "R", claims.received, NO_DATE)
        called = claims.sent + CLAIM_FOLLOW_UP_DAYS + rng.integers(0, 6, len(claims.sent))
        slow = np.flatnonzero((claims.sent != NO_DATE) & (called < np.where(answered != NO_DATE, answered, ctx.today)))
        parts.append((claims.patient[slow], claims.service[slow], np.asarray(plans.carrier_name)[claims.plan[slow]],
                      called[slow], answered[slow]))
    patient, service, carrier, called, answered = (np.concatenate(column) for column in zip(*parts))
    return SimpleNamespace(patient=patient, service=service, carrier=carrier.astype(str), called=called,
                           answered=answered)


def denied_claims(ctx):
    """Claims with a denied line: patient, received day, service day, carrier name, reason."""
    rng = ctx.rng("denied-claims")
    plans = ctx.practice.insurance.plans
    parts = []
    for lines in ctx.practice.financial.claims:
        claims = lines.claims
        denied = np.unique(lines.claim[lines.denied])
        parts.append((claims.patient[denied], claims.received[denied], claims.service[denied],
                      np.asarray(plans.carrier_name)[claims.plan[denied]]))
    patient, received, service, carrier = (np.concatenate(column) for column in zip(*parts))
    return SimpleNamespace(patient=patient, received=received, service=service, carrier=carrier.astype(str),
                           reason=pick(rng, DENIAL_REASONS, len(patient)))


# --- commlog ----------------------------------------------------------------------------------------------

def _log(patient, when, comm_type, mode, direction, source, user, note, minutes=0, program=0, referral=-1,
         signed=False):
    """Commlog events: `referral` indexes the referral sources (-1 none), `minutes` the length of a call, `signed`
    marks notes the patient signed on the front desk's Topaz pad."""
    return rows_of(len(patient), patient=patient, when=when, type=comm_type, mode=mode, direction=direction,
                   source=source, user=user, note=note, minutes=minutes, program=program, referral=referral,
                   signed=signed)


def commlogs(ctx, prefs, sources, attached, plans, slow, denials):
    """Every event of the practice's communication (each drawing from its own stream), thinned (or topped up with
    general calls) to the volume and numbered in time order. A note is entered when the call ends."""
    rng = ctx.rng("commlog")
    reminded = _reminder_times(ctx)
    logs = concat_rows([
        appointment_reminders(ctx, prefs, reminded),
        confirmations(ctx, prefs, reminded),
        no_show_follow_ups(ctx, prefs),
        recall_notices(ctx, prefs),
        balance_reminders(ctx, prefs),
        collection_notices(ctx, prefs),
        claim_follow_ups(ctx, slow),
        denial_calls(ctx, denials),
        referral_letters(ctx, sources, attached),
        referral_thanks(ctx, sources, attached),
        treatment_plan_talks(ctx, plans),
        surgical_clearances(ctx),
        post_op_texts(ctx, prefs),
        visit_texts(ctx, prefs),
        general_calls(ctx, ctx.rng("commlog-general"), prefs, _general_volume(ctx)),
    ])
    logs = take_rows(logs, np.flatnonzero((logs["when"] >= stamp(ctx.start)) & (logs["when"] <= now(ctx))))
    logs = fit_to_volume(rng, logs, ctx.config.volume("commlogs"),
                         lambda n: general_calls(ctx, ctx.rng("commlog-general-more"), prefs, n))
    logs = take_rows(logs, np.argsort(logs["when"], kind="stable"))
    n = len(logs["patient"])
    ended = logs["when"] + logs["minutes"] * MINUTE
    signed = np.flatnonzero(logs["signed"])
    signature = np.full(n, "", dtype=object)
    signature[signed] = signatures(ctx.rng("commlog-signatures"), np.ones(len(signed), dtype=bool))
    ctx.out.copy("commlog", sliced({
        "CommlogNum": ctx.ids.take("commlog", n), "PatNum": ctx.practice.patients.nums[logs["patient"]],
        "CommDateTime": logs["when"], "CommType": logs["type"], "Note": logs["note"], "Mode_": logs["mode"],
        "SentOrReceived": logs["direction"], "UserNum": logs["user"], "Signature": signature,
        "SigIsTopaz": logs["signed"],
        "DateTStamp": ended, "DateTimeEnd": np.where(logs["minutes"] > 0, ended, NO_TIME),
        "CommSource": logs["source"], "ProgramNum": logs["program"], "DateTEntry": ended,
        "ReferralNum": np.where(logs["referral"] >= 0, sources.nums[np.maximum(logs["referral"], 0)], 0),
        "CommReferralBehavior": False,
    }))


def _front_desk(ctx, rng, n):
    return pick(rng, ctx.practice.users.front_desk, n)


def _billing(ctx, rng, n):
    return pick(rng, ctx.practice.users.billing, n)


def _reminder_times(ctx):
    """When the automated reminder of each booked appointment went out: two days before in the morning run, or
    right after booking when booked later than that; NaT if booked too late or never booked for a day."""
    rng = ctx.rng("commlog-reminders")
    ap = ctx.practice.clinical.appointments
    n = len(ap.nums)
    usual = at_hours(rng, ap.date - REMINDER_DAYS_BEFORE, 8, 10)
    sent = np.where(usual < ap.booked, ap.booked + rng.integers(60, 1800, n).astype("timedelta64[s]"), usual)
    booked_visit = np.isin(ap.status, (1, 2, 3, 5))
    return np.where(booked_visit & (sent < ap.start), sent, np.datetime64("NaT"))


def appointment_reminders(ctx, prefs, reminded):
    ap = ctx.practice.clinical.appointments
    apt = np.flatnonzero(~np.isnat(reminded))
    patient = ap.patient[apt]
    return _log(patient, reminded[apt], APPOINTMENT, _automated_mode(prefs.confirm[patient]), SENT,
                APPOINTMENT_REMINDER, 0, text("Appointment reminder sent for ", appointment_time(ap.start[apt])))


def confirmations(ctx, prefs, reminded):
    """What the appointment's confirmation status tells: the patient answered the reminder, or the front desk
    called the day before (and reached them or left a message). Always before the appointment."""
    rng = ctx.rng("commlog-confirmations")
    ap, defs = ctx.practice.clinical.appointments, ctx.practice.defs
    replied = np.flatnonzero(~np.isnat(reminded) & (ap.confirmed == defs.named(2, "Confirmed via text")))
    gap = (ap.start[replied] - reminded[replied]).astype(np.int64)
    delay = np.minimum(rng.integers(300, REPLY_WITHIN_HOURS * 3600, len(replied)), gap // 2)
    patient = ap.patient[replied]
    replies = _log(patient, reminded[replied] + delay.astype("timedelta64[s]"),
                   APPOINTMENT, _automated_mode(prefs.confirm[patient]), RECEIVED, ESERVICES, 0,
                   text('Patient replied "C" - confirmed appointment ', appointment_time(ap.start[replied])))
    confirmed = (ap.confirmed == defs.named(2, "Confirmed")) & (rng.random(len(ap.nums)) < CONFIRMATION_CALL_SHARE)
    left_message = ap.confirmed == defs.named(2, "Left Msg")
    called = np.flatnonzero((confirmed | left_message) & np.isin(ap.status, (1, 2, 3, 5)))
    when = np.maximum(at_hours(rng, ap.date[called] - 1, 10, 16), ap.booked[called] + 10 * MINUTE)
    called, when = called[when < ap.start[called]], when[when < ap.start[called]]
    reached = ap.confirmed[called] == defs.named(2, "Confirmed")
    patient = ap.patient[called]
    calls = _log(patient, when, APPOINTMENT, CONTACT_MODE[prefs.confirm[patient]], SENT, BY_USER,
                 _front_desk(ctx, rng, len(called)),
                 text(np.where(reached, "Confirmed appt for ", "Left message to confirm appt for "),
                      appointment_time(ap.start[called])), minutes=rng.integers(1, 5, len(called)))
    return concat_rows([replies, calls])


def no_show_follow_ups(ctx, prefs):
    rng = ctx.rng("commlog-no-shows")
    ap = ctx.practice.clinical.appointments
    broken = np.flatnonzero(ap.status == 5)
    patient = ap.patient[broken]
    return _log(patient, ap.start[broken] + rng.integers(15, 90, len(broken)) * MINUTE, APPOINTMENT,
                CONTACT_MODE[prefs.contact[patient]], SENT, BY_USER, _front_desk(ctx, rng, len(broken)),
                text("Pt missed appt ", appointment_time(ap.start[broken]), " - asked to call to reschedule"),
                minutes=rng.integers(1, 4, len(broken)))


def recall_notices(ctx, prefs):
    """Overdue hygiene recalls of active patients with nothing booked: a Web Sched text, a call or a postcard a
    week after DateDue; for some a second notice a month later and a last one three months after."""
    rng = ctx.rng("commlog-recall-notices")
    rc = ctx.practice.clinical.recalls
    name = recall_names(ctx)
    overdue = overdue_hygiene_recalls(ctx)
    days, shares = (np.array(column) for column in zip(*RECALL_NOTICES))
    recall = np.repeat(overdue, len(days))
    after = np.tile(days, len(overdue))
    day = rc.due[recall] + after + rng.integers(0, 5, len(recall))
    sent = (day <= ctx.today) & (rng.random(len(recall)) < np.tile(shares, len(overdue)))
    recall, day = recall[sent], day[sent]
    patient = rc.patient[recall]
    method = prefs.recall[patient]
    mode = np.where(method == 0, MAIL, CONTACT_MODE[method])
    automated = mode == TEXT
    what = text(name[recall], " due ", mdy(rc.due[recall]))
    note = np.select([automated, mode == MAIL], [text("Web Sched recall text sent - ", what),
                                                 text("Recall postcard mailed - ", what)],
                     text("Left voicemail to schedule ", what))
    n = len(recall)
    return _log(patient, at_hours(rng, day, 9, 17), RECALL, mode, SENT, np.where(automated, WEB_SCHED, BY_USER),
                np.where(automated, 0, _front_desk(ctx, rng, n)), note,
                minutes=np.where(mode == PHONE, rng.integers(1, 4, n), 0))


def recall_names(ctx):
    types = ctx.practice.clinical.recall_types
    return np.asarray(types.names)[np.searchsorted(types.nums, ctx.practice.clinical.recalls.type_num)]


def overdue_hygiene_recalls(ctx):
    """Indices of hygiene recalls past DateDue with nothing booked, of patients still active."""
    rc, pt = ctx.practice.clinical.recalls, ctx.practice.patients
    return np.flatnonzero((rc.due < ctx.today) & (rc.scheduled == NO_DATE) & pt.active[rc.patient]
                          & np.isin(recall_names(ctx), HYGIENE_PROGRAMS))


def balance_reminders(ctx, prefs):
    """Guarantors whose family owes money: a reminder for each month the balance has been past due, quoting what
    was already owed then (text-to-pay links to those who prefer texts)."""
    rng = ctx.rng("commlog-balance-reminders")
    fam, aging = ctx.practice.families, ctx.practice.financial.aging
    owed_since = np.cumsum(aging["buckets"][::-1], axis=0)[::-1]  # [k]: charges older than k months, unpaid
    months, family = np.nonzero((owed_since[1:] >= MIN_BALANCE_CENTS) & (aging["total"] > 0))
    amount = owed_since[1:][months, family]
    day = ctx.today - 30 * months - rng.integers(0, 20, len(family))
    guarantor = fam.first[family]
    mode = CONTACT_MODE[prefs.contact[guarantor]]
    texted = mode == TEXT
    prefix = np.select([texted, mode == EMAIL, mode == MAIL],
                       ["Text-to-pay link sent for balance of ", "Emailed reminder re: balance of ",
                        "Mailed past-due letter re: balance of "], "Left voicemail re: balance of ")
    n = len(family)
    return _log(guarantor, at_hours(rng, day, 9, 17), BILLING, mode, SENT, np.where(texted, MESSAGE_TO_PAY, BY_USER),
                _billing(ctx, rng, n), text(prefix, dollars(amount)),
                minutes=np.where(mode == PHONE, rng.integers(1, 5, n), 0))


def collection_notices(ctx, prefs):
    rng = ctx.rng("commlog-collection-notices")
    fam, aging = ctx.practice.families, ctx.practice.financial.aging
    family = np.flatnonzero((aging["buckets"][3] >= COLLECTIONS_CENTS) & (aging["total"] > 0))
    guarantor = fam.first[family]
    mode = CONTACT_MODE[prefs.contact[guarantor]]
    n = len(family)
    return _log(guarantor, at_hours(rng, ctx.today - rng.integers(0, 14, n), 9, 17), COLLECTIONS, mode, SENT, BY_USER,
                _billing(ctx, rng, n), text("Final notice: ", dollars(aging["buckets"][3][family]),
                                            " over 90 days past due - asked to call to arrange payment"),
                minutes=np.where(mode == PHONE, rng.integers(2, 8, n), 0))


def claim_follow_ups(ctx, slow):
    """The billing office calls the carrier about a claim that has gone a month without an answer."""
    rng = ctx.rng("commlog-claim-follow-ups")
    n = len(slow.patient)
    return _log(slow.patient, at_hours(rng, slow.called, 9, 16), INSURANCE, PHONE, SENT, BY_USER, _billing(ctx, rng, n),
                text("Called ", slow.carrier, " re: claim DOS ", mdy(slow.service),
                     " - in process, allow 2 more weeks"),
                minutes=rng.integers(5, 25, n))


def denial_calls(ctx, denials):
    """A denied line: the billing office calls the carrier, and for half of them sends a narrative by fax."""
    rng = ctx.rng("commlog-denial-calls")
    n = len(denials.patient)
    day = denials.received + rng.integers(1, 8, n)
    what = text(denials.carrier, " claim DOS ", mdy(denials.service))
    calls = _log(denials.patient, at_hours(rng, day, 9, 16), INSURANCE, PHONE, SENT, BY_USER, _billing(ctx, rng, n),
                 text("Called re: denied ", what, " - ", denials.reason), minutes=rng.integers(8, 30, n))
    narrated = rng.random(n) < 0.5
    narratives = _log(denials.patient[narrated], at_hours(rng, day[narrated], 16, 17), NARRATIVE, FAX, SENT, BY_USER,
                      _billing(ctx, rng, narrated.sum()),
                      text("Narrative and x-rays faxed for appeal: ", what[narrated]))
    return concat_rows([calls, narratives])


def referral_letters(ctx, sources, attached):
    """Referrals out are faxed to the specialist and their consult report comes back; a doctor's referral in
    arrives by fax."""
    rng = ctx.rng("commlog-referral-letters")
    doctor = (sources.lname[attached.referral]).astype(str)
    out = np.flatnonzero(attached.out)
    specialty = sources.specialty_name[attached.referral[out]].astype(str)
    letters = _log(attached.patient[out], at_hours(rng, attached.day[out], 10, 16), REFERRAL_OUT, FAX, SENT, BY_USER,
                   _front_desk(ctx, rng, len(out)),
                   text("Referral to Dr. ", doctor[out], " (", specialty, ") faxed: ", attached.note[out]),
                   referral=attached.referral[out])
    reported = np.flatnonzero(attached.report != NO_DATE)
    reports = _log(attached.patient[reported], at_hours(rng, attached.report[reported], 9, 17), REFERRAL_IN, FAX,
                   RECEIVED, BY_USER, _front_desk(ctx, rng, len(reported)),
                   text("Consult report received from Dr. ", doctor[reported]), referral=attached.referral[reported])
    sent_in = np.flatnonzero(~attached.out & (sources.kind[attached.referral] == SPECIALIST))
    incoming = _log(attached.patient[sent_in], at_hours(rng, attached.day[sent_in] - 3, 9, 17), REFERRAL_IN, FAX,
                    RECEIVED, BY_USER, _front_desk(ctx, rng, len(sent_in)),
                    text("Referral received from Dr. ", doctor[sent_in]), referral=attached.referral[sent_in])
    return concat_rows([letters, reports, incoming])


def referral_thanks(ctx, sources, attached):
    """A thank-you card to the patient who referred a new one (logged on the referring patient's chart)."""
    rng = ctx.rng("commlog-referral-thanks")
    friend = np.flatnonzero(~attached.out & (sources.kind[attached.referral] == REFERRING_PATIENT))
    referral = attached.referral[friend]
    return _log(sources.patient[referral], at_hours(rng, attached.day[friend] + rng.integers(1, 6, len(friend)), 9, 17),
                GENERAL, MAIL, SENT, BY_USER, _front_desk(ctx, rng, len(friend)),
                np.full(len(friend), "Thank-you card mailed for referring a new patient"), referral=referral)


def treatment_plan_talks(ctx, plans):
    """The treatment coordinator goes over big plans; a patient who accepts signs the financial arrangement (the
    commlog note) on the signature pad."""
    rng = ctx.rng("commlog-treatment-plan-talks")
    n = len(plans.patient)
    outcome = np.where(plans.accepted, " - pt accepted and signed financial arrangement, scheduling first visit",
                       pick(rng, (" - pt will think it over", " - pt wants to check insurance first",
                                  " - CareCredit application discussed"), n))
    return _log(plans.patient, at_hours(rng, plans.day, 9, 17), TREATMENT_PLAN, IN_PERSON, SENT, BY_USER,
                _front_desk(ctx, rng, n), text("Reviewed treatment plan (", dollars(plans.total),
                                               " est.) and payment options", outcome),
                minutes=rng.integers(10, 30, n), signed=plans.accepted)


def surgical_clearances(ctx):
    """Patients of 65 and over planned for surgery: a clearance request faxed to their physician, the answer
    days later."""
    rng = ctx.rng("commlog-surgical-clearances")
    pr, pt, codes = ctx.practice.clinical.procedures, ctx.practice.patients, ctx.practice.codes
    surgery = (np.isin(pr.code, [codes.index[c] for c in SURGICAL_CODES]) & np.isin(pr.status, (1, 2))
               & (pr.date_tp >= ctx.start) & (pr.date_tp <= ctx.today)
               & ((pr.date_tp - pt.birth[pr.patient]).astype(int) >= CLEARANCE_AGE * 365.25))
    candidates = np.flatnonzero(surgery)
    _, _, first = groups(pr.patient[candidates], pr.date_tp[candidates].astype(np.int64))
    proc = candidates[first]
    n = len(proc)
    asked = pr.date_tp[proc] + rng.integers(1, 4, n)
    answered = asked + rng.integers(2, 8, n)
    return concat_rows([
        _log(pr.patient[proc], at_hours(rng, asked, 9, 17), CLEARANCE_ASKED, FAX, SENT, BY_USER,
             _front_desk(ctx, rng, n), np.full(n, "Surgical clearance request faxed to pt's physician")),
        _log(pr.patient[proc], at_hours(rng, answered, 9, 17), CLEARANCE_RECEIVED, FAX, RECEIVED, BY_USER,
             _front_desk(ctx, rng, n), np.full(n, "Surgical clearance received - ok to proceed")),
    ])


def post_op_texts(ctx, prefs):
    """The morning after endodontic, implant or surgical work, an automated check-in message."""
    rng = ctx.rng("commlog-post-op-texts")
    pr, codes = ctx.practice.clinical.procedures, ctx.practice.codes
    done = np.flatnonzero((pr.status == 2) & np.isin(codes.category[pr.code], POST_OP_CATEGORIES))
    _, _, first = groups(pr.patient[done], pr.date[done].astype(np.int64))
    proc = done[first]
    patient = pr.patient[proc]
    return _log(patient, at_hours(rng, pr.date[proc] + 1, 9, 11), TEXTING, _automated_mode(prefs.contact[patient]),
                SENT, ESERVICES, 0,
                np.full(len(proc), "Post-op check-in sent: how are you feeling after yesterday's visit?"))


def visit_texts(ctx, prefs):
    """After a completed visit: a thank-you message to new patients, a Podium review invitation to some others."""
    rng = ctx.rng("commlog-visit-texts")
    ap = ctx.practice.clinical.appointments
    done = ap.status == 2
    new = np.flatnonzero(done & ap.is_new_patient)
    reviewed = np.flatnonzero(done & ~ap.is_new_patient & (rng.random(len(ap.nums)) < REVIEW_SHARE))
    patient = ap.patient[new]
    return concat_rows([
        _log(patient, ap.dismissed[new] + rng.integers(60, 180, len(new)) * MINUTE, TEXTING,
             _automated_mode(prefs.contact[patient]), SENT, THANK_YOU, 0,
             np.full(len(new), "Thank you for choosing Beaverton Family Dental! Welcome to the practice.")),
        _log(ap.patient[reviewed], ap.dismissed[reviewed] + rng.integers(120, 300, len(reviewed)) * MINUTE, TEXTING,
             TEXT, SENT, PROGRAM_LINK, 0, np.full(len(reviewed), "Podium review invitation sent"), program=PODIUM),
    ])


def _general_volume(ctx):
    years = (ctx.today - ctx.start).astype(int) / 365.25
    return round(GENERAL_PER_PATIENT_YEAR * years * ctx.practice.patients.active.sum())


def general_calls(ctx, rng, prefs, n):
    """Everyday calls and messages with active patients, on business days of the window."""
    pt = ctx.practice.patients
    patient = pick(rng, np.flatnonzero(pt.active), n)
    days = business_days(ctx.start, ctx.today)
    received = rng.random(n) < 0.6
    complaint = rng.random(n) < COMPLAINT_SHARE
    mode = CONTACT_MODE[prefs.contact[patient]]
    note = np.where(complaint, pick(rng, COMPLAINTS, n),
                    np.where(received, pick(rng, GENERAL_RECEIVED, n), pick(rng, GENERAL_SENT, n)))
    return _log(patient, at_hours(rng, pick(rng, days, n), 8, 17), np.where(complaint, COMPLAINT, GENERAL), mode,
                np.where(received, RECEIVED, SENT), BY_USER, _front_desk(ctx, rng, n), note,
                minutes=np.where(mode == PHONE, rng.integers(1, 10, n), 0))


# --- document ---------------------------------------------------------------------------------------------

def _doc(ctx, patient, when, category, img_type, prefix, description, prov=0, tooth="", extension="jpg", note="",
         signed=False, topaz=False, num=0):
    """Documents: `note` is the Document Info note, `signed` that someone signed it (`topaz`: on the front desk's
    Topaz pad, else in the on-screen signature box); `num` a DocNum another module reserved (0: numbered here)."""
    return rows_of(len(patient), patient=patient, when=when, category=ctx.practice.defs.named(18, category),
                   img_type=img_type, prefix=prefix, description=description, prov=prov, tooth=tooth,
                   extension=extension, note=note, signed=signed, topaz=topaz, num=num)


def documents(ctx, sources, attached, denials):
    """Images and scans on the days they were taken (each kind drawing from its own stream), thinned (or topped up
    with medical-history updates) to the volume, which includes every signed treatment plan's PDF (records.py
    reserved their DocNums); a file name unique per patient and day."""
    rng = ctx.rng("document")
    plans = signed_plans(ctx)
    docs = concat_rows([radiographs(ctx), photos(ctx), first_visit_forms(ctx),
                        referral_documents(ctx, sources, attached), eob_scans(ctx, denials)])
    docs = take_rows(docs, np.flatnonzero((docs["when"] >= stamp(ctx.start)) & (docs["when"] <= now(ctx))))
    docs = fit_to_volume(rng, docs, ctx.config.volume("documents") - len(plans["num"]),
                         lambda n: history_updates(ctx, n))
    docs = concat_rows([docs, plans])
    docs = take_rows(docs, np.argsort(docs["when"], kind="stable"))
    n = len(docs["patient"])
    day = docs["when"].astype("datetime64[D]")
    number = _number_within(docs["patient"], day.astype(np.int64), np.unique(docs["prefix"], return_inverse=True)[1])
    year, month, dom = _calendar(day)
    stamp_text = text(year, padded(month, 2), padded(dom, 2))
    printed, note = referral_copies(docs, sources, attached)
    signed = np.flatnonzero(docs["signed"])
    signature = np.full(n, "", dtype=object)
    signature[signed] = signatures(ctx.rng("document-signatures"), docs["topaz"][signed])
    ctx.out.copy("document", sliced({
        "DocNum": numbered(ctx, docs["num"]), "Description": docs["description"], "DateCreated": docs["when"],
        "DocCategory": docs["category"], "PatNum": ctx.practice.patients.nums[docs["patient"]],
        "FileName": text(docs["prefix"], "_", stamp_text, "_", number, ".", docs["extension"]),
        "ImgType": docs["img_type"], "ToothNumbers": docs["tooth"], "Note": note, "SigIsTopaz": docs["topaz"],
        "Signature": signature, "MountItemNum": 0, "RawBase64": "", "Thumbnail": "",
        "DateTStamp": np.minimum(docs["when"] + rng.integers(5, 900, n).astype("timedelta64[s]"), now(ctx)),
        "ProvNum": docs["prov"], "IsCropOld": False, "PrintHeading": printed, "ImageCaptureType": False,
        **image_edits(ctx, docs["img_type"]),
    }))


def numbered(ctx, reserved):
    """DocNums: the reserved ones, the next free numbers for the rest (in the order of the rows)."""
    nums = np.array(reserved, dtype=np.int64)
    free = np.flatnonzero(nums == 0)
    nums[free] = ctx.ids.take("document", len(free))
    return nums


def referral_copies(docs, sources, attached):
    """Radiographs taken the day a patient is referred out are printed with the heading (patient, date) for the
    specialist, and the Document Info note says so. Returns (PrintHeading, Note) of every document."""
    out = np.flatnonzero(attached.out)
    referred, first = np.unique(attached.patient[out] * DAY_STEP + attached.day[out].astype(np.int64),
                                return_index=True)
    taken = docs["patient"] * DAY_STEP + docs["when"].astype("datetime64[D]").astype(np.int64)
    printed = (docs["img_type"] == RADIOGRAPH) & np.isin(taken, referred)
    referral = lookup(attached.referral[out[first]], np.where(printed, np.searchsorted(referred, taken), -1), 0)
    doctor = text("Printed with heading for referral to Dr. ", sources.lname[referral])
    return printed, np.where(printed, doctor, docs["note"])


def image_edits(ctx, img_type):
    """What the staff did to images in the Imaging module: photos cropped (the rectangle in image pixels of an
    intraoral camera's 1280x1024 frame), mirror shots flipped, some turned upright; radiographs' brightness and
    contrast windowed (0-255 levels; 0/0 is OpenDental's untouched full range)."""
    rng = ctx.rng("document-edits")
    n = len(img_type)
    photo, radiograph = img_type == PHOTO, img_type == RADIOGRAPH
    cropped = photo & (rng.random(n) < CROPPED_SHARE)
    x, y = rng.integers(0, 300, n), rng.integers(0, 200, n)
    width, height = rng.integers(700, 980, n), rng.integers(500, 820, n)
    turned = photo & (rng.random(n) < ROTATED_SHARE)
    windowed = radiograph & (rng.random(n) < WINDOWED_SHARE)
    return {"CropX": np.where(cropped, x, 0), "CropY": np.where(cropped, y, 0), "CropW": np.where(cropped, width, 0),
            "CropH": np.where(cropped, height, 0), "IsFlipped": photo & (rng.random(n) < FLIPPED_SHARE),
            "DegreesRotated": np.where(turned, pick(rng, (90.0, 180.0, 270.0), n), 0.0),
            "WindowingMin": np.where(windowed, rng.integers(5, 60, n), 0),
            "WindowingMax": np.where(windowed, rng.integers(190, 250, n), 0)}


def radiographs(ctx):
    """One image per x-ray procedure, taken during its visit; a periapical shows the tooth treated that visit."""
    rng = ctx.rng("document-x-rays")
    pr, ap, codes = ctx.practice.clinical.procedures, ctx.practice.clinical.appointments, ctx.practice.codes
    table = read_table("communication_x_rays")
    kind = np.full(len(codes.nums), -1)
    kind[[codes.index[row["code"]] for row in table]] = np.arange(len(table))
    proc = np.flatnonzero((pr.status == 2) & (kind[pr.code] >= 0) & (pr.apt_num > 0))
    row = appointment_rows(ctx, pr.apt_num[proc])
    x_ray = kind[pr.code[proc]]
    prefix = np.array([r["prefix"] for r in table])[x_ray]
    tooth = np.where(prefix == "PA", _tooth_treated(ctx, rng, pr.apt_num[proc]), "")
    description = np.array([r["description"] for r in table])[x_ray]
    return _doc(ctx, pr.patient[proc], ap.seated[row] + rng.integers(2, 15, len(proc)) * MINUTE, "Xrays", 1, prefix,
                np.where(tooth != "", text(description, " #", tooth), description), prov=pr.prov[proc], tooth=tooth)


def _tooth_treated(ctx, rng, apt_nums):
    """The tooth of a procedure on the same appointment, else a tooth the dentist looked at (1-32)."""
    pr = ctx.practice.clinical.procedures
    guess = rng.integers(1, 33, len(apt_nums)).astype(str)
    toothed = np.flatnonzero((pr.apt_num > 0) & (pr.tooth != ""))
    known, first = np.unique(pr.apt_num[toothed], return_index=True)
    if not len(known):
        return guess
    at = np.minimum(np.searchsorted(known, apt_nums), len(known) - 1)
    return np.where(known[at] == apt_nums, pr.tooth[toothed[first]][at], guess)


def photos(ctx):
    """Intraoral photos at new-patient visits, pre-op photos at cosmetic work."""
    rng = ctx.rng("document-photos")
    ap, pr, codes = ctx.practice.clinical.appointments, ctx.practice.clinical.procedures, ctx.practice.codes
    new = np.flatnonzero((ap.status == 2) & ap.is_new_patient)
    cosmetic = np.flatnonzero((pr.status == 2) & np.isin(pr.code, [codes.index[c] for c in COSMETIC_CODES])
                              & (pr.apt_num > 0))
    cosmetic_row = appointment_rows(ctx, pr.apt_num[cosmetic])
    return concat_rows([
        _doc(ctx, ap.patient[new], ap.seated[new] + rng.integers(1, 10, len(new)) * MINUTE, "Photos", 2, "PHOTO",
             "Intraoral photos", prov=ap.prov[new]),
        _doc(ctx, pr.patient[cosmetic], ap.seated[cosmetic_row] + rng.integers(1, 5, len(cosmetic)) * MINUTE, "Photos",
             2, "PHOTO", text("Pre-op photo ", codes.abbr[pr.code[cosmetic]]), prov=pr.prov[cosmetic]),
    ])


def first_visit_forms(ctx):
    """Registration and HIPAA forms scanned at check-in of a new patient's first visit (the patient signs the
    privacy-notice acknowledgement on the signature pad), and the insurance card."""
    rng = ctx.rng("document-forms")
    ap, pt = ctx.practice.clinical.appointments, ctx.practice.patients
    new = np.flatnonzero((ap.status == 2) & ap.is_new_patient)
    insured = new[pt.insured[ap.patient[new]]]
    return concat_rows([
        _doc(ctx, ap.patient[new], ap.arrived[new] + rng.integers(1, 6, len(new)) * MINUTE, "Patient Forms", 0, "FORM",
             "New patient registration and HIPAA", extension="pdf",
             note="Notice of privacy practices acknowledged", signed=True, topaz=True),
        _doc(ctx, ap.patient[insured], ap.arrived[insured] + rng.integers(1, 6, len(insured)) * MINUTE,
             "Insurance Cards", 0, "INSCARD", "Insurance card front and back"),
    ])


def referral_documents(ctx, sources, attached):
    """Referral letters out, and the specialists' consult reports, which the dentist signs off as reviewed in the
    on-screen signature box."""
    rng = ctx.rng("document-referrals")
    out = np.flatnonzero(attached.out)
    reported = np.flatnonzero(attached.report != NO_DATE)
    doctor = text("Dr. ", sources.lname[attached.referral])
    return concat_rows([
        _doc(ctx, attached.patient[out], at_hours(rng, attached.day[out], 10, 16), "Referral Letters", 0, "REF",
             text("Referral to ", doctor[out], " - ", sources.specialty_name[attached.referral[out]]),
             prov=attached.prov[out], extension="pdf"),
        _doc(ctx, attached.patient[reported], at_hours(rng, attached.report[reported], 9, 17), "Correspondence", 3,
             "CONSULT", text("Consult report from ", doctor[reported]), extension="pdf",
             note="Reviewed by the treating dentist", signed=True),
    ])


def signed_plans(ctx):
    """The PDF of every signed treatment plan (records.py), saved when the last signature was, with its DocNum."""
    plans = ctx.practice.records.signed_plans
    return _doc(ctx, plans.patient, plans.filed, "Treatment Plans", 3, "TP",
                text("Signed treatment plan ", dollars(plans.fee_cents)), prov=plans.dentist, extension="pdf",
                num=plans.doc_num)


def eob_scans(ctx, denials):
    rng = ctx.rng("document-eobs")
    return _doc(ctx, denials.patient, at_hours(rng, denials.received, 9, 17), "EOBs", 4, "EOB",
                text("EOB ", denials.carrier, " DOS ", mdy(denials.service)), extension="pdf",
                note=text("Denied: ", denials.reason))


def history_updates(ctx, n):
    """Updated medical-history forms signed at check-in of completed visits; the dentist notes the review and
    signs it in the on-screen signature box."""
    rng = ctx.rng("document-history-updates")
    ap = ctx.practice.clinical.appointments
    completed = np.flatnonzero((ap.status == 2) & (ap.date >= ctx.start))
    visit = pick(rng, completed, n if len(completed) else 0)
    return _doc(ctx, ap.patient[visit], ap.arrived[visit] + rng.integers(1, 6, len(visit)) * MINUTE, "Patient Forms", 0,
                "FORM", "Medical history update", extension="pdf", note=pick(rng, HISTORY_REVIEWS, len(visit)),
                signed=True)
