"""tracker: follow Taiwan's bilateral economic dialogues from the command line, or from Python.

    >>> import tracker
    >>> ds = tracker.load()                      # the shipped data; or tracker.load(data_dir="…")
    >>> [r.id for r in tracker.list_rounds(ds, partner="us", since="2022")]
    >>> c = tracker.compare(ds, "eppd:1", "eppd:6")

The names below are imported only when first used, so that ``import tracker``
(which the command line does at every start) stays cheap.
"""

import sys as _sys

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "load": "api",
    "get_round": "api",
    "list_rounds": "api",
    "timeline": "api",
    "compare": "api",
    "search": "api",
    "commitments": "api",
    "topic_history": "api",
    "COMMITMENT_STATUSES": "api",
    "TimelineEntry": "query",
    "SearchResult": "query",
    "Hit": "query",
    "TopicMention": "query",
    "RoundSummary": "summary",
    "TopicSummary": "summary",
    "NamedPerson": "summary",
    "Comparison": "query",
    "Pair": "query",
    "CommitmentRow": "query",
    "Evidence": "summary",
    "Dataset": "model",
    "Round": "model",
    "Document": "model",
    "Dialogue": "model",
    "Partner": "model",
    "Topic": "model",
    "Theme": "model",
    "Person": "model",
    "Participant": "model",
    "RoundTopic": "model",
    "Outcome": "model",
    "Commitment": "model",
    "Source": "model",
    "Text": "model",
    "PartialDate": "model",
    "TrackerError": "errors",
    "DataError": "errors",
    "InputError": "errors",
    "Problem": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'tracker' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list:
    return sorted(set(globals()) | set(__all__))


class _Package(type(_sys)):
    """The package keeps ``tracker.load`` the function: importing the module tracker/load.py
    (which the loader does) would otherwise replace the attribute with that module."""

    def __setattr__(self, name: str, value) -> None:
        if name in _EXPORTS and isinstance(value, type(_sys)):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
