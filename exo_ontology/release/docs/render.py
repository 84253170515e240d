"""Render the release's docs folder: index, one page per EXOC term, finding and disease, plus style.css."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from exo_ontology.release.docs import charts, network
from exo_ontology.release.docs.findings import (
    FindingPage,
    by_disease,
    disease_link,
    documents,
    gather_findings,
)
from exo_ontology.release.docs.links import Link, Linker, disease_path, labels, select
from exo_ontology.release.docs.page_cache import PageCache, uncached
from exo_ontology.release.docs.terms import class_tree, gather_terms, term_pages

#: a page's text by a description of what decides it, made by the function when not cached
Cached = Callable[[str, Callable[[], str]], str]
#: pages one folder down reach the docs root through this
UP = "../"


@dataclass(frozen=True)
class Disease:
    link: Link              # its own page
    resolver: str           # its IRI (OBO PURL)
    findings: tuple[FindingPage, ...]
    svg: str
    charts: tuple[charts.BarChart, ...]


def environment() -> Environment:
    return Environment(loader=PackageLoader("exo_ontology.release.docs", "templates"),
                       autoescape=select_autoescape(("html", "svg", "j2")), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


@lru_cache(maxsize=256)  # tens of thousands of pages share a few folders: each is made once
def _folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def _write(path: Path, text: str) -> None:
    _folder(path.parent)
    path.write_text(text, encoding="utf-8", newline="\n")


def _header(store: ox.Store) -> dict[str, str]:
    rows = select(store, """SELECT ?title ?desc ?version ?lic WHERE { ?o a owl:Ontology .
        OPTIONAL { ?o dcterms:title ?title } OPTIONAL { ?o dcterms:description ?desc }
        OPTIONAL { ?o owl:versionInfo ?version } OPTIONAL { ?o dcterms:license ?lic } } ORDER BY ?o""")
    return rows[0] if rows else {}


def _diseases(findings: list[FindingPage], cached: Cached = uncached) -> list[Disease]:
    out = []
    for curie, group in by_disease(findings).items():
        link = disease_link(group[0], curie)
        resolver = next(d.href for d in group[0].values("disease") if d.curie == curie)
        dot = network.network_dot(curie, group, UP)
        svg = cached(f"svg\0{dot}", partial(network.render_svg, dot))
        out.append(Disease(link, resolver, tuple(group), svg,
                           (charts.count_chart("Findings by cargo type", group, "cargo_type"),
                            charts.count_chart("Findings by source cell", group, "source_cell"))))
    return sorted(out, key=lambda d: (d.link.label.lower(), d.link.curie))


def render_docs(out_dir: Path, store: ox.Store, counts: dict[str, int], cache: Path | None = None) -> None:
    """Write the whole docs folder into `out_dir` (same store -> byte-identical files); with `cache`, the
    term and finding pages and the drawings whose records did not change are taken from it."""
    _folder.cache_clear()  # folders an earlier render made (in this process) may have been removed since
    pages = PageCache.open(cache) if cache else None
    cached = pages.text if pages else uncached
    linker = Linker(labels(store), term_pages(store))
    terms = gather_terms(store, linker)
    findings = gather_findings(store, linker)
    diseases = _diseases(findings, cached)
    env = environment()
    header = _header(store)
    common = {"title": header.get("title", "EXOC"), "version": header.get("version", "")}
    of_doc: dict[str, list[FindingPage]] = {}
    for finding in findings:
        of_doc.setdefault(finding.document.doc_id, []).append(finding)
    by_doc = {d.doc_id: of_doc.get(d.doc_id, []) for d in documents(store)}
    _write(out_dir / "index.html", env.get_template("index.html").render(
        **common, root="", header=header, counts=sorted(counts.items()), documents=documents(store),
        classes=class_tree(terms, linker), terms=terms, diseases=diseases, by_doc=by_doc))
    page = env.get_template("term.html")
    for term in terms:
        _write(out_dir / term.link.href, cached(f"term\0{common!r}\0{term!r}",
                                                partial(page.render, **common, root=UP, term=term)))
    page = env.get_template("finding.html")
    for finding in findings:
        links = {d.curie: Link(d.label, d.curie, disease_path(d.curie), False) for d in finding.values("disease")}
        _write(out_dir / finding.path, cached(
            f"finding\0{common!r}\0{finding!r}\0{links!r}",
            partial(page.render, **common, root=UP, finding=finding, disease_pages=links)))
    page = env.get_template("disease.html")
    for disease in diseases:
        _write(out_dir / disease.link.href, page.render(**common, root=UP, disease=disease, layers=network.LAYERS))
    css = resources.files("exo_ontology.release.docs").joinpath("style.css").read_text(encoding="utf-8")
    _write(out_dir / "style.css", css)
    if pages:
        pages.prune()
