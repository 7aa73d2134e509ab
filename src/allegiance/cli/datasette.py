"""``allegiance datasette-metadata``: Datasette metadata (table and column descriptions) for a store."""

from __future__ import annotations

import json

import click

from ..errors import AllegianceError
from ..query.datasette import datasette_metadata
from ..query.output import atomic_text

__all__ = ["datasette_metadata_command"]


@click.command("datasette-metadata")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: standard output).")
@click.option("--db", type=click.Path(dir_okay=False), default="allegiance.db", show_default=True,
              help="The database file (Datasette names it by its file stem).")
def datasette_metadata_command(output: str, db: str) -> None:
    """Write Datasette metadata for the database (descriptions of every table, view and column):
    datasette DB -m metadata.json."""
    text = json.dumps(datasette_metadata(db), ensure_ascii=False, indent=2) + "\n"
    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        with atomic_text(output) as out:
            out.write(text)
    except AllegianceError as exc:
        raise click.ClickException(f"[{exc.code}] {exc.message}") from exc
    click.echo(f"wrote {output}", err=True)
