"""The findings of a release as frozen page records: quote with marked entities, slots, document, rule."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from exo_ontology import vocabulary as V
from exo_ontology.namespaces import expand
from exo_ontology.release.assembly import SLOT_PROPERTIES
from exo_ontology.release.docs.links import Link, Linker, disease_path, finding_path, select


@dataclass(frozen=True)
class Segment:
    """A piece of the quote; `link` is set on a recognised entity (a mark)."""

    text: str
    link: Link | None = None
    start: int = 0                  # offset of the piece in the quote


@dataclass(frozen=True)
class Document:
    iri: str
    doc_id: str
    title: str
    year: str
    licence: str
    see_also: str                   # the DOI link, or ""


@dataclass(frozen=True)
class FindingPage:
    iri: str
    fid: str
    path: str
    quote: str
    char_start: int
    char_end: int
    segments: tuple[Segment, ...]
    slots: tuple[tuple[str, tuple[Link, ...]], ...]    # (slot name, values) in SLOT_PROPERTIES order
    labels: tuple[tuple[str, str], ...]                # slot name -> the property's label
    document: Document
    section: str
    rule: str
    citations: tuple[str, ...]
    knowledge_source: Link | None
    pathway_text: str

    def values(self, slot: str) -> tuple[Link, ...]:
        return dict(self.slots).get(slot, ())


def _documents(store: ox.Store) -> dict[str, Document]:
    rows = select(store, """SELECT ?d ?id ?title ?year ?lic ?see WHERE { ?d a dcterms:BibliographicResource ;
        dcterms:identifier ?id FILTER(!CONTAINS(?id, ":"))
        OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:date ?year }
        OPTIONAL { ?d dcterms:license ?lic } OPTIONAL { ?d rdfs:seeAlso ?see } }""")
    return {r["d"]: Document(r["d"], r["id"], r.get("title", ""), r.get("year", ""), r.get("lic", ""),
                             r.get("see", "")) for r in rows}


def documents(store: ox.Store) -> list[Document]:
    """The source documents, by ID."""
    return sorted(_documents(store).values(), key=lambda d: d.doc_id)


def mark_quote(quote: str, char_start: int, spans: list[tuple[int, int, str]], linker: Linker) -> tuple[Segment, ...]:
    """Cut the quote at its mentions (raw offsets); an overlapping later mention is dropped."""
    out: list[Segment] = []
    at = 0
    for start, end, curie in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        lo, hi = start - char_start, end - char_start
        if lo < at or hi > len(quote) or lo >= hi:
            continue
        if lo > at:
            out.append(Segment(quote[at:lo], None, at))
        out.append(Segment(quote[lo:hi], linker(str(expand(curie))), lo))
        at = hi
    if at < len(quote):
        out.append(Segment(quote[at:], None, at))
    return tuple(out)


def gather_findings(store: ox.Store, linker: Linker) -> list[FindingPage]:
    """Every finding, sorted by ID."""
    docs = _documents(store)
    rows = select(store, """SELECT ?f ?q ?s ?e ?doc ?rule ?sec ?ks ?pw WHERE { ?f a EXOC:0000001 ;
        prov:wasDerivedFrom ?ev . ?ev EXOC:0000120 ?q ; EXOC:0000121 ?s ; EXOC:0000122 ?e ;
        prov:wasQuotedFrom ?doc ; EXOC:0000124 ?rule . OPTIONAL { ?ev EXOC:0000126 ?sec }
        OPTIONAL { ?f EXOC:0000114 ?ks } OPTIONAL { ?f EXOC:0000116 ?pw } }""")
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    by_property = {str(p): slot for slot, p in SLOT_PROPERTIES.items()}
    for r in select(store, "SELECT ?f ?p ?o WHERE { ?f a EXOC:0000001 ; ?p ?o FILTER(isIRI(?o)) }"):
        if r["p"] in by_property:
            values[r["f"]][by_property[r["p"]]].add(r["o"])
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    citations: dict[str, set[str]] = defaultdict(set)
    for r in select(store, f"SELECT ?f ?m ?c WHERE {{ ?f prov:wasDerivedFrom ?ev . "
                           f"OPTIONAL {{ ?ev <{V.MENTION_SPAN}> ?m }} OPTIONAL {{ ?ev EXOC:0000123 ?c }} }}"):
        if "m" in r:
            lo, hi, curie = r["m"].split(" ", 2)
            spans[r["f"]].append((int(lo), int(hi), curie))
        if "c" in r:
            citations[r["f"]].add(r["c"])
    slot_labels = tuple((slot, linker.label(str(p))) for slot, p in SLOT_PROPERTIES.items())
    pages = []
    for r in rows:
        f, start = r["f"], int(r["s"])
        page = FindingPage(
            iri=f, fid=f.rsplit("/", 1)[-1], path=finding_path(f), quote=r["q"], char_start=start,
            char_end=int(r["e"]), segments=mark_quote(r["q"], start, sorted(set(spans[f])), linker),
            slots=tuple((slot, linker.many(values[f][slot])) for slot in SLOT_PROPERTIES if values[f][slot]),
            labels=slot_labels, document=docs[r["doc"]], section=r.get("sec", ""), rule=r["rule"],
            citations=tuple(sorted(citations[f])), knowledge_source=linker(r["ks"]) if "ks" in r else None,
            pathway_text=r.get("pw", ""))
        pages.append(page)
    return sorted(pages, key=lambda p: p.fid)


def by_disease(findings: list[FindingPage]) -> dict[str, list[FindingPage]]:
    """Disease CURIE -> its findings (only diseases that have findings)."""
    out: dict[str, list[FindingPage]] = defaultdict(list)
    for finding in findings:
        for disease in finding.values("disease"):
            out[disease.curie].append(finding)
    return dict(sorted(out.items()))


def disease_link(finding: FindingPage, curie: str) -> Link:
    """The disease's own page in the docs (its label kept)."""
    link = next(d for d in finding.values("disease") if d.curie == curie)
    return Link(link.label, curie, disease_path(curie), external=False)
