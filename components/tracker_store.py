"""Rasa's SQL tracker store on one SQLite file, with one open connection.

endpoints.yml names it; everything else is Rasa's own SQLTrackerStore.
SQLAlchemy 1.4 opens and closes a new SQLite connection for every session,
three for each message, which was a sixth of the Rasa server's time; one
Rasa process serves everyone from one event loop, so one connection, kept
open, does.

The file runs in write-ahead-log mode without an fsync at every commit: the
default mode cost 13 ms of fsync a message on this machine, during which
Rasa serves nobody. A power cut can lose the last turns, never the database.
Erasure (bot/tracker_store.py) works on the same file from the front's
process and empties the log after deleting.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore


def write_ahead(connection, _record) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")


class SQLiteTrackerStore(SQLTrackerStore):
    def __init__(self, db: str, **kwargs: Any) -> None:
        super().__init__(dialect="sqlite", db=db, **kwargs)
        self.engine.dispose()
        # One connection for the event loop's thread, kept open between sessions.
        self.engine = sa.create_engine(self.engine.url, poolclass=sa.pool.SingletonThreadPool,
                                       future=True)
        sa.event.listen(self.engine, "connect", write_ahead)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
