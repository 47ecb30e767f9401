"""Parsed content files, kept for as long as they are unchanged on disk.

Parsing all of content/ with PyYAML's pure-Python parser takes more than a
second, and a saved change must be live within 2 s; so a file is parsed again
only when its modification time or size changed, and a reload after one edit
parses one file. Nothing mutates parsed data, so sharing it is safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from actions.content.yamlfile import read_yaml

_parsed: dict[Path, tuple[tuple[int, int], Any]] = {}


def read_yaml_cached(path: Path, shown_as: str | None = None) -> Any:
    """read_yaml(path), from memory when the file has not changed since."""
    stat = path.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    cached = _parsed.get(path)
    if cached is not None and cached[0] == version:
        return cached[1]
    data = read_yaml(path, shown_as)  # a broken file raises and is never cached
    _parsed[path] = (version, data)
    return data
