"""Every page of the site as text: which pages there are, what each shows, in each language.

The records come from ``tracker.api`` (the library's questions), names and the language a text is
shown in from ``tracker.rules``, and the labels from ``tracker.output.words``. Jinja2 renders the
templates of ``tracker/site/templates``; nothing here writes a file.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import api
from ..data.model import Dataset, Document, PartialDate, Round, Source
from ..data.summary import Evidence, RoundSummary
from ..output.words import word
from ..rules import dialogue_label, display_name, pick, round_name
from .words import site_word

# the languages of the rules (pick, round_label) and the folders and <html lang> of the site
LANGS = {"en": "en", "zh": "zh-TW"}
STATUSES = api.COMMITMENT_STATUSES


_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")  # what the template's tags leave behind


@dataclass(frozen=True)
class Page:
    """One page: its path inside the site (``en/rounds/eppd-1.html``) and its HTML."""

    path: str
    html: str


def as_of(ds: Dataset) -> PartialDate:
    """The data's as-of date: the latest date a curator checked any record."""
    records: list[Any] = [*ds.rounds.values(), *ds.documents.values(), *ds.dialogues.values()]
    return max((r.last_verified for r in records), key=lambda d: d.sort_key())


# ---------------------------------------------------------------- numbered sources


class Cites:
    """The numbered sources of one page. A record page numbers its record's sources in their order
    (as ``tracker show`` does); a page that gathers facts of many records numbers each source the
    first time a fact cites it."""

    def __init__(self) -> None:
        self.items: list[tuple[Source, str]] = []  # (source, the record it belongs to)
        self._numbers: dict[tuple[str, str], int] = {}
        self._records: dict[str, dict[str, Source]] = {}

    def record(self, record_id: str, sources: Iterable[Source], number_all: bool = False) -> None:
        self._records.setdefault(record_id, {}).update({s.id: s for s in sources})
        if number_all:
            for s in sources:
                self._number(record_id, s)

    def _number(self, record_id: str, s: Source) -> int:
        key = (record_id, s.id)
        if key not in self._numbers:
            self.items.append((s, record_id))
            self._numbers[key] = len(self.items)
        return self._numbers[key]

    def numbers(self, record_id: str, ids: Iterable[str]) -> list[int]:
        known = self._records.get(record_id, {})
        return [self._number(record_id, known[i]) for i in ids if i in known]

    def sources(self, record_id: str, sources: Iterable[Source]) -> list[int]:
        self.record(record_id, sources)
        return [self._number(record_id, s) for s in sources]


# ---------------------------------------------------------------- the pages


def _record_page(folder: str) -> staticmethod[[str], str]:
    """The path of a record's page in ``folder``, from the record's ID."""

    def path(record_id: str) -> str:
        return f"{folder}/{record_id}.html"

    return staticmethod(path)


class Site:
    """The pages of one data set; ``pages()`` renders them all."""

    def __init__(self, ds: Dataset, env: Any, base_url: str | None = None) -> None:
        self.ds = ds
        self.env = env
        self.base_url = (base_url.rstrip("/") + "/") if base_url else None
        self.as_of = as_of(ds)
        self.today = self.as_of.last_day()
        self.rounds = list(ds.rounds.values())
        self.summaries = {s.id: s for s in api.list_rounds(ds)}
        self.commitments = api.commitments(ds, today=self.today)
        self.pairs = list(self._consecutive_pairs())

    # ------------------------------------------------------------ paths (inside a language folder)

    round_path = _record_page("rounds")
    document_path = _record_page("documents")
    dialogue_path = _record_page("dialogues")
    topic_path = _record_page("topics")

    @staticmethod
    def commitment_path(outcome_key: str) -> str:
        return "commitments/" + outcome_key.replace("/", "--") + ".html"

    @staticmethod
    def compare_path(a: str, b: str) -> str:
        return f"compare/{a}--{b}.html"

    def record_path(self, record_id: str) -> str:
        """The page of a round or a document, by ID."""
        return self.document_path(record_id) if record_id in self.ds.documents else self.round_path(record_id)

    def _consecutive_pairs(self) -> Iterator[tuple[Round, Round]]:
        for d_id in self.ds.dialogues:
            numbered = [r for r in self.rounds if r.dialogue == d_id and r.round is not None and r.kind == "round"]
            numbered.sort(key=lambda r: r.round or 0)
            yield from itertools.pairwise(numbered)

    # ------------------------------------------------------------ rendering

    def pages(self) -> Iterator[Page]:
        for lang in LANGS:
            yield from self.language_pages(lang)
        yield Page("index.html", self.env.get_template("choose.html").render(
            as_of=self.as_of, root="", css="assets/site.css", langs=LANGS))

    def language_pages(self, lang: str) -> Iterator[Page]:
        ds = self.ds
        yield self.render(lang, "index.html", "home.html", site_word("home_title", lang), dialogues=list(ds.dialogues.values()),
                          searchable=False)
        for d in ds.dialogues.values():
            yield self.render(lang, self.dialogue_path(d.id), "dialogue.html", pick(d.name, lang), d=d, path_record=d.id,
                              rounds=[r for r in self.rounds if r.dialogue == d.id],
                              documents=[x for x in ds.documents.values() if x.dialogue == d.id],
                              pairs=[(a, b) for a, b in self.pairs if a.dialogue == d.id])
        for r in self.rounds:
            yield self.render(lang, self.round_path(r.id), "round.html", self.round_title(r, lang), r=r, path_record=r.id,
                              pairs=[(a, b) for a, b in self.pairs if r in (a, b)],
                              commitments={f"{c.round.id}/{c.outcome.id}": c for c in self.commitments if c.round is r})
        for doc in ds.documents.values():
            yield self.render(lang, self.document_path(doc.id), "document.html", pick(doc.title, lang), doc=doc, path_record=doc.id)
        for t in ds.topics.values():
            history = api.topic_history(ds, [t.id])
            yield self.render(lang, self.topic_path(t.id), "topic.html", pick(t.name, lang), topic=t, history=history)
        for c in self.commitments:
            key = f"{c.round.id}/{c.outcome.id}"
            yield self.render(lang, self.commitment_path(key), "commitment.html", pick(c.outcome.text, lang)[:80], c=c,
                              searchable=False)
        for a, b in self.pairs:
            title = f"{self.round_title(a, lang)} → {self.round_title(b, lang)}"
            yield self.render(lang, self.compare_path(a.id, b.id), "compare.html", title, cmp=api.compare(ds, a, b), searchable=False)
        yield self.render(lang, "timeline.html", "timeline.html", site_word("timeline", lang), years=self.timeline_years(),
                          searchable=False)
        yield self.render(lang, "topics/index.html", "matrix.html", site_word("matrix", lang), matrices=self.matrices(), searchable=False)
        yield self.render(lang, "commitments/index.html", "commitments.html", site_word("commitments", lang),
                          rows=self.commitments, counts={s: sum(1 for c in self.commitments if c.status == s) for s in STATUSES},
                          searchable=False)
        yield self.render(lang, "search.html", "search.html", site_word("search", lang), searchable=False)

    def render(self, lang: str, path: str, template: str, title: str, searchable: bool = True, **context: Any) -> Page:
        """A page of language ``lang`` at ``path`` (inside the language folder). The search index holds
        the pages of records (``searchable``), not the pages that gather them (timeline, commitments, …)."""
        depth = path.count("/")
        here = "../" * depth  # from the page to its language folder
        root = "../" * (depth + 1)  # from the page to the top of the site
        other = "zh" if lang == "en" else "en"
        full = f"{LANGS[lang]}/{path}"
        cites = Cites()
        context.setdefault("path_record", None)
        helpers = _Helpers(self, lang, here, cites)
        html = self.env.get_template(template).render(
            site=self, lang=lang, html_lang=LANGS[lang], title=title, path=path, here=here, root=root,
            css=root + "assets/site.css", alternates=[(LANGS[x], root + f"{LANGS[x]}/{path}") for x in LANGS],
            other_lang=LANGS[other], other_href=root + f"{LANGS[other]}/{path}", other_name=site_word("language_name", other),
            as_of=self.as_of, cite_url=(self.base_url + full) if self.base_url else full,
            cites=cites, h=helpers, w=helpers.w, sw=helpers.sw, t=helpers.t, searchable=searchable, **context,
        )
        return Page(full, _BLANK_LINES.sub("\n", html))

    # ------------------------------------------------------------ what some pages gather

    def round_title(self, r: Round | RoundSummary, lang: str) -> str:
        name = round_name(r.round, lang, r.name, r.id)
        return f"{dialogue_label(r.dialogue)} {name}" if r.round is not None else name

    def timeline_years(self) -> list[tuple[str, list]]:
        years: dict[str, list] = {}
        for e in api.timeline(self.ds, follow_ups=True):
            years.setdefault(str(e.date.year) if e.date else "", []).append(e)
        return list(years.items())

    def matrices(self) -> list[tuple[Any, list[RoundSummary], list]]:
        from ..query import topic_matrix

        out = []
        for d in self.ds.dialogues.values():
            rounds = [s for s in self.summaries.values() if s.dialogue == d.id and s.topics]
            if rounds:
                out.append((d, rounds, topic_matrix(self.ds, rounds)))
        return out


class _Helpers:
    """What the templates of one page call: texts in the page's language, labels, links and citations."""

    def __init__(self, site: Site, lang: str, here: str, cites: Cites) -> None:
        self.site, self.lang, self.here, self.cites = site, lang, here, cites
        zh = lang == "zh"
        self.colon = "：" if zh else ": "  # before a value
        self.comma = "，" if zh else ", "  # before a description (a title after a name)
        self.sep = "、" if zh else "; "  # between the items of a list

    def w(self, key: str) -> str:
        """A label of the tracker's output (a status, a format, a role, a heading)."""
        return word(key, self.lang)

    def sw(self, key: str, **values: Any) -> str:
        return site_word(key, self.lang, **values)

    def t(self, text: Any) -> Any:
        """A bilingual text in the page's language (``rules.pick``); a text that exists only in the
        other language is shown in it, marked with its language and a visible note."""
        from markupsafe import Markup, escape

        if not text:
            return ""
        value = pick(text, self.lang)
        has = text.zh if self.lang == "zh" else text.en
        if has:
            return value
        other = "en" if self.lang == "zh" else "zh"
        note = site_word("only_" + other, self.lang)
        note = f"（{note}）" if self.lang == "zh" else f"({note})"
        return Markup(f'<span lang="{LANGS[other]}">{escape(value)}</span> <span class="one-lang">{escape(note)}</span>')

    def href(self, path: str) -> str:
        return self.here + path

    def round(self, r: Any) -> str:
        return self.site.round_title(r, self.lang)

    def round_of(self, round_id: str) -> Round:
        return self.site.ds.round(round_id)

    def dialogue(self, d_id: str | None) -> str:
        return dialogue_label(d_id)

    def person(self, p: Any) -> Any:
        return self.t(display_name(self.site.ds.people, p))

    def partner(self, p_id: str | None) -> Any:
        p = self.site.ds.partners.get(p_id or "")
        return self.t(p.name) if p else ""

    def topic(self, t_id: str) -> Any:
        return self.t(self.site.ds.topics[t_id].name)

    def theme(self, t_id: str) -> Any:
        theme = self.site.ds.themes.get(t_id)
        return self.t(theme.name) if theme else t_id

    def document(self, doc_id: str) -> Document:
        return self.site.ds.documents[doc_id]

    def date(self, d: PartialDate | None) -> str:
        return str(d) if d else self.w("unknown")

    def cite(self, record_id: str, ids: Iterable[str]) -> Any:
        """``[1, 3]`` linking to the page's numbered sources."""
        return self._marks(self.cites.numbers(record_id, ids))

    def cite_sources(self, record_id: str, sources: Iterable[Source]) -> Any:
        return self._marks(self.cites.sources(record_id, sources))

    def cite_record(self, record_id: str) -> Any:
        """Every source of a round or document (for a fact a page takes from it whole, such as its date)."""
        rec = self.site.ds.documents.get(record_id) or self.site.ds.round(record_id)
        return self.cite_sources(record_id, rec.sources)

    def _marks(self, numbers: list[int]) -> Any:
        from markupsafe import Markup

        if not numbers:
            return ""
        links = ", ".join(f'<a href="#src-{n}">{n}</a>' for n in numbers)
        return Markup(f'<sup class="cite">[{links}]</sup>')

    def evidence_href(self, e: Evidence) -> str:
        return self.href(self.site.record_path(e.record))

    def days(self, n: int | None) -> str:
        if n is None:
            return "—"
        return f"{n}{self.w('days')}" if self.lang == "zh" else f"{n} {self.w('days')}"

    def today(self) -> _dt.date:
        return self.site.today
