"""Questions asked of the data set: pure functions, no printing.

Resolving what users type (round references, partners, dialogues, topics),
filtering rounds, comparing two rounds, building a timeline, the topic matrix,
full-text search and the commitments ledger.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .data.model import (
    Dataset,
    Document,
    Outcome,
    PartialDate,
    Round,
    RoundTopic,
    record,
)
from .data.summary import (
    Evidence,
    RoundSummary,
    filter_key,
    follow_up_evidence,
    summarize,
)
from .data.text import find, search_entries, texts
from .data.text import fold as search_fold
from .data.text import fold_name as _fold
from .errors import InputError
from .rules import date_key, dialogue_short, round_order
from .safe import cut

if TYPE_CHECKING:  # built only when a question that gives them is asked
    from .results import (
        CommitmentRow,
        Comparison,
        SearchResult,
        TimelineEntry,
        TopicMention,
    )

DEFAULT_DIALOGUE = "eppd"


def _suggest(word: str, choices: Iterable[str]) -> str:
    import difflib

    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {found[0]!r}?" if found else ""


# ---------------------------------------------------------------- resolving names


def resolve_dialogue(ds: Dataset, text: str) -> str:
    """A dialogue ID from its ID, short name, full name or alias, in either language."""
    want = _fold(text)
    for d in ds.dialogues.values():
        names = [d.id, *d.aliases]
        for t in (d.name, d.short):
            if t:
                names += [t.en or "", t.zh or ""]
        if want in (_fold(n) for n in names if n):
            return d.id
    known = sorted(ds.dialogues)
    raise InputError(f"unknown dialogue {text!r} (known: {', '.join(known)}){_suggest(text, known)}")


def resolve_partner(ds: Dataset, text: str) -> str:
    """A partner ID from its ID, name in either language or an alias, in any case."""
    want = _fold(text)
    for p in ds.partners.values():
        names = [p.id, p.name.en, p.name.zh, *p.aliases]
        if want in (_fold(n) for n in names if n):
            return p.id
    known = sorted(ds.partners)
    raise InputError(f"unknown partner {text!r} (known: {', '.join(known)}){_suggest(text, known)}")


def resolve_topics(ds: Dataset, text: str) -> frozenset[str]:
    """Topic IDs named by ``text``: a topic (ID, name or alias), or every topic of a theme.

    A theme is named by its name, by ``theme:ID``, or by its ID where no topic has that ID.
    """
    want = _fold(text)
    forced = want.startswith("theme:")
    if forced:
        want = want[len("theme:"):].strip()

    def theme_topics(th):
        return frozenset(t.id for t in ds.topics.values() if t.theme == th.id)

    for th in ds.themes.values():
        if want in (_fold(n) for n in (th.name.en, th.name.zh) if n) or (forced and want == th.id):
            return theme_topics(th)
    if not forced:
        for t in ds.topics.values():
            names = [t.id, t.name.en, t.name.zh, *t.aliases]
            if want in (_fold(n) for n in names if n):
                return frozenset([t.id])
        if want in ds.themes:
            return theme_topics(ds.themes[want])
    known = sorted(ds.topics)
    hint = _topic_hint(ds, text) or _suggest(text, known)
    raise InputError(f"unknown topic {cut(text, 40)!r} (see `tracker topics` for the list){hint}")


def _topic_hint(ds: Dataset, text: str) -> str:
    """Topics whose ID, name or an alias holds what was typed, or one of its words (``chips``:
    supply-chains, also called semiconductor chips), each with the name that matched."""
    import re

    part = search_fold(text)
    words = {w for w in re.split(r"[\s\-_/]+", part) if len(w) >= 3}
    near: dict[str, str] = {}
    for t in ds.topics.values():
        for n in (t.id, t.name.en or "", t.name.zh or "", *t.aliases):
            folded = search_fold(n)
            if part and (part in folded or any(w in re.split(r"[\s\-_/]+", folded) for w in words)):
                near.setdefault(t.id, "" if n in (t.id, t.name.en, t.name.zh) else n)
                break
    if not near:
        return ""
    said = ", ".join(f"{i!r}" + (f" (also called {n})" if n else "") for i, n in list(near.items())[:3])
    return f"; did you mean {said}?"


def _numbers(rounds: list[Round]) -> str:
    nums = sorted(r.round for r in rounds if r.round is not None)
    if not nums:
        return "no numbered rounds"
    if nums == list(range(nums[0], nums[-1] + 1)) and len(nums) > 1:
        return f"rounds {nums[0]}–{nums[-1]}"
    return ("round " if len(nums) == 1 else "rounds ") + ", ".join(map(str, nums))


def resolve_round(ds: Dataset, ref: str, dialogue: str | None = None) -> Round:
    """A round from ``6``, ``eppd:6``, ``eppd-6``, ``dde:2``, ``eppd:first``, ``eppd:latest`` or an ID."""
    text = (ref or "").strip()
    if not text:
        raise InputError("empty round reference (try 6, eppd:6 or eppd-6)")
    if text in ds.rounds:
        return ds.rounds[text]
    if ":" in text:
        d_text, _, which = text.partition(":")
    elif _number(text) or text.lower() in ("first", "latest", "last"):
        d_text, which = dialogue or DEFAULT_DIALOGUE, text
    elif "-" in text:
        d_text, _, which = text.rpartition("-")
    else:
        try:
            d_id = resolve_dialogue(ds, text)
        except InputError:
            raise InputError(f"cannot read the round reference {cut(text, 40)!r} (try 6, eppd:6, eppd-6 or eppd:latest)") from None
        rounds = [r for r in ds.rounds.values() if r.dialogue == d_id]
        hint = f"; did you mean {rounds[0].id!r}?" if len(rounds) == 1 else ""
        raise InputError(f"{text!r} is a dialogue, not a round ({_listing(ds, d_id, rounds)}){hint}")
    d_id = resolve_dialogue(ds, d_text)
    rounds = [r for r in ds.rounds.values() if r.dialogue == d_id]
    name = dialogue_short(ds.dialogues[d_id]).get("en")
    which = which.strip().lower()
    if not rounds:
        raise InputError(f"{name} has no rounds in the data")
    if which == "first":
        return min(rounds, key=round_order)
    if which in ("latest", "last"):
        return max(rounds, key=round_order)
    if _number(which):
        number = int(which) if len(which) <= 9 else None  # Python refuses to convert 4,300 digits
        for r in rounds:
            if r.round == number:
                return r
        raise InputError(f"{name} has no round {cut(which, 20)} ({_listing(ds, d_id, rounds)})")
    full = f"{d_id}-{which}"
    if full in ds.rounds:
        return ds.rounds[full]
    ids = sorted(r.id for r in rounds)
    raise InputError(f"unknown round {text!r} ({name} has {_numbers(rounds)}; meetings: {', '.join(ids)}){_suggest(full, ids)}")


def _listing(ds: Dataset, d_id: str, rounds: list[Round]) -> str:
    """What a dialogue has, for an error: its numbered rounds and the IDs of its other meetings."""
    name = dialogue_short(ds.dialogues[d_id]).get("en")
    meetings = sorted(r.id for r in rounds if r.round is None)
    text = f"{name} has {_numbers(rounds)}"
    return text + (f"; meetings: {', '.join(meetings)}" if meetings else "")


def _number(text: str) -> bool:
    return text.isascii() and text.isdigit()



# ---------------------------------------------------------------- filtering


@record(kw_only=False)
class Filters:
    dialogue: str | None = None
    partner: str | None = None
    since: _dt.date | None = None
    until: _dt.date | None = None
    topics: frozenset | None = None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


def make_filters(ds: Dataset, dialogue=None, partner=None, since=None, until=None, topic=None) -> Filters:
    """Filters from command-line text; InputError for anything unknown or unreadable."""
    start = end = None
    if since is not None or until is not None:
        from .data.dates import date_range

        start, end = date_range(since, until)
    return Filters(
        resolve_dialogue(ds, dialogue) if dialogue else None,
        resolve_partner(ds, partner) if partner else None,
        start,
        end,
        resolve_topics(ds, topic) if topic else None,
    )


def filter_rounds(ds: Dataset, f: Filters) -> list[Round]:
    """Full round records that pass the filters."""
    return [
        r for r in ds.rounds.values()
        if keep_key(f, filter_key(r.dialogue, ds.dialogues[r.dialogue].partner, r.date, r.end_date, (t.topic for t in r.topics)))
    ]


def topic_matcher(ds: Dataset, topics) -> Callable[[str], bool]:
    """Whether a text names one of ``topics``: by name or alias, in either language, folded as
    search folds, a Latin name as a whole word (``AI`` is not found in ``said``)."""
    import re

    patterns = []
    for t in topics:
        topic = ds.topics[t]
        for name in (topic.name.en, topic.name.zh, *topic.aliases):
            folded = search_fold(name or "")
            if len(folded) >= 2:
                patterns.append(re.escape(folded))
    if not patterns:
        return lambda text: False
    whole = re.compile(r"(?<![a-z0-9])(?:" + "|".join(sorted(set(patterns), key=len, reverse=True)) + r")(?![a-z0-9])")
    return lambda text: bool(whole.search(search_fold(text)))


def keep_key(f: Filters, key: tuple) -> bool:
    """Whether a round passes the filters, from its filter key (dialogue, partner, first day, last day, topics)."""
    dialogue, partner, first, last, topics = key
    if f.dialogue and dialogue != f.dialogue:
        return False
    if f.partner and partner != f.partner:
        return False
    if f.topics is not None and f.topics.isdisjoint(topics):
        return False
    if f.dated:
        if first is None:
            return False
        if f.since is not None and last < f.since.toordinal():
            return False
        if f.until is not None and first > f.until.toordinal():
            return False
    return True


def filter_documents(ds: Dataset, f: Filters) -> list[Document]:
    """Documents that pass the filters; none when a topic is asked for (documents carry no topics)."""
    if f.topics is not None:
        return []
    return [
        d for d in ds.documents.values()
        if keep_key(f, filter_key(d.dialogue, ds.partner_of(d), d.date, None, ()))
    ]


# ---------------------------------------------------------------- compare


def lineage(ds: Dataset, topic: str) -> set[str]:
    """Every topic ``topic`` grew out of, as the taxonomy records it (``evolved_from``), at any remove."""
    seen: set[str] = set()
    todo = list(ds.topics[topic].evolved_from) if topic in ds.topics else []
    while todo:
        t = todo.pop()
        if t not in seen and t in ds.topics:
            seen.add(t)
            todo += ds.topics[t].evolved_from
    return seen


def compare(ds: Dataset, a: Round, b: Round, all_topics: bool = False) -> Comparison:
    """The topic diff of two rounds.

    A topic *continued* when both rounds discussed it and at least one had it on the official
    agenda; it was *dropped* or *added* when only one round discussed it, on its agenda.  A topic
    only mentioned by both, or by one round alone, takes part only with ``all_topics`` (which thus
    adds to the counts, never moves a topic from one to another).  A topic of A *evolved* into one
    of B only where the taxonomy records that lineage (``evolved_from``, with its source); topics
    are never paired by theme.
    """
    from .results import Comparison, Pair

    a_by: dict[str, RoundTopic] = {}
    for t in a.topics:
        a_by.setdefault(t.topic, t)
    b_by: dict[str, RoundTopic] = {}
    for t in b.topics:
        b_by.setdefault(t.topic, t)

    def shown(*sides) -> bool:
        return all_topics or any(t is not None and t.headline for t in sides)

    continued = [Pair(t, b_by[k], ds.topics[k].theme) for k, t in a_by.items() if k in b_by and shown(t, b_by[k])]
    a_left = [t for k, t in a_by.items() if k not in b_by and shown(t)]
    b_left = [t for k, t in b_by.items() if k not in a_by and shown(t)]
    evolved: list[Pair] = []
    dropped: list[RoundTopic] = []
    for t in a_left:
        heir = next((x for x in b_left if t.topic in lineage(ds, x.topic)), None)
        if heir is None:
            dropped.append(t)
        else:
            b_left.remove(heir)
            evolved.append(Pair(t, heir, ds.topics[t.topic].theme))
    rows = tuple(round_commitments(ds, a, b.date))
    delivered = tuple((row.outcome, row.evidence[0]) for row in rows if row.status == "delivered")
    return Comparison(a, b, tuple(b_left), tuple(dropped), tuple(continued), tuple(evolved), delivered, rows)


def _on_or_before(d: PartialDate | None, limit: PartialDate | None) -> bool:
    return d is not None and limit is not None and d.first_day() <= limit.last_day()


# ---------------------------------------------------------------- commitments and evidence


def evidence_for(ds: Dataset, outcome: Outcome) -> list[Evidence]:
    key = f"{outcome.round}/{outcome.id}"
    return evidence_index(ds).get(key, [])


_EVIDENCE_CACHE: dict[int, tuple[Dataset, dict[str, list[Evidence]]]] = {}


def evidence_index(ds: Dataset) -> dict[str, list[Evidence]]:
    """Every outcome ID mapped to what follows it up, in date order."""
    cached = _EVIDENCE_CACHE.get(id(ds))
    if cached is not None and cached[0] is ds:
        return cached[1]
    index: dict[str, list[Evidence]] = {}

    def cite(targets, ev):
        for target in targets:
            index.setdefault(target, []).append(ev)

    for r in ds.rounds.values():
        srcs = {s.id: s for s in r.sources}
        for f in r.follow_ups:
            cite(f.follows_up, follow_up_evidence(r, f))
        for t in r.topics:
            for o in t.outcomes:
                cite(o.follows_up, Evidence("outcome", f"{r.id}/{o.id}", r.date, o.text, r.id, tuple(srcs[s] for s in o.sources)))
    for d in ds.documents.values():
        cite(d.follows_up, Evidence("document", d.id, d.date, d.title, d.id, d.sources))
    for items in index.values():
        items.sort(key=lambda e: date_key(e.date))
    _EVIDENCE_CACHE.clear()
    _EVIDENCE_CACHE[id(ds)] = (ds, index)
    return index


COMMITMENT_ORDER = ("delivered", "in-progress", "lapsed", "announced", "unknown")


def status_by(status: str, evidence: list[Evidence], date: PartialDate | None) -> str:
    """A commitment's status as of ``date`` (its recorded status when ``date`` is None).

    ``in-progress``, ``delivered`` and ``lapsed`` rest on evidence, and the first piece of evidence
    is what made the status true (the delivery that ``commitments`` dates); before that piece's date
    the commitment was only ``announced``.  ``announced`` and ``unknown`` stay as they are.
    """
    if date is None or status not in ("in-progress", "delivered", "lapsed"):
        return status
    return status if evidence and _on_or_before(evidence[0].date, date) else "announced"


def commitment_rows(ds: Dataset, r: Round, today: _dt.date | None = None, as_of: PartialDate | None = None) -> list[CommitmentRow]:
    """The commitments of one round with their status as of ``as_of`` (recorded status when None),
    and only the evidence dated by then."""
    from .results import CommitmentRow

    rows = []
    for t in r.topics:
        for o in t.outcomes:
            if not o.commitment:
                continue
            evidence = evidence_for(ds, o)
            if as_of is not None:
                evidence = [e for e in evidence if _on_or_before(e.date, as_of)]
            age = (today - r.date.first_day()).days if r.date and today else None
            rows.append(CommitmentRow(o, r, t.topic, status_by(o.commitment.status, evidence, as_of), tuple(evidence), age))
    return rows


def round_commitments(ds: Dataset, r: Round, as_of: PartialDate | None) -> list[CommitmentRow]:
    """What ``compare`` counts: the commitments of round ``r`` as ``commitments`` gives them, with
    their status as of ``as_of`` (the date of the later round)."""
    return commitment_rows(ds, r, None, as_of)


def tally(rows: Iterable[CommitmentRow]) -> dict[str, int]:
    """How many commitments have each status, in the order of ``COMMITMENT_ORDER``."""
    counts = dict.fromkeys(COMMITMENT_ORDER, 0)
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def commitments(ds: Dataset, f: Filters, status: str | None, today: _dt.date, as_of: PartialDate | None = None) -> list[CommitmentRow]:
    """Every commitment of the rounds that pass the filters, with ``status`` only (as of ``as_of``)."""
    return [row for r in filter_rounds(ds, f) for row in commitment_rows(ds, r, today, as_of) if not status or row.status == status]


# ---------------------------------------------------------------- topics


def topic_matrix(ds: Dataset, rounds: list[RoundSummary]) -> list[tuple]:
    """(topic, [True (headline) / False (mentioned) / None for each round]) for every topic discussed."""
    cells_of = [{t.id: t.headline for t in r.topics} for r in rounds]
    rows = []
    for topic in ds.topics.values():
        cells = [c.get(topic.id) for c in cells_of]
        if any(c is not None for c in cells):
            rows.append((topic, cells))
    return rows


# ---------------------------------------------------------------- listings: list, timeline, search


def _round_key(ds: Dataset, r: Round) -> tuple:
    return filter_key(r.dialogue, ds.dialogues[r.dialogue].partner, r.date, r.end_date, (t.topic for t in r.topics))


def list_rounds(ds: Dataset, f: Filters) -> Iterable[RoundSummary]:
    """The rounds, meetings and milestones that pass the filters, as summaries in date order
    (unknown dates last), streamed.

    With a topic filter, a round also passes when its outcomes name the topic without its being
    tagged (see ``topic_matcher``); each summary's ``topic_match`` then says ``tagged`` or ``outcomes``.
    """
    if f.topics is None:
        return (summarize(ds, r) for r in ds.rounds.values() if keep_key(f, _round_key(ds, r)))
    import dataclasses

    topics = f.topics
    others = dataclasses.replace(f, topics=None)
    names = topic_matcher(ds, topics)
    needles = [n for n in _topic_needles(ds, topics) if len(n) >= 2]

    def rounds() -> Iterable[RoundSummary]:
        for r in ds.rounds.values():
            key = _round_key(ds, r)
            if keep_key(f, key):
                yield dataclasses.replace(summarize(ds, r), topic_match="tagged")
            elif keep_key(others, key) and _names_in_outcomes(ds, r, needles, names):
                yield dataclasses.replace(summarize(ds, r), topic_match="outcomes")

    return rounds()


def _topic_needles(ds: Dataset, topics: frozenset) -> set[str]:
    needles: set[str] = set()
    for t in topics:
        topic = ds.topics[t]
        needles.update(search_fold(n) for n in (topic.name.en, topic.name.zh, *topic.aliases) if n)
    return needles


def _names_in_outcomes(ds: Dataset, r: Round, needles: list[str], names: Callable[[str], bool]) -> bool:
    """Whether a text of an outcome of round ``r`` (its words, its commitment's note, …) names one
    of the topics (``needles``: their folded names, matched by ``names`` as whole words).

    The outcome's texts are matched together, in one pass, as ``data.text.find`` does: no text of
    the data holds a NUL, and a name is never found across two texts."""
    if not needles:
        return False
    said = [text for t in r.topics for o in t.outcomes for _, text in texts(o)]
    return bool(said) and names("\x00".join(said))


def timeline(ds: Dataset, f: Filters, follow_ups: bool = False) -> Iterable[TimelineEntry]:
    """Rounds, meetings, milestones and documents (and follow-up events) in date order, unknown
    dates last. On the same day a round comes before a document, and a document before a
    follow-up."""
    from .results import TimelineEntry

    entries: list[tuple[tuple, TimelineEntry]] = []
    for r in ds.rounds.values():
        key = _round_key(ds, r)
        if keep_key(f, key):
            entries.append(((date_key(r.date), 0, round_order(r)), TimelineEntry(summarize(ds, r))))
        if follow_ups:
            dialogue, partner, _first, _last, topics = key
            for fu in r.follow_ups:
                e = follow_up_evidence(r, fu)
                if keep_key(f, filter_key(dialogue, partner, e.date, None, topics)):
                    entries.append(((date_key(e.date), 3, e.id), TimelineEntry(e, dialogue, partner)))
    entries += [((date_key(d.date), 2, d.id), TimelineEntry(d)) for d in filter_documents(ds, f)]
    entries.sort(key=lambda item: item[0])
    return [entry for _, entry in entries]


def search(ds: Dataset, text: str, f: Filters) -> Iterable[SearchResult]:
    """Rounds, then documents, whose names, topics, outcomes, notes or participants hold ``text``
    (any case, either language, English plurals and hyphens folded), streamed."""
    from .results import Hit, SearchResult

    needle = search_fold(text)
    if not needle:
        raise InputError("empty search text")

    def results() -> Iterable[SearchResult]:
        for r in ds.rounds.values():
            if keep_key(f, _round_key(ds, r)):
                hits = find(search_entries(ds, r), needle)
                if hits:
                    yield SearchResult(summarize(ds, r), tuple(Hit(p, t) for p, t in hits))
        for d in filter_documents(ds, f):
            hits = find(list(texts(d)), needle)
            if hits:
                yield SearchResult(d, tuple(Hit(p, t) for p, t in hits))

    return results()


def topic_history(ds: Dataset, ids: frozenset) -> list[TopicMention]:
    """Every round that discussed one of the topics ``ids``, in date order."""
    from .results import TopicMention

    names = topic_matcher(ds, ids)
    out = []
    for r in ds.rounds.values():
        tagged = [TopicMention(r, t, t.outcomes) for t in r.topics if t.topic in ids]
        if tagged:
            out += tagged
            continue
        written = [x for t in r.topics for o in t.outcomes for x in (o.text.en, o.text.zh) if x]
        if not written or not names("\x00".join(written)):  # the round's outcomes matched in one pass first
            continue
        said = tuple(o for t in r.topics for o in t.outcomes if names(o.text.en or "") or names(o.text.zh or ""))
        if said:
            out.append(TopicMention(r, None, said, "outcomes"))
    return out


_RESULTS = ("Pair", "Comparison", "CommitmentRow", "TimelineEntry", "Hit", "SearchResult", "TopicMention")


def __getattr__(name: str):
    """``query.Comparison`` and the other result records, from ``results`` when first asked for."""
    if name in _RESULTS:
        from . import results

        return getattr(results, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
