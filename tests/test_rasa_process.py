"""The speed-up of Rasa's check of action server answers keeps its verdicts."""

import pytest

from bot.rasa_process import action_response_validator, validate_quickly


def test_valid_answers_skip_rasas_own_check():
    assert action_response_validator().is_valid({"events": [], "responses": [{"text": "hi"}]})
    called = []
    validate = validate_quickly(lambda self, result: called.append(result))
    assert validate(None, {"events": [], "responses": []}) is True
    assert called == []


def test_invalid_answers_get_rasas_own_check_and_error():
    def rasa_check(self, result):
        raise ValueError("Failed to validate Action server response")

    with pytest.raises(ValueError, match="Failed to validate"):
        validate_quickly(rasa_check)(None, {"events": "not a list"})
