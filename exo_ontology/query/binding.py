"""`--bind var=VALUE`: a value parsed into an RDF term, never spliced into the query text.

Locally the terms go to the engine as substitutions; for a remote endpoint they become a trailing
`VALUES` clause written from the parsed terms (N-Triples syntax, escaped by Oxigraph), so a value can
only ever be one term: `x" } DROP ALL #` is a plain literal with odd characters, nothing more.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.prefixes import expand_curie

Term = ox.NamedNode | ox.Literal | ox.BlankNode

_VARIABLE = re.compile(r"[?$]?(?P<name>[A-Za-z_][A-Za-z0-9_]*)")
_LITERAL = re.compile(r'"(?P<body>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<dt>\S+))?')
_TRAILING_VALUES = re.compile(r"\}\s*VALUES\b[^}]*\}\s*$", re.IGNORECASE)
_CURIE = re.compile(r"(?P<prefix>[A-Za-z][\w.-]*):(?P<local>[^\s<>\"{}|^`\\]*)")


def _iri(text: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(text)
    except ValueError as err:
        raise InputError(f"--bind: {text!r} is not a valid IRI ({err})") from None


def _datatype(text: str) -> ox.NamedNode:
    if text.startswith("<") and text.endswith(">"):
        return _iri(text[1:-1])
    iri = expand_curie(text) if _CURIE.fullmatch(text) else None
    if iri is None:
        raise InputError(f"--bind: datatype {text} is neither <IRI> nor a CURIE of a known prefix")
    return _iri(iri)


def parse_value(text: str) -> Term:
    """`<IRI>` and known `PREFIX:local` CURIEs are IRIs; `"x"@en`, `"5"^^xsd:int`, `"5"^^<iri>` are
    literals as written; anything else is a plain string literal of the text itself."""
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        return _iri(text[1:-1])
    literal = _LITERAL.fullmatch(text)
    if literal:
        try:
            lexical = json.loads(f'"{literal["body"]}"')
        except json.JSONDecodeError as err:
            raise InputError(f"--bind: bad escape in literal {text} ({err.msg})") from None
        if literal["lang"]:
            return ox.Literal(lexical, language=literal["lang"])
        if literal["dt"]:
            return ox.Literal(lexical, datatype=_datatype(literal["dt"]))
        return ox.Literal(lexical)
    if _CURIE.fullmatch(text):
        iri = expand_curie(text)
        if iri is not None:
            return _iri(iri)
    return ox.Literal(text)


def parse_binding(text: str) -> tuple[str, Term]:
    """`var=VALUE` (the variable with or without `?`) -> (variable name, term)."""
    name, sep, value = text.partition("=")
    variable = _VARIABLE.fullmatch(name.strip())
    if not sep or variable is None:
        raise InputError(f"--bind {text!r}: write it as var=VALUE (e.g. disease=MONDO:0007254)")
    return variable["name"], parse_value(value)


def parse_bindings(texts: list[str]) -> dict[str, Term]:
    """Every --bind option; a variable bound twice is an error."""
    bindings: dict[str, Term] = {}
    for text in texts:
        name, term = parse_binding(text)
        if name in bindings:
            raise InputError(f"--bind: ?{name} is bound twice")
        bindings[name] = term
    return bindings


def substitutions(bindings: dict[str, Term]) -> dict[ox.Variable, Term]:
    """The bindings as Oxigraph substitutions (the engine binds them; the text is untouched)."""
    return {ox.Variable(name): term for name, term in bindings.items()}


def values_clause(bindings: dict[str, Term]) -> str:
    """A one-row `VALUES` clause of the bindings, in variable-name order ("" when there are none)."""
    if not bindings:
        return ""
    names = sorted(bindings)
    return f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(bindings[n]) for n in names)}) }}"


def with_values(query: str, bindings: dict[str, Term]) -> str:
    """The query with a trailing VALUES clause (for endpoints, which take no substitutions)."""
    clause = values_clause(bindings)
    if clause and _TRAILING_VALUES.search(query):
        raise InputError("--bind: the query already ends with a VALUES clause; bind in it instead")
    return f"{query.rstrip()}\n{clause}\n" if clause else query


def term_text(term: Term) -> str:
    """A term in N-Triples syntax (what `term_of_text` reads back)."""
    return str(term)


def term_of_text(text: str) -> Term:
    """A term written in N-Triples syntax, read back by Oxigraph's own parser."""
    quad = next(iter(ox.parse(f"<x:s> <x:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES)))
    term = quad.object
    assert isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode)
    return term
