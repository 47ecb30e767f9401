"""The Telegram stand-in itself: it must read requests the way Telegram does."""

import json
import threading
import time

import httpx
import pytest

from bot.telegram_standin import StandIn

TOKEN = "42:stand-in"


@pytest.fixture
def standin():
    with StandIn(TOKEN) as running:
        yield running


def call(standin, method, token=TOKEN, **kwargs):
    return httpx.post(f"{standin.base_url}/bot{token}/{method}", timeout=10, **kwargs)


def test_form_values_are_json_but_text_stays_text(standin):
    markup = {"inline_keyboard": [[{"text": "A", "callback_data": "pX"}]]}
    response = call(standin, "sendMessage", data={
        "chat_id": "5", "text": "123", "protect_content": "true",
        "reply_markup": json.dumps(markup)})
    assert response.json()["result"]["message_id"] == 1
    (sent,) = standin.sent(5)
    assert sent == {"chat_id": 5, "text": "123", "protect_content": True,
                    "reply_markup": markup, "message_id": 1}
    assert standin.calls[-1].encoding == "form"


def test_a_json_body_is_read_too(standin):
    call(standin, "deleteMessages", json={"chat_id": 5, "message_ids": [1, 2]})
    (deleted,) = standin.calls_of("deleteMessages")
    assert deleted.params == {"chat_id": 5, "message_ids": [1, 2]}
    assert deleted.encoding == "json"


def test_wrong_token_and_unknown_method_are_refused(standin):
    assert call(standin, "getMe", token="1:wrong").status_code == 401
    response = call(standin, "sendCarrierPigeon", data={"chat_id": "1"})
    assert response.status_code == 404 and response.json()["ok"] is False


def test_get_updates_waits_for_an_injected_update_and_confirms_by_offset(standin):
    def later():
        time.sleep(0.3)
        standin.message(9, "hello")

    threading.Thread(target=later).start()
    started = time.monotonic()
    updates = call(standin, "getUpdates", data={"timeout": "5"}).json()["result"]
    assert 0.2 < time.monotonic() - started < 2
    assert updates[0]["message"]["text"] == "hello"
    assert updates[0]["message"]["chat"]["id"] == 9
    offset = updates[0]["update_id"] + 1
    assert call(standin, "getUpdates", data={"offset": str(offset)}).json()["result"] == []


def test_person_and_bot_share_a_chat_s_message_ids(standin):
    standin.message(3, "hi")
    call(standin, "sendMessage", data={"chat_id": "3", "text": "hello"})
    standin.message(3, "again")
    assert standin.message_ids(3) == [1, 2, 3]
