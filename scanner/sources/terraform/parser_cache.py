"""python-hcl2's parser, kept built between runs.

Building python-hcl2's Lark LALR parser from the tables it ships takes about 0.13 s, a quarter of the
pre-commit hook's budget on a `.tf` file; unpickling the built parser takes a third of that. The pickle is
kept in fgscan's cache folder (`scanner.cache`) under a name made of the versions of Python, Lark and
python-hcl2 and the grammar's stamp. It is read only when it is a regular file of the current user that no
one else can write, and it is used only when it parses a sample exactly as the parser that wrote it did;
anything else builds the parser anew and rewrites the pickle.

Lark tells its `Shift` and `Reduce` actions apart by identity, so they are pickled by name (as module
globals); the modules the parser refers to are pickled as imports.
"""

from __future__ import annotations

import copyreg
import functools
import importlib
import io
import pickle
import sys
import types
from pathlib import Path
from typing import Any

from scanner.cache import cache_dir, read_trusted, write_atomically

# Parsed before the parser is pickled, so that the lexers of the common states are built and kept, and
# again after it is unpickled, to check it.
SAMPLE = """
variable "image" {
  type    = string
  default = "nginx:1.25"
}
locals {
  names = [for s in var.subnets : upper(s.name) if s.public]
  tags  = merge(var.tags, { Name = "x-${var.env}" })
}
resource "aws_ecs_task_definition" "app" {
  family = "app"
  cpu    = var.small ? 256 : 512
  container_definitions = jsonencode([{
    name = "app", image = var.image, privileged = false
    portMappings = [{ containerPort = 80 }]
  }])
  volume {
    name = "data"
  }
  policy = <<EOF
{"Statement": []}
EOF
  count = length(local.names) > 0 ? 1 : 0
  arn   = aws_iam_role.task[0].arn # a comment
}
"""


@functools.cache
def parser() -> Any:
    """The Lark parser python-hcl2 uses, from the cache when it is there and sound."""
    import hcl2.parser
    import lark

    grammar = Path(hcl2.parser.__file__).with_name("hcl2.lark").stat()
    version = getattr(sys.modules["hcl2"], "__version__", "unknown")
    name = (
        f"hcl2-parser-py{sys.version_info[0]}{sys.version_info[1]}-lark{lark.__version__}-hcl2{version}"
        f"-{grammar.st_size}-{grammar.st_mtime_ns}.pickle"
    )
    file = cache_dir() / name
    cached = _load(file)
    if cached is not None:
        return cached
    built = hcl2.parser.parser()
    write_atomically(file, _dumps((built, built.parse(SAMPLE))))
    return built


def _load(file: Path) -> Any:
    """The parser pickled in `file`, if the file is trustworthy and the parser parses `SAMPLE` as before."""
    data = read_trusted(file)
    if data is None:
        return None
    try:
        cached, expected = pickle.loads(data)
        return cached if cached.parse(SAMPLE) == expected else None
    except Exception:  # a cache in any state but sound is rebuilt
        return None


def _dumps(value: object) -> bytes:
    from lark.parsers.lalr_analysis import Action

    table = copyreg.dispatch_table.copy()
    table[types.ModuleType] = lambda module: (importlib.import_module, (module.__name__,))
    table[Action] = lambda action: action.name  # the module global of that name: `Shift` or `Reduce`
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = table  # type: ignore[misc]
    pickler.dump(value)
    return out.getvalue()
