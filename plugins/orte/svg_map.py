"""The places' maps, computed at build time from official boundaries: no tiles, no request elsewhere.

The boundaries of the 38 Gemeinden (boundaries/README.md: BKG VG250, Datenlizenz Deutschland)
are projected onto a canvas, their shared borders simplified once and rounded to whole units.
The overview map (`PlaceMap.overview`) has one area per Gemeinde, coloured by how many steps the
data records for it, a point for each Stadtteil with coordinates, and every name placed without
overlap (`labels`). A Stadtteil without coordinates gets its name inside its town, in italics
and without a point: never an invented position. The colour says only whether any step is
recorded for a place (two classes): the map shows what is known, it does not rank villages.

On a phone the whole overview would shrink its names below legibility, so it is also cut into
`REGIONS` vertical strips of equal width (`OverviewMap.regions`), each drawn full width on a
narrow screen with names placed anew inside it; the stylesheet shows either the strips or the
whole map. The strips reuse the whole map's area outlines (SVG `<use>`), so the page stays small.

Each place page gets a small locator map (`PlaceMap.locator`) with its Gemeinde, or for a
Stadtteil its town and point, highlighted, the place named and the town of Daun marked and
named as the point everybody knows.

Placing the names is most of the work of a build of the real site. A development build
with the content cache on (CACHE_CONTENT) keeps the drawn maps in CACHE_PATH, under a
name made of everything they are drawn from (the places' names, positions and step counts,
the boundaries, and the code of this module, labels.py and geometry.py), so the live preview
draws them again only when one of those changed. A production build always draws them.

Setting: `ORTE_BOUNDARIES`, the GeoJSON file of the Gemeinden (default: the file beside this
module). Every Gemeinde of the data file needs an area with exactly its name, and every area a
place; a Stadtteil's point must lie in its town. Mismatches stop the build with a `Problem`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bfb_errors import Problem

from .geometry import Point, Projection, Topology, contains, path_data, visual_centre
from .labels import Box, LabelRequest, LabelsDoNotFit, Layout, PlacedLabel, point_box
from .model import PlaceRecord
from .validation import suggestion

DEFAULT_BOUNDARIES = Path(__file__).parent / "boundaries" / "vg-daun-gemeinden.geojson"

# The overview: one canvas unit is one CSS pixel at the map's smallest width (site.css), so names
# are never smaller than FONT_SIZE pixels.
OVERVIEW_WIDTH = 600
OVERVIEW_MARGIN = 12
FONT_SIZE = 14
POINT_RADIUS = 5
# The locator map on each place page: coarser, as it is drawn smaller.
LOCATOR_WIDTH = 200
LOCATOR_MARGIN = 4
LOCATOR_POINT_RADIUS = 5
# Douglas–Peucker tolerance in canvas units: below what the eye sees at the drawn size.
TOLERANCE = 0.8
LOCATOR_TOLERANCE = 1.0

# The narrow-screen strips, west to east. Each strip is drawn at the content width of a phone
# (at least 288 px at 320 px, site.css), so REGION_FONT_SIZE canvas units stay at least 12 px
# there as long as a strip is at most REGION_FONT_SIZE / 12 * 288 = 336 units wide. A name
# belongs to the strip its place lies in; the strips overlap by REGION_OVERLAP on each side,
# so a place near the cut still has room for its name (two strips: 0–320 and 280–600).
REGIONS = ("west", "ost")
REGION_FONT_SIZE = 14
REGION_OVERLAP = 20
REGION_MARGIN = 6
# Locator names: the small map is at least 288 px wide for 200 units (site.css: .map--locator),
# so 9 units are 13 px and more.
LOCATOR_FONT_SIZE = 9
LOCATOR_LANDMARK_RADIUS = 3
# The place every reader can find on the locator map: the Stadt with this slug.
LANDMARK = "daun"

# Colour classes of the overview: (lowest, highest or None for "and more") steps recorded.
# Class 0 means nothing is recorded yet – not that nothing happens there. Two classes only:
# the number of steps found in public sources says more about the press than about a village.
STEP_CLASSES = ((0, 0), (1, None))


@dataclass(frozen=True)
class Area:
    slug: str
    path: str  # SVG path data
    step_class: int  # index into STEP_CLASSES


@dataclass(frozen=True)
class MapPoint:
    slug: str
    x: int
    y: int
    step_class: int


@dataclass(frozen=True)
class StepClass:
    index: int
    lowest: int
    highest: int | None


@dataclass(frozen=True)
class Region:
    """A strip of the overview for narrow screens: a window onto the whole map's canvas.

    Its names, points and leader lines are in the strip's own units (0, 0 at its top left);
    the areas come from the whole map, moved by (-left, -top). `areas` are the Gemeinden whose
    name is in this strip (linked for keyboard and screen readers here); `context` the other
    Gemeinden reaching into the window (drawn, clickable, but not a second tab stop).
    """

    key: str
    left: int
    top: int
    width: int
    height: int
    areas: tuple[str, ...]
    context: tuple[str, ...]
    points: dict[str, MapPoint]  # by slug, moved into the strip
    labels: dict[str, PlacedLabel]  # by slug, every place whose name is in this strip
    leaders: str
    leader_ends: str


@dataclass(frozen=True)
class OverviewMap:
    width: int
    height: int
    font_size: int
    point_radius: int
    areas: dict[str, Area]  # by slug, for every Gemeinde
    points: dict[str, MapPoint]  # by slug, for every Stadtteil with coordinates
    labels: dict[str, PlacedLabel]  # by slug, for every place
    unlocated: tuple[str, ...]  # slugs of Stadtteile without coordinates: italic name, no point
    outline: str  # path data of the Verbandsgemeinde's outline
    leaders: str  # path data of all leader lines
    leader_ends: str  # path data of a dot where a leader line ends inside an area (no point there)
    step_classes: tuple[StepClass, ...]
    region_font_size: int = REGION_FONT_SIZE
    regions: tuple[Region, ...] = ()


@dataclass(frozen=True)
class Locator:
    """What a place's small map shows: the highlighted area and, for a Stadtteil, its point;
    the names of the place and of the landmark town, and the landmark's point."""

    area: str  # path data
    point: MapPoint | None
    labels: tuple[tuple[str, PlacedLabel], ...] = ()  # (text, placed name)
    landmark: MapPoint | None = None
    leaders: str = ""


@dataclass(frozen=True)
class LocatorMap:
    width: int
    height: int
    point_radius: int
    outline: str
    areas: dict[str, str]  # path data by Gemeinde slug
    points: dict[str, MapPoint]
    font_size: int = LOCATOR_FONT_SIZE
    landmark_radius: int = LOCATOR_LANDMARK_RADIUS
    named: dict[str, Locator] = field(default_factory=dict)  # by slug: the labelled locator

    def for_place(self, slug: str, part_of: str | None) -> Locator:
        return self.named.get(slug) or Locator(self.areas[part_of or slug], self.points.get(slug))


@dataclass(frozen=True)
class PlaceMap:
    overview: OverviewMap
    locator: LocatorMap

    def locator_for(self, record: PlaceRecord) -> Locator:
        return self.locator.for_place(record.slug, record.part_of)


@dataclass(frozen=True)
class Boundary:
    name: str
    ring: tuple[Point, ...]  # (lon, lat), closed


def step_class(count: int) -> int:
    for index, (lowest, highest) in enumerate(STEP_CLASSES):
        if count >= lowest and (highest is None or count <= highest):
            return index
    raise ValueError(count)


class BoundariesUnreadable(Exception):
    """The boundary file is missing, not JSON, or not a FeatureCollection of named Polygons."""

    def __init__(self, path: Path, line: int | None, detail: str):
        super().__init__(detail)
        self.problem = Problem(
            path,
            line,
            "Die Datei mit den Gemeindegrenzen für die Karte ist nicht lesbar.",
            "Die Datei aus der Versionsgeschichte wiederherstellen (git checkout -- <Datei>) oder "
            "neu erzeugen wie in plugins/orte/boundaries/README.md beschrieben: eine GeoJSON-"
            "FeatureCollection, je Gemeinde ein Polygon mit der Eigenschaft „name“.",
            detail=detail,
            code="boundaries-unreadable",
        )


def load_boundaries(path: Path) -> list[Boundary]:
    """The Gemeinden's outer rings from a GeoJSON FeatureCollection of Polygons."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BoundariesUnreadable(path, None, str(error)) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BoundariesUnreadable(path, getattr(error, "lineno", None), f"not JSON: {error}") from error
    try:
        boundaries = []
        for feature in data["features"]:
            geometry = feature["geometry"]
            if geometry["type"] != "Polygon":
                raise ValueError(f"{feature['properties']['name']}: {geometry['type']} instead of Polygon")
            ring = tuple((float(lon), float(lat)) for lon, lat, *_ in geometry["coordinates"][0])
            if len(ring) < 4 or ring[0] != ring[-1]:
                raise ValueError(f"{feature['properties']['name']}: the ring is not closed")
            boundaries.append(Boundary(str(feature["properties"]["name"]), ring))
    except (KeyError, TypeError, ValueError, IndexError) as error:
        raise BoundariesUnreadable(
            path, None, f"not a FeatureCollection of named Polygons: {error!r}"
        ) from error
    return boundaries


def check_boundaries(
    records: Sequence[PlaceRecord], boundaries: Sequence[Boundary], data_path: Path, boundaries_path: Path
) -> list[Problem]:
    """Every Gemeinde in the data has an area of its name, every area a place, every point its town."""
    problems = []
    areas = {boundary.name: boundary for boundary in boundaries}
    gemeinden = {record.name: record for record in records if not record.part_of}
    for name, record in gemeinden.items():
        if name not in areas:
            problems.append(
                Problem(
                    data_path,
                    record.line,
                    f"Für „{name}“ gibt es keine Gemeindegrenze für die Karte.{suggestion(name, areas)}",
                    "Den Namen genau wie amtlich schreiben (wie in der Grenzdatei). Ist es ein Ortsteil "
                    "einer Gemeinde, „kind: Stadtteil“ und „part_of:“ angeben.",
                    detail=f"no boundary named {name!r} in {boundaries_path.name}",
                    subject=f"{name}, Feld „name“",
                    code="boundary-missing",
                )
            )
    for name in areas:
        if name not in gemeinden:
            problems.append(
                Problem(
                    data_path,
                    None,
                    f"Die Karte hat die Gemeinde „{name}“, die Datei aber keinen Ort dieses Namens."
                    f"{suggestion(name, gemeinden)}",
                    f"Den Ort „{name}“ eintragen oder seinen Namen genau so schreiben.",
                    detail=f"boundary {name!r} in {boundaries_path.name} has no place",
                    code="boundary-without-place",
                )
            )
    by_slug = {record.slug: record for record in records}
    for record in records:
        parent = by_slug.get(record.part_of) if record.part_of else None
        if not (parent and record.coordinates and parent.name in areas):
            continue
        if not contains(areas[parent.name].ring, record.coordinates.lon, record.coordinates.lat):
            problems.append(
                Problem(
                    data_path,
                    record.line,
                    f"Die Koordinaten von „{record.name}“ liegen nicht in {parent.name}.",
                    "„lat“ und „lon“ prüfen (Punkt statt Komma, nicht vertauscht) – oder beide "
                    "Zeilen löschen, wenn die Lage nicht bekannt ist.",
                    detail=f"point {record.coordinates} outside the boundary of {parent.name!r}",
                    subject=f"{record.name}, Feld „lat“",
                    code="place-outside-boundary",
                )
            )
    return problems


def build_place_map(
    records: Sequence[PlaceRecord], boundaries_path: Path, data_path: Path, memo_folder: Path | None = None
) -> tuple[PlaceMap | None, list[Problem]]:
    """The maps for `records`, or the problems that prevent drawing them.

    With `memo_folder`, maps drawn by an earlier build from the same inputs are used again.
    """
    try:
        boundaries = load_boundaries(boundaries_path)
    except BoundariesUnreadable as error:
        return None, [error.problem]
    problems = check_boundaries(records, boundaries, data_path, boundaries_path)
    if problems:
        return None, problems
    try:
        return remembered_place_map(map_signature(records), tuple(boundaries), memo_folder), []
    except LabelsDoNotFit as error:
        names = ", ".join(f"„{record.name}“" for record in records if record.slug in error.keys)
        return None, [
            Problem(
                data_path,
                None,
                f"Auf der Karte findet sich kein freier Platz für {names}.",
                "Das liegt nicht an den Daten: Die Schriftgröße oder Größe der Karte in "
                "plugins/orte/svg_map.py anpassen (Aufgabe für die technische Betreuung).",
                detail=str(error),
                code="map-labels-do-not-fit",
            )
        ]


# Both language sites draw the same map: compute it once per build process.
_Signature = tuple[tuple[str, str, str | None, float | None, float | None, int], ...]


def map_signature(records: Sequence[PlaceRecord]) -> _Signature:
    return tuple(
        (
            record.slug,
            record.name,
            record.part_of,
            record.coordinates.lon if record.coordinates else None,
            record.coordinates.lat if record.coordinates else None,
            len(record.measures),
        )
        for record in records
    )


@functools.lru_cache(maxsize=4)
def _cached_place_map(signature: _Signature, boundaries: tuple[Boundary, ...]) -> PlaceMap:
    # Keyed by the boundaries already read and checked, so the file is not parsed again.
    return PlaceMap(overview_map(signature, boundaries), locator_map(signature, boundaries))


MEMO_PREFIX = "orte-karte-"
DRAWING_CODE = ("svg_map.py", "labels.py", "geometry.py")


def memo_name(signature: _Signature, boundaries: tuple[Boundary, ...]) -> str:
    """A file name made of everything the maps are drawn from, the drawing code included."""
    digest = hashlib.sha256(repr((signature, boundaries)).encode())
    for name in DRAWING_CODE:
        digest.update((Path(__file__).parent / name).read_bytes())
    return f"{MEMO_PREFIX}{digest.hexdigest()[:32]}.pickle"


def remembered_place_map(
    signature: _Signature, boundaries: tuple[Boundary, ...], memo_folder: Path | None
) -> PlaceMap:
    """The maps: from `memo_folder` if a build drew them from the same inputs, else drawn now (and kept)."""
    if memo_folder is None:
        return _cached_place_map(signature, boundaries)
    memo = memo_folder / memo_name(signature, boundaries)
    try:
        with memo.open("rb") as handle:
            remembered = pickle.load(handle)
        if isinstance(remembered, PlaceMap):
            return remembered
    except Exception:  # none yet, or unreadable: draw the maps again
        pass
    place_map = _cached_place_map(signature, boundaries)
    memo_folder.mkdir(parents=True, exist_ok=True)
    for old in memo_folder.glob(f"{MEMO_PREFIX}*"):
        old.unlink(missing_ok=True)
    unfinished = memo.with_name(f"{memo.name}.unfinished")
    with unfinished.open("wb") as handle:
        pickle.dump(place_map, handle, protocol=pickle.HIGHEST_PROTOCOL)
    unfinished.replace(memo)  # a build stopped while writing leaves no half memo
    return place_map


def _canvas(boundaries: Sequence[Boundary], width: int, margin: int, tolerance: float):
    rings = [list(boundary.ring) for boundary in boundaries]
    projection = Projection.fit(rings, width, margin)
    topology = Topology.from_rings(rings)
    arcs = topology.simplified(projection, tolerance)
    polygons = {boundary.name: topology.ring_points(index, arcs) for index, boundary in enumerate(boundaries)}
    outline = path_data(topology.outline(arcs), closed=True)
    return projection, round(projection.height(rings)), polygons, outline


def overview_map(signature: _Signature, boundaries: Sequence[Boundary]) -> OverviewMap:
    projection, height, polygons, outline = _canvas(boundaries, OVERVIEW_WIDTH, OVERVIEW_MARGIN, TOLERANCE)
    slug_of = {name: slug for slug, name, part_of, *_ in signature if not part_of}
    areas, points, requests, obstacles, unlocated = {}, {}, [], [], []
    rings = {slug_of[boundary.name]: polygons[boundary.name] for boundary in boundaries}

    # An area's name looks for room from the point deepest inside the area (not from the
    # village, which may lie at its edge).
    centres = {slug: visual_centre(ring, precision=3) for slug, ring in rings.items()}
    for slug, name, part_of, lon, lat, steps in signature:
        if not part_of:
            areas[slug] = Area(slug, path_data([polygons[name]], closed=True), step_class(steps))
            requests.append(LabelRequest(slug, name, centres[slug], ring=rings[slug]))
        elif lon is not None:
            x, y = projection(lon, lat)
            points[slug] = MapPoint(slug, round(x), round(y), step_class(steps))
            obstacles.append(point_box((round(x), round(y)), POINT_RADIUS))
            requests.append(LabelRequest(slug, name, (round(x), round(y)), point_radius=POINT_RADIUS))
        else:
            unlocated.append(slug)
            requests.append(LabelRequest(slug, name, centres[part_of], within=rings[part_of]))
    layout = Layout(OVERVIEW_WIDTH, height, FONT_SIZE, obstacles)
    placed = {label.key: label for label in layout.place(requests)}
    return OverviewMap(
        width=OVERVIEW_WIDTH,
        height=height,
        font_size=FONT_SIZE,
        point_radius=POINT_RADIUS,
        areas=areas,
        points=points,
        labels=placed,
        unlocated=tuple(unlocated),
        outline=outline,
        leaders=_leader_lines(placed),
        leader_ends=_leader_ends(placed, areas),
        step_classes=tuple(StepClass(index, *bounds) for index, bounds in enumerate(STEP_CLASSES)),
        regions=tuple(
            _region(index, requests, rings, points, OVERVIEW_WIDTH, height) for index in range(len(REGIONS))
        ),
    )


def _leader_lines(placed: dict[str, PlacedLabel]) -> str:
    return "".join(
        f"M{_number(start[0])} {_number(start[1])}L{_number(end[0])} {_number(end[1])}"
        for label in placed.values()
        if label.leader
        for start, end in [label.leader]
    )


def _leader_ends(placed: dict[str, PlacedLabel], areas) -> str:
    """A dot where a leader line ends inside an area (a point's leader ends at its point)."""
    return "".join(
        f"M{_number(end[0])} {_number(end[1])}h0"
        for slug, label in placed.items()
        if label.leader and slug in areas
        for _, end in [label.leader]
    )


def region_of(x: float, width: float) -> int:
    """The index of the strip (REGIONS, west to east) that holds canvas x."""
    return min(max(int(x * len(REGIONS) // width), 0), len(REGIONS) - 1)


def _region(
    index: int,
    requests: Sequence[LabelRequest],
    rings: dict[str, list[Point]],
    points: dict[str, MapPoint],
    width: int,
    height: int,
) -> Region:
    """Strip `index` of the overview with the names whose anchor lies in it, placed anew."""
    left = max(0, round(index * width / len(REGIONS)) - REGION_OVERLAP)
    right = min(width, round((index + 1) * width / len(REGIONS)) + REGION_OVERLAP)
    # As high as what the strip shows of the Gemeinden, not the whole canvas.
    ys = [y for ring in rings.values() for x, y in ring if left <= x <= right]
    top = max(0, round(min(ys)) - REGION_MARGIN)
    bottom = min(height, round(max(ys)) + REGION_MARGIN)

    def moved(point: Point) -> Point:
        return point[0] - left, point[1] - top

    def moved_ring(ring):
        return [moved(point) for point in ring] if ring is not None else None

    own = [request for request in requests if region_of(request.anchor[0], width) == index]
    own_points = {
        slug: MapPoint(slug, point.x - left, point.y - top, point.step_class)
        for slug, point in points.items()
        if any(request.key == slug for request in own)
    }
    layout = Layout(
        right - left,
        bottom - top,
        REGION_FONT_SIZE,
        [point_box((point.x, point.y), POINT_RADIUS) for point in own_points.values()],
    )
    moved_requests = [
        LabelRequest(
            request.key,
            request.text,
            moved(request.anchor),
            ring=moved_ring(request.ring),
            point_radius=request.point_radius,
            within=moved_ring(request.within),
        )
        for request in own
    ]
    placed = {label.key: label for label in layout.place(moved_requests)}
    areas = tuple(slug for slug in rings if slug in placed)
    window = Box(left, top, right, bottom)
    context = tuple(
        slug for slug, ring in rings.items() if slug not in placed and _ring_box(ring).overlaps(window)
    )
    return Region(
        key=REGIONS[index],
        left=left,
        top=top,
        width=right - left,
        height=bottom - top,
        areas=areas,
        context=context,
        points=own_points,
        labels=placed,
        leaders=_leader_lines(placed),
        leader_ends=_leader_ends(placed, areas),
    )


def _ring_box(ring: Sequence[Point]) -> Box:
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return Box(min(xs), min(ys), max(xs), max(ys))


def landmark_of(signature: _Signature) -> str | None:
    """The town with the most Stadtteile and a known position: what every reader finds on a map."""
    parts: dict[str, int] = {}
    for _, _, part_of, *_ in signature:
        if part_of:
            parts[part_of] = parts.get(part_of, 0) + 1
    located = {slug for slug, _, part_of, lon, *_ in signature if not part_of and lon is not None}
    towns = sorted((count, slug) for slug, count in parts.items() if slug in located)
    return towns[-1][1] if towns else None


def locator_map(signature: _Signature, boundaries: Sequence[Boundary]) -> LocatorMap:
    projection, height, polygons, outline = _canvas(
        boundaries, LOCATOR_WIDTH, LOCATOR_MARGIN, LOCATOR_TOLERANCE
    )
    areas, points, rings = {}, {}, {}
    for slug, name, part_of, lon, lat, steps in signature:
        if not part_of:
            areas[slug] = path_data([polygons[name]], closed=True)
            rings[slug] = polygons[name]
        elif lon is not None:
            x, y = projection(lon, lat)
            points[slug] = MapPoint(slug, round(x), round(y), step_class(steps))
    landmark_slug = landmark_of(signature)
    landmark = None
    if landmark_slug:
        _, name, _, lon, lat, steps = next(entry for entry in signature if entry[0] == landmark_slug)
        x, y = projection(lon, lat)
        landmark = (landmark_slug, name, MapPoint(landmark_slug, round(x), round(y), step_class(steps)))
    named = {
        slug: _named_locator(slug, name, part_of, areas, rings, points, landmark, height)
        for slug, name, part_of, *_ in signature
    }
    return LocatorMap(LOCATOR_WIDTH, height, LOCATOR_POINT_RADIUS, outline, areas, points, named=named)


def _named_locator(slug, name, part_of, areas, rings, points, landmark, height) -> Locator:
    """A place's locator: its area (or its town's), its point, its name, and the landmark named."""
    gemeinde = part_of or slug
    point = points.get(slug)
    obstacles, requests, texts = [], [], {}
    if landmark is not None:
        landmark_slug, landmark_name, landmark_point = landmark
        anchor = (landmark_point.x, landmark_point.y)
        obstacles.append(point_box(anchor, LOCATOR_LANDMARK_RADIUS))
        requests.append(
            LabelRequest(landmark_slug, landmark_name, anchor, point_radius=LOCATOR_LANDMARK_RADIUS)
        )
        texts[landmark_slug] = landmark_name
    if point is not None:
        obstacles.append(point_box((point.x, point.y), LOCATOR_POINT_RADIUS))
        requests.append(LabelRequest(slug, name, (point.x, point.y), point_radius=LOCATOR_POINT_RADIUS))
        texts[slug] = name
    elif not part_of and slug not in texts:
        ring = rings[slug]
        requests.append(LabelRequest(slug, name, visual_centre(ring, precision=2), ring=ring))
        texts[slug] = name
    layout = Layout(LOCATOR_WIDTH, height, LOCATOR_FONT_SIZE, obstacles)
    try:
        placed = layout.place(requests)
    except LabelsDoNotFit as error:
        # The caption below the small map names the place too: leave out what has no room.
        try:
            placed = layout.place([request for request in requests if request.key not in error.keys])
        except LabelsDoNotFit:
            placed = []
    return Locator(
        areas[gemeinde],
        point,
        labels=tuple((texts[label.key], label) for label in placed),
        landmark=landmark[2] if landmark is not None else None,
        leaders=_leader_lines({label.key: label for label in placed}),
    )


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
