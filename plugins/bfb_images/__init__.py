"""Responsive, privacy-safe photos: editors drop a JPEG/PNG in, the site gets resized copies."""

from .images import register

__all__ = ["register"]
