"""The Markdown report of a run: pass counts by folder, every failure with its reason, what was not run.

Deterministic for the same outcomes (no times, no absolute paths), so a committed copy diffs cleanly.
"""

from __future__ import annotations

from collections import Counter

from exo_ontology.query.conformance.manifest import Suite
from exo_ontology.query.conformance.run import Outcome, Run

COLUMNS = ("pass", "expected failure", "FAIL", "unexpected pass")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def folder_table(outcomes: tuple[Outcome, ...]) -> list[str]:
    """One row per folder (manifest order) and a total: tests, then the count of each status."""
    folders = list(dict.fromkeys(o.test.folder for o in outcomes))
    counts = {f: Counter(o.status for o in outcomes if o.test.folder == f) for f in folders}
    lines = ["| folder | tests | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 2) + "|"]
    for folder in [*folders, "**total**"]:
        count = counts.get(folder) or Counter(o.status for o in outcomes)
        lines.append(f"| {folder} | {sum(count.values())} | " + " | ".join(str(count[c]) for c in COLUMNS) + " |")
    return lines


def _listing(title: str, outcomes: list[Outcome], with_known: bool, root: str) -> list[str]:
    if not outcomes:
        return []
    lines = ["", f"## {title} ({len(outcomes)})", ""]
    for o in outcomes:
        # the suite's own IRIs are shown relative to it, so the report does not depend on where it lies
        reason = o.reason.replace(root, "") if root else o.reason
        line = f"* `{o.test.short}` ({o.test.kind}): {_cell(reason) or 'passed'}"
        lines.append(line + (f" — known: {_cell(o.known)}" if with_known else ""))
    return lines


def render(run: Run, suite: Suite) -> str:
    """The whole report."""
    passed = sum(o.status in ("pass", "unexpected pass") for o in run.outcomes)
    summary = (f"Engine: {run.engine}. {passed} of {len(run.outcomes)} tests pass; "
               f"{len(run.unexpected())} outcomes differ from `known.tsv`.")
    lines = ["# W3C SPARQL 1.1 test suite", "", summary, "", *folder_table(run.outcomes)]
    by_status = {s: [o for o in run.outcomes if o.status == s] for s in COLUMNS}
    lines += _listing("Failures", by_status["FAIL"], with_known=False, root=suite.root_iri)
    lines += _listing("Known failures that now pass (remove them from known.tsv)", by_status["unexpected pass"],
                      with_known=True, root=suite.root_iri)
    lines += _listing("Expected failures", by_status["expected failure"], with_known=True, root=suite.root_iri)
    lines += ["", "## Not run", "", "| folder | entries | why |", "|---|---|---|"]
    lines += [f"| {s.folder} | {s.entries} | {_cell(s.reason)} |" for s in suite.skipped]
    kinds = Counter(kind for _, kind in suite.skipped_kinds)
    lines += [f"| (entries of the folders above) | {n} | {kind}: not a query-evaluation or syntax test |"
              for kind, n in sorted(kinds.items())]
    return "\n".join(lines) + "\n"
