"""Organizations and cited outlets: reference names, structural checks on the model's ORG
entities, and outlets told apart from organizations."""

from __future__ import annotations

import pytest

from kg.extract import Context, extract, pipeline
from kg.extract import gazetteers as gz
from kg.extract.bodies import named_by_form
from kg.extract.citations import outlet_mentions
from kg.extract.nlp import analyse
from kg.extract.organizations import organization_evidence, organization_mentions
from kg.model import Article
from kg.namespaces import SDO


def found(body: str) -> tuple[set[str], set[str]]:
    """(organization keys mentioned, outlet keys cited)."""
    facts = extract(Article(source="test.txt", body=body)).facts
    keys = {
        f.object.key  # type: ignore[union-attr]
        for f in facts
        if str(f.predicate) in (str(SDO.mentions), str(SDO.citation)) and hasattr(f.object, "key")
    }
    return (
        {k for k in keys if k.startswith("organization/")},
        {k for k in keys if k.startswith("outlet/")},
    )


def test_us_government_bodies_come_from_the_reference_list_with_their_short_forms() -> None:
    table = gz.organization_by_form()
    assert table["justice department"].name == "United States Department of Justice"
    assert table["senate judiciary committee"].name == (
        "United States Senate Committee on the Judiciary"
    )
    assert table["house intelligence committee"].name == (
        "United States House Permanent Select Committee on Intelligence"
    )
    assert table["secret service"].name == "United States Secret Service"
    assert "judiciary committee" not in table  # both chambers have one


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The model cuts committees short; a plural names each.
        (
            "Mr. Rubio sits on the Senate Foreign Relations and Senate Intelligence committees.",
            {
                "organization/united states senate committee on foreign relations",
                "organization/united states senate select committee on intelligence",
            },
        ),
        (
            "He lied to the F.B.I. last year, the report said.",
            {"organization/federal bureau of investigation"},
        ),
        (
            "The Chicago Board of Elections (CBOE) counted the votes. CBOE said so.",
            {"organization/chicago board of elections"},
        ),
        (
            "He joined the Service Employees International Union (SEIU) in May.",
            {"organization/service employees international union"},
        ),
    ],
)
def test_reference_names_committees_and_acronyms(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    "body",
    [
        "Republican senators met Democratic lawmakers on Monday.",  # a member's party
        "Marco Rubio, Republican of Florida, spoke to House Democrats.",  # affiliations
        "The South Carolina Republican set a deadline for the Republican-led House.",
        "Trump spoke to Butler about the plan on Monday.",  # surnames the model calls ORG
        "• Diagnostic services open in the fall.",  # a bullet and a common word
        "Officers visited the 33rd Ward and E. 50th St. on Friday.",  # wards, streets
        "Protesters gathered at the Public Safety Training Center.",  # a building
        "Voting in Aberdeen South was close, officials said.",  # a constituency
    ],
)
def test_what_is_not_an_organization(body: str) -> None:
    organizations, _ = found(body)
    assert organizations == set()


def test_a_party_acting_is_one_and_a_body_after_a_demonym_too() -> None:
    organizations, _ = found("Labour won the vote, and the Afghan Taliban fled.")
    assert organizations == {"organization/labour party", "organization/taliban"}


def test_a_described_lone_name_and_a_named_centre_are_organizations() -> None:
    organizations, _ = found(
        "He launched his new party, Veritas, and spoke to the Simon Wiesenthal Center."
    )
    assert organizations == {"organization/veritas", "organization/simon wiesenthal center"}


def test_a_regional_force_keeps_its_name_and_a_city_force_is_its_department() -> None:
    organizations, _ = found("South Wales Police and Miami Police officers met.")
    assert organizations == {
        "organization/south wales police",
        "organization/miami police department",
    }


def test_outlets_by_list_call_sign_and_masthead_are_not_organizations() -> None:
    organizations, outlets = found(
        "He told WBEZ and the newspaper The Hill, and the Springfield Gazette reported it."
    )
    assert organizations == set()
    assert outlets == {
        "outlet/wbez.org",
        "outlet/thehill.com",
        "outlet/name:springfield gazette",  # "the" is the sentence's, not the paper's
    }


def test_an_outlet_known_by_name_has_no_domain_or_url() -> None:
    facts = extract(
        Article(source="test.txt", body="It was first reported by The Springfield Gazette.")
    ).facts
    about = {
        str(f.predicate): f.object
        for f in facts
        if hasattr(f.subject, "key") and f.subject.key == "outlet/name:the springfield gazette"
    }
    assert about[str(SDO.name)] == "The Springfield Gazette"  # a capital inside a sentence
    assert str(SDO.url) not in about
    assert not any("domain" in predicate for predicate in about)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A party's name inside a longer one is not the party.
        (
            "The Liberal Democrats and the British National Party both lost seats.",
            {"organization/liberal democrats", "organization/british national party"},
        ),
        (
            "A spokesman for the Republican National Committee declined to comment.",
            {"organization/republican national committee"},
        ),
        # A state's party is a body of its own.
        (
            "Reince Priebus, chairman of the Wisconsin Republican Party, spoke on Monday.",
            {"organization/wisconsin republican party"},
        ),
        # Names of bodies told by their head noun, whatever the model labels them.
        (
            "Officials at the Chicago Park District met parents on Monday. "
            "The Park District later closed the pool.",
            {"organization/chicago park district"},
        ),
        (
            "She studied at Jackson State University and joined the Hyde Park Chamber of "
            "Commerce in 2019.",
            {
                "organization/jackson state university",
                "organization/hyde park chamber of commerce",
            },
        ),
        (
            "The plan went to the Department for Education and Skills in March.",
            {"organization/department for education and skills"},
        ),
        (
            "The ordinance went to the council's Health and Human Relations committee.",
            {"organization/health and human relations committee"},
        ),
        (
            "West Yorkshire police arrested him. The Boys & Girls Club shares the site; the "
            "Boys and Girls Club opens in May.",
            {"organization/west yorkshire police", "organization/boys and girls club"},
        ),
        (
            "“Monique will excel,” said the President and CEO of Advanced Care Services, Inc. "
            "on Monday.",
            {"organization/advanced care services inc"},
        ),
        (
            "The ruling by the 9th U.S. Circuit Court of Appeals was upheld.",
            {"organization/9th u s circuit court of appeals"},
        ),
        # A body before an office is still the body ("Chicago Fire Department Commissioner").
        (
            "Mayor Lori Lightfoot joined Chicago Fire Department Commissioner Annette "
            "Nance-Holt at the site.",
            {"organization/chicago fire department"},
        ),
    ],
)
def test_bodies_by_their_form_and_longer_names_than_the_list_has(
    body: str, expected: set[str]
) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    "body",
    [
        "He would stand against Defence Secretary Geoff Hoon in Ashfield.",  # a portfolio
        "“This committee is left with no alternative,” he said.",  # a determiner
        "Afghan police arrested two men on Monday.",  # a people's police
    ],
)
def test_what_is_not_an_organization_by_its_form(body: str) -> None:
    organizations, _ = found(body)
    assert organizations == set()


def test_an_outlet_a_noun_describes_and_a_short_form_of_one_named_before() -> None:
    _, outlets = found(
        "The Hyde Park Herald asked residents. Residents told the Herald they were angry, "
        "and the story ran in the Herald newspaper in Glasgow too."
    )
    assert outlets == {"outlet/hpherald.com"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Senator Lindsey Graham of South Carolina told ABC on Sunday that the White "
            "House in Washington had to act.",
            {"outlet/abcnews.go.com"},
        ),
        (
            "Prime Minister John Howard told the ABC in Canberra that Australia would act.",
            {"outlet/abc.net.au"},
        ),
    ],
)
def test_a_shared_acronym_is_the_outlet_of_the_country_the_passage_is_about(
    body: str, expected: set[str]
) -> None:
    organizations, outlets = found(body)
    assert outlets == expected
    assert not {k for k in organizations if "abc" in k}


def test_the_last_word_of_a_paper_named_before_refers_back_to_it() -> None:
    facts = extract(
        Article(
            source="test.txt",
            body="The Washington Post first reported the deal. A spokesman told the Post "
            "that the Post Office would close.",
        )
    ).facts
    cited = [f for f in facts if str(f.predicate) == str(SDO.citation)]
    assert {f.object.key for f in cited} == {"outlet/washingtonpost.com"}  # type: ignore[union-attr]
    context = Context(
        Article(source="t.txt", body="The Washington Post said so. He told the Post Office.")
    )
    assert [m.span.text for m in outlet_mentions(context)] == ["The Washington Post"]


def test_a_listed_paper_with_a_lower_case_the_is_cited_by_its_domain() -> None:
    _, outlets = found("He won libel damages from the Daily Telegraph on Thursday.")
    assert outlets == {"outlet/telegraph.co.uk"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A state's or a city's department is not the federal one the list names.
        (
            "Crews from the Wisconsin Department of Transportation closed the ramp overnight.",
            {"organization/wisconsin department of transportation"},
        ),
        (
            "The Denver Department of Public Health (DDPH) issued the order; DDPH inspectors "
            "visited 40 bars.",
            {"organization/denver department of public health"},
        ),
        # A name the model cut short gets its words back.
        (
            "Volunteers from the Ohio Coalition for the Homeless counted tents on Tuesday.",
            {"organization/ohio coalition for the homeless"},
        ),
        # A city's force with another head after it is another body.
        (
            "The Boston Police Board suspended the sergeant for ten days.",
            {"organization/boston police board"},
        ),
    ],
)
def test_a_longer_name_of_a_body_replaces_the_cut_or_listed_one(
    body: str, expected: set[str]
) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A possessive inside a name: an officer's office, a people's body.
        (
            "The deputy said the Maricopa County Sheriff's Office would review the arrest.",
            {"organization/maricopa county sheriff s office"},
        ),
        (
            "The Harris County District Attorney’s Office dropped the charges on Friday.",
            {"organization/harris county district attorney s office"},
        ),
        (
            "The Taxpayers' Alliance said the new levy would cost families £200 a year.",
            {"organization/taxpayers alliance"},
        ),
        # A body's part after its possessive is a name of its own.
        (
            "She is a fellow at the University of Michigan’s Ford School of Public Policy, "
            "which opened in 1914.",
            {
                "organization/university of michigan",
                "organization/ford school of public policy",
            },
        ),
        # An agency named "Office of ..." is a body; the office of one person is not.
        (
            "A report by the Office of Inspector General found the agency lost the files, "
            "while the Office of the Governor-General declined to comment.",
            {"organization/office of inspector general"},
        ),
        # A named medical centre is a hospital, wherever the text places it.
        (
            "The boy was taken to Rush University Medical Center, where he died on Tuesday.",
            {"organization/rush university medical center"},
        ),
    ],
)
def test_possessives_offices_and_hospitals_in_names(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A noun set off by commas says what a lone name is.
        (
            "Napo, the farmers' union, called the strike off on Monday.",
            {"organization/napo"},
        ),
        # A name after an honorific is a person's; a candidate's campaign is no body.
        (
            "Mr Kilroy-Silk said on Monday that his party, Veritas, would contest 60 seats.",
            {"organization/veritas"},
        ),
        ("A spokesman for the Haley campaign said the ad would run in Iowa.", set()),
        # A programme's or a plan's name is not an organization's.
        ("Through the Denver Neighborhood Renew program, residents learn to build.", set()),
        ("The Grow Tulsa initiative will bring $40 million to the corridor.", set()),
    ],
)
def test_what_a_noun_beside_a_name_says(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


def test_a_company_is_named_with_and_without_its_suffix_and_british_spelling_is_known() -> None:
    from kg.extract.organizations import organization_named

    named = organization_named("Halvorsen Shipping Corp.")
    assert named is not None
    assert named.aliases == ("Halvorsen Shipping",)
    organizations, _ = found("The World Health Organisation warned of a second wave in May.")
    assert organizations == {"organization/world health organization"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A shared acronym with no country to go by is still a broadcaster, never a body.
        (
            "The congressman said on ABC's “This Week” that the bill would pass.",
            {"outlet/abcnews.go.com"},
        ),
        # A listed outlet's web address names it.
        ("The governor told FoxNews.com on Tuesday that he would sign it.", {"outlet/foxnews.com"}),
        # A programme's title in quotation marks is neither an outlet nor a body.
        (
            'She said on C-SPAN\'s "Washington Journal" that the vote would slip.',
            {"outlet/c-span.org"},
        ),
        ("The senator told Univision that the bill was dead.", {"outlet/univision.com"}),
    ],
)
def test_outlets_cited_in_us_political_reporting(body: str, expected: set[str]) -> None:
    organizations, outlets = found(body)
    assert outlets == expected
    assert organizations == set()


# Fourth pass (issue 16): wire-style sentences written for these tests.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A country or its adjective before a body's name: the country's body.
        (
            "The U.S. Treasury will auction new bonds next week, officials said.",
            {"organization/united states department of the treasury"},
        ),
        (
            "The U.S. Air Force grounded its fleet after the crash.",
            {"organization/united states air force"},
        ),
        (
            "The House of Representatives Ethics Committee opened an inquiry on Tuesday.",
            {"organization/united states house committee on ethics"},
        ),
        (
            "The U.N. General Assembly will vote on the resolution on Thursday.",
            {"organization/united nations general assembly"},
        ),
        # A foreign government's ministry, whatever form names it.
        (
            "The Chinese Foreign Ministry rejected the report on Monday.",
            {"organization/ministry of foreign affairs china"},
        ),
        (
            "Japan's Ministry of Defense said the missile fell into the sea.",
            {"organization/ministry of defence japan"},
        ),
        # Legislative and judicial bodies and armed services no agency list has.
        (
            "The Congressional Budget Office said the plan would add to the deficit.",
            {"organization/congressional budget office"},
        ),
        (
            "Oil ministers of OPEC met in Vienna, and the IAEA sent inspectors.",
            {
                "organization/organization of the petroleum exporting countries",
                "organization/international atomic energy agency",
            },
        ),
    ],
)
def test_national_bodies_and_their_forms(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    "body",
    [
        "The United States Government says it is keenly watching the talks.",
        "The Australian Government will announce its decision on Friday.",
    ],
)
def test_a_countrys_government_is_the_state_not_a_body_ending_in_its_word(body: str) -> None:
    organizations, _ = found(body)
    assert organizations == set()


def test_a_ministry_has_the_forms_news_writes_for_it() -> None:
    facts = extract(
        Article(source="test.txt", body="Russia's Defense Ministry said its jets struck targets.")
    ).facts
    names = {
        f.object
        for f in facts
        if hasattr(f.subject, "key")
        and f.subject.key == "organization/ministry of defence russia"
        and str(f.predicate) in (str(SDO.name), str(SDO.alternateName))
    }
    assert {
        "Russian Defense Ministry",
        "Russian Defence Ministry",
        "Russia's Defense Ministry",
    } <= names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A word before a listed party's name makes another party.
        (
            "The Kurdistan Democratic Party (KDP) won the most seats in the regional vote.",
            {"organization/kurdistan democratic party"},
        ),
        (
            "Japan's ruling Liberal Democratic Party kept its majority.",
            {"organization/liberal democratic party"},
        ),
        # The party's own country names the same party; a state its branch.
        (
            "The Ohio Republican Party endorsed him, and the Democratic Party did not.",
            {"organization/ohio republican party", "organization/democratic party"},
        ),
    ],
)
def test_another_party_whose_name_ends_in_a_listed_one(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # An acronym the text defines is the body it spells out, its name completed.
        (
            "Lawmakers want to widen the reach of the Committee on Foreign Investment in the "
            "United States (CFIUS). CFIUS reviews foreign purchases of U.S. firms.",
            {"organization/committee on foreign investment in the united states"},
        ),
        # The full name written in one place and the acronym in another.
        (
            "The Office of Personnel Management lost the files. OPM said on Friday that "
            "it would notify the workers.",
            {"organization/office of personnel management"},
        ),
        # An acronym of a law, a programme or a status is no organization.
        (
            "Lawmakers passed the National Defense Authorization Act, or NDAA, in December. "
            "The NDAA raises troop pay.",
            set(),
        ),
        (
            "A judge ruled on the Deferred Action for Childhood Arrivals (DACA) program. "
            "DACA shields young immigrants.",
            set(),
        ),
        (
            "The department ended Temporary Protected Status for Sudanese migrants, who "
            "had held TPS since 1997.",
            set(),
        ),
    ],
)
def test_acronyms_read_by_the_full_names_the_article_gives(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A stock ticker after a name makes it a listed company's, whatever its words.
        (
            "Shares of General Electric Co (GE.N) fell 3 percent on Friday.",
            {"organization/general electric co"},
        ),
        (
            "Analysts said Vertex Dynamics Inc (VTXD.O) could be sold.",
            {"organization/vertex dynamics inc"},
        ),
        # A trade before the name at a sentence's start, and a ticker without brackets.
        (
            "Chipmaker Nordic Silicon Corp (NSC.N) rejected the offer on Monday.",
            {"organization/nordic silicon corp"},
        ),
        ("The bid for Harland Foods Ltd HFL.L was raised.", {"organization/harland foods ltd"}),
        # A portfolio after a secretary's title is no department; a body after "Director of"
        # is one.
        ("Secretary of Defense Jim Harlan told reporters the plan was sound.", set()),
        (
            "The Director of the FBI spoke to lawmakers.",
            {"organization/federal bureau of investigation"},
        ),
        # A foreign ministry in lower case, after its country.
        (
            "China's foreign ministry and the German defence ministry issued statements.",
            {
                "organization/ministry of foreign affairs china",
                "organization/ministry of defence germany",
            },
        ),
        # Products named like bodies.
        ("The Navy ordered two more Littoral Combat Ships last year.", set()),
    ],
)
def test_companies_portfolios_ministries_and_products(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations - {"organization/united states navy"} == expected


def test_a_british_companys_plc_is_its_legal_form() -> None:
    facts = extract(
        Article(source="test.txt", body="Shares in Harcourt Mills Plc fell 4 percent.")
    ).facts
    names = {
        f.object
        for f in facts
        if hasattr(f.subject, "key") and str(f.predicate) == str(SDO.alternateName)
    }
    assert "Harcourt Mills" in names


def test_a_company_has_its_names_without_legal_form_and_group() -> None:
    facts = extract(
        Article(source="test.txt", body="Shares of Harrow Sachs Group Inc (HSG.N) rose.")
    ).facts
    names = {
        f.object
        for f in facts
        if hasattr(f.subject, "key") and str(f.predicate) == str(SDO.alternateName)
    }
    assert {"Harrow Sachs Group", "Harrow Sachs"} <= names


def test_a_paper_whose_name_ends_in_daily_news_is_an_outlet() -> None:
    organizations, outlets = found(
        "The Springfield Daily News reported the arrest, citing a warrant."
    )
    assert organizations == set()
    assert outlets == {"outlet/name:springfield daily news"}


def test_a_name_whose_last_word_is_a_persons_surname_is_no_body() -> None:
    organizations, _ = found(
        "The panel backed the nomination of Kirsten Holloway on Tuesday. Senator Mark "
        "Holloway, her brother, said she was ready."
    )
    assert organizations == set()


def test_a_chamber_named_only_in_a_title_is_not_emitted_and_keeps_its_short_name() -> None:
    organizations, _ = found(
        "WASHINGTON (Reuters) - Senate Majority Leader Tom Harker said on Monday that "
        "the House would vote first."
    )
    # "the House" alone is a borderline name the home country guesses: not emitted.
    assert organizations == set()
    facts = extract(
        Article(source="test.txt", body="WASHINGTON (Reuters) - The bill passed the U.S. Senate.")
    ).facts
    names = {
        f.object
        for f in facts
        if hasattr(f.subject, "key") and str(f.predicate) == str(SDO.alternateName)
    }
    assert "Senate" in names


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A company's legal form: no office, whatever its first word ("General").
        (
            "The frigates are built by General Maritime Corp in Maine.",
            {"organization/general maritime corp"},
        ),
        (
            "The brief was signed by Zillow, Pinterest Inc and Shopify.com Inc.",
            {
                "organization/zillow",
                "organization/pinterest inc",
                "organization/shopify com inc",
            },
        ),
        # A lone name that a nearby word says is a company's.
        ("She was a senior executive at Northwind before the move.", {"organization/northwind"}),
        # A party's word for one member is a person, not the party.
        ("Senator Ann Cole, the top Democrat on the panel, objected.", set()),
        ("Ben Ortiz, the second-ranking Senate Republican, agreed.", set()),
        # A parent company and its unit are two.
        (
            "Alphabet's Google unit said it would comply.",
            {"organization/alphabet", "organization/google"},
        ),
    ],
)
def test_companies_and_party_members(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A chamber's committees named by their topics and one "committees".
        (
            "The lawyer wrote to the heads of the House Judiciary and Oversight committees.",
            {
                "organization/united states house committee on the judiciary",
                "organization/united states house committee on oversight and government reform",
            },
        ),
        # In lower case, after the chamber's possessive.
        (
            "Tom Reyes, chairman of the Senate’s armed services committee, objected.",
            {"organization/united states senate committee on armed services"},
        ),
        # A country before a chamber's committee the model cut.
        (
            "The U.S. House of Representatives Ethics Committee closed its inquiry.",
            {"organization/united states house committee on ethics"},
        ),
        # A federal court by its district, never the place.
        (
            "The group sued the agency in U.S. District Court in the District of Columbia.",
            {"organization/united states district court for the district of columbia"},
        ),
        (
            "The suit was filed in the Eastern District of Virginia on Monday.",
            {"organization/united states district court for the eastern district of virginia"},
        ),
        # A lone word that opens a longer name in the article is that body.
        (
            "Crestline Mining Group said output rose; Crestline shares rose 2 percent.",
            {"organization/crestline mining group"},
        ),
    ],
)
def test_committees_courts_and_short_names(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


def test_a_listed_name_ending_a_longer_one_is_not_that_body() -> None:
    # "Security Council" is the UN's in the gazetteer; these are other councils.
    organizations, _ = found(
        "WASHINGTON (Reuters) - A spokeswoman for the Maritime Security Council declined "
        "to comment, and the White House Cyber Security Council met on Friday."
    )
    assert organizations == {
        "organization/maritime security council",
        "organization/white house cyber security council",
    }


@pytest.mark.parametrize(
    "body",
    [
        "The hikers were found near Pike Marsh and Grey Mountain on Sunday.",  # places
        "A Navy F-18 fighter crashed off the coast.",  # an aircraft's designation
        "Staff Sergeant First Class Tom Ruiz, 29, was wounded.",  # a rank
        "She was made an MBE for services to sailing.",  # an honour
        "The Icelander finished second, ahead of two Londoners.",  # a place's people
        "Loggers worked along the Amazon river for years.",  # a feature in lower case
    ],
)
def test_places_ranks_honours_and_peoples_are_not_organizations(body: str) -> None:
    organizations, _ = found(body)
    assert organizations - {"organization/united states navy"} == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A company's legal form names it where the model saw no name.
        (
            "Backers included Hartwell Corp, Brightline.io Inc and Norvale Ltd.",
            {
                "organization/hartwell corp",
                "organization/brightline io inc",
                "organization/norvale ltd",
            },
        ),
        # Two companies the model ran together at "and".
        (
            "Under the deal, Calder Industries and Henan Bright Energy Group Co will build "
            "the plant.",
            {"organization/calder industries", "organization/henan bright energy group co"},
        ),
    ],
)
def test_companies_by_legal_form_and_lists(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


@pytest.mark.parametrize(
    "body",
    [
        # The model's label alone, with no word that says what the name is: a plan, a
        # neighbourhood, a document, a fragment of a headline.
        "The mayor unveiled Harbor Forward, a five-year plan for the riverfront, on Monday.",
        "Residents of Bethnal Green packed the meeting on Tuesday night.",
        "Ministers will publish a Green Paper on pensions before the summer recess.",
    ],
)
def test_a_name_with_nothing_but_the_models_label_is_no_organization(body: str) -> None:
    organizations, _ = found(body)
    assert not {k for k in organizations if "harbor" in k or "green" in k}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Volunteers from the Riverside Freedom Movement marched to city hall on Saturday.",
            "organization/riverside freedom movement",
        ),
        (
            "Lakeview Airlines said it would add three routes next spring.",
            "organization/lakeview airlines",
        ),
        (
            "Marsh Valley Watch, a conservation group, sued the county over the permit.",
            "organization/marsh valley watch",
        ),
        (
            '"We were not consulted," said Dana Okafor, head of the Tenant Rights Oversight '
            "Project, on Monday.",
            "organization/tenant rights oversight project",
        ),
    ],
)
def test_a_name_an_organization_word_or_a_noun_beside_it_supports(body: str, expected: str) -> None:
    organizations, _ = found(body)
    assert expected in organizations


def evidence_of(body: str) -> dict[str, str]:
    """The rule that found each organization mention of a text, by the mention's words."""
    article = Article(source="test.txt", body=body)
    context = Context(article=article)
    for step in pipeline():
        context.found[step.name] = list(step(article, context))
    evidence = organization_evidence(context)
    return {
        m.span.text: evidence[(m.field.name, m.span.start, m.span.end)]
        for m in organization_mentions(context)
    }


def test_a_chamber_named_by_its_word_alone_is_not_emitted_but_other_rules_read_it() -> None:
    body = (
        "WASHINGTON (Reuters) - The Senate voted 52-48 on Thursday to confirm the nominee, "
        "Senator Jane Ross of Ohio said."
    )
    organizations, _ = found(body)
    assert "organization/united states senate" not in organizations
    assert evidence_of(body)["Senate"] == "lone chamber word"


@pytest.mark.parametrize(
    ("body", "expected", "not_expected"),
    [
        (
            "But the Scottish National Party said it would vote against the budget.",
            "organization/scottish national party",
            "organization/but the scottish national party",
        ),
        (
            "The Supreme Court on Sept. 12 refused to hear the appeal of the Harlow Tenants Union.",
            "organization/harlow tenants union",
            "organization/supreme court on sept",
        ),
    ],
)
def test_conjunctions_and_month_abbreviations_end_a_name_by_form(
    body: str, expected: str, not_expected: str
) -> None:
    organizations, _ = found(body)
    assert expected in organizations
    assert not_expected not in organizations


def test_each_mention_carries_the_rule_that_found_it() -> None:
    rules = evidence_of(
        "Shares of Corvane Industries Inc (CVN.N) fell after the Chicago Park District and "
        "the Federal Bureau of Investigation opened inquiries."
    )
    assert rules["Federal Bureau of Investigation"] == "gazetteer"
    assert rules["Chicago Park District"] in ("head noun", "head noun (form)")
    corvane = [r for words, r in rules.items() if "Corvane" in words]
    assert corvane
    assert set(corvane) <= {"ticker", "legal form or company word", "ticker or legal form in text"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The acronym acts: the subject of its verb.
        ("Applications close on Friday. HRPD will host two public meetings next week.", True),
        # A noun beside it says what it is.
        ("He founded a charity called BRTA after the floods, officials said.", True),
        # Only an object or a modifier: a treaty, a disease, a country as often as a body.
        ("The envoy said Moscow had violated the CFE and must return to compliance.", False),
        ("The ward had one of the highest rates of RSV infections last winter.", False),
    ],
)
def test_a_lone_acronym_no_list_knows_needs_the_text_to_support_it(
    body: str, expected: bool
) -> None:
    organizations, _ = found(body)
    acronyms = {k for k in organizations if k.split("/")[1] in ("hrpd", "brta", "cfe", "rsv")}
    assert bool(acronyms) is expected


@pytest.mark.parametrize(
    "body",
    [
        "The Republican leaders of the Senate and House of Representatives Armed Services "
        "Committees, Senator Tom Reed and Representative Ann Cole, said the plan was late.",
        "Both the House and Senate Armed Services committees will hold hearings next week.",
    ],
)
def test_both_chambers_sharing_one_committee_topic_name_each_committee(body: str) -> None:
    organizations, _ = found(body)
    assert {
        "organization/united states house committee on armed services",
        "organization/united states senate committee on armed services",
    } <= organizations


@pytest.mark.parametrize(
    "body",
    [
        # A town whose own name ends in "News".
        "The recount covers the port city of Newport News and two rural counties.",
        # An outlet's name after an indefinite article is a common noun.
        "Two tourists, a New Yorker and a Texan, were among the injured, police said.",
    ],
)
def test_a_town_and_a_common_noun_are_not_outlets(body: str) -> None:
    assert found(body)[1] == set()


def test_an_unlisted_name_before_a_papers_noun_is_an_outlet() -> None:
    organizations, outlets = found("A report in the Kaduna Voice newspaper said the strike ended.")
    assert outlets == {"outlet/name:kaduna voice"}
    assert not organizations
    organizations, outlets = found("The Communist Party daily said the plan would pass.")
    assert not outlets  # "daily" after a name is too often an adjective


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("He told a Reuters reporter on Monday that the talks had stalled.", "outlet/reuters.com"),
        ("An NBC News/Marist poll last week found the race tied.", "outlet/nbcnews.com"),
    ],
)
def test_an_outlet_qualifying_a_noun_after_an_indefinite_article_is_cited(
    body: str, expected: str
) -> None:
    assert expected in found(body)[1]


# A sentence in ordinary case first: one short sentence in capitals reads as a headline.
_OPENING = "The announcement came after months of talks with residents over the plans. "


def test_a_plural_head_before_a_list_divided_by_commas_names_each_body() -> None:
    organizations, _ = found(
        _OPENING + "Fines issued by the Departments of Water Management, Aviation, and Family "
        "and Support Services will be forgiven."
    )
    assert {
        "organization/department of water management",
        "organization/department of aviation",
        "organization/department of family and support services",
    } <= organizations


def test_a_plural_head_without_a_comma_is_not_split() -> None:
    organizations, _ = found(
        _OPENING + "The Departments of Streets and Sanitation issued a joint statement."
    )
    assert "organization/department of streets" not in organizations
    assert "organization/department of sanitation" not in organizations


def test_a_body_named_with_two_ofs_is_kept_whole() -> None:
    organizations, _ = found(
        _OPENING + "A complaint was filed by the Board of Deputies of British Jews last week."
    )
    assert "organization/board of deputies of british jews" in organizations
    assert "organization/board of deputies" not in organizations


def test_a_work_of_a_body_names_the_body() -> None:
    organizations, _ = found(
        _OPENING + "Forecasts in the latest Quarterly Economic Commentary of Glasgow "
        "Caledonian University were gloomy."
    )
    assert "organization/glasgow caledonian university" in organizations
    assert not any("commentary" in key for key in organizations)


def test_the_publishing_papers_last_word_alone_is_that_paper() -> None:
    from kg.model import Provider

    body = (
        "Neighbors gathered at the park on Saturday to oppose the plan. The alderman repeated "
        "his view in a recent Herald interview, and the group wrote a letter to Herald editors."
    )
    article = Article(
        source="test.jsonl",
        body=body,
        provider=Provider(name="Lakeview Herald", domain="lakeviewherald.com"),
    )
    facts = extract(article).facts
    cited = {
        f.object.key  # type: ignore[union-attr]
        for f in facts
        if str(f.predicate) == str(SDO.citation)
    }
    assert cited == {"outlet/lakeviewherald.com"}
    # Another paper's name and a word before another capitalized word are not the publisher.
    other = Article(
        source="test.jsonl",
        body="Neighbors gathered at the park. She reads the Miami Herald at Herald Square daily.",
        provider=Provider(name="Lakeview Herald", domain="lakeviewherald.com"),
    )
    cited = {
        f.object.key  # type: ignore[union-attr]
        for f in extract(other).facts
        if str(f.predicate) == str(SDO.citation)
    }
    assert "outlet/lakeviewherald.com" not in cited


def test_a_papers_supplement_is_an_outlet() -> None:
    organizations, outlets = found(
        _OPENING + "But the minister told the Times Educational Supplement that truancy was "
        "a serious problem in many schools."
    )
    assert outlets == {"outlet/name:times educational supplement"}
    assert organizations == set()


def test_a_station_is_a_building_not_a_body() -> None:
    organizations, _ = found(
        _OPENING + "The grant will help modernize Harrison Union Station and add new routes for "
        "commuters."
    )
    assert organizations == set()


def test_a_regiment_named_by_its_soldiers_is_a_body() -> None:
    organizations, _ = found(
        _OPENING + "Before politics, the peer served in the Welsh Guards from 1950 to 1956 and "
        "later in the Royal Fusiliers."
    )
    assert "organization/welsh guards" in organizations


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A place's possessive before a body's own name is where it is, not its name ...
        (
            "Rick Eckstein, a sociology professor at Pennsylvania’s Villanova University, "
            "wrote in an email.",
            {"organization/villanova university"},
        ),
        # ... but before the words of the place's own body it names that body.
        (
            "New York's Police Department said the march was peaceful.",
            {"organization/new york city police department"},
        ),
        # "of the" and "of" alike: the listed "Department of Interior".
        (
            "The Bureau of Land Management, part of the Department of the Interior, suspended "
            "the rule, and the Interior Department agreed.",
            {
                "organization/bureau of land management",
                "organization/united states department of interior",
            },
        ),
        # A state's chamber is not the US House.
        (
            "Jeff Hoover resigned his post as Speaker of the Kentucky House of Representatives.",
            {"organization/kentucky house of representatives"},
        ),
        # A country that is no more is no organization; a portfolio before an office no body.
        (
            "The republics of the former Soviet Union face an epidemic, British Defence "
            "Secretary Geoff Hoon said.",
            set(),
        ),
    ],
)
def test_places_and_the_names_of_bodies(body: str, expected: set[str]) -> None:
    assert found(body)[0] == expected


def test_a_news_agency_is_an_outlet() -> None:
    organizations, outlets = found(
        "The Press Trust of India says Razzak spent $212,000 on flying lessons in Australia."
    )
    assert organizations == set()
    assert outlets == {"outlet/ptinews.com"}


def test_an_acronym_after_a_body_noun_is_a_body() -> None:
    organizations, _ = found(
        "Roger Bennett, head of gaming industry body ELSPA, said banning games would be wrong."
    )
    assert organizations == {"organization/elspa"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The model calls these a place, a work and a product; the noun beside them says
        # they are bodies.
        (
            "Environmental group Earthjustice hailed the news as a victory for children.",
            {"organization/earthjustice"},
        ),
        (
            "Azar also drew praise from PhRMA, the largest pharmaceutical industry trade group.",
            {"organization/phrma"},
        ),
        (
            "Steve Ellis, with the conservative group Taxpayers for Common Sense, said so.",
            {"organization/taxpayers for common sense"},
        ),
    ],
)
def test_a_body_the_model_labels_otherwise(body: str, expected: set[str]) -> None:
    assert found(body)[0] >= expected


def test_a_bodys_name_without_its_kind_is_the_same_body() -> None:
    organizations, _ = found(
        "Mr Bradshaw was in touch with the Middle Way Group, of which he is a member. "
        "The Middle Way group also said the law was poorly drafted."
    )
    assert organizations == {"organization/middle way group"}


def test_a_name_the_model_cut_at_its_and_is_one_body() -> None:
    organizations, _ = found(
        "Mark Serwotka, the leader of the Public and Commercial Services Union, said jobs would go."
    )
    assert organizations == {"organization/public and commercial services union"}


def test_commas_inside_a_name_its_acronym_spells() -> None:
    organizations, _ = found(
        "The Construction, Forestry, Mining and Energy Union (CFMEU) secretary, Martin "
        "Kingham, will respond to the allegations tomorrow."
    )
    assert organizations == {"organization/construction forestry mining and energy union"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A name the text introduces with the acronym of its initials.
        (
            "The survey by the British Antarctic Survey (BAS) and the University of Texas "
            "found the ice was thinning.",
            "organization/british antarctic survey",
        ),
        # A country's name ending a name the model took for a person's: a national body.
        (
            "Farina held a meeting this morning with Soccer Australia chairman Ian Knop about "
            "his future, and Soccer Australia is considering a payout.",
            "organization/soccer australia",
        ),
        # "al" of a double-barrelled name is no short form of its bearer.
        (
            "The list is headed by Osama bin Laden, head of the Al Qaeda network, and Ayman "
            "al-Zawahiri, head of the Egyptian Islamic Jihad.",
            "organization/al qaeda",
        ),
    ],
)
def test_bodies_the_people_rules_no_longer_take(body: str, expected: str) -> None:
    organizations, _ = found(body)
    assert expected in organizations


def test_companies_of_the_reference_list_and_names_that_only_end_like_one() -> None:
    organizations, _ = found(
        "The contracts went to Boeing and Lockheed Martin, and Wells Fargo arranged the loans. "
        "The next thing that House Intel is trying to find out is who paid."
    )
    assert {
        "organization/boeing",
        "organization/lockheed martin",
        "organization/wells fargo",
    } <= organizations
    assert not any("intel" in key.split("/")[1].split() for key in organizations)


def test_a_countrys_body_named_with_the_country_before_it_and_a_court_before_a_name() -> None:
    organizations, _ = found(
        "The Senate rejected the nominee to head the U.S. Export-Import Bank on Tuesday. "
        "Prosecutors said in a filing in U.S. District Court for the District of Columbia. "
        "Manafort, 68, has pleaded not guilty."
    )
    assert "organization/export import bank of the u s" in organizations
    assert "organization/united states district court for the district of columbia" in organizations


@pytest.mark.parametrize(
    "body",
    [
        "Conyers has stepped down as senior Democrat on the House of Representatives "
        "Judiciary Committee.",
        "House Judiciary Chairman Bob Goodlatte, a Republican, said in a statement that "
        "the hearing would go ahead.",
    ],
)
def test_a_chamber_committee_by_the_chambers_full_name_or_its_chairmans_title(body: str) -> None:
    organizations, _ = found(body)
    assert "organization/united states house committee on the judiciary" in organizations
    assert "organization/united states house of representatives" not in organizations


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Edward Leigh, chairman of the Commons public accounts committee, said Britain "
            "had to set an example.",
            "organization/house of commons public accounts committee",
        ),
        (
            "The agency gave evidence on the subject to the Scottish Parliament's environment "
            "committee in Edinburgh.",
            "organization/scottish parliament environment committee",
        ),
    ],
)
def test_a_british_legislatures_committee_in_lower_case(body: str, expected: str) -> None:
    organizations, _ = found(body)
    assert expected in organizations


def test_a_kind_of_committee_is_no_committees_name() -> None:
    organizations, _ = found("He told a Commons select committee that the plan would work.")
    assert not any("select committee" in key for key in organizations)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("A YouGov poll for the newspaper put the party ahead.", "organization/yougov"),
        ("An ICM poll found support had fallen.", "organization/icm research"),
        ("The latest Newspoll shows the Coalition ahead.", "organization/newspoll"),
    ],
)
def test_polling_organizations(body: str, expected: str) -> None:
    organizations, _ = found(body)
    assert expected in organizations


def test_an_outlets_acronym_defined_as_another_body_is_that_body() -> None:
    organizations, outlets = found(
        "The arrest came after an investigation by the Australian Federal Police (AFP). "
        "The AFP says the arrest would not have happened without Malaysian help."
    )
    assert "organization/australian federal police" in organizations
    assert not outlets


def test_intelligence_agencies_by_their_usual_names() -> None:
    organizations, _ = found(
        "The dossier was written by a former officer of Britain's MI6 spy agency, and "
        "Israel's Mossad was said to have shared it."
    )
    assert {"organization/secret intelligence service", "organization/mossad"} <= organizations


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "CHICAGO - CPS said on Monday that schools would reopen, and the CTA added buses.",
            {"organization/chicago public schools", "organization/chicago transit authority"},
        ),
        # The same acronym in a British story is the British body's.
        (
            "LONDON - The CPS said it would not prosecute the officers, Scotland Yard said.",
            {"organization/crown prosecution service"},
        ),
    ],
)
def test_a_citys_public_bodies_by_the_acronyms_local_news_writes(
    body: str, expected: set[str]
) -> None:
    organizations, _ = found(body)
    assert expected <= organizations


def test_an_agency_by_the_short_name_and_acronym_news_gives_it() -> None:
    organizations, _ = found(
        "The Centers for Disease Control estimated that 20,000 Americans were killed. The "
        "CDC said the figure would rise."
    )
    assert "organization/centers for disease control and prevention" in organizations


def test_airlines_whatever_label_the_model_gives_them() -> None:
    organizations, _ = found(
        "Unions representing Qantas maintenance workers have warned of escalating action. "
        "Former Ansett staff have joined Virgin Blue since the collapse."
    )
    assert {
        "organization/qantas",
        "organization/ansett australia",
        "organization/virgin blue",
    } <= organizations


# Fourteenth pass (issue 16): sentences written for these tests.
def test_a_ticker_run_into_a_name_is_left_out() -> None:
    organizations, _ = found(
        "The change was sought by banks including JPMorgan Chase & Co(JPM.N), officials said."
    )
    assert organizations == {"organization/jpmorgan chase and co"}


def test_a_chamber_and_a_lower_case_committee_name_no_body() -> None:
    body = (
        "WASHINGTON (Reuters) - Richard Burr, who leads the Senate Intelligence Committee, "
        "said he expected the Senate committee’s investigation to last into 2018."
    )
    organizations, _ = found(body)
    assert organizations == {"organization/united states senate select committee on intelligence"}


def test_a_short_form_of_a_listed_body_named_before_is_that_body() -> None:
    body = (
        "WASHINGTON (Reuters) - Simpson gave testimony to the Senate Judiciary committee in "
        "August. Representatives of the Judiciary Committee’s Republican majority did not "
        "respond."
    )
    organizations, _ = found(body)
    assert organizations == {"organization/united states senate committee on the judiciary"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A party named with its noun in lower case is the party, whatever comes before.
        (
            "Ex-Labour MP George Galloway was expelled from the Labour party because of his "
            "opposition to the war.",
            {"organization/labour party"},
        ),
        # "the Party" alone names no party in particular.
        ("He has decided to stand down to avoid any damage to the Party, he said.", set()),
        # A listed body's one-word name that ends another name is not that body.
        (
            "The home secretary will not renew the regime of detention without trial after "
            "Law Lords ruled it illegal.",
            set(),
        ),
    ],
)
def test_parties_and_lone_words_of_other_names(body: str, expected: set[str]) -> None:
    organizations, _ = found(body)
    assert organizations == expected


def test_a_lone_word_after_the_is_still_the_listed_body() -> None:
    organizations, _ = found(
        "The Tories are trying to capitalise on the row, and the Lords will vote."
    )
    assert {"organization/house of lords", "organization/conservative party"} <= organizations


def test_an_outlets_english_word_opening_a_sentence_is_the_word() -> None:
    body = (
        "Goldberg will ably represent the policies of the administration. Time will tell if "
        "he has been instructed to change course."
    )
    assert found(body) == (set(), set())
    assert found("The report in Time said the talks had failed.")[1] == {"outlet/time.com"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A name with commas, spelled out by its acronym after a possessive.
        (
            "Unions were quick to object. The Construction, Forestry, Mining and Energy "
            "Union's (CFMEU) John Sutton says the inquiry is a witch-hunt.",
            "organization/construction forestry mining and energy union",
        ),
        # A name the model cut at its "and": the capitalized words before it are its own.
        (
            "A leading microbiologist at the Women's and Children's Hospital says resistance "
            "to antibiotics will increase.",
            "organization/women s and children s hospital",
        ),
    ],
)
def test_names_with_lists_of_words_are_kept_whole(body: str, expected: str) -> None:
    organizations, _ = found(body)
    assert expected in organizations
    assert not any(o != expected and o in expected for o in organizations)


def test_members_of_a_body_are_not_part_of_its_name() -> None:
    body = "Spectators cheered as Members of the Broken Arrow Horseback Riding Club rode by."
    (field,) = analyse(Context(Article(source="test.txt", body=body)))
    assert [s.text for s in named_by_form(field.doc)] == ["Broken Arrow Horseback Riding Club"]
    assert found(body)[0] == {"organization/broken arrow horseback riding club"}


def test_an_ordinal_and_a_head_noun_name_no_body() -> None:
    body = (
        "Residents met officers of the 3rd District on Tuesday, and 3rd District commanders "
        "promised more patrols near the Chicago Park District fieldhouse."
    )
    organizations = found(body)[0]
    assert "organization/3rd district" not in organizations
    assert "organization/chicago park district" in organizations


def test_papers_named_daily_and_public_radio_stations_are_outlets() -> None:
    body = (
        "The ruling Communist Party's official People's Daily said in a commentary that "
        "China would not back down. Franken told Minnesota Public Radio he would stay."
    )
    assert {"outlet/name:people s daily", "outlet/name:minnesota public radio"} <= found(body)[1]


def test_a_title_and_of_inside_a_run_of_capitals_open_the_body_name() -> None:
    body = (
        "The buoys mark an area boats should not enter. Irene Tostado, Deputy Communications "
        "Director of the Chicago Park District, said they were installed by a contractor."
    )
    organizations = found(body)[0]
    assert "organization/chicago park district" in organizations
    assert not any("director" in key for key in organizations)


def test_a_company_whose_name_ends_in_a_possessive_opening_a_sentence() -> None:
    # "Moody's" is a listed company's own name, not a place's possessive (Moody, Texas)
    # nor a sentence's opening words before a name.
    organizations = found(
        "Moody’s Investors Service said in a note Friday the vote was credit positive."
    )[0]
    assert organizations == {"organization/moody s investors service"}


@pytest.mark.parametrize(
    ("body", "wanted", "unwanted"),
    [
        # A preposition opening the sentence is no word of the name.
        (
            "The hunt lost its first case.\n\nAt the Court of Appeal on Monday, three judges "
            "heard the hunt's case against the ban.",
            "Court of Appeal",
            "At the Court of Appeal",
        ),
        # A police station is a building, not a police force of the place.
        (
            "The men are being held at London's Paddington Green police station, where they "
            "are expected to be questioned.",
            None,
            "Paddington Green Police",
        ),
        # A listed company's name that is the text's common word ("foxes").
        (
            "Fox hunting with dogs is now illegal in England and Wales. Hunts say they will "
            "go on chasing foxes within the law.",
            None,
            "Fox Corporation",
        ),
    ],
)
def test_names_that_are_not_organizations_names(
    body: str, wanted: str | None, unwanted: str
) -> None:
    facts = extract(Article(source="test.txt", body=body)).facts
    keys, _ = found(body)
    names = {
        str(f.object) for f in facts if str(f.predicate) == str(SDO.name) and f.subject.key in keys
    }
    assert unwanted not in names
    if wanted is not None:
        assert wanted in names


def test_a_headline_in_headline_case_is_no_organizations_name() -> None:
    # Every word is capitalized: a head noun inside ("Court") says nothing of the name's end.
    article = Article(
        source="test.md",
        title="Supreme Court Hears Argument In Case Of Christian Photographer",
        body="The justices heard the photographer's case on Tuesday. The Supreme Court will "
        "rule by June.",
    )
    facts = extract(article).facts
    keys = {f.object.key for f in facts if str(f.predicate) == str(SDO.mentions)}  # type: ignore[union-attr]
    names = {
        str(f.object) for f in facts if str(f.predicate) == str(SDO.name) and f.subject.key in keys
    }
    assert "Supreme Court" in names
    assert not any(name.startswith("Supreme Court Hears") for name in names)
