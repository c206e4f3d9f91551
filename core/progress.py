"""What a run tells the user: phase headers, and on a terminal each table's rows, rows per second and an
estimate of the time left. Silent with --quiet."""
import sys
import time

ROWS_PER_PATIENT = 152  # measured: a 5,000-patient run writes about 760,000 rows


class Reporter:
    def __init__(self, quiet=False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self.expected_rows = 0
        self._rows = 0
        self._started = self._table_started = time.perf_counter()

    @property
    def live(self):
        return not self.quiet and self.stream.isatty()

    def say(self, text=""):
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    def start(self, patients):
        self.expected_rows = patients * ROWS_PER_PATIENT
        self._started = self._table_started = time.perf_counter()

    def office(self, number, offices, patients):
        if offices > 1:
            self.say(f"Office {number} of {offices}: {patients:,} patients")

    def phase(self, number, title):
        self.say(f"[{number}/6] {title}")

    def rows(self, name, rows):
        now = time.perf_counter()
        self._rows += rows
        if self.live:
            rate = rows / max(now - self._table_started, 1e-6)
            done = self._rows / max(now - self._started, 1e-6)
            left = max(self.expected_rows - self._rows, 0) / max(done, 1)
            print(f"      {name:<22} {rows:>12,} rows {rate:>12,.0f} rows/s   ~{left:,.0f} s left", file=self.stream,
                  flush=True)
        self._table_started = now

    def warn(self, text):
        print(f"warning: {text}", file=sys.stderr, flush=True)
