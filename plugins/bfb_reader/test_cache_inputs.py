"""The content cache is loaded only when nothing a cached text depends on has changed."""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from bfb_reader.cache_inputs import (
    FINGERPRINT_FILE,
    decide_whether_to_load_the_cache,
    fingerprint,
    remember_the_inputs,
    stable,
)
from sitetools.build import run_pelican

ROOT = Path(__file__).resolve().parents[2]
NEW_PLACE = "\n- name: Neuort\n  slug: neuort\n  kind: Stadtteil\n  part_of: Daun\n  measures: []\n"


def site(tmp_path: Path, **settings) -> SimpleNamespace:
    """A Pelican object as `initialized` and `finalized` see it: one site of a new build."""
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True, exist_ok=True)
    defaults = {
        "PATH": str(content),
        "CACHE_PATH": str(tmp_path / "cache"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "DEFAULT_LANG": "de",
        "LOAD_CONTENT_CACHE": True,
        "CACHE_CONTENT": True,
        "MARKDOWN": {"extension_configs": {"markdown.extensions.toc": {}}},
    }
    return SimpleNamespace(settings={**defaults, **settings})


def build(tmp_path: Path, **settings) -> bool:
    """Start and finish one successful build; return whether it loaded the cache."""
    pelican = site(tmp_path, **settings)
    decide_whether_to_load_the_cache(pelican)
    remember_the_inputs(pelican)
    return pelican.settings["LOAD_CONTENT_CACHE"]


def test_the_cache_is_loaded_only_after_a_successful_build_with_the_same_inputs(tmp_path):
    places = tmp_path / "content" / "data" / "orte.yaml"
    assert build(tmp_path) is False  # nothing cached yet
    assert build(tmp_path) is True
    assert (
        build(tmp_path, OUTPUT_PATH=str(tmp_path / ".output-new-x1")) is True
    )  # a staging folder is no input
    places.write_text("- name: A\n", encoding="utf-8")
    assert build(tmp_path) is False  # a data file changed
    assert build(tmp_path) is True
    assert build(tmp_path, SITEURL="http://127.0.0.1:8001") is False  # a setting changed
    photo = tmp_path / "content" / "bilder" / "foto.jpg"
    photo.parent.mkdir()
    photo.write_bytes(b"1")
    assert build(tmp_path, SITEURL="http://127.0.0.1:8001") is False  # a new photo


def test_after_a_failed_build_every_text_is_read_afresh(tmp_path):
    build(tmp_path)
    started = site(tmp_path)
    decide_whether_to_load_the_cache(started)  # … and the build fails: no `finalized`
    assert started.settings["LOAD_CONTENT_CACHE"] is True
    assert not (tmp_path / "cache" / FINGERPRINT_FILE).exists()
    assert build(tmp_path) is False


def test_a_build_that_asked_for_no_cache_gets_none(tmp_path):
    build(tmp_path)
    assert build(tmp_path, LOAD_CONTENT_CACHE=False) is False


def test_settings_are_fingerprinted_by_value_and_name_never_by_address(tmp_path):
    def render(text):
        return text

    assert stable({"filters": {"render": render}, "pattern": re.compile("a+")}) == {
        "filters": {
            "render": f"{__name__}.test_settings_are_fingerprinted_by_value_and_name_never_by_address"
            ".<locals>.render"
        },
        "pattern": "a+",
    }
    assert stable(object()) == "builtins.object"
    assert stable(date(2030, 1, 1)) == "datetime.date(2030, 1, 1)"
    assert stable({"b", "a"}) == ["a", "b"]
    settings = site(tmp_path).settings
    assert fingerprint({**settings, "JINJA_FILTERS": {"f": render}}) == fingerprint(
        {**settings, "JINJA_FILTERS": {"f": render}}
    )


def test_our_markdown_extensions_are_inputs(tmp_path):
    settings = site(tmp_path).settings
    with_tables = {**settings, "MARKDOWN": {"extension_configs": {"bfb_tables": {}}}}
    tables = ROOT / "lib" / "bfb_tables" / "tables.py"
    before = fingerprint(with_tables)
    stat = tables.stat()
    os.utime(tables, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        assert fingerprint(with_tables) != before
    finally:
        os.utime(tables, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_the_templates_catalogues_are_inputs(tmp_path):
    """An English text's `{offen:…}` gap is translated with the catalogue: a changed .po is a new input."""
    localedir = tmp_path / "translations"
    po_file = localedir / "xx" / "LC_MESSAGES" / "messages.po"
    po_file.parent.mkdir(parents=True)
    po_file.write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    settings = {**site(tmp_path).settings, "I18N_GETTEXT_LOCALEDIR": str(localedir)}
    before = fingerprint(settings)
    po_file.write_text('msgid "a"\nmsgstr "c, longer"\n', encoding="utf-8")
    assert fingerprint(settings) != before


TEST_PAGE = """\
Title: Zahlenprobe
Slug: zahlenprobe
Lang: de
Summary: Eine Seite nur für diesen Test, mit der Zahl der Orte aus den Daten.

In allen {anzahl:orte} Orten. Satz A.
"""
ENGLISH_TEST_PAGE = """\
Title: Number test
Slug: zahlenprobe
Lang: en
Summary: A page for this test only, with the number of places from the data.

In all {anzahl:orte} places. Sentence A.
"""


def test_a_real_build_reuses_its_cache_and_a_new_place_still_changes_the_cached_number(tmp_path):
    """Real builds of both languages with the cache on, as `invoke build` and the live preview run.

    A text changed behind Pelican's back (same modification time) shows whether a build
    served it from the cache: Pelican only notices a changed time.
    """
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    page = content / "seiten" / "zahlenprobe.md"
    page.write_text(TEST_PAGE, encoding="utf-8")
    english = content / "seiten" / "zahlenprobe.en.md"
    english.write_text(ENGLISH_TEST_PAGE, encoding="utf-8")
    extra = {
        "PATH": json.dumps(str(content)),
        "CACHE_PATH": json.dumps(str(tmp_path / "cache")),
        "CACHE_CONTENT": "true",
        "LOAD_CONTENT_CACHE": "true",
    }

    def build(name: str) -> tuple[str, str]:
        # Each build into its own folder, as `invoke build` builds into a new staging folder.
        run_pelican(ROOT / "pelicanconf.py", tmp_path / name, extra, quiet=True, search_index=False)
        return tuple(
            (tmp_path / name / folder / "zahlenprobe" / "index.html").read_text(encoding="utf-8")
            for folder in ("", "en")
        )

    first = build("first")
    count = int(re.search(r"In allen (\d+) Orten\. Satz A\.", first[0]).group(1))
    assert f"In all {count} places. Sentence A." in first[1]

    for text, new_text in ((page, TEST_PAGE), (english, ENGLISH_TEST_PAGE)):
        stat = text.stat()
        text.write_text(
            new_text.replace("Satz A", "Satz B").replace("Sentence A", "Sentence B"), encoding="utf-8"
        )
        os.utime(text, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert build("second") == first  # both languages served from the cache

    places = content / "data" / "orte.yaml"
    places.write_text(places.read_text(encoding="utf-8") + NEW_PLACE, encoding="utf-8")
    third = build("third")  # read afresh
    assert f"In allen {count + 1} Orten. Satz B." in third[0]
    assert f"In all {count + 1} places. Sentence B." in third[1]
