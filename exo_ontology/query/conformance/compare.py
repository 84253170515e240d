"""Expected against actual results, as the W3C harnesses judge them: RDF term equality (not value equality),
solutions as multisets (as sequences when order matters) with blank nodes matched one-to-one, graphs by
isomorphism. Each function answers None when the two agree, else the reason they differ.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import rdflib
from rdflib.compare import isomorphic

from exo_ontology.query.conformance import terms as T
from exo_ontology.query.conformance.results import Boolean, Result, Row, Solutions, Triples

_SHOWN = 2  # rows quoted in a reason


def _bnodes(row: Row) -> bool:
    return any(T.is_bnode(t) for _, t in row)


def _extend(expected: Row, actual: Row, forward: dict[str, str], backward: dict[str, str]) -> list[str] | None:
    """The blank nodes newly mapped if `actual` matches `expected` under the mapping (mapping extended),
    else None (mapping untouched)."""
    if [v for v, _ in expected] != [v for v, _ in actual]:
        return None
    added: list[str] = []
    for (_, e), (_, a) in zip(expected, actual, strict=True):
        if not T.is_bnode(e):
            ok = e == a
        elif not T.is_bnode(a):
            ok = False
        elif e in forward:
            ok = forward[e] == a
        elif a in backward:
            ok = False
        else:
            forward[e], backward[a] = a, e
            added.append(e)
            ok = True
        if not ok:
            for b in added:
                del backward[forward.pop(b)]
            return None
    return added


def _match_unordered(expected: list[Row], actual: list[Row]) -> bool:
    """Backtracking search for a bijection of rows (and of blank nodes) between the two multisets."""
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    used = [False] * len(actual)

    def search(i: int) -> bool:
        if i == len(expected):
            return True
        for j, candidate in enumerate(actual):
            if used[j]:
                continue
            added = _extend(expected[i], candidate, forward, backward)
            if added is None:
                continue
            used[j] = True
            if search(i + 1):
                return True
            used[j] = False
            for b in added:
                del backward[forward.pop(b)]
        return False

    return search(0)


def _match_ordered(expected: Sequence[Row], actual: Sequence[Row]) -> int | None:
    """The first position where the sequences differ (blank nodes mapped consistently), else None."""
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
        if _extend(e, a, forward, backward) is None:
            return i
    return None


def _show(rows: Sequence[Row]) -> str:
    return "; ".join(" ".join(f"?{v}={t}" for v, t in r) or "{}" for r in list(rows)[:_SHOWN])


def compare_solutions(expected: Solutions, actual: Solutions, ordered: bool) -> str | None:
    if set(expected.variables) != set(actual.variables):
        return f"variables differ: expected {sorted(expected.variables)}, got {sorted(actual.variables)}"
    if len(expected.rows) != len(actual.rows):
        missing = list((Counter(expected.rows) - Counter(actual.rows)).elements())
        extra = list((Counter(actual.rows) - Counter(expected.rows)).elements())
        return (f"expected {len(expected.rows)} rows, got {len(actual.rows)}"
                + (f"; missing {_show(missing)}" if missing else "")
                + (f"; unexpected {_show(extra)}" if extra else ""))
    if ordered:
        at = _match_ordered(expected.rows, actual.rows)
        return None if at is None else (f"row {at + 1} differs (ordered): expected {_show([expected.rows[at]])}, "
                                        f"got {_show([actual.rows[at]])}")
    ground_expected = Counter(r for r in expected.rows if not _bnodes(r))
    ground_actual = Counter(r for r in actual.rows if not _bnodes(r))
    if ground_expected != ground_actual:
        missing = list((ground_expected - ground_actual).elements())
        extra = list((ground_actual - ground_expected).elements())
        return f"rows differ; missing {_show(missing) or '-'}; unexpected {_show(extra) or '-'}"
    if not _match_unordered([r for r in expected.rows if _bnodes(r)], [r for r in actual.rows if _bnodes(r)]):
        return "rows with blank nodes cannot be matched one-to-one"
    return None


_LITERAL = re.compile(r'^"((?:[^"\\]|\\.)*)"(?:@(\S+)|\^\^<([^>]*)>)?$', re.DOTALL)


def _node(term: T.Term) -> rdflib.term.Node:
    if term.startswith("<"):
        return rdflib.URIRef(term[1:-1])
    if T.is_bnode(term):
        return rdflib.BNode(term[2:])
    match = _LITERAL.match(term)
    if match is None:
        raise ValueError(f"not a term: {term}")
    datatype = rdflib.URIRef(match.group(3)) if match.group(3) else None
    # normalize=False keeps "01"^^xsd:integer apart from "1"^^xsd:integer (term equality)
    return rdflib.Literal(T.unescape(match.group(1)), lang=match.group(2), datatype=datatype, normalize=False)


def _rdflib_graph(triples: Triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in triples.triples:
        graph.add((_node(s), _node(p), _node(o)))
    return graph


def compare_graphs(expected: Triples, actual: Triples) -> str | None:
    if isomorphic(_rdflib_graph(expected), _rdflib_graph(actual)):
        return None
    plain_e = {t for t in expected.triples if not any(T.is_bnode(x) for x in t)}
    plain_a = {t for t in actual.triples if not any(T.is_bnode(x) for x in t)}
    first = sorted(plain_e - plain_a)[:1] or sorted(plain_a - plain_e)[:1]
    return (f"graphs not isomorphic ({len(expected.triples)} triples expected, {len(actual.triples)} got)"
            + (f"; e.g. {' '.join(first[0])} in one only" if first else ""))


def compare(expected: Result, actual: Result, ordered: bool = False) -> str | None:
    """None when `actual` is the expected result; ordered applies to solutions both sides can order."""
    if isinstance(expected, Boolean) and isinstance(actual, Boolean):
        return None if expected.value == actual.value else f"expected {expected.value}, got {actual.value}"
    if isinstance(expected, Triples) and isinstance(actual, Triples):
        return compare_graphs(expected, actual)
    if isinstance(expected, Solutions) and isinstance(actual, Solutions):
        return compare_solutions(expected, actual, ordered and expected.ordered and actual.ordered)
    return f"expected a {type(expected).__name__} result, got {type(actual).__name__}"
