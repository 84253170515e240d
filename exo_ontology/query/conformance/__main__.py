"""`python -m exo_ontology.query.conformance --suite DIR --out FILE`: run the suite, write and print the report.

Exit 0 when every outcome is as committed (passes, and the failures listed in known.tsv), 1 otherwise,
2 when the suite cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exo_ontology.errors import ExoError
from exo_ontology.query.conformance.engines import ENGINES
from exo_ontology.query.conformance.manifest import read_suite
from exo_ontology.query.conformance.report import folder_table, render
from exo_ontology.query.conformance.run import read_known, run_tests


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exo_ontology.query.conformance", description=__doc__)
    parser.add_argument("--suite", type=Path, required=True, help="the sparql11 folder of the W3C tests")
    parser.add_argument("--out", type=Path, required=True, help="the Markdown report to write")
    parser.add_argument("--engine", choices=sorted(ENGINES), default="cli",
                        help="cli: through `exo query` (default); library: pyoxigraph in-process")
    parser.add_argument("--exo", type=Path, default=None, help="the exo executable (default: beside python)")
    parser.add_argument("--jobs", type=int, default=2, help="tests run at a time")
    parser.add_argument("--known", type=Path, default=None, help="known failures TSV (default: the packaged one)")
    args = parser.parse_args(argv)
    try:
        suite = read_suite(args.suite)
        known = read_known(args.known)
    except ExoError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_code
    run = run_tests(suite.tests, ENGINES[args.engine](args.exo), known, jobs=args.jobs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(run, suite), encoding="utf-8")
    print("\n".join(folder_table(run.outcomes)))
    for outcome in run.unexpected():
        print(f"{outcome.status}: {outcome.test.short}: {outcome.reason or 'passed'}")
    print(f"{len(run.outcomes)} tests through {run.engine} in {run.seconds:.1f} s; report: {args.out}")
    return 1 if run.unexpected() else 0


if __name__ == "__main__":
    sys.exit(main())
