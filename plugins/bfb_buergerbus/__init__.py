"""The Bürgerbus routes of 2017 from one data file, for the Bürgerbus page and the place pages.

    content/data/buergerbus.yaml   (sources and routes; the file's header explains every field)

Puts `buergerbus` (a `Timetable2017`: routes, sources, routes per place slug) into every
language site's template context, after the places plugin has read `orte.yaml`: every
stop must be a place slug from there, or a named place without a page of its own.
A mistake stops the build with file, line and a German fix.

Settings: `BUERGERBUS_DATA` (relative to PATH, default `data/buergerbus.yaml`).
"""

from .buergerbus import BusRoute, BusSource, Timetable2017, read_timetable, register

__all__ = ["BusRoute", "BusSource", "Timetable2017", "read_timetable", "register"]
