"""Rendering for Telegram: answers joined, parts of at most 4,096, keyboards, callback keys."""

import pytest

from actions import answers
from bot.telegram_front.render import (
    MAX_CALLBACK_BYTES,
    MAX_TEXT,
    CallbackKeys,
    keyboard,
    parts,
    split_text,
    telegram_length,
)


def test_short_text_is_one_part():
    assert split_text("hello") == ["hello"]
    assert split_text("   \n ") == []


def test_long_text_splits_between_paragraphs():
    paragraphs = [f"Paragraph {i}. " + "word " * 300 for i in range(6)]
    text = "\n\n".join(paragraphs)
    result = split_text(text)
    assert len(result) > 1
    assert all(telegram_length(part) <= MAX_TEXT for part in result)
    # Every paragraph is whole in exactly one part.
    for paragraph in paragraphs:
        assert sum(paragraph.strip() in part for part in result) == 1
    assert "".join(result).replace("\n", "") == text.replace("\n", "")


def test_a_paragraph_longer_than_the_limit_splits_between_lines_then_words():
    lines = "\n".join(f"line {i} " + "x" * 90 for i in range(100))
    assert all(part.startswith("line ") for part in split_text(lines))
    words = " ".join(["word"] * 2000)
    assert all(part.startswith("word") and part.endswith("word") for part in split_text(words))


def test_text_without_spaces_is_cut_without_breaking_a_character():
    emoji = "😀" * 3000  # two UTF-16 units each, as Telegram counts them
    result = split_text(emoji)
    assert [telegram_length(part) for part in result] == [4096, 1904]
    assert "".join(result) == emoji
    assert [len(part) for part in split_text("x" * 10000)] == [4096, 4096, 1808]


def test_exactly_4096_characters_is_one_part():
    assert split_text("a" * MAX_TEXT) == ["a" * MAX_TEXT]


def test_callback_keys_are_short_stable_and_never_the_payload():
    keys = CallbackKeys()
    payload = '/inform{"country":"fr"}'
    key = keys.key_for(payload)
    assert len(key.encode()) <= MAX_CALLBACK_BYTES
    assert "fr" not in key and "inform" not in key
    assert keys.key_for(payload) == key == CallbackKeys().key_for(payload)
    assert keys.payload_for(key) == payload
    assert keys.payload_for("p-unknown") is None


def test_callback_keys_forget_the_oldest_past_their_capacity():
    keys = CallbackKeys(capacity=3)
    first = keys.key_for("/a")
    for payload in ("/b", "/c", "/d"):
        keys.key_for(payload)
    assert keys.payload_for(first) is None
    assert keys.payload_for(keys.key("/d")) == "/d"


def test_every_button_content_can_show_fits_in_callback_data(content):
    messages = [answers.ask_country(content, code) for code in content.languages]
    messages += [answers.menu(content, "en"), answers.language_menu(content, "en")]
    keys = CallbackKeys()
    for message in messages:
        for row in keyboard(message["buttons"], keys).inline_keyboard:
            for button in row:
                assert len(button.callback_data.encode()) <= MAX_CALLBACK_BYTES


@pytest.mark.parametrize("titles, rows", [
    (["English", "Español", "Português", "Română"], [3, 1]),
    (["Police and your rights", "Health"], [1, 1]),
    (["Yes, erase", "No, keep"], [2]),
])
def test_short_titles_share_rows(titles, rows):
    markup = keyboard([{"title": t, "payload": f"/{i}"} for i, t in enumerate(titles)],
                      CallbackKeys())
    assert [len(row) for row in markup.inline_keyboard] == rows


def test_buttons_go_with_the_last_part():
    message = {"text": "\n\n".join(["x" * 3000] * 3), "buttons": [{"title": "A", "payload": "/a"}]}
    rendered = parts([message], CallbackKeys())
    assert len(rendered) == 3
    assert [markup is not None for _, markup in rendered] == [False, False, True]
    assert parts([{"text": "hi"}], CallbackKeys()) == [("hi", None)]


def test_an_answer_is_as_few_messages_as_keep_each_keyboard_under_its_text():
    a, b = [{"title": "A", "payload": "/a"}], [{"title": "B", "payload": "/b"}]
    answer = [{"text": "note", "buttons": []}, {"text": "topic", "buttons": a},
              {"text": "more", "buttons": []}, {"text": "menu", "buttons": b},
              {"text": "112", "buttons": []}]
    rendered = parts(answer, CallbackKeys())
    assert [text for text, _ in rendered] == ["note\n\ntopic", "more\n\nmenu", "112"]
    assert [[button.text for row in markup.inline_keyboard for button in row] if markup else None
            for _, markup in rendered] == [["A"], ["B"], None]
