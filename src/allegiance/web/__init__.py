"""The web pages and the JSON API of ``allegiance serve`` (needs the ``web`` extra).

:func:`create_app` builds the ASGI app over one database file, opened read-only; the only
writes (resolving a prediction) need the ``web_token`` setting. Imports are lazy so that the
command line starts fast without the extra installed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..settings import Settings

__all__ = ["create_app"]


def create_app(db: str | Path, settings: Settings | None = None, *, hosts: list[str] | None = None) -> Any:
    """The ASGI app over ``db``. ``hosts``: the only ``Host`` header values answered (a defence
    against DNS rebinding; ``None``: any). Raises :class:`~allegiance.errors.StoreError` when the
    database cannot be read."""
    from .app import build_app

    return build_app(Path(db), settings, hosts)
