"""The stages over one read ``Document``: ``normalise`` (width, spaces,
broken paragraphs, offset map) → ``segment`` (GB/T 9704 zones) → ``run``
(the extractors, and the one path from a file to a record)."""
