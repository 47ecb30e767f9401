"""The front's small machines: rate limit, Rasa breaker, wipe ledger, per-chat order."""

import asyncio

from telegram import Chat, Message, Update

from bot.breaker import Breaker
from bot.ratelimit import RateLimiter, Verdict
from bot.telegram_front.app import OnePerChat
from bot.telegram_front.ledger import DELETABLE_SECONDS, Ledger


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_burst_gets_answers_then_one_polite_limit_then_silence():
    clock = Clock()
    limiter = RateLimiter(capacity=5, refill_per_second=0.5, clock=clock)
    verdicts = [limiter.check("a") for _ in range(50)]
    assert verdicts[:5] == [Verdict.ANSWER] * 5
    assert verdicts[5] == Verdict.WARN
    assert set(verdicts[6:]) == {Verdict.IGNORE}
    assert limiter.check("b") == Verdict.ANSWER  # one person's flood limits only them


def test_the_limit_refills_and_warns_again_after_a_pause():
    clock = Clock()
    limiter = RateLimiter(capacity=2, refill_per_second=0.5, clock=clock)
    assert [limiter.check("a") for _ in range(4)] == [
        Verdict.ANSWER, Verdict.ANSWER, Verdict.WARN, Verdict.IGNORE]
    clock.now += 2
    assert limiter.check("a") == Verdict.ANSWER
    assert limiter.check("a") == Verdict.WARN


def test_idle_people_are_forgotten_and_erasure_forgets_at_once():
    clock = Clock()
    limiter = RateLimiter(capacity=2, refill_per_second=1, clock=clock, max_people=3)
    for key in "abc":
        limiter.check(key)
    clock.now += 10
    limiter.check("d")
    assert len(limiter) == 1
    limiter.forget("d")
    assert len(limiter) == 0


def test_breaker_rests_rasa_after_a_failure_then_tries_again():
    clock = Clock()
    breaker = Breaker(cool_down=5, clock=clock)
    assert breaker.allows()
    breaker.failure()
    assert not breaker.allows()
    clock.now += 5
    assert breaker.allows()
    breaker.success()
    assert breaker.allows()


def test_ledger_separates_deletable_ids_from_too_old_ones(tmp_path):
    clock = Clock()
    ledger = Ledger(tmp_path / "ledger.db", clock=clock)
    ledger.record("a", 1, at=clock.now - 3 * 24 * 3600)
    ledger.record("a", 2)
    ledger.record("a", 2)  # the same id twice counts once
    ledger.record("b", 3)
    assert ledger.deletable("a") == ([2], 1)
    clock.now += DELETABLE_SECONDS + 120
    ledger.record("a", 4)
    assert ledger.deletable("a") == ([4], 2)


def test_ledger_compacts_old_ids_into_a_count_and_erases_a_person(tmp_path):
    clock = Clock()
    path = tmp_path / "ledger.db"
    ledger = Ledger(path, clock=clock)
    for message_id in range(1, 6):
        ledger.record("pseudonym-of-a", message_id)
    ledger.record("pseudonym-of-b", 9)
    clock.now += 49 * 3600
    ledger.compact()
    assert ledger.deletable("pseudonym-of-a") == ([], 5)
    ledger.erase("pseudonym-of-a")
    ledger.close()
    # Erased rows are overwritten, not only unlinked.
    assert not any(b"pseudonym-of-a" in f.read_bytes() for f in tmp_path.iterdir())
    reopened = Ledger(path, clock=clock)  # kept across restarts
    assert reopened.deletable("pseudonym-of-a") == ([], 0)
    assert reopened.deletable("pseudonym-of-b") == ([], 1)


def update(update_id: int, chat_id: int) -> Update:
    chat = Chat(chat_id, "private")
    return Update(update_id, message=Message(update_id, None, chat, text="x"))


def test_one_chat_in_order_different_chats_at_once():
    async def scenario():
        processor = OnePerChat(16)
        log = []

        async def work(name, seconds):
            log.append(f"{name} start")
            await asyncio.sleep(seconds)
            log.append(f"{name} end")

        await asyncio.gather(
            processor.process_update(update(1, 10), work("a1", 0.05)),
            processor.process_update(update(2, 10), work("a2", 0)),
            processor.process_update(update(3, 20), work("b1", 0)),
        )
        return log, processor

    log, processor = asyncio.run(scenario())
    assert log.index("a1 end") < log.index("a2 start")  # the same chat waits its turn
    assert log.index("b1 end") < log.index("a1 end")  # another chat does not
    assert not processor._locks  # nothing kept once the chats are idle
