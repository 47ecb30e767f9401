"""The `peerline` command."""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
from pathlib import Path

from bot.bench import add_bench_command, command_bench
from bot.content_commands import add_content_commands, command_content
from bot.review.commands import add_review_commands, command_review
from bot.settings import ROOT, Settings, load_settings


def build_conversation(settings: Settings):
    from functools import partial

    from actions.content import ContentStore
    from bot.conversation import Conversation
    from bot.identity import Pseudonymizer
    from bot.logbook import attach_logbook
    from bot.rasa_client import RasaClient
    from bot.tracker_store import erase_sender

    conversation = Conversation(RasaClient(settings.rasa_url), ContentStore(),
                                Pseudonymizer.for_data_dir(settings.data_dir))
    conversation.erasers.append(partial(erase_sender, settings.tracker_db))
    attach_logbook(conversation, settings)
    return conversation


def command_chat(args, settings: Settings) -> int:
    from bot.chat import run_chat

    conversation = build_conversation(settings)
    if not asyncio.run(conversation.rasa.healthy()):
        print(f"Rasa is not answering at {settings.rasa_url}: start it with `make run`,"
              " or keep chatting in the reduced mode (menu and emergency numbers).",
              file=sys.stderr)
    asyncio.run(run_chat(conversation))
    return 0


def command_run(args, settings: Settings) -> int:
    from bot.services import Services

    print("Starting the action server and the Rasa server (about a minute)...", file=sys.stderr)
    with Services(settings):
        if settings.telegram_token:
            from bot.telegram_front import run_telegram

            run_telegram(settings)
        else:
            print("No TELEGRAM_BOT_TOKEN: the local chat runs. /quit ends it.", file=sys.stderr)
            command_chat(args, settings)
    return 0


def command_telegram(args, settings: Settings) -> int:
    if not settings.telegram_token:
        print("Set TELEGRAM_BOT_TOKEN to run the Telegram front.", file=sys.stderr)
        return 1
    from bot.telegram_front import run_telegram

    run_telegram(settings)
    return 0


def command_understand(args, settings: Settings) -> int:
    from bot.understand import run

    model = Path(args.model or settings.model)
    if not model.exists():
        print(f"No trained model at {model}: run `peerline train` first.", file=sys.stderr)
        return 1
    run(model, sys.stdin, sys.stdout)
    return 0


def command_train(args, settings: Settings) -> int:
    command = [str(Path(sys.executable).parent / "rasa"), "train", "--fixed-model-name",
               settings.model.name.removesuffix(".tar.gz"), "--out", str(settings.model.parent)]
    return subprocess.call(command, cwd=ROOT)


def command_redact(args, settings: Settings) -> int:
    from bot.redaction import redact

    for line in sys.stdin:
        sys.stdout.write(redact(line.rstrip("\n")) + "\n")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="peerline", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start the servers and the bot (Telegram, or the local chat)")
    commands.add_parser("chat", help="the local chat front, talking to a running Rasa server")
    commands.add_parser("telegram", help="the Telegram front alone, with Rasa already running")
    add_bench_command(commands)
    understand = commands.add_parser("understand", help="JSON lines of intent and entities")
    understand.add_argument("--model", help="a trained model (default: models/peerline.tar.gz)")
    commands.add_parser("train", help="train the Rasa model")
    commands.add_parser("redact", help="remove personal data from each line of stdin")
    add_content_commands(commands)
    add_review_commands(commands)
    return main


COMMANDS = {"run": command_run, "chat": command_chat, "telegram": command_telegram,
            "bench": command_bench, "understand": command_understand, "train": command_train,
            "redact": command_redact, "content": command_content,
            "review": command_review}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return COMMANDS[args.command](args, load_settings())


if __name__ == "__main__":
    sys.exit(main())
