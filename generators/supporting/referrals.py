"""Supporting: referrals.

  referral   specialists the practice works with (the regulars exchange records by trusted Direct messaging),
             the marketing channels new patients name (retired ones hidden), and patients who referred friends
             (names copied from their chart; those with a referral credit among them)
  refattach  "referred from" (RefType true): how a new patient found the practice, dated at the first visit
             (for an established patient, at a visit in the window); "referred to" (false): planned endo,
             surgery, perio, implant and full-arch work sent to a specialist, and children sent for an ortho
             evaluation, with the specialist's progress (RefToStatus) by how long ago it was
"""
from functools import reduce
from types import SimpleNamespace

import numpy as np

from core.arrays import concat_rows, groups, rank_in_group, sorted_by, take_rows
from core.randomness import weighted_choice
from opendental.codes import ProcStatus, RefToStatus
from opendental.definitions import NONE, DefCat, defnums

from ..clinical.chart import occasional_notes
from ..context import RunContext
from ..data import read_table
from ..financial.adjustments import REFERRAL_CREDIT
from ..formatting import STRING, padded, text
from ..handover import ReferralChannels
from ..parameters import parameter
from ..rows import pick, rows_of, scaled
from ..timeline import NO_DATE, at_hours, clamp
from ..volumes import VolumeNotReached

NEVER = np.datetime64("9999-12-31", "D")
ORTHO_AGES = (8, 14)
ORTHO_SHARE = parameter("supporting.referrals.ortho_share")
EXAMS = ("D0120", "D0150")
SPECIALISTS_PER_5000 = parameter("supporting.referrals.specialists_per_5000")
REFERRING_PATIENTS_PER_5000 = parameter("supporting.referrals.referring_patients_per_5000")
SOURCE_KINDS = (("marketing", 0.6), ("patient", 0.3), ("doctor", 0.1))
MARKETING = (("Google Search", 0.35), ("Website", 0.2), ("Insurance directory", 0.15), ("Facebook", 0.12),
             ("Yelp", 0.1), ("Drive-by / signage", 0.08))
RETIRED_CHANNELS = ("Yellow Pages", "Newspaper ad")  # hidden: no longer in the pick list
SPECIALIST, CHANNEL, REFERRING_PATIENT = 0, 1, 2
SPECIALIST_NOTE_SHARE = parameter("supporting.referrals.specialist_note_share")
SPECIALIST_NOTES = ("In network with Delta Dental, MetLife and Cigna PPO", "Sees emergencies same day",
                    "IV sedation available", "Send pano and recent BWs with the referral", "Not accepting Medicaid",
                    "Spanish-speaking staff", "Closed Fridays")
TRANSITION_OF_CARE_SHARE = parameter("supporting.referrals.transition_of_care_share")


def referral_sources(ctx: RunContext, rng: np.random.Generator, channels: ReferralChannels) -> SimpleNamespace:
    """The referral rows (without ReferralNum and DateTStamp) and what the attachments need of them: kind,
    specialty name, last name, hidden and preferred flags, the referring patient (index, -1 for others). The
    first office enters the marketing channels' rows; the others attach to them."""
    parts = [_specialists(ctx, rng), _marketing_channels(), _referring_patients(ctx, rng)]
    meta = ("kind", "specialty_name", "patient", "hidden", "preferred")
    sources = SimpleNamespace(**{name: np.concatenate([part.pop(name) for part in parts]) for name in meta})
    sources.rows = concat_rows(parts)
    sources.lname = sources.rows["LName"]
    channel = sources.kind == CHANNEL
    sources.new = ~channel | (ctx.office == 0)
    sources.nums = np.zeros(len(sources.kind), dtype=np.int64)
    sources.nums[~channel] = ctx.ids.take("referral", int((~channel).sum()))
    sources.nums[channel] = channels.nums
    return sources


def marketing_channels(ctx: RunContext) -> ReferralChannels:
    """The marketing channels' ReferralNums, numbered with the practice's reference data (their rows are the first
    office's: entered when its patients first name them)."""
    return ReferralChannels(nums=ctx.ids.take("referral", len(MARKETING) + len(RETIRED_CHANNELS)))


def _specialists(ctx, rng):
    """One preferred specialist of each specialty the practice refers to, and more as the practice grows."""
    table = read_table("communication_specialists")
    names = np.array([row["specialty"] for row in table])
    n = max(len(table), scaled(ctx, SPECIALISTS_PER_5000, len(table)))
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
        Specialty=np.array(defnums(DefCat.PROVIDER_SPECIALTIES, *names))[kind],
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
                   FName="", MName="", Title="", Specialty=NONE, Address="", Address2="", City="", ST="", Zip="",
                   Telephone="", Phone2="", EMail="", NationalProvID="", BusinessName="", IsDoctor=False,
                   NotPerson=True, IsTrustedDirect=False, DisplayNote="Marketing source")


def _referring_patients(ctx, rng):
    """Established adult patients who sent friends: those the practice credited for a referral first."""
    pt = ctx.practice.patients
    adjustments = ctx.practice.financial.adjustments
    credited = np.unique(adjustments.patient[adjustments.type == REFERRAL_CREDIT])
    established = np.flatnonzero(pt.active & (pt.first_visit < ctx.window_start) & (pt.age_days >= 18 * 365))
    others = rng.permutation(np.setdiff1d(established, credited))
    n = max(len(credited), scaled(ctx, REFERRING_PATIENTS_PER_5000, 2))
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


def referral_attachments(ctx, rng, sources):
    """Write refattach: referrals out first (the work decides them), sources of new patients up to the volume.

    Returns per attachment: patient, referral (index into sources), day, out, status, proc (index or -1),
    prov, report (day the consult report came back, NO_DATE if none).
    """
    target = ctx.config.volume("referral_attachments")
    out = _referrals_out(ctx, rng, sources)
    out = take_rows(out, np.sort(rng.permutation(len(out["patient"]))[:target]))
    attached = concat_rows([out, _referred_from(ctx, rng, sources, target - len(out["patient"]))])
    if len(attached["patient"]) < target and "referral_attachments" in ctx.config.volume_overrides:
        raise VolumeNotReached(f"referral_attachments: the patients seen in the window hold "
                               f"{len(attached['patient']):,} referrals, not {target:,}")
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


def _attachments(patient, referral, day, out, note, proc=-1, prov=0, status=RefToStatus.NONE, report=NO_DATE,
                 completed=NO_DATE):
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
    planned = (pr.status == ProcStatus.TREATMENT_PLANNED) & (pr.date_tp >= ctx.start) & (pr.date_tp <= ctx.today)
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
    exam = (np.isin(pr.code, [codes.index[c] for c in EXAMS]) & (pr.status == ProcStatus.COMPLETE)
            & (pr.date >= ctx.start) & (pr.date <= ctx.today))
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
    """RefToStatus by the time since the referral, the day the consult report came back and the day the
    specialist finished."""
    n = len(day)
    since = (ctx.today - day).astype(int)
    draw = rng.random(n)
    s = RefToStatus
    status = np.select([since <= 10, since <= 30, since <= 90],
                       [np.where(draw < 0.3, s.NONE, s.SCHEDULED), s.CONSULTED,
                        np.where(draw < 0.15, s.DECLINED, np.where(draw < 0.4, s.COMPLETE, s.IN_TREATMENT))],
                       np.where(draw < 0.2, s.DECLINED, s.COMPLETE))
    report = np.where(status >= s.CONSULTED, day + np.minimum(rng.integers(7, 22, n), since), NO_DATE)
    completed = np.where(status == s.COMPLETE, day + rng.integers(21, np.maximum(since, 22)), NO_DATE)
    return status, report, np.minimum(completed, ctx.today)


def _referred_from(ctx, rng, sources, count):
    """How patients found the practice: new patients first (dated at their first visit; a family shares its
    source), then established patients whose source was recorded at a visit in the window."""
    pt, pr = ctx.practice.patients, ctx.practice.clinical.procedures
    seen = np.full(len(pt.nums), NEVER)
    in_window = (pr.status == ProcStatus.COMPLETE) & (pr.date >= ctx.start) & (pr.date <= ctx.today)
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
