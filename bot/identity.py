"""Pseudonyms: the only name Peerline ever has for a person.

A chat id becomes HMAC-SHA256(key, id). The key lives in a file of its own in
PEERLINE_DATA_DIR (mode 0600), never in a database, so a copied database
cannot be turned back into chat ids, and deleting the key unlinks everything.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_FILE = "pseudonym.key"


def load_or_create_key(data_dir: Path) -> bytes:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / KEY_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text().strip())
    key = secrets.token_bytes(32)
    with os.fdopen(fd, "w") as file:
        file.write(key.hex())
    return key


class Pseudonymizer:
    def __init__(self, key: bytes):
        self._key = key

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> Pseudonymizer:
        return cls(load_or_create_key(data_dir))

    def __call__(self, chat_id: int | str) -> str:
        return hmac.new(self._key, str(chat_id).encode(), hashlib.sha256).hexdigest()[:32]
