"""Query results read from any of the formats the suite uses, into one comparable shape.

`Solutions` (SELECT), `Boolean` (ASK) and `Triples` (CONSTRUCT, DESCRIBE) hold terms as canonical
N-Triples strings (`terms`). The same readers take the expected file and the engine's answer, so the two
sides are compared after identical decoding. Unknown or malformed input raises ValueError.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.query.conformance import terms as T

Row = tuple[tuple[str, T.Term], ...]   # (variable, term) pairs sorted by variable; unbound variables left out


@dataclass(frozen=True)
class Solutions:
    variables: tuple[str, ...]
    rows: tuple[Row, ...]
    ordered: bool = True               # False when the format cannot carry an order (RDF without rs:index)


@dataclass(frozen=True)
class Boolean:
    value: bool


@dataclass(frozen=True)
class Triples:
    triples: tuple[tuple[T.Term, T.Term, T.Term], ...]


Result = Solutions | Boolean | Triples

SRX = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def row(bindings: dict[str, T.Term]) -> Row:
    return tuple(sorted(bindings.items()))


def _xml_term(node: ET.Element) -> T.Term:
    text = node.text or ""
    if node.tag == SRX + "uri":
        return T.iri(text)
    if node.tag == SRX + "bnode":
        return T.bnode(text)
    if node.tag == SRX + "literal":
        return T.literal(text, node.get("datatype"), node.get(XML_LANG))
    raise ValueError(f"unknown term element {node.tag}")


def read_xml(data: bytes, base: str = "") -> Result:
    root = ET.fromstring(data)
    boolean = root.find(SRX + "boolean")
    if boolean is not None:
        return Boolean((boolean.text or "").strip() == "true")
    variables = tuple(v.get("name", "") for v in root.iter(SRX + "variable"))
    rows = []
    for result in root.iter(SRX + "result"):
        rows.append(row({b.get("name", ""): _xml_term(b[0]) for b in result.findall(SRX + "binding")}))
    return Solutions(variables, tuple(rows))


def _json_term(value: dict[str, str]) -> T.Term:
    kind = value.get("type")
    if kind == "uri":
        return T.iri(value["value"])
    if kind == "bnode":
        return T.bnode(value["value"])
    if kind in ("literal", "typed-literal"):
        return T.literal(value["value"], value.get("datatype"), value.get("xml:lang"))
    raise ValueError(f"unknown term type {kind!r}")


def read_json(data: bytes, base: str = "") -> Result:
    document = json.loads(data)
    if "boolean" in document:
        return Boolean(bool(document["boolean"]))
    bindings = document["results"]["bindings"]
    rows = tuple(row({v: _json_term(t) for v, t in b.items()}) for b in bindings)
    return Solutions(tuple(document["head"].get("vars", [])), rows)


def _csv_cell(cell: str) -> T.Term | None:
    # CSV drops the kind of a term: every value is compared as its text, blank nodes still mapped
    if cell == "":
        return None
    return cell if T.is_bnode(cell) else T.literal(cell)


def _delimited(header: list[str], cells: list[list[T.Term | None]]) -> Solutions:
    rows = tuple(row({v: t for v, t in zip(header, line, strict=True) if t is not None}) for line in cells)
    return Solutions(tuple(header), rows)


def read_csv(data: bytes, base: str = "") -> Result:
    lines = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    if not lines:
        raise ValueError("empty CSV results")
    return _delimited(lines[0], [[_csv_cell(c) for c in line] for line in lines[1:] if line])


def read_tsv(data: bytes, base: str = "") -> Result:
    lines = data.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise ValueError("empty TSV results")
    header = [v.removeprefix("?") for v in lines[0].rstrip("\r").split("\t")] if lines[0] else []
    return _delimited(header, [[T.parse_tsv_term(c) for c in line.rstrip("\r").split("\t")]
                                     for line in lines[1:]])


def ox_term(term: object) -> T.Term:
    if isinstance(term, ox.NamedNode):
        return T.iri(term.value)
    if isinstance(term, ox.BlankNode):
        return T.bnode(term.value)
    if isinstance(term, ox.Literal):
        return T.literal(term.value, term.datatype.value, term.language)
    raise ValueError(f"unsupported term {term!r}")


def _result_set(triples: list[tuple[T.Term, T.Term, T.Term]]) -> Solutions:
    """The RDF encoding of a result set (rs:ResultSet): solutions, ordered only when they carry rs:index."""
    by_subject: dict[T.Term, dict[T.Term, list[T.Term]]] = {}
    for s, p, o in triples:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)

    def values(node: T.Term, prop: str) -> list[T.Term]:
        return by_subject.get(node, {}).get(T.iri(RS + prop), [])

    def text(term: T.Term) -> str:
        return T.unescape(term[1:term.rindex('"')])

    sets = [s for s, props in by_subject.items() if T.iri(RS + "ResultSet") in props.get(T.iri(RDF_TYPE), [])]
    if len(sets) != 1:
        raise ValueError(f"{len(sets)} rs:ResultSet nodes, expected one")
    solutions = values(sets[0], "solution")
    indexed = [(int(text(values(s, "index")[0])) if values(s, "index") else 0, s) for s in solutions]
    rows = []
    for _, solution in sorted(indexed):
        bindings = [(values(b, "variable"), values(b, "value")) for b in values(solution, "binding")]
        rows.append(row({text(var[0]): value[0] for var, value in bindings if var and value}))
    ordered = any(values(s, "index") for s in solutions)
    return Solutions(tuple(text(v) for v in values(sets[0], "resultVariable")), tuple(rows), ordered)


def _reader_rdf(fmt: ox.RdfFormat) -> Callable[[bytes, str], Result]:
    def read(data: bytes, base: str = "") -> Result:
        triples = [(ox_term(t.subject), ox_term(t.predicate), ox_term(t.object))
                   for t in ox.parse(data, format=fmt, base_iri=base or None)]
        if any(p == T.iri(RDF_TYPE) and o == T.iri(RS + "ResultSet") for _, p, o in triples):
            return _result_set(triples)
        return Triples(tuple(sorted(triples)))

    return read


#: readers by format name (the names `exo query --format` takes)
READERS: dict[str, Callable[[bytes, str], Result]] = {
    "xml": read_xml, "json": read_json, "csv": read_csv, "tsv": read_tsv,
    "ttl": _reader_rdf(ox.RdfFormat.TURTLE), "nt": _reader_rdf(ox.RdfFormat.N_TRIPLES),
    "rdf": _reader_rdf(ox.RdfFormat.RDF_XML),
}
#: the format of an expected-result file, by extension
FORMAT_OF_SUFFIX = {".srx": "xml", ".srj": "json", ".csv": "csv", ".tsv": "tsv", ".ttl": "ttl", ".rdf": "rdf",
                    ".nt": "nt"}


def read_result_file(path: Path) -> Result:
    """An expected result from the suite (relative IRIs resolved against the file's own IRI)."""
    fmt = FORMAT_OF_SUFFIX.get(path.suffix)
    if fmt is None:
        raise ValueError(f"{path}: unknown result format {path.suffix}")
    return READERS[fmt](path.read_bytes(), path.resolve().as_uri())
