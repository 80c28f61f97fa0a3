from .slugs import german_slugify, register

__all__ = ["german_slugify", "register"]
