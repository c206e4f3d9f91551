"""The six phases, run in this order. Each has a practice step, practice(ctx), that writes the reference data
the offices share and returns it (generators/handover.py), and an office step, office(ctx, reference), that
writes one office's rows and hands compact state to the next phase in ctx.practice."""
from . import clinical, financial, foundation, insurance, patients, supporting

PHASES = (foundation, patients, insurance, clinical, financial, supporting)
