"""From reviewers' corrections back to training data.

Every turn marked "wrong intent, should be X" becomes an NLU example of X in
the turn's language, unless data/nlu/ already has it, has it under another
intent (a conflict a person must settle), or reviewers disagree about it.
The examples are written as Rasa NLU YAML, one file per language, in the
format of data/nlu/ so they can be merged there; the report says which
annotations a retrain would change and why the others would not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlite_utils import Database

from bot.settings import ROOT

NLU_DIR = ROOT / "data" / "nlu"
# Rasa reads "[text](entity)", "[text]{...}" and "[text][...]" in an example as
# entity markup; placeholders such as "[phone]" must not be followed by those.
MARKUP_AFTER_PLACEHOLDER = re.compile(r"\]([({\[])")
ENTITY_MARKUP = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\])")

NEW = "new example"


@dataclass
class Correction:
    label: str
    language: str
    text: str
    predicted: str | None
    confidence: float | None
    intents: list[str]  # what reviewers said it should be
    status: str = NEW  # NEW, or why a retrain would not change anything

    @property
    def intent(self) -> str:
        return self.intents[0]


@dataclass
class Export:
    corrections: list[Correction] = field(default_factory=list)
    missing_content: list[dict] = field(default_factory=list)
    notes: int = 0

    def examples(self) -> dict[str, dict[str, list[str]]]:
        """New examples: language -> intent -> texts, each once."""
        found: dict[str, dict[str, list[str]]] = {}
        for correction in self.corrections:
            if correction.status == NEW:
                texts = found.setdefault(correction.language, {}).setdefault(
                    correction.intent, [])
                if correction.text not in texts:
                    texts.append(correction.text)
        return found


def training_text(text: str) -> str:
    """One line Rasa reads as plain text (no entity markup, nothing YAML refuses)."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in text)
    return " ".join(MARKUP_AFTER_PLACEHOLDER.sub(r"] \1", text).split())


def normalised(text: str) -> str:
    return " ".join(ENTITY_MARKUP.sub(r"\1", text).casefold().split())


def known_examples(nlu_dir: Path, language: str) -> dict[str, str]:
    """The examples already in data/nlu/<language>.yml: normalised text -> intent."""
    path = nlu_dir / f"{language}.yml"
    if not path.exists():
        return {}
    known = {}
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
        if "intent" in item and isinstance(item.get("examples"), str):
            for line in item["examples"].splitlines():
                if line.strip().startswith("- "):
                    known[normalised(line.strip()[2:])] = item["intent"]
    return known


def collect(db: Database, nlu_dir: Path = NLU_DIR) -> Export:
    export = Export()
    by_turn: dict[int, Correction] = {}
    for row in db.query(
            "SELECT turns.id, conversation, language, text, turns.intent AS predicted, "
            "confidence, annotations.intent AS intent FROM annotations "
            "JOIN turns ON turns.id = annotations.turn WHERE kind = 'wrong_intent' "
            "ORDER BY turns.id, annotations.id"):
        correction = by_turn.setdefault(row["id"], Correction(
            row["conversation"], row["language"], training_text(row["text"]), row["predicted"],
            row["confidence"], []))
        if row["intent"] not in correction.intents:
            correction.intents.append(row["intent"])
    known = {}
    for correction in by_turn.values():
        if correction.language not in known:
            known[correction.language] = known_examples(nlu_dir, correction.language)
        correction.status = status(correction, known[correction.language])
    export.corrections = list(by_turn.values())
    export.missing_content = list(db.query(
        "SELECT conversation, language, text, answered_by, note FROM annotations "
        "JOIN turns ON turns.id = annotations.turn WHERE kind = 'missing_content' "
        "ORDER BY turns.id"))
    export.notes = db["annotations"].count_where("kind = 'note'")
    return export


def status(correction: Correction, known: dict[str, str]) -> str:
    if not correction.text or correction.text.startswith("/"):
        return "a button or command, not words to learn from"
    if len(correction.intents) > 1:
        return f"reviewers disagree ({', '.join(correction.intents)}): settle it first"
    already = known.get(normalised(correction.text))
    if already == correction.intent:
        return f"already an example of {already} in data/nlu/{correction.language}.yml"
    if already:
        return (f"data/nlu/{correction.language}.yml has it as {already}: move it by hand "
                "if the reviewer is right")
    return NEW


def nlu_yaml(examples: dict[str, list[str]]) -> str:
    lines = ['version: "3.1"', "nlu:"]
    for intent in sorted(examples):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in examples[intent]]
    return "\n".join(lines) + "\n"


def write(export: Export, out_dir: Path) -> list[Path]:
    """One NLU file per language with new examples; return the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language, examples in sorted(export.examples().items()):
        path = out_dir / f"{language}.yml"
        path.write_text(f"# Corrected on the review page; merge into data/nlu/{language}.yml\n"
                        + nlu_yaml(examples), encoding="utf-8")
        written.append(path)
    return written


def report(export: Export) -> list[str]:
    changes = [c for c in export.corrections if c.status == NEW]
    lines = [f"{len(changes)} of {len(export.corrections)} corrected turns would change the "
             "next training:"]
    lines += [f"  {c.label} ({c.language}) {c.predicted or 'no intent'}"
              f"{f' {c.confidence:.2f}' if c.confidence is not None else ''} -> {c.intent}: "
              f"{c.text}" for c in changes]
    unchanged = [c for c in export.corrections if c.status != NEW]
    if unchanged:
        lines.append("Would not change it:")
        lines += [f"  {c.label} ({c.language}) {c.text}: {c.status}" for c in unchanged]
    if export.missing_content:
        lines.append(f"{len(export.missing_content)} turns need content, not training "
                     "(for the people who edit content/):")
        lines += [f"  {row['conversation']} ({row['language']}) {row['text']}"
                  f" [answered by {row['answered_by'] or 'degraded mode'}]"
                  f"{': ' + row['note'] if row['note'] else ''}"
                  for row in export.missing_content]
    if export.notes:
        lines.append(f"{export.notes} notes: read them on the review page.")
    return lines
