"""Quote speakers by evidence: for each kind of evidence that decided a quotation's speaker
(``Quotation.evidence``: "after:name-before-verb", "before:pronoun:main-subject",
"unattributed:last-sayer" ...), how many quotations it gave a speaker, how many of them
are right by the labels, and its precision; and for the evidence that gave no one, how
many labelled speakers it lost.

Run: .venv/bin/python -m benchmarks.quote_evidence FOLDER... [--show EVIDENCE [--right]]
(e.g. tests/data/development tests/data/development-wire tests/data/development-abc
tests/data/labelled). ``--show`` prints the quotations of one kind of evidence (a prefix)
that are wrong or lost, with their file (``--right``: the right ones too). Development
sets only: the blind and held-out sets are refused, so that they stay blind.

A quotation is matched to the labels as ``kg eval`` does: a labelled quotation whose
folded opening words lie inside its text. Wrong is one of: "person" (the labels name
another speaker), "none" (the labels name no speaker), "no-quote" (no labelled quotation:
a scare quote, a title, a quotation the labeller did not count).
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.errors import is_blind
from kg.evaluate import load_labels
from kg.extract import Context, pipeline
from kg.extract.quotes import quotations, quote_ref
from kg.model import Article, Ref
from kg.namespaces import SDO
from kg.readers import read_file
from kg.text import fold


def _measure(
    folders: list[Path], show: str | None, everything: bool = False
) -> tuple[dict[str, Counter[str]], list[str]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    shown: list[str] = []
    steps = pipeline()
    for folder in folders:
        for label in load_labels(folder):
            gold = [
                (fold(q["opening"]), fold(q["speaker"]) if q["speaker"] else None, q)
                for q in label.data.get("quotes") or []
            ]
            for article in read_file(str(label.path)):
                if not isinstance(article, Article):
                    continue
                context = Context(article=article)
                for step in steps:
                    context.found[step.name] = list(step(article, context))
                names: dict[str, set[str]] = defaultdict(set)
                for facts in context.found.values():
                    for f in facts:
                        if str(f.predicate) in (str(SDO.name), str(SDO.alternateName)):
                            names[f.subject.key].add(fold(str(f.object)))
                seen: set[Ref] = set()
                for q in quotations(context):
                    ref = quote_ref(q.field.article, q.text)
                    if ref in seen:
                        continue
                    seen.add(ref)
                    folded = fold(q.text)
                    matches = [(o, s) for o, s, _ in gold if o and o in folded]
                    wanted = {s for _, s in matches if s}
                    if q.speaker is not None:
                        said = names.get(q.speaker.ref.key, set()) | {fold(q.speaker.name)}
                        if wanted & said:
                            outcome = "right"
                        elif wanted:
                            outcome = "wrong:person"
                        elif matches:
                            outcome = "wrong:none"
                        else:
                            outcome = "wrong:no-quote"
                        who = q.speaker.name
                    else:
                        outcome = "lost" if wanted else "right-none"
                        who = "-"
                    table[q.evidence][outcome] += 1
                    if (
                        show is not None
                        and q.evidence.startswith(show)
                        and outcome not in ("right-none", *(() if everything else ("right",)))
                    ):
                        shown.append(
                            f"{label.source.parent.name}/{label.source.name} {outcome} "
                            f"{q.evidence} -> {who} (gold {sorted(wanted) or '-'}): "
                            f"{q.text[:70]!r}"
                        )
    return table, shown


def main(arguments: list[str]) -> None:
    show = None
    everything = "--right" in arguments
    arguments = [a for a in arguments if a != "--right"]
    if "--show" in arguments:
        at = arguments.index("--show")
        show = arguments[at + 1]
        arguments = arguments[:at] + arguments[at + 2 :]
    if not arguments:
        raise SystemExit(__doc__)
    folders = [Path(a) for a in arguments]
    blind = [str(f) for f in folders if is_blind(f)]
    if blind:
        raise SystemExit(f"refused: {', '.join(blind)} must stay blind")
    table, shown = _measure(folders, show, everything)
    print(f"command: python -m benchmarks.quote_evidence {' '.join(sys.argv[1:])}")
    print(
        f"{'evidence':<44} {'given':>5} {'right':>5} {'person':>6} {'none':>5} "
        f"{'no-quote':>8} {'P':>5} {'lost':>5} {'none ok':>7}"
    )
    total: Counter[str] = Counter()
    for evidence, counts in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        total.update(counts)
        given = sum(v for k, v in counts.items() if k == "right" or k.startswith("wrong"))
        precision = f"{counts['right'] / given:.2f}" if given else "-"
        print(
            f"{evidence or '-':<44} {given:>5} {counts['right']:>5} {counts['wrong:person']:>6} "
            f"{counts['wrong:none']:>5} {counts['wrong:no-quote']:>8} {precision:>5} "
            f"{counts['lost']:>5} {counts['right-none']:>7}"
        )
    given = sum(v for k, v in total.items() if k == "right" or k.startswith("wrong"))
    print(
        f"{'all':<44} {given:>5} {total['right']:>5} {total['wrong:person']:>6} "
        f"{total['wrong:none']:>5} {total['wrong:no-quote']:>8} "
        f"{total['right'] / max(given, 1):>5.2f} {total['lost']:>5} {total['right-none']:>7}"
    )
    for line in shown:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
