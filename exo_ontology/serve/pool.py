"""Query workers: processes that each hold a store, so a query past the time limit is cut by ending its
process (a Rust query cannot be interrupted from Python, and a thread cannot be killed) while the other
workers go on serving. A cut or lost worker is replaced in the background."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from exo_ontology.serve.data import DataSource
from exo_ontology.serve.worker import Failure, Job, Outcome, serve_forever

# spawn, not fork: the server process has threads (uvicorn, anyio) that a forked child must not inherit
_CONTEXT = multiprocessing.get_context("spawn")
START_TIMEOUT = 120.0


@dataclass(frozen=True)
class Worker:
    process: BaseProcess
    conn: Connection

    def stop(self) -> None:
        """End this worker by its pid and reap it."""
        if self.process.pid is not None and self.process.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(5)
        self.conn.close()


def start_worker(source: DataSource) -> Worker:
    """A worker process with its store open (blocks until it says ready)."""
    parent, child = _CONTEXT.Pipe()
    process = _CONTEXT.Process(target=serve_forever, args=(child, source), daemon=True, name="exo-serve-worker")
    process.start()
    child.close()
    if not parent.poll(START_TIMEOUT) or parent.recv() != "ready":
        Worker(process, parent).stop()
        raise RuntimeError(f"query worker did not start: {source.describe()}")
    return Worker(process, parent)


async def _readable(conn: Connection, timeout: float) -> None:
    loop = asyncio.get_running_loop()
    ready = loop.create_future()

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_reader(conn.fileno(), wake)
    try:
        await asyncio.wait_for(ready, timeout)
    finally:
        loop.remove_reader(conn.fileno())


class QueryPool:
    """`size` workers; a job waits for an idle one, and gets `timeout` seconds of its time."""

    def __init__(self, source: DataSource, size: int, timeout: float) -> None:
        self.source = source
        self.size = size
        self.timeout = timeout
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
        self._replacing: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        workers = await asyncio.gather(*(asyncio.to_thread(start_worker, self.source) for _ in range(self.size)))
        for worker in workers:
            self._all.add(worker)
            self._idle.put_nowait(worker)

    def pids(self) -> list[int]:
        return sorted(w.process.pid for w in self._all if w.process.pid is not None)

    async def run(self, job: Job) -> Outcome:
        worker = await self._idle.get()
        done = False
        try:
            worker.conn.send(job)
            await _readable(worker.conn, self.timeout)
            outcome: Outcome = await asyncio.to_thread(worker.conn.recv)
            done = True
            return outcome
        except TimeoutError:
            return Failure(503, f"query: cut after {self.timeout:g} s (the server's time limit)")
        except (EOFError, OSError) as err:
            return Failure(500, f"query: the worker was lost ({err})")
        finally:
            # a worker still busy (cut, lost, or its client gone) is ended, never reused
            if done:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def _replace(self, worker: Worker) -> None:
        self._all.discard(worker)
        worker.stop()
        task = asyncio.get_running_loop().create_task(self._add_one())
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)

    async def _add_one(self) -> None:
        worker = await asyncio.to_thread(start_worker, self.source)
        self._all.add(worker)
        self._idle.put_nowait(worker)

    async def close(self) -> None:
        for task in list(self._replacing):
            task.cancel()
        for worker in list(self._all):
            worker.stop()
        self._all.clear()
