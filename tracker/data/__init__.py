"""The data layer: a data folder read into checked, frozen records.

``model`` (the records, which also describe the YAML files), ``schema`` (the JSON Schemas and
the data dictionary, made from the model), ``parse`` (one YAML file, every value with its line and
column), ``validate`` (the rules within a file and across files), ``load`` (the folder into a
``Dataset``), ``summary`` (what the listings show of each round), ``text`` (text as search and
lookups compare it), ``dates`` (dates as users and articles write them).

Nothing here imports from the layers above it (``query``, ``output``, the command line).
"""
