"""SHACL over a release too large for one rdflib graph: the shapes target findings, evidence and
documents, and each of those (with the nodes its constraints reach) lies within one document's named
graph, so the release is checked shard by shard (a batch of documents at a time) plus the TBox once,
giving the rows a whole-graph run gives. Shards run in parallel in a process pool when asked.

Shard boundaries are chosen by content: a document ends a shard when a hash of its graph IRI is
≡ 0 mod the mean shard size, so adding or changing a document changes its own shard only, and with
a ShardCache the other shards' rows are taken from the last run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, groupby
from pathlib import Path

from rdflib import Graph

from exo_ontology.validation.report import Problem
from exo_ontology.validation.shacl import load_shapes, run_shacl
from exo_ontology.validation.shard_cache import ShardCache

#: mean documents per shard: large enough to amortise pySHACL's set-up, small enough that the one
#: shard a rebuild checks again is quick
SHARD_DOCUMENTS = 100

_SHAPES: dict[str, Graph] = {}


def ends_shard(graph_iri: str, size: int) -> bool:
    """Whether the document of this graph closes its shard (the same answer in every build)."""
    return int.from_bytes(hashlib.sha256(graph_iri.encode("utf-8")).digest()[:8], "big") % max(1, size) == 0


def shard_texts(sorted_quads: Path, size: int = SHARD_DOCUMENTS) -> Iterator[str]:
    """N-Triples of the shards of a sorted `graph<TAB>triple` file (`size` documents on average)."""
    with sorted_quads.open(encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t", 1) for line in handle)
        batch: list[str] = []
        for name, group in groupby(rows, key=lambda row: row[0]):
            batch.append("".join(line + "\n" for _, line in group))
            if ends_shard(name, size):
                yield "".join(batch)
                batch = []
        if batch:
            yield "".join(batch)


def _check(ntriples: str, shapes_dir: str) -> list[Problem]:
    """One shard in a pool worker (the shapes parsed once per worker)."""
    if shapes_dir not in _SHAPES:
        _SHAPES[shapes_dir] = load_shapes(Path(shapes_dir))
    return run_shacl(Graph().parse(data=ntriples, format="nt"), _SHAPES[shapes_dir])


def _tbox_rows(tbox: Graph, shapes_dir: Path, cache: ShardCache | None) -> list[Problem]:
    if cache is None:
        return run_shacl(tbox, load_shapes(shapes_dir))
    key = cache.key("tbox\0" + tbox.serialize(format="nt", encoding="utf-8").decode("utf-8"))
    hit = cache.get(key)
    if hit is None:
        hit = run_shacl(tbox, load_shapes(shapes_dir))
        cache.put(key, hit)
    return hit


def _misses(sorted_quads: Path, size: int, cache: ShardCache | None,
            problems: list[Problem]) -> Iterator[tuple[str | None, str]]:
    """The shards to check, read lazily; the cached ones' rows go straight into `problems`."""
    for text in shard_texts(sorted_quads, size):
        key = cache.key(text) if cache else None
        hit = cache.get(key) if cache and key else None
        if hit is None:
            yield key, text
        else:
            problems.extend(hit)


def run_shacl_sharded(tbox: Graph, sorted_quads: Path, shapes_dir: Path, size: int = SHARD_DOCUMENTS,
                      workers: int = 1, cache: ShardCache | None = None) -> list[Problem]:
    """The SHACL rows of the TBox and of every shard of documents, shards in `workers` processes;
    with `cache`, a shard checked before (same triples, shapes and code) is not checked again."""
    problems = _tbox_rows(tbox, shapes_dir, cache)

    def done(key: str | None, rows: list[Problem]) -> None:
        problems.extend(rows)
        if cache and key:
            cache.put(key, rows)

    misses = _misses(sorted_quads, size, cache, problems)
    first = [m for m in (next(misses, None), next(misses, None)) if m is not None]
    if len(first) < 2 or workers <= 1:
        for key, text in chain(first, misses):
            done(key, _check(text, str(shapes_dir)))
    else:
        # forked (Linux's default): spawned workers would re-import the caller's main module, which
        # breaks scripts without a `__main__` guard; a fork shares the parent's pages until written
        with ProcessPoolExecutor(max_workers=workers) as pool:
            # at most two shards per worker in flight, so the texts are never all in memory
            pending: list[tuple[str | None, Future[list[Problem]]]] = []
            for key, text in chain(first, misses):
                if len(pending) >= 2 * workers:
                    done(pending[0][0], pending.pop(0)[1].result())
                pending.append((key, pool.submit(_check, text, str(shapes_dir))))
            for key, future in pending:
                done(key, future.result())
    if cache:
        cache.prune()
    return problems
