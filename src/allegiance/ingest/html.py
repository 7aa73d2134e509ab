"""Main text and metadata out of HTML pages, with trafilatura (which uses htmldate for dates)."""

from __future__ import annotations

import dataclasses
import logging
from urllib.parse import urlsplit

import trafilatura
from lxml import etree

from ..errors import ExtractionError

__all__ = ["PageContent", "extract_page"]

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class PageContent:
    text: str
    title: str | None
    author: str | None
    published: str | None
    site: str | None
    language: str | None
    canonical_url: str | None


def extract_page(html: str, url: str | None = None) -> PageContent:
    """Extract the main text (no comments, tables kept) and metadata of one HTML page.

    Raises :class:`ExtractionError` when the page has no main text or cannot be parsed.
    """
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False,
        )
    except (etree.LxmlError, ValueError, RecursionError) as exc:  # hostile or broken markup
        raise ExtractionError(f"the HTML could not be parsed: {exc}") from exc
    if doc is None:
        raise ExtractionError("no main text found in the page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise ExtractionError("no main text found in the page")
    canonical = data.get("url") or url
    site = data.get("sitename") or data.get("hostname")
    if not site and canonical:
        site = urlsplit(canonical).hostname
    return PageContent(
        text=text,
        title=data.get("title") or None,
        author=data.get("author") or None,
        published=data.get("date") or None,
        site=site or None,
        language=data.get("language") or None,
        canonical_url=canonical or None,
    )
