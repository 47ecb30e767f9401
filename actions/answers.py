"""Every answer Peerline gives, built from content/ as a list of messages.

A message is a dict as Rasa's REST channel returns it: {"text", "buttons"},
or {"custom": {...}} for instructions to the front. The custom actions send
these through Rasa; the bot's degraded mode uses them directly when Rasa is
down. No sentence is written here: all words come from content.strings.
"""

from __future__ import annotations

import json

from actions.content import Content
from actions.content.model import ANY_COUNTRY

TOPIC_OF_INTENT = {
    "ask_legal_status": "legal_status",
    "ask_police_rights": "police_rights",
    "ask_immigration": "immigration",
    "report_violence": "safe_reporting",
    "ask_trafficking": "trafficking",
    "ask_health": "health",
    "ask_work_rights": "work_rights",
    "ask_leaving": "leaving",
}
MENU_ITEMS = [(f"topic_{topic}", f"/{intent}") for intent, topic in TOPIC_OF_INTENT.items()] + [
    ("topic_collectives", "/find_collective"),
    ("topic_emergency", "/emergency"),
]
# Intents answered by one interface string of the same name.
STRING_INTENTS = ("goodbye", "thanks", "affirm", "deny", "bot_challenge")

Message = dict


def text(body: str, buttons: list | None = None) -> Message:
    return {"text": body, "buttons": buttons} if buttons else {"text": body}


def payload(intent: str, **entities: str) -> str:
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"


def menu(content: Content, language: str) -> Message:
    buttons = [{"title": content.string(language, key), "payload": target}
               for key, target in MENU_ITEMS]
    return text(content.string(language, "menu_prompt"), buttons)


def greeting(content: Content, language: str) -> list[Message]:
    return [text(content.string(language, "greeting")), menu(content, language)]


def string(content: Content, language: str, key: str) -> list[Message]:
    return [text(content.string(language, key))]


def fallback(content: Content, language: str) -> list[Message]:
    return [menu(content, language) | {"text": content.string(language, "fallback")}]


def emergency_numbers(content: Content, language: str, country_id: str | None) -> str:
    numbers = ", ".join(
        f"{entry['number']} ({content.string(language, 'service_' + entry['service'])})"
        for entry in content.country(country_id).emergency)
    return content.string(language, "emergency_now", numbers=numbers)


def emergency(content: Content, language: str, country_id: str | None) -> list[Message]:
    return [text(emergency_numbers(content, language, country_id)),
            text(content.string(language, "emergency_next"))]


def ask_country(content: Content, language: str) -> Message:
    buttons = [{"title": country.name(language), "payload": payload("inform", country=country.id)}
               for country in sorted(content.countries.values(), key=lambda c: c.name(language))
               if country.id != ANY_COUNTRY and country.topics]
    buttons.append({"title": content.string(language, "country_other"),
                    "payload": payload("inform", country=ANY_COUNTRY)})
    return text(content.string(language, "ask_country"), buttons)


def topic(content: Content, language: str, topic_id: str, country_id: str) -> list[Message]:
    messages = []
    known = content.has_country(country_id)
    covered = known and content.country(country_id).topics.get("en", {}).get(topic_id)
    if country_id != ANY_COUNTRY and not covered:
        name = content.country(country_id).name(language) if known else country_id.upper()
        messages.append(text(content.string(language, "country_not_covered", country=name)))
    entry, shown_in = content.topic(country_id, topic_id, language)
    if not entry:
        return messages + fallback(content, language)
    if shown_in != language:
        messages.append(text(content.string(language, "translation_missing")))
    body = entry["text"].strip()
    if topic_id == "safe_reporting":
        body += reporting_options(content, country_id)
    sources = entry.get("sources") or []
    if sources:
        lines = [content.string(language, "sources")]
        lines += [f"• {s['title']}: {s['url']}" if s.get("url") else f"• {s['title']}"
                  for s in sources]
        body += "\n\n" + "\n".join(lines)
    messages.append(text(body))
    return messages


def contact_line(record: dict) -> str:
    """Website always; phone, e-mail and hours only when someone vouched for them."""
    contacts = [record.get("website")]
    if record.get("verified"):
        contacts += [record.get("phone"), record.get("email"), record.get("opening_hours")]
    return " · ".join(c for c in contacts if c)


def reporting_options(content: Content, country_id: str) -> str:
    options = content.country(country_id).reporting
    lines = [f"• {o['name']}" + (f"\n  {contact_line(o)}" if contact_line(o) else "")
             for o in options]
    return "\n\n" + "\n".join(lines) if lines else ""


def collective_line(content: Content, language: str, collective: dict) -> str:
    parts = [collective["name"]]
    if collective.get("cities"):
        parts.append(", ".join(collective["cities"]))
    if collective.get("sex_worker_led"):
        parts.append(content.string(language, "sex_worker_led"))
    line = " – ".join(parts)
    contacts = contact_line(collective)
    return line + ("\n  " + contacts if contacts else "")


def collectives_near(content: Content, country_id: str | None, city: str | None) -> list:
    groups = content.country(country_id).collectives if country_id else []
    if city:
        local = [g for g in groups if city in (g.get("cities") or [])]
        national = [g for g in groups if not g.get("cities")]
        groups = local + national or groups
    return groups


def collectives(content: Content, language: str, country_id: str | None,
                city: str | None, intro_key: str = "collectives_intro") -> list[Message]:
    groups = collectives_near(content, country_id, city)
    place = city or (content.country(country_id).name(language) if country_id else "")
    if groups:
        intro = content.string(language, intro_key, place=place)
    else:
        groups = content.country(ANY_COUNTRY).collectives
        intro = content.string(language, "collectives_none", place=place)
    lines = [collective_line(content, language, g) for g in groups]
    return [text(intro + "\n\n" + "\n\n".join(lines))]


def talk_to_human(content: Content, language: str, country_id: str | None,
                  city: str | None) -> list[Message]:
    groups = collectives_near(content, country_id, city) or content.country(ANY_COUNTRY).collectives
    lines = [collective_line(content, language, g) for g in groups]
    return [text(content.string(language, "talk_to_human") + "\n\n" + "\n\n".join(lines))]


def erased(content: Content, language: str) -> list[Message]:
    """The front erases the person from every store; the chat's messages need /wipe."""
    return [{"custom": {"erase": True}}, text(content.string(language, "delete_my_data"))]


def language_menu(content: Content, language: str) -> Message:
    buttons = [{"title": entry["name"], "payload": payload("set_language", language=code)}
               for code, entry in content.languages.items()]
    return text(content.string(language, "choose_language"), buttons)


def language_changed(content: Content, new_language: str) -> list[Message]:
    return [{"custom": {"set_language": new_language}},
            text(content.string(new_language, "language_changed")),
            menu(content, new_language)]


def degraded(content: Content, language: str, country_id: str | None = None) -> list[Message]:
    """What the front says on its own when Rasa or the action server is down."""
    return [text(content.string(language, "service_down")),
            text(emergency_numbers(content, language, country_id)),
            menu(content, language)]
