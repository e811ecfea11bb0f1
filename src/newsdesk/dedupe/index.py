"""Near-duplicate search: the same wire copy republished with other clutter, headline or a paragraph less.

MinHash LSH finds candidates in sublinear time; each candidate is then
checked: a near-duplicate shares most of its shingles (Jaccard), or is a
trimmed copy whose shingles are nearly all inside the other text
(containment, for a feed entry that carries the first paragraphs only).
Different articles about the same event share names, not runs of words, and
stay apart (issue 4 point 1).

The banding is datasketch's (its ``MinHashLSH`` chooses the bands and rows
for the threshold), but the tables are kept here, compactly: every article
of the archive is in them (bench/stories, issue 4 point 7), and datasketch's
a set per bucket and a MinHash object per key cost ~20 KB an article, this
~4 KB (the signature as one numpy array, one dict entry per band).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHashLSH

from newsdesk.dedupe.fingerprint import NUM_PERM, Fingerprint, fingerprint

# On the evaluation set (bench/understanding) copies share at least 0.74 of the
# smaller text's shingles and different stories at most 0.17, also about the
# same event: the thresholds sit between, with room for MinHash's noise.
CANDIDATE_THRESHOLD = 0.2  # LSH recall: low enough to bring trimmed copies in as candidates
JACCARD_THRESHOLD = 0.35
CONTAINMENT_THRESHOLD = 0.6
SCORED_ONE_BY_ONE = 8  # more candidates than this are scored as one numpy matrix
MIN_CONTAINED_SHINGLES = 40  # a short text inside a long one proves little: a shared quote is not a copy


@lru_cache(maxsize=4)
def _banding(num_perm: int) -> tuple[int, int]:
    """Bands and rows per band for CANDIDATE_THRESHOLD, as datasketch optimises them (28 x 2 for 128)."""
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=num_perm)
    return lsh.b, lsh.r


class NearDuplicateIndex:
    """Keys of texts seen so far, searchable for near-duplicates of a new text."""

    def __init__(
        self,
        *,
        jaccard: float = JACCARD_THRESHOLD,
        containment: float = CONTAINMENT_THRESHOLD,
        num_perm: int = NUM_PERM,
    ) -> None:
        self.jaccard_threshold = jaccard
        self.containment_threshold = containment
        self.num_perm = num_perm
        self._bands, self._rows = _banding(num_perm)
        self._signatures: dict[Hashable, tuple[np.ndarray, int]] = {}  # key -> (hashvalues as uint64, shingle count)
        # One table per band: the band's bytes -> the key, or a list of keys when several texts share it (keys are hashable, never lists).
        self._tables: list[dict[bytes, object]] = [{} for _ in range(self._bands)]

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._signatures

    def add(self, key: Hashable, text: str) -> Fingerprint:
        """Index `text` under `key`; returns its fingerprint for the caller to store."""
        print_ = fingerprint(text, num_perm=self.num_perm)
        self.add_fingerprint(key, print_)
        return print_

    def add_fingerprint(self, key: Hashable, print_: Fingerprint) -> None:
        """Index a stored fingerprint (how the index is rebuilt after a restart)."""
        if key in self._signatures:
            self.remove(key)
        values = np.array(print_.hashvalues, dtype=np.uint64)
        self._signatures[key] = (values, print_.size)
        for table, band in zip(self._tables, self._band_keys(values)):
            held = table.get(band)
            if held is None:
                table[band] = key
            elif type(held) is list:
                held.append(key)
            else:
                table[band] = [held, key]

    def add_many(self, items: Iterable[tuple[Hashable, Fingerprint]]) -> None:
        for key, print_ in items:
            self.add_fingerprint(key, print_)

    def fingerprint_of(self, key: Hashable) -> Fingerprint | None:
        """The fingerprint indexed under `key` (to tell whether a stored one changed)."""
        held = self._signatures.get(key)
        return None if held is None else Fingerprint(tuple(held[0].tolist()), held[1])

    def remove(self, key: Hashable) -> None:
        """Forget a key (an editor split a wrong fold, or the article was deleted)."""
        held = self._signatures.pop(key, None)
        if held is None:
            return
        for table, band in zip(self._tables, self._band_keys(held[0])):
            keys = table.get(band)
            if type(keys) is list:
                keys.remove(key)
                if len(keys) == 1:
                    table[band] = keys[0]
            elif keys is not None:
                del table[band]

    def query(self, text: str) -> list[Hashable]:
        """Keys of the near-duplicates of `text`, most similar first."""
        return self.query_fingerprint(fingerprint(text, num_perm=self.num_perm))

    def query_fingerprint(self, print_: Fingerprint) -> list[Hashable]:
        values = np.array(print_.hashvalues, dtype=np.uint64)
        candidates: dict[Hashable, None] = {}
        for table, band in zip(self._tables, self._band_keys(values)):
            held = table.get(band)
            if held is None:
                continue
            if type(held) is list:
                candidates.update(dict.fromkeys(held))
            else:
                candidates[held] = None
        keys = list(candidates)
        scores = self._scores(values, print_.size, keys) if len(keys) > SCORED_ONE_BY_ONE else [
            self._score(values, print_.size, *self._signatures[key]) for key in keys
        ]
        scored = [(score, key) for score, key in zip(scores, keys) if score > 0]
        return [key for _, key in sorted(scored, key=lambda pair: -pair[0])]

    def similarity(self, a: Fingerprint, b: Fingerprint) -> float:
        """How much of a copy one text is of the other (0 when it is not a near-duplicate at all)."""
        return self._score(np.array(a.hashvalues, dtype=np.uint64), a.size, np.array(b.hashvalues, dtype=np.uint64), b.size)

    def _score(self, a: np.ndarray, a_size: int, b: np.ndarray, b_size: int) -> float:
        # Fingerprint.jaccard and Fingerprint.containment, on the arrays the index keeps.
        jaccard = float(np.count_nonzero(a == b)) / len(a)
        if jaccard >= self.jaccard_threshold:
            return jaccard
        smaller = min(a_size, b_size)
        if smaller >= MIN_CONTAINED_SHINGLES:
            containment = min(1.0, jaccard * (a_size + b_size) / ((1 + jaccard) * smaller))
            if containment >= self.containment_threshold:
                return containment * self.jaccard_threshold  # ranked below full copies
        return 0.0

    def _scores(self, a: np.ndarray, a_size: int, keys: list[Hashable]) -> list[float]:
        """``_score`` against many candidates at once: text built from a house style shares bands with hundreds."""
        held = [self._signatures[key] for key in keys]
        jaccard = np.count_nonzero(np.stack([values for values, _ in held]) == a, axis=1) / len(a)
        sizes = np.array([size for _, size in held], dtype=np.float64)
        smaller = np.minimum(sizes, a_size)
        with np.errstate(divide="ignore", invalid="ignore"):
            containment = np.minimum(1.0, jaccard * (a_size + sizes) / ((1 + jaccard) * smaller))
        contained = (smaller >= MIN_CONTAINED_SHINGLES) & (containment >= self.containment_threshold)
        scores = np.where(jaccard >= self.jaccard_threshold, jaccard, np.where(contained, containment * self.jaccard_threshold, 0.0))
        return scores.tolist()

    def _band_keys(self, values: np.ndarray) -> list[bytes]:
        data, width = values.tobytes(), 8 * self._rows
        return [data[i * width : (i + 1) * width] for i in range(self._bands)]
