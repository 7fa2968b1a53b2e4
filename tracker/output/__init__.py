"""The output layer: records in, text and files out.

``render`` chooses the writer for each command and format: ``tables`` for people (laid out by
``layout``, words from ``words``, long output through ``pager``), ``serialize`` and ``formats`` for
JSON, CSV and Markdown, ``markdown`` for reports, ``export`` for SQLite, calendars, TimelineJS and
the rest; ``files`` writes files safely. It imports the data and query layers, never the command line.
"""
