"""The pages of a long OCR shown on a terminal for ``extract FILE``.

The readers report each OCR'd page through
:func:`pipeline.readers.ocr.page_done`; this module is the terminal end of
that hook (the readers never import the CLI). Kept apart from
``pipeline.batch`` so that ``extract notice.docx`` does not load the batch
machinery.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import IO, Iterator, Optional


class PagePrinter:
    """The OCR progress callback for a terminal: one line rewritten in place,
    ``OCR scan.pdf: page 3/7``, ended with a newline after the last page."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.open = False  # a line is shown without its newline yet

    def __call__(self, path: str, done: int, total: int) -> None:
        self.open = done < total
        end = "" if self.open else "\n"
        self.stream.write(f"\rOCR {Path(path).name}: page {done}/{total}{end}")
        self.stream.flush()

    def close(self) -> None:
        """End a line left open (an OFD whose last pages are text, an error)."""
        if self.open:
            self.stream.write("\n")
            self.stream.flush()
            self.open = False


@contextlib.contextmanager
def ocr_pages_shown(stream: Optional[IO[str]] = None) -> Iterator[None]:
    """While inside, OCR'd pages are shown on ``stream`` (default stderr)
    when it is a terminal; nothing is printed to a pipe or a file."""
    stream = stream or sys.stderr
    if not stream.isatty():
        yield
        return
    from pipeline.readers import ocr

    printer = PagePrinter(stream)
    old = ocr.set_progress(printer)
    try:
        yield
    finally:
        ocr.set_progress(old)
        printer.close()
