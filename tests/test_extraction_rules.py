"""Finer extraction rules: cargo named by its kind, cell-process effects, neutral verbs, vague
statements, who releases the vesicles. Sentences are written for the tests, not taken from sources/."""

from __future__ import annotations

from pathlib import Path

import pytest

from exo_ontology import vocabulary as V
from exo_ontology.model import SourceDoc
from exo_ontology.namespaces import compress
from exo_ontology.pipeline.documents import Reader, findings_from_text
from tests.conftest import INHIBITS, PROMOTES, best, extract

MIRNA_CARGO, PROTEIN_CARGO = compress(str(V.MICRORNA)), compress(str(V.PROTEIN_CARGO))
BIOMARKER = compress(str(V.BIOMARKER))


def test_cargo_named_only_by_its_kind_makes_a_finding_with_an_application(reader: Reader) -> None:
    [finding] = extract(reader, "Circulating exosomal proteins and miRNAs are candidate biomarkers of glioma.\n")
    assert set(finding.cargo_type) == {MIRNA_CARGO, PROTEIN_CARGO}
    assert finding.cargo == ()
    assert BIOMARKER in finding.application


def test_a_kind_of_cargo_with_nothing_said_of_it_makes_no_finding(reader: Reader) -> None:
    assert extract(reader, "Exosomal miRNAs were sequenced in this cohort.\n") == []


def test_process_of_a_cell_type_is_its_go_process_and_coordination_shares_it(reader: Reader) -> None:
    findings = extract(reader, "Melanoma exosomes suppress the activation of T cells and NK cells.\n")
    effects = {e for f in findings for e in f.effect}
    assert best(reader, "T cell activation", "process") in effects
    assert best(reader, "natural killer cell activation", "process") in effects
    assert all(f.effect_direction == (INHIBITS,) for f in findings if f.effect)


def test_process_of_a_cell_type_without_a_go_term_falls_back_to_the_generic_effect(reader: Reader) -> None:
    [finding] = extract(reader, "Glioma exosomes increase the proliferation of myeloid-derived suppressor cells.\n")
    assert best(reader, "cell population proliferation", "process") in finding.effect
    assert finding.effect_direction == (PROMOTES,)
    assert best(reader, "myeloid-derived suppressor cell", "cell") in finding.recipient_cell


def test_a_neutral_verb_nearer_than_a_directed_one_leaves_no_direction(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from gastric cancer cells promote disease by modulating angiogenesis.\n")
    assert finding.effect == (best(reader, "angiogenesis", "process"),)
    assert finding.effect_direction == ()


def test_an_undirected_effect_with_nothing_else_is_too_vague(reader: Reader) -> None:
    assert extract(reader, "Exosomes influence the activity of immune cells.\n") == []


def test_cells_acted_on_by_the_vesicles_are_not_their_source(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes can inhibit the activity of natural killer cells in lymphoma.\n")
    assert finding.source_cell == ()
    assert best(reader, "natural killer cell", "cell") in finding.recipient_cell


def test_a_cargo_between_vesicle_and_participle_keeps_the_source(reader: Reader) -> None:
    findings = extract(reader, "EV miR-155 secreted by M1 macrophages inhibits proliferation of glioma cells.\n")
    assert findings and all(best(reader, "M1 macrophage", "cell") in f.source_cell for f in findings)


def test_essential_for_promotes(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from adipocytes are essential for angiogenesis in breast cancer.\n")
    assert finding.effect_direction == (PROMOTES,)


def test_a_molecule_transferred_by_exosomes_in_the_passive_is_cargo(reader: Reader) -> None:
    findings = extract(reader, "ABCB1 from resistant cells was transferred by exosomes to sensitive cells, "
                               "promoting drug resistance in ovarian cancer.\n")
    assert findings and all(best(reader, "ABCB1", "gene") in f.cargo for f in findings)


def test_a_statement_the_text_calls_unclear_is_not_a_finding(reader: Reader) -> None:
    assert extract(reader, "Whether exosomal miR-21 promotes angiogenesis in glioma remains largely unclear.\n") == []


def test_an_anaphor_naming_something_else_does_not_continue_the_vesicles(reader: Reader) -> None:
    text = ("Exosomes from adipocytes carry miR-155 in obesity.\n\n"
            "These changes promote angiogenesis and proliferation.\n")
    assert all("promote angiogenesis" not in f.evidence.quote for f in extract(reader, text))


def test_an_adjective_names_the_vesicle_type(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-21 promotes angiogenesis in glioma.\n")
    assert compress(str(V.GO_EXOSOME)) in finding.vesicle_type or V.GO_EXOSOME in finding.vesicle_type


def test_reduced_drug_sensitivity_is_recorded_as_drug_resistance_promoted(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-222 reduces sensitivity to tamoxifen in breast cancer cells.\n")
    assert finding.effect == (compress(str(V.DRUG_RESISTANCE)),)
    assert finding.effect_direction == (PROMOTES,)


def test_overcoming_resistance_stays_resistance_inhibited(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes loaded with miR-143 overcome resistance to cisplatin in lung cancer.\n")
    assert compress(str(V.DRUG_RESISTANCE)) in finding.effect
    assert finding.effect_direction == (INHIBITS,)


def test_models_resistant_to_a_drug_are_a_condition_not_an_effect(reader: Reader) -> None:
    findings = extract(reader, "Exosomal miR-21 promotes angiogenesis in tumours resistant to cisplatin.\n")
    assert all(compress(str(V.DRUG_RESISTANCE)) not in f.effect for f in findings)


def test_a_name_also_written_as_cells_is_a_cell_line_not_a_gene(reader: Reader) -> None:
    findings = extract(reader, "A549 exosomes promoted migration of A549 cells in lung cancer.\n")
    assert all(not f.cargo for f in findings)


def test_clauses_with_their_own_vesicles_are_separate_findings(reader: Reader) -> None:
    text = ("Exosomes from cancer stem cells promote metastasis in glioma; "
            "in contrast, exosomes from mesenchymal stem cells inhibit angiogenesis.\n")
    findings = extract(reader, text)
    by_effect = {e: f for f in findings for e in f.effect}
    metastasis, angiogenesis = best(reader, "metastasis", "process"), best(reader, "angiogenesis", "process")
    assert by_effect[metastasis].source_cell == (best(reader, "cancer stem cell", "cell"),)
    assert by_effect[angiogenesis].source_cell == (best(reader, "mesenchymal stem cell", "cell"),)
    assert by_effect[angiogenesis].effect_direction == (INHIBITS,)
    first, second = by_effect[metastasis].evidence, by_effect[angiogenesis].evidence
    assert (first.quote, first.char_start, first.char_end) == (second.quote, second.char_start, second.char_end)


def test_a_clause_without_vesicles_stays_with_the_claim_before_it(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-21 promotes metastasis in glioma; this is seen in patients.\n")
    assert finding.cargo


def test_growth_of_the_tumour_is_tumour_growth(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes loaded with IL-2 inhibit the growth of the tumor.\n")
    assert finding.effect == (compress(str(V.TUMOR_GROWTH)),)
    assert finding.effect_direction == (INHIBITS,)


def test_less_effective_chemotherapy_is_drug_resistance(reader: Reader) -> None:
    findings = extract(reader, "Exosomal miR-21 reduces the efficacy of chemotherapy in colon cancer.\n")
    assert [f.effect for f in findings] == [(compress(str(V.DRUG_RESISTANCE)),)]


def test_efficacy_of_drug_loading_is_not_a_drug_response(reader: Reader) -> None:
    findings = extract(reader, "Exosomes loaded with doxorubicin improve the efficacy of drug loading.\n")
    assert all(compress(str(V.DRUG_SENSITIZATION)) not in f.effect for f in findings)


def test_a_study_design_is_not_a_finding(reader: Reader) -> None:
    text = ("The authors compared natural exosomes with doxorubicin-loaded exosomes "
            "to determine which killed more cells.\n")
    assert extract(reader, text) == []


def test_a_caveat_clause_does_not_hide_the_claim(reader: Reader) -> None:
    text = ("Exosomal miRNAs are promising biomarkers of glioma, "
            "but research is needed to determine how well they work.\n")
    assert extract(reader, text)


def test_a_kind_word_is_a_cargo_type_not_a_chemical_cargo(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes delivered mRNA to breast cancer cells in mice.\n")
    assert finding.cargo == ()
    assert compress(str(V.MRNA_CARGO)) in finding.cargo_type


def test_vesicle_release_with_nothing_acting_on_it_is_vague(reader: Reader) -> None:
    assert extract(reader, "An unnamed family of GTPases is crucial for the secretion of exosomes.\n") == []


def test_cells_in_apposition_or_coordination_share_the_source_role(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes derived from immune cells, such as dendritic cells (DCs), "
                                "promote antitumor immunity in melanoma.\n")
    assert best(reader, "dendritic cell", "cell") in finding.source_cell
    [finding] = extract(reader, "Exosomes from macrophages and fibroblasts promote metastasis in glioma.\n")
    assert set(finding.source_cell) == {best(reader, "macrophage", "cell"), best(reader, "fibroblast", "cell")}


def test_bare_conjunct_cells_and_coordinated_processes(reader: Reader) -> None:
    findings = extract(reader, "Melanoma exosomes suppress the proliferation and activation of T and NK cells.\n")
    effects = {e for f in findings for e in f.effect}
    recipients = {c for f in findings for c in f.recipient_cell}
    assert {best(reader, "T cell activation", "process"), best(reader, "T cell proliferation", "process"),
            best(reader, "natural killer cell activation", "process")} <= effects
    assert {best(reader, "T cell", "cell"), best(reader, "NK cell", "cell")} <= recipients


def test_a_molecule_placed_in_the_vesicles_is_cargo_even_after_a_regulation_cue(reader: Reader) -> None:
    [finding] = extract(reader, "The expression levels of EGFR in exosomes are a biomarker of glioma.\n")
    assert best(reader, "EGFR", "gene") in finding.cargo
    assert finding.target == ()


def test_a_participle_after_a_comma_places_the_cargo(reader: Reader) -> None:
    findings = extract(reader, "The lncRNA HOTAIR, carried in exosomes from glioma cells, promotes angiogenesis.\n")
    assert findings and all(best(reader, "HOTAIR", "gene") in f.cargo for f in findings)


def test_converting_fibroblasts_into_cafs_is_the_conversion_effect(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from melanoma cells convert normal fibroblasts into CAFs.\n")
    assert finding.effect == (compress(str(V.FIBROBLAST_TO_CAF_CONVERSION)),)
    assert finding.effect_direction == (PROMOTES,)


def test_words_starting_with_ev_are_not_vesicles(reader: Reader) -> None:
    assert extract(reader, "Evidence shows that every event of inflammation promotes angiogenesis in glioma.\n") == []


def test_cells_expressing_a_protein_do_not_make_it_cargo(reader: Reader) -> None:
    findings = extract(reader, "Engineered exosomes inhibit the growth of tumours "
                               "by targeting cells expressing EGFR.\n")
    assert findings and all(not f.cargo for f in findings)
    [finding] = extract(reader, "Exosomes expressing CD47 inhibit phagocytosis in glioma.\n")
    assert best(reader, "CD47", "gene") in finding.cargo


def test_a_partitive_clause_keeps_the_subject_and_gets_its_own_direction(reader: Reader) -> None:
    text = ("Most glioma-derived exosomal proteins polarize macrophages towards the M2 phenotype, "
            "while a few inhibit angiogenesis.\n")
    findings = extract(reader, text)
    angiogenesis = best(reader, "angiogenesis", "process")
    [inhibited] = [f for f in findings if angiogenesis in f.effect]
    assert inhibited.effect_direction == (INHIBITS,)
    assert inhibited.vesicle_type


def test_the_review_describing_itself_is_meta_discourse(reader: Reader) -> None:
    assert extract(reader, "This reviews summarizes how exosomes promote metastasis in cancer.\n") == []


def test_making_cells_sensitive_to_a_drug_is_drug_sensitization(reader: Reader) -> None:
    findings = extract(reader, "Exosomes loaded with miR-34a make lung cancer cells more sensitive to cisplatin.\n")
    assert any(compress(str(V.DRUG_SENSITIZATION)) in f.effect and f.effect_direction == (PROMOTES,)
               for f in findings)


def test_liver_repair_is_liver_regeneration_and_a_carrier_is_not_cargo(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes used as a nanoparticle carrier enhanced liver tissue repair in mice.\n")
    assert finding.effect == (best(reader, "liver regeneration", "process"),)
    assert finding.cargo == ()


@pytest.mark.parametrize(("text", "go_name"), [
    ("Exosomal miR-21 promotes metastasis via the Wnt/β-catenin signaling pathway.\n",
     "canonical Wnt signaling pathway"),
    ("Exosomal miR-21 promotes metastasis through the PI3K/AKT signaling pathway.\n",
     "phosphatidylinositol 3-kinase/protein kinase B signal transduction"),
    ("Exosomal miR-21 promotes metastasis through the MAPK pathway.\n", "MAPK cascade"),
])
def test_a_named_pathway_is_grounded_through_go_pathway_names(reader: Reader, text: str, go_name: str) -> None:
    [finding] = extract(reader, text)
    assert finding.pathway == (best(reader, go_name, "process"),)
    assert finding.pathway_text


def test_an_unknown_pathway_keeps_its_text_without_an_identifier(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-21 promotes metastasis through the FOO1/BAR2 signaling pathway.\n")
    assert finding.pathway == ()
    assert finding.pathway_text == "FOO1/BAR2 signaling pathway"


def test_a_sentence_without_disease_inherits_the_documents_and_the_id_ignores_it(reader: Reader) -> None:
    text = "Exosomal miR-21 promotes angiogenesis.\n"
    doc = SourceDoc("t", Path("t.txt"), title="Exosomes in glioma")
    [finding] = findings_from_text(doc, text, reader)
    assert finding.disease == (best(reader, "glioma", "disease"),) and finding.disease_inherited
    [plain] = extract(reader, text)    # no title: no disease, yet the same claim and the same IRI
    assert plain.disease == () and plain.finding_id == finding.finding_id


def test_a_generic_disease_beside_a_specific_one_is_dropped(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-21 promotes angiogenesis in cancer, notably in colorectal cancer.\n")
    assert finding.disease == (best(reader, "colorectal cancer", "disease"),)


def test_circulation_is_not_a_circrna(reader: Reader) -> None:
    findings = extract(reader, "Exosomes loaded with siRNA have a long half-life in the circulation "
                               "and are promising drug delivery vehicles.\n")
    assert all(compress(str(V.CIRCRNA)) not in f.cargo_type for f in findings)


def test_a_kind_carried_with_a_target_makes_a_finding(reader: Reader) -> None:
    [finding] = extract(reader, "Engineered exosomes transport the Cas9 protein and target the KRAS gene.\n")
    assert best(reader, "KRAS", "gene") in finding.target
    assert finding.cargo_type


@pytest.mark.parametrize("text", [
    "The advantages of exosomes include low toxicity and the ability to carry siRNA to tumours.\n",
    "Three exosome-mediated drug resistance mechanisms have been defined: drug efflux and miRNA transfer.\n",
])
def test_merits_and_typologies_are_not_findings(reader: Reader, text: str) -> None:
    assert extract(reader, text) == []


def test_vesicles_delivering_a_drug_are_drug_loaded_and_modified_ones_engineered(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes were used to deliver doxorubicin to breast cancer cells, "
                                "inhibiting their proliferation.\n")
    assert compress(str(V.DRUG_LOADED_EV)) in finding.vesicle_type
    [finding] = extract(reader, "Exosomes derived from dendritic cells were modified with a peptide "
                                "and inhibited angiogenesis in melanoma.\n")
    assert compress(str(V.ENGINEERED_EV)) in finding.vesicle_type
    [finding] = extract(reader, "Exosomes from dendritic cells inhibited angiogenesis in melanoma.\n")
    assert compress(str(V.ENGINEERED_EV)) not in finding.vesicle_type


@pytest.mark.parametrize("text", [
    "Glioma-derived exosomes promote angiogenesis.\n",
    "Exosomes derived from tumors promote angiogenesis in mice.\n",
    "Tumor exosomes promote angiogenesis.\n",
])
def test_vesicles_a_tumour_releases_come_from_neoplastic_cells(reader: Reader, text: str) -> None:
    [finding] = extract(reader, text)
    assert V.CL_NEOPLASTIC_CELL in finding.source_cell


def test_vesicles_of_patients_and_of_cancer_stem_cells_are_not_from_neoplastic_cells(reader: Reader) -> None:
    [finding] = extract(reader, "Plasma exosomes of breast cancer patients contain EGFR, a biomarker of relapse.\n")
    assert V.CL_NEOPLASTIC_CELL not in finding.source_cell
    [finding] = extract(reader, "Exosomes from cancer stem cells promote angiogenesis.\n")
    assert finding.source_cell == (best(reader, "cancer stem cell", "cell"),)


def test_a_subjectless_gerund_after_an_opening_phrase_does_not_continue(reader: Reader) -> None:
    text = ("Exosomes from M2 macrophages promote angiogenesis.\n\n"
            "In general, by studying exosomal miRNAs, we hope to improve glioma diagnosis.\n")
    assert all(not (f.source_cell and "we hope" in f.evidence.quote) for f in extract(reader, text))


@pytest.mark.parametrize("text", [
    "Lung cancer cells were successfully killed by exosomes loaded with paclitaxel.\n",
    "Exosomes from macrophages enable cancer cells to escape immune surveillance and promote metastasis.\n",
    "Exosomal miR-222 promotes drug resistance in ER-positive breast cancer cells.\n",
])
def test_cells_acted_on_are_recipients(reader: Reader, text: str) -> None:
    findings = extract(reader, text)
    assert findings and all(f.recipient_cell and V.CL_NEOPLASTIC_CELL not in f.source_cell for f in findings)


def test_vesicles_carrying_a_drug_to_treat_are_a_vehicle_not_the_agent(reader: Reader) -> None:
    [finding] = extract(reader, "Gemcitabine-containing exosomes inhibited tumor growth in the treatment of "
                                "pancreatic cancer.\n")
    assert compress(str(V.DRUG_DELIVERY_VEHICLE)) in finding.application
    assert compress(str(V.THERAPEUTIC_AGENT)) not in finding.application


def test_a_list_shares_its_first_items_role_and_an_uncued_gene_has_none(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from glioma cells carry factors like IL6, CXCL8 and VEGFA that promote "
                                "angiogenesis.\n")
    assert {best(reader, g, "gene") for g in ("IL6", "CXCL8", "VEGFA")} <= set(finding.cargo)
    assert finding.target == ()
    [finding] = extract(reader, "In gastric cancer, CD97 and exosomes promote invasion.\n")
    assert finding.target == () and finding.cargo == ()


def test_eliminated_or_anti_genes_and_protein_expression_are_targets(reader: Reader) -> None:
    [finding] = extract(reader, "Eliminating TSG101 decreases the release of exosomes in glioma.\n")
    assert best(reader, "TSG101", "gene") in finding.target
    [finding] = extract(reader, "Exosomes carrying anti-EGFR siRNA inhibit proliferation of glioma cells.\n")
    assert best(reader, "EGFR", "gene") in finding.target
    [finding] = extract(reader, "Exosomal miR-21 increases fat mass and obesity-associated protein (FTO) expression "
                                "in breast cancer.\n")
    assert best(reader, "FTO", "gene") in finding.target


def test_formation_of_tumours_and_cytotoxicity_are_effects(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes carrying miR-34a inhibit the formation of tumors in mice.\n")
    assert finding.effect == (compress(str(V.TUMORIGENESIS)),)
    assert finding.effect_direction == (INHIBITS,)
    findings = extract(reader, "Exosome-mimetic nanoparticles loaded with paclitaxel increase cytotoxicity in "
                               "glioma cells.\n")
    assert any(best(reader, "cell death", "process") in f.effect for f in findings)


def test_a_role_noun_gives_no_direction_and_none_is_borrowed(reader: Reader) -> None:
    findings = extract(reader, "Exosomes are drivers of metastasis and regulators of angiogenesis in glioma.\n")
    by_effect = {e: f.effect_direction for f in findings for e in f.effect}
    assert by_effect[best(reader, "metastasis", "process")] == (PROMOTES,)
    assert by_effect[best(reader, "angiogenesis", "process")] == ()


def test_a_neutrally_governed_effect_beside_a_directed_one_is_left_out(reader: Reader) -> None:
    findings = extract(reader, "Exosomal miR-21 impacts angiogenesis and accelerates metastasis in glioma.\n")
    assert [f.effect for f in findings] == [(best(reader, "metastasis", "process"),)]


def test_sources_named_after_including_belong_to_the_vesicles(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes derived from stromal components, including macrophages and fibroblasts, "
                                "promote metastasis in glioma.\n")
    assert {best(reader, "macrophage", "cell"), best(reader, "fibroblast", "cell")} <= set(finding.source_cell)


def test_vesicles_carrying_their_own_molecules_are_not_a_drug_delivery_vehicle(reader: Reader) -> None:
    [finding] = extract(reader, "Cancer-derived exosomes carry proteins and nucleic acids that promote resistance "
                                "to therapy in glioma.\n")
    assert compress(str(V.DRUG_DELIVERY_VEHICLE)) not in finding.application
    assert compress(str(V.DRUG_LOADED_EV)) not in finding.vesicle_type


def test_an_anaphor_naming_interactions_does_not_carry_the_source(reader: Reader) -> None:
    text = ("Exosomes from macrophages promote angiogenesis in glioma.\n\n"
            "These interactions highlight exosomes as drivers of metastasis in glioma.\n")
    [later] = [f for f in extract(reader, text) if "interactions" in f.evidence.quote]
    assert later.source_cell == ()


def test_more_than_is_a_quantity_not_a_direction(reader: Reader) -> None:
    [finding] = extract(reader, "In more than half of the patients, exosomal miR-21 accompanied metastasis "
                                "of glioma.\n")
    assert finding.effect_direction == ()


def test_vesicles_associated_with_an_outcome_are_not_engineered(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomal miR-21 levels were linked to metastasis and poor survival in glioma.\n")
    assert compress(str(V.ENGINEERED_EV)) not in finding.vesicle_type
    [finding] = extract(reader, "Extracellular vesicles linked to the GE11 peptide inhibited angiogenesis "
                                "in colorectal cancer.\n")
    assert compress(str(V.ENGINEERED_EV)) in finding.vesicle_type


def test_tumour_cells_that_secrete_exosomes_are_their_source(reader: Reader) -> None:
    [finding] = extract(reader, "Glioma (GBM) cells secrete exosomes enriched in miR-21 that promote angiogenesis.\n")
    assert V.CL_NEOPLASTIC_CELL in finding.source_cell


def test_a_process_noun_after_a_cell_is_that_cells_process_and_a_recipient(reader: Reader) -> None:
    [finding] = extract(reader, "Exosomes from M2 macrophages suppressed CD8+ T cell proliferation in glioma.\n")
    assert finding.effect == (best(reader, "T cell proliferation", "process"),)
    assert finding.effect_direction == (INHIBITS,)
    assert best(reader, "CD8+ T cell", "cell") in finding.recipient_cell


def test_an_anti_drug_is_not_a_target_but_an_anti_sirna_is(reader: Reader) -> None:
    [finding] = extract(reader, "Plasma exosomal PD-L1 may serve as a biomarker for response to anti-PD-1 therapy "
                                "in melanoma.\n")
    assert finding.target == ()
