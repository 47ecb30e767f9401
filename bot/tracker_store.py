"""Erasing a person from Rasa's SQL tracker store (endpoints.yml, on SQLite)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path


class NotErased(Exception):
    """The rows are deleted, but their old copies are still in the write-ahead log."""


def erase_sender(db: Path, sender_id: str) -> int:
    """Delete every event of one sender (a pseudonym); return how many there were."""
    if not db.exists():
        return 0
    with closing(sqlite3.connect(db, timeout=10)) as connection:
        # Overwrite the deleted rows in the file instead of only unlinking them.
        connection.execute("PRAGMA secure_delete = ON")
        try:
            with connection:
                deleted = connection.execute("DELETE FROM events WHERE sender_id = ?",
                                             (sender_id,)).rowcount
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # Rasa has not written anything yet
                return 0
            raise
        # Rasa runs the store in WAL mode (components/tracker_store.py): the log still
        # holds the rows as they were until it is copied back and emptied.
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise NotErased(db.name)
        return deleted
