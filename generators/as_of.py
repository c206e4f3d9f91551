"""PLACEHOLDER of issue 17 item 1, for the advance branch's own tests only: the lead's project() replaces this file
at the merge. It deletes the commlogs entered after the moment (nothing refers to a commlog, so the practice
still validates when the moment falls on the last day) and changes nothing else: no other row is removed, no
state reverted, no stamp changed, so what it leaves is not OpenDental's state at that moment."""
from psycopg2 import sql


def project(cursor, schema_name, moment):
    """Rewrite the full timeline in `schema_name` to the state of the database at `moment` (placeholder)."""
    cursor.execute(sql.SQL('DELETE FROM {}.commlog WHERE "DateTEntry" > %s').format(sql.Identifier(schema_name)),
                   (moment,))
