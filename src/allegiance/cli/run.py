"""The jobs that run the pipeline: ``run`` (the main job), ``analyze`` and ``load-parquet``, on
the local runner (a pool of worker processes) or on a Dask cluster (``--engine dask``)."""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..query.views import PERIODS
from ..settings import Settings
from .main import common_options, open_store, print_summary, run_ingest

if TYPE_CHECKING:
    from ..ingest.pipeline import IngestSummary
    from ..runner.local import AnalyzeSummary

log = logging.getLogger(__name__)

__all__ = ["analyze_command", "load_parquet_command", "run_command"]


ENGINES = ("local", "dask")


class AnalysisProgress:
    """Count, rate and time left of the analysis on a terminal (rich); silent otherwise."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.progress: Any = None
        if enabled and total and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                                     TextColumn("{task.fields[rate]} articles/s"), TimeRemainingColumn(),
                                     console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task("analysing", total=total, rate="-")
            self.progress.start()

    def __call__(self, article_id: str) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)
            speed = self.progress.tasks[0].speed
            self.progress.update(self.task, rate=f"{speed:.1f}" if speed else "-")

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def print_analysis(summary: AnalyzeSummary) -> None:
    failed = f", {summary.failed} failed (see the analyses table)" if summary.failed else ""
    cut = f", {summary.cut} cut at max_analysed_chars" if summary.cut else ""
    click.echo(f"analysed {summary.analysed} articles: {summary.mentions} mentions, {summary.statements} statements "
               f"(pack {summary.pack_version}){failed}{cut}")


def analyze_local(settings: Settings, workers: int | None) -> AnalyzeSummary:
    """Analyse the store of ``settings.db``, which must exist (a mistyped ``--db`` is an error)."""
    from ..runner.local import analyze_store, warm_for_store
    from ..runner.work import pipeline_for

    with open_store(settings, readonly=False) as store:
        pipeline = pipeline_for(settings)
        progress = AnalysisProgress(settings.progress, store.count_unanalysed(pipeline.version))
        warm_for_store(store, pipeline)  # before the freeze: what it builds is long-lived
        _freeze_heap()
        try:
            return analyze_store(store, settings=settings, workers=workers, on_article=progress, warm=False)
        finally:
            progress.close()
            _thaw_heap()


def _freeze_heap() -> None:
    """Move what is alive now (the pipeline, the knowledge base, the lexicons: long-lived) out of
    the garbage collector's sight. The analysis allocates words, tokens and records by the
    hundred thousand, and each collection of the oldest generation walked all of it again (about
    6% of the analysis); forked workers also stop copying its pages when the collector touches
    them."""
    import gc

    gc.collect()
    gc.freeze()


def _thaw_heap() -> None:
    """After the analysis: what was frozen is the collector's again (nothing is kept forever)."""
    import gc

    gc.unfreeze()


def workers_option(func: Any) -> Any:
    return click.option("--workers", type=click.IntRange(min=0), default=None,
                        help="Worker processes (setting 'workers'; default one per core; 1: no pool).")(func)


@click.command("analyze")
@workers_option
@common_options
def analyze_command(workers: int | None, settings: Settings) -> None:
    """Analyse what is ingested and not yet analysed with the current pack version."""
    print_analysis(analyze_local(settings, workers))


@click.command("run")
@click.argument("targets", nargs=-1, required=True)
@click.option("--period", type=click.Choice(PERIODS), default="year", show_default=True,
              help="Period of the stance matrix in the report.")
@click.option("--no-report", is_flag=True, help="Only ingest and analyse; print no report.")
@workers_option
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: this machine's worker processes; dask: a Dask cluster (extra 'distributed').")
@click.option("--address", default=None, help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option("--parquet", "parquet_dir", type=click.Path(file_okay=False), default=None,
              help="With --engine dask: keep the Parquet results in this folder (default: a temporary one).")
@common_options
def run_command(targets: tuple[str, ...], period: str, no_report: bool, workers: int | None, engine: str,
                address: str | None, parquet_dir: str | None, settings: Settings) -> None:
    """The main job: ingest TARGETS, analyse them, print the report."""
    if engine == "dask":
        _run_on_dask(list(targets), settings, workers, address, parquet_dir)
    else:
        if workers is not None:  # one pool size for the ingest's map and the analysis
            settings = settings.replace(workers=workers)
        print_summary(ingest_for_run(targets, settings))
        print_analysis(analyze_local(settings, workers))
    if not no_report:
        from ..query.report import render_report

        with open_store(settings) as store:
            click.echo("")
            click.echo(render_report(store, "text", period, packs=settings.packs), nl=False)


def ingest_for_run(targets: tuple[str, ...], settings: Settings) -> IngestSummary:
    """``run``'s ingest: the analysis pipeline is built while ingest's workers prepare (the first
    time the writer would wait on them), not after the ingest, so its build is not a serial step
    of the run. Its analysis forks after the ingest and inherits it."""
    return run_ingest(targets, settings, command="run", while_waiting=lambda: _pipeline_early(settings))


def _pipeline_early(settings: Settings) -> None:
    """Build the pipeline of ``settings`` now; an error is left for the analysis to raise (where
    it was raised before), not the ingest."""
    from ..runner.work import pipeline_for

    try:
        pipeline_for(settings)
    except Exception:  # noqa: BLE001 - raised again, and reported, by the analysis
        log.debug("the pipeline's early build failed; the analysis builds it again", exc_info=True)


def _run_on_dask(targets: list[str], settings: Settings, workers: int | None, address: str | None,
                 parquet_dir: str | None) -> None:
    from ..runner.distributed import load_parquet, run_distributed

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(parquet_dir or tmp)
        counts = run_distributed(targets, out, settings, address=address, workers=workers)
        kept = f"; Parquet in {out}" if parquet_dir else ""
        click.echo(f"distributed: {counts['articles']} articles, {counts['rejections']} rejections, "
                   f"{counts['statements']} statements, {counts['failed']} failed{kept}")
        loaded = load_parquet(out, settings)
    click.echo(f"loaded {loaded['articles']} articles and {loaded['statements']} statements into {settings.db}")


@click.command("load-parquet")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@common_options
def load_parquet_command(folder: str, settings: Settings) -> None:
    """Load the Parquet results of a distributed run (FOLDER with articles/, mentions/,
    statements/) into the database, for the views and the report."""
    from ..runner.distributed import load_parquet

    loaded = load_parquet(Path(folder), settings)
    click.echo(f"loaded {loaded['articles']} articles, {loaded['mentions']} mentions and "
               f"{loaded['statements']} statements into {settings.db}")
