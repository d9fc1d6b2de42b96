"""Excel's XML Spreadsheet 2003 (SpreadsheetML): the ``.xls`` files that Java budget systems often export from a
text template (an XML document, neither BIFF nor ZIP).  Recognised by content only (its namespace), so it claims
no suffix of its own: it reads the ``.xls`` (or any named) files that are really SpreadsheetML.

Every ``Worksheet``; a cell's ``ss:Index`` places it, ``ss:MergeAcross`` / ``ss:MergeDown`` span it (text in the
first cell, empty cells in the rest, like the other workbook readers); ``Number`` and ``DateTime`` data are shown
through the cell style's ``NumberFormat`` (:mod:`.numfmt`), so ``0.95`` with ``0%`` is ``95%``."""
from __future__ import annotations

import datetime as dt

from .base import Location, Reader, ReaderError, ReadResult
from .numfmt import show

NS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{%s}" % NS
# Excel's named formats (the Format attribute holds either one of these or a format code)
NAMED_FORMATS = {"General": "General", "General Number": "General", "General Date": "yyyy-mm-dd hh:mm",
                 "Long Date": "yyyy-mm-dd", "Medium Date": "yyyy-mm-dd", "Short Date": "yyyy-mm-dd",
                 "Long Time": "hh:mm:ss", "Medium Time": "hh:mm", "Short Time": "hh:mm", "Currency": "#,##0.00",
                 "Euro Currency": "#,##0.00", "Fixed": "0.00", "Standard": "#,##0.00", "Percent": "0.00%",
                 "Scientific": "0.00E+00", "Yes/No": "General", "True/False": "General", "On/Off": "General"}


class Xml2003Reader(Reader):
    name = "xml2003"
    suffixes = ()

    def sniff(self, head: bytes, path) -> bool:
        sample = head[:8192]
        if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
            sample = sample.replace(b"\x00", b"")
        return NS.encode() in sample and b"<Workbook" in sample

    def read(self, path) -> ReadResult:
        from lxml import etree
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, recover=False)
        try:
            root = etree.parse(str(path), parser).getroot()
        except (etree.XMLSyntaxError, OSError) as exc:
            raise ReaderError(path, f"not a readable XML Spreadsheet 2003 workbook ({exc})") from None
        styles = read_styles(root)
        result = ReadResult(reader=self.name, suffix=".xls")
        for ws in root.iter(_SS + "Worksheet"):
            name = ws.get(_SS + "Name") or f"Sheet{len(result.diagnostics) + 1}"
            before = len(result.lines)
            for table in ws.iter(_SS + "Table"):
                read_table(table, name, styles, result)
            if len(result.lines) == before:
                result.diagnostics.append(f"sheet {name}: empty")
        return result


def read_styles(root) -> dict[str, str]:
    """Style id → number format code (a style without one inherits its ss:Parent's)."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for st in root.iter(_SS + "Style"):
        nf = st.find(_SS + "NumberFormat")
        fmt = nf.get(_SS + "Format") if nf is not None else None
        found[st.get(_SS + "ID")] = (fmt, st.get(_SS + "Parent"))

    def resolve(sid: str | None, depth: int = 0) -> str:
        if sid not in found or depth > 8:
            return "General"
        fmt, parent = found[sid]
        if fmt is None:
            return resolve(parent, depth + 1) if parent else "General"
        return NAMED_FORMATS.get(fmt, fmt)

    return {sid: resolve(sid) for sid in found}


def _value(cell, fmt: str) -> str:
    data = cell.find(_SS + "Data")
    if data is None:
        return ""
    text = "".join(data.itertext())
    kind = data.get(_SS + "Type", "String")
    try:
        if kind == "Number":
            number = float(text)
            return show(int(number) if number.is_integer() and "." not in text else number, fmt)
        if kind == "DateTime":
            return show(dt.datetime.fromisoformat(text.strip()[:19]), fmt)
        if kind == "Boolean":
            return "TRUE" if text.strip() in ("1", "true", "TRUE") else "FALSE"
    except ValueError:
        pass
    return text.replace("\xa0", " ").strip()


def read_table(table, sheet: str, styles: dict[str, str], result: ReadResult) -> None:
    covered: dict[int, int] = {}      # column → last row covered by a MergeDown from above
    r = 0
    for row in table.iterchildren(_SS + "Row"):
        r = int(row.get(_SS + "Index") or r + 1)
        cells: dict[int, str] = {}
        c = 0
        for cell in row.iterchildren(_SS + "Cell"):
            if cell.get(_SS + "Index"):
                c = int(cell.get(_SS + "Index"))
            else:
                c += 1
                while covered.get(c, 0) >= r:   # no Index: the next column not covered from above
                    c += 1
            fmt = styles.get(cell.get(_SS + "StyleID"), "General")
            cells[c] = _value(cell, fmt)
            across = int(cell.get(_SS + "MergeAcross") or 0)
            down = int(cell.get(_SS + "MergeDown") or 0)
            for k in range(c, c + across + 1):
                if down:
                    covered[k] = r + down
            c += across
        width = max(cells, default=0)
        line = [cells.get(k, "") for k in range(1, width + 1)]
        result.add(line, Location(sheet=sheet, row=r, cols=list(range(len(line)))))
