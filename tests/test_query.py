"""exo query's library: the engine, read-only and SERVICE checks, --bind parsing, and the result formats
read back by rdflib's own parsers (the W3C formats) and compared with the engine's answer."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.query import Result

from exo_ontology.errors import InputError, MissingInputError, ReadOnlyRefused
from exo_ontology.query.binding import parse_binding, parse_value, with_values
from exo_ontology.query.command import read_query
from exo_ontology.query.engine import open_release, run_query
from exo_ontology.query.formats import FORMATS, Options, choose_format, render
from exo_ontology.query.safety import READ_ONLY_MESSAGE, check_query, uses_service

DATA = """<https://w3id.org/exoc/EXOC_0000001> <http://www.w3.org/2000/01/rdf-schema#label> "finding" .
<http://purl.obolibrary.org/obo/GO_0070062> <http://www.w3.org/2000/01/rdf-schema#label> "extracellular exosome" .
"""
#: terms of every kind the formats must carry: datatypes, language tags, blank nodes, awkward strings
RICH = """@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:a ex:date "2024-01-02"^^xsd:date ; ex:custom "x"^^ex:dt ; ex:label "chat"@fr, "cat"@en ;
  ex:text "comma, \\"quote\\"\\nnew line\\ttab" ; ex:node [ ex:p "in a bnode" ] ; ex:n 42 .
"""
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SELECT_ALL = "SELECT ?s ?p ?o ?unbound WHERE { ?s ?p ?o } ORDER BY ?p ?o"
UPDATES = ["DROP ALL", "DELETE WHERE { ?s ?p ?o }", "INSERT DATA { <x:a> <x:b> <x:c> }", "CLEAR DEFAULT",
           "LOAD <http://example.org/data.ttl>", "CREATE GRAPH <x:g>", "ADD DEFAULT TO <x:g>",
           "MOVE <x:g> TO DEFAULT", "COPY DEFAULT TO <x:g>",
           "WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
           "PREFIX ex: <http://example.org/>\n# a comment\nDELETE DATA { ex:a ex:b ex:c }",
           "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"]


@pytest.fixture
def store(tmp_path: Path) -> ox.Store:
    (tmp_path / "exoc.nt").write_text(DATA)
    return open_release(tmp_path)


@pytest.fixture
def rich(tmp_path: Path) -> ox.Store:
    path = tmp_path / "rich.ttl"
    path.write_text(RICH, encoding="utf-8")
    return open_release(path)


def test_select_ask_construct(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?s ?l WHERE { ?s ?p ?l } ORDER BY ?l")
    assert result.variables == ["s", "l"]
    assert result.rows[0] == ["http://purl.obolibrary.org/obo/GO_0070062", "extracellular exosome"]
    assert run_query(store, "ASK { ?s ?p \"finding\" }").boolean is True
    triples = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples
    assert len(triples) == 2 and all(t.endswith(" .") for t in triples)
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["2"]]


def test_service_is_refused_unless_allowed(store: ox.Store) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(InputError, match="SERVICE"):
        run_query(store, query)
    with pytest.raises(InputError, match="--allow-service"):
        check_query(query)
    assert check_query(query, allow_service=True) == "solutions"  # parsed offline, SERVICE never called
    assert uses_service("select * { service <x> {} }")
    assert not uses_service('SELECT ?service { ?service ?p "SERVICE" } # SERVICE in a comment')


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_by_parsing(update: str) -> None:
    with pytest.raises(ReadOnlyRefused, match=READ_ONLY_MESSAGE):
        check_query(update)


def test_queries_and_bad_sparql_are_told_apart() -> None:
    assert check_query("SELECT * { ?s ?p ?o }") == "solutions"
    assert check_query("ASK { }") == "boolean"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }") == "graph"
    assert check_query("DESCRIBE <x:a>") == "graph"
    assert check_query('SELECT * { ?s <x:p> "DROP ALL" }') == "solutions"  # keywords inside strings
    with pytest.raises(InputError, match="invalid SPARQL") as caught:
        check_query("SELEKT nothing")
    assert not isinstance(caught.value, ReadOnlyRefused)


def test_bind_values_parse_into_terms() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert parse_value("MONDO:0007254") == ox.NamedNode("http://purl.obolibrary.org/obo/MONDO_0007254")
    assert parse_value("<http://example.org/x>") == ox.NamedNode("http://example.org/x")
    assert parse_value('"breast cancer"@en') == ox.Literal("breast cancer", language="en")
    assert parse_value('"5"^^xsd:int') == ox.Literal("5", datatype=ox.NamedNode(xsd + "int"))
    assert parse_value(f'"5"^^<{xsd}decimal>') == ox.Literal("5", datatype=ox.NamedNode(xsd + "decimal"))
    assert parse_value("unknownprefix:x") == ox.Literal("unknownprefix:x")
    assert parse_value("just words") == ox.Literal("just words")
    assert parse_binding("?gene=NCBIGene:7157") == ("gene", ox.NamedNode("http://identifiers.org/ncbigene/7157"))
    for bad in ("no-equals-sign", "1x=3", "=v"):
        with pytest.raises(InputError, match="var=VALUE"):
            parse_binding(bad)


def test_an_injection_attempt_is_one_odd_literal(rich: ox.Store) -> None:
    name, term = parse_binding('o=x" } DROP ALL #')
    assert term == ox.Literal('x" } DROP ALL #')
    text = with_values("SELECT ?s WHERE { ?s ?p ?o }", {name: term})
    assert check_query(text) == "solutions"
    assert list(rich.query(text)) == []
    assert len(rich) == 8  # nothing was dropped
    assert list(rich.query("SELECT * WHERE { ?s ?p ?o }", substitutions={ox.Variable(name): term})) == []


def _rdflib(term: object) -> object:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # a simple literal in RDF 1.1; the formats omit the datatype
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return None


def _engine_rows(store: ox.Store, query: str) -> list[tuple[object, ...]]:
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [tuple(_rdflib(s[n]) for n in names) for s in solutions]


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_exact_formats_parse_back_to_the_engine_answer(rich: ox.Store, fmt: str) -> None:
    rendered = render(rich.query(SELECT_ALL), FORMATS[fmt])
    parsed = Result.parse(io.BytesIO(rendered.data), format=fmt)
    assert [str(v) for v in parsed.vars or []] == ["s", "p", "o", "unbound"]
    rows = [tuple(row) for row in parsed]
    assert rows == _engine_rows(rich, SELECT_ALL)
    literals = {t for row in rows for t in row if isinstance(t, Literal)}
    assert Literal("chat", lang="fr") in literals and Literal("cat", lang="en") in literals
    assert Literal("x", datatype=URIRef("http://example.org/dt")) in literals
    assert Literal("2024-01-02", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")) in literals
    assert any(isinstance(t, BNode) for row in rows for t in row)
    assert not rendered.empty


def test_csv_is_plain_values_and_curies_only_when_asked(rich: ox.Store, store: ox.Store) -> None:
    data = render(rich.query(SELECT_ALL), FORMATS["csv"]).data
    assert data.startswith(b"s,p,o,unbound\r\n")
    parsed = [tuple("" if t is None else str(t) for t in row)
              for row in Result.parse(io.BytesIO(data), format="csv")]
    expected = [tuple("" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row)
                for row in _engine_rows(rich, SELECT_ALL)]
    assert parsed == expected
    assert b'"comma, ""quote""\nnew line\ttab"' in data  # RFC 4180 quoting
    curies = render(store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"), FORMATS["csv"], Options(curies=True))
    assert sorted(curies.data.split(b"\r\n")) == [b"", b"EXOC:0000001", b"GO:0070062", b"s"]


def test_ask_and_empty_results(rich: ox.Store) -> None:
    for fmt in ("json", "xml", "csv", "tsv", "table"):
        assert not render(rich.query("ASK { ?s ?p ?o }"), FORMATS[fmt]).empty
        assert render(rich.query("ASK { ?s ?p 'nothing' }"), FORMATS[fmt]).empty
        assert render(rich.query("SELECT * { ?s ?p 'nothing' }"), FORMATS[fmt]).empty
    parsed = Result.parse(io.BytesIO(render(rich.query("ASK { ?s ?p ?o }"), FORMATS["xml"]).data), format="xml")
    assert parsed.askAnswer is True


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt"), ("nq", "nquads"),
                                                     ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_construct_formats_parse_back_isomorphic(rich: ox.Store, fmt: str, rdflib_format: str) -> None:
    rendered = render(rich.query("CONSTRUCT WHERE { ?s ?p ?o }"), FORMATS[fmt])
    expected = Graph().parse(data=RICH, format="turtle")
    if fmt == "nq":
        got = Graph()
        for s, p, o, _g in Dataset().parse(data=rendered.data, format=rdflib_format).quads():
            got.add((s, p, o))
    else:
        got = Graph().parse(data=rendered.data, format=rdflib_format)
    assert isomorphic(got, expected)
    again = render(rich.query("CONSTRUCT WHERE { ?s ?p ?o }"), FORMATS[fmt])
    assert again.data == rendered.data  # same store, same bytes (sorted triples, sorted prefixes)


def test_table_shows_labels_beside_iris(store: ox.Store) -> None:
    from exo_ontology.query.table import store_labeller

    query = "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"
    table = render(store.query(query), FORMATS["table"], Options(True, store_labeller(store))).data.decode()
    assert "GO:0070062 (extracellular exosome)" in table and table.startswith("?s")
    full = render(store.query(query), FORMATS["table"], Options(False, store_labeller(store))).data.decode()
    assert "http://purl.obolibrary.org/obo/GO_0070062 (extracellular exosome)" in full


def test_format_must_fit_the_query_form() -> None:
    with pytest.raises(InputError, match="does not fit a CONSTRUCT"):
        choose_format("csv", None, "graph")
    with pytest.raises(InputError, match="does not fit a SELECT"):
        choose_format("ttl", None, "solutions")
    with pytest.raises(InputError, match="--curies applies"):
        choose_format("json", None, "solutions", curies=True)
    with pytest.raises(InputError, match="use one of"):
        choose_format("yaml", None, "solutions")
    assert choose_format(None, None, "solutions").name == "table"
    assert choose_format(None, None, "graph").name == "ttl"
    assert choose_format(None, Path("out.csv"), "solutions").name == "csv"
    assert choose_format(None, Path("out.nt"), "graph").name == "nt"


def test_missing_release_and_query_sources(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match=r"exoc\.nt|no such"):
        open_release(tmp_path / "nothing")
    q = tmp_path / "q.rq"
    q.write_text("ASK {}")
    assert read_query(None, q, lambda: "") == "ASK {}"
    assert read_query("ASK { }", None, lambda: "") == "ASK { }"
    assert read_query(None, None, lambda: "SELECT * {}") == "SELECT * {}"
    with pytest.raises(InputError):
        read_query(None, None, lambda: "  ")
