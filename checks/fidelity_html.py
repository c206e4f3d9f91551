"""The fidelity report as one self-contained HTML file: the metrics table and inline SVG charts (monthly
production and collections, AR aging, appointment status mix, hygiene recall intervals). No internet needed."""
import html

import psycopg2

from opendental.codes import AptStatus

from .ar_validation import COMPLETE, PAID
from .fidelity import RECALL_GAPS, TODAY, format_value
from .metric import WINDOW_START

MONTHLY = f"""
    WITH months AS (SELECT generate_series(date_trunc('month', min("ProcDate")), date_trunc('month', {TODAY}),
                                           interval '1 month')::date AS month
                    FROM raw.procedurelog WHERE "ProcStatus" = {COMPLETE} AND "ProcDate" >= {WINDOW_START}),
    production AS (SELECT date_trunc('month', "ProcDate")::date AS month, sum("ProcFee") AS amount FROM raw.procedurelog
                   WHERE "ProcStatus" = {COMPLETE} GROUP BY 1),
    collections AS (SELECT month, sum(amount) AS amount FROM (
        SELECT date_trunc('month', "PayDate")::date AS month, "PayAmt" AS amount FROM raw.payment
        UNION ALL SELECT date_trunc('month', "DateCP")::date, "InsPayAmt" FROM raw.claimproc WHERE "Status" IN {PAID}) c
        GROUP BY 1)
    SELECT m.month, coalesce(p.amount, 0), coalesce(c.amount, 0) FROM months m
    LEFT JOIN production p USING (month) LEFT JOIN collections c USING (month) ORDER BY 1"""
AGING = """SELECT sum("Bal_0_30"), sum("Bal_31_60"), sum("Bal_61_90"), sum("BalOver90") FROM raw.patient
           WHERE "Guarantor" = "PatNum" """
STATUS_NAMES = {AptStatus.SCHEDULED: "scheduled", AptStatus.COMPLETE: "complete",
                AptStatus.UNSCHEDULED_LIST: "unscheduled list", AptStatus.BROKEN: "broken",
                AptStatus.PLANNED: "planned"}
STATUSES = 'SELECT "AptStatus", count(*) FROM raw.appointment GROUP BY 1 ORDER BY 1'
RECALL_HISTOGRAM = f"""SELECT least(gap / 60, 8) * 60 AS bin, count(*) FROM ({RECALL_GAPS}) g
                       WHERE gap IS NOT NULL GROUP BY 1 ORDER BY 1"""
COLORS = ("#2b6cb0", "#c05621", "#2f855a", "#b7791f", "#9b2c2c")
W, H, PAD = 640, 240, 48


def _scale(values, size):
    top = max(values) if values and max(values) > 0 else 1
    return [size * v / top for v in values], top


def line_chart(title, labels, series):
    """series: [(name, values)]; one polyline each."""
    width, height = W - 2 * PAD, H - 2 * PAD
    top = max((max(v) for _, v in series if v), default=1) or 1
    parts = [f'<text x="{PAD}" y="20" class="t">{html.escape(title)}</text>',
             f'<text x="4" y="{PAD}" class="a">${top:,.0f}</text>', f'<text x="4" y="{H - PAD}" class="a">$0</text>']
    step = width / max(len(labels) - 1, 1)
    for i, (name, values) in enumerate(series):
        points = " ".join(f"{PAD + j * step:.1f},{H - PAD - height * v / top:.1f}" for j, v in enumerate(values))
        parts.append(f'<polyline fill="none" stroke="{COLORS[i]}" stroke-width="2" points="{points}"/>')
        parts.append(f'<text x="{W - 170}" y="{20 + 16 * i}" fill="{COLORS[i]}" class="a">{html.escape(name)}</text>')
    for j in range(0, len(labels), max(1, len(labels) // 8)):
        parts.append(f'<text x="{PAD + j * step:.1f}" y="{H - 20}" class="a">{labels[j]}</text>')
    return _svg(parts)


def bar_chart(title, labels, values, money=False):
    heights, top = _scale(values, H - 2 * PAD)
    width = (W - 2 * PAD) / max(len(values), 1)
    parts = [f'<text x="{PAD}" y="20" class="t">{html.escape(title)}</text>']
    for i, (label, value, h) in enumerate(zip(labels, values, heights)):
        x = PAD + i * width
        shown = f"${value:,.0f}" if money else f"{value:,.0f}"
        parts += [f'<rect x="{x + 4:.1f}" y="{H - PAD - h:.1f}" width="{width - 8:.1f}" height="{h:.1f}" fill="{COLORS[0]}"/>',
                  f'<text x="{x + 4:.1f}" y="{H - PAD - h - 4:.1f}" class="a">{shown}</text>',
                  f'<text x="{x + 4:.1f}" y="{H - 24}" class="a">{html.escape(str(label))}</text>']
    return _svg(parts)


def _svg(parts):
    return f'<svg viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img">{"".join(parts)}</svg>'


def _table(results):
    rows = "".join(
        f"<tr class='{r.status.lower()}'><td>{html.escape(r.name)}</td>"
        f"<td>{'' if r.observed is None else format_value(r.observed, r)}</td>"
        f"<td>{format_value(r.low, r)} - {format_value(r.high, r)}</td><td>{r.status}</td><td>{r.cases:,}</td>"
        f"<td>{html.escape(r.source)}</td></tr>"
        for r in results)
    return ("<table><tr><th>metric</th><th>observed</th><th>target</th><th>status</th><th>cases</th>"
            f"<th>source</th></tr>{rows}</table>")


def write(path, settings, results):
    connection = psycopg2.connect(connect_timeout=10, **settings)
    try:
        with connection.cursor() as cursor:
            cursor.execute(MONTHLY)
            monthly = cursor.fetchall()
            cursor.execute(AGING)
            aging = [float(v or 0) for v in cursor.fetchone()]
            cursor.execute(STATUSES)
            statuses = cursor.fetchall()
            cursor.execute(RECALL_HISTOGRAM)
            recall = cursor.fetchall()
    finally:
        connection.close()
    charts = [
        line_chart("Monthly production and collections", [m.strftime("%Y-%m") for m, _, _ in monthly],
                   [("production", [float(p) for _, p, _ in monthly]), ("collections", [float(c) for _, _, c in monthly])]),
        bar_chart("Accounts receivable by age", ["0-30", "31-60", "61-90", "over 90"], aging, money=True),
        bar_chart("Appointments by status", [STATUS_NAMES.get(s, s) for s, _ in statuses], [n for _, n in statuses]),
        bar_chart("Days between hygiene visits", [f"{b}+" if b == 480 else f"{b}-{b + 59}" for b, _ in recall],
                  [n for _, n in recall]),
    ]
    failed = sum(r.status == "FAIL" for r in results)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Practice fidelity report</title>
<style>body{{font-family:system-ui,sans-serif;margin:24px;color:#1a202c}} svg{{border:1px solid #e2e8f0;margin:8px 8px 8px 0}}
.t{{font-size:14px;font-weight:600}} .a{{font-size:11px;fill:#4a5568}} table{{border-collapse:collapse;font-size:13px}}
td,th{{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:left}} tr.fail td{{background:#fed7d7}}
tr.info td{{color:#718096}}</style></head><body>
<h1>Practice fidelity report</h1><p>{len(results) - failed} of {len(results)} metrics pass or are informational;
{failed} gated metric(s) fail.</p>{''.join(charts)}{_table(results)}</body></html>"""
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)
