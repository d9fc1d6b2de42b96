"""Legacy XLS (BIFF) workbooks with xlrd: every sheet, cells as the sheet shows them (xlrd gives each cell's
number format, so dates and percentages come out as ``2021-12-31`` / ``95%``), merged ranges as text in the
top-left cell and empty cells elsewhere.  A password-protected Office file (XLS or an encrypted XLSX, both
OLE2 containers) is reported as such."""
from __future__ import annotations

from pathlib import Path

from .base import Location, Reader, ReaderError, ReadResult
from .numfmt import show

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


class XlsReader(Reader):
    name = "xls"
    suffixes = (".xls",)

    def sniff(self, head: bytes, path) -> bool:
        return head.startswith(OLE_MAGIC)

    def read(self, path) -> ReadResult:
        import xlrd
        data = Path(path).read_bytes()
        if data.startswith(OLE_MAGIC) and _ENCRYPTED in data[:1 << 20]:
            raise ReaderError(path, "password-protected (encrypted) workbook: save it without a password first")
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
        except Exception as exc:  # xlrd.XLRDError, struct errors, CompDocError on truncated files
            reason = str(exc) or type(exc).__name__
            if "encrypt" in reason.lower():
                raise ReaderError(path, "password-protected (encrypted) workbook") from None
            raise ReaderError(path, f"not a readable XLS workbook ({reason})") from None
        result = ReadResult(reader=self.name, suffix=".xls")
        try:
            for index in range(book.nsheets):
                sheet = book.sheet_by_index(index)
                try:
                    read_sheet(book, sheet, result)
                except Exception as exc:
                    result.diagnostics.append(f"sheet {sheet.name}: unreadable ({type(exc).__name__}: {exc})")
        finally:
            book.release_resources()
        return result


def cell_text(book, sheet, r: int, c: int) -> str:
    import xlrd
    cell = sheet.cell(r, c)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    fmt = "General"
    try:
        xf = book.xf_list[cell.xf_index]
        fmt = book.format_map[xf.format_key].format_str or "General"
    except (IndexError, KeyError, TypeError, AttributeError):
        pass
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return show(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode), fmt)
        except (ValueError, OverflowError):
            return show(cell.value, "General")
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return ""
    return show(cell.value, fmt)


def read_sheet(book, sheet, result: ReadResult) -> None:
    before = len(result.lines)
    for r in range(sheet.nrows):
        cells = [cell_text(book, sheet, r, c).strip() for c in range(sheet.ncols)]
        result.add(cells, Location(sheet=sheet.name, row=r + 1, cols=list(range(len(cells)))))
    if len(result.lines) == before:
        result.diagnostics.append(f"sheet {sheet.name}: empty")
