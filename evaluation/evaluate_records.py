"""Record precision / recall / F1 and target accuracy on the hand-labelled real documents.

    python evaluation/evaluate_records.py                  # every labelled document
    python evaluation/evaluate_records.py --set dev        # 01-42 (developed on)
    python evaluation/evaluate_records.py --set heldout    # 43-54 (held out one round, then developed on)
    python evaluation/evaluate_records.py --set new        # 55-66 (labelled blind, one round: the first run)
    python evaluation/evaluate_records.py --set new3       # 67-78 (labelled blind the next round: the first run)
    python evaluation/evaluate_records.py --set new4       # 79-90 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new5       # 91-102 (labelled blind at the end of that round: the first run)
    python evaluation/evaluate_records.py --set new6       # 103-104 (the last two pages the store still had: the first run)
    python evaluation/evaluate_records.py --set new7       # 105-112 (labelled blind in the next round: the first run)
    python evaluation/evaluate_records.py --set new8       # 113-121 (labelled blind in the round after: the first run)
    python evaluation/evaluate_records.py --set new9       # 122-129 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new10      # 130-136 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new11      # 137-139 (labelled blind at the end of that round: the first run)
    python evaluation/evaluate_records.py --set new12      # 140-149 (labelled blind the round after: the first run)
    python evaluation/evaluate_records.py --set new13      # 150-156 (labelled blind beside 140-149)
    python evaluation/evaluate_records.py --set new14_15   # 160-175 (labelled blind later, every page taken: the first run)
    python evaluation/evaluate_records.py --set new16      # 180-181 (labelled blind later, every page taken)
    python evaluation/evaluate_records.py --set new18      # 200-211 (pages dropped before for few rows, labelled blind)
    python evaluation/evaluate_records.py --set new19      # 220-226 (more of them, labelled blind at the end of the round)
    python evaluation/evaluate_records.py --set new20      # 230-233 (labelled blind the round after: the first run)
    python evaluation/evaluate_records.py --set new21      # 240-243 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new22      # 250-252 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new23      # 260-262 (labelled blind later that round: the first run)
    python evaluation/evaluate_records.py --set new24      # 270-272 (labelled blind at the end of that round: the first run)
    python evaluation/evaluate_records.py --set new25      # 280-292 (labelled blind by two helpers the round after: the first run)
    python evaluation/evaluate_records.py --set new26      # 300-317 (labelled blind by two more helpers later that round)
    python evaluation/evaluate_records.py --set new27      # 320-333 (labelled blind by two more helpers later that round)
    python evaluation/evaluate_records.py --set new28      # 340 (labelled blind at the end of that round: the first run)
    python evaluation/evaluate_records.py --set new29      # 358-362 (sibling forms of doc 27, labelled blind in the sixteenth round)
    python evaluation/evaluate_records.py --set new30      # 350-357, 363-365 (the other eleven sibling forms, seventeenth round)
    python evaluation/evaluate_records.py --set from350    # 350-365 (all sixteen sibling forms of doc 27)
    python evaluation/evaluate_records.py --set new31      # 370-373 (workbooks of a public table-QA dataset, seventeenth round)
    python evaluation/evaluate_records.py --set new32      # 374-375, 382-385 (巴中 county workbooks, seventeenth round)
    python evaluation/evaluate_records.py --set new33      # 386 (one more 巴中 file, a Word file)
    python evaluation/evaluate_records.py --set new34      # 387 (a 深圳 street office's workbook, eighteenth round)
    python evaluation/evaluate_records.py --set new35      # 388 (a 南江 township's .xls 部门预算, eighteenth round)
    python evaluation/evaluate_records.py --set new36      # 389 (a 巴州区财政局 .xls, a column per 二级, eighteenth round)
    python evaluation/evaluate_records.py --set from387    # 387-389 (the eighteenth round's files)
    python evaluation/evaluate_records.py --set new37      # 390-394 (巴中 workbooks labelled blind in the nineteenth round)
    python evaluation/evaluate_records.py --set upto389    # 01-389 (the 260 before the nineteenth round)
    python evaluation/evaluate_records.py --set new38      # 395, 397-399 (巴中 Word documents labelled blind in the twentieth round)
    python evaluation/evaluate_records.py --set upto394    # 01-394 (the 265 before the twentieth round)
    python evaluation/evaluate_records.py --set new39      # 396, 400-405 (平昌 Word 决算, 巴中 workbooks, twenty-first round)
    python evaluation/evaluate_records.py --set upto399    # 01-399 but 396 (the 269 before the twenty-first round)
    python evaluation/evaluate_records.py --set new40      # 406-411 (巴中 workbooks and Word files, later that round)
    python evaluation/evaluate_records.py --set upto405    # 01-405 (the 276 before 406-411)
    python evaluation/evaluate_records.py --set new41      # 412-417 (巴中 workbooks, an .xls and a Word file, later that round)
    python evaluation/evaluate_records.py --set upto411    # 01-411 (the 282 before 412-417)
    python evaluation/evaluate_records.py --set new42      # 418-421 (a 990-row Word 自评 file and three more, later that round)
    python evaluation/evaluate_records.py --set upto417    # 01-417 (the 288 before 418-421)
    python evaluation/evaluate_records.py --set new43      # 422-426 (five 南江/平昌 部门预算 workbooks, later that round)
    python evaluation/evaluate_records.py --set upto421    # 01-421 (the 292 before 422-426)
    python evaluation/evaluate_records.py --set new44      # 427-430 (four 南江/平昌 2025 部门预算 workbooks, the round's last)
    python evaluation/evaluate_records.py --set upto426    # 01-426 (the 297 before 427-430)
    python evaluation/evaluate_records.py --set from395    # 395- (the twentieth and twenty-first rounds' files)
    python evaluation/evaluate_records.py --set upto386    # 01-386 (the 257 before the eighteenth round)
    python evaluation/evaluate_records.py --set from370    # 370- (the seventeenth round's files and later ones)
    python evaluation/evaluate_records.py --set upto349    # 01-340 (every set before 350-)
    python evaluation/evaluate_records.py --set from280    # 280-340 (the sixth round's four sets)
    python evaluation/evaluate_records.py --set upto272    # 01-272 (every set before 280-)
    python evaluation/evaluate_records.py --set from230    # 230- (the round of 230-, 240- and 250-)
    python evaluation/evaluate_records.py --set upto226    # 01-226 (every set before that round's)
    python evaluation/evaluate_records.py --set seen       # 01-54
    python evaluation/evaluate_records.py --set upto112    # 01-112 (every set before 113-121)
    python evaluation/evaluate_records.py --set upto139    # 01-139 (every set before this round's, 140-)
    python evaluation/evaluate_records.py --set from140    # 140- (this round's four sets)
    python evaluation/evaluate_records.py --values         # target extraction alone, on the labelled values
    python evaluation/evaluate_records.py --show 17 --show 20   # the differences on those documents

Labels: tests/realdocs/labels/<document>.jsonl (one record per line, written by hand before the
reader was run on the document; conventions in ../shared/labeling.md, copied as tests/realdocs/LABELING.md).

A parsed record matches a label when their 三级 names are equal after normalisation (Unicode NFKC,
whitespace and pinyin glosses such as (xiàng) removed); each label matches at most one record.  ``strict`` also needs the value
(value_raw) equal.  Target accuracy: of the matched records whose label has a quantitative
target, the share where the parser's (op, value, unit) equals the label's; of the others, the
share where the kind is equal.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indicators.parse import parse_file  # noqa: E402
from indicators.text import simplified  # noqa: E402
from nlp.targets import Target  # noqa: E402

DOCS = ROOT / "tests" / "realdocs" / "docs"
LABELS = ROOT / "tests" / "realdocs" / "labels"
HELDOUT_FROM = 43
NEW_FROM = 55
NEW3_FROM = 67
NEW4_FROM = 79
NEW5_FROM = 91
NEW6_FROM = 103
NEW7_FROM = 105
NEW8_FROM = 113
NEW9_FROM = 122
NEW10_FROM = 130
NEW11_FROM = 137
NEW12_FROM = 140
NEW13_FROM = 150
NEW14_FROM = 160
NEW15_FROM = 170
NEW16_FROM = 180
NEW18_FROM = 200
NEW19_FROM = 220
NEW20_FROM = 230
NEW21_FROM = 240
NEW22_FROM = 250
NEW23_FROM = 260
NEW24_FROM = 270
NEW25_FROM = 280
NEW26_FROM = 300
NEW27_FROM = 320
NEW28_FROM = 340
NEW29_FROM = 350
NEW29_DOCS = (358, 363)   # the five labelled first (the numbers 350-357 and 363-365 were kept for the other eleven)
NEW31_FROM = 370   # the seventeenth round's workbooks from a public table-QA dataset (370-373)
NEW32_DOCS = ((374, 376), (382, 386))   # and the workbooks a county typo checker's repository keeps (374-375, 382-385)
NEW33_FROM = 386   # one more of its files, taken at the end of the round (386 a Word file)
NEW34_FROM = 387   # eighteenth round: 深圳 宝安 松岗街道 二级项目 申报表 workbook (samon6bl/jixiaopingjia)
NEW35_FROM = 388   # and a 南江 township's .xls 部门预算 (the 巴中 typo checker's repository)
NEW36_FROM = 389   # and a 巴州区财政局 2020 .xls of a layout of its own (a column per 二级)
NEW37_FROM = 390   # nineteenth round: a 巴州生态环境局 自评表 workbook (390), a 集州街道 申报资料 workbook (391)
NEW38_FROM = 395   # twentieth round: four 巴中 Word documents (部门决算 完成情况表, 自评表, 部门/单位预算 目标表)
NEW38_DOCS = ((NEW38_FROM, 396), (397, 400))   # 395, 397-399 (396 was given to a helper that round, labelled the next)
NEW39_DOCS = ((396, 397), (400, 406))   # twenty-first round: three 平昌 Word 决算 and four 巴中 workbooks, 396, 400-405
NEW40_FROM = 406   # later that round: four 巴中 部门预算 workbooks, a 单位预算 and a 决算 Word file (406-411)
NEW41_FROM = 412   # and six more (412-417): 部门/单位预算 workbooks, an .xls and a Word file
NEW42_FROM = 418   # and four more (418-421): a 990-row Word 自评 file, an .xls, a workbook and a Word 部门预算
NEW43_FROM = 422   # and five 部门预算 workbooks (422-426), three of them 2024's
NEW44_FROM = 427   # and four more 2025 部门预算 workbooks (427-430)
SETS = {"all": (1, 10**6), "dev": (1, HELDOUT_FROM), "heldout": (HELDOUT_FROM, NEW_FROM),
        "new": (NEW_FROM, NEW3_FROM), "new3": (NEW3_FROM, NEW4_FROM), "new4": (NEW4_FROM, NEW5_FROM),
        "new5": (NEW5_FROM, NEW6_FROM), "new6": (NEW6_FROM, NEW7_FROM), "new7": (NEW7_FROM, NEW8_FROM),
        "new8": (NEW8_FROM, NEW9_FROM), "new9": (NEW9_FROM, NEW10_FROM),
        "new10": (NEW10_FROM, NEW11_FROM), "new11": (NEW11_FROM, NEW12_FROM),
        "new12": (NEW12_FROM, NEW13_FROM), "new13": (NEW13_FROM, NEW14_FROM),
        "new14": (NEW14_FROM, NEW15_FROM), "new15": (NEW15_FROM, NEW16_FROM), "new14_15": (NEW14_FROM, NEW16_FROM),
        "new16": (NEW16_FROM, NEW18_FROM), "new18": (NEW18_FROM, NEW19_FROM), "new19": (NEW19_FROM, NEW20_FROM), "new20": (NEW20_FROM, NEW21_FROM), "new21": (NEW21_FROM, NEW22_FROM), "new22": (NEW22_FROM, NEW23_FROM), "new23": (NEW23_FROM, NEW24_FROM), "new24": (NEW24_FROM, NEW25_FROM), "new25": (NEW25_FROM, NEW26_FROM), "new26": (NEW26_FROM, NEW27_FROM), "new27": (NEW27_FROM, NEW28_FROM), "new28": (NEW28_FROM, NEW29_FROM), "new29": NEW29_DOCS, "new30": ((NEW29_FROM, NEW29_DOCS[0]), (NEW29_DOCS[1], NEW31_FROM)), "from350": (NEW29_FROM, NEW31_FROM),
        "new31": (NEW31_FROM, NEW32_DOCS[0][0]), "new32": NEW32_DOCS, "new33": (NEW33_FROM, NEW34_FROM), "new34": (NEW34_FROM, NEW35_FROM), "new35": (NEW35_FROM, NEW36_FROM), "new36": (NEW36_FROM, NEW37_FROM), "new37": (NEW37_FROM, NEW38_FROM), "new38": NEW38_DOCS, "new39": NEW39_DOCS, "new40": (NEW40_FROM, NEW41_FROM), "upto405": (1, NEW40_FROM), "new41": (NEW41_FROM, NEW42_FROM), "upto411": (1, NEW41_FROM), "new42": (NEW42_FROM, NEW43_FROM), "upto417": (1, NEW42_FROM), "new43": (NEW43_FROM, NEW44_FROM), "upto421": (1, NEW43_FROM), "new44": (NEW44_FROM, 10**6), "upto426": (1, NEW44_FROM), "from395": (NEW38_FROM, 10**6), "upto399": ((1, 396), (397, 400)), "upto394": (1, NEW38_FROM), "from387": (NEW34_FROM, NEW37_FROM), "upto389": (1, NEW37_FROM), "upto386": (1, NEW34_FROM), "from370": (NEW31_FROM, 10**6), "upto349": (1, NEW29_FROM), "from280": (NEW25_FROM, NEW29_FROM), "upto272": (1, NEW25_FROM), "from230": (NEW20_FROM, 10**6), "upto226": (1, NEW20_FROM), "upto112": (1, NEW8_FROM), "upto139": (1, NEW12_FROM), "from140": (NEW12_FROM, 10**6), "seen": (1, NEW_FROM)}


def norm(text: str | None) -> str:
    """Names compared without whitespace, after NFKC, and without the pinyin glosses mirror sites insert
    (項(xiàng)目): labels of the same kind of page were written both with and without them."""
    return "".join(unicodedata.normalize("NFKC", _strip_glosses(text or "")).split())


try:
    from indicators.table.stream import strip_glosses as _strip_glosses  # noqa: E402
except ImportError:   # an old tree (evaluation/at_commit.py) without the helper
    def _strip_glosses(text: str) -> str:
        return text


def project_key(name: str | None) -> str:
    """A project name compared without a trailing 项目 (labels write 公务用车购置 and 委托业务项目 alike).

    >>> project_key("委托业务项目") == project_key("委托业务") != project_key("")
    True
    """
    key = norm(name)
    return key[:-2] if key.endswith("项目") and len(key) > 2 else key


def load_labels(doc: Path) -> list[dict]:
    path = LABELS / (doc.name + ".jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if not r.get("none")]


def documents(which: str) -> list[Path]:
    out = []
    for doc in sorted(DOCS.iterdir()):
        if not (LABELS / (doc.name + ".jsonl")).exists():
            continue
        num = int(doc.name.split("_", 1)[0])
        ranges = SETS[which] if isinstance(SETS[which][0], tuple) else (SETS[which],)   # (lo, hi) or several
        if not any(lo <= num < hi for lo, hi in ranges):
            continue
        out.append(doc)
    return out


def match(labels: list[dict], records: list) -> list[tuple[dict, object]]:
    """Pairs (label, record) by equal 三级 name; a value match is preferred among equal names."""
    free = list(records)
    pairs = []
    for lab in labels:
        key = norm(lab["level3"])
        cands = [r for r in free if norm(r.level3) == key]
        if not cands:
            continue
        best = next((r for r in cands if norm(r.value_raw) == norm(lab.get("value_raw"))), cands[0])
        free.remove(best)
        pairs.append((lab, best))
    return pairs


def _num(x):
    return None if x is None else round(float(x), 4)


def _unit(unit: str | None) -> str:
    """A unit compared as the target grammar writes it: 萬元 = 万元, km = 公里."""
    from nlp.targets import normalize
    return simplified(normalize(norm(unit or ""))[0])


def target_ok(lab: dict, rec) -> bool:
    t = Target.fromstring(rec.value_raw, name=rec.level3, year=rec.year)
    if lab.get("kind") == "quantitative":
        return (t.kind == "quantitative" and t.op == lab.get("op") and _num(t.value) == _num(lab.get("value"))
                and _unit(t.unit) == _unit(lab.get("unit")))
    return t.kind == lab.get("kind")


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def half_at(doc: Path) -> int:
    """Where a document's counts go in a list of six (matched, parsed, labelled) for the even-numbered documents, then
    the odd-numbered: 0 or 3 (``--halves`` of the flattening and rendering scripts: tune on one half, check on the other)."""
    return 3 * (int(doc.name.split("_", 1)[0]) % 2)


def halves_and_worst(halves: list[int], per: list[tuple[float, str]], show_halves: bool, show_worst: bool) -> str:
    """The tail of a form's summary line: F1 on each half (``halves`` as :func:`half_at` fills it), the eight worst
    documents' F1 (``per``: (F1, document number))."""
    line = ""
    if show_halves:
        line += f"  even-numbered F1 {prf(*halves[:3])[2]:.3f}, odd-numbered F1 {prf(*halves[3:])[2]:.3f}"
    if show_worst:
        line += "  worst: " + ", ".join(f"{d} {x:.2f}" for x, d in sorted(per)[:8])
    return line


def evaluate(docs: list[Path], show: set[str], out=sys.stdout) -> dict:
    tot = {"gold": 0, "pred": 0, "tp": 0, "strict": 0, "l12": 0, "tq": 0, "tq_ok": 0, "to": 0, "to_ok": 0,
           "ta": 0, "ta_ok": 0, "pj": 0, "pj_ok": 0, "pj_empty": 0}
    low_recall = []
    print(f"{'document':58} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} {'F1':>5} {'strictF1':>8}", file=out)
    for doc in docs:
        labels = load_labels(doc)
        parsed = parse_file(doc)
        records = parsed.indicators
        pairs = match(labels, records)
        strict = sum(norm(lab.get("value_raw")) == norm(rec.value_raw) for lab, rec in pairs)
        p, r, f = prf(len(pairs), len(records), len(labels))
        sf = prf(strict, len(records), len(labels))[2]
        tot["gold"] += len(labels)
        tot["pred"] += len(records)
        tot["tp"] += len(pairs)
        tot["strict"] += strict
        for lab, rec in pairs:
            tot["l12"] += (lab.get("level1", "") == rec.level1 and lab.get("level2", "") == rec.level2)
            key = "tq" if lab.get("kind") == "quantitative" else "to"
            tot[key] += 1
            tot[key + "_ok"] += target_ok(lab, rec)
            if norm(lab.get("project")):   # the project the record belongs to, as the label names it
                tot["pj"] += 1
                tot["pj_ok"] += project_key(lab.get("project")) == project_key(rec.project)
                tot["pj_empty"] += not norm(rec.project)
            if norm(lab.get("actual_raw")):   # a self-evaluation's 实际完成值, as written
                tot["ta"] += 1
                tot["ta_ok"] += norm(lab.get("actual_raw")) == norm(rec.actual_raw)
        if labels and r < 0.8:
            low_recall.append(doc.name)
        diag = f"  [{parsed.diagnostic}]" if not records and getattr(parsed, "diagnostic", "") else ""
        print(f"{doc.name[:58]:58} {len(labels):4} {len(records):4} {p:5.2f} {r:5.2f} {f:5.2f} {sf:8.2f}{diag}", file=out)
        if any(doc.name.startswith(s) for s in show):
            _show(labels, records, pairs, out)
    p, r, f = prf(tot["tp"], tot["pred"], tot["gold"])
    sf = prf(tot["strict"], tot["pred"], tot["gold"])[2]
    summary = {
        "documents": len(docs), "gold": tot["gold"], "pred": tot["pred"], "precision": p, "recall": r, "f1": f,
        "strict_f1": sf, "level12_accuracy": tot["l12"] / tot["tp"] if tot["tp"] else 0.0,
        "target_quantitative": tot["tq_ok"] / tot["tq"] if tot["tq"] else 0.0, "quantitative_matched": tot["tq"],
        "target_other_kind": tot["to_ok"] / tot["to"] if tot["to"] else 0.0,
        "actual_exact": tot["ta_ok"] / tot["ta"] if tot["ta"] else 0.0, "actual_matched": tot["ta"],
        "project_exact": tot["pj_ok"] / tot["pj"] if tot["pj"] else 0.0, "project_matched": tot["pj"],
        "project_empty": tot["pj_empty"] / tot["pj"] if tot["pj"] else 0.0,
        "documents_recall_below_0.8": low_recall,
    }
    print(f"\n{len(docs)} documents, {tot['gold']} labelled records, {tot['pred']} parsed: "
          f"precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}; strict (name and value) F1 {sf:.3f}", file=out)
    print(f"matched records with 一级 and 二级 right: {summary['level12_accuracy']:.3f}; "
          f"target (op, value, unit) exact on {tot['tq']} quantitative labels: {summary['target_quantitative']:.3f}; "
          f"kind right on {tot['to']} other labels: {summary['target_other_kind']:.3f}; "
          f"actual as written on {tot['ta']} labelled actuals: {summary['actual_exact']:.3f}", file=out)
    print(f"project as labelled on {tot['pj']} matched records with a labelled project: {summary['project_exact']:.3f} "
          f"(none read: {summary['project_empty']:.3f})", file=out)
    print(f"documents with recall below 0.8: {len(low_recall)}", file=out)
    return summary


def _show(labels, records, pairs, out) -> None:
    matched_l = {id(lab) for lab, _ in pairs}
    matched_r = {id(rec) for _, rec in pairs}
    for lab, rec in pairs:
        if norm(lab.get("value_raw")) != norm(rec.value_raw) or (lab.get("level2", "") != rec.level2):
            print(f"    ~ {lab['level3']}: value {lab.get('value_raw')!r} vs {rec.value_raw!r}; "
                  f"levels {lab.get('level1')}/{lab.get('level2')} vs {rec.level1}/{rec.level2}", file=out)
    for lab in labels:
        if id(lab) not in matched_l:
            print(f"    - missed  {lab['level3']} = {lab.get('value_raw')!r} (line {lab.get('line')})", file=out)
    for rec in records:
        if id(rec) not in matched_r:
            print(f"    + extra   {rec.level3} = {rec.value_raw!r} (line {rec.source_line})", file=out)


def evaluate_values(docs: list[Path], out=sys.stdout) -> float:
    """Target extraction alone: each quantitative label's own value_raw and name through the target grammar."""
    from types import SimpleNamespace
    ok = total = 0
    for doc in docs:
        for lab in load_labels(doc):
            if lab.get("kind") != "quantitative":
                continue
            rec = SimpleNamespace(value_raw=lab.get("value_raw") or "", level3=lab["level3"], year=None)
            total += 1
            if target_ok(lab, rec):
                ok += 1
            else:
                t = Target.fromstring(rec.value_raw, name=rec.level3)
                print(f"    {doc.name[:3]} {lab['level3'][:30]} = {rec.value_raw!r}: labelled "
                      f"{lab.get('op')} {lab.get('value')} {lab.get('unit')!r}, read {t.kind} {t.op} {t.value} "
                      f"{t.unit!r}", file=out)
    print(f"target (op, value, unit) exact on the labelled values themselves: {ok} of {total} = "
          f"{ok / total if total else 0:.3f}", file=out)
    return ok / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="all")
    ap.add_argument("--show", action="append", default=[], help="print the differences of documents starting with this")
    ap.add_argument("--json", help="write the summary here")
    ap.add_argument("--values", action="store_true",
                    help="measure target extraction alone, on the labels' own values (no row reading)")
    args = ap.parse_args(argv)
    if args.values:
        evaluate_values(documents(args.set))
        return 0
    summary = evaluate(documents(args.set), set(args.show))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
