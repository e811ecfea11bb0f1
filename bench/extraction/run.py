"""bench/extraction: newsdesk's article body text against trafilatura's configurations.

Runs, in one process and the same run, trafilatura's three configurations
(default, favor_precision=True, include_comments=False) and newsdesk's
``article_text`` on both public benchmarks in ``../shared/bench/extraction/``,
scores them with that folder's ``score.py`` (its own functions, imported from
there), and prints a markdown table per set. Speed is pages per second of CPU
time spent inside the extractor (HTML already decoded in memory), the median
of several timing runs in which the extractors take turns, so a busy machine
slows all of them alike.

Usage: python bench/extraction/run.py [--shared PATH] [--runs 3] [--limit N] [--func MODULE:NAME]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SETS = ("article-extraction-benchmark", "trafilatura-eval")
Extractor = Callable[[str, "str | None"], str]


def load_scorer(shared: Path) -> ModuleType:
    """The benchmark's own scorer, ``score.py``, imported from the shared folder."""
    path = shared / "bench" / "extraction" / "score.py"
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} is missing (pass --shared PATH to the folder holding bench/extraction/)")
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extractors(func: str) -> dict[str, Extractor]:
    """The contenders, trafilatura's configurations first."""
    import trafilatura

    def configured(**options: bool) -> Extractor:
        return lambda html, url: trafilatura.extract(html, url=url, **options) or ""

    module, _, name = func.partition(":")
    newsdesk = getattr(importlib.import_module(module), name)
    return {
        "trafilatura (default)": configured(),
        "trafilatura (favor_precision)": configured(favor_precision=True),
        "trafilatura (include_comments=False)": configured(include_comments=False),
        "newsdesk article_text": lambda html, url: newsdesk(html, url) or "",
    }


def timed_pass(extract: Extractor, pages: list[dict]) -> tuple[list[str], float, int]:
    """Outputs, CPU seconds inside the extractor, and errors (an error scores as empty text)."""
    outputs, spent, errors = [], 0.0, 0
    for page in pages:
        start = time.process_time()
        try:
            text = extract(page["html"], page.get("url"))
        except Exception:  # the scorer's rule: a crash is an empty output, counted
            text, errors = "", errors + 1
        spent += time.process_time() - start
        outputs.append(text)
    return outputs, spent, errors


def quality(score: ModuleType, kind: str, pages: list[dict], outputs: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 by the scorer's definition for this kind of benchmark."""
    if kind == "body":
        return score.prf([score.body_counts(page["body"], text, 4) for page, text in zip(pages, outputs)])
    counts = [score.snippet_counts(page, text) for page, text in zip(pages, outputs)]
    tp, fp, fn, _ = (sum(column) for column in zip(*counts))
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), 2 * tp / max(2 * tp + fp + fn, 1)


def bench_set(score: ModuleType, folder: Path, contenders: dict[str, Extractor], runs: int, limit: int | None) -> None:
    kind, pages = score.load_bench(folder)
    pages = pages[:limit] if limit else pages
    for page in pages:
        page["html"] = score.read_html(page["html_path"])
    for extract in contenders.values():  # warm-up: first calls load word lists and compile patterns
        timed_pass(extract, pages[:3])
    speeds: dict[str, list[float]] = {name: [] for name in contenders}
    results: dict[str, tuple[float, float, float, int]] = {}
    for run in range(runs):
        print(f"{folder.name}: timing run {run + 1} of {runs}", file=sys.stderr, flush=True)
        for name, extract in contenders.items():
            outputs, spent, errors = timed_pass(extract, pages)
            speeds[name].append(len(pages) / max(spent, 1e-9))
            if run == 0:
                results[name] = (*quality(score, kind, pages, outputs), errors)
    print_table(folder.name, len(pages), runs, results, {name: statistics.median(s) for name, s in speeds.items()})


def print_table(title: str, count: int, runs: int, results: dict, speed: dict[str, float]) -> None:
    print(f"\n### {title} ({count} pages)\n")
    print("| extractor | precision | recall | F1 | pages/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (p, r, f1, errors) in results.items():
        print(f"| {name} | {p:.3f} | {r:.3f} | {f1:.4f} | {speed[name]:.1f} | {errors} |")
    ours = "newsdesk article_text"
    trafilatura = [name for name in results if name != ours]
    best_f1 = max(trafilatura, key=lambda name: results[name][2])
    fastest = max(trafilatura, key=speed.__getitem__)
    verdict = "above" if results[ours][2] > results[best_f1][2] else "NOT above"
    print(f"\npages/s: CPU time inside the extractor, median of {runs} timing runs.")
    print(f"newsdesk F1 {results[ours][2]:.4f} is {verdict} the best trafilatura configuration ({best_f1}, {results[best_f1][2]:.4f}).")
    print(f"newsdesk speed: {100 * speed[ours] / speed[best_f1]:.0f} % of {best_f1}, {100 * speed[ours] / speed[fastest]:.0f} % of the fastest ({fastest}).")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="folder holding bench/extraction/ (default: ../shared)")
    parser.add_argument("--runs", type=int, default=3, help="timing runs per extractor; the median is printed (default 3)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set (a quick look, not the benchmark)")
    parser.add_argument("--func", default="newsdesk.extract.text:article_text", help="newsdesk's extractor as MODULE:NAME")
    args = parser.parse_args()
    score = load_scorer(args.shared)
    contenders = extractors(args.func)
    for name in SETS:
        bench_set(score, args.shared / "bench" / "extraction" / name, contenders, max(args.runs, 1), args.limit)


if __name__ == "__main__":
    main()
