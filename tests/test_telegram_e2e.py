"""End to end: the real python-telegram-bot client through the stand-in, the real Rasa
server and action server. The tests share one front and one set of servers; the
test that stops Rasa starts it again before it ends."""

import sqlite3
import time

import httpx
import pytest

from bot.identity import Pseudonymizer
from bot.services import wait_until_up, warm_up

pytestmark = pytest.mark.e2e

# What a person might tell Peerline, and Telegram about them: none of it may
# reach a log or a database.
CHAT_ID = 7345678901
USER = {"id": CHAT_ID, "is_bot": False, "first_name": "Anastasia", "last_name": "Secretname",
        "username": "ana_secret_handle", "language_code": "en"}
PERSONAL_MESSAGES = [
    "hi, the police took my passport AB7654321 in London, call me +44 7911 123456",
    "my email is ana.secret@example.com and my insta is @ana_secret",
    "I live at 15 Baker Street, born 12/03/1990, my number 07911 654321",
    "he wants money on IBAN GB82WEST12345698765432 or card 4111 1111 1111 1111",
    "he found me through onlyfans.com/anasecret and 203.0.113.77",
]
SECRETS = ["AB7654321", "+44 7911 123456", "447911123456", "ana.secret@example.com",
           "@ana_secret", "15 Baker Street", "12/03/1990", "07911 654321", "07911654321",
           "GB82WEST12345698765432", "4111 1111 1111 1111", "onlyfans.com/anasecret",
           "203.0.113.77", str(CHAT_ID), "Anastasia", "Secretname", "ana_secret_handle",
           "48.8566", "+33612345678"]


def texts(sent):
    return [message["text"] for message in sent]


def wait_quiet(standin, chat_id, seconds=0.7, timeout=60):
    """The bot's messages to the chat once it has sent nothing new for a while."""
    count, deadline = -1, time.monotonic() + timeout
    while count != len(standin.sent(chat_id)) and time.monotonic() < deadline:
        count = len(standin.sent(chat_id))
        time.sleep(seconds)
    return standin.sent(chat_id)


def say(telegram, chat_id, text, **kwargs):
    """Send a text; return the bot's whole answer to it."""
    before = len(telegram.standin.sent(chat_id))
    telegram.standin.message(chat_id, text, **kwargs)
    telegram.standin.wait_sent(chat_id, before + 1, timeout=60)
    return wait_quiet(telegram.standin, chat_id)[before:]


def press(telegram, chat_id, message, title, **kwargs):
    before = len(telegram.standin.sent(chat_id))
    telegram.standin.press(chat_id, message, title, **kwargs)
    telegram.standin.wait_sent(chat_id, before + 1, timeout=60)
    return wait_quiet(telegram.standin, chat_id)[before:]


def tracker_rows(settings, chat_id) -> int:
    pseudonym = Pseudonymizer.for_data_dir(settings.data_dir)(chat_id)
    with sqlite3.connect(settings.tracker_db) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?",
                          (pseudonym,)).fetchone()[0]


def test_start_language_question_and_answer_in_that_language(telegram, content):
    chat_id = 7000000101
    start = say(telegram, chat_id, "/start", language_code="de")
    assert texts(start)[0].startswith(content.string("de", "greeting"))
    changed = press(telegram, chat_id, start[-1], "Español", language_code="de")
    assert texts(changed)[0].startswith(content.string("es", "language_changed"))
    asked = say(telegram, chat_id, "la policía me paró, ¿qué derechos tengo?",
                language_code="de")
    assert texts(asked)[-1].endswith(content.string("es", "ask_country"))
    answer = press(telegram, chat_id, asked[-1], content.countries["fr"].name("es"),
                   language_code="de")
    entry, shown_in = content.topic("fr", "police_rights", "es")
    assert shown_in == "es"
    assert entry["text"].strip()[:60] in " ".join(texts(answer))


def test_wipe_deletes_every_message_and_erases_the_tracker_rows(telegram, content):
    chat_id, standin = 7000000103, telegram.standin
    say(telegram, chat_id, "hello")
    say(telegram, chat_id, "where can I get tested for HIV in Germany?")
    assert tracker_rows(telegram.settings, chat_id) > 0
    confirm = say(telegram, chat_id, "/wipe")[-1]
    done = press(telegram, chat_id, confirm, content.string("en", "wipe_yes"))
    assert texts(done) == [content.string("en", "wipe_done")]
    deleted = sorted(i for call in standin.calls_of("deleteMessages", chat_id)
                     for i in call.params["message_ids"])
    assert deleted == standin.message_ids(chat_id)[:-1]  # all but the "done" message
    assert tracker_rows(telegram.settings, chat_id) == 0
    # Erased means forgotten: the next message starts a new conversation.
    say(telegram, chat_id, "hi")
    assert tracker_rows(telegram.settings, chat_id) > 0


def test_degraded_mode_while_rasa_is_down_then_back_by_itself(telegram, servers, content):
    chat_id, standin = 7000000104, telegram.standin
    normal = say(telegram, chat_id, "hola, ¿dónde puedo hacerme la prueba del VIH en España?")
    assert content.string("es", "service_down") not in texts(normal)
    servers.stop("rasa")
    try:
        down = say(telegram, chat_id, "¿y qué hago si la policía me para?")
        assert texts(down)[0].startswith(content.string("es", "service_down"))
        assert "112" in " ".join(texts(down))
        health = press(telegram, chat_id, down[-1], content.string("es", "topic_health"))
        entry, _ = content.topic("any", "health", "es")
        assert entry["text"].strip()[:60] in " ".join(texts(health))
    finally:
        process = servers.start("rasa")
        wait_until_up(servers.settings.rasa_url, process, timeout=240)
        warm_up(servers.settings)
    deadline, back = time.monotonic() + 60, None
    while time.monotonic() < deadline:
        answer = say(telegram, chat_id, "gracias")
        if content.string("es", "service_down") not in texts(answer):
            back = answer
            break
        time.sleep(2)
    assert back and texts(back) == [content.string("es", "thanks")]
    # Each message was answered once: nothing arrives late from the outage.
    count = len(standin.sent(chat_id))
    time.sleep(2)
    assert len(standin.sent(chat_id)) == count


def test_webhook_mode_rejects_a_wrong_secret_and_answers_the_right_one(
        telegram_webhook, content):
    standin = telegram_webhook.standin
    url = f"{telegram_webhook.settings.public_url}/telegram"
    registered = standin.calls_of("setWebhook")[-1].params
    assert registered["url"] == url and len(registered["secret_token"]) >= 32
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # the webhook server starts listening
        try:
            httpx.post(url, timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    update = {"update_id": 99, "message": {
        "message_id": 1, "date": 1700000000, "text": "/help",
        "chat": {"id": 7000000105, "type": "private"}, "from": standin.person(7000000105)}}
    for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
        assert httpx.post(url, json=update, headers=headers, timeout=10).status_code == 403
    answer = say(telegram_webhook, 7000000106, "thanks")
    assert texts(answer) == [content.string("en", "thanks")]
    assert standin.webhook_deliveries == [200]
    assert standin.sent(7000000105) == []


def test_no_personal_data_in_any_log_or_database(telegram, servers, content):
    """Runs last: it also reads what the tests above left in the logs."""
    standin = telegram.standin
    for text in PERSONAL_MESSAGES:
        standin.message(CHAT_ID, text, user=USER)
        wait_quiet(standin, CHAT_ID)
    standin.message(CHAT_ID, user=USER, contact={"phone_number": "+33612345678",
                                                 "first_name": "Anastasia"})
    standin.message(CHAT_ID, user=USER, location={"latitude": 48.8566, "longitude": 2.3522})
    standin.message(CHAT_ID, "/wipe", user=USER)
    sent = wait_quiet(standin, CHAT_ID)
    assert content.string("en", "text_only") in texts(sent)
    for message in sent:
        assert not any(secret in message["text"] for secret in SECRETS)
    data_dir = telegram.settings.data_dir
    files = [path for path in data_dir.rglob("*") if path.is_file()
             and path.name != "pseudonym.key"]
    assert {"logs/rasa.log", "logs/actions.log", "logs/bot.log", "tracker.db"} <= {
        str(path.relative_to(data_dir)) for path in files}
    assert tracker_rows(telegram.settings, CHAT_ID) > 0  # the conversation is in there
    for path in files:
        data = path.read_bytes()
        found = [secret for secret in SECRETS + [telegram.settings.telegram_token]
                 if secret.encode() in data]
        assert not found, f"{path.name} holds {found}"
