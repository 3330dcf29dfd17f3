"""Parsing JSON and YAML into located data, and refusing bad input clearly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scanner.model import InputProblem, Span
from scanner.sources.documents import Document, guess_format, parse, read_text


def load(tmp_path: Path, name: str, text: str | bytes) -> Document:
    file = tmp_path / name
    if isinstance(text, bytes):
        file.write_bytes(text)
    else:
        file.write_text(text)
    content = read_text(file, name)
    return parse(content, name, guess_format(file, content))


def problem(tmp_path: Path, name: str, text: str | bytes, **kwargs) -> str:
    with pytest.raises(InputProblem) as caught:
        file = tmp_path / name
        file.write_bytes(text if isinstance(text, bytes) else text.encode())
        content = read_text(file, name, **kwargs)
        parse(content, name, guess_format(file, content))
    return str(caught.value)


def test_json_spans_cover_the_key_and_its_value(tmp_path):
    doc = load(
        tmp_path, "td.json", '{\n  "containerDefinitions": [\n    {"name": "a",\n     "privileged": true}\n  ]\n}\n'
    )
    span, exact = doc.span(("containerDefinitions", 0, "privileged"))
    assert exact
    assert span == Span(4, 6, 4, 24)


def test_missing_path_falls_back_to_the_nearest_located_parent(tmp_path):
    doc = load(tmp_path, "td.json", '{"containerDefinitions": [{"name": "a"}]}')
    span, exact = doc.span(("containerDefinitions", 0, "user"))
    assert not exact
    assert span.start_line == 1 and span.start_col == 27


def test_json_keeps_unicode_escapes_and_numbers_exact(tmp_path):
    doc = load(tmp_path, "x.json", '{"a": "\\u00e9\\ud83d\\ude00", "n": 1e3, "v": "2012-10-17"}')
    assert doc.data == {"a": "é😀", "n": 1000.0, "v": "2012-10-17"}


def test_yaml_1_1_traps_keep_their_meaning(tmp_path):
    doc = load(
        tmp_path,
        "t.yaml",
        "Version: 2012-10-17\nAnswer: yes\nSwitch: on\nCount: 010\nPort: 0x1F\nFlag: true\nEmpty:\nZip: 01234\n",
    )
    assert doc.data == {
        "Version": "2012-10-17",
        "Answer": "yes",
        "Switch": "on",
        "Count": 10,
        "Port": 31,
        "Flag": True,
        "Empty": None,
        "Zip": 1234,
    }


def test_quoted_yaml_scalars_stay_strings(tmp_path):
    doc = load(tmp_path, "t.yaml", "A: 'true'\nB: \"22\"\n")
    assert doc.data == {"A": "true", "B": "22"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("!Ref Vpc", {"Ref": "Vpc"}),
        ("!GetAtt Group.GroupId", {"Fn::GetAtt": ["Group", "GroupId"]}),
        ("!GetAtt [Group, GroupId]", {"Fn::GetAtt": ["Group", "GroupId"]}),
        ("!Sub '${AWS::Region}-x'", {"Fn::Sub": "${AWS::Region}-x"}),
        ("!If [IsProd, true, false]", {"Fn::If": ["IsProd", True, False]}),
        ("!Equals [a, b]", {"Fn::Equals": ["a", "b"]}),
        ("!Join ['', [a, b]]", {"Fn::Join": ["", ["a", "b"]]}),
        ("!Select [0, !GetAZs '']", {"Fn::Select": [0, {"Fn::GetAZs": ""}]}),
        ("!Split [',', 'a,b']", {"Fn::Split": [",", "a,b"]}),
        ("!FindInMap [M, k, v]", {"Fn::FindInMap": ["M", "k", "v"]}),
        ("!ImportValue shared-sg", {"Fn::ImportValue": "shared-sg"}),
        ("!Base64 hello", {"Fn::Base64": "hello"}),
        ("!Condition IsProd", {"Condition": "IsProd"}),
        (
            "!And [!Condition A, !Not [!Condition B]]",
            {"Fn::And": [{"Condition": "A"}, {"Fn::Not": [{"Condition": "B"}]}]},
        ),
        ("!Or [!Condition A, !Condition B]", {"Fn::Or": [{"Condition": "A"}, {"Condition": "B"}]}),
        ("!Cidr [10.0.0.0/16, 4, 8]", {"Fn::Cidr": ["10.0.0.0/16", 4, 8]}),
    ],
)
def test_every_short_form_tag_becomes_its_long_form(tmp_path, source, expected):
    doc = load(tmp_path, "t.yaml", f"Value: {source}\n")
    assert doc.data == {"Value": expected}
    assert doc.warnings == []


def test_unknown_intrinsic_function_is_reported_with_its_line(tmp_path):
    doc = load(tmp_path, "t.yaml", "A: 1\nB: !Bogus x\n")
    assert doc.data["B"] == {"Fn::Bogus": "x"}
    assert [str(w) for w in doc.warnings] == ["t.yaml:2:4: error: unknown intrinsic function !Bogus"]


def test_yaml_spans_cover_the_key_and_its_value(tmp_path):
    doc = load(tmp_path, "t.yaml", "Resources:\n  Task:\n    Properties:\n      Privileged: true\n")
    span, exact = doc.span(("Resources", "Task", "Properties", "Privileged"))
    assert exact and span == Span(4, 7, 4, 23)


def test_malformed_json_names_file_line_and_column(tmp_path):
    assert problem(tmp_path, "bad.json", '{\n  "a": 1,\n  "b": \n}\n') == (
        "bad.json:4:1: error: invalid JSON: Expecting value"
    )


def test_malformed_yaml_names_file_line_and_column(tmp_path):
    message = problem(tmp_path, "bad.yaml", "a: [1, 2\nb: 3\n")
    assert message.startswith("bad.yaml:2:") and "invalid YAML" in message


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    message = problem(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    assert time.perf_counter() - started < 1.0
    assert "aliases" in message and message.startswith("bomb.yaml:")


def test_ordinary_aliases_are_accepted(tmp_path):
    doc = load(tmp_path, "t.yaml", "base: &b {x: 1}\nother: *b\n")
    assert doc.data == {"base": {"x": 1}, "other": {"x": 1}}


def test_file_over_the_size_limit_is_refused(tmp_path):
    message = problem(tmp_path, "big.json", '{"a": "' + "x" * 2000 + '"}', max_bytes=1000)
    assert message.startswith("big.json: error: file is") and "limit" in message


def test_non_utf8_file_is_refused_with_its_position(tmp_path):
    assert (
        problem(tmp_path, "latin.json", b'{\n "a": "caf\xe9"\n}')
        == "latin.json:2:11: error: file is not valid UTF-8 text"
    )


def test_empty_file_is_refused(tmp_path):
    assert problem(tmp_path, "empty.json", "  \n") == "empty.json: error: file is empty"


def test_utf8_bom_is_accepted(tmp_path):
    assert load(tmp_path, "bom.json", b'\xef\xbb\xbf{"a": 1}').data == {"a": 1}
