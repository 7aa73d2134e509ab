"""Stage 1: reading articles as people have them (files, folders, URLs, feeds, WARCs, JSON Lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pipeline import IngestSummary, ingest, prepare

if TYPE_CHECKING:
    from .reader import read_article
    from .sources import iter_inputs

__all__ = ["IngestSummary", "ingest", "iter_inputs", "prepare", "read_article"]


def __getattr__(name: str) -> Any:
    """The readers load the HTML extractor, the HTTP client and the feed and archive parsers:
    imported on first use."""
    if name == "read_article":
        from .reader import read_article

        return read_article
    if name == "iter_inputs":
        from .sources import iter_inputs

        return iter_inputs
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
