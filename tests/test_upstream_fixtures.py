"""Other scanners' ECS fixtures (KICS, Checkov, trivy-checks; see tests/fixtures/upstream/SOURCES.md): where
their check means what one of our rules means, our rule alarms on their positives (on the same resources)
and stays quiet on their negatives."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run_fgscan

UPSTREAM = ROOT / "tests" / "fixtures" / "upstream"
# file -> {rule: resources it must report (empty: none)}
EXPECTED = {
    "kics/ecs_task_definition_healthcheck_missing-positive1.yaml": {"health-check-missing": {"taskdefinition"}},
    "kics/ecs_task_definition_healthcheck_missing-negative1.yaml": {"health-check-missing": set()},
    "kics/ecs_cluster_container_insights_disabled-positive1.yaml": {"container-insights-disabled": {"ECSCluster"}},
    "kics/ecs_cluster_container_insights_disabled-negative1.yaml": {"container-insights-disabled": set()},
    "checkov/ECSTaskDefinitionEFSVolumeEncryption-FAILED.yaml": {
        "efs-transit-encryption-disabled": {"Resource0", "Resource1"}
    },
    "checkov/ECSTaskDefinitionEFSVolumeEncryption-PASSED.yaml": {"efs-transit-encryption-disabled": set()},
    "trivy-checks/enable_container_insight-bad.yaml": {"container-insights-disabled": {"BadExample"}},
    "trivy-checks/enable_container_insight-good.yaml": {"container-insights-disabled": set()},
    "trivy-checks/no_plaintext_secrets-bad.yaml": {
        "secrets-in-environment": {"BadTask"},
        "efs-transit-encryption-disabled": {"BadTask"},
    },
    "trivy-checks/no_plaintext_secrets-good.yaml": {
        "secrets-in-environment": set(),
        "efs-transit-encryption-disabled": set(),
    },
}


def test_every_fixture_is_listed_with_its_source():
    sources = (UPSTREAM / "SOURCES.md").read_text()
    files = {str(p.relative_to(UPSTREAM)) for p in UPSTREAM.rglob("*.yaml")}
    assert files == set(EXPECTED)
    assert all(f"`{name}`" in sources for name in files)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_our_rule_agrees_with_the_upstream_check(name):
    expected = EXPECTED[name]
    selection = [arg for rule in expected for arg in ("--rule", rule)]
    proc = run_fgscan("scan", str(UPSTREAM / name), "--format", "json", "--fail-on", "none", *selection)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    found = {rule: {f["resource"] for f in report["findings"] if f["rule"] == rule} for rule in expected}
    assert found == expected
