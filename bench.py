"""Benchmark: the full generator at several sizes against a throwaway PostgreSQL, and the floor.

    python bench.py                      # 1,000, 5,000 and 50,000 patients
    python bench.py --million            # ... and 1,000,000 patients (about half an hour, 40 GB of disk)
    python bench.py --sizes 2000,20000   # other sizes

Per size it prints wall seconds, rows written, rows per second, the generator process's peak memory (RSS),
the share of time spent generating rows vs waiting for PostgreSQL to load them vs validating, and the
floor: how long PostgreSQL takes to COPY the very same rows from files already rendered, with the ratio
full run / bare COPY. Each size runs in a fresh database; the generator runs as its own process.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

from core import schema
from core.embedded import EmbeddedServer

PROJECT = Path(__file__).resolve().parent


def run_generator(server, dbname, patients, seed, report):
    """Run main.py as a child process; returns its wall seconds and peak RSS in MiB."""
    args = [sys.executable, str(PROJECT / "main.py"), "--patients", str(patients), "--seed", str(seed),
            "--db-host", server["host"], "--db-port", str(server["port"]), "--db-user", server["user"],
            "--db-name", dbname, "--quiet", "--report-json", str(report),
            "--env-file", os.devnull, "--config-file", os.devnull]
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=PROJECT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the generator failed at {patients:,} patients")
    return wall, usage.ru_maxrss / 1024


def bare_copy_seconds(server, dbname, tables, work_dir):
    """How long PostgreSQL takes to COPY the very rows the generator wrote, from files already rendered, into
    fresh tables of a new database (each truncated in its loading transaction, as a run's are). Table by table:
    each is dumped to a file and dropped from the generated database before it loads, so the disk holds one
    copy of the dataset at a time (a million patients take tens of GB)."""
    floor_db = f"{dbname}_floor"
    admin(server, f'CREATE DATABASE "{floor_db}"')
    source, floor = psycopg2.connect(dbname=dbname, **server), psycopg2.connect(dbname=floor_db, **server)
    source.autocommit = True
    seconds = 0.0
    try:
        with source.cursor() as dump, floor.cursor() as load:
            load.execute(schema.create_sql())
            floor.commit()
            for table in tables:
                path = work_dir / f"{table}.copy"
                with open(path, "w") as f:
                    dump.copy_expert(f'COPY raw."{table}" TO STDOUT', f)
                dump.execute(f'DROP TABLE raw."{table}"')
                started = time.perf_counter()
                load.execute(f'TRUNCATE raw."{table}"')
                with open(path) as f:
                    load.copy_expert(f'COPY raw."{table}" FROM STDIN', f, size=1 << 20)
                floor.commit()
                seconds += time.perf_counter() - started
                path.unlink()
        return seconds
    finally:
        source.close()
        floor.close()
        admin(server, f'DROP DATABASE "{floor_db}"')


def database_size(server, dbname):
    with psycopg2.connect(dbname=dbname, **server) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    conn.close()
    return size


def admin(server, statement):
    conn = psycopg2.connect(dbname="postgres", **server)
    conn.autocommit = True
    conn.cursor().execute(statement)
    conn.close()


def measure(server, patients, seed, work_dir):
    dbname = f"bench_demo_{patients}"
    admin(server, f'DROP DATABASE IF EXISTS "{dbname}"')
    admin(server, f'CREATE DATABASE "{dbname}"')
    report_path = work_dir / f"report_{patients}.json"
    wall, peak_mib = run_generator(server, dbname, patients, seed, report_path)
    report = json.loads(report_path.read_text())
    database_gib = database_size(server, dbname) / 2**30
    floor = bare_copy_seconds(server, dbname, [table for table, rows in report["rows"].items() if rows], work_dir)
    admin(server, f'DROP DATABASE "{dbname}"')
    timings = report["timings"]
    busy = sum(timings.values())
    return {
        "patients": patients, "wall_seconds": round(wall, 2), "rows": report["total_rows"],
        "tables": len(report["rows"]), "rows_per_second": round(report["total_rows"] / wall),
        "peak_rss_mib": round(peak_mib), "generate_share": round(timings["generate"] / busy, 3),
        "load_share": round(timings["load"] / busy, 3), "validate_share": round(timings["validate"] / busy, 3),
        "database_gib": round(database_gib, 2), "bare_copy_seconds": round(floor, 2),
        "ratio_to_bare_copy": round(wall / floor, 2),
        "validation_ok": report["validation_ok"],
    }


def print_table(results):
    header = ("patients", "wall s", "rows", "rows/s", "peak RSS", "database", "generate", "load", "validate",
              "bare COPY s", "ratio")
    print(" | ".join(header))
    for r in results:
        print(" | ".join([f"{r['patients']:,}", f"{r['wall_seconds']:.1f}", f"{r['rows']:,}",
                          f"{r['rows_per_second']:,}", f"{r['peak_rss_mib']:,} MiB", f"{r['database_gib']:.1f} GiB",
                          f"{r['generate_share']:.0%}", f"{r['load_share']:.0%}", f"{r['validate_share']:.0%}",
                          f"{r['bare_copy_seconds']:.1f}", f"{r['ratio_to_bare_copy']:.2f}"]), flush=True)


def machine():
    return {"cores": os.cpu_count(), "python": sys.version.split()[0],
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,50000", help="comma-separated patient counts")
    parser.add_argument("--million", action="store_true", help="also run 1,000,000 patients")
    parser.add_argument("--seed", type=int, default=20230101)
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.million else [])
    work_dir = Path(tempfile.mkdtemp(prefix="dental-bench-"))
    data_dir = Path(tempfile.mkdtemp(prefix="dental-bench-pgdata-"))
    embedded = EmbeddedServer(data_dir)
    server = embedded.start()
    # No autovacuum: it would vacuum each freshly committed dataset while the next measurement runs.
    admin(server, "ALTER SYSTEM SET autovacuum = off")
    admin(server, "SELECT pg_reload_conf()")
    print(f"machine: {machine()}; PostgreSQL: embedded, port {server['port']}", flush=True)
    results = []
    try:
        for patients in sizes:
            results.append(measure(server, patients, args.seed, work_dir))
            print_table(results[-1:] if len(results) > 1 else results)
        if args.json:
            Path(args.json).write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    finally:
        embedded.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
