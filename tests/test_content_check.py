"""`peerline content check`: every kind of problem, with its exact file, line and words.

Each folder of fixtures/content_errors/ holds the files that differ from
fixtures/content_base/ (and removed.txt, files to delete): one kind of mistake.
"""

import shutil
from datetime import date
from pathlib import Path

import pytest

from actions.content.check import ContentRefused, check_content
from actions.content.loader import load_content
from bot.cli import main
from bot.settings import ROOT

ERRORS = Path(__file__).parent / "fixtures" / "content_errors"
TODAY = date(2026, 11, 22)

EXPECTED = {
    "any_topic_missing": [
        "content/countries/any/en.yml:1: no English text for: health; people whose country has"
        " no text read this, so every topic must be here"],
    "bad_id": [
        "content/collectives/fr.yml:4: 'First_Collective' is not a valid id; use only"
        " lower-case letters, digits and -"],
    "collectives_of_unknown_country": [
        "content/collectives/es.yml:1: there is no folder content/countries/es/, so this file is"
        " not used; name it after a country folder, like fr.yml"],
    "date_does_not_exist": [
        "content/countries/fr/en.yml:6: this date does not exist; write dates as YYYY-MM-DD,"
        " like 2026-11-22"],
    "duplicate_id": [
        "content/collectives/fr.yml:4: 'first-collective' is used twice; the other is at"
        " content/collectives/any.yml:2. Each id must be different",
        "content/countries/fr/country.yml:21: 'victim-line' is used twice; the other is at"
        " content/countries/fr/country.yml:13. Each id must be different"],
    "email": [
        "content/collectives/fr.yml:11: 'contact at first.example.org' is not an e-mail"
        " address"],
    "emergency_number": [
        "content/countries/fr/country.yml:6: '999' is not an emergency number in FR"],
    "empty_field": ["content/collectives/any.yml:3: 'name' is empty"],
    "english_topic_missing": [
        "content/countries/fr/en.yml:1: warning: no English text yet for: health; people read"
        " what is true across Europe instead"],
    "id_not_folder": [
        "content/countries/fr/country.yml:1: 'id' is 'france' but the folder is 'fr'; they must"
        " be the same"],
    "missing_field": [
        "content/countries/fr/fr.yml:7: 'reviewed' is missing; it must be a date like"
        " 2026-11-22"],
    "missing_file": [
        "content/countries/fr/country.yml:1: this file is missing; every country folder needs"
        " one, with the country's name and emergency numbers"],
    "missing_translation": [
        "content/countries/fr/fr.yml:1: warning: not translated yet, so people read them in"
        " English: health",
        "content/strings/de.yml:1: warning: not translated yet, so people read them in English:"
        " country_noted"],
    "phone_number": [
        "content/collectives/any.yml:9: '02 555 00 00' is not a phone number in international"
        " format; write it with + and the country code",
        "content/collectives/fr.yml:10: '+33 1 23' is not a valid phone number in FR; copy it"
        " exactly as the organisation publishes it"],
    "placeholder_changed": [
        "content/strings/fr.yml:3: 'emergency_now' must keep the same {words} as"
        " content/strings/en.yml: {numbers}; this translation has {nombres}",
        "content/strings/fr.yml:4: 'country_noted' has a { or } that is not part of a {word};"
        " copy the {words} from en.yml"],
    "review_due": [
        "content/countries/fr/en.yml:6: warning: 'reviewed' is 2025-10-31, more than 12 months"
        " ago; check that the text is still right, then update the date",
        "content/countries/fr/en.yml:12: warning: 'reviewed' is 2027-01-01, a day in the"
        " future; write the day the text was last checked"],
    "strings_in_unknown_language": [
        "content/strings/fe.yml:1: the file name 'fe' is not a language code in"
        " content/languages.yml; use one of: en, fr, de"],
    "strings_key_misspelt": [
        "content/strings/fr.yml:1: warning: not translated yet, so people read them in English:"
        " thanks",
        "content/strings/fr.yml:2: 'thnks' is not a key of content/strings/en.yml; did you mean"
        " 'thanks'?"],
    "topics_in_unknown_language": [
        "content/countries/fr/es.yml:1: the file name 'es' is not a language code in"
        " content/languages.yml; use one of: en, fr, de"],
    "unknown_city": [
        "content/collectives/fr.yml:6: 'Marseille' is not a city listed in this country's"
        " country.yml; use one of: Paris, Lyon"],
    "unknown_field": [
        "content/collectives/fr.yml:14: 'langauges' is not a known field; did you mean"
        " 'languages'?"],
    "unknown_language": [
        "content/collectives/fr.yml:14: 'xx' is not a language code (ISO 639-1, two letters,"
        " like fr)",
        "content/countries/fr/country.yml:2: 'nl' is not a language code in"
        " content/languages.yml; use one of: en, fr, de",
        "content/countries/fr/country.yml:2: warning: the country's 'name' is not translated"
        " yet into: de"],
    "unknown_value": [
        "content/countries/fr/country.yml:7: 'polize' is not a known emergency service; did you"
        " mean 'police'?",
        "content/countries/fr/country.yml:15: 'victims' is not a known kind of reporting; did"
        " you mean 'victim_support'?"],
    "unread_file": [
        "content/collectives/it.yaml:1: warning: this file is not read: content files must end"
        " in .yml"],
    "url": [
        "content/collectives/fr.yml:9: 'www.first.example.org' is not a web address; it must"
        " start with https:// (or http://)",
        "content/collectives/fr.yml:16: 'https://' is not a web address; after https:// comes a"
        " site name, like example.org"],
    "verified_without_website": [
        "content/collectives/fr.yml:27: 'verified' is true but 'website' and 'phone' are empty;"
        " a verified record needs a way to reach it"],
    "wrong_type": [
        "content/countries/fr/country.yml:4: 'number' must be text, not a number; put it in"
        " double quotes",
        "content/countries/fr/country.yml:16: 'anonymous' must be true or false (without"
        " quotes), not 'no'"],
    "yaml_alias": ["content/strings/de.yml:2: aliases (*name) are not allowed in content files"],
    "yaml_syntax": [
        "content/collectives/fr.yml:5: a ':' is not allowed here; if the text contains ': ',"
        " put it all in double quotes"],
    "yaml_tab": ["content/strings/fr.yml:2: a tab is not allowed; indent with spaces"],
}


def broken(root: Path, case: str) -> Path:
    """The good tree at root, with the files of one error case laid over it."""
    for path in (ERRORS / case).rglob("*"):
        if path.is_file() and path.name != "removed.txt":
            shutil.copy(path, root / path.relative_to(ERRORS / case))
    removed = ERRORS / case / "removed.txt"
    for name in removed.read_text().split() if removed.exists() else []:
        (root / name).unlink()
    return root


def shown(problems) -> list[str]:
    return [str(problem) for problem in problems]


def test_the_good_tree_has_no_problem(content_tree):
    assert shown(check_content(content_tree, TODAY)) == []


def test_every_error_case_has_its_expectation():
    assert sorted(path.name for path in ERRORS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_mistake_is_named_with_file_and_line(content_tree, case):
    assert shown(check_content(broken(content_tree, case), TODAY)) == EXPECTED[case]


def test_all_problems_are_reported_not_only_the_first(content_tree):
    for case in ("unknown_value", "email", "placeholder_changed"):
        broken(content_tree, case)
    problems = shown(check_content(content_tree, TODAY))
    assert sorted(problems) == sorted(EXPECTED["email"] + EXPECTED["placeholder_changed"]
                                      + EXPECTED["unknown_value"])


def test_the_shipped_content_has_no_errors():
    errors = [str(p) for p in check_content(ROOT / "content") if p.is_error]
    assert errors == [], "\n".join(errors)


def test_loading_refuses_content_with_errors_naming_each(content_tree):
    broken(content_tree, "unknown_value")
    with pytest.raises(ContentRefused) as refused:
        load_content(content_tree)
    assert str(refused.value) == EXPECTED["unknown_value"][0]
    assert shown(refused.value.problems) == EXPECTED["unknown_value"]


def test_warnings_do_not_stop_loading(content_tree):
    broken(content_tree, "missing_translation")
    content = load_content(content_tree)
    assert content.string("de", "country_noted", country="X") == "OK: X."  # English


def test_check_command_prints_problems_and_fails_on_errors(content_tree, capsys):
    broken(content_tree, "unknown_field")
    assert main(["content", "check", str(content_tree)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == EXPECTED["unknown_field"][0]
    assert out[-1].startswith("1 error, 0 warnings.")


def test_check_command_passes_with_only_warnings(content_tree, capsys):
    broken(content_tree, "missing_translation")
    assert main(["content", "check", str(content_tree)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == EXPECTED["missing_translation"]
    assert out[2] == "No errors, 2 warnings. The content is ready to use."
