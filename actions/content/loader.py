"""Reading the whole content/ folder into a Content model.

Content with any error is refused as a whole (ContentRefused, a ContentError
naming the first problem and carrying all of them): check.py has made sure
that everything read here has the shape schema.py describes.
"""

from __future__ import annotations

from pathlib import Path

from actions.content.cache import read_yaml_cached
from actions.content.check import refuse_errors
from actions.content.model import Content, Country


def content_files(root: Path) -> list[Path]:
    """Every file the content is made of, for reading and for change detection."""
    return sorted(p for p in root.rglob("*.yml") if p.is_file())


def load_content(root: Path) -> Content:
    root = Path(root)
    refuse_errors(root)
    languages = {entry["code"]: dict(entry) for entry in _read(root / "languages.yml")["languages"]}
    strings = {path.stem: _read(path) for path in sorted((root / "strings").glob("*.yml"))}
    countries = {folder.name: _country(root, folder)
                 for folder in sorted(p for p in (root / "countries").iterdir() if p.is_dir())}
    return Content(languages=languages, strings=strings, countries=countries)


def _read(path: Path) -> dict:
    return dict(read_yaml_cached(path) or {})  # an empty file is an empty mapping


def _country(root: Path, folder: Path) -> Country:
    meta = _read(folder / "country.yml")
    topics = {path.stem: _read(path)
              for path in sorted(folder.glob("*.yml")) if path.name != "country.yml"}
    collectives_file = root / "collectives" / f"{folder.name}.yml"
    collectives = _read(collectives_file).get("collectives") if collectives_file.exists() else []
    return Country(
        id=folder.name,
        names=dict(meta["name"]),
        emergency=list(meta["emergency"]),
        cities=list(meta.get("cities") or []),
        reporting=list(meta.get("reporting") or []),
        topics=topics,
        collectives=list(collectives or []),
    )
