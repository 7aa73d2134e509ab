"""Stage 2: analysis components over one :class:`Doc` per article.

The components are imported on first use, so that reading the document types (the store and
the views import :mod:`.doc`) does not load the whole analysis stack."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .doc import Doc, Mention, Sentence

if TYPE_CHECKING:
    from .entities import EntityLinker
    from .pipeline import Pipeline, default_pipeline

_LAZY = {"EntityLinker": ".entities", "Pipeline": ".pipeline", "default_pipeline": ".pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Doc", "EntityLinker", "Mention", "Pipeline", "Sentence", "default_pipeline"]
