"""Cross-validated intent macro-F1 of the NLU pipeline, per language.

Stratified k-fold over (language, intent): each fold trains config.yml's
pipeline on the rest, with the lookup tables and synonyms of places.yml, and
predicts the held-out examples. A prediction below the fallback threshold
(nlu_fallback) counts as wrong. Prints JSON; `--config` compares pipelines.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

from bot.understand import quiet_rasa  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NLU_DIR = ROOT / "data" / "nlu"


def load_examples() -> tuple[list, object]:
    from rasa.shared.nlu.training_data.loading import load_data

    examples, shared = [], load_data(str(NLU_DIR / "places.yml"))
    for path in sorted(NLU_DIR.glob("*.yml")):
        if path.stem == "places":
            continue
        for message in load_data(str(path)).intent_examples:
            examples.append((path.stem, message))
    return examples, shared


def folds_of(examples: list, k: int, seed: int = 7) -> list[int]:
    """A fold number for each example, stratified by language and intent."""
    groups = defaultdict(list)
    for index, (lang, message) in enumerate(examples):
        groups[(lang, message.get("intent"))].append(index)
    fold = [0] * len(examples)
    rng = random.Random(seed)
    for members in groups.values():
        rng.shuffle(members)
        for position, index in enumerate(members):
            fold[index] = position % k
    return fold


def train_and_predict(config: Path, train: list, test: list, shared, workdir: Path) -> list[str]:
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLWriter
    from rasa.shared.nlu.training_data.training_data import TrainingData

    data = TrainingData(training_examples=[m for _, m in train]).merge(shared)
    data_file = workdir / "train.yml"
    RasaYAMLWriter().dump(str(data_file), data)
    model = train_nlu(str(config), str(data_file), str(workdir), fixed_model_name="fold")
    agent = Agent.load(model)
    loop = asyncio.new_event_loop()
    return [loop.run_until_complete(agent.parse_message(m.get("text")))["intent"]["name"]
            for _, m in test]


def evaluate(config: Path, k: int) -> dict:
    from sklearn.metrics import f1_score

    quiet_rasa()
    examples, shared = load_examples()
    fold = folds_of(examples, k)
    predicted = [None] * len(examples)
    seconds = []
    for f in range(k):
        train = [e for e, g in zip(examples, fold, strict=True) if g != f]
        test_index = [i for i, g in enumerate(fold) if g == f]
        with tempfile.TemporaryDirectory() as workdir:
            started = time.perf_counter()
            guesses = train_and_predict(config, train, [examples[i] for i in test_index],
                                        shared, Path(workdir))
            seconds.append(time.perf_counter() - started)
        for i, guess in zip(test_index, guesses, strict=True):
            predicted[i] = guess
    truth = [m.get("intent") for _, m in examples]
    by_language = defaultdict(list)
    for i, (lang, _) in enumerate(examples):
        by_language[lang].append(i)

    def macro_f1(indices: list[int]) -> float:
        labels = sorted({truth[i] for i in indices})
        return round(f1_score([truth[i] for i in indices], [predicted[i] for i in indices],
                              labels=labels, average="macro", zero_division=0), 4)

    return {
        "config": str(config.relative_to(ROOT) if config.is_relative_to(ROOT) else config),
        "folds": k,
        "examples": len(examples),
        "macro_f1": macro_f1(list(range(len(examples)))),
        "macro_f1_per_language": {lang: macro_f1(ix) for lang, ix in sorted(by_language.items())},
        "seconds_per_fold_train_and_predict": round(sum(seconds) / k, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", type=Path, default=ROOT / "config.yml")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(evaluate(args.config.resolve(), args.folds), indent=1))


if __name__ == "__main__":
    main()
