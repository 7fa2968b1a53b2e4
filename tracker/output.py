"""Machine output: JSON, CSV and Markdown. Plain text only, never colour, never rich."""

from __future__ import annotations

import json
from typing import Iterable

FORMATS = ("table", "json", "csv", "markdown")


def _encodes_cjk(stream) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "中文–".encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False


def write_json(stream, data) -> None:
    """Indented JSON; Chinese as is, or as \\u escapes when the stream cannot encode it."""
    stream.write(json.dumps(data, ensure_ascii=not _encodes_cjk(stream), indent=2))
    stream.write("\n")


def columns_of(rows: list[dict]) -> list[str]:
    cols: list[str] = []
    for row in rows:
        for key in row:
            if key not in cols:
                cols.append(key)
    return cols


def write_csv(stream, rows: list[dict], columns: Iterable[str] | None = None, bom: bool = False) -> None:
    import csv

    cols = list(columns) if columns is not None else columns_of(rows)
    if bom:
        stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)


def md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


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
