"""One raw input to one :class:`Article`: decode, extract (HTML) or clean (scraped text),
normalise, identify the language, hash."""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..kb.langdata import pack_data, pack_folders
from ..records import Article, RawInput
from ..sanitize import FIELD_LIMITS, clean_field
from ..settings import Settings
from .chrome import load_chrome_lexicon, remove_chrome
from .dates import publication_date
from .decode import decode_text, normalise_text
from .dedup import article_id
from .language import identify_language

__all__ = ["read_article"]

log = logging.getLogger(__name__)



@functools.lru_cache(maxsize=8)
def _source_line(folders: tuple[Path, ...]) -> re.Pattern[str]:
    """A line "Source: <name>" (the labels are ``chrome.toml`` ``source_labels``, in every language)."""
    labels = "|".join(re.escape(str(w)) for w in pack_data("chrome.toml", folders).get("source_labels", [])) or r"(?!)"
    return re.compile(r"^\s*(?:" + labels + r")\s*:\s*([^\s(][^(\n]{0,80}?)(?:\.\s|\s*\(|\s*$)", re.I | re.M)


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:  # a malformed URL in metadata ("http://[::1") names no site
        return None
    return host[4:] if host and host.startswith("www.") else host


def _cleaned(article: Article) -> Article:
    """Every metadata field of ``article`` cleaned for storage and display (:mod:`allegiance.sanitize`)."""
    fields: dict[str, Any] = {name: clean_field(getattr(article, name), limit) for name, limit in FIELD_LIMITS.items()}
    fields["url"] = fields["url"] and fields["url"].replace(" ", "%20")
    canonical = clean_field(article.canonical_url, FIELD_LIMITS["url"])
    return dataclasses.replace(article, canonical_url=canonical and canonical.replace(" ", "%20"), **fields)


def read_article(raw: RawInput, settings: Settings) -> Article:
    """Read one input; raise :class:`InputError` (with a rejection code) when it holds no article."""
    if not raw.data.strip():
        raise InputError("the input is empty", code="empty")
    if len(raw.data) > settings.max_bytes:
        raise InputError(f"the input is over the limit of {settings.max_bytes} bytes", code="too_large")
    decoded = decode_text(raw.data, declared=raw.declared_encoding, html=raw.kind == "html")
    full = normalise_text(decoded.text)
    folders = pack_folders(settings.packs)
    text, meta = _text_or_given_text(raw, full, folders)
    if len(text.strip()) < max(1, settings.min_text_chars):
        raise InputError("no article text is left after removing page chrome", code="empty")
    date = publication_date(declared=raw.hints.published, html=meta.pop("page_date"), archive=meta.pop("archive_date"),
                            url=meta["url"] or meta["canonical_url"],
                            text=text if raw.kind == "html" else full)  # a dateline may look like chrome
    source = meta.pop("source") or (meta["site"] if raw.kind == "html" else None)
    if source is None and (m := _source_line(folders).search(text[-600:])):
        source = m.group(1)
    source = source or settings.default_source.strip() or None
    site = meta.pop("site")
    note = _ingest_note(raw, meta.pop("note"), date.raw if date.source != "declared" else None)
    if decoded.replaced:
        log.info("%s: %d bytes could not be decoded as %s", raw.origin, decoded.replaced, decoded.encoding)
    return _cleaned(Article(
        id=article_id(text), text=text, origin=raw.origin, kind=raw.kind, file_name=raw.file_name,
        site=site or source, source=source or site, language=identify_language(text),
        encoding=decoded.encoding, decode_replacements=decoded.replaced, ingest_note=note,
        published=date.value, published_raw=clean_field(date.raw, 200), date_source=date.source, **meta,
    ))


def _ingest_note(raw: RawInput, note: str | None, unread_date: str | None) -> str | None:
    """The article's ``ingest_note``: what the input's reader knew of it (``raw.note``), what ingest
    found about its text (``note``), then the metadata
    the input gave that could not be read (``metadata_left_out: ...``), a declared date that names
    no day among them (logged as a warning here; the fields of the wrong type were logged when read)."""
    left_out = list(raw.hints.notes)
    if unread_date is not None:
        log.warning("%s: the declared date %r names no day between 1990 and tomorrow: not used", raw.origin,
                    unread_date[:80])
        left_out.append(f"'published' {unread_date[:80]!r} names no day")
    parts = [n for n in (raw.note, note) if n] + ([f"metadata_left_out: {'; '.join(left_out)}"] if left_out else [])
    return " | ".join(parts) or None


#: the page's metadata that stands where a record's own text is read instead of the page's
_PAGE_FIELDS = ("title", "author", "page_date", "canonical_url", "site")


def _text_or_given_text(raw: RawInput, decoded: str, folders: tuple[Path, ...]) -> tuple[str, dict[str, Any]]:
    """:func:`_text_and_metadata`; for a record that gives its ``text`` beside its ``html``, that
    text where the page's main text is under half as long (a teaser, a navigation bar, a page that
    scripts fill) or there is none, with the page's metadata, and a note saying so."""
    if raw.text_too is None:
        return _text_and_metadata(raw, decoded, folders)
    try:
        text, page = _text_and_metadata(raw, decoded, folders)
    except InputError:
        text, page = "", {}
    given = normalise_text(decode_text(raw.text_too, declared="utf-8").text)
    if len(text.strip()) >= len(given.strip()) / 2:
        return text, page
    own, meta = _text_and_metadata(dataclasses.replace(raw, kind="text", data=raw.text_too), given, folders)
    for name in _PAGE_FIELDS:
        meta[name] = page.get(name) or meta.get(name)
    used = (f"json_text_used: the page's main text ({len(text.strip())} characters) is under half the "
            f"record's 'text' ({len(given.strip())}), which is stored")
    log.warning("%s: %s", raw.origin, used)
    meta["note"] = f"{meta['note']} | {used}" if meta.get("note") else used
    return own, meta


def _text_and_metadata(raw: RawInput, decoded: str, folders: tuple[Path, ...]) -> tuple[str, dict[str, Any]]:
    """The article text of a decoded input, and its metadata (hints first, then the page's own);
    the date candidates (``page_date``, ``archive_date``) are checked by :func:`publication_date`."""
    hints = raw.hints
    meta: dict[str, Any] = {"title": hints.title, "author": hints.author, "page_date": None, "archive_date": None,
                            "url": hints.url, "canonical_url": None, "site": _site_of(hints.url),
                            "source": hints.source, "note": None}
    if raw.kind == "html":
        from .html import extract_page  # lxml's import on the first page: a run of texts never needs it

        page = extract_page(decoded, url=meta["url"])
        meta.update(title=meta["title"] or page.title, author=meta["author"] or page.author,
                    page_date=page.published, canonical_url=page.canonical_url, site=meta["site"] or page.site)
        if page.dropped_share:  # the extraction left out most of the page's paragraph text: never silently
            meta["note"] = f"extraction_dropped_text: {100 * page.dropped_share:.0f}% of the page's paragraph text"
            log.warning("%s: the main-text extraction left out %.0f%% of the page's paragraph-like text",
                        raw.origin, 100 * page.dropped_share)
        return normalise_text(page.text), meta
    cleaned = remove_chrome(decoded, load_chrome_lexicon(folders=folders))
    text = cleaned.text
    meta.update(removed_lines=len(cleaned.removed), chrome_dropped_share=cleaned.dropped_share,
                archive_date=cleaned.archive_date)
    if cleaned.flagged:
        meta["note"] = "chrome_over_limit"
        log.warning("%s: much of its text was removed as page chrome (%.0f%% of its lines)", raw.origin,
                    100 * cleaned.dropped_share)
    if meta["title"] is None:
        first = next((line.strip() for line in text.split("\n") if line.strip()), "")
        meta["title"] = first[:200] if 0 < len(first) <= 200 else None
    return text, meta
