"""End to end: the real action server serves a saved change within 2 s, never a broken one."""

import shutil
import time

import httpx
import pytest
import yaml

from actions.content.check import check_content
from bot.services import Services, wait_until_up
from bot.settings import ROOT

pytestmark = pytest.mark.e2e

RELOAD_SECONDS = 2.0


def action_call(intent: str) -> dict:
    """What Rasa sends to the action server (rasa_sdk's webhook format).

    rasa_sdk reads the intent from intent_ranking, which Rasa always sends.
    """
    ranked = {"name": intent, "confidence": 1.0}
    tracker = {"sender_id": "t", "slots": {}, "events": [], "paused": False,
               "followup_action": None, "active_loop": {}, "latest_action_name": None,
               "latest_message": {"intent": ranked, "intent_ranking": [ranked], "entities": [],
                                  "text": intent, "metadata": {"language": "en"}}}
    return {"next_action": "action_reply", "sender_id": "t", "tracker": tracker, "domain": {},
            "version": "3.6.21"}


def reply(settings) -> str:
    response = httpx.post(settings.action_url, json=action_call("thanks"), timeout=10)
    response.raise_for_status()
    return next(r["text"] for r in response.json()["responses"] if r.get("text"))


@pytest.fixture
def action_server(tmp_path, monkeypatch, settings):
    """The action server process, reading a copy of content/ that the test may edit."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    errors = [str(p) for p in check_content(root) if p.is_error]
    if errors:
        pytest.fail("content/ has errors, so the action server cannot start:\n"
                    + "\n".join(errors))
    monkeypatch.setenv("PEERLINE_CONTENT_DIR", str(root))
    services = Services(settings)
    process = services.start("actions")
    try:
        wait_until_up(settings.action_url.replace("/webhook", "/health"), process, timeout=120)
        yield root
    finally:
        services.stop_all()


def test_a_saved_change_is_live_within_2_s_and_a_broken_one_never(action_server, settings):
    strings = action_server / "strings" / "en.yml"
    text = strings.read_text(encoding="utf-8")
    old = yaml.safe_load(text)["thanks"]
    assert reply(settings) == old

    new = "Glad to help. Ask me anything else."
    strings.write_text(text.replace(f"thanks: {old}", f"thanks: {new}"), encoding="utf-8")
    saved = time.monotonic()
    while reply(settings) != new:
        assert time.monotonic() - saved < RELOAD_SECONDS, "the change was not served in 2 s"
        time.sleep(0.1)

    strings.write_text(text.replace(f"thanks: {old}", 'thanks: "unclosed'), encoding="utf-8")
    time.sleep(RELOAD_SECONDS)
    assert reply(settings) == new
    log = (settings.data_dir / "logs" / "actions.log").read_text(encoding="utf-8")
    assert "content not reloaded" in log and "content/strings/en.yml:" in log
