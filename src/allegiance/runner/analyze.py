"""Running the analysis stage over a store: the map over articles, then the writes."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from ..nlp.doc import Doc
from ..nlp.pipeline import Pipeline, default_pipeline
from ..settings import Settings
from ..store.aggregates import aggregates_fresh, rebuild_stance_aggregates
from ..store.db import Store

__all__ = ["AnalyzeSummary", "analyze_store"]

log = logging.getLogger(__name__)


@dataclasses.dataclass
class AnalyzeSummary:
    analysed: int = 0
    mentions: int = 0
    statements: int = 0
    failed: int = 0
    pack_version: str = ""


def analyze_store(store: Store, pipeline: Pipeline | None = None,
                  on_article: Callable[[str], None] | None = None, settings: Settings | None = None) -> AnalyzeSummary:
    """Analyse every article not yet analysed with this pack version; store the layers."""
    pipeline = pipeline or default_pipeline(settings=settings)
    summary = AnalyzeSummary(pack_version=pipeline.version)
    for row in store.unanalysed(pipeline.version):
        try:
            doc = pipeline(Doc(row["id"], row["text"], row["language"], row["published"]))
        except Exception as exc:  # one article's failure is recorded; the run goes on
            log.exception("analysis failed on article %s", row["id"])
            with store.transaction():
                store.record_analysis_error(row["id"], pipeline.version, f"{type(exc).__name__}: {exc}")
            summary.failed += 1
            continue
        with store.transaction():
            store.replace_analysis(doc, pipeline.version)
        summary.analysed += 1
        summary.mentions += len(doc.mentions)
        summary.statements += len(doc.statements)
        if on_article is not None:
            on_article(doc.id)
    if not aggregates_fresh(store.db):
        with store.transaction() as db:
            rebuild_stance_aggregates(db)
    return summary
