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
        times = [t for t in doc.times if sentence.start <= t.start < sentence.end]
        horizon = next((t.value for t in times if t.value and t.value >= (doc.published or "")), None)
        relative = next((t.text for t in times if t.value is None), None)  # kept as written, not resolved
        subject = resolver.before(sentence, sentence.end)
        out.append(Statement(
            "prediction", sentence.start, sentence.end, subject=resolver.label(subject) if subject else None,
            object=f"horizon: {relative}" if relative and not horizon else None,
            predicate="forecast" if future else "conditional", modality="future" if future else "hypothetical",
            speaker=modality.speaker(sentence), time=horizon, confidence=0.5, extractor="predictions.modality",
            unit=" ".join(text.split()[:12])))
    return out
