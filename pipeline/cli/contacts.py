"""``extract contacts``: a merged contact directory (CSV or vCard 4.0), or
its cards pushed to a CardDAV address book."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from pipeline.cli.common import CONTEXT_SETTINGS, die, load_notices, write_output
from pipeline.exports.vcard import card_texts, entries_of, merge, to_csv, to_vcard


def _password(user: str, env: str) -> str:
    """The server password: ``$env``, else a hidden prompt on a terminal;
    without either, exit 2 with one line (never an "Aborted!")."""
    password = os.environ.get(env)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        die(f"no password for {user}: set {env} (no terminal to ask on)", 2)
    return click.prompt(f"CardDAV password for {user}", hide_input=True, default="",
                        show_default=False, err=True)


@click.command("contacts", context_settings=CONTEXT_SETTINGS)
@click.argument("records", nargs=-1, required=True,
                type=click.Path(path_type=Path), metavar="RECORD_OR_NOTICE...")
@click.option("--format", "fmt", type=click.Choice(["csv", "vcf"]), default="vcf", show_default=True,
              help="CSV table (UTF-8 with BOM, for Excel) or vCard 4.0.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here instead of stdout.")
@click.option("--push-carddav", "carddav_url", metavar="URL",
              help="Put the cards into this CardDAV address book (created when missing) "
                   "instead of writing them.")
@click.option("--user", help="CardDAV user name (with --push-carddav); the password is read "
                             "from $CARDDAV_PASSWORD or asked for.")
def contacts_cmd(records, fmt: str, output: Optional[Path], carddav_url: Optional[str],
                 user: Optional[str]):
    """A contact directory (通讯录) from notices or their saved JSON records,
    duplicates merged (same name and phone, or same e-mail).

    Example: extract contacts out/*.json --format vcf -o 通讯录.vcf
    """
    if carddav_url and not user:
        die("--push-carddav needs --user", 2)
    entries = merge([e for n in load_notices(records) for e in entries_of(n)])
    if carddav_url:
        from pipeline.exports.carddav import PASSWORD_ENV, push_cards
        from pipeline.exports.caldav import PushError, safe_url

        try:
            n = push_cards(card_texts(entries), url=carddav_url, user=user,
                           password=_password(user, PASSWORD_ENV))
        except PushError as e:
            die(str(e), e.exit_code)
        click.echo(f"{n} card(s) from {len(records)} notice(s) → {safe_url(carddav_url)}",
                   err=True)
        return
    write_output(output, to_vcard(entries) if fmt == "vcf" else to_csv(entries))
