"""Markdown reports for ``show`` and ``compare``, built from the same dictionaries as the JSON."""

from __future__ import annotations

from .formats import markdown_table, md_escape
from ..rules import dialogue_label, pick, round_name
from ..data.model import PartialDate
from .words import commitment_gist, date_words, word


_t = pick  # a {"en", "zh"} object in the reader's language


def _cites(ids, numbers) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids or () if i in numbers)


def show_markdown(ds, obj: dict, lang: str) -> str:
    numbers = {s["id"]: n for n, s in enumerate(obj["sources"], 1)}
    name = _t(obj["dialogue_name"], lang)
    title = f"{name} {obj['round']}" if obj["round"] is not None else f"{name}: {_t(obj['name'], lang)}"
    out = [f"# {md_escape(title)} ({obj['id']})", ""]
    out += _facts(obj, lang)
    if obj["participants"]:
        out += ["", f"## {word('participants', lang)}", ""]
        out += [_participant(p, numbers, lang) for p in obj["participants"]]
    out += ["", f"## {word('topics', lang)}", ""]
    for i, t in enumerate(obj["topics"], 1):
        out += _topic(i, t, numbers, lang)
    out += _sections(obj, numbers, lang)
    out += _disputed(obj, numbers, lang)
    out += ["", f"## {word('sources', lang)}", ""]
    out += [_source(n, s, lang) for n, s in enumerate(obj["sources"], 1)]
    return "\n".join(out) + "\n"


def _facts(obj: dict, lang: str) -> list[str]:
    """The round's facts as a list: date, format, place, leads, sourcing, last check, and the date's note."""
    w = lambda k: word(k, lang)  # noqa: E731
    unknown = w("unknown")
    rows = [
        (w("date"), (obj["date"] or unknown) + (f" – {obj['end_date']}" if obj["end_date"] else "")),
        (w("format"), w(obj["format"]) if obj["format"] else unknown),
        (w("place"), "; ".join(_t(v, lang) for v in obj["venue"]) or unknown),
        (w("leads"), "; ".join(_t(p["name"], lang) for p in obj["leads"]) or unknown),
        (w("sourcing"), f"{len(obj['sources'])} ({obj['weak_sources']} {w('weak')})"),
        (w("last_verified"), obj["last_verified"]),
    ]
    out = [f"- **{k}:** {md_escape(v)}" for k, v in rows]
    if obj.get("date_note"):
        out.append(f"- {md_escape(_t(obj['date_note'], lang))}")
    return out


def _participant(p: dict, numbers: dict, lang: str) -> str:
    bits = [b for b in (_t(p.get("title"), lang), _t(p.get("organisation"), lang) if p.get("person") else "") if b]
    flag = f" *({word('unverified', lang)})*" if p.get("unverified") else ""
    return f"- **{md_escape(_t(p['name'], lang))}** ({word(p['role'], lang)}){': ' + md_escape(', '.join(bits)) if bits else ''}{flag} {_cites(p['sources'], numbers)}".rstrip()


def _topic(i: int, t: dict, numbers: dict, lang: str) -> list[str]:
    """A numbered topic, then its outcomes, each with the status of its commitment and the evidence."""
    w = lambda k: word(k, lang)  # noqa: E731
    label = _t(t.get("label"), lang)
    head = _t(t["name"], lang) + (f" — {label}" if label and label != _t(t["name"], lang) else "")
    extra = "" if t["headline"] else f" *({w('also_mentioned')})*"
    out = [f"{i}. **{md_escape(head)}**{extra} {_cites(t['sources'], numbers)}".rstrip()]
    for o in t["outcomes"]:
        line = f"    - {md_escape(_t(o['text'], lang))} {_cites(o['sources'], numbers)}".rstrip()
        if o.get("unverified"):
            line += f" *({w('unverified')})*"
        if o.get("commitment"):
            line += f" — **{w('commitment')}: {w(o['commitment']['status'])}**"
            for ev in o.get("evidence", []):
                line += f"; → {ev['date'] or w('unknown')}: {md_escape(_t(ev['text'], lang))}"
        out.append(line)
    return out


def _sections(obj: dict, numbers: dict, lang: str) -> list[str]:
    """Documents, working groups, follow-ups and notes, each a section where the round has any."""
    unknown = word("unknown", lang)
    sections = (
        ("documents", lambda d: f"{_t(d['title'], lang)} ({d['document_kind']}, {d['date'] or unknown})", None),
        ("working_groups", lambda g: _t(g["name"], lang), "sources"),
        ("follow_ups", lambda f: f"{f['date']}: {_t(f['text'], lang)}", "sources"),
        ("notes", lambda n: _t(n["text"], lang), "sources"),
    )
    out = []
    for key, fmt_item, cite_key in sections:
        if obj.get(key):
            out += ["", f"## {word(key, lang)}", ""]
            for item in obj[key]:
                out.append(f"- {md_escape(fmt_item(item))} {_cites(item.get(cite_key), numbers) if cite_key else ''}".rstrip())
    return out


def _disputed(obj: dict, numbers: dict, lang: str) -> list[str]:
    if not (obj.get("disputed") or obj.get("unverified")):
        return []
    w = lambda k: word(k, lang)  # noqa: E731
    out = ["", f"## {w('disputed')} / {w('unverified')}", ""]
    for d in obj.get("disputed", []):
        versions = "; ".join(f"{_t(v['value'], lang)} {_cites(v['sources'], numbers)}" for v in d["versions"])
        out.append(f"- **{w('disputed')}: {d['about']}** — {md_escape(versions)}")
    for u in obj.get("unverified", []):
        out.append(f"- **{w('unverified')}: {u['about']}** — {md_escape(_t(u['note'], lang))} {_cites(u['sources'], numbers)}".rstrip())
    return out


def _source(n: int, s: dict, lang: str) -> str:
    line = f"{n}. {md_escape(_t(s['publisher'], lang))}"
    if s.get("title"):
        line += f", *{md_escape(_t(s['title'], lang))}*"
    if s.get("date"):
        line += f" ({s['date']})"
    if s.get("url"):
        line += f" <{s['url']}>"
    if s.get("weak"):
        line += f" — {word('weak', lang)}"
    return line


def compare_markdown(obj: dict, rows: list[dict], lang: str) -> str:
    """The same sections as the table: the gist (added, dropped, evolved, continued, A's
    commitments delivered by B's date), the two rounds' facts, then the outcomes side by side."""
    w = lambda k: word(k, lang)  # noqa: E731
    s = obj["summary"]
    a, b = obj["a"], obj["b"]

    def label(r):
        what = round_name(r["round"], lang, r["name"])
        return f"{dialogue_label(r['dialogue'])} {what} ({r['id']})"

    def name(side):
        text = md_escape(_t(side["name"], lang))
        lab = _t(side.get("label"), lang)
        quoted = f"「{md_escape(lab)}」" if lang == "zh" else f"“{md_escape(lab)}”"
        return text + (f" — {quoted}" if lab and lab != _t(side["name"], lang) else "")

    out = [f"# {md_escape(label(a))} → {md_escape(label(b))}", "", f"**+{s['added']} −{s['dropped']} ={s['continued']} ~{s['evolved']}**", ""]
    for key in ("added", "dropped"):
        out += [f"## {w(key)} ({len(obj[key])})", ""]
        out += [f"- {name(t)}" for t in obj[key]] or ["—"]
        out.append("")
    for key in ("evolved", "continued"):
        out += [f"## {w(key)} ({len(obj[key])})", ""]
        out += [f"- {md_escape(_t(p['theme_name'], lang))}: {name(p['a'])} → {name(p['b'])}" for p in obj[key]] or ["—"]
        out.append("")
    counts = {k: v for k, v in obj["commitments"].items() if k not in ("as_of", "total")}
    gist = commitment_gist(f"{dialogue_label(a['dialogue'])} {round_name(a['round'], lang, a['name'])}", counts,
                           PartialDate.parse(b["date"]) if b["date"] else None, lang)
    out += [f"## {w('commitments')}", "", md_escape(gist), ""]
    out += [f"- {md_escape(_t(d['text'], lang))} → {date_words(PartialDate.parse(d['evidence']['date']), lang) if d['evidence']['date'] else w('unknown')}"
            for d in obj["delivered"]]
    out.append("")
    table = [
        {"": w("date"), "A": a["date"] or "—", "B": b["date"] or "—"},
        {"": w("format"), "A": w(a["format"]) if a["format"] else "—", "B": w(b["format"]) if b["format"] else "—"},
        {"": w("place"), "A": "; ".join(_t(v, lang) for v in a["venue"]) or "—", "B": "; ".join(_t(v, lang) for v in b["venue"]) or "—"},
        {"": w("leads"), "A": "; ".join(_t(p["name"], lang) for p in a["leads"]) or "—", "B": "; ".join(_t(p["name"], lang) for p in b["leads"]) or "—"},
    ]
    out += [f"## {w('round')}", "", markdown_table(table, ["", "A", "B"]), f"## {w('outcomes')}", ""]
    headers = {k: w("md_" + k) for k in ("change", "theme", "a_topic", "b_topic", "a_outcomes", "b_outcomes")}
    out.append(markdown_table([{headers[k]: v if k != "change" else w(v) for k, v in r.items()} for r in rows], list(headers.values())))
    return "\n".join(out)
