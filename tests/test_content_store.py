"""Live content: a saved change is served, a broken one never is, and nothing takes it down."""

import logging
import time

import pytest

from actions.content import cache
from actions.content import store as store_module
from actions.content.check import ContentRefused
from actions.content.store import ContentStore


def replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def thanks(store: ContentStore) -> str:
    return store.get().string("en", "thanks")


def test_a_saved_change_is_served(content_tree):
    store = ContentStore(content_tree, check_interval=0)
    assert thanks(store) == "You're welcome."
    replace(content_tree / "strings" / "en.yml", "You're welcome.", "Any time.")
    assert thanks(store) == "Any time."


def test_a_reload_parses_only_the_changed_file(content_tree, monkeypatch):
    """Parsing all of content/ takes over a second; one edit must be live within 2 s."""
    store = ContentStore(content_tree, check_interval=0)
    parsed, read_yaml = [], cache.read_yaml

    def counting(path, shown_as=None):
        parsed.append(path)
        return read_yaml(path, shown_as)

    monkeypatch.setattr(cache, "read_yaml", counting)
    replace(content_tree / "strings" / "en.yml", "You're welcome.", "Any time.")
    assert thanks(store) == "Any time."
    assert parsed == [content_tree / "strings" / "en.yml"]


def test_files_are_looked_at_once_a_second_at_most(content_tree):
    store = ContentStore(content_tree)
    replace(content_tree / "strings" / "en.yml", "You're welcome.", "Any time.")
    assert thanks(store) == "You're welcome."  # looked less than a second ago
    time.sleep(store_module.CHECK_INTERVAL_SECONDS + 0.05)
    assert thanks(store) == "Any time."


def test_a_broken_edit_keeps_the_last_good_content_and_logs_every_error(content_tree, caplog):
    store = ContentStore(content_tree, check_interval=0)
    replace(content_tree / "strings" / "en.yml", "thanks: You're welcome.", 'thanks: "oops')
    replace(content_tree / "collectives" / "fr.yml", "contact@first", "contact at first")
    with caplog.at_level(logging.ERROR, logger=store_module.__name__):
        assert thanks(store) == "You're welcome."
    assert "content/collectives/fr.yml:11: 'contact at first.example.org' is not an e-mail" \
           " address" in caplog.messages
    assert "content/strings/en.yml:3: the indentation is wrong here (lines of the same block" \
           " must start in the same column), or a quote above is not closed" in caplog.messages
    assert isinstance(store.last_error, ContentRefused)

    replace(content_tree / "strings" / "en.yml", 'thanks: "oops', "thanks: Fixed.")
    replace(content_tree / "collectives" / "fr.yml", "contact at first", "contact@first")
    assert thanks(store) == "Fixed."
    assert store.last_error is None


def test_an_unexpected_failure_while_reloading_keeps_the_content(content_tree, monkeypatch,
                                                                 caplog):
    store = ContentStore(content_tree, check_interval=0)

    def failing(root):
        raise RuntimeError("a bug in the loader")

    monkeypatch.setattr(store_module, "load_content", failing)
    replace(content_tree / "strings" / "en.yml", "You're welcome.", "Any time.")
    with caplog.at_level(logging.ERROR, logger=store_module.__name__):
        assert thanks(store) == "You're welcome."
    assert any("unexpected problem" in message for message in caplog.messages)


def test_without_any_good_content_the_start_fails_loudly(content_tree):
    replace(content_tree / "strings" / "en.yml", "thanks: You're welcome.", "thanks:")
    with pytest.raises(ContentRefused, match=r"content/strings/en.yml:2: 'thanks' is empty"):
        ContentStore(content_tree)
