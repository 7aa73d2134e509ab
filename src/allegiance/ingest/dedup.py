"""Article identity and duplicates: a content hash for exact copies, MinHash over word trigrams
for near duplicates (syndicated copies, spun rewrites), found through LSH bands kept in the store
(``lsh_bands``), so memory stays flat as the store grows and concurrent ingests see each other."""

from __future__ import annotations

import functools
import hashlib
import re
import sqlite3
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["article_id", "find_near_duplicate", "index_signature", "signature", "shingles", "SCHEME"]

_WORDS = re.compile(r"\w+")

#: The hashing scheme of stored signatures (datasketch's ``affine32``, computed in
#: :mod:`allegiance.store.lsh`); a change needs a migration that recomputes them.
SCHEME = "affine32"


@functools.lru_cache(maxsize=2)  # the id and the signature of one article read the same words
def _canonical(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORDS.findall(text))


def article_id(text: str) -> str:
    """Stable id: the first 16 hex digits of SHA-256 over the case-folded words of the text."""
    return hashlib.sha256(_canonical(text).encode("utf-8")).hexdigest()[:16]


def shingles(text: str, size: int = 3) -> set[bytes]:
    words = _canonical(text).split()
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
