"""The validation report: rows of (Level, Rule, Subject, Property, Value), as ROBOT report writes them."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

LEVELS = ("ERROR", "WARN", "INFO")
COLUMNS = ("Level", "Rule", "Subject", "Property", "Value")


@dataclass(frozen=True, order=True)
class Problem:
    """One row of the report. Only ERROR rows make a release invalid."""

    level: str
    rule: str
    subject: str
    property: str = ""
    value: str = ""

    def as_row(self) -> tuple[str, str, str, str, str]:
        return (self.level, self.rule, self.subject, self.property, self.value)


@dataclass
class Report:
    """All problems found by every check, and which checks ran."""

    problems: list[Problem] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "ERROR"]

    @property
    def conforms(self) -> bool:
        return not self.errors

    def extend(self, check: str, problems: list[Problem]) -> None:
        self.checks.append(check)
        self.problems.extend(problems)

    def sorted_problems(self) -> list[Problem]:
        order = {level: i for i, level in enumerate(LEVELS)}
        return sorted(set(self.problems), key=lambda p: (order.get(p.level, 9), p.rule, p.subject,
                                                         p.property, p.value))

    def to_tsv(self) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for problem in self.sorted_problems():
            writer.writerow([cell.replace("\t", " ").replace("\n", " ") for cell in problem.as_row()])
        return buf.getvalue()

    @classmethod
    def read(cls, path: Path) -> Report:
        """A report written by `write` (the checks that ran are not in the file)."""
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
        return cls([Problem(*row) for row in rows[1:] if len(row) == len(COLUMNS)])

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_tsv(), encoding="utf-8")
        return path
