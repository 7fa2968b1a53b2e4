"""Topics: headed sections, listing sentences and sentences naming a topic, matched through the taxonomy."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .article import sentences
from .reading import Reading
from .text import _AGREE, _BACKGROUND, _NOT_MEETING, CJK, _find, _fold, _names

if TYPE_CHECKING:
    from .drafter import Drafter

# a sentence on what later talks or an event to come will take up: its list is not the agenda of the event reported
_LATER = re.compile(r"後續將|接下來的|將(?:開始|再|展開|啟動)[^，。]{0,8}談判|下一?階段|後續談判|future negotiations|next phase|"
                    r"will (?:begin|start|launch) negotiations|remaining (?:chapters|areas|issues|topics)|forthcoming|upcoming|"
                    r"will take place|will be held",
                    re.IGNORECASE)
# where an English list's last item ends and the sentence goes on: "…, and C can help us …"
_CLAUSE_AFTER = re.compile(r"\s+(?:can|could|will|would|should|may|must|that|which|while|is|are|was|were|has|have|had)\s")
# the names of agreements in the sentence that names the one signed: 「…協議」, the … Agreement
_AGREEMENTS = re.compile(r"「([^「」]{2,30}?(?:協定|協議|備忘錄|安排))」|\b((?:[A-Z][\w'-]*\s+){1,8}(?:Agreement|Arrangement))\b")
_PEOPLE_LIST = re.compile(r"部長|次長|次卿|助卿|主委|署長|局長|大使|Minister|Secretary")
# an office in a list: "representatives from the Department of Commerce, the Small Business Administration …"
_OFFICE_LIST = re.compile(r"\b(?:Department|Ministry|Administration|Council|Agency|Bureau|Commission|Office|Alliance|Association|Institute)\b|"
                          r"(?:經濟部|外交部|財政部|國發會|經貿辦|辦公室|委員會)(?:、|$)")


def _topic_fold(text: str) -> str:
    """Text as topic names are compared: folded, with a hyphen read as a space (net-zero is net zero); same length."""
    return _fold(text).replace("-", " ")


class _TopicList:
    """The topics of a draft by ID, in the order the article first names them, each with the sentence that names it."""

    def __init__(self, drafter: Drafter, source_id: str):
        self.drafter, self.source_id = drafter, source_id
        self.entries: dict[str, tuple[dict, str]] = {}

    def add(self, tid: str, label: str, sentence: str, headline: bool, body=()) -> None:
        """A topic named again stays where it was first named; it becomes a headline, or gains outcomes, if it had none."""
        if tid in self.entries:
            t = self.entries[tid][0]
            if headline and not t.get("headline", True):
                t.pop("headline", None)
            if body and not t.get("outcomes"):
                t["outcomes"] = self.drafter._outcomes(tid, body, self.source_id)
            return
        t = {"topic": tid, "label": self.drafter.text(label)}
        if not headline:
            t["headline"] = False
        if body:
            t["outcomes"] = self.drafter._outcomes(tid, body, self.source_id)
        t["unverified"] = True
        t["sources"] = [self.source_id]
        self.entries[tid] = (t, sentence)

    def listed(self) -> list[tuple[dict, str]]:
        """The topics in order, each with the key order of a curated file: outcomes before unverified and sources."""
        result = list(self.entries.values())
        for t, _ in result:
            if "outcomes" in t:
                t["outcomes"] = t.pop("outcomes")
                t["unverified"] = t.pop("unverified")
                t["sources"] = t.pop("sources")
        return result



class TopicReading(Reading):

    def _topic_index(self):
        index = []
        for t in self.ds.topics.values():
            for n in _names(t.name, *t.aliases, t.id, t.id.replace("-", " ")):
                index.append((_topic_fold(n), t.id, n))
        index.sort(key=lambda x: -len(x[0]))
        return index

    def best_topic(self, item: str) -> str | None:
        """The topic an agenda item names: the longest name or alias in it, or a name that contains it."""
        plain = re.sub(r"[（(][^）)]*[)）]", "", item).strip()
        plain = re.sub(r"^(?:消除|推進|確保|加強|強化|推動|促進|深化|擴大)", "", plain)
        best, best_len = None, 0
        long_english = plain.isascii() and len(plain.split()) >= 4
        for phrase in dict.fromkeys((item, plain)):
            for tid, words in self.match_topics(phrase):
                if long_english and len(words.split()) == 1:
                    continue  # "both horizontal strategic trade issues" is not the topic trade
                if len(words) > best_len:
                    best, best_len = tid, len(words)
        if len(plain) >= 4 and len(plain) > best_len:
            best = self._containing(plain) or best
        return best

    def _containing(self, item: str) -> str | None:
        """The one topic with a name that contains ``item`` (as whole words, in English): none if the item is part of
        the names of two topics, as "security" is of cybersecurity and of telecom security."""
        folded = _topic_fold(item)
        if folded.isascii() and len(folded.split()) < 2:
            return None  # one English word ("areas", "security") is part of too many names to stand for one
        whole = re.compile(r"(?<![a-z0-9])" + re.escape(folded) + r"(?![a-z0-9])") if folded.isascii() else None
        found = {tid for name, tid, _ in self._index if (whole.search(name) if whole else folded in name)}
        return found.pop() if len(found) == 1 else None

    def match_topics(self, phrase: str) -> list[tuple[str, str]]:
        """Topics named in ``phrase`` (longest names first, no overlaps): (topic id, the words matched)."""
        folded = _topic_fold(phrase)
        taken: list[tuple[int, int]] = []
        out = []
        for name, tid, _ in self._index:
            for a, b in _find(name, folded):
                if all(b <= x or a >= y for x, y in taken):
                    taken.append((a, b))
                    out.append((a, tid, phrase[a:b]))
        out.sort()
        seen, result = set(), []
        for _, tid, words in out:
            if tid not in seen:
                seen.add(tid)
                result.append((tid, words))
        return result

    def sections(self) -> list[tuple[str, list[str], str]]:
        """Headed parts of the article: (heading, body sentences, heading line)."""
        out = []
        heading = re.compile(
            r"^(?:[一二三四五六七八九十]{1,3}\s*[、．.]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}\s*[.、．]|[-•●■◆▪*]\s*)\s*(.{1,30}?)\s*[：:]\s*(.*)$"
        )
        part = re.compile(r"^(.{2,16}?)(?:部分|方面)\s*[，,：:]\s*(.*)$")
        en_head = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s*([A-Z][A-Za-z ,&'/()-]{2,60}?)\s*[:–—-]\s+(.*)$")
        lines = self.art.lines
        own = [i for i in range(1, len(lines) - 1) if len(lines[i + 1]) >= 40 and self._heading_line(lines[i])]
        own_lines = set(own) if len(own) >= 2 else set()  # one short line over a paragraph may be a page's section label
        for i, line in enumerate(lines):
            m = heading.match(line) or en_head.match(line)
            kind = "list"
            if not m:
                m = part.match(line)
                kind = "part"
            if not m:
                if i in own_lines:
                    out.append((self._heading_line(line) or line, sentences(lines[i + 1]), line))
                continue
            title, rest = m.group(1).strip(), m.group(2).strip()
            if kind == "part" and not self.match_topics(title):
                continue
            out.append((title, sentences(rest), line))
        return out

    def _heading_line(self, line: str) -> str | None:
        """A heading on a line of its own that is a topic's name, over the paragraph it heads ("Supply Chains", "## 能源轉型")."""
        title = re.sub(r"^(?:#{1,4}|[一二三四五六七八九十]{1,3}\s*[、．.]|\d{1,2}\s*[.、．)]|[-•●■◆▪*])\s*", "", line).strip()
        if not title or len(title) > 40 or re.search(r"[。.!?！？；;：:，,]", title) or len(title.split()) > 6:
            return None
        found = self.match_topics(title)
        named = sum(len(words) for _, words in found)
        return title if len(found) == 1 and 2 * named >= len(title) else None

    def enumerations(self) -> list[tuple[list[str], str]]:
        """Lists of subjects in agenda sentences: 就A、B及C等議題進行討論; discussed A, B and C."""
        num = r"(?:[\d一二三四五六七八九十]+\s*大)?"
        intro = r"(?:就|針對|聚焦(?:在|於)?|著重(?:在|於)?|涵蓋|包括|在|討論(?:了)?|探討|商討|研商|交換意見)"
        # items joined by 、, and a comma only where 以及/及/與 follows it: A、B與C，以及D
        items = r"((?:[^，。；：]{1,40}?(?:、|，(?=以及|及|與|和|暨)))+[^，。；：]{1,40}?)"
        zh = re.compile(
            intro + r"\s*" + items + r"\s*(?:等)?\s*" + num
            + r"\s*(?:各|共同關切|共同關心|相關|重要|多項|多元|實質)?\s*(?:的)?\s*(議題|領域|支柱|面向|項目|主題|方面)"
        )
        # two items joined by 及/與/以及 before 等 and the list's closing word: 就未來合作及加強資訊共享等面向
        zh_pair = re.compile(
            intro + r"\s*([^，。；：、]{1,40}?(?:以及|及|與|和|暨)[^，。；：、]{1,40}?)\s*等\s*"
            + r"(?:各|共同關切|共同關心|相關|重要|多項|多元|實質)?\s*(?:的)?\s*(議題|領域|支柱|面向|項目|主題|方面)"
        )
        # a list that runs to the end of its clause after a verb that introduces it: 討論A、B及C，…
        # (合作項目涵蓋A、B，以及C; 交流重點包括：A、B; not 包括中鋼、中油, a list of firms): the last item may follow a comma and 以及
        zh_open = re.compile(r"(?:討論(?:了)?|探討|商討|聚焦於|涉及|(?:議題|重點|項目|內容|範圍|領域|面向)\s*，?\s*(?:包括|包含|涵蓋)|"
                             r"(?:主軸|重點|主題|議題|項目|內容)\s*(?:為|是)?\s*(?=[：:]))\s*[：:]?\s*"
                             r"((?:[^，。；：、]{1,30}?、)+[^，。；：、]{1,30}?(?:，(?:以及|及|與|和|暨)[^，。；：、]{1,30}?)?)(?=[，。；]|$)")
        # a list between 就/針對 (or 在 … 上) and the verb that says what was done with it: 雙方就A、B及C交換意見, 在A與B上加強合作
        zh_list = r"((?:[^，。；：、「」]{1,30}?(?:、|，(?=以及|及|與|和|暨)))*[^，。；：、「」]{1,30}?)\s*(?:等)?\s*(?:方面|議題|領域|面向)?\s*"
        zh_did = r"\s*(?:進行|展開|廣泛|深入|充分)?\s*(?:意見交換|交換意見|討論|交流|探討|加強合作|深化合作|強化合作|擴大合作|合作|達成共識)"
        zh_verb = re.compile(r"(?:就|針對)\s*" + zh_list + r"(?:上)?" + zh_did + r"|在\s*" + zh_list + r"上" + zh_did)
        word = r"[A-Za-z0-9 \-/'’&]"
        en = re.compile(r"\b(?:(?:discuss(?:ed|es|ing)?|covered|covering|covers?|spanning|interests? in|cent(?:er|r)ed on|cent(?:er|r)ing on|address(?:ed|es|ing)?|touched on|review(?:ed|ing)?|"
                        r"highlight(?:ed|ing)?|concentrated on|examin(?:ed|ing)|explor(?:ed|ing)|progress (?:in|on)|aims? to (?:bolster|strengthen|promote|enhance|deepen|expand)|focused on|focusing on|on topics including|"
                        r"on issues including|areas of|such as|"
                        r"(?:talks|discussions|chapters|exchanges|cooperation|collaborations?|commitments) (?:on|in|over)|views (?:on|about)|"
                        r"includ(?:ed|ing|e|es)|featured)(?![A-Za-z])|(?:areas|fields|sectors|pillars|chapters)\s*[—–:])\s*"
                        r"((?:" + word + r"+,\s*)+(?:and\s+)?" + word + r"+|" + word + r"+?\s+and\s+" + word + r"+)", re.IGNORECASE)
        en_one = re.compile(r"(?:(?:views|discussions|talks) (?:on|about)|such as)\s+(?:strengthening\s+|deepening\s+|enhancing\s+)?(" + word + r"{3,60})(?=[.,;]|$)",
                            re.IGNORECASE)
        out = []
        section_lines = {line for _, _, line in self.sections()}
        background = {para for i, (para, s) in enumerate(self.sents)
                      if (_BACKGROUND.search(s) or _LATER.search(s)) and (i == 0 or self.sents[i - 1][0] != para)}
        for para, s in self.sents:
            if _NOT_MEETING.search(s) and not re.search(r"對話|會議|EPPD|dialogue", s):
                continue
            if para in background or _BACKGROUND.search(s) or _LATER.search(s):
                continue  # what an earlier meeting discussed, or what later talks will take up: not this event's agenda
            if self.art.lines[para] in section_lines:
                continue  # a list inside a topic's own section names its details, not the agenda
            zs = s.replace(",", "，") if re.search(f"[{CJK}]", s) else s  # a half-width comma in a Chinese sentence
            spans: list[tuple[int, int]] = []
            for m in zh.finditer(zs):
                found = self._split_items(m.group(1))
                last = found[-1] if found else ""
                if last and not self.best_topic(last) and self.best_topic(last + m.group(2)):
                    found[-1] = last + m.group(2)  # 新的合作領域: the list's closing word belongs to its last item
                out.append((found, s))
                spans.append(m.span(1))
            for m in zh_pair.finditer(zs):
                if not any(a < m.end(1) and m.start(1) < b for a, b in spans):
                    out.append((self._split_items(m.group(1)), s))
                    spans.append(m.span(1))
            for m in zh_open.finditer(zs):
                if any(a < m.end(1) and m.start(1) < b for a, b in spans):
                    continue
                out.append((self._split_items(m.group(1)), s))
            for m in zh_verb.finditer(zs):
                g = 1 if m.group(1) is not None else 2
                if not any(a < m.end(g) and m.start(g) < b for a, b in spans):
                    found = self._split_items(m.group(g))
                    if any(self.best_topic(item) for item in found):  # 就此交換意見: no subject of the taxonomy, no list
                        out.append((found, s))
                        spans.append(m.span(g))
            for m in en.finditer(s):
                out.append((self._split_items(m.group(1)), s))
            for m in re.finditer(r"\brang(?:ed|ing|es?) from\s+(" + word + r"+?)\s+to\s+(" + word + r"+?)(?=[.,;]|$)", s):
                out.append(([m.group(1).strip(), m.group(2).strip()], s))  # topics ranged from A to B
            for m in en_one.finditer(s):  # one subject: exchanged views about strengthening the sharing of information
                inside_a_list = any(m.start(1) < b and a < m.end(1) for a, b in (x.span(1) for x in en.finditer(s)))
                if not inside_a_list and self.best_topic(m.group(1)):
                    out.append(([m.group(1).strip()], s))
        return out

    def _split_items(self, text: str) -> list[str]:
        if _PEOPLE_LIST.search(text):
            return []  # 包括外交部次長陳明祺、…: a list of people, not of subjects
        items: list[str] = []
        examples: list[str] = []
        pieces = re.split(r"、|，|,\s*(?:and\s+)?|;\s*", text)
        if len(pieces) > 1:  # "areas of particular interest are A, B and C …": the list starts after its verb and ends before the next one
            pieces[0] = re.sub(r"^.*?\s(?:are|is|were|was)\s+(?=\S)", "", pieces[0])
            pieces[-1] = _CLAUSE_AFTER.split(pieces[-1])[0]
        for piece in pieces:
            if _OFFICE_LIST.search(piece + "、"):
                continue  # an office named in the list, or "according to the Ministry …" after it: not a subject
            piece = re.sub(r"^(?:以及|及|與|和|and|包括|including)\s*", "", piece.strip())
            piece = re.sub(r"^(?:推進|確保|加強|強化|推動|應對|因應|對抗|反制|促進|深化)", "", piece)
            named = re.search(r"\S\s*(?:例如|such as|including)\s*(\S.*)$", piece)
            head, *example = re.split(r"例如|如|such as|including", piece)
            piece = head.strip() or (example[0].strip() if example else "")  # "other issues, such as X": X
            if named and self.match_topics(named.group(1)):
                examples += self._split_items(named.group(1))  # "measures such as e-invoicing and e-signature": the examples too
            if not piece:
                continue
            found = self.match_topics(piece)
            joint = r"以及|及|與|和|\band\b"
            parts = [p.strip() for p in re.split(joint, piece) if p.strip()]
            if len(found) > 1 and len(parts) > 1:  # A及B naming two topics: each name an item (each part, in English)
                items += parts if piece.isascii() else [words for _, words in found]
                continue
            if any(re.search(joint, words) for _, words in found):
                parts = []  # a name of the taxonomy that has the joining word in it: science and technology, 5G及電信安全
            if len(parts) > 1 and found:  # one topic and something else: the rest reported on its own  # A及B naming two topics, or one topic and something else: each its own item
                items += parts
                continue
            items.append(piece)
        return items + [e for e in examples if e not in items]

    # ---------------------------------------------------------------- the whole draft
    def topics(self, source_id: str, subject: tuple[str, str, str] | None = None) -> list[tuple[dict, str]]:
        """The topics the article names, each with its sentence: the agreement's own subject (``subject``: topic,
        label, sentence) first, then those of headed sections, then those of lists."""
        found = _TopicList(self, source_id)  # type: ignore[arg-type]  # a TopicReading is always a Drafter
        if subject is not None:
            found.add(subject[0], subject[1], subject[2], True)
            for m in _AGREEMENTS.finditer(subject[2]):  # 簽署「A備忘錄」及「B協議」: each agreement signed gives its topic
                name = (m.group(1) or m.group(2)).strip()
                tid = self.best_topic(name)
                if tid:
                    found.add(tid, name, subject[2], True)
        sections = self.sections()
        self._section_topics(found, sections)
        self._listed_topics(found, headline_from_sections=len(found.entries) - (subject is not None) >= 2)
        self._outcomes_where_named(found, source_id)
        return found.listed()

    def _section_topics(self, found: _TopicList, sections: list[tuple[str, list[str], str]]) -> None:
        """The topic of each headed section: a headline, with the section's sentences as its outcomes."""
        for title, body, line in sections:
            tid = self.best_topic(title)
            if not tid:
                self.say(f"topic not in the taxonomy: {title!r} (in: {line})")
                continue
            found.add(tid, title, line, True, body)

    def _listed_topics(self, found: _TopicList, headline_from_sections: bool) -> None:
        """The topics of each list the article gives (…、…及…)."""
        section_topics = set(found.entries)
        for items, s in self.enumerations():
            items_found = [(item, self.best_topic(item)) for item in items]
            named = [tid for _, tid in items_found if tid]
            # with headed sections, a list is the agenda only if it mostly names the sections' topics
            headline = not headline_from_sections or 2 * len(section_topics.intersection(named)) >= len(named)
            for item, tid in items_found:
                if not tid:
                    self.say(f"topic not in the taxonomy: {item!r} (in: {s})")
                    continue
                found.add(tid, item, s, headline)

    def _outcomes_where_named(self, found: _TopicList, source_id: str) -> None:
        """Outcomes of a topic without a section: up to three other sentences that name it and say what was agreed."""
        for tid, (t, sentence) in found.entries.items():
            if t.get("outcomes"):
                continue
            label = next(iter(t["label"].values()))
            body = [s for _, s in self.sents if _find(label, s) and _AGREE.search(s) and not _NOT_MEETING.search(s) and s != sentence]
            if body:
                t["outcomes"] = self._outcomes(tid, body[:3], source_id)

    def _outcomes(self, tid: str, body, source_id: str) -> list[dict]:
        out: list[dict] = []
        for i, s in enumerate(body, 1):
            s = s.strip()
            if len(s) < 6:
                continue
            out.append({"id": f"{tid}-{len(out) + 1}", "text": self.text(s), "unverified": True, "sources": [source_id], "_sentence": s})
        return out

