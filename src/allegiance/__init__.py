"""Allegiance: an evidence-linked record of who stands where in Russia's war against Ukraine.

The public API is what ``__all__`` lists; everything else may change between releases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import (
    AllegianceError,
    ExtractionError,
    FetchError,
    InputError,
    PackError,
    SettingsError,
    StoreError,
)
from .ingest import IngestSummary, ingest
from .records import Article, ArticleHints, RawInput, Rejection
from .settings import SETTINGS, Settings, load_settings
from .store import Store

if TYPE_CHECKING:
    from .ingest import read_article
    from .query.export import export_articles

#: Imported on first use, so that ``import allegiance`` (and every command's start) does not
#: load the HTML extractor, the HTTP client and the feed and archive readers.
_LAZY = {"read_article": ".ingest", "export_articles": ".query.export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "AllegianceError",
    "Article",
    "ArticleHints",
    "ExtractionError",
    "FetchError",
    "IngestSummary",
    "InputError",
    "PackError",
    "RawInput",
    "Rejection",
    "SETTINGS",
    "Settings",
    "SettingsError",
    "Store",
    "StoreError",
    "__version__",
    "export_articles",
    "ingest",
    "load_settings",
    "read_article",
]
