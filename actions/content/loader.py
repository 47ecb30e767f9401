"""Reading the whole content/ folder into a Content model.

Structure problems raise ContentError with file and line; the full checks for
editors (unknown keys, types, references, phone numbers) are in check.py.
"""

from __future__ import annotations

from pathlib import Path

from actions.content.model import ANY_COUNTRY, DEFAULT_LANGUAGE, Content, Country
from actions.content.yamlfile import ContentError, LineDict, read_yaml


def content_files(root: Path) -> list[Path]:
    """Every file the content is made of, for reading and for change detection."""
    return sorted(p for p in root.rglob("*.yml") if p.is_file())


def load_content(root: Path) -> Content:
    root = Path(root)
    reader = _Reader(root)
    languages = {entry["code"]: dict(entry)
                 for entry in reader.require(reader.read("languages.yml"), "languages", list)}
    strings = {path.stem: dict(reader.mapping(path))
               for path in sorted((root / "strings").glob("*.yml"))}
    if DEFAULT_LANGUAGE not in strings:
        raise ContentError(root / "strings", 1,
                           "strings/en.yml is missing; English is the fallback")
    countries = {}
    for folder in sorted(p for p in (root / "countries").iterdir() if p.is_dir()):
        countries[folder.name] = reader.country(folder)
    if ANY_COUNTRY not in countries:
        raise ContentError(root / "countries", 1, "countries/any/ is missing; it is the fallback")
    return Content(languages=languages, strings=strings, countries=countries)


class _Reader:
    def __init__(self, root: Path):
        self.root = root

    def shown(self, path: Path) -> str:
        return f"content/{path.relative_to(self.root)}"

    def read(self, relative: str | Path) -> LineDict:
        return self.mapping(self.root / relative)

    def mapping(self, path: Path) -> LineDict:
        data = read_yaml(path, self.shown(path))
        if data is None:
            return LineDict()
        if not isinstance(data, dict):
            raise ContentError(self.shown(path), 1, "the file must hold named fields (key: value)")
        data.path = path
        return data

    def require(self, data: LineDict, key: str, kind: type):
        value = data.get(key)
        if not isinstance(value, kind):
            what = {list: "a list", dict: "named fields", str: "text"}[kind]
            raise ContentError(self.shown(data.path), data.line_of(key),
                               f"'{key}' is missing or is not {what}")
        return value

    def country(self, folder: Path) -> Country:
        meta = self.read(folder / "country.yml")
        topics = {path.stem: dict(self.mapping(path))
                  for path in sorted(folder.glob("*.yml")) if path.name != "country.yml"}
        collectives_file = self.root / "collectives" / f"{folder.name}.yml"
        collectives = []
        if collectives_file.exists():
            collectives = list(self.mapping(collectives_file).get("collectives") or [])
        return Country(
            id=folder.name,
            names=dict(self.require(meta, "name", dict)),
            emergency=list(self.require(meta, "emergency", list)),
            cities=list(meta.get("cities") or []),
            reporting=list(meta.get("reporting") or []),
            topics=topics,
            collectives=collectives,
        )
