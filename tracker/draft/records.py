"""The draft and what the drafter knows of the rounds already in the data."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.model import PartialDate


@dataclass
class Fact:
    """One value of the draft with the article sentence it came from."""

    value: object
    sentence: str = ""


@dataclass
class Draft:
    record: dict
    comments: dict = field(default_factory=dict)  # path tuple -> sentence
    messages: list = field(default_factory=list)  # lines for stderr
    existing: str | None = None  # the file of the record the data already holds for this event
    existing_id: str | None = None  # and its ID
    near: list = field(default_factory=list)  # (ID, date) of records that may be this event, when none is certainly it
    near_how: str = ""  # what the records in ``near`` have in common with the article

    @property
    def id(self) -> str:
        return self.record["id"]


@dataclass
class Known:
    """What the draft needs of the existing rounds, gathered in one pass, one round in memory at a time."""

    titles: dict = field(default_factory=dict)  # title text in either language -> Text
    venues: dict = field(default_factory=dict)  # venue name in either language -> Text
    sides: dict = field(default_factory=dict)  # person id -> side in the latest round that names them
    rounds: dict = field(default_factory=dict)  # round id -> RoundInfo

    @classmethod
    def gather(cls, rounds) -> Known:
        known = cls()
        for r in rounds:
            known.rounds[r.id] = RoundInfo(r.id, r.dialogue, r.round, r.date, r.end_date, r.path, str(r.kind), r.event)
            for v in r.venues:
                for n in (v.zh, v.en):
                    if n and "（" not in n and "(" not in n:
                        known.venues.setdefault(n, v)
            for p in r.participants:
                if p.person:
                    known.sides[p.person] = p.side
                if p.title:
                    for n in (p.title.zh, p.title.en):
                        if n:
                            known.titles.setdefault(n, p.title)
        return known


@dataclass(frozen=True)
class RoundInfo:
    id: str
    dialogue: str
    round: int | None
    date: PartialDate | None
    end_date: PartialDate | None
    path: str
    kind: str = "round"
    event: str | None = None


class _Building:
    """A round record being drafted: its fields, the article sentence behind each, and what is unverified."""

    def __init__(self) -> None:
        self.rec: dict = {}
        self.comments: dict = {}  # path tuple -> sentence
        self.unverified: list[dict] = []

    def fact(self, path: tuple, sentence: str) -> None:
        if sentence:
            self.comments[path] = sentence

    def doubt(self, about: str, note: dict) -> None:
        self.unverified.append({"about": about, "note": note})
