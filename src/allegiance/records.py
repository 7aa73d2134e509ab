"""Typed, frozen records that flow from ingest to the store."""

from __future__ import annotations

import dataclasses
from typing import Literal

__all__ = ["Article", "ArticleHints", "RawInput", "Rejection", "InputKind"]

InputKind = Literal["text", "html", "feed", "jsonl", "warc", "urls", "auto"]


@dataclasses.dataclass(frozen=True)
class ArticleHints:
    """Metadata an input carries beside its content (a JSON Lines record, a feed entry, a WARC header);
    ``notes`` names the fields the input gave that could not be read (``'title' is a number, not
    text``), kept in the article's ``ingest_note``."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    author: str | None = None
    notes: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class RawInput:
    """One article's worth of undecoded content, with where it came from.

    ``origin`` identifies the input uniquely and stably (a resolved path, ``path#L3`` for a JSON
    Lines record, ``path#record-uri`` for a WARC record, a URL); re-ingesting the same origin is
    a no-op. ``file_name`` is set for file inputs and becomes the export id. ``note`` says what
    a reader should know of the content (``feed_summary_only: ...``), kept in ``ingest_note``.
    """

    origin: str
    kind: InputKind
    data: bytes
    file_name: str | None = None
    hints: ArticleHints = ArticleHints()
    declared_encoding: str | None = None
    note: str | None = None  # what the reader of the input knows of its content, for ``ingest_note``
    text_too: bytes | None = None  # a record's text given beside its ``html``: read where the page gives less


@dataclasses.dataclass(frozen=True)
class Article:
    """An ingested article: cleaned text plus metadata. ``id`` is a hash of the normalised text.

    How faithful the text is to its input: ``decode_replacements`` counts the bytes that could not
    be decoded (replaced by U+FFFD) or were dropped (NUL); ``chrome_dropped_share`` is the share of
    non-blank lines removed as page chrome; ``ingest_note`` names what a reader should know (see
    ``docs/errors.md``: ``chrome_over_limit``, ``extraction_dropped_text: ...``, ``metadata_left_out: ...``,
    joined by `` | ``), ``None`` when nothing."""

    id: str
    text: str
    origin: str
    kind: InputKind
    file_name: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site: str | None = None
    source: str | None = None
    language: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    encoding: str | None = None
    removed_lines: int = 0
    decode_replacements: int = 0
    chrome_dropped_share: float = 0.0
    ingest_note: str | None = None
    published_raw: str | None = None  # the date as the input gave it, kept apart from the checked one
    date_source: str | None = None  # where ``published`` came from: declared, html, url, text, archive


@dataclasses.dataclass(frozen=True)
class Rejection:
    """An input that could not become an article, with a stable reason code."""

    origin: str
    code: str
    message: str
