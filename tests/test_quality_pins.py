"""The blind test split's figures are pinned: a rule change that loses more than one claim on text the
rules never saw fails here, and the README quotes the same figures as what to expect on new papers.

When a change raises a figure, raise its pin in the same commit (the history then shows the ratchet)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exo_ontology.evaluation.report import block_lines
from exo_ontology.evaluation.run import Block, evaluate
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader

ROOT = Path(__file__).resolve().parents[1]
#: the test split at this release: right and wrong predictions, claims found leniently and strictly,
#: and the names grounded right per type
PINS = {"right": 36, "wrong": 39, "lenient": 55, "strict": 39}
GROUNDING_PINS = {"gene": 30, "mirna": 16, "disease": 69, "cell": 55, "chemical": 22, "process": 52,
                  "anatomy": 18, "taxon": 4}
SLACK = 1     # one claim either way is noise; more is a regression


@pytest.fixture(scope="module")
def test_split(reader: Reader) -> Block:
    return evaluate(Paths(ROOT), reader).blocks["test"]


def test_the_test_split_does_not_lose_claims(test_split: Block) -> None:
    claims = test_split.claims
    assert claims.right >= PINS["right"] - SLACK, f"right predictions fell to {claims.right}"
    assert claims.predicted - claims.right <= PINS["wrong"] + SLACK, \
        f"wrong predictions rose to {claims.predicted - claims.right}"
    assert claims.lenient >= PINS["lenient"] - SLACK, f"lenient recall fell to {claims.lenient}"
    assert claims.strict >= PINS["strict"] - SLACK, f"strict recall fell to {claims.strict}"


@pytest.mark.parametrize("gtype", sorted(GROUNDING_PINS))
def test_the_test_split_grounds_as_many_names(test_split: Block, gtype: str) -> None:
    correct, _total, errors = test_split.groundings[gtype]
    assert correct >= GROUNDING_PINS[gtype] - SLACK, errors


def test_the_readme_quotes_the_test_split_figures(test_split: Block) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for line in block_lines(test_split)[2:5]:       # precision, lenient and strict recall
        assert line in readme, f"README.md should quote: {line}"
