"""Loading the statement lexicons of the packs (modality, topics, genre), compiled once per process
and per set of pack folders. Stance and event predicates are language data read by ``frames.py``.

Every lexicon is read from every pack folder (:func:`allegiance.kb.langdata.pack_folders`), later
packs laid over earlier ones (tables merged, arrays extended, ``mode = "replace"`` replaces), so an
added pack can add cues or replace a lexicon. Words of each language come from ``lang/<code>/``."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..kb.langdata import every_language_data, pack_data, pack_folders

__all__ = ["Lexicons", "PhraseMatcher", "load_lexicons", "topic_finder"]


_PHRASE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|'\w+")


@functools.lru_cache(maxsize=2048)
def _words_of(text: str) -> tuple[tuple[int, int, str], ...]:
    """The words of a text with offsets, case-folded; cached, as every cue family asks for them."""
    return tuple((m.start(), m.end(), m.group(0).casefold()) for m in _PHRASE_WORD.finditer(text))


@functools.lru_cache(maxsize=2048)
def _word_set(text: str) -> frozenset[str]:
    """The distinct case-folded words of a text: a matcher none of whose first words is among them
    has nothing to find, and most sentences hold no cue of most families."""
    return frozenset(w[2] for w in _words_of(text))


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
        return list(self._matches(text))

    def search(self, text: str) -> PhraseMatch | None:
        """The first match: the same as ``finditer(text)[0]``, without reading past it (a sentence
        with "said" asks the reporting cues once per cue kind)."""
        return next(self._matches(text), None)

    def _matches(self, text: str) -> Iterator[PhraseMatch]:
        first = self.first
        if first.keys().isdisjoint(_word_set(text)):
            return
        words = _words_of(text)
        covered = -1
        for i, word in enumerate(words):
            if i <= covered or word[2] not in first:
                continue
            for option in first[word[2]]:
                n = len(option)
                if n == 1 or tuple(w[2] for w in words[i:i + n]) == option:
                    yield PhraseMatch(words[i][0], words[i + n - 1][1], self.phrases[option], text)
                    covered = i + n - 1
                    break


@dataclasses.dataclass(frozen=True, eq=False)  # hashed by identity: one instance per pack folder
class Lexicons:
    modality_en: dict[str, PhraseMatcher]
    modality_lemmas: dict[str, dict[str, frozenset[str]]]
    topic_patterns: dict[str, re.Pattern[str]]
    genre: dict[str, tuple[float, tuple[str, ...]]]
    #: the pack folders the lexicons were read from, for components that read language data
    folders: tuple[Path, ...] = ()
    #: each topic's cues (case-folded), from which ``topic_patterns`` were compiled: the topics of
    #: a sentence are found in one Aho-Corasick pass over them (:func:`topic_finder`)
    topic_cues: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    #: the languages whose cues are lemmas read through a morphological dictionary (those with a
    #: ``lang/<code>/morphology.toml``: Russian and Ukrainian), not surface phrases
    lemma_languages: tuple[str, ...] = ()


def _lemma_sets(table: dict[str, Any], lemma_languages: tuple[str, ...]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(x.casefold() for x in table.get(lang, [])) for lang in lemma_languages}


def _cues_by_name(concern: str, folders: tuple[Path, ...]) -> dict[str, list[str]]:
    """The cues of every language for each ``[group.name]`` (or ``[name]``) table of ``concern``,
    pooled: a topic's or a genre's stems are matched whatever the article's language."""
    pooled: dict[str, list[str]] = {}
    for data in every_language_data(concern, folders).values():
        for key, table in data.items():
            tables = table.items() if isinstance(table, dict) and "cues" not in table else [(None, table)]
            for name, inner in tables:
                if isinstance(inner, dict):
                    cues = pooled.setdefault(key if name is None else f"{key}.{name}", [])
                    cues.extend(c for c in inner.get("cues", []) if c not in cues)
    return pooled


def _topic_cues(folders: tuple[Path, ...]) -> dict[str, tuple[str, ...]]:
    topics = pack_data("topics.toml", folders)
    cues = _cues_by_name("topics", folders)
    names = [f"{group}.{name}" for group, table in topics.items() if isinstance(table, dict) for name in table]
    return {name: tuple(c.casefold() for c in cues.get(name, [])) for name in names}


def _topics(cues: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern[str]]:
    return {name: re.compile("|".join(re.escape(c) for c in words) or r"(?!)") for name, words in cues.items()}


@functools.lru_cache(maxsize=8)
def topic_finder(lexicons: Lexicons) -> Any:
    """An Aho-Corasick automaton of every topic's cues (each cue -> its topics), or ``None`` where
    the lexicons carry patterns without their cues or a cue is empty (the patterns are then
    searched one by one). A topic's pattern finds a case-folded text exactly when one of its cues
    is a substring of it, which is what one pass of the automaton tells for every topic at once."""
    import ahocorasick

    cues = lexicons.topic_cues
    if set(cues) != set(lexicons.topic_patterns) or any(not c for words in cues.values() for c in words):
        return None
    by_cue: dict[str, list[str]] = {}
    for name, words in cues.items():
        for cue in words:
            by_cue.setdefault(cue, []).append(name)
    if not by_cue:
        return None
    automaton = ahocorasick.Automaton()
    for cue, names in by_cue.items():
        automaton.add_word(cue, tuple(names))
    automaton.make_automaton()
    return automaton


def _genre(folders: tuple[Path, ...]) -> dict[str, tuple[float, tuple[str, ...]]]:
    genres = pack_data("genre.toml", folders)
    cues = _cues_by_name("genre", folders)
    return {name: (float(g.get("weight", 1.0)), tuple(c.casefold() for c in cues.get(name, [])))
            for name, g in genres.items() if isinstance(g, dict)}


@functools.lru_cache(maxsize=8)
def load_lexicons(folders: tuple[Path, ...] | Path | None = None) -> Lexicons:
    """The lexicons of the pack folders (by default :func:`pack_folders`: the bundled pack, then the
    packs of entry points); a single folder is read alone."""
    folders = (folders,) if isinstance(folders, Path) else folders or pack_folders()
    lemma_languages = tuple(sorted(lang for lang, data in every_language_data("morphology", folders).items()
                                   if data))
    modality = pack_data("modality.toml", folders)
    topic_cues = _topic_cues(folders)
    return Lexicons(
        # the surface languages' phrases together (English, German, Dutch ...), as time words are read
        modality_en={k: PhraseMatcher([p for lang, ps in v.items() if lang not in lemma_languages for p in ps])
                     for k, v in modality.items()},
        modality_lemmas={k: _lemma_sets(v, lemma_languages) for k, v in modality.items()},
        topic_patterns=_topics(topic_cues),
        genre=_genre(folders),
        folders=folders,
        topic_cues=topic_cues,
        lemma_languages=lemma_languages,
    )
