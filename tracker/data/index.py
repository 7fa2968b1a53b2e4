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

        _PLURAL = (re.compile(r"(?<=[a-z]{2})ies\b"), re.compile(r"(?<=[a-z]{3})(?<![su])s\b"))
    folded = fold(text).replace("-", " ")
    folded = " ".join(folded.split())
    return _PLURAL[1].sub("", _PLURAL[0].sub("y", folded))


def sort_key(date: PartialDate | None, dialogue: str, number: int | None, ident: str) -> str:
    """A string that sorts rounds by date (unknown last), then dialogue, number and ID."""
    return f"{day_key(date)}|{dialogue}|{number or 0:09d}|{ident}"


def texts(obj, path: str = "") -> Iterator[tuple[str, str]]:
    """Every (field path, text) inside a record: names, labels, outcomes, notes, titles."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, Text):
        if obj.en:
            yield f"{path}.en", obj.en
        if obj.zh:
            yield f"{path}.zh", obj.zh
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from texts(item, f"{path}[{i}]")
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, PartialDate):
        for f in dataclasses.fields(obj):
            if f.name in ("id", "url", "path", "round", "date") or f.metadata.get("ref"):
                continue
            value = getattr(obj, f.name)
            if value is None or isinstance(value, (bool, int, PartialDate)):
                continue
            yield from texts(value, f"{path}.{f.name}" if path else f.name)


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
    """The texts of the entries as search compares them, in the same order."""
    return ENTRY.join(search_fold(text) for _, text in entries)


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
