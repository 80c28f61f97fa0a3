"""Label placement: every name placed, none covering another name, a point or a leader line."""

import itertools

import pytest

from orte.labels import (
    ASCENT,
    DESCENT,
    Box,
    LabelRequest,
    LabelsDoNotFit,
    Layout,
    point_box,
    text_width,
)

FONT = 14
RADIUS = 5


def crowded_points(count: int = 12) -> list[LabelRequest]:
    """Points 26 units apart in a small grid: most names cannot sit right beside their point."""
    return [
        LabelRequest(
            f"ort-{index}",
            f"Ortsname {index}",
            (200 + (index % 4) * 26, 200 + (index // 4) * 26),
            point_radius=RADIUS,
        )
        for index in range(count)
    ]


def layout_for(requests: list[LabelRequest], size: int = 500) -> Layout:
    obstacles = [
        point_box(request.anchor, request.point_radius) for request in requests if request.point_radius
    ]
    return Layout(size, size, FONT, obstacles)


@pytest.fixture(scope="module")
def crowd():
    requests = crowded_points()
    layout = layout_for(requests)
    return requests, layout, layout.place(requests)


def test_crowded_names_are_all_placed_without_overlap(crowd):
    requests, layout, placed = crowd
    assert [label.key for label in placed] == [request.key for request in requests]
    for first, second in itertools.combinations(placed, 2):
        assert not first.box.overlaps(second.box), (first.key, second.key)
    for label in placed:
        assert label.box.inside(500, 500)
        assert not any(label.box.overlaps(obstacle) for obstacle in layout.obstacles)
    assert any(label.leader for label in placed)  # the crowd needs leader lines


def test_leader_lines_cross_no_name_and_no_other_point(crowd):
    requests, _, placed = crowd
    anchors = {request.key: request.anchor for request in requests}
    for label in placed:
        if not label.leader:
            continue
        for other in placed:
            if other.key != label.key:
                assert not other.box.crosses(*label.leader), (label.key, other.key)
                assert not point_box(anchors[other.key], RADIUS).crosses(*label.leader)


def test_the_same_input_gives_the_same_map(crowd):
    requests, _, placed = crowd
    assert layout_for(requests).place(requests) == placed


def test_an_area_name_sits_in_the_middle_of_a_roomy_area():
    ring = [(100, 100), (400, 100), (400, 300), (100, 300), (100, 100)]
    (label,) = Layout(500, 500, FONT).place([LabelRequest("feld", "Feld", (250, 200), ring=ring)])
    assert label.leader is None
    assert abs((label.box.left + label.box.right) / 2 - 250) < 1
    assert label.y == pytest.approx(label.box.bottom - DESCENT * FONT)


def test_a_name_without_a_point_stays_inside_its_ring_and_away_from_points():
    ring = [(100, 100), (300, 100), (300, 200), (100, 200), (100, 100)]
    point = LabelRequest("punkt", "Punkt", (200, 150), point_radius=RADIUS)
    loose = LabelRequest("ohne", "Ohne Lage", (200, 150), within=ring)
    layout = layout_for([point])
    labels = {label.key: label for label in layout.place([point, loose])}
    box = labels["ohne"].box
    assert box.left >= 100 and box.right <= 300 and box.top >= 100 and box.bottom <= 200
    assert not box.overlaps(point_box((200, 150), RADIUS), padding=FONT * 0.5)
    assert labels["ohne"].leader is None


def test_names_that_cannot_fit_are_reported():
    requests = [LabelRequest("lang", "Ein sehr langer Ortsname", (20, 20), point_radius=RADIUS)]
    with pytest.raises(LabelsDoNotFit) as error:
        layout_for(requests, size=60).place(requests)
    assert error.value.keys == ["lang"]


def test_text_width_is_generous_and_knows_german_letters():
    assert text_width("Üdersdorf", FONT) == pytest.approx(text_width("Udersdorf", FONT))
    assert text_width("Mmmm", FONT) > text_width("iiii", FONT) * 3
    # Unknown characters count as the widest glyph rather than as nothing.
    assert text_width("Ω", FONT) >= FONT
    assert (ASCENT + DESCENT) * FONT > FONT  # the box holds accents and descenders


def test_box_crossing_a_segment():
    box = Box(10, 10, 20, 20)
    assert box.crosses((0, 15), (30, 15))
    assert box.crosses((15, 15), (50, 50))  # starts inside
    assert not box.crosses((0, 0), (30, 5))
    assert not box.crosses((0, 30), (30, 30))
