"""What each file in content/ may hold, declared once for the checker and the docs.

The shapes are plain data so that a reader can see every field of a file in
one place. Values that depend on other files (language codes, a country's
cities, the interface-string keys of en.yml) are named by `source` and filled
in by check.py while it reads the content.
"""

from __future__ import annotations

from dataclasses import dataclass

from actions.content.model import TOPICS

SERVICES = ("general", "police", "ambulance", "fire")
REPORTING_KINDS = ("third_party", "anonymous", "police", "victim_support", "trafficking_support")
COLLECTIVE_SERVICES = ("peer_support", "legal", "health", "outreach", "drop_in", "reporting",
                       "housing", "advocacy", "trafficking_support", "training")
DIRECTIONS = ("ltr", "rtl")
ID_PATTERN = r"^[a-z0-9-]+$"
COUNTRY_FOLDER_PATTERN = r"^([a-z]{2}|any)$"
LANGUAGE_CODE_PATTERN = r"^[a-z]{2}$"
REVIEW_MONTHS = 12  # a topic not reviewed for longer gets a warning


@dataclass(frozen=True)
class Text:
    """A piece of text; `format` adds a check of what the text must look like."""

    empty_ok: bool = False
    format: str | None = None  # id, language_code, url, phone, email, emergency_number


@dataclass(frozen=True)
class Flag:
    """true or false."""


@dataclass(frozen=True)
class Day:
    """A date written YYYY-MM-DD."""


@dataclass(frozen=True)
class OneOf:
    """One value out of a fixed list, or out of a list another file defines (`source`)."""

    what: str  # completes "'x' is not ...": "a known service"
    values: tuple = ()
    source: str | None = None  # languages, cities, strings


@dataclass(frozen=True)
class ListOf:
    item: object
    min_items: int = 0


@dataclass(frozen=True)
class Field:
    kind: object
    required: bool = True


@dataclass(frozen=True)
class Record:
    """Named fields; any other key is reported as unknown, with a suggestion."""

    fields: dict
    unknown: str = "a known field"


@dataclass(frozen=True)
class MapOf:
    """Named fields whose names come from a list, like language codes."""

    key: OneOf
    value: object


LANGUAGE = OneOf("a language code in content/languages.yml", source="languages")

SOURCE = Record({"title": Field(Text()), "url": Field(Text(format="url"))})
SOURCES = ListOf(SOURCE, min_items=1)

LANGUAGES_FILE = Record({"languages": Field(ListOf(Record({
    "code": Field(Text(format="language_code")),
    "name": Field(Text()),
    "english_name": Field(Text()),
    "direction": Field(OneOf("a text direction", DIRECTIONS)),
}), min_items=1))})

# en.yml defines the keys; a translation may use only those.
STRINGS_FILE = MapOf(OneOf("a key of content/strings/en.yml", source="strings"), Text())

REPORTING = Record({
    "id": Field(Text(format="id")),
    "name": Field(Text()),
    "kind": Field(OneOf("a known kind of reporting", REPORTING_KINDS)),
    "anonymous": Field(Flag()),
    "website": Field(Text(empty_ok=True, format="url")),
    "verified": Field(Flag()),
    "sources": Field(SOURCES),
})

COUNTRY_FILE = Record({
    "id": Field(Text(format="id")),
    "name": Field(MapOf(LANGUAGE, Text())),
    "emergency": Field(ListOf(Record({
        "number": Field(Text(format="emergency_number")),
        "service": Field(OneOf("a known emergency service", SERVICES)),
    }), min_items=1)),
    "emergency_sources": Field(SOURCES),
    "cities": Field(ListOf(Text()), required=False),
    "reporting": Field(ListOf(REPORTING), required=False),
})

TOPIC = Record({"text": Field(Text()), "sources": Field(SOURCES), "reviewed": Field(Day())})
TOPICS_FILE = Record({topic: Field(TOPIC, required=False) for topic in TOPICS},
                     unknown="a known topic")

COLLECTIVE = Record({
    "id": Field(Text(format="id")),
    "name": Field(Text()),
    "cities": Field(ListOf(OneOf("a city listed in this country's country.yml",
                                 source="cities"))),
    "languages": Field(ListOf(LANGUAGE)),
    "services": Field(ListOf(OneOf("a known service", COLLECTIVE_SERVICES))),
    "sex_worker_led": Field(Flag()),
    "website": Field(Text(empty_ok=True, format="url")),
    "phone": Field(Text(empty_ok=True, format="phone")),
    "email": Field(Text(empty_ok=True, format="email")),
    "opening_hours": Field(Text(empty_ok=True)),
    "verified": Field(Flag()),
    "sources": Field(SOURCES),
})
COLLECTIVES_FILE = Record({"collectives": Field(ListOf(COLLECTIVE))})

