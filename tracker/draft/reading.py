"""What the readers of dates, people and topics share: the state the drafter gives them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import Article


class Reading:
    """The drafter's state as its readers (dates, people, topics) see it; ``Drafter`` fills it in."""

    ds: Any  # the dataset the draft is read against
    art: Article
    known: Any
    sents: list[tuple[int, str]]  # (paragraph index, sentence)
    _did: str | None
    _index: list[tuple[str, str, str]]  # (folded name, topic id, name)
    _partial: tuple | None

    def say(self, message: str) -> None:
        raise NotImplementedError

    def text(self, value: str) -> dict:
        raise NotImplementedError

    def dialogue_names(self, did: str) -> list[str]:
        raise NotImplementedError

    def qualified_names(self, did: str, sentence: str | None) -> list[str]:
        raise NotImplementedError
