"""People: those of people.yaml the article names, their titles and roles, and those the data does not know."""

from __future__ import annotations

import re

from ..rules import pick
from .dates import (
    _FUTURE_CLAUSE,
    BACKGROUND_DATE,
    BACKGROUND_DAYS,
    _DateScan,
    arabic_days,
)
from .reading import Reading
from .records import event_kinds
from .text import (
    _ATTEND_CUE,
    _EN_TITLE_WORD,
    _FUTURE,
    _LEAD_CUE,
    _NOT_MEETING,
    _NOT_NAMES,
    _SURNAMES,
    _TITLE_WORDS,
    CJK,
    _clause,
    _find,
    _fold,
    _names,
)

# The verbs that name a role, in both languages: a signer, a witness, a co-chair or a lead.
_ROLE_IN_CLAUSE = (
    ("witness", re.compile(r"見證|witness", re.IGNORECASE)),
    ("signer", re.compile(r"代表簽署|共同簽署|簽署|簽訂|\bsigned\b(?! by)|\bsign\b", re.IGNORECASE)),
    ("co-chair", re.compile(r"共同主持|共同召開|co-?chair|co-?host", re.IGNORECASE)),
    ("lead", re.compile(r"主談|率領|領銜|主持|\bled\b|headed|chaired|(?:與|和|同)[^，。]{1,40}?(?:視訊)?會談|\bmet\b(?! with)", re.IGNORECASE)),
)
# "signed by A and B", "co-chaired by A, director-general, and B": the verb before the names, across commas
# "signed in a teleconference by", "led jointly by": a few words may come between the verb and "by"
_ROLE_BY = re.compile(r"\b(signed|witnessed|co-?chaired|co-?hosted|led|chaired|headed|signing)(?:\s+of\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,12}?)?(?:\s+(?:in|at|on|via|a|an|the|jointly|online|virtually|[a-z]+conference|videoconference|ceremony)){0,4}\s+by\b", re.IGNORECASE)
_ROLE_OF_VERB = {"signed": "signer", "signing": "signer", "witnessed": "witness", "led": "lead", "chaired": "lead", "headed": "lead"}
# the full stops of abbreviations and initials (Dr., U.S., Keith J. Krach) end no sentence
_ABBREVIATION = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Amb|Gen|Hon|[A-Z])\.")
# the verbs of an event whose subjects lead it: "A and B held a virtual meeting", "A, together with B, convened"
_EVENT_VERB = re.compile(r"\b(?:held|met|co-?chaired|co-?hosted|chaired|convened|signed|inked|launched|opened|led|headed|"
                         r"announced the (?:launch|start|establishment|talks|negotiations))\b", re.IGNORECASE)
# what may stand between a subject and its verb: other subjects, their titles, a bracketed name, "who heads …"
_NOT_SUBJECT = re.compile(r"[.;:!?]|\b(?:said|says|told|according|which|that|while|after|before|when|during|where|was|were|is|are|has|have|had|"
                          r"will|would|to)\b", re.IGNORECASE)
# a Chinese name followed by the verb that makes it the lead: 某某率團, 某某帶領, 某某會同…出席
_ZH_LEAD_AFTER = re.compile(r"\s*[)）]?\s*(?:[（(][^）)]{0,40}[)）])?\s*(?:[" + CJK + r"]{0,10}?(?:代表|部長|次長|主委|署長|局長|處長|大使|次卿|團長))?"
                            r"(?:(?!表示|說|指出|認為|強調)[^，。；,;：:「」]){0,12}?(?:率(?!先)|帶領|带领|領軍|領銜|會同|主談)")
# a name the sentence quotes: 蔡英文：…, 某某表示, "…, Deng said": a speaker, whatever the sentence's verbs
_SPEAKER_AFTER = re.compile(r"\s*(?:[（(][^）)]{0,40}[)）])?\s*(?:[:：]|表示|指出|說|強調|認為|\bsaid\b|\bsays\b)")
_TRAVELLING = re.compile(r"^[^，。；]{0,14}?率[^，。；]{0,6}?團\s*(?:赴|來|訪|抵|前往)")
_EN_TRAVELLING = re.compile(r"\bdelegation (?:headed|led) by\b[^.;]{0,80}\b(?:present in|in person|travell?ed to|visited|arrived in)\b|"
                            r"\b(?:led|headed) (?:a|the|an?) (?:\w+ ){0,2}delegation to\b",
                            re.IGNORECASE)
# a lead named after the name: "…, who led the delegation", "will serve as the lead official"
_EN_LEAD_AFTER = re.compile(r"[^.;]{0,12}?(?:,\s*who\s+(?:led|leads|headed|heads)\s+(?:the|a|their|its|his|her)\s+"
                            r"(?:\w+\s+){0,3}?(?:delegation|talks|dialogue|negotiations|team|side)\b|"
                            r"\b(?:will\s+)?serves?\s+as\s+(?:the\s+)?(?:lead|head|chief negotiator)\b)", re.IGNORECASE)
# a minister (not a vice or deputy one), who heads the side's delegation in a list of its members
_MINISTER = re.compile(r"(?<!Vice )(?<!Deputy )(?<!Vice-)\bMinister\b(?! of State)|Secretary of (?:Commerce|State)\b|"
                       r"(?<![副次])(?:部長|主委|主任委員|政務委員)$")


# a clause about something still to come: a role in it is not a role at the event reported
_LATER = re.compile(_FUTURE_CLAUSE.pattern + r"|\b(?:is|are) to\b|\blater this (?:year|month|week)\b", re.IGNORECASE)

_DELEGATION_LIST = re.compile(r"delegation (?:included|comprised|consisted of|was made up of)|\bwas represented by\b|\bfor discussions with\b|"
                              r"代表團成員包括|代表團包括",
                              re.IGNORECASE)


def english_forms(name: str | None) -> list[str]:
    """The ways an article writes an English name: as given (Wang Mei-hua), given name first (Mei-hua Wang),
    without a middle initial (Keith J. Krach: Keith Krach), a hyphenated given name with a space (Tsung Tsong Wu)."""
    if not name or not name.isascii():
        return [name] if name else []
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]
    forms = [name, " ".join(words)]
    if len(words) == 2:
        forms.append(f"{words[1]} {words[0]}")
    forms += [f.replace("-", " ") for f in forms if "-" in f]
    return list(dict.fromkeys(f for f in forms if len(f.split()) >= 2 or f == name))


def role_of(sentence: str, pos: int, clause: str) -> str | None:
    """The role the verbs of ``sentence`` give the person named at ``pos`` (``clause`` is the clause around the name)."""
    by = None
    for by in _ROLE_BY.finditer(sentence, 0, pos):
        pass
    if by is not None and not re.search(r"\b(?:attended|joined|included|also)\b|[.;]", _ABBREVIATION.sub("", sentence[by.end():pos])):
        verb = by.group(1).lower().replace("-", "")
        return _ROLE_OF_VERB.get(verb, "co-chair")
    for role, cue in _ROLE_IN_CLAUSE:
        if cue.search(clause):
            if role == "signer" and re.search(r"ceremony|儀式|典禮", clause, re.IGNORECASE) and not re.search(r"代表簽署|共同簽署|signed", clause):
                continue
            return role
    return None


def subject_role(sentence: str, end: int) -> str | None:
    """The role of a person named just before the event's verb, as its subject: "A and B held a meeting",
    "A, together with B, convened the dialogue" (``end`` is where the name ends)."""
    v = _EVENT_VERB.search(sentence, end)
    if not v or v.start() - end > 240:
        return None
    between = _ABBREVIATION.sub("", sentence[end:v.start()])
    between = re.sub(r"\([^()]*\)|（[^（）]*）", "", between)
    between = re.sub(r",\s*who\s+[^,]*,", ",", between)  # "A, who heads the office, and B": what A is
    if _NOT_SUBJECT.search(between):
        return None
    verb = v.group(0).lower()
    return "signer" if verb in ("signed", "inked") else "co-chair" if ("chair" in verb or "host" in verb) else "lead"


class PeopleReading(Reading):
    # ---------------------------------------------------------------- people

    def participants(self) -> list[dict]:
        titles = self.known.titles
        found: dict[str, dict] = {}
        order = []
        preview = getattr(self, "preview", lambda: None)()  # an article announcing the event: its future is the event
        for idx, (para, s) in enumerate(self.sents):
            if _NOT_MEETING.search(s) or self._background(s):
                continue
            for pid, person in self.ds.people.items():
                for m in self._person_spots(person, s):
                    entry = found.get(pid)
                    title = self._title_before(s, m[0], titles)
                    clause = _clause(s, m[0], m[1])
                    role = role_of(s, m[0], clause) or self._role_after(s, m[1])
                    lead = bool(_LEAD_CUE.search(clause)) or role is not None
                    if _SPEAKER_AFTER.match(s, m[1]) and not _ROLE_BY.search(s, 0, m[0]):
                        role, lead = None, False  # the speaker of a quote, not a signer of what it quotes
                    if lead and not preview and _LATER.search(clause):
                        role, lead = None, False  # "B is to cohost the talks later this year": another event
                    travelling = lead and bool(_TRAVELLING.search(s[m[1]:m[1] + 40]) or _EN_TRAVELLING.search(s))
                    attend = lead or bool(_ATTEND_CUE.search(s)) or bool(re.search(r"與.{0,40}(?:完成|舉行|召開|會面)", clause))
                    if not attend and entry is None:
                        continue
                    if entry is None:
                        entry = {"person": pid, "lead": False, "title": None, "sentences": [], "attendance": None}
                        found[pid] = entry
                        order.append(pid)
                    if lead and not travelling:
                        entry["strong"] = True
                    if role and not entry.get("role"):
                        entry["role"] = role
                    if lead and not entry["lead"]:
                        entry["lead"] = True
                    if title and not entry["title"]:
                        entry["title"] = title
                    if s not in entry["sentences"]:
                        entry["sentences"].append(s)
                    if entry["attendance"] is None and not _FUTURE.search(clause):
                        for part in (clause, s[:m[0]]):  # the clause, else what the sentence says before the name
                            v = re.search(r"以視訊|視訊方式|by video|virtually", part, re.IGNORECASE)
                            p = re.search(r"實體|in person|赴美|赴歐|赴日|赴英", part, re.IGNORECASE)
                            if bool(v) != bool(p):
                                entry["attendance"] = "virtual" if v else "in-person"
                                break
        self._heads_of_delegations(found)
        # the head of a delegation that travelled to a meeting held by video leads their side only when no one
        # else does: 某某率小型代表團赴華府, "a delegation headed by B present in Washington"
        strong = {self._side(e) for e in found.values() if e.get("strong")}
        for e in found.values():
            if e["lead"] and not e.get("strong") and self._side(e) in strong:
                e["lead"] = False
                e.pop("role", None)
        out = []
        for pid in order:
            e = found[pid]
            out.append(e)
        out.sort(key=lambda e: not e["lead"])
        return out

    @staticmethod
    def _role_after(s: str, end: int) -> str | None:
        """The role the words after a name give it: 某某率團, "…, who led the delegation", "A and B held talks"."""
        if _ZH_LEAD_AFTER.match(s, end) or _EN_LEAD_AFTER.match(s, end):
            return "lead"
        return subject_role(s, end)

    def _background(self, s: str) -> bool:
        """Whether sentence ``s`` is about an earlier event: the previous round, 去年, or a full date weeks before
        the article's: who met then is not who met at the event reported."""
        if BACKGROUND_DATE.search(s):
            return True
        head = event_kinds(self.head()[:1]) if hasattr(self, "head") else []
        if any(k in ("launch", "mandate") and k not in head for k in event_kinds([s])):
            return True  # the launch of the talks, in a story about a signing under them
        anchor = self.art.anchor
        if anchor is None:
            return False
        scan = _DateScan(arabic_days(s), anchor, relative=False)
        return any(d is not None and (anchor - d.first_day()).days > BACKGROUND_DAYS for d, *_ in scan.run())

    def _heads_of_delegations(self, found: dict[str, dict]) -> None:
        """The first person named in a side's delegation list ("The Taiwan delegation included A, B and C",
        "Taiwan was represented by A, B", 我方代表團成員包括A、B) heads it: a lead, unless a verb gave a role."""
        led = {self._side(e) for e in found.values() if e.get("role") in ("lead", "co-chair")}  # sides a verb gave a lead
        for _, s in self.sents:
            cue = _DELEGATION_LIST.search(s)
            if not cue or _LEAD_CUE.search(s[:cue.start()]):
                continue  # "Led by A, the delegation included B": A leads, not B
            first: tuple[int, str] | None = None
            for pid in found:
                for a, _ in self._person_spots(self.ds.people[pid], s):
                    if a >= cue.end() and (first is None or a < first[0]):
                        first = (a, pid)
            representatives = bool(re.search(r"represented by|discussions with", cue.group(0), re.IGNORECASE))
            ministers = [pid for pid in found if representatives and any(a >= cue.end() for a, _ in self._person_spots(self.ds.people[pid], s))
                         and any(_MINISTER.search(t) for t in (found[pid]["title"] or {}).values() if t)]
            for pid in ministers:  # "represented by TECRO, Minister A, Minister B, Vice Minister C": A and B lead
                # (a delegation that "included" ministers is headed by the first alone)
                if not found[pid].get("role") and self._side(found[pid]) not in led:
                    found[pid]["role"] = "lead"
                    found[pid]["lead"] = True
            if first is not None and not ministers and not found[first[1]].get("role"):
                found[first[1]]["role"] = "lead"
                found[first[1]]["lead"] = True

    def _person_spots(self, person, s: str) -> list[tuple[int, int]]:
        spots = []
        for n in (person.name.zh, *english_forms(person.name.en)):
            if n:
                spots += _find(n, s)
        words = [w for w in (person.name.en or "").split() if not re.fullmatch(r"[A-Z]\.", w)]
        if len(words) >= 2 and (person.name.en or "").isascii():  # a middle initial the data does not give: Gina M. Raimondo
            given, family = " ".join(words[:-1]), words[-1]
            spots += [m.span() for m in re.finditer(r"\b" + re.escape(given) + r"\s+[A-Z]\.\s+" + re.escape(family) + r"\b", s, re.IGNORECASE)]
        zh = person.name.zh or ""
        if len(zh) == 3 and zh[1:] in s and re.fullmatch(f"[{CJK}]+", zh):  # 龔主委明鑫: surname, short title, given name
            for m in re.finditer(re.escape(zh[0]) + r"(主委|部長|次長|署長|局長|處長|院長|大使|代表|董事長|主任委員)" + re.escape(zh[1:]), s):
                spots.append(m.span())
        return spots

    def _title_before(self, s: str, pos: int, titles: dict) -> dict | None:
        infix = re.match(r"[" + CJK + r"](主委|部長|次長|署長|局長|處長|院長|大使|代表|董事長|主任委員)", s[pos:])
        if infix:  # 國發會龔主委明鑫: the organisation before the name, the title inside it
            org = re.search(r"([" + CJK + r"]{1,8}?(?:會|部|院|署|局|處))$", s[:pos])
            return {"zh": (org.group(1) if org else "") + infix.group(1)}
        before = s[:pos].rstrip()
        before = re.sub(r"（[^（）]*）$", "", before).rstrip()
        loose = before.replace("的", "")
        for known_title in sorted(titles, key=len, reverse=True):  # a title of an earlier round, in full
            if len(known_title) >= 3 and (before.endswith(known_title) or loose.endswith(known_title.replace("的", ""))):
                t = titles[known_title]
                said = self._as_said(before, known_title)
                lower = re.search(r"(?:\b(?:Vice|Deputy|Acting|Assistant|Under)[ -]*|副)$", before[:len(before) - len(said)])
                if lower:  # Vice Minister of Economic Affairs: not the minister's title of an earlier round
                    whole = before[lower.start():].strip()
                    return {"en": whole} if whole.isascii() else {"zh": whole}
                longer = self._generic_title(before)
                if longer and len(longer) > len(said) and longer.endswith(said):
                    said = longer  # 經濟部國際貿易局局長: the article's fuller wording of the same title
                out = {"en": t.en} if t.en and said.isascii() == known_title.isascii() else {}
                if not said.isascii() or not t.en:
                    out["zh"] = said
                elif not out:
                    out["en"] = said
                return out
        value = self._generic_title(before)
        if value and len(value) >= 2:
            known = titles.get(value)
            if known and known.en:
                return {"en": known.en, "zh": value}
            return {"zh": value}
        m = re.search(r"((?:(?:[A-Z][A-Za-z.&'-]*|of|for|the)\s+)*[A-Z][A-Za-z.&'-]*)\s*,?$", before)
        if m and _EN_TITLE_WORD.search(m.group(1)):
            words = m.group(1).split()
            while words and words[0] in ("of", "for", "the", "The", "By", "And"):
                words = words[1:]
            if words:
                return {"en": " ".join(words)}
        return None

    @staticmethod
    def _generic_title(before: str) -> str | None:
        """A title just before a name, ending in a title word: 經濟部長, 美國國務院主管經濟事務的次卿."""
        m = re.search(r"([A-Za-z0-9 、" + CJK + r"（）()]{2,40}?(?:" + _TITLE_WORDS + r"))$", before)
        if not m:
            return None
        # the whole title: 主管經濟成長、能源及環境次卿 runs across 、 and 及 until a part that names
        # someone else's title (外交部常務次長陳立國) or a word that starts the list (由, 包括)
        parts = re.split(r"(與|和|及|、|，|由|包括|在)", m.group(1))
        value = parts[-1]
        i = len(parts) - 2
        while i > 0 and parts[i] in ("、", "及", "和", "與") and parts[i - 1] and not re.search(_TITLE_WORDS, parts[i - 1]) \
                and not re.search(r"[A-Za-z)）]\s*$", parts[i - 1]):  # nor a name in brackets: …（Keith J. Krach）及
            value = parts[i - 1] + parts[i] + value
            i -= 2
        value = value.strip()
        value = re.sub(r"^(?:是|為|並|則|另|我方|美方|歐方|台灣方面|其中|出席|率)+", "", value).strip()
        return value if len(value) >= 2 and not value.isascii() else None

    @staticmethod
    def _as_said(before: str, known_title: str) -> str:
        """The title as the article words it: the end of ``before`` that matches ``known_title``, 的 aside."""
        want = len(known_title.replace("的", ""))
        i, count = len(before), 0
        while i > 0 and count < want:
            i -= 1
            if before[i] != "的" or "的" in known_title:
                count += 1
        return before[i:]

    def unknown_people(self, known_spans_names: set[str]) -> list[tuple[dict, str]]:
        """Named people the data does not know: a title, a Chinese name and an English name in brackets."""
        out: list[tuple[dict, str]] = []
        seen: set = set()  # (zh, en) pairs and names already reported
        # every name people.yaml knows, in every form an article writes it (Mei-Hua WANG), folded
        known_spans_names = {_fold(n) for n in known_spans_names} | {
            _fold(f) for person in self.ds.people.values() for f in (person.name.zh, *english_forms(person.name.en)) if f}
        pat = re.compile(r"((?:[A-Za-z" + CJK + r"]{0,16}?)(?:" + _TITLE_WORDS + r"))\s*([" + CJK + r"]{2,4}?)\s*[（(]\s*([A-Z][A-Za-z.'\- ]{2,40}?)\s*[)）]")
        for _, s in self.sents:
            if _NOT_MEETING.search(s):
                continue
            for m in pat.finditer(s):
                title, zh, en = m.group(1), m.group(2), m.group(3)
                clause = _clause(s, m.start(2), m.end())
                if not (_LEAD_CUE.search(clause) or _ATTEND_CUE.search(clause)):
                    continue
                title = re.split(r"與|和|及|、|，|由|包括|在|是", title)[-1].strip() or title
                if _fold(zh) in known_spans_names or _fold(en) in known_spans_names or (zh, en) in seen:
                    continue
                seen.add((zh, en))
                out.append(({"title": title, "zh": zh, "en": en, "lead": bool(_LEAD_CUE.search(clause)) or role_of(s, m.start(2), clause) is not None,
                             "role": role_of(s, m.start(2), clause)}, s))
        # a name in one script only, right after a title: 國發會主委劉某某出席; Deputy Secretary Jane Doe attended
        zh_only = re.compile(
            r"((?:[A-Za-z" + CJK + r"]{0,16}?)(?:" + _TITLE_WORDS + r"))\s*([" + CJK + r"]{2,3}?|[A-Z][a-z]+(?: [A-Z][a-z'-]+){1,2})"
            r"(?=[、，。；及與和等（(\s]|率|出席|主持|共同|表示|指出|$)"
        )
        en_only = re.compile(r"((?:(?:[A-Z][A-Za-z.&'-]*|of|for|the)\s+)*(?:" + _EN_TITLE_WORD.pattern + r"))\s+([A-Z][a-z]+(?:[ -][A-Z][a-z'-]+){1,2})\b")
        for _, s in self.sents:
            if _NOT_MEETING.search(s):
                continue
            for m in list(zh_only.finditer(s)) + list(en_only.finditer(s)):
                title, name = m.group(1), m.group(2)
                is_zh = not name.isascii()
                if is_zh and (name[0] not in _SURNAMES or name in _NOT_NAMES or name[:2] in _NOT_NAMES):
                    continue
                folded = _fold(name)
                if any(folded in k or k in folded for k in known_spans_names) or any(name in (u["zh"], u["en"]) for u, _ in out):
                    continue
                clause = _clause(s, m.start(2), m.end())
                if not (_LEAD_CUE.search(clause) or _ATTEND_CUE.search(s)):
                    continue
                title = re.split(r"與|和|及|、|，|由|包括|在|是|\band\b|\bby\b", title)[-1].strip() or title
                seen.add(name)
                out.append(({"title": title, "zh": name if is_zh else None, "en": None if is_zh else name,
                             "lead": bool(_LEAD_CUE.search(clause)) or role_of(s, m.start(2), clause) is not None,
                             "role": role_of(s, m.start(2), clause)}, s))
        return out


    def hosts(self, people: list[dict]) -> None:
        """Mark as host the head of the organisation that held the event: 外貿協會舉辦…，貿協董事長黃志芳…出席."""
        heads = "董事長|理事長|會長|主席|主委|主任委員|部長|院長|執行長|總裁|Chairman|Chair|President|Minister"
        for _, s in self.sents:
            m = re.search(r"([" + CJK + r"A-Za-z]{2,10}?)(?:今天|今日|昨天|昨日|\d{1,2}日)?(?:舉辦|主辦)", s)
            if not m:
                continue
            organiser = m.group(1)
            for e in people:
                title = pick(e["title"], "zh")
                head = re.match(r"(.{2,10}?)(?:" + heads + r")$", title)
                if head and s in e["sentences"] and not e["lead"] and head.group(1) in organiser:
                    e["host"] = True

    def _side(self, e) -> str:
        if e["person"] in self.known.sides:  # the side the person had in earlier rounds
            return self.known.sides[e["person"]]
        return self._side_of_title(" ".join((e["title"] or {}).values()))

    def _side_of_title(self, title: str) -> str:
        """partner when the title starts with the name of the dialogue's partner (美國商務部次長, EU Commissioner)."""
        partner = self.ds.partners.get(self.ds.dialogues[self._did].partner) if self._did else None
        if partner is not None:
            for n in _names(partner.name, *partner.aliases):
                if len(n) >= 2 and _fold(title).startswith(_fold(n)):
                    return "partner"
        return "taiwan"
