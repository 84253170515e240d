"""Query benchmark: every named query, end to end, by `exo query`, `oxigraph query`, Jena and rdflib.

On the release (build/) and on a generated release of about a million statements (bench/generate.py,
made once under bench/data/, gitignored). Each engine is a fresh process per run, timed around the whole
process (perf_counter) with its peak memory from os.wait4; medians over the repetitions. Writes the
"queries" section of bench/results.md. Run with `make bench-queries` (or `make bench` with the rest).

    python bench/queries.py [--releases release,1M] [--queries a,b] [--engines "exo query,rdflib"]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402
from bench.engines import ENGINES, Rdflib, Target  # noqa: E402
from bench.generate import generate  # noqa: E402
from bench.measure import Run, floor, measure, tsv_rows  # noqa: E402
from bench.report import RDFLIB, Measured, Section  # noqa: E402
from bench.sections import replace_section  # noqa: E402
from exo_ontology.query.named import bind, load_named  # noqa: E402

GENERATED = ROOT / "bench" / "data" / "release-1m"
RESULTS = ROOT / "bench" / "results.md"
#: a run longer than this is stopped and reported as a lower bound
RUN_LIMIT = 900.0


@dataclass(frozen=True)
class Plan:
    """How many runs each engine gets on each release (rdflib on 1M: one process for all queries)."""

    repeats: dict[tuple[str, str], int]
    rdflib_limit: int

    def runs(self, release: str, engine: str) -> int:
        return self.repeats.get((release, engine), self.repeats[(release, "*")])


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def write_queries(directory: Path, only: set[str] | None) -> list[Path]:
    """Each named query with its example bindings appended, as one file every engine reads."""
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for name, query in load_named(ROOT / "ontology" / "queries").items():
        if only is None or name in only:
            path = directory / f"{name}.rq"
            path.write_text(bind(query, query.examples()), encoding="utf-8")
            files.append(path)
    return files


def run_release(target: Target, engines: list[str], queries: list[Path],
                plan: Plan) -> tuple[list[Measured], list[str]]:
    """Every query × engine on one release; runs of the engines interleave so load hits all of them alike."""
    notes = [f"* {name}: {ENGINES[name].prepare(target)}" for name in engines]
    batch = target.label != "release" and RDFLIB in engines
    looped = [e for e in engines if not (batch and e == RDFLIB)]
    results = []
    for query in queries:
        runs: dict[str, list[Run]] = {e: [] for e in looped}
        failed: dict[str, str] = {}
        for rep in range(max(plan.runs(target.label, e) for e in looped)):
            for engine in looped[rep % len(looped):] + looped[:rep % len(looped)]:
                if engine in failed or rep >= plan.runs(target.label, engine):
                    continue
                command = ENGINES[engine].command(target, query)
                run = measure(command, target.work / f"{query.stem}.{engine.split()[0]}.out", RUN_LIMIT)
                problem = run.failure()
                if problem is not None:
                    failed[engine] = problem
                runs[engine].append(run)
                _log(f"{target.label} {query.stem} {engine}: {run.wall:.2f} s, {run.peak_mb:.0f} MB"
                     + (f" ({problem})" if problem else ""))
        for engine, done in runs.items():
            rows = _rdflib_rows(done[0]) if engine == RDFLIB else tsv_rows(done[0].stdout)
            results.append(Measured(query.stem, target.label, engine, tuple(r.wall for r in done),
                                    tuple(r.peak_mb for r in done), None if engine in failed else rows,
                                    failed.get(engine, ""), at_least=done[0].killed))
    if batch:
        results += rdflib_once(target, queries, plan.rdflib_limit)
        notes.append(f"* rdflib on the {target.label} release: one process parsed the release once and ran every "
                     f"query, each stopped after {plan.rdflib_limit} s; a query's wall is that process's start-up "
                     "and parse time plus the query's own time, its peak memory the process's")
    return results, notes


def _rdflib_rows(run: Run) -> int | None:
    lines = [json.loads(line) for line in run.stdout.read_text(encoding="utf-8").splitlines() if line.strip()]
    return next((line["rows"] for line in lines if "rows" in line), None)


def rdflib_once(target: Target, queries: list[Path], limit: int) -> list[Measured]:
    """rdflib on a big release: parsing takes minutes, so one process parses once and runs every query."""
    engine = ENGINES[RDFLIB]
    assert isinstance(engine, Rdflib)
    run = measure(engine.command(target, *queries, limit=limit), target.work / "rdflib-all.out", RUN_LIMIT * 3)
    _log(f"{target.label} rdflib (all queries, one process): {run.wall:.1f} s, {run.peak_mb:.0f} MB")
    lines = [json.loads(line) for line in run.stdout.read_text(encoding="utf-8").splitlines() if line.strip()]
    steps = {line["query"]: line for line in lines if "query" in line}
    parse = next((line["parse"] for line in lines if "parse" in line), None)
    spent = sum(step.get("seconds", step.get("timeout", 0)) for step in steps.values())
    fixed = run.wall - spent  # interpreter start-up, imports, parse
    results = []
    for query in queries:
        step = steps.get(query.stem)
        if step is None:
            problem = run.failure() or "no result"
            results.append(Measured(query.stem, target.label, RDFLIB, (run.wall,), (run.peak_mb,), None,
                                    f"not run ({problem})", at_least=True))
            continue
        own = step.get("seconds", step.get("timeout", 0))
        note = f"one process, parse {parse:.0f} s once" if parse is not None else "one process"
        if "timeout" in step:
            note += f"; stopped at {limit} s"
        results.append(Measured(query.stem, target.label, RDFLIB, (fixed + own,), (run.peak_mb,),
                                step.get("rows"), note, at_least="timeout" in step))
    return results


def releases(labels: list[str], work: Path, size: int) -> list[Target]:
    targets = []
    for label in labels:
        if label == "release":
            if not (ROOT / "build" / "exoc.nt").is_file():
                raise SystemExit(f"{ROOT / 'build'}: no release; run `exo build` first")
            targets.append(Target("release", ROOT, work / "release"))
        else:
            if not (GENERATED / "build" / "manifest.json").is_file():
                _log(f"generating {GENERATED} ({size:,} statements) ...")
                generate(ROOT / "build", GENERATED, size)
            targets.append(Target(label, GENERATED, work / label))
    for target in targets:
        target.work.mkdir(parents=True, exist_ok=True)
    return targets


def _describe(target: Target) -> str:
    manifest = target.root / "build" / "manifest.json"
    if target.label == "release":
        counts = json.loads(manifest.read_text(encoding="utf-8"))["counts"]
        return (f"* release: build/ of this commit, {counts['triples']:,} triples in exoc.nt "
                f"({counts['findings']} findings, {counts['documents']} documents) and their named graphs in exoc.trig")
    counts = json.loads(manifest.read_text(encoding="utf-8"))["counts"]
    return (f"* {target.label}: generated by bench/generate.py (seed 1) from build/: {counts['statements']:,} "
            f"statements loaded = {counts['triples']:,} triples in exoc.nt + {counts['named_graph_quads']:,} "
            f"quads in exoc.trig; {counts['findings']:,} findings in {counts['documents']:,} documents")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", default="release,1M")
    parser.add_argument("--queries", default="", help="comma-separated named queries (default: all)")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--repeat", type=int, default=5, help="runs per engine on the release (rdflib: 3)")
    parser.add_argument("--repeat-1m", type=int, default=3, help="runs per engine on 1M (Jena 1, rdflib once)")
    parser.add_argument("--rdflib-limit", type=int, default=60, help="seconds per rdflib query on 1M")
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        raise SystemExit(f"--engines: unknown {', '.join(unknown)} (known: {', '.join(ENGINES)})")
    plan = Plan({("release", "*"): args.repeat, ("release", RDFLIB): min(3, args.repeat),
                 ("1M", "*"): args.repeat_1m, ("1M", "jena sparql --data"): 1}, args.rdflib_limit)
    tools = {"oxigraph CLI": [str(Path(sys.executable).with_name("oxigraph")), "--version"],
             "Java": ["java", "-version"], "exo": [str(Path(sys.executable).with_name("exo")), "--version"]}
    section = Section(machine.describe(tools), [], [], [])
    with tempfile.TemporaryDirectory(prefix="exo-bench-") as tmp:
        work = Path(tmp)
        queries = write_queries(work / "queries", set(args.queries.split(",")) if args.queries else None)
        for target in releases(args.releases.split(","), work, args.size):
            section.releases.append(_describe(target))
            results, notes = run_release(target, engines, queries, plan)
            section.results += results
            section.engines += [f"* on the {target.label}: " + note[2:] for note in notes]
        section.method = [
            ("* Each named query of ontology/queries/ with its example bindings appended by `named.bind` (a "
            "trailing VALUES clause): every engine runs the same text."),
            ("* Wall: `time.perf_counter()` around the whole process; peak memory: ru_maxrss from `os.wait4` "
            "(the process and the children it waited for), read by bench/launch.py, a small interpreter that "
            f"spawns each command: Linux keeps a peak across exec, so no value is below its {floor(work):.0f} MB."),
            (f"* Runs per engine and query: {args.repeat} on the release (rdflib {min(3, args.repeat)}), "
            f"{args.repeat_1m} on 1M (Jena 1: about 40 s a run; rdflib once); the medians are reported. "
            "The engines' runs interleave, so the machine's load falls on all alike."),
            ("* Untimed set-up: `oxigraph load` of the release, one warm-up `exo query` (builds build/store/ where "
            "the build does not), Jena's class path."),
        ]
    section.extra = ["### Start-up of `exo query`", "", "* " + machine.import_time(["-m", "exo_ontology", "query",
                                                                                  "--help"]),
                     f"* Load average at the end: {machine.load()}"]
    replace_section(args.out, "queries", section.markdown())
    _log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
