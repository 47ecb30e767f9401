"""What each file in content/ may hold, declared once: validate.py and check.py enforce it.

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
LANGUAGE_CODE_PATTERN = r"^[a-z]{2}$"
# ISO 639-1: a collective may speak languages Peerline itself does not (Dutch, Arabic...).
ISO_639_1 = tuple("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg
li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or
os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss st su sv sw
ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
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
    not_empty: bool = False


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
SOURCES = ListOf(SOURCE, not_empty=True)

LANGUAGES_FILE = Record({"languages": Field(ListOf(Record({
    "code": Field(Text(format="language_code")),
    "name": Field(Text()),
    "english_name": Field(Text()),
    "direction": Field(OneOf("a text direction", DIRECTIONS)),
}), not_empty=True))})

# en.yml defines the keys; a translation may use only those.
STRINGS_FILE = MapOf(OneOf("a key of content/strings/en.yml", source="strings"), Text())

REPORTING = Record({
    "id": Field(Text(format="id")),
    "name": Field(Text()),
    "kind": Field(OneOf("a known kind of reporting", REPORTING_KINDS)),
    "anonymous": Field(Flag()),
    "website": Field(Text(empty_ok=True, format="url")),
    "phone": Field(Text(empty_ok=True, format="phone"), required=False),
    "verified": Field(Flag()),
    "sources": Field(SOURCES),
})

COUNTRY_FILE = Record({
    "id": Field(Text(format="id")),
    "name": Field(MapOf(LANGUAGE, Text())),
    "emergency": Field(ListOf(Record({
        "number": Field(Text(format="emergency_number")),
        "service": Field(OneOf("a known emergency service", SERVICES)),
    }), not_empty=True)),
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
    "languages": Field(ListOf(OneOf("a language code (ISO 639-1, two letters, like fr)",
                                     ISO_639_1))),
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

