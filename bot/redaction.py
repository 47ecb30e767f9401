"""Removing personal data from text before it leaves the front.

Each detector finds spans of one kind on the original text; overlapping spans
are merged and each merged span becomes one typed placeholder ([phone],
[email], ...), so reviewers still see what kind of thing was said. What
reviewers need to understand a message survives: city names, short emergency
and helpline numbers (112, 999, 911, 116 006), small amounts, durations,
years. Where a rule has to guess, it guesses towards removing: a leaked number
can cost a person far more than a reviewer loses to a placeholder.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterator

import phonenumbers

# Where our users live and come from, most common first: the search stops at
# the first region that explains a whole candidate.
REGIONS = ("GB", "FR", "DE", "ES", "IT", "NL", "BE", "IE", "PT", "RO", "BG", "HU", "PL",
           "AL", "UA", "RU", "TH", "CN", "BR", "NG", "SE", "NO", "DK", "FI", "CH", "AT",
           "GR", "CZ", "US")
# phonenumbers costs milliseconds a candidate; past this many in one text only
# the cheap shape rules decide (they remove every long number all the same).
MAX_PHONE_CANDIDATES = 20

Span = tuple[int, int, str]

# Words after a number that make it an amount or a duration, not an address,
# an identifier or a phone number: stems in our 15 languages, currency signs.
UNITS = (
    r"(?:%|€|\$|£|¥|₽|₴|元|块|บาท|"
    r"h\b|hrs?\b|hours?|min|sec|days?|weeks?|months?|years?|yrs?|times|"
    r"hora|heure|stund|ore\b|óra|godz|orë|час|годин|minut|мин|perc|นาที|分钟|小时|"
    r"día|dia\b|dias|jour|tag|giorn|dzie|zi\b|zile|ден|дн|nap\b|ditë|วัน|天|"
    r"semana|semaine|woche|settiman|tydz|săpt|седмиц|недел|тиж|hét|javë|สัปดาห์|周|"
    r"mes\b|meses|mois|monat|mese|mies|lun|месец|месяц|місяц|hónap|muaj|เดือน|个月|"
    r"año|ano\b|anos|an\b|ans\b|jahr|anni|anno|rok|lat\b|година|год|лет|рік|років|év|vit|"
    r"vjet|ปี|年|eur|euro|lei\b|leu\b|lev\b|лв|zł|zl\b|pln|gbp|usd|dollar|pound|chf|kr\b|"
    r"ft\b|huf|czk|rub|руб|грн|uah|lek\b|baht|thb|yuan|rmb)"
)
NOT_UNIT = rf"(?!\s*{UNITS})"
CURRENCY_SIGNS = "€$£¥₽₴"
# Letters of any script, Thai vowel marks included (the two alternatives never
# match the same character: overlapping ones backtrack exponentially). Chinese
# and Thai have no spaces, so patterns for ASCII things look only for ASCII
# neighbours.
THAI = "\u0e00-\u0e7f"
LETTER = rf"(?:[^\W\d_{THAI}]|[{THAI}])"
ASCII_BEFORE = r"(?<![A-Za-z0-9])"
ASCII_AFTER = r"(?![A-Za-z0-9])"

# An address begins where a word begins (which also keeps the search linear on
# long words); Chinese and Thai letters around it are never part of it.
NOT_CJK = r"(?![\u0e00-\u0e7f\u3000-\u9fff])"
EMAIL = re.compile(rf"(?<!{NOT_CJK}[\w.+-])(?:{NOT_CJK}[\w.+-])+"
                   rf"@(?:{NOT_CJK}[\w-])+(?:\.(?:{NOT_CJK}[\w-])+)+")

# Top-level domains that are also common words (t.me, do.it) count only with a path.
TLDS = ("com|net|org|info|biz|io|app|xyz|online|site|club|live|link|ly|gg|tv|onion|eu|uk|ie|"
        "fr|de|es|nl|be|se|dk|fi|pt|ch|at|pl|ro|bg|hu|gr|cz|sk|al|ua|ru|th|cn|br|ng|us|ca|au")
PATH_TLDS = "me|to|it|no|in|co|cc|so"
URL = re.compile(
    rf"{ASCII_BEFORE}(?:(?:https?|ftp)://|www\.)[^\s<>\"]+"
    rf"|(?<![A-Za-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    rf"(?:(?:{TLDS}){ASCII_AFTER}(?:/[^\s<>\"]*)?|(?:{PATH_TLDS})/[^\s<>\"]*)",
    re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}'\"»"

HANDLE = re.compile(r"(?<![A-Za-z0-9_@.])@[A-Za-z_][A-Za-z0-9_.]{1,31}")
# A handle written without "@" after the platform's name: "snap: lucia.x99",
# "insta is ana_sweet". After a colon any name counts; after "is" and its kin
# only one with a digit, "_" or "." in it, so "telegram is safer" stays.
PLATFORM_HANDLE = re.compile(
    r"(?<![A-Za-z])(?i:insta(?:gram)?|ig|snap(?:chat)?|sc|tik ?tok|twitter|telegram|tg|"
    r"whats ?app|wa|kik|skype|only ?fans|of|signal|viber|wechat|facebook|fb|vk|threads|"
    r"discord)(?![A-Za-z])\s*(?:(?P<colon>[:=])\s*|(?i:is|es|é|è|ist|est|e|este|jest)\s+)"
    r"(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{1,31})")

IBAN_CANDIDATE = re.compile(rf"{ASCII_BEFORE}[A-Z]{{2}}\d{{2}}(?:[ ]?[A-Z0-9]){{11,30}}",
                            re.IGNORECASE)
IBAN_LENGTHS = {entry[:2]: int(entry[2:]) for entry in (
    "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 "
    "DK18 DO28 EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 "
    "IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 "
    "ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 "
    "SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20").split()}

CARD_CANDIDATE = re.compile(r"(?<![\d+])[2-6](?:[ -]?\d){12,18}(?!\d)")

IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")

YEAR = r"(?:19|20|25)\d{2}"  # 25xx: the Thai calendar
# How month names (and their short forms) begin in our 15 languages.
MONTH_WORD = (
    r"(?:jan|feb|f[eé]v|mar|m[aä]r|apr|avr|abr|[aá]pr|pri|ma[iyj]|m[aá]j|jun|juin|j[uú]n|iun|"
    r"giu|jul|juil|j[uú]l|iul|lug|aug|ago|ao[uû]t|gush|sep|sept|set|szept|sht|oct|okt|ott|out|"
    r"tet|nov|noi|n[eë]n|dec|d[eé]c|dez|dic|dhj|ene|ian|genn|stycz|lut|marz|kwie|czerw|lip|"
    r"sierp|wrze|pa[zź]dz|listop|grud|shk|qer|korr|"
    r"янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек|яну|юни|юли|сеп|ное|"
    r"січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|"
    r"มกรา|กุมภา|มีนา|เมษา|พฤษภา|มิถุนา|กรกฎา|สิงหา|กันยา|ตุลา|พฤศจิกา|ธันวา)"
    rf"{LETTER}{{0,12}}\.?")
DATES = (
    re.compile(rf"(?<![\d.])(\d{{1,2}})[./-](\d{{1,2}})[./-](?:{YEAR}|\d{{2}})(?![\d]|[./-]\d)"),
    re.compile(rf"(?<!\d){YEAR}[./-](\d{{1,2}})[./-](\d{{1,2}})(?!\d)"),
    re.compile(rf"(?<!\d)\d{{1,2}}(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?{MONTH_WORD}"
               rf",?\s+(?:de\s+|del\s+)?{YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"\b{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<!\d){YEAR}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*[日号])?"),
)

# A run of digits that may be a phone number, written any way people write them.
PHONE_CANDIDATE = re.compile(rf"(?<![A-Za-z0-9+])(?:\+|\(\+?)?\d[\d \t().\-/]{{4,}}\d"
                             rf"{ASCII_AFTER}")
PHONE_SHAPE = re.compile(r"^(?:\+|\(|0)")  # how a dialled number starts, not an amount
MAX_PHONE_DIGITS = 15  # E.164; a longer run is several numbers in a row
YEAR_RANGE = re.compile(rf"^{YEAR}\s*[-/]\s*{YEAR}$")
UNIT_AFTER = re.compile(rf"\s*{UNITS}", re.IGNORECASE)

# Streets: a street word with a name and a house number, in our languages.
NAME_STOP = ("the|on|in|at|to|from|of|and|or|near|by|for|with|my|his|her|their|your|a|an|"
             "every|each|last|next|per|about|h|hours?|min|minutes?|days?|weeks?|months?|years?")
# Words are bounded in length so that no search backtracks over a whole message.
NAME = rf"(?!(?:{NAME_STOP})\b){LETTER}[\w'’{THAI}-]{{0,40}}\.?"
NUMBER = r"\d{1,4}[a-zA-Z]?(?:\s?[/-]\s?\d{1,4})?\b"
STREET_BEFORE = (  # written before the street's name; words that are also common words
    # elsewhere ("via", "largo", "corso") count only with a capital
    r"(?:rue|avenue|av\.|avda\.?|avenida|boulevard|bd\.|bld\.|blvd\.?|chemin|allée|impasse|quai|"
    r"calle|c/|carrer|paseo|plaza|camino|rua|travessa|praça|(?-i:Via|VIA|Largo|Corso)|viale|"
    r"piazza|vicolo|strada|str\.|bulevardul|calea|aleea|splaiul|piața|ulica|ul\.|aleja|al\.|"
    r"plac|osiedle|os\.|улица|ул\.|бульвар|бул\.|булевард|проспект|пр-т|пр\.|переулок|пер\.|"
    r"вулиця|вул\.|провулок|площа|площадь|rruga|rr\.|bulevardi|ถนน|ถ\.|ซอย|ซ\.)")
STREET_AFTER = (  # written after the street's name
    r"(?:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|crescent|terrace|gardens|grove|"
    r"boulevard|blvd\.?|utca|u\.|út|útja|tér|körút|krt\.|gate|gata|gatan|vägen|vej|gade|veien|"
    r"straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|straat|laan|gracht|plein|kade)")
COMPOUND_STREET = (rf"[^\W\d_{THAI}]{{1,40}}(?:straße|strasse|str\.|weg|gasse|platz|allee|"
                   r"damm|ufer|straat|laan|gracht|plein|kade|gatan|vägen|gata|gade|vej|veien)")
ADDRESSES = (
    re.compile(rf"\b{STREET_BEFORE}\s*(?:{NAME},?\s+){{1,5}}{NUMBER}{NOT_UNIT}", re.IGNORECASE),
    re.compile(rf"(?<![\d.,])\b{NUMBER},?\s+(?:{STREET_BEFORE}(?:\s+{NAME}){{1,4}}"
               rf"|(?:{NAME}\s+){{1,3}}{STREET_AFTER}(?!\w))", re.IGNORECASE),
    re.compile(rf"\b(?:(?:{NAME}\s+){{1,3}}{STREET_AFTER}|{COMPOUND_STREET}),?\s+{NUMBER}"
               rf"{NOT_UNIT}", re.IGNORECASE),
    re.compile(r"[\u4e00-\u9fff]{1,12}(?:路|街|道|巷|弄)\s*\d{1,5}\s*[号號]?"),
)

# Identifiers: passport, ID card and tax numbers are long digit runs or mix
# ASCII letters and digits; six digits in one word is never a small amount.
ID_TOKEN = re.compile(rf"(?<![A-Za-z0-9{CURRENCY_SIGNS}])[A-Za-z0-9]*\d[A-Za-z0-9]*"
                      rf"(?![A-Za-z0-9{CURRENCY_SIGNS}]){NOT_UNIT}")
ID_DIGITS = 6


def _emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield match.start(), match.end(), "email"


def _urls(text: str) -> Iterator[Span]:
    for match in URL.finditer(text):
        end = match.end()
        while end > match.start() and text[end - 1] in TRAILING_PUNCTUATION:
            end -= 1
        yield match.start(), end, "url"


def _handles(text: str) -> Iterator[Span]:
    for match in HANDLE.finditer(text):
        yield match.start(), match.start() + len(match.group().rstrip(".")), "handle"
    for match in PLATFORM_HANDLE.finditer(text):
        handle = match["handle"].rstrip(".")
        if any(ch.isalpha() for ch in handle) and (
                match["colon"] or any(ch.isdigit() or ch in "_." for ch in handle)):
            yield match.start("handle"), match.start("handle") + len(handle), "handle"


def _longest_valid(match: re.Match, lengths: list[int],
                   valid: Callable[[str], bool]) -> int | None:
    """The end of the longest prefix of the match (spaces ignored) that passes `valid`."""
    positions = [i for i, ch in enumerate(match.group()) if ch.isalnum()]
    compact = "".join(match.group()[i] for i in positions).upper()
    for length in sorted(lengths, reverse=True):
        if 0 < length <= len(compact) and valid(compact[:length]):
            return match.start() + positions[length - 1] + 1
    return None


def iban_valid(iban: str) -> bool:
    """ISO 13616: the first four characters moved to the end, read as a number, mod 97 is 1."""
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def _ibans(text: str) -> Iterator[Span]:
    for match in IBAN_CANDIDATE.finditer(text):
        length = IBAN_LENGTHS.get(match.group()[:2].upper(), 0)
        end = _longest_valid(match, [length], iban_valid)
        if end:
            yield match.start(), end, "iban"


def luhn_valid(number: str) -> bool:
    total = 0
    for position, digit in enumerate(int(ch) for ch in reversed(number)):
        if position % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def _cards(text: str) -> Iterator[Span]:
    for match in CARD_CANDIDATE.finditer(text):
        end = _longest_valid(match, list(range(13, 20)), luhn_valid)
        if end:
            yield match.start(), end, "card"


def _ips(text: str) -> Iterator[Span]:
    for pattern in (IPV4, IPV6):
        for match in pattern.finditer(text):
            try:
                ipaddress.ip_address(match.group())
            except ValueError:
                continue
            yield match.start(), match.end(), "ip"


def _is_day_and_month(a: str, b: str) -> bool:
    first, second = int(a), int(b)
    return 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12


def _dates(text: str) -> Iterator[Span]:
    for pattern in DATES:
        for match in pattern.finditer(text):
            if not match.groups() or _is_day_and_month(*match.groups()):
                yield match.start(), match.end(), "date"


def _phone_matches(candidate: str) -> list[tuple[int, int]]:
    """Where phonenumbers finds numbers in the candidate, over our users' regions."""
    found: set[tuple[int, int]] = set()
    for region in REGIONS:
        found.update((m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(candidate, region))
        if (0, len(candidate)) in found:
            break
    return sorted(found)


def _phones(text: str, taken: list[Span]) -> Iterator[Span]:
    checked = 0
    for match in PHONE_CANDIDATE.finditer(text):
        candidate, start = match.group(), match.start()
        digits = sum(ch.isdigit() for ch in candidate)
        if (digits < 6 or YEAR_RANGE.match(candidate) or UNIT_AFTER.match(text, match.end())
                or any(s <= start and match.end() <= e for s, e, _ in taken)):
            continue
        # Numbers written the way phones are go whatever phonenumbers says: new
        # ranges, typos and made-up examples are still numbers someone can be
        # called on. A bare run of digits is left to phonenumbers, then to _ids.
        shaped = PHONE_SHAPE.match(candidate) or not candidate.isdigit()
        if digits > MAX_PHONE_DIGITS or (shaped and digits >= 10) or (
                digits >= 8 and PHONE_SHAPE.match(candidate)):
            yield start, match.end(), "phone"
            continue
        checked += 1
        if checked <= MAX_PHONE_CANDIDATES:
            for begin, end in _phone_matches(candidate):
                yield start + begin, start + end, "phone"


def _addresses(text: str) -> Iterator[Span]:
    for pattern in ADDRESSES:
        for match in pattern.finditer(text):
            yield match.start(), match.end(), "address"


def _ids(text: str) -> Iterator[Span]:
    for match in ID_TOKEN.finditer(text):
        if sum(ch.isdigit() for ch in match.group()) >= ID_DIGITS:
            yield match.start(), match.end(), "id"


# In order of precedence: where spans overlap, the first detector names the whole.
DETECTORS: tuple[Callable[[str], Iterator[Span]], ...] = (
    _emails, _urls, _ibans, _cards, _ips, _dates, _phones, _handles, _addresses, _ids)


def find(text: str) -> list[Span]:
    """The personal data in the text, as merged, non-overlapping, typed spans."""
    found: list[Span] = []
    ranks: dict[str, int] = {}
    for rank, detector in enumerate(DETECTORS):
        # Phone numbers are the costly search: skip what is already found.
        spans = detector(text, found) if detector is _phones else detector(text)
        for start, end, label in spans:
            if end > start:
                found.append((start, end, label))
                ranks.setdefault(label, rank)
    merged: list[list] = []
    for start, end, label in sorted(found):
        if merged and start < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if ranks[label] < ranks[last[2]]:
                last[2] = label
        else:
            merged.append([start, end, label])
    return [(start, end, label) for start, end, label in merged]


def warm_up() -> None:
    """Load phonenumbers' data for every region now, not during someone's first message."""
    for region in REGIONS:
        list(phonenumbers.PhoneNumberMatcher("0612 345 678", region))


def redact(text: str) -> str:
    """The text with each piece of personal data replaced by its [type]."""
    for start, end, label in reversed(find(text)):
        text = f"{text[:start]}[{label}]{text[end:]}"
    return text
