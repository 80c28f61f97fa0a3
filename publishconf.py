"""Production settings: what `invoke preview` and `invoke publish` build.

Everything from `pelicanconf.py`, plus the absolute address of the live site,
feeds, and no development leftovers (no drafts, no cache from a dev build).
"""

import os

from pelicanconf import *  # noqa: F403
from pelicanconf import language_subsites

# The live address; override with the environment variable SITEURL.
SITEURL = os.environ.get("SITEURL", "https://www.buerger-daun.de").rstrip("/")
RELATIVE_URLS = False

# One Atom feed per language, each with its own address (the English one is set in
# language_subsites()); no feed mixing both languages. FEED_DOMAIN follows SITEURL
# per language (plugin bfb_language_links).
FEED_ATOM = "feeds/aktuelles.atom.xml"
FEED_ATOM_URL = "feeds/aktuelles.atom.xml"
FEED_ALL_ATOM = None

I18N_SUBSITES = language_subsites(production=True)

# Every published German news item and page needs its English translation
# (or `German_only: ja`); see plugins/bfb_translations.
TRANSLATIONS_REQUIRED = True

# Drafts exist only in the development preview.
DRAFT_URL = DRAFT_SAVE_AS = DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""

# A production build reads every text and draws every map afresh: it neither loads nor
# writes a cache (its own folder all the same, should a setting ever switch one on).
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
CACHE_PATH = ".cache/pelican-publish"

# News dated in the future stay unpublished until their day (the next publish after it).
WITH_FUTURE_DATES = False
