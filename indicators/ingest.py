"""Read a file into :class:`~indicators.model.Line` rows, whatever its format.

Decoding: UTF-8 (with or without BOM), UTF-16 (BOM or NUL-byte pattern), GB18030.
A file that is binary or decodes under none of them raises :class:`IngestError`
naming the file and, where known, the line.

Formats: ``.txt`` (tab-separated cells, markdown pipe rows and flattened HTML
inside are recognised too), ``.md``, ``.html``/``.htm``, ``.csv``/``.tsv``.
PDF, workbooks and DOCX have their own readers in :mod:`indicators.readers`; the
suffixes every reader claims are ``SUPPORTED_SUFFIXES``.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .model import Line
from .readers.html import html_to_lines  # noqa: F401  (moved; still importable from here)


def __getattr__(name: str):
    """``SUPPORTED_SUFFIXES`` comes from the reader registry (every format a reader claims)."""
    if name == "SUPPORTED_SUFFIXES":
        from .readers.registry import supported_suffixes
        return supported_suffixes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class IngestError(Exception):
    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding).

    >>> decode("产出指标".encode("gb18030"))
    ('产出指标', 'gb18030')
    >>> decode("\\ufeff指标值".encode("utf-8"))
    ('指标值', 'utf-8-sig')
    >>> decode("指标".encode("utf-16-le"))
    ('指标', 'utf-16-le')
    """
    for bom, enc, name in ((b"\xef\xbb\xbf", "utf-8", "utf-8-sig"), (b"\xff\xfe", "utf-16-le", "utf-16"),
                           (b"\xfe\xff", "utf-16-be", "utf-16")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), name
            except UnicodeDecodeError as exc:
                good = data[len(bom):len(bom) + exc.start].decode(enc, errors="replace")
                raise IngestError(path, f"starts with a {name} byte-order mark but is not valid {name} "
                                        f"at byte {exc.start + len(bom)}", line=good.count("\n") + 1) from None
    if b"\x00" in data[:4096]:
        head = data[:4096]
        even_nuls = head[0::2].count(0)
        odd_nuls = head[1::2].count(0)
        for enc, ok in (("utf-16-le", odd_nuls > even_nuls), ("utf-16-be", even_nuls > odd_nuls)):
            if ok and len(data) % 2 == 0:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    break
                if _looks_textual(text):
                    return text, enc
        # a CJK-only UTF-16 file has no NULs; a NUL elsewhere means binary
        raise IngestError(path, "binary file (NUL bytes), not a text document",
                          line=data[:data.index(b"\x00")].count(b"\n") + 1)
    utf8_error = None
    try:
        text = data.decode("utf-8")
        if _looks_textual(text):
            return text, "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
        if _looks_textual(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    if len(data) % 2 == 0:  # UTF-16 without BOM and without ASCII (no NUL bytes)
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_textual(text) and _mostly_cjk(text):
                return text, enc
    at = utf8_error.start if utf8_error else 0
    raise IngestError(path, "cannot decode as UTF-8, UTF-16 or GB18030: not a text document",
                      line=data[:at].count(b"\n") + 1)


def _mostly_cjk(text: str) -> bool:
    sample = [ch for ch in text[:2048] if not ch.isspace()]
    return bool(sample) and sum("\u4e00" <= ch <= "\u9fff" or ch in "，。；：、（）" for ch in sample) / len(sample) > 0.5


def _looks_textual(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return True
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f") or "\ue000" <= ch <= "\uf8ff")
    return bad / len(sample) < 0.02


_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HTML_TABLE = re.compile(r"<t[dhr][\s>]", re.I)


def text_to_lines(text: str, suffix: str = ".txt") -> list[Line]:
    """Split decoded text into rows of cells (see module doc for formats)."""
    suffix = suffix.lower()
    if suffix in (".html", ".htm") or (_HTML_TABLE.search(text[:200000]) and suffix != ".csv"):
        return html_to_lines(text)
    if suffix in (".csv", ".tsv"):
        return csv_to_lines(text, delimiter="\t" if suffix == ".tsv" else None)
    lines: list[Line] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        if _PIPE_ROW.match(raw):
            if _PIPE_SEP.match(raw):
                continue
            cells = raw.strip()[1:-1].split("|")
        elif "\t" in raw:
            cells = raw.split("\t")
        else:
            cells = [raw]
        lines.append(Line(cells=cells, lineno=lineno))
    return lines


def csv_to_lines(text: str, delimiter: str | None = None) -> list[Line]:
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines: list[Line] = []
    start = 1
    for row in reader:
        lines.append(Line(cells=row, lineno=start))
        start = reader.line_num + 1
    return lines


def read_text(path: str | Path) -> tuple[str, str]:
    """Read and decode a file; raises IngestError for unreadable or undecodable input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot read file: {exc.strerror or exc}") from None
    return decode(data, str(path))


def read_lines(path: str | Path) -> tuple[list[Line], str]:
    """Read a file into rows; raises IngestError for unreadable or undecodable input."""
    text, encoding = read_text(path)
    return text_to_lines(text, Path(path).suffix), encoding
