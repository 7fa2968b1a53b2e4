"""The output layer: records in, text and files out.

One module per answer writes it in every format: ``listing`` (list), ``show``, ``compare``,
``timeline``, ``topics``, ``search`` and ``commitments``. They share the terminal's drawing
(``terminal``'s ``Writer`` over ``console``, laid out by ``layout``, words from ``words``, long
output through ``pager``), the JSON shape of each kind of record (``serialize``) and the plain
writers of JSON, CSV and Markdown (``formats``). ``pictures`` saves what the terminal shows as SVG
or HTML, ``export`` writes SQLite, calendars, TimelineJS and the rest; ``files`` writes files
safely. It imports the data and query layers, never the command line.
"""
