"""`python -m bot.rasa_process ARGS`: the `rasa` command, with two changes.

User text is kept out of its logs. Rasa logs a message's text at error level
when handling it fails or times out (the REST channel's
`rest.message.received.timeout`, which the front's own timeout triggers), and
structlog's traceback renderer prints the local variables of every frame. A
higher log level would hide the errors as well, so instead the first step of
every structlog event, Rasa's own anonymiser hook, is replaced: it blanks the
fields Rasa itself marks as user data and turns a traceback into the
exception's type and place.

It is also made faster where it spends time for nothing, because one Rasa
process serves everyone and every millisecond of its event loop counts:
- Rasa rebuilds each tracker from its stored events at every message and
  finds each event's class by walking all subclasses of Event anew, which
  was a sixth of its time per message; the answer is remembered instead.
- Rasa checks every answer of the action server against a JSON schema with
  `jsonschema.validate`, which first checks the schema itself against the
  meta-schema: half of its time per message. The validator is built once; an
  invalid answer still goes through Rasa's own check and its error message.
"""

from __future__ import annotations

import functools
import sys

from bot.logs import describe_error, keep_errors_short

# The fields Rasa's `rasa.utils.log_utils._anonymizer` treats as user data.
USER_DATA_FIELDS = frozenset((
    "text", "response_text", "user_text", "slot_values", "parse_data_text",
    "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
    "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
    "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
    "entity", "token_text", "user_message", "json_message"))


def scrub(_logger, method: str, event: dict) -> dict:
    for field in USER_DATA_FIELDS & event.keys():
        event[field] = "[removed]"
    exc_info = event.get("exc_info")
    if method == "exception" or exc_info:
        if isinstance(exc_info, BaseException):
            error = exc_info
        elif isinstance(exc_info, tuple):
            error = exc_info[1]
        else:
            error = sys.exc_info()[1]
        event["exc_info"] = False  # structlog then renders no traceback
        if error is not None:
            event["error"] = describe_error(error)
    return event


@functools.cache
def action_response_validator():
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)


def validate_quickly(rasa_validate):
    def validate(self, result) -> bool:
        return action_response_validator().is_valid(result) or rasa_validate(self, result)
    return validate


def main() -> None:
    import rasa.utils.log_utils
    from rasa.__main__ import main as rasa_main
    from rasa.shared.core.events import Event

    rasa.utils.log_utils._anonymizer = scrub
    Event.resolve_by_type = staticmethod(functools.cache(Event.resolve_by_type))
    if sys.argv[1:3] != ["run", "actions"]:  # importing Rasa's core costs the action server 400 MB
        from rasa.core.actions.action import RemoteAction

        RemoteAction._validate_action_result = validate_quickly(
            RemoteAction._validate_action_result)
    keep_errors_short()
    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
