"""`peerline understand`: the trained model's reading of each line, in-process.

It loads the model itself, so it works with no server running.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from bot import language
from bot.conversation import clean_text


def quiet_rasa() -> None:
    """Keep Rasa's logs free of user text: its debug events carry the message."""
    import structlog

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    logging.getLogger("rasa").setLevel(logging.ERROR)
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.ERROR))


class Understander:
    def __init__(self, model: Path):
        quiet_rasa()
        from rasa.core.agent import Agent

        self.agent = Agent.load(str(model))
        self.loop = asyncio.new_event_loop()

    def parse(self, text: str) -> dict:
        clean, _ = clean_text(text)
        result = self.loop.run_until_complete(self.agent.parse_message(clean))
        return {
            "text": text,
            "language": language.detect(clean).language,
            "intent": result["intent"]["name"],
            "confidence": round(float(result["intent"]["confidence"]), 4),
            "entities": [{key: entity[key] for key in ("entity", "value", "start", "end")}
                         for entity in result.get("entities", [])],
        }

    def parse_lines(self, lines: Iterable[str]) -> Iterator[dict]:
        for line in lines:
            yield self.parse(line.rstrip("\n"))


def run(model: Path, stdin: TextIO, stdout: TextIO) -> None:
    understander = Understander(model)
    for result in understander.parse_lines(stdin):
        stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        stdout.flush()
