"""One run: find the server, check the target is safe, then fill it in a single transaction."""
import sys
import time

from checks import fidelity, validation
from core import checkpoints, database
from core.copy_writer import CopyWriter
from core.embedded import EmbeddedServer
from core.ids import IdAllocator
from core.randomness import RandomSource
from generators import PHASES, insurance, volumes
from generators.context import RunContext


def server_settings(config):
    """libpq settings of the target; starts the embedded server when no database setting was given."""
    if config.embedded:
        server = EmbeddedServer(config.embedded_dir)
        settings = server.start()
        for notice in server.notices:
            print(f"note: {notice}", file=sys.stderr, flush=True)
        return {**settings, "dbname": config.db_name}
    return database.connection_settings(config)


def open_connection(config, settings):
    dbname = settings.get("dbname") or "postgres"
    creatable = config.embedded or database.looks_like_demo(dbname) or config.allow_non_demo_database
    return database.connect(settings, create_if_missing=creatable)


def generate(config, reporter):
    """Generate a whole practice; returns (settings, row counts, validation result, timings in seconds).

    Timings: schema (create, clear, mark), generate (Python building and encoding rows), load (the phases
    waiting for PostgreSQL to take rows: loading overlaps generating, on a thread), validate, report
    (fidelity metrics), commit.
    """
    volumes.check(config)
    settings = server_settings(config)
    connection = open_connection(config, settings)
    try:
        database.take_lock(connection)
        filled = database.check_target(connection, config)
        clock = time.perf_counter()
        run_id = database.begin_run(connection, config, filled)
        checkpoints.reached("schema")
        timings = {"schema": time.perf_counter() - clock}
        writer = CopyWriter(connection, on_table=reporter.table)
        clock = time.perf_counter()
        try:
            generate_offices(config, RandomSource(config.seed), writer, reporter)
            writer.wait()
        except BaseException:
            if not writer.close():
                connection = None
            raise
        timings["load"] = writer.stats.waited_seconds
        timings["generate"] = time.perf_counter() - clock - timings["load"]
        clock = time.perf_counter()
        database.plan_for_whole_tables(connection)
        result = validation.run(connection)
        timings["validate"] = time.perf_counter() - clock
        clock = time.perf_counter()
        result.fidelity = fidelity.report(connection, config)
        timings["report"] = time.perf_counter() - clock
        rows = dict(writer.stats.rows)
        database.finish_run(connection, run_id, "complete" if result.ok else "validation_failed", rows)
        clock = time.perf_counter()
        connection.commit()
        timings["commit"] = time.perf_counter() - clock
        return settings, rows, result, timings
    finally:
        if connection is not None:
            connection.close()


def generate_offices(config, random, writer, reporter):
    """Every phase for each office in turn; an office's state is dropped before the next one starts.

    A phase's practice step runs once, in the first office just before that office's step of the phase, so the
    reference data is numbered and drawn as the first office's; every office's step gets what it returned. The
    carriers are written last: they were entered when the first plan of any office used them.
    """
    offices = config.offices()
    ids, references = IdAllocator(), {}
    for number, office in enumerate(offices):
        ctx = RunContext(office, random, ids, writer, office=number)
        reporter.office(number + 1, len(offices), office.patients)
        for step, phase in enumerate(PHASES, 1):
            reporter.phase(step, phase.TITLE)
            if phase not in references:
                references[phase] = phase.practice(ctx)
            phase.office(ctx, references[phase])
    insurance.carrier_rows(RunContext(offices[0], random, ids, writer), references[insurance])


def check_existing(config, fidelity_only=False):
    """--validate-only / --fidelity-only: the checks of a run, on a dataset generated earlier."""
    settings = server_settings(config)
    connection = database.connect(settings)
    try:
        with connection.cursor() as cursor:
            if not database.is_marked(cursor):
                raise database.UserError(f"'{database.describe(settings)}' holds no dataset of this generator to check")
        database.plan_for_whole_tables(connection)
        result = validation.ValidationResult() if fidelity_only else validation.run(connection)
        result.fidelity = fidelity.report(connection, fidelity.stored_targets(connection))
        return settings, result
    finally:
        connection.close()
