"""From a notice file to records and calendars, in folders that read as the flow:

``readers`` (ingest by content, OCR and LibreOffice included: the complete
``Document``) → ``stages`` (normalise, segment, the run over one document
that calls the ``extractors``) → ``exports`` (JSON, iCalendar, CalDAV,
vCard/CSV, forms, SQLite index) → ``batch`` (process pool or Dask) and
``cli`` on top. ``evaluate`` scores records against gold files, beside the flow.
"""
