"""The rdflib side of the query benchmark: parse a release with rdflib, run SPARQL files with rdflib.

Prints one JSON line per step on stdout: `{"parse": s}`, then per query
`{"query": name, "seconds": s, "rows": n}` or `{"query": name, "timeout": limit}`. With many query files the
release is parsed once (the 1M release takes minutes to parse); each query is stopped after --limit seconds
by SIGALRM, which interrupts rdflib's pure-Python evaluation.

    python bench/rdflib_query.py --limit 60 build/exoc.nt build/exoc.trig Q1.rq [Q2.rq ...]
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import cast

import rdflib
from rdflib.query import ResultRow


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _Timeout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="seconds per query (0: none)")
    parser.add_argument("nt", type=Path)
    parser.add_argument("trig", type=Path)
    parser.add_argument("queries", type=Path, nargs="+")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    dataset = rdflib.Dataset()  # default graph = exoc.nt, one named graph per document, as `exo query` loads
    dataset.parse(args.nt, format="nt")
    dataset.parse(args.trig, format="trig")
    print(json.dumps({"parse": time.perf_counter() - start}), flush=True)
    signal.signal(signal.SIGALRM, _alarm)
    for path in args.queries:
        text = path.read_text(encoding="utf-8")
        begin = time.perf_counter()
        signal.alarm(args.limit)
        try:
            rows = ["\t".join("" if v is None else v.n3() for v in cast(ResultRow, row)) for row in dataset.query(text)]
        except _Timeout:
            print(json.dumps({"query": path.stem, "timeout": args.limit}), flush=True)
            continue
        finally:
            signal.alarm(0)
        print(json.dumps({"query": path.stem, "seconds": time.perf_counter() - begin, "rows": len(rows)}),
              flush=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
