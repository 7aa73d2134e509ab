"""The ``allegiance`` command: each command parses its options and calls one library function.

Exit codes: 0 success, 1 an Allegiance error (``[code] message`` on standard error, never a
traceback), 2 a usage error; ``ingest`` exits 3 when some inputs were rejected (stored as
rejections, the rest stored) and 4 when every input was rejected; 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import signal
import sqlite3
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import __version__
from ..errors import AllegianceError, StoreError
from ..kb.knowledge import Entity, load_knowledge_base, read_knowledge_base
from ..kb.packs import load_pack
from ..query.export import EXPORT_FORMATS, export_articles
from ..query.output import atomic_path, atomic_text, check_output
from ..query.report import REPORT_FORMATS, render_report
from ..query.tables import (
    TABLE_FORMATS,
    TABLES,
    cell_row,
    matrix_rows,
    statement_rows,
    write_csv,
    write_graphml,
    write_table,
)
from ..query.views import (
    MAX_PAGING,
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
from ..sanitize import BIDI_CONTROLS, terminal_safe
from ..settings import SETTINGS, Settings, load_settings
from ..store.db import Store
from .datasette import datasette_metadata_command
from .issue_option import issue_option

if TYPE_CHECKING:
    from ..ingest import IngestSummary

F = TypeVar("F", bound=Callable[..., Any])

OUTPUT_FORMATS = ("table", "jsonl", "csv")

#: Exit codes of ``ingest`` beyond 0, 1 and 2 (README "Exit codes", docs/errors.md).
EXIT_SOME_REJECTED = 3
EXIT_ALL_REJECTED = 4


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
            raise click.ClickException(f"[{exc.code}] {_one_line(exc.message)}") from exc
        except sqlite3.Error as exc:  # a file that is not an Allegiance database, a locked or broken one
            raise click.ClickException(f"[store_error] {_one_line(str(exc))}") from exc
        except UnicodeDecodeError as exc:  # sqlite3 decodes stored text as UTF-8: a damaged page is not
            raise click.ClickException(f"[store_error] the database holds text that does not decode, so it is "
                                       f"damaged: {_one_line(str(exc))}") from exc
        except BrokenPipeError:  # the reader went away (| head): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(1) from None
        except OSError as exc:
            raise click.ClickException(f"[io_error] {_one_line(str(exc))}") from exc

    return wrapper  # type: ignore[return-value]


def _one_line(message: str) -> str:
    return " ".join(message.split())


def open_store(settings: Settings, *, readonly: bool = True) -> Store:
    """The store of ``settings.db`` for a command that reads one: it must exist and be an Allegiance
    database (a typo in ``--db`` is an error, not a new empty database)."""
    path = Path(settings.db)
    if not path.is_file():
        raise StoreError(f"no database at {path} (create one with 'allegiance ingest ... --db {path}')")
    probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:  # looked at read-only first: a writer would migrate any SQLite file (or an empty one) into a store
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        probe.execute("SELECT name, sql FROM sqlite_master").fetchall()
    except sqlite3.OperationalError as exc:  # the file is there but cannot be read (an I/O error, a lock)
        raise StoreError(f"{path}: cannot read the database: {exc}") from exc
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a damaged schema may not decode as UTF-8
        raise StoreError(f"{path} is not an Allegiance database, or is damaged: {exc}") from exc
    finally:
        probe.close()
    if not version:
        raise StoreError(f"{path} is not an Allegiance database (it holds no Allegiance tables)")
    return Store(path, readonly=readonly, busy_timeout=settings.busy_timeout)


def output_option(func: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table",
                        show_default=True, help="How to print the listing.")(func)


def safe_json(value: Any, indent: int | None = None) -> str:
    """``value`` as JSON, with C1 controls and bidi controls written as ``\\uXXXX`` escapes (JSON escapes
    C0 controls itself): the same data, and nothing a terminal acts on."""
    text = json.dumps(value, ensure_ascii=False, default=str, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _json_line(row: dict[str, Any]) -> str:
    """One JSON line, made safe to print (:func:`safe_json`)."""
    return safe_json(row)


_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f" + BIDI_CONTROLS + "]")


def _print_rows(rows: list[dict[str, Any]], fmt: str, title: str = "") -> None:
    """Print a listing. Values are untrusted (titles, sources, origins): the table and CSV show them
    without escape sequences, control or bidi characters, the JSON Lines escape them."""
    if not rows:  # say so, on standard error, rather than print an empty table
        click.echo(f"{title or 'listing'}: nothing matches", err=True)
        return
    if fmt == "jsonl":
        for row in rows:
            click.echo(_json_line(row))
    elif fmt == "csv":
        write_csv([{k: terminal_safe(v) if isinstance(v, str) else v for k, v in row.items()}
                   for row in rows], sys.stdout)
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(title=title or None)
        for key in rows[0] if rows else []:
            table.add_column(terminal_safe(key))
        for row in rows:
            # Text() shows untrusted values literally (no rich markup); terminal_safe drops escapes
            table.add_row(*(Text(terminal_safe(v)) for v in row.values()))
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


def run_ingest(targets: tuple[str, ...], settings: Settings, command: str,
               while_waiting: Callable[[], None] | None = None) -> IngestSummary:
    from ..ingest import ingest

    progress = _Progress(settings.progress)
    try:
        with Store(settings.db, busy_timeout=settings.busy_timeout) as store:
            return ingest(list(targets), store, settings, command=command, on_item=progress,
                          while_waiting=while_waiting)
    finally:
        progress.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="allegiance")
def cli() -> None:
    """Allegiance: who stands where in Russia's war against Ukraine, on what evidence.

    Exit codes: 0 success, 1 error, 2 usage error, 130 interrupted (Ctrl-C).
    """


@cli.command("ingest")
@click.argument("targets", nargs=-1, required=True)
@common_options
def ingest_command(targets: tuple[str, ...], settings: Settings) -> None:
    """Read articles from files, folders, URLs, URL lists, feeds, WARCs, JSON Lines or - (stdin).

    Inputs that cannot be read are stored as rejections with a reason; the run goes on. Exits 3
    when some inputs were rejected, 4 when every input was.
    """
    summary = run_ingest(targets, settings, command="ingest")
    print_summary(summary)
    code = ingest_exit_code(summary)
    if code:
        click.echo(f"{summary.rejected} input(s) rejected: see 'allegiance rejections --db {settings.db}'", err=True)
        click.get_current_context().exit(code)


def ingest_exit_code(summary: IngestSummary) -> int:
    """0 when every input was read, 3 when some were rejected, 4 when all were."""
    if not summary.rejected:
        return 0
    return EXIT_ALL_REJECTED if summary.rejected >= summary.read else EXIT_SOME_REJECTED


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
    if output != "-":
        check_output(output)
    with open_store(settings) as store:
        text = render_report(store, fmt, period, packs=settings.packs)
    _write_text(text, output)


def _write_text(text: str, output: str) -> None:
    if output == "-":
        click.echo(text, nl=False)
    else:
        with atomic_text(output) as out:
            out.write(text)
        click.echo(f"wrote {output}", err=True)


@cli.command("matrix")
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True, help="Matrix period.")
@issue_option
@click.option("--state", "states", multiple=True, help="Only these states (ISO3); repeatable.")
@click.option("--evidence", is_flag=True, help="Include every evidence sentence (jsonl).")
@output_option
@common_options
def matrix_command(period: str, issue: str | None, states: tuple[str, ...], evidence: bool, fmt: str,
                   settings: Settings) -> None:
    """Each state's stance on each issue by period, with independent sources and contradictions."""
    with open_store(settings) as store:
        cells = stance_matrix(store, period, issue, list(states) or None, evidence=evidence)
    if fmt == "jsonl":
        rows = [c.as_dict(with_evidence=evidence) for c in cells]
    elif fmt == "csv":  # flat cells, whole evidence
        rows = [cell_row(c) for c in cells]
    else:  # only the table on a terminal is shortened
        rows = [{"state": c.state, "name": c.state_name, "issue": c.issue, "period": c.period, "label": c.label,
                 "stories": c.stories, "of": c.total_stories,
                 "counts": ", ".join(f"{k} {v}" for k, v in sorted(c.counts.items())),
                 "contradiction": c.contradiction, "latest": _clip((c.latest or {}).get("text") or "", 90)}
                for c in cells]
    _print_rows(rows, fmt, "Stance matrix")


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@cli.command("dossier")
@click.argument("entity")
@common_options
def dossier_command(entity: str, settings: Settings) -> None:
    """Everything about ENTITY (id or name) as JSON: stances, events, quantities, predictions,
    people in its roles, sources."""
    with open_store(settings) as store:
        click.echo(safe_json(dossier(store, entity, packs=settings.packs), indent=2))


@cli.command("timeline")
@click.option("--actor", default=None, help="Only events of this actor (ISO3 or name).")
@click.option("--target", default=None, help="Only events aimed at this target.")
@click.option("--type", "event_type", default=None, help="Only this PLOVER type (SANCTION, MOBILIZE, ...).")
@click.option("--country", default=None, help="Only events with this state as actor or target.")
@click.option("--source", default=None, help="Only events reported by this outlet.")
@click.option("--since", default=None, help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date, inclusive.")
@click.option("--limit", type=click.IntRange(1, MAX_PAGING), default=None,
              help="Most events listed (default: 100 in the table, 1000 in jsonl and csv).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0, MAX_PAGING),
              help="Events skipped first (paging).")
@click.option("--all-articles", is_flag=True, help="Include articles off the packs' topics.")
@output_option
@common_options
def timeline_command(actor: str | None, target: str | None, event_type: str | None, country: str | None,
                     source: str | None, since: str | None, until: str | None, limit: int | None, offset: int,
                     all_articles: bool, fmt: str, settings: Settings) -> None:
    """Events in time order, filtered; undated events follow the dated ones. The table shows a page
    (a table of thousands of rows is unreadable, and drawing it was most of the command's time)."""
    page = limit if limit is not None else (100 if fmt == "table" else 1000)
    with open_store(settings) as store:
        rows = timeline(store, actor, target, event_type, country, source, since, until, limit=page, offset=offset,
                        packs=settings.packs, include_off_topic=all_articles)
    _print_rows(rows, fmt, "Timeline")
    if len(rows) == page and fmt == "table":
        click.echo(f"timeline: events {offset + 1} to {offset + page} shown; --offset {offset + page} for the "
                   "next page, --limit for longer ones", err=True)


@cli.command("corroboration")
@click.option("--min-sources", default=2, show_default=True, help="Least independent stories per group.")
@output_option
@common_options
def corroboration_command(min_sources: int, fmt: str, settings: Settings) -> None:
    """Statements several independent stories make, and the stories that contradict them."""
    with open_store(settings) as store:
        rows = corroboration(store, min_sources=min_sources)
    _print_rows([{**r, "articles": ", ".join(r["articles"]), "outlets": ", ".join(r["outlets"]),
                  "contradicted_by": ", ".join(r["contradicted_by"])} for r in rows], fmt, "Corroboration")


@cli.command("sources")
@output_option
@common_options
def sources_command(fmt: str, settings: Settings) -> None:
    """Per outlet: articles, languages, opinion and reporting shares, copies, predictions."""
    with open_store(settings) as store:
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
    with open_store(settings) as store:
        rows = [r for r in prediction_ledger(store) if not only_open or r["outcome"] is None]
    _print_rows([{k: r[k] for k in ("uid", "speaker", "source", "date", "horizon", "overdue", "outcome", "evidence")}
                 for r in rows], fmt, "Predictions")


@predictions_group.command("resolve")
@click.argument("prediction_id")
@click.option("--outcome", type=click.Choice(["true", "false", "partly"]), required=True, help="How it turned out.")
@click.option("--note", default="", help="What happened.")
@click.option("--evidence", default=None, help="A URL or reference for the outcome.")
@click.option("--by", default=None, help="Who records it (default: the OS user).")
@common_options
def predictions_resolve(prediction_id: str, outcome: str, note: str, evidence: str | None, by: str | None,
                        settings: Settings) -> None:
    """Record the outcome of prediction PREDICTION_ID (its uid; earlier outcomes are kept)."""
    with open_store(settings, readonly=False) as store:
        entry = resolve_prediction(store, prediction_id, outcome, note, evidence, by=by)
    click.echo(f"prediction {entry['statement']}: {outcome} (by {entry['by']})")


@predictions_group.command("record")
@click.option("--by", type=click.Choice(["source", "speaker"]), default="source", show_default=True,
              help="Group by outlet or by speaker.")
@output_option
@common_options
def predictions_record(by: str, fmt: str, settings: Settings) -> None:
    """Each source's or speaker's record of resolved predictions."""
    with open_store(settings) as store:
        _print_rows(prediction_records(store, by), fmt, "Prediction record")


@cli.command("show")
@click.argument("article")
@common_options
def show_command(article: str, settings: Settings) -> None:
    """Print ARTICLE (its export id or article id) with its statements highlighted."""
    from ..query.show import render_article

    with open_store(settings) as store:
        render_article(store, article, console=_terminal_console())


class _ScreenSafeWriter:
    """Standard output without C1 controls and bidi controls (the stored text has no C0 controls;
    rich's own styling escapes pass, so highlighting still works)."""

    _UNSAFE = re.compile("[\x80-\x9f" + BIDI_CONTROLS + "]")

    def __init__(self, out: Any) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return int(self._out.write(self._UNSAFE.sub("", text)))

    def flush(self) -> None:
        self._out.flush()

    def isatty(self) -> bool:
        return bool(self._out.isatty())

    def fileno(self) -> int:
        return int(self._out.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self._out, "encoding", "utf-8"))


def _terminal_console() -> Any:
    from rich.console import Console

    return Console(file=_ScreenSafeWriter(sys.stdout))  # type: ignore[arg-type]


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
@common_options
def kb_show(name_or_id: str, fmt: str, settings: Settings) -> None:
    """Show one entity by id in any case (KAZ, kaz, CSTO, org:gazprom) or by one of its names; an
    unknown name is an error naming close ones (see 'kb search')."""
    from ..query.lookup import knowledge_base

    kb = knowledge_base(settings.packs)
    entity = kb.lookup(name_or_id)
    row = _entity_row(entity)
    row["aliases"] = " | ".join(sorted({a.text for a in kb.aliases if a.entity_id == entity.id}))
    _print_rows([row], fmt, entity.canonical)


@kb_group.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, MAX_PAGING),
              help="Most entities listed.")
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
    """Export the store: articles as 'jsonl' (metadata, text, mentions, statements) or 'eval' (the
    scoring format, docs/eval-format.md); --table statements|matrix as csv, jsonl or parquet; graphml
    of actor-to-actor relations for Gephi. A file is replaced only once it is written whole."""
    if output != "-":
        check_output(output)
    with open_store(settings) as store:
        if table is not None or fmt in ("csv", "parquet", "graphml"):
            _export_table(store, table or "statements", fmt, period, output)
            return
        if output == "-":
            export_articles(store, sys.stdout, fmt)
        else:
            with atomic_text(output) as out:
                n = export_articles(store, out, fmt)
            click.echo(f"wrote {n} records to {output}", err=True)


def _export_table(store: Store, table: str, fmt: str, period: str, output: str) -> None:
    if fmt == "graphml":
        if output == "-":
            write_graphml(store, sys.stdout)
        else:
            with atomic_text(output) as out:
                n = write_graphml(store, out)
            click.echo(f"wrote {n} edges to {output}", err=True)
        return
    rows = statement_rows(store) if table == "statements" else matrix_rows(store, period)
    if fmt == "parquet":
        if output == "-":
            raise AllegianceError("Parquet needs an output file (-o FILE)", code="bad_output")
        with atomic_path(output) as temp:
            write_table(rows, fmt, path=temp)
    elif output == "-":
        write_table(rows, fmt, out=sys.stdout)
    else:
        with atomic_text(output, newline="") as out:
            write_table(rows, fmt, out=out)
    if output != "-":
        click.echo(f"wrote {len(rows)} rows to {output}", err=True)


@cli.command("rejections")
@output_option
@common_options
def rejections_command(fmt: str, settings: Settings) -> None:
    """List the inputs that could not be read, with their reason codes."""
    with open_store(settings) as store:
        rows = [{"origin": r["origin"], "code": r["code"], "message": r["message"]} for r in store.rejections()]
    _print_rows(rows, fmt, "Rejections")


@cli.command("articles")
@output_option
@common_options
def articles_command(fmt: str, settings: Settings) -> None:
    """List stored articles: id, language, date, source, URL, cluster and title (whole in jsonl and
    csv; shortened only in the table)."""
    with open_store(settings) as store:
        rows = [{"id": r["export_id"], "language": r["language"], "published": r["published"],
                 "source": r["source"], "url": r["url"], "cluster": r["cluster_id"], "title": r["title"]}
                for r in store.articles()]
    if fmt == "table":
        rows = [{**{k: v for k, v in r.items() if k != "url"}, "cluster": r["cluster"][:8],
                 "title": _clip(r["title"] or "", 70)} for r in rows]
    _print_rows(rows, fmt, "Articles")


@cli.command("settings")
@output_option
@common_options
def settings_command(fmt: str, settings: Settings) -> None:
    """Show every setting: its effective value, default and meaning."""
    values = settings.recorded()
    rows = [{"name": s.name, "value": values[s.name], "default": s.default, "accepted": s.allowed() or "any",
             "help": s.help} for s in SETTINGS]
    _print_rows(rows, fmt, "Settings")


cli.add_command(datasette_metadata_command)
from .record import correct_command, history_command  # noqa: E402  (commands in their own module)

cli.add_command(correct_command)
cli.add_command(history_command)

from .search import search_command  # noqa: E402  (each command in its own module)
from .serve import serve_command  # noqa: E402

cli.add_command(search_command)
cli.add_command(serve_command)

from .run import analyze_command, load_parquet_command, run_command  # noqa: E402  (they use the helpers above)

cli.add_command(run_command)
cli.add_command(analyze_command)
cli.add_command(load_parquet_command)



class _Interrupt(BaseException):
    """Ctrl-C, raised past click (which would print a blank line and "Aborted!" of its own)."""


def _on_sigint(signum: int, frame: object) -> None:
    raise _Interrupt


def main(args: list[str] | None = None) -> None:
    """The console entry point: the ``cli`` group, with Ctrl-C ending the command quietly with one
    line and exit status 130 (128 + SIGINT) instead of a traceback; what was committed stays
    (every transaction open at the interrupt is rolled back by its context manager)."""
    previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        code = cli.main(args=args, prog_name="allegiance", standalone_mode=False)
    except (_Interrupt, KeyboardInterrupt):
        code = _interrupted()
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            code = _interrupted()
        else:
            click.echo("Aborted!", err=True)
            code = 1
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    finally:
        signal.signal(signal.SIGINT, previous)
    sys.exit(code if isinstance(code, int) else 0)


def _interrupted() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not break the message
    try:
        click.echo("allegiance: interrupted; work committed before the interrupt is kept", err=True)
    except OSError:
        pass
    return 130
