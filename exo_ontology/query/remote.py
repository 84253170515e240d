"""A remote SPARQL endpoint (SPARQL 1.1 Protocol, query by POST): the answer parsed into Oxigraph terms,
so it is written by the same formats as a local one. Every failure is one line, never a traceback."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox

from exo_ontology.errors import InputError, QueryTimedOut
from exo_ontology.query.safety import Form

RemoteAnswer = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
#: what is asked for; whatever the endpoint answers is read by its Content-Type
ACCEPT: dict[Form, str] = {
    "solutions": "application/sparql-results+json, application/sparql-results+xml;q=0.9",
    "boolean": "application/sparql-results+json, application/sparql-results+xml;q=0.9",
    "graph": "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8",
}


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else "no message"


def _post(endpoint: str, query: str, form: Form, timeout: float) -> tuple[str, bytes]:
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise InputError(f"--endpoint {endpoint}: not an http(s) URL")
    request = urllib.request.Request(
        endpoint, data=urllib.parse.urlencode({"query": query}).encode("utf-8"), method="POST",
        headers={"Accept": ACCEPT[form], "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        raise InputError(f"{endpoint}: HTTP {err.code} {err.reason}: {_first_line(err.read())}") from None
    except TimeoutError:
        raise QueryTimedOut(f"query timed out after {timeout:g} s ({endpoint})") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise QueryTimedOut(f"query timed out after {timeout:g} s ({endpoint})") from None
        raise InputError(f"{endpoint}: cannot reach the endpoint ({err.reason})") from None
    except (OSError, ValueError) as err:
        raise InputError(f"{endpoint}: request failed ({err})") from None


def run_remote(endpoint: str, query: str, form: Form, timeout: float) -> RemoteAnswer:
    """The answer of `endpoint` to a (checked, read-only) query."""
    media_type, body = _post(endpoint, query, form, timeout)
    try:
        if form == "graph":
            rdf = ox.RdfFormat.from_media_type(media_type)
            if rdf is None:
                raise SyntaxError(f"unexpected Content-Type {media_type}")
            return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(body, format=rdf)]
        results = ox.QueryResultsFormat.from_media_type(media_type)
        if results is None:
            raise SyntaxError(f"unexpected Content-Type {media_type}")
        answer = ox.parse_query_results(body, format=results)
        assert isinstance(answer, ox.QuerySolutions | ox.QueryBoolean)
        return answer
    except (SyntaxError, ValueError) as err:
        raise InputError(f"{endpoint}: the answer is not SPARQL results ({_first_line(str(err).encode())})") from None
