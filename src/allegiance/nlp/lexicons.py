"""Loading the statement lexicons of the packs (stance cues, event verbs, modality, numbers,
topics, genre), compiled once per process."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import Any

from ..errors import PackError
from ..kb.packs import bundled_pack_dir, load_toml

__all__ = ["StanceCue", "Lexicons", "load_lexicons", "phrase_pattern"]


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``phrases`` as whole words."""
    if not phrases:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alternatives})(?![\w])", re.I)


@dataclasses.dataclass(frozen=True)
class StanceCue:
    name: str
    issue: str
    stance: str
    actor: str
    patterns: dict[str, tuple[re.Pattern[str], ...]]
    requires: tuple[str, ...] = ()

    def may_match(self, folded_text: str) -> bool:
        return not self.requires or any(word in folded_text for word in self.requires)


@dataclasses.dataclass(frozen=True, eq=False)  # hashed by identity: one instance per pack folder
class Lexicons:
    stance_cues: tuple[StanceCue, ...]
    excluded_actors: dict[str, frozenset[str]]
    event_verbs_en: dict[str, str]
    event_verbs_lemma: dict[str, dict[str, str]]
    event_pattern_en: re.Pattern[str]
    modality_en: dict[str, re.Pattern[str]]
    modality_lemmas: dict[str, dict[str, frozenset[str]]]
    number_words: dict[str, dict[str, int]]
    multipliers: dict[str, int]
    number_context: dict[str, list[str]]
    topics: dict[str, tuple[str, tuple[str, ...]]]
    topic_patterns: dict[str, re.Pattern[str]]
    genre: dict[str, tuple[float, tuple[str, ...]]]


def _compile(where: str, patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, re.I) for p in patterns)
    except re.error as exc:
        raise PackError(f"{where}: bad regular expression: {exc}") from exc


def _stances(path: Path) -> tuple[tuple[StanceCue, ...], dict[str, frozenset[str]]]:
    data = load_toml(path)
    issues = {i["id"]: i for i in data.get("issues", [])}
    cues = []
    for n, cue in enumerate(data.get("cue", []), 1):
        where = f"{path} (cue {n}, {cue.get('name', '?')})"
        if cue.get("issue") not in issues:
            raise PackError(f"{where}: unknown issue {cue.get('issue')!r}")
        if cue.get("stance") not in issues[cue["issue"]].get("labels", []):
            raise PackError(f"{where}: stance {cue.get('stance')!r} is not a label of {cue['issue']}")
        patterns = {lang: _compile(where, cue.get(lang, [])) for lang in ("en", "ru", "uk")}
        requires = tuple(str(w).casefold() for w in cue.get("requires", []))
        cues.append(StanceCue(cue["name"], cue["issue"], cue["stance"], cue.get("actor", "subject"), patterns,
                              requires))
    excluded = {i: frozenset(v.get("excluded_actors", [])) for i, v in issues.items()}
    return tuple(cues), excluded


def _lemma_sets(table: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {lang: frozenset(x.casefold() for x in table.get(lang, [])) for lang in ("ru", "uk")}


@functools.lru_cache(maxsize=4)
def load_lexicons(folder: Path | None = None) -> Lexicons:
    folder = folder or bundled_pack_dir()
    stance_cues, excluded = _stances(folder / "stance_cues.toml")
    events = load_toml(folder / "event_verbs.toml")
    verbs_en = {v.casefold(): cat for cat, langs in events.items() for v in langs.get("en", [])}
    verbs_lemma = {lang: {v.casefold(): cat for cat, langs in events.items() for v in langs.get(lang, [])}
                   for lang in ("ru", "uk")}
    modality = load_toml(folder / "modality.toml")
    numbers = load_toml(folder / "numbers.toml")
    topics = load_toml(folder / "topics.toml")
    genre = load_toml(folder / "genre.toml")
    return Lexicons(
        stance_cues=stance_cues,
        excluded_actors=excluded,
        event_verbs_en=verbs_en,
        event_verbs_lemma=verbs_lemma,
        event_pattern_en=phrase_pattern(list(verbs_en)),
        modality_en={k: phrase_pattern(v.get("en", [])) for k, v in modality.items()},
        modality_lemmas={k: _lemma_sets(v) for k, v in modality.items()},
        number_words={lang: {k.casefold(): int(v) for k, v in table.items()}
                      for lang, table in numbers.get("words", {}).items()},
        multipliers={k.casefold(): int(v) for k, v in numbers.get("multipliers", {}).items()},
        number_context={k: list(v) for k, v in numbers.get("context", {}).items()},
        topics={f"{group}.{name}": (str(t.get("label", name)), tuple(c.casefold() for c in t.get("cues", [])))
                for group, table in topics.items() for name, t in table.items()},
        topic_patterns={f"{group}.{name}": re.compile("|".join(re.escape(c.casefold()) for c in t.get("cues", []))
                                                      or r"(?!)")
                        for group, table in topics.items() for name, t in table.items()},
        genre={name: (float(g.get("weight", 1.0)), tuple(c.casefold() for c in g.get("cues", [])))
               for name, g in genre.items()},
    )
