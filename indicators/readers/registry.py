"""The one list of readers.  It drives the CLI's folder search (:func:`indicators.parse.collect_files`), the
app's upload types (``indicators.ingest.SUPPORTED_SUFFIXES``) and which reader opens a file: the first reader
whose :meth:`~indicators.readers.base.Reader.sniff` recognises the file's first bytes, else the reader that
claims its suffix, else the text reader (which reports binary input as an error)."""
from __future__ import annotations

import functools
from pathlib import Path

from .base import Reader

HEAD_BYTES = 8192


@functools.lru_cache(maxsize=1)
def readers() -> tuple[Reader, ...]:
    """Every reader, in sniffing order (the most specific signatures first; text last)."""
    from .docx import DocxReader
    from .html import HtmlReader
    from .pdf import PdfReader
    from .text import TextReader
    from .xls import XlsReader
    from .xlsx import XlsxReader
    from .xml2003 import Xml2003Reader
    # SpreadsheetML before HTML: its <Table> element would look like HTML to the HTML sniffer
    return (PdfReader(), XlsxReader(), DocxReader(), XlsReader(), Xml2003Reader(), HtmlReader(), TextReader())


def supported_suffixes() -> set[str]:
    return {s for r in readers() for s in r.suffixes}


def reader_by_name(name: str) -> Reader:
    return next(r for r in readers() if r.name == name)


def read_head(path: str | Path, size: int = HEAD_BYTES) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


def reader_for(path: str | Path, head: bytes | None = None) -> Reader:
    """The reader for a file: by content first, by suffix second, text last."""
    head = read_head(path) if head is None else head
    for r in readers():
        if r.sniff(head, path):
            return r
    for r in readers():
        if r.claims(path):
            return r
    return reader_by_name("text")
