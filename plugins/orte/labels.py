"""Place every name on the map so that no name covers another name, a point or a leader line.

Each name gets a list of candidate positions with a cost: for an area its middle and positions
around it, for a point the eight classic positions beside it, and for both, positions further
out joined to the place by a leader line (costlier the longer it is). Names are placed greedily,
most constrained first, each at its cheapest position that conflicts with nothing placed so far.
A name without a free position takes the one that displaces the fewest others, which are then
placed again; finally every name moves to a cheaper free position while one exists. Candidates
and ties are ordered by position, so the same input always gives the same map.

Text widths are estimated from the advance widths of DejaVu Sans, the widest of the common
sans-serif faces (readers' phones use narrower ones), plus a safety margin.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .geometry import Point, Scanlines, segment_distance

# Advance widths of DejaVu Sans in thousandths of the font size (measured in Chromium):
# each entry is a character followed by its width.
DEJAVU_WIDTHS = """
a613 b635 c550 d635 e615 f352 g635 h634 i278 j278 k579 l278 m974 n634 o612 p635 q635 r411 s521
t392 u634 v592 w818 x592 y592 z525 ä613 ö612 ü634 ß630 A684 B686 C698 D770 E632 F575 G775 H752
I295 J295 K656 L557 M863 N748 O787 P603 Q787 R695 S635 T611 U732 V684 W989 X685 Y611 Z685 Ä684
Ö787 Ü732 -361 (390 )390 .318 ,318 /337 '275
"""
GLYPH_WIDTHS = {entry[0]: int(entry[1:]) for entry in DEJAVU_WIDTHS.split()} | {" ": 318}
WIDEST_GLYPH = 1000  # for characters not in the table
WIDTH_MARGIN = 1.04
# Vertical extent of a line of text around its baseline, in font sizes (DejaVu Sans: 0.93 / 0.24).
ASCENT, DESCENT = 0.95, 0.25
LABEL_PADDING = 2  # free space kept around every name, in canvas units


def text_width(text: str, font_size: float) -> float:
    """Upper estimate of the width of `text` set in `font_size`."""
    return sum(GLYPH_WIDTHS.get(char, WIDEST_GLYPH) for char in text) / 1000 * font_size * WIDTH_MARGIN


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box, padding: float = 0) -> bool:
        return not (
            self.right + padding <= other.left
            or other.right + padding <= self.left
            or self.bottom + padding <= other.top
            or other.bottom + padding <= self.top
        )

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height

    def grown(self, padding: float) -> Box:
        return Box(self.left - padding, self.top - padding, self.right + padding, self.bottom + padding)

    def nearest_point(self, x: float, y: float) -> Point:
        return min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)

    def crosses(self, start: Point, end: Point) -> bool:
        """Whether the segment start–end touches the box (Liang–Barsky clipping)."""
        (x0, y0), (x1, y1) = start, end
        low, high = 0.0, 1.0
        for delta, distance in (
            (-(x1 - x0), x0 - self.left),
            (x1 - x0, self.right - x0),
            (-(y1 - y0), y0 - self.top),
            (y1 - y0, self.bottom - y0),
        ):
            if delta == 0:
                if distance < 0:
                    return False
                continue
            ratio = distance / delta
            if delta < 0:
                low = max(low, ratio)
            else:
                high = min(high, ratio)
            if low > high:
                return False
        return True


@dataclass(frozen=True)
class LabelRequest:
    """A name to place. `ring` (canvas units, closed) makes it an area's name; without it, a
    point's name (`point_radius` > 0) or a name that must lie inside `within`."""

    key: str
    text: str
    anchor: Point
    ring: Sequence[Point] | None = None
    point_radius: float = 0
    within: Sequence[Point] | None = None  # a name without a point, kept inside this ring


@dataclass(frozen=True)
class Candidate:
    box: Box
    cost: float
    leader: tuple[Point, Point] | None = None  # from the label to the place


@dataclass(frozen=True)
class PlacedLabel:
    key: str
    x: float  # start of the text (text-anchor: start)
    y: float  # baseline
    box: Box
    leader: tuple[Point, Point] | None = None


class LabelsDoNotFit(Exception):
    """Raised when some name has no free position at all."""

    def __init__(self, keys: list[str]):
        super().__init__(f"no free position for: {', '.join(keys)}")
        self.keys = keys


@dataclass
class Layout:
    width: float
    height: float
    font_size: float
    obstacles: list[Box] = field(default_factory=list)  # points: no name may cover them

    def place(self, requests: Sequence[LabelRequest], rounds: int = 4000) -> list[PlacedLabel]:
        candidates = {request.key: self.candidates(request) for request in requests}
        empty = [key for key, options in candidates.items() if not options]
        if empty:
            raise LabelsDoNotFit(empty)
        order = sorted(requests, key=lambda request: (len(candidates[request.key]), request.key))
        chosen: dict[str, Candidate] = {}
        queue = [request.key for request in order]
        evictions: dict[str, int] = {}
        while queue:
            rounds -= 1
            if rounds < 0:
                raise LabelsDoNotFit(sorted(queue))
            key = queue.pop(0)
            free = next((c for c in candidates[key] if not self._conflicts(c, key, chosen)), None)
            if free is not None:
                chosen[key] = free
                continue
            # Take the position that displaces the fewest (and least displaced) other names.
            best = min(
                candidates[key],
                key=lambda c: (
                    sum(1 + evictions.get(other, 0) for other in self._conflicting(c, key, chosen)),
                    c.cost,
                ),
            )
            for other in sorted(self._conflicting(best, key, chosen)):
                del chosen[other]
                evictions[other] = evictions.get(other, 0) + 1
                queue.append(other)
            chosen[key] = best
        self._improve(order, candidates, chosen)
        return [self._placed(request, chosen[request.key]) for request in requests]

    def _improve(self, order, candidates, chosen, passes: int = 3) -> None:
        for _ in range(passes):
            moved = False
            for request in order:
                current = chosen.pop(request.key)
                better = next(
                    (
                        c
                        for c in candidates[request.key]
                        if c.cost < current.cost and not self._conflicts(c, request.key, chosen)
                    ),
                    current,
                )
                moved |= better is not current
                chosen[request.key] = better
            if not moved:
                return

    def _conflicting(self, candidate: Candidate, key: str, chosen: dict[str, Candidate]) -> list[str]:
        return [other for other, placed in chosen.items() if other != key and clash(candidate, placed)]

    def _conflicts(self, candidate: Candidate, key: str, chosen: dict[str, Candidate]) -> bool:
        return any(clash(candidate, placed) for other, placed in chosen.items() if other != key)

    def _placed(self, request: LabelRequest, candidate: Candidate) -> PlacedLabel:
        box = candidate.box
        baseline = box.bottom - DESCENT * self.font_size
        return PlacedLabel(request.key, round(box.left, 1), round(baseline, 1), box, candidate.leader)

    # --- candidates ---------------------------------------------------------------------------

    def candidates(self, request: LabelRequest) -> list[Candidate]:
        """Every admissible position of the name, cheapest first."""
        width = text_width(request.text, self.font_size)
        height = (ASCENT + DESCENT) * self.font_size
        if request.within is not None:
            raw = self._inside_candidates(request, Scanlines(request.within), width, height)
        elif request.ring is not None:
            raw = self._area_candidates(request, Scanlines(request.ring), width, height)
        else:
            raw = self._point_candidates(request, width, height)
        return sorted(raw, key=lambda c: (c.cost, c.box.left, c.box.top))

    def _admissible(self, box: Box, leader: tuple[Point, Point] | None, request: LabelRequest) -> bool:
        """Inside the canvas, clear of every point, and no leader line across a point."""
        if not box.inside(self.width, self.height):
            return False
        own = self._own_obstacle(request)
        # A name without a point keeps well away from every point, so no point looks like its own.
        keep_off = self.font_size * 0.6 if request.within is not None else LABEL_PADDING
        for obstacle in self.obstacles:
            if obstacle == own:
                if box.overlaps(obstacle):
                    return False
                continue
            if box.overlaps(obstacle, keep_off):
                return False
            if leader and obstacle.crosses(*leader):
                return False
        return True

    def _own_obstacle(self, request: LabelRequest) -> Box | None:
        if not request.point_radius:
            return None
        return point_box(request.anchor, request.point_radius)

    def _area_candidates(self, request: LabelRequest, shape: Scanlines, width: float, height: float):
        result = [
            Candidate(box, distance * 0.15 + outside_share(box, shape) * 4)
            for box, distance in self._grid(request, width, height, reach=4, row_step=0.8)
        ]
        result += self._leader_candidates(request, width, height, base_cost=2.5, shape=shape)
        return result

    def _grid(self, request: LabelRequest, width: float, height: float, reach: int, row_step: float = 1):
        """Admissible boxes centred on a grid around the anchor, with their distance in grid steps."""
        x, y = request.anchor
        step = self.font_size * 0.5
        for row in range(-reach, reach + 1):
            for column in range(-reach, reach + 1):
                box = centred_box(x + column * step, y + row * step * row_step, width, height)
                if self._admissible(box, None, request):
                    yield box, math.hypot(column, row)

    def _point_candidates(self, request: LabelRequest, width: float, height: float) -> list[Candidate]:
        x, y = request.anchor
        gap = request.point_radius + 3
        middle = y - (ASCENT - DESCENT) * self.font_size / 2  # centre of the text's box
        positions = [  # (left, top, cost): right, left, above, below, then the corners
            (x + gap, middle - height / 2, 0.0),
            (x - gap - width, middle - height / 2, 0.2),
            (x - width / 2, y - gap - height, 0.3),
            (x - width / 2, y + gap, 0.4),
            (x + gap * 0.7, y - gap * 0.7 - height, 0.5),
            (x + gap * 0.7, y + gap * 0.7, 0.6),
            (x - gap * 0.7 - width, y - gap * 0.7 - height, 0.7),
            (x - gap * 0.7 - width, y + gap * 0.7, 0.8),
        ]
        boxes = [(Box(left, top, left + width, top + height), cost) for left, top, cost in positions]
        result = [Candidate(box, cost) for box, cost in boxes if self._admissible(box, None, request)]
        result += self._leader_candidates(request, width, height, base_cost=1.5)
        return result

    def _inside_candidates(self, request: LabelRequest, shape: Scanlines, width: float, height: float):
        """A name with no known position: anywhere wholly inside its ring, near the ring's middle."""
        return [
            Candidate(box, distance * 0.1)
            for box, distance in self._grid(request, width, height, reach=12)
            if outside_share(box, shape) == 0
        ]

    def _leader_candidates(
        self,
        request: LabelRequest,
        width: float,
        height: float,
        base_cost: float,
        shape: Scanlines | None = None,
    ) -> list[Candidate]:
        """Positions further out, joined to the anchor by a line from the box's nearest edge."""
        x, y = request.anchor
        start = request.point_radius + 1 if request.point_radius else 0
        result = []
        for distance in (1.5, 2.5, 3.5, 5, 7, 9):
            reach = distance * self.font_size
            for step in range(16):
                angle = step * math.pi / 8
                centre_x = x + math.cos(angle) * (reach + width / 2)
                centre_y = y + math.sin(angle) * (reach + height / 2)
                box = centred_box(centre_x, centre_y, width, height)
                end = box.nearest_point(x, y)
                length = math.hypot(end[0] - x, end[1] - y)
                if length <= start + 2:
                    continue
                begin = (x + (end[0] - x) * start / length, y + (end[1] - y) * start / length)
                leader = (round_point(end), round_point(begin))
                if not self._admissible(box, leader, request):
                    continue
                cost = base_cost + length / self.font_size * 0.4 + step * 0.001
                if shape is not None:
                    cost += outside_share(box, shape) * 0.5
                result.append(Candidate(box, cost, leader))
        return result


def clash(first: Candidate, second: Candidate) -> bool:
    """Whether two placed names would collide: boxes, or a leader line through a name or another line.

    A leader keeps 3 units off other names: its end inside an area is drawn as a dot.
    """
    if first.box.overlaps(second.box, LABEL_PADDING):
        return True
    if first.leader and second.box.grown(3).crosses(*first.leader):
        return True
    if second.leader and first.box.grown(3).crosses(*second.leader):
        return True
    return bool(first.leader and second.leader and segments_cross(first.leader, second.leader))


def segments_cross(first: tuple[Point, Point], second: tuple[Point, Point]) -> bool:
    (a, b), (c, d) = first, second
    if (
        max(a[0], b[0]) + 2 < min(c[0], d[0])
        or max(c[0], d[0]) + 2 < min(a[0], b[0])
        or max(a[1], b[1]) + 2 < min(c[1], d[1])
        or max(c[1], d[1]) + 2 < min(a[1], b[1])
    ):
        return False  # far apart: the common case, decided without arithmetic on the lines
    if (
        min(
            segment_distance(a, c, d),
            segment_distance(b, c, d),
            segment_distance(c, a, b),
            segment_distance(d, a, b),
        )
        < 2
    ):
        return True

    def side(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0


def centred_box(x: float, y: float, width: float, height: float) -> Box:
    return Box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def point_box(centre: Point, radius: float) -> Box:
    x, y = centre
    return Box(x - radius, y - radius, x + radius, y + radius)


def outside_share(box: Box, shape: Scanlines) -> float:
    """Share of sample points of `box` (a 5×3 grid) that lie outside `shape`."""
    samples = [
        (box.left + (box.right - box.left) * column / 4, box.top + (box.bottom - box.top) * row / 2)
        for row in range(3)
        for column in range(5)
    ]
    return sum(not shape.contains(x, y) for x, y in samples) / len(samples)


def round_point(point: Point) -> Point:
    return round(point[0], 1), round(point[1], 1)
