"""English stance rules added by class (each one a predicate class of ``lang/en/stance_predicates.toml``
read with its targets): diplomatic ties reduced over the war (CAMEO 161), arming Russia (CAMEO
062/072), a copular accomplice in the war, sharing the war's goals (CAMEO 051), peace as "the only
way" (a state's territory used by Russia's forces is ``stance_rules.territory_used``, for every
language). ``stances.py`` lists them in its rules; they read its helpers (``_about``,
``_backs_russia``, ``_other_conflict``) when they run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stances as _s

if TYPE_CHECKING:
    from .frames import Frame, FrameBuilder, LanguagePack
    from .stances import _About

__all__ = ["armed", "complicity", "no_side_taken", "peace_way", "shared_aims", "ties_reduced", "votes_to_condemn"]

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


def complicity(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, *_: object) -> _Found:
    """A noun of complicity after a copula ("has been a willing accomplice in Russia's aggression",
    "is a co-belligerent"): a party to the war, support; denied, distance."""
    if "accomplice" not in classes or frame.factuality not in ("present", "done", "ongoing"):
        return None
    if not (about.has(pack, "war") or "RUS" in about.states):
        return []
    return [("war", "distance" if frame.negated else "support", "accomplice")]


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
