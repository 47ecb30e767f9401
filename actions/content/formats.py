"""What a text field must look like: ids, web addresses, phone numbers, e-mails.

Each check returns a message for the editor when the text is wrong, else None.
Phone numbers are read as dialled in the file's country (`region`); for
Europe-wide content there is no country, so they must be international.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import phonenumbers

from actions.content import schema


def region_of(code: str) -> str | None:
    """The phonenumbers region of a country folder; None for any and for unknown codes."""
    region = code.upper()
    return region if len(code) == 2 and region in phonenumbers.SUPPORTED_REGIONS else None


def _id_problem(value: str, region: str | None) -> str | None:
    if not re.fullmatch(schema.ID_PATTERN, value):
        return f"'{value}' is not a valid id; use only lower-case letters, digits and -"
    return None


def _language_code_problem(value: str, region: str | None) -> str | None:
    if not re.fullmatch(schema.LANGUAGE_CODE_PATTERN, value):
        return f"'{value}' is not a language code (ISO 639-1, two letters in lower case, like fr)"
    return None


def _url_problem(value: str, region: str | None) -> str | None:
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme not in ("http", "https"):
        return f"'{value}' is not a web address; it must start with https:// (or http://)"
    if not host or "." not in host or any(c.isspace() for c in value):
        return f"'{value}' is not a web address; after {parts.scheme}:// comes a site name," \
               " like example.org"
    return None


def _parse_phone(value: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None


def _is_short_number(value: str, region: str) -> bool:
    number = _parse_phone(value, region)
    return number is not None and phonenumbers.is_valid_short_number_for_region(number, region)


def _phone_problem(value: str, region: str | None) -> str | None:
    number = _parse_phone(value, region)
    if number is not None and phonenumbers.is_valid_number(number):
        return None
    if region and _is_short_number(value, region):  # helplines like 116 006
        return None
    if region is None:
        return f"'{value}' is not a phone number in international format; write it with +" \
               " and the country code"
    return f"'{value}' is not a valid phone number in {region}; copy it exactly as the" \
           " organisation publishes it"


def _email_problem(value: str, region: str | None) -> str | None:
    if not re.fullmatch(r"[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+", value):
        return f"'{value}' is not an e-mail address"
    return None


def _emergency_number_problem(value: str, region: str | None) -> str | None:
    if region is None:
        if not re.fullmatch(r"\d{2,4}", value):
            return f"'{value}' is not an emergency number; write only its digits, like 112"
    # Not only the metadata's emergency numbers: Spain's police 091 is a short number.
    elif not (phonenumbers.is_emergency_number(value, region) or _is_short_number(value, region)):
        return f"'{value}' is not an emergency number in {region}"
    return None


FORMATS = {"id": _id_problem, "language_code": _language_code_problem, "url": _url_problem,
           "phone": _phone_problem, "email": _email_problem,
           "emergency_number": _emergency_number_problem}
