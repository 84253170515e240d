"""The failure families seen on text the rules were not written against (issue 9), each on sentences
written for these tests: drug resistance, cargo cues, cargo types, silencing, non-claims, shorthands,
document context and oncology abbreviations."""

from __future__ import annotations

import pytest

from exo_ontology import vocabulary as V
from exo_ontology.grounding.recognize import recognize_text
from exo_ontology.namespaces import compress
from exo_ontology.pipeline.documents import Reader
from tests.conftest import PROMOTES, best, extract

RESISTANCE = compress(str(V.DRUG_RESISTANCE))
SENSITIZATION = compress(str(V.DRUG_SENSITIZATION))
LNCRNA, PROTEIN, DNA = (compress(str(V.CARGO_TYPES[k])) for k in ("lncrna", "protein", "dna"))
SIRNA = compress(str(V.CARGO_TYPES["sirna"]))
DOWN = compress(str(V.DOWNREGULATES))


def only(findings: list, **expected: object) -> None:
    assert findings, "no finding"
    for slot, value in expected.items():
        assert any(value in f.slot(slot) for f in findings), (slot, [f.slot(slot) for f in findings])


@pytest.mark.parametrize("text", [
    "Exosomal miR-21 from fibroblasts promoted cisplatin resistance of gastric cancer cells.\n",
    "Fibroblast exosomes carrying miR-21 conferred resistance to cisplatin in gastric cancer.\n",
    "Exosomes transferring miR-21 induced chemoresistance in gastric cancer cells.\n",
])
def test_drug_resistance_is_an_effect_however_it_is_worded(reader: Reader, text: str) -> None:
    findings = extract(reader, text)
    only(findings, effect=RESISTANCE, effect_direction=PROMOTES)
    assert all("resistance" in f.evidence.rule or "resistant" in f.evidence.rule or "promote" in f.evidence.rule
               for f in findings)


def test_sensitivity_to_a_drug_is_drug_sensitization(reader: Reader) -> None:
    only(extract(reader, "Exosomes loaded with a KRAS siRNA restored sensitivity to gemcitabine in "
                         "pancreatic cancer cells.\n"), effect=SENSITIZATION)


@pytest.mark.parametrize("text", [
    "Serum exosomes were enriched in MALAT1 in patients with breast cancer.\n",
    "MALAT1 is packaged into exosomes released by breast cancer cells.\n",
    "MALAT1-containing extracellular vesicles promote breast cancer metastasis.\n",
])
def test_cargo_cues_beyond_carry(reader: Reader, text: str) -> None:
    malat1 = best(reader, "MALAT1", "gene")
    only(extract(reader, text), cargo=malat1)


def test_a_marker_on_the_vesicles_is_their_cargo(reader: Reader) -> None:
    only(extract(reader, "EpCAM-positive EVs in plasma distinguished colorectal cancer from benign disease.\n"),
         cargo=best(reader, "EPCAM", "gene"))


def test_cargo_type_comes_from_the_lexicon_never_protein_by_default(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal MALAT1 promotes migration of lung cancer cells.\n")
    assert finding.cargo_type == (LNCRNA,)          # an lncRNA locus, not a protein
    [protein] = extract(reader, "Exosomal PD-L1 suppresses T cell activation in melanoma.\n")
    assert protein.cargo_type == (PROTEIN,)          # a protein-coding gene
    [dna] = extract(reader, "Serum exosomes of patients carry mutant KRAS DNA in pancreatic cancer.\n")
    assert DNA in dna.cargo_type and PROTEIN not in dna.cargo_type


def test_the_gene_a_silencing_cargo_is_named_after_is_its_target(reader: Reader) -> None:
    findings = extract(reader, "Engineered exosomes delivered KRAS siRNA to lung tumours and inhibited "
                               "their growth in mice.\n")
    kras = best(reader, "KRAS", "gene")
    assert findings and all(kras not in f.cargo for f in findings)
    only(findings, target=kras, direction=DOWN, cargo_type=SIRNA)


@pytest.mark.parametrize("text", [
    "We aimed to determine whether plasma exosomes carry miR-21 in glioma.\n",
    "Exosomes were isolated by ultracentrifugation from the serum of glioma patients.\n",
    "We hypothesized that exosomal miR-21 promotes glioma invasion.\n",
    "Whether exosomal miR-21 promotes glioma invasion remains unclear.\n",
    "We therefore examined the effects of glioma exosomes on macrophage polarization.\n",
])
def test_aims_methods_hypotheses_and_open_questions_state_no_finding(reader: Reader, text: str) -> None:
    assert extract(reader, text) == []


def test_the_word_therapy_is_not_an_application(reader: Reader) -> None:
    findings = extract(reader, "Exosomal miR-21 promotes invasion of glioma cells, a problem for therapy.\n")
    assert findings and all(not f.application for f in findings)


def test_a_shorthand_the_text_defines_carries_the_vesicles_and_their_source(reader: Reader) -> None:
    text = ("Hypoxic glioma cell-derived exosomes (H-GDEs) were studied in glioma.\n"
            "H-GDEs contained high levels of IL-6 and promoted macrophage polarization.\n")
    findings = [f for f in extract(reader, text) if f.cargo]
    only(findings, cargo=best(reader, "IL-6", "gene"), source_cell=best(reader, "neoplastic cell", "cell"))


def test_a_cargo_named_again_without_its_vesicles_is_still_their_cargo(reader: Reader) -> None:
    text = ("Exosomes released by glioma cells carry miR-155-3p.\n"
            "miR-155-3p induced M2 polarization of macrophages.\n")
    second = [f for f in extract(reader, text) if f.effect]
    only(second, cargo=best(reader, "hsa-miR-155-3p", "mirna"), effect_direction=PROMOTES)


def test_a_text_without_a_title_takes_its_first_lines_disease_for_sentences_naming_none(reader: Reader) -> None:
    text = ("A study of tumour-associated macrophages and their products in glioblastoma patients\n\n"
            "Exosomes from macrophages promote invasion of the cells.\n")
    [finding] = extract(reader, text)
    assert finding.disease == (best(reader, "glioblastoma", "disease"),) and finding.disease_inherited


@pytest.mark.parametrize(("short", "long"), [("PDAC", "pancreatic ductal adenocarcinoma"),
                                              ("PCa", "prostate cancer"), ("CRC", "colorectal cancer")])
def test_undefined_oncology_abbreviations_ground_as_their_long_form(reader: Reader, short: str, long: str) -> None:
    assert best(reader, short, "disease") == best(reader, long, "disease")


def test_a_document_definition_comes_before_the_oncology_table(reader: Reader) -> None:
    text = ("Exosomes are released in malignant mesothelioma (MM).\n"
            "Exosomal miR-21 promotes invasion of MM cells.\n")
    diseases = {d for f in extract(reader, text) for d in f.disease}
    assert diseases & {best(reader, "malignant mesothelioma", "disease"), best(reader, "mesothelioma", "disease")}
    assert best(reader, "multiple myeloma", "disease") not in diseases      # what the table would say


@pytest.mark.parametrize(("text", "type_", "name"), [
    ("plasma", "anatomy", "blood plasma"), ("sera", "anatomy", "blood serum"),
    ("bloodstream", "anatomy", "blood"), ("proliferation", "process", "cell population proliferation"),
    ("communication between cells", "process", "cell-cell signaling"),
])
def test_common_names_of_the_field_ground_as_the_term_they_name(reader: Reader, text: str, type_: str,
                                                                name: str) -> None:
    assert best(reader, text, type_) == best(reader, name, type_)


def test_an_upper_case_symbol_is_not_read_as_a_common_name(reader: Reader) -> None:
    assert best(reader, "SERA", "gene") != best(reader, "blood serum", "anatomy")


@pytest.mark.parametrize("text", ["glioma cells", "NPC cells", "PDAC cell lines", "breast cancer cells",
                                  "hypoxic glioma cells"])
def test_cells_of_a_named_cancer_are_neoplastic_cells(reader: Reader, text: str) -> None:
    assert best(reader, text, "cell") == best(reader, "neoplastic cell", "cell")


def test_typographic_hyphens_in_a_mirna_name(reader: Reader) -> None:
    assert best(reader, "miR\u2010296\u20103p", "mirna") == best(reader, "miR-296-3p", "mirna")


def test_a_protein_that_packages_the_cargo_is_neither_cargo_nor_target(reader: Reader) -> None:
    hnrnpa1 = best(reader, "HNRNPA1", "gene")
    for text in (("In fibroblasts, hnRNPA1 packages miR-522 into exosomes that suppress ferroptosis in "
                 "gastric cancer cells.\n"),
                 "miR-522 was sorted into exosomes by hnRNPA1 and suppressed ALOX15 in gastric cancer cells.\n"):
        findings = extract(reader, text)
        assert findings and all(hnrnpa1 not in f.cargo and hnrnpa1 not in f.target for f in findings)
    [passive] = extract(reader, "PTEN packaged into exosomes inhibited proliferation of glioma cells.\n")
    assert passive.cargo == (best(reader, "PTEN", "gene"),)      # packaged itself: cargo


def test_a_drug_in_a_resistant_cell_line_name_is_not_a_cargo(reader: Reader) -> None:
    findings = extract(reader, "Exosomes from A549/DDP cells transferred cisplatin resistance to A549 cells "
                               "in lung cancer.\n")
    assert findings and all(not f.cargo for f in findings)


@pytest.mark.parametrize("word", ["disseminated", "advanced", "aggressive"])
def test_adjectives_and_participles_are_not_diseases(reader: Reader, word: str) -> None:
    text = f"Exosomal miR-21 promotes invasion in {word} colon cancer."
    diseases = [m.text for m in recognize_text(text, reader.grounder) if m.type == "disease"]
    assert diseases == ["colon cancer"]


def test_a_loss_of_function_experiment_gives_the_molecules_own_direction(reader: Reader) -> None:
    mif = best(reader, "MIF", "gene")
    findings = extract(reader, "Exosomal MIF was high in pancreatic cancer exosomes, and blocking it prevented "
                               "liver metastasis in mice.\n")
    only(findings, cargo=mif, effect_direction=PROMOTES)
    knocked = extract(reader, "After knockdown of exosomal MALAT1, invasion of lung cancer cells decreased.\n")
    only(knocked, cargo=best(reader, "MALAT1", "gene"), effect_direction=PROMOTES)


def test_a_direction_said_after_the_effect(reader: Reader) -> None:
    [finding] = extract(reader, "With exosomal miR-21 from fibroblasts, migration of the glioma cells was "
                                "markedly enhanced.\n")
    assert finding.effect_direction == (PROMOTES,)


def test_cells_treated_with_vesicles_is_not_a_treatment(reader: Reader) -> None:
    findings = extract(reader, "In glioma cells treated with exosomal miR-21, migration was markedly enhanced.\n")
    assert findings and all(not f.application and f.effect_direction == (PROMOTES,) for f in findings)


def test_resistant_cells_name_a_condition_not_an_effect(reader: Reader) -> None:
    findings = extract(reader, "Osimertinib-resistant cells release exosomes that promote migration of "
                               "lung cancer cells.\n")
    assert findings and all(RESISTANCE not in f.effect for f in findings)


def test_vesicles_delivering_a_therapeutic_payload_are_a_delivery_vehicle(reader: Reader) -> None:
    delivery, target = compress(str(V.DRUG_DELIVERY_VEHICLE)), compress(str(V.THERAPEUTIC_TARGET))
    only(extract(reader, "Tumour-targeting exosomes delivered KRAS siRNA to lung tumours in mice.\n"),
         application=delivery)
    findings = extract(reader, "Tumour-targeting exosomes delivered KRAS siRNA to lung tumours in mice.\n")
    assert all(target not in f.application for f in findings)     # the vesicles target; they are not a target


@pytest.mark.parametrize(("text", "name"), [
    ("M2-like macrophage polarization", "M2 macrophage polarization"),
    ("glioma progression", "tumor progression"), ("progression of glioma", "tumor progression"),
    ("chemoradioresistance", "drug resistance"),
])
def test_process_names_with_a_qualifier_or_a_disease(reader: Reader, text: str, name: str) -> None:
    assert best(reader, text, "process") == best(reader, name, "process")
