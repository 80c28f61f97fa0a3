"""Geometry of the places' map, computed at build time: no tiles, no request to another host.

Projects WGS84 coordinates onto an SVG canvas (equirectangular, scaled by the cosine of the
middle latitude: accurate enough for an area of 20 km) and places each name beside its point
where it collides with no other name or point. A name that finds no free place is not drawn;
its point stays a link with an accessible name, and the list beside the map names every place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .model import PlaceRecord

MAP_WIDTH = 720
MAP_PADDING = 16
POINT_RADIUS = 6
FONT_SIZE = 15
# Average glyph width of the sans-serif font relative to its size; a safe over-estimate.
GLYPH_WIDTH = 0.58
LABEL_GAP = 4


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )

    def inside(self, width: float, height: float) -> bool:
        return self.left >= 0 and self.top >= 0 and self.right <= width and self.bottom <= height


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    anchor: str  # SVG text-anchor: start, middle or end


@dataclass(frozen=True)
class MapPoint:
    slug: str
    x: float
    y: float
    label: Label | None  # None: no free place for the name on the overview map


@dataclass(frozen=True)
class MapLayout:
    width: int
    height: int
    points: dict[str, MapPoint]  # by slug; places without coordinates are absent
    point_radius: int = POINT_RADIUS
    font_size: int = FONT_SIZE

    def locator_label(self, slug: str) -> Label:
        """Where the name goes on a place's small locator map: towards the map's centre."""
        point = self.points[slug]
        if point.x > self.width / 2:
            return Label(round(point.x - 2 * POINT_RADIUS, 1), round(point.y + 5, 1), "end")
        return Label(round(point.x + 2 * POINT_RADIUS, 1), round(point.y + 5, 1), "start")


def project(records: list[PlaceRecord], width: int = MAP_WIDTH) -> tuple[dict[str, tuple[float, float]], int]:
    """Return {slug: (x, y)} on a canvas `width` wide, and the canvas height."""
    located = [record for record in records if record.coordinates]
    if not located:
        return {}, 0
    lats = [record.coordinates.lat for record in located]
    lons = [record.coordinates.lon for record in located]
    shrink = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = max((max(lons) - min(lons)) * shrink, 1e-6)
    span_y = max(max(lats) - min(lats), 1e-6)
    scale = (width - 2 * MAP_PADDING) / span_x
    height = math.ceil(span_y * scale + 2 * MAP_PADDING)
    positions = {
        record.slug: (
            round(MAP_PADDING + (record.coordinates.lon - min(lons)) * shrink * scale, 1),
            round(MAP_PADDING + (max(lats) - record.coordinates.lat) * scale, 1),
        )
        for record in located
    }
    return positions, height


def label_candidates(name: str, x: float, y: float) -> list[tuple[Label, Box]]:
    """Positions for a name around its point, in order of preference: right, left, above, below."""
    text_width = len(name) * FONT_SIZE * GLYPH_WIDTH
    offset = POINT_RADIUS + LABEL_GAP
    ascent, descent = FONT_SIZE * 0.75, FONT_SIZE * 0.25
    middle = y + FONT_SIZE * 0.35  # baseline that centres the text on the point
    above = y - offset - descent
    below = y + offset + ascent
    candidates = [
        (
            Label(x + offset, middle, "start"),
            Box(x + offset, middle - ascent, x + offset + text_width, middle + descent),
        ),
        (
            Label(x - offset, middle, "end"),
            Box(x - offset - text_width, middle - ascent, x - offset, middle + descent),
        ),
        (
            Label(x, above, "middle"),
            Box(x - text_width / 2, above - ascent, x + text_width / 2, above + descent),
        ),
        (
            Label(x, below, "middle"),
            Box(x - text_width / 2, below - ascent, x + text_width / 2, below + descent),
        ),
    ]
    return [(Label(round(label.x, 1), round(label.y, 1), label.anchor), box) for label, box in candidates]


def layout_map(records: list[PlaceRecord], width: int = MAP_WIDTH) -> MapLayout:
    """Project every place with coordinates and find a free spot for each name."""
    positions, height = project(records, width)
    names = {record.slug: record.name for record in records}
    point_boxes = {
        slug: Box(x - POINT_RADIUS - 1, y - POINT_RADIUS - 1, x + POINT_RADIUS + 1, y + POINT_RADIUS + 1)
        for slug, (x, y) in positions.items()
    }
    taken: list[Box] = []
    points = {}
    # Crowded places first: they have the fewest free spots.
    for slug in sorted(positions, key=lambda slug: _crowding(slug, positions)):
        x, y = positions[slug]
        obstacles = taken + [box for other, box in point_boxes.items() if other != slug]
        label = None
        for candidate, box in label_candidates(names[slug], x, y):
            if box.inside(width, height) and not any(box.overlaps(other) for other in obstacles):
                label = candidate
                taken.append(box)
                break
        points[slug] = MapPoint(slug, x, y, label)
    return MapLayout(width=width, height=height, points={slug: points[slug] for slug in positions})


def _crowding(slug: str, positions: dict[str, tuple[float, float]]) -> tuple[float, str]:
    x, y = positions[slug]
    nearest = min((math.dist((x, y), other) for key, other in positions.items() if key != slug), default=0)
    return (nearest, slug)
