from pathlib import Path

import pytest
from bfb_languages import languages_of
from orte.places_file import read_places_file

from bfb_buergerbus import read_timetable
from pelicanconf import SITE_LANGUAGES
from sitetools.build import CONTENT

PLACES = {"gillenfeld", "sarmersbach", "winkel-eifel", "daun"}
HEADER = """sources:
  quelle:
    publisher: Bürger für Bürger e.V.
    title: Der Bürgerbus startet
    date: 2017-01
    url: https://www.example.org/bus
routes:
"""


def timetable(tmp_path: Path, routes: str):
    file = tmp_path / "buergerbus.yaml"
    file.write_text(HEADER + routes, encoding="utf-8")
    return read_timetable(file, PLACES)


def test_the_real_data_file_is_valid_and_names_every_route_village_by_its_place():
    data, problems = read_timetable(
        CONTENT / "data" / "buergerbus.yaml",
        read_places_file(CONTENT / "data" / "orte.yaml", languages_of(SITE_LANGUAGES)).slugs,
    )
    assert problems == []
    assert [route.name for route in data.routes][:3] == ["Hinterbüsch", "Struth", "Pulvermaar"]
    (pulvermaar,) = data.routes_by_place["gillenfeld"]
    assert (pulvermaar.name, pulvermaar.weekday, pulvermaar.first_run) == (
        "Pulvermaar",
        "freitag",
        "2017-01-13",
    )
    assert all(
        source.url is None or source.url.startswith("https://") for r in data.routes for source in r.sources
    )


def test_stops_are_place_slugs_or_named_places_without_a_page(tmp_path):
    data, problems = timetable(
        tmp_path,
        "  - name: Struth\n    weekday: mittwoch\n    first_run: 2017-01-11\n"
        "    stops: [sarmersbach, {name: Boxberg}]\n    sources: [quelle]\n",
    )
    assert problems == []
    (route,) = data.routes
    assert [stop.slug or stop.name for stop in route.stops] == ["sarmersbach", "Boxberg"]
    assert route.stops_complete and route.slug == "struth"
    assert list(data.routes_by_place) == ["sarmersbach"]  # a place without a page gets no note


@pytest.mark.parametrize(
    ("route", "line", "code", "named"),
    [
        ("    stops: [gilenfeld]\n", 9, "bus-stop-unknown", "Meinten Sie „gillenfeld“?"),
        ("    weekday: samstag\n    stops: []\n", 9, "bus-weekday-unknown", "„samstag“"),
        ("    stops: []\n    sources: [unbekannt]\n", 10, "bus-source-unknown", "„unbekannt“"),
        ("    stops: []\n    first_run: Januar\n", 10, "bus-date-invalid", "„first_run: Januar“"),
    ],
)
def test_mistakes_name_file_line_and_fix(tmp_path, route, line, code, named):
    text = "  - name: Testlinie\n" + route
    if "first_run" not in route:
        text += "    first_run: 2017-02\n"
    if "sources" not in route:
        text += "    sources: [quelle]\n"
    _, problems = timetable(tmp_path, text)
    (problem,) = problems
    assert (Path(problem.file).name, problem.line, problem.code) == ("buergerbus.yaml", line, code)
    assert named in problem.message and problem.fix  # the wording: tests/test_messages.py


def test_a_source_needs_a_web_address(tmp_path):
    file = tmp_path / "buergerbus.yaml"
    file.write_text(HEADER.replace("https://www.example.org/bus", "www.example.org/bus") + "  []\n")
    _, problems = read_timetable(file, PLACES)
    assert [problem.code for problem in problems] == ["bus-link-not-http"]


def test_a_missing_file_is_named(tmp_path):
    _, (problem,) = read_timetable(tmp_path / "buergerbus.yaml", PLACES)
    assert (Path(problem.file).name, problem.code) == ("buergerbus.yaml", "data-file-missing")
