"""Rasa custom actions: each reads the person's language and place from the
tracker, asks answers.py for the messages, and sends them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import answers
from actions.content import ContentStore
from actions.content.model import ANY_COUNTRY

STORE = ContentStore()

Events = list[dict[str, Any]]


def send(dispatcher: CollectingDispatcher, messages: list[dict]) -> None:
    for message in messages:
        if "custom" in message:
            dispatcher.utter_message(json_message=message["custom"])
        else:
            dispatcher.utter_message(text=message["text"], buttons=message.get("buttons", []))


def turn_record(tracker: Tracker, answered_by: str) -> dict:
    """What the front's logbook keeps of this turn (no text: the front has it)."""
    message = tracker.latest_message
    intent = message.get("intent") or {}
    return {"turn": {
        "intent": intent.get("name"),
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
        "entities": [{"entity": e.get("entity"), "value": e.get("value")}
                     for e in message.get("entities") or []],
        "answered_by": answered_by,
    }}


class PeerlineAction(Action, ABC):
    """Sends answers.py's messages, then a record of the turn for the logbook.

    Abstract, so that rasa-sdk registers only the concrete actions below.
    """

    @abstractmethod
    def answer(self, tracker: Tracker) -> tuple[list[dict], Events, str]:
        """The messages, the events and a label of the content that answered."""

    def run(self, dispatcher, tracker, domain) -> Events:
        messages, events, answered_by = self.answer(tracker)
        send(dispatcher, messages + [{"custom": turn_record(tracker, answered_by)}])
        return events


def language_of(tracker: Tracker) -> str:
    """The language the front resolved for this message (bot/language.py)."""
    metadata = tracker.latest_message.get("metadata") or {}
    return STORE.get().language(metadata.get("language"))


def latest_entity(tracker: Tracker, entity: str) -> str | None:
    return next(tracker.get_latest_entity_values(entity), None)


def place_of(tracker: Tracker) -> tuple[str | None, str | None]:
    """The person's country and city: named now, implied by the city, or known before."""
    content = STORE.get()
    city = latest_entity(tracker, "city") or tracker.get_slot("city")
    country = (latest_entity(tracker, "country")
               or content.country_of_city(latest_entity(tracker, "city"))
               or tracker.get_slot("country")
               or content.country_of_city(city))
    return country, city


def place_events(tracker: Tracker, country: str | None) -> Events:
    return [SlotSet("country", country)] if country != tracker.get_slot("country") else []


COLLECTIVES = "collectives"  # pending_topic for "groups near me", beside the topic ids


def answer_for_place(content, language: str, pending: str, country: str,
                     city: str | None) -> tuple[list[dict], str]:
    """A question that depends on the place (a topic, or groups nearby), answered for it."""
    if pending == COLLECTIVES:
        return answers.collectives(content, language, country, city), f"collectives:{country}"
    return answers.topic(content, language, pending, country), f"topic:{country}/{pending}"


def answer_or_ask_where(tracker: Tracker, pending: str) -> tuple[list[dict], Events, str]:
    """Answer for the known place, or ask the country and keep the question waiting."""
    content, language = STORE.get(), language_of(tracker)
    country, city = place_of(tracker)
    if not country:
        return ([answers.ask_country(content, language)],
                [SlotSet("pending_topic", pending)], "ask_country")
    messages, answered_by = answer_for_place(content, language, pending, country, city)
    return (messages, place_events(tracker, country) + [SlotSet("pending_topic", None)],
            answered_by)


class ActionGreet(PeerlineAction):
    def name(self) -> str:
        return "action_greet"

    def answer(self, tracker):
        return answers.greeting(STORE.get(), language_of(tracker)), [], "greeting"


class ActionMenu(PeerlineAction):
    def name(self) -> str:
        return "action_menu"

    def answer(self, tracker):
        return [answers.menu(STORE.get(), language_of(tracker))], [], "menu"


class ActionTopic(PeerlineAction):
    """A topic that depends on the country: answer it, or ask where first."""

    def name(self) -> str:
        return "action_topic"

    def answer(self, tracker):
        return answer_or_ask_where(
            tracker, answers.TOPIC_OF_INTENT[tracker.get_intent_of_latest_message()])


class ActionInform(PeerlineAction):
    """The person said where they are: answer what was waiting for it."""

    def name(self) -> str:
        return "action_inform"

    def answer(self, tracker):
        content, language = STORE.get(), language_of(tracker)
        country, city = place_of(tracker)
        country = country or ANY_COUNTRY
        pending = tracker.get_slot("pending_topic")
        events = place_events(tracker, country) + [SlotSet("pending_topic", None)]
        if pending:
            messages, answered_by = answer_for_place(content, language, pending, country, city)
            return messages, events, answered_by
        place = city or content.country(country).name(language)
        noted = content.string(language, "country_noted", country=place)
        return [answers.menu(content, language) | {"text": noted}], events, "menu"


class ActionEmergency(PeerlineAction):
    """Danger comes first: numbers at once, without asking anything."""

    def name(self) -> str:
        return "action_emergency"

    def answer(self, tracker):
        country, _ = place_of(tracker)
        return (answers.emergency(STORE.get(), language_of(tracker), country), [],
                f"emergency:{country or ANY_COUNTRY}")


class ActionFindCollective(PeerlineAction):
    def name(self) -> str:
        return "action_find_collective"

    def answer(self, tracker):
        return answer_or_ask_where(tracker, COLLECTIVES)


class ActionTalkToHuman(PeerlineAction):
    def name(self) -> str:
        return "action_talk_to_human"

    def answer(self, tracker):
        country, city = place_of(tracker)
        return (answers.talk_to_human(STORE.get(), language_of(tracker), country, city), [],
                f"talk_to_human:{country or ANY_COUNTRY}")


class ActionSetLanguage(PeerlineAction):
    def name(self) -> str:
        return "action_set_language"

    def answer(self, tracker):
        content = STORE.get()
        wanted = latest_entity(tracker, "language")
        if wanted in content.languages:
            return answers.language_changed(content, wanted), [], f"language:{wanted}"
        return [answers.language_menu(content, language_of(tracker))], [], "language_menu"


class ActionReply(PeerlineAction):
    """Intents answered by one interface string (thanks, goodbye, ...)."""

    def name(self) -> str:
        return "action_reply"

    def answer(self, tracker):
        intent = tracker.get_intent_of_latest_message()
        key = intent if intent in answers.STRING_INTENTS else "fallback"
        return answers.string(STORE.get(), language_of(tracker), key), [], f"string:{key}"


class ActionDeleteMyData(PeerlineAction):
    """Asked to forget them: the front erases every store at once (bot/conversation.py)."""

    def name(self) -> str:
        return "action_delete_my_data"

    def answer(self, tracker):
        return answers.erased(STORE.get(), language_of(tracker)), [], "erased"


class ActionFallback(PeerlineAction):
    """Out of scope or not understood: say so kindly and show the menu."""

    def name(self) -> str:
        return "action_fallback"

    def answer(self, tracker):
        return answers.fallback(STORE.get(), language_of(tracker)), [], "fallback"
