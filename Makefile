# Common commands. `make run` and `make test` set everything up on a fresh machine.
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/peerline.tar.gz
# The model is retrained only when one of these changed.
TRAINING_INPUTS := config.yml domain.yml $(wildcard data/*.yml data/nlu/*.yml components/*.py)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 3

.PHONY: run test lint validate stories eval train bench clean

run: $(MODEL)
	$(BIN)/peerline run

test: $(MODEL) lint validate stories
	$(BIN)/pytest -q

# Rasa's test stories: every intent's path, with messages as people type them.
stories: $(MODEL)
	PEERLINE_ACTION_URL=http://127.0.0.1:5055/webhook PEERLINE_TRACKER_DB=var/tracker.db \
	  $(BIN)/rasa test core --model $(MODEL) --stories tests/test_stories.yml \
	  --fail-on-prediction-errors --out results/stories

lint: $(VENV)/.installed
	$(BIN)/ruff check .

# endpoints.yml reads both variables; validation itself opens neither.
validate: $(VENV)/.installed
	PEERLINE_ACTION_URL=http://127.0.0.1:5055/webhook PEERLINE_TRACKER_DB=var/tracker.db \
	  $(BIN)/rasa data validate --fail-on-warnings

train: $(MODEL)

$(MODEL): $(VENV)/.installed $(TRAINING_INPUTS)
	$(BIN)/peerline train

# Load test through the local Telegram stand-in (README, "Telegram front").
bench: $(MODEL)
	$(BIN)/peerline bench --people 100 --rate 30 --seconds 60

eval: $(MODEL)
	$(BIN)/python -m eval.nlu_cross_validation
	$(BIN)/python -m eval.language_accuracy
	$(BIN)/python -m eval.understand_speed

# Python 3.10 is the only version both Rasa 3.6 and python-telegram-bot 22 accept.
$(VENV)/.installed: requirements.lock pyproject.toml
	@py=$$(ls -d $$HOME/.pyenv/versions/3.10.*/bin/python3.10 /root/.pyenv/versions/3.10.*/bin/python3.10 \
	        2>/dev/null | tail -n 1); \
	[ -n "$$py" ] || py=$$(command -v python3.10 || true); \
	if [ -z "$$py" ] || ! "$$py" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  echo "Peerline needs Python 3.10 (Rasa 3.6 runs on 3.8-3.10, python-telegram-bot 22 on 3.10+)." >&2; \
	  echo "Install it, for example with 'pyenv install 3.10.13' or your system's python3.10 package." >&2; \
	  exit 1; \
	fi; \
	[ -x $(BIN)/python ] || "$$py" -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

clean:
	rm -rf $(VENV) models .rasa .pytest_cache .ruff_cache
