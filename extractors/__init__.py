"""One module per field of the notice record.

Each module exposes one entry point, ``extract(doc, ...)``, that reads the
normalised, segmented ``models.Document`` and returns typed records from
``models``. Extractors never read files and never call each other; a value
one needs from another (the document date, the attachment numbers) is passed
in by ``pipeline.stages.run``. Vocabularies live as data in ``extractors/data``.
"""
