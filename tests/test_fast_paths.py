"""The extractor's shortcuts give the answers of the plain computations they replace: the per-sentence
join reach of the recogniser, the cell-line check without a pattern per span, the grounding memo,
the normalisation memo, the shorthand-definition hint and the notice searches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exo_ontology.extraction.shorthands import _DEFINITION, _DEFINITION_HINT
from exo_ontology.grounding import grounder as grounder_module
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.mention_guards import _written_as_cells
from exo_ontology.grounding.normalize import normalize
from exo_ontology.grounding.recognize import _JOINER, _TOKEN, _join_reach
from exo_ontology.paths import Paths
from exo_ontology.reading.boilerplate import _EMAIL, _NOTICE_PATTERNS, is_copyright, is_notice

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [
    "Tumor-derived exosomes  (TEXs) carry miR-21 and PD-L1 to cancer-associated fibroblasts.",
    "Alzheimer's disease, HT1080 cells and HT1080-cells; AAA cells; X cellsx; T\u00a0cells.",
    "β-catenin — TGF-β1 / IL-1β, hepatocellular carcinoma (HCC) cells' exosomes.",
    "",
    "one",
]


def _corpus_lines() -> list[str]:
    lines = [line for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 50, "the evaluation corpus is missing"
    return lines


def _joined(text: str, tokens: list[re.Match[str]], i: int, n: int) -> bool:
    return all(_JOINER.fullmatch(text[tokens[k].end():tokens[k + 1].start()]) for k in range(i, i + n - 1))


def test_join_reach_agrees_with_reading_each_gap() -> None:
    for text in [*TEXTS, *_corpus_lines()]:
        tokens = list(_TOKEN.finditer(text))
        reach = _join_reach(text, tokens)
        for i in range(len(tokens)):
            for n in range(1, min(9, len(tokens) - i) + 1):
                assert (n <= reach[i]) == _joined(text, tokens, i, n), (text, i, n)


def test_cell_line_check_agrees_with_the_pattern() -> None:
    for text in [*TEXTS, *_corpus_lines()[:200]]:
        spans = {t.group(0) for t in _TOKEN.finditer(text)} | {"AA", "HT1080", "X", "T", "cells"}
        for span in spans:
            expected = bool(re.search(re.escape(span) + r"[\s-]+cells?\b", text))
            assert _written_as_cells(text, span) == expected, (text, span)
    assert _written_as_cells("AAA cells", "AA")             # a later, overlapping occurrence
    assert not _written_as_cells("X cellsx", "X")


@pytest.fixture(scope="module")
def grounder() -> Grounder:
    return Grounder.from_paths(Paths(ROOT))


@pytest.mark.parametrize("context", ["", "in breast tumours", "in plasma"])
def test_grounding_memo_answers_as_grounding_anew(grounder: Grounder, context: str) -> None:
    cancer = bool(re.search("tumou?r", context))
    for name, type_ in [("breast cancer", None), ("CAFs", "cell"), ("miR-21", None), ("MET", "gene"),
                        ("tumour microenvironment", "process"), ("lung", None), ("HCC", "disease")]:
        first = grounder.ground(name, type=type_, context=context)
        assert first == grounder._ground(name, type_, cancer, 10, False), (name, context)
        first.clear()                         # a caller's list is its own: the memo is not changed
        assert grounder.ground(name, type=type_, context=context) == grounder._ground(name, type_, cancer, 10, False)
    assert grounder.ground("breast cancer", limit=1) == grounder._ground("breast cancer", None, False, 1, False)


def test_normalize_memo_keeps_case_folding_apart() -> None:
    assert normalize("MET", casefold=False) == "MET"
    assert normalize("MET") == "met"
    assert normalize("MET", False) == "MET"


def test_every_shorthand_definition_holds_the_hint() -> None:
    defining = [line for line in [*TEXTS, *_corpus_lines()] if _DEFINITION.search(line)]
    assert defining, "no sentence of the corpus defines a vesicle shorthand"
    assert all(_DEFINITION_HINT.search(line) for line in defining)


def test_notice_searches_agree_with_one_alternation() -> None:
    combined = re.compile("|".join([*_NOTICE_PATTERNS, _EMAIL.pattern]), re.IGNORECASE)
    lines = [*_corpus_lines(), "Contact: jane.doe@uni-x.edu for reprints", "a@b", "All Rights Reserved.",
             "The site is secure.", "Received 3 March 2021; accepted 9 May 2021", "© 2020 Elsevier"]
    assert any(is_notice(line) for line in lines) and not all(is_notice(line) for line in lines)
    for line in lines:
        assert is_notice(line) == (bool(combined.search(line)) or is_copyright(line)), line


def test_grounding_memo_forgets_at_its_bound(grounder: Grounder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grounder_module, "GROUNDED_CACHE", 2)
    # the fixture's grounder is shared: earlier tests have filled its memo
    monkeypatch.setattr(grounder, "_grounded", {})
    for name in ["exosomes", "breast cancer", "CD63", "fibroblasts", "exosomes"]:
        assert grounder.ground(name) == grounder._ground(name, None, False, 10, False), name
        assert len(grounder._grounded) <= 2
