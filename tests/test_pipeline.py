"""The one pipeline: the same findings in one process and over worker processes (with or without `fork`),
a dead worker costs only the item it held, secrets never leave through any pass or rule, and a broken
custom rule is reported by name while every other result is kept."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import shutil
import textwrap
import types
import weakref
from pathlib import Path

import pytest
from msgspec.structs import astuple
from typer.testing import CliRunner

from scanner import evaluate, executor, pipeline
from scanner.cli import app
from scanner.engine import rego_input
from scanner.engine.json_text import input_text
from scanner.evaluate import digest, worker_setup
from scanner.exposure import views_of
from scanner.load import Inputs, load_batch
from scanner.pipeline import GRAPH_LINKED, Scanner, ScanOptions, linked, scan
from scanner.sources.discovery import discover
from tests.conftest import EXAMPLES, ROOT

SECRET = "hunter2hunter2"


def corpus(root: Path, copies: int) -> Path:
    """`copies` copies of each example input, under distinct names."""
    root.mkdir()
    inputs = [p for p in EXAMPLES.rglob("*") if p.suffix in (".json", ".yaml") and "custom-rules" not in p.parts]
    for n in range(copies):
        for source in inputs:
            shutil.copy(source, root / f"{n:03}-{source.parent.name}-{source.name}")
    return root


def keyed(findings) -> list[tuple]:
    return sorted((f.rule_id, f.file, astuple(f.span) if f.span else (), f.fingerprint, f.message) for f in findings)


def test_workers_without_fork_give_the_findings_of_one_process(tmp_path, monkeypatch):
    folder = corpus(tmp_path / "many", 22)  # 132 files: over the threshold where work is spread
    assert len(list(folder.iterdir())) >= 130
    monkeypatch.chdir(tmp_path)
    serial = Scanner(ScanOptions(jobs=1)).scan([Path("many")])
    real_context = multiprocessing.get_context

    def no_fork(method=None):
        if method == "fork":
            raise ValueError("cannot find context for 'fork'")  # as on Windows
        return real_context(method)

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    assert executor.start_method() == "spawn"
    spread = Scanner(ScanOptions(jobs=2)).scan([Path("many")])
    assert not serial.errors and not spread.errors
    assert len(serial.findings) > 130
    assert keyed(spread.findings) == keyed(serial.findings)
    assert spread.resources_scanned == serial.resources_scanned


def _die_on_seven(items: list[int]) -> list[int]:
    if 7 in items:
        os._exit(3)  # a native crash: the worker process is gone without a word
    return [i * 10 for i in items]


def test_a_dead_worker_loses_only_the_item_it_held():
    results = executor.run_batches(_die_on_seven, list(range(20)), batch=5, jobs=2)
    assert results[7] == executor.Crashed("the worker process died while handling it")
    assert [r for i, r in enumerate(results) if i != 7] == [i * 10 for i in range(20) if i != 7]


def _lock_for_seven(items: list[int]) -> list[object]:
    import threading

    return [threading.Lock() if i == 7 else i for i in items]  # a lock cannot be pickled back


def test_a_result_that_cannot_cross_back_loses_only_its_item():
    results = executor.run_batches(_lock_for_seven, list(range(20)), batch=5, jobs=2)
    assert results[7] == executor.Crashed("its result could not be returned from the worker process (TypeError)")
    assert [r for i, r in enumerate(results) if i != 7] == [i for i in range(20) if i != 7]


def test_a_plan_error_located_in_a_load_worker_crosses_back(tmp_path, monkeypatch):
    """A document whose JSON locator a worker built (to place a plan's error) used to stop the whole scan
    with a traceback when it was sent back."""
    folder = corpus(tmp_path / "many", 22)
    plan = ROOT / "tests" / "fixtures" / "terraform" / "plans" / "bad-version.json"
    shutil.copy(plan, folder / "plan.json")
    monkeypatch.chdir(tmp_path)
    result = Scanner(ScanOptions(jobs=2)).scan([Path("many")])
    assert [(e.file, e.line) for e in result.errors] == [(str(Path("many", "plan.json")), 2)]
    assert "unsupported plan format_version '2.0'" in result.errors[0].message
    assert len(result.findings) > 130


def _pids(items: list[int]) -> list[int]:
    import time

    time.sleep(0.05)  # long enough that both workers take batches
    return [os.getpid() for _ in items]


def test_stages_share_workers_started_before_the_first():
    """Workers forked once, before the scan's data fills the parent, serve every stage; a stage that
    kills a worker loses only its item, and the next stage gets a new pool."""
    with executor.Workers(2) as workers:
        workers.start()
        first = workers.run_batches(_pids, list(range(8)), batch=1)
        second = workers.run_batches(_pids, list(range(8)), batch=1)
        served = set(first) | set(second)
        assert os.getpid() not in served and len(served) <= 2  # new workers per stage would make up to four
        crashed = workers.run_batches(_die_on_seven, list(range(20)), batch=5)
        assert crashed[7] == executor.Crashed("the worker process died while handling it")
        after = workers.run_batches(_pids, list(range(8)), batch=1)
        assert len(after) == 8 and set(after).isdisjoint(served)


def test_one_batch_goes_to_workers_already_running():
    """A few items are worked here while no worker runs (starting one costs more), and by the workers once
    they run (set up already, they take them sooner than this process could set up for them), new ones after
    a worker died: what killed one must never run in this process."""
    with executor.Workers(2) as workers:
        assert workers.run_batches(_pids, [0, 1], batch=5) == [os.getpid()] * 2
        workers.start()
        assert os.getpid() not in workers.run_batches(_pids, [0, 1], batch=5)
        assert workers.run_batches(_die_on_seven, list(range(10)), batch=5)[7] == executor.Crashed(executor.DIED)
        assert workers.run_batches(_die_on_seven, [7], batch=5) == [executor.Crashed(executor.DIED)]


def _slow_first(items: list[int]) -> list[int]:
    import time

    if 0 in items:
        time.sleep(1.5)  # the first batch is still running while the others finish
    return [i * 10 for i in items]


def test_results_come_back_as_batches_finish():
    """The pipeline builds findings while the workers evaluate: a slow batch does not hold back the
    others, and a second stream handed to the same workers is served too."""
    with executor.Workers(2) as workers:
        slow = workers.stream_batches(_slow_first, list(range(20)), batch=5)
        second = workers.stream_batches(_slow_first, list(range(1, 11)), batch=5)
        order = [start for start, _ in slow]
        assert order[0] != 0 and sorted(order) == [0, 5, *range(10, 20)]  # the last two batches' items one by one
        assert [r for _, results in sorted(second) for r in results] == [10 * i for i in range(1, 11)]


def _sizes(items: list[int]) -> list[int]:
    return [len(items)] * len(items)


def test_the_last_batches_are_smaller_so_the_workers_finish_together():
    """A worker left alone with a whole last batch keeps the run waiting: the last `jobs` batches' worth of
    items go in batches a quarter the size. In this process, batches keep their size."""
    assert executor.run_batches(_sizes, list(range(100)), batch=20, jobs=2) == [20] * 60 + [5] * 40
    assert executor.run_batches(_sizes, list(range(30)), batch=20, jobs=1) == [20] * 20 + [10] * 10


def test_a_part_of_a_stream_keeps_its_batch_size():
    """A caller handing items over as it makes them (`evaluate_stream`) cuts its own batches: each part it hands
    over goes whole, not in quarter batches, each of which costs this process as much as a whole one."""
    with executor.Workers(2) as workers:
        workers.start()
        parts = sorted(workers.stream_batches(_sizes, list(range(50)), batch=50, smaller_last=False))
        assert [(start, results) for start, results in parts] == [(0, [50] * 50)]
        pieces = sorted(workers.stream_batches(_sizes, list(range(45)), batch=23, smaller_last=False))
        assert [r for _, results in pieces for r in results] == [23] * 23 + [22] * 22


def _task_inputs(folder: Path, tasks: list[dict]) -> list[dict]:
    """The rule inputs of `tasks`, each written to a file of its own and loaded, in order."""
    for n, task in enumerate(tasks):
        (folder / f"task{n:03}.json").write_text(json.dumps({"taskDefinition": task}))
    loaded = load_batch(sorted(discover([folder], [], []), key=lambda f: f.path), 10**7, Inputs())
    return [rego_input(r) for item in loaded for r in item.resources]


def _streamed(scanner_: Scanner, inputs: list[dict]) -> dict[int, object]:
    """Each input's result by index, the inputs handed to running workers as `evaluate_stream` hands them."""
    with executor.Workers(2, worker_setup(scanner_.rule_set, scanner_.evaluation)) as workers:
        workers.start()
        return dict(evaluate.evaluate_stream(iter(inputs), scanner_.evaluation, workers))


def test_a_stream_of_inputs_gets_each_result_in_its_place(tmp_path):
    """Inputs handed to running workers as they are made, in parts of STREAM_BATCH and a last part split
    among the workers, each come back with its own result under its own index."""
    risky = json.loads((EXAMPLES / "risky-task-definition.json").read_text())["taskDefinition"]
    tasks = []
    for n in range(2 * evaluate.STREAM_BATCH + 7):
        containers = [dict(c, privileged=n % 3 == 0, user=str(n % 2)) for c in risky["containerDefinitions"]]
        tasks.append(dict(risky, family=f"app{n}", containerDefinitions=containers))
    inputs = _task_inputs(tmp_path, tasks)
    scanner_ = Scanner(ScanOptions())
    here = scanner_.evaluation.evaluate(inputs)
    spread = _streamed(scanner_, inputs)
    assert len(inputs) == 2 * evaluate.STREAM_BATCH + 7
    assert len({json.dumps(r, sort_keys=True) for r in here}) > 1  # the inputs differ in what they are judged on
    assert [spread[i] for i in range(len(inputs))] == here


def _collecting(items: list[int]) -> list[bool]:
    import gc

    return [gc.isenabled() for _ in items]


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_workers_run_without_the_cycle_collector(method, monkeypatch):
    """A worker started either way scans with the collector off (a spawned one inherits nothing), and a scan
    in this process turns it off while it runs and back on after."""
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(executor, "start_method", lambda: method)
    assert executor.run_batches(_collecting, list(range(4)), batch=2, jobs=2) == [False] * 4
    import gc

    assert gc.isenabled()
    with executor.collector_off():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_a_scan_made_is_not_young_after_it():
    """What lives on after the collector comes back on is in the oldest generation: the young collection the
    next allocation starts would otherwise walk every object the scan made."""
    import gc

    with executor.collector_off():
        made = [[i] for i in range(1000)]
    young = {id(o) for o in gc.get_objects(generation=0)} | {id(o) for o in gc.get_objects(generation=1)}
    assert not young & {id(o) for o in made}
    assert {id(o) for o in gc.get_objects(generation=2)} >= {id(o) for o in made}


QUOTING_RULE = """\
# METADATA
# title: Quotes what it should not
# custom:
#   id: LEAK-{n}
#   name: leak-{n}
#   severity: low
#   kinds: [{kinds}]
{extra}package leak.rule{n}

import rego.v1

deny contains finding if {{
{body}
}}
"""

TEMPLATE = """\
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: api
      NetworkMode: awsvpc
      ContainerDefinitions:
        - Name: agent
          Image: public.ecr.aws/acme/agent:1.2
          Command: [agent, file]
          DockerLabels: {{role: agent}}
          Environment:
            - Name: DB_PASSWORD
              Value: {secret}
          PortMappings: [{{ContainerPort: 8080}}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
          SecurityGroups: [sg-0123456789abcdef0]
"""


def leaking_rules(folder: Path) -> Path:
    """Custom rules, in both passes, that quote a secret whole, in fragments and in their path."""
    folder.mkdir()
    rules = {
        "hood": (
            "ecs_service",
            "#   input: neighbourhood\n",
            "\tsome c in input.neighbourhood.task_definition.containers\n\tsome e in c.environment\n"
            '\tfinding := {"msg": sprintf("env %s=%s", [e.name, e.value]), "chain": e.value}',
        ),
        "parts": (
            "ecs_task_definition",
            "",
            "\tsome e in input.resource.containerDefinitions[0].environment\n"
            '\tfinding := {"msg": concat(" ", split(e.value, "2")), "path": ["containerDefinitions", 0, e.value]}',
        ),
        "names": (
            "ecs_task_definition",
            "",
            "\tc := input.resource.containerDefinitions[0]\n"
            '\tfinding := {"msg": sprintf("container %s runs %s on its root filesystem", [c.name, c.command[1]])}',
        ),
    }
    for n, (kinds, extra, body) in rules.items():
        (folder / f"{n}.rego").write_text(QUOTING_RULE.format(n=n, kinds=kinds, extra=extra, body=body))
    return folder


def test_no_rule_of_any_pass_can_print_a_secret(tmp_path):
    rules = leaking_rules(tmp_path / "rules")
    (tmp_path / "stack.yaml").write_text(TEMPLATE.format(secret=SECRET))
    outputs = {}
    for fmt in ("json", "text", "sarif", "markdown", "junit", "github"):
        result = CliRunner().invoke(
            app, ["scan", str(tmp_path / "stack.yaml"), "--rules", str(rules), "-f", fmt, "--fail-on", "none"]
        )
        assert result.exit_code == 0, result.output
        outputs[fmt] = result.stdout
    for fmt, text in outputs.items():
        for fragment in (SECRET, "hunter"):
            assert fragment not in text, f"{fmt} output quotes the secret"
    findings = {f["rule_id"]: f for f in json.loads(outputs["json"])["findings"]}
    assert findings["LEAK-hood"]["message"].endswith("env DB_PASSWORD=***")
    assert findings["LEAK-parts"]["message"].split(": ", 1)[1].strip() == "*** ***"  # "hunter hunter "
    assert findings["LEAK-parts"]["path"] == ["containerDefinitions", 0, "***"]
    # whole words the rule wrote and names that equal a secret (the label `agent`, the argument `file`) stay
    assert findings["LEAK-names"]["message"].endswith("container agent runs file on its root filesystem")


def test_a_number_the_resource_states_stays_printed_when_an_environment_value_equals_it(tmp_path):
    """`PORT=8080` beside `containerPort: 8080`: the port a message quotes comes from the configuration
    itself, in plain sight, and is not hidden; a secret the configuration does not state still is."""
    rules = tmp_path / "rules"
    rules.mkdir()
    body = (
        "\tc := input.resource.containerDefinitions[0]\n"
        '\tfinding := {"msg": sprintf("port %v is open; pin %v", '
        "[c.portMappings[0].containerPort, c.environment[1].value])}"
    )
    (rules / "port.rego").write_text(QUOTING_RULE.format(n="port", kinds="ecs_task_definition", extra="", body=body))
    container = {
        "name": "api",
        "image": "public.ecr.aws/acme/api:1.2",
        "portMappings": [{"containerPort": 8080}],
        "environment": [{"name": "PORT", "value": "8080"}, {"name": "PIN", "value": "918273"}],
    }
    (tmp_path / "td.json").write_text(json.dumps({"family": "api", "containerDefinitions": [container]}))
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path / "td.json"), "--rules", str(rules), "--rule", "LEAK-port", "-f", "json"]
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["message"].endswith("port 8080 is open; pin ***")


def test_a_malformed_deny_entry_drops_that_rules_results_only(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    body = '\tinput.kind == "ecs_task_definition"\n\tfinding := 42'
    (rules / "bad.rego").write_text(QUOTING_RULE.format(n="bad", kinds="ecs_task_definition", extra="", body=body))
    result = CliRunner().invoke(app, ["scan", str(EXAMPLES / "risky-task-definition.json"), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "bad.rego: error: rule LEAK-bad: a deny entry must be an object, not int; its results are dropped" in (
        result.stderr
    )
    assert "privileged-container" in result.stdout  # every bundled result is still reported
    assert "Traceback" not in result.output


@pytest.mark.parametrize("deny", ['{"msg": "m", "path": "containerDefinitions"}', '{"msg": "m", "path": [{}]}'])
def test_a_deny_path_that_is_not_a_list_of_keys_is_reported(tmp_path, deny):
    rules = tmp_path / "rules"
    rules.mkdir()
    body = textwrap.indent(f"finding := {deny}", "\t")
    (rules / "bad.rego").write_text(QUOTING_RULE.format(n="bad", kinds="ecs_task_definition", extra="", body=body))
    result = CliRunner().invoke(app, ["scan", str(EXAMPLES / "risky-task-definition.json"), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "a deny entry's path must be a list of keys and indexes" in result.stderr


CORPORA = [ROOT / "tests" / "corpus" / "public", ROOT / "tests" / "fixtures", EXAMPLES]


def test_the_graph_stage_changes_only_the_inputs_of_graph_linked_kinds():
    """Load workers judge every resource not of GRAPH_LINKED before the graph exists, so the graph stage must
    leave those rule inputs exactly as loaded: on every corpus, only security groups and roles change."""
    loaded = load_batch(list(discover(CORPORA, [], [], None, set())), 10**7, Inputs())
    resources = [r for item in loaded for r in item.resources]
    before = [json.dumps(rego_input(r), sort_keys=True, default=repr) for r in resources]
    linked(loaded)
    after = [json.dumps(rego_input(r), sort_keys=True, default=repr) for r in resources]
    changed = {r.kind for r, old, new in zip(resources, before, after, strict=True) if old != new}
    assert changed == GRAPH_LINKED  # both kinds do get facts from the graph here, and nothing else does
    assert len(resources) > 2000


def test_no_view_reads_what_the_graph_stage_sets():
    """The exposure views are built as files arrive, before the graph stage: on every corpus, each is the same
    after it (roles and groups included, whose other facts it sets)."""
    loaded = load_batch(list(discover(CORPORA, [], [], None, set())), 10**7, Inputs())
    resources = [r for item in loaded for r in item.resources]

    def seen() -> list[str]:
        return [
            json.dumps([v.data, v.locs] if v else None, sort_keys=True, default=repr)
            for v in views_of(resources).values()
        ]

    before = seen()
    linked(loaded)
    assert seen() == before
    assert {r.kind for r in resources if r.kind in GRAPH_LINKED} == GRAPH_LINKED
    assert len(before) > 500


GROUP_STACK = """\
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress: [{{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}}]
"""  # the first resource of the templates below: a world-open group

SERVED_STACK = (
    GROUP_STACK
    + """\
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: app{n}
      TaskRoleArn: !GetAtt Role.Arn
      ContainerDefinitions: [{{Name: app, Image: nginx, PortMappings: [{{ContainerPort: 22}}]}}]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {{Statement: [{{Effect: Allow, Principal: {{Service: ecs-tasks.amazonaws.com}},
        Action: "sts:AssumeRole"}}]}}
      Policies: [{{PolicyName: all, PolicyDocument: {{Statement: [{{Effect: Allow, Action: "*", Resource: "*"}}]}}}}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      NetworkConfiguration:
        AwsvpcConfiguration: {{AssignPublicIp: ENABLED, SecurityGroups: [!Ref Group], Subnets: [subnet-1]}}
"""
)


CLI_OUTPUT = {
    "services.json": """{"services": [{"serviceName": "orders", "launchType": "FARGATE",
        "serviceArn": "arn:aws:ecs:eu-west-1:111122223333:service/prod/orders",
        "taskDefinition": "arn:aws:ecs:eu-west-1:111122223333:task-definition/orders:14",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"],
          "securityGroups": ["sg-0123456789abcdef0"], "assignPublicIp": "ENABLED"}}}]}""",
    "security-groups.json": """{"SecurityGroups": [{"GroupId": "sg-0123456789abcdef0", "GroupName": "orders",
        "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
        "IpPermissionsEgress": []}]}""",
    "orders-task.json": """{"taskDefinition": {"family": "orders", "revision": 14, "networkMode": "awsvpc",
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/orders:14",
        "containerDefinitions": [{"name": "app", "image": "nginx", "portMappings": [{"containerPort": 22}]}]}}""",
}


def test_inputs_judged_ahead_are_kept_only_where_the_whole_scan_leaves_them(tmp_path, monkeypatch):
    """Load workers judge groups and roles on the graph of their own file. A template that links to no other
    file keeps those results; a group in AWS CLI output that a service in another file uses is judged again on
    the scan's graph. The findings are those of one process."""
    for n in range(130):
        (tmp_path / f"stack{n:03}.yaml").write_text(SERVED_STACK.format(n=n))
    for name, text in CLI_OUTPUT.items():
        (tmp_path / name).write_text(text)
    serial = Scanner(ScanOptions(jobs=1)).scan([tmp_path])
    spread = Scanner(ScanOptions(jobs=2)).scan([tmp_path])
    assert not serial.errors and keyed(spread.findings) == keyed(serial.findings)
    [across] = [f for f in serial.findings if f.rule_name == "internet-exposed-task" and f.resource == "orders"]
    assert "container 'app' port 22" in across.message  # its task and group are in two other files

    monkeypatch.setattr(evaluate, "_worker", None)
    setup = worker_setup(Scanner(ScanOptions()).rule_set)
    setup.function(*setup.args)  # this process as a load worker
    loaded = load_batch(list(discover([tmp_path], [], [])), 10**7, Inputs())
    as_loaded = [json.dumps(rego_input(r), sort_keys=True) for item in loaded for r in item.resources]
    ahead = {key: result for item in loaded for key, result in pipeline._judge_ahead(item).items()}
    assert [json.dumps(rego_input(r), sort_keys=True) for item in loaded for r in item.resources] == as_loaded
    linked(loaded)
    inputs = [(r.file, rego_input(r)) for item in loaded for r in item.resources if r.kind in GRAPH_LINKED]
    kept = {(Path(file).name, item["kind"], digest(input_text(item)) in ahead) for file, item in inputs}
    stacks = {(f"stack{n:03}.yaml", kind, True) for n in range(130) for kind in ("ec2_security_group", "iam_role")}
    assert kept == stacks | {("security-groups.json", "ec2_security_group", False)}


STACK = (
    GROUP_STACK
    + """\
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: {family}
      ContainerDefinitions: [{{Name: app, Image: nginx, Privileged: true}}]
"""
)


class CrashingVm:
    """regorus's VM, dying as a native crash would on the input of task family `crash-me`."""

    def __init__(self) -> None:
        import regorus

        self._vm = regorus.Rvm()

    def __getattr__(self, name: str) -> object:
        return getattr(self._vm, name)

    def set_input_json(self, text: str) -> None:
        if '"crash-me"' in text:
            os._exit(3)
        self._vm.set_input_json(text)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers must inherit the fault")
def test_an_engine_crash_in_a_load_worker_loses_only_that_input(tmp_path, monkeypatch):
    """Load workers also judge what needs no graph: a worker the engine kills there costs the file nothing but
    the one input's verdict. The file is loaded again without judging, its other resources are judged, and
    the input that kills the engine is reported as not evaluated."""
    import regorus

    from scanner.engine import regorus_vm

    for n in range(130):
        (tmp_path / f"stack{n:03}.yaml").write_text(STACK.format(family="crash-me" if n == 7 else f"app{n}"))
    calm = Scanner(ScanOptions(jobs=2)).scan([tmp_path])
    assert not calm.errors
    faulty = types.SimpleNamespace(**{k: getattr(regorus, k) for k in dir(regorus) if not k.startswith("__")})
    faulty.Rvm = CrashingVm
    monkeypatch.setattr(regorus_vm, "regorus", faulty)
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path / "cache"))
    crashed = Scanner(ScanOptions(jobs=2)).scan([tmp_path])
    [error] = crashed.errors
    assert error.file.endswith("stack007.yaml") and error.line == 9  # the task's Properties
    assert "not evaluated: evaluation stopped: the worker process died while handling it" in error.message
    lost = {(f.file, f.rule_id) for f in calm.findings if f.file.endswith("stack007.yaml") and f.resource == "Task"}
    assert lost and keyed(crashed.findings) == keyed(f for f in calm.findings if (f.file, f.rule_id) not in lost)
    assert any(f.file.endswith("stack007.yaml") and f.resource == "Group" for f in crashed.findings)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="workers must inherit the fault")
def test_an_engine_crash_in_a_streamed_part_loses_only_that_input(tmp_path, monkeypatch):
    """A worker the engine kills while judging a part of a stream (a whole part of STREAM_BATCH inputs) costs
    only the one input's verdict: every other input of the part keeps its own result."""
    import regorus

    from scanner.engine import regorus_vm

    risky = json.loads((EXAMPLES / "risky-task-definition.json").read_text())["taskDefinition"]
    tasks = [dict(risky, family="crash-me" if n == 77 else f"app{n}") for n in range(evaluate.STREAM_BATCH + 30)]
    inputs = _task_inputs(tmp_path, tasks)
    scanner_ = Scanner(ScanOptions())
    here = scanner_.evaluation.evaluate(inputs)  # before the fault: this process must never run it
    faulty = types.SimpleNamespace(**{k: getattr(regorus, k) for k in dir(regorus) if not k.startswith("__")})
    faulty.Rvm = CrashingVm
    monkeypatch.setattr(regorus_vm, "regorus", faulty)
    monkeypatch.setenv("FGSCAN_CACHE_DIR", str(tmp_path / "cache"))
    spread = _streamed(scanner_, inputs)
    assert spread[77] == evaluate.Failed(f"evaluation stopped: {executor.DIED}")
    assert [spread[i] for i in range(len(inputs)) if i != 77] == [r for i, r in enumerate(here) if i != 77]


def test_what_a_scan_loaded_lives_as_long_as_its_result_and_no_longer() -> None:
    """The documents are freed with the result (after the reports), not when the scan returns."""
    result = scan([EXAMPLES], ScanOptions(jobs=1))
    loaded = result.retained[0]
    doc = weakref.ref(next(item.doc for item in loaded if item.doc is not None))
    del loaded
    gc.collect()
    assert doc() is not None
    del result
    gc.collect()
    assert doc() is None


def _rules_seen(items: list[int]) -> list[tuple[int, int]]:
    """In a worker: where its rulebook and its evaluation live (a forked worker's inherited objects keep
    the addresses they had in the process that forked it)."""
    assert evaluate._worker is not None
    return [(id(evaluate._worker.rulebook), id(evaluate._worker)) for _ in items]


@pytest.mark.skipif(executor.start_method() != "fork", reason="only a forked worker inherits the loaded rules")
def test_forked_workers_take_the_rules_the_scan_loaded(monkeypatch) -> None:
    """Reading the rules again cost each worker 12-30 ms at the start of a large scan: a forked worker takes the
    scan's rulebook, with an evaluation of its own (its engines are made in the worker)."""
    scanner = Scanner(ScanOptions())
    with executor.Workers(2, worker_setup(scanner.rule_set, scanner.evaluation)) as workers:
        workers.start()
        seen = workers.run_batches(_rules_seen, [0, 1, 2, 3], 1)
    assert {rulebook for rulebook, _ in seen} == {id(scanner.evaluation.rulebook)}  # type: ignore[misc]
    assert id(scanner.evaluation) not in {evaluation for _, evaluation in seen}  # type: ignore[misc]
    monkeypatch.setattr(evaluate, "_loaded", None)  # nothing given (a spawned worker's case): the rules read again
    with executor.Workers(2, worker_setup(scanner.rule_set)) as workers:
        workers.start()
        seen = workers.run_batches(_rules_seen, [0, 1], 1)
    assert id(scanner.evaluation.rulebook) not in {rulebook for rulebook, _ in seen}  # type: ignore[misc]
