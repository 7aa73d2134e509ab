"""English stance rules added by class (each one a predicate class of ``lang/en/stance_predicates.toml``
read with its targets): diplomatic ties reduced over the war (CAMEO 161), arming Russia (CAMEO
062/072), a copular accomplice in the war, sharing the war's goals (CAMEO 051), peace as "the only
way", a state "against" its citizens taking part, and the English readings of an object's attacker,
of "joined X in condemning" and of troops sent to fight Ukraine (a state's territory used by Russia's
forces is ``stance_rules.territory_used``, for every language). ``stances.py`` lists them in its rules;
they read its helpers (``_about``, ``_backs_russia``, ``_other_conflict``) when they run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stances as _s

if TYPE_CHECKING:
    from .frames import Frame, FrameBuilder, LanguagePack
    from .stances import _About

__all__ = ["against_taking_part", "against_ukraine", "against_word", "armed", "complicity", "joined_in_condemning",
           "no_side_taken", "peace_way", "shared_aims", "ties_reduced", "votes_to_condemn",
           "waged_by"]

_Found = list[tuple[str, str, str]] | None


def ties_reduced(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """Diplomatic ties reduced (CAMEO 161: diplomats expelled, ambassadors recalled) against Russia
    over the war ("expelled Russian diplomats in response to the invasion"): Ukraine's side, oppose.
    Without the war named, or refused, it is an event only. Sanctions imposed over the war (CAMEO
    163, class ``sanction``) stay events: the dev gold codes no stance for them (a rule giving
    *oppose* added four false alarms on dev half B and no hit)."""
    if "reduce_relations" not in classes or frame.negated or "RUS" not in about.states or \
            not about.has(pack, "war") or about.has(pack, "evasion"):
        return None
    return [("war", "oppose", "ties_reduced")] if about.has(pack, "diplomats") else None


def armed(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
          *_: object) -> _Found:
    """CAMEO 062/072: arming or equipping Russia, its direct object ("has been arming Moscow for its
    war"), is support; not arming it, distance."""
    if "arm" not in classes or not _s._backs_russia(builder, frame):
        return None
    return [("war", "distance" if frame.negated else "support", "send")]


def complicity(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
               *_: object) -> _Found:
    """A noun of complicity after a copula ("has been a willing accomplice in Russia's aggression",
    "is a co-belligerent"): a party to the war, support; denied, distance."""
    if "accomplice" not in classes or frame.factuality not in ("present", "done", "ongoing") and not (
            pack.slavic and frame.factuality == "nonfinite" and _after_copula(pack, frame, builder)):
        return None  # «является соучастником», «не є стороною»: the noun after a copula
    if not (about.has(pack, "war") or "RUS" in about.states):
        return []
    return [("war", "distance" if frame.negated else "support", "accomplice")]


def _after_copula(pack: LanguagePack, frame: Frame, builder: FrameBuilder) -> bool:
    """Russian and Ukrainian: a copula (``copulas`` in grammar.toml) within the three words before the
    noun («не являемся стороной», «є співучасником»)."""
    words = builder.words(frame.sentence)
    return any(w.lemma in pack.grammar.get("copulas", ()) for w in words[max(0, frame.word - 3):frame.word])


def shared_aims(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """Sharing the war's or Russia's goals or position ("fully share the goals of the special military
    operation", "shares Moscow's position on the war"): support; not shared, distance."""
    if "share" not in classes or not about.has(pack, "aims") or not (about.has(pack, "war") or "RUS" in about.states):
        return None
    return [("war", "distance" if frame.negated else "support", "share")]


def peace_way(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
              *_: object) -> _Found:
    """"dialogue and diplomacy are the only way out of the conflict", "a negotiated settlement is the
    best path": a peace word before the noun in its clause, the war (or nothing else) after it."""
    if "peace_way" not in classes or frame.negated:
        return None
    before = _s._about(builder, frame, frame.clause_start, frame.start)
    if pack.slavic and not before.has(pack, "peace"):  # «диалог и дипломатия — единственный путь»: the dash
        comma = builder.doc.text.rfind(",", frame.sentence.start, frame.start)  # is the copula, no clause break
        before = _s._about(builder, frame, comma if comma >= 0 else frame.sentence.start, frame.start)
    if not before.has(pack, "peace") or _s._other_conflict(builder, frame) or before.has(pack, "military"):
        return []
    return [("war", "neutral", "peace_way")]


def votes_to_condemn(builder: FrameBuilder, frame: Frame, frames: list[Frame]) -> bool:
    """English: a vote whose "to" infinitive condemns Russia or its war ("voted to condemn Russia at
    the General Assembly", "voted to denounce the annexation"): a vote against Russia."""
    pack = builder.pack
    assert pack is not None
    for f in frames:
        if f.start > frame.end and f.governor == frame.lemma and "condemn" in _s._classes(pack, f.lemma) and \
                not f.negated and not _s._other_conflict(builder, f):
            about = _s._about(builder, f)
            if about.has(pack, "attack"):
                return _s._attack_on(builder, f) == "UKR"  # not "the attack on Moscow"
            if "RUS" in about.states or about.has(pack, "war"):
                return True
    return False


def no_side_taken(builder: FrameBuilder, frame: Frame) -> _Found:
    """English: the noun "side" after a quantifier (``side_quantifiers``) under a negation or a
    refusal earlier in its clause ("has chosen not to take either side", "we are not on anyone's
    side", "takes no side"): neutral; the quantifier without one ("troops on either side") takes no
    side at all. ``None`` when no quantifier opens the noun ("on Russia's side")."""
    pack = builder.pack
    words = builder.words(frame.sentence)
    at = frame.word
    if pack is None or at == 0 or words[at - 1].low not in pack.targets.get("side_quantifiers", frozenset()):
        return None
    negation = pack.grammar.get("negation", frozenset())
    refusing = pack.stance_classes.get("refuse", frozenset())
    before = [w for w in words[:at - 1] if w.start >= frame.clause_start]
    if words[at - 1].low in negation or any(w.low in negation or w.lemma in refusing for w in before):
        return [] if _s._other_conflict(builder, frame) else [("war", "neutral", "neutral")]
    return []


def against_word(builder: FrameBuilder, frame: Frame) -> int | None:
    """English: where "against" (``against``) stands after a copula just before the frame, in its
    clause ("the authorities are against participation of ...", "is firmly against its citizens
    fighting"): the start of the copula's clause, or ``None``."""
    pack = builder.pack
    if pack is None or not pack.english:
        return None
    g = pack.grammar
    words = [w for w in builder.words(frame.sentence) if frame.clause_start <= w.start and w.end <= frame.start
             and w.text not in '"“”']  # "was \"categorically against\" any of its citizens taking part"
    for k in range(len(words) - 1, max(-1, len(words) - 7), -1):  # "against any of its citizens taking part"
        if words[k].low in g.get("against", ()):
            before = [w for w in words[:k] if not w.low.endswith("ly")][-1:]
            return frame.clause_start if before and before[0].low in g.get("be", ()) else None
    return None


def against_taking_part(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                        *_: object) -> _Found:
    """English: a state (or its authorities) "against" its citizens taking part in the fighting
    ("the authorities are against participation of Tajik citizens in this conflict", "is against its
    citizens fighting in Ukraine"): the guidelines' punishing or warning citizens who fight, distance."""
    if "participate" not in classes or frame.factuality not in ("nominal", "relative", "nonfinite") or \
            frame.negated or against_word(builder, frame) is None:
        return None
    span = _s._about(builder, frame, frame.clause_start, frame.target_end)
    fighting = about.has(pack, "fighting") or about.has(pack, "war") or frame.lemma in pack.targets.get(
        "fighting", frozenset())
    if not span.has(pack, "citizens") or not fighting or about.has(pack, "sanctions") or \
            about.has(pack, "other_conflicts"):
        return None
    return [("war", "distance", "against_citizens")]


def waged_by(builder: FrameBuilder, frame: Frame) -> str | None:
    """English: the state that wages the war or attack the frame's object names first, as its
    demonym or possessive right before the noun ("the Ukrainian incursion", "Kyiv's offensive"),
    or ``None`` ("the Ukraine war", a place, names no one)."""
    pack = builder.pack
    if pack is None:
        return None
    nouns = pack.union("targets", "war", "attack")
    text = builder.doc.text
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    noun = next((w for w in words if w.lemma in nouns or w.low in nouns), None)
    if noun is None:
        return None
    for m in builder.resolver.in_sentence(frame.sentence):
        if frame.target_start <= m.start and m.end <= noun.start and len(text[m.end:noun.start].split()) <= 2 and \
                (m.kind == "demonym" or text[m.end:m.end + 2] in ("'s", "’s")):
            return builder.resolver.state_of(m)
    return None


def joined_in_condemning(builder: FrameBuilder, frame: Frame) -> bool:
    """English: "joined X in condemning ...", "joined ... in protest at ...": "in" before a word of
    condemnation or of a call for peace in the object; what is joined is that act, read on its own."""
    pack = builder.pack
    if pack is None or not pack.english:
        return False
    acts = pack.union("stance_classes", "condemn", "call_peace")
    words = [w for w in builder.words(frame.sentence) if frame.target_start <= w.start < frame.target_end]
    return any(a.low == "in" and b.lemma in acts for a, b in zip(words, words[1:], strict=False))


def against_ukraine(builder: FrameBuilder, frame: Frame) -> bool:
    """English: what is sent goes to fight Ukraine, a Ukrainian mention right after a fighting word or
    "against" in the object ("deployed to Kursk to fight Ukrainian forces", "troops against Ukraine")."""
    pack = builder.pack
    if pack is None:
        return False
    fighting = pack.targets.get("fighting", frozenset()) | pack.grammar.get("against", frozenset())
    words = builder.words(frame.sentence)
    for m in builder.resolver.in_sentence(frame.sentence):
        if frame.target_start <= m.start < frame.target_end and builder.resolver.state_of(m) == "UKR":
            before = [w for w in words if w.end <= m.start][-1:]
            if before and (before[0].lemma in fighting or before[0].low in fighting) and before[0].low != "war":
                return True
    return False
