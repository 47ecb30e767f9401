"""The knowledge base as the actions see it, with the fallbacks it promises.

A missing translation falls back to English, and an unknown country to "any"
(what holds across Europe), so a question always gets an answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_LANGUAGE = "en"
ANY_COUNTRY = "any"
TOPICS = ("legal_status", "police_rights", "immigration", "safe_reporting",
          "trafficking", "health", "work_rights", "leaving")


@dataclass(frozen=True)
class Country:
    id: str
    names: dict
    emergency: list
    cities: list = field(default_factory=list)
    reporting: list = field(default_factory=list)
    topics: dict = field(default_factory=dict)  # language -> topic -> entry
    collectives: list = field(default_factory=list)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get(DEFAULT_LANGUAGE) or self.id


@dataclass(frozen=True)
class Content:
    languages: dict  # code -> {name, english_name, direction}
    strings: dict  # code -> key -> text
    countries: dict  # id -> Country

    def language(self, code: str | None) -> str:
        """A supported language code; English for anything else."""
        return code if code in self.languages else DEFAULT_LANGUAGE

    def string(self, language: str, key: str, **values) -> str:
        text = self.strings.get(language, {}).get(key)
        if text is None:
            text = self.strings[DEFAULT_LANGUAGE][key]
        return text.format(**values) if values else text

    def has_country(self, country_id: str | None) -> bool:
        return bool(country_id) and country_id in self.countries

    def country(self, country_id: str | None) -> Country:
        return self.countries.get(country_id or ANY_COUNTRY) or self.countries[ANY_COUNTRY]

    def topic(self, country_id: str | None, topic: str, language: str) -> tuple[dict, str]:
        """The topic entry and the language it is in (English when untranslated)."""
        topics = self.country(country_id).topics
        for code in (language, DEFAULT_LANGUAGE):
            entry = topics.get(code, {}).get(topic)
            if entry:
                return entry, code
        if country_id == ANY_COUNTRY:
            return {}, language
        return self.topic(ANY_COUNTRY, topic, language)

    def country_of_city(self, city: str | None) -> str | None:
        if not city:
            return None
        for country in self.countries.values():
            if city in country.cities:
                return country.id
        return None
