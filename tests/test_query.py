"""exo query's library: SPARQL over an embedded store, SERVICE refused, renderers."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from exo_ontology.errors import InputError, MissingInputError
from exo_ontology.query.engine import (
    guess_output_format,
    open_release,
    read_query,
    run_query,
    to_delimited,
    to_json,
    uses_service,
)

DATA = """<https://w3id.org/exoc/EXOC_0000001> <http://www.w3.org/2000/01/rdf-schema#label> "finding" .
<http://purl.obolibrary.org/obo/GO_0070062> <http://www.w3.org/2000/01/rdf-schema#label> "extracellular exosome" .
"""


@pytest.fixture
def store(tmp_path: Path) -> ox.Store:
    (tmp_path / "exoc.nt").write_text(DATA)
    return open_release(tmp_path)


def test_select_ask_construct(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?s ?l WHERE { ?s ?p ?l } ORDER BY ?l")
    assert result.variables == ["s", "l"]
    assert result.rows[0] == ["http://purl.obolibrary.org/obo/GO_0070062", "extracellular exosome"]
    assert run_query(store, "ASK { ?s ?p \"finding\" }").boolean is True
    triples = run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").triples
    assert len(triples) == 2 and all(t.endswith(" .") for t in triples)


def test_count_matches_file(store: ox.Store) -> None:
    assert run_query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows == [["2"]]


def test_service_is_refused_unless_allowed(store: ox.Store) -> None:
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(InputError, match="SERVICE"):
        run_query(store, query)
    assert uses_service("select * { service <x> {} }")
    assert not uses_service('SELECT * { ?s ?p "SERVICE" } # SERVICE in a comment')


def test_bad_sparql_is_unusable_input(store: ox.Store) -> None:
    with pytest.raises(InputError, match="invalid SPARQL"):
        run_query(store, "SELEKT nothing")


def test_renderers(store: ox.Store) -> None:
    result = run_query(store, "SELECT ?s ?l WHERE { ?s ?p ?l } ORDER BY ?l")
    tsv = to_delimited(result, "\t").splitlines()
    assert tsv[0] == "s\tl" and tsv[1] == "GO:0070062\textracellular exosome"
    assert to_delimited(result, ",").splitlines()[2] == "EXOC:0000001,finding"
    data = json.loads(to_json(result))
    assert data["head"]["vars"] == ["s", "l"]
    assert data["results"]["bindings"][0]["s"] == "http://purl.obolibrary.org/obo/GO_0070062"


def test_missing_release_and_query_sources(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match=r"exoc\.nt"):
        open_release(tmp_path)
    q = tmp_path / "q.rq"
    q.write_text("ASK {}")
    assert read_query(None, q, lambda: "") == "ASK {}"
    assert read_query("ASK { }", None, lambda: "") == "ASK { }"
    assert read_query(None, None, lambda: "SELECT * {}") == "SELECT * {}"
    with pytest.raises(InputError):
        read_query(None, None, lambda: "  ")
    assert guess_output_format(Path("x.csv"), None) == "csv"
    assert guess_output_format(None, None) == "table"
