"""The Telegram front: python-telegram-bot over the shared conversation path."""

from bot.telegram_front.app import build_application, run_telegram, serve

__all__ = ["build_application", "run_telegram", "serve"]
