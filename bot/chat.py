"""The local chat front: Peerline in a terminal, on the same path as Telegram.

Buttons are shown as numbered choices; typing the number presses the button.
"""

from __future__ import annotations

import asyncio
import sys
import uuid
from typing import TextIO

from bot.conversation import Conversation


def render(messages: list[dict]) -> tuple[str, list[str]]:
    """The messages as terminal text, and the payloads of the numbered choices."""
    lines, payloads = [], []
    for message in messages:
        lines.append(message["text"])
        for button in message.get("buttons") or []:
            payloads.append(button["payload"])
            lines.append(f"  {len(payloads)}) {button['title']}")
        lines.append("")
    return "\n".join(lines), payloads


async def run_chat(conversation: Conversation, stdin: TextIO = sys.stdin,
                   stdout: TextIO = sys.stdout) -> None:
    chat_id = f"local-{uuid.uuid4()}"
    conversation.start_chores()
    try:
        await chat_loop(conversation, chat_id, stdin, stdout)
    finally:
        conversation.stop_chores()


async def chat_loop(conversation: Conversation, chat_id: str, stdin: TextIO,
                    stdout: TextIO) -> None:
    payloads: list[str] = []
    while True:
        stdout.write("> ")
        stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line or line.strip() in ("/quit", "/exit"):
            return
        text = line.rstrip("\n")
        if text.strip().isdigit() and 0 < int(text) <= len(payloads):
            text = payloads[int(text) - 1]
        turn = await conversation.handle(chat_id, text)
        shown, payloads = render(turn.messages)
        stdout.write(shown + "\n")
        stdout.flush()
