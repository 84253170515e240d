"""Uses of the vesicles as findings of their own, and the smaller rules that came with them.
Sentences are written for the tests, not taken from sources/."""

from __future__ import annotations

import pytest

from exo_ontology import vocabulary as V
from exo_ontology.namespaces import compress
from exo_ontology.pipeline.documents import Reader
from tests.conftest import INHIBITS, PROMOTES, best, extract

BIOMARKER, DELIVERY = compress(str(V.BIOMARKER)), compress(str(V.DRUG_DELIVERY_VEHICLE))
THERAPY = compress(str(V.THERAPEUTIC_AGENT))


def test_a_use_of_the_vesicles_alone_is_a_finding(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes derived from dendritic cells can treat melanoma.\n")
    assert finding.application == (THERAPY,)
    assert finding.source_cell == (best(reader, "dendritic cell", "cell"),)
    assert finding.disease == (best(reader, "melanoma", "disease"),)
    assert (finding.cargo, finding.cargo_type, finding.effect) == ((), (), ())


@pytest.mark.parametrize("text", [
    "Smith et al. used exosomes to treat leukemia in mice.\n",                         # a study's set-up
    "The clinical use of exosomes as drug carriers is still at an early stage.\n",     # a limitation
    "Clarifying the role of exosomes could change the treatment of glioma.\n",         # studying a role
    "This approach is a promising treatment for glioma.\n",                           # no vesicles of its own
])
def test_no_use_is_read_where_the_sentence_does_not_claim_one(reader: Reader, text: str) -> None:
    assert extract(reader, text) == []


def test_a_use_elaborated_by_the_next_sentence_is_carried_into_it(reader: Reader) -> None:
    findings = extract(reader, "Exosomes have been used to treat gastric cancer. These vesicles carry miR-21 "
                               "inhibitors that suppress metastasis.\n")
    [finding] = findings
    assert finding.evidence.quote.startswith("These vesicles")
    assert THERAPY in finding.application
    assert finding.effect_direction == (INHIBITS,)


def test_a_use_restated_by_an_elaborating_sentence_is_not_a_second_finding(reader: Reader) -> None:
    findings = extract(reader, "Magnetic exosomes can be used for targeted drug delivery. These exosomes "
                               "accumulate at the tumour site and deliver the drug.\n")
    [finding] = findings
    assert finding.evidence.quote.startswith("Magnetic exosomes")
    assert finding.application == (DELIVERY,)


def test_vesicles_carrying_molecules_for_treatment_are_a_delivery_vehicle(reader: Reader) -> None:
    [finding] = extract(reader, "The ability of exosomes to carry hydrophilic molecules makes them promising "
                                "tools for cancer treatment.\n")
    assert finding.application == (DELIVERY,)


def test_vesicles_carrying_their_own_molecules_are_not_a_delivery_vehicle(reader: Reader) -> None:
    findings = extract(reader, "Exosomes act as carriers of lipids, DNA, RNA and proteins "
                               "and promote angiogenesis in glioma.\n")
    assert findings
    assert all(DELIVERY not in f.application for f in findings)


def test_their_continues_the_subject_of_the_sentence_before(reader: Reader) -> None:
    findings = extract(reader, "Exosomes released by macrophages were profiled in glioma. Their miRNAs "
                               "promote angiogenesis.\n")
    [finding] = findings
    assert finding.source_cell == (best(reader, "macrophage", "cell"),)
    assert finding.effect_direction == (PROMOTES,)


def test_a_second_vesicle_of_another_source_with_its_own_cargo_is_its_own_finding(reader: Reader) -> None:
    findings = extract(reader, "Gastric cancer was treated with exosomes containing miR-26a and "
                               "macrophage-derived exosomes that carry miR-21 inhibitors.\n")
    macrophage = best(reader, "macrophage", "cell")
    assert len(findings) == 2
    assert [macrophage in f.source_cell for f in findings].count(True) == 1


def test_identifying_molecular_patterns_is_a_diagnostic_use(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes in plasma are effective for identifying molecular patterns of "
                                "pancreatic cancer.\n")
    assert finding.application == (BIOMARKER,)


def test_differentiation_is_the_generic_cell_differentiation_effect(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from M2 macrophages stimulate differentiation in glioma.\n")
    assert finding.effect == ("GO:0030154",)
    assert finding.effect_direction == (PROMOTES,)


def test_a_marker_positive_population_is_a_cell_process_not_a_target(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from mesenchymal stem cells boost the population of Ki-67-positive "
                                "hepatocytes.\n")
    assert finding.effect == (best(reader, "hepatocyte proliferation", "process"),)
    assert finding.effect_direction == (PROMOTES,)
    assert finding.target == ()


def test_genes_associated_with_a_process_do_not_make_its_direction_neutral(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from mesenchymal stem cells suppress the transcription of genes "
                                "associated with inflammation.\n")
    assert finding.effect == (best(reader, "inflammatory response", "process"),)
    assert finding.effect_direction == (INHIBITS,)


def test_processes_listed_as_examples_are_not_effects(reader: Reader) -> None:
    findings = extract(reader, "Exosomes participate in many vital cellular processes, including angiogenesis "
                               "and apoptosis.\n")
    assert all(not f.effect for f in findings)


def test_vesicles_made_to_deliver_a_kind_of_cargo_are_a_delivery_vehicle(reader: Reader) -> None:
    findings = extract(reader, "Engineered exosomes delivered mRNA encoding a prodrug enzyme to breast cancer "
                               "cells and halted their proliferation.\n")
    assert findings
    assert all(DELIVERY in f.application for f in findings)


def test_a_summary_sites_paraphrase_gives_no_finding(reader: Reader) -> None:
    text = ("# Exosomes in glioma\n\n## Key findings\n\n- Exosomes promote angiogenesis in glioma.\n\n"
            "## Abstract\n\nExosomes from glioma cells promote angiogenesis.\n")
    [finding] = extract(reader, text)
    assert finding.evidence.quote == "Exosomes from glioma cells promote angiogenesis."


def test_cells_releasing_more_vesicles_promote_their_secretion(reader: Reader) -> None:
    [finding] = extract(reader, "Hypoxic glioma cells release exosomes at higher rates than normoxic cells.\n")
    assert finding.effect == (best(reader, "exosomal secretion", "process"),)
    assert finding.effect_direction == (PROMOTES,)
    assert finding.source_cell


def test_a_use_said_of_they_is_a_use_of_the_vesicles_before(reader: Reader) -> None:
    findings = extract(reader, "Exosomes from dendritic cells promote T cell activation in melanoma. Moreover, "
                               "they can serve as biomarkers of melanoma.\n")
    uses = [f for f in findings if not f.effect]
    assert [f.application for f in uses] == [(BIOMARKER,)]
    assert uses[0].source_cell == (best(reader, "dendritic cell", "cell"),)
