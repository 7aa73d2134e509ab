"""An article's publication date, from the best place that has one, checked.

In order: the date the input declares (a JSON Lines ``published``, a feed entry's date, in any
common form: ``2022-03-24``, ``24.03.2022``, ``March 24, 2022``, ``24 марта 2022``, an RFC 2822
date, a Unix time in seconds, milliseconds, microseconds or nanoseconds, ``20230415``, as a
number or as digits), the page's metadata (htmldate, for HTML), an archive line (``date
2022-03-24``), the URL (``/2022/02/26/``, ``/20220922/``, ``/2023-06-02/``, ``yyyy=..&mm=..&dd=..``),
and a dateline or byline in the first lines of the text (``24 Mar 2022 14:58``, ``Monday, 10
October 2022, 12:10``, ``14:23 / 24.07.2023``: a date on a short line with a clock time, or a line
that is nothing but a date). Word dates are read with dateparser, strictly (day, month and year
required) and in the languages of the packs; the common shapes with a month name of the packs
(``24 March 2022``, ``March 24, 2022``) are read from the packs' month names, with dateparser's
answers, without importing it.

A value that is not a real day (``9999-99-99``, ``2023-02-30``), or that falls before 1990 or
after tomorrow, is never stored as the date; the declared value is kept apart as it was given,
and the finding says where the stored date came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import math
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["DateFinding", "publication_date", "parse_date", "date_from_url", "date_from_text", "DATE_SOURCES"]

log = logging.getLogger(__name__)

DATE_SOURCES = ("declared", "html", "archive", "url", "text")
EARLIEST = dt.date(1990, 1, 1)
_HEAD_LINES = 8  # datelines and bylines are looked for in this many first non-empty lines
_HEAD_LINE_CHARS = 100

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_URL_YMD = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_EIGHT = re.compile(r"(?<![\d.])(\d{8})(?![\d.])")
_NUMERIC = re.compile(r"(?<![\d.:])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d.])")
_TEXT_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_WORDS = r"[^\W\d_]{3,12}\.?"
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)\d{{1,2}}\.?\s+{_WORDS},?\s+\d{{4}}(?!\d)")
_MONTH_DAY_YEAR = re.compile(rf"(?<![^\W\d_]){_WORDS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}(?!\d)")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")


@dataclasses.dataclass(frozen=True)
class DateFinding:
    """The checked date (YYYY-MM-DD or ``None``), the declared value as given, and where the date
    came from (one of :data:`DATE_SOURCES`, ``None`` without a date)."""

    value: str | None
    raw: str | None
    source: str | None


def _checked(year: int, month: int, day: int, today: dt.date | None = None) -> str | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    return value.isoformat() if EARLIEST <= value <= latest else None


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[str, ...] | None:
    from dateparser.data import language_order  # the languages dateparser has data for

    from ..kb.langdata import languages

    try:
        found = languages()
    except Exception:  # no language data: dateparser tries its own
        return None
    known = set(language_order)
    # a pack language dateparser does not know (or knows under another code: "no" is its "nb") is left out
    usable = tuple(lang for lang in found if lang in known) + tuple(
        alias for lang, alias in (("no", "nb"),) if lang in found and alias in known)
    return usable or None


_WORD_DMY = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]{3,12})\.?,?\s+(\d{4})")
_WORD_MDY = re.compile(r"([^\W\d_]{3,12})\.?\s+(\d{1,2}),?\s+(\d{4})")


@functools.lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Month names and their short forms in the packs' date data (``[months]``,
    ``month_abbreviations``) → the month's number, case-folded; a word two languages read as
    different months, or a short form that begins two months' names, is left out."""
    from ..kb.langdata import every_language_data

    try:
        by_language = every_language_data("dates")
    except Exception:  # no language data: every word date goes to dateparser
        return {}
    found: dict[str, set[int]] = {}
    for data in by_language.values():
        months = {str(k).casefold(): int(v) for k, v in dict(data.get("months", {})).items()}
        for word, number in months.items():
            found.setdefault(word, set()).add(number)
        for short in data.get("month_abbreviations", []):
            short = str(short).casefold()
            numbers = {n for word, n in months.items() if word.startswith(short)}
            found.setdefault(short, set()).update(numbers or {0})
    return {word: next(iter(numbers)) for word, numbers in found.items() if len(numbers) == 1 and 0 not in numbers}


def _month_word_date(text: str) -> tuple[bool, str | None]:
    """A day, a month's name and a year (``24 March 2022``, ``24. März 2022``, ``March 24,
    2022``) read without dateparser when the word is a month name of the packs: ``(True, the
    date)``, the date ``None`` for no real day; ``(False, None)`` where dateparser must read the
    text. Its answers are dateparser's for every such name (``tests/test_ingest_dates_fast.py``)."""
    if match := _WORD_DMY.fullmatch(text):
        day, word, year = match.group(1), match.group(2), match.group(3)
    elif match := _WORD_MDY.fullmatch(text):
        word, day, year = match.group(1), match.group(2), match.group(3)
    else:
        return False, None
    month = month_numbers().get(word.casefold())
    if month is None:
        return False, None
    return True, _checked(int(year), month, int(day))


def _dateparser(text: str) -> str | None:
    """A word date (day, month, year) read strictly: the common forms with a month name of the
    packs without dateparser (importing it and its first parse cost about a CPU-second in each
    process), any other with dateparser, in the languages of the packs."""
    known, found = _month_word_date(text)
    return found if known else _with_dateparser(text)


def _with_dateparser(text: str) -> str | None:
    import dateparser

    langs = _languages()
    try:
        parsed = dateparser.parse(text, languages=list(langs) if langs else None, settings={
            "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY",
            "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception as exc:  # dateparser raises several kinds on odd input; it is only a hint here
        log.debug("dateparser could not read %r: %s", text, exc)
        return None
    return _checked(parsed.year, parsed.month, parsed.day) if parsed else None


_DIGITS = re.compile(r"(\d{8,19})(\.\d+)?")
#: the scales of a Unix time: seconds, milliseconds, microseconds, nanoseconds. The sane range of
#: each (EARLIEST to tomorrow) lies apart from the others', so a number is read in one at most.
_UNIX_SCALES = (1, 1_000, 1_000_000, 1_000_000_000)


def _number_date(value: int | float) -> str | None:
    """The day a number names: an eight-digit ``YYYYMMDD`` (``20230415``) or ``DDMMYYYY``, or a Unix
    time in seconds, milliseconds, microseconds or nanoseconds, whichever falls between 1990 and
    tomorrow (an eight-digit number is never such a Unix time: it falls in 1970-1973)."""
    if not math.isfinite(value) or value <= 0:
        return None
    if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
        eight = f"{int(value):08d}"
        return _checked(int(eight[:4]), int(eight[4:6]), int(eight[6:])) or \
            _checked(int(eight[4:]), int(eight[2:4]), int(eight[:2]))
    earliest = dt.datetime.combine(EARLIEST, dt.time(), dt.UTC).timestamp()
    latest = earliest + (dt.date.today() + dt.timedelta(days=2) - EARLIEST).total_seconds()
    for scale in _UNIX_SCALES:
        seconds = value // scale if isinstance(value, int) else value / scale
        if earliest <= seconds < latest:
            day = dt.datetime.fromtimestamp(float(seconds), dt.UTC).date()
            return _checked(day.year, day.month, day.day)
    return None


def parse_date(value: Any) -> str | None:
    """A declared date in any common form, as YYYY-MM-DD; ``None`` when it names no real day."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _number_date(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return None
    text = value.strip()
    if match := _DIGITS.fullmatch(text):  # "1700000000", "20230415": as the number would be read
        return _number_date(int(match.group(1)) if match.group(2) is None else float(text))
    if match := _ISO.match(text):
        return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if re.match(r"^\d{4}-\d", text):
        return None  # an ISO shape that is not a real day is not guessed at
    from email.utils import parsedate_to_datetime  # RSS dates

    try:
        rfc = parsedate_to_datetime(text)
        return _checked(rfc.year, rfc.month, rfc.day)
    except (TypeError, ValueError, IndexError):
        pass
    if match := _NUMERIC.fullmatch(text):
        return _checked(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return _dateparser(text)


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL's path or query: ``/2022/02/26/``, ``/2023-06-02/``, ``/20220922/``,
    ``/28042024-...`` (day first when year first names no day), ``yyyy=2022&mm=10&dd=13``."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if match := _URL_YMD.search(parts.path):
        return _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for eight in _URL_EIGHT.findall(parts.path):
        found = _checked(int(eight[:4]), int(eight[4:6]), int(eight[6:])) or \
            _checked(int(eight[4:]), int(eight[2:4]), int(eight[:2]))
        if found:
            return found
    query = {k.lower(): v[0] for k, v in parse_qs(parts.query).items() if v}
    for y, m, d in (("yyyy", "mm", "dd"), ("year", "month", "day"), ("y", "m", "d")):
        if all(query.get(k, "").isdigit() for k in (y, m, d)):
            return _checked(int(query[y]), int(query[m]), int(query[d]))
    return None


def _line_date(line: str) -> str | None:
    """The date of a dateline: a date with a clock time on the line, or a line that is only a date."""
    for pattern, numeric in ((_NUMERIC, "dmy"), (_TEXT_ISO, "ymd"), (_DAY_MONTH_YEAR, ""), (_MONTH_DAY_YEAR, "")):
        match = pattern.search(line)
        if match is None:
            continue
        rest = (line[:match.start()] + " " + line[match.end():]).strip(" ,.|/-–—()")
        if not (_CLOCK.search(rest) or not rest or len(rest.split()) <= 1):
            continue
        if numeric == "dmy":
            found = _checked(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        elif numeric == "ymd":
            found = _checked(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        else:
            found = _dateparser(match.group(0))
        if found:
            return found
    return None


def date_from_text(text: str | None) -> str | None:
    """The date of a dateline or byline among the first lines of an article's text."""
    if not text:
        return None
    seen = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            break
        if len(line) <= _HEAD_LINE_CHARS and (found := _line_date(line)):
            return found
    return None


def _raw(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value if isinstance(value, str) else repr(value)


def publication_date(*, declared: Any = None, html: str | None = None, archive: str | None = None,
                     url: str | None = None, text: str | None = None) -> DateFinding:
    """The first real day among the declared value, the page metadata, an archive line, the URL
    and the datelines of the text, with the declared value as given and where the date came from."""
    raw = _raw(declared)
    for source, find in (("declared", lambda: parse_date(declared)), ("html", lambda: parse_date(html)),
                         ("archive", lambda: parse_date(archive)), ("url", lambda: date_from_url(url)),
                         ("text", lambda: date_from_text(text))):
        found = find()
        if found:
            return DateFinding(found, raw, source)
    if raw is not None:
        log.info("the declared date %r names no real day; the article is stored undated", raw[:80])
    return DateFinding(None, raw, None)
