"""Phase 6, supporting: everything else the analytics read, each module one part of the practice's life,
all telling the same story as the clinical and financial data:

  scheduling     provider schedules and blockouts, operatory assignments, appointment history, views
  records        treatment plans, procedure notes, tooth chart, perio charting, multi-visit groups
  medical        medical history, prescriptions, pharmacies, lab cases, patient forms (sheets)
  billing        insurance verification, blue book, claim snapshots and tracking, EOBs, statements
  communication  referral sources and attachments, communication log, documents
  staff          tasks, programs, user preferences, time cards, entry log, ETL tracking tables
"""
from ..context import RunContext
from ..handover import ReferralChannels, SupportingReference
from . import billing, communication, medical, records, scheduling, staff

TITLE = "Supporting: schedules, history, records, medical, billing detail, communications, documents, tasks"
MODULES = (scheduling, records, medical, billing, communication, staff)
FOREIGN_KEYS = [key for module in MODULES for key in module.FOREIGN_KEYS]


def practice(ctx: RunContext) -> SupportingReference:
    """The practice's schedule rows, medical pick lists and forms, claim forms and code groups, referral channels,
    task lists, programs and location."""
    scheduling.practice(ctx)
    billing.practice(ctx)
    return SupportingReference(medical=medical.practice(ctx), channels=ReferralChannels(nums=[]),
                               task_lists=staff.practice(ctx))


def office(ctx: RunContext, reference: SupportingReference) -> None:
    """Everything else of the office, module by module."""
    scheduling.office(ctx)
    records.office(ctx)
    medical.office(ctx, reference.medical)
    billing.office(ctx)
    communication.office(ctx, reference.channels)
    staff.office(ctx, reference.task_lists)
