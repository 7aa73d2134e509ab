"""MinHash signatures and their LSH bands, in numpy alone (no datasketch, no scipy at import).

A signature is what datasketch 2's ``MinHash(scheme="affine32")`` computes from the same byte
strings (``tests/test_scale.py`` checks it bit for bit): each value hashed once with SHA-1 (its
first 4 bytes, little-endian), mixed with the MurmurHash3 finalizer, then permuted by
``a * h + b`` in uint32 arithmetic with the permutations of seed 1, computed once per size and
kept. Bands follow datasketch's ``MinHashLSH``: the (bands, rows) pair that minimises the
equally weighted false positive and false negative probabilities at the threshold.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable

import numpy as np

__all__ = ["band_id", "band_keys", "jaccard", "lsh_params", "minhash", "pack_signature", "unpack_signature"]

_MAX32 = np.uint32(0xFFFFFFFF)
_BLOCK = 4096
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@functools.lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a.reshape(1, -1), b.reshape(1, -1)


def _fmix(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)  # type: ignore[no-any-return]


def minhash(values: Iterable[bytes], num_perm: int) -> np.ndarray:
    """The signature (uint32 array of ``num_perm`` values) of a set of byte strings."""
    sha1 = hashlib.sha1
    digests = b"".join([sha1(v).digest() for v in values])  # 20 bytes each
    if not digests:
        return np.full(num_perm, _MAX32, dtype=np.uint32)
    a, b = _permutations(num_perm)
    # each digest's first 4 bytes, little-endian: every fifth uint32 of the joined digests
    hashes = np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)
    hv = _fmix(hashes.reshape(-1, 1))
    out = np.full(num_perm, _MAX32, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for start in range(0, len(hv), _BLOCK):  # blocks: a long text never needs shingles x perms at once
            np.minimum(out, (hv[start:start + _BLOCK] * a + b).min(axis=0), out=out)
    return out


def pack_signature(sig: np.ndarray) -> bytes:
    """The stored form: little-endian uint32 values, 4 bytes each (the values are 32-bit). Stores
    written before held them as uint64 (8 bytes each, half of them zeros); both are read."""
    return np.asarray(sig, dtype="<u4").tobytes()


def unpack_signature(blob: bytes) -> np.ndarray:
    """A stored signature, in either form. The older uint64 form is told by its high halves,
    which are all zero (in the uint32 form, half the values being 0 has odds of 2**-(16 * n))."""
    words = np.frombuffer(blob, dtype="<u4")
    if len(words) % 2 == 0 and len(words) and not words[1::2].any():
        return words[0::2].astype(np.uint32)
    return words.astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float(np.count_nonzero(a == b)) / len(a)


#: :func:`lsh_params` at 128 permutations (the default) and thresholds 0.05 to 0.95 in steps of
#: 0.05 (the default 0.5 among them), as :func:`optimal_params` computes them (``tests/test_scale.py``
#: checks every entry): the grid of integrals cost about 0.03 CPU-s in every process that stores
#: an article. Keys are the exact float values, so any other threshold is computed.
_PARAMS: dict[tuple[float, int], tuple[int, int]] = {
    (threshold, 128): params for threshold, params in {
        0.05: (32, 1), 0.1: (64, 2), 0.15: (51, 2), 0.2: (28, 2), 0.25: (42, 3), 0.3: (37, 3),
        0.35: (32, 4), 0.4: (32, 4), 0.45: (25, 5), 0.5: (25, 5), 0.55: (21, 6), 0.6: (18, 7),
        0.65: (16, 8), 0.7: (14, 9), 0.75: (11, 11), 0.8: (9, 13), 0.85: (8, 16), 0.9: (5, 25),
        0.95: (3, 42)}.items()}


@functools.lru_cache(maxsize=16)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives plus false negatives at ``threshold``:
    :func:`optimal_params`, read from a table where it holds the pair."""
    return _PARAMS.get((threshold, num_perm)) or optimal_params(threshold, num_perm)


def optimal_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising false positives plus false negatives at ``threshold``
    (both integrated with the trapezoid rule over 1,001 points, all pairs at once)."""
    pairs = np.array([(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)], dtype=float)
    bands, rows = pairs[:, :1], pairs[:, 1:]
    below, above = np.linspace(0.0, threshold, 1001), np.linspace(threshold, 1.0, 1001)
    fp = np.trapezoid(1 - (1 - below ** rows) ** bands, below, axis=1)
    fn = np.trapezoid((1 - above ** rows) ** bands, above, axis=1)
    b, r = pairs[int(np.argmin(fp * 0.5 + fn * 0.5))]
    return int(b), int(r)


def band_id(rows: int, number: int) -> int:
    """A band's stored id: bands of different widths (another threshold) never meet."""
    return rows * 1000 + number


def band_keys(sig: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """(band id, signed 64-bit hash of the band's values) for each band of ``sig``."""
    bands, rows = lsh_params(threshold, len(sig))
    values = np.asarray(sig, dtype=np.uint32)
    keys = []
    for i in range(bands):
        digest = hashlib.blake2b(values[i * rows:(i + 1) * rows].tobytes(), digest_size=8).digest()
        keys.append((band_id(rows, i), int.from_bytes(digest, "little", signed=True)))
    return keys
