"""The logbook: what it keeps of a turn, conversations, erasure and retention."""

import asyncio
import calendar
import json
import re

import pytest

from bot import logbook as logbook_module
from bot.conversation import Turn
from bot.logbook import Logbook


class Clock:
    def __init__(self, text="2026-11-22 12:34:56"):
        self.now = calendar.timegm(tuple(map(int, re.split("[- :]", text))) + (0, 0, 0))

    def __call__(self):
        return self.now

    def hours(self, hours):
        self.now += hours * 3600


def turn(pseudonym="p1", text="where can I get tested", language="en", degraded=False,
         **record):
    record = record or {"intent": "ask_health", "confidence": 0.91,
                        "entities": [{"entity": "country", "value": "de"}],
                        "answered_by": "topic:de/health"}
    return Turn(pseudonym, language, text, degraded=degraded, record={} if degraded else record)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def book(tmp_path, clock):
    book = Logbook(tmp_path / "logbook.db", clock=clock)
    yield book
    book.close()


def rows(book, table):
    return list(book.db[table].rows)


def file_bytes(book) -> bytes:
    wal = book.path.with_name(book.path.name + "-wal")
    return book.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_turn_is_kept_redacted_to_the_hour_under_a_random_label(book):
    book.record(turn())
    [conversation] = rows(book, "conversations")
    [kept] = rows(book, "turns")
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", conversation["label"])
    assert conversation["pseudonym"] == "p1" and conversation["started"] == "2026-11-22 12:00"
    assert kept == {"id": 1, "conversation": conversation["label"], "hour": "2026-11-22 12:00",
                    "text": "where can I get tested", "language": "en", "intent": "ask_health",
                    "confidence": 0.91, "entities": json.dumps([{"entity": "country",
                                                                 "value": "de"}]),
                    "answered_by": "topic:de/health", "degraded": 0, "fallback": 0}


def test_fallback_and_degraded_turns_are_flagged(book):
    book.record(turn(intent="out_of_scope", confidence=0.4, answered_by="fallback"))
    book.record(turn(intent="nlu_fallback", confidence=0.2, answered_by="ask_country"))
    book.record(turn(degraded=True))
    kept = rows(book, "turns")
    assert [(t["fallback"], t["degraded"]) for t in kept] == [(1, 0), (1, 0), (0, 1)]
    assert kept[2]["intent"] is None and kept[2]["confidence"] is None


def test_a_quiet_gap_starts_a_new_conversation_and_people_never_share_one(book, clock):
    book.record(turn("p1"))
    book.record(turn("p2"))
    clock.hours(5)
    book.record(turn("p1"))
    clock.hours(logbook_module.CONVERSATION_GAP_HOURS + 1)
    book.record(turn("p1"))
    labels = [t["conversation"] for t in rows(book, "turns")]
    assert labels[0] == labels[2] and len(set(labels)) == 3
    assert [c["pseudonym"] for c in rows(book, "conversations")].count("p1") == 2


def test_erasure_takes_the_person_their_annotations_and_the_bytes(book):
    book.record(turn("p1", text="secret-marker-one"))
    book.record(turn("p2", text="someone else"))
    first = rows(book, "turns")[0]["id"]
    book.db["annotations"].insert({"turn": first, "kind": "note", "note": "about marker",
                                   "author": "ana", "created": "2026-11-22 13:00"})
    assert book.erase("p1") == 1
    assert [t["text"] for t in rows(book, "turns")] == ["someone else"]
    assert [c["pseudonym"] for c in rows(book, "conversations")] == ["p2"]
    assert rows(book, "annotations") == []
    assert b"secret-marker-one" not in file_bytes(book)
    assert b"about marker" not in file_bytes(book)
    assert book.erase("nobody") == 0


def test_purge_deletes_turns_past_retention_and_vacuums(book, clock):
    book.record(turn("p1", text="old-marker"))
    old = rows(book, "turns")[0]["id"]
    book.db["annotations"].insert({"turn": old, "kind": "missing_content", "author": "ana",
                                   "created": "2026-11-22 13:00"})
    clock.hours(24 * 30 - 1)
    book.record(turn("p2", text="recent"))
    assert book.purge(30) == 0  # exactly 29 days and 23 hours old: kept
    clock.hours(1)
    assert book.purge(30) == 1
    assert [t["text"] for t in rows(book, "turns")] == ["recent"]
    assert [c["pseudonym"] for c in rows(book, "conversations")] == ["p2"]
    assert rows(book, "annotations") == []
    assert b"old-marker" not in file_bytes(book)


def test_the_daily_purge_runs_at_once_and_survives_a_failure(book, clock, monkeypatch):
    book.record(turn("p1"))
    clock.hours(24 * 31)
    calls = []
    real_purge = book.purge

    def purge(days):
        calls.append(days)
        if len(calls) == 1:
            raise OSError("disk full")
        return real_purge(days)

    monkeypatch.setattr(book, "purge", purge)
    monkeypatch.setattr(logbook_module, "PURGE_EVERY_SECONDS", 0.01)

    async def run_briefly():
        task = asyncio.create_task(book.purge_daily(30))
        while len(calls) < 2:
            await asyncio.sleep(0.01)
        task.cancel()

    asyncio.run(run_briefly())
    assert calls[:2] == [30, 30] and rows(book, "turns") == []


class Rasa:
    async def send(self, sender, text, metadata):
        return [{"text": "answer"}, {"custom": {"turn": {
            "intent": "ask_health", "confidence": 0.8, "entities": [],
            "answered_by": "topic:any/health"}}}]


def test_an_attached_logbook_keeps_turns_erases_and_purges_while_a_front_runs(
        content_store, settings, monkeypatch):
    from bot.conversation import Conversation
    from bot.identity import Pseudonymizer
    from bot.logbook import attach_logbook

    conversation = Conversation(Rasa(), content_store, Pseudonymizer(b"k" * 32))
    book = attach_logbook(conversation, settings)
    purged = []
    monkeypatch.setattr(book, "purge", purged.append)

    async def front():
        conversation.start_chores()
        turn = await conversation.handle(42, "where can I get tested, call 0612345678")
        await asyncio.sleep(0.05)
        conversation.stop_chores()
        return turn

    turn = asyncio.run(front())
    assert purged == [settings.retention_days]
    [kept] = rows(book, "turns")
    assert kept["text"] == turn.text and "0612345678" not in kept["text"]
    assert kept["intent"] == "ask_health" and kept["answered_by"] == "topic:any/health"
    assert asyncio.run(conversation.erase(turn.pseudonym)) is True
    assert rows(book, "turns") == []
