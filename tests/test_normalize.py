"""normalize(): Greek letters, mangled PDF β, dashes, case, plurals, British spelling."""

from __future__ import annotations

import pytest

from exo_ontology.grounding.normalize import STEPS, greek_letters, normalize, singular_last_word


@pytest.mark.parametrize("variants", [
    ("TGF-β1", "TGFB1", "TGF-beta1", "TGF beta 1", "TGF-Beta-1", "TGFβ1", "TGF\u2010β1"),
    ("IL-1β", "IL1B", "IL-1beta", "IL1-BETA", "IL 1 beta"),
    ("HIF-1α", "HIF1A", "HIF-1alpha", "HIF1-ALPHA"),
    ("NF-κB", "NF-kappaB", "NFKB", "NF kappa B"),
    ("PD-L1", "PDL1", "PD L1", "pd-l1", "PD\u2013L1"),
    ("cancer-associated fibroblasts", "Cancer associated fibroblast", "cancer–associated fibroblasts"),
    ("β-catenin", "beta-catenin", "Beta catenin"),
])
def test_spellings_meet(variants: tuple[str, ...]) -> None:
    keys = {normalize(v) for v in variants}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(("mangled", "meant"), [
    ("TGF-$1", "TGF-β1"), ("TGF$1", "TGF-β1"), ("TGF-p1", "TGF-β1"), ("TGF-$", "TGF-β"),
    ("PDGF-$2", "PDGF-β2"),
])
def test_mangled_pdf_beta_is_repaired(mangled: str, meant: str) -> None:
    assert normalize(mangled) == normalize(meant)


@pytest.mark.parametrize(("a", "b"), [
    ("beta cell", "B cell"),          # Greek spelled out unless glued to a symbol-like stem
    ("p21", "TGF-p1"),                # "p" is β only between a capital stem and one digit
    ("miR-21-3p", "miR-21-3β"),
    ("CDKS", "CDK"),                  # an upper-case symbol is not a plural
    ("RHO", "rhoalpha"),
    ("5 μM", "5M"),                   # μ after a number is a unit, never a symbol letter
])
def test_different_things_stay_apart(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


@pytest.mark.parametrize(("plural", "singular"), [
    ("exosomes", "exosome"), ("Exosomes", "exosome"), ("extracellular vesicles", "extracellular vesicle"),
    ("cancer-associated fibroblasts", "cancer-associated fibroblast"), ("therapies", "therapy"),
    ("processes", "process"), ("CAFs", "CAF"), ("MSCs", "MSC"), ("miRNAs", "miRNA"),
    ("T-cells", "T-cell"), ("M2 macrophages", "M2 macrophage"),
])
def test_plural_of_the_last_word_is_stripped(plural: str, singular: str) -> None:
    assert normalize(plural) == normalize(singular)


@pytest.mark.parametrize("word", ["metastasis", "virus", "CDKS", "AIDS", "Hrs", "IL-6s", "mellitus"])
def test_words_that_only_look_plural_are_kept(word: str) -> None:
    assert singular_last_word(word) == word


def test_case_is_folded_only_when_asked() -> None:
    assert normalize("MET") == normalize("met") == "met"
    assert normalize("MET", casefold=False) == "MET"
    assert normalize("met", casefold=False) == "met"
    assert normalize("TGF-β1", casefold=False) == "TGFB1"      # symbol stems give capitals


@pytest.mark.parametrize(("british", "american"), [
    ("tumour", "tumor"), ("leukaemia", "leukemia"), ("haematopoietic", "hematopoietic"),
    ("oesophageal cancer", "esophageal cancer"), ("macrophage polarisation", "macrophage polarization"),
    ("Alzheimer's disease", "Alzheimer disease"),
])
def test_spelling_variants(british: str, american: str) -> None:
    assert normalize(british) == normalize(american)


def test_parenthesised_qualifier_is_part_of_the_key() -> None:
    """GO:0000178 'exosome (RNase complex)' must not share the key of 'exosome'."""
    assert normalize("exosome (RNase complex)") != normalize("exosome")


def test_greek_step_alone() -> None:
    assert greek_letters("β-catenin").split() == ["beta", "-catenin"]
    assert greek_letters("TGF-β1") == "TGF-B1"
    assert greek_letters("IL-1beta") == "IL-1B"
    assert greek_letters("PKCθ") == "PKCQ"                     # HGNC writes θ as Q (PRKCQ)
    assert greek_letters("RhoA") == "RhoA"                     # "Rho" is not spelled Greek here


def test_steps_are_named_and_idempotent() -> None:
    names = [step.__name__ for step in STEPS]
    assert names[0] == "nfkc" and "greek_letters" in names and names[-1] == "squash_separators"
    for text in ("TGF-β1", "Cancer-associated fibroblasts", "miR-21", "NF-κB", "5-FU"):
        assert normalize(normalize(text)) == normalize(text)
