"""One process measured end to end: wall time around the whole run, peak memory from the kernel's rusage.

The command runs under bench/launch.py, which times it with perf_counter and reads its rusage with
os.wait4 (ru_maxrss, KiB on Linux; it covers the children the command waited for, so a wrapper script is
measured with the program it runs). A time limit kills the launcher's whole process group.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LAUNCHER = Path(__file__).with_name("launch.py")


@dataclass(frozen=True)
class Run:
    """A finished process: wall seconds, peak resident MiB, exit code, and where its output went."""

    wall: float
    peak_mb: float
    returncode: int
    stdout: Path
    stderr: Path
    killed: bool = False

    def failure(self) -> str | None:
        """Why the run does not count (a one-line reason), or None when it succeeded."""
        if self.killed:
            return "stopped by the time limit"
        if self.returncode != 0:
            lines = self.stderr.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            return f"exit {self.returncode}: {lines[-1] if lines else 'no message'}"
        return None


def measure(cmd: list[str], out: Path, timeout: float | None = None) -> Run:
    """Run `cmd` with stdout to `out` (stderr next to it); kill it after `timeout` seconds."""
    err = out.with_suffix(out.suffix + ".err")
    launcher = subprocess.Popen([sys.executable, "-I", "-S", str(LAUNCHER), str(out), str(err), *cmd],
                                stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        report, _ = launcher.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(launcher.pid, signal.SIGKILL)  # the group this launcher leads: it and the command
        launcher.communicate()
        return Run(float(timeout or 0), 0.0, -signal.SIGKILL, out, err, killed=True)
    if launcher.returncode != 0:
        raise SystemExit(f"{LAUNCHER.name} failed for {cmd[0]} (exit {launcher.returncode})")
    got = json.loads(report)
    return Run(got["wall"], got["maxrss_kib"] / 1024, got["exit"], out, err)


@functools.cache
def floor(scratch: Path) -> float:
    """The smallest peak the launcher can report (its own size, inherited across exec), in MiB."""
    return measure(["true"], scratch / "floor.out").peak_mb


def tsv_rows(path: Path) -> int:
    """Result rows of a TSV file with a header line (0 for an empty file).

    SPARQL 1.1 TSV (a `?var` header; newlines in literals escaped) has one line per row; the csv module's
    TSV (a bare header, as `exo query` wrote before W3C formats) quotes a cell that holds a newline, so a
    row can span lines and is counted by parsing.
    """
    text = path.read_text(encoding="utf-8")
    if not text.strip():
        return 0
    if text.startswith("?"):
        return sum(1 for line in text.splitlines() if line.strip()) - 1
    return sum(1 for row in csv.reader(io.StringIO(text), delimiter="\t") if row) - 1
