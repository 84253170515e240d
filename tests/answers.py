"""Query answers of different engines as comparable multisets of normalised terms.

Answers are compared as multisets (row order is not part of an unordered SELECT's meaning). The only
normalisations, each because an engine spells the same RDF term differently:

* `typed-literal` -> `literal`: Virtuoso still writes the type name of the 2008 draft of SPARQL JSON results.
* a literal typed xsd:string -> a plain literal: in RDF 1.1 they are the same term; pyoxigraph gives every
  simple literal the datatype xsd:string, SPARQL JSON results leave it out.
* an integer-derived datatype (xsd:nonNegativeInteger, xsd:int, ...) with a canonical lexical form -> xsd:integer:
  Virtuoso keeps integers as its own integer type and answers the evidence offsets as xsd:integer.
Each rule was needed: without it the store tests fail on these differences and no other.
Blank nodes never appear in the named queries' answers, so none is normalised.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {f"{XSD}{name}" for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}

#: (kind, lexical value, datatype or "@lang" or "")
Term = tuple[str, str, str]
Row = tuple[Term | None, ...]


@dataclass(frozen=True)
class Answer:
    """A SELECT's variables and rows as a multiset, or an ASK's boolean."""

    variables: tuple[str, ...] = ()
    rows: Counter[Row] | None = None
    boolean: bool | None = None

    def size(self) -> int:
        return sum(self.rows.values()) if self.rows is not None else 1

    def difference(self, other: Answer) -> str:
        """A short account of how two answers differ (for assertion messages)."""
        if self.boolean is not None or other.boolean is not None:
            return f"ASK {self.boolean} != {other.boolean}"
        mine, theirs = self.rows or Counter(), other.rows or Counter()
        return (f"variables {self.variables} vs {other.variables}; only here: {list((mine - theirs).items())[:3]}; "
                f"only there: {list((theirs - mine).items())[:3]}")


def literal(value: str, datatype: str = "", language: str = "") -> Term:
    if language:
        return ("literal", value, f"@{language.lower()}")
    if datatype == f"{XSD}string":
        datatype = ""
    if datatype in _INTEGER_TYPES and value.lstrip("-").isdigit() and str(int(value)) == value:
        datatype = f"{XSD}integer"
    return ("literal", value, datatype)


def from_json_term(term: dict[str, str] | None) -> Term | None:
    """A term of SPARQL 1.1 JSON results (what SPARQLWrapper returns)."""
    if term is None:
        return None
    kind = term["type"]
    if kind == "uri":
        return ("uri", term["value"], "")
    if kind in ("literal", "typed-literal"):
        return literal(term["value"], term.get("datatype", ""), term.get("xml:lang", ""))
    raise AssertionError(f"unexpected {kind} term in an answer: {term}")


def from_json(data: dict[str, Any]) -> Answer:
    if "boolean" in data:
        return Answer(boolean=bool(data["boolean"]))
    variables = tuple(data["head"]["vars"])
    rows = Counter(tuple(from_json_term(b.get(v)) for v in variables) for b in data["results"]["bindings"])
    return Answer(variables, rows)


def from_store_term(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, "")
    if isinstance(term, ox.Literal):
        return literal(term.value, term.datatype.value, term.language or "")
    raise AssertionError(f"unexpected term in an answer: {term!r}")


def from_store(store: ox.Store, query: str) -> Answer:
    """The embedded engine's answer (pyoxigraph, the engine of `exo query`)."""
    result = store.query(query)
    if isinstance(result, ox.QueryBoolean):
        return Answer(boolean=bool(result))
    assert isinstance(result, ox.QuerySolutions), "the named queries are SELECT or ASK"
    variables = tuple(v.value for v in result.variables)
    rows = Counter(tuple(from_store_term(row[v]) for v in variables) for row in result)
    return Answer(variables, rows)
