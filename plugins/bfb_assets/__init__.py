"""Fingerprinted names for the theme's CSS and JavaScript (`site.<hash>.css`).

A changed file gets a new name, so browsers may cache these files for a year
(see deploy/): templates link `{{ "css/site.css"|fingerprint }}`.
"""

from .assets import fingerprinted_name, register

__all__ = ["fingerprinted_name", "register"]
