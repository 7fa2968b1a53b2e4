"""Old names of ``tracker.data.text``, kept for the modules that still import them from here."""

from .text import fold as search_fold
from .text import fold_name as fold
from .text import search_entries, texts

__all__ = ["fold", "search_entries", "search_fold", "texts"]
