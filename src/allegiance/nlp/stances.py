"""Stances of states on issues, from the pack's cues (``stance_cues.toml``): the cue, the state it
belongs to (the subject before it, the states listed after it, or the supplier after "from"),
negation, disputed claims, and statements about groups that are not spread to members."""

from __future__ import annotations

import re

from .actors import ActorResolver, listed_states
from .doc import Doc, Mention, Sentence, Statement
from .lexicons import Lexicons, StanceCue, load_lexicons
from .modality import SentenceModality

__all__ = ["find_stances"]

_ASKED_TO = re.compile(r"\b(encourag|urg|ask|press|push|want|call|invit|persuad)\w*\b[^.]{0,40}\bto\s+(\w+ly\s+)?$",
                       re.I)
_NEGATION_BEFORE = re.compile(r"\b(not|no|never|n't|не|ні|без)\s+(\w+\s+){0,2}$", re.I)


def _cue_matches(cue: StanceCue, text: str, language: str | None) -> list[re.Match[str]]:
    """Every match of the cue in a sentence (one scan per language: its patterns are one alternation)."""
    patterns = cue.patterns.get(language or "en") or cue.patterns["en"]
    if language in ("ru", "uk"):
        patterns = patterns + cue.patterns["en"]
    return [m for p in patterns for m in p.finditer(text)]


def _disputed(doc: Doc, resolver: ActorResolver, modality: SentenceModality, state: str) -> bool:
    """The article shows the state denying what is said of it (or it is denied on its behalf)."""
    for sentence in doc.sentences:
        if modality.has("denial", sentence) and any(resolver.state_of(m) == state
                                                    for m in resolver.in_sentence(sentence)):
            return True
    return False


def _actors(cue: StanceCue, resolver: ActorResolver, sentence: Sentence, start: int, end: int,
            excluded: frozenset[str]) -> list[Mention]:
    text = resolver.doc.text
    if cue.actor == "listed":
        states = resolver.states_in(sentence)
        return listed_states(text, states, start, end)
    if cue.actor == "source":
        return resolver.states_after(sentence, end)[:1]
    candidates = [m for m in resolver.in_sentence(sentence) if m.end <= start]
    quantified = re.compile(r"\b(no|none of the|all|some|every|each|many|several|other|most|any)\s+$", re.I)
    for m in sorted(candidates, key=lambda m: m.end, reverse=True):
        if m.type == "alliance" and quantified.search(text[max(sentence.start, m.start - 15):m.start]):
            return []  # "no CSTO member": a statement about a group is not spread to its members
        state = resolver.state_of(m)
        if state and state not in excluded:
            return [m]
    subject = resolver.resolve_pronoun(sentence, states_only=True)
    if subject is not None:
        return [subject]
    if cue.actor == "subject_or_object":
        return [m for m in resolver.states_after(sentence, start) if m.start - end < 40][:1]
    return []


def find_stances(doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                 lexicons: Lexicons | None = None) -> list[Statement]:
    lex = lexicons or load_lexicons()
    out: list[Statement] = []
    seen: set[tuple[str, str, str, int]] = set()
    disputed: dict[str, bool] = {}
    for sentence in doc.sentences:
        text = doc.text[sentence.start:sentence.end]
        folded = text.casefold()
        for cue in lex.stance_cues:
            if not cue.may_match(folded):
                continue  # none of the cue's words is in the sentence: its patterns cannot match
            for found in _cue_matches(cue, text, doc.language):
                start, end = sentence.start + found.start(), sentence.start + found.end()
                if cue.stance in ("support", "oppose") and cue.actor == "subject" and _NEGATION_BEFORE.search(
                        doc.text[max(sentence.start, start - 25):start]):
                    continue
                if _ASKED_TO.search(doc.text[max(sentence.start, start - 60):start]):
                    continue  # "encouraged Lukashenko to openly participate": asked for, not done
                excluded = lex.excluded_actors.get(cue.issue, frozenset())
                for actor in _actors(cue, resolver, sentence, start, end, excluded):
                    state = resolver.state_of(actor)
                    if state is None or state in excluded:
                        continue
                    if cue.stance == "support" and disputed.setdefault(
                            state, _disputed(doc, resolver, modality, state)):
                        continue
                    key = (state, cue.issue, cue.stance, sentence.start)  # one per sentence; every sentence is evidence
                    if key in seen:
                        continue
                    seen.add(key)
                    out.append(Statement(
                        "stance", sentence.start, sentence.end, subject=state, predicate=cue.stance,
                        object=cue.issue, issue=cue.issue, modality=modality.of(sentence),
                        speaker=modality.speaker(sentence), confidence=0.6, extractor=f"stances.{cue.name}",
                        cue=doc.text[start:end]))
    return out
