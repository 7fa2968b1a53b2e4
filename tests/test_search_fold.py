"""Search folding: what ``fold`` gives, and search through many texts at once giving what each gives."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.data import text

PIECES = [" ", "  ", "\n", "\t", "\u3000", "\xa0", "\x1c", "-", "–", "—", "ies", "s", "us", "ss", "Ss", "ß", "İ", "Σ", "a", "bc", "Rare", "earths", "batteries", "中", "文", "1", "_", ".", "é", "\x01"]
TEXTS = st.lists(st.sampled_from(PIECES) | st.text(max_size=4)).map("".join)

# the fold as first written: the patterns start with their look-behinds
_FIRST = (re.compile(r"(?<=[a-z]{2})ies\b"), re.compile(r"(?<=[a-z]{3})(?<![su])s\b"))


def first_search_fold(t: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKC", t).casefold().translate(str.maketrans(text.VARIANTS))
    folded = " ".join(t.split()).replace("-", " ")
    folded = " ".join(folded.split())
    return _FIRST[1].sub("", _FIRST[0].sub("y", folded))


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_search_fold_is_what_it_was_after_width_and_variants(t):
    assert text.fold(t) == first_search_fold(t)


@settings(max_examples=2000, deadline=None)
@given(st.lists(TEXTS, max_size=6), TEXTS)
def test_finding_in_all_entries_at_once_is_finding_in_each(texts, needle):
    entries = [(f"p{i}", t.replace("\x00", "")) for i, t in enumerate(texts)]  # data files can hold no NUL
    needle = text.fold(needle)
    assert text.find(entries, needle) == [(p, t) for p, t in entries if needle in text.fold(t)]


def test_finding_in_the_shipped_rounds_at_once_is_finding_in_each():
    from conftest import DATA, TODAY

    from tracker.data.load import load

    ds = load(str(DATA), TODAY)
    assert len(ds.rounds) > 20
    for r in ds.rounds.values():
        entries = text.search_entries(ds, r)
        for needle in ("semiconductor", "supply chain", "5g", "台灣", "s"):
            assert text.find(entries, needle) == [(p, t) for p, t in entries if needle in text.fold(t)]


def test_variant_characters_and_full_width_fold_alike():
    assert text.fold("臺灣") == text.fold("台灣")
    assert text.fold("ＥＰＰＤ") == text.fold("eppd")
    for a, b in text.VARIANTS.items():
        assert text.fold(a) == text.fold(b)


def test_search_for_taiwan_in_either_writing_gives_the_same_results():
    import json

    from conftest import run

    a, b = (run("search", word, "--format", "json") for word in ("臺灣", "台灣"))
    assert a.code == b.code == 0
    assert json.loads(a.out) and json.loads(a.out) == json.loads(b.out)
