"""Entity extraction from lookup tables that works in every script.

Rasa's RegexEntityExtractor either puts word boundaries around every lookup
entry or around none. Boundaries keep "uk" out of "ukraine", but no boundary
exists between two Chinese or Thai characters, so 伦敦 inside 我在伦敦工作 is
never found. This extractor puts a boundary only on the sides of an entry that
end in a spaced script, and tries longer entries first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.regex_entity_extractor import RegexEntityExtractor
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.scripts import UNSPACED, is_unspaced

# A letter or digit of a spaced script: what must not touch a spaced entry.
# Case-sensitive inside, so that compiling it does not case-fold every range.
SPACED_WORD_CHAR = rf"(?-i:[^\W{UNSPACED}])"


def boundaries(entry: str) -> tuple[str, str]:
    """Word boundaries only on the sides written in a spaced script.

    "english" is found in "english可以吗", but "uk" is not found in "ukraine".
    """
    start = "" if is_unspaced(entry[0]) else rf"(?<!{SPACED_WORD_CHAR})"
    end = "" if is_unspaced(entry[-1]) else rf"(?!{SPACED_WORD_CHAR})"
    return start, end


def entry_pattern(entry: str) -> str:
    """The regex for one lookup entry."""
    start, end = boundaries(entry)
    return start + re.escape(entry) + end


def table_pattern(entries: set[str]) -> str:
    """One regex for a whole table, longest entries first.

    Entries that need the same boundaries share them: a boundary per entry made
    the tables take 15 s to compile.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for entry in sorted(entries, key=len, reverse=True):
        groups.setdefault(boundaries(entry), []).append(re.escape(entry))
    return "(" + "|".join(f"{start}(?:{'|'.join(escaped)}){end}"
                          for (start, end), escaped in groups.items()) + ")"


def lookup_patterns(training_data: TrainingData) -> list[dict[str, str]]:
    """One pattern per lookup table whose name is an entity of the data."""
    return [{"name": table["name"],
             "pattern": table_pattern({e.strip() for e in table["elements"] if e.strip()})}
            for table in training_data.lookup_tables
            if table["name"] in training_data.entities]


@lru_cache(maxsize=8)
def compiled(pattern: str) -> re.Pattern:
    """Each table's pattern, compiled once per process."""
    return re.compile(pattern, flags=re.IGNORECASE)


def find_places(patterns: list[dict[str, str]], text: str) -> list[dict[str, Any]]:
    """Every match of every table, where overlapping ones yield to the longest.

    "ภาษาอังกฤษ" (the English language) contains "อังกฤษ" (England).
    """
    found = [{"entity": p["name"], "start": m.start(), "end": m.end(), "value": m.group()}
             for p in patterns for m in compiled(p["pattern"]).finditer(text)]
    kept: list[dict[str, Any]] = []
    for match in sorted(found, key=lambda e: e["end"] - e["start"], reverse=True):
        if all(match["end"] <= k["start"] or match["start"] >= k["end"] for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda e: e["start"])


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True
)
class PlaceExtractor(RegexEntityExtractor):
    """Finds countries, cities and languages named in any of the 15 languages.

    Matching ignores case always: people type place names in lower case.
    """

    def _extract_entities(self, message: Message) -> list[dict[str, Any]]:
        return find_places(self.patterns, message.get(TEXT))

    def train(self, training_data: TrainingData) -> Resource:
        self.patterns = lookup_patterns(training_data)
        self.persist()
        return self._resource
