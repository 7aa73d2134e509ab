"""The one exception tree of Allegiance, with stable codes.

Every error the library raises on purpose is an :class:`AllegianceError`; its ``code`` is a
short stable string that is stored with rejections, printed by the command line and safe to
match on in scripts. Codes never change meaning; new ones may be added.
"""

from __future__ import annotations

__all__ = [
    "AllegianceError",
    "ExtractionError",
    "FetchError",
    "InputError",
    "PackError",
    "SettingsError",
    "StoreError",
    "REJECTION_CODES",
]


class AllegianceError(Exception):
    """Base class. ``code`` names the failure; ``str(err)`` explains it to a person."""

    code = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class SettingsError(AllegianceError):
    """A setting has an unknown name or a value of the wrong type."""

    code = "bad_setting"


class InputError(AllegianceError):
    """An input cannot be read as an article (empty, binary, too large, undecodable, malformed)."""

    code = "bad_input"


class ExtractionError(InputError):
    """The input was read but no article text could be taken out of it."""

    code = "no_main_text"


class FetchError(InputError):
    """A URL could not be fetched: unreachable, refused address, robots.txt, HTTP error, too large."""

    code = "fetch_failed"


class StoreError(AllegianceError):
    """The database cannot be opened, migrated or written."""

    code = "store_error"


class PackError(AllegianceError):
    """A domain pack is missing, malformed or inconsistent; the message names file and line."""

    code = "bad_pack"


#: Every code a stored rejection can carry, with what it means (documented in docs/errors.md).
REJECTION_CODES: dict[str, str] = {
    "empty": "the input holds no text at all",
    "binary": "the input is binary data, not text or HTML",
    "too_large": "the input, or what it decompresses to, is over the size limit",
    "decode_error": "the bytes could not be decoded as text in any supported encoding",
    "malformed": "a structured input (JSON Lines, feed, WARC) is broken",
    "unsupported": "the input is of a kind Allegiance does not read",
    "no_main_text": "no article text could be extracted from the page",
    "not_found": "the path does not exist",
    "unreachable": "the host could not be reached or timed out",
    "http_status": "the server answered with an HTTP error status",
    "forbidden_address": "the URL points to a loopback or private address and that is not allowed",
    "robots": "robots.txt of the site disallows fetching the URL",
    "too_many_redirects": "the URL redirected more often than allowed",
    "bad_input": "the input cannot be read (generic)",
    "fetch_failed": "the URL could not be fetched (generic)",
    "bad_url": "the URL is malformed (bad host, port or characters) and was not fetched",
    "too_slow": "the server did not send the page within fetch_deadline seconds in all",
    "truncated": "a WARC record or a .gz file is cut off by the end of its file; its partial text is not stored",
    "internal_error": "an unexpected error (a bug) while reading this input; the message names it",
}
