"""A polite limit per person, so one sender cannot flood Rasa or the chat.

A token bucket per pseudonym, in memory only: a person may send a burst of
CAPACITY messages, then one every 1/REFILL_PER_SECOND seconds. The first
message over the limit gets one polite reply; the rest of the burst is read
but not answered, so a flood (or a stuck key) never becomes a flood of
replies. Buckets that have filled up again are forgotten.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable

CAPACITY = 5
REFILL_PER_SECOND = 0.5
MAX_PEOPLE = 50_000  # past this, idle buckets are dropped


class Verdict(enum.Enum):
    ANSWER = "answer"
    WARN = "warn"  # over the limit: say so, once
    IGNORE = "ignore"  # still over the limit: already said


class RateLimiter:
    def __init__(self, capacity: float = CAPACITY, refill_per_second: float = REFILL_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic, max_people: int = MAX_PEOPLE):
        self.capacity = capacity
        self.refill = refill_per_second
        self.clock = clock
        self.max_people = max_people
        self._buckets: dict[str, tuple[float, float, bool]] = {}  # tokens, at, warned

    def _tokens(self, key: str, now: float) -> tuple[float, bool]:
        tokens, at, warned = self._buckets.get(key, (self.capacity, now, False))
        return min(self.capacity, tokens + (now - at) * self.refill), warned

    def check(self, key: str) -> Verdict:
        now = self.clock()
        tokens, warned = self._tokens(key, now)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now, False)
            verdict = Verdict.ANSWER
        else:
            self._buckets[key] = (tokens, now, True)
            verdict = Verdict.IGNORE if warned else Verdict.WARN
        if len(self._buckets) > self.max_people:
            self._forget_idle(now)
        return verdict

    def _forget_idle(self, now: float) -> None:
        full = [key for key in self._buckets if self._tokens(key, now)[0] >= self.capacity]
        for key in full:
            del self._buckets[key]

    def forget(self, key: str) -> None:
        self._buckets.pop(key, None)

    def __len__(self) -> int:
        return len(self._buckets)
