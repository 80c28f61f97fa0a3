from orte.model import Coordinates, PlaceRecord
from orte.svg_map import MAP_PADDING, Box, label_candidates, layout_map


def place(slug: str, lat: float | None, lon: float | None) -> PlaceRecord:
    coordinates = Coordinates(lat, lon) if lat is not None else None
    return PlaceRecord(slug.title(), slug, "Ortsgemeinde", "noch-nicht-begonnen", 1, coordinates=coordinates)


def test_north_is_up_and_east_is_right():
    layout = layout_map([place("nord", 50.25, 6.80), place("sued", 50.10, 6.80), place("ost", 50.15, 6.95)])
    points = layout.points
    assert points["nord"].y < points["sued"].y
    assert points["ost"].x > points["nord"].x
    assert points["nord"].y == MAP_PADDING  # the northernmost place touches the top padding


def test_places_without_coordinates_are_not_placed():
    layout = layout_map([place("a", 50.2, 6.8), place("b", 50.1, 6.9), place("ohne", None, None)])
    assert set(layout.points) == {"a", "b"}


def test_every_point_lies_inside_the_map():
    layout = layout_map([place("a", 50.2, 6.8), place("b", 50.1, 6.9), place("c", 50.15, 6.7)])
    for point in layout.points.values():
        assert 0 <= point.x <= layout.width and 0 <= point.y <= layout.height


def test_labels_never_overlap():
    records = [place(f"ort{index}", 50.10 + index * 0.004, 6.80 + (index % 3) * 0.01) for index in range(30)]
    layout = layout_map(records)
    boxes = []
    for point in layout.points.values():
        if point.label is None:
            continue
        candidates = label_candidates(point.slug.title(), point.x, point.y)
        box = next(box for label, box in candidates if label == point.label)
        assert not any(box.overlaps(other) for other in boxes)
        boxes.append(box)
    assert boxes  # most names found a place


def test_box_overlap():
    assert Box(0, 0, 10, 10).overlaps(Box(5, 5, 15, 15))
    assert not Box(0, 0, 10, 10).overlaps(Box(10, 0, 20, 10))


def test_locator_label_points_towards_the_middle():
    layout = layout_map([place("west", 50.2, 6.7), place("ost", 50.1, 6.95)])
    assert layout.locator_label("west").anchor == "start"
    assert layout.locator_label("ost").anchor == "end"
