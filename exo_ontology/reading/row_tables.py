"""Tables that kept their rows (cells separated by tabs or wide gaps) -> the same Table records.

Web-page dumps keep a table's rows but lose its grid: "miR-21<TAB>U87 cells<TAB>M2 polarization".
A run of two or more consecutive lines with the same number of such cells is a table; its
first line is the header when it looks like one, the column with the longest cells carries the
row's text and the others become context.
"""

from __future__ import annotations

import re

from exo_ontology.reading.lines import Label, Line
from exo_ontology.reading.tables import TABLE_LABEL, Cell, Table

_SEPARATOR = re.compile(r"\t+| {3,}")
#: Mean length from which a column holds sentences (the row's text) rather than short values.
_PROSE_CELL = 40


def field_spans(line: Line) -> list[tuple[int, int]]:
    """Raw spans of the cells of a line (separated by tabs or three spaces or more)."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_SEPARATOR.finditer(line.text), None]:
        end = match.start() if match else len(line.text)
        piece = line.text[position:end]
        if piece.strip():
            left = len(piece) - len(piece.lstrip())
            spans.append((line.start + position + left, line.start + position + len(piece.rstrip())))
        position = match.end() if match else end
    return spans


def _is_row(line: Line, label: Label) -> int:
    """Number of cells when the line can be a table row, else 0."""
    if label.kind != "text":
        return 0
    cells = field_spans(line)
    if len(cells) >= 3 or (len(cells) == 2 and "\t" in line.text):
        return len(cells)
    return 0


def _caption_before(lines: list[Line], labels: list[Label], first: int) -> list[int]:
    """Caption lines right above a table: a caption group, or a line starting "Table N"."""
    i = first - 1
    while i >= 0 and labels[i].kind == "blank":
        i -= 1
    if i < 0:
        return []
    if labels[i].kind == "caption" and labels[i].group >= 0:
        return [k for k in range(i + 1) if labels[k].kind == "caption"
                and labels[k].group == labels[i].group]
    return [i] if TABLE_LABEL.match(lines[i].stripped) and labels[i].kind == "text" else []


def _cell(raw_line: Line, span: tuple[int, int]) -> Cell:
    cell = Cell()
    cell.lines.append(raw_line.index)
    cell.spans.append(span)
    cell.text = raw_line.text[span[0] - raw_line.start:span[1] - raw_line.start]
    return cell


def find_row_tables(lines: list[Line], labels: list[Label], numbered: int = 0) -> list[Table]:
    """Every run of >= 2 lines with the same number (>= 2) of tab-separated cells."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        width = _is_row(lines[i], labels[i])
        run = [i]
        while width and run[-1] + 1 < len(lines) and _is_row(lines[run[-1] + 1],
                                                               labels[run[-1] + 1]) == width:
            run.append(run[-1] + 1)
        if not width or len(run) < 2:
            i += 1
            continue
        rows = [[_cell(lines[r], span) for span in field_spans(lines[r])] for r in run]
        header_like = all(not re.search(r"\d", c.text) and len(c.text.split()) <= 5 for c in rows[0])
        headers = [c.text for c in rows[0]] if header_like else [f"column {k + 1}" for k in range(width)]
        body = rows[1:] if header_like else rows
        if not body:
            i = run[-1] + 1
            continue
        columns = [[row[k] for row in body] for k in range(width)]
        text_column = max(range(width), key=lambda k: (sum(len(c.text) for c in columns[k]), k))
        prose = sum(len(c.text) for c in columns[text_column]) >= _PROSE_CELL * len(body)
        order = [k for k in range(width) if k != text_column or not prose]
        order += [text_column] if prose else []
        caption_lines = _caption_before(lines, labels, run[0])
        caption = Cell()
        for k in caption_lines:
            caption.add(lines[k], labels[k])
        match = TABLE_LABEL.match(caption.text)
        name = match.group(1) if match else f"Table {numbered + len(tables) + 1}"
        tables.append(Table(name, caption, [headers[k] for k in order], [columns[k] for k in order],
                            set(run) | set(caption_lines), join_row=not prose))
        i = run[-1] + 1
    return tables
