"""Simplified Chinese: found by its characters, converted to Traditional (Taiwan) with OpenCC before drafting."""

from __future__ import annotations

import functools

from ..errors import InputError

# Frequent characters that exist only in the simplified script; their traditional forms follow, pair by pair.
_SIMPLIFIED = "们这对会发经过为说时国实现进关业报东长门间见车书开产与举办际议题贸协调访强"
_TRADITIONAL = "們這對會發經過為說時國實現進關業報東長門間見車書開產與舉辦際議題貿協調訪強"


def is_simplified(text: str) -> bool:
    """Whether the text is written in simplified characters: three or more of the common simplified-only
    ones, and more of them than of their traditional forms."""
    sample = text[:20000]
    simplified = sum(sample.count(ch) for ch in _SIMPLIFIED)
    traditional = sum(sample.count(ch) for ch in _TRADITIONAL)
    return simplified >= 3 and simplified > traditional


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        import opencc
    except ImportError:
        raise InputError(
            "the article is in simplified Chinese; install the draft extra to read it: pip install 'tracker[draft]'"
        ) from None
    return opencc.OpenCC("s2tw")  # character by character: each sentence keeps its length, so quotes map back


def to_traditional(text: str) -> str:
    """The text in Traditional (Taiwan) characters, one character for one."""
    return _converter().convert(text)
