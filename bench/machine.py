"""What the results were measured on: CPU, cores, RAM, load, date, commit and tool versions; import time."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _first(cmd: list[str]) -> str:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    except OSError as err:
        return f"unavailable ({err.strerror})"
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text else "unknown"


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _ram_gib() -> float:
    match = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(encoding="utf-8"))
    return int(match[1]) / 1024 / 1024 if match else 0.0


def commit() -> str:
    head = _first(["git", "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True, check=False, cwd=ROOT).stdout.strip()
    return f"{head}{' (with uncommitted changes)' if dirty else ''}"


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def describe(tools: dict[str, list[str]]) -> list[str]:
    """Markdown bullet lines: the machine, the date, the commit and each tool's version line."""
    import pyoxigraph
    import rdflib

    lines = [(f"* Machine: {_cpu_model()}, {os.cpu_count()} cores, {_ram_gib():.1f} GiB RAM, "
             f"{platform.system()} {platform.release()}; load average at the start {load()} "
             "(the machine was shared with other jobs)"),
             f"* Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; commit {commit()}",
             (f"* Python {platform.python_version()}, rdflib {rdflib.__version__}, "
             f"pyoxigraph {pyoxigraph.__version__}")]
    lines += [f"* {name}: {_first(cmd)}" for name, cmd in tools.items()]
    return lines


def import_time(args: list[str]) -> str:
    """`python -X importtime` of a command: total import time and whether heavy libraries came in."""
    done = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    total, top = 0, set()
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+\d+ \|(\s*)(\S+)", line)
        if match:
            total += int(match[1])
            top.add(match[3].split(".")[0])
    heavy = [name for name in ("rdflib", "rich", "curies", "owlready2", "SPARQLWrapper") if name in top]
    return (f"`python -X importtime {' '.join(args)}`: {total / 1000:.0f} ms of imports (sum of self times); "
            f"heavy libraries imported: {', '.join(heavy) or 'none'}")
