"""Start `exo serve` in a child process on 127.0.0.1, wait until it answers, stop it by its pid: what the
tests and the load benchmark share."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

READY_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class Launched:
    """A running server: its process, its base URL and where its stderr goes."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        """SIGTERM by pid (uvicorn shuts down and ends its workers), SIGKILL if it lingers."""
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def launch(root: Path, log: Path, *options: str) -> Launched:
    """`exo serve --root ROOT OPTIONS` on a free loopback port; returns once `/` answers 200."""
    port = free_port()
    command = [sys.executable, "-m", "exo_ontology", "serve", "--root", str(root), "--host", "127.0.0.1",
               "--port", str(port), *options]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    served = Launched(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exo serve exited with {process.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(served.url + "/", timeout=2) as response:
                if response.status == 200:
                    return served
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    served.stop()
    raise RuntimeError(f"exo serve did not answer within {READY_TIMEOUT:g} s: {log.read_text(errors='replace')}")


def process_tree_rss_kb(pid: int) -> int:
    """VmRSS of a process and all its descendants, in kB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return total
