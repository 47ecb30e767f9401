"""The review page on a free loopback port, in a thread, for the web and browser tests."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

from aiohttp import web

from bot.conversation import Turn
from bot.logbook import LOGBOOK_FILE, Logbook
from bot.review.accounts import REVIEW_FILE, Accounts
from bot.review.web import create_app
from bot.services import free_port

PASSWORDS = {"ana": "ana's long passphrase", "rui": "rui's long passphrase"}


class Clock:
    """Real time plus whatever a test skips forward."""

    def __init__(self):
        self.skipped = 0.0

    def __call__(self) -> float:
        return time.time() + self.skipped


def seed(data_dir: Path) -> None:
    """Three conversations: English with a fallback, Romanian in degraded mode, German."""
    book = Logbook(data_dir / LOGBOOK_FILE)
    record = {"entities": [], "answered_by": "greeting"}
    book.record(Turn("p-en", "en", "hello", record=record | {"intent": "greet",
                                                             "confidence": 0.97}))
    book.record(Turn("p-en", "en", "can the cops take my money \u202eevil <b>x</b>", record={
        "intent": "ask_work_rights", "confidence": 0.31, "entities": [],
        "answered_by": "fallback"}))
    book.record(Turn("p-ro", "ro", "ajutor te rog", degraded=True))
    book.record(Turn("p-de", "de", "wo kann ich mich testen lassen", record={
        "intent": "ask_health", "confidence": 0.88,
        "entities": [{"entity": "country", "value": "de"}], "answered_by": "topic:de/health"}))
    book.close()


class ReviewServer:
    def __init__(self, data_dir: Path, nlu_dir: Path | None = None):
        self.data_dir = data_dir
        self.clock = Clock()
        self.accounts = Accounts(data_dir / REVIEW_FILE, clock=self.clock)
        self.accounts.add_user("ana", PASSWORDS["ana"], "admin")
        self.accounts.add_user("rui", PASSWORDS["rui"], "reviewer")
        options = {"nlu_dir": nlu_dir} if nlu_dir else {}
        self.app = create_app(data_dir / LOGBOOK_FILE, self.accounts, **options)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.loop = asyncio.new_event_loop()
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="review-page")

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.runner = web.AppRunner(self.app, access_log=None)
        self.loop.run_until_complete(self.runner.setup())
        site = web.TCPSite(self.runner, "127.0.0.1", self.port)
        self.loop.run_until_complete(site.start())
        self.started.set()
        self.loop.run_forever()
        self.loop.run_until_complete(self.runner.cleanup())

    def __enter__(self) -> ReviewServer:
        self.thread.start()
        assert self.started.wait(20), "the review page did not start"
        return self

    def __exit__(self, *exc) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=20)
