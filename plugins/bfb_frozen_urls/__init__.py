"""URLs of content objects are computed once, not on every access (see frozen_urls.py for why)."""

from .frozen_urls import freeze, register

__all__ = ["freeze", "register"]
