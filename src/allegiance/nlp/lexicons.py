"""Loading the statement lexicons of the packs (stance cues, event verbs, modality, topics, genre),
compiled once per process and per set of pack folders.

Every lexicon is read from every pack folder (:func:`allegiance.kb.langdata.pack_folders`), later
packs laid over earlier ones (tables merged, arrays extended, ``mode = "replace"`` replaces), so an
added pack can add cues or replace a lexicon. Words of each language come from ``lang/<code>/``."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..errors import PackError
from ..kb.langdata import every_language_data, pack_data, pack_folders

__all__ = ["StanceCue", "Lexicons", "PhraseMatcher", "load_lexicons"]


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


@dataclasses.dataclass(frozen=True)
class StanceCue:
    name: str
    issue: str
    stance: str
    actor: str
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    requires: tuple[str, ...] = ()
    requires_pattern: re.Pattern[str] | None = None

    def may_match(self, folded_text: str) -> bool:
        return self.requires_pattern is None or self.requires_pattern.search(folded_text) is not None


@dataclasses.dataclass(frozen=True, eq=False)  # hashed by identity: one instance per pack folder
class Lexicons:
    stance_cues: tuple[StanceCue, ...]
    excluded_actors: dict[str, frozenset[str]]
    event_verbs_en: dict[str, str]
    event_verbs_lemma: dict[str, dict[str, str]]
    event_pattern_en: PhraseMatcher
    modality_en: dict[str, PhraseMatcher]
    modality_lemmas: dict[str, dict[str, frozenset[str]]]
    topic_patterns: dict[str, re.Pattern[str]]
    genre: dict[str, tuple[float, tuple[str, ...]]]
    #: the pack folders the lexicons were read from, for components that read language data
    folders: tuple[Path, ...] = ()


def _compile(where: str, patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as exc:
        raise PackError(f"{where}: bad regular expression: {exc}") from exc


def _stances(path: str, data: dict[str, Any]) -> tuple[tuple[StanceCue, ...], dict[str, frozenset[str]]]:
    issues = {i["id"]: i for i in data.get("issues", [])}
    cues = []
    for n, cue in enumerate(data.get("cue", []), 1):
        where = f"{path} (cue {n}, {cue.get('name', '?')})"
        if cue.get("issue") not in issues:
            raise PackError(f"{where}: unknown issue {cue.get('issue')!r}")
        if cue.get("stance") not in issues[cue["issue"]].get("labels", []):
            raise PackError(f"{where}: stance {cue.get('stance')!r} is not a label of {cue['issue']}")
        patterns = {lang: _compile(where, value) for lang, value in cue.items() if lang not in _CUE_FIELDS}
        # one alternation per language: one scan of the article per cue instead of one per pattern
        patterns = {lang: (re.compile("|".join(f"(?:{p.pattern})" for p in ps), re.I),) if ps else ()
                    for lang, ps in patterns.items()}
        requires = tuple(str(w).casefold() for w in cue.get("requires", []))
        requires_pattern = re.compile("|".join(re.escape(w) for w in requires)) if requires else None
        cues.append(StanceCue(cue["name"], cue["issue"], cue["stance"], cue.get("actor", "subject"), patterns,
                              requires, requires_pattern))
    excluded = {i: frozenset(v.get("excluded_actors", [])) for i, v in issues.items()}
    return tuple(cues), excluded


_CUE_FIELDS = {"name", "issue", "stance", "actor", "requires"}


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


def _topics(folders: tuple[Path, ...]) -> dict[str, re.Pattern[str]]:
    topics = pack_data("topics.toml", folders)
    cues = _cues_by_name("topics", folders)
    names = [f"{group}.{name}" for group, table in topics.items() if isinstance(table, dict) for name in table]
    return {name: re.compile("|".join(re.escape(c.casefold()) for c in cues.get(name, [])) or r"(?!)")
            for name in names}


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
    stance_cues, excluded = _stances("stance_cues.toml", pack_data("stance_cues.toml", folders))
    events = pack_data("event_verbs.toml", folders)
    languages = sorted({lang for langs in events.values() if isinstance(langs, dict) for lang in langs})
    lemma_languages = tuple(lang for lang in languages if every_language_data("morphology", folders).get(lang))
    verbs_en = {v.casefold(): cat for cat, langs in events.items() for v in langs.get("en", [])}
    verbs_lemma = {lang: {v.casefold(): cat for cat, langs in events.items() for v in langs.get(lang, [])}
                   for lang in lemma_languages}
    modality = pack_data("modality.toml", folders)
    return Lexicons(
        stance_cues=stance_cues,
        excluded_actors=excluded,
        event_verbs_en=verbs_en,
        event_verbs_lemma=verbs_lemma,
        event_pattern_en=PhraseMatcher(list(verbs_en)),
        modality_en={k: PhraseMatcher(v.get("en", [])) for k, v in modality.items()},
        modality_lemmas={k: _lemma_sets(v, lemma_languages) for k, v in modality.items()},
        topic_patterns=_topics(folders),
        genre=_genre(folders),
        folders=folders,
    )
