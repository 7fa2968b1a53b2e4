"""What is kept of each round for the listing commands: summary, follow-ups, searchable text.

These are computed once per round when its file (or the names it refers to)
changes, and stored with the data, so that ``list``, ``timeline`` and
``search`` need not rebuild every record on each run.
"""

from __future__ import annotations

import dataclasses
from typing import Iterator

from .model import Dataset, PartialDate, Round, Text
from ..rules import date_key as day_key

ENTRY = "\x00"  # between searchable entries (YAML data can hold no NUL)
FIELD = "\x01"  # between an entry's path and its text


def fold(text: str) -> str:
    """Text as search compares it: case folded, dashes unified, spaces collapsed."""
    return " ".join(text.casefold().replace("–", "-").replace("—", "-").split())


_PLURAL = None


def search_fold(text: str) -> str:
    """Text as search compares it: folded as names are, and also hyphens as spaces and English
    plurals as singulars, so that ``semiconductor`` finds ``semiconductors`` and ``rare earth``
    finds ``rare-earth``. Only the comparison is folded; what is shown is the text as written."""
    global _PLURAL
    if _PLURAL is None:
        import re

        # "ies" after two letters, "s" after three letters but not after s or u; each pattern starts
        # with its letters, so that the search skips quickly to where they are
        _PLURAL = (re.compile(r"ies(?<=[a-z]{2}ies)\b"), re.compile(r"s(?<=[a-z]{3}s)(?<![su]s)\b"))
    folded = fold(text).replace("-", " ")
    folded = " ".join(folded.split())
    return _PLURAL[1].sub("", _PLURAL[0].sub("y", folded))


def sort_key(date: PartialDate | None, dialogue: str, number: int | None, ident: str) -> str:
    """A string that sorts rounds by date (unknown last), then dialogue, number and ID."""
    return f"{day_key(date)}|{dialogue}|{number or 0:09d}|{ident}"


def texts(obj, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (field path, text) inside a record: names, labels, outcomes, notes, titles."""
    out: list = []
    _texts(obj, path, out)
    return iter(out)


def _texts(obj, path: str, out: list) -> None:
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


_TEXT_FIELDS: dict = {}


def _text_fields(cls) -> tuple:
    """The fields of a record class that may hold searchable text: not IDs, addresses, dates or references."""
    names = _TEXT_FIELDS.get(cls)
    if names is None:
        skip = ("id", "url", "path", "round", "date")
        names = _TEXT_FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.name not in skip and not f.metadata.get("ref"))
    return names


def search_entries(meta: Dataset, r: Round) -> list[tuple[str, str]]:
    """What search looks through for one round, with where each text is."""
    out = list(texts(meta.dialogues[r.dialogue].name, "dialogue.name"))
    out += texts(r)
    for i, p in enumerate(r.participants):
        if p.person in meta.people:
            out += texts(meta.people[p.person].name, f"participants[{i}].person")
    for i, t in enumerate(r.topics):
        out += texts(meta.topics[t.topic].name, f"topics[{i}].topic")
    return out


def blob(entries: list[tuple[str, str]]) -> str:
    """The searchable entries of a round as one text: path and text, entry after entry."""
    return ENTRY.join(f"{path}{FIELD}{text}" for path, text in entries)


def folded_blob(entries: list[tuple[str, str]]) -> str:
    """The texts of the entries as search compares them, in the same order.

    The same as ``ENTRY.join(search_fold(text) for _, text in entries)``, with the work that
    can be done on all the entries at once (case, dashes, plurals) done so: none of it reaches
    across an ENTRY.
    """
    search_fold("")  # makes the patterns
    folded = ENTRY.join(text for _, text in entries).casefold().replace("–", "-").replace("—", "-").replace("-", " ")
    folded = ENTRY.join(" ".join(entry.split()) for entry in folded.split(ENTRY))
    return _PLURAL[1].sub("", _PLURAL[0].sub("y", folded))


def find(blob_text: str, folded: str, needle: str) -> list[tuple[str, str]]:
    """The (path, text) entries whose folded text contains ``needle`` (already folded, so without
    the separator), in order.

    Only the entries that hold it are taken out of the texts: a round has hundreds of entries and
    a search usually matches a few of them.
    """
    numbers = []
    number, counted = 0, 0  # the entry number at position ``counted``
    pos = folded.find(needle)
    while pos != -1:
        number += folded.count(ENTRY, counted, pos)
        numbers.append(number)
        counted = folded.find(ENTRY, pos)
        if counted == -1:
            break
        pos = folded.find(needle, counted)
    if not numbers:
        return []
    entries = blob_text.split(ENTRY, numbers[-1] + 1)
    return [tuple(entries[i].partition(FIELD)[::2]) for i in numbers]
