"""The draft and what the drafter knows of the rounds already in the data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..data.model import PartialDate

# The milestones an article may report, by the words that name them (the record's ``event``).
EVENT_CUES = (
    ("mandate", re.compile(r"談判授權|negotiating mandate|正式(?:啟動|啓動|展開|開始|進入)?(?:協商談判|談判|協商)|formal negotiations|"
                           r"\b(?:start|begin|open|launch)(?:s|ed|ing)?\s+(?:formal\s+)?negotiations", re.IGNORECASE)),
    ("conclusion", re.compile(r"達成協議|完成談判|談判完成|完成協商|談成|結束談判|\bconclu(?:de|ded|des|sion of)\s+(?:the\s+)?(?:talks|negotiations)\b|"
                              r"\b(?:reached|reach|reaches)\s+(?:an?\s+|the\s+)?agreement\b|agreement in principle", re.IGNORECASE)),
    ("launch", re.compile(r"啟動|啓動|成立大會|成立|\blaunch|inaugurat|\bestablish(?:es|ed|ing|ment)?\b|\bunveil", re.IGNORECASE)),
    ("entry-into-force", re.compile(r"生效|took effect|takes effect|came into (?:effect|force)|entered into force|entry into force", re.IGNORECASE)),
    ("signing", re.compile(r"簽署|簽訂|簽約|\bsign(?:s|ed|ing)?\b|\binked\b", re.IGNORECASE)),
)
_CAPTION = re.compile(r"\s*(?:圖為|圖爲|图为|圖：|圖/|\(?(?:Photo|Image|Getty Images|Picture)\b)", re.IGNORECASE)
# a dialogue has one launch, one negotiating mandate, one conclusion of talks, one entry into force; several signings and meetings
ONCE = ("launch", "mandate", "conclusion", "entry-into-force")


def event_kinds(texts: list[str]) -> list[str]:
    """The milestones ``texts`` (the headline, then the first sentences) name, the first named first:
    within one text by position, a mandate before the launch its words also contain (正式啟動協商談判)."""
    out: list[str] = []
    for t in texts:
        if _CAPTION.match(t):
            continue  # a photo's caption is not the story
        spots = []
        for event, cue in EVENT_CUES:
            m = cue.search(t)
            if m:
                spots.append((m.start(), [e for e, _ in EVENT_CUES].index(event), event))
        for _, _, event in sorted(spots):
            if event not in out:
                out.append(event)
    return out


def same_kind(r: RoundInfo, kinds: list[str]) -> bool:
    """Whether record ``r`` is of one of the kinds of event ``kinds`` (no kinds: a meeting or a round)."""
    if kinds:
        return r.kind == "milestone" and r.event in kinds
    return r.kind != "milestone"


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
