"""`--changed-since REF`: the files a change touches, and the templates those files belong to.

Changed means: in `git diff --name-only REF...HEAD` (committed on this branch since it left REF), or
modified, staged or untracked (and not ignored) in the working tree. Deleted files are gone and so
not scanned. A changed file also brings in the templates it belongs to:

- a file inside a CDK cloud assembly (a `cdk.out` folder: a template, `manifest.json`, an asset) brings
  every `*.template.json` of that assembly, since `cdk synth` writes them together and nested stacks
  are read with their parent;
- a parameters or configuration file next to a template brings that template: `web.parameters.json`,
  `web-params.yaml` or `web.prod.config.json` belong to `web.yaml` (the template's name followed by
  `.`, `-` or `_` and a word containing "param" or "config"), and a file named `parameters`, `params`,
  `config` or `template-configuration` belongs to every template in its folder;
- a changed `.tf`, `.tfvars` or `.auto.tfvars.json` file belongs to every `.tf` file of its folder (its
  Terraform module): a variable's default or a local changes the values of resources in the other files;
- the configuration file `.fgscan.yaml` belongs to everything: when it changed, the whole scan runs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from scanner.sources.discovery import SCANNED_SUFFIXES

CONFIG_NAMES = {".fgscan.yaml", ".fgscan.yml"}
GENERIC_STEMS = {"parameters", "params", "config", "configuration", "template-configuration"}
SEPARATORS = ".-_"
TERRAFORM_SUFFIXES = {".tf", ".tfvars"}


class GitError(Exception):
    """Git could not answer; the message is one line."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise GitError(lines[-1].removeprefix("fatal: ") if lines else f"git {args[0]} failed")
    return proc.stdout


def changed_since(ref: str, cwd: Path | None = None) -> tuple[set[Path] | None, list[str]]:
    """The resolved paths of the changed files and the templates they belong to, or None when the
    whole scan must run; and notices about how the answer was found."""
    cwd = cwd or Path.cwd()
    try:
        root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError as exc:
        raise GitError(f"--changed-since needs a git repository: {exc}") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], root)
    except GitError:
        raise GitError(f"--changed-since: unknown git ref '{ref}'") from None
    notices = []
    try:
        base = _git(["merge-base", "--end-of-options", ref, "HEAD"], root).strip()
    except GitError:
        base = ref
        notices.append(
            f"notice: --changed-since: no common ancestor of {ref} and HEAD in this clone (shallow?); "
            f"compared with {ref} itself, which may scan more files than the change touched"
        )
    names = _git(["diff", "--name-only", "-z", "--end-of-options", base], root).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0")
    changed = {(root / name).resolve() for name in names if name and (root / name).is_file()}
    if any(path.name in CONFIG_NAMES for path in changed):
        notices.append("notice: --changed-since: the fgscan configuration changed, so everything is scanned")
        return None, notices
    return changed | belonging(changed), notices


def belonging(changed: set[Path]) -> set[Path]:
    """The templates the changed files belong to (see the module notes)."""
    out: set[Path] = set()
    for path in changed:
        if path.suffix.lower() in TERRAFORM_SUFFIXES or path.name.lower().endswith(".tfvars.json"):
            out |= {tf.resolve() for tf in path.parent.glob("*.tf")}  # a module is read as a whole
            continue
        assembly = next((p for p in path.parents if p.name == "cdk.out"), None)
        if assembly is not None:
            out |= {t.resolve() for t in assembly.rglob("*.template.json")}
            continue
        name = path.name.lower()
        stem = name.split(".")[0]
        for sibling in path.parent.iterdir():
            if sibling == path or sibling.suffix.lower() not in SCANNED_SUFFIXES or not sibling.is_file():
                continue
            prefix = sibling.stem.lower()
            rest = name[len(prefix) + 1 :] if name.startswith(prefix) and name[len(prefix) :][:1] in SEPARATORS else ""
            if stem in GENERIC_STEMS or "param" in rest or "config" in rest:
                out.add(sibling.resolve())
    return out
