"""Settings from the environment, in one place (names in ../shared/DESIGN.md)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    telegram_token: str | None
    telegram_api_base_url: str | None
    public_url: str | None
    rasa_port: int
    action_port: int
    model: Path
    webhook_port: int = 8443  # where the webhook listens on loopback, behind the HTTPS proxy
    retention_days: int = 30  # how long redacted conversations are kept (said in /privacy)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/webhook"

    @property
    def tracker_db(self) -> Path:
        """Rasa's SQL tracker store (endpoints.yml): pseudonyms and redacted text only."""
        return self.data_dir / "tracker.db"


def load_settings() -> Settings:
    env = os.environ.get
    data_dir = Path(env("PEERLINE_DATA_DIR") or ROOT / "var")
    return Settings(
        data_dir=data_dir,
        telegram_token=env("TELEGRAM_BOT_TOKEN") or None,
        telegram_api_base_url=env("TELEGRAM_API_BASE_URL") or None,
        public_url=env("PEERLINE_PUBLIC_URL") or None,
        rasa_port=int(env("PEERLINE_RASA_PORT") or 5005),
        action_port=int(env("PEERLINE_ACTION_PORT") or 5055),
        model=Path(env("PEERLINE_MODEL") or ROOT / "models" / "peerline.tar.gz"),
        webhook_port=int(env("PEERLINE_WEBHOOK_PORT") or 8443),
        retention_days=int(env("PEERLINE_RETENTION_DAYS") or 30),
    )
