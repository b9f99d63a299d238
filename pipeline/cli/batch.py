"""``extract batch DIR --out OUTDIR`` (:mod:`pipeline.batch`)."""
from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import click

from pipeline.batch import DEFAULT_MAX_MB, ERRORS, UsageProblem, run_batch
from pipeline.cli.common import CONTEXT_SETTINGS
from pipeline.errors import one_line


@click.command("batch", context_settings=CONTEXT_SETTINGS)
@click.argument("src", metavar="DIR")
@click.option("-o", "--out", "out", required=True, metavar="OUTDIR",
              help="Output folder: OUTDIR/<path>.json per file, errors.jsonl, manifest.jsonl, "
                   "index.sqlite.")
@click.option("-j", "--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--scheduler", metavar="local|tcp://HOST:PORT", default=None,
              help="Run on Dask: 'local' starts a LocalCluster of --workers processes; "
                   "tcp://HOST:PORT uses an existing cluster that sees DIR at the same path.")
@click.option("--reprocess", is_flag=True, help="Redo every file, ignoring the manifest.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first failed file.")
@click.option("--jsonl", metavar="FILE", default=None,
              help="Also write all records as JSON Lines in path order ('-' = stdout).")
@click.option("--ics", metavar="FILE", default=None,
              help="Also write the combined deadline calendar (.ics).")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_MB, show_default=True,
              metavar="MB", help="Refuse files larger than this.")
@click.option("--mp-context", type=click.Choice(["fork", "forkserver", "spawn"]), default=None,
              help="Process start method (default forkserver on Linux).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: when stderr is a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Only the final summary.")
def batch_cmd(src, out, workers, scheduler, reprocess, fail_fast, jsonl, ics, max_size,
              mp_context, progress, quiet):
    """Extract every notice under DIR (recursively) into OUTDIR, resumably.

    Exit codes: 0 all succeeded, 1 some files failed (see OUTDIR/errors.jsonl),
    2 usage error (also: another batch holds OUTDIR), 3 missing dependency,
    5 OUTDIR not writable or full (run again to resume), 130 interrupted.
    """
    from pipeline.errors import NoticeError
    old_term = signal.getsignal(signal.SIGTERM)

    def _term(_sig, _frm):
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not in the main thread (tests)
        signal.signal(signal.SIGTERM, _term)
    try:
        res = run_batch(src, out, workers=workers, scheduler=scheduler, mp_context=mp_context,
                        reprocess=reprocess, fail_fast=fail_fast, jsonl=jsonl, ics=ics,
                        max_bytes=max_size * 1024 * 1024, progress=progress, quiet=quiet)
    except UsageProblem as e:
        click.echo(f"extract batch: error: {one_line(e)}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # while writing the merged outputs
        click.echo("extract batch: interrupted; run the same command again to resume", err=True)
        sys.exit(130)
    except NoticeError as e:
        click.echo(f"extract batch: error: {e}", err=True)
        sys.exit(getattr(e, "exit_code", 1))
    except OSError as e:
        # the scheduler is unreachable (2), or the output folder vanished mid-run (5)
        where = f"{e.filename}: " if e.filename else ""
        click.echo(f"extract batch: error: {one_line(where)}{e.strerror or one_line(e)}", err=True)
        sys.exit(2 if scheduler else 5)
    finally:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGTERM, old_term)
    rate = (res.ok / res.seconds) if res.seconds else 0.0
    summary = (f"batch: {res.ok} ok, {res.failed} failed, {res.skipped} skipped"
               f"{f', {res.warned} warnings' if res.warned else ''}"
               f"{f', {res.duplicates} duplicates' if res.duplicates else ''}"
               f" in {res.seconds:.1f} s ({rate:.1f} files/s) → {out}")
    if res.failed or res.warned:
        summary += f"; see {Path(out) / ERRORS}"
    if res.interrupted:
        summary = "batch: interrupted; run the same command again to resume. " + summary[7:]
    click.echo(summary, err=True)
    sys.exit(res.exit_code)


