"""Near-duplicate search: the same wire copy republished with other clutter, headline or a paragraph less.

MinHash LSH (datasketch) finds candidates in sublinear time; each candidate
is then checked: a near-duplicate shares most of its shingles (Jaccard), or
is a trimmed copy whose shingles are nearly all inside the other text
(containment, for a feed entry that carries the first paragraphs only).
Different articles about the same event share names, not runs of words, and
stay apart (issue 4 point 1).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from datasketch import MinHashLSH

from newsdesk.dedupe.fingerprint import NUM_PERM, Fingerprint, fingerprint

# On the evaluation set (bench/understanding) copies share at least 0.74 of the
# smaller text's shingles and different stories at most 0.17, also about the
# same event: the thresholds sit between, with room for MinHash's noise.
CANDIDATE_THRESHOLD = 0.2  # LSH recall: low enough to bring trimmed copies in as candidates
JACCARD_THRESHOLD = 0.35
CONTAINMENT_THRESHOLD = 0.6
MIN_CONTAINED_SHINGLES = 40  # a short text inside a long one proves little: a shared quote is not a copy


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
        self._lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=num_perm)
        self._fingerprints: dict[Hashable, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._fingerprints)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._fingerprints

    def add(self, key: Hashable, text: str) -> Fingerprint:
        """Index `text` under `key`; returns its fingerprint for the caller to store."""
        print_ = fingerprint(text, num_perm=self.num_perm)
        self.add_fingerprint(key, print_)
        return print_

    def add_fingerprint(self, key: Hashable, print_: Fingerprint) -> None:
        """Index a stored fingerprint (how the index is rebuilt after a restart)."""
        if key in self._fingerprints:
            self.remove(key)
        self._fingerprints[key] = print_
        self._lsh.insert(key, print_.minhash(), check_duplication=False)

    def add_many(self, items: Iterable[tuple[Hashable, Fingerprint]]) -> None:
        with self._lsh.insertion_session() as session:
            for key, print_ in items:
                self._fingerprints[key] = print_
                session.insert(key, print_.minhash(), check_duplication=False)

    def fingerprint_of(self, key: Hashable) -> Fingerprint | None:
        """The fingerprint indexed under `key` (to tell whether a stored one changed)."""
        return self._fingerprints.get(key)

    def remove(self, key: Hashable) -> None:
        """Forget a key (an editor split a wrong fold, or the article was deleted)."""
        if self._fingerprints.pop(key, None) is not None:
            self._lsh.remove(key)

    def query(self, text: str) -> list[Hashable]:
        """Keys of the near-duplicates of `text`, most similar first."""
        return self.query_fingerprint(fingerprint(text, num_perm=self.num_perm))

    def query_fingerprint(self, print_: Fingerprint) -> list[Hashable]:
        scored = [(self.similarity(print_, self._fingerprints[key]), key) for key in self._lsh.query(print_.minhash())]
        return [key for score, key in sorted(scored, key=lambda pair: -pair[0]) if score > 0]

    def similarity(self, a: Fingerprint, b: Fingerprint) -> float:
        """How much of a copy one text is of the other (0 when it is not a near-duplicate at all)."""
        jaccard = a.jaccard(b)
        if jaccard >= self.jaccard_threshold:
            return jaccard
        if min(a.size, b.size) >= MIN_CONTAINED_SHINGLES and a.containment(b) >= self.containment_threshold:
            return a.containment(b) * self.jaccard_threshold  # ranked below full copies
        return 0.0
