"""Faults met while collecting: recorded per account, region and API, never fatal for the rest.

A fault that dooms every later call in the same account and region (expired or invalid credentials,
a region that is not enabled) stops that account/region early; any other fault skips just the call.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from msgspec import Struct, field

from scanner.coverage import CoverageGap

ACCESS = {
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "UnauthorizedAccess",
    "AuthorizationError",
    "AuthorizationErrorException",
}
THROTTLED = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
}
# Every later call with the same credentials in the same region fails the same way.
DOOMED = {
    "ExpiredToken",
    "ExpiredTokenException",
    "RequestExpired",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "AuthFailure",
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId",
    "OptInRequired",
    "NoCredentials",
    "CredentialRetrieval",
    "TokenRetrieval",
}
MESSAGE_LIMIT = 240
# Credentials in an error's text (botocore quotes a garbled answer whole, an `AssumeRole` answer holds a
# key pair and a token): access key ids, the value of any credential field in XML, JSON or `key=value`
# form (also when the answer is cut in the middle of it), and any other run of 40 or more base64
# characters (a secret key has 40, a session token hundreds).
_KEY_ID = re.compile(r"(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{12,}")
_FIELD = re.compile(
    r"(?i)((?:AccessKeyId|SecretAccessKey|SessionToken|SecurityToken|aws_secret_access_key|aws_session_token)"
    r"[\"']?\s*(?:>|[:=])\s*[\"']?)[^<\"'\s,;}\\]+"
)
_LONG = re.compile(r"[A-Za-z0-9/+=]{40,}")
REDACTED = "[REDACTED]"


MALFORMED = "MalformedResponse"
# What every answer of an API must hold (key -> type). botocore turns a 200 whose JSON body it cannot
# parse (a proxy's HTML page, a truncated body) into `{"message": ...}` without raising, and `{}` parses
# fine: without this check such an answer would read as "no resources".
SHAPES: dict[str, tuple[str, type]] = {
    "ecs:ListClusters": ("clusterArns", list),
    "ecs:DescribeClusters": ("clusters", list),
    "ecs:ListServices": ("serviceArns", list),
    "ecs:DescribeServices": ("services", list),
    "ecs:DescribeTaskSets": ("taskSets", list),
    "ecs:ListTaskDefinitions": ("taskDefinitionArns", list),
    "ecs:DescribeTaskDefinition": ("taskDefinition", dict),
    "ec2:DescribeSecurityGroups": ("SecurityGroups", list),
    "ec2:DescribeNetworkInterfaces": ("NetworkInterfaces", list),
    "elasticloadbalancing:DescribeLoadBalancers": ("LoadBalancers", list),
    "elasticloadbalancing:DescribeTargetGroups": ("TargetGroups", list),
    "elasticloadbalancing:DescribeListeners": ("Listeners", list),
    # answers read inside `session` helpers, which check them themselves
    "ec2:DescribeRegions": ("Regions", list),
    "organizations:ListAccounts": ("Accounts", list),
    "sts:GetCallerIdentity": ("Account", str),
    "iam:GetRole": ("Role", dict),
    "iam:ListRolePolicies": ("PolicyNames", list),
    "iam:GetRolePolicy": ("PolicyDocument", (dict, str)),  # type: ignore[dict-item]
    "iam:ListAttachedRolePolicies": ("AttachedPolicies", list),
    "iam:GetPolicy": ("Policy", dict),
    "iam:GetPolicyVersion": ("PolicyVersion", dict),
}

HELPER_CHECKED = {"ec2:DescribeRegions", "organizations:ListAccounts", "sts:GetCallerIdentity"}


class MalformedResponse(Exception):
    """A 200 answer without the shape its API promises; recorded as a gap like any failed call."""

    def __init__(self, api: str, answer: Any):
        key = SHAPES[api][0]
        found = sorted(k for k in answer if k != "ResponseMetadata") if isinstance(answer, dict) else []
        super().__init__(f"the answer has no '{key}' (keys: {', '.join(found) or 'none'}); a proxy may have altered it")


def check_shape(api: str, answer: Any) -> None:
    """Raise `MalformedResponse` when `answer` lacks what `api` always returns."""
    if api in SHAPES:
        key, kind = SHAPES[api]
        if not isinstance(answer, dict) or not isinstance(answer.get(key), kind):
            raise MalformedResponse(api, answer)


class DeadlineExceeded(Exception):
    """The audit's overall deadline (`--deadline`) passed: what is not read by then is a gap."""

    def __init__(self) -> None:
        super().__init__("the audit's deadline passed before this was read")


class Abandoned(Exception):
    """Raised to stop collecting in an account/region after a fault every later call would repeat."""

    def __init__(self, gap: CoverageGap):
        super().__init__(f"{gap.account} {gap.region}: {gap.error}")
        self.gap = gap


def redact_credentials(text: str) -> str:
    """`text` with every AWS credential in it replaced by `[REDACTED]`."""
    text = _FIELD.sub(lambda m: m.group(1) + REDACTED, text)
    return _LONG.sub(REDACTED, _KEY_ID.sub(REDACTED, text))


def describe(exc: Exception) -> tuple[str, str]:
    """The error code and a short message, without credentials, of a boto3/botocore exception."""
    from botocore.exceptions import ClientError
    from botocore.parsers import ResponseParserError

    if isinstance(exc, MalformedResponse):
        code, message = MALFORMED, str(exc)
    elif isinstance(exc, ResponseParserError):  # its text quotes the body: keep the first line only
        code, message = MALFORMED, "the answer could not be parsed: " + (str(exc).splitlines() or [""])[0][:100]
    elif isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code") or "ClientError")
        message = str(error.get("Message") or "")
    else:
        code = type(exc).__name__.removesuffix("Error") or "Error"
        message = str(exc)
    message = redact_credentials(" ".join(message.split()))
    if len(message) > MESSAGE_LIMIT:
        message = message[: MESSAGE_LIMIT - 3] + "..."
    return code, message


def category(code: str) -> str:
    """access-denied, throttled, credentials-or-region, connection, malformed or error."""
    if code == MALFORMED:
        return "malformed"
    if code == "DeadlineExceeded":
        return "deadline"
    if code in ACCESS:
        return "access-denied"
    if code in THROTTLED:
        return "throttled"
    if code in DOOMED:
        return "credentials-or-region"
    if code in {
        "EndpointConnection",
        "ConnectTimeout",
        "ReadTimeout",
        "ConnectionClosed",
        "Connect",
        "HTTPClient",
        "ProxyConnection",
    }:
        return "connection"
    return "error"


class Faults(Struct):
    """Every coverage gap of an audit (thread-safe)."""

    gaps: list[CoverageGap] = field(default_factory=list)
    deadline: float | None = None  # time.monotonic() after which no call is started
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, account: str, region: str, api: str, exc: Exception, target: str = "") -> CoverageGap:
        """Record one failed call and return its gap."""
        code, message = describe(exc)
        gap = CoverageGap(account, region, api, code, category(code), message, target)
        with self._lock:
            self.gaps.append(gap)
        return gap

    def add(self, gap: CoverageGap) -> None:
        """Record a gap that is not one failed call (a resource kind left unread)."""
        with self._lock:
            self.gaps.append(gap)

    def count(self, account: str, region: str) -> int:
        """How many gaps one account/region has so far."""
        with self._lock:
            return sum(1 for g in self.gaps if (g.account, g.region) == (account, region))


class Scope(Struct):
    """One account and region being collected; calls through it record their faults."""

    account: str
    region: str
    faults: Faults
    completed: set[str] = field(default_factory=set)  # resource kinds read to the end

    def call(self, api: str, fn: Callable[..., Any], target: str = "", absent: str = "", **kwargs: Any) -> Any | None:
        """`fn(**kwargs)`, or None after recording the fault (not for the error code `absent`: a missing
        resource is not a gap)."""
        self.check_deadline(api, target)
        try:
            answer = fn(**kwargs)
            if api not in HELPER_CHECKED:
                check_shape(api, answer)
            return answer
        except Exception as exc:
            if not absent or describe(exc)[0] != absent:
                self._fault(api, exc, target)
            return None

    def pages(self, api: str, client: Any, operation: str, key: str, target: str = "", **kwargs: Any) -> list:
        """Every item under `key` across all pages; on a fault, the items read so far."""
        items: list = []
        self.check_deadline(api, target)
        try:
            for page in client.get_paginator(operation).paginate(**kwargs):
                check_shape(api, page)
                items.extend(page[key])
                self.check_deadline(api, target)
        except Abandoned:
            raise
        except Exception as exc:
            self._fault(api, exc, target)
        return items

    def finish(self, kind: str) -> None:
        """Every resource of `kind` has been read (possibly with recorded gaps along the way)."""
        self.completed.add(kind)

    def check_deadline(self, api: str, target: str) -> None:
        """Stop this account/region once the audit's overall deadline has passed."""
        if self.faults.deadline is not None and time.monotonic() > self.faults.deadline:
            self._fault(api, DeadlineExceeded(), target)

    def _fault(self, api: str, exc: Exception, target: str) -> None:
        if not _is_aws_error(exc):
            raise exc
        gap = self.faults.record(self.account, self.region, api, exc, target)
        if gap.category in ("credentials-or-region", "deadline"):
            raise Abandoned(gap) from exc


def _is_aws_error(exc: Exception) -> bool:
    """An error from AWS or on the way to it (an unparsable or malformed answer too); invalid parameters
    are our bug and are raised."""
    from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError
    from botocore.parsers import ResponseParserError  # a garbled or cut answer: not a BotoCoreError

    if isinstance(exc, (MalformedResponse, ResponseParserError, DeadlineExceeded)):
        return True
    return isinstance(exc, (ClientError, BotoCoreError)) and not isinstance(exc, ParamValidationError)


def batches(items: Iterable[Any], size: int) -> list[list[Any]]:
    """`items` in lists of at most `size`."""
    items = list(items)
    return [items[i : i + size] for i in range(0, len(items), size)]
