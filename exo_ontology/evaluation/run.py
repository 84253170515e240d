"""Evaluate the machine's findings on the three splits and write the quality report.

* **test**: the blind test split of the corpus (`tests/gold/test/`), never tuned against;
  its figures are what a user can expect on new papers, and `TARGETS` apply to them;
* **development**: the rest of the corpus (`tests/gold/dev/`) and the seed documents (`tests/gold/`);
* **004**: the seed document the first rules were written against, also in the slot-agreement
  measure of earlier releases, to compare with them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exo_ontology.evaluation.claims import ClaimScores, score_claims
from exo_ontology.evaluation.gold import GoldFinding, GoldGrounding, read_gold
from exo_ontology.evaluation.scoring import Scores, score_findings, score_groundings
from exo_ontology.grounding.abbreviations import Abbreviation, document_abbreviations
from exo_ontology.model import Finding, SourceDoc
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader, extract_documents
from exo_ontology.reading import read_document, read_manifest

#: the test split's targets
TARGETS = {"precision": 0.85, "lenient_recall": 0.80, "strict_recall": 0.65, "grounding": 0.95}
GROUNDING_TYPES = ("gene", "mirna", "disease", "cell", "chemical", "process", "anatomy", "taxon")


@dataclass
class Block:
    """The figures of one split."""

    name: str
    claims: ClaimScores
    groundings: dict[str, tuple[int, int, list[str]]]
    per_doc: dict[str, ClaimScores] = field(default_factory=dict)
    legacy: Scores | None = None

    @property
    def grounding_accuracy(self) -> float:
        correct = sum(c for c, _, _ in self.groundings.values())
        total = sum(t for _, t, _ in self.groundings.values())
        return correct / total if total else 0.0


@dataclass
class Evaluation:
    blocks: dict[str, Block]


#: documents -> (findings, texts, problems): extract_documents, or the build's cached extraction
Extract = Callable[[list[SourceDoc]], tuple[list[Finding], dict[str, str], list[str]]]


def corpus_documents(paths: Paths) -> list[SourceDoc]:
    """Every corpus file as a document whose id is its stem."""
    return [SourceDoc(doc_id=p.stem, path=p) for p in sorted(paths.corpus_dir.glob("*.txt"))]


def _abbreviations(docs: list[SourceDoc], texts: dict[str, str], reader: Reader,
                   doc_ids: set[str]) -> dict[str, dict[str, Abbreviation]]:
    sentences = [s for d in docs if d.doc_id in doc_ids and d.doc_id in texts
                 for s in read_document(d, texts[d.doc_id])]
    return document_abbreviations(sentences, reader.grounder)


def _block(name: str, gold: list[GoldFinding], names: list[GoldGrounding], findings: list[Finding],
           texts: dict[str, str], reader: Reader, abbreviations: dict[str, dict[str, Abbreviation]],
           legacy: bool = False) -> Block:
    doc_ids = {g.doc_id for g in gold} | {g.doc_id for g in names}
    mine = [f for f in findings if f.doc_id in doc_ids]
    groundings = score_groundings(reader.grounder, names, abbreviations)
    per_doc = {d: score_claims(mine, [g for g in gold if g.doc_id == d], texts)
               for d in sorted({g.doc_id for g in gold})}
    return Block(name, score_claims(mine, gold, texts), groundings, per_doc,
                 score_findings(mine, gold, texts) if legacy else None)


def evaluate(paths: Paths, reader: Reader, seed_findings: list[Finding] | None = None,
             seed_texts: dict[str, str] | None = None, extract: Extract | None = None) -> Evaluation:
    """Extract the corpus (and the seeds unless given) and score the three splits."""
    def uncached(docs: list[SourceDoc]) -> tuple[list[Finding], dict[str, str], list[str]]:
        return extract_documents(docs, reader, lambda _msg: None)

    extract = extract or uncached
    seeds = read_manifest(paths.manifest)[0] if paths.manifest.is_file() else []
    if seed_findings is None or seed_texts is None:
        seed_findings, seed_texts, _ = extract(seeds)
    corpus = corpus_documents(paths)
    corpus_findings, corpus_texts, _ = extract(corpus)
    findings = [f for f in [*seed_findings, *corpus_findings] if f.knowledge_source == "text_mining"]
    texts = {**seed_texts, **corpus_texts}
    docs = [*seeds, *corpus]
    seed_gold, seed_names = read_gold(paths.gold_dir)
    dev_gold, dev_names = read_gold(paths.gold_dir / "dev")
    test_gold, test_names = read_gold(paths.gold_dir / "test")
    doc004 = [g for g in seed_gold if g.doc_id.startswith("004")]
    names004 = [g for g in seed_names if g.doc_id.startswith("004")]
    # every gold document is read once for its abbreviations, whichever blocks it is scored in
    abbreviations = _abbreviations(docs, texts, reader, {g.doc_id for g in [*seed_names, *dev_names, *test_names]})
    return Evaluation({
        "test": _block("test", test_gold, test_names, findings, texts, reader, abbreviations),
        "development": _block("development", [*dev_gold, *seed_gold], [*dev_names, *seed_names],
                              findings, texts, reader, abbreviations),
        "004": _block("004", doc004, names004, findings, texts, reader, abbreviations, legacy=True),
    })


def write_quality_report(paths: Paths, reader: Reader, findings: list[Finding] | None,
                         texts: dict[str, str] | None, out: Path, extract: Extract | None = None) -> Evaluation:
    """Evaluate the machine's findings (never the curation overlay's) and write the Markdown report;
    the seeds are extracted here when their findings are not given."""
    from exo_ontology.evaluation.report import quality_markdown

    result = evaluate(paths, reader, findings, texts, extract)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(quality_markdown(result), encoding="utf-8")
    return result


def evaluate_project(paths: Paths, out: Path | None = None) -> tuple[Evaluation, Path]:
    """What `exo evaluate` runs: re-extract everything and write build/reports/quality.md."""
    target = out or paths.reports_dir / "quality.md"
    return write_quality_report(paths, Reader.from_paths(paths), None, None, target), target
