"""Benchmark: the full generator at several sizes against a throwaway PostgreSQL, and the floors of its rows.

    python bench.py                      # 1,000, 5,000 and 50,000 patients
    python bench.py --million            # ... and 1,000,000 patients (about an hour with its floors, 40 GB of disk)
    python bench.py --sizes 2000,20000   # other sizes
    python bench.py --sizes 5000 --projects .,/work/main   # two checkouts side by side, size by size
    python bench.py --sizes 5000 --profile /tmp/prof       # and where the time goes
    python bench.py --sizes 50000 --jobs 1,2               # offices one after another, then two side by side

Per size it prints wall seconds, rows written, rows per second, the CPU seconds of the generator and of the
server, the generator's peak memory (the RSS of its largest process, and the PSS of it and its worker processes
together, sampled), the share of time generating rows vs waiting for
PostgreSQL to load them vs validating, and the floors: how long PostgreSQL takes to load the very same rows
from files already rendered, four ways (FLOORS), with the ratio of the full run to each and to the best.
Each size runs in a fresh database; the generator runs as its own process, on the embedded server as users
get it. `--profile DIR` runs the generator under cProfile (DIR/generator-<size>.prof, its top printed) and
logs every statement's duration on the server, summed per class (COPY, index build, validation, other).
"""
import argparse
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg2

from core import schema
from core.embedded import EmbeddedServer

PROJECT = Path(__file__).resolve().parent
FLOORS = {  # name: (server, table created and loaded in one transaction, primary key after the load, format)
    "default": ("default", False, False, "text"),
    "wal_skipped": ("minimal", True, False, "text"),
    "keys_after": ("minimal", True, True, "text"),
    "binary": ("minimal", True, True, "binary"),
}
FLOOR_NOTES = {
    "default": "bare COPY into an existing table with its key, PostgreSQL's default settings (WAL for replicas)",
    "wal_skipped": "wal_level=minimal, max_wal_senders=0, table created in the loading transaction",
    "keys_after": "... and the primary key built after the load",
    "binary": "... and binary COPY",
}
# PostgreSQL's own defaults for what the embedded server tunes (autovacuum stays off on both servers: it would
# vacuum each committed dataset while the next measurement runs).
DEFAULT_SETTINGS = {"wal_level": "replica", "max_wal_senders": "10", "synchronous_commit": "on",
                    "max_wal_size": "1GB", "shared_buffers": "128MB", "maintenance_work_mem": "64MB"}


def run_generator(project, server, dbname, patients, seed, report, profile, jobs):
    """Run main.py of `project` as a child process (with --jobs `jobs`, unless None); returns wall seconds, CPU
    seconds (its worker processes included), the peak RSS of its largest process and the peak memory of it and its
    workers together, in MiB."""
    profiling = ["-m", "cProfile", "-o", str(profile)] if profile else []
    args = [sys.executable, *profiling, str(project / "main.py"), "--patients", str(patients), "--seed", str(seed),
            "--db-host", server["host"], "--db-port", str(server["port"]), "--db-user", server["user"],
            "--db-name", dbname, "--quiet", "--report-json", str(report),
            "--env-file", os.devnull, "--config-file", os.devnull, *(["--jobs", str(jobs)] if jobs else [])]
    started = time.perf_counter()
    process = subprocess.Popen(args, cwd=project, stdout=subprocess.DEVNULL,
                               env={**os.environ, "PGPASSWORD": server["password"]})
    tree = _TreeMemory(process.pid)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the generator of {project} failed at {patients:,} patients")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree.stop()


class _TreeMemory:
    """The peak memory of a process and its descendants together: the sum of their proportional set sizes (PSS:
    pages shared between them counted once), sampled every 0.2 s on a thread."""

    def __init__(self, pid):
        self.pid, self.peak_kib, self._running = pid, 0, True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self):
        while self._running:
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(self.pid)))
            time.sleep(0.2)

    def stop(self):
        self._running = False
        self._thread.join()
        return self.peak_kib / 1024


def _tree(root):
    """`root` and its living descendants."""
    parents = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit():
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except OSError:  # ended meanwhile
            pass
    found, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        found += frontier
    return found


def _pss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _ticks(pid, children):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15 if children else 13])


def server_cpu(embedded):
    """CPU seconds the server has used so far: the postmaster with the backends it has reaped, and the living
    processes under it."""
    postmaster = int((embedded.data_dir / "postmaster.pid").read_text().split()[0])
    ticks = _ticks(postmaster, children=True)
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "stat").read_text().rsplit(")", 1)[1].split()[1] == str(postmaster):
                ticks += _ticks(entry.name, children=False)
        except OSError:  # ended meanwhile
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def admin(server, statement, dbname="postgres"):
    conn = psycopg2.connect(dbname=dbname, **server)
    conn.autocommit = True
    conn.cursor().execute(statement)
    conn.close()


def table_ddl(table, with_key):
    columns = [f'"{c.name}" {c.pg_type.replace("serial4", "int4")}' for c in table.columns]
    if with_key and table.primary_key:
        columns.append(f'PRIMARY KEY ("{table.primary_key}")')
    return f'CREATE TABLE raw."{table.name}" ({", ".join(columns)})'


class Floors:
    """The floor variants of one dataset, each in its own database, loaded table by table from the same files."""

    def __init__(self, servers, dbname):
        self.servers, self.dbname = servers, f"{dbname}_floor"
        self.seconds = dict.fromkeys(FLOORS, 0.0)
        self.server_cpu = dict.fromkeys(FLOORS, 0.0)
        self.connections = {}
        for name, (where, *_) in FLOORS.items():
            settings = servers[where][1]
            admin(settings, f'CREATE DATABASE "{self.dbname}_{name}"')
            self.connections[name] = psycopg2.connect(dbname=f"{self.dbname}_{name}", **settings)
            self.connections[name].cursor().execute("CREATE SCHEMA raw")
            self.connections[name].commit()

    def load(self, table, files):
        """One table into every variant, in turn; each load is timed with its commit, then dropped."""
        for name, (where, same_transaction, keys_after, form) in FLOORS.items():
            connection, embedded = self.connections[name], self.servers[where][0]
            with connection.cursor() as cursor:
                if not same_transaction:
                    cursor.execute(table_ddl(table, with_key=True))
                    connection.commit()
                cpu, started = server_cpu(embedded), time.perf_counter()
                if same_transaction:
                    cursor.execute(table_ddl(table, with_key=not keys_after))
                with open(files[form], "rb") as f:
                    cursor.copy_expert(f'COPY raw."{table.name}" FROM STDIN (FORMAT {form})', f, size=1 << 20)
                if keys_after and table.primary_key:
                    cursor.execute(f'ALTER TABLE raw."{table.name}" ADD PRIMARY KEY ("{table.primary_key}")')
                connection.commit()
                self.seconds[name] += time.perf_counter() - started
                self.server_cpu[name] += server_cpu(embedded) - cpu
                cursor.execute(f'DROP TABLE raw."{table.name}"')
                connection.commit()

    def close(self):
        for name, connection in self.connections.items():
            connection.close()
            admin(self.servers[FLOORS[name][0]][1], f'DROP DATABASE "{self.dbname}_{name}"')


def measure_floors(servers, dbname, tables, work_dir):
    """Every floor of the rows the generator wrote. Table by table: each is dumped (text and binary) and dropped
    from the generated database before it loads, so the disk holds one copy of the dataset at a time."""
    settings = servers["minimal"][1]
    source = psycopg2.connect(dbname=dbname, **settings)
    source.autocommit = True
    floors = Floors(servers, dbname)
    try:
        with source.cursor() as dump:
            for name in tables:
                files = {form: work_dir / f"{name}.{form}" for form in ("text", "binary")}
                for form, path in files.items():
                    with open(path, "wb") as f:
                        dump.copy_expert(f'COPY raw."{name}" TO STDOUT (FORMAT {form})', f)
                dump.execute(f'DROP TABLE raw."{name}"')
                floors.load(schema.table(name), files)
                for path in files.values():
                    path.unlink()
        return floors.seconds, floors.server_cpu
    finally:
        source.close()
        floors.close()


def database_size(server, dbname):
    with psycopg2.connect(dbname=dbname, **server) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    conn.close()
    return size


STATEMENT_CLASSES = (("COPY", re.compile(r"COPY ")), ("index build", re.compile(r"ALTER TABLE .* PRIMARY KEY")),
                     ("validation: foreign keys",  # the parents' keys read, then a pass over each table
                      re.compile(r"SELECT (k / \d+, count\(\*\), min\(k\), max\(k\)|k) FROM \(|"
                                 r"SELECT count\(\*\) FILTER \(WHERE c\.")),
                     ("validation: rules", re.compile(r"SELECT count\(\*\) OVER \(\), v\.\*")))
DURATION = re.compile(r"duration: ([\d.]+) ms\s+statement: (.*)")


def statement_classes(log_text):
    """Seconds per statement class, and the five longest statements, from the server log's durations."""
    seconds, longest = {}, []
    for milliseconds, statement in DURATION.findall(log_text):
        kind = next((name for name, pattern in STATEMENT_CLASSES if pattern.match(statement)), "other (report...)")
        seconds[kind] = seconds.get(kind, 0.0) + float(milliseconds) / 1000
        longest.append((float(milliseconds) / 1000, statement[:100]))
    return {k: round(v, 2) for k, v in sorted(seconds.items())}, sorted(longest, reverse=True)[:5]


def profile_top(path, lines=12):
    """The functions with the most time of their own in the generator's profile."""
    stats = pstats.Stats(str(path))
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:lines]
    return [f"{tottime:7.2f} s own {cumtime:7.2f} s cum  {Path(file).name}:{line} {function}"
            for (file, line, function), (_, _, tottime, cumtime, _) in rows]


def logged(embedded, server, action):
    """Run `action` with every statement's duration logged; returns its value and what the log gained."""
    log = embedded.data_dir / "server.log"
    offset = log.stat().st_size
    admin(server, "ALTER SYSTEM SET log_min_duration_statement = 0")
    admin(server, "SELECT pg_reload_conf()")
    try:
        value = action()
    finally:
        admin(server, "ALTER SYSTEM RESET log_min_duration_statement")
        admin(server, "SELECT pg_reload_conf()")
    with open(log, errors="replace") as f:
        f.seek(offset)
        return value, f.read()


def measure(project, servers, patients, seed, work_dir, profile_dir, jobs_values):
    """A run of the generator for each --jobs value, side by side, then the floors of its rows (the same rows
    whatever the jobs, measured once, on the last run's database)."""
    results = []
    for turn, jobs in enumerate(jobs_values):
        result, dbname = _run(project, servers, patients, seed, work_dir, profile_dir, jobs)
        results.append(result)
        if turn < len(jobs_values) - 1:
            admin(servers["minimal"][1], f'DROP DATABASE "{dbname}"')
    floors, floor_cpu = measure_floors(servers, dbname, [t for t, rows in report_rows(work_dir, patients) if rows],
                                       work_dir)
    admin(servers["minimal"][1], f'DROP DATABASE "{dbname}"')
    best = min(floors, key=floors.get)
    for result in results:
        result.update({
            "floor_seconds": {k: round(v, 2) for k, v in floors.items()},
            "floor_server_cpu_seconds": {k: round(v, 2) for k, v in floor_cpu.items()},
            "best_floor": best, "ratio_to_best_floor": round(result["wall_seconds"] / floors[best], 2),
            "ratios": {k: round(result["wall_seconds"] / v, 2) for k, v in floors.items()}})
    return results


def report_rows(work_dir, patients):
    return json.loads((work_dir / f"report_{patients}.json").read_text())["rows"].items()


def _run(project, servers, patients, seed, work_dir, profile_dir, jobs):
    """One run of the generator in a fresh database: its measurements, and the database."""
    embedded, server = servers["minimal"]
    dbname = f"bench_demo_{patients}"
    admin(server, f'DROP DATABASE IF EXISTS "{dbname}"')
    admin(server, f'CREATE DATABASE "{dbname}"')
    report_path = work_dir / f"report_{patients}.json"
    profile = profile_dir / f"generator-{patients}{f'-jobs{jobs}' if jobs else ''}.prof" if profile_dir else None
    if profile:
        profile_dir.mkdir(parents=True, exist_ok=True)
    cpu = server_cpu(embedded)

    def run():
        return run_generator(project, server, dbname, patients, seed, report_path, profile, jobs)
    (wall, client_cpu, peak_mib, tree_mib), log_text = logged(embedded, server, run) if profile else (run(), "")
    time.sleep(0.5)  # the run's backend is reaped into the postmaster's CPU time
    run_server_cpu = server_cpu(embedded) - cpu
    report = json.loads(report_path.read_text())
    timings = report["timings"]
    busy = sum(timings.values())
    result = {
        "project": str(project), "patients": patients, "jobs": jobs or "default", "wall_seconds": round(wall, 2),
        "rows": report["total_rows"], "tables": len(report["rows"]),
        "rows_per_second": round(report["total_rows"] / wall),
        "client_cpu_seconds": round(client_cpu, 2), "server_cpu_seconds": round(run_server_cpu, 2),
        "peak_rss_mib": round(peak_mib), "peak_memory_mib": round(tree_mib),
        "timings": {k: round(v, 2) for k, v in timings.items()},
        "generate_share": round(timings["generate"] / busy, 3), "load_share": round(timings["load"] / busy, 3),
        "validate_share": round(timings["validate"] / busy, 3),
        "database_gib": round(database_size(server, dbname) / 2**30, 2), "validation_ok": report["validation_ok"],
    }
    if profile:
        result["server_statement_seconds"], result["longest_statements"] = statement_classes(log_text)
        result["profile"] = str(profile)
        result["profile_top"] = profile_top(profile)
    return result, dbname


def print_result(r, header):
    columns = ("patients", "jobs", "wall s", "rows", "rows/s", "CPU client+server", "peak RSS (largest process)",
               "peak memory (all processes)", "database", "generate", "load", "validate",
               *(f"{name} s" for name in FLOORS), "run / best floor")
    if header:
        print(" | ".join(columns))
    print(" | ".join([f"{r['patients']:,}", f"{r['jobs']}", f"{r['wall_seconds']:.1f}", f"{r['rows']:,}",
                      f"{r['rows_per_second']:,}", f"{r['client_cpu_seconds']:.1f}+{r['server_cpu_seconds']:.1f} s",
                      f"{r['peak_rss_mib']:,} MiB", f"{r['peak_memory_mib']:,} MiB",
                      f"{r['database_gib']:.1f} GiB", f"{r['generate_share']:.0%}", f"{r['load_share']:.0%}",
                      f"{r['validate_share']:.0%}", *(f"{r['floor_seconds'][name]:.1f}" for name in FLOORS),
                      f"{r['ratio_to_best_floor']:.2f} ({r['best_floor']})"]) + f"   [{r['project']}]", flush=True)
    for key in ("server_statement_seconds", "longest_statements", "profile_top"):
        if key in r:
            print(f"  {key}:", *(r[key].items() if isinstance(r[key], dict) else r[key]), sep="\n    ", flush=True)


def machine():
    return {"cores": os.cpu_count(), "python": sys.version.split()[0],
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)}


def start_servers(root):
    """The embedded server as users get it, and one with PostgreSQL's default settings for the first floor."""
    servers = {}
    for name in ("minimal", "default"):
        embedded = EmbeddedServer(root / name, pgpass=root / f"{name}.pgpass")
        server = embedded.start()
        admin(server, "ALTER SYSTEM SET autovacuum = off")
        if name == "default":
            for setting, value in DEFAULT_SETTINGS.items():
                admin(server, f"ALTER SYSTEM SET {setting} = '{value}'")
            embedded.stop()
            server = embedded.start()
        admin(server, "SELECT pg_reload_conf()")
        servers[name] = (embedded, server)
    return servers


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,50000", help="comma-separated patient counts")
    parser.add_argument("--million", action="store_true", help="also run 1,000,000 patients")
    parser.add_argument("--seed", type=int, default=20230101)
    parser.add_argument("--projects", default=str(PROJECT),
                        help="comma-separated checkouts whose main.py runs, in turn at each size (default: this one)")
    parser.add_argument("--profile", metavar="DIR", help="profile the generator and time the server's statements")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("--jobs", help="comma-separated --jobs values the generator runs with, in turn at each size "
                        "(default: the generator's own default, the number of cores)")
    args = parser.parse_args()
    jobs_values = [int(j) for j in args.jobs.split(",")] if args.jobs else [None]
    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.million else [])
    projects = [Path(p).resolve() for p in args.projects.split(",")]
    profile_dir = Path(args.profile) if args.profile else None
    work_dir = Path(tempfile.mkdtemp(prefix="dental-bench-"))
    root = Path(tempfile.mkdtemp(prefix="dental-bench-pgdata-"))
    os.chmod(root, 0o755)
    servers = start_servers(root)
    print(f"machine: {machine()}; PostgreSQL: embedded; floors: {FLOOR_NOTES}", flush=True)
    results = []
    try:
        for patients in sizes:
            for project in projects:
                for result in measure(project, servers, patients, args.seed, work_dir,
                                      profile_dir / project.name if profile_dir else None, jobs_values):
                    results.append(result)
                    print_result(result, header=len(results) == 1)
        if args.json:
            Path(args.json).write_text(json.dumps({"machine": machine(), "floors": FLOOR_NOTES, "results": results},
                                                  indent=2))
    finally:
        for embedded, _ in servers.values():
            embedded.stop()
        shutil.rmtree(work_dir, ignore_errors=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
