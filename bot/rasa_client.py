"""Talking to the Rasa server over its REST channel."""

from __future__ import annotations

import httpx

TIMEOUT = httpx.Timeout(5.0, connect=1.0)


class RasaUnavailable(Exception):
    """Rasa or its action server did not answer in time (the cause is not user text)."""


class RasaClient:
    def __init__(self, base_url: str, timeout: httpx.Timeout = TIMEOUT):
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout)

    async def send(self, sender: str, text: str, metadata: dict) -> list[dict]:
        """Rasa's answer to one message; an empty answer means the actions failed."""
        try:
            response = await self._client.post(
                "/webhooks/rest/webhook",
                json={"sender": sender, "message": text, "metadata": metadata})
            response.raise_for_status()
            messages = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from None
        if not messages:
            raise RasaUnavailable("empty answer")
        return messages

    async def healthy(self) -> bool:
        try:
            return (await self._client.get("/")).status_code == 200
        except httpx.HTTPError:
            return False

    async def close(self) -> None:
        await self._client.aclose()
