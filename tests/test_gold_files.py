"""The corpus gold sets are well-formed: every quote is verbatim on one line of its abstract, every
identifier is a current term of the shipped lexicon (or an EXOC term of the ontology), and the test
split holds exactly the files its written rule names."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import SLOTS

ROOT = Path(__file__).resolve().parents[1]
CORPUS, GOLD = ROOT / "tests" / "corpus", ROOT / "tests" / "gold"
CURIE = re.compile(r"\b(?:MONDO|CL|GO|CHEBI|UBERON|NCBITaxon|NCBIGene|mirbase\.mature|mirbase|EXOC):[\w.]+")


def rows(split: str, kind: str) -> list[dict[str, str]]:
    with (GOLD / split / f"{kind}.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load(ROOT / "ontology" / "lexicon")


def test_the_test_split_is_every_corpus_file_whose_number_is_a_multiple_of_three() -> None:
    expected = {p.stem for p in CORPUS.glob("*.txt") if int(p.stem) % 3 == 0}
    assert len(expected) >= 20
    assert {r["doc_id"] for r in rows("test", "findings")} == expected
    assert not {r["doc_id"] for r in rows("dev", "findings")} & expected


@pytest.mark.parametrize("split", ["test", "dev"])
def test_quotes_are_verbatim_on_one_line_of_their_abstract(split: str) -> None:
    for row in rows(split, "findings"):
        lines = (CORPUS / f"{row['doc_id']}.txt").read_text(encoding="utf-8").splitlines()
        assert any(row["quote"] in line for line in lines[3:]), f"{split} {row['id']}: {row['quote']!r}"


@pytest.mark.parametrize("split", ["test", "dev"])
def test_identifiers_are_current_terms(split: str, lexicon: Lexicon) -> None:
    edit = (ROOT / "ontology" / "exoc-edit.ttl").read_text(encoding="utf-8")
    problems = []
    for kind, cells in (("findings", [*SLOTS, "note"]), ("groundings", ["curie", "note"])):
        for n, row in enumerate(rows(split, kind), start=2):
            for curie in {c for cell in cells for c in CURIE.findall(row.get(cell) or "")}:
                if curie.startswith("EXOC:"):
                    ok = f"\n{curie} a owl:" in edit
                else:
                    term = lexicon.term(curie)
                    ok = term is not None and not term.obsolete
                if not ok:
                    problems.append(f"{split}/{kind}.tsv line {n}: {curie}")
    assert not problems, problems
