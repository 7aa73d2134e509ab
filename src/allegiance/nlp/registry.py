"""Statement components registered by name, as spaCy's factories are: the statement stage runs the
finders its configuration names (the ``statement_components`` setting), so that a trained stance
or event classifier can replace a rule component by configuration.

A finder takes the document, the actor resolver, the sentence modality and the clause frames, and
returns the statements it finds. Register one with ``@register("stances.classifier")`` in an
installed module and name it in the setting in place of ``stances.rules``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..errors import SettingsError
from .actors import ActorResolver
from .doc import Doc, Statement
from .frames import FrameBuilder
from .modality import SentenceModality

__all__ = ["Finder", "DEFAULT_COMPONENTS", "register", "create", "registered"]


class Finder(Protocol):
    def __call__(self, doc: Doc, resolver: ActorResolver, modality: SentenceModality,
                 builder: FrameBuilder) -> list[Statement]: ...


_FACTORIES: dict[str, Finder] = {}

#: the rule components, in the order their statements are added
DEFAULT_COMPONENTS = ("stances.rules", "events.rules", "predictions.rules")


def register(name: str) -> Callable[[Finder], Finder]:
    def wrap(finder: Finder) -> Finder:
        _FACTORIES[name] = finder
        return finder
    return wrap


def registered() -> tuple[str, ...]:
    _load_rules()
    return tuple(sorted(_FACTORIES))


def create(name: str) -> Finder:
    """The finder registered under ``name``; an unknown name is an error listing the known ones."""
    _load_rules()
    try:
        return _FACTORIES[name]
    except KeyError:
        raise SettingsError(f"unknown statement component {name!r}; registered: {', '.join(sorted(_FACTORIES))}"
                            ) from None


def _load_rules() -> None:
    from . import events, predictions, stances  # noqa: F401  (registering their rule finders)
