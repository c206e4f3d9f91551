"""The practice fidelity report: metrics computed in SQL, noise-aware tolerances, JSON/HTML outputs, CI gate."""
import json
import math
from types import SimpleNamespace

import psycopg2

from checks import fidelity, fidelity_sets, metric
from conftest import db_args, fidelity_of, isolated, run_cli, run_generator

GATE_PATIENTS, GATE_SEED = 1500, 424242


def test_tolerance_forgives_noise_on_small_samples_but_not_drift_on_large_ones():
    share = fidelity.Metric("no-show rate", "", 0.05, 0.10, "industry")
    assert fidelity.evaluate(share, (0.14, 120), None).status == "pass"      # 3 standard errors of n = 120
    assert fidelity.evaluate(share, (0.14, 50_000), None).status == "FAIL"   # the same share on a large run
    assert fidelity.evaluate(share, (0.30, 10), None).status == "info"       # too few cases to judge
    configured = fidelity.Metric("completion", "", 0, 0, "config", config="completion_rate")
    config = SimpleNamespace(completion_rate=0.75)
    assert fidelity.evaluate(configured, (0.76, 20_000), config).status == "pass"
    assert fidelity.evaluate(configured, (0.60, 20_000), config).status == "FAIL"
    assert fidelity.evaluate(configured, (0.76, 20_000), None).status == "info"


def test_production_per_provider_day_is_judged_only_on_a_full_book():
    dentist = next(m for m in fidelity.METRICS if m.name == "production per dentist-day")
    assert fidelity.evaluate(dentist, (850.0, 200, 400.0), None).status == "info"      # a 100-patient practice
    assert fidelity.evaluate(dentist, (850.0, 2_000, 400.0), None).status == "FAIL"    # a real book, too little
    assert fidelity.evaluate(dentist, (3_300.0, 2_000, 900.0), None).status == "pass"


def test_fidelity_only_writes_json_and_a_self_contained_html(practice_db, tmp_path):
    server, name = practice_db
    code, out, err = run_cli(*isolated([*db_args(server, name), "--fidelity-only",
                                        "--fidelity-json", str(tmp_path / "f.json"),
                                        "--fidelity-html", str(tmp_path / "f.html")]))
    assert code in (0, 3) and "Traceback" not in err, err
    assert "gated metrics pass" in out
    report = json.loads((tmp_path / "f.json").read_text())
    assert len(report) == len(fidelity.METRICS)
    for entry in report:
        assert set(entry) >= {"name", "observed", "low", "high", "source", "status", "cases"}
        assert entry["status"] in ("pass", "FAIL", "info") and entry["source"]
    page = (tmp_path / "f.html").read_text()
    assert page.count("<svg") == 4 and "<table>" in page
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_every_metric_is_computed_on_a_generated_practice(practice_db):
    results = fidelity_of(practice_db)
    missing = [r.name for r in results if r.observed is None]
    assert not missing, missing


def test_tallies_computed_together_equal_each_metric_computed_alone(practice_db):
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn, conn.cursor() as cursor, fidelity_sets.built(cursor):
        together = metric.measure(cursor, fidelity.METRICS)
        alone = []
        for each in fidelity.METRICS:
            cursor.execute(each.sql)
            alone.append(cursor.fetchone())
    conn.close()
    assert sum(isinstance(m.sql, metric.Tally) for m in fidelity.METRICS) >= 40
    for m, pooled, single in zip(fidelity.METRICS, together, alone):
        assert len(pooled) == len(single), m.name
        for a, b in zip(pooled, single):
            assert a == b or math.isclose(float(a), float(b), rel_tol=1e-12), (m.name, pooled, single)


def test_ci_gate_every_gated_metric_passes_on_a_medium_practice(server, new_database, tmp_path):
    name = new_database()
    path = tmp_path / "fidelity.json"
    assert run_generator(server, name, "--fidelity-json", str(path), patients=GATE_PATIENTS, seed=GATE_SEED) == 0
    report = json.loads(path.read_text())
    failed = [f"{r['name']}: {r['observed']} not in {r['low']}-{r['high']}" for r in report if r["status"] == "FAIL"]
    assert not failed, failed
    assert sum(r["status"] == "pass" for r in report) >= 35
