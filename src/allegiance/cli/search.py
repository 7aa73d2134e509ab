"""``allegiance search``: full-text search over articles and statement evidence."""

from __future__ import annotations

import click

from ..query.search import SEARCH_SCOPES, search
from ..query.views import MAX_PAGING
from ..settings import Settings
from .main import _print_rows, common_options, open_store, output_option


@click.command("search")
@click.argument("query")
@click.option("--since", default=None, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date, inclusive.")
@click.option("--source", default=None, help="Only this outlet.")
@click.option("--language", default=None, help="Only articles in this language (en, ru, uk, ...).")
@click.option("--actor", default=None, help="Only statements whose subject or target is this actor (ISO3 or name), "
                                            "and articles that mention it.")
@click.option("--in", "scope", type=click.Choice(SEARCH_SCOPES), default="all", show_default=True,
              help="Search articles, evidence sentences, or both.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000), help="Most hits listed.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0, MAX_PAGING),
              help="Skip this many hits first.")
@output_option
@common_options
def search_command(query: str, since: str | None, until: str | None, source: str | None, language: str | None,
                   actor: str | None, scope: str, limit: int, offset: int, fmt: str, settings: Settings) -> None:
    """Find QUERY (FTS5 syntax: words, "a phrase", OR, NOT, prefix*) in article text and in the
    evidence of statements, best first. Exit code 1 with a message for a malformed query or
    an unknown actor; a query that matches nothing says so on standard error."""
    with open_store(settings) as store:
        hits = search(store, query, since=since, until=until, source=source, language=language, actor=actor,
                      scope=scope, limit=limit, offset=offset)
    if not hits:
        click.echo(f"no match for {query!r}", err=True)
        return
    rows = [{"kind": h.kind, "article": h.article, "date": h.date, "source": h.source,
             "statement": h.statement_id, "statement_kind": h.statement_kind, "label": h.label,
             "subject": h.subject, "title": h.title, "snippet": h.snippet} for h in hits]
    if fmt == "jsonl":
        rows = [h.as_dict() for h in hits]
    _print_rows(rows, fmt, f"Search: {query}")
