"""The genre of an article (opinion, reporting, analysis, press release) from weighted cues."""

from __future__ import annotations

import ahocorasick

from .doc import Doc
from .lexicons import Lexicons, load_lexicons

__all__ = ["GenreClassifier", "cue_counts"]


def cue_automaton(cues: set[str]) -> ahocorasick.Automaton | None:
    """An Aho-Corasick automaton of the cues (``None`` where there is none, or an empty one)."""
    if not cues or "" in cues:
        return None
    automaton = ahocorasick.Automaton()
    for cue in cues:
        automaton.add_word(cue, cue)
    automaton.make_automaton()
    return automaton


def cue_counts(text: str, cues: set[str], automaton: ahocorasick.Automaton | None) -> dict[str, int]:
    """``text.count(cue)`` of every cue, from one pass of the automaton over the text instead of a
    scan of the whole text per cue. ``str.count`` counts the occurrences it finds left to right,
    each search starting after the last one found (no overlaps); the automaton reports every
    occurrence of every cue, a cue's in the order of their ends, hence of their starts (a cue has
    one length): an occurrence counts where it starts at or after the end of the last one counted.
    Without an automaton, ``str.count`` itself."""
    if automaton is None:
        return {cue: text.count(cue) for cue in cues}
    counts = dict.fromkeys(cues, 0)
    free: dict[str, int] = {}  # where the next occurrence of a cue that counts may start
    for end, cue in automaton.iter(text):
        start = end - len(cue) + 1
        if start >= free.get(cue, 0):
            counts[cue] += 1
            free[cue] = end + 1
    return counts


class GenreClassifier:
    name = "genre"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("genre",)

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()
        self._cues = {cue for _weight, cues in self.lex.genre.values() for cue in cues}
        self._automaton = cue_automaton(self._cues)

    def __call__(self, doc: Doc) -> Doc:
        text = " " + doc.text.casefold()
        counts = cue_counts(text, self._cues, self._automaton)
        scores = {name: weight * sum(counts[cue] for cue in cues)
                  for name, (weight, cues) in self.lex.genre.items()}
        best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "reporting"))
        doc.genre = best[0] if best[1] > 0 else "reporting"
        return doc
