"""Rules every part of the tracker shares, each written once.

- which language a bilingual text is shown in (``pick``);
- how a numbered round is called (``round_label``: round 6, 第6屆), and a round or a meeting
  that has no number (``round_name``: its label, else its own name);
- how a dialogue is called: in output for people by its ID in capitals (``dialogue_label``: EPPD),
  in exports and JSON by its short name, else its full name (``dialogue_short``);
- whose name a participant shows (``display_name``);
- the order of rounds, documents and events (``date_key``, ``round_order``):
  by date as far as it is known (2021 before 2021-03 before 2021-03-05), and a
  record whose date is unknown after every dated one.

This module imports nothing else of the tracker, so that any module may use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from .data.model import PartialDate, Participant, Text


# What became of a promise, as the evidence shows: the one list of commitment statuses
CommitmentStatus = Literal["announced", "in-progress", "delivered", "lapsed", "unknown"]
COMMITMENT_STATUSES: tuple[str, ...] = get_args(CommitmentStatus)
EVIDENCED_STATUSES = ("in-progress", "delivered", "lapsed")  # a status that needs something following the promise up


def pick(text: Any, lang: str) -> str:
    """A bilingual text in ``lang`` (en or zh), or in the other language when ``lang`` is missing.

    Takes a ``Text`` or its JSON form ``{"en": …, "zh": …}``; "" for none.
    """
    if not text:
        return ""
    if isinstance(text, dict):
        en, zh = text.get("en"), text.get("zh")
    else:
        en, zh = text.en, text.zh
    if lang == "zh":
        return zh or en or ""
    return en or zh or ""


def round_label(number: int, lang: str) -> str:
    """A numbered round as the output names it: ``round 6``, ``第6屆``."""
    return f"第{number}屆" if lang == "zh" else f"round {number}"


def round_name(number: int | None, lang: str, name: Any = None, otherwise: str = "") -> str:
    """A round or meeting as the output names it: its label when it has a number (``round 6``,
    ``第6屆``), else its own ``name`` in ``lang`` (as ``pick`` gives it), else ``otherwise``."""
    if number is not None:
        return round_label(number, lang)
    return pick(name, lang) or otherwise


def dialogue_label(d_id: str | None) -> str:
    """The one short name of a dialogue in output for people: its ID in capitals (EPPD, USTTI),
    which is also what ``--dialogue`` takes, in any case; "" for none."""
    return d_id.upper() if d_id else ""


def dialogue_short(d) -> Text:
    """A dialogue's short name as exports and the JSON give it: its acronym, else its full name."""
    return d.short or d.name


def display_name(people: dict, p: Participant) -> Text | None:
    """The name a participant is shown by: the person's name, else the organisation."""
    if p.person and p.person in people:
        return people[p.person].name
    return p.organisation


def date_key(date: PartialDate | None) -> str:
    """A text that sorts by date as far as it is known, unknown dates last: ``20201120``, ``20210000``, ``~``."""
    return "~" if date is None else f"{date.year:04d}{date.month or 0:02d}{date.day or 0:02d}"


def round_order(r) -> tuple:
    """Rounds by date (unknown last), then dialogue, number and ID."""
    return (date_key(r.date), r.dialogue, r.round or 0, r.id)
