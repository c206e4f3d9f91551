"""Advancing the clock (--advance-to): a dataset of this generator moves from its recorded as-of to a later moment.

The practice's whole timeline is generated again into a staging schema, with the options the marker records,
and projected to the new moment (generators/as_of.py); only the rows that differ are then written to raw:
deleted, inserted, updated. All of it is one transaction under the run lock, like a run: an interrupted or
failing advance leaves the previous state exactly as it was.
"""
import time
from datetime import datetime

from psycopg2 import sql

from core import checkpoints, database, interrupts, locks, preflight, schema, staging
from core.config import with_recorded_options
from core.errors import UserError
from generators import as_of, volumes
from opendental.change_tracking import LOGGED_DELETIONS, LOGGED_ONLY_WHERE

from .run import Run, open_connection, server_settings


def advance(config, moment, reporter):
    """Advance the dataset to `moment`; returns (settings, from, to, {table: (inserted, updated, deleted)},
    validation result, timings)."""
    with interrupts.surfaced():
        checkpoints.reached("connect")
        settings = server_settings(config)
        step = _Advance(open_connection(config, settings), config, settings, reporter, moment)
        try:
            with interrupts.cancel_on_signal(step.connection):
                changes, result = step.apply()
            return settings, step.moments, changes, result, step.timings
        finally:
            if step.closable:
                step.connection.close()


def recorded_as_of(options, config):
    """The moment the dataset is as of: recorded, or (recorded before the as-of existed) its horizon."""
    return datetime.fromisoformat(options["as_of"]) if "as_of" in options else config.horizon


def check_moment(moment, recorded, config):
    if moment <= recorded:
        raise UserError(f"--advance-to {moment.isoformat()} is not after the dataset's as-of "
                                 f"{recorded.isoformat()}; the clock only moves forward")
    if moment > config.horizon:
        raise UserError(f"--advance-to {moment.isoformat()} is after the simulated horizon, the end of "
                                 f"--end-date {config.end_date} ({config.horizon.isoformat()}); the practice is "
                                 "not simulated beyond it (generate again with a later --end-date and --reset)")


def unlogged_deletions(connection, moments):
    """The rows the projection deleted of a type OpenDental logs in deletedobject must have their deletedobject row,
    stamped between the two moments: without it an extractor could not see the deletion (a generator bug)."""
    missing = {}
    with connection.cursor() as cursor:
        for table, (kind, column) in LOGGED_DELETIONS.items():
            key = schema.table(table).primary_key
            cursor.execute(sql.SQL("""
                SELECT count(*) FROM raw.{table} r
                WHERE {logged} AND NOT EXISTS (SELECT 1 FROM {staged} s WHERE s.{key} = r.{key})
                  AND NOT EXISTS (SELECT 1 FROM {deleted} d WHERE d."ObjectType" = %s AND d."ObjectNum" = r.{column}
                                  AND d."DateTStamp" > %s AND d."DateTStamp" <= %s)""").format(
                table=sql.Identifier(table), staged=sql.Identifier(staging.STAGING_SCHEMA, table),
                deleted=sql.Identifier(staging.STAGING_SCHEMA, "deletedobject"), key=sql.Identifier(key),
                column=sql.Identifier(column), logged=sql.SQL(LOGGED_ONLY_WHERE.get(table, "true"))),
                (int(kind), *moments))
            (count,) = cursor.fetchone()
            if count:
                missing[table] = count
    if missing:
        raise RuntimeError(f"the projection to {moments[1].isoformat()} deleted rows without their deletedobject "
                           f"row: {missing}")


class _Advance(Run):
    """One advance's transaction: lock and check the target, generate and project the timeline in staging, apply
    the difference, record it, validate, commit."""

    def __init__(self, connection, config, settings, reporter, moment):
        super().__init__(connection, config, settings, reporter)
        self.moment, self.moments = moment, None

    def apply(self):
        run_id = self._begin_advance()
        started = datetime.now().astimezone()
        staging.create(self.connection)
        checkpoints.reached("staging")
        self._load(staging.STAGING_SCHEMA)
        self._timed("keys", staging.build_keys, self.connection)
        with self.connection.cursor() as cursor:
            self._timed("as_of", as_of.project, cursor, staging.STAGING_SCHEMA, self.moment)
        self._timed("logged", unlogged_deletions, self.connection, self.moments)
        changes = self._timed("apply", staging.apply_difference, self.connection)
        checkpoints.reached("applied")
        database.record_advance(self.connection, run_id, started, self.moments, changes)
        result = self._timed("validate", self._validate)
        self.reporter.finish()
        staging.drop(self.connection)
        database.set_status(self.connection, run_id, "complete" if result.ok else "validation_failed")
        checkpoints.reached("commit")
        with interrupts.committing():
            self._timed("commit", self.connection.commit)
        return changes, result

    def _begin_advance(self):
        """Under the run lock, with our tables locked against writers: the recorded options, checked against the
        ones given and the moment; returns the run id of the dataset in place."""
        clock = time.perf_counter()
        locks.take_run_lock(self.connection, self.config.lock_timeout)
        with locks.watched(self.connection, self.settings, self.config.lock_timeout):
            database.check_target(self.connection, self.config, advancing=True)
            database.lock_our_tables(self.connection, "EXCLUSIVE")
            with self.connection.cursor() as cursor:
                run_id, options = database.recorded_run(cursor)
                status = database.last_status(cursor)
        self.config = with_recorded_options(self.config, options)
        recorded = recorded_as_of(options, self.config)
        check_moment(self.moment, recorded, self.config)
        if status != "complete" and not self.config.keep_invalid:
            raise UserError("the dataset failed validation when it was generated or last advanced (kept "
                                     "with --keep-invalid); advancing it needs --keep-invalid too")
        preflight.check_memory(self.config)
        volumes.check(self.config)
        self.reporter.start(self.config)
        self.moments = (recorded, self.moment)
        self.timings["schema"] = time.perf_counter() - clock
        return run_id
