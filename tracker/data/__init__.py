"""The data layer: a data folder read into checked, frozen records.

``model`` (the records, which also describe the YAML files), ``schema`` (the JSON Schemas and
the data dictionary, made from the model), ``parse`` (one YAML file, every value with its line and
column), ``validate`` (the rules within a file and across files), ``load`` (the folder, through
``store``, the cache), ``summary`` and ``index`` (what the listings and search keep of each
round), ``dates`` (dates as users and articles write them), ``parallel`` (worker processes that
read many files at once).

Nothing here imports from the layers above it (``query``, ``output``, the command line).
"""
