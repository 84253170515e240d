"""Run the suite's tests through an engine and judge each against its expected result and the known failures."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from exo_ontology.errors import InputError, located
from exo_ontology.query.conformance.compare import compare
from exo_ontology.query.conformance.engines import EXIT_OK, EXIT_UNUSABLE, Engine
from exo_ontology.query.conformance.manifest import RUN_KINDS, W3CTest
from exo_ontology.query.conformance.results import FORMAT_OF_SUFFIX, READERS, Result, Solutions, read_result_file

KNOWN_FILE = "known.tsv"
KNOWN_COLUMNS = ["test", "reason"]
_NOISE = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|#[^\n]*|<[^>\s]*>')
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    test: W3CTest
    passed: bool
    reason: str = ""       # why it failed (empty when it passed)
    known: str = ""        # the committed reason, when the test is a known failure

    @property
    def status(self) -> str:
        return STATUS[(self.passed, bool(self.known))]


#: (passed, listed as known) -> status; a known failure that passes is flagged so the table is kept true
STATUS = {(True, False): "pass", (False, True): "expected failure",
          (False, False): "FAIL", (True, True): "unexpected pass"}


def read_known(path: Path | None = None) -> dict[str, str]:
    """The committed known failures: test IRI -> why the engine fails it."""
    text = (path.read_text(encoding="utf-8") if path is not None
            else resources.files(__package__).joinpath(KNOWN_FILE).read_text(encoding="utf-8"))
    where = path or KNOWN_FILE
    # numbered as in the file, comment lines included, so an error names the line an editor shows
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line and not line.startswith("#")]
    if not lines or lines[0][1].split("\t") != KNOWN_COLUMNS:
        raise InputError(located(where, f"header must be {' '.join(KNOWN_COLUMNS)}", lines[0][0] if lines else 1))
    known: dict[str, str] = {}
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != 2 or not cells[0].startswith("http") or not cells[1].strip():
            raise InputError(located(where, "expected a test IRI and a reason", number))
        if cells[0] in known:
            raise InputError(located(where, f"{cells[0]} listed twice", number))
        known[cells[0]] = cells[1]
    return known


def ordered(query: str) -> bool:
    """True when the outer query has ORDER BY (one after the last closing brace), so row order is judged."""
    bare = _NOISE.sub(" ", query)
    return _ORDER_BY.search(bare[bare.rfind("}") + 1:]) is not None


def form_format(query: str) -> str:
    """The `--format` a query of unknown result is asked in: Turtle for graphs, else XML results."""
    form = _FORM.search(_NOISE.sub(" ", query))
    return "ttl" if form and form.group(1).upper() in ("CONSTRUCT", "DESCRIBE") else "xml"


def _answer_format(expected: Result, result_file: Path) -> str:
    # a result set given in RDF is asked for in XML: `exo query` writes RDF only for graphs
    fmt = FORMAT_OF_SUFFIX[result_file.suffix]
    if isinstance(expected, Solutions) and fmt in ("ttl", "nt", "rdf"):
        return "xml"
    return "ttl" if fmt == "rdf" else fmt


def _evaluation(test: W3CTest, engine: Engine) -> tuple[bool, str]:
    if test.result is None:
        return False, "the manifest gives no mf:result"
    try:
        expected = read_result_file(test.result)
    except (ValueError, SyntaxError, OSError) as err:
        return False, f"expected result {test.result.name} unreadable ({err})"
    fmt = _answer_format(expected, test.result)
    answer = engine.run(test, fmt)
    if answer.exit_code != EXIT_OK:
        return False, f"exit {answer.exit_code}: {answer.error}"
    try:
        actual = READERS[fmt](answer.output, "")
    except (ValueError, SyntaxError, KeyError, TypeError, AttributeError) as err:  # any malformed answer
        return False, f"answer in {fmt} unreadable ({type(err).__name__}: {err})"
    reason = compare(expected, actual, ordered(test.query.read_text(encoding="utf-8")))
    return reason is None, reason or ""


def _syntax(expect: int) -> Callable[[W3CTest, Engine], tuple[bool, str]]:
    def judge(test: W3CTest, engine: Engine) -> tuple[bool, str]:
        answer = engine.run(test, form_format(test.query.read_text(encoding="utf-8")))
        if answer.exit_code == expect:
            return True, ""
        return False, f"exit {answer.exit_code}, expected {expect}" + (f": {answer.error}" if answer.error else "")

    return judge


#: how each run mode of `manifest.RUN_KINDS` is judged
JUDGES: dict[str, Callable[[W3CTest, Engine], tuple[bool, str]]] = {
    "evaluation": _evaluation, "syntax+": _syntax(EXIT_OK), "syntax-": _syntax(EXIT_UNUSABLE)}


def run_test(test: W3CTest, engine: Engine, known: dict[str, str]) -> Outcome:
    passed, reason = JUDGES[RUN_KINDS[test.kind]](test, engine)
    return Outcome(test, passed, reason, known.get(test.name, ""))


@dataclass(frozen=True)
class Run:
    outcomes: tuple[Outcome, ...]
    engine: str
    seconds: float

    def unexpected(self) -> list[Outcome]:
        """Failures not listed as known, and known failures that now pass: what a change must look at."""
        return [o for o in self.outcomes if o.status in ("FAIL", "unexpected pass")]


def run_tests(tests: tuple[W3CTest, ...], engine: Engine, known: dict[str, str], jobs: int = 1) -> Run:
    """Every test, in manifest order; `jobs` tests at a time (the CLI engine waits on subprocesses)."""
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        outcomes = tuple(pool.map(lambda t: run_test(t, engine, known), tests))
    return Run(outcomes, engine.name, time.perf_counter() - start)
