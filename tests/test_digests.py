"""Sets of IRIs as sorted digests: every member found at its ordinal, nothing else found."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.digests import DigestIndex, digest, packed, subject_of


def test_ordinals_are_positions_in_the_sorted_set_and_minus_one_elsewhere() -> None:
    members = [b"https://e.org/a", b"https://e.org/b", b"https://e.org/c", b"https://e.org/a"]
    index = DigestIndex(digest(iri) for iri in members)
    assert len(index) == 3
    found = index.ordinals(packed([digest(iri) for iri in members]))
    assert sorted(set(found.tolist())) == [0, 1, 2]
    assert found[0] == found[3]
    assert index.ordinal(b"https://e.org/z") == -1
    assert index.ordinal(b"https://e.org/b") == found[1]
    assert DigestIndex([]).ordinal(b"https://e.org/a") == -1
    assert index.ordinals(packed([])).tolist() == []


DIGESTS = st.binary(min_size=16, max_size=16)


@given(st.sets(DIGESTS, max_size=50), DIGESTS)
def test_any_digest_set_finds_exactly_its_members(members: set[bytes], other: bytes) -> None:
    # Digests that end in zero bytes too: numpy's fixed-width bytes must not lose them.
    index = DigestIndex(members | {b"\0" * 16, b"\1" + b"\0" * 15})
    found = index.ordinals(packed(sorted(members)))
    assert len(set(found.tolist())) == len(members) and (found >= 0).all()
    assert (index.ordinals(packed([other]))[0] >= 0) == (
        other in members or other in {b"\0" * 16, b"\1" + b"\0" * 15}
    )


def test_subject_of_a_canonical_line() -> None:
    assert subject_of(b'<https://e.org/a> <https://e.org/p> "x y" .\n') == b"<https://e.org/a>"
    assert subject_of(b"_:b0 <https://e.org/p> <https://e.org/o> .\n") == b"_:b0"
