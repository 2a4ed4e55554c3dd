"""Spreadsheets in and out.

* ``reader``: untrusted .xlsx/.xls/.ods (python-calamine, cached values only, no entity
  expansion) and .csv (UTF-8 or GBK), size and row limits, control characters removed;
  openpyxl (export, error workbooks) parses defensively because defusedxml is installed;
* ``columns``: header row detection (first 15 rows), header synonyms per kind (projects,
  companies, visits, targets), remembered mappings (``import-mappings.json`` in the data
  dir, keyed by a hash of the header row);
* ``projects_import``: plan (new / update / same / error per row) and write — new rows in
  bulk (``bulk``: Core executemany, stage events from the domain rules, search keys,
  one change_log entry per record), updates through the project service, one transaction;
* ``other_imports``: companies, visits and annual targets through their services;
* ``imports``: the import kinds by name (CLI ``--kind``, the GUI wizard);
* ``export``: ``write_table`` (.xlsx lists, no formulas) and the import template;
  ``export_kinds``: the export kinds by name — add a list with one line there.
"""
