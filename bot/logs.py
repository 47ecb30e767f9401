"""Logs that hold nothing personal.

No log line may carry a Telegram id, a name, a phone number, message text or
the bot token. Our own code logs none of these; what libraries log is held
back here: HTTP client request lines (their URLs contain the token) are
silenced, any stray token is masked, and exceptions are logged as their type
and place only, because an exception's message or traceback can quote the
text being handled.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

# Libraries whose INFO lines name request URLs (with the token) or updates.
QUIET = ("httpx", "httpcore", "telegram", "tornado", "hpack", "aiohttp.access")
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def describe_error(error: BaseException) -> str:
    """An exception as its type and where it was raised, never its message."""
    frames = traceback.extract_tb(error.__traceback__)
    if not frames:
        return type(error).__name__
    return f"{type(error).__name__} at {Path(frames[-1].filename).name}:{frames[-1].lineno}"


def keep_errors_short() -> None:
    """Every log record's exception becomes its type and place, process-wide."""
    make_record = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = describe_error(record.exc_info[1])
            record.exc_info = None
        return record

    if not getattr(make_record, "keeps_errors_short", False):
        factory.keeps_errors_short = True
        logging.setLogRecordFactory(factory)


class MaskSecrets(logging.Filter):
    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "[secret]")
            record.msg, record.args = message, ()
        return True


def configure_logging(log_file: Path, secrets: list[str]) -> list[logging.Handler]:
    """Log INFO and above to stderr and to log_file; return the handlers added."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handlers = [logging.StreamHandler(sys.stderr), logging.FileHandler(log_file)]
    root = logging.getLogger()
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
        handler.addFilter(MaskSecrets(secrets))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    keep_errors_short()
    return handlers
