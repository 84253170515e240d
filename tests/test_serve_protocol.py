"""The SPARQL 1.1 Protocol's query cases (the W3C protocol test suite's, rewritten here over made-up data)
against `exo serve` on a tiny release of three named graphs, plus the protocol rules as pure functions.

Covered (W3C case name -> test): query_get, query_post_form, query_post_direct; query_dataset_default_graphs_get
and _post, query_dataset_named_graphs_get and _post, query_dataset_full, query_multiple_dataset;
query_content_type_select, _ask, _describe, _construct; bad_query_method, bad_multiple_queries,
bad_query_wrong_media_type, bad_query_missing_form_type, bad_query_missing_direct_type, bad_query_non_utf8,
bad_query_syntax; bad_update_get. The update_* cases do not apply to a read-only endpoint: update_post_form
and update_post_direct are checked to be refused (403) instead; update_dataset_*, update_base_uri,
bad_multiple_updates, bad_update_wrong_media_type, bad_update_missing_form_type, bad_update_non_utf8,
bad_update_syntax and bad_update_dataset_conflict are not run (every update is refused before it is read)."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from exo_ontology.query.safety import looks_like_update as is_update
from exo_ontology.serve.launch import Launched, launch
from exo_ontology.serve.negotiation import choose
from exo_ontology.serve.protocol import Operation, parse_operation
from exo_ontology.serve.worker import Failure
from tests.serve_client import Answer, form, get
from tests.serve_client import http as request

G = "http://example.org/protocol/"
DOC = "http://example.org/vocab#Document"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TRIG = "\n".join(f"<{G}g{n}> {{ <{G}doc{n}> a <{DOC}> . }}" for n in (1, 2, 3)) + "\n"
ASK_BOTH = f"ASK {{ <{G}doc1> a ?type . <{G}doc2> a ?type . }}"
ASK_NAMED = f"ASK {{ GRAPH ?g1 {{ <{G}doc1> a ?type }} GRAPH ?g2 {{ <{G}doc2> a ?type }} }}"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Launched]:
    """A release of one default-graph triple and three named graphs, each naming one document."""
    root = tmp_path_factory.mktemp("protocol")
    (root / "build").mkdir()
    (root / "build" / "exoc.nt").write_text(f"<{G}doc0> <{RDF_TYPE}> <{DOC}> .\n", encoding="utf-8")
    (root / "build" / "exoc.trig").write_text(TRIG, encoding="utf-8")
    server = launch(root, root / "serve.log", "--timeout", "5", "--workers", "2", "--max-results", "100")
    yield server
    server.stop()


def boolean(answer: Answer) -> bool:
    assert answer.status == 200, answer.text
    parsed = ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.from_media_type(
        answer.content_type.split(";")[0]))
    assert isinstance(parsed, ox.QueryBoolean)
    return bool(parsed)


def test_query_get(served: Launched) -> None:
    assert boolean(get(served.url, "/sparql", query="ASK {}", **{"default-graph-uri": G + "g0"})) is True


def test_query_post_form(served: Launched) -> None:
    assert boolean(request(served.url + "/sparql", "POST", form(query="ASK {}"), FORM)) is True


def test_query_post_direct(served: Launched) -> None:
    assert boolean(request(served.url + "/sparql", "POST", b"ASK {}", DIRECT)) is True


def graphs(kind: str, *names: str) -> str:
    return "&".join(f"{kind}-graph-uri={G}{n}" for n in names)


def test_protocol_default_graphs_are_merged_get_and_post(served: Launched) -> None:
    url = f"{served.url}/sparql?{graphs('default', 'g1', 'g2')}"
    assert boolean(get(served.url, "/sparql", query=ASK_BOTH)) is False  # the store's default graph has neither
    assert boolean(request(url + "&" + form(query=ASK_BOTH).decode())) is True
    assert boolean(request(url, "POST", ASK_BOTH.encode(), DIRECT)) is True


def test_protocol_named_graphs_get_and_post(served: Launched) -> None:
    url = f"{served.url}/sparql?{graphs('named', 'g1', 'g2')}"
    assert boolean(request(url + "&" + form(query=ASK_NAMED).decode())) is True
    assert boolean(request(url, "POST", ASK_NAMED.encode(), DIRECT)) is True
    only_g3 = f"{served.url}/sparql?{graphs('named', 'g3')}"
    assert boolean(request(only_g3, "POST", ASK_NAMED.encode(), DIRECT)) is False


def test_protocol_full_dataset(served: Launched) -> None:
    query = f"ASK {{ <{G}doc3> a ?type GRAPH ?g1 {{ <{G}doc1> a ?type }} GRAPH ?g2 {{ <{G}doc2> a ?type }} }}"
    url = f"{served.url}/sparql?{graphs('default', 'g3')}&{graphs('named', 'g1', 'g2')}"
    assert boolean(request(url, "POST", query.encode(), DIRECT)) is True


def test_protocol_dataset_wins_over_the_querys_from(served: Launched) -> None:
    query = f"ASK FROM <{G}g3> {{ GRAPH ?g1 {{ <{G}doc1> a ?type }} GRAPH ?g2 {{ <{G}doc2> a ?type }} }}"
    url = f"{served.url}/sparql?{graphs('named', 'g1', 'g2')}"
    assert boolean(request(url, "POST", query.encode(), DIRECT)) is True
    # and the query's FROM alone is honoured when the protocol names no dataset
    assert boolean(get(served.url, "/sparql", query=f"ASK FROM <{G}g3> {{ <{G}doc3> a ?t }}")) is True


@pytest.mark.parametrize(("query", "offered"), [
    ("SELECT * WHERE { ?s ?p ?o }", ("application/sparql-results+xml", "application/sparql-results+json",
                                     "text/csv", "text/tab-separated-values")),
    ("ASK { ?s ?p ?o }", ("application/sparql-results+xml", "application/sparql-results+json")),
    (f"DESCRIBE <{G}doc0>", ("application/rdf+xml", "text/turtle", "application/n-triples")),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", ("application/rdf+xml", "text/turtle", "application/n-triples")),
])
def test_content_type_fits_the_query_form(served: Launched, query: str, offered: tuple[str, ...]) -> None:
    for media in offered:
        answer = get(served.url, "/sparql", media, query=query)
        assert answer.status == 200 and answer.content_type.split(";")[0] == media
    browser_like = get(served.url, "/sparql", ", ".join(f"{m};q=0.{9 - i}" for i, m in enumerate(offered)),
                       query=query)
    assert browser_like.content_type.split(";")[0] == offered[0]


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), [
    ("PUT", "/sparql?query=ASK%20%7B%7D", b"", FORM, 405),                                   # bad_query_method
    ("GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", None, {}, 400),        # bad_multiple_queries
    ("POST", "/sparql", b"ASK {}", {"Content-Type": "text/plain"}, 415),  # bad_query_wrong_media_type
    ("POST", "/sparql", "ASK {}".encode("utf-16"),
     {"Content-Type": "application/sparql-query; charset=UTF-16"}, 415),                     # bad_query_non_utf8
    ("GET", "/sparql?query=ASK%20%7B", None, {}, 400),                                       # bad_query_syntax
    ("GET", "/sparql?update=CLEAR%20ALL", None, {}, 403),                                    # bad_update_get
    ("POST", "/sparql", b"update=CLEAR%20ALL", FORM, 403),                                   # update_post_form
    ("POST", "/sparql", b"CLEAR ALL", {"Content-Type": "application/sparql-update"}, 403),   # update_post_direct
    ("GET", "/sparql", None, {}, 400),                                                       # no query at all
])
def test_bad_requests_are_4xx_with_one_line(served: Launched, method: str, path: str, body: bytes | None,
                                            headers: dict[str, str], status: int) -> None:
    answer = request(served.url + path, method, body, headers)
    assert answer.status == status
    assert len(answer.text.strip().splitlines()) == 1


@pytest.mark.parametrize("body", [b"query=ASK%20%7B%7D", b"ASK {}"])  # bad_query_missing_form/direct_type
def test_a_post_without_content_type_is_415(served: Launched, body: bytes) -> None:
    # urllib would add a form content type on its own; http.client sends exactly these headers
    host, port = served.url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest("POST", "/sparql")
        connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        assert response.status == 415 and b"content type none" in response.read()
    finally:
        connection.close()


def test_store_unchanged_after_refused_updates(served: Launched) -> None:
    request(served.url + "/sparql", "POST", b"CLEAR ALL", {"Content-Type": "application/sparql-update"})
    request(served.url + "/sparql", "POST", form(query="DROP ALL"), FORM)
    assert boolean(get(served.url, "/sparql", query=f"ASK {{ GRAPH <{G}g1> {{ <{G}doc1> a <{DOC}> }} }}")) is True
    assert boolean(get(served.url, "/sparql", query=f"ASK {{ <{G}doc0> a <{DOC}> }}")) is True


def test_parse_operation_rules() -> None:
    assert parse_operation("GET", "query=ASK%7B%7D&default-graph-uri=a&default-graph-uri=b", None, b"") == \
        Operation("ASK{}", ("a", "b"), None)
    assert parse_operation("POST", "named-graph-uri=n", "application/sparql-query; charset=utf-8", b"ASK{}") == \
        Operation("ASK{}", None, ("n",))
    refused = parse_operation("POST", "", "application/sparql-query", b"\xff\xfe")
    assert isinstance(refused, Failure) and refused.status == 400


@pytest.mark.parametrize(("text", "update"), [
    ("INSERT DATA { <a:b> <a:c> 1 }", True),
    ("PREFIX e: <http://x/#> # a comment\nBASE <http://y/>\n delete where { ?s ?p ?o }", True),
    ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
    ("LOAD <http://example.org/x>", True),
    ("SELECT * WHERE { ?s ?p \"INSERT\" }", False),
    ("# INSERT DATA\nASK {}", False),
    ("PREFIX insert: <http://x/> SELECT * { ?s ?p insert:o }", False),
])
def test_is_update(text: str, update: bool) -> None:
    assert is_update(text) is update


def test_negotiation() -> None:
    offers = ["text/html", "text/turtle", "application/ld+json"]
    assert choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", offers) == "text/html"
    assert choose("application/ld+json, text/turtle;q=0.5", offers) == "application/ld+json"
    assert choose("text/*;q=0.3, application/ld+json;q=0.2", offers) == "text/html"
    assert choose("text/turtle;q=0, */*;q=0.1", ["text/turtle", "application/ld+json"]) == "application/ld+json"
    assert choose("image/png", offers) is None
    assert choose(None, offers) == "text/html"


def test_a_missing_release_is_a_one_line_error(tmp_path: Path) -> None:
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "exo_ontology", "serve", "--root", str(tmp_path), "--port", "1"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("error: ") and "exo build" in done.stderr
