"""Checks of content/ for the people who edit it: every problem, with file and line.

Errors make the bot refuse the content (the last good content stays live);
warnings are work to do: missing translations, texts due for a review.
Messages are for people who are not programmers, so they say what to change.
"""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

from actions.content import schema
from actions.content.cache import read_yaml_cached
from actions.content.formats import region_of
from actions.content.model import ANY_COUNTRY, DEFAULT_LANGUAGE, TOPICS
from actions.content.validate import (
    ERROR,
    EXAMPLE_DATE,
    WARNING,
    Problem,
    ShapeChecker,
    as_date,
    not_one_of,
    review_cutoff,
)
from actions.content.yamlfile import ContentError, LineDict

# PyYAML's messages, in words an editor can act on.
YAML_HINTS = {
    "mapping values are not allowed here":
        "a ':' is not allowed here; if the text contains ': ', put it all in double quotes",
    "found character '\\t'": "a tab is not allowed; indent with spaces",
    "could not find expected ':'": "a line here has no ':' after its name, or is indented wrongly",
    "expected <block end>": "the indentation is wrong here (lines of the same block must start"
                            " in the same column), or a quote above is not closed",
    "while scanning a quoted scalar": "a quote is opened here and never closed",
    "expected ',' or ']'": "a list in [ ] is not closed, or has a ':' without quotes",
    "expected ',' or '}'": "a {...} block is not closed; text that starts with { must be in"
                           " double quotes",
}


class ContentRefused(ContentError):
    """Content with errors: the first is the message, all are in `problems`."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].file, problems[0].line, problems[0].message)
        self.problems = problems


def check_content(root: Path, today: date | None = None) -> list[Problem]:
    """Every problem in the content folder root, sorted by file and line."""
    checker = _Checker(Path(root), today or date.today())
    checker.check_all()
    return sorted(checker.problems, key=lambda problem: (problem.file, problem.line))


def refuse_errors(root: Path) -> None:
    """Raise ContentRefused when the content has any error."""
    errors = [problem for problem in check_content(root) if problem.is_error]
    if errors:
        raise ContentRefused(errors)


def placeholders(text: str) -> set[str] | None:
    """The {words} in an interface string; None when a brace is left open."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


class _Checker(ShapeChecker):
    def __init__(self, root: Path, today: date):
        super().__init__()
        self.root, self.today = root, today
        self.read_files: set[Path] = set()

    def check_all(self) -> None:
        self.check_languages()
        self.check_strings()
        cities = self.check_countries()
        self.check_collectives(cities)
        self.check_unread_files()

    # Reporting and reading

    def shown(self, path: Path) -> str:
        return f"content/{path.relative_to(self.root).as_posix()}"

    def report_at(self, path: Path, line: int, message: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.shown(path), line, severity, message))

    def read(self, path: Path, shape) -> LineDict | None:
        """The file's data, checked against shape; None when it cannot be read at all."""
        self.file = self.shown(path)
        self.read_files.add(path)
        try:
            data = read_yaml_cached(path, self.file)
        except ContentError as error:
            self.report(error.line, _plain_yaml(error.message))
            return None
        except ValueError:  # PyYAML raises it for a date that does not exist
            self.report(_line_of_bad_date(path),
                        f"this date does not exist; write dates as YYYY-MM-DD, like {EXAMPLE_DATE}")
            return None
        except RecursionError:
            self.report(1, "the file is nested too deeply to read")
            return None
        except OSError as error:
            self.report(1, f"the file cannot be read: {error.strerror}")
            return None
        if data is None:  # an empty file
            data = LineDict()
            data.key_lines = {}
        self.check(data, shape, 1, "the file")
        return data if isinstance(data, dict) else None

    # The files, and what ties them together

    def check_languages(self) -> None:
        path = self.root / "languages.yml"
        if not path.is_file():
            self.report_at(path, 1, "this file is missing; it lists the languages Peerline speaks")
            return
        data = self.read(path, schema.LANGUAGES_FILE)
        entries = data.get("languages") if data is not None else None
        if not isinstance(entries, list):
            return
        lines: dict[str, int] = {}
        for index, entry in enumerate(entries):
            code = entry.get("code") if isinstance(entry, dict) else None
            if not isinstance(code, str):
                continue
            if code in lines:
                self.report(entries.line_of(index),
                            f"'{code}' is listed twice; the other is at line {lines[code]}")
            lines.setdefault(code, entries.line_of(index))
        if DEFAULT_LANGUAGE not in lines:
            self.report(data.line_of("languages"),
                        "English (en) must be listed: every text falls back to English")
        self.values["languages"] = tuple(lines)

    def check_file_language(self, path: Path) -> None:
        """A file named after a language (fr.yml) must name one of languages.yml."""
        languages = self.values["languages"]
        if languages is not None and path.stem not in languages:
            self.report_at(path, 1, "the file name " + not_one_of(
                path.stem, schema.LANGUAGE.what, languages))

    def check_strings(self) -> None:
        folder = self.root / "strings"
        paths = {path.stem: path for path in sorted(folder.glob("*.yml"))}
        english = None
        if DEFAULT_LANGUAGE in paths:
            english = self.read(paths.pop(DEFAULT_LANGUAGE), schema.STRINGS_FILE)
        else:
            self.report_at(folder / "en.yml", 1,
                           "this file is missing; every other language falls back to English")
        if english is not None:
            for key, text in english.items():
                if isinstance(text, str) and placeholders(text) is None:
                    self.report(english.line_of(key), _broken_braces(key))
            self.values["strings"] = tuple(english)
        for path in paths.values():
            self.check_file_language(path)
            data = self.read(path, schema.STRINGS_FILE)
            if data is not None and english is not None:
                self.check_translated_strings(data, english)
        for code in self.values["languages"] or ():
            if code != DEFAULT_LANGUAGE and code not in paths:
                self.report_at(folder / f"{code}.yml", 1, "there are no interface strings in"
                               " this language yet; people who choose it read English", WARNING)

    def check_translated_strings(self, data: LineDict, english: LineDict) -> None:
        missing = [key for key in english if key not in data]
        if missing:
            self.report(1, "not translated yet, so people read them in English:"
                           f" {', '.join(missing)}", WARNING)
        for key, text in data.items():
            if not (isinstance(text, str) and isinstance(english.get(key), str)):
                continue
            words, wanted = placeholders(text), placeholders(english[key])
            if words is None:
                self.report(data.line_of(key), _broken_braces(key))
            elif wanted is not None and words != wanted:
                self.report(data.line_of(key),
                            f"'{key}' must keep the same {{words}} as content/strings/en.yml:"
                            f" {_braces(wanted)}; this translation has {_braces(words)}")

    def check_countries(self) -> dict[str, tuple | None]:
        """Check every country folder; its cities, for the collectives (None: unknown)."""
        folder = self.root / "countries"
        folders = sorted(p for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
        if ANY_COUNTRY not in {p.name for p in folders}:
            self.report_at(folder / ANY_COUNTRY / "country.yml", 1,
                           "this file is missing; countries/any/ holds what is true across"
                           " Europe, for people whose country has no content")
        return {path.name: self.check_country(path) for path in folders}

    def check_country(self, folder: Path) -> tuple | None:
        code, path = folder.name, folder / "country.yml"
        self.region = region_of(code)
        if code != ANY_COUNTRY and self.region is None:
            self.report_at(path, 1, f"the folder name '{code}' is not a country code (ISO 3166,"
                           " two letters in lower case, like fr); Europe-wide content goes"
                           " in 'any'")
        cities = None
        if not path.is_file():
            self.report_at(path, 1, "this file is missing; every country folder needs one,"
                           " with the country's name and emergency numbers")
        elif (meta := self.read(path, schema.COUNTRY_FILE)) is not None:
            self.check_country_meta(code, meta)
            listed = meta.get("cities") or []
            cities = tuple(c for c in listed if isinstance(c, str)) if isinstance(
                listed, list) else None
        self.check_topics(folder)
        return cities

    def check_country_meta(self, code: str, meta: LineDict) -> None:
        if isinstance(meta.get("id"), str) and meta["id"] != code:
            self.report(meta.line_of("id"), f"'id' is '{meta['id']}' but the folder is"
                        f" '{code}'; they must be the same")
        names, languages = meta.get("name"), self.values["languages"]
        if isinstance(names, dict) and languages is not None:
            missing = [language for language in languages if language not in names]
            if missing:
                self.report(meta.line_of("name"), "the country's 'name' is not translated yet"
                            f" into: {', '.join(missing)}", WARNING)
        if isinstance(meta.get("reporting"), list):
            self.check_records(meta["reporting"], {})

    def check_records(self, records: list, seen: dict[str, str]) -> None:
        """Ids unique within `seen`; a verified record has a way to reach it."""
        for record in records:
            if not isinstance(record, dict):
                continue
            record_id = record.get("id")
            if isinstance(record_id, str):
                if record_id in seen:
                    self.report(record.line_of("id"), f"'{record_id}' is used twice; the other"
                                f" is at {seen[record_id]}. Each id must be different")
                seen.setdefault(record_id, f"{self.file}:{record.line_of('id')}")
            reachable = any(isinstance(record.get(key), str) and record[key].strip()
                            for key in ("website", "phone"))
            if record.get("verified") is True and not reachable:
                self.report(record.line_of("verified"), "'verified' is true but 'website' and"
                            " 'phone' are empty; a verified record needs a way to reach it")

    def check_topics(self, folder: Path) -> None:
        paths = {p.stem: p for p in sorted(folder.glob("*.yml")) if p.name != "country.yml"}
        present: dict[str, set] = {}
        for code, path in paths.items():
            self.check_file_language(path)
            data = self.read(path, schema.TOPICS_FILE)
            if data is None:
                continue
            present[code] = {topic for topic in TOPICS if isinstance(data.get(topic), dict)}
            for topic in present[code]:
                self.check_review(data[topic])
        if DEFAULT_LANGUAGE in paths and DEFAULT_LANGUAGE not in present:
            return  # en.yml cannot be read: its own errors say why
        english = present.pop(DEFAULT_LANGUAGE, set())
        missing = [topic for topic in TOPICS if topic not in english]
        if missing and folder.name == ANY_COUNTRY:
            self.report_at(folder / "en.yml", 1, f"no English text for: {', '.join(missing)};"
                           " people whose country has no text read this, so every topic"
                           " must be here")
        elif missing and DEFAULT_LANGUAGE in paths:  # no en.yml at all: a country without texts
            self.report_at(folder / "en.yml", 1, f"no English text yet for: {', '.join(missing)};"
                           " people read what is true across Europe instead", WARNING)
        for code, topics in present.items():
            untranslated = [topic for topic in TOPICS if topic in english and topic not in topics]
            if untranslated:
                self.report_at(paths[code], 1, "not translated yet, so people read them in"
                               f" English: {', '.join(untranslated)}", WARNING)

    def check_review(self, entry: LineDict) -> None:
        reviewed = as_date(entry.get("reviewed"))
        if reviewed is None:
            return
        line = entry.line_of("reviewed")
        if reviewed < review_cutoff(self.today):
            self.report(line, f"'reviewed' is {reviewed}, more than {schema.REVIEW_MONTHS}"
                        " months ago; check that the text is still right, then update the date",
                        WARNING)
        elif reviewed > self.today:
            self.report(line, f"'reviewed' is {reviewed}, a day in the future; write the day"
                        " the text was last checked", WARNING)

    def check_collectives(self, cities: dict[str, tuple | None]) -> None:
        seen: dict[str, str] = {}
        for path in sorted((self.root / "collectives").glob("*.yml")):
            code = path.stem
            if code not in cities:
                self.report_at(path, 1, f"there is no folder content/countries/{code}/, so this"
                               " file is not used; name it after a country folder, like fr.yml")
            self.region, self.values["cities"] = region_of(code), cities.get(code)
            data = self.read(path, schema.COLLECTIVES_FILE)
            if data is not None and isinstance(data.get("collectives"), list):
                self.check_records(data["collectives"], seen)

    def check_unread_files(self) -> None:
        for path in sorted(self.root.rglob("*.y*ml")):
            if path in self.read_files or not path.is_file():
                continue
            if path.suffix == ".yaml":
                self.report_at(path, 1, "this file is not read: content files must end in .yml",
                               WARNING)
            else:
                self.report_at(path, 1, "this file is not read: it is not in a place where"
                               " Peerline looks (see content/README.md)", WARNING)


def _braces(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _broken_braces(key: str) -> str:
    return f"'{key}' has a {{ or }} that is not part of a {{word}}; copy the {{words}} from en.yml"


def _plain_yaml(message: str) -> str:
    return next((hint for text, hint in YAML_HINTS.items() if text in message), message)


def _line_of_bad_date(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        for match in re.finditer(r"\b(\d{4})-(\d\d?)-(\d\d?)\b", line):
            try:
                date(*map(int, match.groups()))
            except ValueError:
                return number
    return 1
