"""What a run tells the user: phase headers and per-table row counts (silent with --quiet)."""
import sys
import time


class Reporter:
    def __init__(self, quiet=False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self._phase_started = None

    def say(self, text=""):
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    def phase(self, number, title):
        self._phase_started = time.perf_counter()
        self.say(f"[{number}/6] {title}")

    def table(self, name, rows):
        self.say(f"      {name:<22} {rows:>12,} rows")

    def warn(self, text):
        print(f"warning: {text}", file=sys.stderr, flush=True)
