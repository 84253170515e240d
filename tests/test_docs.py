"""The HTML docs of the release (build/docs/): pages, links, marks, networks, determinism, and how a
browser shows them (screenshots in build/reports/screenshots/ of the project)."""

from __future__ import annotations

import hashlib
import re
import struct
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zlib
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from exo_ontology import vocabulary as V
from exo_ontology.errors import InputError
from exo_ontology.namespaces import PREFIX_MAP, compress
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.release.docs import network, render_docs
from exo_ontology.release.docs.links import file_stem, select
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SIZE = (1280, 1600)


class Collect(HTMLParser):
    """Every href (HTML and SVG) and every quote mark of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.marks: list[dict[str, str]] = []
        self._mark: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        for key in ("href", "xlink:href"):
            if key in found:
                self.hrefs.append(found[key])
        if tag == "a" and "mark" in found.get("class", "").split():
            self._mark = {**found, "text": ""}

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._mark is not None:
            self.marks.append(self._mark)
            self._mark = None


def parse(path: Path) -> Collect:
    collector = Collect()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


@pytest.fixture(scope="module")
def release(built: tuple[Paths, BuildResult]) -> tuple[Path, ox.Store]:
    paths, _ = built
    store = ox.Store()
    store.load((paths.build_dir / "exoc.nt").read_bytes(), format=ox.RdfFormat.N_TRIPLES)
    return paths.build_dir / "docs", store


def test_a_page_for_every_term_finding_and_disease(release: tuple[Path, ox.Store]) -> None:
    docs, store = release
    assert (docs / "index.html").is_file() and (docs / "style.css").is_file()
    for owl_type, folder in (("Class", "class"), ("ObjectProperty", "property"), ("DatatypeProperty", "property")):
        terms = [r["s"] for r in select(store, f"SELECT ?s WHERE {{ ?s a owl:{owl_type} }}")
                 if r["s"].startswith(PREFIX_MAP["EXOC"])]
        assert terms
        for term in terms:
            assert (docs / folder / f"{file_stem(compress(term))}.html").is_file(), term
    findings = select(store, "SELECT ?f WHERE { ?f a EXOC:0000001 }")
    assert len(findings) > 100
    for row in findings:
        assert (docs / "finding" / f"{row['f'].rsplit('/', 1)[-1]}.html").is_file()
    diseases = {r["d"] for r in select(store, "SELECT DISTINCT ?d WHERE { ?f a EXOC:0000001 ; EXOC:0000110 ?d }")}
    assert {p.stem for p in (docs / "disease").glob("*.html")} == {file_stem(compress(d)) for d in diseases}


def test_every_relative_link_resolves_to_a_file(release: tuple[Path, ox.Store]) -> None:
    docs, _ = release
    pages = sorted(docs.rglob("*.html"))
    checked = 0
    for page in pages:
        for href in parse(page).hrefs:
            if href.startswith(("http://", "https://")):
                continue
            assert not href.startswith(("/", "file:")), f"{page}: {href} is not relative"
            target = href.split("#", 1)[0]
            if target:
                assert (page.parent / target).resolve().is_file(), f"{page.relative_to(docs)}: {href}"
                checked += 1
    assert checked > len(pages) * 3


def test_finding_marks_are_the_quote_entities(release: tuple[Path, ox.Store]) -> None:
    docs, store = release
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    quotes: dict[str, tuple[str, int]] = {}
    for r in select(store, f"""SELECT ?f ?q ?s ?m WHERE {{ ?f prov:wasDerivedFrom ?e . ?e EXOC:0000120 ?q ;
            EXOC:0000121 ?s . OPTIONAL {{ ?e <{V.MENTION_SPAN}> ?m }} }}"""):
        fid = r["f"].rsplit("/", 1)[-1]
        quotes[fid] = (r["q"], int(r["s"]))
        if "m" in r:
            lo, hi, curie = r["m"].split(" ")
            spans[fid].append((int(lo), int(hi), curie))
    marked = 0
    for fid, (quote, start) in quotes.items():
        expected, at = set(), 0
        for lo, hi, curie in sorted(spans[fid], key=lambda s: (s[0], -s[1], s[2])):
            if lo - start >= at:       # the page keeps the first of two overlapping mentions
                expected.add((lo - start, curie, quote[lo - start:hi - start]))
                at = hi - start
        marks = parse(docs / "finding" / f"{fid}.html").marks
        got = {(int(m["data-start"]), m["data-curie"], m["text"]) for m in marks}
        assert got == expected, fid
        for offset, _curie, text in got:
            assert quote[offset:offset + len(text)] == text
        marked += bool(got)
    assert marked > len(quotes) // 2


def test_disease_network_draws_its_findings(release: tuple[Path, ox.Store]) -> None:
    docs, store = release
    rows = select(store, """SELECT ?d (COUNT(?f) AS ?n) WHERE { ?f a EXOC:0000001 ; EXOC:0000110 ?d }
                            GROUP BY ?d ORDER BY DESC(?n) ?d LIMIT 1""")
    disease = rows[0]["d"]
    page = (docs / "disease" / f"{file_stem(compress(disease))}.html").read_text(encoding="utf-8")
    svg = ET.fromstring(re.search(r'<figure class="network">\s*(<svg.*?</svg>)', page, re.DOTALL).group(1))
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    slots = " ".join(f"EXOC:{n:07d}" for n in (101, 102, 103, 105, 107))
    labels = select(store, f"""SELECT DISTINCT ?label WHERE {{ ?f a EXOC:0000001 ; EXOC:0000110 <{disease}> ;
        ?p ?v . VALUES ?p {{ {slots} }} ?v rdfs:label ?label }}""")
    assert labels and {r["label"] for r in labels} <= texts
    directions = select(store, f"""SELECT DISTINCT ?label WHERE {{ ?f a EXOC:0000001 ; EXOC:0000110 <{disease}> ;
        EXOC:0000108|EXOC:0000106 ?d . ?d rdfs:label ?label }}""")
    edge_labels = {t.split(" ×")[0] for t in texts if t}
    assert directions and {r["label"] for r in directions} <= edge_labels
    assert "Findings by cargo type" in page and "Findings by source cell" in page


def test_same_release_gives_byte_identical_docs(release: tuple[Path, ox.Store], tmp_path: Path) -> None:
    docs, store = release

    def digests(folder: Path) -> dict[str, str]:
        return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file()}

    render_docs(tmp_path / "a", store, {"findings": 1})
    render_docs(tmp_path / "b", store, {"findings": 1})
    assert digests(tmp_path / "a") == digests(tmp_path / "b")
    built = digests(docs)
    again = digests(tmp_path / "a")
    assert built.keys() == again.keys()
    assert {k for k in built if built[k] != again[k]} == {"index.html"}   # only the counts given differ


def test_missing_dot_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network.shutil, "which", lambda _name: None)
    with pytest.raises(InputError, match="install graphviz") as err:
        network.render_svg("digraph { a -> b }\n")
    assert "\n" not in str(err.value)


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values of the decompressed image data: a blank
    page compresses to a handful of values, a drawn one to many (no imaging library needed)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    idat, at = b"", 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def findings_listed(page: Path) -> int:
    """Findings a disease page lists, for choosing a readable one (the catch-all diseases draw a hairball)."""
    count = page.read_text(encoding="utf-8").count('<tr><td><a href="../finding/')
    return count if count <= 25 else 0


def test_pages_render_in_headless_chromium(built: tuple[Paths, BuildResult]) -> None:
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make system-deps) to run the browser test")
    paths, _ = built
    docs = paths.build_dir / "docs"
    disease = min((docs / "disease").glob("*.html"), key=lambda p: (-findings_listed(p), p.name))
    finding = min((docs / "finding").glob("*.html"), key=lambda p: (-len(parse(p).marks), p.name))
    out = ROOT / "build" / "reports" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for name, page in (("index", docs / "index.html"), ("finding", finding), ("disease", disease)):
        shot = out / f"{name}.png"
        shot.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", f"--user-data-dir={profile}", f"--screenshot={shot}",
                            f"--window-size={SIZE[0]},{SIZE[1]}", page.resolve().as_uri()],
                           capture_output=True, timeout=180, check=False)
        assert shot.is_file(), f"chromium wrote no screenshot of {page}"
        width, height, values = png_facts(shot)
        assert (width, height) == SIZE
        assert values > 32, f"{shot} looks blank"


def test_a_crowded_disease_network_keeps_its_most_stated_links(release: tuple[Path, ox.Store],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from exo_ontology.release.docs.findings import by_disease, gather_findings
    from exo_ontology.release.docs.links import Linker, labels
    from exo_ontology.release.docs.terms import term_pages

    _docs, store = release
    groups = by_disease(gather_findings(store, Linker(labels(store), term_pages(store))))
    curie, group = max(groups.items(), key=lambda item: len(item[1]))
    edges = re.compile(r"^  (n\d+) -> (n\d+) \[label=.*, penwidth=([\d.]+)\];$", re.MULTILINE)
    full = network.network_dot(curie, group, "../")
    every = edges.findall(full)
    assert len(every) > 3 and "links stated most often" not in full
    monkeypatch.setattr(network, "MAX_EDGES", 3)
    crowded = network.network_dot(curie, group, "../")
    kept = edges.findall(crowded)
    assert len(kept) == 3 and f"the 3 links stated most often, of {len(every)}" in crowded
    # the widest pens (most findings) are the ones kept, and only nodes on a kept link are drawn
    assert sorted(float(w) for _a, _b, w in kept) == sorted(float(w) for _a, _b, w in every)[-3:]
    drawn = re.findall(r"^    n\d+ \[label=", crowded, re.MULTILINE)
    assert len(drawn) == len({n for a, b, _w in kept for n in (a, b)})
