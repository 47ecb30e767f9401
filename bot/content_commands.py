"""`peerline content check` and `peerline content coverage`, for the people who edit content/."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def add_content_commands(commands) -> None:
    content = commands.add_parser("content", help="check the knowledge base in content/")
    actions = content.add_subparsers(dest="content_command", required=True)
    check = actions.add_parser("check", help="every problem in content/, as file:line: message")
    check.add_argument("dir", nargs="?", type=Path, help="the content folder (default: content/)")
    coverage = actions.add_parser(
        "coverage", help="topics written per country and language, and the oldest review dates")
    coverage.add_argument("dir", nargs="?", type=Path,
                          help="the content folder (default: content/)")
    coverage.add_argument("--html", type=Path, metavar="FILE",
                          help="also write the table as a web page to FILE")


def command_content(args: argparse.Namespace, settings) -> int:
    from actions.content.store import default_content_dir

    root = args.dir or default_content_dir()
    if not root.is_dir():
        print(f"{root} is not a folder")
        return 1
    return {"check": _check, "coverage": _coverage}[args.content_command](root, args)


def _check(root: Path, args) -> int:
    from actions.content.check import check_content

    problems = check_content(root)
    for problem in problems:
        print(problem)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{_count(errors, 'error')}, {_count(warnings, 'warning')}. Peerline will not use"
              " these changes until the errors are fixed; it keeps serving the last good content.")
        return 1
    print(f"No errors, {_count(warnings, 'warning')}. The content is ready to use.")
    return 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _coverage(root: Path, args) -> int:
    from actions.content.coverage import as_html, as_text, coverage

    report = coverage(root)
    print(as_text(report), end="")
    if args.html:
        args.html.write_text(as_html(report, date.today()), encoding="utf-8")
        print(f"Wrote {args.html}")
    return 0
