"""Phase: clinical (being built)."""

TITLE = "Clinical"
FOREIGN_KEYS = []


def generate(ctx):
    pass
