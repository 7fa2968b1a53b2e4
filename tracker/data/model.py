"""The typed, frozen records the tracker works with.

Every class here is both the in-memory model and the description of the YAML
files: the loader reads a file by walking the fields of its class, and the
JSON Schema is generated from the same fields.  Field metadata:

- ``doc``: one line for the data dictionary and the schema;
- ``example``: a YAML example for the data dictionary;
- ``ref``: the value names another record (``partner``, ``dialogue``,
  ``topic``, ``theme``, ``person``, ``round``, ``document``, ``outcome``,
  ``source``) and is checked once every file is read;
- ``derived``: filled in by the loader, never written in YAML.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # only type checkers read it (typing has it from Python 3.11)

    def dataclass_transform(**_options):
        return lambda f: f

from ..rules import CommitmentStatus, date_key, pick, round_order

# ---------------------------------------------------------------- primitives

@dataclass(frozen=True, slots=True)
class Text:
    """A name or sentence in English and/or Chinese (at least one)."""

    en: str | None = field(default=None, metadata={"doc": "English"})
    zh: str | None = field(default=None, metadata={"doc": "Chinese (Traditional)"})

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to the other language."""
        return pick(self, lang)


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: 2020, 2020-11, 2020-11-20."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError if impossible."""
        parts = text.split("-")
        if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(
            not p.isascii() or not p.isdigit() for p in parts
        ) or any(len(p) != 2 for p in parts[1:]):
            raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        nums = [int(p) for p in parts]
        if nums[0] < 1:
            raise ValueError(f"year {nums[0]} is out of range")
        if len(nums) >= 2 and not 1 <= nums[1] <= 12:
            raise ValueError(f"month {nums[1]} does not exist")
        if len(nums) == 3:
            _dt.date(*nums)  # raises ValueError for 2020-02-30
        return cls(*nums)

    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        if self.day:
            return _dt.date(self.year, self.month or 1, self.day)
        if self.month == 12:
            return _dt.date(self.year, 12, 31)  # also in 9999, the last year a date can have
        if self.month:
            return _dt.date(self.year, self.month + 1, 1) - _dt.timedelta(days=1)
        return _dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    def sort_key(self) -> tuple:
        return (self.year, self.month or 0, self.day or 0)


def _f(doc: str, default=None, example: str | None = None, **meta):
    """A field with documentation; ``default=...`` marks it required."""
    metadata = {"doc": doc, **meta}
    if example is not None:
        metadata["example"] = example
    if default is ...:
        return field(metadata=metadata)
    if isinstance(default, (list, dict, set)):
        raise TypeError("use tuples for defaults")
    return field(default=default, metadata=metadata)


_T = TypeVar("_T")


@overload
def record(cls: type[_T], /) -> type[_T]: ...
@overload
def record(cls: None = None, /, *, kw_only: bool = True) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(field,))
def record(cls: Any = None, /, *, kw_only: bool = True) -> Any:
    """A frozen, slotted dataclass, built by keyword only unless ``kw_only=False`` (so that required
    and optional fields may mix). ``@record`` or ``@record(kw_only=False)``.

    Its ``__repr__``, ``__eq__`` and ``__hash__`` are those a frozen dataclass would generate
    (field by field, in order), made here as closures over the field names: Python compiles every
    method it generates for a dataclass from source, and doing that for three of the six methods of
    25 record classes was the largest part of the tracker's start-up. Its ``__init__`` takes the
    arguments a dataclass's would and stores the fields more cheaply (``_init_of``).
    """
    if cls is None:
        return lambda c: record(c, kw_only=kw_only)
    if cls.__doc__ is None:  # without one, dataclass builds the class's signature for it: a third of its cost
        cls.__doc__ = f"A {cls.__name__} record."
    cls = dataclass(frozen=True, slots=True, kw_only=kw_only, repr=False, eq=False, init=False)(cls)
    cls.__init__ = _init_of(cls, kw_only)
    names = tuple(f.name for f in fields(cls))

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in names) + ")"

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return all(getattr(self, n) == getattr(other, n) for n in names)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in names))

    cls.__repr__, cls.__eq__, cls.__hash__ = __repr__, __eq__, __hash__
    return cls

def _init_of(cls: Any, kw_only: bool) -> Any:
    """The ``__init__`` of a frozen record class: its fields stored as on any object.

    A frozen dataclass stores each field through ``object.__setattr__``, about a microsecond a
    field, and a large folder's records have millions of fields. This one lends the new record,
    for the time of its ``__init__``, the class of an open twin with the same slots, so that each
    field is one plain store; the record then has its own class back, as frozen as before."""
    open_twin = type(f"Open{cls.__name__}", (), {"__slots__": cls.__slots__})
    scope: dict[str, Any] = {"_lend": object.__setattr__, "_Open": open_twin, "_Frozen": cls}
    params, stores, calls = [], [], []
    for f in fields(cls):
        if f.default is MISSING:
            params.append(f.name)
        else:  # defaults are immutable (``_f`` refuses others): each is used as it is
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        stores.append(f"    self.{f.name} = {f.name}\n")
        calls.append(f"        _lend(self, {f.name!r}, {f.name})\n")
    star = "*, " if kw_only and params else ""
    source = (
        f"def __init__(self, {star}{', '.join(params)}):\n"
        # a subclass's instance (another layout) is built as a frozen dataclass builds it
        + "    if type(self) is not _Frozen:\n" + "".join(calls) + "        return\n"
        + "    _lend(self, '__class__', _Open)\n" + "".join(stores) + "    self.__class__ = _Frozen\n"
    )
    exec(source, scope)  # noqa: S102 - made from the class's own field names, as dataclass makes its own
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


Side = Literal["taiwan", "partner", "other"]
Format = Literal["in-person", "virtual", "hybrid"]

# ---------------------------------------------------------------- sources


@record
class Source:
    id: str = _f("Short name other fields of this record cite, unique in the record", ..., "cna-2020-11-21")
    publisher: Text = _f("Who published it", ..., "{en: Central News Agency, zh: 中央社}")
    url: str | None = _f("Address of the page, where one exists (without one, a note is required)", None, "https://www.cna.com.tw/news/afe/202011210100.aspx")
    title: Text | None = _f("Headline or title, in the language(s) published", None)
    date: PartialDate | None = _f("Publication date", None, "2020-11-21")
    language: Literal["en", "zh", "ja", "other"] | None = _f("Language of the source", None, "zh")
    weak: bool = _f("A weak source: a blog, an aggregator, a copy of a release; a fact citing only weak sources must be marked unverified; a `kind: copy` is always weak", False)
    kind: Literal["official", "news", "copy"] | None = _f("What it is: official (a government's or agency's own release or text), news (a report by a news outlet) or copy (another's text republished elsewhere, which counts as weak)", None, "news")
    copy_of: Text | None = _f("For a copy: the original it republishes (publisher, date), where known", None, "{en: Reuters report of 2021-11-23}")
    archived: str | None = _f("Address of an archived copy of the page, in a web archive", None, "https://web-archive-2022.ait.org.tw/…")
    accessed: PartialDate | None = _f("When the page, or its archived copy, was last read", None, "2026-12-05")
    gone: bool = _f("The original page is gone (its address no longer works): show gives the archived copy; needs archived", False)
    note: Text | None = _f("What the source supports, or how it was seen; without a url, where it was published and why there is no link", None)


# ---------------------------------------------------------------- taxonomy


@record
class Partner:
    id: str = _f("Short lower-case ID", ..., "us")
    name: Text = _f("Name in both languages", ..., "{en: United States, zh: 美國}")
    aliases: tuple[str, ...] = _f("Other names users may type", (), "[USA, U.S., 美方]")


@record
class Theme:
    id: str = _f("Short lower-case ID", ..., "supply-chains")
    name: Text = _f("Name in both languages", ..., "{en: Supply chains, zh: 供應鏈}")


@record
class Topic:
    id: str = _f("Short lower-case ID", ..., "critical-minerals")
    name: Text = _f("Name in both languages", ..., "{en: Critical minerals, zh: 關鍵礦物}")
    theme: str = _f("The broader theme that matches topics across rounds", ..., "supply-chains", ref="theme")
    aliases: tuple[str, ...] = _f("Other names users may type", (), "[rare earths]")
    evolved_from: tuple[str, ...] = _f("Topics this one grew out of, as a source says (give lineage_source)", (), "[supply-chains]", ref="topic")
    lineage_source: str | None = _f("The source (URL) or reason that shows the lineage in evolved_from", None)


@record
class Taxonomy:
    themes: tuple[Theme, ...] = _f("Broad themes", ...)
    topics: tuple[Topic, ...] = _f("Topics, each under one theme", ...)


@record
class Person:
    id: str = _f("Short lower-case ID (Chinese characters allowed)", ..., "john-deng")
    name: Text = _f("Name in both languages where known", ..., "{en: John Deng, zh: 鄧振中}")
    note: Text | None = _f("How the name forms were checked", None)
    unverified: bool = _f("The English form is not confirmed by a source", False)
    sources: tuple[Source, ...] = _f("Where the name forms come from", ())


@record
class People:
    people: tuple[Person, ...] = _f("Everyone named in a round or document", ...)


@record
class Partners:
    partners: tuple[Partner, ...] = _f("Taiwan's partners", ...)


# ---------------------------------------------------------------- shared parts


@record
class Note:
    text: Text = _f("A fact about the record, in your own words", ...)
    sources: tuple[str, ...] = _f("IDs of this record's sources", (), "[cna]", ref="source")
    unverified: bool = _f("Not fully confirmed", False)


@record
class Version:
    value: Text = _f("One version of the disputed fact", ...)
    sources: tuple[str, ...] = _f("Sources that give this version", ..., "[voa]", ref="source")


@record
class Disputed:
    about: str = _f("The field (date, format, venues, …) or subject in dispute", ..., "date")
    note: Text | None = _f("What the disagreement is", None)
    versions: tuple[Version, ...] = _f("Each version with its source (two or more)", ...)


@record
class Unverified:
    about: str = _f("The field or subject that is not confirmed", ..., "format")
    note: Text = _f("What is uncertain and why", ...)
    sources: tuple[str, ...] = _f("Sources seen", (), ref="source")


@record
class Participant:
    person: str | None = _f("A person ID from people.yaml", None, "john-deng", ref="person")
    organisation: Text | None = _f("Organisation (or a delegation with no named person)", None, "{en: Executive Yuan, zh: 行政院}")
    side: Side = _f("taiwan, partner or other", ..., "taiwan")
    role: Literal["lead", "co-chair", "participant", "host", "speaker", "signer", "witness"] = _f(
        "lead (chief negotiator or co-chair), participant, …", "participant", "lead"
    )
    title: Text | None = _f("Title at the time", None, "{en: Minister without Portfolio, zh: 行政院政務委員}")
    attendance: Literal["in-person", "virtual"] | None = _f("How this person took part", None, "virtual")
    note: Text | None = _f("Anything else worth knowing", None)
    unverified: bool = _f("Not fully confirmed", False)
    sources: tuple[str, ...] = _f("IDs of this record's sources", (), "[cna]", ref="source")


LEAD_ROLES = ("lead", "co-chair", "host")


@record
class Commitment:
    status: CommitmentStatus = _f("What became of the promise, as the evidence shows", ..., "delivered")
    due: PartialDate | None = _f("When it was promised for, if said", None, "2022")
    note: Text | None = _f("How the status was judged", None)


@record
class Outcome:
    id: str = _f("Stable ID, unique in the round; cited elsewhere as <round-id>/<id>", ..., "st-agreement-talks")
    text: Text = _f("What was agreed or announced, in your own words", ...)
    commitment: Commitment | None = _f("Present when the outcome is a promise of future action", None)
    follows_up: tuple[str, ...] = _f("Earlier outcomes this one follows up", (), "[eppd-1/st-agreement-talks]", ref="outcome")
    unverified: bool = _f("Not fully confirmed", False)
    note: Text | None = _f("Caveats", None)
    sources: tuple[str, ...] = _f("IDs of this record's sources", (), "[cna]", ref="source")
    round: str = _f("The round or document it belongs to", "", derived=True)
    date: PartialDate | None = _f("Date of that round or document", None, derived=True)


@record
class RoundTopic:
    topic: str = _f("A topic ID from topics.yaml", ..., "supply-chains", ref="topic")
    label: Text | None = _f("The topic as the sources word it", None, "{en: Supply chains, zh: 供應鏈}")
    headline: bool = _f("On the official agenda (false: also mentioned)", True)
    outcomes: tuple[Outcome, ...] = _f("What came of it", ())
    unverified: bool = _f("Not fully confirmed", False)
    note: Text | None = _f("Caveats", None)
    sources: tuple[str, ...] = _f("IDs of this record's sources", (), "[cna]", ref="source")


@record
class WorkingGroup:
    name: Text = _f("Name or area of the group", ...)
    status: Literal["planned", "active", "unknown"] | None = _f("As far as the sources tell", None, "planned")
    note: Text | None = _f("What it is for", None)
    unverified: bool = _f("Not fully confirmed", False)
    sources: tuple[str, ...] = _f("IDs of this record's sources", (), "[cna]", ref="source")


@record
class FollowUp:
    id: str = _f("Stable ID, unique in the record", ..., "sc-wg-first-meeting")
    date: PartialDate = _f("When it happened", ..., "2021-02-05")
    text: Text = _f("What happened", ...)
    follows_up: tuple[str, ...] = _f("Outcomes it follows up", (), "[eppd-1/semiconductor-priority]", ref="outcome")
    document: str | None = _f("A document it produced", None, ref="document")
    unverified: bool = _f("Not fully confirmed", False)
    sources: tuple[str, ...] = _f("IDs of this record's sources", ..., "[taiwannews]", ref="source")


@record
class Term:
    years: int | None = _f("Length in years", None, "5")
    extendable_years: int | None = _f("Length of a possible extension", None, "5")
    note: Text | None = _f("Other terms", None)


# ---------------------------------------------------------------- records


RecordKind = Literal["round", "meeting", "milestone"]
EventKind = Literal["launch", "signing", "mandate", "conclusion", "entry-into-force"]
# events at which people met: listed by default beside rounds and meetings
MEETING_EVENTS = ("launch", "signing")


@record
class Round:
    id: str = _f("<dialogue>-<round> for numbered rounds, <dialogue>-<slug> otherwise; the file name", ..., "eppd-1")
    dialogue: str = _f("Dialogue ID", ..., "eppd", ref="dialogue")
    round: int | None = _f("Round number; absent for meetings that are not numbered", None, "1")
    kind: RecordKind = _f("round (numbered), meeting (not numbered) or milestone (a launch, signing, entry into force)", "round")
    event: EventKind | None = _f("What a milestone was: launch, signing, mandate, conclusion (of talks) or entry-into-force", None, "signing")
    name: Text | None = _f("A name for meetings that are not numbered", None)
    date: PartialDate | None = _f("YYYY, YYYY-MM or YYYY-MM-DD; absent if unknown", None, "2020-11-20")
    end_date: PartialDate | None = _f("Last day of a multi-day meeting", None, "2019-06-05")
    date_note: Text | None = _f("Time zone or other remarks on the date", None)
    format: Format | None = _f("in-person, virtual or hybrid; absent if unknown", None, "hybrid")
    venues: tuple[Text, ...] = _f("Where it was held", (), "[{en: Washington, zh: 華府}]")
    participants: tuple[Participant, ...] = _f("Leads and other participants", ())
    topics: tuple[RoundTopic, ...] = _f("What was discussed, with outcomes", ())
    documents: tuple[str, ...] = _f("Documents signed or announced at it", (), "[eppd-mou-2020]", ref="document")
    working_groups: tuple[WorkingGroup, ...] = _f("Working groups set up or planned", ())
    follow_ups: tuple[FollowUp, ...] = _f("Later events that follow up its outcomes", ())

    # the fields every record with its own file ends with, in this order
    notes: tuple[Note, ...] = _f("Other facts", ())
    disputed: tuple[Disputed, ...] = _f("Facts on which sources disagree", ())
    unverified: tuple[Unverified, ...] = _f("Facts not fully confirmed", ())
    sources: tuple[Source, ...] = _f("Where the facts come from (at least one)", ...)
    last_verified: PartialDate = _f("When a curator last checked the record against its sources", ..., "2026-11-21")
    path: str = _f("File it was read from", "", derived=True)

    @property
    def leads(self) -> tuple:
        """Participants who led it: leads, co-chairs and hosts."""
        return tuple(p for p in self.participants if p.role in LEAD_ROLES)


@record
class Document:
    id: str = _f("Short ID; the file name", ..., "eppd-mou-2020")
    dialogue: str | None = _f("Dialogue it belongs to", None, "eppd", ref="dialogue")
    partner: str | None = _f("Partner ID, for a document that belongs to no dialogue", None, "us", ref="partner")
    kind: Literal["mou", "joint-statement", "agreement", "arrangement", "declaration", "contract", "framework", "other"] = _f(
        "mou, joint-statement, agreement, arrangement, declaration, contract, framework or other", ..., "mou"
    )
    title: Text = _f("Title in both languages where known", ...)
    date: PartialDate | None = _f("Date signed or announced", None, "2020-11-20")
    in_force: PartialDate | None = _f("Date it entered into force", None)
    round: str | None = _f("Round at which it was signed", None, "eppd-1", ref="round")
    parties: tuple[Text, ...] = _f("Parties to it", (), "[{en: AIT}, {en: TECRO}]")
    signatories: tuple[Participant, ...] = _f("Who signed or witnessed it", ())
    term: Term | None = _f("Duration", None)
    renews: str | None = _f("The document it renews or extends", None, ref="document")
    follows_up: tuple[str, ...] = _f("Outcomes it follows up", (), "[eppd-1/st-agreement-talks]", ref="outcome")
    summary: Text | None = _f("What it does, in your own words", None)

    # the fields every record with its own file ends with, in this order
    notes: tuple[Note, ...] = _f("Other facts", ())
    disputed: tuple[Disputed, ...] = _f("Facts on which sources disagree", ())
    unverified: tuple[Unverified, ...] = _f("Facts not fully confirmed", ())
    sources: tuple[Source, ...] = _f("Where the facts come from (at least one)", ...)
    last_verified: PartialDate = _f("When a curator last checked the record", ..., "2026-11-21")
    path: str = _f("File it was read from", "", derived=True)


@record
class LeadAgencies:
    taiwan: tuple[Text, ...] = _f("Lead agencies on Taiwan's side", ())
    partner: tuple[Text, ...] = _f("Lead agencies on the partner's side", ())


DialogueKind = Literal["government-dialogue", "business-alliance", "trade-negotiation", "trade-framework"]


@record
class Dialogue:
    id: str = _f("Short lower-case ID; the file name", ..., "eppd")
    name: Text = _f("Full name in both languages", ...)
    short: Text | None = _f("Short name or acronym", None, "{en: EPPD, zh: EPPD}")
    aliases: tuple[str, ...] = _f("Other names users may type", ())
    partner: str = _f("Partner ID", ..., "us", ref="partner")
    kind: DialogueKind = _f("government-dialogue, business-alliance, trade-negotiation or trade-framework", ..., "government-dialogue")
    lead_agencies: LeadAgencies | None = _f("Lead agencies on each side", None)
    founding_documents: tuple[str, ...] = _f("Documents that set it up", (), "[eppd-mou-2020]", ref="document")
    summary: Text | None = _f("What it is, in your own words", None)

    # the fields every record with its own file ends with, in this order
    notes: tuple[Note, ...] = _f("Other facts", ())
    disputed: tuple[Disputed, ...] = _f("Facts on which sources disagree", ())
    unverified: tuple[Unverified, ...] = _f("Facts not fully confirmed", ())
    sources: tuple[Source, ...] = _f("Where the facts come from (at least one)", ...)
    last_verified: PartialDate = _f("When a curator last checked the record", ..., "2026-11-21")
    path: str = _f("File it was read from", "", derived=True)


# ---------------------------------------------------------------- the whole data set


# Where each kind of record lives in a data folder: a file at its top, or one file per record in a folder.
ROOT_FILES = {"partners.yaml": Partners, "topics.yaml": Taxonomy, "people.yaml": People}
FOLDERS = {"dialogues": Dialogue, "rounds": Round, "documents": Document}


class Dataset:
    """Every record of a data folder, checked and indexed by ID."""

    __slots__ = ("_outcomes", "dialogues", "documents", "partners", "people", "root", "rounds", "themes", "topics")

    def __init__(self, root, partners, themes, topics, people, dialogues, rounds, documents):
        self.root = root
        self.partners: dict[str, Partner] = {p.id: p for p in partners}
        self.themes: dict[str, Theme] = {t.id: t for t in themes}
        self.topics: dict[str, Topic] = {t.id: t for t in topics}
        self.people: dict[str, Person] = {p.id: p for p in people}
        self.dialogues: dict[str, Dialogue] = {d.id: d for d in dialogues}
        self.documents: dict[str, Document] = {d.id: d for d in sorted(documents, key=document_order)}
        # in date order (unknown dates last), then by dialogue and number
        self.rounds: dict[str, Round] = {r.id: r for r in sorted(rounds, key=round_order)}
        self._outcomes: dict[str, Outcome] | None = None

    def round(self, round_id: str) -> Round:
        """One round by ID."""
        return self.rounds[round_id]

    def partner_of(self, d: Document) -> str | None:
        """The partner of a document: its dialogue's, or its own when it belongs to no dialogue."""
        return self.dialogues[d.dialogue].partner if d.dialogue else d.partner

    def latest_check(self) -> PartialDate | None:
        """How current the data is: the latest ``last_verified`` of its rounds and documents."""
        checked = [r.last_verified for r in self.rounds.values()] + [d.last_verified for d in self.documents.values()]
        return max(checked, key=PartialDate.sort_key) if checked else None

    @property
    def outcomes(self) -> dict[str, Outcome]:
        if self._outcomes is None:
            self._outcomes = {o.round + "/" + o.id: o for r in self.rounds.values() for t in r.topics for o in t.outcomes}
        return self._outcomes


def document_order(d: Document) -> tuple:
    """Documents by date (unknown last), then ID."""
    return (date_key(d.date), d.id)
