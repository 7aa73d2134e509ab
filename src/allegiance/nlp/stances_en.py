"""English readings of a clause frame's actors before the stance rules judge it (``stances.py``):
the members a passive agent or a fronted "among" phrase lists, a speaker's "it", the proposer of
a mediation, the sayer of a quoted "we", and a former official who no longer speaks for the state.
Each returns the frame unchanged for other languages."""

from __future__ import annotations

import dataclasses
import functools
import re

from .actors import listed_states
from .doc import Mention, Sentence
from .frame_types import AUXILIARY_KEYS
from .frames import Frame, FrameBuilder, LanguagePack

__all__ = ["elided_denials", "former", "read_en"]



def _either(pack: LanguagePack, key: str) -> str:
    """The words of ``grammar.toml`` ``key`` as a regex alternation, in their file order (one that
    never matches where the language lists none)."""
    return "|".join(map(re.escape, pack.ordered.get(key, ()))) or r"(?!)"


@functools.lru_cache(maxsize=8)
def _members_after_agent(pack: LanguagePack) -> re.Pattern[str]:
    """"backed by 141 countries, including ...": the passive's agent (``agent_prepositions``) and the
    words that open its members (``member_openers``)."""
    return re.compile(r"\s+(?:" + _either(pack, "agent_prepositions") + r")\s+(?:[\w-]+\s+){0,4}?[\w-]+,?\s+(?:"
                      + _either(pack, "member_openers") + r")\s+")


@functools.lru_cache(maxsize=8)
def _copula_after(pack: LanguagePack) -> re.Pattern[str]:
    """"Among those voting no were ...": the copula (``fronted_copulas``) before the listed members."""
    return re.compile(r"\s(?:" + _either(pack, "fronted_copulas") + r")\s+(?:the\s+)?")


def _with_listed_members(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: a frame without a subject whose states are listed where English puts a group's
    members: after a passive agent ("was backed by 141 countries, including Serbia and Moldova",
    "condemned by most states, among them ...") or after the copula of a fronted "among" phrase
    ("Among those voting no were Mali, Nicaragua and Eritrea"). The frame with them as subjects."""
    pack = builder.pack
    if pack is None or not pack.english or frame.subjects or frame.we:
        return frame
    text = builder.doc.text
    states = builder.resolver.states_in(frame.sentence)
    anchor = None
    if frame.passive:
        found = _members_after_agent(pack).match(text, frame.end, frame.sentence.end)
        anchor = found.end() if found else None
    elif frame.start - frame.sentence.start <= 30 and not any(m.start < frame.start for m in states):
        # "Among those voting no were ...", "Voting against the resolution were ..."
        found = _copula_after(pack).search(text, frame.end, min(frame.sentence.end, frame.end + 60))
        anchor = found.end() if found else None
    if anchor is None:
        return frame
    members = [m for m in listed_states(text, states, anchor, anchor, builder.resolver.folders) if m.start >= anchor]
    return dataclasses.replace(frame, subjects=tuple(members)) if members else frame


def _with_speaker_as_it(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """English: "X, a partner of Moscow, said it would not recognise ...": the state pronoun right
    after a speech verb (or after its "that") is the speaker, not the mention nearest before it."""
    pack = builder.pack
    if pack is None or not pack.english or frame.we:
        return frame
    words = builder.words(frame.sentence)
    k = frame.word - 1
    while k > 0 and (words[k].upos in ("AUX", "PART") or words[k].low.endswith("ly") and words[k].upos == "X"):
        k -= 1
    if k < 1 or not (pack.has("pronouns", words[k].low) and pack.has("pronouns_state", words[k].low)):
        return frame  # a personal pronoun for a state: "it", "they"
    k -= 2 if pack.has("complementizers", words[k - 1].low) and k >= 2 else 1
    speech = next((f for f in frames if f.word == k and f.lemma in pack.speech), None)
    if speech is None or not any(builder.resolver.state_of(m) for m in speech.subjects) or \
            speech.subjects == frame.subjects:
        return frame
    return dataclasses.replace(frame, subjects=speech.subjects)


def _with_proposer(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """English: mediation asked for by a proposal ("proposed a group of countries to mediate between
    Russia and Ukraine", "proposed forming a group ... to mediate"): the proposer offers good offices,
    so the mediation frame takes the proposing frame's subjects and factuality."""
    pack = builder.pack
    if pack is None or not pack.english or frame.factuality != "asked" or frame.governor is None or \
            frame.lemma not in pack.stance_classes.get("mediate", frozenset()) or \
            frame.governor not in pack.stance_classes.get("call_peace", frozenset()):
        return frame
    owner = next((f for f in reversed(frames) if f.start < frame.start and f.lemma == frame.governor), None)
    if owner is None or not owner.subjects or owner.factuality not in ("done", "ongoing", "present"):
        return frame
    return dataclasses.replace(frame, subjects=owner.subjects, factuality="nominal", we=owner.we)


def _with_we_owner(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """English: "we" with no speech verb of its own in the clause ("..., saying “We are not Russia's
    ally ..."): the speaker is the subject of the frame before it that governs the quote."""
    if builder.pack is None or not builder.pack.english or not frame.we or frame.speaker is not None:
        return frame
    owner = next((f for f in reversed(frames) if f.start < frame.start and f.subjects and not f.we), None)
    return dataclasses.replace(frame, speaker=owner.subjects[0]) if owner is not None else frame


def _with_speaker_as_country(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: "According to the Kazakh foreign ministry, the country has not sent ...": a state
    pronoun ("it", "the country") with nothing it resolves to in the sentence stands for the state
    whose organ speaks."""
    if frame.subjects or frame.subject_word is not None or frame.we or frame.speaker is None or \
            not builder.resolver.state_of(frame.speaker) or \
            not builder._pronoun_before(builder.words(frame.sentence), frame.word):
        return frame
    return dataclasses.replace(frame, subjects=(frame.speaker,))


def _before_verb(builder: FrameBuilder, frame: Frame) -> int:
    """The index of the word before the frame's verb, its auxiliaries and adverbs aside."""
    words = builder.words(frame.sentence)
    adverbs = builder.pack.grammar.get("adverbs", frozenset()) if builder.pack else frozenset()
    k = frame.word - 1
    while k > 0 and (words[k].upos in ("AUX", "PART") or words[k].low.endswith("ly") or words[k].low in adverbs):
        k -= 1
    return k


def _with_opening_subject(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: a verb right after a conjunction with no subject found ("Uzbekistan remains committed
    to a settlement and urges ...", "X trades with Russia and backs ..."), where the verb before the
    conjunction read as no frame of its own: the state (or list) that opens the sentence, or opens it
    after a comma-closed opening phrase ("According to the statement, Uzbekistan ..."), is the subject."""
    pack = builder.pack
    if pack is None or not pack.english or frame.subjects or frame.we or frame.passive:
        return frame
    words = builder.words(frame.sentence)
    k = _before_verb(builder, frame)
    if k < 2 or words[k].low not in pack.grammar.get("conjunctions", frozenset()):
        return frame
    mentions = [m for m in builder.resolver.in_sentence(frame.sentence) if m.end <= words[k].start]
    if not mentions:
        return frame
    first = min(mentions, key=lambda m: m.start)
    opening = builder.doc.text[frame.sentence.start:first.start].strip()
    if first.type != "state" or first.kind == "demonym" or not builder.resolver.state_of(first) or \
            opening and not opening.endswith(","):
        return frame
    listed = builder._coordinated_after(frame.sentence, first)
    return dataclasses.replace(frame, subjects=tuple(builder._coordinated(frame.sentence, listed[-1])))


def _with_sayer_of_it(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """English: "Hungary blocked the aid, saying it wants a ceasefire": a state pronoun right after a
    speech participle that follows a comma is the subject of the clause before the comma (the frame
    before it with a state subject), not the mention nearest before the pronoun."""
    pack = builder.pack
    if pack is None or not pack.english or frame.we:
        return frame
    words = builder.words(frame.sentence)
    k = _before_verb(builder, frame)
    if k < 3 or not (pack.has("pronouns", words[k].low) and pack.has("pronouns_state", words[k].low)):
        return frame
    k -= 2 if pack.has("complementizers", words[k - 1].low) and k >= 4 else 1
    if words[k].lemma not in pack.speech or not words[k].low.endswith("ing") or words[k - 1].text != ",":
        return frame
    owner = next((f for f in reversed(frames) if f.end <= words[k - 1].start and f.factuality not in (
        "nominal", "nonfinite", "relative") and any(builder.resolver.state_of(m) for m in f.subjects)), None)
    return dataclasses.replace(frame, subjects=owner.subjects) if owner is not None else frame


def _with_person_before(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: "Lukashenko may be the Kremlin's closest partner, but he has not committed a single
    battalion": a person pronoun (``pronouns_person``) right before the verb, with no subject found,
    is the person who opens the sentence (the first named before it; "Tokayev may be a partner of Putin,
    but he ..." is Tokayev), who speaks for the state he leads."""
    pack = builder.pack
    if pack is None or not pack.english or frame.subjects or frame.we:
        return frame
    words = builder.words(frame.sentence)
    k = _before_verb(builder, frame)
    if k < 1 or words[k].low not in pack.grammar.get("pronouns_person", frozenset()):
        return frame
    person = [m for m in builder.resolver.in_sentence(frame.sentence) if m.end <= words[k].start and m.type == "person"]
    return dataclasses.replace(frame, subjects=(person[0],)) if person else frame


def _with_own_forces(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: "There are no plans to send Kazakh peacekeepers to Ukraine": a denied sending with no
    subject whose object opens with a state's demonym sends that state's own forces; the state is
    the one that does not send them."""
    pack = builder.pack
    if pack is None or not pack.english or frame.subjects or frame.we or not frame.negated or \
            frame.lemma not in pack.stance_classes.get("send", frozenset()):
        return frame
    words = [w for w in builder.words(frame.sentence) if w.start >= frame.target_start]
    if len(words) < 2 or words[1].lemma not in pack.targets.get("military", frozenset()):
        return frame
    own = [m for m in builder.resolver.in_sentence(frame.sentence) if m.start == words[0].start and m.kind == "demonym"
           and builder.resolver.state_of(m)]
    return dataclasses.replace(frame, subjects=tuple(own)) if own else frame


def read_en(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """The English frame with its actors read through a list of members, a speaker's "it", a proposal
    to mediate and a quoted "we" (each leaves other frames and other languages as they are)."""
    if builder.pack is None or not builder.pack.english:
        return frame
    frame = _with_sayer_of_it(builder, _with_opening_subject(builder, frame), frames)
    frame = _with_own_forces(builder, _with_person_before(builder, frame))
    frame = _with_speaker_as_it(builder, _with_likened(builder, _with_listed_members(builder, frame)), frames)
    return _with_speaker_as_country(builder, _with_we_owner(builder, _with_proposer(builder, frame, frames), frames))


def former(builder: FrameBuilder, m: Mention) -> bool:
    """English: a mention after "former" or "ex-" ("a former Kazakh diplomat", "ex-president"):
    someone who no longer speaks for the state."""
    if builder.pack is not None and builder.pack.slavic:
        from .stances_slavic import former_slavic

        return former_slavic(builder, m)
    if builder.pack is None or not builder.pack.english:
        return False
    text = builder.doc.text
    before = text[max(0, m.start - 12):m.start]
    before_former, former_after = _former(builder.pack)
    return bool(before_former.search(before) or former_after.match(text, m.end))


@functools.lru_cache(maxsize=8)
def _former(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of a former office (``former``) right before a mention, and after it with an article
    (``former_articles``): "Nazarbayev, the former president,"."""
    former = _either(pack, "former")
    return (re.compile(r"\b(?:" + former + r")\s*$", re.I),
            re.compile(r",\s+(?:" + _either(pack, "former_articles") + r")\s+(?:" + former + ")", re.I))


@functools.lru_cache(maxsize=8)
def _like_after(pack: LanguagePack) -> re.Pattern[str]:
    """", like Uzbekistan,": a comparative insertion (``likening``, after one of ``likening_adverbs``)."""
    return re.compile(r",\s+(?:(?:" + _either(pack, "likening_adverbs") + r")\s+)?(?:" + _either(pack, "likening")
                      + r")\s+", re.I)


_INSERTION_AFTER = re.compile(r"\s*(?:[—–(]|,\s+(?:which|who)\s)")  # "A and B — ... —", "A and B, which are"


def _with_likened(builder: FrameBuilder, frame: Frame) -> Frame:
    """English: "Kazakhstan, like Uzbekistan, has refused ...": the states a comparative insertion
    after the subject names do what the subject does."""
    if len(frame.subjects) != 1 or builder.pack is None:
        return frame
    states = builder.resolver.states_in(frame.sentence)
    subject = frame.subjects[0]
    if _INSERTION_AFTER.match(builder.doc.text, subject.end) and subject in states:
        # "A, B and C — all members —"
        run = listed_states(builder.doc.text, states, subject.end, subject.end, builder.resolver.folders)
        if len(run) > 1 and subject in run:
            return dataclasses.replace(frame, subjects=tuple(sorted(run, key=lambda m: m.start)))
    found = _like_after(builder.pack).match(builder.doc.text, subject.end)
    if found is None:
        return frame
    more = [m for m in listed_states(builder.doc.text, states, found.end(), found.end(), builder.resolver.folders)
            if found.end() <= m.start < frame.start]
    return dataclasses.replace(frame, subjects=frame.subjects + tuple(more)) if more else frame


@functools.lru_cache(maxsize=8)
def _elided_denial(pack: LanguagePack) -> re.Pattern[str]:
    """", but A and B do not." closing a sentence: the contrast (``elided_denial_joins``), a finite
    auxiliary of the pack's grammar (do, have, be, will, the modals), a negation after the states
    (``elided_denial_negations``, one with an apostrophe joined to the auxiliary) and an adverb
    (``elided_denial_adverbs``)."""
    g = pack.grammar
    aux = sorted({w for key in AUXILIARY_KEYS for w in g.get(key, ())
                  if w.isalpha() and w not in g.get("nonfinite_auxiliaries", ())}, key=len, reverse=True)
    negations = "|".join(re.escape(w).replace("'", "[’']") if "'" in w else r"\s+" + re.escape(w)
                         for w in pack.ordered.get("elided_denial_negations", ())) or r"(?!)"
    return re.compile(r",?\s+(?:" + _either(pack, "elided_denial_joins") + r")\s+(.{3,120}?)\s+(?:"
                      + "|".join(map(re.escape, aux)) + r")(?:" + negations + r")(?:\s+(?:"
                      + _either(pack, "elided_denial_adverbs") + r"))?\s*[.!]?\s*$", re.I | re.S)


@functools.lru_cache(maxsize=8)
def _elided_denial_gate(pack: LanguagePack) -> re.Pattern[str]:
    """The contrast of :func:`_elided_denial` between spaces, with its flags: every match of that
    pattern holds one, and this search is a quarter of its cost on a sentence with none."""
    return re.compile(r"\s(?:" + _either(pack, "elided_denial_joins") + r")\s", re.I | re.S)


def elided_denials(builder: FrameBuilder, sentence: Sentence, frames: list[Frame]) -> list[Frame]:
    """English: "Belarus backs Russia, but Kazakhstan and Uzbekistan do not": the states listed
    before an auxiliary and a negation closing the sentence deny what the first half's predicates
    say. One negated copy of each finite frame before "but", the listed states its subjects."""
    if builder.pack is None or not builder.pack.english:
        return []
    text = builder.doc.text
    if _elided_denial_gate(builder.pack).search(text, sentence.start, sentence.end) is None:
        return []
    found = _elided_denial(builder.pack).search(text, sentence.start, sentence.end)
    if found is None:
        return []
    states = [m for m in builder.resolver.states_in(sentence) if found.start(1) <= m.start < found.end(1)]
    listed = listed_states(text, states, found.start(1), found.start(1), builder.resolver.folders)
    if not listed or len(listed) != len(states):
        return []
    return [dataclasses.replace(f, subjects=tuple(listed), negated=True, we=False) for f in frames
            if f.end <= found.start() and not f.negated and f.factuality in ("done", "ongoing", "present")]
