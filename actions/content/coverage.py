"""How much of the knowledge base exists in each language, country by country.

For organisations planning translation and review work: the share of the
topics written in each language and the oldest review date, as a text table
and as a self-contained HTML page. It reads content that has errors too,
leniently, because that is when people most want to see where they stand.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from actions.content.cache import read_yaml_cached
from actions.content.model import ANY_COUNTRY, DEFAULT_LANGUAGE, TOPICS
from actions.content.validate import as_date, review_cutoff
from actions.content.yamlfile import ContentError

NO_TOPICS = "people read the Europe-wide texts of countries/any"


@dataclass(frozen=True)
class Translation:
    """The topics of one country in one language: topic -> review date (None: no date)."""

    reviewed: dict
    broken: bool = False  # the file could not be read; `peerline content check` says why

    @property
    def share(self) -> float:
        return len(self.reviewed) / len(TOPICS)

    @property
    def oldest(self) -> date | None:
        return min((day for day in self.reviewed.values() if day), default=None)


@dataclass(frozen=True)
class CountryCoverage:
    id: str
    name: str
    translations: dict  # language -> Translation, only languages with a file


@dataclass(frozen=True)
class Coverage:
    languages: list  # codes, in the order of languages.yml
    countries: list  # CountryCoverage, "any" first


def coverage(root: Path) -> Coverage:
    root = Path(root)
    listed = _read(root / "languages.yml") or {}
    languages = [entry["code"] for entry in listed.get("languages") or []
                 if isinstance(entry, dict) and isinstance(entry.get("code"), str)]
    folders = sorted((p for p in (root / "countries").glob("*") if p.is_dir()),
                     key=lambda p: (p.name != ANY_COUNTRY, p.name))
    countries = [_country(folder) for folder in folders]
    found = {code for country in countries for code in country.translations}
    return Coverage(languages + sorted(found - set(languages)), countries)


def _read(path: Path) -> dict | None:
    try:
        data = read_yaml_cached(path)
    except (ContentError, ValueError, RecursionError, OSError):
        return None
    return {} if data is None else data if isinstance(data, dict) else None


def _country(folder: Path) -> CountryCoverage:
    meta = _read(folder / "country.yml") or {}
    names = meta.get("name") if isinstance(meta.get("name"), dict) else {}
    translations = {}
    for path in sorted(folder.glob("*.yml")):
        if path.name == "country.yml":
            continue
        data = _read(path)
        entries = {topic: data.get(topic) for topic in TOPICS} if data is not None else {}
        translations[path.stem] = Translation(
            {topic: as_date(entry.get("reviewed")) for topic, entry in entries.items()
             if isinstance(entry, dict) and entry.get("text")},
            broken=data is None)
    return CountryCoverage(folder.name, str(names.get(DEFAULT_LANGUAGE) or folder.name),
                           translations)


def _share(translation: Translation | None) -> str:
    if translation is None:
        return ""
    return "file has errors" if translation.broken else f"{translation.share:.0%}"


def _oldest(translation: Translation | None) -> str:
    return str(translation.oldest or "-") if translation else ""


def as_text(report: Coverage) -> str:
    rows = [("country", "language", "topics", "share", "oldest review")]
    missing = []
    for country in report.countries:
        for code in report.languages:
            translation = country.translations.get(code)
            if translation:
                rows.append((f"{country.name} ({country.id})", code,
                             f"{len(translation.reviewed)} of {len(TOPICS)}", _share(translation),
                             _oldest(translation)))
        absent = [code for code in report.languages if code not in country.translations]
        if absent:
            listed = ", ".join(absent) if country.translations else f"all ({NO_TOPICS})"
            missing.append(f"  {country.name} ({country.id}): {listed}")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    if missing:
        lines += ["", "No topics yet in these languages:"] + missing
    return "\n".join(lines) + "\n"


def as_html(report: Coverage, today: date) -> str:
    """A static page with no scripts and nothing fetched from elsewhere."""
    parts = [_HTML_HEAD, f"<p>Made on {today}. Each country has {len(TOPICS)} topics. A date is"
             " when a text was last reviewed; an empty cell is a topic not written yet in that"
             " language (people then read it in English). Dates more than a year old are"
             " marked.</p>", "<h2>Share of topics written, by country and language</h2>",
             _summary_table(report)]
    for country in report.countries:
        parts.append(f"<h2>{_e(country.name)} ({_e(country.id)})</h2>")
        parts.append(_country_table(report, country, review_cutoff(today))
                     if country.translations else f"<p>No topics yet: {_e(NO_TOPICS)}.</p>")
    return "\n".join(parts) + "\n</body>\n</html>\n"


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _summary_table(report: Coverage) -> str:
    head = "".join(f"<th>{_e(code)}</th>" for code in report.languages)
    rows = []
    for country in report.countries:
        cells = []
        for code in report.languages:
            translation = country.translations.get(code)
            level = "none" if translation is None else (
                "full" if translation.share == 1 else "part")
            cells.append(f'<td class="{level}">{_e(_share(translation))}</td>')
        rows.append(f"<tr><th>{_e(country.name)} ({_e(country.id)})</th>{''.join(cells)}</tr>")
    return f"<table><tr><th>country</th>{head}</tr>\n" + "\n".join(rows) + "\n</table>"


def _country_table(report: Coverage, country: CountryCoverage, old: date) -> str:
    head = "".join(f"<th>{_e(code)}</th>" for code in report.languages)
    rows = []
    for topic in TOPICS:
        cells = []
        for code in report.languages:
            translation = country.translations.get(code)
            written = translation is not None and topic in translation.reviewed
            day = translation.reviewed.get(topic) if written else None
            level = "none" if not written else "old" if day is None or day < old else "full"
            cells.append(f'<td class="{level}">{_e(day or ("no date" if written else ""))}</td>')
        rows.append(f"<tr><th>{_e(topic)}</th>{''.join(cells)}</tr>")
    shares = "".join(f"<td>{_e(_share(country.translations.get(code)))}</td>"
                     for code in report.languages)
    oldest = "".join(f"<td>{_e(_oldest(country.translations.get(code)))}</td>"
                     for code in report.languages)
    rows += [f"<tr><th>share</th>{shares}</tr>", f"<tr><th>oldest review</th>{oldest}</tr>"]
    return f"<table><tr><th>topic</th>{head}</tr>\n" + "\n".join(rows) + "\n</table>"


_HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Peerline: content coverage</title>
<style>
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; margin-bottom: 1.5em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; font-size: 0.9em; }
td.full { background: #d9f2d9; }
td.part { background: #fff3c4; }
td.old { background: #ffd9b3; }
td.none { background: #f4f4f4; }
</style>
</head>
<body>
<h1>Peerline: content coverage</h1>"""
