"""One run: find the server, check the target is safe, then fill it in a single transaction."""
import time

from checks import validation
from generators import PHASES

from . import checkpoints, database
from .context import RunContext
from .copy_writer import CopyWriter
from .embedded import EmbeddedServer
from .ids import IdAllocator
from .randomness import RandomSource


def server_settings(config):
    """libpq settings of the target; starts the embedded server when no database setting was given."""
    if config.embedded:
        return {**EmbeddedServer(config.embedded_dir).start(), "dbname": config.db_name}
    return database.connection_settings(config)


def open_connection(config, settings):
    dbname = settings.get("dbname") or "postgres"
    creatable = config.embedded or database.looks_like_demo(dbname) or config.allow_non_demo_database
    return database.connect(settings, create_if_missing=creatable)


def generate(config, reporter):
    """Generate a whole practice; returns (settings, row counts, validation result, timings)."""
    settings = server_settings(config)
    connection = open_connection(config, settings)
    timings = {}
    try:
        database.take_lock(connection)
        filled = database.check_target(connection, config)
        started = time.perf_counter()
        run_id = database.begin_run(connection, config, filled)
        checkpoints.reached("schema")
        context = RunContext(config, RandomSource(config.seed), IdAllocator(),
                             CopyWriter(connection, on_table=reporter.table))
        for number, phase in enumerate(PHASES, 1):
            reporter.phase(number, phase.TITLE)
            phase.generate(context)
        timings["generate_and_load"] = time.perf_counter() - started
        started = time.perf_counter()
        result = validation.run(connection)
        timings["validate"] = time.perf_counter() - started
        rows = dict(context.out.stats.rows)
        database.finish_run(connection, run_id, "complete" if result.ok else "validation_failed", rows)
        started = time.perf_counter()
        connection.commit()
        timings["commit"] = time.perf_counter() - started
        timings["render"] = context.out.stats.render_seconds
        return settings, rows, result, timings
    finally:
        connection.close()


def validate_only(config):
    settings = server_settings(config)
    connection = database.connect(settings)
    try:
        with connection.cursor() as cursor:
            if not database.is_marked(cursor):
                raise database.UserError(f"'{database.describe(settings)}' holds no dataset of this generator to validate")
        return settings, validation.run(connection)
    finally:
        connection.close()
