"""What a SPARQL text is allowed to do: queries only (updates refused), SERVICE only when allowed.

The check parses the text as a query with Oxigraph on an empty in-memory store, so nothing the text
says can touch data or the network: a text that parses as a query is a query; anything else is refused,
as an update when its first operation starts with an update keyword, else as invalid SPARQL. The user's
text is never evaluated as an update, on any store.
"""

from __future__ import annotations

import re
from typing import Literal

import pyoxigraph as ox

from exo_ontology.errors import InputError, ReadOnlyRefused

#: a query's form, as far as output formats care: solutions (SELECT), a boolean (ASK), triples (CONSTRUCT, DESCRIBE)
Form = Literal["solutions", "boolean", "graph"]

READ_ONLY_MESSAGE = "exo query is read-only; updates are refused"
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

_STRINGS_COMMENTS_IRIS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|'
                                    r"'(?:\\.|[^'\\\n])*'|#[^\n]*|<[^<>\s]*>")
_PROLOGUE = re.compile(r"^\s*(?:(?:BASE|PREFIX\s+[\w.-]*:)\s*)*", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b(?!:)", re.IGNORECASE)
_UPDATE_START = re.compile(rf"(?:^|;)\s*(?:{'|'.join(UPDATE_KEYWORDS)})(?![\w:-])", re.IGNORECASE)


def _bare(text: str) -> str:
    """The text with strings, comments and IRIs blanked, so keywords inside them do not count."""
    return _STRINGS_COMMENTS_IRIS.sub(" ", text)


def uses_service(text: str) -> bool:
    """True when the query has a SERVICE clause (comments, strings, IRIs and ?service variables ignored)."""
    return _SERVICE.search(_bare(text)) is not None


def looks_like_update(text: str) -> bool:
    """True when an operation of the text (after its prologue) starts with an update keyword."""
    body = _bare(text)
    return _UPDATE_START.search(body[_PROLOGUE.match(body).end():]) is not None  # type: ignore[union-attr]


def query_form(text: str, base_iri: str | None = None) -> Form:
    """The form of a read-only query; raises ReadOnlyRefused for an update, InputError for bad SPARQL.

    Parsing happens on an empty in-memory store; SERVICE must have been checked before (an ASK is
    evaluated there, and a SERVICE clause would reach the network).
    """
    try:
        result = ox.Store().query(text, base_iri=base_iri)
    except SyntaxError as err:
        if looks_like_update(text):
            raise ReadOnlyRefused(READ_ONLY_MESSAGE) from None
        raise InputError(f"query: invalid SPARQL ({err})") from None
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    return "graph"


def check_query(text: str, allow_service: bool = False, base_iri: str | None = None) -> Form:
    """Refuse updates, and SERVICE unless allowed, before anything runs or is sent; the query's form."""
    if uses_service(text) and not allow_service:
        if looks_like_update(text):
            raise ReadOnlyRefused(READ_ONLY_MESSAGE)
        raise InputError("query: has a SERVICE clause; it would reach the network. "
                         "Pass --allow-service to run it anyway")
    return query_form(_without_service(text) if allow_service else text, base_iri)


def _without_service(text: str) -> str:
    """An allowed SERVICE must still not be called while parsing: `SERVICE` is rewritten to `GRAPH`, which
    has the same grammar, so the parse (and the form) is the same and the probe stays offline."""
    return re.sub(r"(?<![?$\w:])SERVICE(\s+SILENT)?\b(?!:)", "GRAPH", text, flags=re.IGNORECASE)
