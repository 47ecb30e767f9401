"""Rasa custom actions: each reads the person's language and place from the
tracker, asks answers.py for the messages, and sends them."""

from __future__ import annotations

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


class ActionGreet(Action):
    def name(self) -> str:
        return "action_greet"

    def run(self, dispatcher, tracker, domain) -> Events:
        send(dispatcher, answers.greeting(STORE.get(), language_of(tracker)))
        return []


class ActionMenu(Action):
    def name(self) -> str:
        return "action_menu"

    def run(self, dispatcher, tracker, domain) -> Events:
        send(dispatcher, [answers.menu(STORE.get(), language_of(tracker))])
        return []


class ActionTopic(Action):
    """A topic that depends on the country: answer it, or ask where first."""

    def name(self) -> str:
        return "action_topic"

    def run(self, dispatcher, tracker, domain) -> Events:
        content, language = STORE.get(), language_of(tracker)
        topic = answers.TOPIC_OF_INTENT[tracker.get_intent_of_latest_message()]
        country, _ = place_of(tracker)
        if not country:
            send(dispatcher, [answers.ask_country(content, language)])
            return [SlotSet("pending_topic", topic)]
        send(dispatcher, answers.topic(content, language, topic, country))
        return place_events(tracker, country) + [SlotSet("pending_topic", None)]


class ActionInform(Action):
    """The person said where they are: answer what was waiting for it."""

    def name(self) -> str:
        return "action_inform"

    def run(self, dispatcher, tracker, domain) -> Events:
        content, language = STORE.get(), language_of(tracker)
        country, city = place_of(tracker)
        country = country or ANY_COUNTRY
        pending = tracker.get_slot("pending_topic")
        if pending == "collectives":
            send(dispatcher, answers.collectives(content, language, country, city))
        elif pending:
            send(dispatcher, answers.topic(content, language, pending, country))
        else:
            place = city or content.country(country).name(language)
            send(dispatcher, [answers.menu(content, language)
                              | {"text": content.string(language, "country_noted", country=place)}])
        return place_events(tracker, country) + [SlotSet("pending_topic", None)]


class ActionEmergency(Action):
    """Danger comes first: numbers at once, without asking anything."""

    def name(self) -> str:
        return "action_emergency"

    def run(self, dispatcher, tracker, domain) -> Events:
        country, _ = place_of(tracker)
        send(dispatcher, answers.emergency(STORE.get(), language_of(tracker), country))
        return []


class ActionFindCollective(Action):
    def name(self) -> str:
        return "action_find_collective"

    def run(self, dispatcher, tracker, domain) -> Events:
        content, language = STORE.get(), language_of(tracker)
        country, city = place_of(tracker)
        if not country:
            send(dispatcher, [answers.ask_country(content, language)])
            return [SlotSet("pending_topic", "collectives")]
        send(dispatcher, answers.collectives(content, language, country, city))
        return place_events(tracker, country)


class ActionTalkToHuman(Action):
    def name(self) -> str:
        return "action_talk_to_human"

    def run(self, dispatcher, tracker, domain) -> Events:
        country, city = place_of(tracker)
        send(dispatcher, answers.talk_to_human(STORE.get(), language_of(tracker), country, city))
        return []


class ActionSetLanguage(Action):
    def name(self) -> str:
        return "action_set_language"

    def run(self, dispatcher, tracker, domain) -> Events:
        content = STORE.get()
        wanted = latest_entity(tracker, "language")
        if wanted in content.languages:
            send(dispatcher, answers.language_changed(content, wanted))
        else:
            send(dispatcher, [answers.language_menu(content, language_of(tracker))])
        return []


class ActionReply(Action):
    """Intents answered by one interface string (thanks, goodbye, ...)."""

    def name(self) -> str:
        return "action_reply"

    def run(self, dispatcher, tracker, domain) -> Events:
        intent = tracker.get_intent_of_latest_message()
        key = intent if intent in answers.STRING_INTENTS else "fallback"
        send(dispatcher, answers.string(STORE.get(), language_of(tracker), key))
        return []


class ActionFallback(Action):
    """Out of scope or not understood: say so kindly and show the menu."""

    def name(self) -> str:
        return "action_fallback"

    def run(self, dispatcher, tracker, domain) -> Events:
        send(dispatcher, answers.fallback(STORE.get(), language_of(tracker)))
        return []
