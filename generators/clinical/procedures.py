"""procedurelog rows: status from the appointment, dates, fee, provider, and the chart details.

- Status: complete (2) on a completed appointment, treatment-planned (1) otherwise; work done elsewhere (4)
  and conditions (7) as charted; a few planned procedures charted by mistake and deleted (6).
- ProcDate: the appointment's day; for unscheduled planned work the day it was planned (DateTP).
  DateTP: the exam that planned it, or the day the procedure was put on its appointment (booking).
- ProcFee: the office's UCR fee in ctx.config.fee_match_rate of procedures; the others carry an older fee
  or a manual change (5-20 % off, whole dollars). Existing work and conditions have no fee.
- ProvNum: the hygienist (patient's SecProv) for hygiene codes, the dentist (PriProv) for the rest.
"""
import numpy as np

from ..data import read_table
from ..timeline import NO_DATE, stamp
from .chart import batches
from .hygiene import days

FEE_CHANGES = ((0.80, 0.95), (1.05, 1.20))  # multiples of UCR: an older fee, or a manual change
DELETED_SHARE = 0.01
LOCKED_AFTER_DAYS = 180  # the practice locks completed procedures after six months
REPLACEMENT_SHARE = 0.25  # crowns and prostheses that replace an older one
PROGNOSES = (("Good", 0.7), ("Fair", 0.25), ("Poor", 0.05))
PROGNOSIS_CATEGORIES = (76, 78, 80)  # endodontics, crowns and bridges, implants


def write(ctx, procs, apts, apt_nums, apt_row, planned_row):
    """Write procedurelog, a batch at a time; returns the hand-over columns."""
    rng = ctx.rng("procedurelog")
    pt, codes = ctx.practice.patients, ctx.practice.codes
    n = len(procs["code"])
    patient, code = procs["patient"], procs["code"]
    attached = apt_row >= 0
    row = np.maximum(apt_row, 0)
    exam = np.maximum(procs["planned_at"], 0)
    status = np.where(procs["status"] > 0, procs["status"], np.where(attached & (apts["status"][row] == 2), 2, 1))
    status = np.where((status == 1) & ~attached & (planned_row < 0) & (rng.random(n) < DELETED_SHARE), 6, status)
    charted_at = np.where(procs["planned_at"] >= 0,
                          apts["start"][exam] + (apts["minutes"][exam] * 60).astype("timedelta64[s]"),
                          apts["booked"][row])
    done = dict(
        nums=ctx.ids.take("procedurelog", n), patient=patient, apt_num=np.where(attached, apt_nums[row], 0),
        planned_apt_num=np.where(planned_row >= 0, apt_nums[np.maximum(planned_row, 0)], 0), code=code,
        date=np.where(attached, apts["day"][row], apts["day"][exam]), date_tp=charted_at.astype("datetime64[D]"),
        status=status, fee_cents=fees(ctx, rng, code, procs["status"]),
        prov=np.where(codes.is_hygiene[code] & (pt.sec_prov[patient] > 0), pt.sec_prov[patient], pt.pri_prov[patient]),
        clinic=pt.clinic[patient], tooth=procs["tooth"], surf=procs["surf"])
    visit_start = apts["start"][row]
    visit_end = visit_start + (apts["minutes"][row] * 60).astype("timedelta64[s]")
    ctx.out.copy("procedurelog", batches(n, lambda part: rows(ctx, rng, done, procs, part, charted_at[part],
                                                              visit_start[part], visit_end[part])))
    return done


def rows(ctx, rng, done, procs, part, charted_at, visit_start, visit_end):
    """The procedurelog rows of one batch (`part`, a slice of the procedures)."""
    pt, codes = ctx.practice.patients, ctx.practice.codes
    status, date, code = done["status"][part], done["date"][part], done["code"][part]
    n = len(status)
    complete = status == 2
    touched = np.select([complete, status == 6],
                        [visit_end + rng.integers(60, 3600, n).astype("timedelta64[s]"),
                         charted_at + rng.integers(60, 30 * 86400, n).astype("timedelta64[s]")], charted_at)
    prosthesis, original = prostheses(rng, code, date)
    return {
        "ProcNum": done["nums"][part], "PatNum": pt.nums[done["patient"][part]], "AptNum": done["apt_num"][part],
        "ProcDate": date, "ProcFee": done["fee_cents"][part] / 100.0, "Surf": done["surf"][part],
        "ToothNum": done["tooth"][part], "Priority": procs["priority"][part], "ProcStatus": status,
        "ProvNum": done["prov"][part], "Dx": procs["dx"][part], "PlannedAptNum": done["planned_apt_num"][part],
        "Prosthesis": prosthesis, "DateOriginalProsth": original,
        "DateEntryC": np.where(complete, date, NO_DATE), "ClinicNum": done["clinic"][part],
        "CodeNum": codes.nums[code], "UnitQty": 1, "BaseUnits": 0, "DateTP": done["date_tp"][part], "PlaceService": 0,
        "ProcTime": np.where(complete, time_of_day(visit_start), "00:00:00"),
        "ProcTimeEnd": np.where(complete, time_of_day(visit_end), "00:00:00"),
        "DateTStamp": np.minimum(touched, stamp(ctx.today, 18 * 3600)), "Prognosis": prognoses(ctx, rng, code, status),
        "IsLocked": complete & ((ctx.today - date).astype(int) > LOCKED_AFTER_DAYS), "IcdVersion": 10,
        "SecUserNumEntry": user_of(ctx.practice.users, done["prov"][part]), "SecDateEntry": charted_at,
        "DateComplete": np.where(complete, date, NO_DATE), "HideGraphics": False, "IsCpoe": False,
    }


def fees(ctx, rng, code, charted_status):
    """ProcFee in cents: UCR, or in the other cases an older or manually changed fee (whole dollars)."""
    ucr = ctx.practice.fee_scheds.cents[0, code]
    n = len(code)
    low, high = np.array(FEE_CHANGES)[rng.integers(0, len(FEE_CHANGES), n)].T
    changed = np.rint(ucr * rng.uniform(low, high) / 100) * 100
    fee = np.where(rng.random(n) < ctx.config.fee_match_rate, ucr, changed).astype(np.int64)
    return np.where(charted_status > 0, 0, fee)


def prostheses(rng, code, date):
    """Crowns, bridges and dentures: an initial prosthesis (I) or the replacement (R) of one placed years ago."""
    is_prosth = np.array([r["is_prosth"] == "1" for r in read_table("procedure_codes")])[code]
    replacement = is_prosth & (rng.random(len(code)) < REPLACEMENT_SHARE)
    original = np.where(replacement, date - days(rng.uniform(5 * 365, 20 * 365, len(code))), NO_DATE)
    return np.where(replacement, "R", np.where(is_prosth, "I", "")), original


def prognoses(ctx, rng, code, status):
    """A prognosis (definition category 30) on root canals, crowns, bridges and implants."""
    defs = ctx.practice.defs
    graded = np.isin(ctx.practice.codes.category[code], PROGNOSIS_CATEGORIES) & np.isin(status, (1, 2))
    names, shares = zip(*PROGNOSES)
    grade = rng.choice([defs.named(30, name) for name in names], len(code), p=shares)
    return np.where(graded, grade, 0)


def time_of_day(timestamps):
    """'HH:MM:SS' of datetime64[s] values on the five-minute grid (the procedurelog time columns)."""
    minutes = (timestamps - timestamps.astype("datetime64[D]")).astype(int) // 60
    clock = np.array([f"{m // 60:02d}:{m % 60:02d}:00" for m in range(0, 24 * 60, 5)])
    return clock[minutes // 5]


def user_of(users, prov):
    """Each provider enters their own procedures (their login); anyone else's fall to the admin login."""
    unique, inverse = np.unique(prov, return_inverse=True)
    return np.array([users.by_provider.get(int(p), users.admin) for p in unique], dtype=np.int64)[inverse]
