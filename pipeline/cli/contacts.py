"""``extract contacts``: a merged contact directory (CSV or vCard 4.0)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from pipeline.cli.common import CONTEXT_SETTINGS, load_notices, write_output
from pipeline.exports.vcard import entries_of, merge, to_csv, to_vcard


@click.command("contacts", context_settings=CONTEXT_SETTINGS)
@click.argument("records", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path), metavar="RECORD_OR_NOTICE...")
@click.option("--format", "fmt", type=click.Choice(["csv", "vcf"]), default="vcf", show_default=True,
              help="CSV table or vCard 4.0.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of stdout.")
def contacts_cmd(records, fmt: str, output: Optional[Path]):
    """A contact directory (通讯录) from notices or their saved JSON records,
    duplicates merged (same name and phone, or same e-mail).

    Example: extract contacts out/*.json --format vcf -o 通讯录.vcf
    """
    entries = merge([e for n in load_notices(records) for e in entries_of(n)])
    write_output(output, to_vcard(entries) if fmt == "vcf" else to_csv(entries))
