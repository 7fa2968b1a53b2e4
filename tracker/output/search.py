"""The answer of ``search``: each record that matched, where, and a snippet, in every format."""

from __future__ import annotations

from rich.text import Text as RText

from ..data.model import Dataset
from ..data.summary import RoundSummary
from ..safe import json_text
from . import serialize as S
from .formats import write_json_texts, write_rows
from .layout import cell_width, wrap
from .target import Target
from .terminal import Writer
from .words import MONTHS


def match_pattern(needle: str):
    """A pattern that finds, in the text as written, what search matched in folded text:
    any case, hyphens or spaces between words, and a plural ending."""
    import re

    words = needle.split()
    if not words:
        return None
    parts = []
    for w in words:
        w = w.replace("-", " ").strip()
        if w.isascii() and w[-1:].isalpha():
            stem = w[:-1] + "(?:y|ies)" if w.endswith("y") else re.escape(w) + "(?:e?s)?"
            parts.append(stem)
        else:
            parts.append(re.escape(w))
    return re.compile(r"[\s\-–—]+".join(parts), re.IGNORECASE)


CURATORS_FIELDS = {"notes", "note", "date_note", "sources"}  # curators' words and the fields of sources

MORE_WITH_ALL = {
    "en": "{n} more in curators' notes and the sources' fields: add --all.",
    "zh": "另有{n}筆符合內容在整理者附註與資料來源欄位中：加上 --all。",
}



def curators(where: str) -> bool:
    """Whether a hit (``notes[3].text.en``, ``sources[2].publisher.en``) is in curators' notes or a
    source's fields rather than in what the record says happened."""
    return any(part.split("[")[0] in CURATORS_FIELDS for part in where.split("."))


def date_in_words(date, lang: str) -> str:
    """``20 November 2020``, ``November 2022``, ``2022``; ``2020年11月20日`` in Chinese."""
    if lang == "zh":
        return f"{date.year}年" + (f"{date.month}月" if date.month else "") + (f"{date.day}日" if date.day else "")
    if not date.month:
        return str(date.year)
    month = f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {month}" if date.day else month


class SearchView(Writer):
    """Each match as its record, where in it, and a snippet."""

    def search(self, results: list, needle: str = "", everything: bool = False) -> None:
        """Each match named as a reader would (``EPPD round 1 · 20 November 2020 · Supply chains ›
        outcome 1``), then a short snippet with the match highlighted on a terminal; matches in
        curators' notes and in the fields of sources only with ``everything``.
        ``results``: ``query.SearchResult`` items."""
        from .layout import keep

        pattern = match_pattern(needle)

        def whole(text: str, spaces: bool = False) -> str:
            """``text`` kept whole on a line, when a line can hold it."""
            return keep(text, spaces=spaces) if cell_width(text) <= self.width else text

        hidden = 0
        shown = 0
        out: list[RText] = []
        for result in results:
            obj = result.record
            hits = [h for h in result.hits if everything or not curators(h.where)]
            hidden += len(result.hits) - len(hits)
            for hit in hits:
                if shown:
                    out.append(RText(""))
                shown += 1
                name = self.round_name_short(obj) if isinstance(obj, RoundSummary) else self.pick(obj.title)
                place = " › ".join(whole(part) for part in self.place_in_words(obj, hit.where).split(" › "))
                bits = [whole(name), whole(date_in_words(obj.date, self.lang), spaces=True) if obj.date else "", place]
                out += self.filled(" · ".join(b for b in bits if b), style="bold")
                out += self.snippet(hit.text, pattern)
        if not shown:
            out.append(RText(self.w("no_hits"), style="dim"))
        if hidden:
            out.append(RText(""))
            out += self.filled(MORE_WITH_ALL[self.lang].format(n=hidden), style="dim")
        self.emit(out)

    def snippet(self, text: str, pattern) -> list[RText]:
        """About two lines of ``text`` around the match, cut at words with …, the match highlighted."""
        from .layout import truncate

        text = " ".join(text.split())
        m = pattern.search(text) if pattern else None
        room = max(20, 2 * (self.width - 4))
        start = 0
        if m and cell_width(text[: m.start()]) > room // 3:
            start = text.rfind(" ", 0, m.start() - room // 4) + 1 or 0
        snippet = ("…" if start else "") + text[start:]
        cut = truncate(snippet, room)
        if cut != snippet and " " in cut:
            cut = cut[: cut.rstrip("…").rfind(" ")] + " …"  # cut between words
        snippet = cut
        lines = []
        for line in wrap(snippet, self.width, "    "):
            out = RText(line)
            if pattern:
                for hit in pattern.finditer(line):
                    out.stylize("bold reverse", hit.start(), hit.end())
            lines.append(out)
        return lines

    def place_in_words(self, obj, where: str) -> str:
        """``topics[2].outcomes[0].text.en`` → ``Supply chains › outcome 1``; ``obj`` is a round
        summary or a document."""
        import re

        r = self.ds.round(obj.id) if isinstance(obj, RoundSummary) else None
        parts: list[str] = []
        segments = [s for s in where.split(".") if s not in ("en", "zh")]
        node = r
        for seg in segments:
            m = re.fullmatch(r"(\w+)\[(\d+)\]", seg)
            if not m:
                if seg not in ("text", "name", "topic", "person") or not parts:
                    parts.append(self.w({"summary": "summary_field"}.get(seg, seg)).lower())
                continue
            field, i = m.group(1), int(m.group(2))
            items = getattr(node, field, None) if node is not None else None
            item = items[i] if items is not None and i < len(items) else None
            if field == "topics" and item is not None:
                parts.append(self.t(self.ds.topics[item.topic].name))
            elif field == "participants" and item is not None:
                parts.append(self.person(item))
            else:
                word = self.w(field.removesuffix("s"))
                parts.append(f"{word.lower()} {i + 1}" if self.lang == "en" else f"{word}{i + 1}")
            node = item
        return " › ".join(parts) if parts else where


def write(target: Target, ds, results, fmt: str, needle: str = "", everything: bool = False) -> None:
    """Search results (``query.search``), in any format; the table leaves out matches in curators'
    notes and sources' fields unless ``everything`` (machine formats always carry them)."""
    if fmt == "json":
        write_json_texts(target.stream, (search_text(ds, r) for r in results))
        return
    results = list(results)
    if fmt == "table":
        SearchView(target, ds).search(results, needle, everything=everything)
    else:
        rows = [{"record": r.record.id, "date": str(r.record.date or ""), "where": h.where, "text": h.text} for r in results for h in r.hits]
        write_rows(target.stream, fmt, rows, ["record", "date", "where", "text"])


def search_text(ds: Dataset, result) -> str:
    """The JSON text of a ``SearchResult``: its record's, with its ``hits``."""
    hits = json_text([{"where": h.where, "text": h.text} for h in result.hits])
    return S.record_text(ds, result.record)[:-1] + ', "hits": ' + hits + "}"
