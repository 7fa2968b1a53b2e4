"""tracker: follow Taiwan's bilateral economic dialogues from the command line, or from Python.

    >>> import tracker
    >>> ds = tracker.load()                      # the shipped data; or tracker.load(data_dir="…")
    >>> [r.id for r in tracker.list_rounds(ds, partner="us", since="2022")]
    >>> c = tracker.compare(ds, "eppd:1", "eppd:6")

The names below are imported only when first used, so that ``import tracker``
(which the command line does at every start) stays cheap.
"""

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
    "TimelineEntry": "results",
    "SearchResult": "results",
    "Hit": "results",
    "TopicMention": "results",
    "RoundSummary": "data.summary",
    "TopicSummary": "data.summary",
    "NamedPerson": "data.summary",
    "Comparison": "results",
    "Pair": "results",
    "CommitmentRow": "results",
    "Evidence": "data.summary",
    "Dataset": "data.model",
    "Round": "data.model",
    "Document": "data.model",
    "Dialogue": "data.model",
    "Partner": "data.model",
    "Topic": "data.model",
    "Theme": "data.model",
    "Person": "data.model",
    "Participant": "data.model",
    "RoundTopic": "data.model",
    "Outcome": "data.model",
    "Commitment": "data.model",
    "Source": "data.model",
    "Text": "data.model",
    "PartialDate": "data.model",
    "TrackerError": "errors",
    "DataError": "errors",
    "InputError": "errors",
    "Problem": "errors",
}

__all__ = ["__version__", *_EXPORTS]  # noqa: PLE0604 - the names of _EXPORTS are strings


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
