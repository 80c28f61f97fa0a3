"""Links between the German site and its English subsite.

Adds the Jinja global `counterpart_urls()`: for the page being written, the URL of
the same page in every language. Content (articles, pages, places) links to its
translation; a page without a translation links to the other language's start page;
generated lists (news, archive) map through `COUNTERPART_PATHS`.

Settings: `COUNTERPART_PATHS`, a list of dicts {lang: path prefix}, most specific first.
"""

from bfb_locale.locale_format import clean_url
from jinja2 import pass_context
from pelican import signals

CONTENT_VARIABLES = ("article", "page", "place")


def site_url(siteurl: str, path: str) -> str:
    return clean_url(f"{siteurl}/{path}")


def content_counterparts(content, siteurl: str, lang_siteurls: dict) -> dict:
    urls = {lang: site_url(base, "") for lang, base in lang_siteurls.items()}
    urls[content.lang] = site_url(siteurl, content.url)
    for translation in getattr(content, "translations", []):
        urls[translation.lang] = site_url(siteurl, translation.url)
    return urls


def path_counterparts(path: str, lang: str, lang_siteurls: dict, table: list) -> dict:
    for entry in table:
        if lang in entry and path.startswith(entry[lang]):
            return {other: site_url(lang_siteurls[other], entry.get(other, "")) for other in lang_siteurls}
    return {other: site_url(lang_siteurls[other], path) for other in lang_siteurls}


@pass_context
def counterpart_urls(context) -> dict:
    """Return {lang: url} of the page being rendered, in every language."""
    lang_siteurls = context.get("lang_siteurls") or {context["DEFAULT_LANG"]: context["SITEURL"]}
    for name in CONTENT_VARIABLES:
        content = context.get(name)
        if content is not None and hasattr(content, "translations"):
            return content_counterparts(content, context["SITEURL"], lang_siteurls)
    path = (context.get("output_file") or "").removesuffix("index.html")
    return path_counterparts(
        path, context["DEFAULT_LANG"], lang_siteurls, context.get("COUNTERPART_PATHS", [])
    )


def add_global(generator) -> None:
    generator.env.globals["counterpart_urls"] = counterpart_urls


def register() -> None:
    signals.generator_init.connect(add_global)
