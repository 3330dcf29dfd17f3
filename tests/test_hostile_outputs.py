"""Hostile names and values never act on what reads fgscan's outputs: no workflow command in a GitHub log,
no terminal escape, no Markdown link or image in the job summary, well-formed JUnit XML; wrong-type values
and malformed baselines and configuration files are one-line errors naming the file."""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import cmarkgfm
import jsonschema
import pytest
from cmarkgfm.cmark import Options

from tests.conftest import run_fgscan

STOP = "app\n::stop-commands::deadbeef"
FAKE = "::error file=fake.json,line=1::pwned"
MARKUP = "![x](http://evil.example/x.png) [link](http://evil.example) <img src=x> ops@evil.example www.evil.example"
TERMINAL = "\x1b[31mred\x1b]0;title\x07\x1b[0m \u202eevil\u202c ##[error]legacy :fire: [bold]b[/bold]"
CONTROL = "ctl\x01\x08\x0b\x0c\x1f\x7f\x85"  # a file name: rule messages drop these from values
BROKEN = "broken\n::error file=x.json::planted\x1b[2J.json"
PROPERTY_KEYS = {"file", "line", "endLine", "col", "endColumn", "title"}
PRIVILEGED = {"name": "a", "privileged": True}
COMMAND = re.compile(r"::(error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)")


def hostile_task_definition() -> dict:
    return {
        "family": STOP,
        "containerDefinitions": [
            {"name": FAKE, "image": "nginx:latest", "privileged": True},
            {"name": MARKUP, "image": "busybox", "privileged": True},
            {"name": TERMINAL, "image": "busybox", "user": "root"},
        ],
    }


@pytest.fixture(scope="module")
def hostile_scan(tmp_path_factory) -> dict:
    """One scan of a hostile task definition and a broken file with a hostile name, in every human format."""
    work = tmp_path_factory.mktemp("hostile")
    (work / "task.json").write_text(json.dumps(hostile_task_definition(), indent=2))
    (work / BROKEN).write_text('{"containerDefinitions": [')
    (work / f"{CONTROL}.json").write_text(
        '{"family": "web", "containerDefinitions": [{"name": "a", "privileged": true}]}'
    )
    reports = {"github": "gh.txt", "markdown": "summary.md", "junit": "junit.xml", "sarif": "report.sarif"}
    proc = run_fgscan("scan", ".", *(f"--report={fmt}={file}" for fmt, file in reports.items()), cwd=work)
    assert proc.returncode == 2, proc.stderr  # the broken file
    return {
        "proc": proc,
        **{fmt: (work / file).read_text(encoding="utf-8") for fmt, file in reports.items()},
    }


def assert_inert_lines(text: str) -> None:
    """No line a runner or a terminal would act on."""
    for line in text.splitlines():
        assert not line.lstrip(" ").startswith("::"), line
        assert "##[" not in line, line
        assert line.isprintable(), repr(line)


def test_text_report_and_error_lines_are_inert(hostile_scan):
    proc = hostile_scan["proc"]
    assert_inert_lines(proc.stdout)
    assert_inert_lines(proc.stderr)
    assert "Task definition 'app\\n::stop-commands::deadbeef': container '::error file=fake.json" in proc.stdout
    assert "\\x1b[31mred" in proc.stdout and "\\u202eevil" in proc.stdout
    assert ":fire: [bold]b[/bold]" in proc.stdout  # neither emoji codes nor console markup
    # the broken file's error is one line, its name written with visible escapes
    assert proc.stderr.splitlines() == [
        "broken\\n::error file=x.json::planted\\x1b[2J.json:1:27: error: invalid JSON: Expecting value"
    ]


def test_annotations_are_only_ours_and_point_at_the_real_files(hostile_scan):
    lines = hostile_scan["github"].splitlines()
    assert lines
    files = set()
    for line in lines:
        command = COMMAND.fullmatch(line)
        assert command, line
        props = dict(p.split("=", 1) for p in command["props"].split(","))
        assert set(props) <= PROPERTY_KEYS
        files.add(props.get("file"))  # the last notice, about annotations left out, names none
        assert "\x1b" not in line and line.isprintable()
    assert files == {
        None,
        "task.json",
        "broken\\n%3A%3Aerror file=x.json%3A%3Aplanted\\x1b[2J.json",
        "ctl\\x01\\x08\\x0b\\x0c\\x1f\\x7f\\x85.json",
    }


def test_job_summary_renders_no_link_image_or_html(hostile_scan):
    summary = hostile_scan["markdown"]
    assert not [c for c in summary if unicodedata.category(c) == "Cc" and c != "\n"]
    html = cmarkgfm.github_flavored_markdown_to_html(summary, options=Options.CMARK_OPT_UNSAFE)
    assert "<img" not in html and "<a " not in html and "<script" not in html
    assert "![x](http://evil.example/x.png)" in html  # shown as text
    assert "&lt;img src=x&gt;" in html


def test_junit_is_well_formed_xml_with_visible_escapes(hostile_scan):
    root = ET.fromstring(hostile_scan["junit"])
    cases = {case.get("name") for case in root.iter("testcase")}
    assert "privileged-container: app\\n::stop-commands::deadbeef (task.json)" in cases
    assert "privileged-container: web (ctl\\x01\\x08\\x0b\\x0c\\x1f\\x7f\\x85.json)" in cases
    failures = " ".join(f.text or "" for f in root.iter("failure"))
    assert "\x1b" not in failures and "\\x1b[31mred" in failures


def test_sarif_keeps_the_names_exactly(hostile_scan, sarif_schema):
    """SARIF is data for machines: JSON escapes the characters, and the names stay what the file says."""
    log = json.loads(hostile_scan["sarif"])
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    messages = " ".join(r["message"]["text"] for r in log["runs"][0]["results"])
    assert STOP in messages and TERMINAL in messages


def test_a_non_string_arn_is_no_arn(tmp_path, sarif_schema):
    task = {"family": "web", "taskDefinitionArn": 123, "containerDefinitions": [{"name": "a", "privileged": True}]}
    (tmp_path / "task.json").write_text(json.dumps(task))
    text = run_fgscan("scan", "task.json", cwd=tmp_path)
    assert text.returncode == 1 and "Traceback" not in text.stderr
    assert "FG-CTR-001 privileged-container" in text.stdout
    sarif = run_fgscan("scan", "task.json", "--format", "sarif", cwd=tmp_path)
    log = json.loads(sarif.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert all("arn" not in r["properties"] for r in log["runs"][0]["results"])


HEADER = '{"format": "fgscan-baseline", "version": 1, "findings": '


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEADER + "[" * 100_000 + "]" * 100_000 + "}", "not a baseline written by"),
        (HEADER + '[], "big": ' + "9" * 5000 + "}", "4300 digits"),
        (HEADER + "[1, 2]}", "malformed baseline entry findings[0]: not an object"),
        (HEADER + '[{"fingerprint": 7}]}', "malformed baseline entry findings[0]: missing"),
        ('{"format": ', "base.json:1:12: not valid JSON"),
    ],
    ids=["deep", "huge-integer", "integer-entries", "wrong-type-field", "truncated"],
)
def test_a_malformed_baseline_is_one_line_naming_the_file(tmp_path, content, message):
    (tmp_path / "task.json").write_text('{"family": "web", "containerDefinitions": [{"name": "a"}]}')
    (tmp_path / "base.json").write_text(content)
    proc = run_fgscan("scan", "task.json", "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith("fgscan: error: base.json") and message in line, line


def test_baseline_positions_that_are_no_line_numbers_are_ignored(tmp_path):
    entry = {
        "fingerprint": "0" * 32,
        "rule_id": "FG-CTR-001",
        "rule": "privileged-container",
        "severity": "critical",
        "kind": "ecs_task_definition",
        "resource": "gone",
        "file": "task.json",
        "message": "was privileged",
        "region": [1e300, 10**4000, -1, True],
    }
    (tmp_path / "task.json").write_text('{"family": "web", "containerDefinitions": [{"name": "a"}]}')
    (tmp_path / "base.json").write_text(HEADER + json.dumps([entry]) + "}")
    proc = run_fgscan("scan", "task.json", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    [fixed] = json.loads(proc.stdout)["baseline"]["fixed"]
    assert fixed["resource"] == "gone" and fixed["line"] is None


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "params:\n  x: " + "[" * 600 + "]" * 600 + "\n",
            ".fgscan.yaml:2:105: error: YAML nested more than 100 levels",
        ),
        (
            "fail_on: " + "9" * 5000 + "\n",
            ".fgscan.yaml:1:10: error: invalid YAML: a number has more than 4,300 digits",
        ),
        (
            'rules: {}\nparams:\n  secret_name_regex: "([a-z"\n',
            ".fgscan.yaml:3: error: params.secret_name_regex: invalid",
        ),
        (
            'params:\n  secret_patterns:\n    - {name: ahead, regex: "x(?=y)"}\n',
            ".fgscan.yaml:3: error: params.secret_patterns[0].regex: invalid regular expression",
        ),
    ],
    ids=["nested-600", "integer-5000-digits", "unbalanced-regex", "perl-only-regex"],
)
def test_a_bad_configuration_is_one_line_naming_the_file(tmp_path, content, expected):
    (tmp_path / "task.json").write_text('{"family": "web", "containerDefinitions": [{"name": "a"}]}')
    (tmp_path / ".fgscan.yaml").write_text(content)
    proc = run_fgscan("scan", "task.json", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith(expected), line


def test_the_bundled_secret_patterns_pass_the_configuration_check():
    """What the configuration check enforces holds for the defaults too."""
    from scanner.config import _regex_problem

    data = json.loads((Path(__file__).resolve().parent.parent / "rules" / "data.json").read_text())
    params = data["fgscan"]["params"]
    for pattern in [params["secret_name_regex"], *(p["regex"] for p in params["secret_patterns"])]:
        assert _regex_problem(pattern) is None, pattern
