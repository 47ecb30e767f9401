"""`peerline review serve | add-user | remove-user | export`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from bot.logbook import LOGBOOK_FILE
from bot.review.accounts import REVIEW_FILE, ROLES, AccountError, Accounts


def add_review_commands(commands) -> None:
    review = commands.add_parser("review", help="the volunteers' review page and its data")
    actions = review.add_subparsers(dest="review_command", required=True)
    serve = actions.add_parser("serve", help="run the review page")
    serve.add_argument("--host", default="127.0.0.1",
                       help="where to listen (default 127.0.0.1: reach it through an SSH "
                            "tunnel or an HTTPS proxy)")
    serve.add_argument("--port", type=int, default=8090)
    add = actions.add_parser("add-user", help="create a review account")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="reviewer")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin (for scripts)")
    remove = actions.add_parser("remove-user", help="delete a review account and its sessions")
    remove.add_argument("username")
    export = actions.add_parser(
        "export", help="corrected examples as Rasa NLU YAML per language, and what they change")
    export.add_argument("--out", type=Path,
                        help="folder for the files (default: PEERLINE_DATA_DIR/export)")


def command_review(args: argparse.Namespace, settings) -> int:
    return {"serve": _serve, "add-user": _add_user, "remove-user": _remove_user,
            "export": _export}[args.review_command](args, settings)


def _accounts(settings) -> Accounts:
    return Accounts(settings.data_dir / REVIEW_FILE)


def _serve(args, settings) -> int:
    from aiohttp import web

    from bot.logs import configure_logging
    from bot.review.web import create_app

    configure_logging(settings.data_dir / "logs" / "review.log", [])
    app = create_app(settings.data_dir / LOGBOOK_FILE, _accounts(settings))
    print(f"Review page on http://{args.host}:{args.port}/", file=sys.stderr)
    web.run_app(app, host=args.host, port=args.port, print=None, access_log=None)
    return 0


def _add_user(args, settings) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("The two passwords differ.", file=sys.stderr)
            return 1
    try:
        _accounts(settings).add_user(args.username, password, args.role)
    except AccountError as error:
        print(f"Not created: {error}.", file=sys.stderr)
        return 1
    print(f"{args.username} can now log in as {args.role}.")
    return 0


def _remove_user(args, settings) -> int:
    if not _accounts(settings).remove_user(args.username):
        print(f"{args.username} has no account.", file=sys.stderr)
        return 1
    print(f"{args.username} can no longer log in.")
    return 0


def _export(args, settings) -> int:
    from bot.logbook import connect
    from bot.review import export

    db = connect(settings.data_dir / LOGBOOK_FILE)
    result = export.collect(db)
    db.close()
    out = args.out or settings.data_dir / "export"
    for path in export.write(result, out):
        print(f"Wrote {path}")
    print("\n".join(export.report(result)))
    _accounts(settings).audit(getpass.getuser(), "exported on the command line")
    return 0
