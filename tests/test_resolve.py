"""Entity resolution across articles: each merging rule and each non-merge, on crafted facts."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pyoxigraph as ox

from kg.graph import KnowledgeGraph
from kg.model import ArticleFacts, Fact, Iri, Ref
from kg.namespaces import KG, OWL, RDF, SDO
from kg.resolve import Resolver


def article(name: str, day: int, *facts: Fact) -> ArticleFacts:
    ref = Ref(f"article/https://news.example/{name}")
    dated = (
        Fact(ref, RDF.type, Iri(SDO.NewsArticle)),
        Fact(ref, SDO.datePublished, datetime(2021, 1, day, tzinfo=UTC)),
    )
    return ArticleFacts(source=f"{name}.md", article=ref, facts=dated + facts)


def person(article_name: str, name: str, *, role: str = "", where: str = "") -> tuple[Fact, ...]:
    ref = Ref(f"article/https://news.example/{article_name}")
    who = Ref(f"person/{name.lower()}")
    facts = [
        Fact(who, RDF.type, Iri(SDO.Person)),
        Fact(who, SDO.name, name),
        Fact(ref, SDO.mentions, who),
    ]
    if role:
        position = Ref(f"position/{who.key}|{role.lower()}|{where}")
        facts += [
            Fact(position, RDF.type, Iri(KG.Position)),
            Fact(position, KG.holder, who),
            Fact(who, KG.holdsPosition, position),
            Fact(position, SDO.roleName, role),
            Fact(position, KG.reportedIn, ref),
        ]
        if where:
            facts.append(Fact(position, KG.jurisdiction, Ref(where)))
    return tuple(facts)


def mention(article_name: str, key: str, name: str) -> tuple[Fact, ...]:
    ref = Ref(f"article/https://news.example/{article_name}")
    return (Fact(Ref(key), SDO.name, name), Fact(ref, SDO.mentions, Ref(key)))


def build(items: list[ArticleFacts]) -> KnowledgeGraph:
    resolver = Resolver()
    resolver.observe_all(items)
    resolver.finish()
    return KnowledgeGraph.from_facts(items, resolver)


def select(graph: KnowledgeGraph, sparql: str) -> list[tuple[str, ...]]:
    rows = graph.query(
        "PREFIX schema: <https://schema.org/> PREFIX kg: <https://kg.example/ns#> " + sparql
    )
    assert isinstance(rows, ox.QuerySolutions)
    return sorted({tuple(term.value if term else "" for term in row) for row in rows})


def people(graph: KnowledgeGraph) -> list[tuple[str, ...]]:
    return select(
        graph, "SELECT DISTINCT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name }"
    )


def test_middle_initials_are_one_person() -> None:
    graph = build(
        [
            article("a", 1, *person("a", "Eric L Adams")),
            article("b", 2, *person("b", "Eric Adams")),
            article("c", 3, *person("c", "Eric Adams")),
        ]
    )
    assert people(graph) == [("https://kg.example/id/person/eric-adams", "Eric Adams")]
    assert select(graph, "SELECT ?alias WHERE { ?p schema:alternateName ?alias }") == [
        ("Eric L Adams",)
    ]


def test_two_names_with_one_identifier_are_one_person() -> None:
    wikidata = Iri("http://www.wikidata.org/entity/Q22686")
    graph = build(
        [
            article(
                "a",
                1,
                *person("a", "Donald Trump", role="President", where="country/US"),
                Fact(Ref("person/donald trump"), OWL.sameAs, wikidata),
            ),
            article(
                "b",
                2,
                *person("b", "Trump", role="President", where="country/US"),
                Fact(Ref("person/trump"), OWL.sameAs, wikidata),
            ),
            article("c", 3, *person("c", "Melania Trump")),
        ]
    )
    found = people(graph)
    assert [name for _, name in found] == ["Donald Trump", "Melania Trump"]
    same = select(graph, "SELECT ?p ?id WHERE { ?p <http://www.w3.org/2002/07/owl#sameAs> ?id }")
    assert same == [(found[0][0], wikidata.value)]
    # One position: the same person, role and jurisdiction in both articles.
    positions = select(graph, "SELECT DISTINCT ?pos WHERE { ?pos a kg:Position }")
    assert len(positions) == 1


def test_same_name_with_different_roles_places_and_no_shared_context_is_two_people() -> None:
    graph = build(
        [
            article(
                "a",
                1,
                *person("a", "John Smith", role="Mayor", where="city/1"),
                *mention("a", "city/1", "Springfield"),
            ),
            article(
                "b",
                2,
                *person("b", "John Smith", role="Police chief", where="city/2"),
                *mention("b", "city/2", "Portland"),
            ),
            article("c", 3, *person("c", "John Smith")),
        ]
    )
    iris = sorted({p[0] for p in people(graph)})
    assert len(iris) == 2
    holders = select(graph, "SELECT ?p ?role WHERE { ?pos kg:holder ?p ; schema:roleName ?role }")
    assert len({p for p, _ in holders}) == 2


def test_same_name_with_different_roles_but_a_shared_entity_is_one_person() -> None:
    graph = build(
        [
            article(
                "a",
                1,
                *person("a", "Eric Adams", role="Borough president", where="city/brooklyn"),
                *mention("a", "organization/nypd", "NYPD"),
            ),
            article(
                "b",
                2,
                *person("b", "Eric Adams", role="Mayor", where="city/nyc"),
                *mention("b", "organization/nypd", "NYPD"),
            ),
        ]
    )
    assert len({p[0] for p in people(graph)}) == 1


def test_same_role_in_the_same_place_by_two_people_are_two_positions_dated_by_their_articles() -> (
    None
):
    graph = build(
        [
            article("a", 3, *person("a", "Bill de Blasio", role="Mayor", where="city/5128581")),
            article("b", 9, *person("b", "Bill de Blasio", role="Mayor", where="city/5128581")),
            article("c", 20, *person("c", "Eric Adams", role="Mayor", where="city/5128581")),
        ]
    )
    rows = select(
        graph,
        """SELECT ?name ?first ?last WHERE {
        ?pos kg:holder/schema:name ?name ; kg:firstReported ?first ; kg:lastReported ?last }""",
    )
    assert rows == [
        ("Bill de Blasio", "2021-01-03T00:00:00Z", "2021-01-09T00:00:00Z"),
        ("Eric Adams", "2021-01-20T00:00:00Z", "2021-01-20T00:00:00Z"),
    ]


def test_outlet_names_merge_onto_the_domain_and_other_names_become_aliases() -> None:
    def outlet(article_name: str, key: str, name: str) -> tuple[Fact, ...]:
        ref = Ref(f"article/https://news.example/{article_name}")
        return (
            Fact(Ref(key), RDF.type, Iri(SDO.NewsMediaOrganization)),
            Fact(Ref(key), SDO.name, name),
            Fact(ref, SDO.citation, Ref(key)),
        )

    graph = build(
        [
            article("a", 1, *outlet("a", "outlet/nypost.com", "New York Post")),
            article("b", 2, *outlet("b", "outlet/nypost.com", "New York Post")),
            article("c", 3, *outlet("c", "outlet/nypost.com", "NY Post")),
            article("d", 4, *outlet("d", "outlet/name:new york post", "New York Post")),
        ]
    )
    assert select(
        graph, "SELECT ?o ?name WHERE { ?o a schema:NewsMediaOrganization ; schema:name ?name }"
    ) == [("https://kg.example/id/outlet/nypost.com", "New York Post")]
    assert select(graph, "SELECT ?alias WHERE { ?o schema:alternateName ?alias }") == [("NY Post",)]
    assert select(graph, "SELECT (COUNT(?a) AS ?n) WHERE { ?a schema:citation ?o }") == [("4",)]


def test_organization_acronyms_and_long_forms_are_one() -> None:
    graph = build(
        [
            article("a", 1, *mention("a", "organization/nypd", "NYPD")),
            article(
                "b",
                2,
                *mention(
                    "b",
                    "organization/new york city police department",
                    "New York City Police Department",
                ),
            ),
            article(
                "c",
                3,
                *mention(
                    "c", "organization/new york police department", "New York Police Department"
                ),
            ),
        ]
    )
    orgs = select(graph, "SELECT DISTINCT ?o WHERE { ?a schema:mentions ?o }")
    assert len(orgs) == 1
    names = select(graph, "SELECT ?n WHERE { ?o schema:name|schema:alternateName ?n }")
    assert names == [
        ("NYPD",),
        ("New York City Police Department",),
        ("New York Police Department",),
    ]


def test_an_acronym_shared_by_two_long_forms_merges_with_neither() -> None:
    graph = build(
        [
            article("a", 1, *mention("a", "organization/abc", "ABC")),
            article(
                "b",
                2,
                *mention(
                    "b",
                    "organization/australian broadcasting corporation",
                    "Australian Broadcasting Corporation",
                ),
            ),
            article(
                "c",
                3,
                *mention(
                    "c",
                    "organization/american broadcasting company",
                    "American Broadcasting Company",
                ),
            ),
        ]
    )
    assert len(select(graph, "SELECT DISTINCT ?o WHERE { ?a schema:mentions ?o }")) == 3


def test_resolution_does_not_depend_on_input_order() -> None:
    items = [
        article("a", 1, *person("a", "John Smith", role="Mayor", where="city/1")),
        article("b", 2, *person("b", "John Smith", role="Police chief", where="city/2")),
        article("c", 3, *mention("c", "organization/nypd", "NYPD")),
        article(
            "d",
            4,
            *mention("d", "organization/new york police department", "New York Police Department"),
        ),
        article("e", 5, *person("e", "John Smith", role="Mayor", where="city/1")),
    ]
    # The graphs follow the order of their records (a build gives them in source
    # order); what resolution makes of them must not depend on it.
    expected = set(build(items).quads())
    assert len(expected) > 30
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert set(build(shuffled).quads()) == expected


def test_evidence_query_lists_the_supporting_sentences() -> None:
    from pathlib import Path

    from kg.model import Evidence

    ref = Ref("article/https://news.example/a")
    adams = Ref("person/eric adams")
    stated = Evidence("people", "body", 0, 29, "Mayor Eric Adams spoke today.")
    inferred = Evidence("people", "body", 31, 36, "Adams said more.", inferred=True)
    graph = build(
        [
            article(
                "a",
                1,
                Fact(adams, RDF.type, Iri(SDO.Person)),
                Fact(adams, SDO.name, "Eric Adams"),
                Fact(ref, SDO.mentions, adams, stated),
                Fact(ref, SDO.mentions, adams, inferred),
            ),
        ]
    )
    query = (Path(__file__).parent.parent / "kg" / "queries" / "evidence.rq").read_text()
    rows = graph.query(query)
    assert isinstance(rows, ox.QuerySolutions)
    table = [
        (
            r["name"].value,
            r["relation"].value,
            r["sentence"].value,
            r["inferred"].value,
            r["source"].value,
            r["extractor"].value,
        )
        for r in rows
    ]  # type: ignore[union-attr]
    assert table == [
        ("Eric Adams", "mentions", "Adams said more.", "true", "a.md", "kg people extractor"),
        (
            "Eric Adams",
            "mentions",
            "Mayor Eric Adams spoke today.",
            "false",
            "a.md",
            "kg people extractor",
        ),
    ]


def test_corpus_outlets_are_one_per_provider_domain() -> None:
    from pathlib import Path

    import yaml

    import kg

    folder = Path("tests/data/corpus/frontmatter")
    domains: set[str] = set()
    for path in folder.glob("*.md"):
        header = yaml.safe_load(path.read_text().split("---")[1])
        for record in [header, *header.get("related", [])]:
            domains.add(record["provider"]["domain"].lower().removeprefix("www."))
    graph = kg.build([folder])
    outlets = select(graph, "SELECT DISTINCT ?o WHERE { ?o a schema:NewsMediaOrganization }")
    assert len(domains) > 5
    assert len(outlets) == len(domains)
    assert {o[0].rsplit("/", 1)[1] for o in outlets} == domains


def test_seed_officials_are_one_node_each_with_their_position(seed_graph: KnowledgeGraph) -> None:
    positions = select(
        seed_graph,
        """SELECT ?person ?role ?place ?source WHERE {
        ?person a kg:Official ; schema:name ?name ; kg:holdsPosition ?p .
        ?p schema:roleName ?role ; kg:jurisdiction/schema:name ?place ;
           kg:reportedIn/kg:sourceFile ?source .
        FILTER(?name IN ("Eric Adams", "Bill de Blasio")) }""",
    )
    assert positions == [
        (
            "https://kg.example/id/person/bill-de-blasio",
            "Mayor",
            "New York City",
            "seeds/004_f6bbf849466959f6.txt",
        ),
        (
            "https://kg.example/id/person/eric-adams",
            "Mayor",
            "New York City",
            "seeds/000_1acd798047e26139.txt",
        ),
    ]
    # De Blasio's support: the front-matter seed and the related article that names him.
    support = select(
        seed_graph,
        """SELECT ?headline WHERE {
        ?a schema:mentions <https://kg.example/id/person/bill-de-blasio> ;
           schema:headline ?headline }""",
    )
    assert support == [
        ("De Blasio Will Reassess NYPD's Use Of Facial Recognition Tech After Protester Arrest",),
        ("De Blasio calls for ‘clear standards’ for facial recognition tech for NYPD",),
    ]


def test_people_in_several_corpus_articles_match_the_reviewed_listing() -> None:
    from pathlib import Path

    import kg

    graph = kg.build(["tests/data/corpus/frontmatter", "tests/data/corpus/plaintext"])
    rows = kg.query(
        graph,
        """PREFIX schema: <https://schema.org/> PREFIX kg: <https://kg.example/ns#>
        SELECT ?name (GROUP_CONCAT(DISTINCT ?source; separator=" ") AS ?files) WHERE {
          ?article schema:mentions ?person ; kg:sourceFile ?source .
          ?person a schema:Person ; schema:name ?name .
        } GROUP BY ?name HAVING (COUNT(DISTINCT ?source) > 1)""",
    )
    found = {
        (r["name"], " ".join(sorted((r["files"] or "").replace("tests/data/corpus/", "").split())))
        for r in rows
    }
    listing = Path("tests/data/expected/corpus-people.txt").read_text().splitlines()
    reviewed = {
        (line.split(" | ")[0], line.split(" | ")[1])
        for line in listing
        if " | " in line and not line.startswith("#")
    }
    assert found == reviewed


def test_one_role_name_per_office_chosen_as_written_before_a_name() -> None:
    """Issue #21: "president" and "President" are one role name; a role the corpus only
    writes in running text is shown capitalized; other spellings are alternate names."""
    graph = build(
        [
            article("a", 1, *person("a", "Donald Trump", role="president", where="country/US")),
            article("b", 2, *person("b", "Donald Trump", role="president", where="country/US")),
            article("c", 3, *person("c", "Donald Trump", role="President", where="country/US")),
            article("d", 4, *person("d", "Joe Biden", role="president", where="country/US")),
            article("e", 5, *person("e", "Aaron Peskin", role="city supervisor")),
        ]
    )
    roles = select(
        graph,
        "SELECT ?name ?role WHERE { ?pos kg:holder/schema:name ?name ; schema:roleName ?role }",
    )
    assert roles == [
        ("Aaron Peskin", "City Supervisor"),
        ("Donald Trump", "President"),
        ("Joe Biden", "President"),
    ]
    assert select(
        graph, "SELECT ?alias WHERE { ?pos a kg:Position ; schema:alternateName ?alias }"
    ) == [
        ("city supervisor",),
        ("president",),
    ]


def test_names_in_capitals_take_the_corpus_case_or_title_case() -> None:
    """Issue #21: a name seen in capitals is shown as written elsewhere in the corpus, or in
    title case keeping particles; the capitals stay an alternate name."""
    graph = build(
        [
            article("a", 1, *person("a", "AARON KOHLI")),
            article("b", 2, *person("b", "AARON KOHLI")),
            article("c", 3, *person("c", "Aaron Kohli")),
            article("d", 4, *person("d", "BASHAR AL-ASSAD")),
            article("e", 5, *mention("e", "organization/cresset capital", "CRESSET CAPITAL")),
            article("f", 6, *mention("f", "organization/nypd", "NYPD")),
        ]
    )
    assert [name for _, name in people(graph)] == ["Aaron Kohli", "Bashar al-Assad"]
    organizations = select(
        graph,
        "SELECT ?name WHERE { ?o schema:name ?name "
        "FILTER(STRSTARTS(STR(?o), 'https://kg.example/id/organization/')) }",
    )
    assert organizations == [("Cresset Capital",), ("NYPD",)]
    assert select(graph, "SELECT ?alias WHERE { ?p schema:alternateName ?alias }") == [
        ("AARON KOHLI",),
        ("BASHAR AL-ASSAD",),
        ("CRESSET CAPITAL",),
    ]


def test_records_taken_back_leave_the_sum_and_decisions_of_the_others() -> None:
    """Observations add up and take back (what an incremental build's store keeps, #17):
    observing records and taking some back gives the sum, splits and names of observing
    the rest alone, and the decisions that changed name the keys whose records to redo."""
    from kg.resolution import changed_tokens
    from kg.resolve import Observed, observation

    springfield = [
        article(f"s{i}", i + 1, *person(f"s{i}", "John Smith", role="Mayor", where="city/x"))
        for i in range(2)
    ]
    ohio = article("o", 5, *person("o", "John Smith", role="Senator", where="state/ohio"))
    short = article("t", 6, *mention("t", "organization/acme", "ACME"))
    longer = article("u", 7, *mention("u", "organization/acme", "Acme"))
    everything, kept = Observed(), Observed()
    for item in [*springfield, ohio, short, longer]:
        everything.add(observation(item))
    for item in [*springfield, short]:
        kept.add(observation(item))
    first = Resolver.of(everything)
    first.finish()
    before = first.decisions()
    assert before.split  # the senator is split from the mayor of the same name
    for item in (ohio, longer):
        everything.add(observation(item), -1)
    assert (everything.names, everything.sightings, everything.dates) == (
        kept.names,
        kept.sightings,
        kept.dates,
    )
    again, alone = Resolver.of(everything), Resolver.of(kept)
    again.finish()
    alone.finish()
    assert again.decisions() == alone.decisions()
    assert not again.decisions().split
    # The split went, ACME is shown as written in the record left, no one is a senator.
    assert changed_tokens(before, again.decisions()) == {
        "person/john smith",
        "organization/acme",
        "role:senator",
    }


def test_kept_clusters_grown_by_new_records_decide_as_clustering_them_all() -> None:
    """A name of many sightings keeps its clusters between finishes and grows them by the
    new records (#17); the splits are those of clustering every sighting at once, and a
    record taken back makes them again."""
    import pickle

    from kg.resolve import _KEPT_CLUSTERS, Observed, observation

    mayors = [
        article(f"m{i}", 1 + i % 28, *person(f"m{i}", "John Smith", role="Mayor", where="city/x"))
        for i in range(_KEPT_CLUSTERS)
    ]
    senator = article("s", 28, *person("s", "John Smith", role="Senator", where="state/ohio"))
    # A later record sharing the senator's role and the mayors' city joins the two clusters.
    bridge = article("z", 28, *person("z", "John Smith", role="Senator", where="city/x"))
    kept = Observed()
    for item in mayors:
        kept.add(observation(item))
    Resolver.of(kept).finish()
    assert "person/john smith" in kept.namesakes
    kept = pickle.loads(pickle.dumps(kept))  # as the store keeps it between builds
    splits = []
    for count, later in enumerate((senator, bridge), start=1):
        kept.add(observation(later))
        grown = Resolver.of(kept)
        grown.finish()
        whole = Observed()
        for item in [*mayors, senator, bridge][: len(mayors) + count]:
            whole.add(observation(item))
        fresh = Resolver.of(whole)
        fresh.finish()
        assert grown.decisions() == fresh.decisions()
        splits.append(bool(grown.decisions().split))
    assert splits == [True, False]  # split by the senator, joined by the bridge
    kept.add(observation(bridge), -1)
    assert "person/john smith" in kept.shrunk
    again, alone = Resolver.of(kept), Resolver.of(Observed())
    for item in [*mayors, senator]:
        alone.observed.add(observation(item))
    again.finish()
    alone.finish()
    assert again.decisions() == alone.decisions()
    assert again.decisions().split  # the senator is split from the mayors again
