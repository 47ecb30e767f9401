"""Removing personal data from text before it leaves the front.

A first version: e-mail addresses and phone numbers. The full rules come with
the Telegram front.
"""

from __future__ import annotations

import re

import phonenumbers

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REGIONS = ("GB", "IE", "FR", "DE", "ES", "NL", "BE", "SE", "NO", "IT", "PT", "RO", "BG",
           "HU", "PL", "AL", "UA", "RU", "TH", "CN")


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    spans = set()
    for region in REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            spans.add((match.start, match.end))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + "[phone]" + text[end:]
    return text
