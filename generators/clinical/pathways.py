"""What a dentist would never sign, taken out of the booked chart once every visit has its day: work on a tooth
after it was pulled, natural-tooth work in an arch after its complete denture, a full-mouth series or panoramic
film within three years of the last one, a third periodic exam within a year, an adult prophylaxis once the
patient had scaling and root planing (perio maintenance from then on); a second periapical film the same
day is an additional one (D0230), and an under-three exam booked past the third birthday the exam of a
three-year-old.

Exams plan treatment independently of each other, so only the booked days tell which came first. A dropped
procedure leaves its visit (and the visit's failed attempts and planned appointment) when it was all the
visit held.
"""
import numpy as np

from ..timeline import NO_DATE
from .chart import NEW_PATIENT_KINDS
from .hygiene import TODDLER_AGE, years
from .teeth import site_numbers

EXTRACTIONS = ("D7140", "D7210")
REPLACING_A_TOOTH = ("D6010", "D6057", "D6058", "D6065", "D6240", "D7953")  # implant, bridge pontic, ridge graft
COMPLETE_DENTURES = ("D5110", "D5120")  # upper, lower: charted on the arch
REPLACING_AN_ARCH = ("D5110", "D5120", "D6114", "D6115")
FULL_FILMS, FULL_FILM_DAYS = ("D0210", "D0330"), 3 * 365
PERIAPICAL, ADDITIONAL_PERIAPICAL = "D0220", "D0230"
PERIODIC_EXAMS, EXAMS_IN_A_YEAR = ("D0120", "D0145"), 2
SCALING, PROPHYLAXIS = ("D4341", "D4342"), "D1110"
UPPER_PRIMARY = tuple("ABCDEFGHIJ")
NEVER = np.datetime64("9999-12-31", "D")
ARCH_SURFACES = {"U": ("U", "UR", "UL"), "L": ("L", "LR", "LL")}


def unsigned(ctx, apts, procs, planned_row):
    """(appointments to drop, procedures to drop) of the booked chart; renames repeated periapicals in place."""
    codes = ctx.practice.codes.index
    day = procedure_days(apts, procs)
    booked = procs["visit"] >= 0
    procs["code"] = procs["code"].copy()
    exams_by_age(ctx, apts, procs, day, booked)

    def coded(names):
        return np.isin(procs["code"], [codes[name] for name in names])

    dropped = after_extraction(procs, day, booked & coded(EXTRACTIONS), coded(REPLACING_A_TOOTH))
    dropped |= after_complete_denture(procs, day, booked & coded(COMPLETE_DENTURES), coded(REPLACING_AN_ARCH))
    dropped |= too_soon(procs["patient"], day, booked & coded(FULL_FILMS), 1, FULL_FILM_DAYS)
    dropped |= too_soon(procs["patient"], day, booked & coded(PERIODIC_EXAMS), EXAMS_IN_A_YEAR, 365)
    first_scaling, _ = first_event(procs["patient"], day, booked & coded(SCALING))
    dropped |= coded((PROPHYLAXIS,)) & (day >= first_scaling)
    number_periapicals(procs, day, booked & ~dropped, codes[PERIAPICAL], codes[ADDITIONAL_PERIAPICAL])
    return emptied_appointments(apts, (procs["visit"], planned_row), dropped), dropped


def exams_by_age(ctx, apts, procs, day, booked):
    """An under-three exam (D0145) whose visit was booked on or after the third birthday is the comprehensive
    exam of a new patient (D0150) or a periodic one (D0120)."""
    codes = ctx.practice.codes.index
    age = years(day - ctx.practice.patients.birth[procs["patient"]])
    grown = np.flatnonzero(booked & (procs["code"] == codes["D0145"]) & (age >= TODDLER_AGE))
    new_patient = NEW_PATIENT_KINDS[apts["kind"][procs["visit"][grown]]]
    procs["code"][grown] = np.where(new_patient, codes["D0150"], codes["D0120"])


def after_extraction(procs, day, pulled, replacing):
    """Work on a tooth on or after the day it was first pulled, other than that extraction and the work that
    replaces the tooth."""
    on_tooth = procs["tooth"] != ""
    first_pull, is_first_pull = first_event(procs["patient"] * 16384 + site_numbers(procs["tooth"]), day,
                                            pulled & on_tooth)
    return on_tooth & (day >= first_pull) & ~is_first_pull & ~replacing


def after_complete_denture(procs, day, denture, replacing):
    """Work on a tooth, quadrant or arch on or after the day the arch got its first complete denture, other
    than the work that replaces the arch."""
    arch = arch_of(procs["tooth"], procs["surf"])
    first_denture, _ = first_event(procs["patient"] * 2 + (arch == "U"), day, denture)
    return (arch != "") & (day >= first_denture) & ~replacing


def procedure_days(apts, procs):
    """The day of each procedure: its appointment's, else the day of the exam that planned it."""
    visit, exam = procs["visit"], procs["planned_at"]
    return np.where(visit >= 0, apts["day"][np.maximum(visit, 0)],
                    np.where(exam >= 0, apts["day"][np.maximum(exam, 0)], NO_DATE))


def first_event(key, day, is_event):
    """Per row, the day of the first event row of its key (NEVER if none), and whether it is that row."""
    events = np.flatnonzero(is_event)
    events = events[np.lexsort((events, day[events], key[events]))]
    event_keys, first = np.unique(key[events], return_index=True)
    at = np.searchsorted(event_keys, key)
    has = np.append(event_keys, -1)[at] == key
    row = np.where(has, np.append(events[first], -1)[at], -1)
    return np.where(has, day[np.maximum(row, 0)], NEVER), row == np.arange(len(key))


def arch_of(tooth, surf):
    """"U" or "L" for work on a tooth, a quadrant or an arch; '' for whole-mouth procedures."""
    number = np.where(np.char.isdigit(tooth), tooth, "0").astype(int)
    upper_tooth = ((number >= 1) & (number <= 16)) | np.isin(tooth, UPPER_PRIMARY)
    whole_arch = tooth == ""
    return np.select([~whole_arch & upper_tooth, ~whole_arch, np.isin(surf, ARCH_SURFACES["U"]) & whole_arch,
                      np.isin(surf, ARCH_SURFACES["L"]) & whole_arch], ["U", "L", "U", "L"], "")


def too_soon(patient, day, counted, allowed, within_days):
    """Counted procedures that would make more than `allowed` of the patient's within `within_days`: the ones
    less than that after the `allowed`-th before them."""
    rows = np.flatnonzero(counted)
    rows = rows[np.lexsort((rows, day[rows], patient[rows]))]
    earlier = rows[:-allowed] if allowed else rows
    again = (patient[rows][allowed:] == patient[earlier]) & \
        ((day[rows][allowed:] - day[earlier]).astype(int) < within_days)
    soon = np.zeros(len(patient), dtype=bool)
    soon[rows[allowed:][again]] = True
    return soon


def number_periapicals(procs, day, counted, first_code, additional_code):
    """The first periapical film of a patient's day is D0220, every other one that day D0230."""
    films = np.flatnonzero(counted & np.isin(procs["code"], (first_code, additional_code)))
    films = films[np.lexsort((films, day[films], procs["patient"][films]))]
    same_day = np.zeros(len(films), dtype=bool)
    same_day[1:] = (procs["patient"][films][1:] == procs["patient"][films][:-1]) & (day[films][1:] == day[films][:-1])
    procs["code"][films] = np.where(same_day, additional_code, first_code)


def emptied_appointments(apts, rows_of_procedures, dropped):
    """Visits (with their failed attempts) and planned appointments whose procedures were all dropped;
    `rows_of_procedures`: the appointment rows each procedure is on (its visit, its planned appointment)."""
    n = len(apts["day"])
    held, kept = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    for rows in rows_of_procedures:
        held[rows[rows >= 0]] = True
        kept[rows[(rows >= 0) & ~dropped]] = True
    emptied = held & ~kept
    return emptied | (apts["attempt"] & emptied[np.maximum(apts["visit"], 0)])
