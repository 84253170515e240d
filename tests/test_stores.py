"""The release in real triple stores: Virtuoso and the Oxigraph server load it and answer every named query
as the embedded engine does.

Each store is started once per session on 127.0.0.1 (tests/stores.py), loaded with exoc.nt and exoc.trig,
queried over HTTP with SPARQLWrapper, and stopped by its pid; the stages are printed (see them with
`pytest -rA tests/test_stores.py`) and written to stores.log in the session's temporary directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.engine import open_release
from exo_ontology.query.named import bind, load_named
from tests.answers import Answer, from_store
from tests.stores import Endpoint, StageLog, listening_addresses, oxigraph, virtuoso

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_named(ROOT / "ontology" / "queries")
STORES = ("virtuoso", "oxigraph")


@pytest.fixture(scope="session")
def release(built: tuple[Paths, BuildResult]) -> Path:
    return built[0].build_dir


@pytest.fixture(scope="session")
def embedded(release: Path) -> ox.Store:
    return open_release(release)


@pytest.fixture(scope="session")
def expected(embedded: ox.Store) -> dict[str, Answer]:
    """Every named query's answer with its examples, on the embedded engine over the same files."""
    return {name: from_store(embedded, bind(q, q.examples())) for name, q in QUERIES.items()}


@pytest.fixture(scope="session")
def stage_log(tmp_path_factory: pytest.TempPathFactory) -> StageLog:
    return StageLog(tmp_path_factory.mktemp("stores") / "stores.log")


@pytest.fixture(scope="session")
def endpoints(release: Path, embedded: ox.Store, stage_log: StageLog,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Endpoint]]:
    """Both stores, started and loaded once; stopped (and their log checked) when the session ends."""
    work = tmp_path_factory.mktemp("store-dbs")
    graphs = tuple(sorted(g.value for g in embedded.named_graphs()))
    with virtuoso(work / "virtuoso", release, graphs, stage_log) as v, oxigraph(work / "oxigraph", release,
                                                                                  stage_log) as o:
        yield {"virtuoso": v, "oxigraph": o}
    for pid in (v.pid, o.pid):
        assert not Path(f"/proc/{pid}").exists(), f"pid {pid} still running after the stores were stopped"


def quads(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


@pytest.mark.parametrize("name", STORES)
def test_store_loaded_the_release(name: str, endpoints: dict[str, Endpoint], embedded: ox.Store,
                                  stage_log: StageLog) -> None:
    endpoint = endpoints[name]
    triples = endpoint.count()
    assert triples == quads(embedded, ox.DefaultGraph()), f"{name}: loaded stage: exoc.nt triple count differs"
    in_graphs = endpoint.count("GRAPH ?g { ?s ?p ?o }")
    graphs = endpoint.count("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert in_graphs == sum(quads(embedded, g) for g in embedded.named_graphs()), \
        f"{name}: loaded stage: exoc.trig quad count differs"
    assert graphs == len(list(embedded.named_graphs()))
    stage_log(f"{name}: loaded ({triples} triples from exoc.nt, {in_graphs} quads in {graphs} named graphs "
              "from exoc.trig)")


@pytest.mark.parametrize("name", STORES)
def test_store_answers_every_named_query_as_the_embedded_engine(
        name: str, endpoints: dict[str, Endpoint], expected: dict[str, Answer], stage_log: StageLog) -> None:
    endpoint = endpoints[name]
    mismatched = []
    for query_name, query in QUERIES.items():
        answer = endpoint.answer(bind(query, query.examples()))
        want = expected[query_name]
        assert want.size() > 0, f"{query_name}: no answer on the embedded engine"
        if answer != want:
            mismatched.append(f"{query_name}: {answer.difference(want)}")
    assert not mismatched, f"{name}: query stage: " + " | ".join(mismatched)
    stage_log(f"{name}: {len(QUERIES)} named queries matched the embedded engine")


def test_stores_listen_on_loopback_only(endpoints: dict[str, Endpoint]) -> None:
    """Virtuoso's ini binds 127.0.0.1 (Debian's default binds every interface); that both stop is checked at
    the fixture's teardown."""
    for endpoint in endpoints.values():
        addresses = listening_addresses(endpoint.pid)
        assert addresses, f"{endpoint.name}: pid {endpoint.pid} listens nowhere"
        assert all(a.startswith("127.0.0.1:") for a in addresses), f"{endpoint.name} listens on {addresses}"
