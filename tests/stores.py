"""Real triple stores for the suite: Virtuoso Open Source and the Oxigraph server, on 127.0.0.1 only.

Each server gets a throwaway database in a temporary directory and free ports, is loaded with the
release's `exoc.nt` (the merged graph) and `exoc.trig` (one named graph per document), answers
SPARQL over HTTP (SPARQLWrapper), and is stopped by its process id. Every stage is written to
`stores.log` in the directory and printed, so `pytest -rA` (or `-s`) shows it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.answers import Answer, from_json

#: the graph Virtuoso holds exoc.nt in; queries name it as their default graph (Virtuoso's own default
#: graph is the union of all graphs, where each finding would appear twice: from exoc.nt and exoc.trig)
RELEASE_GRAPH = "urn:exoc:release"
RELEASE_FILES = ("exoc.nt", "exoc.trig")
READY_SECONDS = 60.0


@dataclass(frozen=True)
class Endpoint:
    """A running store: where to query it and how to scope queries to the release's dataset."""

    name: str
    url: str
    pid: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def answer(self, query: str) -> Answer:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper

        client = SPARQLWrapper(self.url)
        client.setMethod(POST)  # long queries with a VALUES clause stay out of the URL
        client.setReturnFormat(JSON)
        for graph in self.default_graphs:
            client.addDefaultGraph(graph)
        for graph in self.named_graphs:
            client.addNamedGraph(graph)
        client.setQuery(query)
        data = client.queryAndConvert()
        assert isinstance(data, dict), f"{self.name}: not a JSON answer"
        return from_json(data)

    def count(self, pattern: str = "?s ?p ?o") -> int:
        answer = self.answer(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        assert answer.rows is not None
        ((row, _),) = answer.rows.items()
        assert row[0] is not None
        return int(row[0][1])


class StageLog:
    """One line per stage, to a log file and to stdout."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, line: str) -> None:
        with self.path.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
        print(line, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def executable(name: str, *beside: Path) -> str:
    """The path of a tool (on PATH or next to the given directories); a missing one fails with the reason."""
    for directory in beside:
        if (directory / name).is_file():
            return str(directory / name)
    found = shutil.which(name)
    if found is None:
        raise AssertionError(f"{name} is not installed (make test installs it via .ci/system-deps); "
                             "the store tests need it")
    return found


def wait_until(ready: Callable[[], bool], proc: subprocess.Popen[bytes], what: str, log: Path) -> None:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{what} exited early ({proc.returncode}): {log.read_text(errors='replace')[-800:]}")
        if ready():
            return
        time.sleep(0.25)
    raise AssertionError(f"{what}: not ready in {READY_SECONDS:.0f} s")


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as reply:
            return int(reply.status) == 200
    except OSError:
        return False


def listening_addresses(pid: int) -> list[str]:
    """The host:port pairs a process listens on (Linux /proc; no dependency on ss or netstat)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                host, port = fields[1].split(":")
                address = (socket.inet_ntoa(bytes.fromhex(host)[::-1]) if len(host) == 8
                           else "ipv6:" + host)
                found.append(f"{address}:{int(port, 16)}")
    return found


def stop(proc: subprocess.Popen[bytes], name: str, graceful: Callable[[], None] | None = None) -> None:
    """Stop one process by its pid: a clean shutdown first, then SIGTERM, then SIGKILL."""
    if proc.poll() is None and graceful is not None:
        try:
            graceful()
            proc.wait(timeout=30)
        except (subprocess.SubprocessError, OSError):
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        os.kill(proc.pid, sig)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            continue
    assert proc.poll() is not None, f"{name} (pid {proc.pid}) did not stop"


def query_url(port: int, path: str, query: str) -> str:
    return f"http://127.0.0.1:{port}{path}?{urllib.parse.urlencode({'query': query})}"


# --- Virtuoso ---------------------------------------------------------------------------------------

VIRTUOSO_INI = """[Database]
DatabaseFile = {w}/virtuoso.db
ErrorLogFile = {w}/virtuoso.log
LockFile = {w}/virtuoso.lck
TransactionFile = {w}/virtuoso.trx
xa_persistent_file = {w}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {w}/virtuoso-temp.db
TransactionFile = {w}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {w}/data
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {w}/vsp
ServerThreads = 4
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def isql(sql_port: int, statement: str) -> str:
    """Run SQL through isql-vt (fresh database: the default dba account, reachable on loopback only)."""
    done = subprocess.run([executable("isql-vt"), f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={statement}"],
                          capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise AssertionError(f"isql {statement!r}: {done.stdout[-600:]} {done.stderr[-600:]}")
    return done.stdout


@contextmanager
def virtuoso(work: Path, release: Path, graphs: tuple[str, ...], log: StageLog) -> Iterator[Endpoint]:
    """Virtuoso with exoc.nt bulk-loaded into RELEASE_GRAPH and exoc.trig into one graph per document."""
    binary = executable("virtuoso-t")
    executable("isql-vt")
    (work / "data").mkdir(parents=True)
    (work / "vsp").mkdir()
    for name in RELEASE_FILES:
        shutil.copy2(release / name, work / "data" / name)
    sql, http = free_port(), free_port()
    (work / "virtuoso.ini").write_text(VIRTUOSO_INI.format(w=work, sql=sql, http=http), encoding="utf-8")
    with (work / "stdout.log").open("wb") as out:
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(work / "virtuoso.ini")],
                                stdout=out, stderr=subprocess.STDOUT, cwd=work)
    try:
        endpoint = f"http://127.0.0.1:{http}/sparql"
        wait_until(lambda: http_ok(query_url(http, "/sparql", "ASK {}")), proc, "virtuoso-t", work / "virtuoso.log")
        log(f"virtuoso: started (pid {proc.pid}, sql 127.0.0.1:{sql}, http 127.0.0.1:{http})")
        # The bulk loader reads TriG itself: the graph of each triple is the TriG graph name, and the
        # ld_dir graph argument only applies to triple formats (exoc.nt).
        isql(sql, f"ld_dir('{work}/data', 'exoc.nt', '{RELEASE_GRAPH}'); "
                  f"ld_dir('{work}/data', 'exoc.trig', '{RELEASE_GRAPH}'); rdf_loader_run(); checkpoint;")
        errors = isql(sql, "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
        assert "0 Rows" in errors, f"virtuoso: bulk load reported errors: {errors}"
        yield Endpoint("virtuoso", endpoint, proc.pid, (RELEASE_GRAPH,), graphs)
    finally:
        stop(proc, "virtuoso-t", lambda: _shutdown(sql))
        log(f"virtuoso: stopped (pid {proc.pid}, exit {proc.returncode})")


def _shutdown(sql_port: int) -> None:
    subprocess.run([executable("isql-vt"), f"127.0.0.1:{sql_port}", "dba", "dba", "exec=shutdown;"],
                   capture_output=True, timeout=60, check=False)


# --- Oxigraph server -----------------------------------------------------------------------------------

@contextmanager
def oxigraph(work: Path, release: Path, log: StageLog, serve: str = "serve-read-only") -> Iterator[Endpoint]:
    """`oxigraph serve-read-only` (or `serve`, which takes updates) over a store `oxigraph load` filled with
    exoc.nt (default graph) and exoc.trig."""
    binary = executable("oxigraph", Path(sys.executable).parent)
    location = work / "store"
    location.mkdir(parents=True)
    for name in RELEASE_FILES:
        done = subprocess.run([binary, "load", "--location", str(location), "--file", str(release / name)],
                              capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, f"oxigraph load {name}: {done.stderr[-600:]}"
    port = free_port()
    with (work / "oxigraph.log").open("wb") as out:
        proc = subprocess.Popen([binary, serve, "--location", str(location),
                                 "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: http_ok(query_url(port, "/query", "ASK {}")), proc, "oxigraph", work / "oxigraph.log")
        log(f"oxigraph: started (pid {proc.pid}, http 127.0.0.1:{port})")
        yield Endpoint("oxigraph", f"http://127.0.0.1:{port}/query", proc.pid)
    finally:
        stop(proc, "oxigraph")
        log(f"oxigraph: stopped (pid {proc.pid}, exit {proc.returncode})")
