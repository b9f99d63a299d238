"""The review server (``extract serve OUTDIR``, issue 13): a local web
application over a batch output folder, so a clerk sees every extracted
value at its place in the document before it reaches the office calendar.

* :mod:`~pipeline.review.app` — routes and pages (Starlette + Jinja2,
  server-rendered; ``static/app.js`` is the only script, no CDN);
* :mod:`~pipeline.review.archive` — what the pages read (index, records,
  stored document text, review files); only indexed paths are opened;
* :mod:`~pipeline.review.render` — the document as escaped HTML with the
  evidence spans highlighted;
* :mod:`~pipeline.review.actions` — confirm / correct / reject / add, saved
  as corrections beside the record (``pipeline.exports.corrections``);
* :mod:`~pipeline.review.security` — loopback-only Host check, token off
  loopback, CSRF.

It sits on top of the flow, beside the CLI: it reads what the batch wrote
and calls the same functions (``pipeline.batch.worker.process_file`` for an
upload, ``pipeline.exports.ics`` / ``caldav`` for the calendar).
"""
