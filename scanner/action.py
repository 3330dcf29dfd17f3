"""The GitHub Action's scan step, run by `action.yml` as `python -m scanner.action`.

It reads the action's inputs from `INPUT_*` variables (set by `action.yml`), runs one `fgscan scan`
that writes the chosen report, a SARIF file, a Markdown job summary and workflow annotations, then
appends the summary to `$GITHUB_STEP_SUMMARY` and writes the step outputs to `$GITHUB_OUTPUT`:
`sarif-file`, `findings`, `critical`, `high`, `medium`, `low`, `suppressed`, `errors`, `exit-code`
and `upload-sarif` (whether the SARIF upload may run: not on pull requests from forks, whose token
cannot write code-scanning alerts). It exits 0 and leaves failing to the action's last step, so the
SARIF upload runs first.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from msgspec import Struct

from reports.github import command
from scanner.model import Severity

ZERO_SHA = "0" * 40


class Inputs(Struct):
    """The action's inputs, as `action.yml` passes them."""

    paths: list[str]
    config: str
    fail_on: str
    format: str
    output: str
    sarif_file: str
    upload_sarif: bool
    category: str
    changed_files_only: bool
    baseline: str
    extra_args: list[str]

    @classmethod
    def from_env(cls, env: dict[str, str]) -> Inputs:
        """The inputs; `InputsError` when `paths` or `extra-args` cannot be split into words."""

        def get(name: str, default: str = "") -> str:
            return env.get(f"INPUT_{name}", "").strip() or default

        return cls(
            paths=paths(get("PATHS", ".")),
            config=get("CONFIG"),
            fail_on=get("FAIL_ON"),
            format=get("FORMAT", "text"),
            output=get("OUTPUT"),
            sarif_file=get("SARIF_FILE"),
            upload_sarif=get("UPLOAD_SARIF", "true").lower() == "true",
            category=get("CATEGORY", "fgscan"),
            changed_files_only=get("CHANGED_FILES_ONLY", "false").lower() == "true",
            baseline=get("BASELINE"),
            extra_args=words(get("EXTRA_ARGS"), "extra-args"),
        )


class InputsError(Exception):
    """An action input that cannot be used; the message is one line naming the input."""


def words(text: str, name: str) -> list[str]:
    """`text` split as a shell splits words, quotes grouping spaces; backslashes are kept as they are
    (Windows paths)."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.escape = ""
    try:
        return list(lexer)
    except ValueError as exc:
        raise InputsError(f"{name}: cannot split {text!r} into words: {exc}") from None


def paths(text: str) -> list[str]:
    """The `paths` input: one path per line (spaces included), or on a single line several separated by
    spaces, quoted when they hold spaces."""
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return words(text, "paths")


def event(env: dict[str, str]) -> dict[str, Any]:
    """The webhook payload of the run's event (empty when there is none)."""
    path = env.get("GITHUB_EVENT_PATH")
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return {}


def from_fork(env: dict[str, str], payload: dict[str, Any]) -> bool:
    """A pull request whose head lives in another repository."""
    head = (payload.get("pull_request") or {}).get("head") or {}
    repo = (head.get("repo") or {}).get("full_name")
    return bool(repo) and repo != env.get("GITHUB_REPOSITORY")


def base_commit(env: dict[str, str], payload: dict[str, Any]) -> str | None:
    """What a change is compared with: the pull request's base, or the commit before a push."""
    if "pull_request" in payload:
        return ((payload["pull_request"].get("base") or {}).get("sha")) or None
    before = payload.get("before")
    return before if isinstance(before, str) and before and before != ZERO_SHA else None


def _have_commit(sha: str) -> bool:
    probe = ["git", "cat-file", "-e", f"{sha}^{{commit}}"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return True
    subprocess.run(["git", "fetch", "--no-tags", "--depth=1", "origin", sha], capture_output=True, check=False)
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def scan_args(inputs: Inputs, sarif: Path, summary: Path, counts: Path, since: str | None) -> list[str]:
    """The `fgscan scan` command line: options first (each value joined to its flag), then `--`, so that
    no path, even one that starts with `-`, is read as an option."""
    args = [
        sys.executable,
        "-m",
        "scanner",
        "scan",
        f"--format={inputs.format}",
        f"--category={inputs.category}",
        f"--report=sarif={sarif}",
        f"--report=markdown={summary}",
        f"--report=json={counts}",
    ]
    if inputs.format != "github":
        args.append("--report=github=-")
    for flag, value in (
        ("--output", inputs.output),
        ("--config", inputs.config),
        ("--fail-on", inputs.fail_on),
        ("--baseline", inputs.baseline),
        ("--changed-since", since),
    ):
        if value:
            args.append(f"{flag}={value}")
    return [*args, *inputs.extra_args, "--", *inputs.paths]


def drop_fixed_results(sarif: Path) -> None:
    """Remove baseline results marked `absent` (fixed findings) before upload: code scanning opens an alert
    for every result whatever its `kind`, and closes alerts that a new analysis no longer reports anyway."""
    log = json.loads(sarif.read_text(encoding="utf-8"))
    for run in log.get("runs", []):
        run["results"] = [r for r in run.get("results", []) if r.get("baselineState") != "absent"]
    sarif.write_text(json.dumps(log, indent=2) + "\n", encoding="utf-8")


def write_outputs(file: str | None, values: dict[str, str]) -> None:
    """Append `name=value` lines to `$GITHUB_OUTPUT` (or print them outside Actions)."""
    lines = "".join(f"{name}={value}\n" for name, value in values.items())
    if file:
        with open(file, "a", encoding="utf-8") as stream:
            stream.write(lines)
    else:
        sys.stdout.write(lines)


def append_summary(file: str | None, text: str) -> None:
    """Append to the job summary."""
    if file:
        with open(file, "a", encoding="utf-8") as stream:
            stream.write(text.rstrip("\n") + "\n\n")


def run(env: dict[str, str]) -> int:
    """The scan step; returns the process exit status (0 unless the step itself is misused)."""
    try:
        inputs = Inputs.from_env(env)
    except InputsError as exc:
        print(command("error", str(exc), title="fgscan: invalid input"), flush=True)
        return 2
    payload = event(env)
    work = Path(env.get("RUNNER_TEMP") or tempfile.mkdtemp(prefix="fgscan-"))
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in inputs.category)
    sarif = Path(inputs.sarif_file) if inputs.sarif_file else work / f"fgscan-{safe}.sarif"
    summary, counts = work / f"fgscan-{safe}-summary.md", work / f"fgscan-{safe}-counts.json"
    for stale in (sarif, summary, counts):
        stale.unlink(missing_ok=True)
    since = None
    if inputs.changed_files_only:
        base = base_commit(env, payload)
        if base and _have_commit(base):
            since = base
        else:
            print(
                command(
                    "notice", "changed-files-only: no base commit to compare with; scanning every file", title="fgscan"
                ),
                flush=True,
            )
    code = subprocess.run(scan_args(inputs, sarif, summary, counts, since), check=False).returncode
    report = json.loads(counts.read_text(encoding="utf-8")) if counts.is_file() else None
    if summary.is_file():
        append_summary(env.get("GITHUB_STEP_SUMMARY"), summary.read_text(encoding="utf-8"))
    else:
        append_summary(
            env.get("GITHUB_STEP_SUMMARY"),
            f"## fgscan could not scan\n\n`fgscan scan` exited with status {code}; see the step's log.",
        )
    upload = inputs.upload_sarif and sarif.is_file()
    if upload:
        drop_fixed_results(sarif)
    if upload and from_fork(env, payload):
        upload = False
        print(
            command(
                "notice",
                "Pull request from a fork: its token cannot upload code-scanning results, so the "
                "findings are shown as annotations and in the job summary only.",
                title="fgscan",
            ),
            flush=True,
        )
    by_severity = (report or {}).get("summary", {}).get("by_severity", {})
    write_outputs(
        env.get("GITHUB_OUTPUT"),
        {
            "sarif-file": str(sarif) if sarif.is_file() else "",
            "findings": str((report or {}).get("summary", {}).get("findings", "")),
            **{s.value: str(by_severity.get(s.value, "")) for s in Severity},
            "suppressed": str((report or {}).get("summary", {}).get("suppressed", "")),
            "errors": str((report or {}).get("summary", {}).get("errors", "")),
            "exit-code": str(code),
            "upload-sarif": "true" if upload else "false",
        },
    )
    return 0


def main() -> None:
    """Entry point of `python -m scanner.action`."""
    sys.exit(run(dict(os.environ)))


if __name__ == "__main__":
    main()
