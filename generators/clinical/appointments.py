"""appointment rows: numbers in booking order, the front desk's confirmation, the patient's arrival, seating and
dismissal on completed visits, appointment types, ProcDescript, and the insurance the visit was billed to.

Also what the appointment window holds besides: the dental assistant on doctor visits, new patients asked to
come early for their paperwork, the dentist's exam time on hygiene visits (PatternSecondary), the ASAP flag
and color override the front desk sets on a few, a few time-locked lengths, the planned appointment a visit
was scheduled from (NextAptNum) and the order of each patient's planned appointments.
"""
import numpy as np

from core.arrays import rank_in_group, sorted_by
from core.randomness import weighted_choice
from opendental.codes import AptStatus
from opendental.definitions import NONE, DefCat, defnum, defnums

from ..data import read_table
from ..foundation import STAFF_ROLES
from ..parameters import parameter
from ..timeline import NO_TIME, stamp
from .chart import HYGIENE_KINDS, KIND, NEW_PATIENT_KINDS, occasional_notes, sliced
from .teeth import site_numbers

CONFIRMATIONS = {  # definition category 2, by what became of the appointment
    "complete": (("Confirmed", 0.45), ("Confirmed via text", 0.35), ("Arrived", 0.2)),
    "broken": (("Unconfirmed", 0.3), ("Left Msg", 0.3), ("Texted", 0.25), ("Not Called", 0.15)),
    "unscheduled": (("Left Msg", 0.4), ("Unconfirmed", 0.3), ("Confirmed", 0.3)),
    "this_week": (("Confirmed", 0.4), ("Confirmed via text", 0.3), ("Texted", 0.2), ("Left Msg", 0.1)),
    "later": (("Not Called", 0.5), ("Unconfirmed", 0.3), ("Texted", 0.2)),
    "planned": (("Not Called", 1.0),),
}
UNSCHEDULED_REASONS = ("Left Message", "Called - No Answer", "Patient Will Call", "Texted")  # category 13
NOTES = ("Pt requests morning appointments", "Premed 1 hr prior", "Prefers same hygienist",
         "Called - running 10 min late", "Bring updated insurance card", "Pt prefers text reminders",
         "Wants nitrous", "Check BP before treatment", "Spanish speaking - family member will interpret",
         "Pt anxious, allow extra time", "Pt asked to be called if earlier opening")
NOTE_SHARE = parameter("clinical.appointments.note_share")
ASAP_NOTE = "Pt asked to be called if earlier opening"
NOTE_COLORS = {"Premed 1 hr prior": -65536, "Check BP before treatment": -23296,  # ColorOverride: red, orange,
               "Pt anxious, allow extra time": -256}  # yellow (ARGB)
SHORT_VISIT_MINUTES = 30
ASSISTED_SHARE = parameter("clinical.appointments.assisted_share")
OWN_ASSISTANT_SHARE = parameter("clinical.appointments.own_assistant_share")
EARLY_ARRIVAL = np.timedelta64(15 * 60, "s")  # new patients come early to fill in their forms
ASAP_SHARE = parameter("clinical.appointments.asap_share")
TIME_LOCKED_SHARE = parameter("clinical.appointments.time_locked_share")
DENTIST_EXAM_UNITS = 2  # the dentist's exam at the end of a hygiene visit, in five-minute units
WEB_SCHED_SHARE = parameter("clinical.appointments.web_sched_share")
RECALL_KINDS = np.isin(np.arange(len(KIND)), [KIND[k] for k in ("adult_recall", "child_recall", "perio")])
PROCS_COLOR = -16777216  # black: the practice set no procedure colors, OD wraps every procedure in it
DETAIL_COLUMNS = {"assistant": "Assistant", "color_override": "ColorOverride", "priority": "Priority",
                  "asked_to_arrive": "DateTimeAskedToArrive", "time_locked": "TimeLocked", "next_apt_num": "NextAptNum",
                  "item_order_planned": "ItemOrderPlanned", "pattern_secondary": "PatternSecondary"}


def write(ctx, apts, descript, colored):
    """Write the appointment table (`descript`, `colored`: ProcDescript, ProcsColored); returns the hand-over
    columns."""
    rng = ctx.rng("appointment-rows")
    pt = ctx.practice.patients
    n = len(apts["day"])
    nums = np.empty(n, dtype=np.int64)
    nums[np.argsort(apts["booked"], kind="stable")] = ctx.ids.take("appointment", n)
    status, patient = apts["status"], apts["patient"]
    arrived, seated, dismissed = visit_times(rng, apts)
    confirmed = confirmations(ctx, rng, apts)
    type_num = appointment_types(rng, apts)
    hygiene = HYGIENE_KINDS[apts["kind"]]
    prov_hyg = apts["hygienist"]
    plan1, plan2 = billed_insurance(ctx, apts)
    front_desk = ctx.practice.users.front_desk
    note = occasional_notes(rng, NOTES, NOTE_SHARE, n)
    unsched_status = unscheduled_reasons(rng, status)
    stamped = last_change(ctx, rng, apts, dismissed)
    entry_user = front_desk[rng.integers(0, len(front_desk), n)]
    details = front_desk_details(ctx, apts, nums, note, hygiene)
    ctx.out.copy("appointment", sliced({
        "AptNum": nums, "PatNum": pt.nums[patient], "AptStatus": status, "Pattern": apts["pattern"],
        "Confirmed": confirmed, "Op": apts["op"], "Note": note,
        "ProvNum": apts["prov"], "ProvHyg": prov_hyg, "AptDateTime": apts["start"],
        "UnschedStatus": unsched_status,
        "IsNewPatient": NEW_PATIENT_KINDS[apts["kind"]], "ProcDescript": descript, "ClinicNum": apts["clinic"],
        "IsHygiene": hygiene, "DateTStamp": stamped,
        "DateTimeArrived": arrived, "DateTimeSeated": seated, "DateTimeDismissed": dismissed,
        "InsPlan1": plan1, "InsPlan2": plan2, "AppointmentTypeNum": type_num,
        "SecUserNumEntry": entry_user, "SecDateTEntry": apts["booked"], "IsMirrored": False, "ProcsColored": colored,
        **{column: details[name] for name, column in DETAIL_COLUMNS.items()},
    }))
    return dict(nums=nums, patient=patient, date=apts["day"], start=apts["start"], minutes=apts["minutes"],
                status=status, prov=apts["prov"], prov_hyg=prov_hyg, op=apts["op"], clinic=apts["clinic"],
                is_hygiene=hygiene, is_new_patient=NEW_PATIENT_KINDS[apts["kind"]], type_num=type_num,
                booked=apts["booked"], confirmed=confirmed, arrived=arrived, seated=seated, dismissed=dismissed,
                pattern=apts["pattern"], note=note, descript=descript, unsched_status=unsched_status,
                ins_plan1=plan1, ins_plan2=plan2, entry_user=entry_user, procs_colored=colored, **details)


def front_desk_details(ctx, apts, nums, note, hygiene):
    """The Edit Appointment window's other fields (by hand-over name, see DETAIL_COLUMNS), and web_sched: the
    recall visits the patient booked online."""
    n = len(nums)
    on_book = apts["op"] != 0
    flags = ctx.rng("appointment-flags")
    color = np.zeros(n, dtype=np.int64)
    for text, argb in NOTE_COLORS.items():
        color[note == text] = argb
    return dict(
        assistant=assistants(ctx, apts, apts["prov"], hygiene),
        color_override=color,
        asked_to_arrive=np.where(NEW_PATIENT_KINDS[apts["kind"]] & on_book, apts["start"] - EARLY_ARRIVAL, NO_TIME),
        priority=on_book & ((note == ASAP_NOTE) | (flags.random(n) < ASAP_SHARE)),
        time_locked=on_book & (flags.random(n) < TIME_LOCKED_SHARE),
        next_apt_num=np.where(apts["next_row"] >= 0, nums[np.maximum(apts["next_row"], 0)], 0),
        item_order_planned=planned_order(apts),
        pattern_secondary=dentist_exam_patterns(apts["pattern"], hygiene & (apts["kind"] != KIND["srp"])),
        web_sched=RECALL_KINDS[apts["kind"]] & (apts["booked"] < apts["start"] - np.timedelta64(1, "D")) &
        (flags.random(n) < WEB_SCHED_SHARE),
    )


def assistants(ctx, apts, dentist, hygiene):
    """Assistant (an employee) of doctor visits on the book: mostly the dentist's usual assistant, else another
    one; 0 on hygiene visits, planned appointments and visits the front desk left without one."""
    rng = ctx.rng("appointment-assistant")
    staff = ctx.practice.users.employees
    assistant = staff[np.resize(np.array(STAFF_ROLES), len(staff)) == "Dental Assistant"]  # foundation's staff order
    n = len(dentist)
    usual = assistant[np.searchsorted(ctx.practice.providers.dentists, dentist) % len(assistant)]
    chosen = np.where(rng.random(n) < OWN_ASSISTANT_SHARE, usual, assistant[rng.integers(0, len(assistant), n)])
    return np.where(~hygiene & (apts["op"] != 0) & (rng.random(n) < ASSISTED_SHARE), chosen, 0)


def planned_order(apts):
    """ItemOrderPlanned: 1, 2, 3... over each patient's planned appointments in the order they were made; 0 on
    the others."""
    planned = np.flatnonzero(apts["status"] == AptStatus.PLANNED)
    planned = planned[sorted_by(apts["patient"][planned], apts["start"][planned])]
    order = np.zeros(len(apts["status"]), dtype=np.int64)
    order[planned] = rank_in_group(apts["patient"][planned]) + 1
    return order


def dentist_exam_patterns(pattern, examined):
    """PatternSecondary of hygiene visits with an exam: the secondary provider's (the dentist's) time, an exam
    just before the hygienist's last five minutes; '' on the others."""
    lengths, length_of = np.unique(np.char.str_len(pattern.astype(str)), return_inverse=True)
    shapes = np.array([("/" * k + "X" * DENTIST_EXAM_UNITS + "/")[-k:] for k in lengths.tolist()], dtype=object)
    return np.where(examined, shapes[length_of], "")


def unscheduled_reasons(rng, status):
    """UnschedStatus (category 13) of appointments on the unscheduled list, 0 on the others."""
    reasons = np.array(defnums(DefCat.RECALL_UNSCHED_STATUS, *UNSCHEDULED_REASONS))
    return np.where(status == AptStatus.UNSCHEDULED_LIST, reasons[rng.integers(0, len(reasons), len(status))], NONE)


def visit_times(rng, apts):
    """Arrived around the start (-10..+10 min), seated after that, dismissed around the planned end; only
    for completed appointments."""
    n = len(apts["day"])
    start = apts["start"]
    seconds = lambda low, high: (rng.integers(low * 60, high * 60, n)).astype("timedelta64[s]")  # noqa: E731
    arrived = start + seconds(-10, 10)
    seated = np.maximum(arrived, start) + seconds(0, 10)
    dismissed = np.maximum(start + (apts["minutes"] * 60).astype("timedelta64[s]") + seconds(-5, 10),
                           seated + seconds(5, 6))
    complete = apts["status"] == AptStatus.COMPLETE
    return tuple(np.where(complete, t, NO_TIME) for t in (arrived, seated, dismissed))


def last_change(ctx, rng, apts, dismissed):
    """DateTStamp: set complete after dismissal, broken at the appointment time, confirmed or moved since
    booking for future ones; never after today."""
    n = len(apts["day"])
    now = stamp(ctx.today, 18 * 3600)
    booked, start, status = apts["booked"], apts["start"], apts["status"]
    later = lambda low, high: (rng.integers(low * 60, high * 60, n)).astype("timedelta64[s]")  # noqa: E731
    since_booking = booked + ((now - booked).astype(int) * rng.random(n)).astype("timedelta64[s]")
    changed = np.select([status == AptStatus.COMPLETE, np.isin(status, (AptStatus.UNSCHEDULED_LIST, AptStatus.BROKEN)),
                         status == AptStatus.SCHEDULED],
                        [dismissed + later(1, 60), np.maximum(start + later(5, 60), booked), since_booking], booked)
    return np.minimum(changed, now)


def confirmations(ctx, rng, apts):
    status = apts["status"]
    soon = (apts["day"] - ctx.today).astype(int) <= 7
    scheduled = status == AptStatus.SCHEDULED
    situation = np.select([status == AptStatus.COMPLETE, status == AptStatus.BROKEN,
                           status == AptStatus.UNSCHEDULED_LIST, scheduled & soon, scheduled],
                          ["complete", "broken", "unscheduled", "this_week", "later"], "planned")
    confirmed = np.zeros(len(status), dtype=np.int64)
    for name, shares in CONFIRMATIONS.items():
        rows = situation == name
        choices = [(defnum(DefCat.APPT_CONFIRMED, item), share) for item, share in shares]
        confirmed[rows] = weighted_choice(rng, choices, rows.sum())
    return confirmed


def appointment_types(rng, apts):
    """AppointmentTypeNum by the kind of visit (appointment_types.csv `used_for`); 0 - no type - for the rest,
    as the front desk often leaves it."""
    kind = np.where((apts["kind"] == KIND["dentist"]) & (apts["minutes"] <= SHORT_VISIT_MINUTES),
                    KIND["short_dentist"], apts["kind"])
    draw = rng.random(len(kind))
    taken = np.zeros(len(kind))
    type_num = np.zeros(len(kind), dtype=np.int64)
    for row in read_table("appointment_types"):
        for use in row["used_for"].split():
            name, share = use.split(":")
            rows = (kind == KIND[name]) & (draw >= taken) & (draw < taken + float(share))
            type_num[rows] = int(row["AppointmentTypeNum"])
            taken = np.where(kind == KIND[name], taken + float(share), taken)
    return type_num


def billed_insurance(ctx, apts):
    """InsPlan1/InsPlan2 of a completed visit: the patient's plans then in force (phase 3), else 0."""
    insurance = getattr(ctx.practice, "insurance", None)
    n = len(apts["day"])
    if insurance is None:
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    patient, complete = apts["patient"], apts["status"] == AptStatus.COMPLETE
    primary = insurance.primary_on(patient, apts["day"])  # before a job change, the plan it ended
    secondary = complete & (insurance.secondary_since[patient] <= apts["day"])
    return (np.where(complete & (primary >= 0), insurance.plans.nums[np.maximum(primary, 0)], 0),
            np.where(secondary, insurance.secondary_plan_num[patient], 0))


def descriptions(ctx, apts, procs, apt_row, planned_row):
    """ProcDescript of each appointment: its procedures' abbreviations, "#tooth-" or "quadrant-" first, e.g.
    "PerEx, Pro, 4BW" or "#3-MOD-C, #14-Buildup"; a failed attempt keeps the text of the visit it was for. And
    ProcsColored, the same with each procedure in a color span (OD's Appointments.SetProcDescript)."""
    code, tooth, surf = procs["code"], procs["tooth"], procs["surf"]
    on_tooth = tooth != ""
    # one label per distinct (code, tooth or quadrant/arch), built once
    place = np.where(on_tooth, site_numbers(tooth), 2**14 + site_numbers(np.where(on_tooth, "", surf)))
    _, example, same = np.unique(code * 2**15 + place, return_index=True, return_inverse=True)
    abbr = ctx.practice.codes.abbr
    label = np.array([f"#{tooth[i]}-{abbr[code[i]]}" if tooth[i] else f"{surf[i]}-{abbr[code[i]]}" if surf[i]
                      else abbr[code[i]] for i in example.tolist()], dtype=object)[same]
    # a procedure shows on its appointment and on the planned appointment it was planned on
    row = np.concatenate([apt_row, planned_row])
    attached = np.flatnonzero(row >= 0)
    attached = attached[np.argsort(row[attached], kind="stable")]
    rows, first = np.unique(row[attached], return_index=True)
    labels = label[attached % len(label)].tolist()
    text = np.full(len(apts["day"]), "", dtype=object)
    text[rows] = [", ".join(labels[a:b]) for a, b in zip(first.tolist(), [*first[1:].tolist(), len(labels)])]
    text = np.where(apts["attempt"], text[np.maximum(apts["visit"], 0)], text)
    span = f'<span color="{PROCS_COLOR}">'
    colored = np.array([span + t.replace(", ", "</span>, " + span) + "</span>" if t else "" for t in text.tolist()],
                       dtype=object)
    return text, colored
