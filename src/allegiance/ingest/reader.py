"""One raw input to one :class:`Article`: decode, extract (HTML) or clean (scraped text),
normalise, identify the language, hash."""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

from ..errors import InputError
from ..records import Article, RawInput
from ..settings import Settings
from .chrome import remove_chrome
from .dates import publication_date
from .decode import decode_bytes, normalise_text
from .dedup import article_id
from .html import extract_page
from .language import identify_language

__all__ = ["read_article"]

log = logging.getLogger(__name__)

_SOURCE_LINE = re.compile(r"^\s*(?:source|источник|джерело)\s*:\s*([^\s(][^(\n]{0,80}?)(?:\.\s|\s*\(|\s*$)",
                          re.I | re.M)


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def read_article(raw: RawInput, settings: Settings) -> Article:
    """Read one input; raise :class:`InputError` (with a rejection code) when it holds no article."""
    if not raw.data.strip():
        raise InputError("the input is empty", code="empty")
    if len(raw.data) > settings.max_bytes:
        raise InputError(f"the input is over the limit of {settings.max_bytes} bytes", code="too_large")
    decoded, encoding = decode_bytes(raw.data, declared=raw.declared_encoding, html=raw.kind == "html")
    decoded = normalise_text(decoded)
    hints = raw.hints
    title = hints.title
    author = hints.author
    url = hints.url
    canonical = None
    site = _site_of(url)
    removed = 0
    page_date = archive_date = None
    if raw.kind == "html":
        page = extract_page(decoded, url=url)
        text = normalise_text(page.text)
        title = title or page.title
        author = author or page.author
        page_date = page.published
        canonical = page.canonical_url
        site = site or page.site
    else:
        cleaned = remove_chrome(decoded)
        text = cleaned.text
        removed = len(cleaned.removed)
        archive_date = cleaned.archive_date
        if title is None:
            first = next((line.strip() for line in text.split("\n") if line.strip()), "")
            title = first[:200] if 0 < len(first) <= 200 else None
    if len(text.strip()) < max(1, settings.min_text_chars):
        raise InputError("no article text is left after removing page chrome", code="empty")
    date = publication_date(declared=hints.published, html=page_date, archive=archive_date, url=url or canonical,
                            text=text if raw.kind == "html" else decoded)  # a dateline may look like chrome
    source = hints.source or (site if raw.kind == "html" else None)
    if source is None and (m := _SOURCE_LINE.search(text[-600:])):
        source = m.group(1)
    source = source or settings.default_source.strip() or None
    return Article(
        id=article_id(text), text=text, origin=raw.origin, kind=raw.kind, file_name=raw.file_name,
        title=title, author=author, published=date.value, site=site or source, source=source or site,
        language=identify_language(text), url=url, canonical_url=canonical, encoding=encoding,
        removed_lines=removed, published_raw=date.raw, date_source=date.source,
    )
