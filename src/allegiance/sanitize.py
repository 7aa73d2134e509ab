"""Cleaning untrusted one-line values (titles, sources, authors, URLs) and making any text safe to
print on a terminal.

Metadata comes from JSON Lines, feeds, WARC headers and HTML pages that anyone can write. A
terminal escape sequence (``ESC [ 2 J`` clears the screen, ``ESC ] 0 ; ... BEL`` sets the window
title), a C1 control, or a bidirectional override (which makes "‮moc.sretuer‬" render as
"reuters.com") must never reach the store or a screen. :func:`clean_field` is applied to every
metadata field at ingest; :func:`terminal_safe` is the command line's defence in depth for values
already stored.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_field", "strip_controls", "terminal_safe", "FIELD_LIMITS", "BIDI_CONTROLS"]

#: Bidirectional embeddings, overrides and isolates, and the implicit marks: none belongs in a
#: one-line field, and each can make text render in an order other than the stored one.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# Whole escape sequences first (so their printable tail, "[2J", goes too): CSI, OSC (ended by BEL
# or ST), the other string controls DCS/SOS/PM/APC, and two-character escapes.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls but tab and newline, DEL, C1 controls, bidi controls, lone surrogates.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + r"\ud800-\udfff]")
_SPACE = re.compile(r"\s+")

#: The longest value kept for each metadata field (longer ones are cut, with an ellipsis).
FIELD_LIMITS = {"title": 500, "author": 200, "source": 200, "site": 200, "url": 2048, "file_name": 255}


def strip_controls(text: str) -> str:
    """``text`` without escape sequences, control characters (tab and newline kept), bidi
    controls and lone surrogates."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def clean_field(value: object, limit: int = 500) -> str | None:
    """A one-line metadata value: NFC, controls stripped, runs of whitespace (newlines included)
    made one space, cut to ``limit`` characters; ``None`` when nothing is left."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", strip_controls(str(value)))
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…" if limit > 1 else text[:limit]
    return text or None


def terminal_safe(value: object) -> str:
    """A value to print on a terminal: escape sequences, controls and bidi controls removed, tab
    and newline kept."""
    return strip_controls("" if value is None else str(value))
