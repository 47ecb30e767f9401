"""When Rasa fails, stop asking it for a while.

A Rasa that is down fails at once (connection refused), but one that is
overloaded or stuck makes every person wait the whole timeout, and each
waiting request adds to its load. So after a failure the front answers from
content/ directly for a few seconds; then the next message tries Rasa again,
and the first answer that comes back ends degraded mode by itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COOL_DOWN_SECONDS = 5.0


class Breaker:
    def __init__(self, cool_down: float = COOL_DOWN_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        self.cool_down = cool_down
        self.clock = clock
        self.failed_at: float | None = None

    def allows(self) -> bool:
        return self.failed_at is None or self.clock() - self.failed_at >= self.cool_down

    def failure(self) -> None:
        self.failed_at = self.clock()

    def success(self) -> None:
        self.failed_at = None
