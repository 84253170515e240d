"""Text repairs with an offset map (reading.cleaning, reading.repairs)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exo_ontology.reading import clean
from exo_ontology.reading.cleaning import (
    CleanText,
    Vocabulary,
    from_raw,
    from_spans,
    repair,
    substitute,
    vocabulary,
)

#: Characters a repair may put in place of another one.
REPLACEMENTS = set("αβγκ–lDL10 \n")


def fixed(text: str, vocab: Vocabulary | None = None) -> str:
    return repair(from_raw(text), vocab).text


def assert_offsets_valid(raw: str, ct: CleanText) -> None:
    assert len(ct.text) == len(ct.offsets)
    for ch, offset in zip(ct.text, ct.offsets, strict=True):
        assert 0 <= offset < len(raw)
        assert ch == raw[offset] or ch in REPLACEMENTS or (ch.isspace() and raw[offset].isspace())


@pytest.mark.parametrize(("raw", "expected"), [
    ("exo-\nsomes", "exosomes"),
    ("pro-\nliferation of", "proliferation of"),
    ("PD-\nL1 expression", "PD-L1 expression"),
    ("MDA-MB-\n231 cells", "MDA-MB-231 cells"),
    ("tumor-\nassociated macrophages", "tumor-associated macrophages"),
    ("cancer-\nderived exosomes", "cancer-derived exosomes"),
    ("non-\nsmall cell lung cancer", "non-small cell lung cancer"),
    ("a line\nbreak", "a line break"),
    ("soft\u00adhyphen", "softhyphen"),
    ("two   spaces\tand\u00a0nbsp", "two spaces and nbsp"),
    ("PI3K/\nAKT pathway", "PI3K/AKT pathway"),
    ("exo\u2010\nsomes and PD\u2010\nL1", "exosomes and PD\u2010L1"),
    ("\ufb01broblasts and \ufb02ow", "fibroblasts and flow"),
    ("exo-\r\nsomes\r\nare", "exosomes are"),
    ("  padded  ", "padded"),
])
def test_line_breaks_and_hyphenation(raw: str, expected: str) -> None:
    assert fixed(raw) == expected


def test_document_vocabulary_decides_ambiguous_hyphens() -> None:
    raw = "the drug-loading step; drug-\nloading was slow; the nano-\nparticles and nanoparticles"
    assert fixed(raw, vocabulary(raw)) == (
        "the drug-loading step; drug-loading was slow; the nanoparticles and nanoparticles")
    assert fixed("drug-\nloading") == "drugloading"          # no evidence either way: join


@pytest.mark.parametrize(("raw", "expected"), [
    ("TGF-$1 expression", "TGF-β1 expression"),
    ("TGF$2", "TGFβ2"),
    ("regulating TGFp1 expression", "regulating TGFβ1 expression"),
    ("the TGF-p3 isoform", "the TGF-β3 isoform"),
    ("the B-catenin pathway", "the β-catenin pathway"),
    ("Wnt/B-Catenin signalling", "Wnt/β-Catenin signalling"),
    ("NF-xB activation", "NF-κB activation"),
    ("IxB degradation", "IκB degradation"),
    ("a-SMA", "α-SMA"),
    ("o-smooth muscle actin", "α-smooth muscle actin"),
    ("(a-SMA) and o-SMA", "(α-SMA) and α-SMA"),
    ("modified with a-d-mannose", "modified with α-D-mannose"),
    ("HIF-1a protein", "HIF-1α protein"),
    ("using TNF-a. pretreated", "using TNF-α. pretreated"),
    ("TNF-a-induced", "TNF-α-induced"),
    ("IL-6, IL-8,\nIL-1B, and VEGF", "IL-6, IL-8, IL-1β, and VEGF"),
    ("receptor alpha (ERa) expression", "receptor alpha (ERα) expression"),
    ("IFN-y and PPARy", "IFN-γ and PPARγ"),
])
def test_mangled_greek_letters_are_repaired(raw: str, expected: str) -> None:
    assert fixed(raw) == expected


@pytest.mark.parametrize("raw", [
    "B cells and T cells", "T-cells", "a new approach", "B-cell lymphoma", "B-Raf",
    "ERp57 chaperone", "let-7a and miR-21a", "US$1 million", "o-xylene", "a 160 kDa and 2 MDa band",
    "NF-kB", "HeLa cells", "Ly-6A", "Inc. was founded", "KI67", "type-1a", "(a) and (b)",
    "exosomes-a review", "Fig. 1a",
])
def test_normal_words_are_left_alone(raw: str) -> None:
    assert fixed(raw) == raw


@pytest.mark.parametrize(("raw", "expected"), [
    ("as well as IncRNA/microRNA", "as well as lncRNA/microRNA"),
    ("IncRNAs UCA1", "lncRNAs UCA1"),
    ("expression of SI00A9 in", "expression of S100A9 in"),
    ("1O0 nm", "100 nm"),
    ("unclear [ 164]. The", "unclear [164]. The"),
    ("milk [2—4]. These", "milk [2–4]. These"),
    ("tumors [25 — 27].", "tumors [25–27]."),
    ("a 2—4 week course", "a 2—4 week course"),
])
def test_ocr_and_citation_repairs(raw: str, expected: str) -> None:
    assert fixed(raw) == expected


def test_offsets_map_each_cleaned_character_to_its_raw_origin() -> None:
    raw = "inhibits exo-\nsomes via TGF-$1 [ 12]"
    ct = repair(from_raw(raw))
    assert ct.text == "inhibits exosomes via TGF-β1 [12]"
    assert_offsets_valid(raw, ct)
    start = ct.text.index("exosomes")
    a, b = ct.raw_span(start, start + len("exosomes"))
    assert raw[a:b] == "exo-\nsomes"
    beta = ct.text.index("β")
    assert raw[ct.offsets[beta]] == "$"


def test_substitute_keeps_shared_prefix_and_suffix_offsets() -> None:
    ct = substitute(from_raw("abXYZcd"), "XYZ", "Q")
    assert ct.text == "abQcd" and ct.offsets == [0, 1, 2, 5, 6]
    grown = substitute(from_raw("a-b"), "-", "--")
    assert grown.text == "a--b" and grown.offsets == [0, 1, 1, 2]


def test_from_spans_maps_separators_into_the_raw_text() -> None:
    raw = "first line\nfigure junk\nsecond line"
    ct = from_spans(raw, [(0, 10), (23, 34)])
    assert ct.text == "first line\nsecond line"
    assert ct.offsets[10] == 10 and raw[10] == "\n"
    assert_offsets_valid(raw, ct)


def test_clean_drops_boilerplate_and_keeps_paragraphs() -> None:
    raw = ("Font Type:\nArial Georgia Verdana\nAbstract\n\nExo-\nsomes carry TGF-$1.\n\n"
           "Share and Cite\n\nAMA Style\n\nDoe J. A title. Cells. 2025; 1:1. https://doi.org/10.1/x\n")
    ct = clean(raw)
    assert ct.text == "Abstract\n\nExosomes carry TGF-β1."
    assert_offsets_valid(raw, ct)


_PIECES = st.sampled_from([
    "exo-\nsomes", "TGF-$1", "NF-xB", "a-SMA", "B-catenin", "IL-1B", "[ 12]", "[2—4]", "PD-\nL1",
    "IncRNA", " ", "  ", "\n", "\n\n", "cells.", "Fig. 1.", "et al.", "e.g.", "(", ")", "α", "x",
    "Abstract", "1. Introduction", "Keywords: a; b", "- item", "## Head", "**b**", "\r\n", "\t",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_clean_offsets_are_always_valid(pieces: list[str]) -> None:
    raw = "".join(pieces)
    assert_offsets_valid(raw, clean(raw))
    assert_offsets_valid(raw, repair(from_raw(raw)))
