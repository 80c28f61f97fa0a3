"""The Pelican side of the plugin: read and check the data, build `Place` pages, write them.

`PlacesGenerator` runs once per language (i18n_subsites builds the English subsite with its own
generators). `generate_context()` validates everything — the data file, the optional Markdown
bodies and the `Orte:` metadata of every news item in every language — and stops the build with
all problems before anything is written. Templates are rendered only in `generate_output()`,
because i18n_subsites installs gettext only just before writing (pelican-plugins issue #1262).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from bfb_build.figures import provide_figure
from bfb_contents.kinds import NEWS, PLACE, TEXT_KINDS, lists_of
from bfb_errors import Problem, stop_build
from bfb_languages import Language, language_of_file, main_language, table
from markupsafe import Markup, escape
from pelican import signals
from pelican.contents import Page
from pelican.generators import Generator, PagesGenerator

from .figures import charts_for, compute_figures
from .model import UNKNOWN_STAGE, UNLABELLED_TYPE, Measure, PlaceRecord, Terms, german_sort_key
from .places_file import DEFAULT_DATA_FILE, number_of_places, places_file_of_this_build
from .svg_map import DEFAULT_BOUNDARIES, build_place_map
from .terms import DEFAULT_TERMS_FILE, terms_of_this_build
from .validation import (
    check_place_references,
    metadata_line,
    metadata_value,
    parse_place_list,
    suggestion,
)

DEFAULT_SETTINGS = {
    "ORTE_DATA": DEFAULT_DATA_FILE,  # relative to PATH
    "ORTE_TERMS": DEFAULT_TERMS_FILE,  # the vocabularies' names per language, relative to PATH
    "ORTE_BODIES": "orte",  # folder of optional Markdown bodies, relative to PATH
    "ORTE_BOUNDARIES": str(DEFAULT_BOUNDARIES),  # GeoJSON of the Gemeinden (svg_map.py)
    "PLACE_URL": "orte/{slug}/",
    "PLACE_SAVE_AS": "orte/{slug}/index.html",
    "PLACE_LANG_URL": "orte/{slug}/",
    "PLACE_LANG_SAVE_AS": "orte/{slug}/index.html",
    "PLACES_URL": "orte/",
    "PLACES_SAVE_AS": "orte/index.html",
}
ARTICLE_LISTS = NEWS.lists
# Every list of content objects the articles and pages generators put into the context.
CONTENT_LISTS = lists_of(TEXT_KINDS)


class Place(Page):
    """One place's page. Pelican takes its URL from PLACE_URL / PLACE_SAVE_AS (the class name)."""

    default_template = PLACE.template


# A name in the main language inside a translation, written in German quotation marks:
# „Unser Dorf hat Zukunft“ (the convention of the data file, whose main language is German).
MAIN_LANGUAGE_NAME = re.compile("\u201e([^\u201c\u201e]+)\u201c")


def with_main_language_names(text: str, main_lang: str) -> Markup:
    """A translated text from the data, escaped, its „names“ shown as “name” marked with
    lang=`main_lang` (the main language's html_lang: the names stay as they are)."""
    parts, last = [], 0
    for match in MAIN_LANGUAGE_NAME.finditer(text):
        name = Markup('“<span lang="{}">{}</span>”').format(main_lang, match[1])
        parts += [escape(text[last : match.start()]), name]
        last = match.end()
    return Markup("").join([*parts, escape(text[last:])])


@dataclass(frozen=True)
class LabelledMeasure:
    """A measure as a page of one language shows it: its type's label, who took it, and its texts.

    `type_label` is "" for a step of no telling type (UNLABELLED_TYPE). `actors` are the labels
    of who took the step, in the page's language. `text_lang` is "" when title and description
    are in the page's language, else the html_lang of the main language they are in (a page of
    another language showing a step nobody has translated yet). Translated texts are Markup:
    their „names“ carry the main language's lang.
    """

    measure: Measure
    type_label: str
    title: str | Markup
    description: str | Markup
    text_lang: str
    actors: tuple[str, ...] = ()

    @classmethod
    def of(cls, measure: Measure, lang: str, main: Language, terms: Terms) -> LabelledMeasure:
        """`measure` on a page in language `lang`; `main`: the main language; labels from `terms`."""
        labels = label_language(lang, main, terms)
        type_label = (
            "" if measure.type == UNLABELLED_TYPE else terms.label("measure_types", measure.type, labels)
        )
        actors = tuple(terms.label("actors", actor, labels) for actor in measure.actors)
        if lang == main.key:
            return cls(measure, type_label, measure.title, measure.description, "", actors)
        text = measure.text_in(lang)
        if text is None:
            return cls(measure, type_label, measure.title, measure.description, main.html_lang, actors)
        title = with_main_language_names(text.title, main.html_lang)
        description = with_main_language_names(text.description, main.html_lang)
        return cls(measure, type_label, title, description, "", actors)


def label_language(lang: str, main: Language, terms: Terms) -> str:
    """The language whose labels a site of `lang` uses: its own, or (a variant without place
    pages, whose places are built but never written) the main language's."""
    return lang if terms.has_language(lang) else main.key


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
        # Read and validated once per build, whichever site or check asks first (places_file).
        places_file = places_file_of_this_build(self.settings)
        records, problems = list(places_file.records), list(places_file.problems)
        # Slugs as written, also of places with a mistake: a news item naming such a place is
        # not a second problem. Without readable data there is nothing to compare with.
        known = places_file.slugs
        bodies, body_problems = find_bodies(
            Path(self.path) / self.settings["ORTE_BODIES"],
            known or set(),
            list(table(self.settings).values()),
        )
        terms, term_problems = terms_of_this_build(self.settings)
        problems += term_problems
        if known is not None:
            problems += body_problems
            problems += check_place_references(place_references(self.context), known)
            draft_problems = check_place_references(place_references(self.context, drafts=True), known)
            add_to_draft_todos(self.context, draft_problems)
        if not problems:
            # Maps drawn by an earlier development build from the same inputs are used again.
            caching = self.settings.get("CACHE_CONTENT")
            memo_folder = Path(self.settings["CACHE_PATH"]) if caching else None
            place_map, problems = build_place_map(
                records,
                Path(self.settings["ORTE_BOUNDARIES"]),
                Path(self.path) / self.settings["ORTE_DATA"],
                memo_folder,
            )
        if problems:
            stop_build(problems)
        self.places = build_places(records, lang, bodies, self, terms)
        main = main_language(self.settings)
        by_slug = {place.slug: place for place in self.places}
        link_articles(self.context, by_slug)
        figures = compute_figures(records)
        self.context.update(
            places=self.places,
            places_by_slug=by_slug,
            place_groups=group_places(self.places),
            places_without_coordinates=[place for place in self.places if not place.record.coordinates],
            places_without_measures=[place for place in self.places if not place.measures],
            place_figures=figures,
            place_charts=charts_for(figures, label_language(lang, main, terms), terms),
            place_map=place_map,
        )

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


def find_bodies(
    folder: Path, known: set[str], languages: list[Language]
) -> tuple[dict[tuple[str, str], Path], list[Problem]]:
    """Return {(slug, lang): path} of the Markdown bodies, and a Problem for each unknown place.

    The language of a body is its file name's suffix in SITE_LANGUAGES (`gillenfeld.en.md`).
    """
    bodies, problems = {}, []
    names = ", ".join(f"{found.label}: <slug>{found.suffix}.md" for found in languages)
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        language = language_of_file(languages, path)
        slug = path.name.removesuffix(".md").removesuffix(language.suffix) if language.suffix else path.stem
        if slug in known:
            bodies[(slug, language.key)] = path
            problems += _check_body_language(path, language, names)
            continue
        problems.append(
            Problem(
                path,
                None,
                f"Zu dieser Datei gibt es keinen Ort „{slug}“.{suggestion(slug, known)}",
                f"Die Datei nach dem slug des Ortes benennen ({names}).",
                detail=f"body file for unknown place slug {slug!r}",
                code="place-text-unknown-place",
            )
        )
    return bodies, problems


def _check_body_language(path: Path, language: Language, names: str) -> list[Problem]:
    """A body's `Lang:` must match its file name, or the site of that language would skip it."""
    lang = language.key
    written = metadata_value(path, "lang")
    if written is None or written.lower() == lang:
        return []
    return [
        Problem(
            path,
            metadata_line(path, "lang"),
            f"Nach ihrem Namen gehört die Datei zur Sprache „{language.label}“, "
            f"im Kopf steht aber „Lang: {written}“.",
            f"„Lang: {lang}“ schreiben – oder die Datei umbenennen ({names}).",
            detail=f"Lang {written!r} does not match the file name ({lang})",
            code="place-text-lang-not-file-name",
        )
    ]


def build_places(
    records: list[PlaceRecord], lang: str, bodies: dict, generator: Generator, terms: Terms
) -> list[Place]:
    """Create the Place pages of one language, sorted in German order, with parents and parts."""
    body_folder = Path(generator.path) / generator.settings["ORTE_BODIES"]
    places = []
    for record in sorted(records, key=lambda record: german_sort_key(record.name)):
        body = bodies.get((record.slug, lang))
        html = generator.readers.readers["md"].read(str(body))[0] if body else ""
        place = make_place(record, lang, html, body_folder / f"{record.slug}.md", generator, terms)
        # {filename}/orte/<slug>.md links to the place in every language's site.
        generator.add_source_path(place)
        places.append(place)
    by_slug = {place.slug: place for place in places}
    for place in places:
        place.parent = by_slug.get(place.record.part_of)
        place.parts = [other for other in places if other.record.part_of == place.slug]
    return places


def make_place(
    record: PlaceRecord, lang: str, html: str, source_path: Path, generator: Generator, terms: Terms
) -> Place:
    """Return the Place page of `record` in `lang`, with its labels in that language."""
    metadata = {"title": record.name, "slug": record.slug, "lang": lang}
    place = Place(
        html, metadata, settings=generator.settings, source_path=str(source_path), context=generator.context
    )
    place.record = record
    place.has_body = bool(html)
    main = main_language(generator.settings)
    labels = label_language(lang, main, terms)
    place.kind_label = terms.label("kinds", record.kind, labels)
    # Not `status`: Pelican uses that for published/draft. None: nobody has recorded it.
    place.stage = record.status.stage if record.status else None
    stage = ("stages", place.stage) if place.stage else ("overview", UNKNOWN_STAGE)
    place.stage_label = terms.label(*stage, labels)
    # Newest first; the map colours places by len(place.measures).
    place.measures = [
        LabelledMeasure.of(measure, lang, main, terms)
        for measure in sorted(record.measures, key=Measure.newest_first_key)
    ]
    place.latest_measure = place.measures[0] if place.measures else None
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


def place_references(context: dict, drafts: bool = False) -> dict[str, object]:
    """{source path: raw `Orte:` value} of every article and page this site has read.

    Drafts only with `drafts=True` (and then only drafts): a draft naming an unknown place
    gets it in its to-do box (`publishing_todo`, bfb_content_check) and must not stop the
    preview. The places generator runs after the articles and pages generators, so their
    lists are in the shared context (content from the content cache included).
    """
    return {
        content.source_path: content.metadata["orte"]
        for name in CONTENT_LISTS
        for content in context.get(name, [])
        if "orte" in content.metadata and is_draft(content) == drafts
    }


def is_draft(content) -> bool:
    return getattr(content, "status", None) == "draft"


def add_to_draft_todos(context: dict, problems: list[Problem]) -> None:
    """Put each draft's unknown places into its to-do box, in line order with the rest."""
    by_path: dict[str, list[Problem]] = {}
    for found in problems:
        by_path.setdefault(str(found.file), []).append(found)
    for name in CONTENT_LISTS:
        for content in context.get(name, []):
            found = by_path.get(str(content.source_path))
            if found and is_draft(content):
                todo = [*getattr(content, "publishing_todo", []), *found]
                content.publishing_todo = sorted(todo, key=lambda problem: problem.line or 0)


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
            _translation(place, lang, relpath_to_site(place.lang, lang), context)
            for lang in siteurls
            if lang != place.lang
        ]


def _translation(place: Place, lang: str, relpath: str, context: dict) -> Place:
    other = Place(
        "",
        {"title": place.title, "slug": place.slug, "lang": lang},
        settings=place.settings,
        source_path=place.source_path,
        context=context,
    )
    other.override_url = posixpath.join(relpath, place.url)
    return other


def share_page_environment(generators) -> None:
    """Render places with the pages' Jinja environment instead of a second one of our own.

    Jinja keeps the templates an environment has loaded, so base.html and its partials are
    loaded once for pages and places. The pages' environment has the same filters, globals
    and (installed later by i18n_subsites) translations.
    """
    pages = next((gen for gen in generators if isinstance(gen, PagesGenerator)), None)
    for generator in generators:
        if isinstance(generator, PlacesGenerator) and pages is not None:
            generator.env = pages.env


def get_generators(pelican) -> type[PlacesGenerator]:
    return PlacesGenerator


def provide_number_of_places(pelican) -> None:
    """initialized handler: `{anzahl:orte}` in a text is the number of places (bfb_figures)."""
    provide_figure(pelican.settings, "orte", number_of_places)


def register() -> None:
    signals.initialized.connect(provide_number_of_places)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(share_page_environment)
