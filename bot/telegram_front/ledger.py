"""Which messages of a chat /wipe can still delete.

Telegram has no call that lists a chat's messages, so the front notes the id
of every message it sees or sends, under the person's pseudonym (never the
chat id: the ids are useless without it, and /wipe gets it from the person's
own update). A bot may delete messages for 48 hours; older ones are only
counted, to tell the person how many are left to clear in the app. It is kept
in SQLite so that a restart of the bot does not make /wipe forget what to
delete, and times are kept to the minute.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

DELETABLE_SECONDS = 48 * 3600 - 15 * 60  # a margin for clocks and for the wipe itself
COMPACT_EVERY_SECONDS = 3600
SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    pseudonym TEXT NOT NULL, message_id INTEGER NOT NULL, minute INTEGER NOT NULL,
    PRIMARY KEY (pseudonym, message_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS older (pseudonym TEXT PRIMARY KEY, count INTEGER NOT NULL);
"""


class Ledger:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock
        self._lock = threading.Lock()  # erasure runs in a worker thread
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA secure_delete = ON")
        self._db.executescript(SCHEMA)
        self._compacted_at = 0.0

    def record(self, pseudonym: str, message_id: int, at: float | None = None) -> None:
        minute = int((self.clock() if at is None else at) // 60)
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO messages VALUES (?, ?, ?)",
                             (pseudonym, message_id, minute))
        if self.clock() - self._compacted_at > COMPACT_EVERY_SECONDS:
            self.compact()

    def _oldest_deletable_minute(self) -> int:
        return int((self.clock() - DELETABLE_SECONDS) // 60) + 1

    def compact(self) -> None:
        """Turn ids too old to delete into a count, so the table stays small."""
        self._compacted_at = self.clock()
        cutoff = self._oldest_deletable_minute()
        with self._lock, self._db:
            self._db.execute("BEGIN")
            self._db.execute(
                "INSERT INTO older SELECT pseudonym, COUNT(*) FROM messages WHERE minute < ? "
                "GROUP BY pseudonym ON CONFLICT (pseudonym) DO UPDATE SET "
                "count = count + excluded.count", (cutoff,))
            self._db.execute("DELETE FROM messages WHERE minute < ?", (cutoff,))

    def deletable(self, pseudonym: str) -> tuple[list[int], int]:
        """The ids Telegram still lets the bot delete, and how many are too old."""
        cutoff = self._oldest_deletable_minute()
        with self._lock:
            rows = self._db.execute("SELECT message_id, minute FROM messages WHERE pseudonym = ? "
                                    "ORDER BY message_id", (pseudonym,)).fetchall()
            older = self._db.execute("SELECT count FROM older WHERE pseudonym = ?",
                                     (pseudonym,)).fetchone()
        ids = [message_id for message_id, minute in rows if minute >= cutoff]
        return ids, (older[0] if older else 0) + len(rows) - len(ids)

    def erase(self, pseudonym: str) -> None:
        with self._lock:
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute("DELETE FROM messages WHERE pseudonym = ?", (pseudonym,))
                self._db.execute("DELETE FROM older WHERE pseudonym = ?", (pseudonym,))
            # The write-ahead log still holds the rows as they were: empty it now.
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self._db.close()
