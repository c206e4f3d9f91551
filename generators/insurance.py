"""Phase: insurance (being built)."""

TITLE = "Insurance"
FOREIGN_KEYS = []


def generate(ctx):
    pass
