"""The `opa` binary as a second engine: the same rules, all resources in one `opa eval` call."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from scanner.engine.interface import DenySets, EngineError, opa_path, rego_input
from scanner.model import Resource
from scanner.rulebook import Rule, Rulebook, entry_module

BATCH_QUERY = "[r | some item in input.items; r := object.get(data.fgscan.main, item.kind, {}) with input as item]"


class OpaEngine:
    """Writes the entry module and parameters next to the rule files once, then evaluates batches."""

    def __init__(self, rulebook: Rulebook, rules: list[Rule]):
        binary = opa_path()
        if binary is None:
            raise EngineError("the opa engine needs the `opa` binary on PATH")
        self.binary = binary
        self.workdir = tempfile.TemporaryDirectory(prefix="fgscan-opa-")
        work = Path(self.workdir.name)
        (work / "main.rego").write_text(entry_module(rules))
        (work / "params.json").write_text(json.dumps(rulebook.data_document()))
        paths = [*rulebook.modules_for(rules), work / "main.rego", work / "params.json"]
        self.load_args = [arg for path in paths for arg in ("-d", str(path))]

    def evaluate(self, resources: list[Resource]) -> list[DenySets]:
        """See `Engine.evaluate`."""
        return self.evaluate_inputs([rego_input(r) for r in resources])

    def evaluate_inputs(self, items: list[dict]) -> list[DenySets]:
        """See `Engine.evaluate_inputs`."""
        if not items:
            return []
        payload = json.dumps({"items": items})
        proc = subprocess.run(
            [self.binary, "eval", "--format", "json", "--stdin-input", *self.load_args, BATCH_QUERY],
            input=payload,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise EngineError(f"opa eval failed: {' '.join(proc.stderr.split())[:500]}")
        result = json.loads(proc.stdout).get("result") or []
        if not result:
            raise EngineError("opa eval returned no result")
        return result[0]["expressions"][0]["value"]
