"""The path of one message, the same for every front.

pseudonym -> clean text -> language -> redaction -> Rasa -> messages. When Rasa
or the action server does not answer, the answer comes from content/ directly
(degraded mode), so a person is never left without the emergency numbers.

Other parts plug in without this file knowing them: `on_turn` observers see
every finished turn (the logbook keeps them), `erasers` are called with a
pseudonym when a person asks to be erased (/wipe, or in words: delete_my_data),
and `chores` run in the background while a front runs (the logbook's retention
purge).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from actions import answers
from actions.content import ContentStore
from bot import language
from bot.breaker import Breaker
from bot.identity import Pseudonymizer
from bot.logs import describe_error
from bot.rasa_client import RasaClient, RasaUnavailable
from bot.redaction import redact

logger = logging.getLogger(__name__)
MAX_TEXT = 4096
# Control characters and the invisible marks that reorder or hide text.
INVISIBLE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{[^{}]*\})?$")
PAYLOAD_VALUE = re.compile(r"^[\w .'-]{1,40}$")


@dataclass
class Person:
    chosen: str | None = None  # picked with /language or "speak ...": always wins
    current: str | None = None  # in use: sticky against ambiguous messages


@dataclass
class Turn:
    pseudonym: str
    language: str
    text: str  # redacted: the only form of the message that leaves the front
    messages: list = field(default_factory=list)
    degraded: bool = False
    # What the actions reported: intent, confidence, entities, answered_by.
    record: dict = field(default_factory=dict)
    erase: bool = False  # the person asked to be forgotten (delete_my_data)


def clean_text(text: str | None) -> tuple[str, bool]:
    """Text without invisible characters, and whether it had to be cut."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text or "")).strip()
    return text[:MAX_TEXT], len(text) > MAX_TEXT


def button_payload(text: str) -> str | None:
    """The text if it is a well-formed button payload, else None.

    Anyone can type a payload, so entity values are held to short plain words:
    nothing personal can travel to Rasa inside one unredacted.
    """
    match = PAYLOAD.match(text)
    if not match:
        return None
    if match["entities"]:
        try:
            entities = json.loads(match["entities"])
        except ValueError:
            return None
        if not all(isinstance(v, str) and PAYLOAD_VALUE.match(v) for v in entities.values()):
            return None
    return text


class Conversation:
    def __init__(self, rasa: RasaClient, store: ContentStore, pseudonymize: Pseudonymizer,
                 breaker: Breaker | None = None):
        self.rasa = rasa
        self.store = store
        self.pseudonymize = pseudonymize
        self.breaker = breaker or Breaker()
        self.people: dict[str, Person] = {}
        self.on_turn: list[Callable[[Turn], None]] = []
        # Each takes a pseudonym and removes that person from one store.
        self.erasers: list[Callable[[str], object]] = []
        # Background work of the stores while a front runs (the logbook's daily purge).
        self.chores: list[Callable[[], Awaitable[None]]] = []
        self._chore_tasks: list[asyncio.Task] = []

    def person(self, pseudonym: str) -> Person:
        return self.people.setdefault(pseudonym, Person())

    def choose_language(self, pseudonym: str, code: str) -> None:
        person = self.person(pseudonym)
        person.chosen = person.current = code

    def language_for(self, pseudonym: str, text: str, app_language: str | None) -> str:
        person = self.person(pseudonym)
        code = language.resolve(text, person.chosen, person.current, app_language)
        person.current = code
        return code

    def reply_language(self, pseudonym: str, app_language: str | None = None) -> str:
        """The language for an answer with no text to detect it from (a button, a command)."""
        person = self.person(pseudonym)
        return language.resolve("", person.chosen, person.current, app_language)

    async def handle(self, chat_id: int | str, raw_text: str | None,
                     app_language: str | None = None) -> Turn:
        pseudonym = self.pseudonymize(chat_id)
        content = self.store.get()
        text, was_cut = clean_text(raw_text)
        payload = button_payload(text)
        if payload:
            lang = self.reply_language(pseudonym, app_language)
        else:
            lang = self.language_for(pseudonym, text, app_language)
        if not text:
            return Turn(pseudonym, lang, "", [answers.menu(content, lang)
                                             | {"text": content.string(lang, "empty_message")}])
        sent = payload or redact(text)
        turn = Turn(pseudonym, lang, sent)
        replies = await self.ask_rasa(pseudonym, sent, lang)
        if replies is None:
            turn.degraded = True
            replies = self.degraded_answer(payload, lang)
        turn.messages = self.apply_custom(turn, replies)
        turn.language = self.person(pseudonym).current or lang
        if was_cut:
            turn.messages.insert(0, answers.text(content.string(lang, "message_cut")))
        for observe in self.on_turn:
            try:
                observe(turn)
            except Exception as error:  # an observer must never cost the person the answer
                logger.error("turn observer failed: %s", describe_error(error))
        if turn.erase and not await self.erase(pseudonym):
            turn.messages = [answers.text(content.string(lang, "wipe_failed"))]
        return turn

    async def ask_rasa(self, pseudonym: str, text: str, lang: str) -> list[dict] | None:
        """Rasa's answer, or None while it is down or slow (see bot/breaker.py)."""
        if not self.breaker.allows():
            return None
        try:
            replies = await self.rasa.send(pseudonym, text, {"language": lang})
        except RasaUnavailable:
            self.breaker.failure()
            return None
        self.breaker.success()
        return replies

    def start_chores(self) -> None:
        """Called by a front once its event loop runs."""
        self._chore_tasks = [asyncio.create_task(chore()) for chore in self.chores]

    def stop_chores(self) -> None:
        for task in self._chore_tasks:
            task.cancel()
        self._chore_tasks = []

    async def erase(self, pseudonym: str, also: Iterable[Callable[[str], object]] = ()) -> bool:
        """Forget the person here, in every registered store and in `also`.

        False if a store failed.
        """
        self.people.pop(pseudonym, None)
        erased = True
        for eraser in [*self.erasers, *also]:
            try:
                await asyncio.to_thread(eraser, pseudonym)
            except Exception as error:  # the other stores must still be erased
                logger.error("erasure failed: %s", describe_error(error))
                erased = False
        return erased

    def degraded_answer(self, payload: str | None, lang: str) -> list[dict]:
        """Answers from content/ alone: a pressed topic or emergency, else the menu."""
        content = self.store.get()
        match = PAYLOAD.match(payload) if payload else None
        intent = match["intent"] if match else None
        if intent == "set_language":
            wanted = json.loads(match["entities"] or "{}").get("language")
            if wanted in language.SUPPORTED:
                return answers.language_changed(content, wanted)
        if intent == "emergency":
            return answers.emergency(content, lang, None)
        if intent in answers.TOPIC_OF_INTENT:
            return answers.topic(content, lang, answers.TOPIC_OF_INTENT[intent], "any")
        return answers.degraded(content, lang)

    def apply_custom(self, turn: Turn, replies: list[dict]) -> list[dict]:
        """Carry out the front's instructions in Rasa's answer; return what to show."""
        shown = []
        for reply in replies:
            custom = reply.get("custom") or {}
            if custom.get("set_language") in language.SUPPORTED:
                self.choose_language(turn.pseudonym, custom["set_language"])
            if isinstance(custom.get("turn"), dict):
                turn.record = custom["turn"]
            if custom.get("erase") is True:
                turn.erase = True
            if reply.get("text"):
                shown.append({"text": reply["text"], "buttons": reply.get("buttons") or []})
        return shown
