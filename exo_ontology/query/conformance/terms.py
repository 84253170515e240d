"""RDF terms as canonical N-Triples strings: the unit of RDF term equality the W3C harnesses compare.

A term is kept as text so that "01"^^xsd:integer and "1"^^xsd:integer stay different (term equality, not
value equality) and rows hash cheaply. Blank nodes keep their labels (``_:x``); comparison maps them.
"""

from __future__ import annotations

import re

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = str

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
# Turtle's bare numbers and booleans, which the TSV results format may use instead of quoted literals
_BARE = [(re.compile(r"[+-]?\d+"), "integer"), (re.compile(r"[+-]?\d*\.\d+"), "decimal"),
         (re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+"), "double"), (re.compile(r"true|false"), "boolean")]


def iri(value: str) -> Term:
    return f"<{value}>"


def bnode(label: str) -> Term:
    return f"_:{label}"


def literal(lexical: str, datatype: str | None = None, lang: str | None = None) -> Term:
    """A literal; xsd:string is the simple literal (RDF 1.1) and language tags compare case-insensitively."""
    text = '"' + "".join(_ESCAPES.get(c, c) for c in lexical) + '"'
    if lang:
        return f"{text}@{lang.lower()}"
    if datatype and datatype not in (XSD_STRING, RDF_LANG_STRING):
        return f"{text}^^<{datatype}>"
    return text


def is_bnode(term: Term) -> bool:
    return term.startswith("_:")


def unescape(text: str) -> str:
    """Undo the string escapes of N-Triples, Turtle and TSV (\\t, \\", \\uXXXX, ...)."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2)
        return chr(int(code, 16)) if code else _UNESCAPES.get(match.group(3), match.group(3))

    return _ESCAPE.sub(one, text)


_QUOTED = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', re.DOTALL)


def parse_tsv_term(cell: str) -> Term | None:
    """A TSV results cell (Turtle syntax of one term) as a term; an empty cell is unbound.

    Raises ValueError on a cell that is no term, so a malformed answer is reported, not skipped.
    """
    if cell == "":
        return None
    if cell.startswith("<") and cell.endswith(">"):
        return iri(cell[1:-1])
    if cell.startswith("_:"):
        return cell
    quoted = _QUOTED.match(cell)
    if quoted:
        return literal(unescape(quoted.group(1)), quoted.group(3), quoted.group(2))
    for pattern, name in _BARE:
        if pattern.fullmatch(cell):
            return literal(cell, XSD + name)
    raise ValueError(f"not an RDF term in TSV syntax: {cell!r}")
