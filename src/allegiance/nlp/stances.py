"""Stances of states on issues, read from clause frames (``frames.py``) with the predicate classes
and targets of each language's pack (``lang/<code>/stance_predicates.toml``, ``stance_targets.toml``).

A frame gives a stance when its predicate class and what it is about agree with a label of the
annotation guidelines: support for (or recognition of, troops sent for) the war is *support*;
condemning the invasion or the annexation, voting for a resolution on the war, aid shown as
support for Ukraine is *oppose*; declared neutrality and calls for talks are *neutral*; refusing
troops or recognition, keeping sanctions, stopping their evasion, warning or prosecuting citizens
who fight, negated support, "not an ally" and distancing are *distance*. Condemning an attack on
Russia, another conflict, evading sanctions, what is asked of someone, what may happen, opinions,
and statements about groups give none. The actor is the frame's subject (every state of a list),
"we" the speaker's state; Russia and Ukraine take no stance on the war.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from ..kb.langdata import load_issues
from .actors import ActorResolver, bullet_states, listed_states
from .doc import Doc, Mention, Sentence, Statement
from .events import _headline_line, fronted_vote_side, subjects_follow, voted_with
from .frame_types import opens_as_question
from .frames import Frame, FrameBuilder, LanguagePack, Word
from .modality import SentenceModality
from .records import MentionRef, StanceRecord, confidence
from .registry import register
from .stance_rules import territory_owners, territory_used
from .stance_rules_en import (
    against_taking_part,
    against_ukraine,
    against_word,
    armed,
    complicity,
    joined_in_condemning,
    no_side_taken,
    peace_way,
    shared_aims,
    ties_reduced,
    votes_to_condemn,
    waged_by,
)
from .stances_en import elided_denials, former, read_en

__all__ = ["find_stances"]

_NO_STANCE = ("conditional", "asked", "opinion", "denied", "relative")
#: classes whose stance may be a pledge (a future) as well as a fact
_PLEDGES = {"recognise", "leave", "comply", "prevent", "neutral", "refuse", "distance", "ally", "call_peace", "mediate"}


@dataclasses.dataclass(frozen=True)
class _About:
    """What a frame is about: the lemmas and the states named in its target span."""

    lemmas: frozenset[str]
    states: frozenset[str]
    alliances: frozenset[str]

    def has(self, pack: LanguagePack, kind: str) -> bool:
        return bool(self.lemmas & pack.targets.get(kind, frozenset()))


def _about(builder: FrameBuilder, frame: Frame, start: int | None = None, end: int | None = None) -> _About:
    start = frame.target_start if start is None else start
    end = frame.target_end if end is None else end
    # read once per span of a sentence (the rules of one frame ask for the same span several times);
    # what it reads is the sentence's words and mentions, which stay as they are once frames are built
    key = ("about", frame.sentence.start, frame.sentence.end, start, end)
    found = builder.memo.get(key)
    if found is None:
        found = builder.memo[key] = _read_about(builder, frame, start, end)
    return found  # type: ignore[return-value]


def _read_about(builder: FrameBuilder, frame: Frame, start: int, end: int) -> _About:
    words = [w for w in builder.words(frame.sentence) if start <= w.start and w.end <= end]
    mentions = [m for m in builder.resolver.in_sentence(frame.sentence) if start <= m.start and m.end <= end]
    if builder.pack is not None:  # a state's own name ("Republica Moldova", "République tchèque") names no
        # separatist republic
        separatists = builder.pack.targets.get("separatists", frozenset())
        names = [(m.start, m.end) for m in mentions if m.type == "state" and m.kind == "name"
                 and builder.resolver.state_of(m)]
        words = [w for w in words if not (w.lemma.casefold() in separatists or w.low in separatists)
                 or not any(a <= w.start and w.end <= b for a, b in names)]
    lemmas = {w.lemma.casefold() for w in words} | {w.low for w in words}
    lemmas |= {f"{a.lemma}_{b.lemma}" for a, b in zip(words, words[1:], strict=False)}
    states = {builder.resolver.state_of(m) for m in mentions if m.type != "alliance"}
    return _About(frozenset(lemmas), frozenset(s for s in states if s),
                  frozenset(str(m.entity_id) for m in mentions if m.type == "alliance" and m.entity_id))


def _asked_as_question(builder: FrameBuilder, frame: Frame) -> bool:
    """The frame's clause ends in a question mark ("Will Uzbekistan send troops to help Russia?"), or
    the sentence opens as a question, direct or indirect, without one (``frame_types.opens_as_question``:
    «Чи наважиться Мінськ ...», «Сможет ли Минск ..., пока неясно»): what is asked is no position stated."""
    text = builder.doc.text
    ends = [at for at in (text.find(c, frame.end, frame.sentence.end) for c in ".!?;") if at >= 0]
    if ends and text[min(ends)] == "?":
        return True
    return builder.pack is not None and opens_as_question(builder.pack, builder.words(frame.sentence))


def _under_opinion(frame: Frame, frames: list[Frame]) -> bool:
    """A noun use or non-finite form whose governing frame (the last finite one before it) is an
    opinion, a condition or a denial: what it says is no position held."""
    if frame.factuality not in ("nominal", "nonfinite"):
        return False
    owner = next((f for f in reversed(frames) if f.start < frame.start and f.factuality not in (
        "nominal", "nonfinite", "relative", "asked")), None)
    return owner is not None and owner.factuality in ("opinion", "conditional", "denied")


def _refusing_owner(pack: LanguagePack, frame: Frame, frames: list[Frame]) -> Frame | None:
    """The refusing frame whose object a noun-use frame opens ("withheld | support for the war",
    "refused | support for the invasion", «odmówił | uznania republik»), or ``None`` (Russian and
    Ukrainian read their own)."""
    if frame.factuality != "nominal":
        return None
    refusing = pack.stance_classes.get("refuse", frozenset())
    owner = next((f for f in reversed(frames) if f.start < frame.start and f.factuality != "nominal"), None)
    if owner is None or owner.lemma not in refusing or not owner.target_start <= frame.start < owner.target_end:
        return None
    return owner if frame.start - owner.target_start <= 25 else None


def _refused_noun(pack: LanguagePack, frame: Frame, frames: list[Frame]) -> bool:
    return _refusing_owner(pack, frame, frames) is not None


def _classes(pack: LanguagePack, lemma: str) -> set[str]:
    return set(_class_index(pack).get(lemma, ()))


@functools.lru_cache(maxsize=16)
def _class_index(pack: LanguagePack) -> dict[str, tuple[str, ...]]:
    """Each stance lemma's classes, in the order the pack lists the classes (looked up per frame,
    where a scan of every class per frame was most of it)."""
    index: dict[str, list[str]] = {}
    for name, lemmas in pack.stance_classes.items():
        for lemma in lemmas:
            index.setdefault(lemma, []).append(name)
    return {lemma: tuple(names) for lemma, names in index.items()}


def _aid_pledge(builder: FrameBuilder, frame: Frame, classes: set[str]) -> bool:
    """"Yerevan announced it would provide humanitarian assistance to Ukraine": a pledge of aid to
    Ukraine takes the side the aid does (the guidelines code announced aid), unlike a forecast of
    troops sent (often a third party's claim)."""
    pack = builder.pack
    if pack is None or "send" not in classes:
        return False
    about = _about(builder, frame)
    return about.has(pack, "aid") and "UKR" in about.states


def judge(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> list[tuple[str, str, str]]:
    """(issue, label, class) for one frame; empty when it takes no stance."""
    pack = builder.pack
    if pack is not None and frame.factuality == "denied" and not frame.negated and \
            "evade" in _classes(pack, frame.lemma) and _about(builder, frame).has(pack, "sanctions"):
        return [(pack.issue, "distance", "sanctions")]  # "denied that it was helping Russia circumvent sanctions"
    if pack is None or frame.factuality in _NO_STANCE and not (
            frame.factuality == "relative" and against_word(builder, frame) is not None):
        return []  # but "is against its citizens fighting": the relative form is what the state is against
    classes = _classes(pack, frame.lemma)
    if "align" in classes:  # "stands with Moscow" sides with it, "stood next to Putin" does not
        classes = (classes - {"align"}) | ({"support"} if _aligned(builder, frame) else set())
    if not classes or _asked_as_question(builder, frame):
        return []
    if frame.factuality == "planned" and not (classes & _PLEDGES or frame.negated or
                                              _aid_pledge(builder, frame, classes)) and not (
            pack.slavic and _continued(builder, frame)):  # «пообещал и впредь помогать»: under way now
        return []
    if frame.governor and frame.governor in pack.stance_classes.get("refuse", frozenset()) and "refuse" not in classes:
        return []  # read through the refusing frame
    if not pack.slavic and _refused_noun(pack, frame, frames):
        return []  # "withheld support for the war", «odmówił uznania»: read through the refusing frame
    if pack.english and _under_opinion(frame, frames):
        return []  # "I think Uzbekistan will try to stay neutral": a view, not the state's position
    about = _about(builder, frame)
    who = next((w.start for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end
                and w.low in ("who", "whom")), None) if pack.english else None
    if who is not None:  # "welcomed students who condemned the invasion": what the students did is theirs
        about = _about(builder, frame, frame.target_start, who)
    if frame.passive and frame.subjects:  # "The annexation was condemned by Moldova": the patient before the verb
        patient = _about(builder, frame, frame.clause_start, _before_insertion(builder, frame))
        agents = {builder.resolver.state_of(m) for m in frame.subjects}
        about = _About(about.lemmas | patient.lemmas, (about.states | patient.states) - agents,
                       about.alliances | patient.alliances)
    if pack.slavic:
        if _so_called(builder, frame, classes):
            return []  # «так называемых референдумов»: a label of the writer's, no act of naming
        about = _slavic_about(builder, frame, about)
    war = pack.issue
    for rule in _RULES:
        found = rule(pack, frame, classes, about, builder, frames)
        if found is not None:
            return [(war if issue == "war" else issue, label, name) for issue, label, name in found]
    return []


def _before_insertion(builder: FrameBuilder, frame: Frame) -> int:
    """Where the words before a passive verb stop being its patient: at a relative clause set off by
    commas between them ("The resolution, which demanded that Russia withdraw, was backed by ...": the
    resolution is backed, not Russia); the verb's start otherwise."""
    pack = builder.pack
    relative = pack.grammar.get("relative", frozenset()) if pack is not None else frozenset()
    words = [w for w in builder.words(frame.sentence) if frame.clause_start <= w.start < frame.start]
    for k in range(1, len(words) - 1):
        if words[k].low in relative and words[k - 1].text == "," and any(w.text == "," for w in words[k + 1:]):
            return words[k - 1].start
    return frame.start


def _aligned(builder: FrameBuilder, frame: Frame) -> bool:
    """A word of alignment (``alignment``: "with", "by", "behind") among the four words after a verb of
    taking a place, before a comma ("stood firmly by Russia", "stand shoulder to shoulder with")."""
    pack = builder.pack
    alignment = pack.targets.get("alignment", frozenset()) if pack is not None else frozenset()
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:4]
    cut = next((k for k, w in enumerate(after) if w.upos == "PUNCT"), len(after))
    return any(w.low in alignment for w in after[:cut])


# -- the rules, one per family of predicate classes ------------------------------------------------
_Found = list[tuple[str, str, str]] | None


def _membership(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                frames: list[Frame]) -> _Found:
    if "leave" not in classes or frame.negated:
        if not (pack.slavic and "pay" in classes and frame.negated):
            return None  # «не будет оплачивать взносы в бюджет ОДКБ»: payments stopped are moving out
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    if after and after[0].low == "to":
        return None  # "ceased to be guided by ...": an infinitive, not the alliance left
    about = _about(builder, frame, frame.target_start, min(frame.target_end, frame.end + 90))  # its object
    for alliance, issue in pack.membership.items():
        if alliance in about.alliances or about.has(pack, alliance.casefold()):
            return [(issue, "distance", "leave")]
    return None


def _votes(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
           frames: list[Frame]) -> _Found:
    if "abstain" in classes:
        return []
    if pack.slavic and "vote" not in classes:
        return _spoke_on_resolution(builder, frame, classes)
    if "vote" not in classes:
        return None
    if frame.lemma in pack.stance_classes.get("vote_against", frozenset()):
        sentence = _about(builder, frame, frame.sentence.start, frame.sentence.end)
        if not sentence.has(pack, "voting"):
            return None
        return [("war", "support", "vote")]  # "opposed it" in a vote
    if frame.negated:
        return []  # "did not vote" is no stance
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:1]
    if after and after[0].low in pack.targets.get("vote_against_particles", frozenset()):
        return [("war", "support", "vote")]  # "voted down the resolution"
    side = voted_with(builder, frame)
    if side is not None:  # "voted with Russia"
        return [("war", "support" if side == "RUS" else "oppose", "vote")]
    if pack.english and votes_to_condemn(builder, frame, frames):
        return [("war", "oppose", "vote")]
    fronted = fronted_vote_side(builder, frame)  # «Przeciwko rezolucji głosowały ...»: the side before the verb
    if fronted is not None:
        return [("war", "support" if fronted == "against" else "oppose", "vote")]
    first = sorted(about.lemmas & pack.union("targets", "vote_against", "vote_for"))
    if about.has(pack, "vote_against"):
        return [("war", "support", "vote")]
    if first:
        return [("war", "oppose", "vote")]
    return []


def _other_conflict(builder: FrameBuilder, frame: Frame) -> bool:
    """English: the object names states at war with each other other than Russia and Ukraine ("the
    fighting between Armenia and Azerbaijan"): the states named in it before a comma, none a party."""
    pack = builder.pack
    if pack is not None and pack.slavic:
        return _other_conflict_slavic(builder, frame)
    if pack is None or not pack.english:
        return False
    comma = builder.doc.text.find(",", frame.target_start, frame.target_end)
    end = comma if comma >= 0 else frame.target_end
    states = {builder.resolver.state_of(m) for m in builder.resolver.in_sentence(frame.sentence)
              if frame.target_start <= m.start and m.end <= end and m.type == "state"}
    states.discard(None)
    states -= {builder.resolver.state_of(m) for m in frame.subjects}  # a passive's agents are no party
    place = _about(builder, frame, frame.target_start, end)
    if "UKR" not in states and place.has(pack, "other_conflicts") and not place.has(pack, "separatists"):
        return True  # "a ceasefire in Gaza", "Russia's occupation of Abkhazia": a war's place no state names
    return bool(states) and not states & {"RUS", "UKR"}


def _sides(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
           *_: object) -> _Found:
    if "neutral" in classes and _other_conflict(builder, frame):
        return []  # "remained neutral in the conflict between Armenia and Azerbaijan": another conflict
    if pack.english and frame.lemma == "side" and frame.factuality == "nominal":
        found = no_side_taken(builder, frame)
        if found is not None:
            return found
    if pack.english and "neutral" in classes and frame.lemma in pack.targets.get("balanced", frozenset()):
        position = next((w for w in builder.words(frame.sentence) if w.start >= frame.end), None)
        if position is None or position.lemma not in pack.targets.get("position", frozenset()) or frame.negated:
            return []  # "a balanced budget": no position
        return [] if _neutral_on_another_matter(pack, about) else [("war", "neutral", "neutral")]
    if "neutral" in classes and frame.lemma in pack.targets.get("neutral", frozenset()):
        if _about(builder, frame, frame.start, frame.target_end).has(pack, "neutral_names"):
            return []  # "a member of the Non-Aligned Movement": a name, no position
        if pack.english and _neutral_on_another_matter(pack, about):
            return []  # "stays neutral on the question of gas prices"
        return [] if frame.negated else [("war", "neutral", "neutral")]
    if "refuse" in classes and not frame.negated and about.has(pack, "side_taking") and (
            about.has(pack, "neutral") or about.has(pack, "position")) and not (pack.english and (
            _neutral_on_another_matter(pack, about) or about.states & {"RUS", "UKR"} and not about.has(pack, "war")
            and not about.has(pack, "either_side"))):
        return [("war", "neutral", "neutral")]  # «отказалась принимать чью-либо сторону», "avoided taking a position"
    if frame.lemma in ("take_side", "take_sides") or about.lemmas & {"take_side", "take_sides"}:
        return [("war", "neutral", "neutral")] if frame.negated or "refuse" in classes else []
    if "neutral" in classes and about.has(pack, "neutral") and not frame.negated and \
            not about.has(pack, "neutral_names"):
        return [] if pack.english and _neutral_on_another_matter(pack, about) else [("war", "neutral", "neutral")]
    if "support" in classes and frame.negated and about.has(pack, "neutral") and about.has(pack, "neither"):
        return [("war", "neutral", "neutral")]  # «не поддерживает ни одну из сторон»: sides with neither
    if "support" in classes and _neither_party(builder, frame):
        return [("war", "neutral", "neutral")]  # "stands neither with Moscow nor with Kyiv": with neither party
    return None


def _neither_party(builder: FrameBuilder, frame: Frame) -> bool:
    """"Neither A nor B" (``neither_nor``) in the predicate's clause with Russia in one half and Ukraine
    in the other ("stands neither with Moscow nor with Kyiv", "is neither on Russia's side nor on
    Ukraine's", «не поддерживает ни Россию, ни Украину»): a side taken with neither party."""
    pack = builder.pack
    assert pack is not None
    pair = pack.targets.get("neither_nor", frozenset())
    if not pair:
        return False
    words = [w for w in builder.words(frame.sentence) if frame.clause_start <= w.start < frame.clause_end]
    at = [w for w in words if w.low in pair or w.lemma in pair]
    if len(at) < 2:
        return False
    end = next((w.start for w in words if w.start > at[1].end and w.text in (",", ";")), frame.clause_end)
    first = _about(builder, frame, at[0].end, at[1].start).states
    second = _about(builder, frame, at[1].end, end).states
    return "RUS" in first and "UKR" in second or "UKR" in first and "RUS" in second


def _neutral_on_another_matter(pack: LanguagePack, about: _About) -> bool:
    """Neutral "on" or "over" a matter (``matter_prepositions``) that is not the war, its parties or
    its sides: no stance on the war."""
    if not about.lemmas & pack.grammar.get("matter_prepositions", frozenset()):
        return False
    return not (about.has(pack, "war") or about.states & {"RUS", "UKR"} or about.has(pack, "either_side")
                or about.has(pack, "peace") or about.has(pack, "separatists"))


def _distance(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
              *_: object) -> _Found:
    if "distance" in classes and not frame.negated:
        return [("war", "distance", "distance")]
    if "ally" in classes and frame.negated:
        return [("war", "distance", "ally")]
    if "ally" in classes and frame.factuality == "present" and about.has(pack, "war") and pack.english and \
            _allied_with_russia(builder, frame):
        return [("war", "support", "ally")]  # "Minsk is Moscow's closest ally in the war"
    return None


def _allied_with_russia(builder: FrameBuilder, frame: Frame) -> bool:
    """English: the ally noun is Russia's ("Moscow's closest ally", "an ally of Russia"): Russia's
    possessive in the few words before it, or "of" Russia right after it."""
    text = builder.doc.text
    for m in builder.resolver.in_sentence(frame.sentence):
        if builder.resolver.state_of(m) != "RUS":
            continue
        if 0 <= frame.start - m.end <= 20 and text[m.end:m.end + 2] in ("'s", "’s") and \
                len(text[m.end:frame.start].split()) <= 2:
            return True
        if 0 <= m.start - frame.end <= 4 and text[frame.end:m.start].strip() == "of":
            return True
    return False


def _refusal(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
             frames: list[Frame]) -> _Found:
    if "refuse" not in classes or frame.negated:
        return None
    if _denies_a_claim(builder, frame, frames):
        return []  # "Iran denied that it had supplied missiles": a claim denied, no refusal
    if any(about.has(pack, alliance.casefold()) or alliance in about.alliances for alliance in pack.membership) \
            and not about.has(pack, "war"):
        return []  # declining an alliance's exercise is an event, no stance (guidelines)
    complements = [f for f in frames if f.start > frame.end and (f.governor == frame.lemma or not pack.slavic
                                                                 and _refusing_owner(pack, f, frames) is frame)]
    complement = {c for f in complements for c in _classes(pack, f.lemma)}
    if complement & {"support"} and about.has(pack, "either_side"):
        return [("war", "neutral", "refuse")]  # "refused to side with either party": no side taken
    if complement & {"support"} and (about.has(pack, "war") or "RUS" in about.states):
        return [("war", "distance", "refuse")]  # "refusing to support Moscow's military operation"
    if complement & {"evade"} and (about.has(pack, "evasion") or about.has(pack, "sanctions")):
        return [("war", "distance", "sanctions")]  # "refused to help Russia bypass sanctions": they are kept
    if about.has(pack, "sanctions") or complement & {"condemn", "support"}:
        return []
    if about.has(pack, "military") and about.has(pack, "either_side"):
        return [("war", "neutral", "refuse")]  # "refused to supply weapons to either side"
    if _arms_for_ukraine(builder, frame, about):
        return []  # "refuses to send weapons to Ukraine": aid withheld from Kyiv, no distance from Russia
    if not complement and about.has(pack, "annexation") and "RUS" in about.states and not about.has(pack, "request") \
            and not about.lemmas & pack.stance_classes.get("recognise", frozenset()):  # not "refused to recognise"
        return [("war", "oppose", "refuse")]  # "respinge tentativa Rusiei de a anexa": Russia's act rejected
    if complement & {"recognise", "participate"} or about.has(pack, "military") or about.has(pack, "separatists"):
        return [("war", "distance", "refuse")]
    if about.has(pack, "war") and about.lemmas & pack.stance_classes.get("participate", frozenset()):
        return [("war", "distance", "refuse")]  # "declined Moscow's invitation to join the military operation"
    return []


def _arms_for_ukraine(builder: FrameBuilder, frame: Frame, about: _About) -> bool:
    """Arms, not troops, refused to Ukraine as their recipient ("to Kyiv", "for Ukraine", the
    language's ``recipient_prepositions``), Russia not named in what is refused."""
    pack = builder.pack
    prepositions = pack.grammar.get("recipient_prepositions", ()) if pack else ()
    if not prepositions or pack is None or "RUS" in about.states or not about.has(pack, "arms") or \
            about.has(pack, "troops"):
        return False
    words = builder.words(frame.sentence)
    for m in builder.resolver.in_sentence(frame.sentence):
        if frame.target_start <= m.start < frame.target_end and builder.resolver.state_of(m) == "UKR" and \
                m.kind != "demonym":
            before = [w for w in words if w.end <= m.start][-1:]
            if before and before[0].low in prepositions:
                return True
    return False


def _denies_a_claim(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> bool:
    """A denial verb with a clause after it ("denied that ...", "denied supplying ..."): what is
    denied is a claim about the subject, not a request it turns down."""
    pack = builder.pack
    if pack is None or frame.lemma not in pack.grammar.get("denial", frozenset()):
        return False
    after = [w for w in builder.words(frame.sentence) if w.start >= frame.end][:3]
    if after and (after[0].low in pack.grammar.get("complementizers", ()) or after[0].low.endswith("ing")):
        return True
    if any(w.low in pack.grammar.get("claim_nouns", ()) for w in after[:2]):
        return True  # "rejected accusations that ...", "dismissed the reports"
    return any(f.governor == frame.lemma and f.factuality == "denied" for f in frames if f.start > frame.end)


def _recognition(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                 *_: object) -> _Found:
    if "recognise" not in classes or not (about.has(pack, "separatists") or about.has(pack, "recognised_regions")):
        return None
    if not frame.negated and _object_owned_by(builder, frame, "UKR"):
        return []  # "recognised Ukraine's sovereignty ... and not the republics": Ukraine's, not theirs
    return [("war", "distance" if frame.negated else "support", "recognise")]


def _object_owned_by(builder: FrameBuilder, frame: Frame, state: str) -> bool:
    """The predicate's object opens with the state's possessive ("recognised Ukraine's independence")."""
    text = builder.doc.text
    first = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.end), None)
    if first is None or builder.resolver.state_of(first) != state or first.end + 2 > frame.end + 40:
        return False
    return len(text[frame.end:first.start].split()) <= 1 and text[first.end:first.end + 2] in ("'s", "’s")


def _sanctions(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
               *_: object) -> _Found:
    if "conduit" in classes and (about.has(pack, "evasion") or about.has(pack, "sanctions")):
        return [("war", "distance", "sanctions")] if frame.negated else []  # "will not become a hub for evading"
    if about.has(pack, "evasion") and about.has(pack, "sanctions") or about.has(pack, "evasion"):
        if "warn" in classes and not frame.negated and _warned_off(builder, frame, about):
            return [("war", "distance", "sanctions")]  # "warned its banks not to help Russian firms get around them"
        prevented = "prevent" in classes and (frame.negated or frame.lemma not in pack.stance_classes.get(
            "lend", frozenset()))
        if "used" in classes and frame.negated and frame.passive:
            return [("war", "distance", "sanctions")]  # "its territory will not be used to bypass the sanctions"
        return [("war", "distance", "sanctions")] if prevented or ("evade" in classes and frame.negated) else []
    if "comply" in classes and about.has(pack, "sanctions"):
        return [] if frame.negated else [("war", "distance", "sanctions")]
    if "evade" in classes and about.has(pack, "sanctions"):
        return []
    return None


def _warned_off(builder: FrameBuilder, frame: Frame, about: _About) -> bool:
    """A warning against what follows (a negation or "against" in its object: "warned its banks not
    to help ...", "cautioned firms against helping ..."), addressed to no other state ("warned
    Kazakhstan not to ..." is one state's warning to another)."""
    pack = builder.pack
    if pack is None or not (about.lemmas & pack.grammar.get("negation", frozenset()) or
                            about.lemmas & pack.grammar.get("against", frozenset())):
        return False
    addressee = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.end), None)
    return addressee is None or addressee.kind == "demonym" or not builder.resolver.state_of(addressee) or \
        builder.doc.text[frame.end:addressee.start].strip() != ""


def _citizens(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
              frames: list[Frame]) -> _Found:
    if "ban" in classes and about.has(pack, "recruitment") and not frame.negated:
        return [("war", "distance", "citizens")]  # "banned recruitment into foreign armies"
    if pack.english and "ban" in classes and not frame.negated and "from" in about.lemmas and \
            (about.has(pack, "citizens") or about.has(pack, "troops")) and about.has(pack, "fighting"):
        return [("war", "distance", "citizens")]  # "barred its army officers from travelling to the front"
    if pack.slavic and "ban" in classes and not frame.negated and about.has(pack, "citizens") and \
            about.has(pack, "fighting") and about.lemmas & pack.stance_classes.get("participate", frozenset()):
        return [("war", "distance", "citizens")]  # «запретили гражданам участвовать в конфликтах за рубежом»
    if not classes & {"warn", "prosecute"} or frame.negated:
        return None
    addressee = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.end), None)
    if addressee is not None and addressee.kind != "demonym" and builder.resolver.state_of(addressee) and \
            builder.doc.text[frame.end:addressee.start].strip() == "":
        return None  # "Nepal asked Russia to return its citizens": a request to a state, no warning to its citizens
    sentence = _about(builder, frame, frame.sentence.start, frame.sentence.end)
    if pack.slavic and any(f.subject_word == "relative" and pack.event_types.get(f.lemma) == "MOBILIZE"
                                 and frame.target_start <= f.start < frame.target_end for f in frames):
        return []  # «задержали мужчину, который вербовал»: a recruiter is prosecuted, not a citizen who fights
    if about.has(pack, "recruiting"):
        return []  # "zatrzymały mężczyzn podejrzanych o werbowanie obywateli": recruiters held, as «который вербовал»
    if about.has(pack, "citizens") and sentence.has(pack, "fighting"):
        if _foreign_citizens(builder, frame):
            return None  # "a Lithuanian court jailed a Russian citizen": not the state's own citizens
        return [("war", "distance", "citizens")]
    return None


def _foreign_citizens(builder: FrameBuilder, frame: Frame) -> bool:
    """The people a state warns or prosecutes are named by another state's demonym ("jailed a
    Russian citizen", "detained two Chinese nationals"): the guidelines' distance is a state
    punishing its own citizens who fight for Russia, not foreigners."""
    own = {builder.resolver.state_of(m) for m in frame.subjects} - {None}
    pack = builder.pack
    if not own or pack is None:
        return False
    citizens = pack.targets.get("citizens", frozenset())
    words = builder.words(frame.sentence)
    named = []
    for m in builder.resolver.in_sentence(frame.sentence):
        if m.kind != "demonym" or not frame.target_start <= m.start < frame.target_end:
            continue
        following = next((w for w in words if w.start >= m.end), None)
        if following is not None and following.lemma in citizens:  # the demonym names the people themselves
            named.append(builder.resolver.state_of(m))
    return bool(named) and all(code is not None and code not in own for code in named)


def _condemnation(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                  *_: object) -> _Found:
    if "condemn" not in classes:
        return None
    if not frame.negated and about.has(pack, "attack") and (_attack_on(builder, frame) == "UKR" or
                                                            _attack_by(builder, frame) == "RUS" and
                                                            _attack_on(builder, frame) is None and
                                                            not _other_conflict(builder, frame)):
        return [("war", "oppose", "condemn")]  # "condemned the Russian missile strikes on Ukrainian cities"
    if frame.negated or not (about.has(pack, "war") or about.has(pack, "separatists") and "RUS" in about.states
                             or about.has(pack, "annexation") and "UKR" in about.states):  # "die Annexion der
        # ukrainischen Gebiete": the annexation of Ukraine's regions, whoever the sentence leaves unnamed
        return []  # the war, or Russia's annexation or recognition of the separatist entities
    if pack.english and (waged_by(builder, frame) == "UKR" or _attack_by(builder, frame) == "UKR"):
        return []  # "condemned the Ukrainian incursion into the Kursk region": Ukraine's act, not Russia's war
    others = about.states - {"RUS", "UKR"}
    if about.has(pack, "attack") and "UKR" not in about.states or others and "RUS" not in about.states or \
            _other_conflict(builder, frame):
        return []  # an attack on Russia, or another conflict
    return [("war", "oppose", "condemn")]


def _labelled(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
              *_: object) -> _Found:
    """"called the invasion of Ukraine a crime", "branded the annexation illegal": naming the war
    with a word of condemnation condemns it (not another conflict, not an attack on Russia)."""
    if "label" not in classes or frame.negated or not about.has(pack, "condemning") or \
            not (about.has(pack, "war") or about.has(pack, "separatists")):
        return None  # "called the invasion a crime", "branded the referendums a sham"
    if _other_conflict(builder, frame) or about.has(pack, "attack") and _attack_on(builder, frame) != "UKR":
        return []
    return [("war", "oppose", "condemn")]


def _attack_on(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: the state an attack in the frame's object is made on ("strikes on Ukrainian
    cities", "the attack against Kyiv"): the first state named after "on" or "against" that
    follows an attack noun, or ``None``."""
    pack = builder.pack
    if pack is not None and pack.slavic:
        return _attack_on_slavic(builder, frame)
    if pack is None or not pack.english:
        return None
    attack = pack.targets.get("attack", frozenset())
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    for n, w in enumerate(words):
        if w.lemma not in attack and w.low not in attack:
            continue
        on = next((x for x in words[n + 1:n + 3] if x.low in ("on", "against") or
                   x.low == "of" and (w.low.endswith("ing") or w.lemma in pack.targets.get("attack_of", ()))),
                  None)  # "the bombing of Ukrainian cities", "the bombardment of Kharkiv"
        if on is None:
            continue
        named = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= on.end), None)
        if named is not None and named.start - on.end <= 12:
            return builder.resolver.state_of(named)
        after = [x for x in words if x.start >= on.end and x.upos != "DET" and x.low != "the"][:1]
        if place_state(pack, after) is not None:
            return place_state(pack, after)  # "the missile attack on Odesa", "an attack on the Kursk region"
    return None



def _attack_by(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: the state whose forces make the attack in the frame's object, named after "by"
    ("the killing of civilians in Bucha by Russian troops"), or ``None``."""
    if builder.pack is None or not builder.pack.english:
        return None
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    by = next((w for w in words if w.low == "by"), None)
    if by is None:
        return None
    named = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= by.end), None)
    return builder.resolver.state_of(named) if named is not None and named.start - by.end <= 12 else None


def _support(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
             frames: list[Frame]) -> _Found:
    if "support" not in classes and not (pack.slavic and "evade" in classes):
        return None
    head = _object_head_end(builder, frame)
    if pack.slavic:
        about = _backed_resolution(builder, frame, about)
    documents = pack.grammar.get("document_nouns", frozenset())
    if head is not None and (_about(builder, frame, frame.target_start, head).lemmas & ({"resolution"} | documents)):
        # "co-sponsored the resolution demanding Russia's withdrawal": the resolution is what is backed;
        # "approved a statement that condemns the war": the statement, whose words are its adopter's
        about = _about(builder, frame, frame.target_start, head)
    elif pack.english and (matter := _matter_after_resolution(builder, frame)) is not None:
        about = _about(builder, frame, frame.target_start, matter)  # "backed the resolution on the war": the resolution
    if about.has(pack, "peace") and not frame.negated:
        return [("war", "neutral", "call_peace")]  # backing a ceasefire or talks: a call for peace
    for_war = about.has(pack, "war") or about.has(pack, "separatists") or "RUS" in about.states
    for_ukraine = "UKR" in about.states or about.has(pack, "ukraine_side")
    if pack.slavic and for_ukraine and not frame.negated and _given_to_ukraine(builder, frame):
        return [("war", "oppose", "support")]  # «выразила поддержку Украине в борьбе с агрессией»
    if pack.english and for_ukraine and not about.has(pack, "ukraine_side"):
        for_ukraine = _backs_state(builder, frame, "UKR")  # "welcomed a delegation of Ukrainian students": not Kyiv
    on_ukraine = about.has(pack, "attack") and _attack_on(builder, frame) == "UKR"  # "the assault on Ukraine"
    if for_war and not about.has(pack, "war") and not about.has(pack, "separatists") and not on_ukraine and not \
            about.has(pack, "voting") and about.lemmas & pack.grammar.get("matter_prepositions", frozenset()):
        return []  # "supports Russia's position on Kosovo": Russia on another matter
    if pack.slavic and frame.negated and about.has(pack, "sanctions") and not about.has(pack, "war"):
        return []  # «не підтримала нові санкції проти Росії»: a refusal to join sanctions is an event, no stance
    if for_war and (not about.has(pack, "attack") or on_ukraine):
        return [("war", "distance" if frame.negated else "support", "support")]
    if pack.slavic and "evade" in classes and "RUS" in about.states and not frame.negated:
        sentence = _about(builder, frame, frame.sentence.start, frame.sentence.end)
        if sentence.has(pack, "military") or sentence.has(pack, "war"):
            return [("war", "support", "support")]  # «белорусские военные помогают России»
    # (a resolution on integrity is on the war: «поддержала резолюцию ... о территориальной целостности Украины»)
    if for_ukraine and not frame.negated and not (about.has(pack, "integrity") and not about.has(pack, "war")
                                                  and "resolution" not in about.lemmas
                                                  and not about.has(pack, "resolution")):
        return [("war", "oppose", "support")]
    return []


def _matter_after_resolution(builder: FrameBuilder, frame: Frame) -> int | None:
    """English: where a matter preposition (``matter_prepositions``: "on", "over") opens what a
    resolution of the object is about ("backed the UN resolution | on the war in Ukraine"), the
    resolution's word within the object's first four words; else ``None``."""
    pack = builder.pack
    if pack is None:
        return None
    matter = pack.grammar.get("matter_prepositions", frozenset())
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    for k, w in enumerate(words[:6]):
        if w.low in matter:
            return w.start if k and any(x.lemma == "resolution" for x in words[:k]) else None
    return None


def _object_head_end(builder: FrameBuilder, frame: Frame) -> int | None:
    """English: where the object noun phrase ends before a participle or relative clause that
    describes it ("the resolution | demanding ...", "the text | that condemns ..."), or ``None``."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    relative = pack.grammar.get("relative", frozenset())
    for w in builder.words(frame.sentence):
        if w.start < frame.target_start or w.start >= frame.target_end:
            continue
        if w.low in relative or w.low.endswith("ing") and w.lemma != w.low:
            return w.start
    return None


def _backs_state(builder: FrameBuilder, frame: Frame, state: str) -> bool:
    """English: the state is what the predicate is for, named first in its object with nothing but
    determiners and "for", "to", "with" before it ("backed Kyiv", "support for the Ukrainian people")."""
    first = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.target_start), None)
    if first is None or builder.resolver.state_of(first) != state:
        return False
    determiners = builder.pack.grammar.get("determiners", frozenset()) if builder.pack else frozenset()
    gap = builder.doc.text[frame.target_start:first.start].casefold().split()
    return all(w in determiners or w in ("for", "to", "with") for w in gap)


def _backs_russia(builder: FrameBuilder, frame: Frame) -> bool:
    """The predicate's direct object is Russia ("sided with Moscow in the vote", "backed Russia")."""
    first = next((m for m in builder.resolver.in_sentence(frame.sentence) if m.start >= frame.end), None)
    if first is None or builder.resolver.state_of(first) != "RUS":
        return False
    gap = builder.doc.text[frame.end:first.start].split()
    determiners = builder.pack.grammar.get("determiners", frozenset()) if builder.pack else frozenset()
    return all(w.casefold() == "with" or w.casefold() in determiners for w in gap)  # "a Russian resolution"


def _acts(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
          frames: list[Frame]) -> _Found:
    if "lend" in classes and about.has(pack, "territory") and _lends_its_object(builder, frame):
        if frame.lemma in pack.stance_classes.get("lend_disposal", frozenset()) and not about.has(pack, "disposal"):
            return None
        if frame.negated and pack.english and _attack_on(builder, frame) is None and \
                "against" in about.lemmas and "RUS" in about.states and not about.has(pack, "military"):
            return []  # "will never allow its territory to be used against Russia": Russia's side, no distance
        if frame.negated:  # not letting Russia's troops onto its territory (or using it for the war): distance
            return [("war", "distance", "lend")] if about.has(pack, "military") or "RUS" in about.states or \
                about.has(pack, "war") else []
        return [("war", "support", "lend")]
    if "send" in classes and about.has(pack, "military") and frame.negated and about.has(pack, "either_side"):
        return [("war", "neutral", "send")]  # "supplies weapons to neither side"
    if "send" in classes and frame.negated and about.has(pack, "citizens") and about.has(pack, "fighting"):
        return [("war", "distance", "send")]  # "will never send its citizens to fight"
    if pack.slavic and "send" in classes and frame.negated and _withheld_or_denied(builder, frame, about):
        return []
    if "send" in classes and frame.negated and pack.english and _arms_for_ukraine(builder, frame, about):
        return []  # "would not send weapons to Ukraine": aid withheld from Kyiv, no distance from Russia
    if "send" in classes and about.has(pack, "military") and ("RUS" in about.states or frame.negated or
                                                              pack.english and against_ukraine(builder, frame)):
        return [("war", "distance" if frame.negated else "support", "send")]  # not sending troops at all: distance
    if "send" in classes and (about.has(pack, "aid") or pack.slavic and about.has(pack, "military") and
                              _given_to_ukraine(builder, frame)) and "UKR" in about.states and not frame.negated:
        sentence = _about(builder, frame, frame.sentence.start, frame.sentence.end)
        if sentence.has(pack, "support_words") or _aid_given(pack, frame, about):
            return [("war", "oppose", "aid")]
        return []
    if "participate" in classes and frame.factuality not in ("nonfinite", "nominal") or "participate" in classes \
            and frame.governor and frame.governor in pack.stance_classes.get("refuse", frozenset()):
        if about.has(pack, "sanctions"):
            return []  # joining sanctions or not is an event, no stance (guidelines)
        if frame.lemma in pack.targets.get("drawn_in", frozenset()) and not frame.negated and not (
                frame.governor and frame.governor in pack.stance_classes.get("refuse", frozenset())):
            return []  # "was dragged into the war", "fears being drawn into it": done to the state, no stance
        fighting = about.has(pack, "fighting") or pack.slavic and frame.lemma in pack.targets.get(
            "fighting", frozenset())  # «воевать на Украине»: the verb is the fighting
        russia_side = frame.lemma in pack.targets.get("fighting", frozenset()) and "RUS" in about.states and \
            not about.has(pack, "attack") and not _after_against_word(builder, frame, "RUS")
        fighting = fighting or russia_side  # "are fighting alongside Russian troops", "fought for Russia"
        fighting = fighting or frame.negated and frame.lemma in pack.targets.get("fighting", frozenset()) and \
            "UKR" in about.states  # "Belarusian conscripts are not going to fight in Ukraine"
        if "RUS" in about.states and about.has(pack, "vote_against") and about.has(pack, "voting"):
            return [] if frame.negated else [("war", "support", "participate")]  # "joined Russia in voting against"
        if joined_in_condemning(builder, frame) and not russia_side:
            return []  # "joined the EU in condemning the war": the condemnation is what is joined, read there
        if "resolution" in about.lemmas or about.has(pack, "ukraine_side") and not about.has(pack, "war") and not (
                (pack.slavic or frame.negated) and fighting) and not russia_side:  # «в боевых действиях в Украине»
            return [] if frame.negated else [("war", "oppose", "participate")]
        if about.has(pack, "war") or fighting:
            return [("war", "distance" if frame.negated else "support", "participate")]
    return None




def _lends_its_object(builder: FrameBuilder, frame: Frame) -> bool:
    """English: the territory lent is in the verb's object, before a subordinate clause opens
    (``object_ends``: "provided generators to Ukraine as Russian strikes hit its airports" lends none)."""
    pack = builder.pack
    if pack is None or not pack.english:
        return True
    ends = pack.grammar.get("object_ends", frozenset())
    end = next((w.start for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end
                and w.low in ends), frame.target_end)
    return _about(builder, frame, frame.target_start, end).has(pack, "territory")


def _aid_given(pack: LanguagePack, frame: Frame, about: _About) -> bool:
    """Aid itself (the language's ``aid_given`` words: "humanitarian aid", «помощь», "humanitäre Hilfe",
    "aide humanitaire") given to Ukraine, done or under way («передала Киеву гуманитарную помощь»,
    "hat der Ukraine Hilfsgüter geschickt"): the guidelines' aid shown as support for Ukraine. A
    language without the list reads aid as support only beside a word of support ("solidarity")."""
    return frame.is_act() and about.has(pack, "aid_given")


def _after_against_word(builder: FrameBuilder, frame: Frame, state: str) -> bool:
    """The state is named after "against" (the language's ``against`` words, ``grammar.toml``) in
    the frame's target: fighting against Russia is no fighting on its side."""
    words = builder.words(frame.sentence)
    against = builder.pack.grammar.get("against", frozenset()) if builder.pack is not None else frozenset()
    for m in builder.resolver.in_sentence(frame.sentence):
        if frame.target_start <= m.start < frame.target_end and builder.resolver.state_of(m) == state:
            before = [w for w in words if w.end <= m.start][-2:]
            if any(w.low in against for w in before):
                return True
    return False


def _supplier(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """"Russia has received missiles from Iran": the supplier after "from" backs the war."""
    if "receive" in classes and about.has(pack, "military") and not frame.negated and \
            any(m.entity_id == "RUS" for m in frame.subjects):
        return [("war", "support", "supplier")]
    return None


def _peace(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
           *_: object) -> _Found:
    if _other_conflict(builder, frame):
        return None  # "an end to the fighting between Armenia and Azerbaijan": another conflict
    if "call_peace" in classes and about.has(pack, "peace") and not frame.negated:
        return [("war", "neutral", "call_peace")]
    if "call_peace" in classes and about.has(pack, "stopping") and about.has(pack, "violence") and \
            not frame.negated and not ("RUS" in about.states and "UKR" not in about.states):
        return [("war", "neutral", "call_peace")]  # "urged both sides to stop the fighting" (not "urged Russia to end")
    parties = {"RUS", "UKR"} <= about.states
    if "mediate" in classes and frame.factuality == "nominal" and not about.lemmas - {" ", ""} and \
            not frame.negated and pack.english:  # "positioned itself as a mediator and ... the war"
        about = _about(builder, frame, frame.sentence.start, frame.sentence.end)
    if ("mediate" in classes or "host" in classes and about.has(pack, "peace")) and not frame.negated and \
            (about.has(pack, "war") or about.has(pack, "peace") or parties or
             "mediate" in classes and about.has(pack, "either_side")):  # "offered to host peace talks"
        return [("war", "neutral", "mediate")]  # "offered to mediate between Russia and Ukraine"
    return None


def _host(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """"Minsk has hosted Russian troops": Russia's forces on the state's soil."""
    if "host" in classes and about.has(pack, "military") and "RUS" in about.states and not frame.negated:
        return [("war", "support", "lend")]
    return None


_RULES: tuple[Callable[..., _Found], ...] = (
    _supplier, _membership, _votes, _sides, _distance, _refusal, _recognition, _sanctions, ties_reduced, armed,
    complicity, shared_aims, peace_way, territory_used, against_taking_part, _citizens, _condemnation, _labelled,
    _peace, _host, _support, _acts)


# -- actors -----------------------------------------------------------------------------------------
def _actors(builder: FrameBuilder, frame: Frame, name: str) -> list[str]:
    resolver = builder.resolver
    mentions = list(frame.subjects)
    if frame.we and frame.speaker is not None:
        mentions = [frame.speaker]
    if name == "vote":  # the states listed with the vote: "against: A, B and C", "A, B and C voted against"
        listed = listed_states(builder.doc.text, resolver.states_in(frame.sentence), frame.start, frame.end,
                               resolver.folders)
        if not listed and not resolver.states_in(frame.sentence):  # "Countries that voted against" over "- X" lines
            listed = [m for _, m in bullet_states(builder.doc, resolver, frame.sentence)]
        if subjects_follow(frame):  # «..., a przeciw – tylko Białoruś i Syria»: the states before are another vote's
            listed = [m for m in listed if m.start >= frame.end]
        mentions = list(dict.fromkeys(mentions + listed))
    if name == "supplier":
        source = [m for m in resolver.in_sentence(frame.sentence) if m.start >= frame.target_start
                  and m.type == "state" and builder.doc.text[frame.target_start:m.start].casefold().split()[-1:]
                  in [[w] for w in (builder.pack.grammar.get("supplier_prepositions", ()) if builder.pack else ())]]
        mentions = source[:1]
    indirect = all(not (frame.sentence.start <= m.start < frame.sentence.end) for m in mentions)
    if name == "citizens" and (not mentions or indirect):  # "the agency advised Uzbek citizens": their state
        own = [m for m in resolver.in_sentence(frame.sentence) if frame.target_start <= m.start < frame.target_end
               and m.kind == "demonym"]
        mentions = own[:1]
    if name == "sanctions" and not mentions and frame.passive and frame.speaker is not None and \
            builder.pack is not None and builder.pack.english:
        mentions = [frame.speaker]  # "X pledged that its territory would not be used to evade sanctions"
    if name == "against_citizens":  # "Kyrgyzstan is against its citizens fighting", "are against ... of Tajik citizens"
        start = against_word(builder, frame) or frame.clause_start
        before = [m for m in resolver.in_sentence(frame.sentence) if start <= m.start < frame.start
                  and resolver.state_of(m)]
        own = [m for m in resolver.in_sentence(frame.sentence) if frame.target_start <= m.start < frame.target_end
               and m.kind == "demonym"]
        mentions = list(frame.subjects) or before[-1:] or own[:1] or ([frame.speaker] if frame.speaker else [])
    if name == "peace_way" and not mentions and frame.speaker is not None:
        mentions = [frame.speaker]  # "Talks are the only way out, the foreign ministry said"
    if name == "territory_used":  # the state whose territory is used (its railways: no group)
        return territory_owners(builder, frame)
    if name == "send" and builder.pack is not None and builder.pack.slavic:  # a state after a preposition
        mentions = [m for m in mentions if not _after_preposition(builder, frame, m)] or \
            _own_forces(builder, frame)  # is the destination; «Казахстанских миротворцев ... отправлять не планируют»
    if name == "neutral" and not mentions:  # "Georgia has taken a neutral stance", "X's position is neutral"
        before = [m for m in resolver.in_sentence(frame.sentence) if m.end <= frame.start and resolver.state_of(m)]
        if builder.pack is not None and builder.pack.slavic:
            before = [m for m in before if not _after_preposition(builder, frame, m)]
        mentions = [m for m in before[-1:] if not _group_holds(builder, frame, m)]
        if not mentions and not before and frame.speaker is not None and builder.pack is not None and any(
                w.low in builder.pack.grammar.get("pronouns_we", ()) for w in builder.words(frame.sentence)
                if frame.clause_start <= w.start < frame.start):
            mentions = [frame.speaker]  # "“Our position is neutral,” the Turkmen foreign minister said"
    # a group the demonym names ("Kazakh rights activists", «киргизская оппозиция») is not the state, nor is a
    # former official
    return [s for s in dict.fromkeys(resolver.state_of(m) for m in mentions if resolver.group_after(m) is None
                                     and not _nonstate_group_named(builder, frame.sentence, m)
                                     and not _people_named(builder, frame.sentence, m)
                                     and not former(builder, m)) if s]


def _people_named(builder: FrameBuilder, sentence: Sentence, m: Mention) -> bool:
    """A state's people named by their plural noun ("Belarusians do not support this war", «белорусы
    не поддерживают», «білоруси»): what a people holds is no position of its state (guidelines: the
    actor of a stance is a state). English by its capitalised demonym in -s; Russian and Ukrainian by a
    lower-case noun, which a state's name never is."""
    pack = builder.pack
    if pack is None or m.type != "state" or m.kind not in ("demonym", "name"):
        return False
    if pack.english:
        return m.kind == "demonym" and m.text[:1].isupper() and m.text.endswith("s")
    if not pack.slavic or not (m.text[:1].islower() or m.kind == "demonym"):
        return False  # («Казахстанцы» opening a sentence: a demonym still)
    word = next((w for w in builder.words(sentence) if w.start == m.start), None)
    return word is not None and word.upos == "NOUN"  # (an adjective, «белорусской», is ADJ)


def _nonstate_group_named(builder: FrameBuilder, sentence: Sentence, m: Mention) -> bool:
    """A demonym before a noun of a group that does not speak for its state (``nonstate_groups`` in
    actors.toml, by lemma, right after it or after one or two modifiers: «Киргизька опозиція засудила»,
    «армянская оппозиционная партия», "a Kazakh trading company"): the group acts, not the state."""
    if m.kind != "demonym":
        return False
    groups = builder.resolver.nonstate_groups
    pack = builder.pack
    after = [w for w in builder.words(sentence) if w.start >= m.end][:3]

    organs = builder.resolver.organ_nouns

    def modifier(w: Word) -> bool:  # an adjective, a gerund ("trading") or a lower-case noun that is no verb nor organ
        return w.upos == "ADJ" or w.upos == "X" and w.text[:1].islower() and pack is not None and (
            w.low.endswith("ing") or w.lemma not in pack.predicates and w.low not in pack.surface) and \
            not w.low.endswith("ed") and w.low not in organs

    if len(after) >= 2 and not modifier(after[0]):
        after = after[:1]  # the noun right after it, or after one modifier («оппозиционная партия», "trading company")
    if len(after) == 3 and not modifier(after[1]):
        after = after[:2]
    return any(w.lemma.casefold() in groups or w.low in groups for w in after if w.upos != "PUNCT")


def _group_holds(builder: FrameBuilder, frame: Frame, m: Mention) -> bool:
    """A group that does not speak for the state stands between the state named and the stance
    ("Georgia's main opposition party has taken a neutral stance"), or the state is where the group
    is ("the opposition bloc in Armenia remains neutral"): the position is the group's."""
    groups = builder.resolver.nonstate_groups
    words = [w for w in builder.words(frame.sentence) if w.end <= frame.start]
    at = next((k for k, w in enumerate(words) if w.start >= m.start), len(words))
    near_before = words[max(0, at - 4):at]
    return any(w.lemma.casefold() in groups or w.low in groups for w in words[at:] + near_before)


def _disputed(doc: Doc, resolver: ActorResolver, modality: SentenceModality, state: str,
              builder: FrameBuilder | None = None) -> bool:
    """The article shows the state denying what is said of it (or it is denied on its behalf). In a
    sentence cut by a contrast ("Iran denies supplying missiles, but North Korea has sent shells"),
    only the parts that hold the denial count."""
    for sentence in doc.sentences:
        if modality.has("denial", sentence) and any(resolver.state_of(m) == state
                                                    for m in _denial_mentions(modality, resolver, builder, sentence)):
            return True
    return False


@functools.lru_cache(maxsize=16)
def _contrast_cut(pack: LanguagePack) -> re.Pattern[str] | None:
    """A comma and a contrastive conjunction (``concession_breaks``, ``contrast_joins``), compiled
    once per pack (it was joined, sorted and looked up on every call); ``None`` where it has none."""
    joins = pack.union("grammar", "concession_breaks", "contrast_joins")
    return re.compile(r",\s+(?:" + "|".join(map(re.escape, sorted(joins))) + r")\s", re.I) if joins else None


def _denial_mentions(modality: SentenceModality, resolver: ActorResolver, builder: FrameBuilder | None,
                     sentence: Sentence) -> list[Mention]:
    """The mentions of a denial sentence in the parts of it that hold the denial cue, the parts
    cut at a comma and a contrastive conjunction (``concession_breaks``, ``contrast_joins``)."""
    mentions = resolver.in_sentence(sentence)
    pack = builder.pack if builder is not None else None
    if pack is None:
        return mentions
    cut = _contrast_cut(pack)
    if cut is None:
        return mentions
    text = builder.doc.text if builder is not None else ""
    bounds = [sentence.start] + [sentence.start + x.start() for x in cut.finditer(text[sentence.start:sentence.end])] \
        + [sentence.end]
    if len(bounds) == 2:
        return mentions
    parts = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if modality.has_in_span("denial", a, b)]
    if not parts:
        return mentions
    return [m for m in mentions if any(a <= m.start < b for a, b in parts)]


def _with_opening_participle(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> Frame:
    """A participle clause that opens the sentence with no subject of its own, closed by a comma
    ("Condemning the invasion, Moldova recalled its ambassador", «Осуждая российскую агрессию, МИД
    Молдовы вызвал посла»): its subject is that of the main clause's first finite frame after the
    comma, and what it is about ends at the comma."""
    if frame.subjects or frame.we or frame.factuality != "nonfinite" or frame.governor is not None:
        return frame
    text = builder.doc.text
    if text[frame.sentence.start:frame.start].strip(" \t\n\"'«“„—-"):
        return frame
    comma = text.find(",", frame.end, frame.sentence.end)
    if comma < 0:
        return frame
    main = next((f for f in frames if f.start > comma and f.subjects and f.factuality not in (
        "nominal", "nonfinite", "relative", "asked")), None)
    if main is None or any(f.start < main.start and f.start > comma and f.factuality not in (
            "nominal", "nonfinite") for f in frames):
        return frame
    return dataclasses.replace(frame, subjects=main.subjects, target_end=min(frame.target_end, comma))


def _quoted_headline(builder: FrameBuilder, sentence: Sentence) -> bool:
    """The page's headline line (no closing punctuation, a body after it) that opens with its
    speaker's name and a colon ("Tokayev: Kazakhstan will not recognise ..."): page furniture."""
    if not builder.is_headline(sentence) or not _headline_line(builder.doc, sentence):
        return False
    text = builder.doc.text
    colon = text.find(":", sentence.start, sentence.end)
    if colon < 0:
        return False
    return any(m.end == colon and not text[sentence.start:m.start].strip()
               for m in builder.resolver.in_sentence(sentence) if m.type == "person")


@register("stances.rules")
def find_stances(doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                 builder: FrameBuilder) -> list[Statement]:
    issues = load_issues()
    out: list[Statement] = []
    seen: set[tuple[str, str, str, int]] = set()
    disputed: dict[str, bool] = {}
    for sentence in doc.sentences:
        if builder.is_furniture(sentence):
            continue
        if _quoted_headline(builder, sentence):
            continue  # "Tokayev: Kazakhstan will not recognise ...": a headline quoting its speaker, the body tells it
        frames = builder.frames(sentence)
        frames = frames + elided_denials(builder, sentence, frames)  # "..., but Kazakhstan does not"
        given: set[str] = set()
        for frame in frames:
            frame = _with_opening_participle(builder, read_en(builder, frame, frames), frames)
            for issue, label, name in judge(builder, frame, frames):
                if frame.factuality in ("nonfinite", "nominal") and set(_actors(builder, frame, name)) & given:
                    continue  # "sent troops to Russia to support its war effort": the act already says it
                excluded = issues[issue].excluded_actors if issue in issues else frozenset()
                for state in _actors(builder, frame, name):
                    if state in excluded:
                        continue
                    if label == "support" and disputed.setdefault(state, _disputed(doc, resolver, modality, state,
                                                                                      builder)):
                        continue
                    key = (state, issue, label, sentence.start)
                    if key in seen:
                        continue
                    seen.add(key)
                    given.add(state)
                    subject = next((m for m in frame.subjects if resolver.state_of(m) == state), None)
                    direct = subject is not None and frame.factuality not in ("nominal", "nonfinite") and not frame.we
                    out.append(StanceRecord(
                        sentence.start, sentence.end, state, issue, label, MentionRef.of(resolver, subject),
                        MentionRef.of(resolver, frame.speaker), frame.negated, frame.factuality,
                        modality.of(sentence), confidence(0.6, frame, direct), name,
                        doc.text[frame.start:frame.end]).row())
    return out


from .stances_slavic import (  # noqa: E402  - the Russian and Ukrainian rules read _About and _about from here
    _after_preposition,
    _attack_on_slavic,
    _backed_resolution,
    _continued,
    _given_to_ukraine,
    _on_side,
    _other_conflict_slavic,
    _own_forces,
    _position_labelled,
    _side_taken,
    _slavic_about,
    _so_called,
    _spoke_on_resolution,
    _withheld_or_denied,
    place_state,
)

_RULES = (_on_side, _side_taken, *_RULES, _position_labelled)  # the Russian and Ukrainian rules
