"""The sentence prefilter: the words a rule component can key on, built once per language pack
from the same lexicons the components read, and each sentence tested against them by one set
intersection.

The sets are derived, never listed by hand: an English frame can start only at a surface form of
a predicate lemma of the packs (a stance predicate, an event predicate or a speech verb, in every
regular inflection and every listed irregular form), less the forms of plain speech verbs
("said"), which alone make no sentence worth a frame. A prediction can start only at a future,
conditional or condition word of the grammar (or a plan word before "to"). Adding an entry to any
of those lexicons adds its forms here, since both come from :func:`~allegiance.nlp.frames.language_pack`.

The filter is sound by construction: each set is exactly the set the component's own cheap test
read word by word (``any(w in surface and w not in plain ...)``); the intersection gives the same
answer in one C-level pass. ``tests/test_prefilter.py`` checks both against the packs.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .frames import LanguagePack

__all__ = ["frame_triggers", "future_triggers", "may_hold_frame", "may_speak_of_future"]

_LOWER_WORD = re.compile(r"[a-z]+")
_FUTURE_WORD = re.compile(r"[a-z']+")


@functools.lru_cache(maxsize=16)
def frame_triggers(pack: LanguagePack) -> frozenset[str]:
    """English word forms that can begin a frame: the surface forms of the pack's predicates less
    the forms of plain speech."""
    from .frames import _plain_speech

    return pack.surface - _plain_speech(pack)


def may_hold_frame(pack: LanguagePack, low: str) -> bool:
    """Whether the case-folded English sentence ``low`` holds a word that can begin a frame."""
    return not frame_triggers(pack).isdisjoint(_LOWER_WORD.findall(low))


@functools.lru_cache(maxsize=16)
def future_triggers(pack: LanguagePack) -> tuple[frozenset[str], frozenset[str]]:
    """(the words that make an English sentence possibly speak of the future, the same with the
    plan words and the "be" of schedules added, for a sentence holding " to ")."""
    g = pack.grammar
    cues = frozenset(g.get("future", frozenset()) | g.get("conditional", frozenset())
                     | g.get("condition", frozenset()) | g.get("scheduled_participles", frozenset())
                     | g.get("penalty_verbs", frozenset()) | {"won't", "wo"})
    return cues, cues | g.get("plan", frozenset()) | g.get("schedule_be", frozenset())


def may_speak_of_future(pack: LanguagePack, low: str) -> bool:
    """A future or modal auxiliary, a condition, or a plan word before "to" in the case-folded
    English sentence ``low`` (with its apostrophes straightened)."""
    if "'ll" in low:
        return True
    cues, with_plans = future_triggers(pack)
    words: Iterable[str] = _FUTURE_WORD.findall(low)
    return not (with_plans if " to " in low else cues).isdisjoint(words)
