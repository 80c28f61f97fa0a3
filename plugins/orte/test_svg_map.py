"""The places' maps from boundaries and data: checks that stop the build, and what the maps hold."""

from dataclasses import replace

import pytest
from bfb_yaml.loader import load_located_yaml

from orte import svg_map
from orte.conftest import FIXTURES, LANGUAGES
from orte.model import Coordinates, PlaceRecord
from orte.svg_map import (
    DEFAULT_BOUNDARIES,
    STEP_CLASSES,
    build_place_map,
    check_boundaries,
    load_boundaries,
    step_class,
)
from orte.validation import validate_places

BOUNDARIES = FIXTURES / "grenzen.geojson"  # invented squares for the invented places
DATA = FIXTURES / "orte.yaml"


def fixture_records() -> list[PlaceRecord]:
    data, problems = load_located_yaml(DATA)
    records, problems = validate_places(data, DATA, LANGUAGES)
    assert problems == []
    return records


def with_steps(records: list[PlaceRecord], counts: dict[str, int]) -> list[PlaceRecord]:
    """The records with their measures repeated to `counts` (the map only counts them)."""
    template = next(item.measures[0] for item in records if item.measures)
    return [
        replace(item, measures=(template,) * counts[item.slug]) if item.slug in counts else item
        for item in records
    ]


RECORDS = with_steps(fixture_records(), {"altstadt": 2, "nordteil": 1, "ueberdorf": 5, "udenheim": 0})


@pytest.fixture(scope="module")
def place_map():
    built, problems = build_place_map(RECORDS, BOUNDARIES, DATA)
    assert problems == []
    return built


def test_every_gemeinde_is_an_area_and_every_located_district_a_point(place_map):
    overview = place_map.overview
    assert set(overview.areas) == {"altstadt", "ueberdorf", "udenheim", "zettingen"}
    assert set(overview.points) == {"nordteil"}
    assert overview.unlocated == ("suedteil",)
    assert set(overview.labels) == {item.slug for item in RECORDS}  # every name, none left out
    assert all(area.path.startswith("M") and area.path.endswith("z") for area in overview.areas.values())


def test_colour_class_says_only_whether_steps_are_recorded(place_map):
    # Two classes: the map shows what is known, it does not rank villages by press coverage.
    areas = place_map.overview.areas
    assert (areas["altstadt"].step_class, areas["ueberdorf"].step_class, areas["udenheim"].step_class) == (
        1,
        1,
        0,
    )
    assert place_map.overview.points["nordteil"].step_class == 1
    assert [step_class(count) for count in (0, 1, 2, 3, 4, 40)] == [0, 1, 1, 1, 1, 1]
    assert STEP_CLASSES == ((0, 0), (1, None))  # class 0 is "nothing recorded", never a fact about the place


def test_coordinates_are_whole_numbers(place_map):
    paths = [area.path for area in place_map.overview.areas.values()] + [place_map.overview.outline]
    paths += [*list(place_map.locator.areas.values()), place_map.locator.outline]
    assert not any("." in path for path in paths)


def test_a_district_locator_highlights_its_town_and_its_point(place_map):
    by_slug = {item.slug: item for item in RECORDS}
    north = place_map.locator_for(by_slug["nordteil"])
    assert north.area == place_map.locator.areas["altstadt"] and north.point is not None
    south = place_map.locator_for(by_slug["suedteil"])
    assert south.area == place_map.locator.areas["altstadt"] and south.point is None  # no invented point
    assert place_map.locator_for(by_slug["udenheim"]).area == place_map.locator.areas["udenheim"]


def test_a_gemeinde_without_boundary_and_a_boundary_without_place_are_reported():
    records = [replace(item, name="Uedenheim") if item.slug == "udenheim" else item for item in RECORDS]
    built, problems = build_place_map(records, BOUNDARIES, DATA)
    assert built is None
    assert sorted(problem.code for problem in problems) == ["boundary-missing", "boundary-without-place"]
    (missing,) = [problem for problem in problems if problem.code == "boundary-missing"]
    assert "„Uedenheim“" in missing.message and "„Udenheim“" in missing.message  # with the suggestion


def test_a_district_point_outside_its_town_is_reported():
    moved = [
        replace(item, coordinates=Coordinates(50.12, 6.80)) if item.slug == "nordteil" else item
        for item in RECORDS
    ]
    problems = check_boundaries(moved, load_boundaries(BOUNDARIES), DATA, BOUNDARIES)
    assert [(problem.code, problem.line) for problem in problems] == [
        ("place-outside-boundary", next(item.line for item in RECORDS if item.slug == "nordteil"))
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"type": "FeatureCollection",\n "features": [\n}', 3),  # not JSON
        ('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}', None),  # no geometry
        (
            '{"features": [{"properties": {"name": "A"}, "geometry": {"type": "MultiPolygon", '
            '"coordinates": []}}]}',
            None,
        ),
    ],
)
def test_an_unreadable_boundary_file_stops_the_build_with_a_fix(tmp_path, text, line):
    broken = tmp_path / "grenzen.geojson"
    broken.write_text(text, encoding="utf-8")
    built, problems = build_place_map(RECORDS, broken, DATA)
    assert built is None and len(problems) == 1
    assert (problems[0].file, problems[0].line, problems[0].code) == (broken, line, "boundaries-unreadable")


def test_the_real_boundaries_are_the_38_gemeinden():
    boundaries = load_boundaries(DEFAULT_BOUNDARIES)
    assert len(boundaries) == 38
    assert len({boundary.name for boundary in boundaries}) == 38
    assert all(boundary.ring[0] == boundary.ring[-1] for boundary in boundaries)


def test_a_development_build_uses_the_maps_an_earlier_build_drew_from_the_same_inputs(tmp_path, monkeypatch):
    drawn, _ = build_place_map(RECORDS, BOUNDARIES, DATA, memo_folder=tmp_path)
    assert len(list(tmp_path.glob("orte-karte-*.pickle"))) == 1

    def draw_again(*args):
        raise AssertionError("the maps were drawn again")

    monkeypatch.setattr(svg_map, "_cached_place_map", draw_again)
    remembered, problems = build_place_map(RECORDS, BOUNDARIES, DATA, memo_folder=tmp_path)
    assert problems == [] and remembered == drawn


def test_other_inputs_draw_the_maps_again_and_replace_the_memo(tmp_path):
    first, _ = build_place_map(RECORDS, BOUNDARIES, DATA, memo_folder=tmp_path)
    more_steps = with_steps(RECORDS, {"udenheim": 5})
    second, _ = build_place_map(more_steps, BOUNDARIES, DATA, memo_folder=tmp_path)
    assert second.overview.areas["udenheim"] != first.overview.areas["udenheim"]
    assert second == build_place_map(more_steps, BOUNDARIES, DATA)[0]
    assert len(list(tmp_path.glob("orte-karte-*"))) == 1


def test_an_unreadable_memo_is_drawn_again(tmp_path, place_map):
    build_place_map(RECORDS, BOUNDARIES, DATA, memo_folder=tmp_path)
    (memo,) = tmp_path.glob("orte-karte-*.pickle")
    memo.write_bytes(b"\x80\x05 cut short")
    again, problems = build_place_map(RECORDS, BOUNDARIES, DATA, memo_folder=tmp_path)
    assert problems == [] and again == place_map


def test_phone_strips_hold_every_name_once_and_stay_narrow_enough_for_12_px(place_map):
    overview = place_map.overview
    regions = overview.regions
    assert [region.key for region in regions] == list(svg_map.REGIONS)
    named = [slug for region in regions for slug in region.labels]
    assert sorted(named) == sorted(overview.labels)  # every name in exactly one strip
    for region in regions:
        # A strip fills a 288 px phone column: its font must stay at 12 px or more there.
        assert overview.region_font_size * 288 / region.width >= 12
        assert region.left >= 0 and region.left + region.width <= overview.width
        for label in region.labels.values():
            assert label.box.inside(region.width, region.height)
        # Each Gemeinde is a tab stop in one strip only; elsewhere it is drawn as a neighbour.
        assert not set(region.areas) & set(region.context)
    assert sorted(slug for region in regions for slug in region.areas) == sorted(overview.areas)


def test_the_landmark_is_the_located_town_with_the_most_districts():
    signature = svg_map.map_signature(RECORDS)
    assert svg_map.landmark_of(signature) == "altstadt"
    assert svg_map.landmark_of(tuple(entry for entry in signature if not entry[2])) is None
