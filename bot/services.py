"""Starting and stopping the action server and the Rasa server processes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from bot.settings import ROOT, Settings
from bot.tracker_store import erase_sender

WARM_UP_SENDER = "warm-up"


def server_environment(settings: Settings) -> dict:
    env = dict(os.environ)
    env.update(
        PEERLINE_ACTION_URL=settings.action_url,
        PEERLINE_TRACKER_DB=str(settings.tracker_db),
        PYTHONPATH=str(ROOT),
        SANIC_HOST="127.0.0.1",  # the action server listens on loopback only
        # Debug logs carry user text; nothing below INFO is ever logged, and
        # bot.rasa_process blanks the text Rasa puts in its error events.
        LOG_LEVEL="INFO",
        LOG_LEVEL_LIBRARIES="ERROR",
        TF_CPP_MIN_LOG_LEVEL="3",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    return env


RASA = [sys.executable, "-m", "bot.rasa_process"]  # `rasa`, with user text kept out of its logs


def action_server_command(settings: Settings) -> list[str]:
    return [*RASA, "run", "actions", "--actions", "actions", "--port", str(settings.action_port)]


def rasa_server_command(settings: Settings) -> list[str]:
    return [*RASA, "run", "--model", str(settings.model),
            "--interface", "127.0.0.1", "--port", str(settings.rasa_port),
            "--credentials", str(ROOT / "credentials.yml"),
            "--endpoints", str(ROOT / "endpoints.yml")]


def free_port() -> int:
    """A loopback port that nothing listens on now (for tests and the benchmark)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with status {process.returncode}; see its log")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def warm_up(settings: Settings, timeout: float = 120.0) -> None:
    """Rasa finishes loading its model during the first message it handles, which can
    take longer than the front waits: take that time now, not in someone's first message."""
    httpx.post(f"{settings.rasa_url}/webhooks/rest/webhook", timeout=timeout,
               json={"sender": WARM_UP_SENDER, "message": "hello", "metadata": {}})
    erase_sender(settings.tracker_db, WARM_UP_SENDER)


class Services:
    """The two Rasa processes, logging to files in PEERLINE_DATA_DIR/logs."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.logs = settings.data_dir / "logs"
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, name: str) -> subprocess.Popen:
        command = {"actions": action_server_command,
                   "rasa": rasa_server_command}[name](self.settings)
        self.logs.mkdir(parents=True, exist_ok=True)
        log = open(self.logs / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command, cwd=ROOT, env=server_environment(self.settings),
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        return self.processes[name]

    def start_all(self, timeout: float = 180.0) -> None:
        actions = self.start("actions")
        rasa = self.start("rasa")
        try:
            wait_until_up(self.settings.action_url.replace("/webhook", "/health"), actions,
                          timeout)
            wait_until_up(self.settings.rasa_url, rasa, timeout)
            warm_up(self.settings)
        except BaseException:  # a server that failed must not leave the other one running
            self.stop_all()
            raise

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def __enter__(self) -> Services:
        self.start_all()
        return self

    def __exit__(self, *exc) -> None:
        self.stop_all()
