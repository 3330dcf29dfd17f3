"""One self-contained HTML report for scheduled audits and auditors: no network, no external file.

Summary by severity and by account and region, a table per framework (each control: resources evaluated,
passed, failed), what the audit could not read, and the findings with client-side filters. Every value
from the input is escaped here, in Python; the page's script only shows and hides rows, reading
`data-*` attributes, and never builds markup from data.
"""

from __future__ import annotations

from collections import Counter
from html import escape as _escape
from typing import TextIO

import scanner
from reports.controls import FRAMEWORK_NAMES, Tally, by_control
from scanner.coverage import account_region
from scanner.model import Finding, ScanResult, Severity, by_severity

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#1b1f24}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccd;padding:.25em .6em;text-align:left}
th{background:#eef}td.n{text-align:right}.critical{color:#a00;font-weight:bold}.high{color:#c50}
.medium{color:#a80}.low{color:#26a}.fail{color:#a00}.pass{color:#070}#filters label{margin-right:1em}
tr.hidden{display:none}
"""
# Filters: each select names a `data-*` attribute of the finding rows; the search box matches row text.
SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var selects = Array.prototype.slice.call(document.querySelectorAll('#filters select'));
  var search = document.getElementById('search');
  var shown = document.getElementById('shown');
  function apply() {
    var text = search.value.toLowerCase();
    var count = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (s) { return !s.value || row.dataset[s.name] === s.value; });
      keep = keep && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.classList.toggle('hidden', !keep);
      if (keep) { count += 1; }
    });
    shown.textContent = String(count);
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
"""


def escape(text: str) -> str:
    """Text safe in element content and in double-quoted attributes (quotes kept readable: `'` stays)."""
    return _escape(text, quote=False).replace('"', "&quot;")


FILTERS = (("severity", "Severity"), ("account", "Account"), ("region", "Region"), ("rule", "Rule"))


def render(result: ScanResult) -> str:
    """The whole page."""
    findings = by_severity(result.findings)
    where = {id(f): account_region(f.arn, f.file) for f in findings}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        # No network: nothing but inline style and script may load, and no form may submit anywhere.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; form-action 'none'; base-uri 'none'\">",
        f"<title>fgscan report: {len(findings)} findings</title><style>{STYLE}</style></head><body>",
        f"<h1>fgscan report</h1><p>fgscan {escape(scanner.__version__)}: {result.resources_scanned} resources "
        f"in {result.files_scanned} files checked by {len(result.rules)} rules; {len(findings)} findings, "
        f"{len(result.suppressed)} suppressed.</p>",
        _summary(findings, result),
        _places(findings, where),
        _coverage(result),
        _frameworks(result),
        _findings(findings, where),
        f"<script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _table(table_id: str, header: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _summary(findings: list[Finding], result: ScanResult) -> str:
    counts = Counter(f.severity for f in findings)
    rows = [f'<tr><td class="{s.value}">{s.value}</td><td class="n">{counts[s]}</td></tr>' for s in Severity]
    rows.append(f'<tr><td>suppressed</td><td class="n">{len(result.suppressed)}</td></tr>')
    return "<h2>By severity</h2>" + _table("by-severity", ["Severity", "Findings"], rows)


def _places(findings: list[Finding], where: dict[int, tuple[str | None, str | None]]) -> str:
    table: dict[tuple[str, str], Counter] = {}
    for f in findings:
        account, region = where[id(f)]
        table.setdefault((account or "-", region or "-"), Counter())[f.severity] += 1
    rows = [
        f"<tr><td>{escape(account)}</td><td>{escape(region)}</td>"
        + "".join(f'<td class="n">{counts[s]}</td>' for s in Severity)
        + f'<td class="n">{sum(counts.values())}</td></tr>'
        for (account, region), counts in sorted(table.items())
    ]
    header = ["Account", "Region", *(s.value for s in Severity), "Total"]
    return "<h2>By account and region</h2>" + _table("by-place", header, rows)


def _coverage(result: ScanResult) -> str:
    if result.coverage is None or result.coverage.complete:
        return ""
    rows = [
        f"<tr><td>{escape(g.account)}</td><td>{escape(g.region)}</td><td>{escape(g.api)}</td>"
        f"<td>{escape(g.target)}</td><td>{escape(g.error)}</td><td>{escape(g.message)}</td></tr>"
        for g in result.coverage.gaps
    ]
    header = ["Account", "Region", "API", "Target", "Error", "Message"]
    return "<h2>Not covered</h2><p>These could not be read; their resources were not evaluated.</p>" + _table(
        "not-covered", header, rows
    )


def _frameworks(result: ScanResult) -> str:
    out = []
    for framework, controls in by_control(result).items():
        rows = [_control_row(control, tally) for control, tally in controls.items()]
        title = FRAMEWORK_NAMES.get(framework, framework)
        out.append(f"<h3>{escape(title)}</h3>")
        header = ["Control", "Rules", "Resources evaluated", "Passed", "Failed", "Status"]
        out.append(_table(f"framework-{escape(framework)}", header, rows))
    return "<h2>Frameworks</h2>" + "".join(out) if out else ""


def _control_row(control: str, tally: Tally) -> str:
    status = "fail" if tally.failed else ("pass" if tally.evaluated else "not evaluated")
    return (
        f"<tr><td>{escape(control)}</td><td>{escape(', '.join(tally.rules))}</td>"
        f'<td class="n">{tally.evaluated}</td><td class="n">{tally.passed}</td>'
        f'<td class="n">{len(tally.failed)}</td><td class="{status.split()[0]}">{status}</td></tr>'
    )


def _findings(findings: list[Finding], where: dict[int, tuple[str | None, str | None]]) -> str:
    values: dict[str, set[str]] = {name: set() for name, _ in FILTERS}
    rows = []
    for f in findings:
        account, region = where[id(f)]
        attrs = {"severity": f.severity.value, "account": account or "-", "region": region or "-", "rule": f.rule_name}
        for name, value in attrs.items():
            values[name].add(value)
        data = " ".join(f'data-{name}="{escape(value)}"' for name, value in attrs.items())
        line = f":{f.span.start_line}" if f.span else ""
        rows.append(
            f'<tr {data}><td class="{f.severity.value}">{f.severity.value}</td><td>{escape(f.rule_id)}</td>'
            f"<td>{escape(f.rule_name)}</td><td>{escape(f.arn or f.resource)}</td><td>{escape(account or '-')}</td>"
            f"<td>{escape(region or '-')}</td><td>{escape(f.message)}</td><td>{escape(f.file + line)}</td></tr>"
        )
    selects = "".join(
        f'<label>{label} <select name="{name}"><option value="">all</option>'
        + "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in sorted(values[name]))
        + "</select></label>"
        for name, label in FILTERS
    )
    header = ["Severity", "Rule id", "Rule", "Resource", "Account", "Region", "Message", "Location"]
    return (
        f'<h2>Findings (<span id="shown">{len(rows)}</span> of {len(rows)} shown)</h2>'
        f'<div id="filters">{selects}<label>Search <input id="search" type="search"></label></div>'
        + _table("findings", header, rows)
    )


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the page."""
    stream.write(render(result))
