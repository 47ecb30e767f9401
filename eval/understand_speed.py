"""Throughput of `peerline understand` once the model is loaded.

Parses every line of the language test set (all 15 languages) several times
in-process, the way `peerline understand` does, and prints JSON.
"""

from __future__ import annotations

import json
import time

from bot.settings import load_settings
from bot.understand import Understander
from eval.language_accuracy import load_set

ROUNDS = 3


def main() -> None:
    started = time.perf_counter()
    understander = Understander(load_settings().model)
    load_seconds = time.perf_counter() - started
    lines = [text for _, text in load_set()] * ROUNDS
    started = time.perf_counter()
    for _ in understander.parse_lines(lines):
        pass
    seconds = time.perf_counter() - started
    print(json.dumps({"model_load_seconds": round(load_seconds, 1), "messages": len(lines),
                      "messages_per_second": round(len(lines) / seconds, 1)}))


if __name__ == "__main__":
    main()
