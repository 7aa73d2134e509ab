"""Metadata fields of a structured input (a JSON Lines record) read by their expected types.

A field of the wrong type is never turned into its Python text (``"['a', 'b']"``, ``"{'u': 1}"``):
a URL or a title must be a string, or it is left out; authors given as a list of strings are
joined with commas; a source given as a list is its first string; a publication date may also be
a Unix time (read as a date). What is left out is logged.
"""

from __future__ import annotations

import logging
from typing import Any

from ..records import ArticleHints

__all__ = ["hints_from_record"]

log = logging.getLogger(__name__)


def _strings(value: list[Any]) -> list[str]:
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _field(record: dict[str, Any], name: str, where: str) -> str | None:
    value = record.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    if name == "author" and isinstance(value, list) and _strings(value):
        return ", ".join(_strings(value))
    if name == "source" and isinstance(value, list) and _strings(value):
        return _strings(value)[0]
    if name == "published" and isinstance(value, int | float) and not isinstance(value, bool):
        from .dates import parse_date

        return parse_date(value)
    log.warning("%s: %r is a %s, not text: left out", where, name, type(value).__name__)
    return None


def hints_from_record(record: dict[str, Any], where: str) -> ArticleHints:
    """The hints of one JSON Lines record (``url``, ``title``, ``published``, ``source``, ``author``)."""
    return ArticleHints(*(_field(record, k, where) for k in ("url", "title", "published", "source", "author")))
