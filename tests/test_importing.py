"""Linking from other ontologies: an ontology that imports the release through an XML catalog (offline)
classifies consistently with HermiT, and a query over both finds its finding under the imported hierarchy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from exo_ontology.errors import InputError
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.engine import run_query
from exo_ontology.release.files import BASE_IRI, ONTOLOGY_IRI, read_release_info
from exo_ontology.validation import validate_path
from exo_ontology.validation.loading import load_closure, read_catalog
from exo_ontology.validation.reasoner import run_reasoner
from exo_ontology.validation.run import to_store
from tests.conftest import ROOT

IMPORTER = ROOT / "tests" / "fixtures" / "importer"
NEW_FINDING = "https://example.org/onco-ev/finding-1"

#: findings whose vesicle type falls under "extracellular vesicle" and whose disease falls under
#: "cancer", through the hierarchy the release imports from GO and MONDO; the IRIs are the release's
UNDER_IMPORTED_HIERARCHY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX EXOC: <https://w3id.org/exoc/EXOC_>
SELECT DISTINCT ?finding ?vesicle WHERE {
  ?finding a EXOC:0000001 ; EXOC:0000102 ?vesicle ; EXOC:0000110 ?disease .
  ?vesicle rdfs:subClassOf* ?ev . ?ev rdfs:label "extracellular vesicle" .
  ?disease rdfs:subClassOf* ?cancer . ?cancer rdfs:label "cancer" .
}"""


@pytest.fixture(scope="module")
def importer(built: tuple[Paths, BuildResult]) -> Path:
    """The importing ontology and its catalog, placed in the built project as they sit in this one."""
    paths, _ = built
    target = paths.root / "tests" / "fixtures" / "importer"
    shutil.copytree(IMPORTER, target, dirs_exist_ok=True)
    return target


def test_catalog_maps_the_release_iris_to_local_files(importer: Path) -> None:
    entries = read_catalog(importer / "catalog-v001.xml")
    assert entries[str(ONTOLOGY_IRI)] == (importer / "../../../build/exoc.owl").resolve()
    assert entries[str(BASE_IRI)].name == "exoc-base.ttl"


def test_the_import_is_resolved_offline_and_classifies_consistently(importer: Path) -> None:
    closure = load_closure(importer / "onco-ev.ttl", importer / "catalog-v001.xml")
    assert closure.loaded[str(ONTOLOGY_IRI)].name == "exoc.owl"
    ontologies = set(closure.graph.subjects(RDF.type, OWL.Ontology))
    assert {URIRef("https://example.org/onco-ev/onco-ev.owl"), ONTOLOGY_IRI} <= ontologies
    assert run_reasoner(closure.graph) == []


def test_query_over_both_returns_the_new_finding_under_the_imported_hierarchy(importer: Path) -> None:
    closure = load_closure(importer / "onco-ev.ttl", importer / "catalog-v001.xml")
    rows = run_query(to_store(closure.graph), UNDER_IMPORTED_HIERARCHY).rows
    pairs = {(finding, vesicle) for finding, vesicle in rows}
    assert (NEW_FINDING, "https://example.org/onco-ev/Prostasome") in pairs
    assert len({finding for finding, _ in pairs}) > 10, "the release's own findings are found by the same query"


def test_exo_validate_checks_an_importing_ontology_with_its_catalog(built: tuple[Paths, BuildResult],
                                                                     importer: Path) -> None:
    paths, _ = built
    report = validate_path(importer / "onco-ev.ttl", paths, reasoner=True, catalog=importer / "catalog-v001.xml")
    assert report.conforms, report.sorted_problems()[:5]
    assert report.checks == ["shacl", "sparql", "hermit"]


def test_the_shapes_still_hold_an_importer_to_the_model(built: tuple[Paths, BuildResult], importer: Path,
                                                       tmp_path: Path) -> None:
    """A vesicle type outside GO and EXOC's vesicle classes is reported, subclass or not."""
    paths, _ = built
    text = (importer / "onco-ev.ttl").read_text(encoding="utf-8")
    broken = tmp_path / "onco-ev.ttl"
    broken.write_text(text.replace("rdfs:subClassOf EXOC:0001001", "rdfs:subClassOf CL:0001063"), encoding="utf-8")
    catalog = tmp_path / "catalog-v001.xml"
    catalog.write_text((importer / "catalog-v001.xml").read_text(encoding="utf-8").replace(
        "../../../build/", str(paths.build_dir) + "/"), encoding="utf-8")
    report = validate_path(broken, paths, reasoner=False, catalog=catalog)
    rules = {(p.rule, p.subject) for p in report.errors}
    assert ("shacl:https://w3id.org/exoc/shapes/FindingShape", "https://example.org/onco-ev/finding-1") in {
        (rule.split("-vesicle")[0], subject) for rule, subject in rules}


def test_an_import_missing_from_the_catalog_is_an_error_not_a_download(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text(
        "<https://example.org/a> a <http://www.w3.org/2002/07/owl#Ontology> ;\n"
        "  <http://www.w3.org/2002/07/owl#imports> <https://example.org/elsewhere.owl> .\n", encoding="utf-8")
    (tmp_path / "catalog.xml").write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"no entry for the import https://example.org/elsewhere.owl"):
        load_closure(tmp_path / "a.ttl", tmp_path / "catalog.xml")


def test_the_base_file_is_an_ontology_of_its_own(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    info = read_release_info(paths.release_info)
    base = Graph().parse(paths.build_dir / "exoc-base.ttl", format="turtle")
    assert set(base.subjects(RDF.type, OWL.Ontology)) == {BASE_IRI}
    assert base.value(BASE_IRI, OWL.versionIRI) == URIRef(
        f"https://w3id.org/exoc/releases/{info.date}/exoc-base.owl")
    full = Graph().parse(paths.build_dir / "exoc.nt", format="nt")
    assert full.value(ONTOLOGY_IRI, OWL.versionIRI) == info.version_iri
    assert len(base) < len(full), "the base leaves the imported terms out"
