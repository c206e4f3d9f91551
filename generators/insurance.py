"""Phase: insurance (being built)."""

TITLE = "Insurance"


def generate(ctx):
    pass
