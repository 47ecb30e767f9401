"""The logbook: what volunteers review, with nothing that says who wrote it.

Each turn is kept under the person's pseudonym (so /wipe can find it), in a
conversation that the review page shows only by a random label. Only the
redacted text is kept, with what the bot made of it (language, intent,
confidence, entities, the content that answered, degraded mode, fallback), and
time is cut to the hour so that turns cannot be matched to the minute a
message was seen on someone's phone. Turns older than the retention period are
deleted at start-up and once a day, then the file is vacuumed, so deleted text
does not linger in free pages.

Reviewers' annotations live beside the turns they are about, so that erasing
or expiring a turn takes what was written about it along.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from bot.logs import describe_error

logger = logging.getLogger(__name__)

LOGBOOK_FILE = "logbook.db"
# A person who writes again after this many quiet hours starts a new
# conversation: reviewers see shorter, less linkable stretches of a life.
CONVERSATION_GAP_HOURS = 6
HOUR_FORMAT = "%Y-%m-%d %H:00"
DAY_SECONDS = 24 * 3600
PURGE_EVERY_SECONDS = DAY_SECONDS
FALLBACK_INTENTS = ("nlu_fallback",)

CONVERSATIONS = {"label": str, "pseudonym": str, "started": str, "last": str}
TURNS = {"id": int, "conversation": str, "hour": str, "text": str, "language": str,
         "intent": str, "confidence": float, "entities": str, "answered_by": str,
         "degraded": int, "fallback": int}
ANNOTATIONS = {"id": int, "turn": int, "kind": str, "intent": str, "note": str,
               "author": str, "created": str}


def hour_of(seconds: float) -> str:
    return time.strftime(HOUR_FORMAT, time.gmtime(seconds))


def connect(path: Path) -> Database:
    """The logbook database, shared by the bot and the review page (two processes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(sqlite3.connect(path, timeout=10, check_same_thread=False))
    db.enable_wal()
    # In WAL mode this is still safe from corruption, and a turn costs no fsync.
    db.execute("PRAGMA synchronous = NORMAL")
    # Deleted rows are overwritten, not just unlinked from the b-tree.
    db.execute("PRAGMA secure_delete = ON")
    db["conversations"].create(CONVERSATIONS, pk="label", not_null=CONVERSATIONS,
                               if_not_exists=True)
    db["turns"].create(TURNS, pk="id", foreign_keys=[("conversation", "conversations")],
                       if_not_exists=True)
    db["annotations"].create(ANNOTATIONS, pk="id", foreign_keys=[("turn", "turns")],
                             if_not_exists=True)
    db["conversations"].create_index(["pseudonym"], if_not_exists=True)
    db["turns"].create_index(["conversation"], if_not_exists=True)
    db["turns"].create_index(["hour"], if_not_exists=True)
    db["annotations"].create_index(["turn"], if_not_exists=True)
    return db


class Logbook:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time):
        self.path = path
        self.clock = clock
        self.db = connect(path)
        # The turn observer runs on the event loop, erasure and purges in worker threads.
        self._lock = threading.Lock()

    def record(self, turn) -> None:
        """Keep one turn (a bot.conversation.Turn): the observer of every front."""
        record = turn.record or {}
        intent = record.get("intent")
        hour = hour_of(self.clock())
        with self._lock, self.db.atomic():
            label = self._conversation(turn.pseudonym, hour)
            self.db["turns"].insert({
                "conversation": label, "hour": hour, "text": turn.text,
                "language": turn.language, "intent": intent,
                "confidence": record.get("confidence"),
                "entities": json.dumps(record.get("entities") or [], ensure_ascii=False),
                "answered_by": record.get("answered_by"), "degraded": int(turn.degraded),
                "fallback": int(record.get("answered_by") == "fallback"
                                or intent in FALLBACK_INTENTS)})

    def _conversation(self, pseudonym: str, hour: str) -> str:
        """The label of the person's current conversation, a new one after a quiet gap."""
        row = next(self.db.query("SELECT label, last FROM conversations WHERE pseudonym = ? "
                                 "ORDER BY last DESC LIMIT 1", [pseudonym]), None)
        gap_start = hour_of(self.clock() - CONVERSATION_GAP_HOURS * 3600)
        if row and row["last"] >= gap_start:
            self.db["conversations"].update(row["label"], {"last": hour})
            return row["label"]
        label = new_label()
        self.db["conversations"].insert({"label": label, "pseudonym": pseudonym,
                                         "started": hour, "last": hour})
        return label

    def erase(self, pseudonym: str) -> int:
        """Remove everything of one person (/wipe); return how many turns there were."""
        with self._lock:
            with self.db.atomic():
                self.db.execute("DELETE FROM annotations WHERE turn IN (SELECT turns.id FROM turns "
                                "JOIN conversations ON conversations.label = turns.conversation "
                                "WHERE pseudonym = ?)", [pseudonym])
                erased = self.db.execute("DELETE FROM turns WHERE conversation IN (SELECT label "
                                         "FROM conversations WHERE pseudonym = ?)",
                                         [pseudonym]).rowcount
                self.db.execute("DELETE FROM conversations WHERE pseudonym = ?", [pseudonym])
            self._empty_wal()
        return erased

    def purge(self, retention_days: int) -> int:
        """Delete turns older than the retention period, then vacuum; return how many."""
        # A turn of hour H was written before H + 1 hour: it goes as soon as H itself is
        # past the retention period, never later.
        cutoff = hour_of(self.clock() - retention_days * DAY_SECONDS)
        with self._lock:
            with self.db.atomic():
                self.db.execute("DELETE FROM annotations WHERE turn IN "
                                "(SELECT id FROM turns WHERE hour <= ?)", [cutoff])
                purged = self.db.execute("DELETE FROM turns WHERE hour <= ?",
                                         [cutoff]).rowcount
                self.db.execute("DELETE FROM conversations WHERE label NOT IN "
                                "(SELECT conversation FROM turns)")
            self.db.vacuum()
            self._empty_wal()
        return purged

    def _empty_wal(self) -> None:
        # The write-ahead log still holds the pages as they were before the delete.
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def purge_daily(self, retention_days: int) -> None:
        """Purge now and then once a day, for as long as the front runs."""
        while True:
            try:
                purged = await asyncio.to_thread(self.purge, retention_days)
                logger.info("logbook: %d turns past %d days deleted", purged, retention_days)
            except Exception as error:  # a failed purge is retried tomorrow, the bot runs on
                logger.error("logbook purge failed: %s", describe_error(error))
            await asyncio.sleep(PURGE_EVERY_SECONDS)

    def close(self) -> None:
        self.db.close()


def new_label() -> str:
    """A random conversation label, like 7KQ2-M9XD, that says nothing about anyone."""
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L to misread
    chars = "".join(secrets.choice(alphabet) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def attach_logbook(conversation, settings) -> Logbook:
    """Keep every turn of a conversation path (bot.conversation.Conversation), erase a
    person with it, and purge past retention while a front runs."""
    logbook = Logbook(settings.data_dir / LOGBOOK_FILE)
    conversation.on_turn.append(logbook.record)
    conversation.erasers.append(logbook.erase)
    conversation.chores.append(partial(logbook.purge_daily, settings.retention_days))
    return logbook
