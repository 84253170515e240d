"""Re-align tables that PDF extraction flattened column by column into one Sentence per row.

Shape recognised: a caption line, a run of short column names, then the columns one after
the other: short cells (one or two lines each) for all columns but the last, then the last
column's cells as paragraphs that end in a citation ("... [49]."). The row count comes from the
short cells (their number must be a multiple of the short columns) and is checked against the
last column. Wrapped cells are re-joined; a stray lower-case line inside a paragraph cell is
treated as the overflow of a short cell of the same row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from exo_ontology.model import Sentence
from exo_ontology.reading.cleaning import Vocabulary, from_spans, repair
from exo_ontology.reading.lines import Label, Line
from exo_ontology.reading.sentences import ends_sentence

_CITATION_END = re.compile(r"\[\d+(?:\s*[,;–—-]\s*\d+)*\]\s*\.?$")
_CONTINUATION = re.compile(r"^[a-z][a-z\-]*(?:\s|$|[,;)])")
TABLE_LABEL = re.compile(r"^(Table\s+[0-9IVX]+[A-Za-z]?)\b")
_SHORT_WORDS = 6
_ROLES = (
    ("disease", r"cancer|tumou?r|disease|malignan|carcinoma|indication"),
    ("origin", r"origin|source|cargo|exosom|vesicle|\bevs?\b|molecule|mirna|marker|donor"),
    ("status", r"status|model|study|stage|evidence|setting|system"),
)


@dataclass
class Cell:
    """One table cell: the raw spans of its lines (a wrapped cell has several)."""

    lines: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""

    def add(self, line: Line, label: Label) -> None:
        self.lines.append(line.index)
        self.spans.append((label.start, label.end))
        self.text = f"{self.text} {line.stripped}".strip()


@dataclass
class Table:
    """A rebuilt table: columns[c][r] is the cell of column c in row r."""

    name: str
    caption: Cell
    headers: list[str]
    columns: list[list[Cell]]
    lines: set[int]
    #: rows of short cells only: a row's text is all its cells joined with "; "
    join_row: bool = False

    @property
    def rows(self) -> int:
        return len(self.columns[-1])


def role(header: str) -> str:
    """Context key of a column: disease, origin, status, or the header in snake case."""
    lowered = header.lower()
    for key, pattern in _ROLES:
        if not header.startswith("_") and re.search(pattern, lowered):
            return key
    return re.sub(r"[^a-z0-9]+", "_", lowered).strip("_") or "column"


def _is_header(line: Line, label: Label) -> bool:
    s = line.stripped
    return (label.kind == "text" and 0 < len(s) <= 40 and len(s.split()) <= 4
            and s[0].isupper() and not re.search(r"\d", s) and not ends_sentence(s))


def _is_short(line: Line) -> bool:
    s = line.stripped
    return len(s.split()) <= _SHORT_WORDS and not _CITATION_END.search(s)


def _short_cells(lines: list[Line], labels: list[Label], start: int) -> tuple[list[Cell], int, set[int]]:
    """Cells of the short columns from `start`; returns the cells, the first long line, wraps."""
    cells: list[Cell] = []
    wrapped: set[int] = set()
    i, gap = start, False
    while i < len(lines):
        line, label = lines[i], labels[i]
        if label.kind == "blank":
            gap, i = True, i + 1
            continue
        if label.kind != "text" or not _is_short(line):
            break
        previous = cells[-1] if cells else None
        if previous is not None and (
                previous.text.count("(") > previous.text.count(")")
                or (not gap and _CONTINUATION.match(line.stripped))):
            previous.add(line, label)
            wrapped.add(len(cells) - 1)
        else:
            cell = Cell()
            cell.add(line, label)
            cells.append(cell)
        gap, i = False, i + 1
    return cells, i, wrapped


def _long_cells(lines: list[Line], labels: list[Label], start: int, rows: int
                ) -> tuple[list[Cell], list[tuple[int, int]], int] | None:
    """`rows` paragraph cells ending in a citation; overflow lines as (row, line); last line."""
    cells: list[Cell] = [Cell()]
    overflow: list[tuple[int, int]] = []
    i = start
    while i < len(lines) and len(cells) <= rows:
        line, label = lines[i], labels[i]
        if label.kind == "blank":
            i += 1
            continue
        if label.kind != "text":
            return None
        cell = cells[-1]
        lone = (labels[i - 1].kind == "blank" and i + 1 < len(lines)
                and labels[i + 1].kind == "blank")
        if (cell.lines and lone and len(line.stripped.split()) <= 3
                and line.stripped[0].islower() and not ends_sentence(cell.text)):
            overflow.append((len(cells) - 1, i))
            i += 1
            continue
        cell.add(line, label)
        if _CITATION_END.search(line.stripped):
            if len(cells) == rows:
                return cells, overflow, i
            cells.append(Cell())
        i += 1
    return None


def _regular(column: list[Cell]) -> bool:
    """A column of few distinct values (such as In Vitro / In Vivo) is not a free-text column."""
    return len({cell.text.lower() for cell in column}) <= max(2, len(column) // 3)


def _try_parse(lines: list[Line], labels: list[Label], caption: int, headers: list[int],
               name: str) -> Table | None:
    ncols = len(headers)
    cells, long_start, wrapped = _short_cells(lines, labels, headers[-1] + 1)
    short_cols = ncols - 1
    if short_cols < 1 or not cells or len(cells) % short_cols or len(cells) // short_cols < 2:
        return None
    rows = len(cells) // short_cols
    parsed = _long_cells(lines, labels, long_start, rows)
    if parsed is None:
        return None
    long_cells, overflow, last = parsed
    columns = [cells[c * rows:(c + 1) * rows] for c in range(short_cols)] + [long_cells]
    for row, line_index in overflow:
        candidates = [c for c in range(short_cols - 1, -1, -1) if not _regular(columns[c])]
        with_wraps = [c for c in candidates
                      if any(c * rows <= w < (c + 1) * rows for w in wrapped)]
        target = (with_wraps or candidates or [short_cols - 1])[0]
        columns[target][row].add(lines[line_index], labels[line_index])
    group = labels[caption].group
    caption_lines = [k for k in range(caption + 1) if group >= 0 and labels[k].kind == "caption"
                     and labels[k].group == group] or [caption]
    caption_cell = Cell()
    for k in caption_lines:
        caption_cell.add(lines[k], labels[k])
    match = TABLE_LABEL.match(caption_cell.text)
    return Table(match.group(1) if match else name, caption_cell,
                 [lines[h].stripped for h in headers], columns,
                 set(range(caption_lines[0], last + 1)))


def find_tables(lines: list[Line], labels: list[Label]) -> list[Table]:
    """Every flattened table: a caption line, >= 2 short column names, then the columns."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        line, label = lines[i], labels[i]
        if label.kind not in ("text", "caption") or not (
                ends_sentence(line.stripped) or TABLE_LABEL.match(line.stripped)):
            i += 1
            continue
        headers: list[int] = []
        j = i + 1
        while j < len(lines):
            if labels[j].kind == "blank":
                j += 1
                continue
            if not _is_header(lines[j], labels[j]):
                break
            headers.append(j)
            j += 1
        table = None
        for count in range(len(headers), 1, -1):
            table = _try_parse(lines, labels, i, headers[:count], f"Table {len(tables) + 1}")
            if table is not None:
                break
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = max(table.lines) + 1
    return tables


def table_sentences(doc_id: str, raw: str, table: Table, section: str,
                    vocab: Vocabulary | None = None) -> list[Sentence]:
    """The caption (kind "caption") and one Sentence(kind="table_row") per row; index set later."""
    def clean(cell: Cell) -> str:
        return repair(from_spans(raw, cell.spans), vocab).text

    caption = repair(from_spans(raw, table.caption.spans), vocab)
    out = []
    if caption.text:
        out.append(Sentence(doc_id, 0, caption.text, caption.offsets[0], caption.offsets[-1] + 1,
                            section, "caption", (("table", table.name),), tuple(caption.offsets)))
    keys: list[str] = []
    for header in table.headers:
        key = role(header)
        keys.append(key if key not in keys else role(f"_{header}"))
    context_columns = table.columns if table.join_row else table.columns[:-1]
    for row in range(table.rows):
        if table.join_row:
            spans = [span for column in table.columns for span in column[row].spans]
            text = repair(from_spans(raw, spans, separator="; "), vocab)
        else:
            text = repair(from_spans(raw, table.columns[-1][row].spans), vocab)
        if not text.text:
            continue
        context = [("table", table.name), ("caption", caption.text)]
        context += [(key, clean(column[row]))
                    for key, column in zip(keys, context_columns, strict=False)]
        out.append(Sentence(doc_id, 0, text.text, text.offsets[0], text.offsets[-1] + 1, section,
                            "table_row", tuple(context), tuple(text.offsets)))
    return out
