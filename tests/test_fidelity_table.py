"""The printed fidelity table shows the range each value was judged with: a value marked pass lies inside it."""
from checks import fidelity
from conftest import fidelity_of


def printed_number(text):
    value = float(text.replace("$", "").replace(",", "").rstrip("%"))
    return value / 100 if text.endswith("%") else value


def table_rows(results):
    """(observed, low, high, status) as printed, per result."""
    lines = fidelity.as_table(results).splitlines()[1:-1]
    width = max(len(r.name) for r in results)
    rows = []
    for result, line in zip(results, lines, strict=True):
        assert line.startswith(result.name)
        observed, low, _, high, status = line[width:].split()[:5]
        rows.append((observed, low, high, status))
    return rows


def test_a_passing_value_is_inside_its_printed_range_for_every_metric(practice_db):
    results = fidelity_of(practice_db)
    assert len(results) == len(fidelity.METRICS)
    widened = 0
    for result, (observed, low, high, status) in zip(results, table_rows(results)):
        assert status == result.status
        if status != "info":
            judged_low, judged_high = fidelity.judged_range(result)
            assert (judged_low <= result.observed <= judged_high) == (status == "pass"), result
            assert (printed_number(low) <= printed_number(observed) <= printed_number(high)) == (status == "pass"), \
                (result.name, observed, low, high)
            widened += result.slack > 0
    assert widened >= len(results) // 2  # the tolerance shows: most gated ranges are wider than their targets


def test_the_printed_range_is_the_target_widened_by_the_tolerance():
    share = fidelity.Metric("no-show rate", "", 0.05, 0.10, "industry")
    result = fidelity.evaluate(share, (0.14, 500), None)
    assert result.status == "pass" and 0.04 < result.slack < 0.05
    row = fidelity.as_table([result]).splitlines()[1]
    assert "14.0%" in row and f"{0.05 - result.slack:.1%} to {0.10 + result.slack:.1%}" in row
    tiny = fidelity.evaluate(fidelity.Metric("rare", "", 0.005, 0.05, "x"), (0.01, 40), None)
    assert fidelity.judged_range(tiny)[0] == 0.0  # a share's range never reaches below 0
