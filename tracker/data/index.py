"""Old names of ``tracker.data.text``, kept for the modules that still import them from here."""

from .text import fold as search_fold, fold_name as fold, search_entries, texts

__all__ = ["fold", "search_fold", "search_entries", "texts"]
