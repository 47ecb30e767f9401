"""Checking a value against a shape of schema.py, collecting every problem.

A problem names the file and line, in words for editors who are not programmers.
"""

from __future__ import annotations

import difflib
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime

from actions.content.formats import FORMATS
from actions.content.schema import REVIEW_MONTHS, Day, Flag, ListOf, MapOf, OneOf, Record, Text

ERROR, WARNING = "error", "warning"
MAX_CHOICES_SHOWN = 16  # longer lists of allowed values would bury the message
EXAMPLE_DATE = "2026-11-22"


@dataclass(frozen=True)
class Problem:
    file: str  # as editors see it: content/...
    line: int
    severity: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {'' if self.is_error else 'warning: '}{self.message}"


def as_date(value) -> date | None:
    """A `reviewed:` value as a date; quoted dates are accepted too."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        return None


def review_cutoff(today: date) -> date:
    """Texts reviewed before this day are due for another review."""
    year, month = divmod(today.year * 12 + today.month - 1 - REVIEW_MONTHS, 12)
    month += 1
    return date(year, month, min(today.day, monthrange(year, month)[1]))  # 29 Feb -> 28 Feb


class ShapeChecker:
    """Walks data read from one file at a time, reporting where it differs from its shape."""

    def __init__(self):
        self.problems: list[Problem] = []
        self.file = ""  # the file being checked, as shown to editors
        self.region: str | None = None  # phone numbers are read as dialled in this country
        # Allowed values that other files define; None when unknown (that file is broken).
        self.values: dict[str, tuple | None] = {"languages": None, "strings": None,
                                                "cities": None}

    def report(self, line: int, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.file, line, severity, message))

    def check(self, value, kind, line: int, label: str) -> None:
        checks = {Record: self.check_record, MapOf: self.check_map, ListOf: self.check_list,
                  OneOf: self.check_choice, Text: self.check_text, Flag: self.check_flag,
                  Day: self.check_day}
        checks[type(kind)](value, kind, line, label)

    def wrong_type(self, value, kind, line: int, label: str) -> None:
        message = f"{label} must be {_expected(kind)}, not {_actual(value)}"
        if isinstance(kind, (Text, OneOf)) and value is not None and not isinstance(value, list):
            message += "; put it in double quotes"
        self.report(line, message)

    def check_record(self, value, kind: Record, line: int, label: str) -> None:
        if value is None:
            needed = ", ".join(f"'{name}'" for name, f in kind.fields.items() if f.required)
            self.report(line, f"{label} is empty; it needs {needed}")
            return
        if not isinstance(value, dict):
            self.wrong_type(value, kind, line, label)
            return
        meant = set()  # a misspelt field is reported once, not also as missing
        for key, item in value.items():
            field = kind.fields.get(key)
            if field is None:
                meant.add(_closest(key, kind.fields))
                self.report(value.line_of(key), not_one_of(key, kind.unknown, tuple(kind.fields)))
            else:
                self.check(item, field.kind, value.line_of(key), f"'{key}'")
        for name, field in kind.fields.items():
            if field.required and name not in value and name not in meant:
                self.report(line, f"'{name}' is missing; it must be {_expected(field.kind)}")

    def check_map(self, value, kind: MapOf, line: int, label: str) -> None:
        if not isinstance(value, dict):
            self.wrong_type(value, kind, line, label)
            return
        for key, item in value.items():
            self.check_choice(key, kind.key, value.line_of(key), f"'{key}'")
            self.check(item, kind.value, value.line_of(key), f"'{key}'")

    def check_list(self, value, kind: ListOf, line: int, label: str) -> None:
        if value is None:  # `cities:` with nothing after it means no cities
            value = []
        if not isinstance(value, list):
            self.wrong_type(value, kind, line, label)
            return
        if kind.not_empty and not value:
            self.report(line, f"{label} is empty; it needs at least one item")
        for index, item in enumerate(value):
            self.check(item, kind.item, value.line_of(index), f"an item of {label}")

    def check_choice(self, value, kind: OneOf, line: int, label: str) -> None:
        allowed = kind.values or self.values.get(kind.source)
        if not isinstance(value, str):
            self.wrong_type(value, kind, line, label)
        elif allowed is not None and value not in allowed:
            self.report(line, not_one_of(value, kind.what, allowed))

    def check_text(self, value, kind: Text, line: int, label: str) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if not kind.empty_ok:
                self.report(line, f"{label} is empty")
        elif not isinstance(value, str):
            self.wrong_type(value, kind, line, label)
        elif kind.format:
            message = FORMATS[kind.format](value.strip(), self.region)
            if message:
                self.report(line, message)

    def check_flag(self, value, kind: Flag, line: int, label: str) -> None:
        if not isinstance(value, bool):
            self.wrong_type(value, kind, line, label)

    def check_day(self, value, kind: Day, line: int, label: str) -> None:
        if as_date(value) is None:
            self.wrong_type(value, kind, line, label)


def _expected(kind) -> str:
    return {Text: "text", OneOf: "text", Flag: "true or false (without quotes)", ListOf: "a list",
            Day: f"a date like {EXAMPLE_DATE}", Record: "named fields (name: value)",
            MapOf: "named fields (name: value)"}[type(kind)]


def _actual(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, str):
        return f"'{value}'"
    return "a list" if isinstance(value, list) else "named fields"


def _closest(value: str, allowed) -> str | None:
    return next(iter(difflib.get_close_matches(value, list(allowed), n=1)), None)


def not_one_of(value: str, what: str, allowed) -> str:
    message = f"'{value}' is not {what}"
    close = _closest(value, allowed)
    if close:
        return f"{message}; did you mean '{close}'?"
    if len(allowed) <= MAX_CHOICES_SHOWN:
        return f"{message}; use one of: {', '.join(allowed)}"
    return message
