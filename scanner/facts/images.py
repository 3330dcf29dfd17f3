"""`facts.images` (task definitions): each container image reference taken apart once in Python, where the
string work costs a fraction of what it costs in the Rego engine, for the image rules.

One entry per container whose image has literal text: a string, or the template of an `Fn::Sub` (short or
list form). An image CloudFormation resolves at deploy time from a dynamic reference (`{{resolve:...}}`), or
a token a pipeline replaces at deploy time (CodeDeploy's `<IMAGE1_NAME>`, `$IMAGE`, `{{image}}`, `#{Image}#`,
`%IMAGE%`, or an upper-case name such as `REPOSITORY_URI:IMAGE_TAG`: a real repository path is lower case)
gets no entry. `${...}` placeholders in the part a fact looks at make that fact unknown (null). A documentation
placeholder inside a reference (`<ACCOUNT_ID>.dkr.ecr.<REGION>.amazonaws.com/app:latest`, the reader fills it in)
is read as a `${...}` one: it hides the registry, not the literal tag after it.
"""

from __future__ import annotations

import re
from typing import Any

_DEPLOY_TOKEN = re.compile(r"[<>%]|[{][{]|#[{]|[$][A-Za-z_]")
_SUB_PLACEHOLDER = re.compile(r"[$][{][^}]*[}]")
_ANGLE_PLACEHOLDER = re.compile(r"<([^<>{}]*)>")
_UPPER = re.compile(r"[A-Z]")
_DIGEST = re.compile(r"@[a-z0-9]+([+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}\Z")
_DOCKER_HUB = {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}


def image_facts(task: dict[str, Any]) -> list[dict[str, Any]]:
    """One fact per container (of a list or, malformed, an object of containers) with a literal image."""
    containers = task.get("containerDefinitions")
    pairs = (
        enumerate(containers)
        if isinstance(containers, list)
        else containers.items()
        if isinstance(containers, dict)
        else []
    )
    facts = []
    for key, container in pairs:
        written = literal(container.get("image")) if isinstance(container, dict) else None
        ref = _angle_placeholders_as_sub(written)
        if ref is None or not ref.strip() or "{{resolve:" in ref or deploy_placeholder(ref):
            continue  # an empty image is refused at registration: it names no registry, tag or digest
        facts.append(
            {
                "container": key,
                "reference": written,
                "registry": registry(ref),
                "tag_state": tag_state(ref),
                "pinned": pinned(ref),
            }
        )
    return facts


def literal(image: Any) -> str | None:
    """The text of a string image or of an `Fn::Sub` template; None for anything else."""
    if isinstance(image, str):
        return image
    sub = image.get("Fn::Sub") if isinstance(image, dict) else None
    if isinstance(sub, list) and sub:
        sub = sub[0]
    return sub if isinstance(sub, str) else None


def _angle_placeholders_as_sub(ref: str | None) -> str | None:
    """`<NAME>` inside a longer reference as `${NAME}`; an image that is one `<NAME>` (CodeDeploy's
    `<IMAGE1_NAME>`) is replaced whole at deploy time and stays as written (a deploy token)."""
    if ref is None or "<" not in ref or _ANGLE_PLACEHOLDER.fullmatch(ref.strip()):  # most images hold none
        return ref
    return _ANGLE_PLACEHOLDER.sub(r"${\1}", ref)


def deploy_placeholder(ref: str) -> bool:
    """A token a pipeline replaces at deploy time (see the module's docstring)."""
    return bool(_DEPLOY_TOKEN.search(ref)) or bool(_UPPER.search(_repository_path(ref)))


def _repository_path(ref: str) -> str:
    """The repository path without registry host, tag, digest or `${...}` placeholders."""
    parts = _SUB_PLACEHOLDER.sub("", ref).split("@")[0].split("/")
    skip = 1 if len(parts) > 1 and _is_host(parts[0]) else 0
    return "/".join(part.split(":")[0] for part in parts[skip:])


def pinned(ref: str) -> bool:
    """Pinned by content digest (`repo@sha256:...`, `repo:1.2@sha256:...`)."""
    return bool(_DIGEST.search(ref))


def tag_state(ref: str) -> str | None:
    """ "tag", "latest" or "none"; None when the tag or digest is a `${...}` placeholder. Text after the last
    placeholder still tells: `${RepoUrl}:latest` is `latest`, `${Registry}/app` has no tag."""
    name, _, digest = ref.partition("@")
    if "${" in digest:
        return None  # a digest given at deploy time: the image may well be pinned
    if "${" in name:
        tail = name[name.rindex("}") + 1 :]  # literal text after the last placeholder
        component = tail.split("/")[-1]
        if ":" not in component and "/" not in tail:
            return None  # the last path component begins inside a placeholder, which may hold the tag
    else:
        component = name.split("/")[-1]
    if ":" not in component:
        return "none"
    return "latest" if component[component.index(":") + 1 :] == "latest" else "tag"


def registry(ref: str) -> str | None:
    """The registry host, lower case, Docker Hub's names as `docker.io`; None when a `${...}` placeholder hides it."""
    parts = ref.split("/")
    found: str | None
    if len(parts) > 1 and _is_host(parts[0]):
        host = parts[0].lower()
        found = "docker.io" if host in _DOCKER_HUB else host
    elif len(parts) > 1:
        found = "docker.io" if "${" not in parts[0] else None
    else:
        found = "docker.io" if "${" not in ref.split(":")[0] else None
    return None if found is None or "${" in found else found


def _is_host(name: str) -> bool:
    return "." in name or ":" in name or name == "localhost"
