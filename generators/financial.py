"""Phase: financial (being built)."""

TITLE = "Financial"


def generate(ctx):
    pass
