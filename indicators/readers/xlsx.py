"""XLSX / XLSM workbooks with openpyxl: every worksheet, cached values (not formulas), each cell as the sheet
shows it (number formats: ``95%``, ``2021-12-31``, never ``0.95`` or ``44561``; see :mod:`.numfmt`).  Merged
ranges come out as their text in the top-left cell and empty cells elsewhere, as the table readers expect of a
merged 一级/二级 cell.  Rows are located as ``Sheet!C12``."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .base import Location, Reader, ReaderError, ReadResult
from .numfmt import show

ZIP_MAGIC = b"PK\x03\x04"


def zip_names(path) -> list[str]:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []


class XlsxReader(Reader):
    name = "xlsx"
    suffixes = (".xlsx", ".xlsm")

    def sniff(self, head: bytes, path) -> bool:
        return head.startswith(ZIP_MAGIC) and "xl/workbook.xml" in zip_names(path)

    def read(self, path) -> ReadResult:
        import openpyxl
        try:
            fh = open(path, "rb")   # a file object: openpyxl refuses a path whose suffix is not .xlsx/.xlsm
        except OSError as exc:
            raise ReaderError(path, f"cannot read file: {exc.strerror or exc}") from None
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
            fh.close()
            raise ReaderError(path, f"not a readable XLSX workbook (corrupt or truncated file: {exc})") from None
        except Exception as exc:  # openpyxl raises many kinds on malformed XML
            fh.close()
            raise ReaderError(path, f"not a readable XLSX workbook ({type(exc).__name__}: {exc})") from None
        result = ReadResult(reader=self.name, suffix=Path(path).suffix.lower())
        try:
            for ws in wb.worksheets:
                try:
                    read_sheet(ws, result)
                except Exception as exc:
                    result.diagnostics.append(f"sheet {ws.title}: unreadable ({type(exc).__name__}: {exc})")
        finally:
            wb.close()
            fh.close()
        return result


def read_sheet(ws, result: ReadResult) -> int:
    """Append the sheet's rows to ``result``; returns how many rows had text."""
    before = len(result.lines)
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()   # the stored <dimension> may be wrong (some writers say A1): read every cell
    r = width = 0
    for row in ws.iter_rows(min_row=1, min_col=1):
        r = next((c.row for c in row if getattr(c, "row", None)), r + 1)
        cells: list[str] = []
        for c in row:
            col = getattr(c, "column", None) or len(cells) + 1
            cells.extend([""] * (col - 1 - len(cells)))     # a gap in a sparse row
            cells.append(show(getattr(c, "value", None), getattr(c, "number_format", "General") or "General").strip())
        # (a sheet is a grid: a row that stops short of the widest row above it shows its last columns empty, whether
        # or not the file stores those cells: doc 65's unfilled targets as a sheet; one empty cell says so to add())
        short = len(cells) < width
        width = max(width, len(cells))
        result.add(cells + [""] * short, Location(sheet=ws.title, row=r, cols=list(range(len(cells)))))
    if len(result.lines) == before:
        result.diagnostics.append(f"sheet {ws.title}: empty")
    return len(result.lines) - before
