"""Optional Ukrainian named-entity recognition for people and organisations the knowledge base does not
list: a small spaCy model trained by ``scripts/train_ner_uk.py`` on half of lang-uk's NER-UK 2.0.

The training data is CC BY-NC-SA 4.0, so the model is non-commercial (``allegiance/models/uk_ner_nc/
LICENSE``): it runs only where the ``ukrainian_ner`` setting is on (off by default; install the
``ukrainian-ner-noncommercial`` extra). Mentions it finds are kept unlinked, with their nominative form
as canonical name where the morphology is sure."""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from ..errors import AllegianceError
from .doc import Doc, Mention
from .slavic_persons import romanise

__all__ = ["UkrainianNER", "MODEL_PATH", "ukrainian_ner_available"]

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "uk_ner_nc"
_TYPES = {"PERS": "person", "ORG": "organization"}
_CONFIDENCE = 0.7
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


def ukrainian_ner_available() -> bool:
    """True where spaCy and the trained model are installed."""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return (MODEL_PATH / "meta.json").is_file()


@functools.lru_cache(maxsize=1)
def _model() -> Any:
    if not ukrainian_ner_available():
        raise AllegianceError("Ukrainian NER needs spaCy and the non-commercial model in allegiance/models/uk_ner_nc: "
                              "pip install 'allegiance[ukrainian-ner-noncommercial]' and make ner-uk "
                              "(or turn the setting ukrainian_ner off)", code="missing_extra")
    import spacy

    return spacy.load(MODEL_PATH)


def _canonical(text: str, kind: str) -> str:
    """A person's name in the nominative («Олени Зеленської» → «Олена Зеленська»), where every word has a
    noun or adjective reading in one oblique case; other names as written."""
    if kind != "person":
        return text
    from .morphology import _analyzer, _parses

    words = text.split()
    readings = [[p for p in _parses(_analyzer("uk"), w.casefold()) if p.tag.POS in ("NOUN", "ADJF")] for w in words]
    cases = [{p.tag.case for p in r} for r in readings]
    common = set.intersection(*cases) if cases and all(cases) else set()
    case = next((c for c in ("gent", "datv", "accs", "ablt", "loct") if c in common), None)
    if case is None or "nomn" in common:
        return text
    out = []
    for word, options in zip(words, readings, strict=True):
        try:
            form = next(q for q in (p.inflect({"nomn"}) for p in options if p.tag.case == case) if q is not None)
        except (StopIteration, ValueError):
            return text
        out.append(form.word[:1].upper() + form.word[1:] if word[:1].isupper() else form.word)
    return " ".join(out)


class UkrainianNER:
    """Adds the model's PERS and ORG spans to ``doc.mentions`` of Ukrainian articles where no mention is."""

    name = "ukrainian_ner"
    requires: tuple[str, ...] = ("sentences", "mentions")
    provides: tuple[str, ...] = ("mentions",)

    def __init__(self) -> None:
        _model()  # fail at set-up, not in the middle of a run

    def __call__(self, doc: Doc) -> Doc:
        if doc.language != "uk" or not doc.text.strip():
            return doc
        nlp = _model()
        spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        taken = [(m.start, m.end) for m in doc.mentions]
        added = []
        for (offset, _), parsed in zip(spans, nlp.pipe((doc.text[a:b] for a, b in spans), batch_size=64),
                                       strict=True):
            for ent in parsed.ents:
                kind = _TYPES.get(ent.label_)
                start, end = offset + ent.start_char, offset + ent.end_char
                if kind is None or any(start < e and s < end for s, e in taken):
                    continue
                text = doc.text[start:end]
                canonical = _canonical(text, kind)
                if kind == "person":  # one spelling across languages, as the rule-found people (slavic_persons)
                    canonical = romanise(canonical, "uk")
                added.append(Mention(start, end, text, None, kind, "ner", _CONFIDENCE, canonical))
                taken.append((start, end))
        doc.mentions = tuple(sorted(doc.mentions + tuple(added), key=lambda m: (m.start, -m.end)))
        return doc
