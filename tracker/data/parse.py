"""Read one YAML data file: bytes → text → nodes → a checked model record.

A file is read first as plain data (yaml-rs) and built into records by ``Builder``; only a
file with something to report, or that plain data cannot tell apart, is read again with PyYAML's
nodes by ``Reader``, so that every problem has its line and column. PyYAML is imported only then.

Only safe YAML is read: the loader composes nodes and builds values itself, so
no tag can construct a Python object; libyaml's parser is used when present.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from sys import intern
from typing import Any, NamedTuple

from ..errors import Problem
from ..safe import UNSAFE, UNSAFE_OR_NEWLINE, cut, unsafe_name
from .model import PartialDate, Text
from .schema import Spec, fields_of

_TEXT_PART = Spec("text", "str", True, None, "")

MAX_FILE_BYTES = 5 * 1024 * 1024

# invisible characters that move or break text: the Arabic letter mark, the left-to-right and
# right-to-left marks, the line and paragraph separators (refused in data as controls are)
# (patterns the node reader alone uses are compiled on first use, by re's own cache)
_INVISIBLE = "[\u061c\u200e\u200f\u2028\u2029]"


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_STAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_ALLOWED_TAGS = frozenset((_STR, _INT, _BOOL, _FLOAT, _NULL, _STAMP, _MAP, _SEQ))
_SURPRISE = {_INT: "a number", _BOOL: "a true/false value", _FLOAT: "a number", _NULL: "empty", _STAMP: "a date"}
# the kinds of PyYAML's nodes (their ``id``), so that the node walk needs no import of PyYAML
_SCALAR, _SEQUENCE, _MAPPING = "scalar", "sequence", "mapping"


class Ref(NamedTuple):
    """A value that names another record, checked once every file is read. The fast path notes
    plain tuples of the same four values: a tuple of text and numbers is no work for the garbage
    collector, and a large folder holds hundreds of thousands of references."""

    kind: str
    value: str
    line: int
    col: int


@dataclass(slots=True)
class FileResult:
    """What one file yields: its record (if readable), problems and references."""

    path: str
    record: Any = None
    problems: list = field(default_factory=list)
    refs: list = field(default_factory=list)
    # line/col of top-level fields that cross-file checks report on: "id", "date", …
    marks: dict = field(default_factory=dict)
    # (record class name, id, line, col) of every record with an ID in the file
    defs: list = field(default_factory=list)
    # line/col of every nested record, by its path: "participants[0]", "topics[1].outcomes[0]"
    places: dict = field(default_factory=dict)
    # read from plain data: positions are (0, 0); a file with a problem is read again with its nodes
    fast: bool = False


# ---------------------------------------------------------------- reading bytes


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def read_bytes(path: str) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file of at most MAX_FILE_BYTES, or a problem.

    The file is opened without blocking (a FIFO never waits for a writer) and
    checked to be a regular file before a byte is read; the limit applies to the
    bytes actually read, so a file that grows, or a link to /dev/zero, cannot
    fill the memory.
    """
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        return None, Problem(path, 0, 0, f"cannot read file: {exc.strerror or exc}")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None, Problem(path, 0, 0, f"is {_kind_of_file(st.st_mode)}, not a regular file", "data files are plain files; remove it or the link that points to it")
        if st.st_size > MAX_FILE_BYTES:
            return None, _too_big(path, f"file is {st.st_size / 1e6:.1f} MB")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, Problem(path, 0, 0, f"cannot read file: {exc.strerror or exc}")
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        return None, _too_big(path, "file grew while it was read")
    return raw, None


def _kind_of_file(mode: int) -> str:
    import stat

    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _too_big(path: str, what: str) -> Problem:
    return Problem(path, 0, 0, f"{what}; data files are limited to {MAX_FILE_BYTES // (1024 * 1024)} MiB", "split it, or check it is the right file")


def decode(path: str, raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 (with or without a BOM, any line endings) or a problem that says what it is."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return None, Problem(path, 1, 1, "file is UTF-32, not UTF-8", "save it as UTF-8")
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(path, 1, 1, "file is UTF-16, not UTF-8", "save it as UTF-8")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", "replace")
        line, col = _position(good, len(good))
        hint = "save it as UTF-8"
        for enc, name in (("big5", "Big5"), ("gb18030", "GB18030")):
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                continue
            hint = f"it looks like {name}; convert it with: iconv -f {name.upper()} -t UTF-8"
            break
        return None, Problem(path, line, col, f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})", hint)


_LOADER = None


def _loader_class():
    """libyaml's parser with a lean YAML 1.1 resolver (tags only; no Python objects built)."""
    global _LOADER
    if _LOADER is None:
        _LOADER = _parser_with(_lean_resolver())
    return _LOADER


def _lean_resolver() -> type:
    """A resolver that gives each node its standard tag and nothing else, remembering short values."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from yaml.resolver import Resolver

    implicit = Resolver.yaml_implicit_resolvers

    class Lean:
        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass

        def resolve(self, kind, value, implicits, _memo={}):  # noqa: B006 - a deliberate memo
            if kind is ScalarNode:
                if implicits[0]:
                    tag = _memo.get(value)
                    if tag is None:
                        tag = _STR
                        for candidate, regexp in implicit.get(value[:1], ()):
                            if regexp.match(value):
                                tag = candidate
                                break
                        if len(value) < 40 and len(_memo) < 10000:
                            _memo[value] = tag
                    return tag
                return _STR
            if kind is SequenceNode:
                return _SEQ
            if kind is MappingNode:
                return _MAP
            return _STR

    return Lean


def _parser_with(lean: type) -> type:
    """A loader class: libyaml's parser (or, without libyaml, PyYAML's own, slower) and ``lean``."""
    try:
        from yaml.cyaml import CParser  # type: ignore[attr-defined]

        class LeanLoader(CParser, lean):
            def __init__(self, stream):
                CParser.__init__(self, stream)

    except ImportError:  # no libyaml: the pure-Python parser, same results, slower
        from yaml.composer import Composer
        from yaml.parser import Parser
        from yaml.reader import Reader as YamlReader
        from yaml.scanner import Scanner

        class LeanLoader(YamlReader, Scanner, Parser, Composer, lean):  # type: ignore[no-redef]
            def __init__(self, stream):
                YamlReader.__init__(self, stream)
                Scanner.__init__(self)
                Parser.__init__(self)
                Composer.__init__(self)

    return LeanLoader


def _compose(path: str, text: str):
    """The YAML node tree of ``text``, or a problem with the syntax error's position."""
    import yaml

    loader_cls = _loader_class()
    try:
        loader = loader_cls(text)
        try:
            return loader.get_single_node(), None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or exc.context or "invalid YAML"
        hint = "check the indentation and quoting near here"
        if "another document" in message:
            message = "more than one YAML document in the file"
            hint = "one record per file: remove the '---' line and what follows, or move it to its own file"
        lines = text.splitlines()
        if 0 < line <= len(lines) and "\t" in lines[line - 1][: col + 1]:
            message = "tab character used for indentation"
            hint = "YAML indents with spaces only"
        return None, Problem(path, line, col, f"YAML syntax error: {message}", hint)
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        pos = getattr(exc, "position", None)
        line, col = _position(text, pos) if isinstance(pos, int) else (1, 1)
        reason = getattr(exc, "reason", None) or "unreadable YAML"
        return None, Problem(path, line, col, f"YAML error: {reason}", "remove control characters")


# ---------------------------------------------------------------- node walking


def _text_problem(text: str, spec) -> tuple[str, str | None] | None:
    """What is wrong with a stripped text value (message, hint), or None: the one place for these rules."""
    if not text:
        return "empty text", None
    bad = (UNSAFE if spec is _TEXT_PART else UNSAFE_OR_NEWLINE).search(text) or re.search(_INVISIBLE, text)
    if bad:
        ch = bad.group()
        what = "control character" if ord(ch) <= 0xFF else "line or paragraph separator" if ch in "\u2028\u2029" else "bidirectional control"
        hint = {"\t": "use spaces", "\n": "this value is one line; remove the line break"}.get(ch, "remove it; a terminal would obey it")
        return f"the {what} {unsafe_name(ch)} is not allowed in text", hint
    if spec.kind == "enum" and text not in spec.choices:
        return f"{text!r} is not allowed", _close(text, spec.choices) or "one of: " + ", ".join(spec.choices)
    return None


def _int_in_range(value: int, spec) -> bool:
    low, high = _RANGES.get(spec.name, (0, None))
    return low <= value and (high is None or value <= high)


def _close(word: str, choices) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {found[0]!r}?" if found else None


class Reader:
    """Turns the node tree of one file into model records, noting every problem."""

    def __init__(self, result: FileResult):
        self.result = result
        self.seen: set[int] = set()

    def problem(self, node, message: str, hint: str | None = None, warning: bool = False) -> None:
        mark = node.start_mark
        self.result.problems.append(Problem(self.result.path, mark.line + 1, mark.column + 1, message, hint, warning))

    def where(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    # A return value of _BAD means "already reported".
    def read(self, node, spec, label: str):
        if id(node) in self.seen:
            self.problem(node, f"{_at(label)}anchors and aliases (&name / *name) are not allowed", "write the value out in full")
            return _BAD
        self.seen.add(id(node))
        kind = spec.kind
        if node.tag not in _ALLOWED_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problem(node, f"{_at(label)}YAML tag {tag!r} is not allowed", "remove the tag; data files hold plain values")
            return _BAD
        if node.tag == _NULL and node.id == _SCALAR and node.style is None:
            if spec.nullable:
                return None
            self.problem(node, f"{_at(label)}a value is required")
            return _BAD
        if kind == "record":
            if node.id != _MAPPING:
                self.problem(node, f"{_at(label)}expected a mapping (key: value lines), found {_describe(node)}")
                return _BAD
            return self.record(node, spec.record, label, fields_of(spec.record))
        if kind == "text":
            return self.text(node, label)
        if kind == "list":
            if node.id != _SEQUENCE:
                self.problem(node, f"{_at(label)}expected a list, found {_describe(node)}")
                return _BAD
            out = []
            for i, item in enumerate(node.value):
                value = self.read(item, spec.item, f"{label}[{i}]")
                if value is not _BAD:
                    out.append(value)
            return tuple(out)
        if node.id != _SCALAR:
            self.problem(node, f"{_at(label)}expected a single value, found {_describe(node)}")
            return _BAD
        return self.scalar(node, spec, label)

    def scalar(self, node, spec, label: str):
        read = {"str": self.text_value, "enum": self.text_value, "int": self.int_value,
                "bool": self.bool_value, "date": self.date_value}[spec.kind]
        return read(node, spec, label)

    def text_value(self, node, spec, label: str):
        tag, text = node.tag, node.value
        if tag != _STR:
            self.problem(node, f"{_at(label)}{text!r} would be read as {_SURPRISE.get(tag, tag)}, not text", f'quote it: "{text}"')
            return _BAD
        text = text.strip()
        wrong = _text_problem(text, spec)
        if wrong:
            self.problem(node, f"{_at(label)}{wrong[0]}", wrong[1])
            return _BAD
        if spec.ref:
            line, col = self.where(node)
            self.result.refs.append(Ref(spec.ref, text, line, col))
        return text

    def int_value(self, node, spec, label: str):
        tag, text = node.tag, node.value
        if tag == _INT and len(text) > _MAX_DIGITS:
            self.problem(node, f"{_at(label)}number {cut(text, 20)!r} is too large", "write a plain whole number like 3")
            return _BAD
        if tag != _INT or not text.isascii() or not text.isdigit() or (len(text) > 1 and text[0] == "0"):
            hint = "write a plain whole number like 3"
            if tag == _INT and text.startswith("0") and text.isdigit():
                hint = "a leading zero makes YAML 1.1 read it as octal; drop the zero"
            self.problem(node, f"{_at(label)}{text!r} is not a whole number", hint)
            return _BAD
        value = int(text)
        if not _int_in_range(value, spec):
            low, high = _RANGES.get(spec.name, (0, None))
            self.problem(node, f"{_at(label)}{value} is out of range", f"{spec.name} numbers run from {low} to {high}")
            return _BAD
        return value

    def bool_value(self, node, spec, label: str):
        if node.tag != _BOOL or node.value not in ("true", "false"):
            self.problem(node, f"{_at(label)}{node.value!r} is not true or false", "write true or false")
            return _BAD
        return node.value == "true"

    def date_value(self, node, spec, label: str):
        text = node.value
        if node.tag not in (_STR, _INT, _STAMP):
            self.problem(node, f"{_at(label)}{text!r} is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
            return _BAD
        try:
            return PartialDate.parse(text.strip())
        except ValueError as exc:
            self.problem(node, f"{_at(label)}impossible date {text!r}: {exc}", "write YYYY, YYYY-MM or YYYY-MM-DD")
            return _BAD

    def text(self, node, label: str):
        if node.id != _MAPPING:
            hint = None
            if node.id == _SCALAR:
                hint = f"write {{en: {node.value}}} or {{zh: {node.value}}}"
            self.problem(node, f"{_at(label)}expected {{en: …, zh: …}}, found {_describe(node)}", hint)
            return _BAD
        values = {}
        reported = len(self.result.problems)
        for key_node, value_node in self.pairs(node, label, ("en", "zh")):
            value = self.read(value_node, _TEXT_PART, f"{label}.{key_node.value}")
            if value is not _BAD:
                values[key_node.value] = value
        if not values:
            if len(self.result.problems) == reported:
                self.problem(node, f"{_at(label)}needs an English (en) or Chinese (zh) text")
            return _BAD
        return Text(values.get("en"), values.get("zh"))

    def pairs(self, node, label: str, allowed):
        """Key/value node pairs of a mapping; reports bad, unknown and duplicate keys."""
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.id != _SCALAR:
                self.problem(key_node, f"{_at(label)}a key must be text, found {_describe(key_node)}", "keys are field names")
                continue
            if key_node.tag != _STR or not isinstance(key, str):
                self.problem(key_node, f"{_at(label)}key {key!r} is not text", "keys are field names")
                continue
            if key in seen:
                self.problem(key_node, f"{_at(label)}duplicate key {key!r} (first on line {seen[key]})", "remove one of them")
                continue
            seen[key] = key_node.start_mark.line + 1
            if key not in allowed:
                hint = _close(key, allowed) or "allowed: " + ", ".join(allowed)
                if node.flow_style and (" " in key or key[:1].isupper()):
                    hint = "a comma inside { } ends the value; put the text in quotes"
                self.problem(key_node, f"{_at(label)}unknown field {key!r}", hint)
                continue
            yield key_node, value_node

    def record(self, node, cls, label: str, specs):
        if label:
            self.result.places[label] = self.where(node)
        values: dict[str, Any] = {}
        by_name = {s.name: s for s in specs}
        ok = True
        for key_node, value_node in self.pairs(node, label, by_name):
            key = key_node.value
            if label == "":
                self.result.marks[key] = self.where(value_node)
            value = self.read(value_node, by_name[key], f"{label}.{key}" if label else key)
            if value is _BAD:
                ok = False
            elif value is not None:
                values[key] = value
        for spec in specs:
            if spec.required and spec.name not in values and ok:
                if not any(k.value == spec.name for k, _ in node.value):
                    self.problem(node, f"{_at(label)}missing required field {spec.name!r}", f"{spec.name}: {spec.doc[:1].lower()}{spec.doc[1:]}")
                ok = False
        if not ok:
            return _BAD
        if "id" in values:
            line, col = self.where(next(v for k, v in node.value if k.value == "id"))
            self.result.defs.append((cls.__name__, values["id"], line, col))
        try:
            return cls(**values)
        except TypeError as exc:  # pragma: no cover - specs and classes agree
            self.problem(node, f"{_at(label)}{exc}")
            return _BAD


_BAD = object()
_MAX_DIGITS = 9  # no count in the data needs more; Python refuses to convert 4,300 digits
_RANGES = {"round": (1, 999)}  # a dialogue meets at most a few times a year


def _at(label: str) -> str:
    return f"{label}: " if label else ""


def _describe(node) -> str:
    if node.id == _SEQUENCE:
        return "a list"
    if node.id == _MAPPING:
        return "a mapping"
    return f"{node.value!r}" if node.value else "nothing"


# ---------------------------------------------------------------- the fast path: plain data

# Text whose plain data a fast parser (or PyYAML's own loader) might give differently from the
# nodes the Reader checks, or that the Reader would refuse: such a file is read with its nodes.
# Characters PyYAML refuses or reads as line breaks, tabs and carriage returns; document markers;
# tags, anchors and aliases. Numbers and true/false are checked field by field (``_plain_scalar``).
# The characters text may not hold are among them, and escapes in quoted text but \" and \\ (which
# could make them), so a file without any holds no text with them.
_ODD_CHARS = f"[{UNSAFE.pattern[1:-1]}{_INVISIBLE[1:-1]}\ud800-\udfff\ufeff\ufffe\uffff]"  # compiled on first use


def _odd(text: str) -> bool:
    return bool(
        # every character of _ODD_CHARS is one str.isprintable refuses, as the line break is: a
        # file with none of those (nearly every file) needs no closer look
        (not text.replace("\n", "").isprintable() and re.search(_ODD_CHARS, text))
        or ("\\" in text and "\\" in text.replace("\\\\", "").replace('\\"', ""))  # an escape but \\ and \"
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
        or _indicator(text)
    )


def _indicator(text: str) -> bool:
    """Whether ``text`` holds a tag, anchor or alias: one of ! & * at the start, or after a space,
    [ { or comma, and followed by something else (they are rare, so found by ``str.find``)."""
    for mark in "!&*":
        at = text.find(mark)
        while at >= 0:
            before, after = text[at - 1 : at], text[at + 1 : at + 2]
            if (not before or before.isspace() or before in "[{,") and after and not after.isspace() and after not in ",]}":
                return True
            at = text.find(mark, at + 1)
    return False


# A field's value written other than as a plain decimal number or as true / false, which plain
# data cannot tell from them: 0x10, 0o17, 010, +3, 1_000, 3:30, True, yes, on, …
_NOT_PLAIN = r"(?:[+-]|0[0-9xXoObB_]|[0-9]+[_:.]|T(?:rue|RUE)|F(?:alse|ALSE)|[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)"
_AFTER_NAME = re.compile(rf"['\"]?[ \t]*:[ \t]*['\"]?{_NOT_PLAIN}")


def _plain_scalar(name: str, text: str) -> bool:
    """True if every value of the field ``name`` in ``text`` is written as a plain number or true/false."""
    at = text.find(name)
    while at >= 0:
        if _AFTER_NAME.match(text, at + len(name)):
            return False
        at = text.find(name, at + 1)
    return True


class _Slow(Exception):
    """The plain data cannot be trusted or has a problem: read the file with its nodes."""


def _plain_loader() -> tuple[Any, tuple]:
    """``yaml_rs.loads`` (dates left as text), or PyYAML's libyaml loader when yaml-rs is missing."""
    try:
        import yaml_rs
    except ImportError:
        return _pyyaml_loader()

    def loads(text: str) -> Any:
        return yaml_rs.loads(text, parse_datetime=False)

    return loads, (Exception,)  # whatever it refuses, the Reader reports


def _pyyaml_loader() -> tuple[Any, tuple]:
    import yaml
    from yaml.nodes import ScalarNode

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """PyYAML's safe loader, refusing what it would otherwise take silently: a key twice, ``<<``."""

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            keys = [k.value for k, _ in node.value if isinstance(k, ScalarNode) and k.tag == _STR]
            if len(keys) != len(node.value) or len(set(keys)) != len(keys) or "<<" in keys:
                raise yaml.constructor.ConstructorError(None, None, "a key to check", node.start_mark)
            return super().construct_mapping(node, deep)

    def loads(text: str) -> Any:
        return yaml.load(text, Loader=Loader)

    return loads, (Exception,)


_PLAIN: Any = None


def plain_data(text: str) -> Any:
    """The plain Python data of ``text``; raises _Slow where it may differ from what the nodes say."""
    global _PLAIN
    if _odd(text):
        raise _Slow
    if _PLAIN is None:
        _PLAIN = _plain_loader()
    loads, errors = _PLAIN
    try:
        return loads(text)
    except errors as exc:
        raise _Slow from exc


# What PyYAML (YAML 1.1) reads, written plain, as other than text, where yaml-rs (YAML 1.2) reads
# text: true/false and null words, the merge and value keys, numbers (octal, hexadecimal, binary,
# base 60, with _ between digits, .inf, .nan) and dates. Such a value goes to the Reader, which
# says how to quote it. This errs on the side of "not text" (1e+3, for one, is text to PyYAML):
# a test checks that it never calls text what PyYAML's own table does not.
_NOT_TEXT_WORDS = frozenset((
    "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
    "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "", "<<", "=", "!", "&", "*",
))
_NUMBER_FIRST = frozenset("-+.0123456789")
_NUMBER_OR_DATE = re.compile(
    r"""(?:[-+]?(?:[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+][0-9]+)?
              |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
              |0b[01_]+|0x[0-9a-fA-F_]+
              |\.(?:inf|Inf|INF|nan|NaN|NAN))
          |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}
           (?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?
        )$""",
    re.VERBOSE,
)
# the first characters of those values, and of those YAML 1.2 lets plain text start with where
# PyYAML does not (``[:a]``, ``[?a]``): text starting otherwise needs no closer look
_RESOLVED_FIRST = frozenset("-+.0123456789yYnNtTfFoO~<=!&*:?") | {""}


def _plain_str(text: str) -> bool:
    """True if PyYAML would read ``text``, written plain, as text (and not a number, a date, …)."""
    if text in _NOT_TEXT_WORDS or text[:1] in (":", "?") or (text[-1:] == "\n" and text[:-1] in _NOT_TEXT_WORDS):
        return False  # (PyYAML's patterns end in $, which a last line break also meets)
    return text[:1] not in _NUMBER_FIRST or not _NUMBER_OR_DATE.match(text)


class Builder:
    """Turns the plain data of one file into model records, as the Reader does its nodes.

    It accepts only what the Reader accepts, giving the same records and references; at the
    first thing the Reader would report (or that plain data cannot tell), it raises _Slow.
    It notes no positions: a file with a problem is read again by the Reader.
    """

    def __init__(self, result: FileResult, text: str):
        self.result = result
        self.refs = result.refs
        self.defs = result.defs
        self.source = text
        self.checked: set[str] = set()
        # the sources the file's facts cite: checked against its sources once the file is built,
        # so that the commonest reference of all needs no ``Ref`` (an unknown one: the Reader)
        self.cited: list[str] = []

    def plain(self, name: str) -> None:
        """The field's numbers and true/false values are written plainly, or _Slow."""
        if name not in self.checked:
            if not _plain_scalar(name, self.source):
                raise _Slow
            self.checked.add(name)

    def read(self, data: Any, cls: type) -> Any:
        record = _record_reader(cls)(data, self)
        if self.cited and not {ident for kind, ident, _, _ in self.defs if kind == "Source"}.issuperset(self.cited):
            raise _Slow
        return record


_READERS: dict[type, Any] = {}


def _record_reader(cls: type) -> Any:
    """The function that builds a ``cls`` from its plain data (made once per class, with the
    readers of the records it holds: no record holds one of its own class)."""
    found = _READERS.get(cls)
    if found is not None:
        return found
    specs = fields_of(cls)
    readers = {s.name: _non_null_reader(s) for s in specs}
    required = frozenset(s.name for s in specs if s.required)
    name = cls.__name__

    def read_record(value: Any, b: Builder) -> Any:
        if type(value) is not dict:
            raise _Slow
        # each value is replaced by what it reads as, in the parsed mapping itself (its keys
        # stay as they are, so the walk over them is sound): no second mapping for every record
        for key, item in value.items():
            reader = readers.get(key)  # a key that is not text is no field's name either
            if reader is None:
                raise _Slow
            if item is None:  # ``field:``, ``~`` or ``null``: the Reader judges it (an empty value is an error there)
                raise _Slow
            value[key] = reader(item, b)
        if not required <= value.keys():
            raise _Slow
        if "id" in value:
            b.defs.append((name, value["id"], 0, 0))
        try:
            return cls(**value)
        except TypeError:  # pragma: no cover - specs and classes agree
            raise _Slow from None

    _READERS[cls] = read_record
    return read_record


def _non_null_reader(spec) -> Any:
    """The function that reads one field's plain value, not null, or raises _Slow. Each refuses
    a value of the wrong type, null included."""
    kind = spec.kind
    if kind == "record":
        return _record_reader(spec.record)
    if kind == "list" and spec.item.kind == "str" and spec.item.ref:
        return _refs_reader(spec.item.ref)
    if kind == "list":
        item = _non_null_reader(spec.item)

        def read_list(value: Any, b: Builder) -> tuple:
            if type(value) is not list:
                raise _Slow
            return tuple([item(v, b) for v in value])

        return read_list
    if kind == "text":
        return _read_text
    if kind == "enum" and all(type(c) is str and c == c.strip() and c and _plain_str(c) for c in spec.choices):
        return _choice_reader(spec)
    if kind in ("str", "enum"):
        return _text_reader(spec)
    name = spec.name
    if kind == "int":

        def read_int(value: Any, b: Builder) -> int:
            if type(value) is not int or not 0 <= value < 10**_MAX_DIGITS or not _int_in_range(value, spec):
                raise _Slow
            b.plain(name)
            return value

        return read_int
    if kind == "bool":

        def read_bool(value: Any, b: Builder) -> bool:
            if type(value) is not bool:
                raise _Slow
            b.plain(name)
            return value

        return read_bool
    if kind == "date":
        return _date_reader(spec)
    raise TypeError(f"no reader for {kind!r}")  # pragma: no cover - every kind is above


def _read_text(value: Any, b: Builder) -> Text:
    """A text ``{en, zh}``: the most frequent value of all, so written out in full here. The
    file holds none of the characters text may not (``_odd``), so what is left to check is here."""
    if type(value) is not dict:
        raise _Slow
    en = value.get("en")
    zh = value.get("zh")
    if len(value) != (en is not None) + (zh is not None) or not value:  # other keys, or a null
        raise _Slow
    if en is not None:
        if type(en) is not str or (en[:1] in _RESOLVED_FIRST and not _plain_str(en)):
            raise _Slow
        en = en.strip()
        if not en:
            raise _Slow
    if zh is not None:
        if type(zh) is not str or (zh[:1] in _RESOLVED_FIRST and not _plain_str(zh)):
            raise _Slow
        zh = zh.strip()
        if not zh:
            raise _Slow
    return Text(en, zh)


def _choice_reader(spec) -> Any:
    """One of a field's choices, none of which PyYAML reads as other than text: the value is the
    choice itself, or (quoted with spaces) the choice once stripped."""
    choices = {c: intern(c) for c in spec.choices}
    ref = spec.ref

    def read_choice(value: Any, b: Builder) -> str:
        text = choices.get(value) if type(value) is str else None
        if text is None:
            if type(value) is not str:
                raise _Slow
            text = choices.get(value.strip())
            if text is None:
                raise _Slow
        if ref:
            b.refs.append((ref, text, 0, 0))
        return text

    return read_choice


def _refs_reader(ref: str) -> Any:
    """A list of references (``sources: [s1]``, ``follows_up: [...]``): every item one-line text,
    read in one pass."""

    def read_refs(value: Any, b: Builder) -> tuple:
        if type(value) is not list:
            raise _Slow
        out = []
        for item in value:
            if type(item) is not str or (item[:1] in _RESOLVED_FIRST and not _plain_str(item)):
                raise _Slow
            text = item.strip()
            if not text or "\n" in text:
                raise _Slow
            out.append(intern(text))
        if ref == "source":
            b.cited += out
        else:
            b.refs += [(ref, text, 0, 0) for text in out]
        return tuple(out)

    return read_refs


def _text_reader(spec) -> Any:
    """One-line text or a choice, as the Reader's ``text_value`` takes it. The file holds none of
    the characters text may not (``_odd``), so what is left to check is here."""
    choices = frozenset(spec.choices) if spec.kind == "enum" else None
    ref = spec.ref

    def read_str(value: Any, b: Builder) -> str:
        if type(value) is not str or (value[:1] in _RESOLVED_FIRST and not _plain_str(value)):
            raise _Slow
        text = value.strip()
        if not text or "\n" in text or (choices is not None and text not in choices):
            raise _Slow
        text = intern(text)  # IDs, references and choices recur in every record: one copy each
        if ref == "source":
            b.cited.append(text)
        elif ref:
            b.refs.append((ref, text, 0, 0))
        return text

    return read_str


_DATES: dict[str, PartialDate] = {}


def _date_reader(spec) -> Any:
    import datetime as _dt

    name = spec.name

    def read_date(value: Any, b: Builder) -> PartialDate:
        if type(value) is str:
            found = _DATES.get(value)  # a folder holds few dates, each many times: one record each
            if found is not None:
                return found
            text = value.strip()
        elif type(value) is int:
            b.plain(name)
            text = str(value)
        elif type(value) is _dt.date:  # PyYAML's loader: YYYY-MM-DD (a one-digit part needs a time)
            return PartialDate(value.year, value.month, value.day)
        else:
            raise _Slow
        try:
            date = PartialDate.parse(text)
        except ValueError:
            raise _Slow from None
        if type(value) is str and len(_DATES) < 100_000:
            _DATES[value] = date
        return date

    return read_date


def read_file(path: str, cls: type, fast: bool = True) -> FileResult:
    """Read and check one file on its own; cross-file checks come later.

    With ``fast``, a file is read as plain data first; only a file with something to report
    (or that plain data cannot tell apart) is read again with its nodes, for the positions.
    """
    from .schema import Spec

    if fast and cls.__name__ != "_Anything":
        result = read_fast(path, cls)
        if result is not None:
            return result
    result = FileResult(path)
    raw, problem = read_bytes(path)
    if problem:
        result.problems.append(problem)
        return result
    assert raw is not None
    text, problem = decode(path, raw)
    if problem:
        result.problems.append(problem)
        return result
    assert text is not None
    node, problem = _compose(path, text)
    if problem:
        result.problems.append(problem)
        return result
    if node is None:
        result.problems.append(Problem(path, 1, 1, "file is empty", f"it should hold a {cls.__name__.lower()} record"))
        return result
    if cls.__name__ == "_Anything":
        return result
    reader = Reader(result)
    value = reader.read(node, Spec("file", "record", True, None, "", record=cls), "")
    if value is not _BAD:
        result.record = value
    return result




def read_fast(path: str, cls: type) -> FileResult | None:
    """The file read from its plain data, or None where its nodes must be read."""

    raw, problem = read_bytes(path)
    if problem or raw is None:
        return None
    text, problem = decode(path, raw)
    if problem or text is None:
        return None
    result = FileResult(path, fast=True)
    try:
        data = plain_data(text)
        if data is None:
            return None
        result.record = Builder(result, text).read(data, cls)
    except _Slow:
        return None
    return result
