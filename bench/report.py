"""The query benchmark's results as Markdown: the measurements table, then the targets as ratios of medians."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

EXO, OXIGRAPH, JENA, RDFLIB = "exo query", "oxigraph query", "jena sparql --data", "rdflib"


@dataclass(frozen=True)
class Measured:
    """One named query on one release by one engine: every run's wall seconds and peak MiB."""

    query: str
    release: str
    engine: str
    walls: tuple[float, ...]
    peaks: tuple[float, ...]
    rows: int | None
    note: str = ""            # e.g. "stopped at 60 s", "derived from one process that parsed once"
    at_least: bool = False    # the wall is a lower bound (the run was stopped)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak(self) -> float:
        return statistics.median(self.peaks)


@dataclass(frozen=True)
class Goal:
    """`slower / faster >= factor`: e.g. rdflib's wall over exo's at least 50, or exo's over oxigraph's <= 3."""

    release: str
    label: str
    numerator: str
    denominator: str
    bound: float
    at_most: bool  # True: the ratio must be <= bound; False: >= bound


GOALS = (
    Goal("release", "`exo query` within 3× of `oxigraph query`", EXO, OXIGRAPH, 3, True),
    Goal("1M", "`exo query` within 2× of `oxigraph query`", EXO, OXIGRAPH, 2, True),
    Goal("1M", "`exo query` ≥ 50× faster than rdflib", RDFLIB, EXO, 50, False),
    Goal("1M", "`exo query` ≥ 10× faster than Jena `sparql --data`", JENA, EXO, 10, False),
)


@dataclass(frozen=True)
class Verdict:
    ratio: float
    outcome: str  # pass, FAIL, or "undetermined" when a lower bound does not settle it


def verdict(target: Goal, numerator: Measured, denominator: Measured) -> Verdict:
    ratio = numerator.wall / denominator.wall
    if numerator.at_least and not target.at_most and ratio < target.bound:
        return Verdict(ratio, "undetermined (rdflib stopped early)")
    ok = ratio <= target.bound if target.at_most else ratio >= target.bound
    return Verdict(ratio, "pass" if ok else "FAIL")


def measurements_table(results: list[Measured]) -> list[str]:
    lines = ["| named query | release | engine | median wall, s | peak memory, MB | rows | runs | note |",
             "|---|---|---|---:|---:|---:|---:|---|"]
    for r in results:
        wall = f"≥ {r.wall:.2f}" if r.at_least else f"{r.wall:.2f}"
        rows = "" if r.rows is None else str(r.rows)
        lines.append(f"| {r.query} | {r.release} | {r.engine} | {wall} | {r.peak:.0f} | {rows} | "
                     f"{len(r.walls)} | {r.note} |")
    return lines


def ratio_table(results: list[Measured]) -> list[str]:
    """Per target and named query the ratio and its outcome; a target passes when every query does."""
    index = {(r.release, r.engine, r.query): r for r in results}
    queries = sorted({r.query for r in results})
    lines = ["| target | release | named query | ratio | outcome |", "|---|---|---|---:|---|"]
    summary: list[str] = []
    for target in GOALS:
        outcomes: list[str] = []
        for query in queries:
            num = index.get((target.release, target.numerator, query))
            den = index.get((target.release, target.denominator, query))
            if num is None or den is None:
                continue
            got = verdict(target, num, den)
            outcomes.append(got.outcome)
            shown = f"≥ {got.ratio:.2f}" if num.at_least else f"{got.ratio:.2f}"
            lines.append(f"| {target.label} | {target.release} | {query} | {shown}× | {got.outcome} |")
        if not outcomes:
            summary.append(f"* {target.label} on the {target.release}: not measured")
            continue
        passed = outcomes.count("pass")
        overall = "pass" if passed == len(outcomes) else ("FAIL" if "FAIL" in outcomes else "undetermined")
        summary.append(f"* {target.label} on the {target.release}: **{overall}** "
                       f"({passed} of {len(outcomes)} named queries pass)")
    return [*summary, "", *lines]


def row_mismatches(results: list[Measured]) -> list[str]:
    """Named queries whose engines disagree on the number of rows (a benchmark of wrong answers is void)."""
    by_key: dict[tuple[str, str], dict[str, int]] = {}
    for r in results:
        if r.rows is not None:
            by_key.setdefault((r.release, r.query), {})[r.engine] = r.rows
    return [f"* {query} on the {release}: " + ", ".join(f"{e} {n}" for e, n in sorted(counts.items()))
            for (release, query), counts in sorted(by_key.items()) if len(set(counts.values())) > 1]


@dataclass
class Section:
    """Everything the query section of bench/results.md says, rendered by `markdown`."""

    machine: list[str]
    releases: list[str]
    engines: list[str]
    method: list[str]
    results: list[Measured] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        mismatches = row_mismatches(self.results)
        parts = ["## Named queries: `exo query` against oxigraph, Jena and rdflib", "", *self.machine, "",
                 "Releases:", "", *self.releases, "", "Engines:", "", *self.engines, "", "Method:", "",
                 *self.method, "", "### Targets (ratios of medians of this run)", "",
                 *ratio_table(self.results), "", "### Measurements", "", *measurements_table(self.results), "",
                 "### Row counts", ""]
        parts += mismatches or ["Every engine returned the same number of rows for every named query."]
        return "\n".join([*parts, "", *self.extra]).rstrip() + "\n"
