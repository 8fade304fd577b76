"""Sets of IRIs at 16 bytes each: BLAKE2b digests in a sorted numpy array.

The streaming views of a graph (the property graph, the HTML view) read its
N-Triples lines more than once; what they remember between passes are sets of
IRIs, kept this way. An IRI's position in the sorted array is its ordinal.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

DIGEST = np.dtype("S16")


def digest(iri: bytes) -> bytes:
    """The 16-byte BLAKE2b digest of an IRI's UTF-8 bytes."""
    return hashlib.blake2b(iri, digest_size=16).digest()


def subject_of(line: bytes) -> bytes:
    """The subject (``<iri>`` or ``_:label``) of an N-Triples line in Oxigraph's canonical
    form (kg.terms: IRIs unescaped, terms one space apart)."""
    return line[: line.index(b" ")]


def packed(digests: Sequence[bytes]) -> npt.NDArray[np.bytes_]:
    """Digests as an array, ready for ``DigestIndex.ordinals``."""
    return np.frombuffer(b"".join(digests), dtype=DIGEST)


class DigestIndex:
    """A sorted set of digests; ``ordinals`` finds many of them at once."""

    def __init__(self, digests: Iterable[bytes]) -> None:
        joined = bytearray()
        for one in digests:
            joined += one
        self.digests = np.unique(np.frombuffer(bytes(joined), dtype=DIGEST))

    def __len__(self) -> int:
        return len(self.digests)

    def ordinals(self, wanted: npt.NDArray[np.bytes_]) -> npt.NDArray[np.int64]:
        """The ordinal of each wanted digest, -1 where it is not in the set."""
        if not len(wanted) or not len(self.digests):
            return np.full(len(wanted), -1, dtype=np.int64)
        where = np.minimum(np.searchsorted(self.digests, wanted), len(self.digests) - 1)
        return np.where(self.digests[where] == wanted, where, -1).astype(np.int64)

    def ordinal(self, iri: bytes) -> int:
        """The ordinal of one IRI (its UTF-8 bytes), -1 if it is not in the set."""
        return int(self.ordinals(packed([digest(iri)]))[0])
