"""Headings and labels of the human output, in English and Chinese."""

from __future__ import annotations

_WORDS = {
    "dialogue": ("Dialogue", "對話"),
    "round": ("Round", "屆次"),
    "date": ("Date", "日期"),
    "format": ("Format", "形式"),
    "place": ("Place", "地點"),
    "leads": ("Leads", "主談人"),
    "topics": ("Topics", "議題"),
    "topic": ("Topic", "議題"),
    "theme": ("Theme", "主題"),
    "outcomes": ("Outcomes", "成果"),
    "participants": ("Participants", "與會者"),
    "documents": ("Documents", "文件"),
    "working_groups": ("Working groups", "工作小組"),
    "follow_ups": ("Follow-ups", "後續進展"),
    "notes": ("Other facts", "其他事實"),
    "disputed": ("Disputed", "有爭議"),
    "unverified": ("Unverified", "未經證實"),
    "sources": ("Sources", "資料來源"),
    "last_verified": ("Last verified", "最後查核"),
    "unknown": ("unknown", "不明"),
    "none": ("none", "無"),
    "added": ("Added", "新增"),
    "dropped": ("Dropped", "不再列入"),
    "continued": ("Continued", "延續"),
    "evolved": ("Evolved", "演變"),
    "delivered_since": ("Commitments of A delivered by B", "A之承諾於B前已兌現"),
    "commitments": ("Commitments", "承諾"),
    "status": ("Status", "狀態"),
    "age": ("Age", "經過"),
    "evidence": ("Evidence", "佐證"),
    "where": ("Where", "位置"),
    "match": ("Match", "符合內容"),
    "record": ("Record", "紀錄"),
    "partner": ("Partner", "夥伴"),
    "kind": ("Kind", "類型"),
    "signed": ("signed", "簽署"),
    "in_force": ("in force", "生效"),
    "term": ("Term", "期限"),
    "years": ("years", "年"),
    "extendable": ("extendable by", "得延長"),
    "sourcing": ("Sourcing", "來源狀況"),
    "weak": ("weak source", "弱來源"),
    "archived": ("archived copy (the original page is gone)", "封存副本（原網頁已失效）"),
    "matrix": ("Which rounds discussed what", "各屆議題對照"),
    "history": ("History of", "議題沿革："),
    "aliases": ("Aliases", "別名"),
    "id": ("ID", "代號"),
    "rounds": ("rounds", "屆"),
    "no_rounds": ("No rounds match.", "沒有符合的會議。"),
    "no_hits": ("No matches.", "沒有符合的結果。"),
    "no_commitments": ("No commitments match.", "沒有符合的承諾。"),
    "also_mentioned": ("also mentioned", "亦提及"),
    "only_in": ("Chinese title only", "僅有英文名稱"),
    "in_passing": ("raised in passing", "順帶提及"),
    "checked": ("Facts checked", "查核日期"),
    "on_agenda": ("on the agenda", "列入議程"),
    "in-person": ("in person", "實體"),
    "virtual": ("virtual", "視訊"),
    "hybrid": ("hybrid", "實體及視訊"),
    "lead": ("lead", "主談"),
    "co-chair": ("co-chair", "共同主持"),
    "participant": ("participant", "與會"),
    "host": ("host", "主辦"),
    "speaker": ("speaker", "致詞"),
    "signer": ("signer", "簽署人"),
    "witness": ("witness", "見證"),
    "taiwan": ("Taiwan", "臺灣"),
    "other": ("other", "其他"),
    "document": ("document", "文件"),
    "meeting": ("meeting", "會議"),
    "milestone": ("milestone", "里程碑"),
    "follow-up": ("follow-up", "後續"),
    "announced": ("announced", "已宣布"),
    "in-progress": ("in progress", "進行中"),
    "delivered": ("delivered", "已兌現"),
    "lapsed": ("lapsed", "未兌現"),
    "days": ("days", "天"),
    "planned": ("planned", "規劃中"),
    "active": ("active", "運作中"),
    "commitment": ("commitment", "承諾"),
    "versus": ("vs", "對比"),
    "summary": ("Summary", "摘要"),
    "launch": ("launch", "啟動"),
    "signing": ("signing", "簽署"),
    "mandate": ("mandate", "談判授權"),
    "conclusion": ("talks concluded", "完成談判"),
    "entry-into-force": ("entry into force", "生效"),
    "n_rounds": ("{n} rounds", "{n}屆"),
    "n_round": ("1 round", "1屆"),
    "n_meetings": ("{n} meetings", "{n}場會議"),
    "n_meeting": ("1 meeting", "1場會議"),
    "left_out_milestones": (
        "{n} milestones that were not meetings left out (mandates, conclusions of talks, entries into force): add --all",
        "另有{n}項非會議的里程碑（談判授權、完成談判、生效）未列出：加上 --all",
    ),
    "dropped_columns": ("Narrow terminal: {cols} not shown.", "終端機寬度不足，未顯示：{cols}。"),
    "more_with_full": ("More with --full: {what}.", "加上 --full 可見：{what}。"),
    "urls_cut": (
        "Long URLs are cut to fit with …; tracker show {ref} --format markdown prints them whole.",
        "過長的網址以…截斷；tracker show {ref} --format markdown 可見完整網址。",
    ),
    "more_with_detail": ("The outcomes of both rounds, topic by topic: add --detail.", "兩屆各議題的成果對照：加上 --detail。"),
    "later_first": (
        "note: {a} ({da}) is later than {b} ({db}); the changes read from {a} to {b}",
        "注意：{a}（{da}）晚於{b}（{db}）；以下為由{a}至{b}的變化",
    ),
    "undated": ("Date not known", "日期不明"),
    "mou": ("MOU", "備忘錄"),
    "joint-statement": ("joint statement", "聯合聲明"),
    "agreement": ("agreement", "協定"),
    "arrangement": ("arrangement", "協議"),
    "declaration": ("declaration", "宣言"),
    "contract": ("contract", "合約"),
    "framework": ("framework", "架構"),
    "n_commitments": ("{n} commitments: ", "共{n}項承諾："),
    "outcome": ("outcome", "成果"),
    "note": ("note", "附註"),
    "label": ("wording", "原文措辭"),
    "follow_up": ("follow-up", "後續"),
    "source": ("source", "來源"),
    "working_group": ("working group", "工作小組"),
    "venue": ("place", "地點"),
    "date_note": ("date note", "日期附註"),
    "summary_field": ("summary", "摘要"),
    "title": ("title", "標題"),
    "organisation": ("organisation", "機關"),
    "rounds_not_shown": (
        "{n} later rounds or meetings do not fit: widen the terminal, or use --format csv.",
        "另有{n}場較晚的會議放不下：請加寬終端機，或使用 --format csv。",
    ),
    "md_change": ("Change", "變化"),
    "md_theme": ("Theme", "主題"),
    "md_a_topic": ("Topic in A", "A之議題"),
    "md_b_topic": ("Topic in B", "B之議題"),
    "md_a_outcomes": ("Outcomes in A", "A之成果"),
    "md_b_outcomes": ("Outcomes in B", "B之成果"),
    "outcomes_legend": (
        "* discusses the topic in its outcomes without being tagged with it",
        "*：成果中談及此議題，但未標注此議題",
    ),
    "in_outcomes_only": ("named in its outcomes, not tagged with the topic:", "成果中談及，但未標注此議題："),
    "empty_legend": ("— not known", "—：不明"),
    "as_of": ("Data as of {date} (the latest check of a record).", "資料截至{date}（紀錄最近一次查核）。"),
}


def word(key: str, lang: str) -> str:
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "zh" else pair[0]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def date_words(date, lang: str) -> str:
    """A date as a reader writes it, exactly as precise as it is known: ``27 January 2026``,
    ``January 2026``, ``2026``; ``2026年1月27日``, ``2026年1月``, ``2026年``.  Takes a PartialDate,
    a datetime.date or None (``unknown``)."""
    if date is None:
        return word("unknown", lang)
    year, month, day = date.year, getattr(date, "month", None), getattr(date, "day", None)
    if lang == "zh":
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if month and day else "")
    if not month:
        return str(year)
    return (f"{day} " if day else "") + f"{MONTHS[month - 1]} {year}"


_GIST_STATUSES = ("delivered", "in-progress", "lapsed")


def commitment_gist(name: str, counts: dict, date, lang: str) -> str:
    """The one line ``compare`` says of A's commitments, in the words ``commitments`` uses:
    ``3 of EPPD round 1's 6 commitments delivered, 1 in progress by 27 January 2026.``

    ``counts`` is ``query.tally`` of the rows ``query.round_commitments`` gives (status as of
    ``date``); delivered is always said, in progress and lapsed when there are any."""
    total = sum(counts.values())
    shown = [(k, counts.get(k, 0)) for k in _GIST_STATUSES if k == "delivered" or counts.get(k, 0)]
    when = date_words(date, lang)
    if lang == "zh":
        said = "、".join(f"{word(k, 'zh')}{n}項" for k, n in shown)
        return f"{name}的{total}項承諾中，至{when}{said}。"
    first, *rest = shown
    noun = "commitment" if total == 1 else "commitments"
    said = ", ".join([f"{word(first[0], 'en')}"] + [f"{n} {word(k, 'en')}" for k, n in rest])
    return f"{first[1]} of {name}'s {total} {noun} {said} by {when}."


def _precision(date) -> int:
    """3 for a date known to the day (a datetime.date too), 2 to the month, 1 to the year."""
    return 1 + (getattr(date, "month", None) is not None) + (getattr(date, "day", None) is not None)


def _first_day(date):
    return date.first_day() if hasattr(date, "first_day") else date


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" + ("" if n == 1 else "s")


def _years_months(months: int) -> list[tuple[int, str]]:
    """``14`` months as [(1, year), (2, month)]; a part that is 0 left out."""
    if months < 12:
        return [(months, "month")]
    return [(n, u) for n, u in ((months // 12, "year"), (months % 12, "month")) if n]


def elapsed_words(start, end, lang: str, ago: bool = False) -> str:
    """How long after ``start`` ``end`` came (``ago``: how long before ``end``, today, ``start``
    was), said no more precisely than the less precise of the two dates: days only between two
    days (``25 days later``), months when both are known to the month (``about 3 months later``),
    years when either is known only to the year (``about 3 years later``; ``the same year``).
    ``about`` marks a span read from a date not known to the day.  Takes PartialDates or
    datetime.dates; "" when either is missing or ``end`` comes first."""
    if start is None or end is None:
        return ""
    zh = lang == "zh"
    precision = min(_precision(start), _precision(end))
    about = precision < 3
    days = (_first_day(end) - _first_day(start)).days
    if days < 0 and (precision == 3 or (end.year, end.month if precision == 2 else 0) < (start.year, start.month if precision == 2 else 0)):
        return ""  # end before start, at the precision of the two
    if precision == 1:
        if start.year == end.year:
            return "同年" if zh else "the same year"
        amount = [(max(1, int(days / 365.25)), "year")]
    elif precision == 2:
        months = (end.year - start.year) * 12 + end.month - start.month
        if months == 0:
            return "同月" if zh else "the same month"
        amount = _years_months(months)
    else:
        if days == 0:
            return "當天" if zh else "the same day"
        if days <= 90:
            amount = [(days, "day")]
        else:
            amount = _years_months(int(days / 30.44))  # months of 30.44 days
    if zh:
        units = {"year": "年", "month": "個月", "day": "天"}
        text = "".join(f"{n}{units[u]}" for n, u in amount)
        return ("約" if about else "") + text + ("前" if ago else "後")
    text = " ".join(_plural(n, u) for n, u in amount)
    return ("about " if about else "") + text + (" ago" if ago else " later")


def delivered_words(promised, delivered, lang: str, whole=lambda text: text) -> str:
    """When a commitment was delivered, at the precision of both dates:
    ``delivered in 2024, about 3 years later``, ``delivered on 15 December 2020, 25 days later``;
    ``2024年兌現，約3年後``.  ``whole`` marks the date and the span as never to be broken."""
    when = whole(date_words(delivered, lang))
    span = whole(elapsed_words(promised, delivered, lang))
    if lang == "zh":
        return f"{when}兌現" + (f"，{span}" if span else "")
    on = "on" if _precision(delivered) == 3 else "in"
    return f"delivered {on} {when}" + (f", {span}" if span else "")


# ---------------------------------------------------------------- record IDs in prose

# the curators' field names a note may point to, e.g. "(see follow_ups)"
_FIELD_NAMES = ("follow_ups", "notes", "disputed", "unverified", "sources")
_SEE = r"(?:see(?: the document| the round| also)?\s+|參見\s*|詳見\s*|見\s*(?:文件)?\s*)?"


def id_patterns(ids) -> tuple:
    """The patterns ``readers_words`` uses for the record IDs ``ids`` (none: patterns that find
    only the curators' field names)."""
    import re

    one = "(?:" + ("|".join(sorted(map(re.escape, ids), key=len, reverse=True)) or "(?!)") + ")"
    ref = "(?:" + one + "|" + "|".join(_FIELD_NAMES) + ")"
    alone = re.compile(rf"\s*[(（]{_SEE}{ref}(?:\s*(?:[,、，]|and|及|與)\s*{ref})*[)）]")
    tail = re.compile(rf"\s*[,，、]\s*{one}(?=[)）])|(?<=[\u3400-\u9fff]){one}(?=[)）])")
    bare = re.compile(rf"(?<![\w/:.@#-])({one})(?![\w-])")
    return alone, tail, bare


_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


class RecordIds:
    """The record IDs of the data (``names``: ID -> the record's name in the reader's language),
    found in prose by the patterns of ``id_patterns``, made for the few IDs a text holds.

    One pattern of every ID of the data would take seconds to compile over thousands of records.
    An ID these patterns find stands between characters that cannot be in an ID, or beside an
    ``and`` that joins two IDs (``(eppd-5and eppd-6)``): so the IDs a text holds are found among
    its runs of ID characters, whole or cut at an ``and``. IDs of other characters are matched by
    one pattern of all of them, as before."""

    def __init__(self, names: dict[str, str]) -> None:
        import re

        self.names = names
        self.simple = set("".join(names)) <= _ID_CHARS
        self.runs = re.compile("[" + re.escape("".join(sorted(_ID_CHARS))) + "]+")
        self.made: dict[tuple[str, ...], tuple] = {}

    def patterns(self, text: str) -> tuple:
        """The patterns of ``id_patterns`` for the IDs ``text`` may hold."""
        if not self.simple:
            key: tuple[str, ...] = ("*",)
            if key not in self.made:
                self.made[key] = id_patterns(self.names)
            return self.made[key]
        found: set[str] = set()
        for run in self.runs.findall(text):
            cuts = [i for i in range(len(run) - 2) if run.startswith("and", i)]
            starts, ends = [0, *(i + 3 for i in cuts)], [*cuts, len(run)]
            found.update(run[a:b] for a in starts for b in ends if a < b and run[a:b] in self.names)
        key = tuple(sorted(found))
        if key not in self.made:
            self.made[key] = id_patterns(key)
        return self.made[key]

    def readers_words(self, text: str) -> str:
        """``readers_words`` of ``text``, each step with the patterns of the IDs it then holds."""
        if not text or not self.names:
            return text
        text = self.patterns(text)[0].sub("", text)
        text = self.patterns(text)[1].sub("", text)
        return self.patterns(text)[2].sub(lambda m: self.names.get(m.group(1), m.group(1)), text)


def readers_words(text: str, names: dict, patterns: tuple) -> str:
    """Prose from the data as a reader reads it: a curator's pointer to another record, ``(see
    ustti-taipei-2023-01)``, ``（tw-us-art-2026）``, ``, eppd-6)``, left out (the record it names is
    told in its own words nearby, or is one command away); any other record ID replaced by the
    record's name (``names``: ID -> name in the reader's language)."""
    if not text or not names:
        return text
    alone, tail, bare = patterns
    text = alone.sub("", text)
    text = tail.sub("", text)
    return bare.sub(lambda m: names.get(m.group(1), m.group(1)), text)


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def full_width(text: str) -> str:
    """Chinese text with the punctuation of Chinese: a pair of brackets that touches or holds a
    Chinese character, and a comma next to one, made full-width (``人工智慧(AI)發展`` →
    ``人工智慧（AI）發展``); brackets and commas between Latin words left as they are."""
    import re

    if not text or not re.search(f"[{_CJK}]", text):
        return text

    def pair(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        chinese = re.search(f"[{_CJK}]", before + m.group(2) + after)
        return f"（{m.group(2)}）" if chinese else m.group(0)

    text = re.sub(r"( ?)\(([^()]*)\)", pair, text)
    return re.sub(f"(?<=[{_CJK}]),\\s*|,\\s*(?=[{_CJK}])", "，", text)
