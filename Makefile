# The two commands a newcomer needs: `make demo` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db
STAMP := $(VENV)/.installed

.PHONY: demo test bench quality eval-extraction lint typecheck clean fuzz crash-safety parser-en ner-uk

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,russian-ner,parquet,web,browser,distributed]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/allegiance run samples/articles --db $(DEMO_DB)
	$(BIN)/allegiance report --db $(DEMO_DB) --format html -o demo-report.html

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Speed and memory as ratios measured in one run, then the quality figures of score.py on the dev
# halves and the seed, and the blind set's (quality needs ../shared beside the checkout).
bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/statements_eval.py
	$(BIN)/python bench/blindset.py
	$(BIN)/python bench/blindset.py --set blindset2
	$(BIN)/python bench/blindset.py --set blindset3
	$(BIN)/python bench/blindset.py --set blindset4
	$(BIN)/python bench/blindset.py --set blindset5
	$(BIN)/python bench/blindset.py --set blindset6
	$(BIN)/python bench/blindset.py --set blindset7
	$(BIN)/python bench/blindset.py --set blindset8

quality: $(STAMP)
	$(BIN)/python bench/quality.py

eval-extraction: $(STAMP)
	$(BIN)/python bench/extraction_eval.py

# The property tests with FUZZ_FACTOR times their examples (20: about 26,000 examples in all).
FUZZ_FACTOR ?= 20
fuzz: $(STAMP)
	ALLEGIANCE_FUZZ_FACTOR=$(FUZZ_FACTOR) $(BIN)/python -m pytest -q tests/test_properties.py -p no:cacheprovider \
		--hypothesis-show-statistics

# kill -9 at random moments of `allegiance run`, then integrity and a rerun equal to a clean run.
crash-safety: $(STAMP)
	$(BIN)/python scripts/crash_safety.py

# retrains the shipped English parser (src/allegiance/models/en_ewt) from UD English-EWT; ~35 minutes
parser-en: $(STAMP)
	$(BIN)/python scripts/train_parser_en.py

# retrains the Ukrainian NER model (src/allegiance/models/uk_ner_nc, non-commercial) on half of NER-UK 2.0
ner-uk: $(STAMP)
	$(BIN)/python scripts/train_ner_uk.py

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm demo-report.html .pytest_cache
