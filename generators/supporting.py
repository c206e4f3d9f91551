"""Phase: supporting (being built)."""

TITLE = "Supporting"

FOREIGN_KEYS = []


def generate(ctx):
    pass
