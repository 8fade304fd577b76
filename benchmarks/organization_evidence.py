"""Precision and recall of each rule that finds organizations, over development sets.

Each organization an article mentions is found by one or more rules (the gazetteer, the
model's ORG entity with a body's head noun, a ticker, a committee's phrasing ...;
``kg.extract.organizations.organization_evidence``). Matched with the labels as ``kg eval``
matches them, each organization is right, wrong, or neutral; a rule's precision is the
right share of the organizations it found, and "alone" counts those no other rule found
(what dropping the rule would lose and gain).

Run: .venv/bin/python -m benchmarks.organization_evidence [FOLDER...] [--show RULE]
(--show lists the organizations of each rule whose name starts with RULE, e.g. "text:")
(default: every development set). Blind and held-out sets are refused.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from benchmarks.errors import is_blind
from kg.evaluate import (
    _choices,
    _match,
    _overlap,
    entity_names,
    load_labels,
    mentioned_keys,
    with_dateline_neutral,
)
from kg.extract import Context, pipeline
from kg.extract.organizations import organization_evidence, organization_mentions
from kg.model import Article
from kg.readers import read_file
from kg.text import fold


def development_sets() -> list[str]:
    """The labelled set and every development set (``tests/data/development*``)."""
    data = Path("tests/data")
    return [str(data / "labelled"), *sorted(str(p) for p in data.glob("development*"))]


def _article_organizations(article: Article) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The organizations an article's facts mention (key -> names) and the rules that
    found each (key -> rules)."""
    context = Context(article=article)
    facts = []
    for step in pipeline():
        found = list(step(article, context))
        context.found[step.name] = found
        facts.extend(found)
    names = entity_names(facts)
    mentioned = mentioned_keys(facts)
    evidence = organization_evidence(context)
    rules: dict[str, set[str]] = {}
    for mention in organization_mentions(context):
        key = mention.ref.key
        if key in mentioned:
            where = (mention.field.name, mention.span.start, mention.span.end)
            rules.setdefault(key, set()).add(evidence.get(where, "unknown"))
    return {k: names[k] for k in mentioned if k.startswith("organization/")}, rules


def main(arguments: list[str]) -> None:
    show = ""
    if "--show" in arguments:
        at = arguments.index("--show")
        show, arguments = arguments[at + 1], arguments[:at] + arguments[at + 2 :]
    folders = [Path(a) for a in arguments] or [Path(f) for f in development_sets()]
    if any(is_blind(f) for f in folders):
        raise SystemExit("blind and held-out sets are measured by the lead only")
    counts: dict[str, Counter[str]] = {}
    missed = gold_total = 0
    shown: list[str] = []
    for folder in folders:
        for label in load_labels(folder):
            articles = [a for a in read_file(str(label.path)) if isinstance(a, Article)]
            gold = with_dateline_neutral(label.data, articles[0].body if articles else "")
            predicted: dict[str, set[str]] = {}
            rules: dict[str, set[str]] = {}
            for article in articles:
                names, found = _article_organizations(article)
                predicted.update(names)
                for key, each in found.items():
                    rules.setdefault(key, set()).update(each)
            keys = sorted(predicted)
            wanted = list(
                dict.fromkeys(
                    _choices(None, o, "organization") for o in gold.get("organizations") or []
                )
            )
            pairs = [(k, frozenset(predicted[k])) for k in keys]
            lost, rest = _match(wanted, pairs, lambda g, p: _overlap(g, p[1]))
            left = {k for k, _ in rest}
            missed += len(lost)
            gold_total += len(wanted)
            ignored = {fold(n) for n in (gold.get("neutral") or {}).get("organizations") or []}
            for key in keys:
                verdict = (
                    "right"
                    if key not in left
                    else "neutral"
                    if predicted[key] & ignored
                    else "wrong"
                )
                by = rules.get(key, {"unknown"})
                for rule in by:
                    tally = counts.setdefault(rule, Counter())
                    tally[verdict] += 1
                    if len(by) == 1:
                        tally[f"alone {verdict}"] += 1
                    if show and rule.startswith(show):
                        shown.append(f"{label.source.name:<30.30} {verdict:<8} {rule:<28.28} {key}")
    print(f"command: python -m benchmarks.organization_evidence {' '.join(sys.argv[1:])}")
    print(f"sets: {', '.join(str(f) for f in folders)}; gold {gold_total}, missed {missed}")
    print(f"\n{'rule':<30} {'found':>5} {'right':>5} {'wrong':>5} {'neut':>5} {'P':>5}   alone r/w")
    for rule, tally in sorted(
        counts.items(), key=lambda kv: -sum(kv[1][v] for v in ("right", "wrong"))
    ):
        right, wrong = tally["right"], tally["wrong"]
        total = right + wrong + tally["neutral"]
        precision = right / (right + wrong) if right + wrong else 0.0
        print(
            f"{rule:<30} {total:>5} {right:>5} {wrong:>5} {tally['neutral']:>5} {precision:>5.2f}"
            f"   {tally['alone right']}/{tally['alone wrong']}"
        )
    for line in shown:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
