"""Extraction throughput beside plain spaCy NER (tok2vec + ner) on the same texts.

Run: .venv/bin/python -m benchmarks.extraction [PATHS...]   (default: tests/data/corpus seeds)
The rules, gazetteers and resolution may cost at most a third on top of spaCy alone.
"""

from __future__ import annotations

import sys
import time
from statistics import median

from kg.extract import extract, pipeline
from kg.extract.nlp import statistical_model, texts
from kg.model import Article
from kg.readers import discover, read_file

ROUNDS = 5


def main(paths: list[str]) -> None:
    sources, _ = discover(paths or ["tests/data/corpus", "seeds"])
    articles = [a for s in sources for a in read_file(s) if isinstance(a, Article)]
    fields = [text for article in articles for _, _, text in texts(article)]
    words = sum(len(text.split()) for text in fields)
    steps = pipeline()
    extract(articles[0], steps)  # load the models and gazetteers outside the timing
    nlp = statistical_model()
    list(nlp.pipe(fields[:2]))

    def spacy_only() -> None:
        for article in articles:
            list(nlp.pipe(text for _, _, text in texts(article)))

    def kg_extract() -> None:
        for article in articles:
            extract(article, steps)

    def timed(run: object) -> float:
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            run()  # type: ignore[operator]
            times.append(time.perf_counter() - started)
        return median(times)

    base, ours = timed(spacy_only), timed(kg_extract)
    print(f"command: python -m benchmarks.extraction {' '.join(paths)}".rstrip())
    print(f"{len(articles)} articles, {len(fields)} text fields, {words} words; median of {ROUNDS}")
    print(f"spaCy nlp.pipe (tok2vec+ner): {words / base:>8,.0f} words/s")
    print(f"kg extraction (all extractors): {words / ours:>8,.0f} words/s")
    print(f"kg / spaCy time: {ours / base:.2f}x (target: at most 1.33x)")


if __name__ == "__main__":
    main(sys.argv[1:])
