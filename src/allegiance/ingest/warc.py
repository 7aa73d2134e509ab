"""WARC files to :class:`RawInput` items: records read with warcio, header lines and the
decompressed size bounded. Imported by :mod:`.sources` on the first WARC input, so that a run
over plain files never loads warcio."""

from __future__ import annotations

import io
import logging
import re
import typing
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..records import ArticleHints, InputKind, RawInput, Rejection
from ..settings import Settings
from .archives import CappedGzip

log = logging.getLogger(__name__)

__all__ = ["warc_inputs"]

Item = RawInput | Rejection
#: Media types that say nothing of the payload: it is read (and rejected as binary if it is).
_UNTYPED = frozenset({"application/octet-stream", "application/http", "binary/octet-stream"})
#: the records that hold a page or a text: a conversion record is a page's text (a WET file's)
_READ = ("response", "resource", "conversion")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)


class _BoundedLineReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader with header lines bounded: a "line" longer than ``max_line`` (a headerless
    run of zeros, say) is a broken archive, not something to read to its end."""

    def __init__(self, stream: BinaryIO, max_line: int) -> None:
        super().__init__(stream)
        self.max_line = max_line

    def readline(self, length: int | None = None) -> bytes:
        cap = self.max_line if not length else min(length, self.max_line)
        parts: list[bytes] = []
        got = 0
        while got < cap:
            piece: bytes = super().readline(cap - got)
            parts.append(piece)
            got += len(piece)
            if not piece or piece.endswith(b"\n"):
                break
        line = b"".join(parts)
        if got >= self.max_line and not line.endswith(b"\n"):
            raise InputError(f"a header line is longer than max_line_bytes ({self.max_line})", code="malformed")
        return line


class _BoundedArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    def __init__(self, stream: BinaryIO, max_line: int) -> None:
        super().__init__(stream)
        self.reader = _BoundedLineReader(self.fh, max_line)


def warc_inputs(stream: BinaryIO, origin: str, settings: Settings) -> Iterator[Item]:
    head = stream.read(2)
    stream.seek(0)
    source: BinaryIO = stream
    if head == b"\x1f\x8b":
        source = io.BufferedReader(CappedGzip(stream, settings.max_archive_bytes), 1 << 16)  # type: ignore[arg-type]
    from .sources import unique_origin

    count = 0
    seen: set[str] = set()
    try:
        for record in _BoundedArchiveIterator(source, settings.max_line_bytes):
            if record.rec_type not in _READ:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            rec_id = record.rec_headers.get_header("WARC-Record-ID") or f"record-{count}"
            where = unique_origin(f"{origin}#{rec_id.strip('<>')}", seen, count)
            count += 1
            yield from _warc_record(record, where, uri, settings)
    except InputError as exc:
        yield Rejection(origin, exc.code, f"{exc.message}; records after the limit were not read")
        return
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        yield Rejection(origin, "malformed", f"the WARC file is broken after {count} records: {exc}")
        return
    if not count:  # requests, metadata, revisits only: nothing to read, and said so
        yield Rejection(origin, "empty", "the WARC file holds no response, resource or conversion record")


def _warc_record(record: typing.Any, where: str, uri: str, settings: Settings) -> Iterator[Item]:
    """One response or resource record; a record cut off by the end of the file (fewer bytes than
    its Content-Length) is rejected as ``truncated``, never stored as a partial article."""
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers
             else record.rec_headers.get_header("Content-Type")) or ""
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status is not None and status.startswith("3"):  # a redirect: the crawl's next record holds the page
        log.info("%s: the WARC record for %s is an HTTP %s redirect, no page", where, uri, status)
        return
    if status is not None and not status.startswith("2"):  # an error page: no article, said so
        yield Rejection(where, "http_status", f"the WARC record for {uri} is an HTTP {status} response, not a page")
        return
    data = record.content_stream().read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield Rejection(where, "too_large", f"WARC record for {uri} is over {settings.max_bytes} bytes")
        return
    left = getattr(record.raw_stream, "limit", 0)
    if left and not record.raw_stream.read(1):
        yield Rejection(where, "truncated", f"the WARC record for {uri} is cut off by the end of the file "
                                            "(a partial download); its partial text is not stored")
        return
    coding = (record.http_headers.get_header("Content-Encoding") or "") if record.http_headers else ""
    coding = coding.strip().lower()
    if coding not in ("", "identity") and coding not in BufferedReader.get_supported_decompressors():
        yield Rejection(where, "unsupported", f"the WARC record for {uri} is compressed as '{coding}', "
                                              "which is not read here (its bytes are not text)")
        return
    media = ctype.split(";")[0].strip().lower()
    if media and not (media.startswith("text/") or "html" in media or media.endswith("xml")
                      or media in _UNTYPED):
        yield Rejection(where, "unsupported", f"the WARC record for {uri} holds {media}, not a page or a text")
        return
    kind: InputKind = "text" if "text/plain" in ctype else "html"
    charset = _CHARSET.search(ctype)  # the header's charset, checked against the bytes as a fetch's is
    yield RawInput(where, kind, data, hints=ArticleHints(url=uri or None),
                   declared_encoding=charset.group(1) if charset else None)
