"""The canonical resource model shared by every source, the engine and every report.

Sources turn files (or live AWS state) into `Resource` objects whose `data` is the AWS API shape
(ECS in botocore's camelCase, EC2 and IAM in their PascalCase). Rules see only that shape plus the
`facts` computed in Python, so a rule is written once whatever the source.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from msgspec import Struct, field

from scanner.coverage import Coverage
from scanner.escape import plain

Path = tuple[Any, ...]

# The resource kinds a rule can target (`custom.kinds` in its metadata). `ecs_task_run` is a task started
# outside a service (a `run-task` request, an EventBridge rule or schedule, a Step Functions state), in the
# shape of the RunTask request that starts it (`scanner.sources.task_runs`).
KINDS = (
    "ecs_task_definition",
    "ecs_service",
    "ecs_task_set",
    "ecs_task_run",
    "ecs_cluster",
    "ec2_security_group",
    "ec2_network_interface",
    "iam_role",
    "iam_policy",
    "elbv2_load_balancer",
    "elbv2_target_group",
    "elbv2_listener",
    "elbv2_listener_rule",
    "ecs_capacity_provider",
    "ec2_launch_template",
    "autoscaling_launch_configuration",
)

# How messages name each kind.
KIND_LABELS = {
    "ecs_task_definition": "Task definition",
    "ecs_service": "Service",
    "ecs_task_set": "Task set",
    "ecs_task_run": "Task run",
    "ecs_cluster": "Cluster",
    "ec2_security_group": "Security group",
    "ec2_network_interface": "Network interface",
    "iam_role": "IAM role",
    "iam_policy": "IAM policy",
    "elbv2_load_balancer": "Load balancer",
    "elbv2_target_group": "Target group",
    "elbv2_listener": "Listener",
    "elbv2_listener_rule": "Listener rule",
    "ecs_capacity_provider": "Capacity provider",
    "ec2_launch_template": "Launch template",
    "autoscaling_launch_configuration": "Launch configuration",
}


class Severity(str, Enum):
    """Finding severity, ordered from most to least severe."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """4 for critical down to 1 for low."""
        return {"critical": 4, "high": 3, "medium": 2, "low": 1}[self.value]

    @property
    def score(self) -> str:
        """GitHub's `security-severity`, a number written as a string."""
        return {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "2.0"}[self.value]


SpanTuple = tuple[int, int, int, int]  # a Span's fields, as stored in bulk


class Span(Struct, frozen=True):
    """A region of a source file; lines and columns start at 1, the end column is exclusive."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int


class Skip(Struct, frozen=True):
    """A suppression declared on the resource itself (CloudFormation `Metadata`, or live tags):
    do not report `rule` (id or name) here, because `reason`. `where` names the declaration."""

    rule: str
    reason: str
    where: str


class Suppression(Struct, frozen=True):
    """Why a finding is not reported: `kind` is SARIF's `inSource` (declared on the resource) or
    `external` (a config file entry); `where` names the declaration."""

    kind: str
    reason: str
    where: str


class Resource(Struct):
    """One normalised resource and where it came from.

    `origin` maps a path in `data` to the path of the same value in the source document; paths not
    listed map through their longest listed prefix, and `source_root + path` when nothing is listed.
    """

    kind: str
    name: str
    data: dict[str, Any]
    file: str
    source_root: Path = ()
    origin: dict[Path, Path] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    links: dict[str, Any] = field(default_factory=dict)
    arn: str | None = None
    skips: list[Skip] = field(default_factory=list)
    # Where logical ids name other resources (a CloudFormation template's file); None where references are
    # ids, ARNs and names that mean the same in every file.
    scope: str | None = None
    # One of several readings of a resource whose source holds alternatives (CloudFormation `Fn::If`):
    # "when condition Debug holds". A finding not made in every reading says which one it comes from.
    variant: str | None = None
    # Where a value was not written literally but assumed (a parameter's default): data path -> why,
    # appended to the message of a finding at or inside that path.
    notes: dict[Path, str] = field(default_factory=dict)
    # The CDK construct path (`Metadata.aws:cdk:path` in a `cdk.out` template): what a CDK user knows the
    # resource by, rather than its hashed logical id.
    construct: str | None = None
    # The export names other templates import this resource by (`Fn::ImportValue`): a CloudFormation
    # output's `Export.Name` whose `Value` refers to it; `*` stands for the exporting stack's own name.
    exports: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Sources take the ARN from the input, where it can be any JSON value (`"taskDefinitionArn": 123`);
        # every report treats it as text, so anything else is no ARN at all.
        if not isinstance(self.arn, str) or not self.arn:
            self.arn = None

    def source_path(self, path: Path) -> Path:
        """The source-document path of the value at `path` in `data`."""
        for cut in range(len(path), -1, -1):
            mapped = self.origin.get(tuple(path[:cut]))
            if mapped is not None:
                return mapped + tuple(path[cut:])
        return self.source_root + tuple(path)


class RelatedLocation(Struct, frozen=True):
    """Another place that explains a finding (for example the other end of an exposure path)."""

    file: str
    span: Span | None
    message: str
    id: int | None = None  # what SARIF `[text](id)` links in `Finding.linked_message` cite


class Finding(Struct):
    """One rule violation on one resource."""

    rule_id: str
    rule_name: str
    severity: Severity
    message: str
    kind: str
    resource: str
    file: str
    span: Span | None
    path: Path
    fingerprint: str
    arn: str | None = None
    related: list[RelatedLocation] = field(default_factory=list)
    chain: str | None = None  # an exposure path in short (`service a -> sg-1 :80 from 0.0.0.0/0 -> container a :80`)
    linked_message: str | None = None  # `message` with SARIF `[text](id)` links to `related`
    suppression: Suppression | None = None
    baseline_state: str | None = None
    resource_file: str | None = None  # where the resource is declared, when the location is in another file
    construct: str | None = None  # the resource's CDK construct path

    @property
    def declared_in(self) -> str:
        """The file declaring the resource (where its in-source skips live)."""
        return self.resource_file or self.file


class InputError(Struct, frozen=True):
    """An input that could not be read or understood; reported, never fatal for the others."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None
    level: str = "error"  # or "warning": reported, but the input was read and scanned (a duplicate key)

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{plain(where)}: {self.level}: {plain(self.message)}"  # one inert line whatever the file is called


class InputProblem(Exception):
    """Raised by parsers and sources; carries the `InputError` to report."""

    def __init__(self, error: InputError):
        super().__init__(str(error))
        self.error = error


class BaselineComparison(Struct):
    """Findings compared with a baseline file: those already in it (not reported as new) and those
    in it that are gone (`fixed`, rebuilt from the baseline with `baseline_state` "absent")."""

    file: str
    unchanged: list[Finding] = field(default_factory=list)
    fixed: list[Finding] = field(default_factory=list)


class ScanResult(Struct):
    """Everything a report needs. `findings` are the ones reported (and counted for `--fail-on`);
    suppressed findings and those already in a baseline are kept apart."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files_scanned: int = 0
    resources_scanned: int = 0
    rules: list[Any] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    baseline: BaselineComparison | None = None
    coverage: Coverage | None = None  # a live audit's scope and what it could not read
    evaluated: dict[str, int] = field(default_factory=dict)  # rule id -> resources (or services) it judged
    inputs: set[tuple[int, int]] = field(default_factory=set)  # device and inode of each input (never overwritten)
    # What the scan loaded and built (documents, resources, graph, deny sets), held as long as the result: freeing
    # it object by object takes a tenth of a second on a large scan, better spent after the reports are written
    # (the command line ends its process without freeing it at all).
    retained: list[Any] = field(default_factory=list)

    def sorted_findings(self) -> list[Finding]:
        """Most severe first, then by file and line."""
        return by_severity(self.findings)


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by file and line."""
    return sorted(findings, key=lambda f: (-f.severity.rank, f.file, f.span.start_line if f.span else 0, f.rule_id))
