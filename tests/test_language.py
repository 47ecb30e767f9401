import pytest

from bot.language import SUPPORTED, detect, resolve


@pytest.mark.parametrize("text, code", [
    ("我在伦敦工作", "zh"),
    ("ช่วยด้วย ตำรวจจับ", "th"),
    ("де поліція", "uk"),
    ("где полиция", "ru"),
    ("къде е полицията", "bg"),
    ("hola necesito ayuda", "es"),
    ("obrigado pela ajuda", "pt"),
    ("unde e politia", "ro"),
    ("köszönöm szépen", "hu"),
    ("dziękuję bardzo", "pl"),
    ("faleminderit shumë", "sq"),
    ("je suis à paris", "fr"),
    ("ich bin in berlin", "de"),
    ("grazie mille", "it"),
    ("hello i need help", "en"),
])
def test_detects_short_messages(text, code):
    assert detect(text).language == code


def test_same_text_same_answer():
    assert len({detect("bom dia moça").language for _ in range(20)}) == 1


@pytest.mark.parametrize("text", ["ok", "hi", "112", "👍", "", "   ", "?!"])
def test_ambiguous_words_are_not_confident(text):
    detection = detect(text)
    assert not detection.confident
    assert detection.language in SUPPORTED


@pytest.mark.parametrize("text", ["ok", "hi", "112", "👍"])
def test_ambiguous_word_does_not_switch_language(text):
    assert resolve(text, current="ro") == "ro"


def test_clear_message_switches_language_in_use():
    assert resolve("necesito ayuda con la policía", current="ro") == "es"


def test_choice_wins_over_detection():
    assert resolve("necesito ayuda con la policía", chosen="pt", current="pt") == "pt"


def test_telegram_language_when_nothing_else():
    assert resolve("ok", telegram_code="pt-br") == "pt"
    assert resolve("ok", telegram_code="xx") in SUPPORTED
