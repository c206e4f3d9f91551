"""Phase: clinical (being built)."""

TITLE = "Clinical"


def generate(ctx):
    pass
