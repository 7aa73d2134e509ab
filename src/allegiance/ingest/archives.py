"""Compressed files and archives: ``.gz`` (one compressed file: ``article.html.gz``,
``dump.jsonl.gz``), ``.zip`` and ``.tar`` (``.tgz``, ``.tar.gz``) holding articles. Each member is
handed back with its name and a stream, and :mod:`.sources` reads it as the file it would be on
disk. Nothing is ever written to disk, so member paths ("../x", absolute names, links) cannot reach
outside the archive; links and devices are skipped.

Decompression is bounded: a member is read to at most ``max_bytes`` (more is ``too_large``), and an
archive's members together to at most ``max_archive_bytes`` (the rest is one ``too_large``
rejection), whatever sizes the archive declares. An archive inside an archive is not opened: it is
an ``unsupported`` rejection that says to unpack it first."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

__all__ = ["ARCHIVE_EXTENSIONS", "CappedGzip", "Member", "archive_members", "gunzip_stream"]

#: The extensions read as archives of several files (``.gz`` alone is one compressed file).
ARCHIVE_EXTENSIONS = (".zip", ".tar", ".tgz", ".tar.gz")


class CappedGzip(io.RawIOBase):
    """A multi-member gzip stream that stops with ``too_large`` past ``cap`` decompressed bytes,
    so a decompression bomb is refused instead of filling memory or disk. ``truncated`` tells,
    once read to its end, that the input stopped inside a compressed member."""

    def __init__(self, raw: BinaryIO, cap: int) -> None:
        self._raw, self._cap, self._out = raw, cap, 0
        self._zlib = zlib.decompressobj(wbits=47)
        self._buffer = b""
        self._started = False

    @property
    def truncated(self) -> bool:
        return self._started and not self._zlib.eof

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer:
            if self._zlib.eof:
                rest = self._zlib.unused_data
                self._zlib = zlib.decompressobj(wbits=47)
                self._started = False
                if rest:
                    self._started = True
                    self._buffer = self._zlib.decompress(rest, 1 << 20)
                    continue
            chunk = self._zlib.unconsumed_tail or self._raw.read(1 << 16)
            if not chunk:
                return 0
            self._started = True
            self._buffer = self._zlib.decompress(chunk, 1 << 20)
        n = min(len(target), len(self._buffer))
        target[:n] = self._buffer[:n]
        self._buffer = self._buffer[n:]
        self._out += n
        if self._out > self._cap:
            raise InputError(f"the archive decompresses to more than {self._cap} bytes", code="too_large")
        return n


def gunzip_stream(raw: BinaryIO, cap: int) -> tuple[io.BufferedReader, CappedGzip]:
    """A buffered reader of what ``raw`` (gzip) decompresses to, capped at ``cap`` bytes, and the
    capped stream under it (to ask it, at the end, whether the input was cut off)."""
    capped = CappedGzip(raw, cap)
    return io.BufferedReader(capped, 1 << 16), capped  # type: ignore[arg-type]


class Member:
    """One file of an archive: its name inside the archive and a reader of its bytes (or the reason
    it is not read, in ``refused``: links, devices, encrypted members)."""

    def __init__(self, name: str, stream: BinaryIO | None, refused: InputError | None = None) -> None:
        self.name, self.stream, self.refused = name, stream, refused


class _CountingReader(io.RawIOBase):
    """Counts what an archive's members give, across members, against ``max_archive_bytes``."""

    def __init__(self, inner: BinaryIO, budget: list[int], cap: int) -> None:
        self._inner, self._budget, self._cap = inner, budget, cap

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(target))
        n = len(data)
        target[:n] = data
        self._budget[0] += n
        if self._budget[0] > self._cap:
            raise InputError(f"the archive decompresses to more than {self._cap} bytes", code="too_large")
        return n


def _hidden(name: str) -> bool:
    return any((part.startswith(".") and part not in (".", "..")) or part == "__MACOSX" for part in Path(name).parts)


def archive_members(path: Path, extension: str, max_archive_bytes: int) -> Iterator[Member]:
    """The regular files of the zip or tar archive at ``path``, in the archive's order; hidden
    files (a dot in the path, ``__MACOSX``) and folders are skipped. Raises :class:`InputError`
    (``malformed``) for an archive that cannot be read, and ``too_large`` once the members read
    so far decompress to more than ``max_archive_bytes``."""
    budget = [0]

    def counted(stream: BinaryIO) -> BinaryIO:
        return io.BufferedReader(_CountingReader(stream, budget, max_archive_bytes), 1 << 16)  # type: ignore[arg-type]

    try:
        if extension == ".zip":
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    if info.is_dir() or _hidden(info.filename):
                        continue
                    if info.flag_bits & 0x1:
                        yield Member(info.filename, None, InputError("the member is encrypted", code="unsupported"))
                        continue
                    with archive.open(info) as stream:
                        yield Member(info.filename, counted(stream))  # type: ignore[arg-type]
            return
        with path.open("rb") as raw:
            yield from _tar_members(raw, extension, max_archive_bytes, counted)
    except (zipfile.BadZipFile, tarfile.TarError, zlib.error, EOFError, gzip.BadGzipFile,
            NotImplementedError, RuntimeError) as exc:
        kind = "zip" if extension == ".zip" else "tar"
        raise InputError(f"the {kind} archive is broken: {exc}", code="malformed") from exc


def _tar_members(raw: BinaryIO, extension: str, max_archive_bytes: int,
                 counted: Callable[[BinaryIO], BinaryIO]) -> Iterator[Member]:
    """A tar file's members, read as a stream (one pass, no index of the whole file). A gzip tar is
    decompressed through :class:`CappedGzip`, so that what tar skips (the rest of a member too large
    to read) counts against ``max_archive_bytes`` too."""
    source: BinaryIO = raw
    if extension in (".tgz", ".tar.gz"):
        source, _capped = gunzip_stream(raw, max_archive_bytes)
    with tarfile.open(fileobj=source, mode="r|" if source is not raw else "r|*") as tar:
        for entry in tar:
            if entry.isdir() or _hidden(entry.name):
                continue
            if not entry.isfile():
                yield Member(entry.name, None, InputError("the member is a link or a device, not a file",
                                                          code="unsupported"))
                continue
            stream = tar.extractfile(entry)
            if stream is not None:
                yield Member(entry.name, counted(stream))  # type: ignore[arg-type]
