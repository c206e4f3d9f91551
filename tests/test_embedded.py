"""The embedded PostgreSQL that `python main.py` starts when no database is named."""
import shutil
import socket
import tempfile
from pathlib import Path

import psycopg2

from core.embedded import EmbeddedServer


def test_a_server_whose_port_was_taken_while_it_was_stopped_starts_on_another():
    data_dir = Path(tempfile.mkdtemp(prefix="dental-test-port-"))
    server = EmbeddedServer(data_dir)
    first = server.start()["port"]
    server.stop()
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", first))
        squatter.listen()
        try:
            settings = server.start()
            assert settings["port"] != first
            with psycopg2.connect(dbname="postgres", **settings) as conn, conn.cursor() as cursor:
                cursor.execute("SELECT 1")
                assert cursor.fetchone() == (1,)
        finally:
            server.stop()
            shutil.rmtree(data_dir, ignore_errors=True)
