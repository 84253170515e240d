"""Read and write lexicon TSV files (gzip or plain): header checks, sorted rows, atomic replace."""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from exo_ontology.errors import InputError, MissingInputError, located


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[list[str]]:
    """Rows of a lexicon TSV (gzip or plain) as lists in `columns` order; checks the header.

    Columns are found by name, so a file may carry extra columns. Errors name the file and line.
    """
    if not path.is_file():
        raise MissingInputError(located(path, "lexicon file not found; run `make lexicon`"))
    data = path.read_bytes()
    try:
        text = (gzip.decompress(data) if path.name.endswith(".gz") else data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(located(path, f"unreadable ({exc}); regenerate with `make lexicon`")) from exc
    lines = text.split("\n")
    header = lines[0].split("\t")
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(located(path, f"header lacks columns {missing}; expected {list(columns)}",
                                 line=1))
    width = len(header)
    picks = [header.index(c) for c in columns]
    direct = picks == list(range(len(columns))) and width == len(columns)
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != width:
            raise InputError(located(path, f"{len(cells)} fields, the header has {width}", line=number))
        yield cells if direct else [cells[i] for i in picks]


def write_tsv(path: Path, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]],
              key: Callable[[tuple[str, ...]], Any] | None = None) -> int:
    """Write distinct rows, sorted (by `key`, then the whole row), under a header; gzip (mtime 0)
    when the name ends in .gz. Same rows, same bytes; the file is replaced atomically.
    Returns the number of rows."""
    lines = ["\t".join(columns)]
    ordered = sorted(set(rows)) if key is None else sorted(set(rows), key=lambda r: (key(r), r))
    for row in ordered:
        if len(row) != len(columns) or any("\t" in c or "\n" in c for c in row):
            raise InputError(located(path, f"bad row for columns {list(columns)}: {row!r}"))
        lines.append("\t".join(row))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.name.endswith(".gz"):
        buffer = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
            gz.write(data)
        data = buffer.getvalue()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return len(lines) - 1
