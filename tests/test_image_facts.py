"""`facts.images`: container image references taken apart in Python for the image rules (the cases the Rego tests of
image-not-pinned and image-untrusted-registry covered when the rules parsed images themselves)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanner.facts import annotate
from scanner.facts.images import image_facts
from scanner.model import Resource

DIGEST = "sha256:9b2a6f3e1c0d4b5a69788766554433221100ffeeddccbbaa9988776655443322"


def fact(image):
    """The fact of a task definition's only container, None when it gets none."""
    found = image_facts({"containerDefinitions": [{"name": "app", "image": image}]})
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    ("image", "registry"),
    [
        ("nginx", "docker.io"),
        ("library/nginx:1.27", "docker.io"),
        ("docker.io/bitnami/redis:7", "docker.io"),
        ("index.docker.io/library/nginx", "docker.io"),
        ("Registry-1.Docker.io/team/app:2", "docker.io"),
        ("ghcr.io/acme/app:1.0", "ghcr.io"),
        ("public.ecr.aws/nginx/nginx:1.27", "public.ecr.aws"),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1", "123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
        (
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io/app:1",
            "123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.io",
        ),
        ("localhost:5000/app", "localhost:5000"),
        ("localhost/app", "localhost"),
        ("Registry.Example.com/app:1", "registry.example.com"),
        ({"Fn::Sub": "nginx:${Tag}"}, "docker.io"),
        ({"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:2.1.0"}, None),
        ({"Fn::Sub": "${Registry}/web:2.1.0"}, None),
        ({"Fn::Sub": "${ImageUri}"}, None),
        ("<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/app:1", None),
    ],
)
def test_registry(image, registry):
    assert fact(image)["registry"] == registry


@pytest.mark.parametrize(
    ("image", "tag_state", "pinned"),
    [
        ("nginx:1.27", "tag", False),
        ("nginx:latest", "latest", False),
        ("nginx:Latest-RC1", "tag", False),
        ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app", "none", False),
        ("localhost:5000/team/app", "none", False),
        ("Registry.Example.com/team/app", "none", False),
        (f"nginx@{DIGEST}", "none", True),
        (f"public.ecr.aws/team/app:1.2@{DIGEST}", "tag", True),
        (f"localhost:5000/app:latest@{DIGEST}", "latest", True),
        ("nginx@sha256:abc", "none", False),  # a truncated digest pins nothing
        (f"nginx@{DIGEST}\n", "none", False),
        ({"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:2.1.0"}, "tag", False),
        ({"Fn::Sub": ["${Registry}/web:latest", {"Registry": "r"}]}, "latest", False),
        ({"Fn::Sub": "${Repo}:${Tag}"}, None, False),
        ({"Fn::Sub": ["${RepoUrl}:latest", {"RepoUrl": {"Fn::GetAtt": ["Repo", "RepositoryUri"]}}]}, "latest", False),
        ({"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/${Name}:1.0"}, "tag", False),
        ({"Fn::Sub": "${Registry}/app"}, "none", False),  # the last component is literal: no tag
        ({"Fn::Sub": "${Repo}-web"}, None, False),  # the component begins inside the placeholder
        ({"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/api@${Digest}"}, None, False),
        # documentation placeholders the reader fills in (openagents' and aggregation-query-proxy's task definitions)
        ("<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/openagents-workspace-backend:latest", "latest", False),
        ("<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/app@sha256:<DIGEST>", None, False),
        ("<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/<any small image, e.g. amazonlinux:2023>", None, False),
        ("<registry>/app", "none", False),
    ],
)
def test_tag_state_and_digest(image, tag_state, pinned):
    found = fact(image)
    assert (found["tag_state"], found["pinned"]) == (tag_state, pinned)


@pytest.mark.parametrize(
    "image",
    [
        {"Ref": "ImageUri"},
        {"Fn::Join": ["", ["repo:", {"Ref": "Tag"}]]},
        {"Fn::Sub": []},
        42,
        None,
        "{{resolve:ssm:/app/image}}",
        {"Fn::Sub": "{{resolve:ssm:/app/${Env}/image}}"},
        "<IMAGE1_NAME>",
        " <IMAGE1_NAME> ",
        "<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/IMAGE_NAME",
        "REPOSITORY_URI:IMAGE_TAG",
        "$IMAGE",
        "$IMAGE_URI",
        "{{ image }}",
        "#{ImageUri}#",
        "%IMAGE%",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/IMAGE_NAME",
        "",  # a module's empty default (infrablocks' service_image): ECS refuses it, so it pulls nothing
        "  ",
    ],
)
def test_images_known_only_at_deploy_time_get_no_fact(image):
    assert fact(image) is None


def test_a_fact_per_container_with_its_index_and_reference():
    task = {"containerDefinitions": [{"name": "a", "image": {"Ref": "Image"}}, "junk", {"name": "c", "image": "nginx"}]}
    assert image_facts(task) == [
        {"container": 2, "reference": "nginx", "registry": "docker.io", "tag_state": "none", "pinned": False}
    ]
    assert image_facts({"containerDefinitions": {"web": {"image": "nginx:1"}}})[0]["container"] == "web"
    assert image_facts({"containerDefinitions": None}) == []


def test_annotate_adds_the_images_to_task_definitions():
    data = {"containerDefinitions": [{"image": "nginx:1"}]}
    task = Resource(kind="ecs_task_definition", name="web", data=data, file=Path("td.json"))
    annotate(task)
    assert [f["registry"] for f in task.facts["images"]] == ["docker.io"]
