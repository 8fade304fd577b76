"""Precision by evidence: for each rule that finds people and cities, how many of the names it
found are right, wrong or neutral against the labels of development sets.

Run: .venv/bin/python -m benchmarks.evidence [--shape] [--show RULE] [--list RULE] FOLDER...
     (e.g. tests/data/development tests/data/development-wire tests/data/development-abc
     tests/data/labelled)

Each person and city mention carries the rule that found it (`kg.extract.nlp.Mention.how`).
An entity (one person or city of one article) counts under every rule that found one of its
mentions read directly (resolved surnames say nothing of a rule); "alone" counts the
entities no other rule found, which are what gating that rule would remove. Cities are
counted by population band as well; ``--shape`` splits people's rules by given-name
evidence (a name opened by a given name of `data/given_names.txt`, "+given") and by a
second, shorter mention in the article ("again"). ``--show RULE`` lists that rule's wrong
entities by file, ``--list RULE`` all its entities. Blind and held-out folders are refused:
their entries must stay unseen.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.errors import is_blind
from kg.evaluate import KINDS, Score, load_labels, score_facts, with_dateline_neutral
from kg.extract import Context, pipeline
from kg.extract import gazetteers as gz
from kg.extract.nlp import Mention
from kg.extract.people import person_mentions
from kg.extract.places import city_mentions
from kg.model import Article, Fact
from kg.namespaces import SDO
from kg.readers import read_file
from kg.text import fold

_BANDS = ((1_000_000, "1M+"), (100_000, "100k-1M"), (15_000, "15k-100k"), (0, "under 15k"))


@dataclass
class Tally:
    """Entities a rule found, by verdict; and those no other rule found."""

    found: Counter[str] = field(default_factory=Counter)
    alone: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)


def band(population: int) -> str:
    """The population band of a city ("100k-1M")."""
    return next(name for floor, name in _BANDS if population >= floor)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.evidence", description=__doc__)
    parser.add_argument("folders", nargs="+", help="labelled development folders")
    parser.add_argument("--show", action="append", default=[], help="list a rule's wrong names")
    parser.add_argument("--list", action="append", default=[], help="list all a rule's names")
    parser.add_argument(
        "--shape",
        action="store_true",
        help="split people's rules by given-name evidence and by a second, shorter mention",
    )
    args = parser.parse_args(argv)
    for folder in args.folders:
        if is_blind(Path(folder)):
            parser.error(f"{folder} is a blind or held-out set: measure it with kg eval only")
    tallies: dict[str, dict[str, Tally]] = {
        "people": defaultdict(Tally),
        "cities": defaultdict(Tally),
    }
    steps = pipeline(["people", "places"])
    for folder in args.folders:
        for label in load_labels(folder):
            articles = [a for a in read_file(str(label.path)) if isinstance(a, Article)]
            gold = with_dateline_neutral(label.data, articles[0].body if articles else "")
            facts: list[Fact] = []
            people: list[Mention] = []
            cities: list[Mention] = []
            for article in articles:
                context = Context(article=article)
                for step in steps:
                    context.found[step.name] = list(step(article, context))
                    facts += context.found[step.name]
                people += person_mentions(context)
                cities += city_mentions(context)
            where = f"{Path(folder).name}/{label.source.name}"
            verdicts = _verdicts(gold, facts)
            _tally(tallies["people"], people, verdicts, where, shape=args.shape)
            _tally(tallies["cities"], cities, verdicts, where, banded=True)
    print(f"command: python -m benchmarks.evidence {' '.join(argv)}")
    for kind, by_rule in tallies.items():
        print(f"\n## {kind}: entities found by each rule (right / wrong / neutral, precision)")
        print(
            f"{'rule':<34} {'found':>5} {'P':>5} {'wrong':>5}   {'alone':>5} {'P':>5} {'wrong':>5}"
        )
        for rule, tally in sorted(by_rule.items(), key=lambda item: -sum(item[1].found.values())):
            print(f"{rule:<34} {_row(tally.found)}   {_row(tally.alone)}")
    for rule in args.show:
        for kind, by_rule in tallies.items():
            if rule in by_rule:
                print(f"\n## {kind} wrong by {rule}")
                print("\n".join(sorted(by_rule[rule].wrong)))
    for rule in args.list:
        for kind, by_rule in tallies.items():
            if rule in by_rule:
                print(f"\n## {kind} found by {rule}")
                print("\n".join(sorted(by_rule[rule].entries)))


def _row(counts: Counter[str]) -> str:
    judged = counts["right"] + counts["wrong"]
    precision = f"{counts['right'] / judged:.2f}" if judged else "  -  "
    return f"{sum(counts.values()):>5} {precision:>5} {counts['wrong']:>5}"


def _verdicts(gold: dict[str, Any], facts: list[Fact]) -> dict[str, str]:
    """Each person and city entity of the facts: "right", "wrong" or "neutral"."""
    scores = {kind: Score() for kind in KINDS}
    score_facts(scores, gold, facts)
    spurious = {
        (kind, entry)
        for kind in ("people", "cities")
        for _, what, entry in scores[kind].mistakes
        if what == "spurious"
    }
    names: dict[str, set[str]] = {}
    country: dict[str, str] = {}
    for fact in facts:
        if str(fact.predicate) == str(SDO.name):
            names.setdefault(fact.subject.key, set()).add(fold(str(fact.object)))
        elif str(fact.predicate) == str(SDO.addressCountry):
            country[fact.subject.key] = str(fact.object)
    gold_people = {fold(n) for n in gold.get("people") or []}
    verdicts = {}
    for key, forms in names.items():
        shown = min(forms)
        if key.startswith("person/"):
            wrong = ("people", shown) in spurious
            verdicts[key] = "wrong" if wrong else "right" if shown in gold_people else "neutral"
        elif key.startswith("city/"):
            wrong = ("cities", f"{shown} / {country.get(key)}") in spurious
            verdicts[key] = "wrong" if wrong else _city_verdict(gold, key, shown)
    return verdicts


def _city_verdict(gold: dict[str, Any], key: str, shown: str) -> str:
    """ "right" when a gold city may denote this one, else "neutral" (it was not spurious)."""
    geonameid = int(key.partition("/")[2])
    for city in gold.get("cities") or []:
        name = city if isinstance(city, str) else city["name"]
        if fold(name) == shown or any(
            getattr(p, "geonameid", None) == geonameid for p in gz.places(name)
        ):
            return "right"
    return "neutral"


def _tally(
    by_rule: dict[str, Tally],
    mentions: Iterable[Mention],
    verdicts: dict[str, str],
    where: str,
    *,
    banded: bool = False,
    shape: bool = False,
) -> None:
    rules: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for mention in mentions:
        shown.setdefault(mention.ref.key, mention.name)
        if mention.how and mention.how != "resolved":
            rule = mention.how
            if banded:
                rule += f" {band(gz.city(int(mention.ref.key.partition('/')[2])).population)}"
            elif not shape:
                pass
            elif " " in mention.name:
                # Given-name evidence: a common given name opens the name.
                given = mention.name.split(" ")[0] in gz.given_names()
                rule += " +given" if given else " -given"
            else:
                rule += " lone"
            rules[mention.ref.key].add(rule)
    again = {m.ref.key for m in mentions if m.how == "resolved" or m.inferred}
    for key, found in rules.items():
        if shape and key in again:
            # Named again in the article by a shorter form (a surname alone).
            found = {f"{rule} again" for rule in found}
        verdict = verdicts.get(key, "neutral")
        for rule in found:
            tally = by_rule[rule]
            tally.found[verdict] += 1
            if len(found) == 1:
                tally.alone[verdict] += 1
            entry = f"{where}: {shown[key]} {sorted(found)}"
            tally.entries.append(f"{verdict:<8} {entry}")
            if verdict == "wrong":
                tally.wrong.append(entry)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
