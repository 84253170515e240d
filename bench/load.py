"""Load benchmark of `exo serve`: concurrent clients run the named queries (bound to their examples) over
the SPARQL protocol for a while; one query past the time limit is sent mid-run and must be cut (503) while
the others go on. Records requests, errors, p50/p99 latency and the server's RSS (workers included) over
time, and writes bench/serve.md. `make bench-serve`; tests/test_serve.py runs a tiny version."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sections import replace_section  # noqa: E402
from exo_ontology.query.named import bind, load_named  # noqa: E402
from exo_ontology.serve.launch import Launched, launch, process_tree_rss_kb  # noqa: E402

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass
class Report:
    clients: int
    seconds: float
    timeout: float
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss: list[tuple[float, int]] = field(default_factory=list)
    slow_status: int | None = None
    slow_seconds: float = 0.0
    served_during_slow: int = 0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0


def get(url: str, accept: str = "application/sparql-results+json", timeout: float = 120) -> int:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


def run_load(served: Launched, queries: list[str], clients: int, seconds: float, timeout: float) -> Report:
    """`clients` threads send queries in turn until `seconds` pass; the slow query goes out at a third."""
    report = Report(clients, seconds, timeout)
    lock = threading.Lock()
    start = time.monotonic()
    end = start + seconds
    slow_window: list[float] = []

    def client(number: int) -> None:
        i = number
        while time.monotonic() < end:
            url = served.url + "/sparql?" + urllib.parse.urlencode({"query": queries[i % len(queries)]})
            began = time.monotonic()
            status = get(url)
            took = time.monotonic() - began
            with lock:
                if status != 200:
                    report.errors.append(f"{status} for query {i % len(queries)}")
                report.latencies.append(took)
                if slow_window and slow_window[0] <= began and (len(slow_window) == 1 or began < slow_window[1]):
                    report.served_during_slow += 1
            i += 1

    def slow() -> None:
        time.sleep(seconds / 3)
        slow_window.append(time.monotonic())
        began = time.monotonic()
        report.slow_status = get(served.url + "/sparql?" + urllib.parse.urlencode({"query": SLOW}))
        report.slow_seconds = time.monotonic() - began
        slow_window.append(time.monotonic())

    def sample() -> None:
        while time.monotonic() < end + 0.5:
            report.rss.append((time.monotonic() - start, process_tree_rss_kb(served.pid)))
            time.sleep(0.5)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    threads += [threading.Thread(target=slow), threading.Thread(target=sample)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return report


def named_queries(root: Path) -> list[str]:
    """Every named query with its parameters bound to their examples."""
    return [bind(q, q.examples()) for q in load_named(root / "ontology" / "queries").values()]


def measure(root: Path, clients: int, seconds: float, timeout: float, workers: int, log: Path) -> Report:
    served = launch(root, log, "--timeout", str(timeout), "--workers", str(workers))
    try:
        return run_load(served, named_queries(root), clients, seconds, timeout)
    finally:
        served.stop()


def markdown(report: Report, workers: int) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True, check=False).stdout.strip() or "unknown"
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    rss = [kb for _, kb in report.rss]
    series = ", ".join(f"{t:.0f}s {kb / 1024:.0f}" for t, kb in report.rss[:: max(1, len(report.rss) // 12)])
    total = len(report.latencies)
    lines = [
        "# `exo serve` under load", "",
        (f"Machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}. "
         f"Date: {dt.date.today().isoformat()}. Commit: {commit}."), "",
        (f"{report.clients} concurrent clients for {report.seconds:g} s on loopback, each sending the named "
         f"queries of `ontology/queries/` (bound to their examples) in turn as GET /sparql, SPARQL JSON results; "
         f"server: `exo serve --workers {workers} --timeout {report.timeout:g}` over the in-memory release."), "",
        "| measure | value |", "|---|---|",
        f"| requests | {total} |",
        f"| errors (non-200) | {len(report.errors)} |",
        f"| requests per second | {total / report.seconds:.0f} |",
        f"| latency p50, ms | {report.percentile(0.50):.1f} |",
        f"| latency p99, ms | {report.percentile(0.99):.1f} |",
        f"| latency mean, ms | {statistics.fmean(report.latencies) * 1000 if total else 0:.1f} |",
        f"| server RSS with workers, MB: first / peak / last | {rss[0] / 1024:.0f} / {max(rss) / 1024:.0f} / "
        f"{rss[-1] / 1024:.0f} |" if rss else "| server RSS | not sampled |",
        f"| query past the time limit: status, seconds | {report.slow_status}, {report.slow_seconds:.1f} |",
        f"| other requests served while it ran | {report.served_during_slow} |",
        "", f"RSS over time (s MB): {series}.", "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--timeout", type=float, default=5, help="the server's --timeout for this run")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "serve.md")
    args = parser.parse_args()
    if not (ROOT / "build" / "exoc.nt").is_file():
        sys.exit("bench/load.py: no release in build/; run `exo build` first")
    with tempfile.TemporaryDirectory() as tmp:
        report = measure(ROOT, args.clients, args.seconds, args.timeout, args.workers, Path(tmp) / "serve.log")
    text = markdown(report, args.workers)
    args.out.write_text(text, encoding="utf-8")
    # the figures also go into the one results file, as a section of their own (a heading level down)
    replace_section(ROOT / "bench" / "results.md", "serve-load", text.replace("# `exo serve`", "## `exo serve`", 1))
    print(text)
    if report.errors or report.slow_status != 503:
        sys.exit(f"bench/load.py: {len(report.errors)} errors; slow query answered {report.slow_status}")


if __name__ == "__main__":
    main()
