"""Measure extraction against hand-labelled articles, beside plain spaCy NER as a baseline.

Scores are micro-averaged over the labelled files: per file, the predicted set of each
kind is compared with the gold set (matching rules in docs/extraction.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.extract import extract
from kg.extract import gazetteers as gz
from kg.extract.names import person_name
from kg.extract.nlp import statistical_model, texts
from kg.model import Article, Fact
from kg.namespaces import KG, SDO
from kg.readers import read_file
from kg.text import fold

KINDS = ("people", "officials", "cities", "organizations", "outlets", "quotes")


@dataclass
class Score:
    """True positives, false positives and false negatives of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Count one file's matches."""
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """kg's scores and the baseline's, by kind (the baseline covers fewer kinds)."""

    files: int = 0
    system: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    baseline: dict[str, Score] = field(
        default_factory=lambda: {
            k: Score() for k in ("people", "cities", "organizations", "outlets")
        }
    )

    def table(self) -> str:
        """A plain-text table of precision, recall and F1 per kind, kg beside the baseline."""
        lines = [
            f"{'kind':<14} {'kg P':>6} {'kg R':>6} {'kg F1':>6}   "
            f"{'spaCy P':>7} {'spaCy R':>7} {'spaCy F1':>8}   {'gold':>5}"
        ]
        for kind, score in self.system.items():
            base = self.baseline.get(kind)
            theirs = (
                f"{base.precision:>7.2f} {base.recall:>7.2f} {base.f1:>8.2f}"
                if base
                else f"{'n/a':>7} {'n/a':>7} {'n/a':>8}"
            )
            lines.append(
                f"{kind:<14} {score.precision:>6.2f} {score.recall:>6.2f} {score.f1:>6.2f}   "
                f"{theirs}   {score.tp + score.fn:>5}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Label:
    """The gold entities of one article file."""

    path: Path
    data: dict[str, Any]


def load_labels(folder: str | Path) -> list[Label]:
    """The labelled files of a folder (``*.yaml``), with the article file each one names."""
    folder = Path(folder)
    labels = []
    for label_file in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "file" not in data:
            raise InputError(str(label_file), "a label file needs a 'file:' key naming its article")
        labels.append(Label(_locate(folder, str(data["file"])), data))
    if not labels:
        raise InputError(str(folder), "no *.yaml label files found")
    return labels


def _locate(folder: Path, name: str) -> Path:
    """Label paths are relative to the repository root: try the cwd, then the folder's parents."""
    for base in (Path.cwd(), *folder.resolve().parents):
        if (base / name).is_file():
            return base / name
    raise InputError(str(folder), f"labelled article {name} not found")


def evaluate(folder: str | Path) -> Evaluation:
    """Score kg's extractors and plain ``en_core_web_sm`` NER on a labelled folder."""
    result = Evaluation()
    for label in load_labels(folder):
        articles = [a for a in read_file(str(label.path)) if isinstance(a, Article)]
        facts = [f for article in articles for f in extract(article).facts]
        _score_system(result.system, label.data, facts)
        _score_baseline(result.baseline, label.data, articles)
        result.files += 1
    return result


def _set_score(score: Score, predicted: set[Any], gold: set[Any]) -> None:
    score.add(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def _names_score(score: Score, predicted: list[set[str]], gold: set[str]) -> None:
    """Each prediction names one entity by several names; each gold name matches one of them."""
    unmatched = list(predicted)
    tp = 0
    for name in gold:
        hit = next((p for p in unmatched if name in p), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    score.add(tp, len(unmatched), len(gold) - tp)


def outlet_key(name: str) -> str:
    """An outlet's name -> its domain where the gazetteer knows it, else its folded name."""
    outlet = gz.outlet_by_form().get(fold(name.removeprefix("The ")))
    return outlet.domain if outlet else f"name:{fold(name)}"


def _score_system(scores: dict[str, Score], gold: dict[str, Any], facts: list[Fact]) -> None:
    names: dict[str, set[str]] = {}
    for fact in facts:
        if str(fact.predicate) in (str(SDO.name), str(SDO.alternateName)):
            names.setdefault(fact.subject.key, set()).add(fold(str(fact.object)))
    mentioned = {
        f.object.key
        for f in facts
        if str(f.predicate) == str(SDO.mentions) and hasattr(f.object, "key")
    }
    country = {
        f.subject.key: str(f.object) for f in facts if str(f.predicate) == str(SDO.addressCountry)
    }
    _set_score(
        scores["people"],
        {min(names[k]) for k in mentioned if k.startswith("person/")},
        {fold(n) for n in gold.get("people") or []},
    )
    _score_cities(
        scores["cities"],
        {
            k.partition("/")[2]: (min(names[k]), country.get(k))
            for k in mentioned
            if k.startswith("city/")
        },
        gold.get("cities") or [],
    )
    _names_score(
        scores["organizations"],
        [names[k] for k in mentioned if k.startswith("organization/")],
        {fold(n) for n in gold.get("organizations") or []},
    )
    _set_score(
        scores["outlets"],
        {f.object.key.partition("/")[2] for f in facts if str(f.predicate) == str(SDO.citation)},  # type: ignore[union-attr]
        {outlet_key(n) for n in gold.get("outlets") or []},
    )
    _score_officials(scores["officials"], gold, facts, names)
    _score_quotes(scores["quotes"], gold, facts, names)


def _score_cities(
    score: Score, predicted: dict[str, tuple[str, str | None]], gold: list[Any]
) -> None:
    """A gold city matches by folded name and country, or by a GeoNames id its name may denote."""
    unmatched = dict(predicted)
    tp = 0
    for city in gold:
        name, country = fold(city["name"]), city["country"]
        ids = {
            str(p.geonameid)
            for p in gz.places(city["name"])
            if isinstance(p, gz.City) and p.country == country
        }
        hit = next(
            (k for k, value in unmatched.items() if value == (name, country) or k in ids), None
        )
        if hit is not None:
            del unmatched[hit]
            tp += 1
    score.add(tp, len(unmatched), len(gold) - tp)


def _by_predicate(facts: Iterable[Fact], predicate: str) -> dict[str, Any]:
    return {f.subject.key: f.object for f in facts if str(f.predicate) == predicate}


def _score_officials(
    score: Score, gold: dict[str, Any], facts: list[Fact], names: dict[str, set[str]]
) -> None:
    holder = _by_predicate(facts, str(KG.holder))
    role = _by_predicate(facts, str(SDO.roleName))
    where = _by_predicate(facts, str(KG.jurisdiction))
    predicted = []
    for position, person in holder.items():
        place = where.get(position)
        predicted.append(
            (
                min(names.get(person.key, {""})),
                fold(role[position]),
                frozenset(names.get(place.key, {fold(place.key)})) if place else frozenset({""}),
            )
        )
    expected = {
        (fold(o["name"]), fold(o["role"]), fold(o["jurisdiction"] or ""))
        for o in gold.get("officials") or []
    }
    unmatched = list(dict.fromkeys(predicted))
    tp = 0
    for person, title, place in expected:
        hit = next((p for p in unmatched if p[:2] == (person, title) and place in p[2]), None)
        if hit is not None:
            unmatched.remove(hit)
            tp += 1
    score.add(tp, len(unmatched), len(expected) - tp)


def _score_quotes(
    score: Score, gold: dict[str, Any], facts: list[Fact], names: dict[str, set[str]]
) -> None:
    """Speaker attribution: a quotation is found by its opening words and must have the speaker."""
    text = _by_predicate(facts, str(SDO.text))
    creator = _by_predicate(facts, str(SDO.creator))
    attributed = {key: names.get(creator[key].key, set()) for key in text if key in creator}
    tp = fn = 0
    for quote in gold.get("quotes") or []:
        opening = fold(quote["opening"])
        key = next((k for k, t in text.items() if opening and opening in fold(str(t))), None)
        speaker = fold(quote["speaker"]) if quote["speaker"] else None
        if key is not None and speaker is not None and speaker in attributed.get(key, set()):
            tp += 1
            attributed.pop(key)
        else:
            fn += speaker is not None
    # What is left attributed matched no gold quotation with that speaker: false positives.
    score.add(tp, len(attributed), fn)


def _score_baseline(
    scores: dict[str, Score], gold: dict[str, Any], articles: list[Article]
) -> None:
    """Plain en_core_web_sm: PERSON -> people, GPE -> cities (by name), ORG -> orgs and outlets."""
    people: set[str] = set()
    places: set[str] = set()
    orgs: set[str] = set()
    for article in articles:
        fields = [text for _, _, text in texts(article)]
        for doc in statistical_model().pipe(fields):
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    people.add(fold(person_name(ent.text)))
                elif ent.label_ == "GPE":
                    places.add(fold(ent.text))
                elif ent.label_ == "ORG":
                    orgs.add(fold(ent.text.removeprefix("the ").removeprefix("The ")))
    _set_score(scores["people"], people, {fold(n) for n in gold.get("people") or []})
    _set_score(scores["cities"], places, {fold(c["name"]) for c in gold.get("cities") or []})
    _set_score(scores["organizations"], orgs, {fold(n) for n in gold.get("organizations") or []})
    _set_score(
        scores["outlets"], orgs, {fold(n.removeprefix("The ")) for n in gold.get("outlets") or []}
    )
