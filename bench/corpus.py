"""Benchmark corpora for `make bench-scale`: N abstracts made by varying the 56 paraphrased abstracts of
tests/corpus/ (entities swapped among those of the same type the recogniser finds in the corpus, sentences
shuffled within an abstract), deterministic for a seed. Written as a project to build (sources/*.txt +
manifest.tsv, beside copies of ontology/, shapes/ and the gold set) and as PubMed XML (pubmed.xml,
PubmedArticleSet/PubmedArticle/MedlineCitation) for the literature readers.

    python bench/corpus.py 1000 bench/corpora/1k [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exo_ontology.grounding.recognize import recognize  # noqa: E402
from exo_ontology.model import SourceDoc  # noqa: E402
from exo_ontology.paths import Paths  # noqa: E402
from exo_ontology.pipeline.documents import Reader  # noqa: E402
from exo_ontology.reading import read_document  # noqa: E402

COLUMNS = ("file", "title", "authors", "year", "journal", "doi", "pmid", "pmcid", "licence", "kind")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")
#: made-up PMIDs start here, far above any real one
PMID_BASE = 90_000_000


@dataclass(frozen=True)
class Abstract:
    """A corpus abstract: its title, its body's sentences and its entity mentions by type."""

    name: str
    title: str
    sentences: tuple[str, ...]
    entities: dict[str, tuple[str, ...]]


def _split(raw: str) -> tuple[str, str]:
    """(title, body) of a corpus file: header lines, a blank line, the title, a blank line, the body."""
    blocks = [b.strip() for b in raw.split("\n\n") if b.strip()]
    return blocks[1], " ".join(" ".join(b.split()) for b in blocks[2:])


def load_abstracts(root: Path) -> list[Abstract]:
    """The corpus with each abstract's grounded mentions (text by type), in file order."""
    paths = Paths(root)
    reader = Reader.from_paths(paths)
    out = []
    for path in sorted(paths.corpus_dir.glob("*.txt")):
        title, body = _split(path.read_text(encoding="utf-8"))
        doc = SourceDoc(path.stem, path, title=title)
        sentences = read_document(doc, f"{title}\n\n{body}\n")
        entities: dict[str, set[str]] = {}
        for mentions in recognize(sentences, reader.grounder).values():
            for mention in mentions:
                if mention.best is not None and len(mention.text) > 2:
                    entities.setdefault(mention.type, set()).add(mention.text)
        out.append(Abstract(path.stem, title, tuple(SENTENCE_END.split(body)),
                            {t: tuple(sorted(v)) for t, v in sorted(entities.items())}))
    return out


def _swap(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
                         + r")(?!\w)")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def vary(base: Abstract, pool: dict[str, tuple[str, ...]], rng: random.Random) -> tuple[str, str]:
    """(title, body) of a variant: each entity replaced by one of its type, sentences shuffled."""
    mapping = {text: rng.choice(pool[type_]) for type_, texts in base.entities.items() for text in texts
               if rng.random() < 0.7}
    sentences = list(base.sentences)
    rng.shuffle(sentences)
    return _swap(base.title, mapping), _swap(" ".join(sentences), mapping)


def generate(n: int, out: Path, seed: int = 7, root: Path = ROOT) -> Path:
    """A buildable project of `n` varied abstracts under `out` (replaced), and `out/pubmed.xml`."""
    abstracts = load_abstracts(root)
    pool: dict[str, set[str]] = {}
    for abstract in abstracts:
        for type_, texts in abstract.entities.items():
            pool.setdefault(type_, set()).update(texts)
    ordered = {t: tuple(sorted(v)) for t, v in sorted(pool.items())}
    if out.exists():
        shutil.rmtree(out)
    project = out / "project"
    for part in ("ontology", "shapes"):
        shutil.copytree(root / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    # the curation overlays amend the seed documents, which a benchmark corpus does not have
    for name in ("findings.tsv", "citation_lists.tsv"):
        overlay = project / "ontology" / "curation" / name
        if overlay.is_file():
            overlay.write_text(overlay.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    shutil.copytree(root / "tests" / "gold", project / "tests" / "gold")
    shutil.copytree(root / "tests" / "corpus", project / "tests" / "corpus")
    sources = project / "sources"
    sources.mkdir(parents=True)
    rows = ["\t".join(COLUMNS)]
    articles = ET.Element("PubmedArticleSet")
    for i in range(n):
        base = abstracts[i % len(abstracts)]
        title, body = vary(base, ordered, random.Random(seed * 1_000_003 + i))
        name = f"{i:06d}_{base.name}.txt"
        (sources / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        pmid = str(PMID_BASE + i)
        rows.append(f"{name}\t{title}\tBench A\t2024\tBench J\t\t{pmid}\t\tCC BY 4.0\tabstract")
        citation = ET.SubElement(ET.SubElement(articles, "PubmedArticle"), "MedlineCitation")
        ET.SubElement(citation, "PMID").text = pmid
        article = ET.SubElement(citation, "Article")
        ET.SubElement(article, "ArticleTitle").text = title
        ET.SubElement(ET.SubElement(article, "Abstract"), "AbstractText").text = body
    (sources / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ET.indent(articles)
    (out / "pubmed.xml").write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(articles, "utf-8")
                                     + b"\n")
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.n, args.out, args.seed))


if __name__ == "__main__":
    main()
