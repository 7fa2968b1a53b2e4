"""Field specifications derived from the model classes.

The loader walks these to check YAML, the JSON Schema and the data dictionary
in the README are generated from them, so the three cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import model
from .model import PartialDate, Text


@dataclass(frozen=True)
class Spec:
    """One field: how to read it and what it means."""

    name: str
    kind: str  # str | int | bool | date | enum | text | list | record
    required: bool
    default: Any
    doc: str
    example: str | None = None
    ref: str | None = None
    choices: tuple = ()
    item: Spec | None = None  # for lists
    record: type | None = None  # for records
    nullable: bool = False


def _kind_of(tp) -> tuple[str, dict]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or origin is types.UnionType:  # Optional[X] and X | None alike
        inner = [a for a in args if a is not type(None)]
        kind, extra = _kind_of(inner[0])
        return kind, {**extra, "nullable": True}
    if origin is typing.Literal:
        return "enum", {"choices": args}
    if origin is tuple:
        kind, extra = _kind_of(args[0])
        return "list", {"item": Spec("item", kind, True, None, "", **extra)}
    if tp is str:
        return "str", {}
    if tp is bool:
        return "bool", {}
    if tp is int:
        return "int", {}
    if tp is PartialDate:
        return "date", {}
    if tp is Text:
        return "text", {}
    if dataclasses.is_dataclass(tp):
        return "record", {"record": tp}
    raise TypeError(f"no spec for {tp!r}")


@cache
def fields_of(cls: type) -> tuple[Spec, ...]:
    """The YAML fields of a model class, in declaration order."""
    hints = typing.get_type_hints(cls, vars(model))
    out = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("derived"):
            continue
        kind, extra = _kind_of(hints[f.name])
        ref = f.metadata.get("ref")
        if kind == "list" and ref:
            extra["item"] = dataclasses.replace(extra["item"], ref=ref)
        required = f.default is dataclasses.MISSING
        default = None if required else f.default
        out.append(
            Spec(
                f.name,
                kind,
                required,
                default,
                f.metadata.get("doc", ""),
                f.metadata.get("example"),
                f.metadata.get("ref"),
                **extra,
            )
        )
    return tuple(out)


# Which class each file holds, by its place in the data folder.
ROOT_FILES = model.ROOT_FILES
FOLDERS = model.FOLDERS


SCHEMA_KINDS = {
    "round": model.Round,
    "dialogue": model.Dialogue,
    "document": model.Document,
    "partners": model.Partners,
    "topics": model.Taxonomy,
    "people": model.People,
}

# ---------------------------------------------------------------- JSON Schema



def _json_type(spec: Spec, defs: dict) -> dict:
    if spec.kind == "str":
        out: dict = {"type": "string", "minLength": 1}
    elif spec.kind == "int":
        out = {"type": "integer", "minimum": 0}
    elif spec.kind == "bool":
        out = {"type": "boolean"}
    elif spec.kind == "date":
        # YAML readers hand unquoted dates to the schema as strings or years as integers.
        out = {
            "anyOf": [
                {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
                {"type": "integer", "minimum": 1, "maximum": 9999},
            ]
        }
    elif spec.kind == "enum":
        out = {"enum": list(spec.choices)}
    elif spec.kind == "text":
        out = {"$ref": "#/$defs/Text"}
        _record_def(Text, defs)
    elif spec.kind == "list":
        assert spec.item is not None
        out = {"type": "array", "items": _json_type(spec.item, defs)}
    elif spec.kind == "record":
        assert spec.record is not None
        out = {"$ref": f"#/$defs/{spec.record.__name__}"}
        _record_def(spec.record, defs)
    else:  # pragma: no cover - every kind is listed above
        raise TypeError(spec.kind)
    return out


def _record_def(cls: type, defs: dict) -> dict:
    name = cls.__name__
    if name in defs:
        return defs[name]
    defs[name] = {}  # placeholder against recursion
    props = {}
    required = []
    for spec in fields_of(cls):
        prop = _json_type(spec, defs)
        if spec.nullable:
            prop = {"anyOf": [prop, {"type": "null"}]}
        prop = {"description": spec.doc, **prop}
        props[spec.name] = prop
        if spec.required:
            required.append(spec.name)
    body: dict = {"type": "object", "additionalProperties": False, "properties": props}
    if required:
        body["required"] = required
    if cls is Text:
        body["minProperties"] = 1
        for p in props.values():
            p.pop("anyOf", None)
            p.update({"type": "string", "minLength": 1})
    defs[name] = body
    return body


def json_schema(cls: type) -> dict:
    """A JSON Schema (draft 2020-12) for files holding ``cls``."""
    defs: dict = {}
    top = dict(_record_def(cls, defs))
    defs.pop(cls.__name__)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"tracker {cls.__name__.lower()} file",
        **top,
        "$defs": defs,
    }


# ---------------------------------------------------------------- data dictionary

_KIND_NAMES = {"str": "text", "int": "whole number", "bool": "true/false", "date": "partial date", "text": "{en, zh}"}


def _type_name(spec: Spec) -> str:
    if spec.kind == "list":
        assert spec.item is not None
        return "list of " + _type_name(spec.item)
    if spec.kind == "record":
        assert spec.record is not None
        return spec.record.__name__
    if spec.kind == "enum":
        return " \\| ".join(spec.choices)
    name = _KIND_NAMES[spec.kind]
    if spec.ref:
        name += f" ({spec.ref} ID)"
    return name


def data_dictionary() -> str:
    """The README's data dictionary: every field of every file, generated from the model."""
    order = [
        ("Round file (`rounds/<id>.yaml`)", model.Round),
        ("Dialogue file (`dialogues/<id>.yaml`)", model.Dialogue),
        ("Document file (`documents/<id>.yaml`)", model.Document),
        ("Partners (`partners.yaml`)", model.Partners),
        ("Topic taxonomy (`topics.yaml`)", model.Taxonomy),
        ("People (`people.yaml`)", model.People),
    ]
    seen: set = set()
    out: list[str] = []

    def section(title: str, cls: type) -> None:
        seen.add(cls)
        out.append(f"#### {title}\n")
        out.append("| field | type | required | meaning | example |")
        out.append("| --- | --- | --- | --- | --- |")
        nested = []
        for spec in fields_of(cls):
            example = f"`{spec.example}`" if spec.example else ""
            doc = spec.doc.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            out.append(f"| `{spec.name}` | {_type_name(spec)} | {'yes' if spec.required else ''} | {doc} | {example} |")
            inner = spec.item if spec.kind == "list" and spec.item else spec
            if inner.record is not None and inner.record not in seen and inner.record is not Text:
                nested.append(inner.record)
        out.append("")
        for sub in nested:
            if sub not in seen:
                section(f"`{sub.__name__}`", sub)

    for title, cls in order:
        section(title, cls)
    out.append("A `{en, zh}` text is a mapping with an English (`en`) and/or a Chinese (`zh`) string; at least one is required.")
    out.append("A partial date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.")
    return "\n".join(out) + "\n"
