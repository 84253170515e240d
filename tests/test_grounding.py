"""Grounder: acceptance checks on the shipped lexicon (expected IDs pinned from ../shared/reference),
ranking rules on a tiny in-memory lexicon, the edit file's names, and speed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from exo_ontology.errors import InputError
from exo_ontology.grounding.grounder import STATUS_RANK, TYPES, Grounder, band
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.lexicon.records import Name, Term
from exo_ontology.paths import Paths
from tests.reference import gene, ref, rows

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def grounder() -> Grounder:
    return Grounder.from_paths(Paths(ROOT))


def best(grounder: Grounder, text: str, **kw: str) -> str:
    found = grounder.ground(text, **kw)
    assert found, f"{text!r} did not ground"
    return found[0].curie


# ---- acceptance checks -----------------------------------------------------------------------
def test_pd_l1(grounder: Grounder) -> None:
    assert best(grounder, "PD-L1") == gene("CD274") == "NCBIGene:29126"


def test_mir_21(grounder: Grounder) -> None:
    cands = grounder.ground("miR-21")
    assert cands[0].curie == gene("MIR21") == "NCBIGene:406991"
    mature = {f"mirbase.mature:{r['mature_acc']}" for name in ("hsa-miR-21-5p", "hsa-miR-21-3p")
              for r in rows("mirbase_v22_mature.tsv.gz", "name", name)}
    assert len(mature) == 2 and mature <= {c.curie for c in cands}


def test_mangled_tgf_beta(grounder: Grounder) -> None:
    assert best(grounder, "TGF-$1") == gene("TGFB1") == "NCBIGene:7040"
    assert best(grounder, "TGF-β1") == best(grounder, "TGF beta 1") == gene("TGFB1")


def test_pancreatic_cancer(grounder: Grounder) -> None:
    expected = ref("mondo_terms.tsv.gz", "exact_synonyms", "pancreatic cancer", multi=True)
    assert best(grounder, "pancreatic cancer", type="disease") == expected == "MONDO:0009831"


@pytest.mark.parametrize(("text", "file", "column", "value", "multi"), [
    ("M2 macrophage", "cl_terms.tsv.gz", "label", "M2 macrophage", False),
    ("breast cancer", "mondo_terms.tsv.gz", "label", "breast cancer", False),
    ("cisplatin", "chebi_terms.tsv.gz", "label", "cisplatin", False),
    ("urine", "uberon_terms.tsv.gz", "label", "urine", False),
    ("blood plasma", "uberon_terms.tsv.gz", "label", "blood plasma", False),
    ("Homo sapiens", "ncbitaxon_taxslim.tsv.gz", "label", "Homo sapiens", False),
    ("angiogenesis", "go_terms.tsv.gz", "label", "angiogenesis", False),
])
def test_labels_ground_to_their_terms(grounder: Grounder, text: str, file: str, column: str,
                                      value: str, multi: bool) -> None:
    assert best(grounder, text) == ref(file, column, value, multi=multi)


@pytest.mark.parametrize("text", ["Taxol", "5-FU"])
def test_drug_names_via_curated_names(grounder: Grounder, text: str) -> None:
    expected = {r["chebi_id"] for r in rows("chebi_drugs.tsv", "query_name", text, fold=True)}
    assert best(grounder, text) in expected and best(grounder, text).startswith("CHEBI:")


@pytest.mark.parametrize("text", ["exosome", "exosomes", "Exosomes", "EXOSOMES"])
def test_exosome_is_the_vesicle_never_the_rnase_complex(grounder: Grounder, text: str) -> None:
    vesicle = ref("go_terms.tsv.gz", "label", "extracellular exosome")
    rnase = ref("go_terms.tsv.gz", "label", "exosome (RNase complex)")
    cands = grounder.ground(text, limit=50)
    assert cands[0].curie == vesicle == "GO:0070062"
    assert rnase not in {c.curie for c in cands}


def test_chemoresistance_is_the_exoc_drug_resistance_class(grounder: Grounder) -> None:
    cand = grounder.ground("chemoresistance")[0]
    assert cand.curie.startswith("EXOC:") and cand.label == "drug resistance"
    assert cand.status == "curated" and cand.type == "process"


def test_ambiguous_alias_lists_every_gene_curated_first(grounder: Grounder) -> None:
    holders = {f"NCBIGene:{r['ncbi_gene_id']}" for column in ("alias_symbols", "ncbi_synonyms")
               for r in rows("human_genes.tsv.gz", column, "HRS", multi=True)}
    cands = grounder.ground("HRS", type="gene", limit=20)
    assert cands[0].curie == gene("HGS") and cands[0].status == "curated"
    assert holders <= {c.curie for c in cands}


def test_curated_broader_name_says_so(grounder: Grounder) -> None:
    cand = grounder.ground("CAF")[0]
    assert cand.curie == ref("cl_terms.tsv.gz", "label", "fibroblast")
    assert "broader" in cand.note


def test_type_filter_and_context(grounder: Grounder) -> None:
    assert all(c.type == "disease" for c in grounder.ground("HCC", type="disease"))
    assert all(c.type == "gene" for c in grounder.ground("HCC", type="gene"))
    with pytest.raises(InputError):
        grounder.ground("HCC", type="protein")
    assert set(TYPES) == {"disease", "gene", "mirna", "cell", "chemical", "process", "anatomy",
                          "taxon"}


def test_case_exact_symbol_beats_case_folded(grounder: Grounder) -> None:
    upper, lower = grounder.ground("MET")[0], grounder.ground("met")[0]
    assert upper.curie == lower.curie == gene("MET")
    assert upper.score > lower.score


def test_plural_acronym_is_not_a_gene(grounder: Grounder) -> None:
    assert all(c.type != "gene" for c in grounder.ground("MSCs"))
    assert grounder.ground("MSCs")[0].curie == ref("cl_terms.tsv.gz", "label",
                                                    "mesenchymal stem cell")


def test_lookups_are_fast(grounder: Grounder) -> None:
    texts = ["PD-L1", "breast cancer", "miR-21", "no such thing", "TGF-β1", "exosomes"] * 200
    start = time.perf_counter()
    for text in texts:
        grounder.ground(text)
    assert (time.perf_counter() - start) / len(texts) < 0.001


def test_from_paths_is_built_once_per_process(grounder: Grounder) -> None:
    assert Grounder.from_paths(Paths(ROOT)) is grounder


# ---- ranking rules on a tiny lexicon ---------------------------------------------------------
def _term(curie: str, label: str, type_: str, **kw: object) -> Term:
    return Term(curie, label, type_, bool(kw.get("obsolete", False)), str(kw.get("replaced_by", "")),
                (), "", "test", str(kw.get("cancer_branch", "")))


@pytest.fixture(scope="module")
def tiny() -> Grounder:
    terms = [_term("MONDO:1", "old disease", "disease", obsolete=True, replaced_by="MONDO:2"),
             _term("MONDO:2", "new disease", "disease", cancer_branch="cancer"),
             _term("MONDO:3", "other disease", "disease"),
             _term("NCBIGene:1", "ABC1", "gene"), _term("NCBIGene:2", "XYZ", "gene"),
             _term("CL:1", "fibroblast", "cell"), _term("NCBITaxon:1", "Zorro", "taxon")]
    names = [Name("old disease", "MONDO:1", "label", "disease"),
             Name("shared", "MONDO:2", "related", "disease"),
             Name("shared", "MONDO:3", "label", "disease"),
             Name("twin", "MONDO:2", "exact", "disease"),
             Name("twin", "MONDO:3", "exact", "disease"),
             Name("ABC1", "NCBIGene:1", "label", "gene"),
             Name("Abc1", "NCBIGene:2", "alias", "gene"),
             Name("XYZs", "NCBIGene:2", "alias", "gene"),
             Name("fibro", "CL:1", "curated", "cell", "broader"),
             Name("zorro", "NCBITaxon:1", "label", "taxon"),
             Name("Zorro", "MONDO:3", "label", "disease")]
    return Grounder(Lexicon.from_records(terms, names))


def test_lower_tier_never_beats_higher_tier(tiny: Grounder) -> None:
    cands = tiny.ground("shared", context="cancer")     # the cancer bonus cannot cross tiers
    assert [c.curie for c in cands] == ["MONDO:3", "MONDO:2"]
    assert cands[0].score - cands[1].score > 0.03


def test_bands_are_ordered_by_status_rank() -> None:
    statuses = sorted(STATUS_RANK, key=STATUS_RANK.get, reverse=True)
    scores = [band(s) for s in statuses]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)


def test_context_breaks_ties_within_a_tier(tiny: Grounder) -> None:
    assert tiny.ground("twin")[0].score == tiny.ground("twin")[1].score
    assert tiny.ground("twin", context="a tumour sample")[0].curie == "MONDO:2"


def test_obsolete_term_is_replaced_with_a_note(tiny: Grounder) -> None:
    cands = tiny.ground("old disease")
    assert [c.curie for c in cands] == ["MONDO:2"] and "replaces obsolete MONDO:1" in cands[0].note


def test_symbol_label_beats_alias_and_case(tiny: Grounder) -> None:
    assert [c.curie for c in tiny.ground("ABC1")] == ["NCBIGene:1", "NCBIGene:2"]
    assert tiny.ground("abc1")[0].score < tiny.ground("ABC1")[0].score


def test_plural_acronym_keeps_literal_plural_alias(tiny: Grounder) -> None:
    assert [c.curie for c in tiny.ground("XYZs")] == ["NCBIGene:2"]   # the alias itself ends in s
    assert tiny.ground("ABC1s") == []


def test_taxon_loses_a_tie_with_a_genus_like_word(tiny: Grounder) -> None:
    assert tiny.ground("Zorro")[0].curie == "MONDO:3"


def test_broader_note(tiny: Grounder) -> None:
    assert "broader" in tiny.ground("fibro")[0].note


def test_edit_file_names_and_types(tmp_path: Path) -> None:
    edit = tmp_path / "exoc-edit.ttl"
    edit.write_text("""
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix oboInOwl: <http://www.geneontology.org/formats/oboInOwl#> .
@prefix EXOC: <https://w3id.org/exoc/EXOC_> .
@prefix GO: <http://purl.obolibrary.org/obo/GO_> .
EXOC:0000008 a owl:Class ; rdfs:label "cancer-biology effect"@en .
EXOC:0003008 a owl:Class ; rdfs:subClassOf EXOC:0000008 ; rdfs:label "drug resistance"@en ;
    oboInOwl:hasExactSynonym "chemoresistance"@en ;
    oboInOwl:hasRelatedSynonym "therapy resistance"@en .
EXOC:0001001 a owl:Class ; rdfs:subClassOf GO:1903561 ; rdfs:label "small extracellular vesicle"@en .
GO:1903561 a owl:Class ; oboInOwl:hasExactSynonym "EVs"@en .
EXOC:0009999 a owl:Class ; owl:deprecated true ; rdfs:label "obsolete thing"@en .
EXOC:0005001 a owl:NamedIndividual ; rdfs:label "in vitro study"@en .
""", encoding="utf-8")
    lexicon = Lexicon.from_records(
        [_term("GO:1903561", "extracellular vesicle", "component"),
         _term("GO:9", "drug resistance", "process")],
        [Name("extracellular vesicle", "GO:1903561", "label", "component"),
         Name("drug resistance", "GO:9", "related", "process")])
    grounder = Grounder(lexicon, edit)
    chemo = grounder.ground("chemoresistance")[0]
    assert (chemo.curie, chemo.status, chemo.type) == ("EXOC:0003008", "curated", "process")
    assert grounder.ground("drug resistance")[0].curie == "EXOC:0003008"   # project > related
    assert "related" in grounder.ground("therapy resistance")[0].note
    ev = grounder.ground("EVs")[0]
    assert (ev.curie, ev.label, ev.type) == ("GO:1903561", "extracellular vesicle", "component")
    assert grounder.ground("small EV") == [] and grounder.ground("small extracellular vesicles")[
        0].type == "component"
    assert grounder.ground("obsolete thing") == []
    assert grounder.ground("in vitro study")[0].type == "exoc"
    assert grounder.is_individual("EXOC:0005001")


def test_unparsable_edit_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "exoc-edit.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match=r"exoc-edit\.ttl"):
        Grounder(Lexicon.from_records([], []), bad)
