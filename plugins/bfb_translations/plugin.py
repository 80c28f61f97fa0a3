"""Run the translation checks once per build, before Pelican reads any content."""

from bfb_build import is_main_site
from bfb_contents.content_files import files_of_this_build
from bfb_errors import stop_build

from .coverage import translation_problems


def check_on_initialization(pelican) -> None:
    settings = pelican.settings
    if not is_main_site(settings):
        return  # a language subsite: the main site has checked every language
    # The files of this build, read once for this check and the content check (either order).
    problems = translation_problems(settings["PATH"], settings, files_of_this_build(settings))
    if problems:
        stop_build(problems)
