"""`exo query --endpoint`: a writable Oxigraph server (started here on 127.0.0.1, stopped by pid) answers as
the embedded store does, and updates never reach it; endpoint failures are one line, never a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from rdflib.query import Result

from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from tests.stores import Endpoint, StageLog, free_port, oxigraph

UPDATES = ["DROP ALL", "DELETE WHERE { ?s ?p ?o }", "CLEAR DEFAULT"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def exo_query(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "exo_ontology", "query", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def writable(built: tuple[Paths, BuildResult], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    """`oxigraph serve` (updates allowed, so a leaked DROP ALL would show) loaded with the release."""
    work = tmp_path_factory.mktemp("remote")
    with oxigraph(work, built[0].build_dir, StageLog(work / "stages.log"), serve="serve") as endpoint:
        yield endpoint
    assert not Path(f"/proc/{endpoint.pid}").exists()


class _Recorder(BaseHTTPRequestHandler):
    """A fake endpoint: records every request; answers HTML, or nothing for a while."""

    requests: ClassVar[list[str]] = []
    delay = 0.0

    def do_POST(self) -> None:
        _Recorder.requests.append(self.path)
        time.sleep(_Recorder.delay)
        body = b"<html><body>not a SPARQL endpoint</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def fake() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.requests, _Recorder.delay = [], 0.0
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("update", UPDATES)
def test_updates_are_refused_before_anything_is_sent(writable: Endpoint, fake: str, update: str) -> None:
    before = writable.count()
    update_url = writable.url.rsplit("/", 1)[0] + "/update"
    for url in (writable.url, update_url, fake):
        done = exo_query(update, "--endpoint", url)
        assert done.returncode == 2
        assert done.stderr.strip() == "error: exo query is read-only; updates are refused"
    assert _Recorder.requests == []
    assert writable.count() == before > 0


def test_remote_answer_equals_the_embedded_one(built: tuple[Paths, BuildResult], writable: Endpoint) -> None:
    query = ("SELECT ?f ?d WHERE { ?f <https://w3id.org/exoc/EXOC_0000110> ?d } ORDER BY ?f ?d")
    root = str(built[0].root)
    local = exo_query("--root", root, query, "--format", "json", "--bind", "d=MONDO:0007254")
    remote = exo_query(query, "--endpoint", writable.url, "--format", "json", "--bind", "d=MONDO:0007254")
    assert local.returncode == remote.returncode == 0, remote.stderr
    rows = [tuple(r) for r in Result.parse(io.StringIO(remote.stdout), format="json")]
    assert rows and rows == [tuple(r) for r in Result.parse(io.StringIO(local.stdout), format="json")]
    graph = exo_query("CONSTRUCT WHERE { ?s a ?o } LIMIT 5", "--endpoint", writable.url, "--format", "nt")
    assert graph.returncode == 0 and len(graph.stdout.splitlines()) == 5


def test_endpoint_failures_are_one_line(fake: str) -> None:
    html = exo_query(COUNT, "--endpoint", fake)
    assert html.returncode == 2 and "not SPARQL results" in html.stderr
    refused = exo_query(COUNT, "--endpoint", f"http://127.0.0.1:{free_port()}/sparql")
    assert refused.returncode == 2 and "cannot reach the endpoint" in refused.stderr
    _Recorder.delay = 5.0
    slow = exo_query(COUNT, "--endpoint", fake, "--timeout", "1")
    assert slow.returncode == 3 and "query timed out after 1 s" in slow.stderr
    for done in (html, refused, slow):
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
