"""Check the hand-made gold set: CURIEs exist and are current, quotes are verbatim in their documents.

Run from the repository root:  python tests/gold/check_gold.py [--reference DIR] [--seeds DIR]
Exit status 0 when clean, 1 when a problem was found (each one is printed with file, line and column).
Only the standard library is used, so the check runs without the project installed.
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FINDING_COLUMNS = [
    "id", "doc_id", "quote", "vesicle_type", "source_cell", "cargo", "cargo_type", "target", "direction",
    "effect", "effect_direction", "pathway", "disease", "recipient_cell", "study_type", "application", "note",
]
GROUNDING_COLUMNS = ["doc_id", "text", "type", "curie", "note"]

# Which CURIE shapes each column may hold.  An EXOC pattern names its ID range (see vocabulary.py).
FINDING_RULES: dict[str, tuple[str, ...]] = {
    "vesicle_type": ("GO:", "EXOC:0001"),
    "source_cell": ("CL:",),
    "cargo": ("NCBIGene:", "mirbase.mature:", "mirbase:", "CHEBI:"),
    "cargo_type": ("EXOC:0002",),
    "target": ("NCBIGene:", "mirbase.mature:", "mirbase:"),
    "direction": ("EXOC:0006",),
    "effect": ("GO:", "EXOC:0003"),
    "effect_direction": ("EXOC:0006001", "EXOC:0006002"),
    "pathway": ("GO:",),
    "disease": ("MONDO:",),
    "recipient_cell": ("CL:",),
    "study_type": ("EXOC:0005",),
    "application": ("EXOC:0004",),
}
GROUNDING_RULES: dict[str, tuple[str, ...]] = {
    "disease": ("MONDO:",),
    "gene": ("NCBIGene:",),
    "mirna": ("NCBIGene:", "mirbase.mature:", "mirbase:"),
    "cell": ("CL:",),
    "chemical": ("CHEBI:",),
    "process": ("GO:", "EXOC:0003"),
    "anatomy": ("UBERON:",),
    "taxon": ("NCBITaxon:",),
}
# prefix -> (reference file, id column, obsolete column or None, how a local ID is written in the id column)
TABLES: dict[str, tuple[str, str, str | None, str]] = {
    "MONDO": ("mondo_terms.tsv.gz", "id", "obsolete", "MONDO:{}"),
    "CL": ("cl_terms.tsv.gz", "id", "obsolete", "CL:{}"),
    "GO": ("go_terms.tsv.gz", "id", "obsolete", "GO:{}"),
    "CHEBI": ("chebi_terms.tsv.gz", "id", "obsolete", "CHEBI:{}"),
    "UBERON": ("uberon_terms.tsv.gz", "id", "obsolete", "UBERON:{}"),
    "NCBITaxon": ("ncbitaxon_names.tsv.gz", "id", None, "NCBITaxon:{}"),
    "NCBIGene": ("human_genes.tsv.gz", "ncbi_gene_id", None, "{}"),
    "mirbase.mature": ("mirbase_v22_mature.tsv.gz", "mature_acc", None, "{}"),
    "mirbase": ("mirbase_v22_precursors.tsv.gz", "precursor_acc", None, "{}"),
}
QUOTE_MIN, QUOTE_MAX = 20, 80
# "raw: <form as printed>" in a grounding note; a line break inside the form is written \\n
RAW_FORM = re.compile(r"raw: (.+?)(?= \(|\)|;| ->|$)")


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) so every message can point at the line to fix."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        yield from enumerate(reader, start=2)


def exoc_numbers(vocabulary: Path) -> set[int]:
    """Numbers N of every `NAME = _t(N)` in vocabulary.py: the EXOC terms the code knows by name."""
    numbers: set[int] = set()
    for node in ast.walk(ast.parse(vocabulary.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "_t"
                and node.value.args and isinstance(node.value.args[0], ast.Constant)):
            numbers.add(int(node.value.args[0].value))
    return numbers


def lookup(reference: Path, wanted: dict[str, set[str]]) -> dict[str, str]:
    """Status of each wanted CURIE: 'ok', 'obsolete' or absent.  Streams each table once."""
    status: dict[str, str] = {}
    for prefix, curies in wanted.items():
        filename, id_column, obsolete_column, shape = TABLES[prefix]
        keys = {shape.format(c.split(":", 1)[1]): c for c in curies}
        with gzip.open(reference / filename, "rt", encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                curie = keys.get(row[id_column])
                if curie is not None:
                    obsolete = obsolete_column is not None and row[obsolete_column] == "1"
                    status[curie] = "obsolete" if obsolete else "ok"
    return status


class Checker:
    """Collects problems with their location instead of stopping at the first one."""

    def __init__(self, seeds: Path, exoc: set[int]) -> None:
        self.problems: list[str] = []
        self.curies: dict[str, list[str]] = {}  # CURIE -> locations, resolved at the end
        self.exoc = exoc
        self.texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))}

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def curie_cell(self, where: str, value: str, allowed: tuple[str, ...]) -> None:
        for curie in value.split("|"):
            if not curie.startswith(allowed):
                self.fail(where, f"{curie!r} is not one of {', '.join(allowed)}")
            elif curie.startswith("EXOC:"):
                if not re.fullmatch(r"EXOC:\d{7}", curie) or int(curie[5:]) not in self.exoc:
                    self.fail(where, f"{curie} is not a name in exo_ontology/vocabulary.py")
            else:
                self.curies.setdefault(curie, []).append(where)

    def document(self, where: str, doc_id: str) -> str | None:
        if doc_id not in self.texts:
            self.fail(where, f"doc_id {doc_id!r} is not a file stem in the seeds folder")
            return None
        return self.texts[doc_id]

    def findings(self, path: Path) -> Counter[str]:
        counts: Counter[str] = Counter()
        header = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
        if header != FINDING_COLUMNS:
            self.fail(f"{path} line 1", f"header must be {FINDING_COLUMNS}")
            return counts
        for number, row in read_tsv(path):
            where = f"{path.name} line {number}"
            if row["id"] != f"g{number - 1:03d}":
                self.fail(where, f"id {row['id']!r} should be g{number - 1:03d} (ids run in order)")
            counts[row["doc_id"]] += 1
            text = self.document(where, row["doc_id"])
            quote = row["quote"]
            if not QUOTE_MIN <= len(quote) <= QUOTE_MAX:
                message = f"quote has {len(quote)} characters, keep {QUOTE_MIN}-{QUOTE_MAX}"
                self.fail(f"{where}, column quote", message)
            if text is not None and quote not in text:
                self.fail(f"{where}, column quote", f"{quote!r} is not verbatim in {row['doc_id']}.txt")
            for column, allowed in FINDING_RULES.items():
                if row[column]:
                    counts[f"col:{column}"] += 1
                    self.curie_cell(f"{where}, column {column}", row[column], allowed)
            if row["effect_direction"] and not row["effect"]:
                self.fail(f"{where}, column effect_direction", "a direction needs an effect")
            if row["direction"] and not row["target"]:
                self.fail(f"{where}, column direction", "a direction needs a target")
        return counts

    def groundings(self, path: Path) -> Counter[str]:
        counts: Counter[str] = Counter()
        seen: set[tuple[str, str]] = set()
        header = path.read_text(encoding="utf-8").splitlines()[0].split("\t")
        if header != GROUNDING_COLUMNS:
            self.fail(f"{path} line 1", f"header must be {GROUNDING_COLUMNS}")
            return counts
        for number, row in read_tsv(path):
            where = f"{path.name} line {number}"
            key = (row["doc_id"], row["text"])
            if key in seen:
                self.fail(where, f"{row['text']!r} is listed twice for {row['doc_id']}")
            seen.add(key)
            counts[f"{row['doc_id']}:{row['type']}"] += 1
            if row["type"] not in GROUNDING_RULES:
                message = f"type {row['type']!r} is not one of {sorted(GROUNDING_RULES)}"
                self.fail(f"{where}, column type", message)
                continue
            if row["curie"] != "-":
                self.curie_cell(f"{where}, column curie", row["curie"], GROUNDING_RULES[row["type"]])
            text = self.document(where, row["doc_id"])
            raw_forms = [m.group(1).replace("\\n", "\n") for m in RAW_FORM.finditer(row["note"])]
            if text is not None and row["text"] not in text and not any(f in text for f in raw_forms):
                message = f"{row['text']!r} is not in the document and no 'raw: ...' form in the note is"
                self.fail(f"{where}, column text", message)
        return counts

    def resolve(self, reference: Path) -> None:
        wanted: dict[str, set[str]] = {}
        for curie in self.curies:
            prefix = curie.split(":", 1)[0]
            if prefix not in TABLES:
                self.fail(self.curies[curie][0], f"{curie}: prefix {prefix} has no reference table")
                continue
            wanted.setdefault(prefix, set()).add(curie)
        status = lookup(reference, wanted)
        for curie, places in sorted(self.curies.items()):
            state = status.get(curie)
            if curie.split(":", 1)[0] in TABLES and state != "ok":
                what = "is obsolete" if state == "obsolete" else "does not exist"
                self.fail(places[0], f"{curie} {what} in {reference} (used {len(places)} time(s))")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--vocabulary", type=Path, default=ROOT / "exo_ontology" / "vocabulary.py")
    args = parser.parse_args(argv)
    checker = Checker(args.seeds, exoc_numbers(args.vocabulary))
    f_counts = checker.findings(HERE / "findings.tsv")
    g_counts = checker.groundings(HERE / "groundings.tsv")
    checker.resolve(args.reference)
    print("findings per document:", {k: v for k, v in sorted(f_counts.items()) if not k.startswith("col:")})
    print("filled cells per column:", {k[4:]: v for k, v in sorted(f_counts.items()) if k.startswith("col:")})
    print("groundings per document:type:", dict(sorted(g_counts.items())))
    print(f"distinct CURIEs checked against the reference tables: {len(checker.curies)}")
    for problem in checker.problems:
        print("PROBLEM", problem)
    print(f"{len(checker.problems)} problem(s)")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
