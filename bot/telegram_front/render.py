"""Peerline's messages as Telegram messages: plain text, parts of at most 4,096
characters, and inline keyboards whose buttons carry short keys.

Text is sent without parse mode, so nothing in it is read as markup. A
button's callback data may hold 64 bytes and travels through Telegram, so it
is never the payload itself: it is a short key, the same key for the same
payload every time (and after a restart), looked up again when pressed.
"""

from __future__ import annotations

import base64
import hashlib
from collections import OrderedDict

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

MAX_TEXT = 4096  # Telegram counts UTF-16 code units
MAX_CALLBACK_BYTES = 64
ROW_CHARACTERS = 24  # short titles (languages, yes/no) share a row, long ones get their own
ROW_BUTTONS = 3
SEPARATORS = ("\n\n", "\n", " ")  # paragraphs first, then lines, then words
PAYLOAD_KEY_PREFIX = "p"


def telegram_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> list[str]:
    """Cut anywhere, but never inside a character."""
    parts, current, length = [], [], 0
    for char in text:
        size = telegram_length(char)
        if length + size > limit:
            parts.append("".join(current))
            current, length = [], 0
        current.append(char)
        length += size
    return parts + ["".join(current)]


def split_text(text: str, limit: int = MAX_TEXT, separators: tuple = SEPARATORS) -> list[str]:
    """The text in parts of at most `limit`, cut between paragraphs where possible."""
    if telegram_length(text) <= limit:
        return [text] if text.strip() else []
    if not separators:
        return _cut(text, limit)
    separator, finer = separators[0], separators[1:]
    parts: list[str] = []
    current = ""
    for piece in text.split(separator):
        joined = f"{current}{separator}{piece}" if current else piece
        if telegram_length(joined) <= limit:
            current = joined
            continue
        parts.append(current)
        *whole, current = split_text(piece, limit, finer) or [""]
        parts.extend(whole)
    parts.append(current)
    return [part.strip("\n") for part in parts if part.strip()]


class CallbackKeys:
    """Short, stable keys for button payloads, remembered for the most recent ones."""

    def __init__(self, capacity: int = 10_000):
        self.capacity = capacity
        self._payloads: OrderedDict[str, str] = OrderedDict()

    @staticmethod
    def key(payload: str) -> str:
        digest = hashlib.blake2b(payload.encode(), digest_size=12).digest()
        return PAYLOAD_KEY_PREFIX + base64.urlsafe_b64encode(digest).decode()

    def key_for(self, payload: str) -> str:
        key = self.key(payload)
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.capacity:
            self._payloads.popitem(last=False)
        return key

    def payload_for(self, key: str) -> str | None:
        return self._payloads.get(key)


def keyboard(buttons: list[dict], keys: CallbackKeys) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    width = 0
    for button in buttons:
        title = button["title"]
        if not rows or len(rows[-1]) == ROW_BUTTONS or width + len(title) > ROW_CHARACTERS:
            rows.append([])
            width = 0
        rows[-1].append(InlineKeyboardButton(title, callback_data=keys.key_for(button["payload"])))
        width += len(title)
    return InlineKeyboardMarkup(rows) if rows else None


def joined(messages: list[dict]) -> list[dict]:
    """One answer's messages joined into as few as keep each keyboard under its text.

    Telegram lets a bot send about 30 messages a second in all: an answer sent
    as three messages would use three of them.
    """
    result, texts = [], []
    for message in messages:
        texts.append(message["text"])
        if message.get("buttons"):
            result.append({"text": "\n\n".join(texts), "buttons": message["buttons"]})
            texts = []
    if texts:
        result.append({"text": "\n\n".join(texts), "buttons": []})
    return result


def parts(messages: list[dict],
          keys: CallbackKeys) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """One answer as Telegram messages: each keyboard goes with the last part of its text."""
    rendered = []
    for message in joined(messages):
        texts = split_text(message["text"])
        markup = keyboard(message["buttons"], keys)
        rendered += [(text, markup if i == len(texts) - 1 else None)
                     for i, text in enumerate(texts)]
    return rendered
