"""reports/quality.md cached under `build.cache/quality/`: the report depends only on the gold set, the
evaluation corpus, the extractor (code and lexicon), the evaluation code, and the release's own findings
and texts of the gold documents, so a build that changes none of those copies the last report instead
of scoring again. An entry that cannot be read is recomputed, never an error."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from exo_ontology.cache_files import read_entry, write_entry
from exo_ontology.evaluation.gold import read_gold
from exo_ontology.evaluation.run import Extract, write_quality_report
from exo_ontology.model import Finding
from exo_ontology.paths import Paths
from exo_ontology.pipeline.documents import Reader
from exo_ontology.pipeline.fingerprint import code_key, digest_files, extraction_key
from exo_ontology.reading import read_manifest


def _gold_ids(paths: Paths) -> set[str]:
    ids: set[str] = set()
    for folder in (paths.gold_dir, paths.gold_dir / "dev", paths.gold_dir / "test"):
        findings, names = read_gold(folder)
        ids |= {g.doc_id for g in findings} | {g.doc_id for g in names}
    return ids


def quality_key(paths: Paths, findings: list[Finding], texts: dict[str, str]) -> str:
    """A hash of everything the quality report is computed from."""
    ids = _gold_ids(paths)
    seeds = read_manifest(paths.manifest)[0] if paths.manifest.is_file() else []
    mine = (sorted(repr(replace(d, path=Path(d.path.name))) for d in seeds if d.doc_id in ids),
            [repr(f) for f in findings if f.doc_id in ids], sorted((d, t) for d, t in texts.items() if d in ids))
    files = [p for root in (paths.gold_dir, paths.corpus_dir) if root.is_dir() for p in root.rglob("*")
             if p.is_file() and "__pycache__" not in p.parts]
    parts = (extraction_key(paths), code_key(("evaluation",)), digest_files(files, paths.root), repr(mine))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def write_quality_report_cached(paths: Paths, reader: Reader, findings: list[Finding], texts: dict[str, str],
                                out: Path, extract: Extract) -> None:
    """`evaluation.run.write_quality_report`, or the last report of the same inputs."""
    folder = paths.root / "build.cache" / "quality"
    entry = folder / f"{quality_key(paths, findings, texts)}.md"
    cached = read_entry(entry)
    if cached is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(cached)
        return
    write_quality_report(paths, reader, findings, texts, out, extract=extract)
    for old in folder.glob("*.md"):  # one report is all a build can reuse
        old.unlink(missing_ok=True)
    write_entry(entry, out.read_bytes())
