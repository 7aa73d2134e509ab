"""How each language writes numbers, read from ``lang/<code>/numbers.toml``: decimal marks and
thousands separators, number words and multipliers, and the words around a number that make it
a count or not one. A language without its own file reads numbers by the packs' default
conventions (``numbers.toml`` ``[conventions]``) and every language's context words; an article of
unknown language is read as the fallback language of ``languages.toml``."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.langdata import every_language_data, language_data, pack_data, pack_folders, reads_language_data
from .tokens import analyzer_for, has_morphology

__all__ = ["NumberRules", "month_guard", "number_rules"]

_UNIT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: keys that only a language's own file gives (another language's words are not this one's)
_OWN_ONLY = ("words", "articles", "time_units", "one_after", "referring", "not_counting_before",
             "lone_multiplier_after", "range_words", "range_between")


def _alt(words: Any) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True)) or r"(?!)"


@dataclasses.dataclass(frozen=True)
class NumberRules:
    """One language's way of writing numbers, compiled."""

    number: re.Pattern[str]
    decimal: frozenset[str]
    thousands: frozenset[str]
    suffixes: dict[str, int]
    spaced_suffixes: dict[str, int]
    suffix: re.Pattern[str]
    spaced_suffix: re.Pattern[str]
    multipliers: dict[str, int]
    multiplier_prefix: bool
    multiplier_start: re.Pattern[str]
    articles: frozenset[str]
    range_joint: re.Pattern[str]
    between: re.Pattern[str]
    between_joint: re.Pattern[str]
    percent: re.Pattern[str]
    qualifier: re.Pattern[str]
    qualifier_words: frozenset[str]
    ordinal: re.Pattern[str]
    ordinal_dot: bool
    identifier_before: frozenset[str]
    age_after: tuple[str, ...]
    age_before: re.Pattern[str]
    clock_after: tuple[str, ...]
    words: dict[str, int]
    time_units: frozenset[str]
    one_after: frozenset[str]
    referring: re.Pattern[str]
    not_counting_before: frozenset[str]
    lone_after: re.Pattern[str]
    has_lone: bool
    analyzer: str | None
    #: the analyzers of the languages in ``also_read``, for their word forms
    other_analyzers: tuple[str, ...]
    #: the first two letters of every number word and multiplier (a quick test before a lemma)
    starts: frozenset[str]
    word_filter: re.Pattern[str] | None
    #: memo of :meth:`multiplier_of` and of the quantities' word keys (pure functions of a word
    #: and these rules, asked once per token of every sentence)
    memo: dict[tuple[str, str], Any] = dataclasses.field(default_factory=dict, compare=False, repr=False)
    #: the length of the longest qualifier: a match of :attr:`qualifier` (a listed qualifier, then
    #: spaces to the end) starts at most this far before the text's trailing spaces, where a search
    #: of the whole text may start (:meth:`qualifier_of`)
    qualifier_longest: int = 0
    #: the length of the longest ``referring`` word, for :meth:`referring_before` as above
    referring_longest: int = 0

    @functools.cached_property
    def age_clock_starts(self) -> tuple[str, ...]:
        """The words after a number that make it an age or a clock time (``age_after``,
        ``clock_after``), without the spaces and hyphens before them, for one ``str.startswith``."""
        return tuple(a.lstrip(" -") for a in self.age_after + self.clock_after)

    def qualifier_of(self, before: str) -> re.Match[str] | None:
        r"""``qualifier.search(before)``, started where a match can start: the pattern holds no
        ``^``, ``\b`` or look-behind, and a match ends in spaces only (``str.rstrip``'s, re's
        ``\s``) and begins with a qualifier of at most ``qualifier_longest`` characters (one
        character of the text for each of the pattern's, ``re.I`` or not)."""
        return self.qualifier.search(before, max(0, len(before.rstrip()) - self.qualifier_longest))

    def referring_before(self, lead: str) -> bool:
        r"""``referring.search(lead)``, started where a match can start: a match is a listed word
        (one text character for each of its characters, ``re.I`` or not) and spaces to the end, so
        it starts at most ``referring_longest`` characters before the trailing spaces; ``\b`` at
        the start position reads the character before it (``re`` looks behind ``pos``)."""
        return self.referring.search(lead, max(0, len(lead.rstrip()) - self.referring_longest)) is not None

    def value(self, match: re.Match[str]) -> float | None:
        """The value of a number matched by :attr:`number`: separators read the language's way."""
        whole, sep, fraction = match.group(1), match.group(2), match.group(3)
        digits = "".join(c for c in whole if c.isdigit())
        if sep and fraction:
            if sep in self.thousands and len(fraction) == 3:
                return float(digits + fraction)  # "1234,567" where a comma groups thousands
            return float(f"{digits}.{fraction}")
        return float(digits) if digits else None

    def multiplier_of(self, word: str) -> int:
        """The factor a word multiplies by ("thousand", "тысячи", "Millionen", "тис."), or 0."""
        found: int | None = self.memo.get(("multiplier", word))
        if found is None:
            if len(self.memo) >= 100_000:
                self.memo.clear()
            found = self.memo[("multiplier", word)] = self._multiplier_of(word)
        return found

    def _multiplier_of(self, word: str) -> int:
        token = word.casefold().rstrip(".")
        if not token:
            return 0
        found = self.multipliers.get(token) or self.multipliers.get(token.removesuffix("s"))
        if found or not self.multiplier_prefix:
            return found or 0
        prefix = self.multiplier_start.match(token)
        return self.multipliers[prefix.group(0)] if prefix else 0

    def multiplier(self, after: str) -> tuple[int, str]:
        """The multiplier word that starts ``after`` (the text after a number) and the text after it."""
        stripped = after.lstrip()
        word = _UNIT_WORD.match(stripped)
        factor = self.multiplier_of(word.group(0)) if word else 0
        if not word or factor <= 1:
            return 1, after
        return factor, stripped[word.end():].lstrip(". ")


def _number_pattern(thousands: list[str], decimal: list[str]) -> re.Pattern[str]:
    strong = [t for t in thousands if t != " "]
    whole = []
    if strong:
        whole.append(rf"\d{{1,3}}(?:(?:{_alt(strong)})\d{{3}})+")
    if " " in thousands:
        whole.append(r"\d{1,3}(?: \d{3})+(?![\d,.])")
    whole.append(r"\d+")
    return re.compile(rf"(?<![\w.,:/])({'|'.join(whole)})(?:({_alt(decimal)})(\d+))?(?![\d:])")


def _data(language: str | None, folders: tuple[Path, ...]) -> tuple[dict[str, Any], bool]:
    """The language's own numbers data with what it lacks filled from every language (context words)
    and from the default conventions; and whether the language has a file of its own."""
    if language is None:
        language = str(pack_data("languages.toml", folders).get("fallback", ""))
    own = language_data("numbers", language, folders) if language else {}
    pooled: dict[str, Any] = {}
    for data in every_language_data("numbers", folders).values():
        for key, value in data.items():
            if isinstance(value, dict):
                pooled.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                pooled.setdefault(key, []).extend(value)
    merged = {k: v for k, v in pooled.items() if k not in _OWN_ONLY}
    merged["multiplier_prefix"] = True
    merged.update(pack_data("numbers.toml", folders).get("conventions", {}))
    merged.update(own)
    for other in own.get("also_read", []):  # a language whose quotes the texts carry: its words too
        theirs = language_data("numbers", str(other), folders)
        for key in ("words", "multipliers"):
            merged[key] = {**theirs.get(key, {}), **merged.get(key, {})}
    return merged, bool(own)


@functools.lru_cache(maxsize=64)
@reads_language_data("numbers")
def number_rules(language: str | None, folders: tuple[Path, ...] | None = None) -> NumberRules:
    folders = folders or pack_folders()
    d, _own = _data(language, folders)
    if language is None:
        language = str(pack_data("languages.toml", folders).get("fallback", "")) or None
    words = {str(k).casefold(): int(v) for k, v in d.get("words", {}).items()}
    multipliers = {str(k).casefold(): int(v) for k, v in d.get("multipliers", {}).items()}
    articles = frozenset(str(a).casefold() for a in d.get("articles", []))
    analyzer = analyzer_for(language, folders) if has_morphology(language, folders) else None
    others = tuple(analyzer_for(str(o), folders) for o in d.get("also_read", []) if has_morphology(str(o), folders))
    filter_words = [*words, *multipliers]  # an article counts only before a multiplier
    qualifiers = [str(q) for q in d.get("qualifiers", [])]
    between = [str(w) for w in d.get("range_between", [])]
    suffixes = {str(k).casefold(): int(v) for k, v in d.get("suffixes", {}).items()}
    spaced = {str(k): int(v) for k, v in d.get("spaced_suffixes", {}).items()}
    return NumberRules(
        number=_number_pattern(list(d.get("thousands", [])), list(d.get("decimal", ["."]))),
        decimal=frozenset(d.get("decimal", [])), thousands=frozenset(d.get("thousands", [])),
        suffixes=suffixes, spaced_suffixes=spaced,
        suffix=re.compile(rf"^({_alt(suffixes)})\b", re.I), spaced_suffix=re.compile(rf"^ ({_alt(spaced)})\b"),
        multipliers=multipliers, multiplier_prefix=bool(d.get("multiplier_prefix")), articles=articles,
        multiplier_start=re.compile(_alt(multipliers)),
        range_joint=re.compile(rf"^\s?(?:{_alt(d.get('range_words', []))})\s?(?=\d)", re.I),
        between=re.compile(rf"\b{_alt(between[:1])}\s+$", re.I),
        between_joint=re.compile(rf"^\s+{_alt(between[1:2])}\s+(?=\d)", re.I),
        percent=re.compile(rf"^\s?(?:%|{_alt(d.get('percent', []))})", re.I),
        qualifier=re.compile(rf"({_alt(qualifiers)})\s*$", re.I),
        qualifier_words=frozenset(w.casefold() for q in qualifiers for w in q.split()),
        qualifier_longest=max(map(len, qualifiers), default=0),
        ordinal=re.compile(rf"^(?:{_alt(d.get('ordinal_suffixes', []))})(?!\w)", re.I),
        ordinal_dot=bool(d.get("ordinal_dot")),
        identifier_before=frozenset(str(w).casefold().rstrip(".") for w in d.get("identifier_before", [])),
        age_after=tuple(str(w).casefold() for w in d.get("age_after", [])),
        age_before=re.compile(rf"\b(?:{_alt(d.get('age_before', []))})\b[^.]{{0,25}}$", re.I),
        clock_after=tuple(f" {str(w).casefold()}" for w in d.get("clock_after", [])),
        words=words, time_units=frozenset(str(w).casefold() for w in d.get("time_units", [])),
        one_after=frozenset(str(w).casefold() for w in d.get("one_after", [])),
        referring=re.compile(rf"\b(?:{_alt(d.get('referring', []))})\s+$", re.I),
        referring_longest=max((len(str(w)) for w in d.get("referring", [])), default=0),
        not_counting_before=frozenset(str(w).casefold() for w in d.get("not_counting_before", [])),
        has_lone=bool(d.get("lone_multiplier_after")),
        lone_after=re.compile(rf"(?:^|\s)(?:{_alt(d.get('lone_multiplier_after', []))})\s+$", re.I),
        analyzer=analyzer, other_analyzers=others, starts=frozenset(w[:2] for w in [*words, *multipliers]),
        word_filter=None if analyzer or not filter_words else re.compile(rf"\b(?:{_alt(filter_words)})\b"),
    )


@functools.lru_cache(maxsize=16)
def month_guard(folders: tuple[Path, ...] | None = None) -> re.Pattern[str]:
    """Month names of every language (``lang/<code>/dates.toml``: names, short forms and stems): a
    number beside one is a day of a date, whatever the article's language."""
    exact: list[str] = []
    stems: list[str] = []
    for data in every_language_data("dates", folders or pack_folders()).values():
        exact += [str(m) for m in data.get("months", {})] + [str(m) for m in data.get("month_abbreviations", [])]
        stems += [str(s) for s in data.get("month_stems", [])]
    return re.compile(rf"\b(?:{_alt(set(exact))}|(?:{_alt(set(stems))})\w*)\b", re.I)
