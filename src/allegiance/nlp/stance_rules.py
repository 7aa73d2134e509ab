"""Stance rules read the same way in every language, over each language's pack data: a state's
territory used for Russia's war. ``stances.py`` lists them in its rules; they read its helpers
(``_about``) and the Russian and Ukrainian owner reading (``stances_slavic._territory_owner``) when
they run (both modules import this one while they load).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import stances as _s

if TYPE_CHECKING:
    from .doc import Mention
    from .frames import Frame, FrameBuilder, LanguagePack
    from .stances import _About

__all__ = ["territory_used", "territory_owners"]

def territory_used(pack: LanguagePack, frame: Frame, classes: set[str], about: _About, builder: FrameBuilder,
                   *_: object) -> list[tuple[str, str, str]] | None:
    """A state's territory used for Russia's war is that territory put at Russia's disposal: support
    by its owner (guidelines). A verb of use or conduct (``used`` in stance_predicates.toml), done or
    under way and not negated, whose clause names a territory noun (``territory`` in
    stance_targets.toml) and Russia's part in the war. Where the territory and Russia's part are
    read follows the language's clause rules: word order reads a passive's patient and its agent
    ("Belarusian railways were used by the Russian army": the agent Russia, or the war or Ukraine
    named after the verb); case reads the territory noun with its owner beside it anywhere in the
    clause, with Russia's forces, the war or an attack («наступление велось с белорусской
    территории», «Територія Білорусі використовувалася російськими військами»)."""
    if "used" not in classes or frame.negated or frame.factuality not in ("done", "ongoing"):
        return None
    if pack.slavic:
        from .stances_slavic import _territory_owner

        clause = _s._about(builder, frame, frame.clause_start, frame.clause_end)
        if not clause.has(pack, "territory") or not _territory_owner(builder, frame):
            return None
        russia = clause.has(pack, "military") and "RUS" in clause.states or clause.has(pack, "war") or \
            clause.has(pack, "attack")
    else:
        if not frame.passive or not _s._about(builder, frame, frame.clause_start, frame.start).has(pack, "territory"):
            return None
        agents = {builder.resolver.state_of(m) for m in frame.subjects}
        russia = "RUS" in agents or about.has(pack, "war") or "UKR" in about.states
    return [("war", "support", "territory_used")] if russia else None


def territory_owners(builder: FrameBuilder, frame: Frame) -> list[str]:
    """The state whose territory ``territory_used`` found used: the owner beside the territory noun
    (case: «территория Белоруссии», «с белорусской территории»), else the first state other than
    Russia the passive's patient names ("Belarusian railways": a state, no group of railways)."""
    resolver = builder.resolver
    if builder.pack is not None and builder.pack.slavic:
        from .stances_slavic import _territory_owner

        owners: list[Mention] = _territory_owner(builder, frame)
        return [s for s in dict.fromkeys(resolver.state_of(m) for m in owners) if s]
    return [s for s in (resolver.state_of(m) for m in resolver.in_sentence(frame.sentence)
                        if frame.clause_start <= m.start < frame.start) if s and s != "RUS"][:1]
