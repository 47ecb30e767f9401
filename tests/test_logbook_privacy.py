"""End to end: what the logbook keeps of real conversations (the real Rasa and action
servers, and the Telegram front through the stand-in), and that no database Peerline
writes holds what would identify the person."""

import asyncio
import re
import sqlite3

import pytest
from test_telegram_e2e import press, say, texts

from bot.cli import build_conversation
from bot.identity import Pseudonymizer
from bot.logbook import LOGBOOK_FILE
from bot.review.accounts import REVIEW_FILE, Accounts

pytestmark = pytest.mark.e2e

CHAT_ID = 7100000001
# Phone numbers, e-mails and handles in the forms people write them, in several languages.
MESSAGES = [
    "hi, call me on +44 7700 900431 or 07700900432 please",
    "mi número es +34 612 345 678, escríbeme a lucia.rojas84@gmail.com",
    "my insta is @lucia_nightbird and telegram t.me/lucia_nightbird2",
    "numărul meu 0722 123 457, email andreea.pop@yahoo.ro",
    "позвони мне +7 916 555-12-34 или пиши на masha.k@mail.ru",
    "the police stopped me, what are my rights? my boss is +49 1512 3456789",
    "snap: lucia.snapchat99 / whatsapp +351 912 345 670",
]
SECRETS = ["7700 900431", "07700900432", "612 345 678", "lucia.rojas84@gmail.com",
           "lucia_nightbird", "lucia_nightbird2", "0722 123 457", "andreea.pop@yahoo.ro",
           "916 555-12-34", "masha.k@mail.ru", "1512 3456789", "lucia.snapchat99",
           "912 345 670", str(CHAT_ID)]
# The same numbers without spaces or signs, as a careless store might normalise them.
DIGITS = ["447700900431", "7700900432", "34612345678", "0722123457", "79165551234",
          "4915123456789", "351912345670"]


def databases(data_dir):
    return sorted(path for path in data_dir.rglob("*.db") if path.is_file())


def every_value(path):
    """Every value in every table of one SQLite database, as text."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):  # noqa: S608
                for value in row:
                    if isinstance(value, bytes):
                        value = value.decode("utf-8", "replace")
                    if value is not None:
                        yield table, str(value)


def logbook_turns(data_dir, chat_id):
    pseudonym = Pseudonymizer.for_data_dir(data_dir)(chat_id)
    with sqlite3.connect(data_dir / LOGBOOK_FILE) as db:
        db.row_factory = sqlite3.Row
        return [dict(row) for row in db.execute(
            "SELECT turns.* FROM turns JOIN conversations ON label = conversation "
            "WHERE pseudonym = ? ORDER BY turns.id", (pseudonym,))]


def test_the_logbook_keeps_what_rasa_and_the_actions_made_of_each_turn(servers):
    conversation = build_conversation(servers.settings)

    async def talk():
        for text in ("hola", "la policía me paró, ¿qué derechos tengo?", "cuentame un chiste"):
            await conversation.handle(CHAT_ID + 1, text)
        await conversation.rasa.close()

    asyncio.run(talk())
    turns = logbook_turns(servers.settings.data_dir, CHAT_ID + 1)
    assert [t["language"] for t in turns] == ["es", "es", "es"]
    assert [t["intent"] for t in turns[:2]] == ["greet", "ask_police_rights"]
    assert turns[0]["answered_by"] == "greeting" and turns[0]["confidence"] > 0.3
    assert turns[1]["answered_by"] == "ask_country" and not turns[1]["fallback"]
    assert turns[2]["fallback"] and turns[2]["answered_by"] == "fallback"
    assert len({t["conversation"] for t in turns}) == 1
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:00", t["hour"]) for t in turns)


def test_no_database_holds_a_number_an_address_or_a_handle(telegram, servers):
    for text in MESSAGES:
        say(telegram, CHAT_ID, text)
    data_dir = telegram.settings.data_dir
    accounts = Accounts(data_dir / REVIEW_FILE)  # the review page's database, in use
    accounts.add_user("privacy-test", "a long enough password", "reviewer")
    accounts.audit("privacy-test", "opened", "AAAA-BBBB")

    kept = [t["text"] for t in logbook_turns(data_dir, CHAT_ID)]
    assert len(kept) == len(MESSAGES)
    assert "[phone]" in kept[0] and "[email]" in kept[1]
    found = {path.name for path in databases(data_dir)}
    assert {LOGBOOK_FILE, "tracker.db", REVIEW_FILE} <= found
    for path in databases(data_dir):
        for table, value in every_value(path):
            leaked = [s for s in SECRETS if s.lower() in value.lower()]
            digits = re.sub(r"\D", "", value)
            leaked += [d for d in DIGITS if d in digits]
            assert not leaked, f"{path.name}, table {table}, holds {leaked}"


def test_wipe_erases_the_person_from_the_logbook_and_the_tracker_at_once(telegram, content):
    chat_id = CHAT_ID + 2
    say(telegram, chat_id, "hello")
    say(telegram, chat_id, "where can I get tested?")
    data_dir = telegram.settings.data_dir
    pseudonym = Pseudonymizer.for_data_dir(data_dir)(chat_id)
    assert len(logbook_turns(data_dir, chat_id)) == 2
    confirm = say(telegram, chat_id, "/wipe")[-1]
    done = press(telegram, chat_id, confirm, content.string("en", "wipe_yes"))
    assert texts(done) == [content.string("en", "wipe_done")]
    assert logbook_turns(data_dir, chat_id) == []
    with sqlite3.connect(telegram.settings.tracker_db) as db:
        assert db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                          (pseudonym,)).fetchone()[0] == 0
    with sqlite3.connect(data_dir / LOGBOOK_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM conversations WHERE pseudonym = ?",
                          (pseudonym,)).fetchone()[0] == 0
