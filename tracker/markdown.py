"""Markdown reports for ``show`` and ``compare``, built from the same dictionaries as the JSON."""

from __future__ import annotations

from .output import markdown_table, md_escape
from .rules import pick, round_label
from .words import word


_t = pick  # a {"en", "zh"} object in the reader's language


def _cites(ids, numbers) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids or () if i in numbers)


def show_markdown(ds, obj: dict, lang: str) -> str:
    w = lambda k: word(k, lang)  # noqa: E731
    numbers = {s["id"]: n for n, s in enumerate(obj["sources"], 1)}
    name = _t(obj["dialogue_name"], lang)
    title = f"{name} {obj['round']}" if obj["round"] is not None else f"{name}: {_t(obj['name'], lang)}"
    out = [f"# {md_escape(title)} ({obj['id']})", ""]
    unknown = w("unknown")
    fmt = w(obj["format"]) if obj["format"] else unknown
    rows = [
        (w("date"), (obj["date"] or unknown) + (f" – {obj['end_date']}" if obj["end_date"] else "")),
        (w("format"), fmt),
        (w("place"), "; ".join(_t(v, lang) for v in obj["venue"]) or unknown),
        (w("leads"), "; ".join(_t(p["name"], lang) for p in obj["leads"]) or unknown),
        (w("sourcing"), f"{len(obj['sources'])} ({obj['weak_sources']} {w('weak')})"),
        (w("last_verified"), obj["last_verified"]),
    ]
    for k, v in rows:
        out.append(f"- **{k}:** {md_escape(v)}")
    if obj.get("date_note"):
        out.append(f"- {md_escape(_t(obj['date_note'], lang))}")
    if obj["participants"]:
        out += ["", f"## {w('participants')}", ""]
        for p in obj["participants"]:
            bits = [b for b in (_t(p.get("title"), lang), _t(p.get("organisation"), lang) if p.get("person") else "") if b]
            flag = f" *({w('unverified')})*" if p.get("unverified") else ""
            out.append(f"- **{md_escape(_t(p['name'], lang))}** ({w(p['role'])}){': ' + md_escape(', '.join(bits)) if bits else ''}{flag} {_cites(p['sources'], numbers)}".rstrip())
    out += ["", f"## {w('topics')}", ""]
    for i, t in enumerate(obj["topics"], 1):
        label = _t(t.get("label"), lang)
        head = _t(t["name"], lang) + (f" — {label}" if label and label != _t(t["name"], lang) else "")
        extra = "" if t["headline"] else f" *({w('also_mentioned')})*"
        out.append(f"{i}. **{md_escape(head)}**{extra} {_cites(t['sources'], numbers)}".rstrip())
        for o in t["outcomes"]:
            line = f"    - {md_escape(_t(o['text'], lang))} {_cites(o['sources'], numbers)}".rstrip()
            if o.get("unverified"):
                line += f" *({w('unverified')})*"
            if o.get("commitment"):
                line += f" — **{w('commitment')}: {w(o['commitment']['status'])}**"
                for ev in o.get("evidence", []):
                    line += f"; → {ev['date'] or unknown}: {md_escape(_t(ev['text'], lang))}"
            out.append(line)
    sections = (
        ("documents", lambda d: f"{_t(d['title'], lang)} ({d['document_kind']}, {d['date'] or unknown})", None),
        ("working_groups", lambda g: _t(g["name"], lang), "sources"),
        ("follow_ups", lambda f: f"{f['date']}: {_t(f['text'], lang)}", "sources"),
        ("notes", lambda n: _t(n["text"], lang), "sources"),
    )
    for key, fmt_item, cite_key in sections:
        if obj.get(key):
            out += ["", f"## {w(key)}", ""]
            for item in obj[key]:
                out.append(f"- {md_escape(fmt_item(item))} {_cites(item.get(cite_key), numbers) if cite_key else ''}".rstrip())
    if obj.get("disputed") or obj.get("unverified"):
        out += ["", f"## {w('disputed')} / {w('unverified')}", ""]
        for d in obj.get("disputed", []):
            versions = "; ".join(f"{_t(v['value'], lang)} {_cites(v['sources'], numbers)}" for v in d["versions"])
            out.append(f"- **{w('disputed')}: {d['about']}** — {md_escape(versions)}")
        for u in obj.get("unverified", []):
            out.append(f"- **{w('unverified')}: {u['about']}** — {md_escape(_t(u['note'], lang))} {_cites(u['sources'], numbers)}".rstrip())
    out += ["", f"## {w('sources')}", ""]
    for n, s in enumerate(obj["sources"], 1):
        line = f"{n}. {md_escape(_t(s['publisher'], lang))}"
        if s.get("title"):
            line += f", *{md_escape(_t(s['title'], lang))}*"
        if s.get("date"):
            line += f" ({s['date']})"
        if s.get("url"):
            line += f" <{s['url']}>"
        if s.get("weak"):
            line += f" — {w('weak')}"
        out.append(line)
    return "\n".join(out) + "\n"


def compare_markdown(obj: dict, rows: list[dict], lang: str, promised: int) -> str:
    """The same sections as the table: the gist (added, dropped, evolved, continued, A's
    commitments delivered by B's date), the two rounds' facts, then the outcomes side by side."""
    w = lambda k: word(k, lang)  # noqa: E731
    s = obj["summary"]
    a, b = obj["a"], obj["b"]

    def label(r):
        what = round_label(r["round"], lang) if r["round"] is not None else _t(r["name"], lang)
        return f"{r['dialogue'].upper()} {what} ({r['id']})"

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
    delivered = {}
    for d in obj["delivered"]:
        delivered.setdefault(d["commitment"], d)
    date = b["date"] or w("unknown")
    out += [f"## {w('commitments')}", "", md_escape(w("delivered_gist").format(n=len(delivered), of=promised, a=a["id"], date=date)), ""]
    out += [f"- {md_escape(_t(d['text'], lang))} → {d['evidence']['date'] or w('unknown')}" for d in delivered.values()]
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
