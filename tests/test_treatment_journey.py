"""scripts/treatment_journey.py: the dataset it builds from a generated practice is well-formed (the model
itself needs scikit-learn, which is not a test requirement)."""
import os
import subprocess
import sys

import numpy as np
import psycopg2
import pytest

from conftest import PROJECT, script_module, one

SCRIPT = PROJECT / "scripts" / "treatment_journey.py"
YEAR = 2024


@pytest.fixture(scope="module")
def journey():
    return script_module(SCRIPT)


@pytest.fixture(scope="module")
def dataset(practice_db, journey):
    server, name = practice_db
    with psycopg2.connect(dbname=name, **server) as conn:
        data = journey.journey(conn, YEAR)
    conn.close()
    return data


def test_one_row_per_procedure_of_the_year_with_every_feature_and_target(practice_db, journey, dataset):
    assert set(dataset) == set(journey.FEATURES) | set(journey.TARGETS)
    expected = one(practice_db, f"""SELECT count(*) FROM raw.procedurelog WHERE "ProcStatus" IN (1, 2, 5, 6)
                                    AND extract(year FROM "ProcDate") = {YEAR}""")[0]
    assert expected > 100 and {len(values) for values in dataset.values()} == {expected}
    x, categorical = journey.feature_matrix(dataset)
    assert x.shape == (expected, len(journey.FEATURES)) and categorical.sum() == len(journey.CATEGORICAL)


def test_features_are_in_range(dataset):
    assert np.all((dataset["age"] >= 0) & (dataset["age"] < 120))
    assert set(np.unique(dataset["gender"])) <= {0, 1, 2}
    assert {0, 1} <= set(np.unique(dataset["insurance_status"])) <= {0, 1, 2}
    assert np.all(dataset["standard_fee"] >= 0) and np.nanmin(dataset["fee_ratio"]) > 0
    assert np.all(dataset["insurance_estimate"] >= 0) and dataset["multi_visit"].any()
    assert len(np.unique(dataset["category"])) > 5


def test_targets_are_binary_and_consistent(dataset):
    fully, quick, accurate = dataset["fully_paid"], dataset["paid_within_30_days"], dataset["estimate_accurate"]
    assert set(np.unique(fully)) == {0, 1} and set(np.unique(quick)) == {0, 1}
    assert np.all(quick <= fully)  # paid within 30 days means fully paid
    defined = ~np.isnan(accurate)
    assert set(np.unique(accurate[defined])) == {0, 1}
    assert np.all(dataset["insurance_estimate"][defined] > 0) and np.all(dataset["insurance_status"][defined] > 0)
    assert 0 < fully.mean() < 1 and 0 < quick.mean() < fully.mean()


def test_a_password_file_others_can_read_is_refused_before_connecting(tmp_path):
    secret = tmp_path / "password"
    secret.write_text("not-a-real-one\n")
    os.chmod(secret, 0o644)
    result = subprocess.run([sys.executable, str(SCRIPT), "--db-host", "localhost", "--password-file", str(secret)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and result.stderr.strip().startswith("error: ") and "chmod 600" in result.stderr
    assert "not-a-real-one" not in result.stdout + result.stderr and "Traceback" not in result.stderr
