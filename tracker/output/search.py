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


class SearchView(Writer):
    """Each match as its record, where in it, and a snippet."""

    def search(self, results: list, needle: str = "") -> None:
        """Each match as its record, date and place in words, then a short snippet with the match
        highlighted on a terminal. ``results``: ``query.SearchResult`` items."""
        if not results:
            self.print(RText(self.w("no_hits"), style="dim"))
            return
        pattern = match_pattern(needle)
        for result in results:
            obj = result.record
            head = RText(obj.id, style="bold")
            if obj.date:
                head.append(f"  {obj.date}", style="dim")
            self.print(head)
            for hit in result.hits:
                place = self.place_in_words(obj, hit.where)
                self.lines(place, style="cyan", indent="    ", first="  ")
                self.print_snippet(hit.text, pattern)

    def print_snippet(self, text: str, pattern) -> None:
        """About two lines of ``text`` around the match, cut at words with …, the match highlighted."""
        from .layout import truncate

        text = " ".join(text.split())
        m = pattern.search(text) if pattern else None
        room = max(20, 2 * (self.console.width - 4))
        start = 0
        if m and cell_width(text[: m.start()]) > room // 3:
            start = text.rfind(" ", 0, m.start() - room // 4) + 1 or 0
        snippet = ("…" if start else "") + text[start:]
        cut = truncate(snippet, room)
        if cut != snippet and " " in cut:
            cut = cut[: cut.rstrip("…").rfind(" ")] + " …"  # cut between words
        snippet = cut
        lines = wrap(snippet, self.console.width, "    ")
        for line in lines:
            out = RText(line)
            if pattern:
                for hit in pattern.finditer(line):
                    out.stylize("bold reverse", hit.start(), hit.end())
            self.console.print(out, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)

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


def write(target: Target, ds, results, fmt: str, needle: str = "") -> None:
    """Search results (``query.search``), in any format."""
    if fmt == "json":
        write_json_texts(target.stream, (search_text(ds, r) for r in results))
        return
    results = list(results)
    if fmt == "table":
        SearchView(target, ds).search(results, needle)
    else:
        rows = [{"record": r.record.id, "date": str(r.record.date or ""), "where": h.where, "text": h.text} for r in results for h in r.hits]
        write_rows(target.stream, fmt, rows, ["record", "date", "where", "text"])


def search_text(ds: Dataset, result) -> str:
    """The JSON text of a ``SearchResult``: its record's, with its ``hits``."""
    hits = json_text([{"where": h.where, "text": h.text} for h in result.hits])
    return S.record_text(ds, result.record)[:-1] + ', "hits": ' + hits + "}"
