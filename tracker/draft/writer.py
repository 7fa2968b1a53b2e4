"""The draft as YAML, each fact with the sentence it came from as a comment; proven by reading it back."""

from __future__ import annotations

import re
import unicodedata

from .records import Draft


def _scalar(value, flow: bool = False) -> str:
    import json

    import yaml

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    if flow and re.search(r"[,\[\]{}#&*!|>%@`'\"]|: |^[-?:]", value):
        return json.dumps(value, ensure_ascii=False)
    out = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9).strip()
    out = out.removesuffix("\n...")
    if out.endswith("..."):
        out = out[:-3].strip()
    return out


def _comment(sentence: str, indent: str) -> list[str]:
    text = " ".join("".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in sentence).split())
    return [f"{indent}# « {text} »"]


def to_yaml(draft: Draft) -> str:
    lines = ["# yaml-language-server: $schema=../schema/round.schema.json",
             "# Draft made by `tracker draft`: every fact is unverified until checked against the article.",
             "# Each « … » comment quotes the sentence a fact came from. Check each fact, remove its",
             "# unverified flag (and the entry under unverified:), then run `tracker validate`."]
    _emit(draft.record, (), "", lines, draft.comments)
    return "\n".join(lines) + "\n"


def _emit(value, path, indent, lines, comments, first_prefix=None):
    if isinstance(value, dict):
        if _is_text(value):
            return
        for i, (key, item) in enumerate(value.items()):
            prefix = first_prefix if (i == 0 and first_prefix is not None) else indent
            sub = path + (key,)
            if isinstance(item, (list, dict)) and not item:
                continue
            if sub in comments and not isinstance(item, list) or sub in comments and key == "last_verified":
                lines.extend(_comment(comments[sub], indent))
            if isinstance(item, dict) and _is_text(item):
                lines.append(f"{prefix}{key}: {_flow(item)}")
            elif isinstance(item, dict):
                lines.append(f"{prefix}{key}:")
                _emit(item, sub, indent + "  ", lines, comments)
            elif isinstance(item, list):
                if sub in comments:
                    lines.extend(_comment(comments[sub], indent))
                if item and all(isinstance(x, str) for x in item):
                    lines.append(f"{prefix}{key}: [{', '.join(_scalar(x, True) for x in item)}]")
                    continue
                lines.append(f"{prefix}{key}:")
                for j, element in enumerate(item):
                    epath = sub + (j,)
                    if epath in comments:
                        lines.extend(_comment(comments[epath], indent + "  "))
                    if isinstance(element, dict) and _is_text(element):
                        lines.append(f"{indent}  - {_flow(element)}")
                    elif isinstance(element, dict):
                        _emit(element, epath, indent + "    ", lines, comments, first_prefix=f"{indent}  - ")
                    else:
                        lines.append(f"{indent}  - {_scalar(element)}")
            else:
                lines.append(f"{prefix}{key}: {_scalar(item)}")


def _is_text(value: dict) -> bool:
    return bool(value) and set(value) <= {"en", "zh"} and all(isinstance(v, str) for v in value.values())


def _flow(text: dict) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v, True)}" for k, v in text.items()) + "}"


def check_round_trip(draft: Draft, text: str) -> None:
    """The YAML must read back through the tracker's own reader without a problem; OutputError if not."""
    import os
    import tempfile

    from ..data.model import Round
    from ..data.parse import read_file

    with tempfile.TemporaryDirectory(prefix="tracker-draft-") as tmp:
        path = os.path.join(tmp, f"{draft.id}.yaml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        result = read_file(path, Round)
    if result.record is None or result.problems:  # a bug of the drafter, reported in one line rather than written
        from ..errors import OutputError

        first = result.problems[0] if result.problems else None
        where = f" (line {first.line}: {first.message})" if first else ""
        raise OutputError(f"the draft does not read back as a round file{where}; nothing written")
