"""What the review page reads from and writes to the logbook (bot/logbook.py).

Nothing here selects a pseudonym: pages know conversations by label only.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from functools import cache

import yaml
from sqlite_utils import Database

from bot.settings import ROOT

PAGE_SIZE = 50
LOW_CONFIDENCE = 0.5
KINDS = {"wrong_intent": "wrong intent", "missing_content": "missing content", "note": "note"}
MAX_NOTE = 1000
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE = re.compile(r"[a-z_]{1,40}")


@cache
def domain_intents() -> tuple[str, ...]:
    """The intents a turn can be corrected to: the ones Rasa is trained on."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return tuple(domain["intents"])


@dataclass
class Filters:
    language: str = ""
    intent: str = ""
    low_confidence: bool = False
    fallback: bool = False
    degraded: bool = False
    since: str = ""  # YYYY-MM-DD, inclusive
    until: str = ""
    page: int = 0

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        """Filters from a URL's query; anything malformed is ignored, never put in SQL."""
        def code(name: str) -> str:
            value = query.get(name, "")
            return value if CODE.fullmatch(value) else ""

        def date(name: str) -> str:
            value = query.get(name, "")
            return value if DATE.fullmatch(value) else ""

        page = query.get("page", "0")
        return cls(language=code("language"), intent=code("intent"),
                   low_confidence=query.get("low_confidence") == "1",
                   fallback=query.get("fallback") == "1", degraded=query.get("degraded") == "1",
                   since=date("since"), until=date("until"),
                   page=min(int(page), 10_000) if page.isdigit() else 0)

    def where(self) -> tuple[str, list]:
        """A condition on turns (and its parameters) that every filter adds to."""
        conditions, parameters = ["1"], []
        for column in ("language", "intent"):
            if getattr(self, column):
                conditions.append(f"{column} = ?")
                parameters.append(getattr(self, column))
        if self.low_confidence:
            conditions.append("confidence < ?")
            parameters.append(LOW_CONFIDENCE)
        for flag in ("fallback", "degraded"):
            if getattr(self, flag):
                conditions.append(f"{flag} = 1")
        if self.since:
            conditions.append("hour >= ?")
            parameters.append(f"{self.since} 00:00")
        if self.until:
            conditions.append("hour <= ?")
            parameters.append(f"{self.until} 23:00")
        return " AND ".join(conditions), parameters

    def query(self, page: int) -> dict[str, str]:
        """The URL query of these filters on another page."""
        values = asdict(self) | {"page": page}
        return {f.name: ("1" if values[f.name] is True else str(values[f.name]))
                for f in fields(self) if values[f.name] not in ("", False, 0)}


def conversations(db: Database, filters: Filters) -> tuple[list[dict], bool]:
    """One page of conversations with a turn that passes the filters; and whether more follow."""
    where, parameters = filters.where()
    # `where` holds column names and placeholders only (Filters.where).
    rows = list(db.query(
        "SELECT label, started, last, COUNT(turns.id) AS turns, "  # noqa: S608
        "GROUP_CONCAT(DISTINCT turns.language) AS languages, SUM(fallback) AS fallbacks, "
        "SUM(degraded) AS degraded, MIN(confidence) AS lowest, "
        "(SELECT COUNT(*) FROM annotations JOIN turns AS annotated ON annotated.id = turn "
        " WHERE annotated.conversation = label) AS annotations "
        "FROM conversations JOIN turns ON turns.conversation = label "
        f"WHERE label IN (SELECT conversation FROM turns WHERE {where}) "
        "GROUP BY label ORDER BY last DESC, label LIMIT ? OFFSET ?",
        [*parameters, PAGE_SIZE + 1, filters.page * PAGE_SIZE]))
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


def conversation(db: Database, label: str) -> list[dict] | None:
    """The turns of one conversation, oldest first, each with its annotations."""
    turns = list(db.query(
        "SELECT id, hour, text, language, intent, confidence, entities, answered_by, degraded, "
        "fallback FROM turns WHERE conversation = ? ORDER BY id", [label]))
    if not turns:
        return None
    notes: dict[int, list[dict]] = {}
    for row in db.query("SELECT turn, kind, intent, note, author, created FROM annotations "
                        "WHERE turn IN (SELECT id FROM turns WHERE conversation = ?) "
                        "ORDER BY id", [label]):
        notes.setdefault(row["turn"], []).append(row)
    for turn in turns:
        turn["entities"] = json.loads(turn["entities"] or "[]")
        turn["annotations"] = notes.get(turn["id"], [])
    return turns


class AnnotationError(ValueError):
    """An annotation the form should not have been able to send."""


def annotate(db: Database, label: str, turn: int, kind: str, intent: str, note: str,
             author: str) -> None:
    if kind not in KINDS:
        raise AnnotationError("unknown kind of annotation")
    if kind == "wrong_intent" and intent not in domain_intents():
        raise AnnotationError("choose the intent the turn should have had")
    if kind == "note" and not note.strip():
        raise AnnotationError("an empty note")
    if len(note) > MAX_NOTE:
        raise AnnotationError(f"notes have at most {MAX_NOTE} characters")
    if not db["turns"].count_where("id = ? AND conversation = ?", [turn, label]):
        raise AnnotationError("no such turn in this conversation")
    db["annotations"].insert({
        "turn": turn, "kind": kind, "intent": intent if kind == "wrong_intent" else None,
        "note": note.strip() or None, "author": author,
        "created": time.strftime("%Y-%m-%d %H:%M", time.gmtime())})


def choices(db: Database) -> dict[str, list[str]]:
    """The languages and intents the filters offer: those in the logbook."""
    return {column: [row[column] for row in db.query(
        f"SELECT DISTINCT {column} FROM turns WHERE {column} IS NOT NULL "  # noqa: S608
        f"ORDER BY {column}")] for column in ("language", "intent")}


def statistics(db: Database) -> dict:
    """Counts for the admins' page: per day and language, per intent, rates per day."""
    totals = next(db.query(
        "SELECT COUNT(*) AS turns, COUNT(DISTINCT conversation) AS conversations, "
        "COALESCE(SUM(fallback), 0) AS fallbacks, COALESCE(SUM(degraded), 0) AS degraded, "
        "COALESCE(SUM(confidence < ?), 0) AS low_confidence FROM turns", [LOW_CONFIDENCE]))
    return {
        "totals": totals,
        "per_day_language": list(db.query(
            "SELECT substr(hour, 1, 10) AS day, language, COUNT(*) AS turns FROM turns "
            "GROUP BY day, language ORDER BY day, language")),
        "per_day": list(db.query(
            "SELECT substr(hour, 1, 10) AS day, COUNT(*) AS turns, SUM(fallback) AS fallbacks, "
            "SUM(degraded) AS degraded FROM turns GROUP BY day ORDER BY day")),
        "intents": list(db.query(
            "SELECT COALESCE(intent, '(none: degraded)') AS intent, COUNT(*) AS turns, "
            "SUM(fallback) AS fallbacks FROM turns GROUP BY intent ORDER BY turns DESC, intent")),
        "annotations": list(db.query(
            "SELECT kind, COUNT(*) AS count FROM annotations GROUP BY kind ORDER BY kind")),
    }
