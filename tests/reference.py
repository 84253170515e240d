"""Expected identifiers for tests, read from ../shared/reference (never typed from memory)."""

from __future__ import annotations

import csv
import gzip
from functools import cache
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


@cache
def table(file: str) -> list[dict[str, str]]:
    """All rows of a reference table (gzip or plain TSV)."""
    path = REFERENCE / file
    opener = gzip.open if file.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def ref(file: str, column: str, value: str, id_column: str = "id", multi: bool = False) -> str:
    """The one ID whose `column` is (or, `multi`, lists) `value` in a reference table."""
    found = {r[id_column] for r in table(file)
             if (value in r[column].split("|") if multi else r[column] == value)}
    assert len(found) == 1, f"{file}: {column}={value!r} gives {found}"
    return found.pop()


def gene(symbol: str) -> str:
    """NCBIGene CURIE of an HGNC symbol."""
    return "NCBIGene:" + ref("human_genes.tsv.gz", "symbol", symbol, "ncbi_gene_id")
