"""The one entry point: files in, records out.

>>> from indicators.parse import read_documents
>>> result = read_documents(["data/samples"])          # doctest: +SKIP
>>> result.summary()["records"]                         # doctest: +SKIP
307

A file that cannot be read is reported (:class:`~indicators.model.ParseError`,
with its name, the reason and where known the line) and the other files are still
parsed.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable

from .ingest import SUPPORTED_SUFFIXES, IngestError, read_lines, text_to_lines
from .layouts.fixed import FixedWidthLayout
from .layouts.grid import parse_grid
from .layouts.runon import RunOnLayout
from .layouts.vertical import VerticalLayout
from .model import IndicatorList, Line, ParsedDocument, ParseError

LAYOUTS = (VerticalLayout(), FixedWidthLayout(), RunOnLayout())


def parse_lines(lines: list[Line], source_file: str) -> ParsedDocument:
    """Records of one document already split into rows."""
    for layout in LAYOUTS:
        lines = layout.reflow(lines)
    grid = parse_grid(lines, source_file)
    return ParsedDocument(source_file=source_file, indicators=grid.indicators, slots=grid.slots,
                          tables=len(grid.table_ids))


def parse_text(text: str, source_file: str = "<text>", suffix: str = ".txt") -> ParsedDocument:
    return parse_lines(text_to_lines(text, suffix), source_file)


def parse_file(path: str | Path, name: str | None = None) -> ParsedDocument:
    """Parse one file; never raises for bad input: the error is on the document."""
    name = name or str(path)
    try:
        lines, encoding = read_lines(path)
    except IngestError as exc:
        return ParsedDocument(source_file=name, error=ParseError(name, exc.line, exc.reason))
    try:
        doc = parse_lines(lines, name)
    except Exception as exc:  # a parser bug must not lose the other documents
        return ParsedDocument(source_file=name, encoding=encoding,
                              error=ParseError(name, None, f"parser failed: {type(exc).__name__}: {exc}"))
    doc.encoding = encoding
    return doc


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Files to parse, folders expanded recursively; (path, name shown in records)."""
    found: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append((f, str(f)))
        else:
            found.append((p, str(p)))
    return found


def _parse_pair(pair: tuple[Path, str]) -> ParsedDocument:
    return parse_file(*pair)


def read_documents(paths: Iterable[str | Path], progress: bool | None = None,
                   jobs: int = 1) -> IndicatorList:
    """Parse every file (folders recursively) into one :class:`IndicatorList`.

    ``jobs`` > 1 parses in that many processes (worth it from a few hundred files on).
    """
    files = collect_files(paths)
    if progress is None:
        progress = len(files) > 1 and sys.stderr.isatty()
    if jobs > 1 and len(files) >= 4 * jobs:
        from concurrent.futures import ProcessPoolExecutor
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            docs = pool.map(_parse_pair, files, chunksize=max(1, min(32, len(files) // (8 * jobs))))
            return IndicatorList(_progress(docs, len(files), progress))
    return IndicatorList(_progress((parse_file(p, n) for p, n in files), len(files), progress))


def _progress(docs, total: int, show: bool):
    if not show:
        return docs
    from tqdm import tqdm
    return tqdm(docs, total=total, desc="parsing", unit="file", file=sys.stderr)
