"""The genre of an article (opinion, reporting, analysis, press release) from weighted cues."""

from __future__ import annotations

from .doc import Doc
from .lexicons import Lexicons, load_lexicons

__all__ = ["GenreClassifier"]


class GenreClassifier:
    name = "genre"
    requires: tuple[str, ...] = ("text",)
    provides: tuple[str, ...] = ("genre",)

    def __init__(self, lexicons: Lexicons | None = None) -> None:
        self.lex = lexicons or load_lexicons()

    def __call__(self, doc: Doc) -> Doc:
        text = " " + doc.text.casefold()
        scores = {name: weight * sum(text.count(cue) for cue in cues)
                  for name, (weight, cues) in self.lex.genre.items()}
        best = max(scores.items(), key=lambda kv: (kv[1], kv[0] == "reporting"))
        doc.genre = best[0] if best[1] > 0 else "reporting"
        return doc
