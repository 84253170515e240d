"""`make bench-scale`: build benchmark corpora (bench/corpus.py) of growing size and write bench/scale.md.

Per size: build wall and CPU time, documents/s, peak memory of the process tree, store and release sizes;
then the time to add one abstract to the 10k build, pySHACL beside Jena's `shacl validate` on the same
release, the extraction rate on one and on two workers, a no-change rebuild of the seed release and
`exo extract` on one abstract. A benchmark, not a test: figures are measured, never asserted.

    python bench/scale.py [--sizes 1000,10000,100000] [--workers 2] [--builds-only] [--extras-size 10000]

Each size's row is kept in bench/scale.json with the commit, date and load it was measured at, so a long
size (100k) can be measured on its own and the table still shows every size; the other sections come from
the latest run that measured them. Each build's standard error (its step lines and times) is kept in
bench/logs/.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate, load_abstracts, vary  # noqa: E402
from measure_tree import Measured, measure  # noqa: E402

EXO = str(Path(sys.executable).parent / "exo")
CORPORA = ROOT / "bench" / "corpora"
RESULTS = ROOT / "bench" / "scale.json"
LOGS = ROOT / "bench" / "logs"
#: wide enough that the build's step lines keep their elapsed-time column in a log file
WIDE = {"COLUMNS": "160"}
EXTRACTION = re.compile(r"reading documents: .*? in ([\d.]+) s \((\d+) documents/s\)")


def _label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _commit() -> str:
    return os.environ.get("EXO_BENCH_COMMIT") or subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    ram = next(int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal"))
    return (f"* machine: {cpu}, {os.cpu_count()} cores, {ram / 2**30:.1f} GiB RAM, Python "
            f"{platform.python_version()}\n* report written {datetime.date.today()} at commit {_commit()}; "
            "each row and section says when and at which commit it was measured\n")


def build(project: Path, workers: int, log: str | None = None) -> Measured:
    LOGS.mkdir(parents=True, exist_ok=True)
    result = measure([EXO, "build", "--workers", str(workers), "--root", str(project)], env=WIDE,
                     log=LOGS / f"{log}.log" if log else None)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.stderr[-2000:]}")
    return result


def add_one(project: Path, n: int, workers: int) -> Measured:
    """Add abstract number n (one more variant) to a built project and build again."""
    abstracts = load_abstracts(ROOT)
    pool: dict[str, set[str]] = {}
    for a in abstracts:
        for t, texts in a.entities.items():
            pool.setdefault(t, set()).update(texts)
    base = abstracts[n % len(abstracts)]
    title, body = vary(base, {t: tuple(sorted(v)) for t, v in sorted(pool.items())}, random.Random(n))
    name = f"{n:06d}_{base.name}.txt"
    (project / "sources" / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    with (project / "sources" / "manifest.tsv").open("a", encoding="utf-8") as handle:
        handle.write("\t".join([name, title, "Bench A", "2024", "Bench J", "", str(90_000_000 + n), "",
                                "CC BY 4.0", "abstract"]) + "\n")
    return build(project, workers, f"add-one-{_label(n)}")


def validation(project: Path) -> tuple[Measured, Measured]:
    """pySHACL (exo validate, no reasoner) and Jena's shacl validate on the same release."""
    from rdflib import Graph

    from tests.jena import classpath

    ours = measure([EXO, "validate", str(project / "build" / "exoc.ttl"), "--root", str(project),
                    "--no-reasoner", "--report", str(project / "bench-validation.tsv")])
    with tempfile.TemporaryDirectory() as tmp:
        shapes = Graph()
        for path in sorted((project / "shapes").glob("*.ttl")):
            shapes.parse(path, format="turtle")
        shapes.serialize(Path(tmp) / "shapes.ttl", format="turtle")
        cp = classpath(Path(tmp) / "jena")
        jena = measure(["java", "-Xmx4g", "-cp", cp, "shacl.shacl", "validate", "--shapes",
                        str(Path(tmp) / "shapes.ttl"), "--data", str(project / "build" / "exoc.nt")])
    return ours, jena


def extraction_rates(project: Path, count: int) -> tuple[float, float, float]:
    """Documents/s over `count` documents: one process (Reader already loaded); a 2-worker local cluster
    with its start and the workers' grounder loading included; and the same cluster once warm."""
    from exo_ontology.paths import Paths
    from exo_ontology.pipeline.documents import Reader
    from exo_ontology.pipeline.parallel import SERIAL, DocumentMapper, Engine
    from exo_ontology.reading import read_manifest

    paths = Paths(project)
    docs = read_manifest(paths.manifest)[0][:count]
    reader = Reader.from_paths(paths)
    rates = []
    for engine in (SERIAL, Engine(workers=2)):
        with DocumentMapper(paths, engine, lambda: reader) as mapper:
            start = time.perf_counter()
            mapper.map(docs)
            rates.append(len(docs) / (time.perf_counter() - start))
            if engine is not SERIAL:
                start = time.perf_counter()
                mapper.map(docs)
                rates.append(len(docs) / (time.perf_counter() - start))
    return rates[0], rates[1], rates[2]


def seed_checks() -> tuple[Measured, Measured]:
    """A no-change rebuild of the seed release and `exo extract` on one abstract."""
    tmp = Path(tempfile.mkdtemp(prefix="exo-seed-"))
    for part in ("ontology", "shapes", "sources"):
        shutil.copytree(ROOT / part, tmp / part)
    shutil.copytree(ROOT / "tests" / "gold", tmp / "tests" / "gold")
    shutil.copytree(ROOT / "tests" / "corpus", tmp / "tests" / "corpus")
    build(tmp, 1)
    again = measure([EXO, "build", "--root", str(tmp)])
    extract = measure([EXO, "extract", str(ROOT / "tests" / "corpus" / "001.txt"), "--root", str(tmp)])
    shutil.rmtree(tmp)
    return again, extract


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def when() -> str:
    """Date, commit and load average, for a row or a section."""
    return f"{datetime.date.today()}, commit {_commit()}, load average {os.getloadavg()[0]:.1f} at the start"


def build_row(n: int, m: Measured, project: Path) -> dict[str, object]:
    rate = EXTRACTION.search(m.stderr)
    return {"n": n, "wall": m.wall, "cpu": m.cpu, "rate": rate.group(2) if rate else "?", "rss": m.peak_rss,
            "pss": m.peak_pss, "store": _du(project / "build" / "store"),
            "release": _du(project / "build") - _du(project / "build" / "store"), "when": when()}


def table(rows: dict[str, dict[str, object]], workers: int) -> str:
    lines = [(f"\nBuilds with `exo build --workers {workers}` (HermiT on the TBox, SHACL by shards) from a "
              "clean findings cache unless the row says otherwise; corpora from `bench/corpus.py` (seed 7); "
              "step times in `bench/logs/build-<size>.log`.\n"),
             ("\n| abstracts | wall | CPU | documents/s (whole build) | extraction documents/s | peak memory "
              "(PSS, tree) | peak RSS (tree) | store | release (without store) | measured |\n"
              "|---|---|---|---|---|---|---|---|---|---|\n")]
    for row in sorted(rows.values(), key=lambda r: int(str(r["n"]))):
        n, wall = int(str(row["n"])), float(str(row["wall"]))
        pss = int(str(row.get("pss", 0)))
        lines.append(f"| {n:,} | {wall:,.0f} s | {float(str(row['cpu'])):,.0f} s "
                     + (f"| {n / wall:.1f} " if not row.get("note") else "| see the note ") + f"| {row['rate']} "
                     f"| {_mib(pss) if pss else 'not measured'} | {_mib(int(str(row['rss'])))} "
                     f"| {_mib(int(str(row['store'])))} | {_mib(int(str(row['release'])))} | {row['when']}"
                     + (f"; {row['note']}" if row.get("note") else "") + " |\n")
    return "".join(lines)


def extras(built: dict[int, Path], target: int, workers: int) -> str:
    """The incremental, validation, extraction-rate and seed sections."""
    added = add_one(built[target], target, workers)
    ours, jena = validation(built[target])
    one, two, warm = extraction_rates(built[min(built)], min(400, min(built)))
    again, extract = seed_checks()
    return "".join([
        f"\nSections below measured {when()}.\n",
        f"\n## Incremental and validation ({_label(target)} build)\n\n",
        (f"* adding one abstract to the {_label(target)} build: {added.wall:.1f} s wall (target ≤ 15 s: "
        f"{verdict(added.wall <= 15)}); step times in `bench/logs/add-one-{_label(target)}.log`\n"),
        (f"* pySHACL (`exo validate --no-reasoner`): {ours.wall:.1f} s, peak {_mib(ours.peak_pss)} (PSS); "
        f"Jena 4.5 `shacl validate`: {jena.wall:.1f} s, peak {_mib(jena.peak_pss)} (exit {jena.returncode}; "
        "Jena exits 0 on violations too)\n"),
        "\n## Extraction rate\n\n",
        (f"* one process: {one:.1f} documents/s; two Dask workers: {two:.1f} documents/s with the cluster's start, "
         f"{warm:.1f} documents/s once warm = {warm / one:.2f}× (targets ≥ 80/s: {verdict(warm >= 80)}; "
         f"≥ 1.7×: {verdict(warm / one >= 1.7)})\n"),
        "\n## Seed release\n\n",
        (f"* no-change rebuild (`exo build`, process start included): {again.wall:.2f} s "
        f"(target ≤ 3 s: {verdict(again.wall <= 3)})\n"),
        f"* `exo extract` on one abstract: {extract.wall:.2f} s (target ≤ 1 s: {verdict(extract.wall <= 1)})\n",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--builds-only", action="store_true", help="measure the builds only (keep the sections)")
    parser.add_argument("--extras-size", type=int, default=10_000,
                        help="the built size the add-one and validation sections use (else the largest built)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "scale.md")
    args = parser.parse_args()
    # no sizes: only re-render bench/scale.md from bench/scale.json and the notes
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    stored = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
    rows: dict[str, dict[str, object]] = stored.get("builds", {})
    built: dict[int, Path] = {}
    for n in sizes:
        project = generate(n, CORPORA / _label(n))
        print(f"building {n} abstracts …", file=sys.stderr)
        rows[str(n)] = build_row(n, build(project, args.workers, f"build-{_label(n)}"), project)
        built[n] = project
        RESULTS.write_text(json.dumps({**stored, "builds": rows}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sections = str(stored.get("sections", ""))
    if not args.builds_only and built:
        sections = extras(built, args.extras_size if args.extras_size in built else max(built), args.workers)
    RESULTS.write_text(json.dumps({"builds": rows, "sections": sections}, indent=1, sort_keys=True) + "\n",
                       encoding="utf-8")
    notes = args.out.with_name("scale-notes.md")
    args.out.write_text("# Scale benchmark (`make bench-scale`)\n\n" + machine() + table(rows, args.workers)
                        + sections + (("\n" + notes.read_text(encoding="utf-8")) if notes.is_file() else ""),
                        encoding="utf-8")
    print(args.out)


if __name__ == "__main__":
    main()
