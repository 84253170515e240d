"""Extraction as a map over documents, run by Dask: a local cluster of worker processes (one per core by
default) or an existing distributed cluster (`--scheduler ADDRESS`), or in this process for one worker.

Each worker loads the project's Reader once (a module-level cache keyed by the project root; the
grounder's index comes from its on-disk cache) and reads documents in batches. Results come back in
the order of the documents given, whatever order the workers finish in, so a build's output does not
depend on the number of workers. On a distributed cluster the workers must see the project at the
same path (a shared file system).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from exo_ontology.model import SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader
from exo_ontology.pipeline.outcome import DocResult, read_one

#: documents per task: large enough that scheduling costs little, small enough to spread the load
BATCH = 16
#: a build left to choose (`workers` None) starts a cluster only for at least this many documents:
#: below it, starting workers and loading their grounders costs more than it saves
AUTO_MIN_DOCUMENTS = 200
#: even with workers asked for, this few documents (e.g. the one a rebuild adds) are read in this process:
#: a local cluster takes seconds to start and load its grounders, one document a fraction of a second
LOCAL_MAX_DOCUMENTS = 4

_READERS: dict[str, Reader] = {}


@dataclass(frozen=True)
class Engine:
    """Where extraction runs: `workers` local processes (None: every core, when it pays), or the
    Dask scheduler at `scheduler` (e.g. tcp://10.0.0.5:8786)."""

    workers: int | None = None
    scheduler: str | None = None

    def workers_for(self, n_documents: int) -> int:
        """How many local workers to use for this many documents (1: in this process)."""
        if self.workers is not None:
            return max(1, self.workers)
        return (os.cpu_count() or 1) if n_documents >= AUTO_MIN_DOCUMENTS else 1


#: in this process only (the library's default: tests and scripts start no cluster)
SERIAL = Engine(workers=1)
#: every core when there are enough documents to pay for starting the workers (the CLI's default)
AUTO = Engine()


def _reader(root: str) -> Reader:
    """The project's Reader in this (worker) process, loaded on first use."""
    if root not in _READERS:
        _READERS[root] = Reader.from_paths(Paths(Path(root)))
    return _READERS[root]


def read_batch(root: str, docs: Sequence[SourceDoc]) -> list[DocResult]:
    """A Dask task: read and extract a batch of documents with the worker's Reader."""
    reader = _reader(root)
    return [read_one(doc, reader) for doc in docs]


def _batches(docs: Sequence[SourceDoc], size: int) -> list[list[SourceDoc]]:
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


@contextmanager
def dask_client(engine: Engine, workers: int) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster on 127.0.0.1 that is closed afterwards."""
    from distributed import Client, LocalCluster

    if engine.scheduler:
        with Client(engine.scheduler) as client:
            yield client
        return
    # CRITICAL: a worker's heartbeat racing the cluster's shutdown is logged as an ERROR, harmlessly
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            Client(cluster) as client:
        yield client


class DocumentMapper:
    """Maps documents to DocResults for the length of a build: the cluster (if one pays) is started on
    first use and shared by every later map (the release's documents, then the evaluation corpus)."""

    def __init__(self, paths: Paths, engine: Engine, reader: Callable[[], Reader]) -> None:
        self.root = str(Path(paths.root).resolve())
        self.engine = engine
        self.reader = reader
        self._stack = ExitStack()
        self._client: Any = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stack.close()

    def map(self, docs: Sequence[SourceDoc], advance: Callable[[DocResult], None] = lambda _r: None,
            ) -> list[DocResult]:
        """DocResults of `docs`, in their order; `advance` is called once per finished document."""
        if not docs:
            return []
        workers = self.engine.workers_for(len(docs))
        few = len(docs) <= LOCAL_MAX_DOCUMENTS
        if self._client is None and (workers == 1 or few) and not self.engine.scheduler:
            here = self.reader()
            results = []
            for doc in docs:
                results.append(read_one(doc, here))
                advance(results[-1])
            return results
        if self._client is None:
            self._client = self._stack.enter_context(dask_client(self.engine, workers))
        return self._on_cluster(docs, workers, advance)

    def _on_cluster(self, docs: Sequence[SourceDoc], workers: int,
                    advance: Callable[[DocResult], None]) -> list[DocResult]:
        from distributed import as_completed

        by_id: dict[str, DocResult] = {}
        # small batches when there are few documents, so that every worker gets some
        size = max(1, min(BATCH, len(docs) // (workers * 4) or 1))
        futures = [self._client.submit(read_batch, self.root, batch, pure=False)
                   for batch in _batches(docs, size)]
        for future in as_completed(futures):
            for result in future.result():
                by_id[result.doc_id] = result
                advance(result)
            future.release()
        return [by_id[doc.doc_id] for doc in docs]


def map_documents(docs: Sequence[SourceDoc], paths: Paths, engine: Engine, reader: Callable[[], Reader],
                  advance: Callable[[DocResult], None] = lambda _r: None) -> list[DocResult]:
    """DocResults of `docs` in their order, by a mapper of their own (a cluster started and closed)."""
    with DocumentMapper(paths, engine, reader) as mapper:
        return mapper.map(docs, advance)
