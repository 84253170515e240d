"""Named queries (ontology/queries/*.rq): headers, example bindings, and at least one answer on the release."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.plugins.sparql.parser import parseQuery

from exo_ontology.errors import InputError
from exo_ontology.paths import Paths
from exo_ontology.pipeline.build import BuildResult
from exo_ontology.query.engine import open_release, run_query
from exo_ontology.query.named import NamedQuery, bind, load_named, parse_named, parse_term

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load_named(ROOT / "ontology" / "queries")
#: what users ask; each needs a query (a renamed file must be renamed here too)
REQUIRED = {"cargo_by_source_cell", "effects_by_disease", "mirnas_promoting_resistance", "mirna_target_genes",
            "delivery_by_drug", "biomarkers_by_cancer_and_fluid", "findings_with_quotes", "findings_about_gene",
            "findings_under_disease", "sources_finding_counts", "findings_per_graph", "exoc_class_labels"}
GOOD = """# title: T
# description: D
# param: cell — a cell (example: CL:0000134)
PREFIX EXOC: <https://w3id.org/exoc/EXOC_>
SELECT ?cell ?f WHERE { ?f EXOC:0000101 ?cell }
"""


@pytest.fixture(scope="module")
def store(built: tuple[Paths, BuildResult]) -> ox.Store:
    return open_release(built[0].build_dir)


def test_the_set_covers_what_users_ask() -> None:
    assert len(QUERIES) >= 12
    assert REQUIRED <= set(QUERIES)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_and_syntax(name: str) -> None:
    query = QUERIES[name]
    assert query.title and query.description
    assert all(p.doc and p.example for p in query.params)
    text = bind(query, query.examples())
    assert text.startswith(query.text.rstrip())  # bound by appending, never by editing the body
    parseQuery(text)  # a second SPARQL parser (rdflib's) accepts the bound text too
    for line in text.splitlines():
        assert not line.startswith(("PREFIX", "prefix")) or line.split()[1].endswith(":")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_examples_answer_on_the_release(store: ox.Store, name: str) -> None:
    query = QUERIES[name]
    result = run_query(store, bind(query, query.examples()))
    if result.boolean is not None:
        assert result.boolean, f"{name}: ASK is false with its examples"
    else:
        assert result.rows, f"{name}: no row with its examples"
        for param, term in query.examples().items():
            column = result.variables.index(param)
            assert {row[column] for row in result.rows} == {term.value}, f"{name}: {param} not bound"


def test_binding_restricts_the_answer(store: ox.Store) -> None:
    query = QUERIES["findings_under_disease"]
    everything = run_query(store, query.text).rows
    under_cancer = run_query(store, bind(query, query.examples())).rows
    assert 0 < len(under_cancer) < len(everything)


def test_bind_appends_values_and_escapes_literals() -> None:
    query = parse_named(Path("q.rq"), GOOD)
    text = bind(query, {"cell": parse_term('"a \\"quoted\\" } value"')})
    assert text.endswith('VALUES (?cell) { ("a \\"quoted\\" } value") }\n')
    assert bind(query, {}) == query.text


def test_parse_term_forms() -> None:
    assert parse_term("CL:0000134") == ox.NamedNode("http://purl.obolibrary.org/obo/CL_0000134")
    assert parse_term("exoc.source:004_x") == ox.NamedNode("https://w3id.org/exoc/source/004_x")
    assert parse_term("<http://example.org/a>") == ox.NamedNode("http://example.org/a")
    assert parse_term('"serum"') == ox.Literal("serum")
    assert parse_term('"sérum"@fr') == ox.Literal("sérum", language="fr")
    assert parse_term('"3"^^xsd:integer') == ox.Literal("3", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer"))
    with pytest.raises(InputError, match="NOPE:1 is not a CURIE"):
        parse_term("NOPE:1")
    with pytest.raises(InputError, match="neither"):
        parse_term("serum")


def test_unknown_param_is_refused() -> None:
    with pytest.raises(InputError, match="q: no param disease"):
        bind(parse_named(Path("q.rq"), GOOD), {"disease": parse_term("MONDO:0004992")})


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace("# title: T\n", ""), r"bad\.rq: no `# title:` line"),
    (GOOD.replace("# description: D\n", "# description:\n"), r"bad\.rq line 2: `# description:` is empty"),
    (GOOD.replace("(example: CL:0000134)", ""), r"bad\.rq line 3: a param line must read"),
    (GOOD.replace("# title: T", "# titel: T"), r"bad\.rq line 1: unknown header field `# titel:`"),
    (GOOD.replace("param: cell", "param: tissue"), r"bad\.rq: param tissue is not a variable"),
])
def test_bad_header_is_one_line_error_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "bad.rq").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        load_named(tmp_path)
    assert "\n" not in str(err.value)


def test_examples_are_checked_when_parsed() -> None:
    query = NamedQuery("q", "T", "D", parse_named(Path("q.rq"), GOOD.replace("CL:0000134", "NOPE:1")).params, GOOD)
    with pytest.raises(InputError, match="q param cell: NOPE:1"):
        query.examples()
