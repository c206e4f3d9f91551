"""Phase: financial (being built)."""

TITLE = "Financial"

FOREIGN_KEYS = []


def generate(ctx):
    pass
