"""Citation links: bibliographic lists -> CitedWork records with a direction; the release's
cito links from 002 to the five articles citing it; the named query that lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from exo_ontology.curation.citation_lists import citation_lists
from exo_ontology.errors import ValidationFailed
from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.engine import run_query
from exo_ontology.query.named import load_named
from exo_ontology.reading.citations import CITES, IS_CITED_BY, CitedWork, parse_citation_lists
from exo_ontology.validation.run import to_store
from tests.conftest import ROOT

SEED_002 = "002_882fe9d54857dba9"
CITING_002 = {  # PMID -> DOI, as 002 prints them
    "39886670": "10.3389/fonc.2024.1522491", "39857679": "10.3390/biomedicines13010095",
    "39849585": "10.1186/s13287-024-04123-2", "39817143": "10.4251/wjgo.v17.i1.100713",
    "39598465": "10.3390/ph17111556",
}
CITO = "http://purl.org/spar/cito/"

# made-up entries, printed the way PubMed prints its lists
ENTRY_A = ("Exosomes in a made-up cancer.\n"
           "Doe J, Roe RA Made-up J Oncol. 2021; 3(2):45.\n"
           "PMID: 90000101 PMC: 9000101. DOI: 10.1000/made.101.\n")
ENTRY_B = ("Van der Berg K, et al. Vesicle Rep. 2019; 7:1.\n"
           "PMID: 90000102 DOI: 10.1000/made.102.\n")


def test_a_list_under_its_heading_gets_its_direction() -> None:
    text = "Title\n\nSome abstract sentence. Another one.\n\nCited by\n" + ENTRY_A + ENTRY_B
    [found] = parse_citation_lists(text)
    assert found.direction == IS_CITED_BY and found.heading == "Cited by"
    first, second = found.works
    assert first == CitedWork("90000101", "PMC9000101", "10.1000/made.101", "Exosomes in a made-up cancer",
                              "Made-up J Oncol", "2021", ("Doe J", "Roe RA"))
    # no title line before the author line: the title stays empty, "et al." is not an author
    assert (second.title, second.authors, second.journal, second.pmcid) == ("", ("Van der Berg K",), "Vesicle Rep", "")
    [refs] = parse_citation_lists("Text.\n\nReferences\n" + ENTRY_B)
    assert refs.direction == CITES


def test_lists_without_a_stated_direction_give_none() -> None:
    [unheaded] = parse_citation_lists("Title\nA long abstract. It has sentences.\n" + ENTRY_A)
    assert unheaded.direction == "" and len(unheaded.works) == 1
    [similar] = parse_citation_lists("Similar articles\n" + ENTRY_A)
    assert similar.direction == ""
    # a document's own identifier line is no list entry with a direction either
    [own] = parse_citation_lists("A title\nExp Cell Res. 2025;444(2):114393.\ndoi: 10.1016/j.x.2024.1. Epub.\n")
    assert own.direction == "" and own.works[0].title == ""


def test_seed_002_list_is_read_and_curated_as_citing_works() -> None:
    raw = (ROOT / "sources" / f"{SEED_002}.txt").read_text(encoding="utf-8")
    [found] = parse_citation_lists(raw)
    assert found.direction == ""                     # the text prints no heading above the list
    assert {w.pmid: w.doi for w in found.works} == CITING_002
    assert found.works[2].authors == ("Rayat Pisheh H", "Sani M")
    assert found.works[4].journal == "Pharmaceuticals (Basel)" and found.works[4].year == "2024"
    doc = SourceDoc(SEED_002, Path("x"), year="2023")
    curated = citation_lists(ROOT / "ontology" / "curation", [doc], {SEED_002: raw})
    assert [lst.direction for lst in curated[SEED_002]] == [IS_CITED_BY]


def test_curated_direction_is_checked(tmp_path: Path) -> None:
    raw = "Title\n" + ENTRY_A
    doc = SourceDoc("d", Path("d.txt"), year="2023")
    row = "doc_id\tfirst_pmid\tdirection\tcurator\treason\nd\t90000101\tis cited by\tme\tprovider says so\n"
    (tmp_path / "citation_lists.tsv").write_text(row, encoding="utf-8")
    # a work of 2021 cannot cite a document of 2023
    with pytest.raises(ValidationFailed, match=r"citation_lists.tsv row 2, column direction: PMID 90000101"):
        citation_lists(tmp_path, [doc], {"d": raw})
    (tmp_path / "citation_lists.tsv").write_text(row.replace("90000101", "1"), encoding="utf-8")
    with pytest.raises(ValidationFailed, match="no list starting with PMID 1"):
        citation_lists(tmp_path, [doc], {"d": raw})
    (tmp_path / "citation_lists.tsv").write_text(row.replace("is cited by", "cites"), encoding="utf-8")
    assert citation_lists(tmp_path, [doc], {"d": raw})["d"][0].direction == CITES


def test_release_links_002_to_its_citing_articles(built: tuple[Paths, BuildResult]) -> None:
    paths, result = built
    assert result.report.conforms
    graph = Graph().parse(paths.build_dir / "exoc.ttl")
    doc = URIRef(f"https://w3id.org/exoc/source/{SEED_002}")
    linked = set(graph.objects(doc, URIRef(CITO + "isCitedBy")))
    assert linked == {URIRef(f"https://identifiers.org/pubmed:{pmid}") for pmid in CITING_002}
    for pmid, doi in CITING_002.items():
        work = URIRef(f"https://identifiers.org/pubmed:{pmid}")
        identifiers = set(graph.objects(work, URIRef("http://purl.org/dc/terms/identifier")))
        assert {Literal(f"pmid:{pmid}"), Literal(f"doi:{doi}")} <= identifiers
    assert not list(graph.subject_objects(URIRef(CITO + "cites")))


def test_named_query_lists_the_citations(built: tuple[Paths, BuildResult]) -> None:
    paths, _ = built
    query = load_named(ROOT / "ontology" / "queries")["citations"]
    store = to_store(Graph().parse(paths.build_dir / "exoc.ttl"))
    result = run_query(store, query.text)
    index = {name: i for i, name in enumerate(result.variables)}
    rows = {(str(row[index["pmid"]]), str(row[index["doi"]])) for row in result.rows}
    assert rows == set(CITING_002.items())
