"""The Pelican side of the plugin: read and check the data, build `Place` pages, write them.

`PlacesGenerator` runs once per language (i18n_subsites builds the English subsite with its own
generators). `generate_context()` validates everything — the data file, the optional Markdown
bodies and the `Orte:` metadata of every news item in every language — and stops the build with
all problems before anything is written. Templates are rendered only in `generate_output()`,
because gettext is installed just before writing (pelican-pitfalls: #1262).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from bfb_errors import Problem, stop_build
from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator, PagesGenerator

from .figures import charts_for, compute_figures
from .loader import load_located_yaml
from .model import KINDS, MEASURE_TYPES, STAGES, Measure, PlaceRecord, german_sort_key
from .svg_map import layout_map
from .validation import (
    check_place_references,
    metadata_line,
    metadata_value,
    parse_place_list,
    suggestion,
    validate_places,
)

DEFAULT_SETTINGS = {
    "ORTE_DATA": "data/orte.yaml",  # relative to PATH
    "ORTE_BODIES": "orte",  # folder of optional Markdown bodies, relative to PATH
    "PLACE_URL": "orte/{slug}/",
    "PLACE_SAVE_AS": "orte/{slug}/index.html",
    "PLACE_LANG_URL": "orte/{slug}/",
    "PLACE_LANG_SAVE_AS": "orte/{slug}/index.html",
    "PLACES_URL": "orte/",
    "PLACES_SAVE_AS": "orte/index.html",
}
LANGUAGE_NAMES = {"de": "deutsch", "en": "englisch"}
# Where content files' raw `Orte:` values are collected while Pelican reads them (per site).
REFERENCES_KEY = "orte_references"
ARTICLE_LISTS = ("articles", "drafts", "hidden_articles")


class Place(Page):
    """One place's page. Pelican takes its URL from PLACE_URL / PLACE_SAVE_AS (the class name)."""

    default_template = "place"


@dataclass(frozen=True)
class LabelledMeasure:
    """A measure with its type's label in the page's language."""

    measure: Measure
    type_label: str


@dataclass(frozen=True)
class PlaceGroup:
    """A group on the overview: a town with its districts, or all Ortsgemeinden."""

    kind: str
    head: Place | None
    places: tuple[Place, ...]


class PlacesGenerator(Generator):
    """Turns content/data/orte.yaml into /orte/ and one page per place."""

    def __init__(self, *args, **kwargs):
        self.places: list[Place] = []
        super().__init__(*args, **kwargs)
        # The context is a copy of the settings made before any generator exists: fill both.
        for key, value in DEFAULT_SETTINGS.items():
            self.settings.setdefault(key, value)
            self.context.setdefault(key, self.settings[key])

    # --- reading and checking ---------------------------------------------------------------

    def generate_context(self) -> None:
        lang = self.settings["DEFAULT_LANG"]
        records, problems = self.read_records()
        known = {record.slug for record in records}
        bodies, body_problems = find_bodies(Path(self.path) / self.settings["ORTE_BODIES"], known)
        problems += body_problems
        problems += check_place_references(self.context.get(REFERENCES_KEY, {}), known)
        if problems:
            stop_build(problems)
        self.places = build_places(records, lang, bodies, self)
        by_slug = {place.slug: place for place in self.places}
        link_articles(self.context, by_slug)
        figures = compute_figures(records)
        self.context.update(
            places=self.places,
            places_by_slug=by_slug,
            place_groups=group_places(self.places),
            places_without_coordinates=[place for place in self.places if not place.record.coordinates],
            place_figures=figures,
            place_charts=charts_for(figures, lang),
            place_map=layout_map(records),
        )

    def read_records(self) -> tuple[list[PlaceRecord], list[Problem]]:
        path = Path(self.path) / self.settings["ORTE_DATA"]
        data, problems = load_located_yaml(path)
        if problems:
            return [], problems
        return validate_places(data, path)

    # --- writing ------------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        link_translations(self.places, self.context)
        relative_urls = self.settings["RELATIVE_URLS"]
        for place in self.places:
            writer.write_file(
                place.save_as,
                self.get_template(place.template),
                self.context,
                place=place,
                relative_urls=relative_urls,
                url=place.url,
            )
        writer.write_file(
            self.settings["PLACES_SAVE_AS"],
            self.get_template("places"),
            self.context,
            relative_urls=relative_urls,
            url=self.settings["PLACES_URL"],
        )


def find_bodies(folder: Path, known: set[str]) -> tuple[dict[tuple[str, str], Path], list[Problem]]:
    """Return {(slug, lang): path} of the Markdown bodies, and a Problem for each unknown place."""
    bodies, problems = {}, []
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        stem = path.name.removesuffix(".md")
        slug, lang = (stem.removesuffix(".en"), "en") if stem.endswith(".en") else (stem, "de")
        if slug in known:
            bodies[(slug, lang)] = path
            problems += _check_body_language(path, lang)
            continue
        problems.append(
            Problem(
                path,
                None,
                f"Zu dieser Datei gibt es keinen Ort „{slug}“.{suggestion(slug, known)}",
                "Die Datei nach dem slug des Ortes benennen: <slug>.md (Deutsch) "
                "oder <slug>.en.md (Englisch).",
                detail=f"body file for unknown place slug {slug!r}",
            )
        )
    return bodies, problems


def _check_body_language(path: Path, lang: str) -> list[Problem]:
    """A body's `Lang:` must match its file name, or the site of that language would skip it."""
    written = metadata_value(path, "lang")
    if written is None or written.lower() == lang:
        return []
    return [
        Problem(
            path,
            metadata_line(path, "lang"),
            f"Die Datei ist nach ihrem Namen {LANGUAGE_NAMES[lang]}, im Kopf steht aber „Lang: {written}“.",
            f"„Lang: {lang}“ schreiben – oder die Datei umbenennen "
            "(Deutsch: <slug>.md, Englisch: <slug>.en.md).",
            detail=f"Lang {written!r} does not match the file name ({lang})",
        )
    ]


def build_places(records: list[PlaceRecord], lang: str, bodies: dict, generator: Generator) -> list[Place]:
    """Create the Place pages of one language, sorted in German order, with parents and parts."""
    body_folder = Path(generator.path) / generator.settings["ORTE_BODIES"]
    places = []
    for record in sorted(records, key=lambda record: german_sort_key(record.name)):
        body = bodies.get((record.slug, lang))
        html = generator.readers.readers["md"].read(str(body))[0] if body else ""
        place = make_place(record, lang, html, body_folder / f"{record.slug}.md", generator)
        # {filename}/orte/<slug>.md links to the place in every language's site.
        generator.add_source_path(place)
        places.append(place)
    by_slug = {place.slug: place for place in places}
    for place in places:
        place.parent = by_slug.get(place.record.part_of)
        place.parts = [other for other in places if other.record.part_of == place.slug]
    return places


def make_place(record: PlaceRecord, lang: str, html: str, source_path: Path, generator: Generator) -> Place:
    """Return the Place page of `record` in `lang`, with its labels in that language."""
    metadata = {"title": record.name, "slug": record.slug, "lang": lang}
    place = Place(
        html, metadata, settings=generator.settings, source_path=str(source_path), context=generator.context
    )
    place.record = record
    place.has_body = bool(html)
    place.kind_label = KINDS[record.kind].label(lang)
    # Not `status`: Pelican uses that for published/draft.
    place.stage = record.status
    place.stage_label = STAGES[record.status].label(lang)
    place.measure_list = [
        LabelledMeasure(measure, MEASURE_TYPES[measure.type].label(lang))
        for measure in sorted(record.measures, key=lambda measure: -measure.year)
    ]
    place.news = []
    place.parent = None
    place.parts = []
    return place


def group_places(places: list[Place]) -> list[PlaceGroup]:
    """Towns with their districts first, then every place that belongs to no other place."""
    towns = [
        PlaceGroup("Stadt", place, (place, *place.parts)) for place in places if place.record.kind == "Stadt"
    ]
    grouped = {member.slug for group in towns for member in group.places}
    others = tuple(place for place in places if place.slug not in grouped)
    return [*towns, PlaceGroup("Ortsgemeinde", None, others)] if others else towns


def link_articles(context: dict, by_slug: dict[str, Place]) -> None:
    """Give each news item `.places`, and each place `.news` (its published items, newest first)."""
    for list_name in ARTICLE_LISTS:
        for article in context.get(list_name, []):
            # Only a draft can name an unknown place (check_place_references stops the rest).
            article.places = [
                by_slug[slug] for slug in parse_place_list(getattr(article, "orte", "")) if slug in by_slug
            ]
    for article in context.get("articles", []):
        for place in article.places:
            place.news.append(article)


def link_translations(places: list[Place], context: dict) -> None:
    """Give each place its pages in the other languages, for hreflang and the language switcher.

    i18n_subsites puts `lang_siteurls` and `relpath_to_site` into the context just before writing;
    without it (a site in one language) places have no translations.
    """
    siteurls = context.get("lang_siteurls") or {}
    relpath_to_site = context.get("relpath_to_site")
    for place in places:
        place.translations = [
            _translation(place, lang, relpath_to_site(place.lang, lang))
            for lang in siteurls
            if lang != place.lang
        ]


def _translation(place: Place, lang: str, relpath: str) -> Place:
    other = Place(
        "",
        {"title": place.title, "slug": place.slug, "lang": lang},
        settings=place.settings,
        source_path=place.source_path,
        context=place._context,
    )
    other.override_url = posixpath.join(relpath, place.url)
    return other


def collect_place_references(content) -> None:
    """Remember every content file's `Orte:` value, in all languages, before i18n filters them."""
    value = content.metadata.get("orte")
    if value is None or isinstance(content, Place):
        return
    if getattr(content, "status", None) == "draft":
        return  # a draft's unknown place goes into its to-do box (bfb_content_check), not stops the preview
    content._context.setdefault(REFERENCES_KEY, {})[content.source_path] = value


def share_page_templates(generators) -> None:
    """Render places with the pages' Jinja environment instead of a second one of our own.

    Every Pelican generator compiles the theme (base.html and its partials) again in its own
    environment; compiling was half of this plugin's build time. The pages' environment has
    the same filters, globals and (installed later by i18n_subsites) translations.
    """
    pages = next((gen for gen in generators if isinstance(gen, PagesGenerator)), None)
    for generator in generators:
        if isinstance(generator, PlacesGenerator) and pages is not None:
            generator.env = pages.env
            generator._templates = pages._templates


def get_generators(pelican) -> type[PlacesGenerator]:
    return PlacesGenerator


def register() -> None:
    signals.content_object_init.connect(collect_place_references)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(share_page_templates)
