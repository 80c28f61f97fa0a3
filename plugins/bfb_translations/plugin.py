"""Run the translation checks once per build, before Pelican reads any content."""

from bfb_errors import stop_build

from .coverage import translation_problems


def check_on_initialization(pelican) -> None:
    settings = pelican.settings
    if settings["DEFAULT_LANG"] in settings.get("I18N_SUBSITES", {}):
        return  # a language subsite: the main site has checked every language
    problems = translation_problems(settings["PATH"], settings)
    if problems:
        stop_build(problems)
