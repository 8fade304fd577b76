"""Positions for a drawn graph, computed before the page opens: a seeded force layout in numpy.

A page that lays its graph out in the browser spends seconds on physics before a
reader can use it (vis-network took 5.5 s for 2,000 nodes and 10.6 s for 10,000
here). The overview is laid out when it is written instead, so the page only draws.

The forces are Fruchterman and Reingold's: springs along the edges (stronger for
heavier edges) and a repulsion between every two nodes. The repulsion on a node is
estimated at each step from a fresh random sample of other nodes (random vertex
sampling, as in Gove's "Random Vertex Sampling" for force layouts), so a step costs
O(nodes x sample + edges) and not O(nodes^2). Nodes start around the centre of
their group (community), so groups come out as regions. The random generator is
seeded: the same graph gives the same positions, and the same page bytes.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Positions = npt.NDArray[np.float64]
Integers = npt.NDArray[np.int64]


def _group_centres(groups: Integers) -> Positions:
    """A centre per group, on a sunflower spiral: the largest groups nearest the middle."""
    sizes = np.bincount(groups)
    order = np.argsort(-sizes, kind="stable")
    # Each group gets room in proportion to its size; the spiral keeps them apart.
    room = np.cumsum(sizes[order].astype(np.float64))
    radius = np.sqrt(room)
    angle = np.arange(len(order)) * np.pi * (3 - np.sqrt(5))
    centres = np.empty((len(sizes), 2))
    centres[order, 0] = radius * np.cos(angle)
    centres[order, 1] = radius * np.sin(angle)
    return centres


def force_layout(
    count: int,
    sources: Integers,
    targets: Integers,
    weights: npt.NDArray[np.float64] | Integers,
    *,
    groups: Integers | None = None,
    seed: int = 1,
    steps: int = 250,
    sample: int = 24,
) -> Positions:
    """Positions (``count`` x 2, about unit distance between neighbours) for a graph of
    ``count`` nodes and the undirected edges ``sources[i] -- targets[i]``.

    >>> positions = force_layout(3, np.array([0, 1]), np.array([1, 2]), np.array([1, 1]))
    >>> positions.shape, bool(np.isfinite(positions).all())
    ((3, 2), True)
    """
    rng = np.random.default_rng(seed)
    if count == 0:
        return np.zeros((0, 2))
    if groups is None:
        groups = np.zeros(count, dtype=np.int64)
    spread = np.sqrt(np.bincount(groups)[groups].astype(np.float64))
    angle = rng.uniform(0, 2 * np.pi, count)
    distance = spread * np.sqrt(rng.uniform(0, 1, count))
    positions = _group_centres(groups)[groups] + np.column_stack(
        (distance * np.cos(angle), distance * np.sin(angle))
    )
    if count == 1:
        return np.zeros((1, 2))
    strength = np.log1p(np.asarray(weights, dtype=np.float64))
    strength /= max(float(strength.max(initial=0.0)), 1e-9)
    strength = 0.2 + 0.8 * strength
    sample = min(sample, count - 1)
    scale = (count - 1) / sample
    degree = np.bincount(sources, minlength=count) + np.bincount(targets, minlength=count)
    start = 0.1 * np.sqrt(count)
    for step in range(steps):
        temperature = start * (1 - step / steps) + 0.01
        # Repulsion k^2/d along the unit vector, k = 1, estimated from a sample.
        others = rng.integers(0, count, (count, sample))
        delta = positions[:, None, :] - positions[others]
        squared = np.einsum("ijk,ijk->ij", delta, delta) + 1e-4
        moves = (delta / squared[..., None]).sum(axis=1) * scale
        # Springs d^2/k along the edges.
        delta = positions[sources] - positions[targets]
        pull = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) * strength)[:, None]
        for axis in (0, 1):
            moves[:, axis] -= np.bincount(sources, pull[:, axis], minlength=count)
            moves[:, axis] += np.bincount(targets, pull[:, axis], minlength=count)
        # A weak pull to the centre keeps unconnected nodes from drifting away.
        moves -= positions * (0.02 * (degree + 1))[:, None] / np.sqrt(count)
        length = np.sqrt(np.einsum("ij,ij->i", moves, moves)) + 1e-9
        positions += moves * (np.minimum(length, temperature) / length)[:, None]
    return _packed(positions, components(count, sources, targets))


def components(count: int, sources: Integers, targets: Integers) -> Integers:
    """The connected component of each node, named by its lowest node.

    >>> components(4, np.array([2]), np.array([3])).tolist()
    [0, 1, 2, 2]
    """
    labels = np.arange(count)
    while True:
        lowest = np.minimum(labels[sources], labels[targets])
        merged = labels.copy()
        np.minimum.at(merged, sources, lowest)
        np.minimum.at(merged, targets, lowest)
        merged = merged[merged]  # follow each label to its own label: fewer rounds
        if np.array_equal(merged, labels):
            return labels
        labels = merged


def _packed(positions: Positions, labels: Integers, gap: float = 1.5) -> Positions:
    """The connected parts moved next to each other, largest in the middle (a force
    layout pushes unconnected parts far apart); single nodes in rows beneath."""
    placed = np.zeros_like(positions)
    names, sizes = np.unique(labels, return_counts=True)
    order = np.lexsort((names, -sizes))
    centres: list[tuple[float, float, float]] = []  # x, y, radius of each placed part
    singles = [int(names[at]) for at in order if sizes[at] == 1]
    for at in order:
        if sizes[at] == 1:
            continue
        members = np.flatnonzero(labels == names[at])
        middle = positions[members].mean(axis=0)
        radius = float(np.sqrt(((positions[members] - middle) ** 2).sum(axis=1)).max()) + gap
        x, y = _free_spot(centres, radius, gap)
        placed[members] = positions[members] - middle + (x, y)
        centres.append((x, y, radius))
    if singles:
        bottom = max((y + radius for _, y, radius in centres), default=0.0) + gap
        width = max((2 * radius for _, _, radius in centres), default=0.0)
        per_row = max(int(width / gap), int(np.sqrt(len(singles))), 1)
        for number, node in enumerate(singles):
            row, column = divmod(number, per_row)
            placed[node] = ((column - (per_row - 1) / 2) * gap, bottom + row * gap)
    centred: Positions = placed - (placed.max(axis=0) + placed.min(axis=0)) / 2
    return centred


def _free_spot(
    centres: list[tuple[float, float, float]], radius: float, gap: float
) -> tuple[float, float]:
    """The first spot on rings around the origin where a circle of ``radius`` overlaps
    none of the placed ones."""
    if not centres:
        return 0.0, 0.0
    placed = np.array(centres)
    ring = 0
    while True:
        ring += 1
        distance = ring * gap
        steps = max(int(2 * np.pi * distance / gap), 1)
        angles = np.arange(steps) * 2 * np.pi / steps
        spots = np.column_stack((distance * np.cos(angles), distance * np.sin(angles)))
        apart = np.sqrt(((spots[:, None, :] - placed[None, :, :2]) ** 2).sum(axis=2))
        free = (apart >= placed[None, :, 2] + radius).all(axis=1)
        if free.any():
            x, y = spots[int(np.argmax(free))]
            return float(x), float(y)
