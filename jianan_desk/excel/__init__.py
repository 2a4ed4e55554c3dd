"""Spreadsheets in and out.

* ``reader``: untrusted .xlsx/.xls/.ods (python-calamine, cached values only) and .csv
  (UTF-8 or GBK), size and row limits, control characters removed;
* ``columns``: header row detection (first 15 rows), header synonyms, remembered mappings
  (``import-mappings.json`` in the data dir, keyed by a hash of the header row);
* ``projects_import``: plan (new / update / same / error per row) and write through the
  project service in one transaction;
* ``export``: .xlsx lists and the import template (openpyxl write-only, no formulas).
"""
