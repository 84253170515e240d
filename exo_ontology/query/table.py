"""The human table of SELECT and ASK results: aligned columns, labels beside IRIs.

An IRI the graph labels is shown as `MONDO:0007254 (breast cancer)` (with `--curies`) or as the full IRI
followed by the label; literals show their lexical form, blank nodes `_:id`. Line breaks inside a value are
written `\\n` so one solution stays one line. Plain text, no colours: the same result gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from exo_ontology.prefixes import VOCAB_PREFIXES, compress_iri

#: the label of an IRI, or None
Labeller = Callable[[ox.NamedNode], str | None]
RDFS_LABEL = ox.NamedNode(VOCAB_PREFIXES["rdfs"] + "label")


def store_labeller(store: ox.Store) -> Labeller:
    """Labels from a store's rdfs:label (any graph): English or untagged first, then the smallest."""
    cache: dict[str, str | None] = {}

    def label(iri: ox.NamedNode) -> str | None:
        if iri.value not in cache:
            labels = [q.object for q in store.quads_for_pattern(iri, RDFS_LABEL, None)]
            literals = [t for t in labels if isinstance(t, ox.Literal)]
            ranked = sorted(literals, key=lambda t: (t.language not in (None, "en"), t.value))
            cache[iri.value] = ranked[0].value if ranked else None
        return cache[iri.value]

    return label


def _cell(term: object, curies: bool, labels: Labeller | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        shown = compress_iri(term.value) if curies else term.value
        label = labels(term) if labels else None
        return f"{shown} ({label})" if label else shown
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = str(getattr(term, "value", term))
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def render_table(answer: ox.QuerySolutions | ox.QueryBoolean, curies: bool,
                 labels: Labeller | None) -> tuple[str, int]:
    """The table text and the number of solutions (ASK: `true`/`false`, counted 1/0)."""
    if isinstance(answer, ox.QueryBoolean):
        return ("true\n", 1) if bool(answer) else ("false\n", 0)
    header = [f"?{v.value}" for v in answer.variables]
    rows = [[_cell(s[v], curies, labels) for v in answer.variables] for s in answer]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"

    text = line(header) + line(["-" * w for w in widths]) + "".join(line(r) for r in rows)
    return text, len(rows)
