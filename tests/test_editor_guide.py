"""Every example in docs/redaktion.md is built or run, so the editors' guide cannot go stale.

Conventions in the guide:
  ```markdown title="content/…md"          a complete file: written into a copy of content/ and built
  ```markdown title="…" fehler             a file with a mistake: the next ```text block is the message
  ```markdown title="…" entwurf            a draft, built: the next ```text block is its to-do box
  ```yaml title="content/data/orte.yaml" ort="<slug>"   new values for one place, merged into the file
  ```yaml title="content/data/orte.yaml" fehler         a place with a mistake; ```text as above
  ```sh                                    `invoke …` lines: the task and its options must exist
"""

from __future__ import annotations

import dataclasses
import json
import re
import shlex
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from bfb_content_check import check_content
from bfb_contents.front_matter import parse_front_matter
from bfb_languages import languages_of
from bfb_text.slugs import german_slugify
from bfb_yaml.loader import load_located_yaml
from invoke import Collection
from orte.conftest import site_terms
from orte.validation import validate_places
from PIL import Image

import tasks
from pelicanconf import CONTENT_EXTRA_METADATA, SITE_LANGUAGES
from sitetools.build import CONTENT, ROOT
from sitetools.newcontent import new_content
from tests.conftest import build_site

GUIDE = ROOT / "docs" / "redaktion.md"
LANGUAGES = languages_of(SITE_LANGUAGES)
FENCE_RE = re.compile(r"^(?P<indent>\s*)```(?P<lang>\S*)(?P<info>.*)$")
ATTRIBUTE_RE = re.compile(r'(\w+)(?:="([^"]*)")?')


@dataclasses.dataclass(frozen=True)
class Example:
    lang: str
    attributes: dict[str, str]
    text: str


def guide_examples() -> list[Example]:
    examples, lines, index = [], GUIDE.read_text(encoding="utf-8").splitlines(), 0
    while index < len(lines):
        fence = FENCE_RE.match(lines[index])
        index += 1
        if not fence or not fence.group("lang"):
            continue
        indent, body = fence.group("indent"), []
        while lines[index].strip() != "```":
            body.append(lines[index][len(indent) :])
            index += 1
        index += 1
        attributes = {key: value or "" for key, value in ATTRIBUTE_RE.findall(fence.group("info"))}
        examples.append(Example(fence.group("lang"), attributes, "\n".join(body) + "\n"))
    return examples


EXAMPLES = guide_examples()
FILES = [e for e in EXAMPLES if e.lang == "markdown" and not {"fehler", "entwurf"} & set(e.attributes)]
DRAFTS = [e for e in EXAMPLES if e.lang == "markdown" and "entwurf" in e.attributes]
PLACES = [e for e in EXAMPLES if e.lang == "yaml" and "ort" in e.attributes]
MISTAKES = [e for e in EXAMPLES if "fehler" in e.attributes]
COMMANDS = [line.split("#")[0].strip() for e in EXAMPLES if e.lang == "sh" for line in e.text.splitlines()]


def test_the_guide_has_examples_of_each_kind():
    assert len(FILES) >= 5 and len(PLACES) >= 3 and len(COMMANDS) >= 7
    assert {e.lang for e in MISTAKES} == {"markdown", "yaml"}


def front(example: Example) -> dict[str, str]:
    return parse_front_matter(example.text).values()


def write_photos(content: Path, text: str) -> None:
    """The guide tells editors to drop a photo into content/bilder/; the test makes one."""
    for name in re.findall(r"\{static\}/bilder/([\w.-]+\.jpg)", text):
        photo = content / "bilder" / name
        if not photo.exists():
            photo.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (2000, 1500), (90, 140, 60)).save(photo, "JPEG")


def merge_place(content: Path, example: Example) -> None:
    data_file = content / "data" / "orte.yaml"
    places = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    (new,) = yaml.safe_load(example.text)
    (place,) = [place for place in places if place["slug"] == example.attributes["ort"]]
    place.update(new)
    data_file.write_text(yaml.safe_dump(places, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("guide")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    for example in FILES + DRAFTS:
        target = ROOT / example.attributes["title"]
        destination = content / target.relative_to(CONTENT)
        destination.write_text(example.text, encoding="utf-8")
        write_photos(content, example.text)
    if (content / "data" / "orte.yaml").exists():
        for example in PLACES:
            merge_place(content, example)
    return build_site("pelicanconf.py", root / "output", {"PATH": json.dumps(str(content))})


@pytest.mark.parametrize("example", FILES, ids=lambda e: Path(e.attributes["title"]).name)
def test_every_example_file_is_published(guide_site, example):
    fields = front(example)
    if example.attributes["title"].startswith("content/aktuelles/"):
        path = f"/aktuelles/{fields['slug']}/" if fields["lang"] == "de" else f"/en/news/{fields['slug']}/"
    else:
        path = f"/{LANGUAGES[fields['lang']].prefix}{fields['slug']}/"
    page = guide_site.page(path)
    assert page.h1.get_text(strip=True) == fields["title"]
    for alt in re.findall(r"!\[([^\]]+)\]", example.text):
        image = page.find("img", alt=alt)
        assert image is not None and image["srcset"] and image["loading"] == "lazy"


@pytest.mark.parametrize("example", DRAFTS, ids=lambda e: Path(e.attributes["title"]).name)
def test_every_draft_example_shows_the_to_do_box_the_guide_shows(guide_site, example):
    shown = EXAMPLES[EXAMPLES.index(example) + 1]
    assert shown.lang == "text"
    box = guide_site.page(f"/entwuerfe/{front(example)['slug']}/").select_one(".todo-box")
    # The build ran on a copy of content/ elsewhere: the box names that copy's path.
    text = re.sub(r"\s+", " ", box.get_text()).replace(str(guide_site.root.parent / "content"), "content")
    for line in shown.text.strip().splitlines():
        assert line in text, line


@pytest.mark.parametrize("example", PLACES, ids=lambda e: e.attributes["ort"])
def test_the_place_example_shows_on_the_place_page(guide_site, example):
    (new,) = yaml.safe_load(example.text)
    page = guide_site.page(f"/orte/{example.attributes['ort']}/")
    english = guide_site.page(f"/en/orte/{example.attributes['ort']}/")
    steps = page.select(".place__measure")
    for measure in new.get("measures", []):
        (step,) = [step for step in steps if step.h3.get_text() == measure["title"]]
        sources = measure["source"] if isinstance(measure["source"], list) else [measure["source"]]
        assert [a["href"] for a in step.select(".place__sources a")] == [source["url"] for source in sources]
        assert measure["en"]["title"] in [h.get_text() for h in english.select(".place__measure-title")]
        actors = measure["actor"] if isinstance(measure["actor"], list) else [measure["actor"]]
        shown = step.select_one(".place__actor").get_text(" ", strip=True)
        assert shown == "Wer: " + ", ".join(site_terms().label("actors", actor, "de") for actor in actors)
        if "note" in measure:
            assert measure["note"] not in page.get_text(" ")  # notes are never shown
    if "status" in new:
        stage = site_terms()["stages"][new["status"]["stage"]]
        assert page.select_one(".place__stage").get_text() == f"Stand: {stage.label('de')}"
        assert new["status"]["decided_by"] in page.select_one(".place__stage-source").get_text()
        assert english.select_one(".place__stage").get_text() == f"Status: {stage.label('en')}"


@pytest.mark.parametrize("example", MISTAKES, ids=lambda e: e.lang)
def test_the_error_example_gives_the_message_shown(tmp_path, example):
    shown = EXAMPLES[EXAMPLES.index(example) + 1]
    assert shown.lang == "text"
    relative = Path(example.attributes["title"])
    destination = tmp_path / relative
    destination.parent.mkdir(parents=True)
    destination.write_text(example.text, encoding="utf-8")
    if example.lang == "yaml":
        data, problems = load_located_yaml(destination)
        problems = problems or validate_places(data, destination, LANGUAGES)[1]
    else:
        problems = check_content(
            tmp_path / "content",
            {
                "ARTICLE_PATHS": ["aktuelles"],
                "PAGE_PATHS": ["seiten"],
                "SITE_LANGUAGES": SITE_LANGUAGES,
                "CONTENT_EXTRA_METADATA": CONTENT_EXTRA_METADATA,
            },
        )
    rendered = "\n".join(dataclasses.replace(p, file=relative).render() for p in problems)
    assert problems
    for line in shown.text.strip().splitlines():
        assert line in rendered


@pytest.mark.parametrize("command", [c for c in COMMANDS if c], ids=str)
def test_every_command_exists_with_its_options(command):
    words = shlex.split(command)
    assert words[0] == "invoke"
    collection = Collection.from_module(tasks)
    task = collection[words[1]]
    options = {argument.name for argument in task.get_arguments()}
    for word in words[2:]:
        if word.startswith("--"):
            assert word[2:].replace("-", "_") in options, word


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("invoke new")], ids=str)
def test_invoke_new_creates_what_the_guide_says(command, tmp_path):
    words = shlex.split(command)[2:]
    also = tuple(words[index + 1] for index, word in enumerate(words) if word == "--also")
    title = next(word for word in words if not word.startswith("--") and word not in also)
    created = new_content(title, page="--page" in words, also=also, content_dir=tmp_path)
    assert len(created) == 1 + len(also)
    slug = german_slugify(title)
    if "--page" in words:
        assert created[0] == tmp_path / "seiten" / f"{slug}.md"
        promised = f"content/seiten/{slug}.md"
    else:
        assert re.fullmatch(rf"\d{{4}}-\d{{2}}-\d{{2}}-{slug}\.md", created[0].name)
        promised = f"content/aktuelles/<heutiges Datum>-{slug}.md"
    if not title.startswith("Titel der"):  # the guide names the file its example creates
        assert promised in GUIDE.read_text(encoding="utf-8")


def readme_place_snippets() -> list[str]:
    """The YAML snippets of the README's section "Orte pflegen"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Orte pflegen", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.*?)\n\s*```", section, flags=re.DOTALL)
    return [textwrap.indent(textwrap.dedent(block), "  ") + "\n" for block in blocks]


def test_the_readme_place_snippets_are_valid_data(tmp_path):
    snippets = readme_place_snippets()
    assert len(snippets) == 2  # a step with its source, a recorded status
    place = "- name: Beispielort\n  slug: beispielort\n  kind: Ortsgemeinde\n"
    data_file = tmp_path / "orte.yaml"
    data_file.write_text(place + "".join(snippets), encoding="utf-8")
    data, problems = load_located_yaml(data_file)
    (record,), problems = validate_places(data, data_file, LANGUAGES)
    assert problems == []
    assert record.measures[0].sources and record.status.decided_by


def test_the_phone_and_gap_example_shows_a_phone_link_and_a_marked_gap(guide_site):
    (example,) = [e for e in FILES if "{telefon}" in e.text and "{offen:" in e.text]
    page = guide_site.page(f"/{front(example)['slug']}/").select_one("main article")
    assert page.select_one('a[href^="tel:+49"]') is not None
    assert page.select_one(".gap") is not None and "{" not in page.get_text()
