"""Officials' jurisdictions from the evidence a text gives (issue 16, sixth pass): a city's
offices in local news, an international assembly's members, a correspondent's dateline, and
the reference tables that place an office the text names without its place."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kg.extract.officeholders import mayor_city, minister_country

from .positions import offices

CHICAGO, DALLAS, LONDON = 4887398, 4684888, 2643743


def when(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


def test_mayors_table_by_full_name_and_date() -> None:
    assert mayor_city("Lori Lightfoot", date(2021, 3, 1)) == CHICAGO
    assert mayor_city("Rahm Emanuel", date(2021, 3, 1)) is None  # left in 2019
    assert mayor_city("Sadiq Khan", None) == LONDON
    # A surname two mayors bear on the date: Chicago's or Dallas's.
    assert mayor_city("Johnson", date(2024, 2, 1)) is None
    assert mayor_city("Johnson", date(2021, 2, 1)) == DALLAS


def test_mayor_named_without_city_placed_by_the_table() -> None:
    # A neighbourhood paper never names its city: the mayor is the table's, and the
    # alderman beside her is an official of the same city.
    body = (
        "Mayor Lori Lightfoot walked the lakefront path in South Shore on Saturday with "
        "Ald. Gregory Mitchell, who has asked for new lighting along the beach."
    )
    assert offices(body, when(2021, 8, 14)) == {
        ("Lori Lightfoot", "Mayor", "Chicago"),
        ("Gregory Mitchell", "Alderman", "Chicago"),
    }


def test_mayor_outside_the_table_term_stays_unplaced() -> None:
    # The table places a mayor only on a date of their term.
    body = "Mayor Lori Lightfoot walked the lakefront path in South Shore on Saturday."
    assert offices(body, when(2012, 8, 14)) == {("Lori Lightfoot", "Mayor", "")}


def test_surname_alone_does_not_override_the_article_city() -> None:
    # "Mayor Wu" of a report from Springfield is not Boston's because Boston's mayor is a Wu.
    body = (
        "SPRINGFIELD, Mass. — Mayor Wu cut the ribbon on the new library branch in "
        "Springfield on Tuesday, as residents of the city looked on."
    )
    found = offices(body, when(2023, 5, 2))
    assert ("Wu", "Mayor", "Boston") not in found


def test_city_named_only_in_its_bodies_names() -> None:
    # "Chicago City Council", "Chicago Park District": bodies named for their city say
    # which city the ward's alderman serves.
    body = (
        "The Chicago City Council approved the lease on Wednesday after the Chicago Park "
        "District dropped its objection. Ald. Maria Ortega said the vote was overdue."
    )
    assert ("Maria Ortega", "Alderman", "Chicago") in offices(body, when(2022, 3, 9))


def test_mep_sits_for_the_european_union() -> None:
    body = (
        "Labour MEP Glenys Kinnock said the vote in Strasbourg showed how far the "
        "parliament had come on aid."
    )
    assert ("Glenys Kinnock", "MEP", "European Union") in offices(body, when(2004, 11, 3))


def test_mep_with_country_named_keeps_it() -> None:
    body = "British MEP Nigel Farage told the chamber that the budget was a scandal."
    assert ("Nigel Farage", "MEP", "United Kingdom") in offices(body, when(2010, 3, 3))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A correspondent abroad: the US bodies of the report, not the dateline, say whose
        # secretary it is.
        (
            "SEOUL (Reuters) - Defense Secretary Jim Mattis told reporters on Friday that "
            "the Pentagon had not ruled out further talks, and that the State Department "
            "would lead them.",
            ("Jim Mattis", "Defense Secretary", "United States"),
        ),
        (
            "SEOUL (Reuters) - National Security Adviser H.R. McMaster said on Sunday that "
            "the North's missile tests had raised the risk of war. He spoke after meeting "
            "officials at the South Korean presidential office, the White House said.",
            ("H.R. McMaster", "National Security Adviser", "United States"),
        ),
        # The dateline alone places no national office: the correspondent's city is not
        # whose minister the report names without a country (none rather than a guess).
        (
            "SEOUL (Reuters) - Foreign Minister Kang Kyung-wha said on Tuesday that "
            "talks with the North could resume next month.",
            ("Kang Kyung-wha", "Foreign Minister", ""),
        ),
    ],
)
def test_dateline_places_no_national_office(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body, when(2017, 10, 27))


def test_minister_of_a_devolved_executive() -> None:
    # A report on the Scottish Executive's policy, naming no body of Westminster's: its
    # minister is Scotland's.
    body = (
        "Education Minister Peter Peacock said the Scottish Executive would publish the "
        "review of school meals next month. Opposition members at Holyrood said the delay "
        "had cost parents dearly."
    )
    assert ("Peter Peacock", "Education Minister", "Scotland") in offices(body, when(2005, 2, 1))


def test_minister_beside_westminster_stays_british() -> None:
    # The same title in a report naming the United Kingdom's government is not devolved.
    body = (
        "Education Minister Peter Peacock said the Scottish Executive would publish the "
        "review next month, after talks with Whitehall officials and the Home Office."
    )
    assert ("Peter Peacock", "Education Minister", "Scotland") not in offices(
        body, when(2005, 2, 1)
    )


def test_uk_only_title_is_never_devolved() -> None:
    body = (
        "Chancellor Gordon Brown told the Scottish Parliament's finance committee that "
        "the Scottish Executive's budget would rise."
    )
    assert ("Gordon Brown", "Chancellor", "Scotland") not in offices(body, when(2005, 2, 1))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A British party named with the office: the United Kingdom's, though the
        # article's own bodies and media are Australian.
        (
            "Labour MP Kate Hoey told the Sydney Morning Herald that the Australian "
            "Government should follow Canberra's lead.",
            ("Kate Hoey", "MP", "United Kingdom"),
        ),
        # A US party: the United States', whatever the report's own country.
        (
            "Democratic Senator Tom Hadley told the ABC in Sydney that the Australian "
            "Government's trade deal was one-sided, and Queensland farmers agreed.",
            ("Tom Hadley", "Senator", "United States"),
        ),
    ],
)
def test_party_named_with_a_national_office(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body, when(2004, 11, 3))


def test_level_named_before_a_generic_body() -> None:
    # "the city Department of Public Health": a body whose name says no place is the
    # city's, placed as a city office (the article's city).
    body = (
        "The clinic on Chicago's West Side closed in March. Maria Lopez, deputy "
        "commissioner of the city Department of Public Health, said it would reopen."
    )
    assert ("Maria Lopez", "deputy commissioner", "Chicago") in offices(body, when(2022, 5, 2))


def test_uk_great_office_placed_by_the_table() -> None:
    # A report on Kashmir names India, Pakistan and Britain, all of which have a "Foreign
    # Secretary": the table of the United Kingdom's great offices knows who held it then.
    body = (
        "Foreign Secretary Jack Straw welcomed the bus link between Srinagar and "
        "Muzaffarabad after talks in Islamabad. India and Pakistan agreed the route in "
        "February, and Britain offered to help."
    )
    assert ("Jack Straw", "Foreign Secretary", "United Kingdom") in offices(body, when(2005, 4, 7))


def test_ministers_table_needs_the_office_held_then() -> None:
    assert minister_country("Jack Straw", date(2005, 4, 7), "Foreign Secretary") == "GB"
    assert minister_country("Jack Straw", date(2005, 4, 7), "Home Secretary") is None
    assert minister_country("Angela Merkel", date(2010, 4, 7), "Chancellor") == "DE"
    assert minister_country("Angela Merkel", date(2023, 4, 7), "Chancellor") is None
    assert minister_country("Gordon Brown", date(2008, 4, 7), "Shadow Chancellor") is None
    assert minister_country("Alexander Downer", date(2001, 11, 2), "Foreign Minister") == "AU"
    # Two holders of the surname in the office: a surname alone says nobody.
    assert minister_country("Rudd", date(2009, 5, 1), "Prime Minister") == "AU"
    assert minister_country("Clarke", date(2005, 4, 7), "Home Secretary") == "GB"
    assert minister_country("Clarke", None, "Home Secretary") is None  # Kenneth or Charles?


def test_australian_minister_placed_by_the_table_in_a_foreign_story() -> None:
    # A report on Zimbabwe from a broadcaster whose text names no Australian body: the
    # table, not the country the report is about, says whose foreign minister he is.
    body = (
        "Foreign Minister Alexander Downer says Zimbabwe's election was neither free nor "
        "fair. President Robert Mugabe's government has rejected the criticism."
    )
    assert ("Alexander Downer", "Foreign Minister", "Australia") in offices(body)


def test_us_attorney_general_placed_by_the_table_in_a_foreign_report() -> None:
    # An Australian broadcaster's report naming no US body: "Attorney-General" is an office of
    # Australia too, and the table says whose this holder was.
    body = (
        "A man has been charged with conspiracy in the attacks. Attorney-General John "
        "Ashcroft claims he was an active participant."
    )
    assert ("John Ashcroft", "Attorney-General", "United States") in offices(body)
    assert minister_country("Ashcroft", date(2003, 1, 5), "Attorney General") == "US"
    assert minister_country("Daryl Williams", None, "Attorney-General") == "AU"


def test_mayor_table_and_text_disagree() -> None:
    # The table's mayor of Chicago, in a report that names only another city: a namesake
    # or a visit; none rather than either guess.
    body = "Mayor Rahm Emanuel opened the new hall in Denver on Friday, city officials said."
    assert ("Rahm Emanuel", "Mayor", "") in offices(body, when(2015, 6, 5))
    # The table's city named in the article too: the table's.
    body = (
        "Mayor Rahm Emanuel opened the conference in Denver on Friday and flew back to "
        "Chicago that night."
    )
    assert ("Rahm Emanuel", "Mayor", "Chicago") in offices(body, when(2015, 6, 5))
    body = (
        "Mayor Rahm Emanuel opened the conference in Denver on Friday. Chicago's budget "
        "talks resume on Monday."
    )
    assert ("Rahm Emanuel", "Mayor", "Chicago") in offices(body, when(2015, 6, 5))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A foreign leader named without the country in a Washington report: the table of
        # heads of state and government, not the report's country.
        (
            "WASHINGTON (Reuters) - President Donald Trump hosted Prime Minister Shinzo Abe "
            "at the White House on Tuesday.",
            ("Shinzo Abe", "Prime Minister", "Japan"),
        ),
        (
            "LONDON (Reuters) - President Moon Jae-in will visit Britain next month, the "
            "Foreign Office said.",
            ("Moon Jae-in", "President", "South Korea"),
        ),
    ],
)
def test_foreign_leader_placed_by_the_table(body: str, expected: tuple[str, str, str]) -> None:
    assert expected in offices(body, when(2017, 11, 14))


def test_a_namesake_in_the_congress_table_does_not_make_a_british_mp_american() -> None:
    # Chris Smith of New Jersey sat in Congress in 2005; the Labour MP of that name did not.
    body = (
        "Labour MP Chris Smith has said he will stand down at the general election. "
        "The former culture secretary told the Commons it was time for a change."
    )
    assert offices(body, when(2005, 2, 1)) == {("Chris Smith", "MP", "United Kingdom")}
    body = "Congressman Chris Smith said on Tuesday the House would vote on the bill."
    assert offices(body, when(2017, 2, 1)) == {("Chris Smith", "Congressman", "United States")}


def test_federal_minister_of_the_one_federation_named() -> None:
    # "Federal" names the federation's government; Sydney is its only country's place.
    body = (
        "Federal Science Minister Peter McGauran says security at the reactor in Sydney is "
        "adequate, despite a protest this morning."
    )
    assert ("Peter McGauran", "Science Minister", "Australia") in offices(body)


def test_federal_minister_not_guessed_among_two_countries() -> None:
    body = (
        "Federal Science Minister Peter McGauran says talks in Sydney and Auckland on the "
        "reactor went well."
    )
    assert ("Peter McGauran", "Science Minister", "") in offices(body)


def test_minister_of_a_federation_named_only_by_two_of_its_states() -> None:
    # A report naming only states (spaCy calls New South Wales a location), two of them: a
    # minister of either, or of the federation, so no jurisdiction rather than a guess.
    body = (
        "Thousands of firefighters remain on the ground across New South Wales this "
        "morning. A total fire ban is in force in the ACT today. Emergency Services "
        "Minister Ted Quinlan has paid tribute to them."
    )
    assert ("Ted Quinlan", "Emergency Services Minister", "") in offices(body)


def test_offices_of_the_one_state_a_report_names() -> None:
    # A report on Tasmania's parliament: its speaker, minister and backbencher are the
    # state's, not the federation's.
    body = (
        "Legal abortion in Tasmania is one step closer with the lower house of Parliament "
        "voting to change the state's abortion laws. Speaker Michael Polley declared a "
        "result. Police Minister David Llewellyn and Labor backbencher Steven Kons abstained."
    )
    assert offices(body) >= {
        ("Michael Polley", "Speaker", "Tasmania"),
        ("David Llewellyn", "Police Minister", "Tasmania"),
        ("Steven Kons", "backbencher", "Tasmania"),
    }


def test_a_federal_portfolio_stays_the_federations_in_a_state_report() -> None:
    body = (
        "Bushfires have burned across Tasmania this week. Defence Minister Robert Hill "
        "said troops would help."
    )
    assert ("Robert Hill", "Defence Minister", "Australia") in offices(body)


def test_a_spokeswoman_of_a_states_service() -> None:
    # Each state has a State Emergency Service: whose is the one state the report names.
    body = (
        "The New South Wales State Emergency Service (SES) says it has received 5,000 "
        "calls after the storms in Sydney. SES spokeswoman Laura Goodin says volunteers "
        "will be back in the field."
    )
    assert ("Laura Goodin", "spokeswoman", "New South Wales") in offices(body)


def test_a_court_named_with_of_names_no_town() -> None:
    # "Session" is a Turkish town's name too; the court's words after "of" name no place.
    body = (
        "On Thursday, the Court of Session threw out the appeal. Judge Lord Cullen ruled "
        "that the breaches were proved."
    )
    assert not any(place == "Turkey" for _, _, place in offices(body, datetime(2005, 3, 1)))


def test_an_office_given_a_country_elsewhere_places_its_holder_when_no_home_does() -> None:
    plan = "Iraq and Russia are close to signing a $40 billion economic plan, {} said Saturday. "
    rest = (
        "The statement by Ambassador Jane Roe came amid signs that Russia is improving ties "
        "with Iran."
    )
    assert offices(plan.format("Iraq's ambassador") + rest) == {("Jane Roe", "Ambassador", "Iraq")}
    assert offices(plan.format("officials") + rest) == {("Jane Roe", "Ambassador", "")}


def test_an_australian_fire_service_commissioner_is_the_states_officer() -> None:
    body = (
        "Firefighters are battling blazes across the Blue Mountains west of Sydney. The "
        "Rural Fire Service Commissioner Phil Koperberg says if fire activity increases, "
        "New Year's Eve celebrations in New South Wales will be cancelled. The Federal "
        "Government has offered the state more water-bombing aircraft, and Prime Minister "
        "John Howard will visit Sydney's west on Sunday."
    )
    assert ("Phil Koperberg", "Commissioner", "New South Wales") in offices(body)


def test_the_city_whose_mayor_a_local_story_names_is_its_offices_city() -> None:
    # A club named after an Oklahoma town twice, Chicago once: the aldermen beside
    # Chicago's mayor are Chicago's, and the governor Illinois's.
    body = (
        "Members of the Broken Arrow Horseback Riding Club wave to spectators, with Ald. "
        "Sophia King.\n\nMembers of the Broken Arrow Horseback Riding Club rode again.\n\n"
        "Mayor Lori Lightfoot, Gov. JB Pritzker and Ald. Leslie Hairston walked in the "
        "parade, the largest in Chicago this summer."
    )
    found = offices(body, datetime(2022, 7, 5, tzinfo=UTC))
    assert {
        ("Sophia King", "Alderman", "Chicago"),
        ("Leslie Hairston", "Alderman", "Chicago"),
        ("JB Pritzker", "Governor", "Illinois"),
    } <= found


def test_a_sheriff_is_the_countys_officer() -> None:
    body = (
        "Cook County Treasurer Maria Pappas is seeking another term in Chicago, and Sheriff "
        "Tom Dart is running against three challengers."
    )
    assert ("Tom Dart", "Sheriff", "Cook County") in offices(body)


def test_an_undated_seat_in_congress_no_one_in_the_table_held_is_the_states() -> None:
    # No member of Congress since 2013 bore these names: state representatives of the one
    # state the article names (Illinois); a senator the table knows stays the country's.
    body = (
        "Illinois lawmakers met in Springfield on Monday. A House committee heard a bill by "
        "Rep. Bob Morgan (D-58th) to ban assault weapons in Illinois, and Rep. Kam Buckner "
        "(D-26th) is co-sponsoring it. Senator Dick Durbin backed the bill."
    )
    found = offices(body)
    assert {
        ("Bob Morgan", "Representative", "Illinois"),
        ("Kam Buckner", "Representative", "Illinois"),
        ("Dick Durbin", "Senator", "United States"),
    } <= found


def test_an_outlet_whose_report_is_passed_on_says_nothing_of_the_articles_country() -> None:
    body = (
        "The United States is intensifying its bombing of eastern Afghanistan, the Pentagon "
        "says. In Washington, there is some division about what to do with the man accused "
        "of the attacks. As the BBC reports, senior officials are disagreeing publicly. The "
        "Defence Secretary Donald Rumsfeld has suggested he could be tried elsewhere."
    )
    assert ("Donald Rumsfeld", "Defence Secretary", "United States") in offices(body)


def test_a_written_out_plural_title_covers_a_list_of_names_each_with_its_place() -> None:
    body = (
        "The meeting at the White House included Governors Kim Reynolds of Iowa, Rick "
        "Snyder of Michigan, Bill Haslam of Tennessee and others."
    )
    assert {
        ("Kim Reynolds", "Governor", "Iowa"),
        ("Rick Snyder", "Governor", "Michigan"),
        ("Bill Haslam", "Governor", "Tennessee"),
    } <= offices(body)
    # Without a place for each name, a written-out plural stays no title of theirs.
    assert not offices("The Governors met Kim Reynolds, Rick Snyder and Bill Haslam.")


def test_an_office_of_someone_whose_death_the_text_recalls_is_past() -> None:
    body = (
        "The archive includes coverage of both world wars, the assassination of President "
        "John F Kennedy and the landing on the moon."
    )
    assert offices(body) == set()


def test_federal_opening_a_title_makes_it_a_public_office() -> None:
    body = (
        "New rules on health records begin next week. The Federal Privacy Commissioner, "
        "Malcolm Crompton, says hospitals collecting health information need consent."
    )
    found = offices(body)
    assert {(name, role) for name, role, _ in found} == {
        ("Malcolm Crompton", "Privacy Commissioner")
    }


def test_an_honorific_the_model_takes_for_a_place_is_no_jurisdiction() -> None:
    body = (
        "Campaigners say support is stronger than ever. A judgement from Mr Justice Sullivan "
        "is expected early next year."
    )
    assert all(place != "Mr" for _, _, place in offices(body))


def test_an_attorney_general_who_was_not_the_countrys_then_is_the_states() -> None:
    body = (
        "Illinois voters go to the polls on June 28, and the Democratic Party expects a "
        "strong turnout. Gov. J.B. Pritzker and Sen. Tammy "
        "Duckworth are all but assured to win renomination, and incumbent Attorney General "
        "Kwame Raoul is seeking the party nomination unopposed. The race to replace Rep. "
        "Bobby Rush in Congress has 17 candidates, and the White House is watching."
    )
    found = offices(body, datetime(2022, 6, 1, tzinfo=UTC))
    assert ("Kwame Raoul", "Attorney General", "Illinois") in found
    body = "Attorney General Merrick Garland said the department would review the case."
    found = offices(body, datetime(2022, 6, 1, tzinfo=UTC))
    assert ("Merrick Garland", "Attorney General", "United States") in found


def test_a_national_councils_director_is_the_countrys_not_the_city_of_a_club_named_after() -> None:
    body = (
        '"What was delivered today is a bill the president can support," National Economic '
        "Council director Gary Cohn told a gathering of the Economic Club of Washington. The "
        "White House wants the tax bill passed by Christmas."
    )
    assert all(place != "Washington" for name, _, place in offices(body) if name == "Gary Cohn")


def test_plural_titles_of_chicagos_council_cover_the_names_listed() -> None:
    body = (
        "Mayor Lori Lightfoot faces criticism. Alderpersons Daniel LaSpata, Carlos "
        "Ramirez-Rosa and Byron Sigcho-Lopez issued a joint statement, and incumbent alders "
        "Raymond Lopez (15th Ward) and Silvana Tabares (23rd Ward) backed another candidate."
    )
    found = offices(body, datetime(2023, 1, 10, tzinfo=UTC))
    assert {
        ("Daniel LaSpata", "Alderperson", "Chicago"),
        ("Byron Sigcho-Lopez", "Alderperson", "Chicago"),
        ("Raymond Lopez", "Alder", "Chicago"),
        ("Silvana Tabares", "Alder", "Chicago"),
    } <= found


def test_a_euro_mp_sits_for_the_european_union() -> None:
    body = (
        "Euro MP Robert Kilroy-Silk has had a bucket of farm slurry thrown over him by a "
        "protester in Manchester."
    )
    assert ("Robert Kilroy-Silk", "Euro MP", "European Union") in offices(body)


def test_a_shadow_office_of_two_portfolios_in_lower_case_stays_a_shadow_office() -> None:
    body = (
        "Theresa May, Tory shadow work and pensions secretary, said the plans would leave "
        "pensioners worse off in Britain."
    )
    roles = {role for name, role, _ in offices(body) if name == "Theresa May"}
    assert roles == {"shadow work and pensions secretary"}


def test_a_party_letter_after_a_name_marks_a_member_of_congress_on_the_date() -> None:
    body = (
        "The 10 states with the highest taxes are represented by Democrats. New York: "
        "$6,993; Chuck Schumer (D), Kirsten Gillibrand (D)."
    )
    found = offices(body, datetime(2017, 11, 9, tzinfo=UTC))
    assert ("Kirsten Gillibrand", "Senator", "United States") in found


def test_the_fed_names_the_federal_reserve_and_a_trade_after_a_takes_no_body() -> None:
    body = (
        "Trump named current Fed Gov. Jerome Powell to lead the central bank. Powell, a "
        "lawyer, was lauded by Trump for his private sector experience."
    )
    found = offices(body, datetime(2017, 11, 2, tzinfo=UTC))
    assert ("Jerome Powell", "Governor", "United States") in found
    assert not any(role == "lawyer" for _, role, _ in found)


def test_a_given_name_the_table_writes_otherwise() -> None:
    # The table has "Mike Pence"; the surname and initial find him in the office then.
    body = (
        "Flynn was fired after it was discovered he had misrepresented his contacts with a "
        "Russian diplomat to Vice President Michael Pence."
    )
    assert ("Michael Pence", "Vice President", "United States") in offices(body, when(2017, 12, 1))


def test_a_foreign_president_in_a_washington_report_on_his_country() -> None:
    body = (
        "WASHINGTON (Reuters) - The U.S. State Department has certified that the Honduran "
        "government has been fighting corruption, clearing the way for Honduras to receive "
        "U.S. aid. A preliminary count in Honduras pointed to a victory for President Juan "
        "Orlando Hernandez. Honduras is one of three countries, with El Salvador and "
        "Guatemala, that get such aid. Honduras and its neighbours have long had it. Critics "
        "in Honduras said the vote was stolen."
    )
    assert ("Juan Orlando Hernandez", "President", "Honduras") in offices(body, when(2017, 12, 5))


def test_no_foreign_country_for_a_president_among_several() -> None:
    body = (
        "WASHINGTON (Reuters) - U.S. officials met envoys of Honduras, El Salvador and "
        "Guatemala. President Juan Orlando Hernandez was not there."
    )
    assert ("Juan Orlando Hernandez", "President", "Honduras") not in offices(
        body, when(2017, 12, 5)
    )


def test_surname_and_initial_only_for_an_office_of_one_holder() -> None:
    from kg.extract.officeholders import spells

    day = date(2017, 6, 1)
    assert [s.name for s in spells("Michael Pence", day, "Vice President")] == ["Mike Pence"]
    # Among a hundred senators "Michael Lee" is not surely the table's Mike Lee.
    assert spells("Michael Lee", day, "Senator") == []
    assert [s.name for s in spells("Mike Lee", day, "Senator")] == ["Mike Lee"]


def test_the_nhs_is_no_sign_of_westminster_in_a_welsh_story() -> None:
    body = (
        "The new health minister for Wales says there are lessons to learn. Health Minister "
        "Brian Gibbons, on his first day in the Welsh Assembly Government, said NHS staff "
        "wanted a period of consolidation."
    )
    assert ("Brian Gibbons", "Health Minister", "Wales") in offices(body, when(2005, 1, 12))


def test_a_frontbench_spokesman_in_a_report_on_a_devolved_government() -> None:
    body = (
        "Council tax bills in Scotland will rise again, the Scottish Executive said. The Tory "
        "finance spokesman, Brian Monteith, said the tax was being used to pass on costs."
    )
    assert ("Brian Monteith", "finance spokesman", "Scotland") in offices(body, when(2005, 2, 1))


def test_the_longest_office_of_a_lede_is_the_one_introduced() -> None:
    body = (
        "Scotland's justice minister has warned bigoted fans.\n\nCathy Jamieson said exclusion "
        "orders are being considered in the Scottish Executive campaign."
    )
    assert ("Cathy Jamieson", "justice minister", "Scotland") in offices(body, when(2005, 2, 1))


def test_supreme_court_justices_by_the_table_of_the_court() -> None:
    body = (
        "A class action against Wal-Mart may soon be dismissed, judging by the oral arguments "
        "before the Supreme Court on Tuesday. Justice Anthony Kennedy said he was troubled by "
        "an inconsistency. Chief Justice John Roberts also offered his doubts."
    )
    found = offices(body, when(2011, 3, 29))
    assert ("Anthony Kennedy", "Justice", "United States") in found
    assert ("John Roberts", "Chief Justice", "United States") in found
    # By full name only: "Justice Kennedy" alone may be any country's judge.
    assert minister_country("Kennedy", date(2011, 3, 29), "Justice") is None


def test_a_generational_suffix_is_no_surname() -> None:
    body = (
        "Vice President Joseph R. Biden Jr. planned to return to Capitol Hill this afternoon "
        "to meet House Democrats about the tax compromise."
    )
    assert ("Joseph R. Biden Jr.", "Vice President", "United States") in offices(
        body, when(2010, 12, 8)
    )


def test_president_trump_is_not_the_son_the_text_names_in_full() -> None:
    body = (
        "President Trump on Friday reversed the decision to allow elephant trophies. "
        "The president's son Donald Trump Jr. is an avid hunter."
    )
    found = offices(body, when(2017, 11, 17))
    assert ("Trump", "President", "United States") in found
    assert not any(name == "Donald Trump Jr." for name, _, _ in found)


def test_a_seat_of_government_after_a_title_is_no_name() -> None:
    body = (
        '"There are no allegations of knowing involvement," said Lindsay Walters, the deputy '
        "White House press secretary. House Democratic Leader Nancy Pelosi, D-Calif., said the "
        "stakes could not be higher. Hackers stole emails of the Democratic Party."
    )
    found = offices(body, when(2018, 7, 13))
    assert ("Lindsay Walters", "deputy press secretary", "United States") in found
    assert ("Nancy Pelosi", "House Democratic Leader", "United States") in found
    assert not any(name == "White House" for name, _, _ in found)


def test_an_aide_of_the_office_ranked_by_adjectives() -> None:
    body = (
        "WASHINGTON - President Obama met Democrats on Monday. David Axelrod, the president's top "
        "political adviser, said on CNN that the deal was good for the country."
    )
    assert ("David Axelrod", "adviser", "United States") in offices(body, when(2010, 12, 8))


def test_a_seat_the_table_never_knew_in_an_undated_report_bounded_by_another_office() -> None:
    # Undated, but no older than President Obama's term: the table, complete only from
    # 2013, does not bound Rep. Seel's seat; no one in Congress ever had his name.
    body = (
        "An Arizona lawmaker who wrote a bill requiring candidates to prove their "
        'citizenship will meet Donald Trump. "Of course I was surprised," said the '
        "legislator, Representative Carl Seel. The Arizona House passed his bill on "
        "Tuesday, a challenge to President Obama's birth certificate."
    )
    assert ("Carl Seel", "Representative", "Arizona") in offices(body)


def test_a_lower_case_noun_refers_to_the_body_named_before() -> None:
    body = (
        "WASHINGTON - The FBI fired agent Peter Strzok on Friday. His lawyer said bureau "
        "Deputy Director David Bowdich overruled the disciplinary office."
    )
    assert ("David Bowdich", "Deputy Director", "United States") in offices(body, when(2018, 8, 13))


def test_white_house_counsel_keeps_its_seat() -> None:
    body = (
        'But the report, by White House Counsel Robert Bauer, concluded that "allegations '
        'of improper conduct rest on factual errors."'
    )
    assert ("Robert Bauer", "White House Counsel", "United States") in offices(
        body, when(2010, 6, 3)
    )


def test_a_committee_chair_is_named_with_the_committee() -> None:
    body = (
        "WASHINGTON - Six Democratic chairmen wrote to the attorney general on Friday: House "
        "Judiciary Committee Chairman Jerrold Nadler (D-N.Y.) and Financial Services "
        "Committee Chairwoman Maxine Waters (D-Calif.) asked for the full report."
    )
    found = offices(body, when(2019, 3, 22))
    assert ("Jerrold Nadler", "House Judiciary Committee Chairman", "United States") in found
    assert ("Maxine Waters", "Financial Services Committee Chairwoman", "United States") in found


def test_liberals_in_a_us_story_are_no_australian_party() -> None:
    # "Liberals Fume": the word, not the Liberal Party of Australia, whose signal would make
    # the Senate Australia's.
    body = (
        "\nLiberals Fume At 'Worst Negotiator' Chuck Schumer After Deal To End Shutdown\n\n"
        "WASHINGTON ― Democrats provided votes to fund the government on Monday in exchange "
        "for an assurance from Senate Majority Leader Mitch McConnell (R-Ky.) that he would "
        "put an immigration bill on the floor in the coming weeks."
    )
    found = offices(body, when(2018, 1, 22))
    assert {where for name, _, where in found if name == "Mitch McConnell"} == {"United States"}


def test_the_liberals_of_an_australian_story_still_count() -> None:
    body = (
        "The Liberals will hold a party room meeting in Canberra on Tuesday. Prime Minister "
        "John Howard said the Senate would pass the bill before Christmas."
    )
    assert ("John Howard", "Prime Minister", "Australia") in offices(body, when(2001, 11, 20))


@pytest.mark.parametrize(
    "body",
    [
        "The Federal Government says new fuel standards will cut toxic emissions. The Federal "
        "Minister for the Environment, David Kemp, says inspectors will sample fuel at "
        "refineries across the country.",
        "The Federal Opposition wants tougher penalties for ships which spill oil. Shadow "
        "Environment Minister Kelvin Thomson says better deterrents are needed.",
    ],
)
def test_the_federal_government_capitalized_is_australias(body: str) -> None:
    # No state, city or party of Australia is named: only its style of naming the
    # Commonwealth's institutions places the minister.
    assert {place for _, _, place in offices(body)} == {"Australia"}


def test_a_lower_case_federal_government_places_nothing() -> None:
    body = (
        "The federal government says new fuel standards will cut toxic emissions. Environment "
        "Minister David Kemp says inspectors will sample fuel at refineries."
    )
    assert {place for _, _, place in offices(body)} == {""}


def test_an_australian_commonwealth_bodys_officer() -> None:
    # Centrelink names no place: the list of Commonwealth bodies makes it Australia's.
    body = (
        "Centrelink is urging people affected by job cuts to seek information about their "
        "income support options. Centrelink finance information officer Peter Murray says "
        "those facing uncertain futures should come in."
    )
    assert offices(body) == {("Peter Murray", "finance information officer", "Australia")}


def test_an_interim_president_the_table_knows_as_president() -> None:
    body = (
        "Interim President Hamid Karzai and his 29 fellow cabinet members are looking to "
        "start rebuilding the war-ravaged economy."
    )
    assert offices(body) == {("Hamid Karzai", "Interim President", "Afghanistan")}


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Fernando de la Rua", "AR"),
        ("Dilma Rousseff", "BR"),
        ("Asif Ali Zardari", "PK"),
        ("Abdullah Gul", "TR"),
        ("Mohamed Morsi", "EG"),
        ("Mohammad Khatami", "IR"),
    ],
)
def test_the_heads_of_state_table_holds_each_countrys_presidents_since_2000(
    name: str, country: str
) -> None:
    assert minister_country(name, None, "President") == country


def test_an_undated_foreign_president_the_table_knows() -> None:
    body = (
        "The death toll in the food riots has risen to 20. President Fernando de la Rua has "
        "called on the opposition to take part in a government of national unity."
    )
    assert offices(body) == {("Fernando de la Rua", "President", "Argentina")}
