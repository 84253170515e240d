"""The release's triples without a whole-graph rdflib copy: the findings ABox is written one document at a
time as N-Triples lines (findings have no blank nodes, so their lines need no canonicalisation), the small
TBox (edit file and import modules, where every blank node is) is canonicalised in rdflib, and the two
are merged by an external sort (`sort -u` in the C locale: byte order, which for UTF-8 is the code-point
order of Python's `sorted`), so the files are the bytes a whole-graph build writes, in bounded memory.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from exo_ontology.model import Finding, SourceDoc
from exo_ontology.namespaces import bind_all
from exo_ontology.reading.citations import CitationList
from exo_ontology.release import assembly
from exo_ontology.release.citations import add_document_citations

#: memory `sort` may use before it spills to temporary files
SORT_BUFFER = "256M"


def graph_lines(graph: Graph) -> list[str]:
    """A graph's N-Triples lines (unsorted, non-empty)."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return [line for line in text.splitlines() if line.strip()]


def document_graphs(docs: Sequence[SourceDoc], findings: Iterable[Finding],
                    citations: Mapping[str, Sequence[CitationList]] | None = None,
                    ) -> Iterator[tuple[SourceDoc, Graph]]:
    """One small graph per document (its description, its findings and its citation links), in the
    order of `docs`."""
    by_doc: dict[str, list[Finding]] = {}
    for finding in findings:
        by_doc.setdefault(finding.doc_id, []).append(finding)
    for doc in docs:
        graph = Graph()
        bind_all(graph)
        assembly.add_document(graph, doc)
        for finding in by_doc.pop(doc.doc_id, []):
            assembly.add_finding(graph, finding)
        add_document_citations(graph, doc.doc_id, (citations or {}).get(doc.doc_id, ()))
        yield doc, graph


def sort_unique(sources: Sequence[Path], out: Path, key_tab: bool = False) -> int:
    """Merge the lines of `sources` into `out`, sorted bytewise, duplicates removed; the line count.
    With `key_tab`, lines are `graph<TAB>triple` and sort by graph IRI first, then by triple."""
    env = {**os.environ, "LC_ALL": "C"}
    args = ["sort", "-u", "-S", SORT_BUFFER, "-T", str(out.parent), "-o", str(out)]
    if key_tab:
        # the whole line still decides (after the graph field), so the order is total and stable
        args[1:1] = ["-t", "\t", "-k1,1", "-k2"]
    subprocess.run([*args, *map(str, sources)], check=True, env=env)
    with out.open("rb") as handle:
        return sum(1 for _ in handle)


@dataclass(frozen=True)
class AboxFiles:
    """The findings ABox of a build, unsorted: plain N-Triples lines and `graph<TAB>line` quads."""

    triples: Path
    quads: Path


def write_abox(graphs: Iterable[tuple[SourceDoc, Graph]], work: Path) -> AboxFiles:
    """Each document graph's lines appended to the two files of `work` (the graphs are not kept)."""
    return write_abox_lines(((doc, graph_lines(graph)) for doc, graph in graphs), work)


def write_abox_lines(documents: Iterable[tuple[SourceDoc, Sequence[str]]], work: Path) -> AboxFiles:
    """Each document's N-Triples lines appended to the two files of `work`."""
    files = AboxFiles(work / "abox.nt.unsorted", work / "abox.quads.unsorted")
    with files.triples.open("w", encoding="utf-8") as triples, files.quads.open("w", encoding="utf-8") as quads:
        for doc, lines in documents:
            name = str(assembly.document_iri(doc.doc_id))
            triples.write("".join(line + "\n" for line in lines))
            quads.write("".join(f"{name}\t{line}\n" for line in lines))
    return files


def write_lines(lines: Iterable[str], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
    return path


def quads_of(sorted_quads: Path) -> Iterator[ox.Quad]:
    """Quads of a sorted `graph<TAB>line` file, graph by graph, triples in line order."""
    with sorted_quads.open(encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t", 1) for line in handle)
        for name, group in groupby(rows, key=lambda row: row[0]):
            graph = ox.NamedNode(name)
            body = "".join(line + "\n" for _, line in group).encode("utf-8")
            for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)
