"""A generator of realistic synthetic news corpora in the seeds' formats, deterministic by seed.

Run: .venv/bin/python -m benchmarks.corpus OUT --articles 1000 [--seed 1]
Two thirds are front matter with related articles, one third plain text; bodies of
300-1,200 words mix officials with roles, cities, cited outlets, organizations and quotes.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path

FIRST = [
    "Maria",
    "James",
    "Aisha",
    "Daniel",
    "Sofia",
    "Kenji",
    "Laura",
    "Omar",
    "Grace",
    "Pedro",
    "Elena",
    "Samuel",
    "Priya",
    "Thomas",
    "Hannah",
    "Luis",
    "Mei",
    "Robert",
    "Fatima",
    "Victor",
]
LAST = [
    "Alvarez",
    "Bennett",
    "Chen",
    "Dubois",
    "Okafor",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Johansson",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "O'Brien",
    "Patel",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Underwood",
    "Vargas",
    "Whitaker",
    "Young",
    "Zimmerman",
]
CITIES = [
    "New York City",
    "Los Angeles",
    "Chicago",
    "Houston",
    "Phoenix",
    "Philadelphia",
    "San Antonio",
    "San Diego",
    "Dallas",
    "Seattle",
    "Boston",
    "Denver",
    "Miami",
    "Atlanta",
    "Portland",
    "San Francisco",
    "Detroit",
    "Baltimore",
    "Toronto",
    "London",
    "Sydney",
    "Paris",
    "Berlin",
]
ROLES = [
    "Mayor",
    "Police Commissioner",
    "city council member",
    "Governor",
    "Senator",
    "spokesperson",
    "district attorney",
    "fire chief",
    "school superintendent",
]
OUTLETS = [
    ("The New York Times", "nytimes.com"),
    ("Politico", "politico.com"),
    ("CNN", "cnn.com"),
    ("Reuters", "reuters.com"),
    ("The Washington Post", "washingtonpost.com"),
    ("Associated Press", "apnews.com"),
    ("NPR", "npr.org"),
    ("The Guardian", "theguardian.com"),
]
ORGS = [
    "the American Civil Liberties Union",
    "the Federal Bureau of Investigation",
    "Amazon",
    "Microsoft",
    "the Electronic Frontier Foundation",
    "the Department of Justice",
    "Google",
    "the city council",
    "the Surveillance Technology Oversight Project",
    "the National Institute of Standards and Technology",
]
TOPICS = ["AI", "Computer Vision", "Privacy", "Policing", "Civil Liberties", "Local Government"]
FILLER = [
    "The proposal drew sharp criticism from residents who attended the hearing on Tuesday.",
    "Supporters argue that the technology helps investigators close cases faster.",
    "Critics say the system misidentifies people and has never been independently audited.",
    "The budget for the program grew by several million dollars over the past two years.",
    "Officials did not say when a final decision would be made.",
    "Several neighborhoods have already installed the cameras on street corners.",
    "The vendor declined to answer detailed questions about its training data.",
    "Lawmakers in other states are watching the debate closely.",
    "A similar measure failed last year after a long public comment period.",
    "The department said it would publish a report on the program's results.",
]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def body(rng: random.Random) -> str:
    """300-1,200 words of news prose with officials, places, outlets, organizations and quotes."""
    target = rng.randint(300, 1200)
    sentences: list[str] = []
    words = 0
    while words < target:
        city = rng.choice(CITIES)
        person, role = _name(rng), rng.choice(ROLES)
        outlet, _ = rng.choice(OUTLETS)
        org = rng.choice(ORGS)
        template = rng.randrange(8)
        if template == 0:
            sentence = f"{city} {role} {person} said the plan would move forward this spring."
        elif template == 1:
            sentence = (
                f"“We have to get this right for the people of {city},” said {person}, the {role}."
            )
        elif template == 2:
            sentence = (
                f"According to {outlet}, {org} has raised concerns about the program in {city}."
            )
        elif template == 3:
            sentence = (
                f'"This is about public safety and about trust," {person} told {outlet}. '
                f'"Nobody wants a system that fails quietly."'
            )
        elif template == 4:
            sentence = f"{person}, a spokesperson for {org}, said the group would press for limits."
        elif template == 5:
            sentence = (
                f"{outlet} reported that officials in {city} had used the tool hundreds of times."
            )
        else:
            sentence = rng.choice(FILLER)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return "\n\n".join(paragraphs)


def front_matter(rng: random.Random, index: int) -> str:
    """One front-matter article with two or three related articles."""
    outlet, domain = rng.choice(OUTLETS)
    city = rng.choice(CITIES)
    title = f"{city} weighs new limits on facial recognition, {rng.choice(ROLES)} says"
    lines = [
        "---",
        "category: news",
        f'title: "{title} ({index})"',
        f'excerpt: "Officials in {city} debated the program again this week."',
        f"publishedDateTime: 2021-{1 + index % 12:02d}-{1 + index % 28:02d}"
        f"T{index % 24:02d}:00:00Z",
        f'webUrl: "https://www.{domain}/2021/story-{index}"',
        f'ampWebUrl: "https://www.{domain}/2021/story-{index}/amp/"',
        "type: article",
        f"quality: {rng.randint(1, 100)}",
        "provider:",
        f"  name: {outlet}",
        f"  domain: {domain}",
        "topics:",
        *(f"  - {t}" for t in rng.sample(TOPICS, 2)),
        "related:",
    ]
    for related in range(rng.randint(2, 3)):
        other, other_domain = rng.choice(OUTLETS)
        lines += [
            f'  - title: "{_name(rng)} questions the {rng.choice(CITIES)} program"',
            f'    excerpt: "The {rng.choice(ROLES)} spoke to reporters on Monday."',
            f"    publishedDateTime: 2021-{1 + index % 12:02d}-{1 + related:02d}T10:00:00Z",
            f'    webUrl: "https://www.{other_domain}/2021/related-{index}-{related}"',
            "    provider:",
            f"      name: {other}",
            f"      domain: {other_domain}",
        ]
    return "\n".join(lines) + "\n---\n\n" + body(rng) + "\n"


def generate(folder: Path, articles: int, seed: int = 1) -> list[Path]:
    """Write ``articles`` files into ``folder`` (in subfolders of 1,000) and return them."""
    rng = random.Random(seed)
    written = []
    for index in range(articles):
        sub = folder / f"{index // 1000:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        if index % 3 == 2:
            path = sub / f"article-{index:07d}.txt"
            path.write_text(body(rng) + "\n")
        else:
            path = sub / f"article-{index:07d}.md"
            path.write_text(front_matter(rng, index))
        written.append(path)
    return written


def record(rng: random.Random, index: int) -> dict[str, object]:
    """One article as a news API's JSON record (the names of the seeds' front matter)."""
    outlet, domain = rng.choice(OUTLETS)
    city = rng.choice(CITIES)
    return {
        "title": f"{city} weighs new limits on facial recognition ({index})",
        "excerpt": f"Officials in {city} debated the program again this week.",
        "publishedDateTime": (
            f"2021-{1 + index % 12:02d}-{1 + index % 28:02d}T{index % 24:02d}:00:00Z"
        ),
        "webUrl": f"https://www.{domain}/2021/story-{index}",
        "provider": {"name": outlet, "domain": domain},
        "topics": rng.sample(TOPICS, 2),
        "body": body(rng),
    }


def json_lines(articles: int, seed: int = 1, *, first: int = 0) -> Iterator[str]:
    """``articles`` JSON Lines records (each a line with its newline), deterministic by seed,
    numbered (in titles and URLs) from ``first``."""
    rng = random.Random(seed)
    for index in range(first, first + articles):
        yield json.dumps(record(rng, index), ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = generate(args.output, args.articles, args.seed)
    words = sum(len(path.read_text().split()) for path in files)
    print(f"wrote {len(files):,} articles ({words:,} words) into {args.output}")


if __name__ == "__main__":
    main()
