"""Article identity and duplicates: a content hash for exact copies, MinHash over word trigrams
for near duplicates (syndicated copies, spun rewrites), found through LSH bands kept in the store
(``lsh_bands``), so memory stays flat as the store grows and concurrent ingests see each other.

The signature reads the text as the analysis does, without the characters no reader sees
(:data:`allegiance.nlp.doc.INVISIBLE`: soft hyphens, zero-width spaces and joiners, the word
joiner, direction marks), so a copy with soft hyphens put in is the same story. The byte order
mark is dropped from every text before (``decode.normalise_text``). The id is unchanged: it names
the text as stored, and stored ids are referenced everywhere."""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["article_id", "find_near_duplicate", "index_signature", "resign_signatures", "signature", "shingles",
           "SCHEME"]

_WORDS = re.compile(r"\w+")

#: The scheme of stored signatures, recorded in the store (``signature_scheme``): datasketch's
#: ``affine32`` hashing (computed in :mod:`allegiance.store.lsh`) of the word trigrams of the text read
#: without its invisible characters. Before it, ``affine32`` read them as word breaks ("Ukr\u00adaine"
#: was "ukr aine"). A store that records another scheme is re-signed (:func:`resign_signatures`)
#: before its signatures are compared; a change of what :func:`signature` computes needs a new name.
SCHEME = "affine32-visible"


@functools.lru_cache(maxsize=2)  # the id and the signature of one article read the same words
def _canonical(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORDS.findall(text))


def article_id(text: str) -> str:
    """Stable id: the first 16 hex digits of SHA-256 over the case-folded words of the text."""
    return hashlib.sha256(_canonical(text).encode("utf-8")).hexdigest()[:16]


def _visible(text: str) -> str:
    """``text`` without its invisible characters (itself where it holds none, so the id's words,
    read just before, are reused)."""
    from ..nlp.doc import visible_text

    seen = visible_text(text)
    return text if seen is None else seen[0]


def shingles(text: str, size: int = 3) -> set[bytes]:
    """The word trigrams (``size``-grams) of the text read without its invisible characters."""
    words = _canonical(_visible(text)).split()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    if size == 3:  # the signature's trigrams, without a slice per position
        return {f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str, num_perm: int) -> np.ndarray:
    """The MinHash signature of the text's word trigrams (uint32 values)."""
    from ..store.lsh import minhash

    return minhash(shingles(text), num_perm)


def find_near_duplicate(db: sqlite3.Connection, key: str, sig: np.ndarray,
                        threshold: float) -> tuple[str, float] | None:
    """The stored article most similar to ``sig`` at or above ``threshold`` (ties: the earliest),
    found through the stored LSH bands; ``None`` when there is none."""
    from ..store.lsh import band_keys, jaccard, unpack_signature

    candidates: set[str] = set()
    for band, value in band_keys(sig, threshold):
        candidates.update(r[0] for r in db.execute(
            "SELECT article_id FROM lsh_bands WHERE band = ? AND hash = ?", (band, value)))
    candidates.discard(key)
    if not candidates:
        return None
    best: tuple[str, float, int] | None = None
    marks = ",".join("?" * len(candidates))
    for other, blob, rowid in db.execute(
            f"SELECT id, minhash, rowid FROM articles WHERE id IN ({marks}) AND minhash IS NOT NULL ORDER BY rowid",
            sorted(candidates)):
        stored = unpack_signature(blob)
        if len(stored) != len(sig):
            continue
        sim = jaccard(sig, stored)
        if sim >= threshold and (best is None or sim > best[1]):
            best = (str(other), sim, int(rowid))
    return (best[0], best[1]) if best else None


def index_signature(db: sqlite3.Connection, key: str, sig: np.ndarray, threshold: float) -> None:
    """Write the LSH bands of ``sig`` for article ``key``."""
    from ..store.lsh import band_keys

    db.executemany("INSERT OR IGNORE INTO lsh_bands(band, hash, article_id) VALUES (?, ?, ?)",
                   [(band, value, key) for band, value in band_keys(sig, threshold)])


def resign_signatures(db: sqlite3.Connection, threshold: float) -> int:
    """Re-sign every stored article whose store records another :data:`SCHEME` (each signature
    computed again from the stored text, at its own number of permutations), give the changed ones
    their LSH bands again at ``threshold``, and record the scheme; return how many changed. Inside
    the caller's transaction; a store of the current scheme costs one lookup."""
    from ..store.lsh import pack_signature, unpack_signature

    row = db.execute("SELECT scheme FROM signature_scheme").fetchone()
    if row is not None and row[0] == SCHEME:
        return 0
    changed, last = 0, -1
    while page := db.execute("SELECT rowid, id, text, minhash FROM articles WHERE rowid > ? AND minhash IS NOT NULL "
                             "ORDER BY rowid LIMIT 200", (last,)).fetchall():
        for rowid, key, text, blob in page:
            old = unpack_signature(blob)
            new = signature(text, len(old))
            if not (new == old).all():
                db.execute("UPDATE articles SET minhash = ? WHERE rowid = ?", (pack_signature(new), rowid))
                db.execute("DELETE FROM lsh_bands WHERE article_id = ?", (key,))
                index_signature(db, str(key), new, threshold)
                changed += 1
        last = page[-1][0]
    db.execute("DELETE FROM signature_scheme")
    db.execute("INSERT INTO signature_scheme(one, scheme) VALUES (1, ?)", (SCHEME,))
    return changed
