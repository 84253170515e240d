"""A release-shaped dataset of about a million statements, for the query benchmark (`bench/queries.py`).

Made by varying the real release, never by inventing terms: the ontology, imports and the real documents,
findings and evidence are copied once; then synthetic documents are added, each with findings copied from
real ones under new hash-suffixed IRIs, every slot value (cargo, disease, effect, ...) replaced, with
probability `VARY`, by another real value of the same slot, and each finding's evidence copied from its
template's. Every synthetic document is a named graph of `exoc.trig`, as in the release. The output is a
project-like directory, `OUT/build/{exoc.nt, exoc.trig, manifest.json}`, so `exo query --root OUT` (the
on-disk store, where the build writes one) and `exo query --data OUT/build` both open it.

The size counted is what an engine loads: the lines of exoc.nt plus the quads of exoc.trig. Seeded, so the
same release, seed and target give byte-identical files.

    python bench/generate.py --release build --out bench/data/release-1m --target 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

EXOC = "https://w3id.org/exoc/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
QUOTED = "<http://www.w3.org/ns/prov#wasQuotedFrom>"
IDENTIFIER = "<http://purl.org/dc/terms/identifier>"
TITLE = "<http://purl.org/dc/terms/title>"
SEE_ALSO = "<http://www.w3.org/2000/01/rdf-schema#seeAlso>"
FINDING_TYPE = f"<{EXOC}EXOC_0000001>"
#: the probability that one slot value of a copied finding is replaced by another real value of that slot
VARY = 0.5
#: a synthetic document claims no real-world identity: the real one's DOI, PMID and links are not copied
_DOCUMENT_DROPPED = frozenset({IDENTIFIER, SEE_ALSO, TITLE})
_STATEMENT = re.compile(r"(?P<s><[^>]*>|_:\S+) (?P<p><[^>]*>) (?P<o>.+) \.$")


@dataclass(frozen=True)
class Statement:
    s: str
    p: str
    o: str

    def line(self) -> str:
        return f"{self.s} {self.p} {self.o} .\n"


@dataclass
class Release:
    """The real release, split: base lines, and per document its own, its evidence's and findings' triples."""

    base: list[str]
    documents: dict[str, list[Statement]]
    evidence: dict[str, list[Statement]]   # evidence IRI -> its triples
    findings: dict[str, list[Statement]]   # finding IRI -> its triples
    evidence_of: dict[str, str]             # finding IRI -> its evidence IRI
    document_of: dict[str, str]             # evidence IRI -> the document it quotes
    pools: dict[str, list[str]] = field(default_factory=dict)  # slot -> the real values it takes, sorted


def _parse(path: Path, number: int, line: str) -> Statement:
    match = _STATEMENT.fullmatch(line.rstrip("\n"))
    if match is None:
        raise SystemExit(f"{path} line {number}: not an N-Triples statement")
    return Statement(match["s"], match["p"], match["o"])


def read_release(release: Path) -> Release:
    """Split the release's exoc.nt into the ontology/import base and the document-level records."""
    path = release / "exoc.nt"
    if not path.is_file():
        raise SystemExit(f"{path}: no release here; run `exo build` first")
    by_subject: dict[str, list[Statement]] = defaultdict(list)
    base: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(keepends=True), start=1):
        if line.startswith((f"<{EXOC}finding/", f"<{EXOC}evidence/", f"<{EXOC}source/")):
            statement = _parse(path, number, line)
            by_subject[statement.s].append(statement)
        elif line.strip():
            base.append(line)
    kinds: dict[str, dict[str, list[Statement]]] = {"finding": {}, "evidence": {}, "source": {}}
    for subject, statements in by_subject.items():
        kinds[subject[len(EXOC) + 1:].split("/", 1)[0]][subject] = statements
    evidence_of = {f: next(t.o for t in ts if t.p == DERIVED) for f, ts in kinds["finding"].items()}
    document_of = {e: next(t.o for t in ts if t.p == QUOTED) for e, ts in kinds["evidence"].items()}
    pools: dict[str, set[str]] = defaultdict(set)
    for statements in kinds["finding"].values():
        for t in statements:
            if t.p not in (RDF_TYPE, DERIVED):
                pools[t.p].add(t.o)
    return Release(base, kinds["source"], kinds["evidence"], kinds["finding"], evidence_of, document_of,
                   {slot: sorted(values) for slot, values in pools.items()})


def _hash(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16]


def _synthetic_document(release: Release, template: str, number: int, seed: int) -> tuple[str, list[Statement]]:
    ident = f"syn{number:05d}_{_hash(seed, 'document', number)}"
    iri = f"<{EXOC}source/{ident}>"
    statements = [Statement(iri, t.p, t.o) for t in release.documents[template] if t.p not in _DOCUMENT_DROPPED]
    statements.append(Statement(iri, IDENTIFIER, f'"{ident}"'))
    statements.append(Statement(iri, TITLE, f'"Synthetic benchmark document {number}"'))
    return iri, statements


def _synthetic_finding(release: Release, template: str, document: str, key: str,
                       rng: random.Random) -> list[Statement]:
    finding, evidence = f"<{EXOC}finding/F{key}>", f"<{EXOC}evidence/F{key}>"
    out = [Statement(finding, RDF_TYPE, FINDING_TYPE), Statement(finding, DERIVED, evidence)]
    seen: set[tuple[str, str]] = set()
    for t in release.findings[template]:
        if t.p in (RDF_TYPE, DERIVED):
            continue
        value = rng.choice(release.pools[t.p]) if rng.random() < VARY else t.o
        if (t.p, value) not in seen:
            seen.add((t.p, value))
            out.append(Statement(finding, t.p, value))
    for t in release.evidence[release.evidence_of[template]]:
        out.append(Statement(evidence, t.p, document if t.p == QUOTED else t.o))
    return out


def _graphs(release: Release) -> dict[str, list[Statement]]:
    """The real release's named graphs: each document with its evidence and the findings derived from it."""
    graphs = {doc: list(statements) for doc, statements in release.documents.items()}
    for finding, statements in release.findings.items():
        evidence = release.evidence_of[finding]
        graphs[release.document_of[evidence]].extend(statements + release.evidence[evidence])
    return graphs


@dataclass(frozen=True)
class Generated:
    """What was written: statement counts (exoc.nt lines + exoc.trig quads = total) and the record counts."""

    out: Path
    default_triples: int
    named_quads: int
    documents: int
    findings: int

    @property
    def total(self) -> int:
        return self.default_triples + self.named_quads


def generate(release_dir: Path, out: Path, target: int, seed: int = 1) -> Generated:
    """Write `out/build/` with about `target` statements (exoc.nt lines + exoc.trig quads)."""
    release = read_release(release_dir)
    rng = random.Random(seed)
    graphs = _graphs(release)
    per_document = max(1, round(len(release.findings) / max(1, len(release.documents))))
    templates, documents = sorted(release.findings), sorted(release.documents)
    total = len(release.base) + 2 * sum(len(g) for g in graphs.values())
    findings, number = len(release.findings), 0
    while total < target:
        iri, statements = _synthetic_document(release, documents[number % len(documents)], number, seed)
        for index in range(per_document):
            template = rng.choice(templates)
            statements += _synthetic_finding(release, template, iri, _hash(seed, "finding", number, index), rng)
        graphs[iri] = statements
        total += 2 * len(statements)
        findings += per_document
        number += 1
    build = out / "build"
    build.mkdir(parents=True, exist_ok=True)
    with (build / "exoc.nt").open("w", encoding="utf-8") as nt:
        nt.writelines(release.base)
        for statements in graphs.values():
            nt.writelines(t.line() for t in statements)
    with (build / "exoc.trig").open("w", encoding="utf-8") as trig:
        for graph, statements in graphs.items():
            trig.write(f"{graph} {{\n")
            trig.writelines(t.line() for t in statements)
            trig.write("}\n")
    named = sum(len(g) for g in graphs.values())
    result = Generated(out, len(release.base) + named, named, len(graphs), findings)
    _write_manifest(build, release_dir, seed, target, result)
    return result


def _write_manifest(build: Path, release_dir: Path, seed: int, target: int, result: Generated) -> None:
    """A manifest.json, as a release has: `exo query` keys its on-disk store on this file's checksum."""
    source = release_dir / "manifest.json"
    files = {name: {"bytes": (build / name).stat().st_size,
                    "sha256": hashlib.sha256((build / name).read_bytes()).hexdigest()}
             for name in ("exoc.nt", "exoc.trig")}
    manifest = {
        "generator": "bench/generate.py", "seed": seed, "target": target, "vary": VARY,
        "from_release_manifest_sha256": hashlib.sha256(source.read_bytes()).hexdigest() if source.is_file() else None,
        "counts": {"documents": result.documents, "findings": result.findings, "triples": result.default_triples,
                   "named_graph_quads": result.named_quads, "statements": result.total},
        "files": files,
    }
    (build / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", type=Path, default=Path("build"), help="the real release (default build/)")
    parser.add_argument("--out", type=Path, default=Path("bench/data/release-1m"))
    parser.add_argument("--target", type=int, default=1_000_000, help="statements to reach (nt lines + quads)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    made = generate(args.release, args.out, args.target, args.seed)
    print(f"{made.out / 'build'}: {made.total:,} statements ({made.default_triples:,} triples in exoc.nt, "
          f"{made.named_quads:,} quads in exoc.trig), {made.documents:,} documents, {made.findings:,} findings",
          file=sys.stderr)


if __name__ == "__main__":
    main()
