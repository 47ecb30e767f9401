"""Shared fixtures: content, settings on free ports, and the real Rasa servers."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from actions.content import ContentStore
from bot.services import free_port
from bot.settings import ROOT, Settings, load_settings

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(scope="session")
def content_store() -> ContentStore:
    return ContentStore(ROOT / "content")


@pytest.fixture(scope="session")
def content(content_store):
    return content_store.get()


def make_settings(data_dir: Path) -> Settings:
    base = load_settings()
    return Settings(data_dir=data_dir, telegram_token=None, telegram_api_base_url=None,
                    public_url=None, rasa_port=free_port(), action_port=free_port(),
                    model=base.model)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return make_settings(tmp_path / "data")


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """The real action server and Rasa server processes, started once a session.

    Loading the model takes 15 to 40 s and about 1 GB, so tests share them.
    """
    from bot.services import Services

    settings = make_settings(tmp_path_factory.mktemp("servers"))
    if not settings.model.exists():
        pytest.fail(f"no trained model at {settings.model}: run `make train` first")
    services = Services(settings)
    services.start_all(timeout=240)
    yield services
    services.stop_all()


CONTENT_FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content_tree(tmp_path) -> Path:
    """A fresh copy of a small content tree with no problems, to edit and break."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_FIXTURES / "content_base", root)
    return root


TELEGRAM_TOKEN = "123456:stand-in-token"


@dataclass
class Telegram:
    """The Telegram stand-in, and the settings the front runs with."""
    standin: object
    settings: Settings


class FrontThread:
    """The Telegram front as `peerline telegram` runs it (run_telegram: its logging,
    application, polling or webhook), in a thread with its own event loop."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, daemon=True, name="telegram-front")
        self.handlers_before = list(logging.getLogger().handlers)

    def _run(self) -> None:
        from bot.telegram_front import run_telegram

        asyncio.set_event_loop(self.loop)
        run_telegram(self.settings, stop_signals=None)

    def stop(self) -> None:
        if not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        for handler in logging.getLogger().handlers:
            if handler not in self.handlers_before:
                logging.getLogger().removeHandler(handler)
                handler.close()


@contextmanager
def telegram_front(settings: Settings, webhook: bool = False):
    """Run the front against a fresh stand-in until the block ends; with webhook=True, in
    webhook mode behind a made-up public URL that is really its own loopback port."""
    from bot.telegram_standin import StandIn

    with StandIn(TELEGRAM_TOKEN) as standin:
        port = free_port()
        settings = replace(settings, telegram_token=TELEGRAM_TOKEN, webhook_port=port,
                           public_url=f"http://127.0.0.1:{port}" if webhook else None,
                           telegram_api_base_url=standin.base_url)
        front = FrontThread(settings)
        front.thread.start()
        try:
            ready = "setWebhook" if webhook else "getUpdates"
            assert standin.wait_for(ready, timeout=60), f"the front never called {ready}"
            yield Telegram(standin, settings)
        finally:
            front.stop()


@pytest.fixture(scope="module")
def telegram(servers):
    """The Telegram front with the session's real Rasa and action servers."""
    with telegram_front(servers.settings) as running:
        yield running


@pytest.fixture
def telegram_webhook(servers):
    """The Telegram front in webhook mode, with the session's real servers."""
    with telegram_front(servers.settings, webhook=True) as running:
        yield running


@pytest.fixture(scope="module")
def telegram_without_rasa(tmp_path_factory):
    """The Telegram front with nothing listening where Rasa should be (degraded mode)."""
    with telegram_front(make_settings(tmp_path_factory.mktemp("front"))) as running:
        yield running
