"""PLACEHOLDER of issue 17 item 1, for the advance branch's own tests only: the lead's project() replaces this file
at the merge. It deletes the commlogs and appointment history rows made after the moment (nothing refers to
either, so the practice still validates when the moment falls on the last day) and changes nothing else: no other
row is removed, no state reverted, no stamp changed, so what it leaves is not OpenDental's state at that moment."""
from psycopg2 import sql

MADE = {"commlog": "DateTEntry", "histappointment": "HistDateTStamp"}


def project(cursor, schema_name, moment):
    """Rewrite the full timeline in `schema_name` to the state of the database at `moment` (placeholder)."""
    for table, made in MADE.items():
        cursor.execute(sql.SQL("DELETE FROM {}.{} WHERE {} > %s").format(
            sql.Identifier(schema_name), sql.Identifier(table), sql.Identifier(made)), (moment,))
