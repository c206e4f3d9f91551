"""Phase 6, supporting: everything else the analytics read, each module one part of the practice's life,
all telling the same story as the clinical and financial data:

  schedules      provider schedules and blockouts, operatory assignments, appointment history, views
  records        (charting) treatment plans, procedure notes, multi-visit groups, tooth chart, perio charting
  medical_lists  medications, allergies, problems, prescription templates, pharmacies, labs, patient forms
  medical        medical history, prescriptions, lab cases, filled patient forms (sheets)
  billing        insurance verification, blue book, claim snapshots and tracking, EOBs, statements
  communication  (referrals, commlog, documents) referral sources and attachments, communication log, documents
  staff          (tasks) task lists and tasks, programs, user preferences, time cards, entry log, ETL tables
"""
from ..context import RunContext
from ..handover import SupportingReference
from . import billing, communication, medical, medical_lists, records, referrals, schedules, staff

TITLE = "Supporting: schedules, history, records, medical, billing detail, communications, documents, tasks"


def practice(ctx: RunContext) -> SupportingReference:
    """The medical pick lists and forms, claim forms and code groups, referral channels, task lists and programs."""
    billing.practice(ctx)
    return SupportingReference(medical=medical_lists.practice(ctx), channels=referrals.marketing_channels(ctx),
                               task_lists=staff.practice(ctx))


def office(ctx: RunContext, reference: SupportingReference) -> None:
    """Everything else of the office, module by module."""
    schedules.office(ctx)
    records.office(ctx)
    medical.office(ctx, reference.medical)
    billing.office(ctx)
    communication.office(ctx, reference.channels)
    staff.office(ctx, reference.task_lists)
