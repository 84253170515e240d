"""recognize(): abbreviations per document, miRNA names, longest match, false-positive guards.

Expected IDs come from ../shared/reference (pinned in tests/fixtures), never typed from memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exo_ontology.grounding.abbreviations import find_abbreviations
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.recognize import recognize, recognize_text
from exo_ontology.model import Mention, Sentence
from exo_ontology.paths import Paths
from tests.reference import gene
from tests.reference import ref as _ref

ROOT = Path(__file__).resolve().parents[1]


def ref(file: str, column: str, value: str, id_column: str = "id") -> str:
    """The one ID whose `column` lists `value`."""
    return _ref(file, column, value, id_column, multi=True)


@pytest.fixture(scope="module")
def grounder() -> Grounder:
    return Grounder.from_paths(Paths(ROOT))


def doc(*texts: str, doc_id: str = "d1") -> list[Sentence]:
    return [Sentence(doc_id, i, t, 0, len(t)) for i, t in enumerate(texts)]


def mentions(grounder: Grounder, text: str) -> list[Mention]:
    return recognize_text(text, grounder)


def found(ms: list[Mention]) -> dict[str, str]:
    return {m.text: m.best.curie for m in ms if m.best is not None}


# ---- abbreviations -------------------------------------------------------------------------
@pytest.mark.parametrize(("definition", "later", "short", "file", "column", "value"), [
    ("Cancer-associated fibroblasts (CAFs) secrete exosomes.", "CAFs promote growth.", "CAFs",
     "cl_terms.tsv.gz", "label", "fibroblast"),
    ("Exosomes expand myeloid-derived suppressor cells (MDSC).", "MDSC suppress T cells.", "MDSC",
     "cl_terms.tsv.gz", "label", "myeloid suppressor cell"),
    ("They treat non-small cell lung cancer (NSCLC) in mice.", "NSCLC exosomes carry PD-L1.",
     "NSCLC", "mondo_terms.tsv.gz", "exact_synonyms", "non-small cell lung cancer"),
    ("Patients with hepatocellular carcinoma (HCC) were studied.", "In HCC, exosomes matter.",
     "HCC", "mondo_terms.tsv.gz", "label", "hepatocellular carcinoma"),
])
def test_abbreviation_grounds_like_its_long_form(grounder: Grounder, definition: str, later: str,
                                                 short: str, file: str, column: str,
                                                 value: str) -> None:
    expected = ref(file, column, value)
    result = recognize(doc(definition, later), grounder)
    first = found(result[0])
    assert expected in first.values()                          # the long form itself
    assert short not in first                                  # no second mention in the parens
    hit = [m for m in result[1] if m.text == short]
    assert hit and hit[0].best is not None and hit[0].best.curie == expected
    assert hit[0].best.status == "abbreviation" and "abbreviation of" in hit[0].best.note


def test_singular_of_a_plural_short_form(grounder: Grounder) -> None:
    result = recognize(doc("dendritic cells (DCs) take up exosomes.", "Each DC presents."),
                       grounder)
    assert found(result[1]).get("DC") == ref("cl_terms.tsv.gz", "label", "dendritic cell")


def test_abbreviations_stay_inside_their_document(grounder: Grounder) -> None:
    sentences = [*doc("Cancer-associated fibroblasts (CAFs) secrete exosomes."),
                 *doc("CAFs are here.", doc_id="d2")]
    sentences[1] = Sentence("d2", 1, "CAFs are here.", 0, 14)
    result = recognize(sentences, grounder)
    assert all(m.best is None or m.best.status != "abbreviation" for m in result[1])


def test_short_form_of_an_unknown_long_form_is_not_a_gene_alias(grounder: Grounder) -> None:
    text = "They used magnetic resonance imaging (MRI) and MRI again."
    assert [a.long for a in find_abbreviations(doc(text)[0], grounder)] == [
        "magnetic resonance imaging"]
    result = recognize(doc(text, "MRI showed tumours."), grounder)
    assert all(m.text != "MRI" for ms in result.values() for m in ms)


# ---- miRNAs --------------------------------------------------------------------------------
def test_mirna_mentions(grounder: Grounder) -> None:
    text = "Exosomal miR-21 and miR-155-5p, with miR-3940-5p, miR-22-3p, miR-16-5p, target PTEN."
    ms = mentions(grounder, text)
    mirs = [m for m in ms if m.type == "mirna"]
    assert [m.text for m in mirs] == ["miR-21", "miR-155-5p", "miR-3940-5p", "miR-22-3p",
                                      "miR-16-5p"]
    assert mirs[0].best is not None and mirs[0].best.curie == gene("MIR21")
    assert found(ms)["PTEN"] == gene("PTEN")


def test_list_form_gives_one_mention_per_name(grounder: Grounder) -> None:
    mirs = [m for m in mentions(grounder, "miR-181a/b is up.") if m.type == "mirna"]
    assert len(mirs) == 2 and mirs[0].text == mirs[1].text == "miR-181a/b"
    assert mirs[0].best is not None and mirs[1].best is not None
    assert mirs[0].best.curie != mirs[1].best.curie


# ---- longest match and nesting ----------------------------------------------------------------
def test_offsets_point_at_the_text(grounder: Grounder) -> None:
    text = "Cancer-derived exosomes carrying TGF-β1 induce M2 macrophage polarization in HCC."
    for m in mentions(grounder, text):
        assert text[m.start:m.end] == m.text


def test_longest_match_wins(grounder: Grounder) -> None:
    ms = found(mentions(grounder, "They induce M2 macrophage polarization and angiogenesis."))
    assert "M2 macrophage polarization" in ms and "M2 macrophage" not in ms
    assert ms["angiogenesis"] == ref("go_terms.tsv.gz", "label", "angiogenesis")


def test_disease_cells_give_disease_and_cell_mentions(grounder: Grounder) -> None:
    ms = mentions(grounder, "Exosomes from breast cancer cells were collected.")
    by_type = {(m.text, m.type): m for m in ms}
    disease = by_type[("breast cancer", "disease")]
    cell = by_type[("breast cancer cells", "cell")]
    assert disease.best is not None and disease.best.curie == ref(
        "mondo_terms.tsv.gz", "label", "breast cancer")
    # the project's convention: cancer and tumour cells are neoplastic cells
    assert cell.best is not None and cell.best.curie == ref("cl_terms.tsv.gz", "label",
                                                            "neoplastic cell")


def test_exosome_mentions_are_the_vesicle(grounder: Grounder) -> None:
    ms = found(mentions(grounder, "Exosomes and exosome release"))
    assert set(ms.values()) == {ref("go_terms.tsv.gz", "label", "extracellular exosome")}


# ---- false-positive guards --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The results met expectations and can impact all cells.",
    "This ar sf hp can met set is lower case.",
    "In type II and type IV samples, protein and tumor levels rose.",
    "A b c d e x y z.",
    "Zhan et al. reported it.",
])
def test_common_words_are_not_genes(grounder: Grounder, text: str) -> None:
    assert [m.text for m in mentions(grounder, text) if m.type == "gene"] == []


def test_case_exact_alias_rule(grounder: Grounder) -> None:
    assert found(mentions(grounder, "MET and AR were measured."))["MET"] == gene("MET")
    assert "AR" not in found(mentions(grounder, "MET and AR were measured."))   # too short
    assert "met" not in found(mentions(grounder, "The criteria were met."))


def test_generic_words_are_not_mentions(grounder: Grounder) -> None:
    ms = found(mentions(grounder, "The protein in these cells and the gene of this family."))
    assert ms == {}


def test_cue_words_of_the_edit_file_are_left_to_extraction(grounder: Grounder) -> None:
    ms = {m.text for m in mentions(grounder, "Exosomes inhibit growth in clinical findings.")}
    assert not {"inhibit", "clinical", "findings"} & ms


@pytest.mark.parametrize(("text", "token", "symbol"), [
    ("Exosomal circHIPK3 promotes proliferation.", "circHIPK3", "HIPK3"),
    ("CD44v3-positive exosomes promote invasion.", "CD44v3", "CD44"),
])
def test_names_derived_from_a_gene_are_recognised_as_the_gene(grounder: Grounder, text: str, token: str,
                                                                symbol: str) -> None:
    assert found(mentions(grounder, text)).get(token) == gene(symbol)


def test_a_derived_shape_with_no_such_gene_is_not_a_mention(grounder: Grounder) -> None:
    assert "circXYZQ99" not in found(mentions(grounder, "Exosomal circXYZQ99 promotes proliferation."))


def test_a_cell_phrase_composing_a_more_specific_type_is_one_mention(grounder: Grounder) -> None:
    ms = found(mentions(grounder, "Exosomes from antigen-presenting cells activate T cells."))
    assert ms.get("antigen-presenting cells") == ref("cl_terms.tsv.gz", "label", "professional antigen presenting cell")
    ms = found(mentions(grounder, "Exosomes from human fetal lung fibroblasts inhibit migration."))
    assert ms.get("human fetal lung fibroblasts") == ref("cl_terms.tsv.gz", "label", "fibroblast of lung")
    assert "lung" not in ms     # a loose one-word synonym of a disease is not a disease inside a cell name


def test_a_cell_phrase_saying_no_more_than_its_last_word_is_not_a_new_mention(grounder: Grounder) -> None:
    ms = found(mentions(grounder, "Exosomes from healthy cells and normal fibroblasts were compared."))
    assert "healthy cells" not in ms and "normal fibroblasts" not in ms


@pytest.mark.parametrize(("text", "span"), [
    ("Patients with acute-on-chronic liver failure were studied.", "chronic liver failure"),
    ("Levels are higher than in non-pancreatitis patients.", "pancreatitis"),
    ("Exosomes increase fat mass and obesity-related protein levels.", "obesity"),
    ("Exosomes suppress α-SMA expression in stellate cells.", "SMA"),
    ("Exosomes may help identify pre-metastatic niches in cancer.", "niches"),
])
def test_a_disease_reading_the_context_rules_out_is_dropped(grounder: Grounder, text: str, span: str) -> None:
    assert not found(mentions(grounder, text)).get(span, "").startswith("MONDO:")


def test_an_undefined_cancer_acronym_is_kept(grounder: Grounder) -> None:
    assert found(mentions(grounder, "Exosomal miR-21 promotes HCC progression.")).get("HCC") == \
        ref("mondo_terms.tsv.gz", "label", "hepatocellular carcinoma")


def test_a_former_gene_symbol_at_a_compound_tail_is_not_the_gene(grounder: Grounder) -> None:
    assert "SMA" not in found(mentions(grounder, "Exosomes suppress α-SMA expression in stellate cells."))


def test_a_name_also_written_as_cells_is_a_cell_line_not_a_gene(grounder: Grounder) -> None:
    # HT-1080 is also an alias of CDC123 in NCBI Gene
    assert found(mentions(grounder, "HT1080 exosomes are absorbed by cells.")).get("HT1080", "").startswith("NCBIGene:")
    ms = mentions(grounder, "HT1080 exosomes are absorbed by HT1080 cells.")
    assert not any(m.type == "gene" and m.text == "HT1080" for m in ms)
