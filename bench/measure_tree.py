"""Run a command and measure it: wall time, CPU time of the whole process tree, and the peak of the tree's
summed resident memory, sampled every `interval` seconds with psutil (Dask workers and Java included)."""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from dataclasses import dataclass

import psutil


@dataclass(frozen=True)
class Measured:
    """What one run cost."""

    command: tuple[str, ...]
    returncode: int
    wall: float
    cpu: float
    peak_rss: int
    stderr: str


def _tree_rss(root: psutil.Process) -> int:
    total = 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:  # a process that ended between listing and reading
            pass
    return total


def measure(command: list[str], interval: float = 0.25, timeout: float = 6 * 3600) -> Measured:
    """Run `command` to its end; CPU is user + system time of every descendant it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                peak = max(peak, _tree_rss(root))
            except psutil.Error:
                return
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate(timeout=timeout)
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(tuple(command), proc.returncode, wall, cpu, peak, err)
