"""Bytes to text: encoding detection (UTF-8, UTF-16, cp1251, koi8-r and what charset-normalizer
knows), binary detection and Unicode normalisation."""

from __future__ import annotations

import codecs
import dataclasses
import functools
import logging
import re
import unicodedata
from collections import Counter

from ..errors import InputError
from ..kb.langdata import pack_data

__all__ = ["Decoded", "decode_bytes", "decode_text", "normalise_text", "looks_binary"]

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Control characters that end a line (vertical tab, form feed: a page break in converted PDFs, the
#: file, group and record separators, NEL): a line end, so that the words either side stay apart.
_LINE_CONTROL_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85"
_LINE_CONTROLS = str.maketrans(dict.fromkeys(_LINE_CONTROL_CHARS, "\n"))
#: ``_CONTROL``'s characters in UTF-8: the C0 ones and DEL are those single bytes (no byte of a
#: multi-byte sequence is below 0x80), the C1 ones (U+0080-U+009F) are 0xC2 and a byte 0x80-0x9F.
_CONTROL_C0_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
#: The share of NUL bytes (anywhere in the input) above which it is binary; fewer are dropped and
#: counted with the replaced bytes. One rule for the whole input, not only its opening.
NUL_SHARE = 0.001
#: UTF-8 with stray bytes stays UTF-8 when its valid multi-byte characters outnumber the invalid
#: sequences this many times, or when the invalid ones are at most this share of a mostly-ASCII text.
UTF8_VALID_RATIO = 8
UTF8_STRAY_SHARE = 0.001
#: A Latin single-byte codec is taken when at least this share of the text's non-ASCII letters (and
#: symbols inside running text) belong to one language's alphabet (``alphabets.toml``).
LATIN_FIT = 0.8
#: Text is read as UTF-8 mixed with a single-byte codec when each part has at least this many
#: non-ASCII characters (fewer are the stray bytes :func:`_mostly_utf8` replaces).
MIXED_MIN = 8


@dataclasses.dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and how many bytes could not be read as that
    encoding and were replaced (U+FFFD) or dropped (NUL bytes)."""

    text: str
    encoding: str
    replaced: int = 0
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 with no BOM: one byte of each pair is nearly constant (0x00 for Latin, 0x04 for Cyrillic)
    and the other is not (a run of one ASCII character, spaces or brackets, fills both bytes of every
    pair, and such a text is not UTF-16); of the two byte orders, the one whose high byte is the more
    constant (a UTF-16-BE text of brackets has its brackets at the odd bytes too)."""
    sample = data[:4000]
    if len(sample) < 8 or len(data) % 2:
        return None
    half = len(sample) // 2
    found: list[tuple[int, str]] = []
    for high_bytes, low_bytes, enc in ((sample[1::2], sample[0::2], "utf-16-le"),
                                       (sample[0::2], sample[1::2], "utf-16-be")):
        byte, count = Counter(high_bytes).most_common(1)[0]
        if byte < 0x30 and count / half > 0.4 and low_bytes.count(byte) / half <= 0.4:
            found.append((count, enc))
    if not found:
        return None
    try:
        return data.decode(max(found)[1])
    except UnicodeDecodeError:
        return None


#: The opening bytes of compressed data and archives ingest does not read in that place: the
#: ``binary`` refusal of such an input says what it is and what to do (a file ``.bz2``, ``.xz``, ``.zst`` or
#: ``.7z``; a zip or gzip file under another extension, which its own extension would unpack)
_PACKED = ((b"BZh", "bz2-compressed data"), (b"\xfd7zXZ\x00", "xz-compressed data"),
           (b"\x28\xb5\x2f\xfd", "zstd-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
           (b"Rar!\x1a\x07", "a RAR archive"), (b"PK\x03\x04", "a zip archive"),
           (b"\x1f\x8b", "gzip-compressed data"))


def packed_kind(data: bytes) -> str | None:
    """What compressed data or archive ``data`` opens as (:data:`_PACKED`), or None."""
    return next((kind for magic, kind in _PACKED if data.startswith(magic)), None)


def looks_binary(data: bytes) -> bool:
    """Binary data (after UTF-16 is ruled out): NUL bytes over :data:`NUL_SHARE` of the whole input
    (or any in a short one), or many other control bytes in the opening."""
    nuls = data.count(b"\x00")
    if nuls > len(data) * NUL_SHARE:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (0, 9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few invalid sequences (a stray byte, a cut character): decoded with U+FFFD
    for each, so one bad byte never sends the whole text to a legacy codec or a rejection.

    It is UTF-8 when valid multi-byte characters are there and either outnumber the invalid
    sequences :data:`UTF8_VALID_RATIO` times or the invalid ones are only strays (at most
    :data:`UTF8_STRAY_SHARE` of the bytes)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= 0:
        return None
    multibyte = sum(1 for c in text if ord(c) > 127) - text.count("\ufffd")
    stray = bad <= max(1, int(len(data) * UTF8_STRAY_SHARE))
    if multibyte > 0 and (multibyte >= UTF8_VALID_RATIO * bad or stray):
        return Decoded(text, "utf-8", bad)
    return None


#: A UTF-8 sequence of two or three bytes (a letter of the Latin, Greek or Cyrillic blocks, a dash
#: or a quote): how :func:`_mixed_utf8` tells at once that a legacy text holds no UTF-8 part.
_UTF8_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe2[\x80-\xbf][\x80-\xbf]")
_WORDS = re.compile(rb"(\s+)")
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489]")


def _utf8_word(token: bytes) -> str | None:
    """``token`` read as UTF-8 when it is valid and its characters are letters, marks of
    punctuation, symbols or digits (not the combining marks and controls legacy bytes read as)."""
    try:
        word = token.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return word if word.isprintable() and not _COMBINING.search(word) else None


def _mixed_utf8_words(sample: bytes) -> int:
    """How many non-ASCII characters the UTF-8 words of ``sample`` hold (see :func:`_utf8_word`)."""
    words = (_utf8_word(token) for token in _WORDS.split(sample) if not token.isascii())
    return sum(sum(ord(c) > 127 for c in word) for word in words if word)


def _mixed_utf8(data: bytes) -> Decoded | None:
    """UTF-8 words among words in a single-byte codec (files joined, a passage pasted from another
    page): each word that is not UTF-8 is read with the Cyrillic or Latin codec those words fit,
    when the UTF-8 words read as natural text too. The encoding is recorded as both
    ("utf-8+cp1251") so that the article shows it. Without this the whole text went to one guess,
    which garbled either the UTF-8 part or the other."""
    if len(_UTF8_PAIR.findall(data, 0, 1 << 20)) < MIXED_MIN:
        return None
    if len(data) > 1 << 21 and _mixed_utf8_words(data[: 1 << 20] + b" " + data[-(1 << 20):]) < MIXED_MIN:
        return None  # a large legacy text (Ukrainian in cp1251 holds UTF-8-like pairs) is not split whole
    tokens = _WORDS.split(data)
    readings = [token.decode("ascii") if token.isascii() else _utf8_word(token) for token in tokens]
    valid = "".join(c for text in readings if text and not text.isascii() for c in text if ord(c) > 127)
    if len(valid) < MIXED_MIN:
        return None
    legacy, within = [], False  # the words not in UTF-8, with the ASCII words among them (context)
    for token, text in zip(tokens, readings, strict=True):
        if text is None or (within and text.isascii()):
            legacy.append(token)
        within = text is None or (within and text.isascii())
    rest = b" ".join(legacy)
    if len(rest.translate(None, bytes(range(128)))) < MIXED_MIN:
        return None
    codec_names, neutral, alphabets = _latin_alphabets()
    if _cyrillic_score(valid) < 0.6 and _latin_fit(valid, neutral, alphabets) < LATIN_FIT:
        return None
    single = _best_single_byte(rest)
    latin = _best_latin_single_byte(rest) if single is None else None
    codec = single[1] if single is not None else latin.encoding if latin is not None else None
    if codec is None:
        return None
    mixed = "".join(text if text is not None else token.decode(codec, errors="replace")
                    for token, text in zip(tokens, readings, strict=True))
    return Decoded(mixed, f"utf-8+{codecs.lookup(codec).name}", mixed.count("\ufffd") - data.count(b"\xef\xbf\xbd"))


_HIGH_BYTES = bytes(range(128, 256))
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _mostly_ascii(data: bytes) -> Decoded | None:
    """ASCII with a few bytes above 127 and no valid UTF-8 among them: Windows-1252, the legacy
    codec of Western text, when it reads them (instead of whatever rare codec a statistical guess
    on a handful of bytes would pick)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))  # the bytes above 127, counted in C
    if not high or high > max(3, len(data) // 100):
        return None
    text = data.decode("cp1252", errors="replace")
    return Decoded(text, "cp1252", text.count("\ufffd") - data.count(b"\xef\xbf\xbd"))


def _mostly_printable(text: str) -> bool:
    sample = text[:4000]
    good = sum(1 for c in sample if c.isprintable() or c in "\n\t\r")
    return good >= 0.95 * len(sample)


def _cyrillic_score(text: str) -> float:
    """How natural ``text`` looks as Russian or Ukrainian: 0 when few letters are Cyrillic, else the
    mean weight of its non-ASCII characters (common lower-case letter 1, capital 0.3, rest 0)."""
    sample = text[:100_000]
    non_ascii = _NON_ASCII.findall(sample)  # the characters above 127, in order
    # str.isalpha of an ASCII character is [A-Za-z]: those are counted on the ASCII bytes, in C
    letters = len(sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))
    letters += sum(1 for c in non_ascii if c.isalpha())
    cyrillic = len(_CYRILLIC.findall(sample))
    if not non_ascii or cyrillic < 0.3 * letters:
        return 0.0
    weight = 0.0
    common = _cyrillic_alphabet()[1]
    for c in non_ascii:
        if c in common:
            weight += 1.0
        elif "\u0400" <= c <= "\u042f":
            weight += 0.3
    return weight / len(non_ascii)


def _best_single_byte(data: bytes) -> tuple[str, str] | None:
    """Choose among Cyrillic single-byte codecs by how natural the decoded letters look."""
    best: tuple[float, str, str] | None = None
    for enc in _cyrillic_alphabet()[0]:
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


@functools.lru_cache(maxsize=1)
def _cyrillic_alphabet() -> tuple[tuple[str, ...], frozenset[str]]:
    """The Cyrillic single-byte codecs to try and the common lower-case letters (``alphabets.toml``
    ``cyrillic_codecs``, ``cyrillic_common``)."""
    data = pack_data("alphabets.toml")
    return tuple(str(c) for c in data.get("cyrillic_codecs", [])), frozenset(str(data.get("cyrillic_common", "")))


@functools.lru_cache(maxsize=1)
def _latin_alphabets() -> tuple[tuple[str, ...], frozenset[str], tuple[frozenset[str], ...]]:
    """The codecs to try, the neutral characters and each language's letters (``alphabets.toml``)."""
    data = pack_data("alphabets.toml")
    letters = tuple(frozenset(str(v)) for v in dict(data.get("letters", {})).values())
    return tuple(str(c) for c in data.get("codecs", ["cp1252"])), frozenset(str(data.get("neutral", ""))), letters


def _latin_fit(text: str, neutral: frozenset[str], alphabets: tuple[frozenset[str], ...]) -> float:
    """How well the non-ASCII characters of ``text`` fit one Latin language's alphabet: the largest
    share, over the languages, of those characters (neutral punctuation left out; symbols and
    control characters count against every language) that are letters of its alphabet."""
    counts = Counter(c for c in text if ord(c) > 127 and c not in neutral)
    total = sum(counts.values())
    if not total:
        return 1.0
    lowered: Counter[str] = Counter()
    for char, n in counts.items():
        low = char.lower()
        lowered[low if len(low) == 1 else char] += n
    return max((sum(n for c, n in lowered.items() if c in alphabet) / total for alphabet in alphabets),
               default=0.0)


def _best_latin_single_byte(data: bytes) -> Decoded | None:
    """Western, Central European, Baltic or Turkish single-byte text: the codec whose letters fit
    one language's alphabet best (the first listed on a tie), when it fits at least :data:`LATIN_FIT`.

    A statistical guess cannot tell Windows-1252 from Windows-1250 on French or Polish text (they
    share most of their letters) and picks either; the alphabet decides: French read as cp1250 mixes
    "č" and "ę", Polish read as cp1252 puts "¹" and "³" inside words."""
    codec_names, neutral, alphabets = _latin_alphabets()
    sample = data[:100_000]
    best: tuple[float, str] | None = None
    for name in codec_names:
        try:
            text = sample.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        fit = _latin_fit(text, neutral, alphabets)
        if best is None or fit > best[0]:
            best = (fit, name)
    if best is None or best[0] < LATIN_FIT:
        return None
    try:
        return Decoded(data.decode(best[1]), codecs.lookup(best[1]).name)
    except UnicodeDecodeError:
        return None


def _declared_charset(data: bytes) -> str | None:
    """The charset of the page's meta tag. One that says UTF-16 or UTF-32 is taken as UTF-8 (as the
    HTML standard says): a meta tag readable as ASCII bytes is not in those encodings, and an ASCII
    page read as UTF-16 would be garbled whole (real UTF-16 is known by its BOM or its bytes)."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return None
    return "utf-8" if found.startswith(("utf-16", "utf-32")) else found


#: Charsets pages declare that mean their Windows superset (the WHATWG Encoding Standard's labels):
#: "ISO-8859-1" is read as Windows-1252, whose bytes 0x80-0x9F are quotes, dashes and the euro
#: sign, not the C1 control characters that would be dropped.
_WEB_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254"}


def _web_codec(data: bytes, name: str) -> str:
    """The codec a declared charset ``name`` means for ``data`` (its superset where that reads it)."""
    superset = _WEB_SUPERSETS.get(name)
    if superset is None:
        return name
    try:
        data.decode(superset)
        return superset
    except UnicodeDecodeError:
        return name


@functools.lru_cache(maxsize=32)
def _single_byte(name: str) -> bool:
    """Does codec ``name`` read every byte as one character (so that any bytes "decode")? UTF-8
    reads each stray high byte as one replacement too, but a valid pair as one character: it is not."""
    return (len(bytes(range(0x80, 0x100)).decode(name, errors="replace")) == 0x80
            and len(b"\xc3\xa9".decode(name, errors="replace")) == 2)


_BELOW_C0 = bytes(range(0xC0))


def _has_lead_byte(data: bytes) -> bool:
    """Is a byte from 0xC0 on among the first 64 KiB of ``data`` (a letter in a single-byte codec, a
    lead byte in UTF-8)? Tested in C: ``bytes.translate`` deletes the others."""
    return bool(data[:65536].translate(None, _BELOW_C0))


def _contradicts_declared(data: bytes, text: str, name: str) -> Decoded | None:
    """The bytes say otherwise than a declared charset that decodes them: ``None`` when they do not.

    A charset declared in a page's meta tag or an HTTP header can be wrong (a template's default,
    a server's). Valid UTF-8 with non-ASCII characters is UTF-8 whatever is declared (an empty
    ``Decoded``: the caller goes on to detection). A single-byte charset decodes any bytes, so it
    is kept only when its reading is not clearly worse than a Cyrillic codec's: Cyrillic text read
    through a Latin charset, or KOI8-R through Windows-1251, gives letters no text is written in."""
    if name not in ("utf-8", "utf-8-sig") and not data.isascii():
        try:
            data.decode("utf-8")
            return Decoded("", "")
        except UnicodeDecodeError:
            pass
    if not _single_byte(name) or not _has_lead_byte(data) or _cyrillic_score(text) >= 0.6:
        return None
    single = _best_single_byte(data)
    return Decoded(*single) if single is not None and single[1] != name else None


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; see :func:`decode_text`."""
    decoded = decode_text(data, declared=declared, html=html)
    return decoded.text, decoded.encoding


def decode_text(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode ``data``; raise :class:`InputError` when it is not text.

    Order: byte-order mark, declared charset (HTTP header or HTML meta, when it decodes
    cleanly), UTF-16 without BOM, UTF-8, mostly-valid UTF-8 (bad bytes replaced and counted),
    Cyrillic single-byte codecs, Latin single-byte codecs by alphabet, then charset-normalizer.
    NUL bytes below :data:`NUL_SHARE` are dropped and counted.
    """
    decoded = _decode(data, declared=declared, html=html)
    nuls = decoded.text.count("\x00")
    if nuls:
        decoded = Decoded(decoded.text.replace("\x00", ""), decoded.encoding, decoded.replaced + nuls)
    return decoded


def _decode(data: bytes, *, declared: str | None, html: bool) -> Decoded:
    if not data.strip():
        raise InputError("the input is empty", code="empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(f"byte-order mark says {enc} but the bytes do not decode: {exc}",
                                 code="decode_error") from exc
    candidates = [declared, _declared_charset(data) if html else None]
    for enc in filter(None, candidates):
        try:
            enc = _web_codec(data, codecs.lookup(enc).name)
            text, name = data.decode(enc), codecs.lookup(enc).name
        except (UnicodeDecodeError, LookupError):
            log.debug("declared charset %s does not decode the input", enc)
            continue
        contradicted = _contradicts_declared(data, text, name)
        if contradicted is None:
            return Decoded(text, name)
        if contradicted.encoding:
            return contradicted
        log.debug("declared charset %s is contradicted by valid UTF-8", enc)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and _mostly_printable(utf16):
        return Decoded(utf16, "utf-16")
    if looks_binary(data):
        packed = packed_kind(data)
        if packed is not None:
            raise InputError(f"the input is binary data, not text: {packed}, which is not read here; unpack it "
                             "first (ingest reads .gz, .zip, .tar, .tgz and .tar.gz files by their extension)",
                             code="binary")
        raise InputError("the input is binary data, not text", code="binary")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data) or _mixed_utf8(data)
    if mostly is not None:
        return mostly
    if _has_lead_byte(data):
        single = _best_single_byte(data)
        if single is not None:
            return Decoded(*single)
    latin = _best_latin_single_byte(data)
    if latin is not None:
        return latin
    western = _mostly_ascii(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # imported for the first input that needs a guess

    guess = from_bytes(data[:200_000]).best()
    if guess is None or guess.encoding is None:
        raise InputError("no text encoding decodes the input", code="decode_error")
    text = data.decode(guess.encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad > max(3, len(text) // 200):
        raise InputError(f"the input does not decode cleanly as {guess.encoding}", code="decode_error")
    return Decoded(text, guess.encoding, bad)


def _has_control(text: str) -> bool:
    """Does ``text`` hold a character of ``_CONTROL``? Read from its UTF-8 bytes (a lone surrogate
    passed through), where a C0 control is one byte that ``bytes.translate`` deletes and a C1 one a
    two-byte sequence the regular expression finds from its first byte: about a third of the cost
    of ``_CONTROL.search`` over the text, which tests a character class at every character (an HTML
    page is normalised whole before it is parsed: 0.12 CPU-s of 200 pages' 27 MB)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _CONTROL_C0_BYTES)) != len(data) or _CONTROL_C1_UTF8.search(data) is not None


def normalise_text(text: str) -> str:
    """NFC, unified line ends, control characters dropped; the characters of the text stay as written
    (quotes, dashes and non-breaking spaces are kept, so evidence matches the source).

    Each replacement runs only where its character is in the text: ``in`` scans a whole page
    about nine times faster than a ``replace`` that finds nothing (none of the steps makes or
    removes another's character, so each test on the text as given is the same)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text:
        text = text.replace("\u2028", "\n")
    if "\u2029" in text:
        text = text.replace("\u2029", "\n\n")
    if _has_control(text):  # the controls that end a line (as str.splitlines reads them) end one
        for c in _LINE_CONTROL_CHARS:  # str.translate of a dict maps non-ASCII text a character at a time
            if c in text:
                text = text.replace(c, "\n")
        text = _CONTROL.sub("", text)
    if "\ufeff" in text:
        text = text.replace("\ufeff", "")
    return unicodedata.normalize("NFC", text)
