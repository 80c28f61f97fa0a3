import shutil
from pathlib import Path

import orte.places_file
from orte.places_file import places_file_of_this_build
from pelicanconf import SITE_LANGUAGES

FIXTURES = Path(__file__).parent / "fixtures"


def settings_for(content: Path) -> dict:
    """A build's settings as far as the places file needs them: the folder and the languages."""
    return {"PATH": str(content), "SITE_LANGUAGES": SITE_LANGUAGES}


def content_with(tmp_path: Path, data: str | None = None) -> Path:
    (tmp_path / "data").mkdir()
    if data is None:
        shutil.copy(FIXTURES / "orte.yaml", tmp_path / "data" / "orte.yaml")
    else:
        (tmp_path / "data" / "orte.yaml").write_text(data, encoding="utf-8")
    return tmp_path


def test_read_once_per_build_and_afresh_by_the_next(tmp_path, monkeypatch):
    settings = settings_for(content_with(tmp_path))
    reads = []
    load = orte.places_file.load_located_yaml
    monkeypatch.setattr(orte.places_file, "load_located_yaml", lambda path: reads.append(path) or load(path))
    first = places_file_of_this_build(settings)
    subsite_settings = dict(settings)  # i18n_subsites' shallow copy shares the build object
    assert places_file_of_this_build(subsite_settings) is first
    assert len(reads) == 1
    assert first.records and first.problems == () and "ueberdorf" in first.slugs
    next_build = settings_for(tmp_path)
    assert places_file_of_this_build(next_build) is not first
    assert len(reads) == 2


def test_all_problems_and_the_written_slugs_of_a_broken_file(tmp_path):
    data = (FIXTURES / "orte.yaml").read_text(encoding="utf-8")
    data = data.replace("type: jugendforum", "type: jugendtreff")
    found = places_file_of_this_build(settings_for(content_with(tmp_path, data)))
    assert [problem.code for problem in found.problems] == ["place-value-unknown"]
    assert "ueberdorf" in found.slugs  # a news item naming it is not a second problem


def test_unreadable_file_has_no_slugs(tmp_path):
    found = places_file_of_this_build(settings_for(content_with(tmp_path, "- slug: a\n  name: [A\n")))
    assert found.slugs is None
    assert found.records == ()
    assert [problem.code for problem in found.problems] == ["yaml-syntax"]
