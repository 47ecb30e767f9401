"""The path of one message, with a stand-in for Rasa."""

import asyncio

import pytest

from bot.conversation import MAX_TEXT, Conversation, button_payload, clean_text
from bot.identity import Pseudonymizer
from bot.rasa_client import RasaClient, RasaUnavailable


class FakeRasa:
    def __init__(self, replies=None, down=False):
        self.replies = replies or [{"text": "answer"}]
        self.down = down
        self.sent = []

    async def send(self, sender, text, metadata):
        self.sent.append((sender, text, metadata))
        if self.down:
            raise RasaUnavailable("down")
        return self.replies


@pytest.fixture
def conversation(content_store):
    def make(**kwargs):
        return Conversation(FakeRasa(**kwargs), content_store, Pseudonymizer(b"k" * 32))
    return make


def handle(conversation, text, chat_id=1):
    return asyncio.run(conversation.handle(chat_id, text))


def test_rasa_sees_pseudonym_language_and_redacted_text(conversation):
    conv = conversation()
    turn = handle(conv, "hola, mi correo es ana@example.com", chat_id=123456789)
    sender, text, metadata = conv.rasa.sent[0]
    assert "123456789" not in sender and len(sender) == 32
    assert "ana@example.com" not in text
    assert metadata == {"language": "es"}
    assert turn.messages == [{"text": "answer", "buttons": []}]


def test_set_language_from_rasa_is_remembered(conversation, content):
    conv = conversation(replies=[{"custom": {"set_language": "de"}}, {"text": "OK"}])
    turn = handle(conv, "speak german")
    assert turn.language == "de"
    assert conv.person(turn.pseudonym).chosen == "de"
    assert turn.messages == [{"text": "OK", "buttons": []}]


def test_rasa_down_gives_menu_and_emergency_numbers(conversation, content):
    conv = conversation(down=True)
    turn = handle(conv, "necesito ayuda con la policía")
    assert turn.degraded
    texts = [m["text"] for m in turn.messages]
    assert texts[0] == content.string("es", "service_down")
    assert "112" in texts[1]
    assert turn.messages[-1]["buttons"]


def test_degraded_mode_answers_a_pressed_topic(conversation, content):
    conv = conversation(down=True)
    turn = handle(conv, "/ask_health")
    entry, _ = content.topic("any", "health", "en")
    assert entry["text"].strip()[:40] in turn.messages[-1]["text"]


@pytest.mark.parametrize("text", ["", "   ", "\u200f\u202e", "\x00\x07\x1b"])
def test_empty_messages_get_the_menu_without_rasa(conversation, content, text):
    conv = conversation()
    turn = handle(conv, text)
    assert conv.rasa.sent == []
    assert turn.messages[0]["buttons"]


@pytest.mark.parametrize("text", ["😀😀😀", "مرحبا كيف حالك", "שלום", "a\u202eb", "🇺🇦 " * 50])
def test_odd_messages_reach_rasa_cleanly(conversation, text):
    conv = conversation()
    turn = handle(conv, text)
    assert turn.messages
    assert "\u202e" not in conv.rasa.sent[0][1]


def test_very_long_message_is_cut_and_said_so(conversation, content):
    conv = conversation()
    turn = handle(conv, "help " * 2000)
    assert len(conv.rasa.sent[0][1]) <= MAX_TEXT
    assert turn.messages[0]["text"] == content.string(turn.language, "message_cut")


def test_clean_text_removes_invisible_marks():
    assert clean_text("a\u200bb\u202ec\x00") == ("abc", False)


@pytest.mark.parametrize("text, valid", [
    ("/ask_health", True),
    ('/inform{"country":"fr"}', True),
    ('/inform{"country":"call me 07700 900123 or ana@example.com"}', False),
    ("/inform{not json}", False),
    ("/Start now", False),
])
def test_only_well_formed_payloads_skip_redaction(text, valid):
    assert (button_payload(text) is not None) == valid


def test_unreachable_rasa_raises_quickly():
    client = RasaClient("http://127.0.0.1:9")
    with pytest.raises(RasaUnavailable):
        asyncio.run(client.send("x", "hello", {}))


def test_delete_my_data_erases_every_store_at_once(conversation, content):
    conv = conversation(replies=[{"custom": {"erase": True}}, {"text": "done"}])
    erased = []
    conv.erasers.append(erased.append)
    turn = handle(conv, "please delete everything about me", chat_id=42)
    assert erased == [turn.pseudonym]
    assert turn.messages == [{"text": "done", "buttons": []}]


def test_a_failed_erasure_is_never_reported_as_done(conversation, content):
    conv = conversation(replies=[{"custom": {"erase": True}}, {"text": "done"}])

    def broken(pseudonym):
        raise OSError("disk")

    conv.erasers.append(broken)
    turn = handle(conv, "delete my data")
    assert turn.messages == [{"text": content.string(turn.language, "wipe_failed")}]
