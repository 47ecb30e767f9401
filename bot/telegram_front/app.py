"""Building and running the python-telegram-bot Application.

Polling by default; with PEERLINE_PUBLIC_URL, a webhook that registers a
fresh random secret token at every start (python-telegram-bot's webhook
server answers 403 to any request without it). TELEGRAM_API_BASE_URL, when
set, replaces Telegram's address for every call.
"""

from __future__ import annotations

import asyncio
import secrets
from collections import Counter
from collections.abc import Awaitable

from telegram import LinkPreviewOptions, Update
from telegram.ext import Application, ApplicationBuilder, BaseUpdateProcessor, Defaults

from bot.conversation import Conversation
from bot.logs import configure_logging
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.telegram_front.handlers import Front
from bot.telegram_front.ledger import Ledger

LEDGER_FILE = "telegram-messages.db"
WEBHOOK_PATH = "telegram"
ALLOWED_UPDATES = [Update.MESSAGE, Update.EDITED_MESSAGE, Update.CALLBACK_QUERY,
                   Update.MY_CHAT_MEMBER]
MAX_CONCURRENT_UPDATES = 256


class OnePerChat(BaseUpdateProcessor):
    """Different chats are served concurrently; one chat's updates one after another,
    in order, so answers never cross and /wipe never races a turn in flight."""

    def __init__(self, max_concurrent_updates: int):
        super().__init__(max_concurrent_updates)
        self._locks: dict[object, asyncio.Lock] = {}
        self._users: Counter = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        key = chat.id if chat else None
        self._users[key] += 1
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def build_application(settings: Settings, conversation: Conversation) -> Application:
    front = Front(conversation, Ledger(settings.data_dir / LEDGER_FILE), RateLimiter(),
                  settings.retention_days)
    builder = (ApplicationBuilder()
               .token(settings.telegram_token)
               # Every message: not forwardable or savable, and no link previews
               # (a preview fetches the page and shows it on a shared phone).
               .defaults(Defaults(protect_content=True,
                                  link_preview_options=LinkPreviewOptions(is_disabled=True)))
               .concurrent_updates(OnePerChat(MAX_CONCURRENT_UPDATES))
               # Rasa's APScheduler is too old for PTB's job queue; nothing here needs one.
               .job_queue(None)
               .post_init(front.started)
               .post_shutdown(front.stopped))
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    application = builder.build()
    front.register(application)
    return application


def serve(application: Application, settings: Settings, **run_options) -> None:
    """Run until stopped: polling, or the webhook when a public URL is set."""
    if settings.public_url:
        application.run_webhook(
            listen="127.0.0.1", port=settings.webhook_port, url_path=WEBHOOK_PATH,
            webhook_url=f"{settings.public_url.rstrip('/')}/{WEBHOOK_PATH}",
            secret_token=secrets.token_urlsafe(32), allowed_updates=ALLOWED_UPDATES,
            **run_options)
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES, **run_options)


def run_telegram(settings: Settings, **run_options) -> None:
    """`peerline telegram` and `peerline run`: log safely, build, serve until stopped."""
    from bot.cli import build_conversation

    configure_logging(settings.data_dir / "logs" / "bot.log", [settings.telegram_token])
    serve(build_application(settings, build_conversation(settings)), settings, **run_options)
