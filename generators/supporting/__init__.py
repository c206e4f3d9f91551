"""Phase 6, supporting: everything else the analytics read, each module one part of the practice's life,
all telling the same story as the clinical and financial data:

  scheduling     provider schedules and blockouts, operatory assignments, appointment history, views
  records        treatment plans, procedure notes, tooth chart, perio charting, multi-visit groups
  medical        medical history, prescriptions, pharmacies, lab cases, patient forms (sheets)
  billing        insurance verification, blue book, claim snapshots and tracking, EOBs, statements
  communication  referral sources and attachments, communication log, documents
  office         tasks, programs, user preferences, time cards, entry log, ETL tracking tables
"""
from . import billing, communication, medical, office, records, scheduling

TITLE = "Supporting: schedules, history, records, medical, billing detail, communications, documents, tasks"
MODULES = (scheduling, records, medical, billing, communication, office)


def generate(ctx):
    for module in MODULES:
        module.generate(ctx)
