"""OCR of a scanned PDF page (no text layer) with rapidocr (PP-OCR models shipped in its wheel, onnxruntime; no
download at run time).  The page is rendered with pypdfium2; its ruling lines are found in the image (OpenCV
morphology, OpenCV comes with rapidocr) and handed to pdfplumber's table finder as explicit lines, so a scanned
ruled table gets the cells, merged cells included, that a text-layer PDF gets; each cell's text is the OCR boxes
whose centre lies in it.  A page without ruling lines is read like a text page without lines (rows from box
positions, :func:`indicators.readers.pdf.word_rows`).

Known misreads of OCR (libs.md): ``≥`` read as ``2`` or ``>``, a lost first character.  Every OCR'd page says so in
its diagnostic, with the engine and the mean recognition score.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .settings import settings


@dataclass
class Box:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    score: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2


def available() -> bool:
    """rapidocr and onnxruntime importable, and OCR not switched off in data/readers.toml."""
    if not settings()["ocr"]["enabled"]:
        return False
    try:
        import onnxruntime  # noqa: F401
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def engine():
    import logging

    from rapidocr import RapidOCR
    ocr = RapidOCR()
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)   # not a line per page on stderr
    return ocr


def render(path, number: int, dpi: int):
    """The page as a greyscale numpy image at ``dpi``."""
    import numpy as np
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(path))
    try:
        page = doc[number - 1]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        page.close()
    finally:
        doc.close()
    return np.asarray(image)


def ruling_lines(gray, min_share: float) -> tuple[list[tuple], list[tuple]]:
    """Horizontal and vertical line segments (x0, y0, x1, y1 in pixels) of a page image."""
    import cv2
    bw = cv2.adaptiveThreshold(255 - gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 15, -2)
    h, w = bw.shape
    out = []
    for size in ((max(20, int(w * min_share)), 1), (1, max(20, int(h * min_share)))):
        mask = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))
        _, _, stats, _ = cv2.connectedComponentsWithStats(mask, 8)
        out.append([(int(x), int(y), int(x + ww), int(y + hh)) for x, y, ww, hh, _ in stats[1:]])
    return out[0], out[1]


def boxes(gray, min_score: float, scale: float) -> tuple[list[Box], int]:
    """OCR text boxes in PDF points (top-left origin); and how many were dropped for a low score."""
    result = engine()(gray, use_cls=False)   # the direction classifier turns short cells like ">=90%" upside down
    found, dropped = [], 0
    if result.boxes is None:
        return found, dropped
    for quad, text, score in zip(result.boxes, result.txts, result.scores):
        if float(score) < min_score:
            dropped += 1
            continue
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        found.append(Box(min(xs) * scale, min(ys) * scale, max(xs) * scale, max(ys) * scale, text.strip(),
                         float(score)))
    return found, dropped


def explicit_lines(horizontal, vertical, scale: float) -> dict:
    """pdfplumber table settings with the image's lines as explicit lines (in points)."""
    def line(x0, top, x1, bottom):
        return {"object_type": "line", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                "width": x1 - x0, "height": bottom - top}
    hs = [line(x0 * scale, (y0 + y1) / 2 * scale, x1 * scale, (y0 + y1) / 2 * scale) for x0, y0, x1, y1 in horizontal]
    vs = [line((x0 + x1) / 2 * scale, y0 * scale, (x0 + x1) / 2 * scale, y1 * scale) for x0, y0, x1, y1 in vertical]
    return {"vertical_strategy": "explicit", "horizontal_strategy": "explicit", "explicit_vertical_lines": vs,
            "explicit_horizontal_lines": hs, "snap_tolerance": 3, "join_tolerance": 3, "intersection_tolerance": 3}


def in_box(box: Box, bbox) -> bool:
    cx, cy = box.centre
    x0, top, x1, bottom = bbox
    return x0 <= cx <= x1 and top <= cy <= bottom


def cell_text(found: list[Box], bbox) -> str:
    from .base import join_wrapped
    inside = sorted((b for b in found if in_box(b, bbox)), key=lambda b: (round(b.top / 4), b.x0))
    return join_wrapped("\n".join(b.text for b in inside))


def text_lines(found: list[Box]):
    """Boxes grouped into lines (their vertical centres within half a box height), as WordLines."""
    from .pdf import WordLine
    lines: list[list[Box]] = []
    for b in sorted(found, key=lambda b: (b.centre[1], b.x0)):
        if lines and abs(lines[-1][0].centre[1] - b.centre[1]) <= (b.bottom - b.top) / 2:
            lines[-1].append(b)
        else:
            lines.append([b])
    out = []
    for group in lines:
        group.sort(key=lambda b: b.x0)
        size = sum(b.bottom - b.top for b in group) / len(group)
        out.append(WordLine(min(b.top for b in group), size, [(b.x0, b.text) for b in group], None))
    return out


def read_scanned_page(page, number: int, path, state) -> tuple[list, str]:
    """(items, diagnostic) of a scanned page: the same items as :func:`indicators.readers.pdf.page_items`."""
    from .base import Location
    from .pdf import _clean, word_rows
    conf = settings()["ocr"]
    dpi = int(conf["dpi"])
    scale = 72 / dpi
    gray = render(path, number, dpi)
    horizontal, vertical = ruling_lines(gray, float(conf["min_line_share"]))
    found, dropped = boxes(gray, float(conf["min_score"]), scale)
    items = []
    tables = page.find_tables(explicit_lines(horizontal, vertical, scale)) if horizontal and vertical else []
    used: set[int] = set()
    for t_index, table in enumerate(tables, start=1):
        for r_index, row in enumerate(table.rows, start=1):
            cells = [_clean(cell_text(found, b)) if b else "" for b in row.cells]
            items.append((row.bbox[1], len(items), cells,
                          Location(page=number, table=t_index, row=r_index, cols=list(range(len(cells))))))
        used |= {i for i, b in enumerate(found) if in_box(b, table.bbox)}
    rest = [b for i, b in enumerate(found) if i not in used]
    if tables:
        for line in text_lines(rest):
            items.append((line.top, len(items), [_clean(" ".join(t for _, t in line.cells))], Location(page=number)))
    else:
        for top, cells in word_rows(page, state, lines=text_lines(rest)):
            items.append((top, len(items), cells, Location(page=number, cols=list(range(len(cells))))))
    if not found:
        return items, f"page {number}: scanned page, no text layer, OCR (rapidocr) found no text on it"
    mean = sum(b.score for b in found) / len(found)
    left_out = f", {dropped} boxes below score {conf['min_score']} left out" if dropped else ""
    note = (f"page {number}: scanned page, no text layer, read by OCR (rapidocr, {len(found)} text boxes, "
            f"mean score {mean:.2f}, {len(tables)} ruled tables{left_out}, check ≥/≤ and first characters)")
    return items, note
