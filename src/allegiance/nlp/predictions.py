"""Predictions: forecasts, warnings, conditionals, pledges, plans and schedules, each with its
speaker and, where the sentence gives one, its horizon resolved against the publication date."""

from __future__ import annotations

from .actors import ActorResolver
from .doc import Doc, Statement
from .modality import SentenceModality

__all__ = ["find_predictions"]


def find_predictions(doc: Doc, resolver: ActorResolver, modality: SentenceModality) -> list[Statement]:
    out = []
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        if text.rstrip().endswith("?"):
            continue
        future = modality.is_future(sentence)
        if not future and not modality.has("hypothetical", sentence):
            continue
        horizon = next((t.value or t.text for t in doc.times
                        if sentence.start <= t.start < sentence.end and (t.value or "") >= (doc.published or "")),
                       None)
        subject = resolver.before(sentence, sentence.end)
        out.append(Statement(
            "prediction", sentence.start, sentence.end, subject=resolver.label(subject) if subject else None,
            predicate="forecast" if future else "conditional", modality="future" if future else "hypothetical",
            speaker=modality.speaker(sentence), time=horizon, confidence=0.5, extractor="predictions.modality",
            unit=" ".join(text.split()[:12])))
    return out
