"""JSON Lines, and JSON documents, to :class:`RawInput` items (or :class:`Rejection` for what
cannot be read).

One JSON object a line is one article. A line that holds a list of objects gives each of them
(``path#L3.1``, ``path#L3.2``). A file whose first line is no JSON value but opens one (``{`` or
``[``) is read as a JSON document: a pretty-printed object, a list of objects, or several of
either one after another (``path#L<line it starts on>``); it is read whole, up to ``max_bytes``,
and read line by line as JSON Lines where it is larger or where its first value is no JSON
either. Nothing is stringified or guessed: a record's fields are read by their types
(:mod:`.hints`), and each record that cannot be read is a rejection with its line."""

from __future__ import annotations

import itertools
import json
import logging
import re
import typing
from collections.abc import Iterator

from ..records import RawInput, Rejection
from ..settings import Settings
from .hints import hints_from_record, record_id, type_name

__all__ = ["jsonl_inputs"]

log = logging.getLogger(__name__)

Item = RawInput | Rejection
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BLANK = re.compile(r"[ \t\r\n]*")


def _utf8(text: str) -> bytes:
    """UTF-8 of a decoded JSON string; a lone surrogate (valid JSON, not valid Unicode) becomes U+FFFD."""
    return _SURROGATES.sub("\ufffd", text).encode("utf-8")


def _records(lines: Iterator[bytes]) -> Iterator[bytes]:
    """JSON Lines records: lines, with a line that holds lone carriage returns (the line end of
    old Mac files) split at them. JSON text never holds a raw CR, so no record is cut."""
    for line in lines:
        body = line.rstrip(b"\r\n")
        if b"\r" in body:
            yield from body.split(b"\r")
        else:
            yield line


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object, with the first key it names twice (json keeps the last value silently)."""

    twice: str | None = None


def _object(pairs: list[tuple[str, typing.Any]]) -> _Object:
    record = _Object()
    for key, value in pairs:
        if key in record and record.twice is None:
            record.twice = key
        record[key] = value
    return record


class _Reader:
    """The records of one input, with the ids seen so far (a second record of an id gets ``@2``)."""

    def __init__(self, origin: str, settings: Settings) -> None:
        self.origin, self.settings = origin, settings
        self.ids: dict[str, int] = {}

    def line(self, number: int, line: bytes) -> Iterator[Item]:
        where = f"{self.origin}#L{number}"
        if len(line) > self.settings.max_bytes:
            yield Rejection(where, "too_large", f"line {number} is over the limit of {self.settings.max_bytes} bytes")
            return
        try:
            value = json.loads(line, object_pairs_hook=_object)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Rejection(where, "malformed", f"line {number} is not JSON: {exc}")
            return
        except RecursionError:  # arrays or objects nested thousands deep: the decoder's stack runs out
            yield Rejection(where, "malformed", f"line {number} nests its JSON too deeply to be read")
            return
        yield from self.value(number, value)

    def value(self, number: int, value: typing.Any) -> Iterator[Item]:
        """The records of the JSON value that starts on line ``number``: an object, or a list of them
        (a list that holds no object is one rejection)."""
        if isinstance(value, list) and not any(isinstance(item, dict) for item in value):
            yield Rejection(f"{self.origin}#L{number}", "empty" if not value else "malformed",
                            f"line {number} is {'an empty list' if not value else 'a list'}, not a JSON object")
        elif isinstance(value, list):
            for k, item in enumerate(value, 1):
                yield from self.record(f"{self.origin}#L{number}.{k}", f"line {number} item {k}", item)
        else:
            yield from self.record(f"{self.origin}#L{number}", f"line {number}", value)

    def record(self, where: str, label: str, record: typing.Any) -> Iterator[Item]:
        if not isinstance(record, dict):
            yield Rejection(where, "malformed", f"{label} is not a JSON object")
            return
        if isinstance(record, _Object) and record.twice is not None:  # which value is meant is unknown
            yield Rejection(where, "malformed", f"{label} names {record.twice!r} twice")
            return
        html, text = record.get("html"), record.get("text")
        body, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
        if not isinstance(body, str) or not body.strip():
            wrong = [f"{k!r} is {type_name(v) if not isinstance(v, str) else 'blank'}"
                     for k, v in (("html", html), ("text", text)) if v is not None]
            keys = ", ".join(repr(k) for k in list(record)[:8]) or "none"
            reason = f"no text: {', '.join(wrong)}" if wrong else f"no 'text' or 'html' (its keys: {keys})"
            yield Rejection(where, "empty", f"{label} has {reason}")
            return
        notes: list[str] = []
        name = self._name(record, where, notes)
        hints = hints_from_record(record, where, notes)
        also = _utf8(text) if kind == "html" and isinstance(text, str) and text.strip() else None
        yield RawInput(where, kind, _utf8(body), file_name=name, hints=hints, declared_encoding="utf-8",  # type: ignore[arg-type]
                       text_too=also)

    def _name(self, record: dict[str, typing.Any], where: str, notes: list[str]) -> str | None:
        """The record's id, made unique in this input (``x``, ``x@2``, ``x@3``) and said so."""
        name = record_id(record, where, notes)
        if name is None:
            return None
        seen = self.ids.get(name, 0)
        self.ids[name] = seen + 1
        if not seen:
            return name
        unique, n = f"{name}@{seen + 1}", seen + 1
        while unique in self.ids:  # an id the input gives as such ("x@2") is not taken twice either
            n += 1
            unique = f"{name}@{n}"
        self.ids[name], self.ids[unique] = n, 1
        log.warning("%s: the id %r came before in this input: stored as %r", where, name, unique)
        notes.append(f"'id' {name!r} (an earlier record's) as given: stored as {unique!r}")
        return unique


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        return False
    return True


def jsonl_inputs(lines: Iterator[bytes], origin: str, settings: Settings) -> Iterator[Item]:
    """The records of JSON Lines (or of a JSON document, see the module's description)."""
    reader = _Reader(origin, settings)
    numbered = enumerate(_records(lines), 1)
    first = True
    for number, line in numbered:
        if not line.strip():
            continue
        if first and line.lstrip(b"\xef\xbb\xbf \t")[:1] in (b"{", b"[") and len(line) <= settings.max_bytes \
                and not _is_json(line):
            yield from _document(reader, number, line, numbered)
            return
        first = False
        yield from reader.line(number, line)


def _document(reader: _Reader, number: int, line: bytes, numbered: Iterator[tuple[int, bytes]]) -> Iterator[Item]:
    """The records of a JSON document whose first line is ``line`` (line ``number``); read as JSON
    Lines where it is over ``max_bytes`` or its first value is no JSON."""
    held, size = [(number, line)], len(line)
    for later in numbered:
        held.append(later)
        size += len(later[1])
        if size > reader.settings.max_bytes:
            for n, text in itertools.chain(held, numbered):
                if text.strip():
                    yield from reader.line(n, text)
            return
    try:
        doc = b"\n".join(text.rstrip(b"\r\n") for _, text in held).decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        doc = ""
    values, problem, at = _values(doc, number)
    if not values:
        for n, text in held:
            if text.strip():
                yield from reader.line(n, text)
        return
    for start, value in values:
        yield from reader.value(start, value)
    if problem is not None:
        yield Rejection(f"{reader.origin}#L{at}", "malformed",
                        f"line {at}: the JSON document is broken after the records before it ({problem}); "
                        "the rest is not read")


def _values(doc: str, number: int) -> tuple[list[tuple[int, typing.Any]], str | None, int]:
    """The JSON values of ``doc`` one after another, each with the line it starts on (the first is
    line ``number``); and where it is broken, why and on which line."""
    decoder = json.JSONDecoder(object_pairs_hook=_object)
    values: list[tuple[int, typing.Any]] = []
    pos, line, counted = _BLANK.match(doc, 0).end(), number, 0  # type: ignore[union-attr]
    while pos < len(doc):
        line += doc.count("\n", counted, pos)
        counted = pos
        try:
            value, end = decoder.raw_decode(doc, pos)
        except json.JSONDecodeError as exc:
            return values, str(exc), line
        except RecursionError:
            return values, "it nests too deeply to be read", line
        values.append((line, value))
        pos = _BLANK.match(doc, end).end()  # type: ignore[union-attr]
    return values, None, line
