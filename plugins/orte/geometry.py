"""Plane geometry of the boundary map: projection, shared borders, simplification, SVG paths.

Everything here is pure and deterministic (same input, same bytes), so the map is the same in
every build. Neighbouring Gemeinden share their border vertices in the boundary file; the
border is cut into arcs between junctions and each arc is simplified once, so both neighbours
get the very same simplified line and no gap or overlap opens between them.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
Ring = list[Point]


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude to canvas units: equirectangular, x scaled by the cosine of the middle
    latitude. For an area of 25 km the distortion is far below a pixel."""

    lon_min: float
    lat_max: float
    shrink: float  # cos(middle latitude)
    scale: float  # canvas units per degree of latitude
    offset_x: float
    offset_y: float

    @classmethod
    def fit(cls, rings: Iterable[Ring], width: float, margin: float) -> Projection:
        """The projection that fits all `rings` (lon, lat) into `width`, `margin` on each side."""
        points = [point for ring in rings for point in ring]
        lons = [lon for lon, _ in points]
        lats = [lat for _, lat in points]
        shrink = math.cos(math.radians((min(lats) + max(lats)) / 2))
        scale = (width - 2 * margin) / ((max(lons) - min(lons)) * shrink)
        return cls(min(lons), max(lats), shrink, scale, margin, margin)

    def __call__(self, lon: float, lat: float) -> Point:
        return (
            self.offset_x + (lon - self.lon_min) * self.shrink * self.scale,
            self.offset_y + (self.lat_max - lat) * self.scale,
        )

    def height(self, rings: Iterable[Ring]) -> float:
        """Canvas height that holds `rings` with the same margin below as above."""
        lat_min = min(lat for ring in rings for _, lat in ring)
        return self(self.lon_min, lat_min)[1] + self.offset_y


# --- shared borders -----------------------------------------------------------------------------


def split_into_arcs(rings: Sequence[Ring]) -> tuple[list[tuple[Point, ...]], list[list[tuple[int, bool]]]]:
    """Cut each closed ring into arcs at junctions; return the arcs and per ring (arc id, reversed).

    A junction is a vertex with other than two distinct neighbours over all rings: where three
    Gemeinden meet, or where a shared border meets the outer edge. `arcs` holds each arc once,
    in a canonical direction, so a border shared by two rings is one arc used twice.
    """
    neighbours: dict[Point, set[Point]] = defaultdict(set)
    for ring in rings:
        for index, point in enumerate(ring[:-1]):
            neighbours[point].add(ring[index - 1] if index else ring[-2])
            neighbours[point].add(ring[index + 1])
    arcs: list[tuple[Point, ...]] = []
    arc_ids: dict[tuple[Point, ...], int] = {}
    result = []
    for ring in rings:
        open_ring = ring[:-1]
        junctions = [index for index, point in enumerate(open_ring) if len(neighbours[point]) != 2]
        start = junctions[0] if junctions else _lowest_vertex(open_ring)
        rotated = open_ring[start:] + open_ring[:start] + [open_ring[start]]
        cut_at = {index - start if index >= start else index - start + len(open_ring) for index in junctions}
        cut_at |= {0, len(open_ring)}
        cuts = sorted(cut_at)
        ring_arcs = []
        for begin, end in itertools.pairwise(cuts):
            arc = tuple(rotated[begin : end + 1])
            backwards = arc[::-1]
            canonical, is_reversed = (arc, False) if arc <= backwards else (backwards, True)
            if canonical not in arc_ids:
                arc_ids[canonical] = len(arcs)
                arcs.append(canonical)
            ring_arcs.append((arc_ids[canonical], is_reversed))
        result.append(ring_arcs)
    return arcs, result


def _lowest_vertex(ring: Ring) -> int:
    return min(range(len(ring)), key=lambda index: ring[index])


@dataclass(frozen=True)
class Topology:
    """Rings as sequences of shared arcs."""

    arcs: list[tuple[Point, ...]]
    rings: list[list[tuple[int, bool]]]  # per ring: (arc id, reversed)

    @classmethod
    def from_rings(cls, rings: Sequence[Ring]) -> Topology:
        return cls(*split_into_arcs(rings))

    def outer_arcs(self) -> list[int]:
        """Arcs used by one ring only: the outline of all rings together."""
        uses: dict[int, int] = defaultdict(int)
        for ring in self.rings:
            for arc_id, _ in ring:
                uses[arc_id] += 1
        return [arc_id for arc_id in range(len(self.arcs)) if uses[arc_id] == 1]

    def outline(self, arcs: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
        """The outline of all rings as closed rings, chained from the outer arcs (simplified `arcs`)."""
        outer = set(self.outer_arcs())
        following: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for ring in self.rings:
            for arc_id, is_reversed in ring:
                if arc_id in outer:
                    line = arcs[arc_id][::-1] if is_reversed else arcs[arc_id]
                    following[line[0]] = line
        rings = []
        while following:
            start = min(following)
            ring = following.pop(start)
            while ring[-1] != start:
                ring = ring + following.pop(ring[-1])[1:]
            rings.append(ring)
        return rings

    def simplified(self, transform, tolerance: float) -> list[list[tuple[int, int]]]:
        """Every arc transformed to the canvas, simplified and rounded to whole units."""
        return [round_line(simplify([transform(*point) for point in arc], tolerance)) for arc in self.arcs]

    def ring_points(self, ring_index: int, arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """The closed ring `ring_index` rebuilt from (simplified) arcs."""
        points: list[tuple[int, int]] = []
        for arc_id, is_reversed in self.rings[ring_index]:
            line = arcs[arc_id][::-1] if is_reversed else arcs[arc_id]
            points.extend(line if not points else line[1:])
        return points


# --- simplification and SVG path data -------------------------------------------------------------


def simplify(line: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: keep the vertices that lie further than `tolerance` from the simplified line.

    The end points always stay, so arcs keep meeting at their junctions.
    """
    if len(line) < 3:
        return list(line)
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            candidate = segment_distance(line[index], line[first], line[last])
            if candidate > distance:
                farthest, distance = index, candidate
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(line, keep, strict=True) if kept]


def round_line(line: Sequence[Point]) -> list[tuple[int, int]]:
    """Round to whole canvas units and drop the repeated points rounding creates."""
    rounded: list[tuple[int, int]] = []
    for x, y in line:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded


def segment_distance(point: Point, start: Point, end: Point) -> float:
    """Distance of `point` from the segment start–end."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def path_data(lines: Iterable[Sequence[tuple[int, int]]], closed: bool = False) -> str:
    """SVG path data in relative steps: "M12 30l4-2 3 1z" – the shortest form of whole numbers."""
    parts = []
    for line in lines:
        (x, y), rest = line[0], line[1:]
        if closed and rest and rest[-1] == line[0]:
            rest = rest[:-1]
        steps = []
        for next_x, next_y in rest:
            steps.append(_pair(next_x - x, next_y - y))
            x, y = next_x, next_y
        part = f"M{_pair(*line[0])}"
        if steps:
            part += "l" + "".join(_join(steps))
        parts.append(part + ("z" if closed else ""))
    return "".join(parts)


def _pair(x: int, y: int) -> str:
    return f"{x}{'' if y < 0 else ' '}{y}"


def _join(steps: list[str]) -> Iterable[str]:
    """Separate pairs by a space, which a leading minus sign makes unnecessary."""
    for index, step in enumerate(steps):
        yield step if index == 0 or step.startswith("-") else " " + step


# --- polygons -------------------------------------------------------------------------------------


def contains(ring: Sequence[Point], x: float, y: float) -> bool:
    """Whether (x, y) lies inside the closed ring (even–odd rule)."""
    inside = False
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def boundary_distance(ring: Sequence[Point], x: float, y: float) -> float:
    """Distance from (x, y) to the ring's boundary (`segment_distance` inlined: a hot loop)."""
    best = math.inf
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = ((x - ax) * dx + (y - ay) * dy) / length if length else 0.0
        t = 0.0 if t < 0 else 1.0 if t > 1 else t
        ex, ey = x - ax - t * dx, y - ay - t * dy
        squared = ex * ex + ey * ey
        if squared < best:
            best = squared
    return math.sqrt(best)


def visual_centre(ring: Sequence[Point], precision: float = 1.0) -> Point:
    """The point inside the ring furthest from its boundary ("pole of inaccessibility").

    Label placement starts there: the centroid of a curved Gemeinde can lie outside it. Cells
    are searched best first (after Mapbox's polylabel); ties resolve by position, so the result
    is deterministic.
    """
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    size = max(max(xs) - min(xs), max(ys) - min(ys)) / 2

    def cell(x: float, y: float, half: float) -> tuple[float, float, float, float, float]:
        distance = boundary_distance(ring, x, y) * (1 if contains(ring, x, y) else -1)
        return (-(distance + half * math.sqrt(2)), -distance, x, y, half)

    best_x, best_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    best = boundary_distance(ring, best_x, best_y) if contains(ring, best_x, best_y) else -math.inf
    queue = [cell(best_x, best_y, size)]
    while queue:
        potential, distance, x, y, half = heapq.heappop(queue)
        if -distance > best:
            best, best_x, best_y = -distance, x, y
        if -potential - best <= precision:
            continue
        half /= 2
        for dx in (-half, half):
            for dy in (-half, half):
                heapq.heappush(queue, cell(x + dx, y + dy, half))
    return best_x, best_y


class Scanlines:
    """A ring cut into horizontal spans every `step` units: a fast, approximate `contains`.

    Label placement asks "is this spot inside?" a hundred thousand times; the exact test walks
    every edge, this one looks up one row's one or two spans.
    """

    def __init__(self, ring: Sequence[Point], step: float = 1.0):
        self.step = step
        self.top = min(y for _, y in ring)
        rows = math.ceil((max(y for _, y in ring) - self.top) / step) + 1
        crossings: list[list[float]] = [[] for _ in range(rows)]
        for (ax, ay), (bx, by) in itertools.pairwise(ring):
            if ay == by:
                continue
            # The rows whose middle line (top + (row + 0.5) * step) this edge crosses.
            low, high = min(ay, by), max(ay, by)
            first = max(0, math.ceil((low - self.top) / step - 0.5))
            for row in range(first, rows):
                y = self.top + (row + 0.5) * step
                if y >= high:
                    break
                if y >= low:
                    crossings[row].append(ax + (y - ay) * (bx - ax) / (by - ay))
        self.rows = [list(itertools.pairwise(sorted(row)))[::2] for row in crossings]

    def contains(self, x: float, y: float) -> bool:
        row = int((y - self.top) // self.step)
        if row < 0 or row >= len(self.rows):
            return False
        return any(left <= x < right for left, right in self.rows[row])
