"""Measure extraction against hand-labelled articles, beside plain spaCy NER as a baseline.

Scores are micro-averaged over the labelled files: per file, the predicted set of each
kind is matched one-to-one with the gold set (matching rules in docs/extraction.md). Label
files of schema v2 may give alternatives (a list: any one matches) and ``neutral:`` items,
which are neither rewarded nor penalized; v1 files score as they always did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from kg.errors import InputError
from kg.extract import extract
from kg.extract import gazetteers as gz
from kg.extract.home import dateline
from kg.extract.names import person_name
from kg.extract.nlp import statistical_model, texts
from kg.model import Article, Fact, Ref
from kg.namespaces import KG, SDO
from kg.readers import read_file
from kg.text import fold

KINDS = ("people", "officials", "cities", "organizations", "outlets", "quotes")

G = TypeVar("G")
P = TypeVar("P")


@dataclass
class Score:
    """True positives, false positives and false negatives of one kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    mistakes: list[tuple[str, str, str]] = field(default_factory=list, repr=False)
    """(label file, "missed" or "spurious", the entry): for error analysis on development sets."""

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

    name: str = ""
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
    """The gold entities of one article file (schema v1 or v2, docs/extraction.md)."""

    path: Path
    data: dict[str, Any]
    source: Path = Path()
    """The label file itself, named in error messages."""


def load_labels(folder: str | Path) -> list[Label]:
    """The labelled files of a folder (``*.yaml``), with the article file each one names."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(
            str(folder), "no such folder: give a folder of *.yaml label files (tests/data/labelled)"
        )
    labels = []
    for label_file in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(label_file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "file" not in data:
            raise InputError(str(label_file), "a label file needs a 'file:' key naming its article")
        label = Label(_locate(folder, str(data["file"])), _flat_neutral(data), label_file)
        _check(label)
        labels.append(label)
    if not labels:
        raise InputError(str(folder), "no *.yaml label files found")
    return labels


def _flat_neutral(data: dict[str, Any]) -> dict[str, Any]:
    """A label with the alternatives of its neutral people and organizations listed one by
    one (``[[Labour Party, Labour], Home Office]``: every name there is neutral)."""
    neutral = data.get("neutral")
    if not isinstance(neutral, dict):
        return data
    flat = dict(neutral)
    for kind in ("people", "organizations"):
        entries = neutral.get(kind)
        if isinstance(entries, list):
            flat[kind] = [n for e in entries for n in (e if isinstance(e, list) else [e])]
    return {**data, "neutral": flat}


def _locate(folder: Path, name: str) -> Path:
    """Label paths are relative to the repository root: try the cwd, then the folder's parents."""
    for base in (Path.cwd(), *folder.resolve().parents):
        if (base / name).is_file():
            return base / name
    raise InputError(str(folder), f"labelled article {name} not found")


def _check(label: Label) -> None:
    """Fail early, naming the file, on an entry the scorer could not read."""
    for key in KINDS:
        if not isinstance(label.data.get(key) or [], list):
            raise InputError(str(label.source), f"'{key}:' must be a list")
    for official in label.data.get("officials") or []:
        if not isinstance(official, dict) or not official.get("name"):
            raise InputError(str(label.source), f"official {official!r} needs a name")
        _choices(label, official.get("role"), "role")
        _choices(label, official.get("jurisdiction"), "jurisdiction", optional=True)
    for key in ("organizations", "outlets"):
        for entry in label.data.get(key) or []:
            _choices(label, entry, key)
    neutral = label.data.get("neutral") or {}
    for city in [*(label.data.get("cities") or []), *(neutral.get("cities") or [])]:
        country = city.get("country") if isinstance(city, dict) else "XX"
        if not (isinstance(country, str) and len(country) == 2 and country.isupper()):
            raise InputError(
                str(label.source), f"city {city!r} needs a two-letter ISO country code"
            )
    if not isinstance(neutral, dict) or set(neutral) - set(NEUTRAL_KINDS):
        raise InputError(str(label.source), f"'neutral:' may only list {', '.join(NEUTRAL_KINDS)}")
    for kind in ("people", "organizations"):
        for entry in neutral.get(kind) or []:
            if not (isinstance(entry, str) and entry.strip()):
                raise InputError(
                    str(label.source), f"neutral {kind} entry {entry!r} must be a name"
                )


GENERIC_ORGANIZATIONS = frozenset(
    fold(name)
    for name in (
        "Congress",
        "United States Congress",
        "U.S. Congress",
        "Senate",
        "United States Senate",
        "U.S. Senate",
        "White House",
        "Democrats",
        "Democratic Party",
        "Republicans",
        "Republican Party",
        "Twitter",
    )
)
"""The generic or borderline organizations LABELLING.md neither rewards nor penalizes
("Congress", "the Senate", "White House", "Democrats", "Twitter" as a medium), by their
usual names: neutral in every label unless it lists one (a gold entry matches first)."""

NEUTRAL_KINDS = ("people", "cities", "organizations", "outlets")
"""The kinds a label's ``neutral:`` lists may hold: predictions neither rewarded nor penalized."""


def _choices(
    label: Label | None,
    value: Any,
    what: str,
    *,
    optional: bool = False,
    fold_names: bool = True,
) -> frozenset[str]:
    """A gold value or a list of alternatives, folded (unless ``fold_names`` is false);
    ``""`` stands for "none" (null)."""
    values = value if isinstance(value, list) else [value]
    if not values or any(
        not (isinstance(v, str) and v.strip()) and not (optional and v is None) for v in values
    ):
        where = str(label.source) if label else "label"
        raise InputError(where, f"{what} {value!r} must be a name or a list of names")
    return frozenset((fold(v) if fold_names else v) if v else "" for v in values)


def evaluate(folder: str | Path, name: str | None = None) -> Evaluation:
    """Score kg's extractors and plain ``en_core_web_sm`` NER on a labelled folder."""
    return _evaluate(load_labels(folder), name or Path(folder).name)


def evaluate_sets(sets: Sequence[tuple[str, str | Path]]) -> list[Evaluation]:
    """Score several labelled folders, given as (column title, folder); all are read first."""
    labels = [(title, load_labels(folder)) for title, folder in sets]
    return [_evaluate(found, title) for title, found in labels]


def _evaluate(labels: list[Label], name: str) -> Evaluation:
    result = Evaluation(name=name)
    for label in labels:
        articles = [a for a in read_file(str(label.path)) if isinstance(a, Article)]
        facts = [f for article in articles for f in extract(article).facts]
        gold = with_dateline_neutral(label.data, articles[0].body if articles else "")
        score_facts(result.system, gold, facts, label.source.name)
        _score_baseline(result.baseline, gold, articles)
        result.files += 1
    return result


def with_dateline_neutral(gold: dict[str, Any], body: str) -> dict[str, Any]:
    """``gold`` with the body's dateline places and wire service added to its neutral cities
    and outlets: LABELLING.md neither rewards nor penalizes a dateline city, nor a wire
    service named only in the dateline (a gold entry still matches first)."""
    places, wire = dateline(body)
    if not places and wire is None:
        return gold
    neutral = dict(gold.get("neutral") or {})
    neutral["cities"] = [*(neutral.get("cities") or []), *places]
    if wire is not None:
        neutral["outlets"] = [*(neutral.get("outlets") or []), wire]
    return {**gold, "neutral": neutral}


def side_by_side(results: Sequence[Evaluation]) -> str:
    """kg's precision, recall and F1 and plain spaCy's F1 per kind, one column group per set."""
    width = 29
    head = f"{'':<14}" + "".join(
        f" {f'{r.name}, {r.files} files':^{width}.{width}}" for r in results
    )
    columns = f"{'kind':<14}" + f" {'P':>5} {'R':>5} {'F1':>5} {'spaCy':>5} {'gold':>5}" * len(
        results
    )
    lines = [head.rstrip(), columns]
    for kind in KINDS:
        cells = []
        for result in results:
            score, base = result.system[kind], result.baseline.get(kind)
            spacy = f"{base.f1:>5.2f}" if base else f"{'n/a':>5}"
            cells.append(
                f" {score.precision:>5.2f} {score.recall:>5.2f} {score.f1:>5.2f} {spacy}"
                f" {score.tp + score.fn:>5}"
            )
        lines.append(f"{kind:<14}" + "".join(cells))
    return "\n".join(lines)


def _match(
    gold: Sequence[G], predicted: Sequence[P], fits: Callable[[G, P], bool]
) -> tuple[list[G], list[P]]:
    """The most gold entries matched one-to-one with predictions: the gold entries and the
    predictions left over.

    A gold entry with alternatives still matches one prediction at most (Kuhn's augmenting
    paths; the sets are a few dozen entries per article).
    """
    owner: dict[int, int] = {}

    def place(g: int, seen: set[int]) -> bool:
        for p, candidate in enumerate(predicted):
            if p not in seen and fits(gold[g], candidate):
                seen.add(p)
                if p not in owner or place(owner[p], seen):
                    owner[p] = g
                    return True
        return False

    matched = {g for g in range(len(gold)) if place(g, set())}
    return (
        [g for i, g in enumerate(gold) if i not in matched],
        [p for i, p in enumerate(predicted) if i not in owner],
    )


def _same(gold: str, predicted: str) -> bool:
    return gold == predicted


def _overlap(gold: frozenset[str], predicted: frozenset[str]) -> bool:
    return bool(gold & predicted)


def _add(score: Score, gold: int, missed: list[Any], spurious: Iterable[Any]) -> None:
    """Count one file's matches of a kind, noting the mistakes (their file is set later)."""
    wrong = list(spurious)
    score.add(gold - len(missed), len(wrong), len(missed))
    score.mistakes += [("", "missed", _shown(m)) for m in missed]
    score.mistakes += [("", "spurious", _shown(w)) for w in wrong]


def _shown(entry: Any) -> str:
    if isinstance(entry, frozenset | set):
        return " | ".join(sorted(entry))
    if isinstance(entry, tuple):
        return " / ".join(_shown(part) for part in entry)
    return str(entry)


def official_classes(score: Score) -> dict[str, int]:
    """Officials' mistakes by class, in aggregate: a gold entry and a prediction for the same
    person that differ only in jurisdiction ("wrong jurisdiction", no jurisdiction given
    included) or only in role ("wrong role") count once in that class; the rest are
    "missed" or "spurious". Counts only: safe to show for a blind set."""
    by_file: dict[str, tuple[list[list[str]], list[list[str]]]] = {}
    for source, what, entry in score.mistakes:
        missed, spurious = by_file.setdefault(source, ([], []))
        (missed if what == "missed" else spurious).append(entry.split(" / "))
    counts = {"missed": 0, "wrong role": 0, "wrong jurisdiction": 0, "spurious": 0}
    for missed, spurious in by_file.values():
        for gold in missed:
            pair = next((p for p in spurious if _same_part(p, gold, 0, 1)), None)
            kind = "wrong jurisdiction"
            if pair is None:
                pair = next((p for p in spurious if _same_part(p, gold, 0, 2)), None)
                kind = "wrong role"
            if pair is None:
                counts["missed"] += 1
            else:
                spurious.remove(pair)
                counts[kind] += 1
        counts["spurious"] += len(spurious)
    return counts


def _same_part(predicted: list[str], gold: list[str], *parts: int) -> bool:
    """Whether two shown officials agree on these parts (name, role, jurisdiction), each
    part a set of alternatives."""
    return len(predicted) == len(gold) == 3 and all(
        set(predicted[i].split(" | ")) & set(gold[i].split(" | ")) for i in parts
    )


def outlet_key(name: str) -> str:
    """An outlet's name -> its domain where the gazetteer knows it, else its folded name."""
    outlet = gz.outlet_by_form().get(fold(name.removeprefix("The ")))
    return outlet.domain if outlet else f"name:{fold(name)}"


def entity_names(facts: Iterable[Fact]) -> dict[str, set[str]]:
    """Each entity's names and alternate names, folded: key -> names."""
    names: dict[str, set[str]] = {}
    for fact in facts:
        if str(fact.predicate) in (str(SDO.name), str(SDO.alternateName)):
            names.setdefault(fact.subject.key, set()).add(fold(str(fact.object)))
    return names


def mentioned_keys(facts: Iterable[Fact]) -> set[str]:
    """The keys of the entities an article's facts say it mentions."""
    return {
        f.object.key
        for f in facts
        if str(f.predicate) == str(SDO.mentions) and hasattr(f.object, "key")
    }


def score_facts(
    scores: dict[str, Score], gold: dict[str, Any], facts: list[Fact], source: str = ""
) -> None:
    """Add one article file's matches of each kind to ``scores`` (``source`` names the file
    in the mistakes noted).

    Predictions left unmatched that match an item of the label's ``neutral:`` lists are
    dropped: neither a true nor a false positive.
    """
    neutral = gold.get("neutral") or {}
    names = entity_names(facts)
    mentioned = mentioned_keys(facts)
    country = {
        f.subject.key: str(f.object) for f in facts if str(f.predicate) == str(SDO.addressCountry)
    }
    people = {min(names[k]): names[k] for k in mentioned if k.startswith("person/")}
    gold_people = list(dict.fromkeys(fold(n) for n in gold.get("people") or []))
    missed, left = _match(gold_people, list(people), _same)
    ignored = {fold(n) for n in neutral.get("people") or []}
    _add(scores["people"], len(gold_people), missed, (p for p in left if not people[p] & ignored))
    _score_cities(
        scores["cities"],
        {
            k.partition("/")[2]: (min(names[k]), country.get(k))
            for k in mentioned
            if k.startswith("city/")
        },
        gold.get("cities") or [],
        neutral.get("cities") or [],
    )
    organizations = [frozenset(names[k]) for k in mentioned if k.startswith("organization/")]
    gold_organizations = list(
        dict.fromkeys(_choices(None, o, "organization") for o in gold.get("organizations") or [])
    )
    missed_organizations, unmatched = _match(gold_organizations, organizations, _overlap)
    ignored = {*GENERIC_ORGANIZATIONS, *(fold(n) for n in neutral.get("organizations") or [])}
    _add(
        scores["organizations"],
        len(gold_organizations),
        missed_organizations,
        (p for p in unmatched if not p & ignored),
    )
    # Outlets cited in the text and the publishers of the article and of its related
    # articles (LABELLING.md), each by its key and its names.
    outlets = [
        frozenset({key.partition("/")[2], *(f"name:{n}" for n in names.get(key, ()))})
        for key in sorted(
            {
                f.object.key
                for f in facts
                if str(f.predicate) in (str(SDO.citation), str(SDO.publisher))
                and isinstance(f.object, Ref)
            }
        )
    ]
    gold_outlets = list(
        dict.fromkeys(
            frozenset(outlet_key(n) for n in _choices(None, o, "outlet", fold_names=False))
            for o in gold.get("outlets") or []
        )
    )
    missed_outlets, unmatched_outlets = _match(gold_outlets, outlets, _overlap)
    ignored = {
        outlet_key(n)
        for o in neutral.get("outlets") or []
        for n in _choices(None, o, "outlet", fold_names=False)
    }
    spurious_outlets = (p for p in unmatched_outlets if not p & ignored)
    _add(scores["outlets"], len(gold_outlets), missed_outlets, spurious_outlets)
    _score_officials(scores["officials"], gold, facts, names)
    _score_quotes(scores["quotes"], gold, facts, names)
    for score in scores.values():
        score.mistakes[:] = [(f or source, what, entry) for f, what, entry in score.mistakes]


def _city_ids(name: str, country: str | None) -> set[str]:
    """The GeoNames ids a city name may denote (in ``country``, or anywhere when None)."""
    return {
        str(p.geonameid)
        for p in gz.places(name)
        if isinstance(p, gz.City) and country in (None, p.country)
    }


def _score_cities(
    score: Score,
    predicted: dict[str, tuple[str, str | None]],
    gold: list[Any],
    neutral: list[Any],
) -> None:
    """A gold city matches by folded name and country, or by a GeoNames id its name may denote.

    A neutral city is a name (any country) or a ``{name, country}`` like a gold one.
    """

    def denoted(city: Any) -> tuple[str, str | None, set[str]]:
        name, country = (city, None) if isinstance(city, str) else (city["name"], city["country"])
        return fold(name), country, _city_ids(name, country)

    def fits(city: tuple[str, str | None, set[str]], key: str) -> bool:
        name, country, ids = city
        return key in ids or (predicted[key][0] == name and country in (None, predicted[key][1]))

    wanted = [denoted(c) for c in gold]
    missed, left = _match(wanted, list(predicted), fits)
    ignored = [denoted(c) for c in neutral]
    _add(
        score,
        len(wanted),
        [(name, country) for name, country, _ in missed],
        (predicted[k] for k in left if not any(fits(c, k) for c in ignored)),
    )


def _by_predicate(facts: Iterable[Fact], predicate: str) -> dict[str, Any]:
    return {f.subject.key: f.object for f in facts if str(f.predicate) == predicate}


def _score_officials(
    score: Score, gold: dict[str, Any], facts: list[Fact], names: dict[str, set[str]]
) -> None:
    """(person, role, jurisdiction); a gold role or jurisdiction may list alternatives."""
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
    expected = list(
        dict.fromkeys(
            (
                fold(o["name"]),
                _choices(None, o.get("role"), "role"),
                _choices(None, o.get("jurisdiction"), "jurisdiction", optional=True),
            )
            for o in gold.get("officials") or []
        )
    )
    missed, left = _match(
        expected,
        list(dict.fromkeys(predicted)),
        lambda g, p: p[0] == g[0] and p[1] in g[1] and bool(p[2] & g[2]),
    )
    _add(score, len(expected), missed, left)


def _score_quotes(
    score: Score, gold: dict[str, Any], facts: list[Fact], names: dict[str, set[str]]
) -> None:
    """Speaker attribution: a quotation is found by its opening words and must have the speaker."""
    text = _by_predicate(facts, str(SDO.text))
    creator = _by_predicate(facts, str(SDO.creator))
    attributed = {key: names.get(creator[key].key, set()) for key in text if key in creator}
    missed = []
    wanted = 0
    for quote in gold.get("quotes") or []:
        opening = fold(quote["opening"])
        key = next((k for k, t in text.items() if opening and opening in fold(str(t))), None)
        speaker = fold(quote["speaker"]) if quote["speaker"] else None
        wanted += speaker is not None
        if key is not None and speaker is not None and speaker in attributed.get(key, set()):
            attributed.pop(key)
        elif speaker is not None:
            missed.append((speaker, quote["opening"]))
    # What is left attributed matched no gold quotation with that speaker: false positives.
    _add(
        score, wanted, missed, ((min(n or {""}), str(text[k])[:40]) for k, n in attributed.items())
    )


def _score_baseline(
    scores: dict[str, Score], gold: dict[str, Any], articles: list[Article]
) -> None:
    """Plain en_core_web_sm: PERSON -> people, GPE -> cities (by name), ORG -> orgs and outlets.

    Alternatives and neutral items count for it as for kg.
    """
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
    neutral = gold.get("neutral") or {}

    def city_names(cities: list[Any]) -> list[str]:
        return [fold(c if isinstance(c, str) else c["name"]) for c in cities]

    def outlet_names(outlets: list[Any]) -> list[frozenset[str]]:
        return [
            frozenset(
                fold(n.removeprefix("The ")) for n in _choices(None, o, "outlet", fold_names=False)
            )
            for o in outlets
        ]

    _names_score(
        scores["people"],
        people,
        [fold(n) for n in gold.get("people") or []],
        [fold(n) for n in neutral.get("people") or []],
    )
    _names_score(
        scores["cities"],
        places,
        city_names(gold.get("cities") or []),
        city_names(neutral.get("cities") or []),
    )
    _names_score(
        scores["organizations"],
        orgs,
        [_choices(None, o, "organization") for o in gold.get("organizations") or []],
        [fold(n) for n in neutral.get("organizations") or []],
    )
    _names_score(
        scores["outlets"],
        orgs,
        outlet_names(gold.get("outlets") or []),
        [n for names in outlet_names(neutral.get("outlets") or []) for n in names],
    )


def _names_score(
    score: Score, predicted: set[str], gold: list[str] | list[frozenset[str]], neutral: list[str]
) -> None:
    """Folded names against gold names (or sets of alternatives); neutral names are dropped."""
    wanted = list(dict.fromkeys(frozenset({g}) if isinstance(g, str) else g for g in gold))
    missed, left = _match(wanted, sorted(predicted), lambda g, p: p in g)
    _add(score, len(wanted), missed, (p for p in left if p not in neutral))
