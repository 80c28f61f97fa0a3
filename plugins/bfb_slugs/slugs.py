"""German slugs for content without `Slug:` (the function itself is bfb_text.slugs)."""

from bfb_text.slugs import german_slugify
from pelican import signals


def apply_german_slug(content) -> None:
    """Replace Pelican's slug with the German one where the editor gave none."""
    if "slug" in content.metadata or not getattr(content, "title", None):
        return
    content.slug = german_slugify(content.title)


def register() -> None:
    signals.content_object_init.connect(apply_german_slug)
