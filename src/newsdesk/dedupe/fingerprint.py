"""A fingerprint of a body: the MinHash of its shingles, plus how many shingles it has.

Stored with the article (`to_bytes`), so the near-duplicate index can be
rebuilt after a restart without re-reading any text.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
from datasketch import MinHash

from newsdesk.dedupe.normalise import shingles

NUM_PERM = 128
SEED = 1
# datasketch 2 names its hashing scheme; stored fingerprints are only comparable under the same one.
SCHEME = "affine32"
_HEADER = struct.Struct("<HI")  # permutations, shingle count


@lru_cache(maxsize=4)
def _template(num_perm: int) -> MinHash:
    """One MinHash whose permutations every fingerprint shares (generating them costs more than hashing)."""
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)


@dataclass(frozen=True)
class Fingerprint:
    """MinHash signature (``hashvalues``, uint64) and the number of distinct shingles it summarises."""

    hashvalues: tuple[int, ...]
    size: int

    @cached_property
    def array(self) -> np.ndarray:
        """The signature as numpy holds it, made once: an index compares one fingerprint with many."""
        return np.array(self.hashvalues, dtype=np.uint64)

    def minhash(self) -> MinHash:
        template = _template(len(self.hashvalues))
        return MinHash(
            num_perm=len(self.hashvalues), seed=SEED, hashvalues=self.array,
            permutations=template.permutations, scheme=SCHEME,
        )

    def jaccard(self, other: "Fingerprint") -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.array == other.array)) / len(self.hashvalues)

    def containment(self, other: "Fingerprint") -> float:
        """Estimated share of the smaller text's shingles found in the larger one (a trimmed copy scores high)."""
        j = self.jaccard(other)
        smaller = min(self.size, other.size)
        if smaller == 0:
            return 0.0
        return min(1.0, j * (self.size + other.size) / ((1 + j) * smaller))

    def to_bytes(self) -> bytes:
        return _HEADER.pack(len(self.hashvalues), self.size) + np.array(self.hashvalues, dtype="<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Fingerprint":
        count, size = _HEADER.unpack_from(data)
        values = np.frombuffer(data, dtype="<u8", count=count, offset=_HEADER.size)
        return cls(tuple(values.tolist()), size)


def fingerprint(text: str, *, num_perm: int = NUM_PERM) -> Fingerprint:
    """The fingerprint of a body's text."""
    items = shingles(text)
    minhash = _template(num_perm).copy()
    minhash.update_batch([s.encode("utf-8") for s in items])
    return Fingerprint(tuple(minhash.hashvalues.tolist()), len(items))
