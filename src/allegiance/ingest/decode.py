"""Bytes to text: encoding detection (UTF-8, UTF-16, cp1251, koi8-r and what charset-normalizer
knows), binary detection and Unicode normalisation."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections import Counter

from charset_normalizer import from_bytes

from ..errors import InputError

__all__ = ["decode_bytes", "normalise_text", "looks_binary"]

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic")
# The most frequent lower-case letters of Russian and Ukrainian: a right guess makes most
# Cyrillic letters lower case and common; a wrong single-byte guess scatters capitals.
_COMMON_CYRILLIC = set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъёієїґ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: one byte of each pair is nearly constant (0x00 for Latin, 0x04 for Cyrillic)."""
    sample = data[:4000]
    if len(sample) < 8 or len(data) % 2:
        return None
    half = len(sample) // 2
    for high_bytes, enc in ((sample[1::2], "utf-16-le"), (sample[0::2], "utf-16-be")):
        top = Counter(high_bytes).most_common(1)[0]
        if top[0] < 0x30 and top[1] / half > 0.4:
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the opening mean binary data (after UTF-16 is ruled out)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _mostly_printable(text: str) -> bool:
    sample = text[:4000]
    good = sum(1 for c in sample if c.isprintable() or c in "\n\t\r")
    return good >= 0.95 * len(sample)


def _cyrillic_score(text: str) -> float:
    """How natural ``text`` looks as Russian or Ukrainian: 0 when few letters are Cyrillic, else the
    mean weight of its non-ASCII characters (common lower-case letter 1, capital 0.3, rest 0)."""
    sample = text[:100_000]
    letters = sum(1 for c in sample if c.isalpha())
    non_ascii = [c for c in sample if ord(c) > 127]
    cyrillic = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    if not non_ascii or cyrillic < 0.3 * letters:
        return 0.0
    weight = 0.0
    for c in non_ascii:
        if c in _COMMON_CYRILLIC:
            weight += 1.0
        elif "\u0400" <= c <= "\u042f":
            weight += 0.3
    return weight / len(non_ascii)


def _best_single_byte(data: bytes) -> tuple[str, str] | None:
    """Choose among Cyrillic single-byte codecs by how natural the decoded letters look."""
    best: tuple[float, str, str] | None = None
    for enc in _CYRILLIC_SINGLE_BYTE:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _cyrillic_score(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None or best[0] < 0.6:
        return None
    return best[2], best[1]


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise :class:`InputError` when it is not text.

    Order: byte-order mark, declared charset (HTTP header or HTML meta, when it decodes
    cleanly), UTF-8, UTF-16 without BOM, Cyrillic single-byte codecs, then charset-normalizer.
    """
    if not data.strip():
        raise InputError("the input is empty", code="empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise InputError(f"byte-order mark says {enc} but the bytes do not decode: {exc}",
                                 code="decode_error") from exc
    candidates = [declared, _declared_charset(data) if html else None]
    for enc in filter(None, candidates):
        try:
            return data.decode(enc), codecs.lookup(enc).name
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode the input", enc)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _mostly_printable(utf16):
        return utf16, "utf-16"
    if looks_binary(data):
        raise InputError("the input is binary data, not text", code="binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise InputError("the input is binary data, not text", code="binary")
    if any(b >= 0xC0 for b in data[:65536]):
        single = _best_single_byte(data)
        if single is not None:
            return single
    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None:
        raise InputError("no text encoding decodes the input", code="decode_error")
    text = data.decode(guess.encoding, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise InputError(f"the input does not decode cleanly as {guess.encoding}", code="decode_error")
    return text, guess.encoding


def normalise_text(text: str) -> str:
    """NFC, unified line ends, control characters dropped; the characters of the text stay as written
    (quotes, dashes and non-breaking spaces are kept, so evidence matches the source)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = text.replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)
