"""Plain text, markdown, CSV and TSV: decoded by :mod:`indicators.ingest` (UTF-8, UTF-16, GB18030) and parsed
as text, exactly as before the readers existed.  The fallback for a file no other reader recognises."""
from __future__ import annotations

from pathlib import Path

from .base import Reader, ReadResult


class TextReader(Reader):
    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".csv", ".tsv")

    def read(self, path) -> ReadResult:
        from ..ingest import read_text
        text, encoding = read_text(path)   # IngestError for binary / undecodable input
        return ReadResult(reader=self.name, text=text, encoding=encoding, suffix=Path(path).suffix.lower())
