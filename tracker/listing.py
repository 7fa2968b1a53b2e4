"""The listings of ``list``, ``timeline`` and ``search`` as JSON text, straight from the cache.

The fast path of the listing commands: each round's JSON object is made once, when its file
changes, and kept by the cache (``store``); these generators filter and merge those texts
without rebuilding the records. The library (``api``) answers the same questions with records.
"""

from __future__ import annotations

from .errors import InputError
from .model import PartialDate
from .query import Filters, filter_documents, filter_key, keep_key
from .rules import date_key
from .safe import json_text


def list_rounds(store, f: Filters):
    """The rounds and meetings that pass the filters, as JSON round objects in date order (a generator).

    With a topic filter, a round also passes when its outcomes discuss the topic without its being
    tagged; each object then says how it matched: ``"topic_match": "tagged"`` or ``"outcomes"``.
    """
    if f.topics is None:
        return (text for _sort, key, text in store.listing() if keep_key(f, key))
    import dataclasses

    mentioned = mentioned_in_outcomes(store, f.topics)
    others = dataclasses.replace(f, topics=None)

    def rounds():
        for _sort, key, text in store.listing():
            if keep_key(f, key):
                yield text[:-1] + ', "topic_match": "tagged"}'
            elif text in mentioned and keep_key(others, key):
                yield text[:-1] + ', "topic_match": "outcomes"}'

    return rounds()


def mentioned_in_outcomes(store, topics) -> set:
    """The JSON texts of the rounds whose outcomes name one of ``topics`` (see ``query.topic_matcher``),
    whether or not the round is tagged with it."""
    from . import index
    from .query import topic_matcher

    ds = store.dataset
    names = topic_matcher(ds, topics)
    needles = set()
    for t in topics:
        topic = ds.topics[t]
        needles.update(index.search_fold(n) for n in (topic.name.en, topic.name.zh, *topic.aliases) if n)
    found = set()
    for needle in needles:
        if len(needle) < 2:
            continue
        for _key, summary, blob, folded in store.search_rows(needle):
            if summary not in found and any(".outcomes[" in path and names(text) for path, text in index.find(blob, folded, needle)):
                found.add(summary)
    return found


def timeline(store, f: Filters, with_follow_ups: bool = False):
    """Rounds, meetings, milestones and documents (and follow-ups) as JSON objects in date order (a generator)."""
    import heapq
    import json

    from .serialize import document_object

    ds = store.dataset
    rounds = (((sort.partition("|")[0], 0, sort), text) for sort, key, text in store.listing() if keep_key(f, key))
    others = [((date_key(d.date), 2, d.id), json_text(document_object(ds, d))) for d in filter_documents(ds, f)]
    if with_follow_ups:
        for key, text in store.follow_up_rows():
            dialogue, partner, _first, _last, topics = key
            for e in json.loads(text):
                date = PartialDate.parse(e["date"])
                if keep_key(f, filter_key(dialogue, partner, date, None, topics)):
                    others.append(((date_key(date), 3, e["id"]), json_text(e)))
    others.sort(key=lambda item: item[0])
    return (text for _, text in heapq.merge(rounds, others, key=lambda item: item[0]))


def search(store, text: str, f: Filters):
    """Case-insensitive full text over names, topics, outcomes, documents and participants.

    Yields round (then document) JSON objects, each with its ``hits``: ``{where, text}``.
    """
    from . import index
    from .serialize import document_object

    needle = index.search_fold(text)
    if not needle:
        raise InputError("empty search text")
    ds = store.dataset

    def with_hits(obj_text: str, hits) -> str:
        listed = json_text([{"where": p, "text": t} for p, t in hits])
        return obj_text[:-1] + ', "hits": ' + listed + "}"

    def results():
        for key, summary, blob, folded in store.search_rows(needle):
            if keep_key(f, key):
                hits = index.find(blob, folded, needle)
                if hits:
                    yield with_hits(summary, hits)
        for d in filter_documents(ds, f):
            hits = [(p, t) for p, t in index.texts(d) if needle in index.search_fold(t)]
            if hits:
                yield with_hits(json_text(document_object(ds, d)), hits)

    return results()
