"""JUnit XML for CI test reports: one test case per rule and resource.

A rule with findings gives a failing case per resource (every finding on it listed with its
location); a suppressed finding or one accepted by a baseline gives a skipped case with the reason;
a rule with no findings gives one passing case; an input error gives an erroring case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from scanner.escape import plain
from scanner.model import Finding, ScanResult, by_severity


def _where(finding: Finding) -> str:
    span = finding.span
    return f"{plain(finding.file)}:{span.start_line}:{span.start_col}" if span else plain(finding.file)


def _case(suite: ET.Element, classname: str, name: str, file: str | None = None) -> ET.Element:
    case = ET.SubElement(suite, "testcase", classname=plain(classname), name=name, time="0")
    if file:
        case.set("file", plain(file))
    return case


def build(result: ScanResult) -> ET.Element:
    """The `<testsuites>` element."""
    groups: dict[tuple[str, str, str], list[Finding]] = defaultdict(list)
    accepted = result.suppressed + (result.baseline.unchanged if result.baseline else [])
    for finding in by_severity([*result.findings, *accepted]):
        groups[(finding.rule_id, finding.file, finding.resource)].append(finding)
    open_ids = {id(f) for f in result.findings}
    suite = ET.Element("testsuite", name="fgscan")
    for rule in result.rules:
        keys = sorted(k for k in groups if k[0] == rule.id)
        if not keys:
            _case(suite, f"fgscan.{rule.id}", f"{plain(rule.name)}: no findings")
        for _, file, resource in keys:
            found = groups[(rule.id, file, resource)]
            case = _case(suite, f"fgscan.{rule.id}", plain(f"{rule.name}: {resource} ({file})"), file)
            open_ = [f for f in found if id(f) in open_ids]
            if open_:
                failure = ET.SubElement(case, "failure", message=plain(open_[0].message), type=open_[0].severity.value)
                failure.text = "\n".join(f"{_where(f)}: {f.severity.value}: {plain(f.message)}" for f in open_)
            else:
                reasons = sorted(
                    {
                        f"suppressed: {f.suppression.reason}" if f.suppression else "accepted in the baseline"
                        for f in found
                    }
                )
                ET.SubElement(case, "skipped", message=plain("; ".join(reasons)))
    for error in result.errors:
        case = _case(suite, "fgscan.input", plain(error.file), error.file)
        ET.SubElement(case, "error", message=plain(error.message), type="input-error").text = plain(error)
    cases = suite.findall("testcase")
    counts = {
        "tests": len(cases),
        "failures": sum(c.find("failure") is not None for c in cases),
        "errors": sum(c.find("error") is not None for c in cases),
        "skipped": sum(c.find("skipped") is not None for c in cases),
    }
    root = ET.Element("testsuites", {"name": "fgscan", **{k: str(v) for k, v in counts.items() if k != "skipped"}})
    for key, value in counts.items():
        suite.set(key, str(value))
    suite.set("time", "0")
    root.append(suite)
    return root


def write(result: ScanResult, stream: TextIO) -> None:
    """Write the JUnit XML report."""
    tree = ET.ElementTree(build(result))
    ET.indent(tree)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(tree.getroot(), encoding="unicode"))  # type: ignore[arg-type]  # never None here
    stream.write("\n")
