"""findings.tsv rows of a few documents straight from their Finding records, without the graph.

The release's rows come from `ontology/sparql/findings.rq` over the assembled graph (edit file +
import modules + findings). For `exo extract` that graph costs more than reading the abstract, and
its only contribution besides the records themselves is the label of each slot value: the edit
file's rdfs:label, and the lexicon's label of an external term (its import module's). `fast_rows`
makes the query's solutions from the records and those labels and pivots them with the same
`findings_table.pivot`; where the graph could answer differently (two findings under one IRI, a
value with two different labels) it returns None and the caller assembles the graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from exo_ontology import vocabulary as V
from exo_ontology.grounding.protocol import KnowsTerms
from exo_ontology.model import Finding
from exo_ontology.namespaces import FINDING, SOURCE, compress, expand
from exo_ontology.release.assembly import SLOT_PROPERTIES
from exo_ontology.release.findings_table import pivot
from exo_ontology.release.imports import module_of

#: IRI -> the edit file's rdfs:label values of it
Labels = Mapping[str, tuple[str, ...]]
#: the variables of findings.rq, in its order
VARIABLES = ("finding", "document", "quote", "start", "end", "knowledge_source", "rule", "pathway_text",
             "slot", "value", "label")


def edit_labels(edit_file: Path) -> dict[str, tuple[str, ...]]:
    """IRI -> the rdfs:label values the edit file gives it (sorted)."""
    from rdflib import RDFS, Graph, URIRef

    graph = Graph()
    graph.parse(edit_file, format="turtle")
    found: dict[str, set[str]] = {}
    for subject, label in graph.subject_objects(RDFS.label):
        if isinstance(subject, URIRef):
            found.setdefault(str(subject), set()).add(str(label))
    return {iri: tuple(sorted(labels)) for iri, labels in sorted(found.items())}


class _Ambiguous(Exception):
    """A value the graph would give two labels."""


def _label(iri: str, labels: Labels, lexicon: KnowsTerms) -> str:
    """The one label the graph gives `iri` ("" for none); _Ambiguous when it would give two."""
    names = set(labels.get(iri, ()))
    curie = compress(iri)
    # an external term gets its import module's label, declared at the IRI of its CURIE
    if module_of(curie) and str(expand(curie)) == iri and (term := lexicon.term(curie)) is not None:
        names.add(term.label)
    if len(names) > 1:
        raise _Ambiguous(iri)
    return next(iter(names), "")


def _solutions(finding: Finding, labels: Labels, lexicon: KnowsTerms) -> list[Sequence[str | None]]:
    ev = finding.evidence
    head = [str(FINDING[finding.finding_id]), str(SOURCE[ev.doc_id]), ev.quote, str(ev.char_start),
            str(ev.char_end), str(V.KNOWLEDGE_SOURCES[finding.knowledge_source]), ev.rule or "manual",
            finding.pathway_text or None]
    values = [(str(prop), str(expand(curie))) for slot, prop in SLOT_PROPERTIES.items()
              for curie in finding.slot(slot)]
    if not values:     # the OPTIONAL slot group unbound
        return [[*head, None, None, None]]
    return [[*head, prop, iri, _label(iri, labels, lexicon) or None] for prop, iri in values]


def fast_rows(findings: Iterable[Finding], labels: Labels, lexicon: KnowsTerms) -> list[dict[str, str]] | None:
    """The rows findings.rq would give over these findings' graph (same columns, same order), or
    None when only the graph can tell."""
    findings = list(findings)
    if len({f.finding_id for f in findings}) != len(findings):
        return None
    try:
        solutions = [s for f in findings for s in _solutions(f, labels, lexicon)]
    except _Ambiguous:
        return None
    return pivot(VARIABLES, solutions)
