"""Run the translation checks once per build, before Pelican reads any content."""

from bfb_content_check.content_check import files_read_for_this_build
from bfb_errors import stop_build

from .coverage import translation_problems


def check_on_initialization(pelican) -> None:
    settings = pelican.settings
    if settings["DEFAULT_LANG"] in settings.get("I18N_SUBSITES", {}):
        return  # a language subsite: the main site has checked every language
    # The content check (if active) has just read every content file for this build.
    files = files_read_for_this_build(settings["PATH"])
    problems = translation_problems(settings["PATH"], settings, files)
    if problems:
        stop_build(problems)
