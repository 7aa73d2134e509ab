"""Time expressions, resolved against the publication date when it is known and kept relative
when it is not: dates in several forms, years, months, weekdays, "yesterday", "a year ago",
"last week", "next year", and their Russian and Ukrainian counterparts."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .doc import Doc, TimeExpression

__all__ = ["TimeTagger", "resolve"]

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6, "липня": 7, "серпня": 8,
    "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5, "воскресенье": 6,
             "понеділок": 0, "вівторок": 1, "середу": 2, "четвер": 3, "п'ятницю": 4, "суботу": 5, "неділю": 6}
_M = "|".join(sorted(_MONTHS, key=len, reverse=True))
_W = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "month": "months", "months": "months",
          "year": "years", "years": "years", "день": "days", "дня": "days", "дней": "days", "неделю": "weeks",
          "недели": "weeks", "месяц": "months", "месяца": "months", "год": "years", "года": "years", "лет": "years",
          "тиждень": "weeks", "місяць": "months", "рік": "years", "роки": "years", "років": "years", "днів": "days"}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    ("month_day_year", re.compile(rf"\b({_M})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})\s+({_M})\s+(\d{{4}})\b", re.I)),
    ("month_day", re.compile(rf"\b({_M})\s+(\d{{1,2}})\b(?!,?\s+\d{{4}})", re.I)),
    ("day_month", re.compile(rf"\b(\d{{1,2}})\s+({_M})\b(?!\s+\d{{4}})", re.I)),
    ("month_year", re.compile(rf"\b({_M})\s+(\d{{4}})\b", re.I)),
    ("ago", re.compile(r"\b(a|an|one|two|three|four|five|six|ten|\d+)\s+(day|days|week|weeks|month|months|year|years)"
                       r"\s+ago\b", re.I)),
    ("ago_slavic", re.compile(r"\b(\d+\s+)?(день|дня|дней|неделю|недели|месяц|месяца|год|года|лет|тиждень|місяць|рік|"
                              r"роки|років|днів)\s+(назад|тому)\b", re.I)),
    ("relative", re.compile(r"\b(yesterday|today|tomorrow|last (week|month|year)|next (week|month|year)|this year|"
                            r"вчера|сегодня|завтра|вчора|сьогодні|в прошлом году|в следующем году|в этом году|"
                            r"минулого року|наступного року|цього року|торік)\b", re.I)),
    ("weekday", re.compile(rf"\b(on |last |в |во |у )?({_W})\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|by|until|of|from|to|and|or|в|с|до|у|з|від|и|і|та)\s+((?:19|20)\d\d)\b",
                        re.I)),
]


_NEEDS_DIGIT = {"iso", "dotted", "month_day_year", "day_month_year", "month_day", "day_month", "month_year", "year"}
_NEEDS_WORD = {"ago": ("ago",), "ago_slavic": ("назад", "тому"), "weekday": tuple(_WEEKDAYS),
               "relative": ("yesterday", "today", "tomorrow", "last ", "next ", "this year", "вчера", "сегодня",
                            "завтра", "вчора", "сьогодні", "году", "року", "торік")}


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


def _month(name: str) -> int:
    return _MONTHS[name.casefold()]


def resolve(kind: str, m: re.Match[str], base: dt.date | None) -> str | None:  # noqa: C901 - one table
    g = m.groups()
    try:
        if kind == "iso":
            return _iso(dt.date(int(g[0]), int(g[1]), int(g[2])))
        if kind == "dotted":
            return _iso(dt.date(int(g[2]), int(g[1]), int(g[0])))
        if kind == "month_day_year":
            return _iso(dt.date(int(g[2]), _month(g[0]), int(g[1])))
        if kind == "day_month_year":
            return _iso(dt.date(int(g[2]), _month(g[1]), int(g[0])))
        if kind == "month_year":
            return f"{int(g[1]):04d}-{_month(g[0]):02d}"
        if kind == "year":
            return g[0]
    except ValueError:
        return None
    if base is None:
        return None
    try:
        if kind in ("month_day", "day_month"):
            month, day = (_month(g[0]), int(g[1])) if kind == "month_day" else (_month(g[1]), int(g[0]))
            candidate = dt.date(base.year, month, day)
            return _iso(candidate if candidate <= base + relativedelta(days=7) else candidate - relativedelta(years=1))
    except ValueError:
        return None
    if kind == "ago":
        n = _NUMBER_WORDS.get(g[0].casefold()) or int(g[0])
        unit = _UNITS[g[1].casefold()]
        return _iso(base - relativedelta(**{unit: n}), "year" if unit == "years" else "month" if unit == "months"
                    else "day")
    if kind == "ago_slavic":
        n = int(g[0]) if g[0] else 1
        unit = _UNITS[g[1].casefold()]
        return _iso(base - relativedelta(**{unit: n}), "year" if unit == "years" else "day")
    if kind == "weekday":
        target = _WEEKDAYS[g[1].casefold()]
        back = (base.weekday() - target) % 7  # "on Saturday" in a Saturday paper is that day
        return _iso(base - dt.timedelta(days=back))
    if kind == "relative":
        word = g[0].casefold()
        table = {
            "yesterday": (-1, "days"), "вчера": (-1, "days"), "вчора": (-1, "days"), "today": (0, "days"),
            "сегодня": (0, "days"), "сьогодні": (0, "days"), "tomorrow": (1, "days"), "завтра": (1, "days"),
            "last week": (-1, "weeks"), "next week": (1, "weeks"), "last month": (-1, "months"),
            "next month": (1, "months"), "last year": (-1, "years"), "next year": (1, "years"),
            "this year": (0, "years"), "в прошлом году": (-1, "years"), "в следующем году": (1, "years"),
            "в этом году": (0, "years"), "минулого року": (-1, "years"), "наступного року": (1, "years"),
            "цього року": (0, "years"), "торік": (-1, "years"),
        }
        n, unit = table[word]
        day = base + relativedelta(**{unit: n})
        return _iso(day, "year" if unit == "years" else "month" if unit == "months" else "day")
    return None


class TimeTagger:
    name = "times"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("times",)

    def __call__(self, doc: Doc) -> Doc:
        base = dt.date.fromisoformat(doc.published) if doc.published and len(doc.published) == 10 else None
        found: list[TimeExpression] = []
        taken: list[tuple[int, int]] = []
        folded = doc.text.casefold()
        windows = _digit_windows(doc.text)
        for kind, pattern in _PATTERNS:
            if kind in _NEEDS_DIGIT:
                spans = windows  # these need a number: look only around the numbers of the text
            elif any(w in folded for w in _NEEDS_WORD.get(kind, ())):
                spans = [(0, len(doc.text))]
            else:
                continue
            for m in (m for lo, hi in spans for m in pattern.finditer(doc.text, lo, hi)):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                found.append(TimeExpression(m.start(), m.end(), m.group(0), resolve(kind, m, base)))
        doc.times = tuple(sorted(found, key=lambda t: t.start))
        return doc
