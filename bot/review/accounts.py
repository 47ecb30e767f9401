"""Volunteers' accounts, their sessions and the audit log (review.db).

Passwords are hashed with Argon2id. A session is a random token in a cookie;
only its SHA-256 is stored, so a copy of review.db cannot be used to log in.
Sessions end after IDLE_SECONDS without a request and MAX_SECONDS after
log-in, whichever comes first: review pages are often read on shared
computers.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlite_utils import Database

REVIEW_FILE = "review.db"
ROLES = ("reviewer", "admin")
USERNAME = re.compile(r"[A-Za-z0-9._-]{1,40}")
MIN_PASSWORD = 12
IDLE_SECONDS = 30 * 60
MAX_SECONDS = 8 * 3600
# Failed log-ins per account before it is refused for FAILURE_WINDOW seconds.
MAX_FAILURES = 5
FAILURE_WINDOW = 15 * 60

HASHER = PasswordHasher()
# Verified when the account does not exist, so that the answer takes as long
# and does not tell which names have accounts.
DUMMY_HASH = HASHER.hash(secrets.token_urlsafe(16))


class AccountError(ValueError):
    """A refused account change, with a message for the admin."""


@dataclass(frozen=True)
class Session:
    username: str
    role: str
    csrf: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.clock = clock
        self.db = Database(sqlite3.connect(path, timeout=10, check_same_thread=False))
        self.db.enable_wal()
        self.db["users"].create({"username": str, "password_hash": str, "role": str},
                                pk="username", if_not_exists=True)
        self.db["sessions"].create({"token_hash": str, "username": str, "csrf": str,
                                    "created": float, "seen": float},
                                   pk="token_hash", if_not_exists=True)
        self.db["audit"].create({"id": int, "at": str, "username": str, "action": str,
                                 "conversation": str}, pk="id", if_not_exists=True)
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    # -- accounts -----------------------------------------------------------------------

    def add_user(self, username: str, password: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        if not USERNAME.fullmatch(username):
            raise AccountError("a user name is 1 to 40 letters, digits, '.', '-' or '_'")
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"passwords have at least {MIN_PASSWORD} characters")
        if self.db["users"].count_where("username = ?", [username]):
            raise AccountError(f"{username} already has an account")
        self.db["users"].insert({"username": username, "password_hash": HASHER.hash(password),
                                 "role": role})

    def remove_user(self, username: str) -> bool:
        with self.db.atomic():
            self.db.execute("DELETE FROM sessions WHERE username = ?", [username])
            return self.db.execute("DELETE FROM users WHERE username = ?",
                                   [username]).rowcount > 0

    def check_password(self, username: str, password: str) -> bool:
        """True for the right password; refuses an account with too many recent failures."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._failures.get(username, []) if now - t < FAILURE_WINDOW]
            self._failures[username] = recent
        row = next(self.db.query("SELECT password_hash FROM users WHERE username = ?",
                                 [username]), None)
        try:
            HASHER.verify(row["password_hash"] if row else DUMMY_HASH, password)
            right = row is not None and len(recent) < MAX_FAILURES
        except (VerificationError, InvalidHashError):
            right = False
        if not right:
            with self._lock:
                self._failures.setdefault(username, []).append(now)
        return right

    # -- sessions -----------------------------------------------------------------------

    def start_session(self, username: str) -> str:
        """A new session for a user who just logged in; return its cookie token."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        self.db["sessions"].insert({"token_hash": token_hash(token), "username": username,
                                    "csrf": secrets.token_urlsafe(32), "created": now,
                                    "seen": now})
        return token

    def session(self, token: str | None) -> Session | None:
        """The live session of this token (its idle time restarts), or None."""
        if not token:
            return None
        now = self.clock()
        # Expired sessions of anyone go at the same time: they are of no more use.
        self.db.execute("DELETE FROM sessions WHERE seen < ? OR created < ?",
                        [now - IDLE_SECONDS, now - MAX_SECONDS])
        row = next(self.db.query(
            "SELECT sessions.username, role, csrf FROM sessions JOIN users USING (username) "
            "WHERE token_hash = ?", [token_hash(token)]), None)
        if row is None:
            return None
        self.db.execute("UPDATE sessions SET seen = ? WHERE token_hash = ?",
                        [now, token_hash(token)])
        return Session(row["username"], row["role"], row["csrf"])

    def end_session(self, token: str) -> None:
        self.db.execute("DELETE FROM sessions WHERE token_hash = ?", [token_hash(token)])

    # -- audit --------------------------------------------------------------------------

    def audit(self, username: str, action: str, conversation: str | None = None) -> None:
        at = time.strftime("%Y-%m-%d %H:%M", time.gmtime(self.clock()))
        self.db["audit"].insert({"at": at, "username": username, "action": action,
                                 "conversation": conversation})

    def audit_log(self, limit: int = 500) -> list[dict]:
        return list(self.db.query("SELECT at, username, action, conversation FROM audit "
                                  "ORDER BY id DESC LIMIT ?", [limit]))
