"""Loading the statement lexicons of the packs (modality, numbers, topics, genre), compiled once
per process. Stance and event predicates are language data read by ``frames.py``."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..kb.packs import bundled_pack_dir, load_toml

__all__ = ["Lexicons", "PhraseMatcher", "load_lexicons"]


_PHRASE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|'\w+")


@functools.lru_cache(maxsize=2048)
def _words_of(text: str) -> tuple[tuple[int, int, str], ...]:
    """The words of a text with offsets, case-folded; cached, as every cue family asks for them."""
    return tuple((m.start(), m.end(), m.group(0).casefold()) for m in _PHRASE_WORD.finditer(text))


class PhraseMatch:
    """A phrase found in a text: offsets and the phrase as listed (``group(0)`` like a regex match)."""

    __slots__ = ("_start", "_end", "phrase", "text")

    def __init__(self, start: int, end: int, phrase: str, text: str) -> None:
        self._start, self._end, self.phrase, self.text = start, end, phrase, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _index: int = 0) -> str:
        return self.text[self._start:self._end]


class PhraseMatcher:
    """Whole-word, case-insensitive phrase lookup in one pass over the words of a text: a dict from
    each phrase's first word to the phrases it starts (faster than one large regex alternation)."""

    def __init__(self, phrases: list[str]) -> None:
        self.first: dict[str, list[tuple[str, ...]]] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        for phrase in phrases:
            words = tuple(w.casefold() for w in _PHRASE_WORD.findall(phrase))
            if words:
                self.first.setdefault(words[0], []).append(words)
                self.phrases[words] = phrase
        for options in self.first.values():
            options.sort(key=len, reverse=True)

    def finditer(self, text: str) -> list[PhraseMatch]:
        words = _words_of(text)
        first = self.first
        found: list[PhraseMatch] = []
        covered = -1
        for i in [i for i, w in enumerate(words) if w[2] in first]:
            if i <= covered:
                continue
            for option in first[words[i][2]]:
                n = len(option)
                if n == 1 or tuple(w[2] for w in words[i:i + n]) == option:
                    found.append(PhraseMatch(words[i][0], words[i + n - 1][1], self.phrases[option], text))
                    covered = i + n - 1
                    break
        return found

    def search(self, text: str) -> PhraseMatch | None:
        found = self.finditer(text)
        return found[0] if found else None


@dataclasses.dataclass(frozen=True, eq=False)  # hashed by identity: one instance per pack folder
class Lexicons:
    modality_en: dict[str, PhraseMatcher]
    modality_lemmas: dict[str, dict[str, frozenset[str]]]
    number_words: dict[str, dict[str, int]]
    multipliers: dict[str, int]
    number_context: dict[str, list[str]]
    topic_patterns: dict[str, re.Pattern[str]]
    genre: dict[str, tuple[float, tuple[str, ...]]]


def _lemma_sets(table: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(x.casefold() for x in table.get(lang, [])) for lang in ("ru", "uk")}


@functools.lru_cache(maxsize=4)
def load_lexicons(folder: Path | None = None) -> Lexicons:
    folder = folder or bundled_pack_dir()
    modality = load_toml(folder / "modality.toml")
    numbers = load_toml(folder / "numbers.toml")
    topics = load_toml(folder / "topics.toml")
    genre = load_toml(folder / "genre.toml")
    return Lexicons(
        modality_en={k: PhraseMatcher(v.get("en", [])) for k, v in modality.items()},
        modality_lemmas={k: _lemma_sets(v) for k, v in modality.items()},
        number_words={lang: {k.casefold(): int(v) for k, v in table.items()}
                      for lang, table in numbers.get("words", {}).items()},
        multipliers={k.casefold(): int(v) for k, v in numbers.get("multipliers", {}).items()},
        number_context={k: list(v) for k, v in numbers.get("context", {}).items()},
        topic_patterns={f"{group}.{name}": re.compile("|".join(re.escape(c.casefold()) for c in t.get("cues", []))
                                                      or r"(?!)")
                        for group, table in topics.items() for name, t in table.items()},
        genre={name: (float(g.get("weight", 1.0)), tuple(c.casefold() for c in g.get("cues", [])))
               for name, g in genre.items()},
    )
