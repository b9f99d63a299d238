"""Batch progress: a rich bar on a terminal, plain stderr lines otherwise;
both count the pages of the files done and how many of them were OCR'd."""
from __future__ import annotations

import time

import click


class Reporter:
    """A rich progress bar on a terminal, plain stderr lines otherwise."""

    def __init__(self, total: int, *, bar: bool, quiet: bool):
        self.total, self.quiet, self.bar = total, quiet, bar and not quiet
        self.done = self.failed = 0
        self.pages = self.ocr_pages = 0  # of the files done; OCR'd pages cost ~1,000× a text page
        self.t0 = time.monotonic()
        self._last = self.t0
        self._progress = None
        if self.bar:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            self._progress = Progress(
                TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} files/s"),
                TextColumn("{task.fields[pages]} pages ({task.fields[ocr_pages]} OCR)"),
                TextColumn("[red]{task.fields[failed]} failed"),
                TimeElapsedColumn(), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False)
            self._progress.start()
            self._task = self._progress.add_task("extract", total=total, rate=0.0, failed=0,
                                                 pages=0, ocr_pages=0)

    def log(self, msg: str) -> None:
        if self.quiet:
            return
        if self._progress is not None:
            self._progress.console.print(msg, markup=False, highlight=False)
        else:
            click.echo(msg, err=True)

    def advance(self, *, failed: bool = False, pages: int = 0, ocr_pages: int = 0) -> None:
        """One more file done, with its page count and how many of its pages were OCR'd."""
        self.done += 1
        self.failed += failed
        self.pages += pages
        self.ocr_pages += ocr_pages
        now = time.monotonic()
        rate = self.done / max(now - self.t0, 1e-9)
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done, rate=rate, failed=self.failed,
                                  pages=self.pages, ocr_pages=self.ocr_pages)
        elif not self.quiet and (now - self._last >= 5.0 or self.done == self.total):
            self._last = now
            ocr = f", {self.ocr_pages} OCR" if self.ocr_pages else ""
            click.echo(f"batch: {self.done}/{self.total} files, {self.pages} pages{ocr} "
                       f"({rate:.1f} files/s, {self.failed} failed)", err=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
