"""Logs hold no personal data: the bot's own, and what Rasa logs on errors."""

import logging
import subprocess
import sys

from bot.logs import configure_logging, describe_error
from bot.rasa_process import scrub
from bot.settings import ROOT

TOKEN = "123456:very-secret-token"


def test_describe_error_never_includes_the_message():
    try:
        raise ValueError("call me on 0612345678")
    except ValueError as error:
        described = describe_error(error)
    assert described.startswith("ValueError at test_telegram_logs.py:")
    assert "0612345678" not in described


def test_the_bot_log_masks_the_token_and_shortens_exceptions(tmp_path):
    log_file = tmp_path / "logs" / "bot.log"
    root = logging.getLogger()
    before = list(root.handlers)
    handlers = configure_logging(log_file, [TOKEN])
    try:
        logger = logging.getLogger("telegram.ext.test")
        logging.getLogger("peerline.test").warning("GET https://api.telegram.org/bot%s/getMe",
                                                   TOKEN)
        try:
            raise KeyError("ana.secret@example.com")
        except KeyError:
            logging.getLogger("peerline.test").exception("handling failed")
        logger.info("polling https://api.telegram.org/bot%s/getUpdates", TOKEN)  # quieted
        logging.getLogger("httpx").info("HTTP Request: POST https://x/bot%s/sendMessage", TOKEN)
    finally:
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
    assert root.handlers == before
    written = log_file.read_text()
    assert TOKEN not in written and "ana.secret@example.com" not in written
    assert "bot[secret]/getMe" in written
    assert "handling failed\nKeyError at test_telegram_logs.py:" in written
    assert "getUpdates" not in written and "sendMessage" not in written


def test_scrub_blanks_rasa_s_user_data_fields_and_tracebacks():
    try:
        raise RuntimeError("text: my number is 0612345678")
    except RuntimeError:
        event = scrub(None, "exception", {"event": "rest.message.received.failure",
                                          "text": "my number is 0612345678",
                                          "parse_data_entities": [{"value": "Ana"}]})
    assert event["text"] == event["parse_data_entities"] == "[removed]"
    assert event["exc_info"] is False
    assert event["error"].startswith("RuntimeError at test_telegram_logs.py:")
    assert event["event"] == "rest.message.received.failure"


def test_rasa_s_own_structlog_setup_logs_no_user_text_with_the_scrub():
    """Rasa's logging as `bot.rasa_process` sets it up, with the events that carry text."""
    program = """
import logging, rasa.utils.log_utils as log_utils, structlog
from bot.rasa_process import scrub
log_utils._anonymizer = scrub
log_utils.configure_structlog(logging.INFO)
log = structlog.get_logger()
log.error("rest.message.received.timeout", text="SECRET-1 0612345678")
try:
    text = "SECRET-2"
    raise ValueError("SECRET-3")
except ValueError:
    log.exception("rest.message.received.failure", text=text)
"""
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env={"PYTHONPATH": str(ROOT)})
    output = result.stdout + result.stderr
    assert "rest.message.received.timeout" in output and "ValueError at <string>" in output
    assert "SECRET" not in output and "0612345678" not in output
