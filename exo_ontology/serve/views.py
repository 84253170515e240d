"""The HTML side of the server: home, linked-data pages (HTML or RDF by Accept), search and the query page."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from exo_ontology.errors import InputError
from exo_ontology.namespaces import compress
from exo_ontology.query.named import NamedQuery, parse_term
from exo_ontology.serve import results
from exo_ontology.serve.negotiation import choose
from exo_ontology.serve.pages import BASE, FOLDERS, Description, describe, iri_of_path, iri_of_stem, page_url
from exo_ontology.serve.state import Server, failure_response
from exo_ontology.serve.worker import Failure, Job, Table, from_cell, to_cell

#: what a page can be: HTML for browsers, the description in an RDF format for machines
PAGE_FORMATS = ["text/html", "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]
_COUNTS = """PREFIX EXOC: <https://w3id.org/exoc/EXOC_>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT
  (SUM(IF(BOUND(?t), 1, 0)) AS ?triples)
  (COUNT(DISTINCT ?finding) AS ?findings) (COUNT(DISTINCT ?evidence) AS ?evidence)
  (COUNT(DISTINCT ?source) AS ?sources) (COUNT(DISTINCT ?class) AS ?classes)
WHERE {
  { ?s ?p ?o BIND(1 AS ?t) }
  UNION { ?finding a EXOC:0000001 }
  UNION { ?evidence ?pe ?oe FILTER(STRSTARTS(STR(?evidence), "https://w3id.org/exoc/evidence/")) }
  UNION { ?source ?ps ?os FILTER(STRSTARTS(STR(?source), "https://w3id.org/exoc/source/")) }
  UNION { ?class a owl:Class FILTER(STRSTARTS(STR(?class), "https://w3id.org/exoc/EXOC_")) }
}"""


@dataclass(frozen=True)
class Shown:
    """A term as a page shows it: text, the page it links to, and a note (CURIE, language or datatype)."""

    text: str
    href: str | None = None
    note: str = ""


def counts(store: ox.Store) -> tuple[tuple[str, int], ...]:
    """The home page's figures."""
    result = store.query(_COUNTS)
    assert isinstance(result, ox.QuerySolutions)
    row = next(iter(result))
    figures = [(name, int(getattr(row[name], "value", 0) or 0))
               for name in ("triples", "findings", "evidence", "sources", "classes")]
    graphs = sum(1 for _ in store.named_graphs())
    return (*figures, ("named graphs", graphs))


def show(server: Server, term: object) -> Shown:
    if isinstance(term, ox.NamedNode):
        curie = compress(term.value)
        label = server.index.labels.get(term.value)
        return Shown(label or curie, page_url(term.value), curie if label else "")
    if isinstance(term, ox.Literal):
        note = f"@{term.language}" if term.language else compress(term.datatype.value)
        return Shown(term.value, None, "" if note == "xsd:string" else note)
    if isinstance(term, ox.BlankNode):
        return Shown(f"_:{term.value}")
    return Shown(str(term))


def render(server: Server, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = server.env.get_template(template).render(counts=server.counts, **context)
    return HTMLResponse(page, status_code=status, headers={"Vary": "Accept"})


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


async def home(request: Request) -> Response:
    server = _server(request)
    return render(server, "home.html", title="EXOC", named=sorted(server.named.values(), key=lambda q: q.name))


async def style(request: Request) -> Response:
    css = resources.files("exo_ontology.release.docs").joinpath("style.css").read_text(encoding="utf-8")
    extra = resources.files("exo_ontology.serve").joinpath("templates/serve.css").read_text(encoding="utf-8")
    return Response(css + extra, media_type="text/css")


def _html_description(server: Server, desc: Description) -> dict[str, Any]:
    by_predicate: dict[str, list[Shown]] = {}
    for triple in desc.triples:
        if isinstance(triple.subject, ox.NamedNode) and triple.subject.value == desc.iri:
            by_predicate.setdefault(triple.predicate.value, []).append(show(server, triple.object))
    facts = [(show(server, ox.NamedNode(p)), values) for p, values in sorted(by_predicate.items())]
    blanks = [(show(server, t.subject), show(server, t.predicate), show(server, t.object)) for t in desc.triples
              if isinstance(t.subject, ox.BlankNode)]
    incoming = [(show(server, ox.NamedNode(s)), show(server, ox.NamedNode(p))) for s, p in desc.incoming]
    return {"me": show(server, ox.NamedNode(desc.iri)), "iri": desc.iri, "facts": facts, "blanks": blanks,
            "incoming": incoming}


def not_found(what: str) -> Response:
    return PlainTextResponse(f"not found: {what}\n", status_code=404)


async def _page(request: Request, iri: str | None, asked: str) -> Response:
    server = _server(request)
    media = choose(request.headers.get("accept"), PAGE_FORMATS)
    if media is None:
        return failure_response(Failure(406, f"no acceptable format for a page; offered: {', '.join(PAGE_FORMATS)}"))
    desc = None if iri is None else await run_in_threadpool(describe, server.store, iri)
    if desc is None:
        return not_found(iri or asked)
    if media != "text/html":
        return Response(results.graph_bytes(desc.rdf(), media), media_type=media, headers={"Vary": "Accept"})
    context = _html_description(server, desc)
    return render(server, "resource.html", title=context["me"].text, **context)


async def resource(request: Request) -> Response:
    """The page at the path of a release IRI: /EXOC_…, /finding/…, /evidence/…, /source/…"""
    path = request.path_params["path"]
    return await _page(request, iri_of_path(path), "/" + path)


async def folder_page(request: Request) -> Response:
    """/disease/MONDO_… (an external term's folder), else a release IRI two segments deep."""
    folder, stem = request.path_params["folder"], request.path_params["stem"]
    if folder in FOLDERS.values():
        return await _page(request, iri_of_stem(folder, stem), f"/{folder}/{stem}")
    return await _page(request, BASE + f"{folder}/{stem}", f"/{folder}/{stem}")


async def term(request: Request) -> Response:
    """Any IRI the release mentions: /term?iri=…"""
    iri = request.query_params.get("iri", "")
    return await _page(request, iri or None, "/term (no iri= given)")


async def search(request: Request) -> Response:
    server = _server(request)
    query = request.query_params.get("q", "")
    hits = server.index.find(query) if query.strip() else []
    return render(server, "search.html", title=f"Search: {query}", q=query,
                  hits=[(h, page_url(h.iri)) for h in hits])


def _table(server: Server, table: Table) -> dict[str, Any]:
    rows = [[None if c is None else show(server, from_cell(c)) for c in row] for row in table.rows]
    return {"variables": table.variables, "rows": rows, "boolean": table.boolean}


def _bindings(query: NamedQuery, request: Request) -> tuple[tuple[str, tuple[str, str, str]], ...]:
    """The form's non-empty fields as terms; an unreadable value is an InputError naming the param."""
    bound = []
    for param in query.params:
        value = request.query_params.get(param.name, "").strip()
        if value:
            bound.append((param.name, to_cell(parse_term(value, where=f"{query.name} param {param.name}"))))
    return tuple(bound)


async def query_page(request: Request) -> Response:
    """The named queries, one form each, and a free SPARQL box; a submitted form's results as a table.
    Parameters are bound by the engine (substitutions), never spliced into the text."""
    server = _server(request)
    named = sorted(server.named.values(), key=lambda q: q.name)
    chosen = server.named.get(request.query_params.get("name", ""))
    text = request.query_params.get("sparql", "")
    context: dict[str, Any] = {"named": named, "chosen": chosen, "sparql": text, "error": None, "table": None,
                               "values": dict(request.query_params)}
    job = None
    try:
        if chosen is not None:
            job = Job(chosen.text, table=True, substitutions=_bindings(chosen, request),
                      max_results=server.settings.max_results)
        elif text.strip():
            job = Job(text, table=True, max_results=server.settings.max_results)
    except InputError as err:
        context["error"], status = str(err), 400
    status = 200 if context["error"] is None else 400
    if job is not None:
        outcome = await server.pool.run(job)
        if isinstance(outcome, Failure):
            context["error"], status = outcome.message, outcome.status
        elif isinstance(outcome, Table):
            context["table"] = _table(server, outcome)
    return render(server, "query.html", status=status, title="Query", **context)
