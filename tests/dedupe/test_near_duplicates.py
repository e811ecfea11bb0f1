"""Near-duplicate folding on the project's set (tests/dedupe/testdata): the same wire copy republished is found,
a different story about the same event never is (issue 4 point 1 and point 6's goals)."""

from __future__ import annotations

from dedupe_sets import ROOT  # noqa: F401  (puts the repository root on sys.path)

from bench.understanding import evalsets
from newsdesk.dedupe import NearDuplicateIndex, fingerprint

PRECISION_GOAL = 0.98
RECALL_GOAL = 0.95
DOCUMENTS = evalsets.dedupe_documents()


def run(index: NearDuplicateIndex) -> dict[str, list[str]]:
    found = {}
    for doc in DOCUMENTS:
        found[doc.id] = [str(k) for k in index.query(doc.text)]
        index.add(doc.id, doc.text)
    return found


def test_the_set_has_forty_groups_with_hard_negatives():
    groups = {d.group for d in DOCUMENTS}
    events = {}
    for d in DOCUMENTS:
        events.setdefault(d.event, set()).add(d.group)
    assert len(groups) >= 40
    assert all(len(g) >= 2 for g in events.values()), "every group has a different story about the same event beside it"
    assert {d.variant for d in DOCUMENTS} == {"original", "clutter", "rewrite", "added", "feed"}


def test_republished_copies_are_found_and_other_stories_are_not():
    score = evalsets.duplicate_pairs_score(DOCUMENTS, run(NearDuplicateIndex()))
    assert score.precision >= PRECISION_GOAL, "\n".join(score.errors)
    assert score.recall >= RECALL_GOAL, "\n".join(score.errors)


def test_a_different_story_about_the_same_event_is_never_folded():
    found = run(NearDuplicateIndex())
    by_id = {d.id: d for d in DOCUMENTS}
    folded = [(d.id, k) for d in DOCUMENTS for k in found[d.id] if by_id[k].group != d.group]
    assert folded == []


def test_index_rebuilt_from_stored_fingerprints_answers_the_same():
    live = NearDuplicateIndex()
    stored = {doc.id: live.add(doc.id, doc.text).to_bytes() for doc in DOCUMENTS[:100]}
    from newsdesk.dedupe import Fingerprint

    rebuilt = NearDuplicateIndex()
    rebuilt.add_many((key, Fingerprint.from_bytes(data)) for key, data in stored.items())
    for doc in DOCUMENTS[100:]:
        assert rebuilt.query(doc.text) == live.query(doc.text)


def test_removing_a_key_splits_a_wrong_fold():
    index = NearDuplicateIndex()
    original, copy = DOCUMENTS[0], next(d for d in DOCUMENTS[1:] if d.group == DOCUMENTS[0].group)
    index.add(original.id, original.text)
    assert index.query(copy.text) == [original.id]
    index.remove(original.id)
    assert index.query(copy.text) == [] and len(index) == 0


def test_most_similar_copy_comes_first():
    index = NearDuplicateIndex()
    base = DOCUMENTS[0]
    group = [d for d in DOCUMENTS if d.group == base.group]
    for doc in group:
        index.add(doc.id, doc.text)
    assert index.query(base.text)[0] == base.id
    assert fingerprint(base.text).jaccard(fingerprint(base.text)) == 1.0


def test_removing_one_of_several_copies_keeps_the_others_findable():
    index = NearDuplicateIndex()
    doc = DOCUMENTS[0]
    for key in ("a", "b", "c"):  # the same text thrice: every band bucket holds several keys
        index.add(key, doc.text)
    index.remove("b")
    assert sorted(index.query(doc.text)) == ["a", "c"]
    index.add("a", DOCUMENTS[-1].text)  # re-indexed under the same key with another text: the old buckets forget it
    assert index.query(doc.text) == ["c"]
    assert index.fingerprint_of("a") == fingerprint(DOCUMENTS[-1].text)
    index.remove("c")
    assert index.query(doc.text) == [] and len(index) == 1


def test_many_candidates_scored_at_once_rank_exactly_as_one_by_one(monkeypatch):
    """A house style puts hundreds of texts in one band: the matrix path must find and rank what the loop does."""
    import random

    from newsdesk.dedupe import index as index_module

    rng = random.Random(7)
    sentences = [f"The harbour authority said on {day} that berth {n} would reopen after the storm damage was assessed." for n in range(40) for day in ("Monday", "Tuesday")]
    texts = {key: " ".join(rng.sample(sentences, rng.randint(3, 30))) for key in range(120)}
    index = NearDuplicateIndex()
    for key, text in texts.items():
        index.add(key, text)
    queries = [" ".join(rng.sample(sentences, rng.randint(3, 30))) for _ in range(40)] + list(texts.values())[:20]
    monkeypatch.setattr(index_module, "SCORED_ONE_BY_ONE", 10**9)
    one_by_one = [index.query(text) for text in queries]
    monkeypatch.setattr(index_module, "SCORED_ONE_BY_ONE", 0)
    at_once = [index.query(text) for text in queries]
    assert at_once == one_by_one
    assert sum(map(len, at_once)) > len(queries), "the texts must share enough to be found, else the test proves nothing"
