"""The ``allegiance`` command: each command parses its options and calls one library function.

Exit codes: 0 success (inputs that could not be read are stored as rejections and do not
change it), 1 an Allegiance error (message on standard error), 2 a usage error.
"""

from __future__ import annotations

import csv
import functools
import json
import logging
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import __version__
from ..errors import AllegianceError
from ..kb.knowledge import Entity, load_knowledge_base, read_knowledge_base
from ..kb.packs import load_pack
from ..query.export import EXPORT_FORMATS, export_articles
from ..query.report import REPORT_FORMATS, render_report
from ..query.tables import TABLE_FORMATS, TABLES, matrix_rows, statement_rows, write_graphml, write_table
from ..query.views import (
    PERIODS,
    corroboration,
    dossier,
    prediction_ledger,
    prediction_records,
    resolve_prediction,
    source_profiles,
    stance_matrix,
    timeline,
)
from ..settings import SETTINGS, Settings, load_settings
from ..store.db import Store

if TYPE_CHECKING:
    from ..ingest import IngestSummary

F = TypeVar("F", bound=Callable[..., Any])

OUTPUT_FORMATS = ("table", "jsonl", "csv")


def _parse_sets(values: Iterable[str]) -> dict[str, str]:
    pairs = {}
    for value in values:
        if "=" not in value:
            raise click.BadParameter(f"{value!r} is not NAME=VALUE", param_hint="--set")
        name, _, setting = value.partition("=")
        pairs[name.strip().replace("-", "_")] = setting
    return pairs


def common_options(func: F) -> F:
    """--db, --config, --set and --verbose, resolved into ``settings`` for the command."""

    @click.option("--db", type=click.Path(dir_okay=False), default=None,
                  help="Database file (setting 'db'; default ./allegiance.db).")
    @click.option("--config", type=click.Path(exists=True, dir_okay=False), default=None,
                  help="TOML settings file (default ./allegiance.toml when present).")
    @click.option("--set", "sets", multiple=True, metavar="NAME=VALUE",
                  help="Override any setting (see 'allegiance settings'); repeatable.")
    @click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to standard error.")
    @functools.wraps(func)
    def wrapper(db: str | None, config: str | None, sets: tuple[str, ...], verbose: int,
                **kwargs: Any) -> Any:
        level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
        overrides: dict[str, Any] = _parse_sets(sets)
        if db:
            overrides["db"] = db
        try:
            settings = load_settings(config, overrides=overrides)
            return func(settings=settings, **kwargs)
        except AllegianceError as exc:
            raise click.ClickException(f"[{exc.code}] {exc.message}") from exc

    return wrapper  # type: ignore[return-value]


def output_option(func: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
                        show_default=True, help="How to print the listing.")(func)


def _print_rows(rows: list[dict[str, Any]], fmt: str, title: str = "") -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title or None)
        for key in rows[0] if rows else []:
            table.add_column(key)
        for row in rows:
            # Text() shows untrusted values literally: no rich markup is interpreted
            table.add_row(*(Text("" if v is None else str(v)) for v in row.values()))
        Console().print(table)


class _Progress:
    """A live counter on a terminal; silent otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.progress = None
        if enabled and sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True)
            self.task = self.progress.add_task("reading", total=None)
            self.progress.start()

    def __call__(self, origin: str, summary: IngestSummary) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=(
                f"read {summary.read} · stored {summary.stored} · rejected {summary.rejected}"))

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def print_summary(summary: IngestSummary) -> None:
    c = summary.counts()
    click.echo(f"read {c['read']}, stored {c['stored']}, duplicates {c['duplicates']}, "
               f"near duplicates {c['near_duplicates']}, rejected {c['rejected']}, unchanged {c['unchanged']}")


def run_ingest(targets: tuple[str, ...], settings: Settings, command: str) -> IngestSummary:
    from ..ingest import ingest

    progress = _Progress(settings.progress)
    try:
        with Store(settings.db, busy_timeout=settings.busy_timeout) as store:
            return ingest(list(targets), store, settings, command=command, on_item=progress)
    finally:
        progress.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="allegiance")
def cli() -> None:
    """Allegiance: who stands where in Russia's war against Ukraine, on what evidence.

    Exit codes: 0 success, 1 error, 2 usage error.
    """


@cli.command("ingest")
@click.argument("targets", nargs=-1, required=True)
@common_options
def ingest_command(targets: tuple[str, ...], settings: Settings) -> None:
    """Read articles from files, folders, URLs, URL lists, feeds, WARCs, JSON Lines or - (stdin).

    Inputs that cannot be read are stored as rejections with a reason; the run goes on.
    """
    print_summary(run_ingest(targets, settings, command="ingest"))


@cli.command("report")
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True,
              help="Report format; html is one self-contained file.")
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True, help="Matrix period.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: standard output).")
@common_options
def report_command(fmt: str, period: str, output: str, settings: Settings) -> None:
    """Print or write the report: stance matrix, changes, corroborated and contested statements,
    open predictions, sources."""
    with Store(settings.db, readonly=True) as store:
        text = render_report(store, fmt, period)
    _write_text(text, output)


def _write_text(text: str, output: str) -> None:
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)


@cli.command("matrix")
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True, help="Matrix period.")
@click.option("--issue", default=None, help="Only this issue (russia_war_in_ukraine, csto_participation).")
@click.option("--state", "states", multiple=True, help="Only these states (ISO3); repeatable.")
@click.option("--evidence", is_flag=True, help="Include every evidence sentence (jsonl).")
@output_option
@common_options
def matrix_command(period: str, issue: str | None, states: tuple[str, ...], evidence: bool, fmt: str,
                   settings: Settings) -> None:
    """Each state's stance on each issue by period, with independent sources and contradictions."""
    with Store(settings.db, readonly=True) as store:
        cells = stance_matrix(store, period, issue, list(states) or None, evidence=evidence)
    rows = [c.as_dict(with_evidence=evidence) for c in cells]
    if fmt != "jsonl":
        rows = [{"state": r["state"], "issue": r["issue"], "period": r["period"], "prevailing": r["prevailing"],
                 "stories": r["sources"], "counts": r["counts"], "contradiction": r["contradiction"],
                 "latest": r["latest"]["text"][:90]} for r in rows]
    _print_rows(rows, fmt, "Stance matrix")


@cli.command("dossier")
@click.argument("entity")
@common_options
def dossier_command(entity: str, settings: Settings) -> None:
    """Everything about ENTITY (id or name) as JSON: stances, events, quantities, predictions,
    people in its roles, sources."""
    with Store(settings.db, readonly=True) as store:
        click.echo(json.dumps(dossier(store, entity), ensure_ascii=False, indent=2, default=str))


@cli.command("timeline")
@click.option("--actor", default=None, help="Only events of this actor (ISO3 or name).")
@click.option("--target", default=None, help="Only events aimed at this target.")
@click.option("--type", "event_type", default=None, help="Only this PLOVER type (SANCTION, MOBILIZE, ...).")
@click.option("--country", default=None, help="Only events with this state as actor or target.")
@click.option("--source", default=None, help="Only events reported by this outlet.")
@click.option("--since", default=None, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date, inclusive.")
@output_option
@common_options
def timeline_command(actor: str | None, target: str | None, event_type: str | None, country: str | None,
                     source: str | None, since: str | None, until: str | None, fmt: str, settings: Settings) -> None:
    """Events in time order, filtered."""
    with Store(settings.db, readonly=True) as store:
        rows = timeline(store, actor, target, event_type, country, source, since, until)
    _print_rows(rows, fmt, "Timeline")


@cli.command("corroboration")
@click.option("--min-sources", default=2, show_default=True, help="Least independent stories per group.")
@output_option
@common_options
def corroboration_command(min_sources: int, fmt: str, settings: Settings) -> None:
    """Statements several independent stories make, and the stories that contradict them."""
    with Store(settings.db, readonly=True) as store:
        rows = corroboration(store, min_sources=min_sources)
    _print_rows([{**r, "articles": ", ".join(r["articles"]), "outlets": ", ".join(r["outlets"]),
                  "contradicted_by": ", ".join(r["contradicted_by"])} for r in rows], fmt, "Corroboration")


@cli.command("sources")
@output_option
@common_options
def sources_command(fmt: str, settings: Settings) -> None:
    """Per outlet: articles, languages, opinion and reporting shares, copies, predictions."""
    with Store(settings.db, readonly=True) as store:
        _print_rows(source_profiles(store), fmt, "Sources")


@cli.group("predictions")
def predictions_group() -> None:
    """The prediction ledger: list, resolve, and each source's and speaker's record."""


@predictions_group.command("list")
@click.option("--open", "only_open", is_flag=True, help="Only predictions without an outcome.")
@output_option
@common_options
def predictions_list(only_open: bool, fmt: str, settings: Settings) -> None:
    """Every prediction with speaker, source, date, horizon and outcome (overdue ones marked)."""
    with Store(settings.db, readonly=True) as store:
        rows = [r for r in prediction_ledger(store) if not only_open or r["outcome"] is None]
    _print_rows([{k: r[k] for k in ("id", "speaker", "source", "date", "horizon", "overdue", "outcome", "evidence")}
                 for r in rows], fmt, "Predictions")


@predictions_group.command("resolve")
@click.argument("prediction_id", type=int)
@click.option("--outcome", type=click.Choice(["true", "false", "partly"]), required=True, help="How it turned out.")
@click.option("--note", default="", help="What happened.")
@click.option("--evidence", default=None, help="A URL or reference for the outcome.")
@common_options
def predictions_resolve(prediction_id: int, outcome: str, note: str, evidence: str | None, settings: Settings) -> None:
    """Record the outcome of prediction PREDICTION_ID."""
    with Store(settings.db) as store:
        resolve_prediction(store, prediction_id, outcome, note, evidence)
    click.echo(f"prediction {prediction_id}: {outcome}")


@predictions_group.command("record")
@click.option("--by", type=click.Choice(["source", "speaker"]), default="source", show_default=True,
              help="Group by outlet or by speaker.")
@output_option
@common_options
def predictions_record(by: str, fmt: str, settings: Settings) -> None:
    """Each source's or speaker's record of resolved predictions."""
    with Store(settings.db, readonly=True) as store:
        _print_rows(prediction_records(store, by), fmt, "Prediction record")


@cli.command("show")
@click.argument("article")
@common_options
def show_command(article: str, settings: Settings) -> None:
    """Print ARTICLE (its export id or article id) with its statements highlighted."""
    from ..query.show import render_article

    with Store(settings.db, readonly=True) as store:
        render_article(store, article)


@cli.group("kb")
def kb_group() -> None:
    """Look into the knowledge base of the domain packs."""


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "type": entity.type, "canonical": entity.canonical, "wikidata": entity.wikidata,
            "roles": "; ".join(f"{r.role} of {r.of} {r.start or ''}..{r.end or ''}" for r in entity.roles),
            "members": " ".join(m.state + ("" if m.end is None else f"(left {m.end})") for m in entity.members)}


@kb_group.command("show")
@click.argument("name_or_id")
@output_option
def kb_show(name_or_id: str, fmt: str) -> None:
    """Show one entity by id (KAZ, CSTO, org:gazprom) or by its best-matching name."""
    kb = load_knowledge_base()
    entity = kb.get(name_or_id) or next(iter(kb.search(name_or_id, limit=1)), None)
    if entity is None:
        raise click.ClickException(f"no entity matches {name_or_id!r}")
    row = _entity_row(entity)
    row["aliases"] = " | ".join(sorted({a.text for a in kb.aliases if a.entity_id == entity.id}))
    _print_rows([row], fmt, entity.canonical)


@kb_group.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True, help="Most entities listed.")
@output_option
def kb_search(text: str, limit: int, fmt: str) -> None:
    """Find entities whose names are close to TEXT (any language, any spelling)."""
    _print_rows([_entity_row(e) for e in load_knowledge_base().search(text, limit=limit)], fmt, "Entities")


@kb_group.command("validate")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
def kb_validate(path: str) -> None:
    """Check a pack folder: manifest and every file; errors name the file and line."""
    try:
        kb = read_knowledge_base(load_pack(Path(path)))
    except AllegianceError as exc:
        raise click.ClickException(f"[{exc.code}] {exc.message}") from exc
    click.echo(f"{kb.version}: {len(kb.entities)} entities, {len(kb.aliases)} aliases, {len(kb.roles)} roles: valid")


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS + TABLE_FORMATS + ("graphml",)), default="jsonl",
              show_default=True, help="jsonl or eval for articles; csv, jsonl, parquet for --table; graphml.")
@click.option("--table", type=click.Choice(TABLES), default=None,
              help="Export a table (statements or the stance matrix) instead of articles.")
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True,
              help="Period of the matrix table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: standard output).")
@common_options
def export_command(fmt: str, table: str | None, period: str, output: str, settings: Settings) -> None:
    """Export the store: articles as 'jsonl' (metadata, text, mentions, statements) or 'eval'
    (../shared/eval/SCHEMA.md); --table statements|matrix as csv, jsonl or parquet; graphml of
    actor-to-actor relations for Gephi."""
    with Store(settings.db, readonly=True) as store:
        if table is not None or fmt in ("csv", "parquet", "graphml"):
            _export_table(store, table or "statements", fmt, period, output)
            return
        if output == "-":
            export_articles(store, sys.stdout, fmt)
        else:
            with Path(output).open("w", encoding="utf-8") as out:
                n = export_articles(store, out, fmt)
            click.echo(f"wrote {n} records to {output}", err=True)


def _export_table(store: Store, table: str, fmt: str, period: str, output: str) -> None:
    if fmt == "graphml":
        if output == "-":
            write_graphml(store, sys.stdout)
        else:
            with Path(output).open("w", encoding="utf-8") as out:
                n = write_graphml(store, out)
            click.echo(f"wrote {n} edges to {output}", err=True)
        return
    rows = statement_rows(store) if table == "statements" else matrix_rows(store, period)
    if fmt == "parquet":
        write_table(rows, fmt, path=Path(output) if output != "-" else None)
    elif output == "-":
        write_table(rows, fmt, out=sys.stdout)
    else:
        with Path(output).open("w", encoding="utf-8", newline="") as out:
            write_table(rows, fmt, out=out)
    if output != "-":
        click.echo(f"wrote {len(rows)} rows to {output}", err=True)


@cli.command("rejections")
@output_option
@common_options
def rejections_command(fmt: str, settings: Settings) -> None:
    """List the inputs that could not be read, with their reason codes."""
    with Store(settings.db, readonly=True) as store:
        rows = [{"origin": r["origin"], "code": r["code"], "message": r["message"]} for r in store.rejections()]
    _print_rows(rows, fmt, "Rejections")


@cli.command("articles")
@output_option
@common_options
def articles_command(fmt: str, settings: Settings) -> None:
    """List stored articles: id, language, date, source, cluster and title."""
    with Store(settings.db, readonly=True) as store:
        rows = [{"id": r["export_id"], "language": r["language"], "published": r["published"],
                 "source": r["source"], "cluster": r["cluster_id"][:8], "title": (r["title"] or "")[:70]}
                for r in store.articles()]
    _print_rows(rows, fmt, "Articles")


@cli.command("settings")
@output_option
@common_options
def settings_command(fmt: str, settings: Settings) -> None:
    """Show every setting: its effective value, default and meaning."""
    values = settings.as_dict()
    rows = [{"name": s.name, "value": values[s.name], "default": s.default, "help": s.help} for s in SETTINGS]
    _print_rows(rows, fmt, "Settings")


def main() -> None:  # pragma: no cover - console entry point
    cli()


from .run import analyze_command, load_parquet_command, run_command  # noqa: E402  (they use the helpers above)

cli.add_command(run_command)
cli.add_command(analyze_command)
cli.add_command(load_parquet_command)
