"""Metadata fields of a structured input (a JSON Lines record, a Parquet row) read by their
expected types.

A field of the wrong type is never turned into its Python text (``"['a', 'b']"``, ``"{'u': 1}"``):
a URL or a title must be a string, or it is left out; authors given as a list of strings are
joined with commas; a source given as a list is its first string; a publication date may also be
a number (a Unix time in seconds, milliseconds, microseconds or nanoseconds, or ``20230415``),
kept as the digits given and read by :func:`allegiance.ingest.dates.parse_date`, or a date or
datetime (a Parquet timestamp); an id may be a string or a whole number. Nothing is left out
silently: each field left out is logged as a warning and named in the hints' ``notes``, which
the article keeps in its ``ingest_note``.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from typing import Any

from ..records import ArticleHints

__all__ = ["hints_from_record", "record_id", "type_name"]

log = logging.getLogger(__name__)

HINT_FIELDS = ("url", "title", "published", "source", "author")
#: other names a dump may give a field under (a feed's ``link`` and ``pubDate``, schema.org's
#: ``headline`` and ``datePublished``), read when the field's own name is absent
ALSO_NAMED = {"url": ("link",), "title": ("headline",),
              "published": ("date", "pubDate", "datePublished", "published_at", "publishedAt", "publication_date")}


def type_name(value: Any) -> str:
    """The JSON name of a value's type, as a user wrote it ("an object", not ``_Object``)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"


def _strings(value: list[Any]) -> list[str]:
    return [v.strip() for v in value if isinstance(v, str) and v.strip()]


def _number_text(value: int | float) -> str:
    """A number as the digits it was given in: ``1700000000``, ``20230415``, ``1700000000.5``."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    return str(value) if isinstance(value, int) else repr(value)


def _field(record: dict[str, Any], name: str) -> tuple[str | None, str | None]:
    """The field's text (under its name, else under one it is :data:`ALSO_NAMED`), and why it was
    left out (``None`` when it was read or absent)."""
    value = record.get(name)
    if name not in record:
        name, value = next(((k, record[k]) for k in ALSO_NAMED.get(name, ()) if k in record), (name, None))
    if value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip()):
        return None, None  # no value, rather than a wrong one
    if isinstance(value, str):
        return value.strip(), None
    if name == "author" and isinstance(value, list) and _strings(value):
        return ", ".join(_strings(value)), None
    if name == "source" and isinstance(value, list) and _strings(value):
        return _strings(value)[0], None
    if name == "published" and isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value), None  # the date is read, and the raw value kept, as for a string
    if name == "published" and isinstance(value, dt.date):  # a datetime is a date too
        return value.isoformat(), None
    return None, f"{name!r} is {type_name(value)}, not text"


def record_id(record: dict[str, Any], where: str, notes: list[str] | None = None) -> str | None:
    """The record's ``id`` as text: a string or a whole number (``0`` too); another type is left out
    (the article is then known by its content hash) and named in ``notes``."""
    value = record.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) \
            and float(value).is_integer():
        return str(int(value))
    reason = f"'id' is {type_name(value)}, not text or a whole number"
    log.warning("%s: %s: left out", where, reason)
    if notes is not None:
        notes.append(reason)
    return None


def hints_from_record(record: dict[str, Any], where: str, notes: list[str] | None = None) -> ArticleHints:
    """The hints of one record (``url``, ``title``, ``published``, ``source``, ``author``); what is
    left out is logged, named in the hints' ``notes`` with ``notes`` (the record's other findings)
    before them."""
    found: list[str] = list(notes or [])
    values: list[str | None] = []
    for name in HINT_FIELDS:
        value, reason = _field(record, name)
        if reason:
            log.warning("%s: %s: left out", where, reason)
            found.append(reason)
        values.append(value)
    url, title, published, source, author = values
    return ArticleHints(url=url, title=title, published=published, source=source, author=author, notes=tuple(found))
