"""Claims: other check-worthy assertions (reported speech, figures, sentences on a pack topic),
with speaker, modality and topics, so that what an article says of each topic can be retrieved."""

from __future__ import annotations

import functools
import re

from .actors import ActorResolver
from .doc import Doc, Sentence, Statement
from .lexicons import Lexicons, load_lexicons, topic_finder
from .modality import SentenceModality

__all__ = ["find_claims", "topics_of"]

_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)
def _topics(text: str, lexicons: Lexicons) -> tuple[str, ...]:
    low = text.casefold()
    finder = topic_finder(lexicons)
    if finder is None:
        return tuple(topic for topic, pattern in lexicons.topic_patterns.items() if pattern.search(low))
    found = {name for _end, names in finder.iter(low) for name in names}
    return tuple(topic for topic in lexicons.topic_patterns if topic in found)


def topics_of(text: str, lexicons: Lexicons) -> tuple[str, ...]:
    """The pack topics a sentence is about (cached: a sentence is asked once per statement)."""
    return _topics(text, lexicons)


def find_claims(doc: Doc, resolver: ActorResolver, modality: SentenceModality, covered: set[tuple[int, int]],
                lexicons: Lexicons | None = None) -> list[Statement]:
    lex = lexicons or load_lexicons()
    out = []
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        if len(text.split()) < 5:
            continue
        topics = topics_of(text, lex)
        speaker = modality.speaker(sentence)
        has_number = _DIGIT.search(text) is not None
        if not (topics or speaker or has_number) or ((sentence.start, sentence.end) in covered and not topics):
            continue
        subject = resolver.before(sentence, sentence.end)
        out.append(_claim(sentence, resolver.label(subject) if subject else None, topics, speaker,
                          modality.of(sentence), text))
    return out


def _claim(sentence: Sentence, subject: str | None, topics: tuple[str, ...], speaker: str | None, modality: str,
           text: str) -> Statement:
    return Statement("claim", sentence.start, sentence.end, subject=subject, predicate=topics[0] if topics else "claim",
                     modality=modality, speaker=speaker, topics=topics, confidence=0.4, extractor="claims",
                     unit=" ".join(text.split()[:12]))
