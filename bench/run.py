"""Benchmarks: build time, lexicon/grounder start-up, grounding throughput, query latency.

Writes the "build" section of bench/results.md (bench/queries.py writes the query engines'
section). Run with `make bench` (numbers are wall-clock on this machine; each
measurement is the median of several runs where it is cheap enough to repeat).
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exo_ontology.paths import Paths  # noqa: E402


def timed(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def project_copy(tmp: Path) -> Paths:
    for name in ("ontology", "shapes", "sources", "tests"):
        shutil.copytree(ROOT / name, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
    return Paths(tmp)


def main() -> None:
    from exo_ontology.grounding.grounder import Grounder
    from exo_ontology.lexicon.io import Lexicon
    from exo_ontology.pipeline.build import build
    from exo_ontology.query.engine import open_release, run_query

    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        paths = project_copy(Path(tmpdir))
        rows.append(("exo build (with HermiT), s", f"{timed(lambda: build(paths, log=lambda _m: None)):.1f}"))
        rows.append(("exo build (no reasoner), s",
                     f"{timed(lambda: build(paths, reasoner=False, log=lambda _m: None)):.1f}"))
        lexicon_dir = paths.lexicon_dir
        rows.append(("lexicon load (all files), s", f"{timed(lambda: _load_all(Lexicon, lexicon_dir)):.2f}"))
        start = time.perf_counter()
        grounder = Grounder(Lexicon.load(lexicon_dir), paths.edit_file)
        rows.append(("grounder construction, s", f"{time.perf_counter() - start:.2f}"))
        names = ["PD-L1", "miR-21", "TGF-β1", "breast cancer", "M2 macrophage", "cisplatin",
                 "angiogenesis", "hsa-miR-24-3p", "pancreatic cancer", "exosomes"] * 100
        per = timed(lambda: [grounder.ground(n) for n in names], repeat=3) / len(names)
        rows.append(("grounding, ms per name (1,000 names)", f"{per * 1000:.3f}"))
        store = open_release(paths.build_dir)
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        rows.append(("query COUNT(*) in process, ms", f"{timed(lambda: run_query(store, count), 5) * 1000:.1f}"))
        exo = shutil.which("exo") or str(Path(sys.executable).with_name("exo"))
        cmd = [exo, "query", "--root", str(paths.root), "--format", "tsv", count]
        rows.append(("`exo query` COUNT(*) whole process, s",
                     f"{timed(lambda: subprocess.run(cmd, check=True, capture_output=True), 3):.2f}"))
        triples = run_query(store, count).rows[0][0]
        rows.append(("release triples", str(triples)))
    from bench.sections import replace_section

    out = ROOT / "bench" / "results.md"
    machine = f"Machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores."
    lines = ["## Build, grounding and query speed", "", machine, "", "| measure | value |", "|---|---|"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    replace_section(out, "build", "\n".join(lines))  # bench/queries.py writes its own section
    print(out.read_text(encoding="utf-8"))


def _load_all(lexicon_cls, lexicon_dir: Path) -> None:  # type: ignore[no-untyped-def]
    lexicon = lexicon_cls.load(lexicon_dir)
    for _ in lexicon.names():
        pass
    for _ in lexicon.terms():
        pass


if __name__ == "__main__":
    main()
