"""Rule documentation generated from the rules' metadata: `docs/rules.md`, the README's rule table
(between `<!-- rules:begin -->` and `<!-- rules:end -->`) and the text of `fgscan rules show`.

Regenerate the files from the repository root with `python -m scanner.rule_docs` (or
`fgscan rules docs`); `--check` only reports whether they are current.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from scanner.rulebook import Rule, Rulebook

AREAS = {
    "CTR": "Container",
    "TSK": "Task definition",
    "SVC": "Service, task set and cluster",
    "SG": "Security group",
    "ENI": "Network interface",
    "IAM": "IAM roles and policies",
    "EXP": "Exposure paths",
}
FRAMEWORKS = {"aws-fsbp": "AWS FSBP", "cis-aws": "CIS AWS", "cis-docker": "CIS Docker", "nist-800-53": "NIST 800-53"}
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"
REGENERATE = "python -m scanner.rule_docs"
RULES_MD = Path("docs/rules.md")
README = Path("README.md")


def area(rule: Rule) -> str:
    """The area named by the rule id's middle part (`FG-CTR-001` -> Container)."""
    parts = rule.id.split("-")
    return AREAS.get(parts[1] if len(parts) == 3 else "", "Other")


def by_area(rules: list[Rule]) -> dict[str, list[Rule]]:
    """Rules grouped in the order of `AREAS` (then Other), each group sorted by id."""
    groups: dict[str, list[Rule]] = {name: [] for name in [*AREAS.values(), "Other"]}
    for rule in sorted(rules, key=lambda r: r.id):
        groups[area(rule)].append(rule)
    return {name: group for name, group in groups.items() if group}


def framework_names(rules: list[Rule]) -> list[str]:
    """The known frameworks first, in their usual order, then any other a rule maps to."""
    used = {name for rule in rules for name in rule.frameworks}
    return [f for f in FRAMEWORKS if f in used] + sorted(used - set(FRAMEWORKS))


def rules_markdown(rules: list[Rule]) -> str:
    """The whole of `docs/rules.md`."""
    frameworks = framework_names(rules)
    levels = ("critical", "high", "medium", "low")
    counts = ", ".join(f"{sum(r.severity.value == level for r in rules)} {level}" for level in levels)
    out = [
        "# fgscan rules",
        "",
        f"<!-- Generated from the rules' metadata by `{REGENERATE}`; do not edit by hand. -->",
        "",
        f"{len(rules)} rules ({counts}). `fgscan rules show NAME` prints one rule with examples;",
        "`fgscan scan --framework NAME` runs only the rules mapped to a framework.",
        "",
    ]
    for name, group in by_area(rules).items():
        out += [
            f"## {name}",
            "",
            _row(["ID", "Name", "Severity", "Title", "Kinds", *map(_label, frameworks)]),
            _row(["---"] * (5 + len(frameworks))),
        ]
        for rule in group:
            cells = [
                rule.id,
                f"[`{rule.name}`](#{rule.name})",
                rule.severity.value,
                rule.title,
                ", ".join(f"`{k}`" for k in rule.kinds),
            ]
            out.append(_row(cells + [", ".join(rule.frameworks.get(f, ())) for f in frameworks]))
        out.append("")
    out += ["## Rule details", ""]
    for group in by_area(rules).values():
        for rule in group:
            out += _details(rule)
    return "\n".join(out).rstrip() + "\n"


def readme_table(rules: list[Rule]) -> str:
    """The README's table: every rule, linked to its details in `docs/rules.md`."""
    out = [
        f"{len(rules)} rules; details and framework mappings in [docs/rules.md](docs/rules.md).",
        "",
        _row(["ID", "Name", "Severity", "Title"]),
        _row(["---"] * 4),
    ]
    for group in by_area(rules).values():
        out += [_row([f"[{r.id}](docs/rules.md#{r.name})", f"`{r.name}`", r.severity.value, r.title]) for r in group]
    return "\n".join(out)


def update_readme(text: str, table: str) -> str:
    """`text` with `table` between the markers; a `## Rules` section holding them is added when missing."""
    start, end = text.find(BEGIN), text.find(END)
    if start == -1 or end < start:
        return text.rstrip("\n") + f"\n\n## Rules\n\n{BEGIN}\n{table}\n{END}\n"
    return text[: start + len(BEGIN)] + f"\n{table}\n" + text[end:]


def show_text(rule: Rule) -> str:
    """What `fgscan rules show` prints."""
    out = [
        f"{rule.id}  {rule.name}",
        rule.title,
        "",
        f"Severity:    {rule.severity.value}" + (f" ({rule.rationale})" if rule.rationale else ""),
        f"Kinds:       {', '.join(rule.kinds)}",
        f"Defined in:  {rule.file}",
    ]
    for heading, body in (("Description", rule.description), ("Remediation", rule.remediation)):
        if body:
            out += ["", f"{heading}:", textwrap.fill(body, 100, initial_indent="  ", subsequent_indent="  ")]
    if rule.frameworks:
        out += ["", "Frameworks:"] + [f"  {_label(f):<12} {', '.join(c)}" for f, c in rule.frameworks.items()]
    if rule.references:
        out += ["", "References:"] + [f"  - {ref}" for ref in rule.references]
    examples = rule.custom.get("examples") or {}
    for key, heading in (("bad", "Bad example (reported)"), ("good", "Good example (passes)")):
        body = examples.get(key)  # type: ignore[assignment]
        out += ["", f"{heading}:", textwrap.indent(example_text(body), "  ") if body is not None else "  (none)"]
    return "\n".join(out)


def example_text(value: Any) -> str:
    """An example as pretty JSON when it is (or holds) JSON, otherwise as written."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return textwrap.dedent(value).strip()
    return json.dumps(value, indent=2)


def write_docs(rules: list[Rule], rules_md: Path = RULES_MD, readme: Path | None = README) -> list[Path]:
    """Rewrite the generated files that are out of date; the paths written."""
    written = []
    for path, text in _targets(rules, rules_md, readme):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale(rules: list[Rule], rules_md: Path = RULES_MD, readme: Path | None = README) -> list[Path]:
    """The generated files that differ from what the rules' metadata gives."""
    return [path for path, _ in _targets(rules, rules_md, readme)]


def _targets(rules: list[Rule], rules_md: Path, readme: Path | None) -> list[tuple[Path, str]]:
    wanted = [(rules_md, rules_markdown(rules))]
    if readme is not None:
        current = readme.read_text(encoding="utf-8") if readme.exists() else ""
        wanted.append((readme, update_readme(current, readme_table(rules))))
    return [(p, t) for p, t in wanted if not p.exists() or p.read_text(encoding="utf-8") != t]


def _details(rule: Rule) -> list[str]:
    out = [
        f'<a id="{rule.name}"></a>',
        "",
        f"### {rule.id} `{rule.name}`",
        "",
        f"**{_inline(rule.title)}**",
        "",
        f"- Severity: **{rule.severity.value}**" + (f". {_inline(rule.rationale)}" if rule.rationale else ""),
        f"- Kinds: {', '.join(f'`{k}`' for k in rule.kinds)}",
    ]
    out += [f"- {_label(f)}: {', '.join(codes)}" for f, codes in rule.frameworks.items()]
    out.append("")
    if rule.description:
        out += [rule.description, ""]
    if rule.remediation:
        out += [f"Remediation: {rule.remediation}", ""]
    if rule.references:
        out += [f"- <{ref}>" for ref in rule.references] + [""]
    return out


def _label(framework: str) -> str:
    return FRAMEWORKS.get(framework, framework)


def _inline(text: str) -> str:
    return " ".join(text.split())


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_inline(c).replace("|", "\\|") for c in cells) + " |"


def main(argv: list[str] | None = None) -> int:
    """Regenerate (or with `--check`, verify) docs/rules.md and the README table, from the repository root."""
    parser = argparse.ArgumentParser(prog="python -m scanner.rule_docs", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files (exit 1)")
    parser.add_argument("--output", type=Path, default=RULES_MD, help="the rules page (default docs/rules.md)")
    parser.add_argument("--readme", type=Path, default=README, help="the README holding the markers")
    args = parser.parse_args(argv)
    rules = Rulebook.load().rules
    if args.check:
        outdated = stale(rules, args.output, args.readme)
        for path in outdated:
            print(f"{path} is out of date: run `{REGENERATE}`", file=sys.stderr)
        return 1 if outdated else 0
    for path in write_docs(rules, args.output, args.readme):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
