"""The README's first commands are the ones CI runs."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text[:1200])


def test_readme_starts_with_install_and_test_commands():
    install, tests = readme_commands()[:2]
    assert "pip install ." in install and "fgscan scan examples" in install
    assert "pytest" in tests


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert readme_commands()[1] in ci
