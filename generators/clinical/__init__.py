"""Phase 4, clinical: the practice's life over the window - cleanings, exams, treatment plans and the visits
that carry them out, the appointment book, the procedure log and the recall list.

How it unfolds (one module each):
  reference   appointment types (IDs 1-12) and recall types with their trigger codes
  hygiene     every active patient's cleanings: a new patient's comprehensive first visit, then a due date
              every personal interval that the patient keeps or not (regulars and seldom-seen patients);
              x-rays and fluoride when due; scaling and root planing for new perio patients
  treatment   emergencies, and what exams find: treatment cases planned on the exam day, accepted ones
              done at later dentist visits, the rest left planned
  booking     failed and rebooked appointments, chairs and times, statuses, planned appointments
  pathways    once the book has its days, what a dentist would not sign comes out (work on a pulled tooth or
              in an arch after its complete denture, too frequent exams and films) and a second periapical
              of the day becomes an additional one
  appointments, procedures, recall   the rows;  chart: the visits and procedures while they are planned;
  teeth: tooth numbers and surfaces

The practice step writes the appointment and recall types (handover.ClinicalReference); the office step adds
ctx.practice.clinical (handover.Clinical: appointments, procedures, recalls).
"""
import numpy as np

from opendental.codes import AptStatus

from . import appointments, booking, fit, procedures, recall, reference
from ..context import RunContext
from ..handover import Appointments, Clinical, ClinicalReference, Procedures, Recalls

TITLE = "Clinical: appointment and recall types, appointments, procedures, recalls"


def practice(ctx: RunContext) -> ClinicalReference:
    """The appointment and recall types every office books with."""
    return ClinicalReference(appointment_types=reference.appointment_types(ctx),
                             recall_types=reference.recall_types(ctx))


def office(ctx: RunContext, types: ClinicalReference) -> None:
    """The office's cleanings, exams, treatment, appointment book, procedures and recalls."""
    care, apts, apt_row, planned_row, procs = fit.plan_book(ctx)
    ctx.practice.patients = booking.first_visits(ctx, apts)
    descript, colored = appointments.descriptions(ctx, apts, procs, apt_row, planned_row)
    booked_appointments = appointments.write(ctx, apts, descript, colored)
    done = procedures.write(ctx, procs, apts, booked_appointments["nums"], apt_row, planned_row)
    on_scheduled_visit = (apt_row >= 0) & (apts["status"][np.maximum(apt_row, 0)] == AptStatus.SCHEDULED)
    recalls = recall.write(ctx, care, types.recall_types, done, on_scheduled_visit)
    ctx.practice.clinical = Clinical(appointments=Appointments(**booked_appointments), procedures=Procedures(**done),
                                     recalls=Recalls(**recalls), appointment_types=types.appointment_types,
                                     recall_types=types.recall_types)
