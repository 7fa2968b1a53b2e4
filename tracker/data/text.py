"""Text as the tracker compares it, and the texts of a record that search looks through.

``fold`` is the one rule for comparing what people type with what the data says: search, the
lookup of names and topics, and the drafting of round files all use it.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from .model import Dataset, PartialDate, Round, Text

# Variant characters that writers in Taiwan use for one another: each folds to the second.
VARIANTS = {
    "臺": "台",
    "裏": "裡",
    "綫": "線",
    "着": "著",
    "峯": "峰",
    "啓": "啟",
    "爲": "為",
    "衆": "眾",
    "麪": "麵",
    "–": "-",  # en dash
    "—": "-",  # em dash
}
_VARIANTS = str.maketrans(VARIANTS)
_ANY_VARIANT = re.compile("[" + "".join(VARIANTS) + "]")


def _unified(text: str) -> str:
    """NFKC, case folded, variant characters and dashes unified (``translate`` only where one is:
    with a table of non-ASCII characters it is slow on long texts)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.translate(_VARIANTS) if _ANY_VARIANT.search(text) else text


def fold_name(text: str) -> str:
    """Text as names compare: full-width and compatibility forms made plain (NFKC), case folded,
    variant characters (臺/台 … see ``VARIANTS``) and dashes unified, spaces collapsed."""
    return " ".join(_unified(text).split())


# "ies" after two letters, "s" after three letters but not after s or u; each pattern starts with
# its letters, so that the search skips quickly to where they are
_IES = re.compile(r"ies(?<=[a-z]{2}ies)\b")
_S = re.compile(r"s(?<=[a-z]{3}s)(?<![su]s)\b")


def fold(text: str) -> str:
    """Text as search compares it: folded as names are, and also hyphens as spaces and English
    plurals as singulars, so that ``semiconductor`` finds ``semiconductors`` and ``rare earth``
    finds ``rare-earth``. Only the comparison is folded; what is shown is the text as written."""
    folded = " ".join(_unified(text).replace("-", " ").split())
    return _S.sub("", _IES.sub("y", folded))


def texts(obj: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (field path, text) inside a record: names, labels, outcomes, notes, titles."""
    out: list[tuple[str, str]] = []
    _texts(obj, path, out)
    return iter(out)


def _texts(obj: object, path: str, out: list[tuple[str, str]]) -> None:
    if isinstance(obj, str):
        out.append((path, obj))
    elif isinstance(obj, Text):
        if obj.en:
            out.append((f"{path}.en", obj.en))
        if obj.zh:
            out.append((f"{path}.zh", obj.zh))
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            _texts(item, f"{path}[{i}]", out)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, PartialDate):
        for name in _text_fields(type(obj)):
            value = getattr(obj, name)
            if value is None or isinstance(value, (bool, int, PartialDate)):
                continue
            _texts(value, f"{path}.{name}" if path else name, out)


_TEXT_FIELDS: dict[type, tuple[str, ...]] = {}


def _text_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that may hold searchable text: not IDs, addresses, dates or references."""
    names = _TEXT_FIELDS.get(cls)
    if names is None:
        skip = ("id", "url", "path", "round", "date")
        names = _TEXT_FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.name not in skip and not f.metadata.get("ref")  # type: ignore[arg-type]
        )
    return names


def search_entries(ds: Dataset, r: Round) -> list[tuple[str, str]]:
    """What search looks through for one round, with where each text is."""
    out = list(texts(ds.dialogues[r.dialogue].name, "dialogue.name"))
    out += texts(r)
    for i, p in enumerate(r.participants):
        if p.person in ds.people:
            out += texts(ds.people[p.person].name, f"participants[{i}].person")
    for i, t in enumerate(r.topics):
        out += texts(ds.topics[t.topic].name, f"topics[{i}].topic")
    return out


def find(entries: list[tuple[str, str]], needle: str) -> list[tuple[str, str]]:
    """The (path, text) entries whose folded text holds ``needle`` (already folded), in order.

    The texts are first folded together, in one pass: most rounds do not hold the needle at all.
    """
    if needle not in fold("\x00".join(text for _, text in entries)):  # no text of the data holds a NUL
        return []
    return [(path, text) for path, text in entries if needle in fold(text)]
