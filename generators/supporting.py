"""Phase: supporting (being built)."""

TITLE = "Supporting"


def generate(ctx):
    pass
