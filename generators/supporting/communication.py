"""Supporting: communication (being built)."""

FOREIGN_KEYS = []


def generate(ctx):
    pass
