"""The W3C SPARQL 1.1 conformance runner: manifests, result readers, comparison and report on tiny suites
written here; the whole suite (marker `conformance`, `make conformance`) from ../shared/w3c/sparql11."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exo_ontology.errors import InputError
from exo_ontology.query.conformance import terms as T
from exo_ontology.query.conformance.__main__ import main
from exo_ontology.query.conformance.compare import compare
from exo_ontology.query.conformance.engines import EMPTY_DATA, CliEngine, LibraryEngine, cli_arguments
from exo_ontology.query.conformance.manifest import W3CTest, read_suite
from exo_ontology.query.conformance.report import render
from exo_ontology.query.conformance.results import READERS, Boolean, Solutions, Triples, read_result_file, row
from exo_ontology.query.conformance.run import ordered, read_known, run_tests

ROOT = Path(__file__).resolve().parents[1]
PREFIXES = """@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix mf: <http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#> .
@prefix qt: <http://www.w3.org/2001/sw/DataAccess/tests/test-query#> .
@prefix dawgt: <http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#> .
"""
XSD_INT = T.XSD + "integer"
SRX_ONE = """<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="s"/><variable name="n"/></head>
<results><result><binding name="s"><uri>http://example/a</uri></binding>
<binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">1</literal></binding></result>
</results></sparql>"""
TINY_MANIFEST = """<> a mf:Manifest ; mf:entries ( :count :named :wrong :bad :upd ) .
:count a mf:QueryEvaluationTest ; dawgt:approval dawgt:Approved ;
    mf:action [ qt:query <count.rq> ; qt:data <data.ttl> ] ; mf:result <count.srx> .
:named a mf:QueryEvaluationTest ;
    mf:action [ qt:query <named.rq> ; qt:graphData <g1.ttl>, <g2.ttl> ] ; mf:result <named.srx> .
:wrong a mf:QueryEvaluationTest ; mf:action [ qt:query <count.rq> ; qt:data <data.ttl> ] ; mf:result <wrong.srx> .
:bad a mf:NegativeSyntaxTest11 ; mf:action <bad.rq> .
:upd a mf:UpdateEvaluationTest ; mf:action [ qt:query <count.rq> ] .
"""


def write_suite(root: Path) -> Path:
    """A suite of one query folder (`tiny`) and one update folder (`upd`, listed only in manifest-all)."""
    tiny = root / "tiny"
    tiny.mkdir(parents=True)
    (root / "upd").mkdir()
    include = "<> a mf:Manifest ; mf:include ( {} ) .\n"
    (root / "manifest-sparql11-query.ttl").write_text(PREFIXES + include.format("<tiny/manifest.ttl>"))
    (root / "manifest-sparql11-results.ttl").write_text(PREFIXES + include.format(""))
    (root / "manifest-all.ttl").write_text(PREFIXES + include.format("<tiny/manifest.ttl> <upd/manifest.ttl>") + """
<http://www.w3.org/TR/sparql11-update/> rdfs:label "SPARQL 1.1 Update" ;
    mf:conformanceRequirement (<upd/manifest.ttl>) .
""")
    (root / "upd" / "manifest.ttl").write_text(PREFIXES + "<> a mf:Manifest ; mf:entries ( <#u1> <#u2> ) .\n")
    (tiny / "manifest.ttl").write_text(PREFIXES + "@prefix : <http://example/tiny/manifest#> .\n" + TINY_MANIFEST)
    (tiny / "data.ttl").write_text("<http://example/a> <http://example/p> 1 .\n")
    (tiny / "g1.ttl").write_text("<http://example/a> <http://example/p> 1 .\n")
    (tiny / "g2.ttl").write_text("<http://example/b> <http://example/p> 2 .\n")
    (tiny / "count.rq").write_text("SELECT ?s ?n WHERE { ?s <http://example/p> ?n }")
    (tiny / "count.srx").write_text(SRX_ONE)
    (tiny / "wrong.srx").write_text(SRX_ONE.replace(">1<", ">2<"))
    (tiny / "named.rq").write_text("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    (tiny / "named.srx").write_text("""<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="g"/></head><results>
<result><binding name="g"><uri>g2.ttl</uri></binding></result>
<result><binding name="g"><uri>g1.ttl</uri></binding></result></results></sparql>""".replace(
        "g2.ttl", (tiny / "g2.ttl").as_uri()).replace("g1.ttl<", (tiny / "g1.ttl").as_uri() + "<"))
    (tiny / "bad.rq").write_text("SELECT ?s WHERE { ?s ?p }")
    return root


def test_manifest_reader_gives_files_graph_names_kinds_and_what_is_not_run(tmp_path: Path) -> None:
    suite = read_suite(write_suite(tmp_path / "suite"))
    tiny = tmp_path / "suite" / "tiny"
    by_short = {t.short: t for t in suite.tests}
    assert list(by_short) == ["tiny/count", "tiny/named", "tiny/wrong", "tiny/bad"]
    count = by_short["tiny/count"]
    assert count == W3CTest("http://example/tiny/manifest#count", "tiny", tiny / "count.rq", (tiny / "data.ttl",),
                            (), tiny / "count.srx", "QueryEvaluationTest", "Approved")
    # named graphs are named by their file's IRI, resolved against the manifest
    assert by_short["tiny/named"].graph_data == ((( tiny / "g1.ttl").as_uri(), tiny / "g1.ttl"),
                                                 ((tiny / "g2.ttl").as_uri(), tiny / "g2.ttl"))
    assert by_short["tiny/bad"].query == tiny / "bad.rq" and by_short["tiny/bad"].kind == "NegativeSyntaxTest11"
    assert suite.skipped_kinds == (("http://example/tiny/manifest#upd", "UpdateEvaluationTest"),)
    assert [(s.folder, s.entries) for s in suite.skipped] == [("upd", 2)]
    assert "read-only" in suite.skipped[0].reason


def test_manifest_entry_without_action_is_a_located_error(tmp_path: Path) -> None:
    root = write_suite(tmp_path / "suite")
    manifest = root / "tiny" / "manifest.ttl"
    manifest.write_text(manifest.read_text().replace("mf:action <bad.rq>", "mf:name \"no action\""))
    with pytest.raises(InputError, match=r"tiny/manifest.ttl, entry http://example/tiny/manifest#bad: no mf:action"):
        read_suite(root)


def test_the_result_formats_decode_to_the_same_solutions(tmp_path: Path) -> None:
    expected = Solutions(("s", "n"), (row({"s": "<http://example/a>", "n": T.literal("1", XSD_INT)}),))
    json_text = ('{"head":{"vars":["s","n"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://example/a"},'
                 '"n":{"type":"literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"1"}}]}}')
    rdf_text = """@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .
[] a rs:ResultSet ; rs:resultVariable "s", "n" ; rs:solution [ rs:binding [ rs:variable "s" ; rs:value <a> ],
   [ rs:variable "n" ; rs:value 1 ] ] ."""
    assert READERS["xml"](SRX_ONE.encode(), "") == expected
    assert READERS["json"](json_text.encode(), "") == expected
    assert READERS["tsv"](b"?s\t?n\n<http://example/a>\t1\n", "") == expected
    rdf = READERS["ttl"](rdf_text.encode(), "http://example/x")
    assert isinstance(rdf, Solutions) and not rdf.ordered
    assert (set(rdf.variables), rdf.rows) == ({"s", "n"}, expected.rows)
    assert READERS["xml"](b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                          b"<boolean>true</boolean></sparql>", "") == Boolean(True)
    # CSV keeps only the text of a term; an empty cell is unbound
    csv = READERS["csv"](b"s,n\r\nhttp://example/a,1\r\n_:b0,\r\n", "")
    assert csv == Solutions(("s", "n"), (row({"s": '"http://example/a"', "n": '"1"'}), row({"s": "_:b0"})))
    (tmp_path / "r.srj").write_text(json_text)
    assert read_result_file(tmp_path / "r.srj") == expected


def test_tsv_terms_keep_lexical_forms_languages_and_escapes() -> None:
    assert T.parse_tsv_term('"a\\tb\\"c"@EN') == '"a\\tb\\"c"@en'
    assert T.parse_tsv_term('"01"^^<http://www.w3.org/2001/XMLSchema#integer>') == T.literal("01", XSD_INT)
    assert T.parse_tsv_term("1.0E6") == T.literal("1.0E6", T.XSD + "double")
    assert T.parse_tsv_term("-.5") == T.literal("-.5", T.XSD + "decimal")
    assert T.parse_tsv_term('"x"^^<http://www.w3.org/2001/XMLSchema#string>') == '"x"'
    assert T.parse_tsv_term("") is None
    with pytest.raises(ValueError, match="not an RDF term"):
        T.parse_tsv_term("hello")


def rows(*values: dict[str, str]) -> Solutions:
    return Solutions(("x", "y"), tuple(row(v) for v in values))


def test_solutions_match_blank_nodes_one_to_one() -> None:
    expected = rows({"x": "_:a", "y": "_:a"}, {"x": "_:b", "y": "<http://e/1>"})
    assert compare(expected, rows({"x": "_:z", "y": "<http://e/1>"}, {"x": "_:q", "y": "_:q"})) is None
    # _:a twice in one row cannot become two different blank nodes
    assert compare(expected, rows({"x": "_:q", "y": "_:r"}, {"x": "_:z", "y": "<http://e/1>"})) is not None
    # two expected blank nodes cannot both map to one answer blank node
    two = rows({"x": "_:a", "y": '"1"'}, {"x": "_:b", "y": '"2"'})
    assert compare(two, rows({"x": "_:c", "y": '"1"'}, {"x": "_:c", "y": '"2"'})) == (
        "rows with blank nodes cannot be matched one-to-one")
    # a blank node is never an IRI
    assert compare(rows({"x": "_:a"}), rows({"x": "<http://e/1>"})) is not None


def test_solutions_are_multisets_unless_order_matters() -> None:
    one, two = {"x": '"1"'}, {"x": '"2"'}
    assert compare(rows(one, one, two), rows(one, two, one)) is None
    assert "expected 3 rows, got 2" in (compare(rows(one, one, two), rows(one, two)) or "")
    assert compare(rows(one, one, two), rows(one, two, two)) is not None
    assert "row 1 differs (ordered)" in (compare(rows(one, two), rows(two, one), ordered=True) or "")
    # an RDF result set without rs:index carries no order to judge
    unordered = Solutions(("x", "y"), (row(two), row(one)), ordered=False)
    assert compare(unordered, rows(one, two), ordered=True) is None
    assert "variables differ" in (compare(rows(one), Solutions(("x",), (row(one),))) or "")


def test_terms_are_compared_as_terms_not_values() -> None:
    assert compare(rows({"x": T.literal("01", XSD_INT)}), rows({"x": T.literal("1", XSD_INT)})) is not None
    assert compare(rows({"x": T.literal("a", lang="EN")}), rows({"x": T.literal("a", lang="en")})) is None
    assert compare(rows({"x": T.literal("a", T.XSD_STRING)}), rows({"x": T.literal("a")})) is None
    assert compare(Boolean(True), Boolean(False)) == "expected True, got False"
    assert compare(Boolean(True), rows()) == "expected a Boolean result, got Solutions"


def test_graphs_compare_by_isomorphism_with_exact_literals() -> None:
    p, dec = "<http://e/p>", T.XSD + "decimal"
    expected = Triples((("_:a", p, "_:b"), ("_:b", p, T.literal("1.0", dec))))
    assert compare(expected, Triples((("_:x", p, "_:y"), ("_:y", p, T.literal("1.0", dec))))) is None
    assert compare(expected, Triples((("_:x", p, "_:y"), ("_:y", p, T.literal("1", dec))))) is not None
    assert "not isomorphic" in (compare(expected, Triples((("_:x", p, "_:x"), ("_:x", p, T.literal("1.0", dec)))))
                                or "")


def test_order_is_judged_only_for_an_outer_order_by() -> None:
    assert ordered("SELECT * { ?s ?p ?o } ORDER BY ?s")
    assert not ordered("SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 2 } }")
    assert not ordered('SELECT * { ?s ?p "} ORDER BY" } # ORDER BY ?s')


def test_known_failures_table_is_checked(tmp_path: Path) -> None:
    known = tmp_path / "known.tsv"
    known.write_text("# why\ntest\treason\nhttp://e/t1\tbecause\nhttp://e/t1\tagain\n")
    with pytest.raises(InputError, match=r"known.tsv line 4: http://e/t1 listed twice"):
        read_known(known)
    known.write_text("test\twhy\n")
    with pytest.raises(InputError, match="line 1: header must be test reason"):
        read_known(known)
    packaged = read_known()
    assert packaged and all(k.startswith("http://www.w3.org/2009/sparql/docs/tests/") for k in packaged)


def test_a_run_judges_results_syntax_and_known_failures(tmp_path: Path) -> None:
    suite = read_suite(write_suite(tmp_path / "suite"))
    known = {"http://example/tiny/manifest#wrong": "expects 2", "http://example/tiny/manifest#count": "stale"}
    run = run_tests(suite.tests, LibraryEngine(), known)
    status = {o.test.short: o.status for o in run.outcomes}
    assert status == {"tiny/count": "unexpected pass", "tiny/named": "pass", "tiny/wrong": "expected failure",
                      "tiny/bad": "pass"}
    assert [o.test.short for o in run.unexpected()] == ["tiny/count"]
    wrong = next(o for o in run.outcomes if o.test.short == "tiny/wrong")
    assert 'missing ?n="2"^^<http://www.w3.org/2001/XMLSchema#integer>' in wrong.reason
    report = render(run, suite)
    assert "| tiny | 4 | 2 | 1 | 0 | 1 |" in report and "| **total** | 4 | 2 | 1 | 0 | 1 |" in report
    assert "* `tiny/wrong` (QueryEvaluationTest): rows differ" in report and "known: expects 2" in report
    assert "| upd | 2 | update: `exo query` is read-only (no SPARQL Update) |" in report
    assert str(tmp_path) not in report
    assert render(run_tests(suite.tests, LibraryEngine(), known, jobs=2), suite) == report


def test_the_command_line_contract_of_a_test(tmp_path: Path) -> None:
    test = next(t for t in read_suite(write_suite(tmp_path / "s")).tests if t.short == "tiny/named")
    g1, g2 = test.graph_data
    assert cli_arguments(test, "xml") == ["query", "--file", str(test.query), "--format", "xml",
                                          "--data", str(EMPTY_DATA),
                                          "--named-graph", f"{g1[0]}={g1[1]}", "--named-graph", f"{g2[0]}={g2[1]}"]
    # no default-graph data is an empty default graph, never the release
    assert READERS["ttl"](EMPTY_DATA.read_bytes(), "") == Triples(())


def test_the_script_writes_the_report_and_fails_on_an_unexpected_outcome(tmp_path: Path) -> None:
    root = write_suite(tmp_path / "suite")
    known = tmp_path / "known.tsv"
    known.write_text("test\treason\nhttp://example/tiny/manifest#wrong\texpects 2\n")
    out = tmp_path / "reports" / "conformance.md"
    assert main(["--suite", str(root), "--out", str(out), "--engine", "library", "--known", str(known)]) == 0
    assert "3 of 4 tests pass; 0 outcomes differ" in out.read_text()
    known.write_text("test\treason\n")
    assert main(["--suite", str(root), "--out", str(out), "--engine", "library", "--known", str(known)]) == 1
    assert main(["--suite", str(tmp_path / "nowhere"), "--out", str(out), "--known", str(known)]) == 2


def w3c_suite() -> Path:
    suite = Path(os.environ.get("EXO_W3C_SUITE", ROOT.parent / "shared" / "w3c" / "sparql11"))
    if not (suite / "manifest-all.ttl").is_file():
        pytest.fail(f"{suite}: no W3C SPARQL 1.1 suite here (set EXO_W3C_SUITE)")
    return suite


#: the committed expectation: tests run from the query and results manifests (known.tsv lists the failures)
EXPECTED_TESTS = 338


@pytest.mark.conformance
def test_w3c_suite_in_process_meets_the_known_failures() -> None:
    suite = read_suite(w3c_suite())
    run = run_tests(suite.tests, LibraryEngine(), read_known())
    assert len(run.outcomes) == EXPECTED_TESTS
    assert [(o.test.short, o.status, o.reason) for o in run.unexpected()] == []


@pytest.mark.conformance
def test_w3c_suite_through_exo_query_meets_the_known_failures(tmp_path: Path) -> None:
    suite_dir = w3c_suite()
    report = Path(os.environ.get("EXO_CONFORMANCE_REPORT", tmp_path / "conformance.md"))
    exo = CliEngine().exo
    assert exo.is_file(), f"{exo}: the exo command is not installed beside this Python"
    code = main(["--suite", str(suite_dir), "--out", str(report), "--engine", "cli", "--jobs", "2"])
    text = report.read_text(encoding="utf-8")
    assert f"of {EXPECTED_TESTS} tests pass" in text
    assert code == 0, text[text.find("## Failures"):][:3000]
