"""Text from the input made safe for the human-readable outputs.

Names, messages and file names come from files a stranger may have written (a pull request) or from
accounts fgscan does not control. Printed raw, a newline starts a new log line that GitHub Actions
obeys as a workflow command (`::stop-commands::TOKEN` silences every later annotation, `::error
file=...` plants a fake one), an ESC byte recolours or rewrites the terminal, a bidirectional override
reorders what a reviewer reads, and Markdown turns `![x](http://...)` into an image fetched by the
job summary. Every writer passes input text through one of these functions.
"""

from __future__ import annotations

import re

# Workflow commands: a line that starts with `::` once leading spaces are trimmed, and the legacy
# `##[` anywhere in a line (GitHub's runner, ActionCommand.TryParseV2 and TryParse).
_LEADING = re.compile(r"\A( *:):")
_LEGACY = re.compile(r"#(?=#\[)")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Markdown punctuation that can start a link, an image, HTML, an entity, emphasis, code or a heading; and
# what GitHub's autolinks need: `://` (`http://...`), `www.` and `@` (e-mail, which escaping cannot stop:
# a zero-width space after the `@` does).
_MARKDOWN = re.compile(r"""[\\`*_\[\]<>!|~&#]|:(?=//)|(?<=www)\.""", re.IGNORECASE)


def _visible(char: str) -> str:
    """A character that is not printable as a visible escape."""
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def plain(text: object) -> str:
    """One line of inert text for a terminal or a CI log: every character Python does not call printable
    (controls such as newline and ESC, bidirectional overrides and other format characters, line
    separators, lone surrogates, spaces other than the ASCII one) written as an escape (`\\n`, `\\x1b`,
    `\\u202e`), and a leading `::` or any `##[` broken with a backslash, so that wherever the text is put
    on a line, that line does not read as a workflow command."""
    text = str(text)
    if not text.isprintable():
        text = "".join(c if c.isprintable() else _visible(c) for c in text)
    return _LEGACY.sub("#\\\\", _LEADING.sub(r"\1\\:", text))


def markdown(text: object) -> str:
    """Inert Markdown inline text (a table cell, a list item): `plain`, then every character that
    Markdown or GitHub's autolinks could act on escaped, so that no link, image, HTML or emphasis comes
    from the input."""
    return _MARKDOWN.sub(r"\\\g<0>", plain(text)).replace("@", "@\u200b")


def code(text: object) -> str:
    """A Markdown code span in a table cell (file names, locations): nothing inside it is rendered; a
    backtick would end it and a pipe the cell."""
    inner = plain(text).replace("`", "'").replace("|", "\\|")
    return f"`{inner}`"
