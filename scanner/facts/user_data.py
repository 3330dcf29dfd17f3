"""`facts.user_data` for launch templates and launch configurations: the instance's user data as text.

Rego has no base64 of CloudFormation intrinsics: the text is the decoded literal (the EC2 API returns
user data base64-encoded), or the template of `Fn::Base64` of a string, `Fn::Sub` or `Fn::Join`, with
values known only at deploy time left as `${...}`. None when there is no user data.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any


def user_data_text(value: Any) -> str | None:
    """The user data's text, or None when absent or unreadable."""
    if isinstance(value, dict) and len(value) == 1 and "Fn::Base64" in value:
        return _template(value["Fn::Base64"])
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return value  # already text (a hand-written input)
    return None


def _template(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and len(value) == 1:
        ((key, arg),) = value.items()
        if key == "Fn::Sub":
            return _template(arg[0] if isinstance(arg, list) and arg else arg)
        if key == "Fn::Join" and isinstance(arg, list) and len(arg) == 2 and isinstance(arg[1], list):
            return str(arg[0]).join(_template(a) for a in arg[1])
    return "${?}"


def annotate(data: dict[str, Any], kind: str) -> dict[str, Any]:
    """The user data fact of one launch template (`LaunchTemplateData.UserData`) or configuration."""
    holder = data.get("LaunchTemplateData") if kind == "ec2_launch_template" else data
    raw = holder.get("UserData") if isinstance(holder, dict) else None
    return {"user_data": user_data_text(raw)}
