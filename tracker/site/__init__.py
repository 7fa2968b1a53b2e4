"""``tracker site DIR``: a static, offline, bilingual web site of the whole data set.

The pages are made from the same typed records the library returns (``tracker.api``), with the
shared rules for names and language (``tracker.rules``) and the labels of ``tracker.output.words``.
``build.write_site`` writes the site; ``pages.site_pages`` gives every page as text, without
writing anything (what the tests and the search index read).
"""

from .build import SiteReport, write_site

__all__ = ["SiteReport", "write_site"]
