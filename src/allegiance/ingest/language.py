"""Language identification with py3langid (its model ships inside the package: no download)."""

from __future__ import annotations

import functools
import re

__all__ = ["identify_language"]

_LETTERS = re.compile(r"[^\W\d_]")


@functools.lru_cache(maxsize=1)
def _classify():  # type: ignore[no-untyped-def]
    import py3langid

    return py3langid.classify


def identify_language(text: str, *, sample_chars: int = 5000) -> str | None:
    """ISO 639-1 code of the text's language, or ``None`` for text with too few letters."""
    sample = text[:sample_chars]
    if len(_LETTERS.findall(sample)) < 20:
        return None
    lang, _score = _classify()(sample)
    return str(lang)
