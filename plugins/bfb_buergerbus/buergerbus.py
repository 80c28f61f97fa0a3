"""Read and check content/data/buergerbus.yaml; hand it to the templates of both languages."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from bfb_errors import Problem, stop_build
from bfb_formats.partial_dates import parse_partial_date
from bfb_text.slugs import german_slugify
from bfb_yaml.loader import LocatedList, LocatedMap, load_located_yaml
from pelican import signals

DEFAULT_DATA = "data/buergerbus.yaml"
WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag")


@dataclass(frozen=True)
class BusSource:
    """Where a route is documented; `date` as precise as the source: "2017", "2017-01" or "2017-01-09"."""

    key: str
    publisher: str
    title: str
    date: str
    url: str | None  # None: the page is gone (e.g. the old website, whose addresses now redirect here)


@dataclass(frozen=True)
class BusStop:
    """A stop: a place of orte.yaml (`slug`) or a place without a page of its own (`name`)."""

    slug: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class BusRoute:
    name: str
    slug: str  # for the route's anchor on the Bürgerbus page: /buergerbus/#linie-<slug>
    weekday: str | None  # one of WEEKDAYS, None when no source gives it
    first_run: str  # "2017-01-09" or "2017-02": as precise as the source
    stops: tuple[BusStop, ...]
    stops_complete: bool
    sources: tuple[BusSource, ...]


@dataclass
class Timetable2017:
    """Everything the templates need: the routes, and which routes stopped in a place."""

    routes: list[BusRoute] = field(default_factory=list)
    routes_by_place: dict[str, list[BusRoute]] = field(default_factory=dict)


def read_timetable(path: Path, known_places: set[str]) -> tuple[Timetable2017, list[Problem]]:
    """Read the data file; return the timetable and every problem found (empty: all good)."""
    data, problems = load_located_yaml(path)
    if problems:
        return Timetable2017(), problems
    checker = _Checker(path, known_places)
    timetable = checker.timetable(data)
    return timetable, checker.problems


class _Checker:
    def __init__(self, path: Path, known_places: set[str]):
        self.path = path
        self.known = known_places
        self.problems: list[Problem] = []

    def problem(self, line: int | None, message: str, fix: str, detail: str, *, code: str) -> None:
        self.problems.append(Problem(self.path, line, message, fix, detail, code=code))

    def timetable(self, data: object) -> Timetable2017:
        if not isinstance(data, LocatedMap) or not isinstance(data.get("routes"), LocatedList):
            self.problem(
                getattr(data, "line", None),
                "Die Datei braucht die Abschnitte „sources:“ und „routes:“.",
                "Den Aufbau wie oben in der Datei beschrieben wiederherstellen.",
                "top level must be a mapping with sources and routes",
                code="bus-file-shape",
            )
            return Timetable2017()
        sources = self.sources(data.get("sources"), data.line_of("sources"))
        routes = [
            route
            for item, line in zip(data["routes"], data["routes"].item_lines, strict=True)
            if (route := self.route(item, line, sources))
        ]
        by_place: dict[str, list[BusRoute]] = {}
        for route in routes:
            for stop in route.stops:
                if stop.slug and route not in by_place.setdefault(stop.slug, []):
                    by_place[stop.slug].append(route)
        return Timetable2017(routes, by_place)

    def text(self, item: LocatedMap, key: str, what: str) -> str | None:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.problem(
            item.line_of(key),
            f"Bei {what} fehlt „{key}“ (oder es ist kein Text).",
            f"„{key}: …“ ergänzen, wie oben in der Datei beschrieben.",
            f"{key} must be a non-empty string",
            code="bus-field-missing",
        )
        return None

    def date(self, item: LocatedMap, key: str, what: str) -> str | None:
        """The date as written ("2017", "2017-01", "2017-01-09"); YAML reads full dates as dates."""
        value = item.get(key)
        found = parse_partial_date(value)  # the one partial-date model (bfb_formats)
        if found is not None and not found.approximate:
            return found.iso
        self.problem(
            item.line_of(key),
            f"Bei {what} ist „{key}: {value}“ kein Datum.",
            "Das Datum so genau wie bekannt schreiben: JJJJ-MM-TT, JJJJ-MM oder JJJJ (z. B. 2017-01).",
            f"{key} must be YYYY-MM-DD, YYYY-MM or YYYY",
            code="bus-date-invalid",
        )
        return None

    def sources(self, data: object, line: int) -> dict[str, BusSource]:
        if not isinstance(data, LocatedMap):
            self.problem(
                line,
                "Der Abschnitt „sources:“ fehlt.",
                "Die Quellen wie oben beschrieben eintragen.",
                "sources must be a mapping",
                code="bus-sources-not-a-mapping",
            )
            return {}
        sources = {}
        for key, item in data.items():
            what = f"der Quelle „{key}“"
            if not isinstance(item, LocatedMap):
                self.problem(
                    data.line_of(key),
                    f"Die Quelle „{key}“ hat keine Felder.",
                    "publisher, title, date und (falls es die Seite noch gibt) url eintragen.",
                    "source must be a mapping",
                    code="bus-source-not-a-mapping",
                )
                continue
            values = [self.text(item, name, what) for name in ("publisher", "title")]
            date = self.date(item, "date", what)
            url = item.get("url")
            if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
                self.problem(
                    item.line_of("url"),
                    f"Die Adresse {what} beginnt nicht mit https:// oder http://.",
                    "Die vollständige Adresse aus dem Browser kopieren, oder die Zeile weglassen, "
                    "wenn es die Seite nicht mehr gibt.",
                    "url must be http(s)",
                    code="bus-link-not-http",
                )
                continue
            if all(values) and date:
                sources[key] = BusSource(key, values[0], values[1], date, url)
        return sources

    def route(self, item: object, line: int, sources: dict[str, BusSource]) -> BusRoute | None:
        if not isinstance(item, LocatedMap):
            self.problem(
                line,
                "Eine Linie hat keine Felder.",
                "Jede Linie beginnt mit „- name: …“.",
                "route must be a mapping",
                code="bus-route-not-a-mapping",
            )
            return None
        name = self.text(item, "name", "einer Linie")
        what = f"der Linie „{name}“"
        weekday = item.get("weekday")
        if weekday is not None and weekday not in WEEKDAYS:
            self.problem(
                item.line_of("weekday"),
                f"Bei {what} ist „{weekday}“ kein Wochentag.",
                f"Einen von {', '.join(WEEKDAYS)} eintragen; ist er unbekannt, die Zeile weglassen.",
                "unknown weekday",
                code="bus-weekday-unknown",
            )
        first_run = self.date(item, "first_run", what)
        stops = self.stops(item, what)
        route_sources = self.route_sources(item, what, sources)
        if not (name and first_run and stops is not None and route_sources) or weekday not in (
            None,
            *WEEKDAYS,
        ):
            return None
        complete = item.get("stops_complete", True) is not False
        return BusRoute(name, german_slugify(name), weekday, first_run, stops, complete, route_sources)

    def stops(self, item: LocatedMap, what: str) -> tuple[BusStop, ...] | None:
        data = item.get("stops")
        if not isinstance(data, LocatedList):
            self.problem(
                item.line_of("stops"),
                f"Bei {what} fehlt die Liste „stops:“.",
                "„stops: []“ eintragen, wenn die Orte nicht bekannt sind.",
                "stops must be a list",
                code="bus-stops-not-a-list",
            )
            return None
        stops, ok = [], True
        for stop, line in zip(data, data.item_lines, strict=True):
            if isinstance(stop, LocatedMap) and isinstance(stop.get("name"), str) and stop["name"].strip():
                stops.append(BusStop(name=stop["name"].strip()))
            elif isinstance(stop, str) and stop in self.known:
                stops.append(BusStop(slug=stop))
            else:
                ok = False
                close = difflib.get_close_matches(str(stop), sorted(self.known), n=1)
                hint = f" Meinten Sie „{close[0]}“?" if close else ""
                self.problem(
                    line,
                    f"Bei {what} ist „{stop}“ kein Ort aus content/data/orte.yaml.{hint}",
                    "Den slug des Ortes aus content/data/orte.yaml eintragen (z. B. winkel-eifel), "
                    "oder einen Ort ohne eigene Seite als „- name: Ortsname“.",
                    "stop is neither a known place slug nor a {name: …} mapping",
                    code="bus-stop-unknown",
                )
        return tuple(stops) if ok else None

    def route_sources(self, item: LocatedMap, what: str, sources: dict[str, BusSource]) -> tuple | None:
        keys = item.get("sources")
        if not isinstance(keys, list) or not keys:
            self.problem(
                item.line_of("sources"),
                f"Bei {what} fehlt die Quelle.",
                "„sources: [kurzname]“ mit dem Kurznamen einer Quelle oben eintragen.",
                "route needs sources",
                code="bus-route-without-source",
            )
            return None
        unknown = [key for key in keys if key not in sources]
        if unknown:
            self.problem(
                item.line_of("sources"),
                f"Bei {what} ist die Quelle „{unknown[0]}“ oben nicht eingetragen.",
                "Den Kurznamen einer Quelle aus dem Abschnitt „sources:“ verwenden.",
                "unknown source key",
                code="bus-source-unknown",
            )
            return None
        return tuple(sources[key] for key in keys)


def add_timetable(generators) -> None:
    """After every generator read its data (orte.yaml included): check the file, share it.

    Without the file there is nothing to show; that is an error only for a site that has
    the Bürgerbus page (`Template: buergerbus`), which needs it.
    """
    context = generators[0].context
    settings = generators[0].settings
    path = Path(settings["PATH"]) / settings.get("BUERGERBUS_DATA", DEFAULT_DATA)
    needed = any(page.template == "buergerbus" for page in context.get("pages", []))
    if not path.is_file() and not needed:
        context["buergerbus"] = Timetable2017()
        return
    timetable, problems = read_timetable(path, set(context.get("places_by_slug", {})))
    if problems:
        stop_build(problems)
    context["buergerbus"] = timetable


def register() -> None:
    signals.all_generators_finalized.connect(add_timetable)
