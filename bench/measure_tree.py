"""Run a command and measure it: wall time, CPU time of the whole process tree, and the peak of the tree's
summed memory, sampled every `interval` seconds with psutil (Dask workers and Java included).

Two memory figures: the summed RSS, which counts the pages a forked child shares with its parent once per
process (an upper bound), and the summed PSS (proportional set size: a shared page is split among the
processes sharing it), which is what the tree really holds."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

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
    #: peak of the tree's summed PSS (0 where the kernel does not report it)
    peak_pss: int = 0


def _tree_memory(root: psutil.Process) -> tuple[int, int]:
    """(summed RSS, summed PSS) of `root` and its descendants."""
    rss = pss = 0
    for proc in [root, *root.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
        except psutil.Error:  # a process that ended between listing and reading
            continue
        rss += info.rss
        pss += getattr(info, "pss", 0)
    return rss, pss


def measure(command: list[str], interval: float = 0.25, timeout: float = 6 * 3600,
            env: dict[str, str] | None = None, log: Path | None = None) -> Measured:
    """Run `command` to its end; CPU is user + system time of every descendant it waited for. With `log`,
    its standard error is also written there (e.g. a build's step lines)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                rss, pss = _tree_memory(root)
            except psutil.Error:
                return
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate(timeout=timeout)
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if log is not None:
        log.write_text(err, encoding="utf-8")
    return Measured(tuple(command), proc.returncode, wall, cpu, peak[0], err, peak[1])
