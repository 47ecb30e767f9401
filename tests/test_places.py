"""Entity lookup: every place and language named in the NLU data is found."""

from pathlib import Path

import pytest
import yaml
from rasa.shared.importers.importer import TrainingDataImporter

from bot.settings import ROOT
from components.places import entry_pattern, find_places, lookup_patterns

CANONICAL_COUNTRIES = {"gb", "ie", "fr", "de", "es", "nl", "be", "se", "no", "it", "pt", "ch",
                       "at", "dk", "fi", "pl", "ro", "bg", "hu", "gr", "cz", "any"}


@pytest.fixture(scope="module")
def nlu():
    importer = TrainingDataImporter.load_from_dict(
        training_data_paths=[str(ROOT / "data" / "nlu")])
    return importer.get_nlu_data()


@pytest.fixture(scope="module")
def patterns(nlu):
    return lookup_patterns(nlu)


def test_boundaries_only_for_spaced_scripts():
    assert find_places([{"name": "country", "pattern": f"({entry_pattern('uk')})"}],
                       "i live in ukraine") == []
    found = find_places([{"name": "city", "pattern": f"({entry_pattern('伦敦')})"}], "我在伦敦工作")
    assert found[0]["value"] == "伦敦"


def test_longest_match_wins_across_tables():
    patterns = [{"name": "country", "pattern": f"({entry_pattern('อังกฤษ')})"},
                {"name": "language", "pattern": f"({entry_pattern('ภาษาอังกฤษ')})"}]
    assert [e["entity"] for e in find_places(patterns, "พูดภาษาอังกฤษได้ไหม")] == ["language"]


def test_every_annotation_is_found_with_its_canonical_value(nlu, patterns):
    cities = {city for path in (ROOT / "content" / "countries").glob("*/country.yml")
              for city in yaml.safe_load(Path(path).read_text()).get("cities", [])}
    missed = []
    for example in nlu.intent_examples:
        text = example.get("text")
        found = {(e["start"], e["end"], e["entity"]) for e in find_places(patterns, text)}
        for entity in example.get("entities") or []:
            span = text[entity["start"]:entity["end"]]
            value = nlu.entity_synonyms.get(span.lower(), span)
            if (entity["start"], entity["end"], entity["entity"]) not in found:
                missed.append(f"{entity['entity']} '{span}' in '{text}'")
            elif entity["entity"] == "country" and value not in CANONICAL_COUNTRIES:
                missed.append(f"country '{span}' maps to '{value}'")
            elif entity["entity"] == "city" and cities and value not in cities:
                missed.append(f"city '{span}' maps to '{value}', not a city in content/")
    assert missed == [], "\n".join(missed)
