"""The hand-edited ontology ontology/exoc-edit.ttl: declarations, annotations, reuse, OWL 2 DL, HermiT.

External terms are checked against the shipped lexicon (a cut of the reference tables) in every run, and
against the full tables in ../shared/reference by the `reference`-marked tests (make check-reference)."""

from __future__ import annotations

import csv
import gzip
import re
import shutil
import tempfile
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import owlready2
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns

from exo_ontology import vocabulary as V
from exo_ontology.lexicon import Lexicon, load_default
from exo_ontology.namespaces import IAO_DEFINITION, OBO, OBOINOWL, compress, expand
from exo_ontology.paths import Paths
from tests.reference_pins import REFERENCE

ROOT = Path(__file__).resolve().parents[1]
EDIT_FILE = ROOT / "ontology" / "exoc-edit.ttl"
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
EXOC_STEM = str(V.FINDING)[: -len("0000001")]
ONTOLOGY_IRI = URIRef("https://w3id.org/exoc/exoc.owl")
IAO_REPLACED_BY = URIRef(f"{OBO}IAO_0100001")
GO_VESICLES = [V.GO_EXTRACELLULAR_VESICLE, V.GO_EXOSOME, V.GO_MICROVESICLE, V.GO_APOPTOTIC_BODY]
SYNONYMS = (OBOINOWL.hasExactSynonym, OBOINOWL.hasRelatedSynonym)
EFFECT_SUBSET = V._t(130)
#: the xsd range of each data property, as vocabulary.py documents it
DATA_RANGES = {V.DISEASE_INHERITED: ns.XSD.boolean, V.PATHWAY_TEXT: ns.XSD.string, V.CURATION_NOTE: ns.XSD.string,
               V.QUOTE: ns.XSD.string, V.CHAR_START: ns.XSD.nonNegativeInteger, V.CHAR_END: ns.XSD.nonNegativeInteger,
               V.CITATION_MARKER: ns.XSD.string, V.EXTRACTION_RULE: ns.XSD.string,
               V.EXTRACTOR_VERSION: ns.XSD.string, V.SECTION: ns.XSD.string,
               V.MENTION_SPAN: ns.XSD.string}
#: value-partition class of each individual range (thousands digit of the EXOC number)
PARTITIONS = {4: V.APPLICATION, 5: V.STUDY_TYPE, 6: V.DIRECTION, 7: V.KNOWLEDGE_SOURCE}


@cache
def edit_graph() -> Graph:
    graph = Graph()
    graph.parse(EDIT_FILE, format="turtle")
    return graph


def number(iri: URIRef) -> int:
    return int(str(iri)[len(EXOC_STEM):])


def exoc_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(ns.RDF.type, None) if isinstance(s, URIRef) and s.startswith(EXOC_STEM)}


def deprecated(graph: Graph, term: URIRef) -> bool:
    return (term, ns.OWL.deprecated, Literal(True)) in graph


def vocabulary_terms() -> dict[str, URIRef]:
    """Every EXOC IRI named in vocabulary.py (module constants and the two lookup dicts)."""
    names = {k: v for k, v in vars(V).items() if isinstance(v, URIRef) and v.startswith(EXOC_STEM)}
    names.update({f"KNOWLEDGE_SOURCES[{k}]": v for k, v in V.KNOWLEDGE_SOURCES.items()})
    names.update({f"CARGO_TYPES[{k}]": v for k, v in V.CARGO_TYPES.items()})
    return names


def reference_rows(name: str) -> Iterator[dict[str, str]]:
    path = REFERENCE / name
    assert path.is_file(), f"{path}: reference table missing (make check-reference needs ../shared/reference)"
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        yield from csv.DictReader(handle, delimiter="\t")


@cache
def lexicon() -> Lexicon:
    return load_default(Paths(ROOT))


def external_terms(graph: Graph) -> set[URIRef]:
    """The OBO terms the edit file uses (IAO annotation properties aside)."""
    used = {n for triple in graph for n in triple if isinstance(n, URIRef) and n.startswith(OBO)}
    return {n for n in used if not str(n).startswith(f"{OBO}IAO_")}


def exoc_labels(graph: Graph) -> dict[str, URIRef]:
    return {str(label).lower(): term for term in exoc_terms(graph) for label in graph.objects(term, ns.RDFS.label)}


@cache
def reference_terms() -> dict[str, tuple[str, bool]]:
    """CURIE -> (label, obsolete) for GO, CL, MONDO, ChEBI, UBERON, NCBITaxon (taxslim), RO/BFO."""
    terms = {}
    for name in ("go_terms.tsv.gz", "cl_terms.tsv.gz", "mondo_terms.tsv.gz", "chebi_terms.tsv.gz",
                 "uberon_terms.tsv.gz", "ncbitaxon_taxslim.tsv.gz", "ro_relations.tsv"):
        for row in reference_rows(name):
            terms[row["id"]] = (row["label"], row.get("obsolete") == "1")
    return terms


def test_edit_file_parses_and_has_an_obo_header() -> None:
    graph = edit_graph()
    assert (ONTOLOGY_IRI, ns.RDF.type, ns.OWL.Ontology) in graph
    for prop in (ns.DCTERMS.title, ns.DCTERMS.description, ns.DCTERMS.creator):
        assert len(list(graph.objects(ONTOLOGY_IRI, prop))) == 1, prop
    assert set(graph.objects(ONTOLOGY_IRI, ns.DCTERMS.license)) == {
        URIRef("https://creativecommons.org/licenses/by/4.0/")}
    assert {str(s) for s in graph.objects(ONTOLOGY_IRI, ns.DCTERMS.source)} == {
        "https://doi.org/10.3390/cells14221750", "https://doi.org/10.3389/fonc.2025.1583295",
        "https://doi.org/10.1016/j.yexcr.2024.114393"}
    assert not list(graph.objects(ONTOLOGY_IRI, ns.OWL.versionIRI)), "the build adds owl:versionIRI"
    assert not list(graph.objects(ONTOLOGY_IRI, ns.OWL.versionInfo)), "the build adds owl:versionInfo"
    assert not list(graph.objects(None, ns.OWL.imports)), "imports are merged by the build, never fetched"


def test_release_toml_dates_the_release() -> None:
    info = tomllib.loads((ROOT / "ontology" / "release.toml").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["date"])
    assert info["version"] == info["date"]


@pytest.mark.parametrize(("name", "iri"), sorted(vocabulary_terms().items()))
def test_every_vocabulary_name_is_declared_labelled_and_defined(name: str, iri: URIRef) -> None:
    graph = edit_graph()
    kinds = set(graph.objects(iri, ns.RDF.type))
    n = number(iri)
    if n < 100 or 1000 <= n < 4000:
        assert ns.OWL.Class in kinds, f"{name} ({compress(iri)}) must be an owl:Class"
    elif 101 <= n <= 114:
        assert ns.OWL.ObjectProperty in kinds, f"{name} must be an owl:ObjectProperty"
        assert set(graph.objects(iri, ns.RDFS.domain)) == {V.FINDING}
    elif iri in DATA_RANGES:
        assert ns.OWL.DatatypeProperty in kinds, f"{name} must be an owl:DatatypeProperty"
        assert set(graph.objects(iri, ns.RDFS.range)) == {DATA_RANGES[iri]}
    else:
        assert {ns.OWL.NamedIndividual, PARTITIONS[n // 1000]} <= kinds, f"{name}: individual of its partition"
    assert len(list(graph.objects(iri, ns.RDFS.label))) == 1, f"{name}: exactly one rdfs:label"
    assert len(list(graph.objects(iri, IAO_DEFINITION))) == 1, f"{name}: exactly one IAO:0000115"


def test_every_exoc_term_is_in_its_id_range_and_well_annotated() -> None:
    graph = edit_graph()
    for term in exoc_terms(graph):
        where = compress(term)
        assert re.fullmatch(r"https://w3id\.org/exoc/EXOC_\d{7}", str(term)), where
        n, kinds = number(term), set(graph.objects(term, ns.RDF.type))
        if ns.OWL.Class in kinds:
            assert n < 100 or 1000 <= n < 4000, f"{where}: classes use 0000001-0000099 or 0001000-0003999"
        elif kinds & {ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty, ns.OWL.AnnotationProperty}:
            assert 100 <= n < 200, f"{where}: properties use 0000100-0000199"
        else:
            assert ns.OWL.NamedIndividual in kinds and PARTITIONS.get(n // 1000) in kinds, where
        labels = list(graph.objects(term, ns.RDFS.label))
        assert len(labels) == 1 and len(list(graph.objects(term, IAO_DEFINITION))) == 1, where
        label = labels[0]
        assert isinstance(label, Literal) and label.language == "en", f"{where}: English label"
        text = str(label)
        assert text == text.strip() and "  " not in text and "\n" not in text, f"{where}: {text!r}"
        first = str(label).split()[0]
        assert first[0].islower() or first.isupper() or not first.isalpha(), (
            f"{where}: {label!r} must be lower case except acronyms and proper names")
        assert str(label).startswith("obsolete ") == deprecated(graph, term), f"{where}: obsolete label"
        if deprecated(graph, term):
            assert list(graph.objects(term, IAO_REPLACED_BY)), f"{where}: say what replaces it"
            assert not list(graph.objects(term, ns.RDFS.subClassOf)), f"{where}: obsolete, no axioms"


def test_external_terms_exist_and_are_not_relabelled() -> None:
    """Every GO/CL/ChEBI/UBERON/NCBITaxon/RO/BFO term used is current in the shipped lexicon,
    and its label comes from the generated import modules, not from the edit file."""
    graph = edit_graph()
    external = external_terms(graph)
    assert len(external) > 40
    for iri in external:
        curie = compress(iri)
        term = lexicon().term(curie)
        assert term is not None, f"{curie} is not in the shipped lexicon"
        assert not term.obsolete, f"{curie} ({term.label}) is obsolete"
        assert not list(graph.objects(iri, ns.RDFS.label)), f"{curie}: do not re-label external terms"


@pytest.mark.reference
def test_external_terms_are_current_in_the_reference_tables() -> None:
    terms = reference_terms()
    for iri in external_terms(edit_graph()):
        curie = compress(iri)
        assert curie in terms, f"{curie} is not in the reference tables"
        assert not terms[curie][1], f"{curie} ({terms[curie][0]}) is obsolete"


def test_go_vesicle_classes_are_reused_and_exoc_vesicles_sit_under_them() -> None:
    graph = edit_graph()
    ev = expand(V.GO_EXTRACELLULAR_VESICLE)
    for curie in GO_VESICLES:
        assert (expand(curie), ns.RDF.type, ns.OWL.Class) in graph, curie
    assert {"EVs", "extracellular vesicles"} <= {str(s) for s in graph.objects(ev, OBOINOWL.hasExactSynonym)}
    assert "exosomes" in {str(s) for s in graph.objects(expand(V.GO_EXOSOME), OBOINOWL.hasExactSynonym)}
    vesicles = [t for t in exoc_terms(graph) if 1000 <= number(t) < 2000 and not deprecated(graph, t)]
    assert len(vesicles) >= 8
    for term in vesicles:
        assert ev in set(graph.transitive_objects(term, ns.RDFS.subClassOf)), compress(term)
        assert list(graph.objects(term, OBOINOWL.hasExactSynonym)), f"{compress(term)}: literature names"


def test_no_exoc_label_duplicates_a_lexicon_label() -> None:
    """Never mint a term the lexicon's GO, CL, MONDO or ChEBI cut already has (compared without case)."""
    labels = exoc_labels(edit_graph())
    clashes = [(compress(labels[term.label.lower()]), term.curie) for term in lexicon().terms()
               if term.curie.split(":")[0] in ("GO", "CL", "MONDO", "CHEBI") and term.label.lower() in labels]
    assert clashes == []


@pytest.mark.reference
def test_no_exoc_label_duplicates_a_reference_label() -> None:
    """Never mint a term GO, CL, MONDO or ChEBI already has, ChEBI's terms beyond the lexicon's cut too."""
    labels = exoc_labels(edit_graph())
    clashes = [(compress(labels[row["label"].lower()]), row["id"])
               for name in ("go_terms.tsv.gz", "cl_terms.tsv.gz", "mondo_terms.tsv.gz", "chebi_terms.tsv.gz")
               for row in reference_rows(name) if row["label"].lower() in labels]
    assert clashes == []


def test_cargo_types_are_cargo_and_chemicals() -> None:
    graph = edit_graph()
    for keyword, term in V.CARGO_TYPES.items():
        parents = set(graph.transitive_objects(term, ns.RDFS.subClassOf))
        assert V.CARGO_TYPE in parents and expand("CHEBI:24431") in parents, keyword
    assert (V.MRNA_CARGO, ns.SKOS.closeMatch, expand("CHEBI:33699")) in graph
    assert (V.DRUG_CARGO, ns.RDFS.subClassOf, expand("CHEBI:23888")) not in graph, "ChEBI drug is a role"


def reused_go_effects(graph: Graph) -> list[URIRef]:
    reused = [s for s in graph.subjects(OBOINOWL.inSubset, EFFECT_SUBSET) if compress(s).startswith("GO:")]
    assert len(reused) >= 11
    return reused


def test_effects_are_mapped_to_go_soundly() -> None:
    graph = edit_graph()
    effects = [t for t in exoc_terms(graph) if 3000 <= number(t) < 4000]
    for term in effects:
        assert V.EFFECT in set(graph.transitive_objects(term, ns.RDFS.subClassOf)), compress(term)
        assert (term, OBOINOWL.inSubset, EFFECT_SUBSET) in graph, compress(term)
    assert (V.ANTITUMOR_IMMUNITY, ns.SKOS.closeMatch, expand("GO:0002418")) in graph
    assert not list(graph.objects(V.DRUG_RESISTANCE, ns.SKOS.exactMatch)), "drug resistance is only related"
    drug_resistance = {str(s) for p in SYNONYMS for s in graph.objects(V.DRUG_RESISTANCE, p)}
    assert {"chemoresistance", "chemotherapy resistance"} <= drug_resistance
    for iri in reused_go_effects(graph):
        term = lexicon().term(compress(iri))
        assert term is not None and term.type == "process", f"{compress(iri)} is not a process in the lexicon"
        assert not list(graph.objects(iri, ns.RDFS.subClassOf)), "GO effects are grouped, not re-parented"


@pytest.mark.reference
def test_go_effects_are_biological_processes_in_the_reference_table() -> None:
    terms = reference_terms()
    go_processes = {row["id"] for row in reference_rows("go_terms.tsv.gz")
                    if row["namespace"] == "biological_process"}
    for iri in reused_go_effects(edit_graph()):
        assert compress(iri) in go_processes, f"{compress(iri)} ({terms[compress(iri)][0]}) is not a process"


def test_individuals_are_pairwise_different() -> None:
    graph = edit_graph()
    individuals = set(graph.subjects(ns.RDF.type, ns.OWL.NamedIndividual))
    different: set[URIRef] = set()
    for node in graph.subjects(ns.RDF.type, ns.OWL.AllDifferent):
        members = graph.value(node, ns.OWL.distinctMembers) or graph.value(node, ns.OWL.members)
        different.update(graph.items(members))  # type: ignore[arg-type]
    assert individuals and individuals <= different


def test_every_predicate_and_type_is_declared_for_owl2_dl() -> None:
    graph = edit_graph()
    builtin = (str(ns.RDF), str(ns.RDFS), str(ns.OWL))
    declared = set()
    for kind in (ns.OWL.AnnotationProperty, ns.OWL.ObjectProperty, ns.OWL.DatatypeProperty):
        declared |= set(graph.subjects(ns.RDF.type, kind))
    for predicate in set(graph.predicates()):
        assert str(predicate).startswith(builtin) or predicate in declared, f"undeclared {predicate}"
    classes = set(graph.subjects(ns.RDF.type, ns.OWL.Class))
    for used in set(graph.objects(None, ns.RDFS.subClassOf)) | set(graph.objects(None, ns.OWL.someValuesFrom)):
        assert not isinstance(used, URIRef) or used in classes, f"undeclared class {used}"
    for used in set(graph.objects(None, ns.OWL.onProperty)):
        assert (used, ns.RDF.type, ns.OWL.ObjectProperty) in graph, f"undeclared property {used}"


def reason(*extra: Path | str) -> list[str]:
    """Load the edit file (plus extra Turtle) into owlready2 as RDF/XML and run HermiT.
    Returns the unsatisfiable classes; raises OwlReadyInconsistentOntologyError."""
    java = shutil.which("java")
    assert java, "HermiT needs java (apt-get install default-jre-headless)"
    owlready2.JAVA_EXE = java
    graph = Graph()
    graph.parse(EDIT_FILE, format="turtle")
    for item in extra:
        graph.parse(data=item, format="turtle") if isinstance(item, str) else graph.parse(item)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "exoc.owl"
        graph.serialize(path, format="xml")
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        with onto:
            owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
        return [str(c.iri) for c in world.inconsistent_classes()]


def test_hermit_finds_the_ontology_consistent_with_findings() -> None:
    """Consistent, no unsatisfiable class, also with findings whose slot values are punned
    class IRIs (as in a release, where the import modules declare them as classes)."""
    slot_values = Namespace("http://purl.obolibrary.org/obo/")
    punned = "\n".join(f"<{slot_values[t]}> a <{ns.OWL.Class}> ." for t in
                       ("MONDO_0007254", "CL_0000057", "CL_0000235", "CHEBI_27899", "GO_0007165"))
    assert reason(FIXTURES / "exoc-findings" / "valid.ttl", FIXTURES / "exoc-core" / "valid.ttl",
                  punned) == []


def test_hermit_rejects_a_slot_value_from_the_wrong_partition() -> None:
    """The ranges and disjoint partitions make a direction used as a study type inconsistent."""
    wrong = f"<https://w3id.org/exoc/finding/x> a <{V.FINDING}> ; <{V.HAS_STUDY_TYPE}> <{V.PROMOTES}> ."
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason(wrong)
