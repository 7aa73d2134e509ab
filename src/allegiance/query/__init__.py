"""Reading the store back: exports and views."""

from .export import EXPORT_FORMATS, export_articles

__all__ = ["EXPORT_FORMATS", "export_articles"]
