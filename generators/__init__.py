"""The six phases, run in this order; each inserts its tables' rows and leaves compact state for the next."""
from . import clinical, financial, foundation, insurance, patients, supporting

PHASES = (foundation, patients, insurance, clinical, financial, supporting)
