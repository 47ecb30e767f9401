"""Peerline's Rasa components (components/): each is Rasa's own, made faster, and
must behave exactly like it."""

import asyncio
import sqlite3

import numpy as np
import pytest
import scipy.sparse
from rasa.core.tracker_store import SQLTrackerStore
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.tracker_store import erase_sender
from components.classifier import LogisticRegressionIntentClassifier
from components.tracker_store import SQLiteTrackerStore


def featurised(text: str, intent: str | None, rng) -> Message:
    message = Message(data={TEXT: text, **({"intent": intent} if intent else {})})
    vector = scipy.sparse.random(1, 300, density=0.05, format="coo", random_state=rng)
    message.add_features(Features(vector, FEATURE_TYPE_SENTENCE, TEXT, "test"))
    return message


@pytest.fixture
def training_data():
    rng = np.random.default_rng(7)
    return TrainingData([featurised(f"example {i}", f"intent_{i % 4}", rng)
                         for i in range(80)])


def trained(cls, training_data, storage_dir):
    storage_dir.mkdir()
    storage = LocalModelStorage(storage_dir)
    resource = Resource("classifier")
    context = ExecutionContext(GraphSchema({}), "classifier")
    classifier = cls.create({}, storage, resource, context)
    classifier.train(training_data)
    return classifier, cls.load({}, storage, resource, context)


def test_classifier_weights_are_contiguous_for_one_message_and_answers_unchanged(
        tmp_path, training_data):
    ours, ours_loaded = trained(LogisticRegressionIntentClassifier, training_data,
                                tmp_path / "ours")
    _, rasas = trained(LogisticRegressionClassifier, training_data, tmp_path / "rasa")
    for component in (ours, ours_loaded):
        assert component.clf.coef_.T.flags["C_CONTIGUOUS"]
    rng = np.random.default_rng(8)
    new = [featurised(f"new {i}", None, rng) for i in range(20)]
    again = [Message(data=dict(m.data), features=list(m.features)) for m in new]
    ours_loaded.process(new)
    rasas.process(again)
    for a, b in zip(new, again, strict=True):
        assert a.get("intent")["name"] == b.get("intent")["name"]
        assert a.get("intent")["confidence"] == pytest.approx(b.get("intent")["confidence"])


def test_classifier_that_was_never_trained_still_loads(tmp_path):
    # Rasa loads an untrained classifier when its resource is missing.
    loaded = LogisticRegressionIntentClassifier.load(
        {}, LocalModelStorage(tmp_path), Resource("classifier"),
        ExecutionContext(GraphSchema({}), "classifier"))
    assert not hasattr(loaded.clf, "coef_")


@pytest.fixture
def domain():
    return Domain.from_yaml("version: '3.1'\nintents: [greet]\n")


def tracker_with(sender_id: str, texts: list[str]) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender_id, slots=[])
    for text in texts:
        tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    return tracker


def test_tracker_store_is_rasas_on_one_write_ahead_sqlite_file(tmp_path, domain):
    db = tmp_path / "tracker.db"
    store = SQLiteTrackerStore(db=str(db), domain=domain)
    assert isinstance(store, SQLTrackerStore)
    asyncio.run(store.save(tracker_with("aaaa", ["hello", "private words"])))
    asyncio.run(store.save(tracker_with("bbbb", ["hi"])))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # The front erases while Rasa's connection stays open: the rows and the log go.
    assert erase_sender(db, "aaaa") == 2
    for file in tmp_path.iterdir():
        assert b"private words" not in file.read_bytes()
    assert asyncio.run(store.retrieve("aaaa")) is None
    kept = asyncio.run(store.retrieve("bbbb"))
    assert [e.text for e in kept.events if isinstance(e, UserUttered)] == ["hi"]
    asyncio.run(store.save(tracker_with("aaaa", ["back again"])))
    assert asyncio.run(store.retrieve("aaaa")) is not None
