"""Extraction rules on short texts: slots, directions, evidence, stable IDs, inherited diseases."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from exo_ontology import vocabulary as V
from exo_ontology.extraction import extract_findings
from exo_ontology.grounding.recognize import recognize
from exo_ontology.model import Sentence, SourceDoc
from exo_ontology.namespaces import compress
from exo_ontology.pipeline.documents import Reader
from tests.conftest import INHIBITS, PROMOTES, best, extract


def test_cargo_source_effect_disease_and_citation(reader: Reader) -> None:
    raw = "Exosomal miR-21 derived from M2 macrophages promotes angiogenesis in breast cancer [7].\n"
    [finding] = extract(reader, raw)
    assert best(reader, "miR-21", "mirna") in finding.cargo
    assert finding.source_cell == (best(reader, "M2 macrophage", "cell"),)
    assert finding.effect == ("GO:0001525",) and finding.effect_direction == (PROMOTES,)
    assert finding.disease == (best(reader, "breast cancer", "disease"),)
    assert finding.evidence.citations == ("[7]",)
    assert raw[finding.evidence.char_start:finding.evidence.char_end] == finding.evidence.quote
    assert compress(str(V.MICRORNA)) in finding.cargo_type


def test_one_finding_per_effect_direction(reader: Reader) -> None:
    raw = ("Exosomes loaded with miR-381 inhibited the proliferation and migration of breast cancer "
           "cells and promoted their apoptosis in vitro [57].")
    findings = extract(reader, raw)
    by_direction = {f.effect_direction: set(f.effect) for f in findings}
    assert by_direction[(INHIBITS,)] >= {"GO:0008283"}
    assert "GO:0006915" in by_direction[(PROMOTES,)]
    assert all(compress(str(V.IN_VITRO)) in f.study_type for f in findings)


def test_phrase_effect_and_target_direction(reader: Reader) -> None:
    raw = "Exosomal miR-21 suppresses PTEN and increases resistance to cisplatin in ovarian cancer."
    [finding] = extract(reader, raw)
    assert best(reader, "PTEN", "gene") in finding.target
    assert finding.direction == (compress(str(V.DOWNREGULATES)),)
    assert compress(str(V.DRUG_RESISTANCE)) in finding.effect


def test_no_vesicle_no_finding_and_meta_discourse(reader: Reader) -> None:
    assert extract(reader, "miR-21 promotes angiogenesis in breast cancer.") == []
    assert extract(reader, "In this review, we summarize how exosomes promote angiogenesis in cancer.") == []


def test_anaphora_carries_the_vesicle_subject(reader: Reader) -> None:
    raw = ("Exosomes derived from M2 macrophages are abundant in tumors. "
           "They also promote metastasis in gastric cancer.")
    findings = extract(reader, raw)
    assert any(compress(str(V.METASTASIS)) in f.effect and f.source_cell for f in findings)


def test_finding_id_ignores_offsets_but_not_content(reader: Reader) -> None:
    sentence = "Exosomal miR-21 promotes angiogenesis in breast cancer [7]."
    [first] = extract(reader, sentence)
    [shifted] = extract(reader, "An unrelated opening line about methods.\n\n" + sentence)
    assert first.finding_id == shifted.finding_id
    assert first.evidence.char_start != shifted.evidence.char_start
    [other] = extract(reader, sentence.replace("angiogenesis", "metastasis"))
    assert other.finding_id != first.finding_id


def test_table_row_inherits_disease_and_status(reader: Reader) -> None:
    text = "Exosomal miR-107 targets DICER1 and PTEN genes to induce tumor progression [49]."
    row = Sentence(doc_id="t", index=0, text=text, raw_start=0, raw_end=len(text), kind="table_row",
                   context=(("origin", "MiRNA-107"), ("disease", "Gastric cancer"), ("status", "In Vivo/In Vitro")),
                   offsets=tuple(range(len(text))))
    mentions = recognize([row], reader.grounder)
    [finding] = extract_findings(SourceDoc("t", Path("t.txt")), text, [row], mentions, reader.grounder, reader.kinds)
    assert finding.disease == (best(reader, "gastric cancer", "disease"),) and finding.disease_inherited
    assert set(finding.study_type) == {compress(str(V.IN_VITRO)), compress(str(V.IN_VIVO))}
    unit, *fired = finding.evidence.rule.split()
    assert unit == "table-row"
    assert {"target-verb", "promote-verb", "in-vitro", "in-vivo"} <= set(fired)   # the cues that made it
    assert replace(finding, finding_id="").vesicle_type == (V.GO_EXOSOME,)


def test_polarizing_towards_a_phenotype_promotes_it(reader: Reader) -> None:
    raw = ("Tumor-derived exosomal proteins polarize macrophages towards the M2 phenotype, "
           "while a few switch them towards the M1 phenotype, inhibiting cancer proliferation.")
    findings = extract(reader, raw)
    m2 = compress(str(V.M2_MACROPHAGE_POLARIZATION))
    assert any(m2 in f.effect and f.effect_direction == (PROMOTES,) for f in findings)
    assert any("GO:0008283" in f.effect and f.effect_direction == (INHIBITS,) for f in findings)


def test_expletive_it_does_not_carry_the_vesicle_subject(reader: Reader) -> None:
    raw = ("Exosomes derived from M2 macrophages are abundant in tumors. "
           "It has been reported that miR-21 in fibroblasts enhances liver metastasis in colon cancer.")
    assert extract(reader, raw) == []
