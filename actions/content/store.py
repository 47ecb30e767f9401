"""Live content: edits are served within seconds, broken edits never are.

The store looks at the files' modification times at most once a second. When
something changed it loads everything again; if that fails, the last good
content stays live and every error is logged as `file:line: message`. Even a
bug while reloading only gets logged: a broken edit must never take the bot down.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from actions.content.loader import content_files, load_content
from actions.content.model import Content
from actions.content.yamlfile import ContentError

logger = logging.getLogger(__name__)

CHECK_INTERVAL_SECONDS = 1.0


def default_content_dir() -> Path:
    return Path(os.environ.get("PEERLINE_CONTENT_DIR") or Path(__file__).parents[2] / "content")


class ContentStore:
    def __init__(self, root: Path | None = None, check_interval: float = CHECK_INTERVAL_SECONDS):
        self.root = Path(root or default_content_dir())
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._signature = self._current_signature()
        self._content = load_content(self.root)  # no good content yet: fail loudly
        self._checked_at = time.monotonic()
        self.last_error: ContentError | None = None

    def get(self) -> Content:
        """The live content, reloaded first if a file changed."""
        if time.monotonic() - self._checked_at >= self.check_interval:
            with self._lock:
                self._reload_if_changed()
        return self._content

    def _current_signature(self) -> tuple:
        files = content_files(self.root)
        return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)

    def _reload_if_changed(self) -> None:
        self._checked_at = time.monotonic()
        try:
            signature = self._current_signature()
        except OSError:  # a file vanished mid-save; look again next time
            return
        if signature == self._signature:
            return
        self._signature = signature
        try:
            self._content = load_content(self.root)
            self.last_error = None
            logger.info("content reloaded")
        except ContentError as error:
            self.last_error = error
            logger.error("content not reloaded, the last good content stays live; errors:")
            for problem in getattr(error, "problems", [error]):
                logger.error("%s", problem)
        except OSError as error:
            logger.error("content not reloaded: %s", error.strerror)
        except Exception:
            logger.exception("content not reloaded because of an unexpected problem;"
                             " the last good content stays live")
