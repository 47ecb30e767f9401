"""Language identification on short messages: bot/language.py against raw langdetect.

Two sets of messages of 1 to 6 words, one a line, written apart from the NLU
training data: eval/language/LANG.txt was used while tuning the word lists in
bot/language_words.py (its mistakes are printed); eval/language_test/LANG.txt
was written afterwards by someone who saw neither, and is the honest figure.
Prints JSON.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from bot.language import SUPPORTED, detect

SETS = {"tuning": Path(__file__).parent / "language",
        "held_out": Path(__file__).parent / "language_test"}


def raw_langdetect(text: str) -> str:
    DetectorFactory.seed = 0
    try:
        return detect_langs(text)[0].lang.split("-")[0]
    except LangDetectException:
        return "unknown"


def load_set(folder: Path = SETS["tuning"]) -> list[tuple[str, str]]:
    return [(path.stem, line.strip())
            for path in sorted(folder.glob("*.txt")) if path.stem in SUPPORTED
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(folder: Path, show_mistakes: bool) -> dict:
    rows = load_set(folder)
    right = defaultdict(lambda: {"peerline": 0, "langdetect": 0, "n": 0})
    mistakes = []
    for expected, text in rows:
        ours, raw = detect(text).language, raw_langdetect(text)
        counts = right[expected]
        counts["n"] += 1
        counts["peerline"] += ours == expected
        counts["langdetect"] += raw == expected
        if ours != expected:
            mistakes.append(f"{expected}->{ours}: {text}")
    total = len(rows)
    return {
        "messages": total,
        "accuracy": {
            "peerline": round(sum(c["peerline"] for c in right.values()) / total, 4),
            "langdetect": round(sum(c["langdetect"] for c in right.values()) / total, 4),
        },
        "per_language": {code: {"n": c["n"],
                                "peerline": round(c["peerline"] / c["n"], 3),
                                "langdetect": round(c["langdetect"] / c["n"], 3)}
                         for code, c in sorted(right.items())},
        "peerline_mistakes": mistakes if show_mistakes else len(mistakes),
    }


if __name__ == "__main__":
    print(json.dumps({name: evaluate(folder, show_mistakes=name == "tuning")
                      for name, folder in SETS.items() if folder.is_dir()},
                     ensure_ascii=False, indent=1))
