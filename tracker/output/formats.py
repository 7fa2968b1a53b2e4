"""Machine output: JSON, CSV and Markdown. Plain text only, never colour, never rich."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from ..safe import UNSAFE, json_safe, visible


def _encodes_cjk(stream) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "中文–".encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def write_json(stream, data) -> None:
    """JSON; Chinese as is, or as \\u escapes when the stream cannot encode it.

    An array is written one element per line (each on a single line), so that
    long listings are quick to write and easy to read line by line; an object
    is indented.
    """
    ascii_only = not _encodes_cjk(stream)
    if isinstance(data, list):
        encode = json.JSONEncoder(ensure_ascii=ascii_only).encode
        if not data:
            stream.write("[]\n")
            return
        stream.write("[\n")
        last = len(data) - 1
        for i, item in enumerate(data):
            stream.write(json_safe(encode(item)))
            stream.write(",\n" if i < last else "\n")
        stream.write("]\n")
    else:
        stream.write(json_safe(json.dumps(data, ensure_ascii=ascii_only, indent=2)))
        stream.write("\n")


def write_json_texts(stream, texts) -> None:
    """An array of objects already encoded as JSON text by ``safe.json_text``, one per line, as
    write_json writes it.

    ``texts`` may be any iterable: it is written as it comes, never held whole. They were made safe
    when they were made, so they are not scanned again here.
    """
    ascii_only = not _encodes_cjk(stream)
    first = True
    for text in texts:
        if ascii_only:
            text = json.dumps(json.loads(text), ensure_ascii=True)
        stream.write("[\n" if first else ",\n")
        stream.write(text)
        first = False
    stream.write("[]\n" if first else "\n]\n")


def columns_of(rows: list[dict]) -> list[str]:
    cols: list[str] = []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    return cols


FORMULA_START = ("=", "+", "-", "@")  # tab and CR are already shown as \\t and \\x0d


def write_csv(stream, rows: list[dict], columns: Iterable[str] | None = None, bom: bool = False, spreadsheet: bool = False) -> None:
    """CSV with control characters shown visibly; with ``spreadsheet``, no cell can start a formula.

    A spreadsheet runs a cell that starts with = + - or @ as a formula (which can
    fetch a web page or run a command); for files meant for one, such a text cell
    gets a leading ' as OWASP advises, which the spreadsheet shows as text.
    """
    import csv

    cols = list(columns) if columns is not None else columns_of(rows)
    if bom:
        stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v, spreadsheet) for k, v in row.items()})


def _cell(value, spreadsheet: bool):
    if not isinstance(value, str):
        return value
    value = visible(value)
    if spreadsheet and value.startswith(FORMULA_START):
        value = "'" + value
    return value


WEB_ADDRESS = re.compile(r"https?://[^\s<>\"`\\\x00-\x1f\x7f]+", re.IGNORECASE)


def is_web_address(url: str) -> bool:
    """An http(s) address with nothing that could end a link early or hide where it goes: the only
    addresses output ever makes into links (on a terminal and in Markdown)."""
    return WEB_ADDRESS.fullmatch(url) is not None and not UNSAFE.search(url)


MD_SPECIAL = str.maketrans({"\\": "\\\\", "|": "\\|", "[": "\\[", "]": "\\]", "<": "&lt;", ">": "&gt;"})


def md_escape(text: str) -> str:
    """Text from the data as Markdown that says just that text: no table cell ends in it, no link
    (``[…](…)``, ``<…>``) and no raw HTML (``<img onerror=…>``) starts in it."""
    return visible(text.replace("\n", " ")).translate(MD_SPECIAL)


def markdown_table(rows: list[dict], columns: Iterable[str] | None = None, headers: dict | None = None) -> str:
    cols = list(columns) if columns is not None else columns_of(rows)
    headers = headers or {}
    out = ["| " + " | ".join(md_escape(headers.get(c, c)) for c in cols) + " |"]
    out.append("|" + "|".join(" --- " for _ in cols) + "|")
    for row in rows:
        out.append("| " + " | ".join(md_escape(str(row.get(c, ""))) for c in cols) + " |")
    return "\n".join(out) + "\n"


def write_rows(stream, fmt: str, rows: list[dict], columns=None) -> None:
    """Flat rows as CSV or a Markdown table (an empty list still gets its header)."""
    if fmt == "csv":
        write_csv(stream, rows, columns)
    else:
        stream.write(markdown_table(rows, columns))


def write_listing(stream, fmt: str, texts, columns, lang: str) -> None:
    """A listing given as the JSON texts of its items: streamed as a JSON array, or as rows."""
    from .serialize import flat, plain_of

    if fmt == "json":
        write_json_texts(stream, texts)
    else:
        write_rows(stream, fmt, [flat(plain_of(t), lang) for t in texts], columns)
