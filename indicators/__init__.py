"""jixiao: read performance-target tables (绩效目标表) into indicator records.

>>> from indicators import read_documents   # doctest: +SKIP
>>> records = read_documents(["data/samples"])   # doctest: +SKIP
>>> records.export("out/indicators.csv")   # doctest: +SKIP
"""
from .model import EmptySlot, Indicator, IndicatorList, ParsedDocument, ParseError
from .parse import parse_file, parse_text, read_documents

__all__ = ["EmptySlot", "Indicator", "IndicatorList", "ParsedDocument", "ParseError",
           "parse_file", "parse_text", "read_documents"]
__version__ = "0.1.0"
