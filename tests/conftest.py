"""Shared fixtures: content, settings on free ports, and the real Rasa servers."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from actions.content import ContentStore
from bot.settings import ROOT, Settings, load_settings

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
