"""The Telegram front through the stand-in, with Rasa unreachable (its own fallbacks).

The real python-telegram-bot client runs as `peerline telegram` does; only
Rasa is missing, so every question gets degraded mode. What is tested here
does not depend on Rasa: commands, buttons, bad input, limits, groups, /wipe.
"""

import time

import pytest

from bot.identity import Pseudonymizer
from bot.telegram_front.render import MAX_CALLBACK_BYTES, MAX_TEXT, telegram_length

STICKER = {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512,
           "is_animated": False, "is_video": False, "type": "regular"}
PHOTO = [{"file_id": "p1", "file_unique_id": "u2", "width": 90, "height": 90}]
BAD_INPUT = {
    "sticker": {"sticker": STICKER},
    "photo": {"photo": PHOTO, "caption": "this is me, call 0612345678"},
    "voice": {"voice": {"file_id": "v1", "file_unique_id": "u3", "duration": 4}},
    "document": {"document": {"file_id": "d1", "file_unique_id": "u4",
                              "file_name": "passport_ana.pdf"}},
    "location": {"location": {"latitude": 48.8566, "longitude": 2.3522}},
    "contact": {"contact": {"phone_number": "+33612345678", "first_name": "Ana"}},
    "video_note": {"video_note": {"file_id": "n1", "file_unique_id": "u5", "length": 240,
                                  "duration": 3}},
}


def texts(sent: list[dict]) -> list[str]:
    return [message["text"] for message in sent]


def assert_safe(sent: list[dict]) -> None:
    """Every message: protected, no link preview, plain text, short callback keys."""
    for message in sent:
        assert message["protect_content"] is True
        assert message["link_preview_options"] == {"is_disabled": True}
        assert "parse_mode" not in message
        assert 0 < telegram_length(message["text"]) <= MAX_TEXT
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                assert len(button["callback_data"].encode()) <= MAX_CALLBACK_BYTES


def ask(telegram, chat_id, count, **message):
    """Send one message; wait for `count` more messages from the bot; return the new ones."""
    before = len(telegram.standin.sent(chat_id))
    telegram.standin.message(chat_id, **message)
    sent = telegram.standin.wait_sent(chat_id, before + count, timeout=20)[before:]
    assert len(sent) >= count, texts(sent)
    assert_safe(sent)
    return sent


def settle(standin, chat_id, seconds=0.5):
    """Wait until the bot has sent nothing more to the chat for a while."""
    count, deadline = -1, time.monotonic() + 20
    while count != len(standin.sent(chat_id)) and time.monotonic() < deadline:
        count = len(standin.sent(chat_id))
        time.sleep(seconds)
    return standin.sent(chat_id)


def test_commands_are_registered_in_every_language(telegram_without_rasa, content):
    calls = telegram_without_rasa.standin.calls_of("setMyCommands")
    codes = {call.params.get("language_code") for call in calls}
    assert codes == {None, *content.languages}
    for call in calls:
        code = call.params.get("language_code") or "en"
        assert [c["command"] for c in call.params["commands"]] == [
            "start", "menu", "language", "privacy", "wipe", "help"]
        assert call.params["commands"][4]["description"] == content.string(code, "cmd_wipe")


def test_start_gives_the_promise_and_the_languages_by_their_own_names(
        telegram_without_rasa, content):
    sent = ask(telegram_without_rasa, 101, 1, text="/start", language_code="fr")
    assert texts(settle(telegram_without_rasa.standin, 101)) == ["\n\n".join([
        content.string("fr", "greeting"), content.string("fr", "privacy_short", days=30),
        content.string("fr", "choose_language")])]
    titles = [b["text"] for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert titles == [entry["name"] for entry in content.languages.values()]


def test_a_language_button_works_even_while_rasa_is_down(telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    menu = ask(telegram_without_rasa, 102, 1, text="/language")[-1]
    before = len(standin.sent(102))
    standin.press(102, menu, "Deutsch")
    sent = standin.wait_sent(102, before + 1)[before:]
    assert texts(sent)[0].startswith(content.string("de", "language_changed"))
    assert ask(telegram_without_rasa, 102, 1, text="/help")[0]["text"] == content.string(
        "de", "help_text")
    assert standin.calls_of("answerCallbackQuery")


def test_menu_privacy_and_help_come_from_content(telegram_without_rasa, content):
    assert ask(telegram_without_rasa, 103, 1, text="/privacy", language_code="uk")[0][
        "text"] == content.string("uk", "privacy_full", days=30)
    menu = ask(telegram_without_rasa, 103, 1, text="/menu", language_code="uk")[0]
    assert menu["text"] == content.string("uk", "menu_prompt")
    assert len([b for row in menu["reply_markup"]["inline_keyboard"] for b in row]) == 10


@pytest.mark.parametrize("kind", BAD_INPUT)
def test_anything_but_text_gets_a_short_reply_in_the_person_s_language(
        telegram_without_rasa, content, kind):
    chat_id = 200 + list(BAD_INPUT).index(kind)
    sent = ask(telegram_without_rasa, chat_id, 1, language_code="pl", **BAD_INPUT[kind])
    assert texts(settle(telegram_without_rasa.standin, chat_id)) == [
        content.string("pl", "text_only")]
    assert "0612345678" not in sent[0]["text"] and "Ana" not in sent[0]["text"]


def test_an_edited_message_is_not_read_again(telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    ask(telegram_without_rasa, 210, 1, text="/help", language_code="it")
    standin.message(210, "my number is 0612345678", edited=True, language_code="it")
    standin.wait_sent(210, 2)
    assert texts(settle(standin, 210))[1:] == [content.string("it", "edited_message")]
    assert not standin.calls_of("editMessageText")


def test_a_forwarded_message_is_answered_without_its_sender_or_data(
        telegram_without_rasa, content):
    origin = {"type": "user", "date": 1700000000,
              "sender_user": {"id": 5550001, "is_bot": False, "first_name": "Controller"}}
    sent = ask(telegram_without_rasa, 211, 1, text="pay me or else, call 07911 123456",
               forward_origin=origin, language_code="en")
    reply = " ".join(texts(sent))
    assert content.string("en", "service_down") in reply
    for secret in ("Controller", "5550001", "07911 123456", "pay me"):
        assert secret not in reply


ODD_TEXTS = [
    "a" * MAX_TEXT,
    "\u202eevil\u202c \u200b\u200f hola \ufeff",
    "e\u0301\u0301\u0301 Z\u0351\u0352\u0353 🇺🇦🏳️‍🌈 👩🏽‍👩🏿‍👧",
    "\x00\x07 hello \x1b[31m",
    "مرحبا، أحتاج مساعدة",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_and_long_texts_are_answered_and_never_echoed(telegram_without_rasa, text):
    chat_id = 270 + ODD_TEXTS.index(text)
    sent = ask(telegram_without_rasa, chat_id, 1, text=text)
    for message in sent:
        assert text not in message["text"]


def test_a_burst_of_50_gets_one_polite_limit_and_wipe_still_works(
        telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    for i in range(50):
        standin.message(230, f"hello {i}")
    sent = settle(standin, 230)
    limits = [t for t in texts(sent) if t == content.string("en", "rate_limited")]
    assert len(limits) == 1
    answered = [t for t in texts(sent) if t.startswith(content.string("en", "service_down"))]
    assert 1 <= len(answered) <= 6  # the burst allowance, plus what refilled meanwhile
    confirm = ask(telegram_without_rasa, 230, 1, text="/wipe")[-1]
    assert confirm["text"] == content.string("en", "wipe_confirm")


def test_unknown_and_foreign_callback_data_get_the_menu(telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    standin.inject({"callback_query": {
        "id": "q1", "from": standin.person(240), "chat_instance": "x", "data": "x" * 64,
        "message": {"message_id": 1, "date": 1700000000, "text": "old",
                    "chat": {"id": 240, "type": "private"}}}})
    sent = standin.wait_sent(240, 1)
    assert sent[0]["text"] == content.string("en", "menu_prompt")


def test_in_a_group_it_says_once_that_it_works_in_private_and_leaves(
        telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    standin.message(-1001, "/start", chat_type="group", language_code="es")
    standin.message(-1001, "hola a todos, mi número es 0612345678", chat_type="group")
    standin.wait_for("leaveChat", -1001, count=2)
    assert texts(settle(standin, -1001)) == [content.string("es", "private_only")]
    standin.inject({"my_chat_member": {
        "chat": {"id": -1002, "type": "supergroup", "title": "g"}, "date": 1700000000,
        "from": standin.person(250),
        "old_chat_member": {"status": "left", "user": {"id": 1, "is_bot": True,
                                                       "first_name": "Peerline"}},
        "new_chat_member": {"status": "member", "user": {"id": 1, "is_bot": True,
                                                         "first_name": "Peerline"}}}})
    assert standin.wait_for("leaveChat", -1002)
    assert len(standin.sent(-1002)) == 1


def test_wipe_deletes_every_message_in_batches_of_100_and_counts_old_ones(
        telegram_without_rasa, content):
    standin, chat_id = telegram_without_rasa.standin, 260
    standin.message(chat_id, "an old message", date=time.time() - 3 * 24 * 3600)
    settle(standin, chat_id)
    for _ in range(120):
        standin.message(chat_id, sticker=STICKER)
    settle(standin, chat_id)
    confirm = ask(telegram_without_rasa, chat_id, 1, text="/wipe")[-1]
    before = len(standin.sent(chat_id))
    standin.press(chat_id, confirm, content.string("en", "wipe_yes"))
    after = standin.wait_sent(chat_id, before + 2)[before:]
    assert texts(after) == [content.string("en", "wipe_done"),
                            content.string("en", "wipe_partial", count=1)]
    batches = [call.params["message_ids"] for call in standin.calls_of("deleteMessages", chat_id)]
    assert all(len(batch) <= 100 for batch in batches) and len(batches) == 2
    deleted = sorted(i for batch in batches for i in batch)
    everything = standin.message_ids(chat_id)
    assert deleted == everything[1:-2]  # all but the old one and the two replies to the wipe
    pseudonym = Pseudonymizer.for_data_dir(telegram_without_rasa.settings.data_dir)(chat_id)
    assert not any(pseudonym.encode() in f.read_bytes()
                   for f in telegram_without_rasa.settings.data_dir.glob("*.db*"))


def test_wipe_can_be_called_off(telegram_without_rasa, content):
    standin = telegram_without_rasa.standin
    confirm = ask(telegram_without_rasa, 261, 1, text="/wipe", language_code="ro")[-1]
    standin.press(261, confirm, content.string("ro", "wipe_no"), language_code="ro")
    (edit,) = standin.wait_for("editMessageText", 261)
    assert edit.params["text"] == content.string("ro", "wipe_cancelled")
    assert not standin.calls_of("deleteMessages", 261)
