"""Typed records that flow through jixiao.

file → :class:`Line` (ingest) → :class:`Indicator` / :class:`EmptySlot`
(layouts + grid parser) → :class:`IndicatorList` (exports itself).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Iterable, Iterator

# CSV column order promised to users (issue #2); more columns may follow.
CSV_COLUMNS = [
    "source_file", "source_line", "table_kind", "table_title", "year", "issuer", "project",
    "project_amount_yuan", "block", "level1", "level2", "level3", "level1_raw", "level2_raw",
    "value_raw", "actual_raw", "description",
    # where a record of a PDF / workbook / DOCX is (issue #10): empty for text files
    "source_page", "source_sheet", "source_cell",
]


@dataclass
class Line:
    """One row of cells as the document gives it, with its 1-based source line; ``section``: the workbook sheet it is
    on (a new sheet is a new table, whatever its rows look like)."""
    cells: list[str]
    lineno: int
    section: str = ""

    @property
    def nonempty(self) -> list[tuple[int, str]]:
        return [(i, c) for i, c in enumerate(self.cells) if c and c.strip()]

    @property
    def text(self) -> str:
        return "".join(c for c in self.cells if c)


@dataclass
class Indicator:
    """One concrete 三级指标 with its target value, and where it came from."""
    source_file: str
    source_line: int
    table_kind: str            # project | department | self_eval
    table_title: str
    year: int | None
    issuer: str
    project: str
    project_amount_yuan: float | None
    block: str                 # 长期 | 年度 | ""
    level1: str
    level2: str
    level3: str
    level1_raw: str
    level2_raw: str
    value_raw: str
    actual_raw: str = ""
    description: str = ""
    weight_raw: str = ""
    score_raw: str = ""
    basis_raw: str = ""         # 指标值确定依据
    project_code: str = ""
    project_goal: str = ""
    table_id: int = 0
    source_page: int | None = None   # PDF page (1-based)
    source_sheet: str = ""           # workbook sheet
    source_cell: str = ""            # "Sheet1!C12" (workbook), "table 2, row 5, cell 3" (DOCX, PDF)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class EmptySlot:
    """A 二级指标 row with no 三级指标: a dimension the department left empty."""
    source_file: str
    source_line: int
    table_kind: str
    table_title: str
    project: str
    level1: str
    level2: str
    level2_raw: str
    table_id: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class ParseError:
    """A document (or a part of it) that could not be read; the others still are."""
    source_file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.source_file}:{self.line}" if self.line else self.source_file
        return f"{where}: {self.reason}"


@dataclass
class ParsedDocument:
    source_file: str
    encoding: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    slots: list[EmptySlot] = field(default_factory=list)
    tables: int = 0
    error: ParseError | None = None
    diagnostic: str = ""          # why a readable document gave no records ("" when it gave some)
    reader: str = ""              # which table reader produced the records
    notes: list[str] = field(default_factory=list)   # the format reader's per-page / per-sheet diagnostics
    file_reader: str = ""         # which format reader read the file (text, html, pdf, xlsx, xls, docx)

    @property
    def reason(self) -> str:
        """Why the document gave no records: the read error, else the reader's diagnostic; with records,
        the format reader's notes ("page 3: scanned page, no text layer"), usually ""."""
        if self.error:
            return self.error.reason
        if self.indicators:
            return "; ".join(self.notes)
        return self.diagnostic or "no 绩效 table found"


class IndicatorList:
    """The result of a batch: records of every document plus errors; exports itself."""

    def __init__(self, documents: Iterable[ParsedDocument] = ()):
        self.documents: list[ParsedDocument] = list(documents)

    def __iter__(self) -> Iterator[Indicator]:
        for doc in self.documents:
            yield from doc.indicators

    def __len__(self) -> int:
        return sum(len(d.indicators) for d in self.documents)

    @property
    def slots(self) -> list[EmptySlot]:
        return [s for d in self.documents for s in d.slots]

    @property
    def errors(self) -> list[ParseError]:
        return [d.error for d in self.documents if d.error]

    @property
    def empty_documents(self) -> list[ParseError]:
        """Readable documents that gave no records, each with the reader's reason."""
        return [ParseError(d.source_file, None, f"no records: {d.reason}")
                for d in self.documents if not d.error and not d.indicators]

    def load_report(self):
        """One row per file: records found, or why none (the CLI's and the app's load report)."""
        import pandas as pd
        rows = []
        for d in self.documents:
            status = "error" if d.error else ("records" if d.indicators else "no records")
            rows.append({"source_file": d.source_file, "status": status, "records": len(d.indicators),
                         "tables": d.tables, "reader": d.reader, "line": d.error.line if d.error else None,
                         "reason": d.reason})
        return pd.DataFrame(rows, columns=["source_file", "status", "records", "tables", "reader", "line", "reason"])

    def to_frame(self):
        import pandas as pd
        names = [f.name for f in fields(Indicator)]
        rows = [vars(r) for r in self]  # flat dataclass: vars() is asdict() without the deep copy
        df = pd.DataFrame(rows, columns=names)
        df["source_page"] = df["source_page"].astype("Int64")   # a page number, empty for non-PDF records
        return df[CSV_COLUMNS + [c for c in names if c not in CSV_COLUMNS]]

    def slots_frame(self):
        import pandas as pd
        return pd.DataFrame([s.as_dict() for s in self.slots],
                            columns=[f.name for f in fields(EmptySlot)])

    def summary(self) -> dict:
        projects = {(r.source_file, r.table_kind, r.project) for r in self}
        return {
            "documents": len(self.documents),
            "tables": sum(d.tables for d in self.documents),
            "projects": len(projects),
            "records": len(self),
            "empty_slots": len(self.slots),
            "files_with_errors": len(self.errors),
            "files_without_records": len(self.empty_documents),
        }

    def export(self, path: str | Path, fmt: str | None = None) -> Path:
        from .export import write_frame
        return write_frame(self.to_frame(), path, fmt)
