"""Custom actions with rasa-sdk's own Tracker and dispatcher."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import actions, answers


def tracker(intent, entities=(), language="en", slots=None):
    message = {"intent": {"name": intent, "confidence": 0.9}, "text": "…",
               "intent_ranking": [{"name": intent, "confidence": 0.9}],
               "entities": [{"entity": e, "value": v} for e, v in entities],
               "metadata": {"language": language}}
    return Tracker("pseudonym", slots or {}, message, [], False, None, {}, "action_listen")


def run(action, track):
    """The messages a person sees, and the events; checks the logbook record."""
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, track, {})
    *shown, record = dispatcher.messages
    assert record["custom"]["turn"]["intent"] == track.latest_message["intent"]["name"]
    return shown, events


def test_greet_in_the_person_language(content):
    messages, _ = run(actions.ActionGreet(), tracker("greet", language="pl"))
    assert messages[0]["text"] == content.string("pl", "greeting")
    assert len(messages[1]["buttons"]) == len(answers.MENU_ITEMS)


def test_topic_without_country_asks_for_it_with_buttons(content):
    messages, events = run(actions.ActionTopic(), tracker("ask_police_rights", language="fr"))
    assert messages[0]["text"] == content.string("fr", "ask_country")
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert '/inform{"country":"fr"}' in payloads and '/inform{"country":"any"}' in payloads
    assert SlotSet("pending_topic", "police_rights") in events


def test_inform_answers_the_waiting_topic(content):
    track = tracker("inform", [("country", "fr")], slots={"pending_topic": "police_rights"})
    messages, events = run(actions.ActionInform(), track)
    entry, _ = content.topic("fr", "police_rights", "en")
    assert entry["text"].strip()[:40] in messages[-1]["text"]
    assert SlotSet("pending_topic", None) in events


def test_topic_with_a_city_finds_the_country(content):
    messages, events = run(actions.ActionTopic(),
                           tracker("ask_legal_status", [("city", "London")]))
    entry, _ = content.topic("gb", "legal_status", "en")
    assert entry["text"].strip()[:40] in messages[-1]["text"]
    assert SlotSet("country", "gb") in events


def test_untranslated_topic_falls_back_to_english_with_a_note(content):
    language = next(code for code in content.languages
                    if not content.country("gb").topics.get(code, {}).get("health"))
    messages, _ = run(actions.ActionTopic(),
                      tracker("ask_health", [("country", "gb")], language=language))
    assert messages[0]["text"] == content.string(language, "translation_missing")


def test_country_without_content_says_so_and_gives_general_answer(content):
    messages, _ = run(actions.ActionTopic(), tracker("ask_health", [("country", "zz")]))
    assert messages[0]["text"] == content.string("en", "country_not_covered", country="ZZ")


def test_emergency_answers_at_once_with_112_when_country_unknown(content):
    messages, events = run(actions.ActionEmergency(), tracker("emergency", language="ru"))
    assert "112" in messages[0]["text"]
    assert messages[1]["text"] == content.string("ru", "emergency_next")
    assert events == []


@pytest.mark.parametrize("country", ["gb", "de", "it"])
def test_emergency_uses_the_country_numbers(content, country):
    messages, _ = run(actions.ActionEmergency(), tracker("emergency", slots={"country": country}))
    for entry in content.country(country).emergency:
        assert entry["number"] in messages[0]["text"]


def test_set_language_switches_and_tells_the_front(content):
    messages, _ = run(actions.ActionSetLanguage(), tracker("set_language", [("language", "uk")]))
    assert messages[0]["custom"] == {"set_language": "uk"}
    assert messages[1]["text"] == content.string("uk", "language_changed")


def test_set_language_without_a_language_offers_all(content):
    messages, _ = run(actions.ActionSetLanguage(), tracker("set_language"))
    assert len(messages[0]["buttons"]) == len(content.languages)


def test_talk_to_human_lists_collectives(content):
    messages, _ = run(actions.ActionTalkToHuman(), tracker("talk_to_human", [("city", "Berlin")]))
    assert messages[0]["text"].startswith(content.string("en", "talk_to_human"))
    assert any(c["name"] in messages[0]["text"] for c in content.country("de").collectives)


def test_find_collective_in_a_city(content):
    messages, _ = run(actions.ActionFindCollective(),
                      tracker("find_collective", [("city", "Paris")], language="es"))
    assert any(c["name"] in messages[0]["text"] for c in content.country("fr").collectives)


@pytest.mark.parametrize("intent", answers.STRING_INTENTS)
def test_string_intents(content, intent):
    messages, _ = run(actions.ActionReply(), tracker(intent, language="it"))
    assert messages[0]["text"] == content.string("it", intent)


def test_fallback_is_kind_and_shows_the_menu(content):
    messages, _ = run(actions.ActionFallback(), tracker("nlu_fallback", language="th"))
    assert messages[0]["text"] == content.string("th", "fallback")
    assert messages[0]["buttons"]


def test_unverified_collective_shows_only_name_and_website(content):
    collective = {"name": "Example", "website": "https://example.org", "phone": "+33 1 00 00 00 00",
                  "verified": False, "cities": []}
    line = answers.collective_line(content, "en", collective)
    assert "example.org" in line and "+33" not in line


def test_delete_my_data_asks_the_front_to_erase(content):
    messages, _ = run(actions.ActionDeleteMyData(), tracker("delete_my_data", language="de"))
    assert messages[0]["custom"] == {"erase": True}
    assert messages[1]["text"] == content.string("de", "delete_my_data")


def test_groups_near_me_clears_a_waiting_topic(content):
    _, events = run(actions.ActionFindCollective(),
                    tracker("find_collective", [("city", "Paris")],
                            slots={"pending_topic": "health"}))
    assert SlotSet("pending_topic", None) in events
