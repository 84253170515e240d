"""exo serve over the built release: the SPARQL protocol against the embedded engine (SPARQLWrapper), the
read-only guarantees, the time and size limits, linked-data pages by content negotiation, search, the query
page, and a tiny load run. The server runs in a child process on 127.0.0.1 and is stopped by its pid."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.engine import open_release
from exo_ontology.query.named import load_named, parse_term
from exo_ontology.serve.launch import Launched, launch
from tests.serve_client import form, get, http
from tests.test_docs import png_facts

ROOT = Path(__file__).resolve().parents[1]
SELECT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label WHERE { ?s a <https://w3id.org/exoc/EXOC_0000001> OPTIONAL { ?s rdfs:label ?label } }
ORDER BY ?s LIMIT 40"""
LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label LIMIT 60"""
CONSTRUCT = """CONSTRUCT { ?f ?p ?o } WHERE { ?f a <https://w3id.org/exoc/EXOC_0000001> ; ?p ?o }"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RESULT_FORMATS = {JSON: ox.QueryResultsFormat.JSON, XML: ox.QueryResultsFormat.XML,
                  CSV: ox.QueryResultsFormat.CSV, TSV: ox.QueryResultsFormat.TSV}


@pytest.fixture(scope="module")
def served(built: tuple[Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Launched]:
    paths, _ = built
    server = launch(paths.root, tmp_path_factory.mktemp("serve") / "serve.log", "--timeout", "2",
                    "--workers", "3", "--max-results", "5000")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def store(built: tuple[Paths, BuildResult]) -> ox.Store:
    return open_release(built[0].build_dir)


def client(served: Launched, query: str, fmt: str, method: str = "GET") -> SPARQLWrapper:
    sparql = SPARQLWrapper(served.url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql


def solutions(store: ox.Store, query: str) -> list[tuple[object, ...]]:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [tuple(row[n] for n in names) for row in result]


def comparable(terms: tuple[object, ...], fmt: str) -> tuple[object, ...]:
    """CSV carries only lexical forms: compare values there, terms everywhere else."""
    if fmt != CSV:
        return terms
    return tuple(None if t is None else getattr(t, "value", t) for t in terms)


def parse_results(raw: bytes, fmt: str) -> list[tuple[object, ...]]:
    """Rows of a served result; CSV carries lexical forms only, so there rows are compared as strings."""
    if fmt == CSV:
        return [tuple(row) for row in csv.reader(io.StringIO(raw.decode("utf-8")))][1:]
    parsed = ox.parse_query_results(raw, format=RESULT_FORMATS[fmt])
    assert isinstance(parsed, ox.QuerySolutions)
    return [tuple(row[v] for v in parsed.variables) for row in parsed]


def expected_rows(store: ox.Store, query: str, fmt: str) -> list[tuple[object, ...]]:
    rows = solutions(store, query)
    if fmt != CSV:
        return rows
    return [tuple("" if t is None else getattr(t, "value", str(t)) for t in row) for row in rows]


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_in_each_format_equals_the_embedded_engine(served: Launched, store: ox.Store, fmt: str,
                                                          method: str) -> None:
    for query in (SELECT, LABELS):
        answer = client(served, query, fmt, method).query().response
        got = parse_results(answer.read(), fmt)
        assert got == expected_rows(store, query, fmt) and len(got) > 10


def test_select_json_through_sparqlwrapper_convert(served: Launched, store: ox.Store) -> None:
    data = client(served, SELECT, JSON).queryAndConvert()
    assert isinstance(data, dict)
    served_iris = [b["s"]["value"] for b in data["results"]["bindings"]]
    assert served_iris == [row[0].value for row in solutions(store, SELECT)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask_in_json_and_xml(served: Launched, fmt: str) -> None:
    yes = "ASK { ?f a <https://w3id.org/exoc/EXOC_0000001> }"
    no = "ASK { <https://w3id.org/exoc/finding/Fnothing> ?p ?o }"
    for query, expected in ((yes, True), (no, False)):
        parsed = ox.parse_query_results(client(served, query, fmt).query().response.read(),
                                        format=RESULT_FORMATS[fmt])
        assert isinstance(parsed, ox.QueryBoolean)
        assert bool(parsed) is expected


@pytest.mark.parametrize(("fmt", "media", "rdflib_format"), [
    (TURTLE, "text/turtle", "turtle"), (N3, "application/n-triples", "nt"),
    (XML, "application/rdf+xml", "xml"), (JSONLD, "application/ld+json", "json-ld")])
def test_construct_in_each_format_equals_the_embedded_engine(served: Launched, store: ox.Store, fmt: str,
                                                             media: str, rdflib_format: str) -> None:
    expected = rdflib.Graph().parse(data=b"".join(str(t).encode() + b" .\n" for t in store.query(CONSTRUCT)),
                                    format="nt")
    answer = http(served.url + "/sparql", "POST", form(query=CONSTRUCT),
                  {"Content-Type": "application/x-www-form-urlencoded", "Accept": media})
    assert answer.status == 200 and answer.content_type.startswith(media)
    got = rdflib.Graph().parse(data=answer.body, format=rdflib_format)
    assert len(got) == len(expected) > 100 and isomorphic(got, expected)
    assert client(served, CONSTRUCT, fmt).query().response.status == 200


def count(served: Launched) -> int:
    answer = get(served.url, "/sparql", "text/csv", query=COUNT)
    return int(answer.text.split()[1])


def test_updates_are_refused_every_way_and_the_store_is_unchanged(served: Launched) -> None:
    before = count(served)
    insert = "INSERT DATA { <https://w3id.org/exoc/x> <https://w3id.org/exoc/y> \"z\" }"
    wrapper = client(served, insert, JSON, "POST")  # SPARQLWrapper sends an update as update= in a form
    with pytest.raises(Exception, match=r"403|Forbidden|refused"):
        wrapper.query()
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    answers = [
        http(served.url + "/sparql", "POST", form(update=insert), form_type),
        http(served.url + "/sparql", "POST", insert.encode(), {"Content-Type": "application/sparql-update"}),
        http(served.url + "/sparql", "POST", form(query=insert), form_type),
        get(served.url, "/sparql", query="PREFIX e: <https://w3id.org/exoc/> # comment\nDELETE WHERE { ?s ?p ?o }"),
        get(served.url, "/sparql", update=insert),
    ]
    assert [a.status for a in answers] == [403] * 5
    assert all(len(a.text.strip().splitlines()) == 1 for a in answers)
    assert count(served) == before


def test_service_is_refused(served: Launched) -> None:
    answer = get(served.url, "/sparql", query="SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert answer.status == 403 and "SERVICE" in answer.text


def test_malformed_query_is_400_with_one_line(served: Launched) -> None:
    answer = get(served.url, "/sparql", query="SELECT * WHERE { ?s ?p ")
    assert answer.status == 400
    assert answer.text.startswith("query: invalid SPARQL") and len(answer.text.strip().splitlines()) == 1


def test_results_past_the_size_limit_are_413(served: Launched) -> None:
    answer = get(served.url, "/sparql", query="SELECT * WHERE { ?s ?p ?o }")
    assert answer.status == 413 and "5000" in answer.text
    assert get(served.url, "/sparql", query="SELECT * WHERE { ?s ?p ?o } LIMIT 5000").status == 200


def test_not_acceptable_is_406(served: Launched) -> None:
    assert get(served.url, "/sparql", "image/png", query=COUNT).status == 406
    assert get(served.url, "/sparql", "text/turtle", query="ASK { ?s ?p ?o }").status == 406


def test_a_slow_query_is_cut_with_503_while_others_are_served(served: Launched) -> None:
    slow: list[tuple[int, float]] = []

    def run_slow() -> None:
        began = time.monotonic()
        slow.append((get(served.url, "/sparql", query=SLOW).status, time.monotonic() - began))

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.3)
    fast = []
    while thread.is_alive() and len(fast) < 5:
        began = time.monotonic()
        fast.append((get(served.url, "/sparql", query=COUNT).status, time.monotonic() - began))
    thread.join(30)
    assert slow and slow[0][0] == 503 and 1.5 < slow[0][1] < 15
    assert fast and all(status == 200 and took < 1.5 for status, took in fast)
    assert count(served) > 0  # the cut worker was replaced; the server still answers


def finding_iri(store: ox.Store) -> str:
    rows = solutions(store, """SELECT ?f WHERE { ?f a <https://w3id.org/exoc/EXOC_0000001> ;
        <https://w3id.org/exoc/EXOC_0000110> ?d } ORDER BY ?f LIMIT 1""")
    return rows[0][0].value  # type: ignore[attr-defined]


@pytest.mark.parametrize(("media", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml")])
def test_a_finding_page_in_rdf_is_its_description(served: Launched, store: ox.Store, media: str,
                                                  rdflib_format: str) -> None:
    iri = finding_iri(store)
    answer = get(served.url, "/" + iri.removeprefix("https://w3id.org/exoc/"), media)
    assert answer.status == 200 and answer.content_type.startswith(media)
    graph = rdflib.Graph().parse(data=answer.body, format=rdflib_format)
    own = {(str(p), str(o)) for _, p, o in graph.triples((rdflib.URIRef(iri), None, None))}
    expected = {(q.predicate.value, str(getattr(q.object, "value", q.object)))
                for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, ox.DefaultGraph())}
    assert own == expected
    disease = next(o for p, o in own if p == "https://w3id.org/exoc/EXOC_0000110")
    assert (rdflib.URIRef(disease), rdflib.RDFS.label, None) in graph  # labels of the objects ride along


def test_finding_html_links_to_its_disease_page(served: Launched, store: ox.Store) -> None:
    iri = finding_iri(store)
    page = get(served.url, "/" + iri.removeprefix("https://w3id.org/exoc/"),
               "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert page.status == 200 and page.content_type.startswith("text/html")
    assert iri in page.text
    links = [part.split('"', 1)[0] for part in page.text.split('href="/disease/')[1:]]
    assert links
    disease = get(served.url, "/disease/" + links[0], "text/html")
    assert disease.status == 200 and iri.rsplit("/", 1)[1] in disease.text  # the disease page lists it


@pytest.mark.parametrize("path", ["/EXOC_0000001", "/source/", "/evidence/"])
def test_release_iris_have_pages(served: Launched, store: ox.Store, path: str) -> None:
    if path.endswith("/"):
        rows = solutions(store, f"""SELECT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s),
            "https://w3id.org/exoc{path}")) }} ORDER BY ?s LIMIT 1""")
        path = "/" + rows[0][0].value.removeprefix("https://w3id.org/exoc/")  # type: ignore[attr-defined]
    assert get(served.url, path, "text/html").status == 200
    assert get(served.url, path, "text/turtle").status == 200


def test_unknown_iris_are_404(served: Launched) -> None:
    assert get(served.url, "/finding/Fdoesnotexist", "text/html").status == 404
    assert get(served.url, "/EXOC_9999999", "text/turtle").status == 404
    assert get(served.url, "/disease/MONDO_9999999").status == 404
    assert get(served.url, "/term", iri="http://example.org/nothing").status == 404


def test_home_page_counts_and_links(served: Launched, store: ox.Store) -> None:
    page = get(served.url, "/")
    total = solutions(store, COUNT)[0][0].value  # type: ignore[attr-defined]
    assert page.status == 200 and f'<div class="num">{total}</div>' in page.text
    assert 'href="/query"' in page.text and 'action="/search"' in page.text


def test_search_finds_a_label_and_a_synonym(served: Launched, store: ox.Store) -> None:
    synonym = solutions(store, """SELECT ?s ?syn WHERE {
        ?s <http://www.geneontology.org/formats/oboInOwl#hasExactSynonym> ?syn .
        FILTER NOT EXISTS { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?syn } } ORDER BY ?s LIMIT 1""")[0]
    iri, text = synonym[0].value, synonym[1].value  # type: ignore[attr-defined]
    page = get(served.url, "/search", q=text.upper())
    assert page.status == 200 and "exact synonym" in page.text
    from exo_ontology.serve.pages import page_url
    assert f'href="{page_url(iri)}"' in page.text
    labelled = get(served.url, "/search", q="EXTRACELLULAR exosome")
    assert 'href="/term?iri=http%3A%2F%2Fpurl.obolibrary.org%2Fobo%2FGO_0070062"' in labelled.text
    assert "(label)" in labelled.text


def test_query_page_runs_a_named_query_with_a_bound_parameter(served: Launched, store: ox.Store,
                                                              built: tuple[Paths, BuildResult]) -> None:
    named = load_named(built[0].ontology_dir / "queries")["cargo_by_source_cell"]
    param = named.params[0]
    listing = get(served.url, "/query")
    assert listing.status == 200 and f'id="{named.name}"' in listing.text and f'name="{param.name}"' in listing.text
    page = get(served.url, "/query", name=named.name, **{param.name: param.example})
    term = parse_term(param.example)
    expected = store.query(named.text, substitutions={ox.Variable(param.name): term})
    rows = list(expected)  # type: ignore[arg-type]
    assert page.status == 200 and f"{len(rows)} row" in page.text and len(rows) > 0
    assert page.text.count("<tr><td>") == len(rows)
    bad = get(served.url, "/query", name=named.name, **{param.name: "not a term"})
    assert bad.status == 400 and "cargo_by_source_cell param cell" in bad.text


def test_query_page_free_sparql_box(served: Launched) -> None:
    page = get(served.url, "/query", sparql="SELECT ?n WHERE { VALUES ?n { 1 2 3 } }")
    assert page.status == 200 and "3 rows" in page.text
    refused = get(served.url, "/query", sparql="CLEAR ALL")
    assert refused.status == 403 and "read-only" in refused.text


def test_tiny_load_run_has_no_errors(built: tuple[Paths, BuildResult], tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    load = importlib.util.module_from_spec(spec)
    sys.modules["bench_load"] = load  # its dataclasses look their module up there
    spec.loader.exec_module(load)
    report = load.measure(built[0].root, clients=4, seconds=3, timeout=1, workers=3, log=tmp_path / "serve.log")
    assert len(report.latencies) > 20 and report.errors == []
    assert report.slow_status == 503 and report.served_during_slow > 0
    assert report.rss and max(kb for _, kb in report.rss) > 0
    assert "| errors (non-200) | 0 |" in load.markdown(report, 3)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=180, check=False)


def test_chromium_follows_a_finding_to_its_disease_page(served: Launched, store: ox.Store) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make system-deps) to run the browser test")
    finding = served.url + "/" + finding_iri(store).removeprefix("https://w3id.org/exoc/")
    dom = chromium("--dump-dom", finding).stdout
    links = re.findall(r'href="(/disease/[^"]+)"', dom)
    assert links, f"the finding page as Chromium built it links to no disease page: {finding}"
    target = served.url + links[0]
    assert "Referenced by" in chromium("--dump-dom", target).stdout
    out = ROOT / "build" / "reports" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    shot = out / "serve-disease.png"
    shot.unlink(missing_ok=True)
    chromium(f"--screenshot={shot}", "--window-size=1200,900", target)
    assert shot.is_file(), f"chromium wrote no screenshot of {target}"
    width, height, values = png_facts(shot)
    assert (width, height) == (1200, 900)
    assert values > 32, f"{shot} looks blank"
