"""Safe reading of one YAML file of content/, keeping line numbers.

Content is edited by hand by people who are not programmers, so every problem
must name the file and the line. Mappings and lists keep the line of each key
and item; aliases are refused (no alias-expansion bombs) and files are capped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000


class ContentError(Exception):
    """A problem in a content file, shown to editors as `file:line: message`."""

    def __init__(self, file: str | Path, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = str(file), line, message


class LineDict(dict):
    """A mapping that remembers the line of each key (1-based)."""

    line = 1
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that remembers the line of each item (1-based)."""

    line = 1
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in content files",
                problem_mark=mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        self.flatten_mapping(node)
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise yaml.MarkedYAMLError(problem="a key must be a plain word",
                                           problem_mark=key_node.start_mark)
            key = str(key)
            if key in result:
                raise yaml.MarkedYAMLError(
                    problem=f"'{key}' appears twice in the same block",
                    problem_mark=key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_sequence(self, node, deep=False):
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)


def read_yaml(path: Path, shown_as: str | None = None) -> Any:
    """Parse one file; any problem becomes a ContentError with its line."""
    name = shown_as or str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ContentError(name, 1, f"the file is {size} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ContentError(name, line, "the file is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise ContentError(name, line, _plain(error)) from None
    except yaml.YAMLError as error:
        raise ContentError(name, 1, str(error)) from None


def _plain(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "this is not valid YAML"
    if error.context:
        problem = f"{problem} ({error.context})"
    return problem
