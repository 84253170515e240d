"""Result formats of `exo query`, by name: which query forms each fits, and how it is written.

SELECT and ASK results are written by Oxigraph's own serialisers, which follow the W3C result formats
(SPARQL 1.1 Query Results JSON, XML, CSV and TSV) exactly; CSV with `--curies` and the human table are
written here. CONSTRUCT and DESCRIBE triples are sorted (by their N-Triples form) before they are
written, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError
from exo_ontology.prefixes import PREFIX_MAP, VOCAB_PREFIXES, compress_iri
from exo_ontology.query.safety import Form
from exo_ontology.query.table import Labeller, render_table

Answer = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
SERIALIZATION_PREFIXES = {**VOCAB_PREFIXES, **PREFIX_MAP}
#: the format used when none is given and the output file's extension names none
DEFAULT_FORMAT: dict[Form, str] = {"solutions": "table", "boolean": "table", "graph": "ttl"}


@dataclass(frozen=True)
class Rendered:
    """A result written out, and whether it was empty (no solution, ASK false, no triple)."""

    data: bytes
    empty: bool


@dataclass(frozen=True)
class Options:
    """How a result is written: CURIEs (table and CSV only) and the labels a table shows beside IRIs."""

    curies: bool = False
    labels: Labeller | None = None


@dataclass(frozen=True)
class Format:
    """One output format: the forms it fits, the extensions that select it, and its writer."""

    name: str
    forms: frozenset[Form]
    extensions: tuple[str, ...]
    write: Callable[[Answer, Options], Rendered]
    curies: bool = False


_SELECT_ASK: frozenset[Form] = frozenset({"solutions", "boolean"})
_GRAPH: frozenset[Form] = frozenset({"graph"})


def _first_line_only(data: bytes, newline: bytes) -> bool:
    return data.split(newline, 1)[1:] in ([], [b""])


def _parsed_empty(data: bytes, fmt: ox.QueryResultsFormat) -> bool:
    parsed = ox.parse_query_results(data, fmt)
    assert isinstance(parsed, ox.QuerySolutions)
    return next(iter(parsed), None) is None


#: an empty result, told from the written bytes (a QuerySolutions iterator can be written only once)
_EMPTY: dict[ox.QueryResultsFormat, Callable[[bytes], bool]] = {
    ox.QueryResultsFormat.CSV: lambda data: _first_line_only(data, b"\r\n"),
    ox.QueryResultsFormat.TSV: lambda data: _first_line_only(data, b"\n"),
    ox.QueryResultsFormat.JSON: lambda data: _parsed_empty(data, ox.QueryResultsFormat.JSON),
    ox.QueryResultsFormat.XML: lambda data: _parsed_empty(data, ox.QueryResultsFormat.XML),
}


def _results(fmt: ox.QueryResultsFormat) -> Callable[[Answer, Options], Rendered]:
    def write(answer: Answer, _options: Options) -> Rendered:
        assert not isinstance(answer, list)
        data = answer.serialize(format=fmt)
        assert data is not None
        if isinstance(answer, ox.QueryBoolean):
            return Rendered(data, not bool(answer))
        return Rendered(data, _EMPTY[fmt](data))

    return write


def _csv_value(term: object, curies: bool) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compress_iri(term.value) if curies else term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(getattr(term, "value", term))


def _csv(answer: Answer, options: Options) -> Rendered:
    """W3C CSV: variable names, then plain values (IRIs as CURIEs when asked), RFC 4180 quoting, CRLF."""
    if not options.curies or not isinstance(answer, ox.QuerySolutions):
        return _results(ox.QueryResultsFormat.CSV)(answer, options)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    variables = [v.value for v in answer.variables]
    writer.writerow(variables)
    count = 0
    for solution in answer:
        writer.writerow([_csv_value(solution[v], curies=True) for v in variables])
        count += 1
    return Rendered(buffer.getvalue().encode("utf-8"), count == 0)


def _table(answer: Answer, options: Options) -> Rendered:
    assert not isinstance(answer, list)
    text, count = render_table(answer, options.curies, options.labels)
    return Rendered(text.encode("utf-8"), count == 0)


def _sorted_prefixes(turtle: bytes) -> bytes:
    """Oxigraph writes the @prefix lines in hash order; sorted, the same graph gives the same bytes."""
    lines = turtle.splitlines(keepends=True)
    count = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"".join(sorted(lines[:count]) + lines[count:])


def _graph(fmt: ox.RdfFormat, prefixes: bool) -> Callable[[Answer, Options], Rendered]:
    def write(answer: Answer, _options: Options) -> Rendered:
        assert isinstance(answer, list)
        data = ox.serialize(answer, format=fmt, prefixes=SERIALIZATION_PREFIXES if prefixes else None)
        assert data is not None
        return Rendered(_sorted_prefixes(data) if prefixes else data, not answer)

    return write


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("table", _SELECT_ASK, (), _table, curies=True),
    Format("csv", _SELECT_ASK, ("csv",), _csv, curies=True),
    Format("tsv", _SELECT_ASK, ("tsv",), _results(ox.QueryResultsFormat.TSV)),
    Format("json", _SELECT_ASK, ("srj", "json"), _results(ox.QueryResultsFormat.JSON)),
    Format("xml", _SELECT_ASK, ("srx", "xml"), _results(ox.QueryResultsFormat.XML)),
    Format("ttl", _GRAPH, ("ttl",), _graph(ox.RdfFormat.TURTLE, prefixes=True)),
    Format("nt", _GRAPH, ("nt",), _graph(ox.RdfFormat.N_TRIPLES, prefixes=False)),
    Format("nq", _GRAPH, ("nq",), _graph(ox.RdfFormat.N_QUADS, prefixes=False)),
    Format("jsonld", _GRAPH, ("jsonld",), _graph(ox.RdfFormat.JSON_LD, prefixes=False)),
    Format("rdfxml", _GRAPH, ("rdf", "owl"), _graph(ox.RdfFormat.RDF_XML, prefixes=False)),
)}
_FORM_NAMES: dict[Form, str] = {"solutions": "SELECT", "boolean": "ASK", "graph": "CONSTRUCT/DESCRIBE"}


def choose_format(name: str | None, output: Path | None, form: Form, curies: bool = False) -> Format:
    """--format, else the output file's extension, else the form's default; exit-2 errors for a format
    that does not exist or does not fit the query form, and for --curies where it does not apply."""
    if name is None and output is not None:
        name = next((f.name for f in FORMATS.values()
                     if form in f.forms and output.suffix.lstrip(".").lower() in f.extensions), None)
    chosen = FORMATS.get(name or DEFAULT_FORMAT[form])
    if chosen is None:
        raise InputError(f"--format {name}: use one of {', '.join(FORMATS)}")
    if form not in chosen.forms:
        fitting = ", ".join(f.name for f in FORMATS.values() if form in f.forms)
        raise InputError(f"--format {chosen.name} does not fit a {_FORM_NAMES[form]} query (use {fitting})")
    if curies and not chosen.curies:
        raise InputError(f"--curies applies to the table and csv formats only, not {chosen.name}")
    return chosen


def sorted_triples(triples: object) -> list[ox.Triple]:
    """CONSTRUCT/DESCRIBE triples in N-Triples order, duplicates dropped."""
    unique = {str(t): t for t in triples}  # type: ignore[attr-defined]
    return [unique[key] for key in sorted(unique)]


def render(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples | list[ox.Triple], fmt: Format,
           options: Options = Options()) -> Rendered:
    """Write a query's answer in a format (which must fit the answer's form)."""
    if isinstance(answer, ox.QuerySolutions | ox.QueryBoolean):
        return fmt.write(answer, options)
    return fmt.write(sorted_triples(answer), options)
