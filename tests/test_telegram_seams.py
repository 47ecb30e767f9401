"""What the front adds to the shared conversation path: observers for the logbook,
erasers for /wipe, the breaker that rests a failing Rasa, degraded language changes."""

import asyncio
import sqlite3

import pytest

from bot.breaker import Breaker
from bot.conversation import Conversation
from bot.identity import Pseudonymizer
from bot.rasa_client import RasaUnavailable
from bot.tracker_store import erase_sender


class Rasa:
    def __init__(self):
        self.down = False
        self.calls = 0

    async def send(self, sender, text, metadata):
        self.calls += 1
        if self.down:
            raise RasaUnavailable("down")
        return [{"text": "answer"}, {"custom": {"turn": {"intent": "greet"}}}]


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def conversation(content_store, clock=None):
    return Conversation(Rasa(), content_store, Pseudonymizer(b"k" * 32),
                        Breaker(cool_down=5, clock=clock or Clock()))


def test_observers_see_each_turn_and_a_failing_one_costs_nothing(content_store):
    conv = conversation(content_store)
    seen = []
    conv.on_turn += [lambda turn: 1 / 0, seen.append]
    turn = asyncio.run(conv.handle(1, "hello, call 0612345678"))
    assert seen == [turn] and turn.messages == [{"text": "answer", "buttons": []}]
    assert turn.record == {"intent": "greet"} and "0612345678" not in turn.text


def test_erase_forgets_the_person_and_calls_every_eraser_even_after_a_failure(content_store):
    conv = conversation(content_store)
    pseudonym = conv.pseudonymize(1)
    conv.choose_language(pseudonym, "de")
    erased = []

    def broken(_):
        raise OSError("disk")

    conv.erasers += [broken, erased.append]
    assert asyncio.run(conv.erase(pseudonym)) is False
    assert erased == [pseudonym] and pseudonym not in conv.people
    conv.erasers.remove(broken)
    assert asyncio.run(conv.erase(pseudonym)) is True


def test_after_a_failure_rasa_rests_then_is_tried_again(content_store, content):
    clock = Clock()
    conv = conversation(content_store, clock)
    conv.rasa.down = True
    first = asyncio.run(conv.handle(1, "hello"))
    conv.rasa.down = False
    second = asyncio.run(conv.handle(1, "hello again"))
    assert first.degraded and second.degraded and conv.rasa.calls == 1
    clock.now += 5
    third = asyncio.run(conv.handle(1, "and again"))
    assert not third.degraded and conv.rasa.calls == 2


def test_changing_language_works_in_degraded_mode(content_store, content):
    conv = conversation(content_store)
    conv.rasa.down = True
    turn = asyncio.run(conv.handle(1, '/set_language{"language":"ro"}'))
    assert turn.degraded and turn.language == "ro"
    assert turn.messages[0]["text"] == content.string("ro", "language_changed")


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_tracker_erasure_removes_only_that_sender_and_leaves_no_copy(tmp_path, journal):
    db = tmp_path / "tracker.db"
    assert erase_sender(db, "nobody") == 0  # no database yet
    rasa = sqlite3.connect(db, isolation_level=None)  # stays open, as Rasa's would
    rasa.execute(f"PRAGMA journal_mode = {journal}")
    if journal == "wal":
        rasa.execute("PRAGMA wal_autocheckpoint = 0")  # the old rows stay in the log
    rasa.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)")
    rasa.executemany("INSERT INTO events (sender_id, data) VALUES (?, ?)",
                     [("aaaa", "text of a"), ("aaaa", "more of a"), ("bbbb", "b")])
    assert any(b"text of a" in f.read_bytes() for f in tmp_path.iterdir())
    assert erase_sender(db, "aaaa") == 2
    for file in tmp_path.iterdir():
        assert b"text of a" not in file.read_bytes() and b"aaaa" not in file.read_bytes()
    assert rasa.execute("SELECT sender_id FROM events").fetchall() == [("bbbb",)]
    rasa.close()
