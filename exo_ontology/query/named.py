"""Named queries (`ontology/queries/*.rq`): header parsing, example terms, and binding by a trailing VALUES.

A named query starts with comment lines that document it:

    # title: Cargo by source cell
    # description: What vesicles released by a kind of cell carry.
    # param: cell — the source cell, a CL class (example: CL:0000134)

Values are bound by appending a SPARQL `VALUES` clause, never by editing the query body, so a value can
never change the query's meaning (no injection), and every engine sees the same text it was tested with.
A trailing VALUES joins the query's solutions, so a param must be a variable the pattern binds: one only a
FILTER reads would be unbound there. The engine-portability rules the project's queries follow (Virtuoso
7.2's limits included) are in `ontology/queries/README.md`.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.errors import InputError, MissingInputError, located
from exo_ontology.prefixes import VOCAB_PREFIXES, expand_curie

Term = ox.NamedNode | ox.Literal

_HEADER = re.compile(r"#\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")
_PARAM = re.compile(r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?:—|--|-)\s+(?P<doc>.+?)\s*"
                    r"\(example:\s*(?P<example>.+)\)$")
_LITERAL = re.compile(r'"(?P<body>(?:[^"\\]|\\.)*)"(?:@(?P<lang>[A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(?P<dt>\S+))?')
_CURIE = re.compile(r"[A-Za-z][\w.-]*:[^\s<>\"]*")
_TRAILING_VALUES = re.compile(r"\}\s*VALUES\b[^}]*\}\s*$", re.IGNORECASE)
PARAM_FORM = "NAME — what it is (example: VALUE)"


@dataclass(frozen=True)
class Param:
    """One parameter: the SPARQL variable it binds (without `?`), what it is, and an example value."""

    name: str
    doc: str
    example: str


@dataclass(frozen=True)
class NamedQuery:
    """A query file's name (its stem), header fields and full text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def examples(self) -> dict[str, Term]:
        """Every parameter bound to its example value."""
        return {p.name: parse_term(p.example, where=f"{self.name} param {p.name}") for p in self.params}


def parse_term(text: str, where: str = "value") -> Term:
    """`<IRI>`, a CURIE of the project's prefix map, or a literal (`"x"`, `"x"@en`, `"1"^^xsd:integer`)."""
    value = text.strip()
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return ox.NamedNode(value[1:-1])
    literal = _LITERAL.fullmatch(value)
    if literal:
        try:
            lexical = json.loads(f'"{literal["body"]}"')
        except json.JSONDecodeError as err:
            raise InputError(f"{where}: bad escape in literal {value} ({err.msg})") from err
        if literal["lang"]:
            return ox.Literal(lexical, language=literal["lang"])
        if literal["dt"]:
            return ox.Literal(lexical, datatype=_iri(literal["dt"], where))
        return ox.Literal(lexical)
    if _CURIE.fullmatch(value):
        return _iri(value, where)
    raise InputError(f"{where}: {text!r} is neither <IRI>, a CURIE nor a quoted literal")


def _iri(text: str, where: str) -> ox.NamedNode:
    if text.startswith("<") and text.endswith(">"):
        return ox.NamedNode(text[1:-1])
    if text.startswith("xsd:"):  # datatypes: the one vocabulary prefix a literal example needs
        return ox.NamedNode(VOCAB_PREFIXES["xsd"] + text[4:])
    iri = expand_curie(text, vocabularies=False)
    if iri is None:
        raise InputError(f"{where}: {text} is not a CURIE of a known prefix")
    return ox.NamedNode(iri)


def _param(path: Path, line: int, value: str) -> Param:
    match = _PARAM.fullmatch(value)
    if match is None:
        raise InputError(located(path, f"a param line must read `# param: {PARAM_FORM}`", line))
    return Param(match["name"], match["doc"], match["example"].strip())


def parse_named(path: Path, text: str) -> NamedQuery:
    """One named query from its file text; a bad or missing header field is a one-line error naming the file."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        header = _HEADER.fullmatch(line)
        if header is None:
            continue  # a free comment line inside the header
        key, value = header["key"], header["value"]
        if key == "param":
            params.append(_param(path, number, value))
        elif key in ("title", "description"):
            if key in fields:
                raise InputError(located(path, f"`# {key}:` given twice", number))
            if not value:
                raise InputError(located(path, f"`# {key}:` is empty", number))
            fields[key] = value
        else:
            raise InputError(located(path, f"unknown header field `# {key}:` (use title, description, param)",
                                     number))
    for key in ("title", "description"):
        if key not in fields:
            raise InputError(f"{path}: no `# {key}:` line in the header comment")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for param in params:
        if not re.search(rf"[?$]{re.escape(param.name)}\b", body):
            raise InputError(f"{path}: param {param.name} is not a variable of the query (?{param.name})")
    if len({p.name for p in params}) != len(params):
        raise InputError(f"{path}: a param is declared twice")
    return NamedQuery(path.stem, fields["title"], fields["description"], tuple(params), text)


def load_named(directory: Path) -> dict[str, NamedQuery]:
    """Every `*.rq` file of a directory, by name (the file's stem), in name order."""
    if not directory.is_dir():
        raise MissingInputError(f"{directory}: no such query directory")
    queries: dict[str, NamedQuery] = {}
    for path in sorted(directory.glob("*.rq")):
        queries[path.stem] = parse_named(path, path.read_text(encoding="utf-8"))
    return queries


def check_params(query: NamedQuery, names: set[str]) -> None:
    """Every bound name must be a param of the query."""
    unknown = sorted(names - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise InputError(f"{query.name}: no param {', '.join(unknown)} (params: {known})")


def bind(query: NamedQuery, bindings: dict[str, Term]) -> str:
    """The query text with a trailing `VALUES` clause binding the given params (unbound params stay free)."""
    check_params(query, set(bindings))
    if not bindings:
        return query.text
    if _TRAILING_VALUES.search(query.text):
        raise InputError(f"{query.name}: the query already ends with a VALUES clause; cannot bind")
    names = [p.name for p in query.params if p.name in bindings]
    variables = " ".join(f"?{n}" for n in names)
    row = " ".join(str(bindings[n]) for n in names)
    return f"{query.text.rstrip()}\nVALUES ({variables}) {{ ({row}) }}\n"


def find_named(queries: dict[str, NamedQuery], name: str) -> NamedQuery:
    """The named query `name`; an unknown name is an error naming the close ones."""
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else "`exo query --list` shows them"
    raise InputError(f"-n {name}: no such named query; {hint}")


def listing(queries: dict[str, NamedQuery]) -> str:
    """`exo query --list`: name, title and params (with their examples), one query a line, aligned."""
    rows = [("name", "title", "params")] + [
        (q.name, q.title, ", ".join(f"{p.name} (e.g. {p.example})" for p in q.params) or "-")
        for q in queries.values()]
    widths = [max(len(r[i]) for r in rows) for i in range(2)]
    return "".join(f"{r[0].ljust(widths[0])}  {r[1].ljust(widths[1])}  {r[2]}\n" for r in rows)
