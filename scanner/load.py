"""The first stage of a scan: each file read and parsed once, its resources recognised and given the facts
that depend on that resource alone. Whatever goes wrong with one file becomes an error naming it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct, field
from msgspec.structs import astuple, replace

from scanner import facts
from scanner.facts import iam as iam_facts
from scanner.model import InputError, InputProblem, Resource
from scanner.sources import parameters, recognise, terraform
from scanner.sources.cfn_nesting import travelling
from scanner.sources.discovery import SCANNED_SUFFIXES as SCANNED
from scanner.sources.discovery import InputFile
from scanner.sources.documents import Document, guess_format, parse, read_text
from scanner.sources.terraform import config as terraform_config

NOT_RECOGNISED = (
    "not an input fgscan recognises: no task definition, container definitions, CloudFormation resources "
    "or AWS CLI output in it"
)
# Words that make an unparsable file look like something fgscan was meant to read.
OURS_HINTS = (
    *("AWS::", "Resources:", "containerDefinitions", "SecurityGroups", "NetworkInterfaces", "IpPermissions"),
    "planned_values",  # a Terraform plan
)


class Loaded(Struct):
    """One file after the first stage: its document and resources (none when it is not ECS input or could
    not be read) and the problems it gave."""

    file: InputFile
    doc: Document | None = None
    resources: list[Resource] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[Loaded], tuple[Any, ...]]:
        """What comes back from a load worker: the document without the data the main process never reads.
        It locates findings with the text and spans, and reads nothing of the data but what links nested
        stacks (`cfn_nesting.travelling`); the resources were read from the data here."""
        doc = self.doc and replace(self.doc, data=travelling(self.doc.data))
        return Loaded, astuple(replace(self, doc=doc))


class Inputs(Struct, frozen=True):
    """What the user said about the inputs: CloudFormation parameter values, the folders of a Terraform
    plan's `.tf` files. Handed to every worker, which may not share this process's memory."""

    parameters: dict[str, str] = field(default_factory=dict)
    terraform_sources: list[Path] = field(default_factory=list)


def load_batch(files: list[InputFile], max_bytes: int, given: Inputs | None = None) -> list[Loaded]:
    """`load` for each file, with what the user said about the inputs (the unit of work of a worker)."""
    given = given or Inputs()
    parameters.use(given.parameters)
    terraform_config.SOURCE_DIRS[:] = given.terraform_sources
    return [load(file, max_bytes) for file in files]


def load(file: InputFile, max_bytes: int) -> Loaded:
    """Parse and recognise one file; unrecognised files give no resources and, unless named, no error."""
    loaded = Loaded(file)
    try:
        text = read_text(Path(file.path), file.shown, max_bytes)
    except InputProblem as problem:
        if file.named or problem.error.message != "file is empty":
            loaded.errors.append(problem.error)
        return loaded
    fmt = guess_format(Path(file.path), text)
    try:
        doc = terraform.parse(text, file.shown) if fmt == "terraform" else parse(text, file.shown, fmt)
    except InputProblem as problem:
        if (
            fmt == "terraform"
            or any(hint in text for hint in OURS_HINTS)
            or (file.named and Path(file.path).suffix.lower() in SCANNED)
        ):
            loaded.errors.append(problem.error)
        elif file.named:  # a README named by mistake: say what it is not, not how it fails to parse
            loaded.errors.append(InputError(file.shown, NOT_RECOGNISED))
        return loaded
    try:
        resources = recognise(doc)
        if resources is None:
            if file.named:
                loaded.errors.append(InputError(file.shown, NOT_RECOGNISED))
            return loaded
        iam_facts.resolve_policies(doc, resources)
        for resource in resources:
            facts.annotate(resource)
    except Exception as exc:  # a shape no source expected: report it, keep scanning the others
        message = f"cannot interpret this input ({type(exc).__name__}); please report it as an fgscan bug"
        loaded.errors.append(InputError(file.shown, message))
        return loaded
    loaded.doc, loaded.resources = doc, resources
    loaded.errors.extend(doc.warnings)
    return loaded
