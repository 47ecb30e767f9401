"""Which of the 15 languages a message is in, and which one to answer in.

Short phone messages defeat statistical detection alone, so the decision is
layered: the script settles Thai, Chinese and (with a few letters) the three
Cyrillic languages; letters found in only one language and frequent words
settle most short Latin messages; langdetect, seeded and restricted to our
languages, weighs the rest. A detection is `confident` only when it is clear,
and only a confident detection may switch a language the person already uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.language_words import UNIVERSAL, WORDS

SUPPORTED = ("en", "es", "pt", "ro", "bg", "hu", "pl", "sq", "uk", "ru", "fr", "de", "it",
             "th", "zh")
DEFAULT = "en"
CYRILLIC = ("uk", "ru", "bg")
LATIN = tuple(code for code in SUPPORTED if code not in CYRILLIC + ("th", "zh"))

# Letters that, among our 15 languages, only one language writes.
UNIQUE_LETTERS = {
    "hu": "őű", "pl": "łąęśźżń", "ro": "șşțţă", "es": "ñ¿¡", "pt": "ãõ", "de": "ß",
    "sq": "ë", "uk": "іїєґ", "ru": "ыэё",
}
# Frequent Bulgarian and Russian/Ukrainian words, where letters do not decide.
CYRILLIC_WORDS = {
    "bg": """съм си сме сте са какво къде кога защо благодаря здравей здрасти искам мога
        работя полицията помощ нямам няма имам ли ще трябва сега тук мен един една много
        днес утре моля добре хотела телефона паспорта нещо някой някога всичко тя той
        ние вие те ги му й ме ви нас вас кой коя кое колко също само вече пак""",
    "ru": """что где как когда почему спасибо привет здравствуйте хочу могу можно мне меня
        нужна нужно помощь полиция работаю нет есть это он она они вы ты сейчас здесь
        очень устала устал сегодня завтра вчера ещё еще только тоже уже тебя кто денег
        пожалуйста подскажите напишу повторите извините клиент клиента заплатил пропала
        назад ночь три два привет приветики всем плз щас""",
    "uk": """що де як коли чому дякую привіт хочу можу мені мене потрібна допомога поліція
        працюю немає нема є це він вона ви ти зараз тут будь ласка хтось вибач вибачте
        можеш гаразд спробую сьогодні завтра вчора вже тільки також треба грошей квиток
        дуже втомилась втомився помилилась подзвонити допомогти""",
}
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
ANNOTATION = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")
NLU_DIR = Path(__file__).resolve().parents[1] / "data" / "nlu"


def _script(char: str) -> str:
    if "\u0e00" <= char <= "\u0e7f":
        return "th"
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff":
        return "zh"
    if "\u0400" <= char <= "\u04ff":
        return "cyrillic"
    if char.isalpha() and unicodedata.name(char, "").startswith("LATIN"):
        return "latin"
    return "other"


def _unique_words(word_lists: dict[str, str]) -> dict[str, set[str]]:
    """Each language's word list, less any word another list also claims."""
    lists = {code: set(words.split()) for code, words in word_lists.items()}
    counts = Counter(word for words in lists.values() for word in words)
    return {code: {w for w in words if counts[w] == 1} for code, words in lists.items()}


def _corpus_words(min_count: int = 2) -> dict[str, str]:
    """Words of each language's NLU examples (data/nlu/LANG.yml), as typed by people.

    Thousands of real chat words per language, with their typos and slang; the
    ones that occur in several languages' files drop out in _unique_words.
    """
    counts: dict[str, Counter] = {}
    for code in SUPPORTED:
        path = NLU_DIR / f"{code}.yml"
        if path.exists():
            text = ANNOTATION.sub(r"\1", path.read_text(encoding="utf-8")).lower()
            counts[code] = Counter(WORD.findall(text))
    return {code: " ".join(w for w, n in c.items() if n >= min_count) for code, c in counts.items()}


def _merged(*lists: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for word_lists in lists:
        for code, words in word_lists.items():
            merged[code] = merged.get(code, "") + " " + words
    return merged


_CORPUS = _corpus_words()
UNIQUE_WORDS = _unique_words(_merged(WORDS, {c: w for c, w in _CORPUS.items() if c in LATIN}))
UNIQUE_CYRILLIC_WORDS = _unique_words(
    _merged(CYRILLIC_WORDS, {c: w for c, w in _CORPUS.items() if c in CYRILLIC}))


@dataclass(frozen=True)
class Detection:
    language: str  # the best guess, always one of SUPPORTED
    confident: bool  # clear enough to switch a language already in use


@lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0  # the same text always gives the same answer
    return factory


def langdetect_scores(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """langdetect's probabilities, restricted to the given languages."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.set_prior_map({code: 1.0 for code in languages})
    detector.append(text)
    try:
        return {p.lang: p.prob for p in detector.get_probabilities() if p.lang in languages}
    except LangDetectException:
        return {}


def _letter_votes(text: str, languages: tuple[str, ...]) -> Counter:
    return Counter({code: sum(text.count(ch) for ch in UNIQUE_LETTERS.get(code, ""))
                    for code in languages})


def _word_votes(words: list[str], vocabularies: dict[str, set[str]]) -> Counter:
    return Counter({code: sum(word in vocab for word in words)
                    for code, vocab in vocabularies.items()})


def _decide(text: str, words: list[str], languages: tuple[str, ...],
            vocabularies: dict[str, set[str]]) -> Detection:
    letters = _letter_votes(text, languages)
    hits = _word_votes(words, vocabularies)
    votes = (hits + letters).most_common(2)  # Counter addition keeps positive counts only
    if len(votes) == 1 and votes[0][1] >= 2:
        # Two words or letters of one language and none of any other: clear
        # enough, and langdetect is most of the cost of a message.
        return Detection(votes[0][0], True)
    statistics = langdetect_scores(text, languages)
    score = {code: statistics.get(code, 0.0) + 1.0 * hits[code] + 1.5 * letters[code]
             for code in languages}
    ranked = sorted(languages, key=lambda code: score[code], reverse=True)
    best, second = ranked[0], ranked[1]
    evidence = hits[best] + letters[best]
    margin = score[best] - score[second]
    confident = margin >= 0.5 and (evidence > 0 or len(words) >= 3)
    if len(words) == 1 and words[0] in UNIVERSAL:
        confident = False
    return Detection(best, confident)


def detect(text: str) -> Detection:
    """The language of one message, with whether the detection is clear."""
    text = unicodedata.normalize("NFC", text or "")
    lowered = text.lower()
    scripts = Counter(_script(char) for char in lowered)
    scripts.pop("other", None)
    if not scripts:
        return Detection(DEFAULT, False)
    script = scripts.most_common(1)[0][0]
    if script in ("th", "zh"):
        return Detection(script, True)
    words = WORD.findall(lowered)
    if script == "cyrillic":
        return _decide(lowered, words, CYRILLIC, UNIQUE_CYRILLIC_WORDS)
    return _decide(lowered, words, LATIN, UNIQUE_WORDS)


def resolve(text: str, chosen: str | None = None, current: str | None = None,
            telegram_code: str | None = None) -> str:
    """The language to answer in.

    The person's explicit choice wins. Otherwise a clear detection; otherwise
    the language they already use (sticky); otherwise Telegram's setting.
    """
    if chosen in SUPPORTED:
        return chosen
    detection = detect(text)
    if detection.confident:
        return detection.language
    if current in SUPPORTED:
        return current
    app_language = (telegram_code or "").split("-")[0].lower()
    if app_language in SUPPORTED:
        return app_language
    return detection.language
