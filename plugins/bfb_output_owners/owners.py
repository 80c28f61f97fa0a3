"""Refuse a build in which two sources would write the same file of the site.

Pelican's writer refuses a second write to a file only if neither write is an "override"
(a `Save_as:` is one, so it could silently replace any place page), it cannot see across the
German site and the English subsite, and it stops with an English traceback. This plugin
keeps a register of who writes what, keyed by the absolute output path, so it spans both
sites and says in German which two sources collide (a page with `Slug: orte` and the places
overview, a news item with `Slug: archiv` and the archive):

* on `all_generators_finalized`, before anything is written, every article, page, draft,
  place and static file claims its `save_as`, and the generated lists claim theirs
  (DIRECT_TEMPLATES' `*_SAVE_AS`, PLACES_SAVE_AS, FEED_ATOM/FEED_RSS);
* on `content_written`, every file actually written claims its path again, which catches
  what no setting names (e.g. the second page of a paginated list).

A second owner of a path stops the build naming both (bfb_errors). Other plugins that write
files themselves can call `claim(settings, path, owner)` for the same guarantee. The
register is this build's (bfb_build), shared by both language sites and new with every build.
Settings: none.
"""

from __future__ import annotations

import os

from bfb_build import is_main_site, start_with_the_main_site, this_build
from bfb_build.owners import OutputOwners, Owner, claim, file_owner
from bfb_contents import contents_of
from bfb_contents.kinds import content_variables
from bfb_errors import stop_build
from pelican import signals

# How the generated lists are named to an editor (after "von"), by the template that writes them.
GENERATED_NAMES = {
    "index": "der Liste der Meldungen",
    "archives": "dem Archiv der Meldungen",
    "places": "der Übersicht der Orte",
    "feed": "dem Newsfeed",
}


def start_register(pelican) -> None:
    if is_main_site(pelican.settings):
        this_build(pelican.settings).part(OutputOwners).site = os.path.abspath(pelican.output_path)


def source_owner(content) -> Owner:
    return file_owner(content.source_path)


def generated_owner(name: str, relative: str) -> Owner:
    return Owner(
        f"generated:{relative}", f"{GENERATED_NAMES.get(name, 'der Website selbst')} (automatisch erzeugt)"
    )


def planned_outputs(generators: list) -> list[tuple[str, Owner]]:
    """(output path relative to the site, owner) of everything this (sub)site will write."""
    settings = generators[0].settings
    planned = [
        (content.save_as, source_owner(content)) for content in contents_of(generators) if content.save_as
    ]
    for generator in generators:
        planned += [
            (static.save_as, source_owner(static)) for static in getattr(generator, "staticfiles", [])
        ]
    generated = {
        name: settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html") for name in settings["DIRECT_TEMPLATES"]
    }
    generated["places"] = settings.get("PLACES_SAVE_AS")
    generated["feed"] = settings.get("FEED_ATOM") or settings.get("FEED_RSS")
    planned += [(path, generated_owner(name, path)) for name, path in generated.items() if path]
    return planned


def check_planned_outputs(generators) -> None:
    generators = list(generators)
    if not generators:
        return
    output = generators[0].output_path
    settings = generators[0].settings
    problems = [
        claim(settings, os.path.join(output, path), owner) for path, owner in planned_outputs(generators)
    ]
    if any(problems):
        stop_build([found for found in problems if found])


def check_written_file(path: str, context: dict) -> None:
    content = next((context[key] for key in content_variables() if context.get(key) is not None), None)
    if content is not None and getattr(content, "source_path", None):
        owner = source_owner(content)
    else:
        relative = context.get("output_file") or os.path.basename(path)
        owner = generated_owner(context.get("page_name", ""), relative)
    found = claim(context, path, owner)
    if found:
        stop_build([found])


def register() -> None:
    start_with_the_main_site()
    signals.initialized.connect(start_register)
    signals.all_generators_finalized.connect(check_planned_outputs)
    signals.content_written.connect(check_written_file)
