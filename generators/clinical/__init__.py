"""Phase 4, clinical: the practice's life over the window - cleanings, exams, treatment plans and the visits
that carry them out, the appointment book, the procedure log and the recall list.

How it unfolds (one module each):
  reference   appointment types (IDs 1-12) and recall types with their trigger codes
  hygiene     every active patient's cleanings: a new patient's comprehensive first visit, then a due date
              every personal interval that the patient keeps or not (regulars and seldom-seen patients);
              x-rays and fluoride when due; scaling and root planing for new perio patients
  treatment   emergencies, and what exams find: treatment cases planned on the exam day, accepted ones
              done at later dentist visits, the rest left planned
  scheduling  failed and rebooked appointments, chairs and times, statuses, planned appointments
  appointments, procedures, recall   the rows;  chart: the visits and procedures while they are planned;
  teeth: tooth numbers and surfaces

Adds to ctx.practice.clinical (numpy arrays; `patient` indexes ctx.practice.patients, `code` ctx.practice.codes):
  appointments: nums, patient, date (datetime64[D]), start (AptDateTime, datetime64[s]), minutes, status
    (AptStatus 1, 2, 3, 5, 6), prov, prov_hyg, op (0 for planned), clinic, is_hygiene, is_new_patient,
    type_num, booked (SecDateTEntry), confirmed (DefNum), arrived, seated, dismissed (NO_TIME unless complete),
    and the other appointment columns as written: pattern, note, descript, unsched_status, ins_plan1, ins_plan2,
    entry_user, assistant, color_override, asked_to_arrive, item_order_planned, next_apt_num, pattern_secondary,
    priority, procs_colored, time_locked; web_sched (booked online by the patient, OD's ApptSource)
  procedures: nums, patient, apt_num (0 if none), planned_apt_num (0 if none), code, date (ProcDate),
    date_tp, status (ProcStatus), fee_cents (int64), discount_cents (int64, procedurelog.Discount), prov, clinic,
    tooth, surf, dx / priority / prognosis (DefNums of categories 16, 20, 30; 0 if none), prosthesis ('' none,
    'I' initial, 'R' replacement), original_prosth (DateOriginalProsth of a replacement, else NO_DATE)
  recalls: nums, patient, type_num, due, previous, scheduled (NO_DATE if not booked)
  appointment_types: AppointmentTypeNums; recall_types: nums, names, interval, time_pattern, triggers (code
    indices)
"""
from types import SimpleNamespace

import numpy as np

from . import appointments, hygiene, procedures, recall, reference, scheduling, treatment
from .chart import Chart

TITLE = "Clinical: appointment and recall types, appointments, procedures, recalls"


def generate(ctx):
    type_nums = reference.appointment_types(ctx)
    recall_types = reference.recall_types(ctx)
    chart = Chart(ctx.rng("visit-days"), hygiene.hygienist_weekdays(ctx))
    care = hygiene.plan(ctx, chart)
    cases = treatment.load_cases(ctx)
    treatment.emergencies(ctx, chart, care, cases)
    treatment.diagnose(ctx, chart, care, cases)
    apts, apt_row, planned_row = scheduling.book(ctx, chart)
    procs = chart.procedures()
    descript, colored = appointments.descriptions(ctx, apts, procs, apt_row, planned_row)
    booked_appointments = appointments.write(ctx, apts, descript, colored)
    done = procedures.write(ctx, procs, apts, booked_appointments["nums"], apt_row, planned_row)
    on_scheduled_visit = (apt_row >= 0) & (apts["status"][np.maximum(apt_row, 0)] == 1)
    recalls = recall.write(ctx, care, recall_types, done, on_scheduled_visit)
    ctx.practice.clinical = SimpleNamespace(
        appointments=SimpleNamespace(**booked_appointments), procedures=SimpleNamespace(**done),
        recalls=SimpleNamespace(**recalls), appointment_types=type_nums, recall_types=recall_types)
