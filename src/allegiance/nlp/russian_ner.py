"""Optional Russian named-entity recognition with natasha (the ``russian-ner`` extra), for people
and organisations the knowledge base does not list. natasha ships its models inside the package:
nothing is downloaded. Mentions it finds are kept unlinked, with their nominative form."""

from __future__ import annotations

import functools
from typing import Any

from ..errors import AllegianceError
from .doc import Doc, Mention
from .slavic_persons import romanise

__all__ = ["RussianNER", "natasha_available"]

_TYPES = {"PER": "person", "ORG": "organization"}
_CONFIDENCE = 0.7


def natasha_available() -> bool:
    try:
        import natasha  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def _models() -> tuple[Any, Any, Any]:
    try:
        from natasha import MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError as exc:
        raise AllegianceError("Russian NER needs natasha: pip install 'allegiance[russian-ner]' "
                              "(or turn the setting russian_ner off)", code="missing_extra") from exc
    return Segmenter(), NewsNERTagger(NewsEmbedding()), MorphVocab()


class RussianNER:
    """Adds natasha's PER and ORG spans to ``doc.mentions`` of Russian articles where no mention is."""

    name = "russian_ner"
    requires: tuple[str, ...] = ("mentions",)
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self) -> None:
        _models()  # fail at set-up, not in the middle of a run

    def __call__(self, doc: Doc) -> Doc:
        if doc.language != "ru":
            return doc
        from natasha import Doc as NatashaDoc

        segmenter, tagger, vocab = _models()
        nd = NatashaDoc(doc.text)
        nd.segment(segmenter)
        nd.tag_ner(tagger)
        taken = [(m.start, m.end) for m in doc.mentions]
        added = []
        for span in nd.spans:
            kind = _TYPES.get(span.type)
            if kind is None or any(span.start < e and s < span.stop for s, e in taken):
                continue
            try:
                span.normalize(vocab)
                canonical = span.normal or span.text
            except Exception:  # normalisation needs morphology the span may lack
                canonical = span.text
            if kind == "person":  # one spelling across languages, as the rule-found people (slavic_persons)
                canonical = romanise(canonical, "ru")
            added.append(Mention(span.start, span.stop, span.text, None, kind, "ner", _CONFIDENCE, canonical))
        doc.mentions = tuple(sorted(doc.mentions + tuple(added), key=lambda m: (m.start, -m.end)))
        return doc
