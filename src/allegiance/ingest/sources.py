"""Turning what the user names (files, folders, URLs, URL lists, feeds, WARCs, JSON Lines,
standard input) into a stream of :class:`RawInput` items, or :class:`Rejection` for what
cannot be read. Nothing here decodes article text; :mod:`allegiance.ingest.reader` does."""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import html as html_module
import io
import logging
import re
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import AllegianceError, InputError
from ..records import ArticleHints, InputKind, RawInput, Rejection
from ..settings import Settings
from .jsonl import jsonl_inputs as _jsonl_inputs

if typing.TYPE_CHECKING:
    from .fetch import Fetcher

__all__ = ["iter_inputs", "sniff_kind", "is_url", "storable_origin", "unique_origin"]

log = logging.getLogger(__name__)

_EXTENSIONS: dict[str, InputKind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",  # a JSON document is read by the same reader
    ".warc": "warc", ".warc.gz": "warc", ".wet": "warc",  # a WET file: a WARC of conversion records
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".urls": "urls",
}
_URL = re.compile(r"^https?://\S+$", re.I)
#: a line that is one URL of any scheme (``file:///x``, ``javascript:x``, ``ftp://x``)
_ANY_URL = re.compile(r"^[a-z][a-z0-9+.-]*:\S+$", re.I)
_TAGS = re.compile(r"<[^>]+>")

Item = RawInput | Rejection


def is_url(target: str) -> bool:
    return bool(_URL.match(target.strip()))


#: Compressed or archive extensions of two parts, which ``Path.suffix`` would read as ``.gz``.
_DOUBLE_EXTENSIONS = (".warc.gz", ".tar.gz")
_GZIP_MAGIC = b"\x1f\x8b"


def _extension(path: Path) -> str:
    name = path.name.lower()
    return next((ext for ext in _DOUBLE_EXTENSIONS if name.endswith(ext)), path.suffix.lower())


def _starts_warc(head: bytes) -> bool:
    """The first bytes of a file open a WARC record (after a byte-order mark and blank space)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:5].lower() == b"warc/"


def sniff_kind(data: bytes) -> InputKind:
    """Guess what bytes hold when no extension or content type says."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if _starts_warc(head) or data[:2] == _GZIP_MAGIC:
        return "warc"
    if head.startswith(b"<"):
        if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head[:1024]):
            return "feed"
        return "html"
    if head.startswith(b"{") or re.match(rb"\[\s*\{", head):  # JSON Lines, or a JSON list of objects
        return "jsonl"
    lines = [x.strip() for x in data[:65536].removeprefix(codecs.BOM_UTF8).splitlines()
             if x.strip() and not x.lstrip().startswith(b"#")]
    shown = [x.decode("utf-8", "replace") for x in lines[:200]]
    if shown and all(_ANY_URL.match(x) for x in shown) and any(_URL.match(x) for x in shown):
        return "urls"  # a list with a file:, ftp: or javascript: line too is a list: that line is refused
    return "text"


def _wide_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16 when ``head`` opens with its byte-order mark."""
    if head[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return "utf-32"
    return "utf-16" if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else None


def _wide_lines(handle: BinaryIO, encoding: str, limit: int) -> Iterator[bytes]:
    """The lines of UTF-16 or UTF-32 text (JSON Lines saved by a Windows editor), as UTF-8, each
    bounded as :func:`_bounded_lines` bounds them (split on the bytes 0x0A, they would be broken)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    pending, skipping = "", False
    while True:
        chunk = handle.read(1 << 20)
        pending += decoder.decode(chunk, final=not chunk)
        *whole, pending = pending.split("\n")
        for line in whole:
            if skipping:  # the rest of a line over the limit
                skipping = False
                continue
            yield (line + "\n").encode("utf-8")
        if skipping:
            pending = ""
        elif len(pending) > limit:
            yield pending[: limit + 1].encode("utf-8")
            pending, skipping = "", True
        if not chunk:
            break
    if pending:
        yield pending.encode("utf-8")


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes]:
    """Lines of ``handle``, each read with at most ``limit + 1`` bytes held: a longer line is given
    cut (so the reader rejects it as too large) and the rest of it skipped unread into memory.
    UTF-16 or UTF-32 text (known by its byte-order mark) is given as UTF-8 lines."""
    peek = getattr(handle, "peek", None)
    encoding = _wide_encoding(peek(4)[:4]) if peek is not None else None
    if encoding is not None:
        yield from _wide_lines(handle, encoding, limit)
        return
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
        yield line


def storable_origin(origin: str) -> str:
    """``origin`` as text the store can hold: a file name that is not valid UTF-8 (Python gives its
    bytes as lone surrogates) is written with a backslash escape per byte (``\\xff``), the same
    name each time, so that it is stored (and found again on a second run) instead of failing."""
    try:
        origin.encode("utf-8")
        return origin
    except UnicodeEncodeError:
        try:
            return origin.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate no file name gives (from JSON, say)
            return origin.encode("utf-8", "backslashreplace").decode("utf-8")


def unique_origin(where: str, seen: set[str], position: int) -> str:
    """``where``, or, when an earlier item of the same input had it (two feed entries with one
    guid, two WARC records with one id), ``where`` and the item's position: the store keys inputs
    by origin, and the second item would be taken as already stored and silently left out."""
    if where in seen:
        where = f"{where}@{position}"
    seen.add(where)
    return where


def _read_capped(path: Path, cap: int) -> bytes:
    size = path.stat().st_size
    if size > cap:
        raise InputError(f"{path.name} is {size} bytes, over the limit of {cap}", code="too_large")
    return path.read_bytes()


def _feed_inputs(data: bytes, origin: str, settings: Settings, fetcher: _LazyFetcher) -> Iterator[Item]:
    import feedparser  # imported on first use, as the HTTP client and the WARC reader are

    feed = feedparser.parse(data)
    if not any(e.get("link") or e.get("content") or e.get("summary") for e in feed.entries):
        reason = str(feed.get("bozo_exception", "no entries"))
        yield Rejection(origin, "malformed", f"the feed has no readable entries: {reason}")
        return
    seen: set[str] = set()
    for i, entry in enumerate(feed.entries):  # an entry with nothing to read is a rejection, not left out
        link = entry.get("link")
        where = unique_origin(f"{origin}#{entry.get('id') or link or i}", seen, i)
        content = _entry_text(entry)
        hints = ArticleHints(url=link, title=entry.get("title"),
                             published=entry.get("published") or entry.get("updated"),
                             source=feed.feed.get("title"), author=entry.get("author"))
        if content and (len(_TAGS.sub("", content).split()) >= 50 or not (link and is_url(link))):
            # a short text with no page to fetch is all the entry says: stored, not dropped
            yield _entry_page(where, content, hints)
        elif link and is_url(link):
            for item in _url_inputs(link, settings, fetcher, hints=hints):
                yield item
                if isinstance(item, Rejection) and content and _TAGS.sub("", content).strip():
                    # the page cannot be had (offline, gone): the entry's own text is kept, and said so
                    yield _entry_page(where, content, hints, f"feed_summary_only: the page could not be fetched "
                                                             f"({item.code}); the feed entry's text is stored")
        else:
            title = f" (only its title: {entry['title'][:80]!r})" if entry.get("title") else ""
            yield Rejection(where, "empty", f"the feed entry has neither content nor a link{title}")
    problem = str(feed.get("bozo_exception", ""))
    if any(cut in problem for cut in _CUT_OFF):  # the entries the loose parser got are stored: the rest is lost
        yield Rejection(origin, "truncated", f"the feed is cut off ({problem}); entries after the cut are missing")


#: what the XML parser says of a document that stops before its end (a partial download)
_CUT_OFF = ("no element found", "unclosed token")


def _entry_text(entry: typing.Any) -> str | None:
    """A feed entry's content (else its summary) as HTML: a plain-text one escaped, so that a "<"
    it holds ("<100 troops", "<b>" written out) is text, not markup that swallows what follows."""
    detail = entry["content"][0] if entry.get("content") else entry.get("summary_detail") or {}
    value = detail.get("value") if detail else entry.get("summary")
    if isinstance(value, str) and detail and detail.get("type") == "text/plain":
        return html_module.escape(value, quote=False)
    return value if isinstance(value, str) else None


def _entry_page(where: str, content: str, hints: ArticleHints, note: str | None = None) -> RawInput:
    """A feed entry's own text (its content or summary) as a page."""
    page = f"<html><head><title></title></head><body><article>{content}</article></body></html>"
    return RawInput(where, "html", page.encode("utf-8"), hints=hints, declared_encoding="utf-8", note=note)


class _LazyFetcher:
    """Creates the HTTP client on first use, so a run over local files opens no connection."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._fetcher: Fetcher | None = None

    def get(self) -> Fetcher:
        if self._fetcher is None:
            from .fetch import Fetcher

            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()


def _url_inputs(url: str, settings: Settings, fetcher: _LazyFetcher,
                hints: ArticleHints | None = None) -> Iterator[Item]:
    try:
        page = fetcher.get().fetch(url)
    except AllegianceError as exc:
        yield Rejection(url, exc.code, exc.message)
        return
    ctype = page.content_type.lower()
    hints = dataclasses.replace(hints or ArticleHints(), url=page.final_url)
    if "xml" in ctype and sniff_kind(page.data) == "feed":
        yield from _feed_inputs(page.data, url, settings, fetcher)
    elif "text/plain" in ctype:
        yield RawInput(url, "text", page.data, hints=hints, declared_encoding=page.encoding)
    else:
        yield RawInput(url, "html", page.data, hints=hints, declared_encoding=page.encoding)


def _gunzipped_inputs(data: bytes, origin: str, name: str | None,
                      settings: Settings, fetcher: _LazyFetcher) -> Iterator[Item]:
    """Gzip bytes of unknown content (standard input): a gzip WARC is read as one; anything else is
    decompressed (to at most ``max_bytes``) and read as what it holds. Gzip inside gzip is refused."""
    import gzip
    import zlib

    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        try:
            if _starts_warc(stream.peek(64)[:64]):
                from .warc import warc_inputs

                yield from warc_inputs(io.BytesIO(data), origin, settings)
                return
            inner = stream.read(settings.max_bytes + 1)
        except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
            yield Rejection(origin, "malformed", f"the gzip data is broken or cut off: {exc}")
            return
    if len(inner) > settings.max_bytes:
        yield Rejection(origin, "too_large", f"the gzip data decompresses to more than {settings.max_bytes} bytes")
    elif inner[:2] == _GZIP_MAGIC:
        yield Rejection(origin, "unsupported", "gzip inside gzip is not read: decompress it first")
    else:
        yield from _bytes_inputs(inner, "auto", origin, name, settings, fetcher)


def _bytes_inputs(data: bytes, kind: InputKind, origin: str, name: str | None,
                  settings: Settings, fetcher: _LazyFetcher) -> Iterator[Item]:
    if kind == "auto" and data[:2] == _GZIP_MAGIC:
        yield from _gunzipped_inputs(data, origin, name, settings, fetcher)
        return
    wide = _wide_encoding(data[:4])
    if wide is not None and kind in ("auto", "jsonl", "urls"):  # UTF-16 or UTF-32 text: sniffed, and
        try:  # lines split, on its UTF-8 (the BOM kept for the reader); pages keep their bytes
            utf8 = codecs.BOM_UTF8 + data.decode(wide).encode("utf-8")
        except UnicodeDecodeError:
            utf8 = data
        kind = sniff_kind(utf8) if kind == "auto" else kind
        data = utf8 if kind in ("jsonl", "urls") else data
    if kind == "auto":
        kind = sniff_kind(data)
    if kind == "jsonl":
        yield from _jsonl_inputs(iter(data.splitlines()), origin, settings)
    elif kind == "warc":
        from .warc import warc_inputs

        yield from warc_inputs(io.BytesIO(data), origin, settings)
    elif kind == "feed":
        yield from _feed_inputs(data, origin, settings, fetcher)
    elif kind == "urls":
        for line in data.decode("utf-8-sig", "replace").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                yield from _url_inputs(line.strip(), settings, fetcher)
    else:
        if kind == "text" and sniff_kind(data) == "urls":
            yield from _bytes_inputs(data, "urls", origin, name, settings, fetcher)
            return
        yield RawInput(origin, kind, data, file_name=name)


def _member_inputs(name: str, origin: str, stream: BinaryIO, settings: Settings,
                   fetcher: _LazyFetcher) -> Iterator[Item]:
    """The inputs of an archive's member called ``name``, read from ``stream`` as that file would
    be read on disk. An archive or a compressed file inside the archive is refused."""
    from .archives import ARCHIVE_EXTENSIONS

    extension = _extension(Path(name))
    kind = _EXTENSIONS.get(extension, "auto")
    if extension in ARCHIVE_EXTENSIONS or extension == ".gz" or kind == "warc":
        yield Rejection(origin, "unsupported", "an archive inside an archive is not read: unpack it first")
        return
    if kind == "jsonl":
        yield from _jsonl_inputs(_bounded_lines(stream, settings.max_bytes), origin, settings)
        return
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield Rejection(origin, "too_large", f"{Path(name).name} is over the limit of {settings.max_bytes} bytes")
    elif kind == "auto" and data[:2] == _GZIP_MAGIC:
        yield Rejection(origin, "unsupported", "gzip data inside an archive is not read: unpack it first")
    else:
        yield from _bytes_inputs(data, kind, origin, Path(name).stem, settings, fetcher)


def _gzip_file_inputs(path: Path, origin: str, settings: Settings, fetcher: _LazyFetcher) -> Iterator[Item]:
    """A ``.gz`` file (not ``.warc.gz`` or ``.tar.gz``): its content read as the file its name
    without ``.gz`` says (``page.html.gz``, ``dump.jsonl.gz``), decompressed step by step and capped
    at ``max_archive_bytes`` in all. A file cut off inside its compressed data (a partial download)
    is ``truncated``: one article's partial text is not stored; JSON Lines keep the lines before the
    cut. A WARC compressed whole, with no ``.warc`` in its name, is read as a WARC."""
    import zlib

    from .archives import gunzip_stream

    inner = path.name[:-3]
    kind = _EXTENSIONS.get(_extension(Path(inner)), "auto")
    cut = Rejection(origin, "truncated", "the gzip file is cut off (a partial download); what follows the cut "
                                         "is missing and a partial text is not stored")
    with path.open("rb") as raw:
        stream, capped = gunzip_stream(raw, settings.max_archive_bytes)
        try:
            if _starts_warc(stream.peek(64)[:64]):
                from .warc import warc_inputs

                raw.seek(0)
                yield from warc_inputs(raw, origin, settings)
                return
            if kind == "jsonl":
                yield from _jsonl_inputs(_bounded_lines(stream, settings.max_bytes), origin, settings)
                if capped.truncated:
                    yield cut
                return
            data = stream.read(settings.max_bytes + 1)
        except zlib.error as exc:
            yield Rejection(origin, "malformed", f"the gzip file is broken: {exc}")
            return
        truncated = capped.truncated
    if len(data) > settings.max_bytes:
        yield Rejection(origin, "too_large", f"{inner} decompresses to more than {settings.max_bytes} bytes")
    elif truncated:
        yield cut
    elif data[:2] == _GZIP_MAGIC:
        yield Rejection(origin, "unsupported", "gzip inside gzip is not read: decompress it first")
    else:
        yield from _bytes_inputs(data, kind, origin, Path(inner).stem, settings, fetcher)


def _archive_inputs(path: Path, extension: str, origin: str, settings: Settings,
                    fetcher: _LazyFetcher) -> Iterator[Item]:
    """The members of a ``.zip`` or ``.tar`` (``.tgz``) archive, each read as the file it names;
    a member that cannot be read is its own rejection, a broken or oversized archive one more."""
    import zipfile
    import zlib

    from .archives import archive_members

    members = 0
    seen: set[str] = set()
    try:
        for position, member in enumerate(archive_members(path, extension, settings.max_archive_bytes)):
            where = unique_origin(f"{origin}#{member.name}", seen, position)
            if member.refused is not None or member.stream is None:
                refused = member.refused or InputError("the member cannot be read", code="bad_input")
                yield Rejection(where, refused.code, refused.message)
                continue
            members += 1
            try:
                yield from _member_inputs(member.name, where, member.stream, settings, fetcher)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                yield Rejection(where, "malformed", f"the member is broken: {exc}")
    except InputError as exc:
        rest = f"; members after the first {members} were not read" if members else ""
        yield Rejection(origin, exc.code, exc.message + rest)


def _file_inputs(path: Path, settings: Settings, fetcher: _LazyFetcher) -> Iterator[Item]:
    from .archives import ARCHIVE_EXTENSIONS

    origin = str(path.resolve())
    extension = _extension(path)
    if extension in ARCHIVE_EXTENSIONS:
        yield from _archive_inputs(path, extension, origin, settings, fetcher)
        return
    if extension == ".gz":
        try:
            yield from _gzip_file_inputs(path, origin, settings, fetcher)
        except InputError as exc:
            yield Rejection(origin, exc.code, exc.message)
        except OSError as exc:
            yield Rejection(origin, "bad_input", str(exc))
        return
    kind = _EXTENSIONS.get(extension, "auto")
    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                yield from _jsonl_inputs(_bounded_lines(handle, settings.max_bytes), origin, settings)
            return
        if kind == "warc":
            from .warc import warc_inputs

            with path.open("rb") as handle:
                yield from warc_inputs(handle, origin, settings)
            return
        data = _read_capped(path, settings.max_bytes)
    except AllegianceError as exc:
        yield Rejection(origin, exc.code, exc.message)
        return
    except OSError as exc:
        yield Rejection(origin, "not_found" if isinstance(exc, FileNotFoundError) else "bad_input", str(exc))
        return
    stem = path.name[: -len(".warc.gz")] if kind == "warc" else path.stem
    yield from _bytes_inputs(data, kind, origin, stem, settings, fetcher)


def _walk(folder: Path) -> Iterator[Path]:
    """The files of ``folder``, and its links that lead nowhere (each then a ``not_found`` rejection,
    not a file silently left out); folders reached through a link are not entered (no loops)."""
    for path in sorted(folder.rglob("*")):
        listed = path.is_file() or (path.is_symlink() and not path.exists())
        if listed and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            yield path


def iter_inputs(targets: list[str], settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Yield every article-sized input (or rejection) named by ``targets``, in order."""
    for item in _iter_inputs(targets, settings, stdin):
        origin = storable_origin(item.origin)
        if isinstance(item, Rejection):  # its message may quote the name
            message = storable_origin(item.message)
            if (origin, message) != (item.origin, item.message):
                item = dataclasses.replace(item, origin=origin, message=message)
        elif origin != item.origin:
            item = dataclasses.replace(item, origin=origin)
        yield item


def _iter_inputs(targets: list[str], settings: Settings, stdin: BinaryIO | None) -> Iterator[Item]:
    fetcher = _LazyFetcher(settings)
    try:
        for target in targets:
            if target == "-":
                stream = stdin or sys.stdin.buffer
                data = stream.read(settings.max_bytes + 1)
                if len(data) > settings.max_bytes:
                    yield Rejection("<stdin>", "too_large", f"standard input is over {settings.max_bytes} bytes")
                else:
                    origin = f"stdin:{hashlib.sha256(data).hexdigest()[:16]}"
                    yield from _bytes_inputs(data, "auto", origin, None, settings, fetcher)
            elif is_url(target):
                yield from _url_inputs(target.strip(), settings, fetcher)
            else:
                path = Path(target)
                if path.is_dir():
                    for file in _walk(path):
                        yield from _file_inputs(file, settings, fetcher)
                elif path.is_file():
                    yield from _file_inputs(path, settings, fetcher)
                elif path.exists():  # a device, a pipe or a socket: never read (it may not end)
                    yield Rejection(target, "unsupported", f"{target} is not a file or a folder (a device, "
                                                           "a pipe or a socket) and is not read")
                else:
                    yield Rejection(target, "not_found", f"no such file, folder or URL: {target}")
    finally:
        fetcher.close()
