"""Supporting: the communication log.

Reminders two days before booked visits and the patients' confirmations, no-show follow-ups, recall notices on
overdue unscheduled recalls, balance reminders to guarantors who owe, insurance calls on slow or denied claims,
referral letters and consult reports, treatment-plan talks, surgical clearances, post-op, thank-you and review
texts; general calls fill up to the volume.

Manual commlogs carry a front-desk or billing user, automated ones (eServices, Web Sched) UserNum 0; Mode_
follows the patient's preferred contact, confirmation or recall method.
"""
import numpy as np

from core.arrays import concat_rows, groups, take_rows
from opendental.codes import AptStatus, CommItemMode, CommItemSource, CommSentOrReceived, ContactMethod, ProcStatus
from opendental.definitions import DefCat, defnums

from ..clinical.chart import sliced
from ..clinical.recall import overdue_hygiene_recalls, recall_names
from ..financial.aging import COLLECTIONS_CENTS
from ..financial.collections import AGENCY, BAD_DEBT as BAD_DEBT_TYPE, COLLECTIONS as COLLECTIONS_TYPE
from ..formatting import appointment_time, dollars, mdy, signature_data, text
from ..parameters import parameter
from ..rows import fit_to_volume, pick, rows_of
from ..timeline import (MINUTE, NO_DATE, NO_TIME, at_hours, business_days, end_of_today, is_open, office_day,
                        open_day_offset, seconds_after_midnight, stamp)
from .referrals import REFERRING_PATIENT, SPECIALIST

EMAIL, MAIL, PHONE, IN_PERSON, TEXT, FAX = (CommItemMode.EMAIL, CommItemMode.MAIL, CommItemMode.PHONE,
                                          CommItemMode.IN_PERSON, CommItemMode.TEXT, CommItemMode.FAX)
NOTE = CommItemMode.NONE  # a note on the account, not a message
SENT, RECEIVED = CommSentOrReceived.SENT, CommSentOrReceived.RECEIVED
BY_USER, WEB_SCHED, PROGRAM_LINK, APPOINTMENT_REMINDER, ESERVICES, THANK_YOU, MESSAGE_TO_PAY = (
    CommItemSource.USER, CommItemSource.WEB_SCHED, CommItemSource.PROGRAM_LINK, CommItemSource.APPOINTMENT_REMINDER,
    CommItemSource.ESERVICES, CommItemSource.THANK_YOU, CommItemSource.MESSAGE_TO_PAY)
# commlog.CommType
APPOINTMENT, INSURANCE, BILLING, GENERAL, RECALL, COMPLAINT, COLLECTIONS = defnums(
    DefCat.COMMLOG_TYPES, "Appointment Related", "Insurance", "Financial", "Misc", "Recall", "Patient Complaint",
    "Collections")
CLEARANCE_ASKED, CLEARANCE_RECEIVED, NARRATIVE, TEXTING, REFERRAL_OUT, REFERRAL_IN, TREATMENT_PLAN = defnums(
    DefCat.COMMLOG_TYPES, "Surgical Clearance Request", "Surgical Clearance Received", "Insurance Narrative",
    "Text Message", "Referral Out", "Referral In", "Tx Plan / Financial Arrangement")
# The patient's ContactMethod as the Mode_ of a message the staff sends by hand (a phone call unless the patient
# asked for email, mail or texts, or not to be called); automated messages go by text to cell phones.
BY_HAND = {ContactMethod.DO_NOT_CALL: EMAIL, ContactMethod.EMAIL: EMAIL, ContactMethod.MAIL: MAIL,
           ContactMethod.TEXT_MESSAGE: TEXT}
CONTACT_MODE = np.array([BY_HAND.get(method, PHONE) for method in ContactMethod])
TEXTABLE = (ContactMethod.WIRELESS_PHONE, ContactMethod.TEXT_MESSAGE)
CONFIRMED, CONFIRMED_BY_TEXT, LEFT_MESSAGE = defnums(DefCat.APPT_CONFIRMED, "Confirmed", "Confirmed via text",
                                                   "Left Msg")
BOOKED_VISIT = (AptStatus.SCHEDULED, AptStatus.COMPLETE, AptStatus.UNSCHEDULED_LIST, AptStatus.BROKEN)
PODIUM = 95  # program.ProgramNum of the review-invitation bridge (staff.py writes the program rows)
REMINDER_DAYS_BEFORE = 2
REPLY_WITHIN_HOURS = 5
GENERAL_PER_PATIENT_YEAR = parameter("supporting.commlog.general_per_patient_year")
# Notices on an overdue hygiene recall: days after DateDue and the share of patients still getting it then.
RECALL_NOTICES = ((7, 1.0), (37, 0.3), (97, 0.1))
MIN_BALANCE_CENTS = 500
REVIEW_SHARE = parameter("supporting.commlog.review_share")
CONFIRMATION_CALL_SHARE = parameter("supporting.commlog.confirmation_call_share")
SURGICAL_CODES, CLEARANCE_AGE = ("D6010", "D7210", "D6114", "D6115"), 65
POST_OP_CATEGORIES = defnums(DefCat.PROC_CODE_CATS, "Endo", "Implants", "Oral Surgery")
GENERAL_RECEIVED = ("Pt called to update address", "Pt called with question about insurance coverage",
                    "Pt asked for a copy of x-rays for new employer plan", "Pt called to update phone number",
                    "Spouse called about family appointments", "Pt asked about whitening options",
                    "Pt called re: sensitivity after visit - advised Sensodyne, call if worse",
                    "Pt requested receipt for FSA", "Pt asked about CareCredit")
GENERAL_SENT = ("Sent updated insurance forms to complete", "Sent copy of receipt", "Sent pre-visit forms link",
                "Requested updated insurance card", "Sent x-rays to pt per request",
                "Followed up on question about treatment cost")
COMPLAINT_SHARE = parameter("supporting.commlog.complaint_share")
COMPLAINTS = ("Pt unhappy with wait time - apologized, offered first appointment of day",
              "Pt disputes charge on statement - reviewed with billing")


def _automated_mode(method):
    return np.where(np.isin(method, TEXTABLE), TEXT, EMAIL)


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
        sent_to_collections(ctx),
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
    logs["when"] = _staff_on_open_days(ctx, logs)
    logs = take_rows(logs, np.flatnonzero((logs["when"] >= stamp(ctx.start)) & (logs["when"] <= end_of_today(ctx))))
    logs = fit_to_volume(rng, logs, ctx.config.volume("commlogs"),
                         lambda n: general_calls(ctx, ctx.rng("commlog-general-more"), prefs, n))
    logs = take_rows(logs, np.argsort(logs["when"], kind="stable"))
    n = len(logs["patient"])
    ended = logs["when"] + logs["minutes"] * MINUTE
    signed = np.flatnonzero(logs["signed"])
    signature = np.full(n, "", dtype=object)
    signature[signed] = signature_data(ctx.rng("commlog-signatures"), np.ones(len(signed), dtype=bool))
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


def _staff_on_open_days(ctx, logs):
    """What the staff log by hand (a commlog with a user) happens on a day the office is open: a call due on a closed
    day is made the next open day (or the one before when that is after today), at the same time of day."""
    when = logs["when"]
    day = when.astype("datetime64[D]")
    by_staff = (logs["user"] != 0) & (day <= ctx.today)
    return np.where(by_staff, stamp(office_day(day, ctx.today), seconds_after_midnight(when)), when)


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
    booked_visit = np.isin(ap.status, BOOKED_VISIT)
    return np.where(booked_visit & (sent < ap.start), sent, np.datetime64("NaT"))


def appointment_reminders(ctx, prefs, reminded):
    ap = ctx.practice.clinical.appointments
    apt = np.flatnonzero(~np.isnat(reminded))
    patient = ap.patient[apt]
    return _log(patient, reminded[apt], APPOINTMENT, _automated_mode(prefs.confirm[patient]), SENT,
                APPOINTMENT_REMINDER, 0, text("Appointment reminder sent for ", appointment_time(ap.start[apt])))


def confirmations(ctx, prefs, reminded):
    """What the appointment's confirmation status tells: the patient answered the reminder, or the front desk
    called the office's day before (and reached them or left a message). Always before the appointment."""
    rng = ctx.rng("commlog-confirmations")
    ap = ctx.practice.clinical.appointments
    replied = np.flatnonzero(~np.isnat(reminded) & (ap.confirmed == CONFIRMED_BY_TEXT))
    gap = (ap.start[replied] - reminded[replied]).astype(np.int64)
    delay = np.minimum(rng.integers(300, REPLY_WITHIN_HOURS * 3600, len(replied)), gap // 2)
    patient = ap.patient[replied]
    replies = _log(patient, reminded[replied] + delay.astype("timedelta64[s]"),
                   APPOINTMENT, _automated_mode(prefs.confirm[patient]), RECEIVED, ESERVICES, 0,
                   text('Patient replied "C" - confirmed appointment ', appointment_time(ap.start[replied])))
    confirmed = (ap.confirmed == CONFIRMED) & (rng.random(len(ap.nums)) < CONFIRMATION_CALL_SHARE)
    left_message = ap.confirmed == LEFT_MESSAGE
    called = np.flatnonzero((confirmed | left_message) & np.isin(ap.status, BOOKED_VISIT))
    day_before = open_day_offset(ap.date[called] - 1, 0, roll="backward")
    when = np.maximum(at_hours(rng, day_before, 10, 16), ap.booked[called] + 10 * MINUTE)
    made = (when < ap.start[called]) & is_open(when.astype("datetime64[D]"))  # booked on a closed day: confirmed in person
    called, when = called[made], when[made]
    reached = ap.confirmed[called] == CONFIRMED
    patient = ap.patient[called]
    calls = _log(patient, when, APPOINTMENT, CONTACT_MODE[prefs.confirm[patient]], SENT, BY_USER,
                 _front_desk(ctx, rng, len(called)),
                 text(np.where(reached, "Confirmed appt for ", "Left message to confirm appt for "),
                      appointment_time(ap.start[called])), minutes=rng.integers(1, 5, len(called)))
    return concat_rows([replies, calls])


def no_show_follow_ups(ctx, prefs):
    rng = ctx.rng("commlog-no-shows")
    ap = ctx.practice.clinical.appointments
    broken = np.flatnonzero(ap.status == AptStatus.BROKEN)
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
    mode = np.where(method == ContactMethod.NONE, MAIL, CONTACT_MODE[method])
    automated = mode == TEXT
    what = text(name[recall], " due ", mdy(rc.due[recall]))
    note = np.select([automated, mode == MAIL], [text("Web Sched recall text sent - ", what),
                                                 text("Recall postcard mailed - ", what)],
                     text("Left voicemail to schedule ", what))
    n = len(recall)
    return _log(patient, at_hours(rng, day, 9, 17), RECALL, mode, SENT, np.where(automated, WEB_SCHED, BY_USER),
                np.where(automated, 0, _front_desk(ctx, rng, n)), note,
                minutes=np.where(mode == PHONE, rng.integers(1, 4, n), 0))


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
    """A final notice to guarantors more than 90 days past due who are not with the collection agency yet."""
    rng = ctx.rng("commlog-collection-notices")
    fam, aging = ctx.practice.families, ctx.practice.financial.aging
    family = np.flatnonzero((aging["buckets"][3] >= COLLECTIONS_CENTS) & (aging["total"] > 0)
                            & (ctx.practice.financial.collections.sent_day == NO_DATE))
    guarantor = fam.first[family]
    mode = CONTACT_MODE[prefs.contact[guarantor]]
    n = len(family)
    return _log(guarantor, at_hours(rng, ctx.today - rng.integers(0, 14, n), 9, 17), COLLECTIONS, mode, SENT, BY_USER,
                _billing(ctx, rng, n), text("Final notice: ", dollars(aging["buckets"][3][family]),
                                            " over 90 days past due - asked to call to arrange payment"),
                minutes=np.where(mode == PHONE, rng.integers(2, 8, n), 0))


def sent_to_collections(ctx):
    """The billing office's note on the account (Mode_ None: no message to the patient) on the day it sends it to
    the agency, and on the day the agency returns it as uncollectable or pays it off."""
    rng = ctx.rng("commlog-sent-to-collections")
    fam, collections = ctx.practice.families, ctx.practice.financial.collections
    sent = np.flatnonzero(collections.sent_day != NO_DATE)
    changed = collections.billing_type[sent] != COLLECTIONS_TYPE
    settled = sent[changed]
    n, m = len(sent), len(settled)
    note = np.where(collections.billing_type[settled] == BAD_DEBT_TYPE,
                    f"{AGENCY} returned the account as uncollectable - balance written off as bad debt, "
                    "billing type Bad Debt",
                    f"{AGENCY} collected the balance in full - billing type back to Standard Account")
    return concat_rows([
        _log(fam.first[sent], at_hours(rng, collections.sent_day[sent], 9, 17), COLLECTIONS, NOTE, SENT, BY_USER,
             _billing(ctx, rng, n), np.full(n, f"Account sent to {AGENCY} after statements and a final notice went "
                                               "unanswered - billing type changed to Collections", dtype=object)),
        _log(fam.first[settled], at_hours(rng, collections.changed[settled], 9, 17), COLLECTIONS, NOTE, RECEIVED,
             BY_USER, _billing(ctx, rng, m), note),
    ])


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
    surgery = (np.isin(pr.code, [codes.index[c] for c in SURGICAL_CODES])
               & np.isin(pr.status, (ProcStatus.TREATMENT_PLANNED, ProcStatus.COMPLETE))
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
    done = np.flatnonzero((pr.status == ProcStatus.COMPLETE) & np.isin(codes.category[pr.code], POST_OP_CATEGORIES))
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
    done = ap.status == AptStatus.COMPLETE
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
    since = np.searchsorted(days, pt.entered[patient].astype("datetime64[D]"))  # not before the patient's record
    days = days[np.minimum(since + (rng.random(n) * (len(days) - since)).astype(int), len(days) - 1)]
    received = rng.random(n) < 0.6
    complaint = rng.random(n) < COMPLAINT_SHARE
    mode = CONTACT_MODE[prefs.contact[patient]]
    note = np.where(complaint, pick(rng, COMPLAINTS, n),
                    np.where(received, pick(rng, GENERAL_RECEIVED, n), pick(rng, GENERAL_SENT, n)))
    return _log(patient, at_hours(rng, days, 8, 17), np.where(complaint, COMPLAINT, GENERAL), mode,
                np.where(received, RECEIVED, SENT), BY_USER, _front_desk(ctx, rng, n), note,
                minutes=np.where(mode == PHONE, rng.integers(1, 10, n), 0))
