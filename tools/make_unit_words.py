"""Write ``data/vocab/unit_words.txt``: the two-letter words of jieba's dictionary that open with a one-letter unit of
the target grammar (``支持``, ``家长``, ``单项``, ``本年``), used 100 times or more in jieba's corpus.  After a number, such a
word is the start of the next name, not the number's unit and the rest (``10 支持服务贸易…`` is 10 then 支持…, while
``2000 次汇总…`` is 2000次 then 汇总…: ``次汇`` is no word).  Run: ``.venv/bin/python -m tools.make_unit_words``.

jieba is one of the project's dependencies; its dictionary is read here once, never when a document is parsed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "vocab" / "unit_words.txt"
MIN_FREQ = 100


def unit_words(min_freq: int = MIN_FREQ) -> list[str]:
    import jieba

    sys.path.insert(0, str(ROOT))
    from nlp.targets import target_vocab

    units = {u for u in target_vocab().units if len(u) == 1 and "\u4e00" <= u <= "\u9fff"}
    found = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, freq = line.split()[:2]
            if len(word) == 2 and word[0] in units and "\u4e00" <= word[1] <= "\u9fff" and int(freq) >= min_freq:
                found.append(word)
    return sorted(set(found))


def main() -> None:
    words = unit_words()
    head = (f"# Two-letter words of jieba's dictionary (frequency >= {MIN_FREQ}) that open with a one-letter unit:\n"
            "# after a number they start the next name (written by tools/make_unit_words.py; do not edit by hand)\n")
    OUT.write_text(head + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
