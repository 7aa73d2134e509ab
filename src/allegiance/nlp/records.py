"""Typed statement records: one frozen record per kind, with the subject and the speaker as
references to mentions, the clause's factuality and a confidence that follows from how the
statement was read. Each record turns into the stored row (:class:`~allegiance.nlp.doc.Statement`)
with :meth:`row`, so that the store, the views and the eval export keep their shape.

The confidence is the rule's base (a stance 0.6, an event 0.6, a prediction 0.55), raised by 0.1
for an act reported as done by a subject named in the sentence, lowered by 0.1 for a subject that
is inherited or resolved ("we", a pronoun, the governing clause's subject) and by 0.05 for what
only a quoted speaker says. It orders statements by how directly the text supports them; it is
no calibrated probability.
"""

from __future__ import annotations

import dataclasses

from .actors import ActorResolver
from .doc import Mention, Statement
from .frames import Frame

__all__ = ["EventRecord", "MentionRef", "PredictionRecord", "StanceRecord", "confidence"]


@dataclasses.dataclass(frozen=True)
class MentionRef:
    """A mention the statement points at: its span in the article and its label as exported."""

    start: int
    end: int
    label: str

    @classmethod
    def of(cls, resolver: ActorResolver, mention: Mention | None) -> MentionRef | None:
        return None if mention is None else cls(mention.start, mention.end, resolver.label(mention))

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def confidence(base: float, frame: Frame | None, direct: bool) -> float:
    """See the module docstring: how directly the sentence supports the statement."""
    value = base
    if frame is not None and frame.factuality == "done" and direct:
        value += 0.1
    if not direct:
        value -= 0.1
    if frame is not None and frame.speaker is not None:
        value -= 0.05
    return round(min(0.95, max(0.1, value)), 2)


@dataclasses.dataclass(frozen=True)
class StanceRecord:
    start: int
    end: int
    state: str
    issue: str
    label: str
    subject: MentionRef | None
    speaker: MentionRef | None
    negated: bool
    factuality: str
    modality: str
    confidence: float
    rule: str
    cue: str

    def row(self) -> Statement:
        return Statement("stance", self.start, self.end, subject=self.state, predicate=self.label, object=self.issue,
                         issue=self.issue, polarity="negative" if self.negated else "positive",
                         modality=self.modality, speaker=self.speaker.label if self.speaker else None,
                         confidence=self.confidence, extractor=f"stances.{self.rule}", cue=self.cue,
                         factuality=self.factuality, subject_span=self.subject.span if self.subject else None,
                         speaker_span=self.speaker.span if self.speaker else None)


@dataclasses.dataclass(frozen=True)
class EventRecord:
    start: int
    end: int
    actor: MentionRef
    type: str
    action: str
    targets: tuple[str, ...]
    speaker: MentionRef | None
    factuality: str
    modality: str
    confidence: float
    rule: str
    cue: str

    def row(self) -> Statement:
        return Statement("event", self.start, self.end, subject=self.actor.label, predicate=self.type,
                         object="; ".join(self.targets) or None, modality=self.modality,
                         speaker=self.speaker.label if self.speaker else None, confidence=self.confidence,
                         extractor=f"events.{self.rule}", cue=self.cue, unit=self.action, factuality=self.factuality,
                         subject_span=self.actor.span, speaker_span=self.speaker.span if self.speaker else None)


@dataclasses.dataclass(frozen=True)
class PredictionRecord:
    start: int
    end: int
    claim: str
    conditional: bool
    horizon: str | None
    subject: MentionRef | None
    speaker: MentionRef | None
    confidence: float
    marker: str

    def row(self) -> Statement:
        return Statement("prediction", self.start, self.end, subject=self.subject.label if self.subject else None,
                         predicate="conditional" if self.conditional else "forecast",
                         modality="hypothetical" if self.conditional else "future",
                         speaker=self.speaker.label if self.speaker else None, time=self.horizon,
                         confidence=self.confidence, extractor="predictions.frames", cue=self.marker,
                         unit=self.claim, factuality="conditional" if self.conditional else "planned",
                         subject_span=self.subject.span if self.subject else None,
                         speaker_span=self.speaker.span if self.speaker else None)
