"""The words of the site's own frame (navigation, search, citing) in English and Chinese.

Labels of the data (statuses, formats, roles, headings) are those of ``tracker.output.words``.
"""

from __future__ import annotations

from typing import Any

_WORDS = {
    "site_name": ("Taiwan's economic dialogues", "臺灣雙邊經濟對話"),
    "home_title": ("Taiwan's bilateral economic dialogues", "臺灣雙邊經濟對話"),
    "home_intro": (
        ("Every round and meeting of Taiwan's bilateral economic dialogues, with the documents they produced "
        "and what became of their promises. Every fact carries its numbered sources."),
        "臺灣各項雙邊經濟對話的每一屆會議、所產生的文件及承諾的後續，每項事實均附編號來源。",
    ),
    "skip": ("Skip to the content", "跳至主要內容"),
    "nav": ("Site", "網站導覽"),
    "home": ("Home", "首頁"),
    "dialogues": ("Dialogues", "對話"),
    "timeline": ("Timeline", "時間軸"),
    "matrix": ("Topics by round", "各屆議題對照"),
    "commitments": ("Commitments", "承諾追蹤"),
    "search": ("Search", "搜尋"),
    "search_label": ("Search the site", "搜尋本站"),
    "search_needs_server": (
        ("Search needs the site served over HTTP (for example: python -m http.server -d SITE_FOLDER); "
        "every record is also listed on the dialogue, timeline and topic pages."),
        "搜尋需以HTTP提供本站（例如：python -m http.server -d 網站資料夾）；所有紀錄亦列於對話、時間軸及議題頁面。",
    ),
    "search_needs_script": ("Search needs JavaScript.", "搜尋需啟用JavaScript。"),
    "language_name": ("English", "中文"),
    "switch_language": ("Read this page in {name}", "以{name}閱讀本頁"),
    "only_en": ("English only", "僅有英文"),
    "only_zh": ("Chinese only", "僅有中文"),
    "as_of": ("Data as of {date}.", "資料截至{date}。"),
    "cite_page": ("Cite this page", "引用本頁"),
    "cite_line": (
        "“{title}”, Taiwan's economic dialogues tracker, data as of {date}, {url}.",
        "〈{title}〉，臺灣雙邊經濟對話追蹤資料，資料截至{date}，{url}。",
    ),
    "sources_note": ("Numbers in brackets refer to these sources.", "方括號中的數字對應以下來源。"),
    "no_link": ("no web address", "無網址"),
    "rounds_heading": ("Rounds and meetings", "會議"),
    "compare_heading": ("From one round to the next", "屆次間比較"),
    "compare_with_previous": ("Compared with the round before", "與前一屆比較"),
    "compare_with_next": ("Compared with the next round", "與下一屆比較"),
    "fact": ("Fact", "項目"),
    "value": ("Value", "內容"),
    "end_date": ("Last day", "結束日期"),
    "kind_of_dialogue": ("Kind", "類型"),
    "lead_agencies": ("Lead agencies", "主政機關"),
    "founding_documents": ("Founding documents", "成立文件"),
    "taiwan_side": ("Taiwan", "臺灣"),
    "partner_side": ("Partner", "夥伴方"),
    "round_of": ("Round", "會議"),
    "promise": ("Promise", "承諾內容"),
    "due": ("Due", "預定期限"),
    "made_at": ("Made at", "提出於"),
    "evidence_none": ("No evidence recorded.", "尚無佐證紀錄。"),
    "status_count": ("{n} {status}", "{status}{n}項"),
    "headline_cell": ("on the agenda", "列入議程"),
    "mentioned_cell": ("also mentioned", "亦提及"),
    "not_discussed": ("not discussed", "未討論"),
    "matrix_legend": (
        "● on the agenda · ○ also mentioned · blank: not discussed. Each round links to its page and sources.",
        "●列入議程 · ○亦提及 · 空白：未討論。各屆連結至其頁面及來源。",
    ),
    "history_heading": ("Rounds that discussed it", "討論此議題的會議"),
    "in_outcomes_only": ("named in its outcomes only", "僅於成果中提及"),
    "undated": ("Date not known", "日期不明"),
    "delivered_by": ("Commitments of the earlier round delivered by the later one", "前一屆承諾於後一屆前已兌現者"),
    "follows_up": ("Follows up", "後續於"),
    "renews": ("Renews", "延續"),
    "parties": ("Parties", "締約方"),
    "signatories": ("Signatories", "簽署人"),
    "choose_language": ("Choose a language", "選擇語言"),
    "meetings_and_documents": ("{n} rounds and meetings", "{n}場會議"),
    "gist": ("+{added} added −{dropped} dropped ={continued} continued ~{evolved} evolved",
             "新增{added} 不再列入{dropped} 延續{continued} 演變{evolved}"),
}


def site_word(key: str, lang: str, **values: Any) -> str:
    en, zh = _WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text
