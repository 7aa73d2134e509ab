"""Article identity and duplicates: a content hash for exact copies, MinHash over word trigrams
for near duplicates (syndicated copies, spun rewrites) with datasketch's LSH index."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["article_id", "NearDuplicateIndex", "signature", "shingles"]

_WORDS = re.compile(r"\w+")


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
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


#: The hashing scheme of stored signatures; a change needs a migration that recomputes them.
SCHEME = "affine32"


def signature(text: str, num_perm: int) -> MinHash:
    mh = MinHash(num_perm=num_perm, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


class NearDuplicateIndex:
    """An LSH index over article signatures; ``add`` returns the closest earlier near duplicate."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def load(self, key: str, hashvalues: bytes) -> None:
        """Add a stored signature (as written by :meth:`dump`)."""
        values = np.frombuffer(hashvalues, dtype=np.uint64)
        if len(values) != self.num_perm or key in self._sigs:
            return
        mh = MinHash(num_perm=self.num_perm, hashvalues=values, scheme=SCHEME)
        self._lsh.insert(key, mh)
        self._sigs[key] = mh

    @staticmethod
    def dump(mh: MinHash) -> bytes:
        return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()

    def add(self, key: str, mh: MinHash) -> tuple[str, float] | None:
        """Insert ``mh`` under ``key``; return ``(earlier_key, similarity)`` of its best match."""
        best: tuple[str, float] | None = None
        for other in self._lsh.query(mh):
            if other == key:
                continue
            sim = float(mh.jaccard(self._sigs[other]))
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (other, sim)
        if key not in self._sigs:
            self._lsh.insert(key, mh)
            self._sigs[key] = mh
        return best
