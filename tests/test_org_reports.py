"""The ASFF, OCSF and HTML reports, from real scans: shapes, stable ids, per-control counts, and the HTML
page opened in headless Chromium (tables rendered, filters working, no script error, input escaped)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_fgscan

HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture(scope="module")
def scanned(tmp_path_factory) -> Path:
    """The examples plus a task definition whose container name is markup."""
    work = tmp_path_factory.mktemp("reports")
    shutil.copytree(EXAMPLES, work / "examples", ignore=shutil.ignore_patterns("custom-rules", "org-audit"))
    body = json.loads((EXAMPLES / "risky-task-definition.json").read_text())
    body["taskDefinition"]["containerDefinitions"][0]["name"] = HOSTILE
    body["taskDefinition"]["family"] = "hostile"
    (work / "examples" / "hostile.json").write_text(json.dumps(body, indent=2))
    for fmt in ("json", "asff", "ocsf", "html"):
        proc = run_fgscan("scan", "examples", "-f", fmt, "-o", f"report.{fmt}", cwd=work)
        assert proc.returncode == 1, proc.stderr
    return work


def test_asff_has_product_generator_compliance_resources_and_stable_ids(scanned):
    findings = json.loads((scanned / "report.json").read_text())["findings"]
    asff = json.loads((scanned / "report.asff").read_text())
    assert len(asff) == len(findings)
    by_id = {item["Id"]: item for item in asff}
    assert len(by_id) == len(asff)
    group = next(i for i in asff if i["Resources"][0]["Type"] == "AwsEc2SecurityGroup")
    account, region = group["AwsAccountId"], group["Region"]
    assert group["ProductArn"] == f"arn:aws:securityhub:{region}:{account}:product/{account}/default"
    assert group["Resources"][0]["Id"].startswith(f"arn:aws:ec2:{region}:{account}:security-group/")
    assert group["Compliance"]["Status"] == "FAILED"
    assert any(r.startswith("AWS-FSBP EC2.") for r in group["Compliance"]["RelatedRequirements"])
    assert group["Remediation"]["Recommendation"]["Url"].startswith("https://")
    for item, finding in zip(asff, findings, strict=True):
        assert item["GeneratorId"] == f"fgscan/{finding['rule_id']}"
        assert item["Id"].endswith(f"/{finding['rule_id']}/{finding['fingerprint']}")
        assert item["Severity"]["Label"] == finding["severity"].upper()
        assert len(item["Title"]) <= 256 and len(item["Description"]) <= 1024
    again = run_fgscan("scan", "examples", "-f", "asff", cwd=scanned)
    assert [i["Id"] for i in json.loads(again.stdout)] == [i["Id"] for i in asff]
    assert "AKIAIOSFODNN7EXAMPLE" not in (scanned / "report.asff").read_text()


def test_ocsf_events_are_valid_compliance_findings(scanned):
    from py_ocsf_models.events.findings.compliance_finding import ComplianceFinding

    lines = (scanned / "report.ocsf").read_text().splitlines()
    findings = json.loads((scanned / "report.json").read_text())["findings"]
    assert len(lines) == len(findings)
    for line, finding in zip(lines, findings, strict=True):
        event = json.loads(line)
        ComplianceFinding.model_validate(event)  # the OCSF required attributes and their types
        assert (event["class_uid"], event["type_uid"], event["category_uid"]) == (2003, 200301, 2)
        assert event["metadata"]["version"].startswith("1.")
        assert event["finding_info"]["uid"] == finding["fingerprint"]
        assert event["compliance"]["status_id"] == 3
        assert event["resources"][0]["name"] == finding["resource"]
    assert "wJalrXUtnFEMI" not in "".join(lines)


def test_per_control_counts_come_from_the_resources_each_rule_evaluated(scanned):
    from scanner.pipeline import ScanOptions, scan

    result = scan([scanned / "examples"], ScanOptions())
    tasks = sum(1 for f in (scanned / "examples").rglob("*.json") if "containerDefinitions" in f.read_text())
    privileged = next(r for r in result.rules if r.name == "privileged-container")
    assert result.evaluated[privileged.id] >= tasks
    from reports.controls import by_control, by_rule

    tally = by_rule(result)[privileged.id]
    assert len(tally.failed) == len({f.resource for f in result.findings if f.rule_id == privileged.id})
    assert tally.passed == tally.evaluated - len(tally.failed)
    fsbp = by_control(result)["aws-fsbp"]
    assert list(fsbp) == sorted(
        fsbp, key=lambda c: [int(p) if p.isdigit() else p for p in c.replace(".", " . ").split()]
    )


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (binary and driver_path):
        # .ci/run installs them, and CI must run this test; a developer's machine may not have them
        assert not os.environ.get("CI"), "headless Chromium is needed: apt-get install -y chromium chromium-driver"
        pytest.skip("headless Chromium is not installed (apt-get install -y chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    yield driver
    driver.quit()


def test_html_report_renders_filters_and_escapes_in_chromium(scanned, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    findings = json.loads((scanned / "report.json").read_text())["findings"]
    page = (scanned / "report.html").read_text()
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    browser.get((scanned / "report.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
    assert len(rows) == len(findings)
    severity = {r.find_element(By.CSS_SELECTOR, "td").text: 0 for r in rows}
    assert set(severity) <= {"critical", "high", "medium", "low"}
    counts = browser.find_elements(By.CSS_SELECTOR, "#by-severity tbody tr")
    assert [c.text.split()[0] for c in counts] == ["critical", "high", "medium", "low", "suppressed"]
    fsbp = browser.find_elements(By.CSS_SELECTOR, "#framework-aws-fsbp tbody tr")
    assert fsbp and all(len(r.find_elements(By.TAG_NAME, "td")) == 6 for r in fsbp)
    assert browser.find_elements(By.CSS_SELECTOR, "#framework-nist-800-53 tbody tr")
    assert browser.find_elements(By.CSS_SELECTOR, "#by-place tbody tr")

    critical = sum(f["severity"] == "critical" for f in findings)
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=severity]")).select_by_value("critical")
    visible = [r for r in rows if r.is_displayed()]
    assert len(visible) == critical > 0
    assert browser.find_element(By.ID, "shown").text == str(critical)
    assert all(r.find_element(By.CSS_SELECTOR, "td").text == "critical" for r in visible)
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=severity]")).select_by_value("")
    browser.find_element(By.ID, "search").send_keys("hostile")
    hostile = [r for r in rows if r.is_displayed()]
    assert hostile and all("hostile" in r.text for r in hostile)
    assert any(HOSTILE in r.text for r in hostile)  # shown as text, not markup

    assert browser.execute_script("return window.pwned === undefined && document.images.length === 0")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
