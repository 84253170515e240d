"""The grounder's general back-off rules: pure rewrites, acronyms and gene families, then their
effect on the shipped lexicon with names that are not in the gold set (IDs read from
../shared/reference, pinned in tests/fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from exo_ontology.grounding.cell_readings import acronym_parts, initials
from exo_ontology.grounding.gene_names import shared_series, symbol_stems
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.mirna_resolver import FLAG_SCORE
from exo_ontology.grounding.rewrite_cells import add_cell, reorder_place
from exo_ontology.grounding.rewrite_diseases import marker_status
from exo_ontology.grounding.rewrite_genes import host_gene, splice_variant
from exo_ontology.grounding.rewrite_words import drop_modifier, strip_parenthesised, swap_words
from exo_ontology.grounding.rewrites import rewrites
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.lexicon.records import Name, Term
from exo_ontology.paths import Paths
from tests.test_grounding import gene, ref

ROOT = Path(__file__).resolve().parents[1]


# ---- pure rewrites -------------------------------------------------------------------------
def test_drop_modifier_keeps_the_kind() -> None:
    assert drop_modifier("murine alveolar macrophages") == ["alveolar macrophages"]
    assert drop_modifier("CD8-positive T cells") == ["T cells"]
    assert drop_modifier("PR+ breast cancer") == ["breast cancer"]
    assert drop_modifier("alveolar macrophages") == []
    assert drop_modifier("human") == []                  # nothing would be left


def test_reorder_place_both_ways() -> None:
    assert "mesenchymal stem cell of the adipose tissue" in reorder_place(
        "adipose tissue mesenchymal stem cells")
    assert "stem cell of dental pulp" in reorder_place("dental pulp-derived stem cells")
    assert reorder_place("macrophages in the spleen") == ["spleen macrophages"]


def test_marker_status_spellings() -> None:
    assert marker_status("PR+ breast cancer") == ["PR positive breast cancer"]
    assert marker_status("PR-positive breast cancer") == ["PR+ breast cancer"]
    assert marker_status("breast cancer") == []


def test_word_swaps_only_broaden_or_keep() -> None:
    assert "liver cancer" in swap_words("liver malignancies")
    assert "colon cancer" in swap_words("colon carcinoma")
    assert swap_words("colon cancer") == []               # cancer -> carcinoma would narrow
    assert "renal cell carcinoma" in swap_words("renal cell cancer")
    assert "tumor-associated fibroblasts" in swap_words("tumor-related fibroblasts")


def test_small_rewrites() -> None:
    assert add_cell("natural killer T") == ["natural killer T cell"]
    assert add_cell("T cells") == []
    assert strip_parenthesised("monocytic (M)-MDSCs") == ["monocytic MDSCs"]
    assert splice_variant("CD44v3") == ["CD44"] and splice_variant("CD44") == []
    assert host_gene("circHIPK3") == ["HIPK3"] and host_gene("circular") == []


def test_rewrites_are_breadth_first_and_unique() -> None:
    found = list(rewrites("human bone marrow macrophages", "cell"))
    texts = [t for t, _ in found]
    assert texts[0] == "bone marrow macrophages"          # one step before two
    assert len({t.casefold() for t in texts}) == len(texts)
    assert all(len(steps) <= 3 for _, steps in found)
    assert list(rewrites("anything", "chemical")) == []  # no rules for other types


def test_acronym_helpers() -> None:
    assert initials("dendritic cell") == "DC"
    assert initials("myeloid-derived suppressor cell") == "MDSC"
    assert initials("macrophage") == ""
    assert list(acronym_parts("BM-MSCs")) == [("BM", "MSC")]
    assert list(acronym_parts("hUC-MSC")) == [("UC", "MSC")]
    assert ("AD", "MSC") in list(acronym_parts("ADMSC"))
    assert all(len(p) >= 2 and len(c) >= 3 for p, c in acronym_parts("ADMSCs"))
    assert list(acronym_parts("macrophage")) == []


def test_family_helpers() -> None:
    stems = symbol_stems(["RAB5A", "RAB5B", "RAB5C", "CD4", "CD44", "TP53"])
    assert stems["rab5"] == {"RAB5A", "RAB5B", "RAB5C"}
    assert "tp5" not in stems and "cd4" not in stems       # one member is no family
    assert shared_series("PIK3CA", ["PIK3CB", "PIK3CD"])
    assert not shared_series("ADGRE5", ["CD97", "ADGRE2X"])


# ---- in a tiny lexicon -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tiny() -> Grounder:
    def term(curie: str, label: str) -> Term:
        return Term(curie, label, "gene", False, "", (), "", "", "", ())
    terms = [term("NCBIGene:1", "PGX"), term("NCBIGene:2", "ABCX1"), term("NCBIGene:3", "KINA"),
             term("NCBIGene:4", "KINB"), term("NCBIGene:5", "RIBO1"), term("NCBIGene:6", "ZAP9")]
    names = [Name("PGX", "NCBIGene:1", "label", "gene"),
             Name("ABCX1", "NCBIGene:2", "label", "gene"),
             Name("P-gx", "NCBIGene:2", "alias", "gene"),
             Name("KINA", "NCBIGene:3", "label", "gene"), Name("KINB", "NCBIGene:4", "label", "gene"),
             Name("KIN-X", "NCBIGene:3", "alias", "gene"),
             Name("KIN-X", "NCBIGene:4", "alias", "gene", "ncbi"),
             Name("RIBO1", "NCBIGene:5", "label", "gene"), Name("ZAP9", "NCBIGene:6", "label", "gene"),
             Name("ZP-1", "NCBIGene:5", "alias", "gene", "ncbi"),
             Name("ZP-1", "NCBIGene:6", "alias", "gene")]
    return Grounder(Lexicon.from_records(terms, names))


def test_mixed_case_alias_beats_case_folded_symbol(tiny: Grounder) -> None:
    found = tiny.ground("P-gx")
    assert found[0].curie == "NCBIGene:2" and "case differs" in found[1].note
    assert tiny.ground("pgx")[0].curie == "NCBIGene:1"    # lower case is no deliberate case


def test_hgnc_alias_beats_ncbi_only_synonym(tiny: Grounder) -> None:
    found = tiny.ground("ZP-1")
    assert found[0].curie == "NCBIGene:6" and found[0].score > found[1].score


def test_alias_of_a_symbol_series_is_a_flagged_family(tiny: Grounder) -> None:
    assert {c.curie for c in tiny.ground("KIN")} == set()          # not a name at all
    found = tiny.ground("KIN-X")
    assert found and all(c.status == "flagged" and c.score < FLAG_SCORE for c in found)
    assert "family" in found[0].note


# ---- on the shipped lexicon (names outside the gold set) ---------------------------------------
@pytest.fixture(scope="module")
def shipped() -> Grounder:
    return Grounder.from_paths(Paths(ROOT))


@pytest.mark.parametrize(("text", "type_", "label"), [
    ("human alveolar macrophages", "cell", "alveolar macrophage"),
    ("peripheral blood monocytes", "cell", "monocyte"),
    ("UC-MSCs", "cell", "mesenchymal stem cell of umbilical cord"),
    ("adipose-derived mesenchymal stem cell", "cell", "mesenchymal stem cell of adipose tissue"),
    ("natural killer", "cell", "natural killer cell"),
])
def test_cell_rewrites_on_the_lexicon(shipped: Grounder, text: str, type_: str, label: str) -> None:
    found = shipped.ground(text, type=type_)
    assert found[0].curie == ref("cl_terms.tsv.gz", "label", label)
    assert "rewritten" in found[0].note and found[0].score < 0.96


@pytest.mark.parametrize(("text", "label"), [
    ("recurrent glioblastoma", "glioblastoma"),
    ("PR+ breast cancer", "breast cancer"),
])
def test_disease_rewrites_back_off_to_the_head(shipped: Grounder, text: str, label: str) -> None:
    found = shipped.ground(text, type="disease")
    assert found[0].curie == ref("mondo_terms.tsv.gz", "label", label)
    assert found[0].score < shipped.ground(label, type="disease")[0].score


def test_pancreatic_malignancies(shipped: Grounder) -> None:
    assert shipped.ground("pancreatic malignancies", type="disease")[0].curie == ref(
        "mondo_terms.tsv.gz", "exact_synonyms", "pancreatic cancer", multi=True)


def test_gene_variants_and_host_genes(shipped: Grounder) -> None:
    assert shipped.ground("CD44v3", type="gene")[0].curie == gene("CD44")
    assert shipped.ground("circHIPK3", type="gene")[0].curie == gene("HIPK3")


@pytest.mark.parametrize("text", ["RAB5", "TGF-β", "Akt"])
def test_family_names_are_flagged(shipped: Grounder, text: str) -> None:
    found = shipped.ground(text, type="gene")
    assert found and found[0].score < FLAG_SCORE and "family" in found[0].note


@pytest.mark.parametrize("text", ["CD4", "STAT3", "KRAS", "HIF-1α"])
def test_symbols_are_never_families(shipped: Grounder, text: str) -> None:
    assert shipped.ground(text, type="gene")[0].status == "label"
