"""A local stand-in for the Telegram Bot API, for the tests and `peerline bench`.

An HTTP server on 127.0.0.1 that answers the methods Peerline's front calls
the way Telegram does, records every call with its time, and hands out
updates that a test or the benchmark injects: through getUpdates (long
polling), or by POSTing them to the webhook the bot registered, with its
secret token, as Telegram would. It runs in a thread of its own, so a test
can drive it with plain function calls while the real python-telegram-bot
client talks to it over HTTP.

python-telegram-bot sends parameters form-encoded with JSON-encoded values;
other clients send a JSON body. Both are read.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, web

BOT = {"id": 7000000001, "is_bot": True, "first_name": "Peerline", "username": "peerline_bot",
       "can_join_groups": True, "can_read_all_group_messages": False,
       "supports_inline_queries": False}
# Parameters Telegram reads as strings even when they look like JSON ("123", "true").
STRING_PARAMETERS = {"text", "callback_query_id", "url", "secret_token", "language_code",
                     "caption", "inline_message_id", "description", "short_description", "name"}
LONG_POLL_CAP_SECONDS = 2.0  # shorter than Telegram's, so a stopping bot is not kept waiting
METHODS_RETURNING_TRUE = {"deleteWebhook", "answerCallbackQuery", "deleteMessage",
                          "deleteMessages", "setMyCommands", "leaveChat", "close", "logOut"}


@dataclass
class Call:
    method: str
    params: dict
    at: float  # time.monotonic()
    encoding: str  # "form" or "json"
    result: Any = None


@dataclass
class Chat:
    id: int
    type: str = "private"
    last_message_id: int = 0  # the person's and the bot's messages share one sequence

    def next_message_id(self) -> int:
        self.last_message_id += 1
        return self.last_message_id


def decode(name: str, value: str) -> Any:
    if name in STRING_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class StandIn:
    def __init__(self, token: str):
        self.token = token
        self.calls: list[Call] = []
        self.injected_at: dict[int, float] = {}  # update_id -> time.monotonic()
        self.webhook: dict = {}
        self.webhook_deliveries: list[int] = []  # the bot's HTTP status for each delivery
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._query_ids = itertools.count(1)
        self._chats: dict[int, Chat] = {}
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._new_update: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name="telegram-standin")
        self.port = 0

    # -- running ---------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> StandIn:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _close(self) -> None:
        """End any long poll still waiting, the server, then what is left of connections."""
        self._closing = True
        async with self._new_update:
            self._new_update.notify_all()
        await self._runner.cleanup()
        rest = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in rest:
            task.cancel()
        await asyncio.gather(*rest, return_exceptions=True)

    def __enter__(self) -> StandIn:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    async def _serve(self) -> None:
        self._new_update = asyncio.Condition()
        app = web.Application(client_max_size=2**20)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        await web.SockSite(self._runner, listener).start()

    # -- what a person does ------------------------------------------------------

    def chat(self, chat_id: int, chat_type: str = "private") -> Chat:
        with self._lock:
            return self._chats.setdefault(chat_id, Chat(chat_id, chat_type))

    def person(self, chat_id: int, language_code: str | None = "en") -> dict:
        user = {"id": chat_id, "is_bot": False, "first_name": f"Person {chat_id}"}
        return user | ({"language_code": language_code} if language_code else {})

    def message(self, chat_id: int, text: str | None = None, *, chat_type: str = "private",
                user: dict | None = None, date: float | None = None, edited: bool = False,
                language_code: str | None = "en", **fields: Any) -> dict:
        """A person sends a message (text, or other fields such as sticker=...); the update."""
        chat = self.chat(chat_id, chat_type)
        with self._lock:
            message_id = chat.next_message_id()
        message = {"message_id": message_id, "date": int(date or time.time()),
                   "chat": {"id": chat_id, "type": chat.type}
                   | ({"title": "A group"} if chat.type != "private" else {"first_name": "P"}),
                   "from": user or self.person(chat_id, language_code)} | fields
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0,
                                        "length": len(command)}]
        if edited:
            message["edit_date"] = int(time.time())
        return self.inject({"edited_message" if edited else "message": message})

    def press(self, chat_id: int, sent: dict, title: str,
              language_code: str | None = "en") -> dict:
        """A person presses the button with this title on a message the bot sent (as recorded
        by `sent`); the update."""
        data = next(button["callback_data"]
                    for row in sent["reply_markup"]["inline_keyboard"] for button in row
                    if button["text"] == title)
        return self.inject({"callback_query": {
            "id": str(next(self._query_ids)), "from": self.person(chat_id, language_code),
            "chat_instance": str(chat_id), "data": data,
            "message": {"message_id": sent["message_id"], "date": int(time.time()),
                        "chat": {"id": chat_id, "type": "private", "first_name": "P"},
                        "from": BOT, "text": sent.get("text", "")}}})

    def inject(self, update: dict) -> dict:
        """Hand an update to the bot, as Telegram would; the update with its id."""
        update = {"update_id": next(self._update_ids)} | update
        with self._lock:
            self.injected_at[update["update_id"]] = time.monotonic()
        asyncio.run_coroutine_threadsafe(self._deliver(update), self._loop)
        return update

    async def _deliver(self, update: dict) -> None:
        if self.webhook.get("url"):
            headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook.get("secret_token", "")}
            try:
                async with ClientSession(timeout=ClientTimeout(total=10)) as session:
                    async with session.post(self.webhook["url"], json=update,
                                            headers=headers) as response:
                        self.webhook_deliveries.append(response.status)
            except ClientError:
                self.webhook_deliveries.append(0)
            return
        async with self._new_update:
            self._updates.append(update)
            self._new_update.notify_all()

    # -- what the bot did --------------------------------------------------------

    def calls_of(self, method: str, chat_id: int | None = None) -> list[Call]:
        with self._lock:
            calls = list(self.calls)
        return [call for call in calls if call.method == method
                and (chat_id is None or call.params.get("chat_id") == chat_id)]

    def sent(self, chat_id: int) -> list[dict]:
        """The messages the bot sent to one chat: the parameters it sent, and the message_id."""
        return [call.params | {"message_id": call.result["message_id"]}
                for call in self.calls_of("sendMessage", chat_id) if call.result]

    def wait_sent(self, chat_id: int, count: int, timeout: float = 30.0) -> list[dict]:
        """Wait until the bot has sent at least `count` messages to the chat; return them all."""
        deadline = time.monotonic() + timeout
        while len(self.sent(chat_id)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.sent(chat_id)

    def wait_for(self, method: str, chat_id: int | None = None, count: int = 1,
                 timeout: float = 30.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while len(self.calls_of(method, chat_id)) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.calls_of(method, chat_id)

    def message_ids(self, chat_id: int) -> list[int]:
        """Every message id the chat has used so far, the person's and the bot's."""
        with self._lock:
            return list(range(1, self._chats[chat_id].last_message_id + 1))

    # -- the Bot API ---------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response({"ok": False, "error_code": 401,
                                      "description": "Unauthorized"}, status=401)
        method = request.match_info["method"]
        if request.content_type == "application/json":
            params, encoding = await request.json(), "json"
        else:
            form = await request.post()
            params = {name: decode(name, value) for name, value in form.items()}
            encoding = "form"
        call = Call(method, params, time.monotonic(), encoding)
        with self._lock:
            self.calls.append(call)
        if method == "getUpdates":
            return self._ok(await self._get_updates(params))
        call.result = self._result(method, params)
        if call.result is None:
            return web.json_response({"ok": False, "error_code": 404,
                                      "description": "Not Found: method not found"}, status=404)
        return self._ok(call.result)

    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    async def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), LONG_POLL_CAP_SECONDS)
        async with self._new_update:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout and not self._closing:
                try:
                    await asyncio.wait_for(self._new_update.wait(), timeout)
                except asyncio.TimeoutError:
                    pass
            return self._updates[: int(params.get("limit") or 100)]

    def _result(self, method: str, params: dict) -> Any:
        if method in METHODS_RETURNING_TRUE:
            if method == "deleteWebhook":
                self.webhook = {}
            return True
        if method == "getMe":
            return BOT
        if method == "setWebhook":
            self.webhook = {"url": params["url"], "secret_token": params.get("secret_token")}
            return True
        if method == "getWebhookInfo":
            return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": 0}
        if method == "getMyCommands":
            return []
        if method == "sendMessage":
            chat = self.chat(int(params["chat_id"]))
            with self._lock:
                message_id = chat.next_message_id()
            return self._bot_message(chat, message_id, params)
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._bot_message(self.chat(int(params["chat_id"])),
                                     int(params["message_id"]), params)
        return None

    @staticmethod
    def _bot_message(chat: Chat, message_id: int, params: dict) -> dict:
        message = {"message_id": message_id, "date": int(time.time()), "from": BOT,
                   "chat": {"id": chat.id, "type": chat.type}, "text": params.get("text", "")}
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

