"""Corrections back into training data, and the `peerline review` commands."""

import io

import pytest
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.cli import main
from bot.conversation import Turn
from bot.logbook import LOGBOOK_FILE, Logbook
from bot.review import export
from bot.review.accounts import REVIEW_FILE, Accounts

NLU = """version: "3.1"
nlu:
- intent: ask_health
  examples: |
    - where can I get tested
- intent: greet
  examples: |
    - hello [germany](country)
"""


@pytest.fixture
def book(tmp_path):
    book = Logbook(tmp_path / "data" / LOGBOOK_FILE)
    yield book
    book.close()


@pytest.fixture
def nlu_dir(tmp_path):
    (tmp_path / "nlu").mkdir()
    (tmp_path / "nlu" / "en.yml").write_text(NLU, encoding="utf-8")
    return tmp_path / "nlu"


def correct(book, text, *intents, language="en", predicted="out_of_scope"):
    book.record(Turn(f"p-{text}", language, text, record={
        "intent": predicted, "confidence": 0.42, "entities": [], "answered_by": "fallback"}))
    turn = book.db.execute("SELECT max(id) FROM turns").fetchone()[0]
    for intent in intents:
        book.db["annotations"].insert({"turn": turn, "kind": "wrong_intent", "intent": intent,
                                       "author": "ana", "created": "2026-11-22 12:00"})
    return turn


def test_each_correction_is_exported_once_or_said_why_not(book, nlu_dir):
    correct(book, "the cops took my cash, call me on [phone](now)", "ask_police_rights")
    correct(book, "the cops took my cash, call me on [phone](now)", "ask_police_rights")
    correct(book, "Where can I  get tested", "ask_health")  # already in data/nlu
    correct(book, "hello germany", "ask_help")  # in data/nlu as greet
    correct(book, "is it legal", "ask_legal_status", "ask_work_rights")
    correct(book, '/set_language{"language":"ro"}', "set_language")
    correct(book, "jak się zgłosić", "report_violence", language="pl")
    result = export.collect(book.db, nlu_dir)
    statuses = [c.status for c in result.corrections]
    assert statuses[:2] == [export.NEW, export.NEW] and statuses[-1] == export.NEW
    assert "already an example of ask_health" in statuses[2]
    assert "has it as greet" in statuses[3]
    assert "reviewers disagree" in statuses[4]
    assert "button" in statuses[5]
    assert result.examples() == {
        "en": {"ask_police_rights": ["the cops took my cash, call me on [phone] (now)"]},
        "pl": {"report_violence": ["jak się zgłosić"]}}
    report = "\n".join(export.report(result))
    assert report.startswith("3 of 7 corrected turns would change the next training:")
    assert "out_of_scope 0.42 -> ask_police_rights" in report


def test_the_files_are_rasa_nlu_yaml_with_the_text_as_plain_text(book, nlu_dir, tmp_path):
    correct(book, "the cops took my cash, call me on [phone](now)", "ask_police_rights")
    correct(book, "line one\nline two\u202e: \"quoted\" # not a comment", "ask_help")
    [path] = export.write(export.collect(book.db, nlu_dir), tmp_path / "out")
    data = RasaYAMLReader().reads(path.read_text(encoding="utf-8"))
    examples = {m.get("text"): m.get("intent") for m in data.intent_examples}
    assert examples == {
        "the cops took my cash, call me on [phone] (now)": "ask_police_rights",
        'line one line two : "quoted" # not a comment': "ask_help"}
    assert not data.entity_examples


def test_missing_content_and_notes_are_reported_for_people(book, nlu_dir):
    turn = correct(book, "is there a clinic in Cluj")
    book.db["annotations"].insert({"turn": turn, "kind": "missing_content", "author": "rui",
                                   "note": "no Romanian health topic", "created": "x"})
    book.db["annotations"].insert({"turn": turn, "kind": "note", "note": "sad", "author": "rui",
                                   "created": "x"})
    report = export.report(export.collect(book.db, nlu_dir))
    assert any("is there a clinic in Cluj [answered by fallback]: no Romanian health topic"
               in line for line in report)
    assert report[-1] == "1 notes: read them on the review page."


def test_review_commands(tmp_path, monkeypatch, capsys, book):
    monkeypatch.setenv("PEERLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["review", "add-user", "ana", "--role", "admin", "--password-stdin"]) == 0
    accounts = Accounts(tmp_path / "data" / REVIEW_FILE)
    assert accounts.check_password("ana", "a long enough password")
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["review", "add-user", "rui", "--password-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    correct(book, "my boss keeps my passport", "ask_trafficking")
    out = tmp_path / "out"
    assert main(["review", "export", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"Wrote {out / 'en.yml'}" in printed and "1 of 1 corrected turns" in printed
    assert "- my boss keeps my passport" in (out / "en.yml").read_text(encoding="utf-8")
    assert main(["review", "remove-user", "ana"]) == 0
    assert not accounts.check_password("ana", "a long enough password")
    assert main(["review", "remove-user", "ana"]) == 1
