"""Stages that turn a notice file into a ``Notice`` record.

ingest (``pipeline.readers``, chosen by content) → ``pipeline.normalise`` →
``pipeline.segment`` (GB/T 9704 zones) → ``extractors`` → ``models.Notice``;
``pipeline.run.extract_file`` composes them for one file. Writers (JSON,
iCalendar, CalDAV, vCard, xlsx, SQLite) and the batch runner live here too.
"""
