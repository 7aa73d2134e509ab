"""Time expressions, resolved against the publication date when it is known and kept relative
when it is not: dates in several forms, years, months, weekdays, "yesterday", "a year ago",
"last week", "next year". The words are each language's ``lang/<code>/dates.toml``, all of them
read in every text (articles quote other languages), the article's own language first."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from ..kb.langdata import every_language_data, language_data, pack_folders, reads_language_data
from .doc import Doc, TimeExpression

__all__ = ["DateWords", "TimeTagger", "date_words", "resolve"]


def _alternation(words: Any) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True)) or r"(?!)"


@dataclasses.dataclass(frozen=True)
class DateWords:
    """The time words of a language and the patterns built from them, in the order they are tried."""

    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, str]
    counts: dict[str, int]
    relative: dict[str, tuple[int, str]]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    #: for the patterns that need a word: the words, one of which must be in the text (lower case)
    needs_word: dict[str, frozenset[str]]
    #: any month name
    month: re.Pattern[str]


def _pooled(datas: list[dict[str, Any]]) -> dict[str, Any]:
    """Several languages' tables pooled (later ones win where two give one word different values)."""
    out: dict[str, Any] = {}
    for data in datas:
        for key, value in data.items():
            if isinstance(value, dict):
                out.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                out.setdefault(key, []).extend(v for v in value if v not in out[key])
    return out


def _ago_patterns(data: dict[str, Any], units: str, counts: str) -> list[tuple[str, re.Pattern[str]]]:
    """One language's "two years ago" / "два года назад" / "vor zwei Jahren" (each language says
    whether the count may be left out: "год назад")."""
    count = rf"(?:{counts}|\d+)\s+" if data.get("ago_needs_count") else rf"(?:(?:{counts}|\d+)\s+)?"
    out = []
    if data.get("ago_after"):
        out.append(("ago", re.compile(rf"\b({count})({units})\s+(?:{_alternation(data['ago_after'])})\b", re.I)))
    if data.get("ago_before"):
        out.append(("ago", re.compile(rf"\b(?:{_alternation(data['ago_before'])})\s+({count})({units})\b", re.I)))
    return out


def _patterns(d: dict[str, Any], languages: list[dict[str, Any]]) -> list[tuple[str, re.Pattern[str]]]:
    m, w = _alternation(d.get("months", {})), _alternation(d.get("weekdays", {}))
    units, counts = _alternation(d.get("units", {})), _alternation(d.get("counts", {}))
    prefixes = _alternation(d.get("weekday_prefixes", []))
    out = [
        ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
        ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
        ("month_day_year", re.compile(rf"\b({m})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
        ("day_month_year", re.compile(rf"\b(\d{{1,2}})\.?\s+({m})\s+(\d{{4}})\b", re.I)),
        ("month_day", re.compile(rf"\b({m})\s+(\d{{1,2}})\b(?!,?\s+\d{{4}})", re.I)),
        ("day_month", re.compile(rf"\b(\d{{1,2}})\.?\s+({m})\b(?!\s+\d{{4}})", re.I)),
        ("month_year", re.compile(rf"\b({m})\s+(\d{{4}})\b", re.I)),
    ]
    for data in languages:
        out += _ago_patterns(data, units, counts)
    out += [
        ("relative", re.compile(rf"\b({_alternation(d.get('relative', {}))})\b", re.I)),
        ("weekday", re.compile(rf"\b((?:{prefixes})\s+)?({w})\b", re.I)),
        ("year", re.compile(rf"\b(?:{_alternation(d.get('year_prepositions', []))})\s+((?:19|20)\d\d)\b", re.I)),
    ]
    return out


@functools.lru_cache(maxsize=64)
@reads_language_data("dates")
def date_words(language: str | None, folders: tuple[Path, ...] | None = None) -> DateWords:
    """The time words of every language (``lang/<code>/dates.toml``), those of ``language`` first
    and winning where two languages differ: a text quotes other languages ("В прошлом году ...")."""
    folders = folders or pack_folders()
    by_language = every_language_data("dates", folders)
    own = language_data("dates", language, folders) if language else {}
    ordered = [data for lang, data in by_language.items() if lang != language] + ([own] if own else [])
    d = _pooled(ordered)
    relative = {str(k).casefold(): (int(v[0]), str(v[1])) for k, v in d.get("relative", {}).items()}
    ago_words = tuple(str(x) for x in d.get("ago_after", []) + d.get("ago_before", []))
    needs = {kind: frozenset(max(_WORD.findall(str(w).lower()), key=len) for w in words if _WORD.search(str(w)))
             for kind, words in (("ago", ago_words), ("weekday", tuple(d.get("weekdays", {}))),
                                 ("relative", tuple(relative)))}
    return DateWords(
        months={str(k).casefold(): int(v) for k, v in d.get("months", {}).items()},
        weekdays={str(k).casefold(): int(v) for k, v in d.get("weekdays", {}).items()},
        units={str(k).casefold(): str(v) for k, v in d.get("units", {}).items()},
        counts={str(k).casefold(): int(v) for k, v in d.get("counts", {}).items()},
        relative=relative, patterns=tuple(_patterns(d, ordered[::-1])), needs_word=needs,
        month=re.compile(rf"\b(?:{_alternation(d.get('months', {}))})\b", re.I))


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_NEEDS_DIGIT = {"iso", "dotted", "month_day_year", "day_month_year", "month_day", "day_month", "month_year", "year"}
_NEEDS_MONTH = {"month_day_year", "day_month_year", "month_day", "day_month", "month_year"}


def _digit_windows(text: str, margin: int = 32) -> list[tuple[int, int]]:
    """Merged spans of ``margin`` characters around every number of the text."""
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"\d+", text):
        lo, hi = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _iso(day: dt.date, precision: str = "day") -> str:
    return day.isoformat() if precision == "day" else day.strftime("%Y-%m") if precision == "month" else str(day.year)


def _precision(unit: str) -> str:
    return "year" if unit == "years" else "month" if unit == "months" else "day"


def _dated(kind: str, g: tuple[Any, ...], words: DateWords) -> str | None:
    month = words.months.__getitem__
    if kind == "iso":
        return _iso(dt.date(int(g[0]), int(g[1]), int(g[2])))
    if kind == "dotted":
        return _iso(dt.date(int(g[2]), int(g[1]), int(g[0])))
    if kind == "month_day_year":
        return _iso(dt.date(int(g[2]), month(g[0].casefold()), int(g[1])))
    if kind == "day_month_year":
        return _iso(dt.date(int(g[2]), month(g[1].casefold()), int(g[0])))
    if kind == "month_year":
        return f"{int(g[1]):04d}-{month(g[0].casefold()):02d}"
    return str(g[0]) if kind == "year" else None


def resolve(kind: str, m: re.Match[str], base: dt.date | None, words: DateWords | None = None) -> str | None:
    """The value of a matched time expression (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or ``None``
    where it needs a publication date that is unknown."""
    words = words or date_words(None)
    g = m.groups()
    try:
        if kind in _NEEDS_DIGIT and kind not in ("month_day", "day_month"):
            return _dated(kind, g, words)
        if base is None:
            return None
        if kind in ("month_day", "day_month"):
            month, day = ((words.months[g[0].casefold()], int(g[1])) if kind == "month_day"
                          else (words.months[g[1].casefold()], int(g[0])))
            candidate = dt.date(base.year, month, day)
            return _iso(candidate if candidate <= base + relativedelta(days=7) else candidate - relativedelta(years=1))
    except (ValueError, KeyError):
        return None
    if kind == "ago":
        count = (g[0] or "").strip().casefold()
        n = words.counts.get(count) or (int(count) if count.isdigit() else 1)
        unit = words.units[g[1].casefold()]
        return _iso(base - relativedelta(**{unit: n}), _precision(unit))
    if kind == "weekday":
        back = (base.weekday() - words.weekdays[g[1].casefold()]) % 7  # "on Saturday" in a Saturday paper
        return _iso(base - dt.timedelta(days=back))
    if kind == "relative":
        n, unit = words.relative[" ".join(g[0].casefold().split())]
        return _iso(base + relativedelta(**{unit: n}), _precision(unit))
    return None


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps one of ``taken`` (what ``any(start < e and s < end for s, e
    in taken)`` says), by bisection: the spans taken are sorted and overlap none of one another, so
    their ends rise with their starts and only the last one starting before ``end`` can reach past
    ``start``; a scan of every span taken per match made long articles quadratic."""
    k = bisect.bisect_left(taken, (end,))
    return k > 0 and taken[k - 1][1] > start


class TimeTagger:
    name = "times"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("times",)

    def __init__(self, folders: tuple[Path, ...] | None = None) -> None:
        self.folders = folders

    def warm(self, languages: tuple[str, ...] = ()) -> None:
        for language in languages:
            date_words(language, self.folders)

    def __call__(self, doc: Doc) -> Doc:
        base = dt.date.fromisoformat(doc.published) if doc.published and len(doc.published) == 10 else None
        words = date_words(doc.language, self.folders)
        found: list[TimeExpression] = []
        taken: list[tuple[int, int]] = []
        windows = _digit_windows(doc.text)
        lowered = doc.text.lower()
        if len(lowered) != len(doc.text):  # a letter whose lower case is longer: offsets would shift
            lowered = doc.text
        present = set(_WORD.findall(lowered))
        # windows with a month name in them, for the patterns that need one (found once, not per pattern)
        month_windows = [(lo, hi) for lo, hi in windows if words.month.search(doc.text, lo, hi)]
        for kind, pattern in words.patterns:
            if kind in _NEEDS_MONTH:
                spans = month_windows
            elif kind in _NEEDS_DIGIT:
                spans = windows  # these need a number: look only around the numbers of the text
            elif kind in words.needs_word:
                spans = self._word_windows(lowered, present, words.needs_word[kind])  # around the words they need
            else:
                continue
            for m in (m for lo, hi in spans for m in pattern.finditer(doc.text, lo, hi)):
                if _overlaps(taken, m.start(), m.end()):
                    continue
                bisect.insort(taken, (m.start(), m.end()))
                found.append(TimeExpression(m.start(), m.end(), m.group(0), resolve(kind, m, base, words)))
        doc.times = tuple(sorted(found, key=lambda t: t.start))
        return doc

    @staticmethod
    def _word_windows(lowered: str, present: set[str], needed: frozenset[str],
                      margin: int = 40) -> list[tuple[int, int]]:
        """Spans around each occurrence of the needed words that the text has (none: no spans)."""
        spans: list[tuple[int, int]] = []
        for word in needed & present:
            at = lowered.find(word)
            while at >= 0:
                spans.append((max(0, at - margin), min(len(lowered), at + len(word) + margin)))
                at = lowered.find(word, at + 1)
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        return merged
