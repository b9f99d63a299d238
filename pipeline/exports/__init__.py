"""What records become: JSON (``atomic`` writes), iCalendar (``ics``),
CalDAV (``caldav``), vCard/CSV (``vcard``), fill-in forms (``forms``) and
the SQLite index (``index``). Library functions only; the commands are in
:mod:`pipeline.cli`."""
