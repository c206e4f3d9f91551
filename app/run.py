"""One run: find the server, check the target is safe, then fill it in a single transaction."""
import sys
import time

from checks import fidelity, validation
from core import checkpoints, database, interrupts, locks
from core.copy_writer import CopyWriter
from core.embedded import EmbeddedServer
from core.errors import UserError
from core.randomness import RandomSource
from generators import as_of

from .offices import generate_offices


def server_settings(config):
    """The Target of the run; starts the embedded server when no database setting was given."""
    if config.embedded:
        server = EmbeddedServer(config.embedded_dir)
        settings = server.start()
        for notice in server.notices:
            print(f"note: {notice}", file=sys.stderr, flush=True)
        return database.Target.from_libpq({**settings, "dbname": config.db_name})
    return database.connection_settings(config)


def open_connection(config, settings):
    creatable = config.embedded or database.looks_like_demo(settings.dbname) or config.allow_non_demo_database
    return database.connect(settings, create_if_missing=creatable)


class ValidationFailed(UserError):
    """The generated practice broke a rule: the run was rolled back (exit 1)."""

    exit_code = 1

    def __init__(self, result):
        shown = "; ".join(f"{f.rule}: {f.count} row(s), e.g. {f.examples}" for f in result.failures[:3])
        more = f"; and {len(result.failures) - 3} more rules" if len(result.failures) > 3 else ""
        super().__init__(f"validation failed ({len(result.failures)} of {result.rules_checked} rules): {shown}{more}; "
                         "the run was rolled back and the previous dataset is unchanged (--keep-invalid commits a "
                         "failing dataset for inspection)")


def generate(config, reporter):
    """Generate a whole practice; returns (settings, row counts, validation result, timings in seconds).

    Timings: schema (create, clear, mark), generate (Python building and encoding rows), load (the phases
    waiting for PostgreSQL to take rows: loading overlaps generating, on a thread), keys (the primary keys,
    built once the rows are in), validate, report (fidelity metrics), commit.
    """
    with interrupts.surfaced():
        checkpoints.reached("connect")
        settings = server_settings(config)
        run = Run(open_connection(config, settings), config, settings, reporter)
        try:
            with interrupts.cancel_on_signal(run.connection):
                rows, result = run.fill()
            return settings, rows, result, run.timings
        finally:
            if run.closable:
                run.connection.close()


class Run:
    """One run's transaction: lock and check the target, empty it, load every office, validate, commit."""

    def __init__(self, connection, config, settings, reporter):
        self.connection, self.config, self.settings, self.reporter = connection, config, settings, reporter
        self.closable = True  # false when a COPY could not be stopped: the connection is left to the process's exit
        self.timings = {}

    def fill(self):
        run_id, keys = self._begin()
        rows = self._load("raw")
        checkpoints.reached("keys")
        self._timed("keys", database.build_primary_keys, self.connection, keys)
        if self.config.as_of:
            checkpoints.reached("as_of")
            self._timed("as_of", self._project)
        result = self._timed("validate", self._validate)
        self.reporter.checking("fidelity report")
        result.fidelity = self._timed("report", fidelity.report, self.connection, self.config)
        self.reporter.finish()
        database.finish_run(self.connection, run_id, "complete" if result.ok else "validation_failed", rows)
        checkpoints.reached("commit")
        with interrupts.committing():
            self._timed("commit", self.connection.commit)
        return rows, result

    def _project(self):
        """The timeline's tables rewritten to the moment --as-of shows."""
        self.reporter.checking(f"state as of {self.config.as_of}")
        with self.connection.cursor() as cursor:
            as_of.project(cursor, "raw", self.config.as_of)

    def _timed(self, name, action, *args):
        clock = time.perf_counter()
        value = action(*args)
        self.timings[name] = time.perf_counter() - clock
        return value

    def _begin(self):
        locks.take_run_lock(self.connection, self.config.lock_timeout)
        with locks.watched(self.connection, self.settings, self.config.lock_timeout):
            tables = database.check_target(self.connection, self.config)
            run_id = self._timed("schema", database.begin_run, self.connection, self.config, tables)
            keys = database.defer_primary_keys(self.connection)
        checkpoints.reached("schema")
        return run_id, keys

    def _load(self, schema_name):
        """The practice's whole timeline into `schema_name`: raw, or the staging schema of an advance."""
        writer = CopyWriter(self.connection, progress=self.reporter, schema_name=schema_name)
        clock = time.perf_counter()
        try:
            generate_offices(self.config, RandomSource(self.config.seed), writer, self.reporter)
            writer.wait()
        except BaseException:
            self.closable = writer.close()
            raise
        self.timings["load"] = writer.stats.waited_seconds
        self.timings["generate"] = time.perf_counter() - clock - self.timings["load"]
        return dict(writer.stats.rows)

    def _validate(self):
        """A failing practice is rolled back, unless --keep-invalid asks to commit it for inspection."""
        checkpoints.break_a_row(self.connection)
        self.reporter.checking("validation")
        database.plan_for_whole_tables(self.connection)
        result = validation.run(self.connection)
        if not result.ok and not self.config.keep_invalid:
            self.connection.rollback()
            raise ValidationFailed(result)
        if not result.ok:
            self.reporter.warn("validation failed; the dataset is committed anyway for inspection (--keep-invalid) "
                               "and marked 'validation_failed'")
        return result


def check_existing(config, fidelity_only=False):
    """--validate-only / --fidelity-only: the checks of a run, on a dataset generated earlier."""
    with interrupts.surfaced():
        settings = server_settings(config)
        connection = database.connect(settings)
        try:
            with interrupts.cancel_on_signal(connection):
                return settings, _check(connection, config, settings, fidelity_only)
        finally:
            connection.close()


def _check(connection, config, settings, fidelity_only):
    locks.name_session(connection, config.lock_timeout)
    with locks.watched(connection, settings, config.lock_timeout), connection.cursor() as cursor:
        status = database.last_status(cursor)
        if status is None:
            raise database.UserError(f"'{database.describe(settings)}' holds no dataset of this generator to check")
        database.lock_our_tables(connection, "ACCESS SHARE")
    if status == "validation_failed":
        print("warning: this dataset failed validation when it was generated and was kept with --keep-invalid",
              file=sys.stderr)
    database.plan_for_whole_tables(connection)
    result = validation.ValidationResult() if fidelity_only else validation.run(connection)
    result.fidelity = fidelity.report(connection, fidelity.stored_targets(connection))
    return result
