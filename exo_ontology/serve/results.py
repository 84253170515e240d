"""SPARQL results written from rows already counted against the size limit (pyoxigraph can only serialize
a live iterator, and the limit must be checked before anything is sent): the four W3C result formats for
SELECT and ASK, and the RDF formats for CONSTRUCT and DESCRIBE through pyoxigraph's writers."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from exo_ontology.namespaces import PREFIX_MAP

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Row = Sequence[Term | None]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def solutions_json(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _xml(head: str, body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{RESULTS_NS}">\n<head>{head}</head>\n'
            f"{body}\n</sparql>\n").encode()


def solutions_xml(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
    results = []
    for row in rows:
        cells = "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                        for v, t in zip(variables, row, strict=True) if t is not None)
        results.append(f"<result>{cells}</result>")
    return _xml(head, "<results>\n" + "\n".join(results) + "\n</results>")


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


def solutions_csv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """SPARQL 1.1 CSV: plain values, CRLF line ends (RFC 4180)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(variables)
    writer.writerows([_csv_value(t) for t in row] for row in rows)
    return buf.getvalue().encode()


def solutions_tsv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """SPARQL 1.1 TSV: terms in their N-Triples form, unbound as an empty field."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def boolean_json(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": value}).encode()


def boolean_xml(value: bool) -> bytes:
    return _xml("", f"<boolean>{'true' if value else 'false'}</boolean>")


SolutionWriter = Callable[[Sequence[str], Sequence[Row]], bytes]
BooleanWriter = Callable[[bool], bytes]

#: media type -> writer, in the server's order of preference (the first is the default)
SOLUTION_WRITERS: dict[str, SolutionWriter] = {
    "application/sparql-results+json": solutions_json,
    "application/sparql-results+xml": solutions_xml,
    "text/csv": solutions_csv,
    "text/tab-separated-values": solutions_tsv,
    "application/json": solutions_json,
    "application/xml": solutions_xml,
}
BOOLEAN_WRITERS: dict[str, BooleanWriter] = {
    "application/sparql-results+json": boolean_json,
    "application/sparql-results+xml": boolean_xml,
    "application/json": boolean_json,
    "application/xml": boolean_xml,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


def graph_bytes(triples: Sequence[ox.Triple], media_type: str) -> bytes:
    """Triples in a graph format, sorted so the same graph is always the same bytes."""
    fmt = GRAPH_FORMATS[media_type]
    ordered = sorted(triples, key=str)
    prefixes = PREFIX_MAP if fmt == ox.RdfFormat.TURTLE else None
    return ox.serialize(ordered, format=fmt, prefixes=prefixes) or b""
