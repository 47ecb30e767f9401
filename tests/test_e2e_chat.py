"""End to end: the local chat front, the real Rasa server and action server."""

import asyncio
import io

import pytest

from actions.content import ContentStore
from bot.chat import run_chat
from bot.conversation import Conversation
from bot.identity import Pseudonymizer
from bot.rasa_client import RasaClient

pytestmark = pytest.mark.e2e


def chat(settings, lines: list[str], store=None) -> str:
    conversation = Conversation(RasaClient(settings.rasa_url), store or ContentStore(),
                                Pseudonymizer.for_data_dir(settings.data_dir))
    stdout = io.StringIO()
    asyncio.run(run_chat(conversation, io.StringIO("\n".join(lines) + "\n"), stdout))
    return stdout.getvalue()


def test_conversation_in_two_languages(servers, content):
    transcript = chat(servers.settings, [
        "hola buenas",
        "la policia me paro, que derechos tengo?",
        "1",  # the first country button
        "hi, my boss took my passport",
        "thanks",
    ])
    assert content.string("es", "greeting") in transcript
    assert content.string("es", "ask_country") in transcript
    first_country = sorted((c for c in content.countries.values() if c.id != "any" and c.topics),
                           key=lambda c: c.name("es"))[0]
    police, _ = content.topic(first_country.id, "police_rights", "es")
    assert police["text"].strip()[:40] in transcript
    # The country is remembered: the English question is answered for it at once.
    trafficking, _ = content.topic(first_country.id, "trafficking", "en")
    assert trafficking["text"].strip()[:40] in transcript
    assert content.string("en", "thanks") in transcript


def test_emergency_comes_first_in_any_language(servers, content):
    transcript = chat(servers.settings, ["помогите мне он меня бьет"])
    assert content.string("ru", "emergency_now", numbers="112 (" +
                          content.string("ru", "service_general") + ")") in transcript


def test_rasa_down_is_said_clearly_not_a_hang(settings, content):
    transcript = chat(settings, ["hello, where can i get tested?"])  # nothing listens there
    assert content.string("en", "service_down") in transcript
    assert "112" in transcript
