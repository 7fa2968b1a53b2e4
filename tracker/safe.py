"""What may reach a terminal: control characters and bidirectional controls are shown, never sent.

``validate`` refuses these characters in the data, but a record read by another
version, or a command-line argument echoed in an error, may still carry one.
Every writer passes its text through ``visible`` (or, for JSON, ``json_safe``),
so that ESC, BEL, CR, C1 controls such as U+009B and the bidirectional
overrides and isolates are written as ``\\x1b`` or ``<U+202E>`` instead of being
obeyed by the terminal.
"""

from __future__ import annotations

import re

# C0 controls but newline, DEL, C1 controls, bidirectional embeddings/overrides and isolates
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
UNSAFE_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _show(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"<U+{code:04X}>"


def visible(text: str, newline: bool = True) -> str:
    """``text`` with every unsafe character escaped visibly; newlines kept unless ``newline`` is false."""
    pattern = UNSAFE if newline else UNSAFE_OR_NEWLINE
    if not pattern.search(text):
        return text
    return pattern.sub(_show, text)


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_safe(encoded: str) -> str:
    """Encoded JSON with DEL, C1 and bidirectional controls as \\u escapes (JSON escapes C0 itself).

    These characters can only stand inside JSON strings, so the document keeps its meaning.
    """
    if not _JSON_UNSAFE.search(encoded):
        return encoded
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def json_text(obj) -> str:
    """``obj`` as one line of JSON, safe to write as it is (see ``json_safe``): how the listings'
    objects are encoded once, when they are made, rather than checked again at every write."""
    import json

    return json_safe(json.dumps(obj, ensure_ascii=False))


def cut(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis: for values echoed in messages."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unsafe_name(ch: str) -> str:
    """How a validation message names an unsafe character: U+001B, or U+202E RIGHT-TO-LEFT OVERRIDE."""
    import unicodedata

    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")
