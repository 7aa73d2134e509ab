"""Allegiance: an evidence-linked record of who stands where in Russia's war against Ukraine.

The public API is what ``__all__`` lists; everything else may change between releases.
"""

from __future__ import annotations

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
from .ingest import IngestSummary, ingest, read_article
from .query.export import export_articles
from .records import Article, ArticleHints, RawInput, Rejection
from .settings import SETTINGS, Settings, load_settings
from .store import Store

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
