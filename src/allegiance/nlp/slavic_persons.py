"""People outside the knowledge base in languages read through a morphology (Russian, Ukrainian):
a capitalised word that the morphology reads as a given name (pymorphy3's ``Name``), an optional
patronymic (``Patr``), then a capitalised word that can stand in the same case («Айбек Смадияров»,
«Юрію Ігнату»). The name is put in the nominative and written in Latin letters by the language's
romanisation (``lang/<code>/persons.toml``), so that one person is one name across the languages
of the corpus (Юрій Ігнат = Yurii Ihnat)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.langdata import language_data
from .doc import Mention
from .tokens import Token, _pymorphy, analyzer_for, morph_parse

__all__ = ["SlavicPersons", "romanise"]

_PERSON = 0.6
#: a capitalised Cyrillic word; a surname of one capital, an apostrophe and a capitalised word
#: too («О'Брайен», which the tokenizer keeps whole)
_CAPITALISED = re.compile(r"^[А-ЯЁІЇЄҐ](?:['’ʼ][А-ЯЁІЇЄҐ])?[а-яёіїєґ'’ʼ]+(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ]+)?$")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_APOSTROPHE_NAME = re.compile(r"[А-ЯЁІЇЄҐ]['’ʼ][А-ЯЁІЇЄҐ]")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")


@dataclasses.dataclass(frozen=True)
class _Romanisation:
    letters: dict[str, str]
    initial: dict[str, str]
    endings: dict[str, str]
    initial_after: str
    not_names: frozenset[str]
    #: titles of one person in the nominative («министр», «посол»): two capitalised words after one are a name
    titles: frozenset[str] = frozenset()
    #: how surnames end in their nominative («-ов», «-енко»): such a word after a given name in the
    #: nominative is a surname as written, where the dictionary reads it only as a common word
    #: («Сергей Рябков»: «рябок»)
    surname_endings: tuple[str, ...] = ()


@functools.lru_cache(maxsize=8)
def _romanisation(language: str, folders: tuple[Path, ...] | None) -> _Romanisation:
    data = language_data("persons", language, folders)
    return _Romanisation(letters={str(k): str(v) for k, v in data.get("romanisation", {}).items()},
                         initial={str(k): str(v) for k, v in data.get("romanisation_initial", {}).items()},
                         endings={str(k): str(v) for k, v in data.get("romanisation_endings", {}).items()},
                         initial_after=str(data.get("initial_after", "")),
                         not_names=frozenset(str(w) for w in data.get("not_names", [])),
                         titles=frozenset(str(w).casefold() for w in data.get("titles", [])),
                         surname_endings=tuple(str(e) for e in data.get("surname_endings", [])))


def _romanise_word(word: str, r: _Romanisation) -> str:
    lower = word.casefold()
    tail = ""
    for ending, latin in sorted(r.endings.items(), key=lambda kv: -len(kv[0])):
        if lower.endswith(ending) and len(lower) > len(ending):
            lower, tail = lower[:-len(ending)], latin
            break
    out, i = [], 0
    while i < len(lower):
        pair = lower[i:i + 2]
        if len(pair) == 2 and pair in r.letters:
            out.append(r.letters[pair])
            i += 2
            continue
        char = lower[i]
        starts = i == 0 or lower[i - 1] in r.initial_after or not lower[i - 1].isalpha()
        out.append(r.initial[char] if starts and char in r.initial else r.letters.get(char, char))
        i += 1
    latin = "".join(out) + tail
    return "-".join(part[:1].upper() + part[1:] for part in latin.split("-"))


def romanise(name: str, language: str, folders: tuple[Path, ...] | None = None) -> str:
    """``name`` in Latin letters by the romanisation of ``language`` (as written where it has none)."""
    r = _romanisation(language, folders)
    if not r.letters:
        return name
    out = []
    for word in name.split():
        if not _CYRILLIC.search(word):
            out.append(word)  # "Хабар 24", «Шторм Z»: what is not Cyrillic stays as written
        elif _APOSTROPHE_NAME.match(word):  # «О'Брайен»: O'Brayen, both capitals and the mark kept
            out.append(_romanise_word(word[0], r) + "'" + _romanise_word(word[2:], r))
        else:
            latin = _romanise_word(word, r)
            out.append(latin.upper() if word.isupper() and len(word) > 1 else latin)
    return " ".join(out)


@functools.lru_cache(maxsize=65536)
def _case_readings(word: str, analyzer: str, grammeme: str | None, prefer: str = "Surn") -> dict[str, Any]:
    """The singular readings of ``word`` by case (nouns and adjectives; with ``grammeme``, only those
    with it; readings with ``prefer`` first). Cached: the same words recur; never change the result."""
    out: dict[str, Any] = {}
    parses = sorted(morph_parse(word.casefold(), analyzer), key=lambda p: prefer not in p.tag)
    for p in parses:
        if p.tag.POS not in ("NOUN", "ADJF") or "plur" in p.tag or (grammeme and grammeme not in p.tag):
            continue
        if p.tag.POS == "NOUN" and "inan" in p.tag:
            continue  # a thing or a place («Влада Башкортостану»: the authorities of Bashkortostan)
        if p.tag.case in _CASES:
            out.setdefault(p.tag.case, p)
    return out


def _nominative(word: str, parse: Any, gender: str | None) -> str:
    """The nominative singular of one word of a name, in the gender of the given name where it can."""
    if parse.tag.case == "nomn":
        return word
    wanted = {"nomn", "sing"} | ({gender} if gender else set())
    form = None
    for grammemes in (wanted, {"nomn", "sing"}, {"nomn"}):
        try:
            form = parse.inflect(grammemes)
        except ValueError:
            form = None
        if form is not None:
            break
    if form is None:
        return word
    return "-".join(part[:1].upper() + part[1:] for part in form.word.split("-"))


class SlavicPersons:
    """Finds the unlisted people of one document in a language with a morphology."""

    def __init__(self, language: str, folders: tuple[Path, ...] | None = None) -> None:
        self.language = language
        self.folders = folders
        self.analyzer = analyzer_for(language, folders)
        self.words = _romanisation(language, folders)

    def _word(self, text: str, tokens: list[Token], k: int, taken: set[int]) -> bool:
        t = tokens[k]
        return t.start not in taken and bool(_CAPITALISED.match(t.text)) and t.text not in self.words.not_names

    def find(self, text: str, tokens: list[Token], taken: set[int]) -> list[Mention]:
        out: list[Mention] = []
        # a name opens only at a capitalised word that is no listed non-name (``_word``, less what
        # changes as names are taken): the loop goes from one such token to the next, as stepping
        # over the others one by one did
        not_names, capitalised = self.words.not_names, _CAPITALISED.match
        opens = [k for k, t in enumerate(tokens) if t.text not in not_names and capitalised(t.text)]
        i = 0
        while i < len(tokens) - 1:
            at = bisect.bisect_left(opens, i)
            if at == len(opens):
                break
            i = opens[at]
            if i >= len(tokens) - 1:
                break
            found = self._at(text, tokens, i, taken)
            if found is None:
                i += 1
                continue
            out.append(found[0])
            taken.update(t.start for t in tokens[i:i + found[1]])
            i += found[1]
        return out

    def _at(self, text: str, tokens: list[Token], i: int, taken: set[int]) -> tuple[Mention, int] | None:
        if not self._word(text, tokens, i, taken):
            return None
        given = _case_readings(tokens[i].text, self.analyzer, "Name")
        if not given:
            return self._titled(text, tokens, i, taken)
        words = [i]
        for k in (i + 1, i + 2):
            if k >= len(tokens) or text[tokens[k - 1].end:tokens[k].start] != " " or not self._word(text, tokens, k,
                                                                                                     taken):
                break
            words.append(k)
            if k == i + 1 and not _case_readings(tokens[k].text, self.analyzer, "Patr"):
                break  # no patronymic: the second word is the surname
        if len(words) < 2:
            return None
        readings = [given] + [_case_readings(tokens[k].text, self.analyzer, None, "Patr" if n == 0 and len(words) == 3
                                             else "Surn") for n, k in enumerate(words[1:])]
        common = [c for c in _CASES if all(c in r for r in readings)]
        if not common and "nomn" in given and all(
                r or not _pymorphy(self.analyzer).word_is_known(tokens[k].text.casefold())
                or tokens[k].text.casefold().endswith(self.words.surname_endings)
                for k, r in zip(words[1:], readings[1:], strict=True)) and all(
                "nomn" in r for r in readings[1:] if r):
            # a surname the dictionary does not know («Андрей Картаполов»): as written, after a
            # given name in the nominative
            readings = [r or {"nomn": None} for r in readings]
            common = ["nomn"]
        if not common:
            return None  # «Роман Толстого»: the words do not agree, no name
        case = common[0]
        gender = next((g for g in ("masc", "femn") if g in given[case].tag), None)
        nominative = " ".join(tokens[k].text if r[case] is None else _nominative(tokens[k].text, r[case], gender)
                              for k, r in zip(words, readings, strict=True))
        start, end = tokens[words[0]].start, tokens[words[-1]].end
        canonical = romanise(nominative, self.language, self.folders)
        return Mention(start, end, text[start:end], None, "person", "pattern", _PERSON, canonical), len(words)

    def _titled(self, text: str, tokens: list[Token], i: int, taken: set[int]) -> tuple[Mention, int] | None:
        """Two capitalised words with no given name the morphology knows («Кястутис Будрис»), right after
        a title of one person in the nominative (``titles``: «министр иностранных дел Литвы Кястутис
        Будрис», «посол Франції Ніколя Дюпон»; lower-case words and names already found may stand
        between, four at most): the person's name, in the nominative as the title is, as written. A third
        capitalised word after them, or a title in another case, gives none."""
        k = i + 1
        if not self.words.titles or k >= len(tokens) or text[tokens[i].end:tokens[k].start] != " " or \
                not self._word(text, tokens, k, taken):
            return None
        if k + 1 < len(tokens) and text[tokens[k].end:tokens[k + 1].start] == " " and \
                _CAPITALISED.match(tokens[k + 1].text) and tokens[k + 1].start not in taken:
            return None  # three capitalised words: no two-word name by a title alone
        for j in range(i - 1, max(-1, i - 6), -1):
            word = tokens[j].text
            if word.casefold() in self.words.titles:
                break
            if not (word.islower() and word.isalpha() or tokens[j].start in taken):
                return None
        else:
            return None
        start, end = tokens[i].start, tokens[k].end
        name = text[start:end]
        return Mention(start, end, name, None, "person", "pattern", _PERSON,
                       romanise(name, self.language, self.folders)), 2
