"""Quotations and their speakers: what is a person's quotation (LABELLING.md) and who said it."""

from __future__ import annotations

import pytest

from kg.extract import Context, extract, pipeline
from kg.extract.quotes import is_quotation, quotations, spans
from kg.model import Article
from kg.namespaces import SDO


def quotes_of(body: str) -> dict[str, str | None]:
    """Each quotation's text -> its speaker's key (None when no one is named)."""
    facts = extract(Article(source="test.txt", body=body)).facts
    texts = {f.subject.key: str(f.object) for f in facts if str(f.predicate) == str(SDO.text)}
    speakers = {
        f.subject.key: f.object.key  # type: ignore[union-attr]
        for f in facts
        if str(f.predicate) == str(SDO.creator)
    }
    return {text: speakers.get(key) for key, text in texts.items()}


@pytest.mark.parametrize(
    ("quoted", "expected"),
    [
        ("humiliating retreat", False),  # a scare quote
        ("no idea", False),
        ("I'm hopeful.", True),  # a whole sentence, however short
        ("great honour and pride", True),  # four words
        ("Face the Nation", False),  # a title
        ("Britain is Working", False),
        ("Letter from Birmingham Jail", False),  # titles keep short prepositions low
        ("Mr. Smith Goes to Washington", False),
        ("Fire and Fury: Inside the Trump White House", False),
        ("I will not vote for it.", True),
    ],
)
def test_a_quotation_is_four_words_or_a_sentence_and_not_a_title(
    quoted: str, expected: bool
) -> None:
    assert is_quotation(quoted) is expected


def test_scare_quotes_are_not_quotations() -> None:
    found = quotes_of('Jane Roe called the plan a "humiliating retreat" on Monday.')
    assert found == {}


def test_an_organization_or_an_unnamed_source_is_no_speaker() -> None:
    found = quotes_of(
        'Jane Roe arrived late. "We condemn these attacks without reserve," Amnesty '
        'International said. "We will look into the matter closely," a spokesman said.'
    )
    assert found == {
        "We condemn these attacks without reserve": None,
        "We will look into the matter closely": None,
    }


def test_a_quotation_that_goes_on_keeps_its_speaker() -> None:
    found = quotes_of(
        "“I am honored to be chosen today,” said Monique Scott. “Building on the work of "
        "others, I will strive to do more.\n\n“We start on Monday with the budget.”\n\n"
        "Mary Major, the council chair, was not at the meeting."
    )
    assert set(found.values()) == {"person/monique scott"}
    assert len(found) == 2  # the quotation runs on over the paragraph break


def test_scraped_text_without_spaces_and_mixed_marks() -> None:
    text = 'the vote.“I am thrilled that she will serve us,” said John Doe.“She is ready now."'
    assert [text[s:e] for s, e in spans(text)] == [
        "I am thrilled that she will serve us,",
        "She is ready now.",
    ]
    found = quotes_of(
        "The council met on Monday to vote.“I am thrilled that she will serve us,” said "
        "John Doe.“She is ready to lead the ward now.”The vote is on Friday."
    )
    assert set(found.values()) == {"person/john doe"}


@pytest.mark.parametrize(
    "body",
    [
        # A title, a body or a lower-case post between the verb and the name.
        "“The campus is an investment in all of us,” said CPD Superintendent John Doe.",
        '"There should be an inquiry into this role," said director John Doe.',
        # The name before the verb is the speaker; the one after "told" is the addressee.
        "“We have a big challenge and work to do,” John Doe told Jane Roe on Monday.",
    ],
)
def test_the_speaker_is_the_subject_or_the_name_right_after_the_verb(body: str) -> None:
    assert set(quotes_of(body).values()) == {"person/john doe"}


def test_he_said_is_not_the_outlet_named_after_it() -> None:
    found = quotes_of(
        "John Doe spoke on Monday. “We have a big challenge, and we have work to do,” he "
        "said in an interview first posted online by The New York Times."
    )
    assert set(found.values()) == {"person/john doe"}


# Speakers decided by the subject of the speech verb (kg/extract/speakers.py), on US
# newspaper shapes.
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # inverted attribution with a title and a party-state tag
            '"We will not vote for a bill that nobody has read," said Sen. John Smith, R-Ohio.',
            "person/john smith",
        ),
        (  # the name before the verb, a long title before the name
            "Maria Lopez spoke on Tuesday. “The streets are safer than they were,” said "
            "Cook County Board President and former teacher Maria Lopez at a briefing.",
            "person/maria lopez",
        ),
        (  # a colon after the verb
            'Governor Anne Kelly met the press. Kelly said: "This budget pays for itself '
            'over ten years."',
            "person/anne kelly",
        ),
        (  # a relative clause between the name and the verb
            'John Smith, who leads the Senate budget panel, said "the numbers simply do '
            'not add up this year."',
            "person/john smith",
        ),
        (  # "according to" a person
            'The deal is dead, according to Rep. Paul Baker. "We never had the votes '
            'for it," he said.',
            "person/paul baker",
        ),
        (  # a dash before the attribution
            '"We are not done with this fight yet" — Rep. Paul Baker said in a statement.',
            "person/paul baker",
        ),
        (  # a fragment, then a clause of another speaker's: the subject before speaks
            "Senator Dick Durbin said the deal was “the best we can do right now,” while "
            "Senator Tom Cotton disagreed.",
            "person/dick durbin",
        ),
        (  # the name set off before the verb, whoever its description names
            "“We are deeply troubled by the conduct of Congressman Joe Barton,” Randy "
            "Bellomy, the head of the party in the county that is Barton’s constituency, said "
            "in a statement.",
            "person/randy bellomy",
        ),
    ],
)
def test_the_subject_of_the_speech_verb_speaks(body: str, speaker: str) -> None:
    assert set(quotes_of(body).values()) == {speaker}


def test_he_is_the_most_recent_named_subject_not_the_last_name() -> None:
    found = quotes_of(
        "Sen. Tom Harris criticized Gov. Linda Park over the delay. Harris said he had "
        "written to Park twice.\n\n"
        "“We asked for the numbers in March and we are still waiting,” he said."
    )
    assert found == {
        "We asked for the numbers in March and we are still waiting": "person/tom harris"
    }


def test_she_skips_a_man_named_by_his_honorific() -> None:
    found = quotes_of(
        "Ms Jane Ward has held the seat since 2001. Mr Peter Hale challenged her in "
        'May. She said: "I have never lost an election and I do not plan to start."'
    )
    assert set(found.values()) == {"person/jane ward"}


def test_a_continuation_in_the_next_paragraph_keeps_the_speaker() -> None:
    found = quotes_of(
        "“The bridge will open in June,” Mayor Carla Reyes told reporters on Monday. "
        "“We found the money in the capital budget.”\n\n"
        "“Nobody will pay a toll on it,” she added."
    )
    assert set(found.values()) == {"person/carla reyes"}
    assert len(found) == 3


def test_the_person_spoken_of_is_not_the_speaker() -> None:
    found = quotes_of(
        "Sen. Tom Harris spoke after the vote. Harris said of Gov. Linda Park: "
        '"She has not been honest with the voters of this state."'
    )
    assert set(found.values()) == {"person/tom harris"}


def test_a_role_alone_is_the_holder_named_before() -> None:
    found = quotes_of(
        "Secretary of State Ellen Marsh flew to Paris on Monday. Senator Tom Harris "
        "stayed home.\n\n"
        'The secretary of state told reporters: "The talks will go on until we have a deal."'
    )
    assert set(found.values()) == {"person/ellen marsh"}


@pytest.mark.parametrize(
    "body",
    [
        # an organization speaks
        'Mayor Carla Reyes spoke first. "We are reviewing the decision with our '
        'lawyers," the White House said.',
        # a possessor is not the subject: the campaign speaks
        "Carla Reyes's campaign said she would give \"a major speech on the economy and "
        'jobs" on Monday.',
        # a name that qualifies a body's noun: the administration speaks
        "President Carla Reyes signed the order. The Reyes administration said in court "
        "papers that it might have to accept “some people who are not fit for service.”",
        # an unnamed source, after the inverted verb
        '"The deal will be signed next week in Geneva," said a diplomat who attended '
        "the talks with Carla Reyes.",
        # a document speaks
        'Carla Reyes wrote the plan. The report said: "Costs will rise by a third over '
        'five years."',
    ],
)
def test_someone_unnamed_or_an_organization_is_no_person(body: str) -> None:
    assert set(quotes_of(body).values()) == {None}


def test_a_statement_after_a_quotation_is_not_its_attribution() -> None:
    found = quotes_of(
        'Rep. Paul Baker spoke on Monday. "We have to fund the schools first and the '
        'roads second," he said. "Everything else can wait." The Chicago Teachers Union '
        "says Baker must explain where the money comes from."
    )
    assert set(found.values()) == {"person/paul baker"}


def test_a_quotation_in_a_headline() -> None:
    found = quotes_of('Mayor Reyes: "We will rebuild the bridge"\n\nMayor Carla Reyes spoke.')
    assert set(found.values()) == {"person/carla reyes"}


def test_an_adviser_named_before_the_one_they_serve_speaks() -> None:
    found = quotes_of(
        'Gov. Linda Park met the union on Friday. "The governor asked the union to '
        'come back to the table next week," Tom Reed, an adviser to Gov. Linda Park said.'
    )
    assert set(found.values()) == {"person/tom reed"}


def test_a_name_the_parser_reads_as_an_adverb_is_still_the_subject() -> None:
    found = quotes_of(
        "Rep. Dan Akin spoke on Monday. Akin, however, continued his campaign on a "
        'radio show.\n\n"There has to be room for a real debate here," he said.'
    )
    assert set(found.values()) == {"person/dan akin"}


def test_a_quotation_inside_a_quotation_is_the_outer_speakers() -> None:
    found = quotes_of(
        "“He told me, ‘We will never sign this deal,’ and then he signed it,” said Sen. Mary Cole."
    )
    assert set(found.values()) == {"person/mary cole"}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # the possessor of a noun of saying: a tweet, through "one of"
            "President Dana Ortiz attacked the press again. One of Ortiz's tweets read: "
            '"The fake news media is working overtime today!"',
            "person/dana ortiz",
        ),
        (  # a fragment in a clause under the noun
            "Mr Levi Amsel's accusation that Mr Omar Haddad was \"responsible for every attack "
            'this year" angered the negotiators.',
            "person/levi amsel",
        ),
        (  # a name put on the noun is the subject's words, not its possessor's
            "Sen. Patrick Hale called Benjamin Netanyahu's speech \"a tawdry and high-handed "
            'stunt" in a statement.',
            "person/patrick hale",
        ),
    ],
)
def test_the_possessor_of_a_noun_of_saying_speaks(body: str, speaker: str) -> None:
    assert set(quotes_of(body).values()) == {speaker}


def test_a_role_no_one_holds_is_the_subject_before_unless_another_office_is_theirs() -> None:
    found = quotes_of(
        "Yusuf Arkan told CNN that the army was trying to wreck the ceasefire. “They do not "
        "want peace, so they attack our towns and our villages,” the rebel leader said.\n\n"
        "Prime Minister John Hadley answered him in parliament. “We do not comment on "
        "intelligence matters,” the spokesman said."
    )
    assert found == {
        "They do not want peace, so they attack our towns and our villages": "person/yusuf arkan",
        "We do not comment on intelligence matters": None,
    }


def test_a_role_with_no_named_subject_before_is_no_one_nearby() -> None:
    found = quotes_of(
        "Asked where Osama bin Laden was now, the Pentagon spokesman said, "
        '"anybody\'s guess is the latest thinking".'
    )
    assert set(found.values()) == {None}


def test_a_description_is_the_person_named_before() -> None:
    found = quotes_of(
        "Senator Mary Cole told reporters she would vote against the nominee. "
        '"You have not answered a single one of my questions," the Democrat said.'
    )
    assert set(found.values()) == {"person/mary cole"}


def test_a_sentence_that_goes_on_after_a_fragment_is_no_attribution() -> None:
    found = quotes_of(
        'Speaking at a rally in Ohio, Sen. Sherrod Bell said the tax bill was "a giveaway '
        'to the richest Americans" and urged voters to call their representatives.'
    )
    assert set(found.values()) == {"person/sherrod bell"}


def test_he_after_an_unnamed_spokesman_is_not_the_one_he_speaks_for() -> None:
    found = quotes_of(
        "A spokesman for the Health Minister, Kay Patterson, says the review will be "
        'released soon. "The Minister is considering the report now," he said.'
    )
    assert set(found.values()) == {None}


def test_a_spokesman_named_in_apposition_speaks() -> None:
    found = quotes_of(
        "A spokesman, Tom Reed, says the review will be released soon. "
        '"The Minister is considering the report now," he said.'
    )
    assert set(found.values()) == {"person/tom reed"}


def test_a_role_after_a_sentence_of_two_people_and_no_speech_is_no_one() -> None:
    # Either may be "the Tory leader": no guess.
    found = quotes_of(
        "Tony Blair faced questions from Michael Howard on Wednesday. The Tory leader said: "
        '"The Prime Minister has lost the trust of the British people."'
    )
    assert set(found.values()) == {None}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # reporting verbs beyond "said"
            "Mayor Lori Grant toured the shelter. “I was scared that we would not get out "
            "alive,” recalled Maria Lopez, a nurse who lives nearby.",
            "person/maria lopez",
        ),
        (
            "Mayor Lori Grant toured the shelter. “I was scared that we would not get out "
            "alive,” the nurse recalled.",
            None,
        ),
        (
            "Mayor Lori Grant toured the shelter with Maria Lopez. “Nobody should have to "
            "live like this,” Lopez complained.",
            "person/maria lopez",
        ),
    ],
)
def test_other_reporting_verbs_attribute(body: str, speaker: str | None) -> None:
    assert set(quotes_of(body).values()) == {speaker}


def test_words_before_a_comma_and_the_next_quotation_introduce_that_one() -> None:
    found = quotes_of(
        "Senator Ann Reid asked the nominee whether “anyone in the campaign had contact with "
        "Russian officials.” Tom Barr responded, “I did not, and I do not believe it happened.”"
    )
    assert found == {
        "anyone in the campaign had contact with Russian officials.": "person/ann reid",
        "I did not, and I do not believe it happened.": "person/tom barr",
    }


def test_a_name_after_a_speech_verb_before_the_quotation_is_what_was_said_of() -> None:
    found = quotes_of(
        "At a hearing on Monday, police agent Margaret Lowe said Richard Hale was carrying "
        'a device which "if placed beside an outer wall could have blown a hole in the '
        'plane".'
    )
    assert set(found.values()) == {"person/margaret lowe"}


def test_a_past_rank_alone_is_the_speaker_named_before_whatever_their_office() -> None:
    found = quotes_of(
        "The US special envoy to the region, Anthony Zane, told the leaders to act. "
        '"Both sides must move immediately to arrest those responsible," the retired '
        "Marine Corps general said in a statement."
    )
    assert set(found.values()) == {"person/anthony zane"}


def test_he_is_not_a_name_in_his_own_sentence() -> None:
    found = quotes_of(
        "Trump spoke to reporters on Friday. Asked about Senator John McCain, he said: "
        '"I like people who were not captured."'
    )
    assert "person/john mccain" not in found.values()


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'Tony Blane was accused by Michael Howell of "losing control of the asylum system".',
            "person/michael howell",
        ),
        (
            "A televised address by Yasser Arafat was hailed by United Nations envoy Terje "
            'Larsen as "a potential turning point in the search for peace".',
            "person/terje larsen",
        ),
    ],
)
def test_the_agent_of_a_passive_speaks(body: str, speaker: str) -> None:
    assert set(quotes_of(body).values()) == {speaker}


def test_the_agent_governs_the_fragment_over_a_speech_verb_in_a_clause() -> None:
    found = quotes_of(
        "A televised address by Yasser Arafat, in which he said the attacks must end, was "
        'hailed by United Nations envoy Terje Larsen as "a potential turning point in the '
        'search for peace".'
    )
    assert set(found.values()) == {"person/terje larsen"}


# Precision by evidence (fifth pass): the kinds of evidence that guessed a speaker are gated.


def test_a_fragment_ending_its_sentence_is_not_attributed_by_the_next_sentence() -> None:
    found = quotes_of(
        "President Barack Obama spoke in Chicago on Monday. He said of the Republican plan "
        'that it was "nothing more than the same old trickle-down theory." House Speaker '
        'John Boehner called the speech "a campaign rally dressed up as policy."'
    )
    assert found == {
        "nothing more than the same old trickle-down theory.": "person/barack obama",
        "a campaign rally dressed up as policy.": "person/john boehner",
    }


def test_an_unnamed_source_introducing_the_next_quotation_does_not_unname_the_one_before() -> None:
    found = quotes_of(
        'Labour leader Ed Miliband said the government had "lost control of the public '
        'finances completely." A Treasury spokesman said: "This is nonsense and Labour '
        'knows it."'
    )
    assert found == {
        "lost control of the public finances completely.": "person/ed miliband",
        "This is nonsense and Labour knows it.": None,
    }


@pytest.mark.parametrize(
    "body",
    [
        # A fragment whose sentence has no speech verb and no person as its subject.
        "Governor Andrew Cuomo unveiled the budget on Wednesday. The document promises "
        '"a new era of fiscal responsibility for all New Yorkers."',
        "Mayor Lori Lightfoot attended the ceremony. The new park will feature "
        '"a playground, a splash pad and a community garden" when it opens next spring.',
        # A body that is not found as an organization: not the last person named.
        'Chancellor Gordon Brown delivered his budget. "This is a budget for hard-working '
        'families across Britain," the Treasury said.',
        # A quotation with no attribution after a sentence in which no one speaks.
        "Hillary Clinton campaigned in Ohio on Saturday. Her campaign released a statement. "
        '"Donald Trump is temperamentally unfit to be president of the United States."',
    ],
)
def test_a_person_named_nearby_who_says_nothing_is_not_the_speaker(body: str) -> None:
    assert set(quotes_of(body).values()) == {None}


def test_a_quotation_that_opens_its_sentence_is_not_given_to_a_name_of_the_sentence_before() -> (
    None
):
    found = quotes_of(
        "Senator Elizabeth Warren has long been a critic of the bank and its board. "
        '"Wells Fargo has cheated its customers again and again."'
    )
    assert set(found.values()) == {None}


@pytest.mark.parametrize(
    "body",
    [
        '"We are pleased with the outcome and look forward to moving on," said Senator Dick '
        'Durbin. "The ruling is deeply flawed and we will appeal it," ComEd said in a statement.',
        '"We are pleased with the outcome and look forward to moving on," said Senator Dick '
        'Durbin. "The ruling is deeply flawed and we will appeal it," the NRA said.',
    ],
)
def test_an_attribution_to_a_name_no_extractor_found_is_not_the_speaker_before(body: str) -> None:
    found = quotes_of(body)
    assert found["The ruling is deeply flawed and we will appeal it"] is None
    assert found["We are pleased with the outcome and look forward to moving on"] == (
        "person/dick durbin"
    )


def test_a_statement_that_continues_is_its_authors() -> None:
    found = quotes_of(
        '"We will not stand by while our city is ruined," Mayor Jane Roe said in a statement. '
        '"If the state will not act, we will take this to court and win there," the statement '
        "continued."
    )
    assert set(found.values()) == {"person/jane roe"}


def test_an_unattributed_quotation_after_another_person_is_named_has_no_speaker() -> None:
    found = quotes_of(
        'Mayor Rahm Emanuel defended the budget. "Every dollar in this budget is going to '
        'work for the people of Chicago," Emanuel said.\n\nAld. Scott Waguespack, a frequent '
        'critic of the mayor, was not convinced.\n\n"There are too many gimmicks and one-time '
        'fixes in this plan."'
    )
    assert found == {
        "Every dollar in this budget is going to work for the people of Chicago": (
            "person/rahm emanuel"
        ),
        "There are too many gimmicks and one-time fixes in this plan.": None,
    }


def test_she_is_not_the_subject_whose_object_is_her() -> None:
    found = quotes_of(
        "Prime Minister Theresa May spoke to the Commons on Wednesday. Jeremy Corbyn accused "
        'her of failing the country. "We have a plan and we are delivering it," she said.'
    )
    assert set(found.values()) == {"person/theresa may"}


def test_a_sexed_title_or_what_they_said_of_themselves_tells_the_sex() -> None:
    found = quotes_of(
        "Congresswoman Maxine Waters questioned the bank's chief on Tuesday. Jamie Dimon said "
        'he regretted the errors. "The bank has to answer for every one of these accounts," '
        "she said."
    )
    assert set(found.values()) == {"person/maxine waters"}


def test_a_colon_introduces_the_words_of_the_person_before_it() -> None:
    found = quotes_of(
        "Police Superintendent Garry McCarthy's advice to gang members was simple: "
        '"Put the guns down now."'
    )
    assert set(found.values()) == {"person/garry mccarthy"}


@pytest.mark.parametrize(
    "body",
    [
        # The subject is a description; the name is inside a clause set off by commas.
        "The top Democrat on the Senate Intelligence Committee, responding to attacks on "
        "Special Counsel Robert Mueller, said on Wednesday that firing him "
        '"would provoke a constitutional crisis."',
        # Only a name after the speech verb: the one spoken of.
        "The militant group on Thursday described accused attacker Sayfullo Saipov, 29, as "
        '"one of the soldiers of the caliphate" in its weekly newspaper.',
    ],
)
def test_a_name_that_is_not_the_subject_of_the_verb_before_is_no_speaker(body: str) -> None:
    assert set(quotes_of(body).values()) == {None}


def test_the_person_named_with_a_bodys_title_speaks_not_the_body() -> None:
    found = quotes_of(
        '"The new fund will help hundreds of small businesses pay their overdue fees," said '
        "Chicago Department of Finance Commissioner Jane Roe."
    )
    assert set(found.values()) == {"person/jane roe"}


def test_a_chain_of_he_as_main_subjects_leads_back_to_the_name() -> None:
    found = quotes_of(
        "Former minister John Doe wrote to his local party on Monday. He said he had lost "
        "faith in the leadership. He praised the prime minister's courage. But he bitterly "
        "criticised the party's stance on trade. \"The party has turned its back on the "
        'voters who built it," he wrote.'
    )
    assert set(found.values()) == {"person/john doe"}


def test_she_after_a_person_named_by_a_tie_to_another_is_no_one() -> None:
    found = quotes_of(
        "The group's leader, Abu Bakr al-Baghdadi, is believed to be hiding near the border. "
        "Saipov's sister believes he may have been misled by others. She said she spoke to "
        'him the day before. "It was a normal and happy conversation," she said.'
    )
    assert set(found.values()) == {None}


def test_the_addressee_of_the_previous_attribution_does_not_break_the_continuation() -> None:
    found = quotes_of(
        "President Donald Trump met Emperor Akihito at the palace on Monday. "
        '"Thank you for the great meeting", he told Akihito. "I am sure we will meet again".'
    )
    assert set(found.values()) == {"person/donald trump"}


@pytest.mark.parametrize(
    ("body", "evidence"),
    [
        (
            '"We will rebuild every school in the district," Jane Roe said.',
            "after:name-before-verb",
        ),
        (
            'Mayor Jane Roe spoke on Monday. "We will rebuild every school in the district," '
            "she said.",
            "after:pronoun:main-subject:alone:sexed",  # "Jane": a woman's name
        ),
        (
            '"We will rebuild every school in the district," a spokesman said.',
            "after:unnamed-words",
        ),
    ],
)
def test_each_speaker_records_the_evidence_that_decided_it(body: str, evidence: str) -> None:
    article = Article(source="test.txt", body=body)
    context = Context(article=article)
    for step in pipeline():
        context.found[step.name] = list(step(article, context))
    assert [q.evidence for q in quotations(context)] == [evidence]


def test_scraped_straight_marks_glued_to_the_next_sentence() -> None:
    text = (
        'He said "we lost the budget vote."Smith said the vote was close."We will try again '
        'next year," she said.'
    )
    assert [text[s:e] for s, e in spans(text)] == [
        "we lost the budget vote.",
        "We will try again next year,",
    ]
    found = quotes_of(
        'Ald. Jane Roe opposed the plan. "We should not balance the budget on the backs of '
        'working families," Roe said.Ald. Mary Major said the cameras save lives."We will '
        'keep them running all year long," she said.'
    )
    assert found == {
        "We should not balance the budget on the backs of working families": "person/jane roe",
        "We will keep them running all year long": "person/mary major",
    }


def test_the_title_alone_is_the_one_person_named_with_it() -> None:
    found = quotes_of(
        "Archbishop Desmond Tutu welcomed the release of the four men on Wednesday. Foreign "
        "Secretary Jack Straw told MPs the talks had been difficult. The archbishop added: "
        '"Whilst we are thankful for this, what is happening there is unacceptable."'
    )
    assert len(found) == 1
    assert next(iter(found.values())) in ("person/desmond tutu", "person/archbishop desmond tutu")


def test_the_title_of_two_people_is_no_one() -> None:
    found = quotes_of(
        "Among the signers were former secretaries Tom Ridge and Michael Chertoff. "
        '"She has worked on these problems since the earliest days of the department," the '
        "two former secretaries wrote."
    )
    assert set(found.values()) == {None}


def test_denied_reports_what_was_said() -> None:
    found = quotes_of(
        "Representative Trent Franks resigned on Friday. Late on Thursday he issued a "
        'statement, but he denied he had ever "physically intimidated or coerced any member '
        'of his staff."'
    )
    assert set(found.values()) == {"person/trent franks"}


def test_a_quotation_inside_a_quotation_keeps_the_outer_one_whole() -> None:
    text = (
        "“The council has heard “no new taxes” from every candidate this year, and we are "
        "still waiting for a plan,” Ald. Jane Roe said."
    )
    assert [text[s:e] for s, e in spans(text)] == [
        "The council has heard “no new taxes” from every candidate this year, and we are "
        "still waiting for a plan,"
    ]
    found = quotes_of(text)
    assert list(found.values()) == ["person/jane roe"]
    # Straight marks inside straight marks, as typists write them.
    text = '"My mother told me "never give up" and I never did," Senator John Smith said.'
    assert [text[s:e] for s, e in spans(text)] == [
        'My mother told me "never give up" and I never did,'
    ]


def test_an_opening_mark_after_a_sentence_is_still_the_next_paragraph() -> None:
    # Newswire leaves a paragraph's closing mark out when the quotation goes on: the mark
    # after a sentence's end continues it, even where paragraph breaks were lost.
    text = (
        '"We will not be rushed into this decision. "We will consult every council first," '
        "the minister said. Jones added, “We agree.” Then they left."
    )
    assert [text[s:e] for s, e in spans(text)] == [
        'We will not be rushed into this decision. "We will consult every council first,',
        "We agree.",
    ]


def test_a_participle_after_a_comma_has_the_main_clause_subject() -> None:
    # The parser hangs "saying" from the clause before it ("the case had"): the words are
    # still the main subject's.
    found = quotes_of(
        "Jane Roe told reporters that the case had implications not only for her own race "
        "but for the integrity of every election in the state, saying that without a ruling "
        "“recounts would go on for months and months.”"
    )
    assert list(found.values()) == ["person/jane roe"]


def test_a_description_after_a_pronoun_is_the_one_it_stands_for() -> None:
    found = quotes_of(
        'Lord Smith of Kendal withdrew his amendment on Tuesday. "We cannot keep putting '
        'this off because it is difficult," he told peers. In the debate, the Labour peer '
        'and former minister said: "Parliament should have settled this matter long ago."'
    )
    assert set(found.values()) == {"person/smith of kendal"}
    # With no words of theirs before, "the Labour peer" stands for no one named.
    found = quotes_of(
        "Lord Smith of Kendal withdrew his amendment on Tuesday. In the debate, the Labour "
        'peer and former minister said: "Parliament should have settled this matter long ago."'
    )
    assert set(found.values()) == {None}


def test_a_member_named_by_constituency_is_the_mp_named_before() -> None:
    found = quotes_of(
        "Labour MP John Hale has welcomed the decision to keep the hospital open. He said "
        'the campaign had been long. "It was a long fight and the community never gave up '
        'on it," said the Wakefield East MP.'
    )
    assert list(found.values()) == ["person/john hale"]


def test_a_quotation_whose_opening_mark_was_lost_starts_with_its_sentence() -> None:
    found = quotes_of(
        "The Health Minister, Jane Roe, rejected the criticism at the conference. Our "
        'hospitals have never been better funded," she said. "We will keep spending on them."'
    )
    assert found == {
        "Our hospitals have never been better funded": "person/jane roe",
        "We will keep spending on them.": "person/jane roe",
    }
    # A closing mark with no attribution after it opens nothing.
    assert quotes_of('The vote was close," and the count went on until midnight on Friday.') == {}


def test_a_quotation_going_on_from_an_unnamed_source_stays_unnamed() -> None:
    found = quotes_of(
        '"We will appeal against this decision in every court we can," said Jane Roe. In a '
        'statement, the council said the ruling was wrong. "The ruling ignores the evidence '
        'presented to the court," said the statement. "We are now studying it with our lawyers."'
    )
    assert found == {
        "We will appeal against this decision in every court we can": "person/jane roe",
        "The ruling ignores the evidence presented to the court": None,
        "We are now studying it with our lawyers.": None,
    }


def test_a_next_sentence_that_reports_a_clause_is_not_the_attribution() -> None:
    found = quotes_of(
        "Professor Jane Roe was appointed on Monday. Professor Roe promised to listen to "
        'children. "I will be drawing on my experience of working with young people across '
        'the country." Education Secretary Mary Major said Professor Roe would "give children '
        'a stronger voice in government".'
    )
    assert found == {
        "I will be drawing on my experience of working with young people across the country.": (
            "person/jane roe"
        ),
        "give children a stronger voice in government": "person/mary major",
    }


def test_a_possessed_noun_of_saying_after_the_quotation_attributes_it() -> None:
    found = quotes_of(
        "Political editor John Smith wrote about the article on Monday. Prime Minister Mary "
        "Major said she had not read it. "
        '"It was, as always, coded and careful but entirely deliberate," was Mr Smith\'s '
        "assessment."
    )
    assert list(found.values()) == ["person/john smith"]


def test_the_last_person_who_took_a_stance_goes_on_unattributed() -> None:
    found = quotes_of(
        "But the head of the nurses' union, Jane Roe, criticised the plans. \"If you want good "
        'hospitals you do not get them by cutting the pay of the people who work in them."'
    )
    assert list(found.values()) == ["person/jane roe"]


def test_went_on_with_a_colon_attributes() -> None:
    found = quotes_of(
        "Senator John Smith attacked the budget in the chamber on Tuesday. The senator went "
        'on: "This budget does nothing for families who are struggling to pay their bills."'
    )
    assert list(found.values()) == ["person/john smith"]


def test_he_after_a_long_quotation_looks_back_past_its_sentences() -> None:
    # The quotation's own sentences are no step back: "he" is the council spokesman, who is
    # unnamed, not Mr Jones.
    found = quotes_of(
        "Mr Jones said the poster was offensive. A council spokesman denied the campaign was "
        'offensive. "As we said at the time, the figures do not add up. Nobody has answered '
        'that. This poster is making a serious point about it," he said.'
    )
    assert set(found.values()) == {None}


def test_a_spokesman_of_a_named_party_is_unnamed() -> None:
    article = Article(
        source="test.txt",
        body="Mr Jones said the poster was offensive. A Labour spokesman denied the campaign "
        'was offensive. "This poster is making a serious point about the figures," he said.',
    )
    context = Context(article=article)
    for step in pipeline():
        context.found[step.name] = list(step(article, context))
    assert [(q.speaker, q.evidence) for q in quotations(context)] == [
        (None, "after:pronoun:unnamed")
    ]


def test_he_said_in_a_clause_and_a_possessed_speech_lead_back_to_the_name() -> None:
    # "he said" tacked on to a sentence is the same "he" one sentence further back, and
    # "Mr Hale's speech" names Mr Hale as a subject.
    found = quotes_of(
        "Mr John Hale's speech comes a week after he unveiled plans for the railways. The "
        "plan would be paid for by a new levy on freight, he said. Speaking at the conference "
        'in Leeds he said: "Nobody should have to wait an hour for a train in this country."'
    )
    assert list(found.values()) == ["person/john hale"]


def test_a_speech_verb_reported_in_a_clause_is_not_the_last_sayer() -> None:
    found = quotes_of(
        "Senator Jane Roe said the plan was flawed and reminded colleagues that Governor Tom "
        'Brown had described an earlier plan as a failure. "Given how that plan ended, how '
        'could anyone vote for this one?"'
    )
    assert list(found.values()) == ["person/jane roe"]


def test_names_before_he_said_are_the_reported_words_not_the_speaker() -> None:
    body = (
        "The prime minister's enthusiasm for the job remains undimmed, Alan Milburn, "
        "Labour's election strategist, told the Today programme. Mr Blair has \"the same "
        'passion and the same commitments for the job" as when Labour came to power in '
        "1997, he said."
    )
    assert quotes_of(body) == {
        "the same passion and the same commitments for the job": "person/alan milburn"
    }


def test_a_participle_after_the_main_clause_is_its_subjects_saying() -> None:
    body = (
        'Arthurs said he was bitterly disappointed. "I just could not get the job done," he '
        "said. Team captain John Fitzgerald has defended the decision to play Pat Rafter in "
        'the doubles, saying he was always in doubt. "There was no guarantee he could have '
        'played at all on Sunday."'
    )
    found = quotes_of(body)
    assert found["There was no guarantee he could have played at all on Sunday."] == (
        "person/john fitzgerald"
    )


def test_he_after_a_sentence_its_attribution_closes_is_that_speaker() -> None:
    # The sentence before reports the Tory leader's words about Mr Brown: "he" is the one
    # speaking there, not the subject of his reported words.
    body = (
        "Tory leader Michael Howard attacked the Budget on Wednesday. Mr Brown liked to "
        "rattle off magical balances to convince people there was no black hole, the Tory "
        'leader said. "This dodgy government is now publishing a dodgy Budget based on '
        'dodgy numbers," he said.'
    )
    assert quotes_of(body) == {
        "This dodgy government is now publishing a dodgy Budget based on dodgy numbers": (
            "person/michael howard"
        )
    }


def test_the_doer_of_a_passive_main_verb_is_the_he_that_follows() -> None:
    body = (
        "Israel says it will have nothing to do with the Palestinian leader Yasser Arafat. "
        "The Government position was spelt out by spokesman Raanan Gissin. "
        '"In no way does it imply any directive to harm Arafat personally," he said.'
    )
    assert quotes_of(body) == {
        "In no way does it imply any directive to harm Arafat personally": "person/raanan gissin"
    }


def test_the_doer_of_a_passive_clause_within_a_sentence_is_not() -> None:
    body = (
        "The Americans are aiming to go one better than last year, when they were beaten by "
        "Swiss pair Martina Hingis and Roger Federer in the final. The coach said the win "
        'was a great start. "I got a little tentative at the end, but it was a great '
        'start to my year," he said.'
    )
    found = quotes_of(body)
    assert found == {
        "I got a little tentative at the end, but it was a great start to my year": None
    }


def test_a_quotation_going_on_one_whose_speaker_is_not_found_has_no_speaker() -> None:
    # "she" is not Mr Buckner (a scraper ran the paragraphs together): the next quotation
    # goes on hers, and is not given to the man named in the run before her words.
    body = (
        'Rep. Kam Buckner (D-26th) is co-sponsoring that bill."As we recognize the tenth '
        'anniversary of the tragedy, this is our opportunity," she said, noting the '
        'million Americans killed or wounded since then. "This of course is an absurdity '
        'that in this country, with all our wealth, we cannot solve this problem." Mr '
        "Buckner said he would vote for the bill."
    )
    assert set(quotes_of(body).values()) == {None}


def test_a_name_before_he_claimed_is_whom_he_speaks_of_not_the_sayer() -> None:
    body = (
        "Michael Howard said the country needed a change. Voters face many problems, from "
        "crime to taxes. Mr Blair has failed to tackle these problems, he claimed, saying he "
        'has the "wrong solution" to them.\n\n"The result is big government and higher '
        'taxes eroding incentives and denying people choice."'
    )
    assert (
        quotes_of(body)[
            "The result is big government and higher taxes eroding incentives and denying "
            "people choice."
        ]
        is None  # not Mr Blair; Mr Howard is too far back to be sure
    )


def test_a_name_inside_a_relative_clause_before_the_verb_is_not_the_sayer() -> None:
    body = (
        "Martin Bell, who won the Tatton seat from Tory Neil Hamilton on an anti-corruption "
        'platform, said politicians often failed to see themselves as others did. "We need '
        'public figures we trust to tell the truth."'
    )
    assert quotes_of(body) == {
        "We need public figures we trust to tell the truth.": "person/martin bell"
    }


def test_a_quotation_right_after_an_attribution_goes_on_with_its_speaker() -> None:
    body = (
        'Hua Chunying spoke for the ministry. "In China, people have many channels to '
        'communicate," Hua said at a regular ministry briefing. "For example, some people '
        'use WeChat, some people use Weibo." Donald Trump tweeted again on Thursday '
        "afternoon, posting a video of the welcome parade."
    )
    assert quotes_of(body) == {
        "In China, people have many channels to communicate": "person/hua chunying",
        "For example, some people use WeChat, some people use Weibo.": "person/hua chunying",
    }


def test_said_before_a_long_title_and_the_name() -> None:
    body = (
        'Charles Kennedy spoke first. "This is typical of Lib Dem hypocrisy," said Tory '
        "shadow local government secretary Caroline Spelman."
    )
    assert quotes_of(body) == {"This is typical of Lib Dem hypocrisy": "person/caroline spelman"}


def test_a_pronoun_after_a_quotation_a_name_and_colon_opened_is_that_name() -> None:
    body = (
        'Ed Balls said the plans were sound. He added: "I accept no need for changes to the '
        'plans."\n\nFor the Lib Dems David Laws said: "The chancellor will no doubt tell us '
        'today how well the economy is doing," he said.'
    )
    assert (
        quotes_of(body)["The chancellor will no doubt tell us today how well the economy is doing"]
        == "person/david laws"
    )


def test_he_is_not_the_woman_who_spoke_last() -> None:
    # "Nancy" is a woman's name: "he" is the man titled "President" before, whom the model
    # took alone for an organization ("Trump met ...") where the text does not title him.
    body = (
        "President Trump stood firm on Friday on his demands for a wall. Yet House Speaker "
        "Nancy Pelosi said the Democrats cannot resolve the dispute until the government "
        'opens. "We will keep talking," Pelosi said. Trump met with Democratic and '
        "Republican leaders of both chambers. Ahead of the meeting Trump sent a letter to "
        "members of Congress congratulating Pelosi on her election as speaker. "
        '"As we begin this new Congress, our first task should be to reopen the '
        'Government," he said.'
    )
    found = quotes_of(body)
    assert found[
        "As we begin this new Congress, our first task should be to reopen the Government"
    ] == ("person/trump")


def test_a_baroness_is_she() -> None:
    body = (
        "Labour peer Baroness Kennedy spoke on Monday. "
        '"This feeling of distrust is going to be enlarged by this campaign," she said.'
    )
    found = quotes_of(body)
    assert found["This feeling of distrust is going to be enlarged by this campaign"] == (
        "person/kennedy"
    )


def test_a_name_set_off_after_a_description_speaks() -> None:
    body = (
        'An Arizona lawmaker will meet Donald Trump on Monday. "Of course I was surprised, '
        "who wouldn't be?\" said the legislator, Representative Carl Seel."
    )
    found = quotes_of(body)
    assert found["Of course I was surprised, who wouldn't be?"] == "person/carl seel"


def test_the_presidents_surname_stays_his_beside_his_sons_full_name() -> None:
    body = (
        "President Trump on Friday kept the ban on elephant trophies. Later Trump tweeted, "
        '"Put big game trophy decision on hold until such time as I review all '
        'conservation facts." His son Donald Trump Jr. is an avid hunter.'
    )
    found = quotes_of(body)
    quote = (
        "Put big game trophy decision on hold until such time as I review all conservation facts."
    )
    assert found[quote] == "person/trump"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'The leaders attacked the plan on Sunday. "We will win this fight," House Speaker '
            "Nancy Pelosi and Senate Democratic Leader Chuck Schumer said in a statement.",
            "person/nancy pelosi",
        ),
        (
            '"The governor is not able to serve," State House Majority Leader Jeff McCabe (D) '
            "and Assistant House Majority Leader Sara Gideon (D) said in a statement.",
            "person/jeff mccabe",
        ),
    ],
)
def test_words_said_jointly_are_the_first_named(body: str, speaker: str) -> None:
    assert list(quotes_of(body).values()) == [speaker]


def test_a_sentence_between_two_names_joins_nothing() -> None:
    # "Lewandowski." ends a sentence: Page, the subject after it, spoke.
    body = (
        "Carter Page said he let senior members of the campaign staff know of his trip, "
        "including senior aides Hope Hicks and Corey Lewandowski. Page said he reported back "
        "to other campaign officials about the trip, saying in one email that he had received "
        "\u201cincredible insights and outreach\u201d."
    )
    assert list(quotes_of(body).values()) == ["person/carter page"]


def test_a_hyphenated_surname_the_model_takes_for_a_body() -> None:
    body = (
        "Money spent on the war should have been used to reduce poverty, Cardinal Cormac "
        "Murphy-O'Connor has said. \"If the governments of the rich countries were as ready "
        'to act, poverty would end," the cardinal said.'
    )
    assert list(quotes_of(body).values()) == ["person/cormac murphy o connor"]
