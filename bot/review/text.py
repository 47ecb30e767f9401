"""Showing logged text so that it cannot disguise itself or the page around it.

Control characters, bidirectional overrides and isolates, zero-width and other
invisible format characters can make a message look like something else
(reversed digits, a hidden word) or reorder the page around it. Every string
a review page shows passes through `neutralise` (the templates' finalize
hook) before HTML escaping, and each such character is shown as its code
point instead, so a reviewer sees that it was there.
"""

from __future__ import annotations

import unicodedata

from markupsafe import Markup

HIDDEN = ("Cc", "Cf", "Zl", "Zp", "Cs")
KEPT = "\n"  # line breaks are shown as line breaks


def neutralise(text: str) -> str:
    return "".join(f"\u27e8U+{ord(char):04X}\u27e9"
                   if unicodedata.category(char) in HIDDEN and char not in KEPT else char
                   for char in text)


def finalize(value: object) -> object:
    """Jinja's finalize hook: every plain string printed by a template is neutralised.

    Markup is the templates' own HTML (macros, the SVG charts), built from values
    that already went through here.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return neutralise(value)
    return value
