"""SHACL over a release too large for one rdflib graph: the shapes target findings, evidence and
documents, and each of those (with the nodes its constraints reach) lies within one document's named
graph, so the release is checked shard by shard (a batch of documents at a time) plus the TBox once,
giving the rows a whole-graph run gives. Shards run in parallel in a process pool when asked."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import groupby, islice
from pathlib import Path

from rdflib import Graph

from exo_ontology.validation.report import Problem
from exo_ontology.validation.shacl import load_shapes, run_shacl

#: documents per shard: large enough to amortise pySHACL's set-up, small enough to stay small
SHARD_DOCUMENTS = 500

_SHAPES: dict[str, Graph] = {}


def shard_texts(sorted_quads: Path, size: int = SHARD_DOCUMENTS) -> Iterator[str]:
    """N-Triples of `size` documents at a time, read from a sorted `graph<TAB>triple` file."""
    with sorted_quads.open(encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t", 1) for line in handle)
        groups = groupby(rows, key=lambda row: row[0])
        while True:
            # each group is read before the next is taken (groupby's groups share one iterator)
            batch = ["".join(line + "\n" for _, line in group) for _, group in islice(groups, size)]
            if not batch:
                return
            yield "".join(batch)


def _check(ntriples: str, shapes_dir: str) -> list[Problem]:
    """One shard in a pool worker (the shapes parsed once per worker)."""
    if shapes_dir not in _SHAPES:
        _SHAPES[shapes_dir] = load_shapes(Path(shapes_dir))
    return run_shacl(Graph().parse(data=ntriples, format="nt"), _SHAPES[shapes_dir])


def run_shacl_sharded(tbox: Graph, sorted_quads: Path, shapes_dir: Path, size: int = SHARD_DOCUMENTS,
                      workers: int = 1) -> list[Problem]:
    """The SHACL rows of the TBox and of every shard of documents, shards in `workers` processes."""
    problems = run_shacl(tbox, load_shapes(shapes_dir))
    texts = shard_texts(sorted_quads, size)
    first = next(texts, None)
    if first is None:
        return problems
    second = next(texts, None)
    if second is None or workers <= 1:
        for text in (first, *(() if second is None else (second,)), *texts):
            problems.extend(_check(text, str(shapes_dir)))
        return problems
    # forked (Linux's default): spawned workers would re-import the caller's main module, which breaks
    # scripts without a `__main__` guard; a fork shares the parent's pages until they are written
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # at most two shards per worker in flight, so the texts are never all in memory
        pending = [pool.submit(_check, text, str(shapes_dir)) for text in (first, second)]
        for text in texts:
            if len(pending) >= 2 * workers:
                problems.extend(pending.pop(0).result())
            pending.append(pool.submit(_check, text, str(shapes_dir)))
        for future in pending:
            problems.extend(future.result())
    return problems
