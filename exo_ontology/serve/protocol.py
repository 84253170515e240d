"""The SPARQL 1.1 Protocol's query operation: which request carries which query and dataset. Pure over the
request's parts, so each rule (and each W3C protocol case) is testable without a server."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from exo_ontology.serve.worker import Failure

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"


@dataclass(frozen=True)
class Operation:
    """A query with the dataset the request names (None: the query's own FROM clauses, else the store's)."""

    query: str
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None


def _media(content_type: str | None) -> tuple[str, str | None]:
    """The media type and its charset parameter, lower-cased."""
    if not content_type:
        return "", None
    kind, *params = (p.strip() for p in content_type.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return kind.lower(), charset


def _utf8(body: bytes, charset: str | None) -> str | Failure:
    if charset not in (None, "utf-8", "utf8"):
        return Failure(415, f"request body: charset {charset} is not supported; send UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as err:
        return Failure(400, f"request body: not UTF-8 (byte {err.start})")


def _params(text: str) -> list[tuple[str, str]] | Failure:
    try:
        return parse_qsl(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except UnicodeDecodeError:
        return Failure(400, "request: a parameter is not percent-encoded UTF-8")


def _dataset(params: list[tuple[str, str]], query: str) -> Operation:
    default = tuple(v for k, v in params if k == "default-graph-uri")
    named = tuple(v for k, v in params if k == "named-graph-uri")
    return Operation(query, default or None, named or None)


def _from_params(params: list[tuple[str, str]]) -> Operation | Failure:
    names = [k for k, _ in params]
    if "update" in names:
        return Failure(403, READ_ONLY)
    queries = [v for k, v in params if k == "query"]
    if not queries:
        return Failure(400, "request: no query parameter (query=...)")
    if len(queries) > 1:
        return Failure(400, "request: more than one query parameter")
    return _dataset(params, queries[0])


def parse_operation(method: str, query_string: str, content_type: str | None, body: bytes) -> Operation | Failure:
    """The query operation of a request, or why it is refused (405, 403, 415, 400)."""
    url_params = _params(query_string)
    if isinstance(url_params, Failure):
        return url_params
    if method == "GET":
        return _from_params(url_params)
    if method != "POST":
        return Failure(405, f"request: method {method} is not allowed; use GET or POST")
    media, charset = _media(content_type)
    if media == UPDATE_BODY:
        return Failure(403, READ_ONLY)
    if media not in (FORM, QUERY_BODY):
        shown = media or "none"
        return Failure(415, f"request: content type {shown}; POST {FORM} (query=...) or {QUERY_BODY}")
    text = _utf8(body, charset)
    if isinstance(text, Failure):
        return text
    if media == FORM:
        form = _params(text)
        return form if isinstance(form, Failure) else _from_params(form)
    if "update" in (k for k, _ in url_params):
        return Failure(403, READ_ONLY)
    return _dataset(url_params, text)
