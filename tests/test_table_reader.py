"""The general table reader on real documents (tests/realdocs) and on the forms they use."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from indicators import parse_file, parse_text, read_documents
from indicators.table.header import find_templates, header_role
from indicators.table.rows import split_rows
from indicators.table.stream import cell_stream

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "realdocs"


def _labels(name: str) -> list[dict]:
    path = next((REAL / "labels").glob(name + "*.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _doc(name: str) -> Path:
    return next((REAL / "docs").glob(name + "*"))


def _read(text: str, *fields: str) -> list[tuple]:
    """(三级 name, value[, more fields]) of each record ``parse_text`` reads from ``text``."""
    return [tuple(getattr(r, f) for f in ("level3", "value_raw") + fields) for r in parse_text(text).indicators]


@pytest.mark.parametrize("prefix", ["30_", "08_", "03_", "37_", "17_", "46_", "45_"])
def test_real_documents_of_each_form_read_to_their_labels(prefix):
    """One-cell-per-line pipes (30, 08, 17, 46), pipe tables (03, 37, 45): names and values as labelled."""
    labels = _labels(prefix)
    got = {(r.level3, r.value_raw) for r in parse_file(_doc(prefix)).indicators}
    names = {r.level3 for r in parse_file(_doc(prefix)).indicators}
    found = [lab for lab in labels if lab["level3"] in names]
    assert len(found) / len(labels) >= 0.8, sorted(names)
    assert sum((lab["level3"], lab["value_raw"]) in got for lab in labels) / len(labels) >= 0.5


def test_merged_level_cells_printed_once_shift_nothing():
    """Doc 30: the 一级/二级 cells appear once per span; every row still lands in its columns."""
    recs = parse_file(_doc("30_")).indicators
    by_name = {r.level3: r for r in recs}
    for lab in _labels("30_"):
        rec = by_name[lab["level3"]]
        assert (rec.level1, rec.level2, rec.value_raw) == (lab["level1"], lab["level2"], lab["value_raw"])


def test_self_evaluation_columns_in_the_order_the_header_gives():
    """Doc 17: 分值 comes before 年度指标值; weights, targets and actuals go to their own fields."""
    recs = {r.level3: r for r in parse_file(_doc("17_")).indicators}
    rec = recs["★★★特困人员救助供养人数(按月平均)(≥**人)"]
    assert (rec.weight_raw, rec.value_raw, rec.actual_raw, rec.score_raw) == ("5", ">=4754人", "4604人", "5")
    assert rec.table_kind == "self_eval"


def test_traditional_script_with_pinyin_glosses():
    """Doc 21: a mirror in traditional script with glosses; headers are still found, names keep their script."""
    recs = parse_file(_doc("21_")).indicators
    assert recs and all("(" + "xi" not in r.level3 for r in recs)
    assert any("績" in r.project or "項" in r.level3 or "率" in r.level3 for r in recs)


def test_prose_lists_under_level_headings():
    doc = parse_file(_doc("28_"))
    assert doc.reader == "prose"
    recs = {r.level3: r for r in doc.indicators}
    assert recs["参训人员结业率"].value_raw == "≥100%"
    assert recs["参训人员结业率"].level2 == "质量指标"


def test_numbered_items_under_a_goal_heading_are_records():
    """A ``绩效目标:`` heading, then one numbered item per line (the labels of docs 292, 330, 20 and 226 printed so,
    ``evaluate_rendered.py``'s list form): every item is a record, ``name:value`` or a named number or a bare name;
    ``1.5000吨稻谷…`` and ``2.7岁以下儿童…`` are items 1 and 2 (the numbering tells them from decimals), and an item
    line is no wrapped line of the item before it."""
    text = ("项目名称:图书、报刊购置项目\n绩效目标:\n1.采购正规出版图书:1000册\n2.订阅报刊:120种\n3.满足读者阅读10000人次\n"
            "4.读者满意率:达90%")
    got = _read(text)
    assert got == [("采购正规出版图书", "1000册"), ("订阅报刊", "120种"), ("满足读者阅读", "10000人次"),
                   ("读者满意率", "达90%")], got
    text = ("绩效目标:\n1.以乡镇(街道)为单位适龄儿童国家免疫规划疫苗接种率:≥90%\n2.7岁以下儿童健康服务率:≥90%\n"
            "3.0-6岁儿童眼保健和视力检查覆盖率:≥90%")
    got = _read(text)
    assert got == [("以乡镇(街道)为单位适龄儿童国家免疫规划疫苗接种率", "≥90%"), ("7岁以下儿童健康服务率", "≥90%"),
                   ("0-6岁儿童眼保健和视力检查覆盖率", "≥90%")], got
    text = "项目名称:县级储备粮\n绩效目标:\n1.5000吨稻谷、500吨成品粮储备到位率:100%\n2.库存数量真实率:100%"
    got = _read(text)
    assert got == [("5000吨稻谷、500吨成品粮储备到位率", "100%"), ("库存数量真实率", "100%")], got
    text = "项目名称:光辉路工程项目\n绩效目标:\n1.完成道路建设:491米\n2.确保天桥质量\n3.按时完成建设"
    got = _read(text)
    assert got == [("完成道路建设", "491米"), ("确保天桥质量", ""), ("按时完成建设", "")], got


def test_a_notice_s_lines_after_its_goal_intro_are_records(tmp_path):
    """A project notice's ``现将绩效目标设定如下:`` then one indicator per line, no item numbers and no level headings (the
    labels of doc 320, 桐柏 乡村旅游, printed so by ``evaluate_rendered.py``'s headed form): every line is a record,
    ``增加村集体收入,大于9万元`` too; a bare name after it (doc 14's ``黄山市公安局`` signature) is none."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_headed
    labels = _labels("320_")
    write_headed(tables(labels), tmp_path / "320.txt")
    got = [(r.level3, r.value_raw) for r in parse_file(tmp_path / "320.txt").indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in labels], got
    assert "黄山市公安局" not in {r.level3 for r in parse_file(_doc("14_")).indicators}
    text = "现将绩效目标设定如下:\n带动村集体及种植户增收致富,增加;\n参训学员满意度≥95%;"
    got = _read(text)
    assert got == [("带动村集体及种植户增收致富", "增加"), ("参训学员满意度", "≥95%")], got


def test_a_notice_s_name_comma_target_items_in_lines_and_in_a_paragraph(tmp_path):
    """The labels of doc 340 (丰宁 生态环境局) in the headed form, one ``name,target;`` per line after the goal intro
    (``…排放量,较上年削减3%``, ``…状况,进一步改善``), and of doc 98 (科学城 融媒体) in the notice form, one paragraph
    (``…;管理制度健全性,高;资金使用合规性,好;…``): each item is its name and its target; a line without one does not
    end the list. A comma between two named numbers (``采购图书1000册,订阅报刊120种``) stays two records."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_headed, write_notice
    write_headed(tables(_labels("340_")), tmp_path / "340.txt")
    got = {(r.level3, r.value_raw) for r in parse_file(tmp_path / "340.txt").indicators}
    assert {("化学需氧量(COD)、二氧化硫排放量", "较上年削减3%"), ("城镇环境空气质量状况", "进一步改善"),
            ("排污许可证发(换)证率", "达到90%以上")} <= got, got
    write_notice(tables(_labels("98_")), tmp_path / "98.txt")
    got = {(r.level3, r.value_raw) for r in parse_file(tmp_path / "98.txt").indicators}
    assert {("管理制度健全性", "高"), ("资金使用合规性", "好"), ("播发稿件数量", "2200篇")} <= got, got
    got = [(r.level3, r.value_raw) for r in parse_text("绩效目标:\n采购图书1000册,订阅报刊120种;").indicators]
    assert got == [("采购图书", "1000册"), ("订阅报刊", "120种")], got
    # (doc 250: a name ending in 合格率 ends in no grade 收合格率 before the comma)
    text = "现将绩效目标设定如下:\n一、产出指标\n(二)质量指标\n采购设备及设备安装验收合格率,至少达到98%;\n设备故障率,低于5%;\n"
    got = [(r.level3, r.value_raw) for r in parse_text(text).indicators]
    assert got == [("采购设备及设备安装验收合格率", "至少达到98%"), ("设备故障率", "低于5%")], got


def test_a_notice_s_own_level_names_before_a_colon_head_their_items():
    """Doc 96 (舒城 以工代赈) in the notice form: under ``三、满意度指标``, ``计划管理指标:…;资金管理指标:…`` name the 二级 of
    the items after them, though no vocabulary knows them; the items keep their own names."""
    text = ("现将绩效目标设定如下:\n三、满意度指标\n满意度指标:参与工程建设的贫困群众满意度≥90%;计划管理指标:投资计划分解"
            "(转发)用时≤20工作日;资金管理指标:中央预算内投资支付率≥95%;年度计划投资完成率≥95%。")
    got = [(r.level2, r.level3, r.value_raw) for r in parse_text(text).indicators]
    assert got == [("服务对象满意度指标", "参与工程建设的贫困群众满意度", "≥90%"),
                   ("计划管理指标", "投资计划分解(转发)用时", "≤20工作日"),
                   ("资金管理指标", "中央预算内投资支付率", "≥95%"), ("资金管理指标", "年度计划投资完成率", "≥95%")], got


def test_a_list_s_line_naming_an_indicator_alone_is_a_record_with_no_target():
    """Doc 226 (东丽 光辉路) in the headed form: ``确保天桥质量;`` under ``(二)质量指标`` is the indicator with no target, as
    labelled; real document 232's ``资金使用无重大违规违纪问题;`` is ``资金使用 | 无重大违规违纪问题``. A table's cell printed on a
    line of its own (no ``;``) and a grade alone are no such line."""
    text = ("现将绩效目标设定如下:\n一、产出指标\n(一)数量指标\n完成道路建设491米;\n(二)质量指标\n确保天桥质量;\n"
            "二、效益指标\n(一)社会效益指标\n资金使用无重大违规违纪问题;\n明显提高;\n")
    assert _read(text) == [("完成道路建设", "491米"), ("确保天桥质量", ""), ("资金使用", "无重大违规违纪问题")], _read(text)
    assert _read(text.replace("确保天桥质量;", "确保天桥质量")) == [("完成道路建设", "491米"),
                                                              ("资金使用", "无重大违规违纪问题")]


def test_a_name_alone_between_the_marks_of_a_notice_s_list_is_a_record_with_no_target():
    """The notice form (doc 98's ``“三公经费变动率``, doc 41's ``预算编制科学性``): a name alone between two ``;`` of a
    paragraph's list is the indicator with no target, even one whose name holds a grade word (``消耗下降率``); the
    unended tail of a page cut off mid-sentence (``社会效益指标。体现党和政``, real doc 18) and a sentence's part after a
    comma are none."""
    text = ("现将绩效目标设定如下:\n一、产出指标\n数量指标:培训人数≥5人;水电气消耗下降率;预算编制科学性;"
            "质量指标:合格率≥95%。\n二、效益指标\n社会效益指标。体现党和政")
    assert _read(text) == [("培训人数", "≥5人"), ("水电气消耗下降率", ""), ("预算编制科学性", ""),
                           ("合格率", "≥95%")], _read(text)
    assert _read("现将绩效目标设定如下:\n一、产出指标\n(一)数量指标\n水电气消耗下降率;\n") == [("水电气消耗下降率", "")]
    # a name alone after its level's colon (doc 152 as a notice; real doc 172's ``成本指标:全年预算全额用于保障教育教学。``)
    assert _read("现将绩效目标设定如下:\n三、满意度指标\n服务对象满意度指标:慰问对象满意度。") == [("慰问对象满意度", "")]


def test_a_notice_s_qualitative_word_after_a_comma_is_the_target():
    """Doc 26 (临沂 师范附小) as a notice: ``教育均衡化发展,有效`` is the name and its target ``有效`` (a qualitative word of
    ``reader.toml``), and the prose reading is kept over the headerless rows that keep the comma in the name."""
    text = ("项目名称:公用经费\n现将绩效目标设定如下:\n一、产出指标\n数量指标:小学就读人数<=6962人;时效指标:教育均衡化发展,有效;"
            "成本指标:生均公用经费780元/生/年。\n二、效益指标\n生态效益指标:安全情况,有效;可持续影响指标:学生受益情况=100%。")
    assert _read(text) == [("小学就读人数", "<=6962人"), ("教育均衡化发展", "有效"), ("生均公用经费", "780元/生/年"),
                           ("安全情况", "有效"), ("学生受益情况", "=100%")], _read(text)


def test_a_notice_s_name_holding_a_count_before_its_share_keeps_the_count():
    """Doc 134 (霍山 特殊教育) as a notice: ``培智教学软件2套100%`` is the name ``培智教学软件2套`` and its share, as labelled;
    a share inside the name (``经费发放率为98%覆盖率…均为100%``, real doc 18) is no such name."""
    text = ("项目名称:特殊教育补助资金\n现将绩效目标设定如下:\n一、产出指标\n数量指标:培智教学软件2套100%;台式电脑4台、"
            "班班通设备2套100%;室外康复运动设施1套100%;质量指标:培智教学软件验收合格率100%;时效指标:根据资金到位时间执行"
            "项目进度100%。\n二、效益指标\n社会效益指标:特殊教育资源,扩大。\n三、满意度指标\n服务对象满意度指标:家长满意度90%。")
    assert _read(text)[:3] == [("培智教学软件2套", "100%"), ("台式电脑4台、班班通设备2套", "100%"),
                               ("室外康复运动设施1套", "100%")], _read(text)


def test_a_notice_s_name_holding_a_count_before_its_unit_price_keeps_the_count():
    """Doc 88 (沙湾子 养殖场) as a notice: ``饲料库120平米490元/平米`` is the name ``饲料库120平米`` and its unit price, as
    labelled; a name with a year or an item number only (``2、2024年长者食堂市级奖补15万元``, real doc 152) is no such name."""
    text = ("项目名称:养殖场基础设施建设项目\n现将绩效目标设定如下:\n一、产出指标\n贫困地区新增特色产业数量≥1个;养殖动物成活率"
            "(目标)≥95%;时效指标:开工时限,2021年7月;成本指标:打井、配电50000元;饲料库120平米490元/平米;围墙300米300元/米;"
            "标准化棚圈360平米550元/平米。")
    got = _read(text)
    assert [g for g in got if "平米" in g[0] or "围墙" in g[0]] == [
        ("饲料库120平米", "490元/平米"), ("围墙300米", "300元/米"), ("标准化棚圈360平米", "550元/平米")], got


def test_a_name_alone_that_holds_a_grade_word_is_no_grade_alone():
    """Doc 226 (光辉路) and 34 (省道) in the headed form: ``按时完成建设;`` and ``提升周边居民满意度;`` are names with no target
    though they hold grade words (完成, 提升); ``明显提高;`` ends in its grade word and stays a grade alone."""
    text = ("现将绩效目标设定如下:\n一、产出指标\n(一)时效指标\n按时完成建设;\n明显提高;\n三、满意度指标\n"
            "(一)服务对象满意度指标\n提升周边居民满意度;\n")
    assert _read(text) == [("按时完成建设", ""), ("提升周边居民满意度", "")], _read(text)


def test_a_list_s_line_whose_name_is_a_sentence_with_commas_keeps_it_whole(tmp_path):
    """Doc 36 (石嘴山 疫苗) in the headed form: ``通过注射疫苗,可以有效降低疫苗针对传染病的发生40%;`` is one indicator named by
    the whole sentence, as labelled, and so is ``按照…采购后,以采购价提供给各社区卫生服务机构100%``; a named number after a
    sentence (``…深受好评,力争毕业生合格率达100%``) is still the named number alone."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_headed
    write_headed(tables(_labels("36_")), tmp_path / "36.txt")
    got = {(r.level3, r.value_raw) for r in parse_file(tmp_path / "36.txt").indicators}
    assert {("通过注射疫苗,可以有效降低疫苗针对传染病的发生", "40%"),
            ("按照辖区内社区卫生服务机构计划进行采购后,以采购价提供给各社区卫生服务机构", "100%")} <= got, got
    from indicators.table.prose import _clause
    assert _clause("校园文化建设深受好评,力争毕业生合格率达100%") == ("力争毕业生合格率", "达100%")


def test_a_numbered_goal_item_that_names_no_target_is_a_record():
    """Real document 260 (哈密 伊州区 衔接资金 notice): ``6.绩效目标:1.项目受益灌溉面积2950亩,…。2.吸纳本地群众就近就地就业。
    3.通过项目实施,…`` gives ``吸纳本地群众就近就地就业`` with no target, as labelled; the sentence items give only their
    named numbers."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("260_")).indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in _labels("260_")], got


def test_a_notice_naming_one_target_under_two_headings_is_read_as_prose(tmp_path):
    """The labels of doc 15 (巴南 党支部书记补贴) in the headed form give ``为民众办好事,办实事100%`` under 质量指标 and again
    under 可持续影响指标: two indicators, not a page that repeats its cells, so the prose reading wins over a headerless
    table reading of the notice."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_headed
    write_headed(tables(_labels("15_")), tmp_path / "15.txt")
    doc = parse_file(tmp_path / "15.txt")
    assert doc.reader == "prose", doc.reader
    assert ("按时发放率", "100%") in {(r.level3, r.value_raw) for r in doc.indicators}


def test_header_words_by_keyword_not_by_position():
    assert [header_role(w) for w in ("指标值及单位", "当年预期实现值", "全年实际值", "计量单位", "指标方向",
                                     "二级指标(长期)", "偏差原因分析及改进措施")] == \
        ["value", "value", "actual", "unit", "op", "level2", "reason"]   # 预期 (expected): the target
    toks = cell_stream("绩效指标(权重分值90分) 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分")
    (tpl,) = find_templates(toks)
    assert tpl.roles == ["row_label", "level1", "level2", "level3", "value", "actual", "weight", "score"]


def test_a_missing_merged_cell_in_one_cell_per_line_text():
    text = "一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n培训人次\n≥280人次\n合格率\n≥95%\n质量指标\n达标率\n100%\n"
    recs = parse_text(text).indicators
    assert [(r.level2, r.level3, r.value_raw) for r in recs] == [
        ("数量指标", "培训人次", "≥280人次"), ("数量指标", "合格率", "≥95%"), ("质量指标", "达标率", "100%")]


def test_cells_run_together_are_cut_at_levels_and_values():
    text = "一级指标二级指标三级指标指标值产出指标数量指标培训人次≥280人次质量指标培训合格率≥95%"
    recs = parse_text(text).indicators
    assert [(r.level1, r.level2, r.level3, r.value_raw) for r in recs] == [
        ("产出指标", "数量指标", "培训人次", "≥280人次"), ("产出指标", "质量指标", "培训合格率", "≥95%")]


def test_rows_split_on_types_when_a_line_holds_two_rows():
    toks = cell_stream("产出指标 | 数量指标 | 培训人次 | ≥280人次 | 质量指标 | 合格率 | 100% |")
    rows = split_rows(toks, ["level1", "level2", "level3", "value"])
    # a row start inside a pipe line is dear, but a second 二级 + name + value cannot fit the first row
    assert [[c.text for c in r.cells] for r in rows] == [["产出指标", "数量指标", "培训人次", "≥280人次"],
                                                          ["质量指标", "合格率", "100%"]]


def test_table_ends_where_the_template_stops_fitting():
    text = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训人次 | 280人次 |\n"
            "填报人：张三 联系电话：123\n序号 | 采购物品名称 | 数量 | 金额 |\n1 | 电脑 | 2台 | 1万元 |\n")
    recs = parse_text(text).indicators
    assert [r.level3 for r in recs] == ["培训人次"]


def test_a_document_without_a_table_says_why():
    doc = parse_text("关于下达2022年资金的通知\n各单位：现将资金下达给你们，请按规定使用。\n")
    assert doc.indicators == [] and "no 绩效 table found" in doc.diagnostic


def test_truncated_document_keeps_every_complete_row():
    text = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 培训人次 | 280人次 |\n"
            "| 质量指标 | 合格率 | 9")
    recs = parse_text(text).indicators
    assert [r.level3 for r in recs][:1] == ["培训人次"]


def test_cli_lists_documents_without_records_with_the_reason(tmp_path):
    (tmp_path / "notice.txt").write_text("关于下达资金的通知\n请按规定使用。\n", encoding="utf-8")
    (tmp_path / "good.md").write_text(_doc("30_").read_text(encoding="utf-8"), encoding="utf-8")
    errors = tmp_path / "errors.csv"
    proc = subprocess.run([sys.executable, "-m", "indicators", "parse", str(tmp_path), "--out",
                           str(tmp_path / "out.csv"), "--errors", str(errors), "--no-progress"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "files without records: 1" in proc.stderr
    assert "notice.txt: no records: no 绩效 table found" in proc.stderr
    assert "notice.txt" in errors.read_text(encoding="utf-8-sig")


def test_load_report_names_every_file():
    result = read_documents([_doc("30_"), _doc("18_")])
    report = result.load_report()
    assert list(report["status"]) == ["records", "records"] or "no records" in list(report["status"])
    assert all(r for r in report["reason"][report["status"] == "no records"])


def test_real_document_scores_do_not_fall_below_the_measured_floor():
    """All 104 labelled real documents (tests/realdocs): a regression guard just under the level reached
    (README: F1 0.870, precision 0.906, target exact 0.957), not the goal."""
    sys.path.insert(0, str(ROOT))
    from evaluation.evaluate_records import documents, evaluate
    import io
    summary = evaluate(documents("all"), set(), out=io.StringIO())
    assert summary["f1"] >= 0.85
    assert summary["precision"] >= 0.89
    assert summary["target_quantitative"] >= 0.94


def test_a_large_document_without_blank_lines_reads_in_bounded_time():
    """Found by fuzzing (../shared/tools/fuzz.py): a one-cell-per-line page without blank lines, repeated
    to 136k characters, made the paragraph layout rescan the rest of the file from every candidate header
    (33 s; fuzz's limit is 5 s). Rebuilt here from real document 06, which has no blank lines."""
    import signal
    from indicators.layouts.vertical import MAX_PARAGRAPH_LINES, VerticalLayout
    from indicators.model import Line

    page = _doc("06_").read_text(encoding="utf-8").rstrip("\n")
    text = "\n".join([page] * (140_000 // len(page) + 1))
    assert len(text) > 136_000 and "\n\n" not in text

    def too_slow(*_):
        raise TimeoutError("parse_text took over 30 s")
    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(30)
    try:
        doc = parse_text(text, "big.txt")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert len(doc.indicators) > 100   # every copy of the page is read
    # a "paragraph" longer than the bound is not a cell: the scan stops there instead of at the file's end
    lines = [Line(cells=[f"第{i}行"], lineno=i) for i in range(1, 200)]
    assert list(VerticalLayout._paragraphs(lines, 0)) == [(None, 1, 0)]
    assert MAX_PARAGRAPH_LINES < 200


def test_numbers_glued_together_are_split_where_the_columns_need_it():
    """Real document 10 (评价指标表 run together): ``210010`` is target 2100 and weight 10; the header
    ``评价指标评价内容指标名称指标说明目标值分值备注`` is seven cells."""
    got = {r.level3: (r.value_raw, r.weight_raw) for r in parse_file(_doc("10_")).indicators}
    assert got["享受资助人数"] == ("2100", "10")
    assert got["资金支出率"] == ("95%", "10")
    # real document 04: weight 8 glued in front of the target 550万粒
    got = {r.level3: r.value_raw for r in parse_file(_doc("04_")).indicators}
    assert got["免费发放原原种"] == "550万粒"


def test_a_number_in_a_cell_the_source_separated_is_never_cut():
    text = ("一级指标 | 二级指标 | 三级指标 | 分值 | 指标值 | 实际值 | 得分 |\n"
            "产出指标 | 数量指标 | 养殖数量 | 10 | 192只 | 192只 | 10 |\n"
            "其中羊养殖数量 | 180只 | 181只 |\n")
    got = {r.level3: r.value_raw for r in parse_text(text).indicators}
    assert got["其中羊养殖数量"] == "180只"


def test_traditional_run_together_table_is_cut_like_simplified():
    """Real document 09: a traditional-script self-evaluation table with every cell run together."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("09_")).indicators}
    assert got["滅火設備配備率"] == "100%"
    assert got["監控系統維護率"] == "100%"   # not "達成預期指標監控系統維護率": a remark is never part of a name
    assert got["森林火災案件查處率"] == "不低于90%"


def test_a_page_that_starts_mid_table_is_read_without_its_header():
    """Real document 13: the header is on a page the mirror did not keep."""
    doc = parse_file(_doc("13_"))
    got = {r.level3: (r.level1, r.level2, r.value_raw) for r in doc.indicators}
    assert doc.reader == "headerless"
    assert got["科目调整次数"] == ("产出指标", "数量指标", "≤10次")
    assert got["按时发放率"] == ("产出指标", "时效指标", "=100%")


def test_prose_sentences_are_not_read_as_a_headerless_table():
    text = "一、产出指标。数量指标：经费发放率为98%。质量指标完成情况良好。覆盖率为100%。时效指标按时完成。"
    assert parse_text(text).reader != "headerless"


def test_an_outline_under_a_project_value_amount_header():
    """Real document 36 (宁夏 批复表): 项目 | 指标值 | 绩效金额 over an indented tree of 一级, 二级 (必填) and
    三级 rows."""
    got = {r.level3: (r.level1, r.level2, r.value_raw) for r in parse_file(_doc("36_")).indicators}
    assert got["疫苗提供及时率"] == ("产出指标", "时效指标", "100%")
    assert got["通过注射疫苗,可以有效降低疫苗针对传染病的发生"] == ("效益指标", "可持续影响指标", "40%")


def test_targets_in_running_text_when_there_is_no_table():
    """Real documents 32 (spun mirror text, no headings) and 18 (a self-evaluation report in prose)."""
    doc = parse_file(_doc("32_"))
    got = {r.level3: r.value_raw for r in doc.indicators}
    assert doc.reader == "sentences"
    assert got["完结率"] == "100%" and got["获益目标满意度"] == "≥90%" and got["保护乡村饮水设备数量"] == "14个"
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("18_")).indicators}
    assert got["覆盖率"] == got["资金到位率"] == ("质量指标", "100%")   # "覆盖率及资金到位率均为100%"
    assert got["义务兵家庭优待金每年3月、9月份发放"] == ("时效指标", "100%")
    assert got["国家规定标准发放"] == ("成本指标", "100%")


def test_sentence_targets_reached_cumulatively_or_by_a_year():
    """Real document 332 (an evaluation report quoting the city's 四项治理 plan): ``农贸市场整治面累计达到98%`` and
    ``要求到2020年人民群众食品安全满意度力争达到70%以上``: the verb and the year in front are neither name nor value."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("332_")).indicators}
    assert got["农贸市场整治面"] == got["食品小作坊整治面"] == got["小餐饮整治面"] == "98%"
    assert got["人民群众食品安全满意度"] == "70%以上"


def test_a_target_with_a_bracketed_note_is_a_value_not_part_of_the_name():
    """Real document 260 (哈密 衔接资金 projects) printed one cell per line (evaluation/evaluate_rendered.py,
    celllines): ``338户889人(其中:脱贫户21户46人)`` is 覆盖农户's target with its note, not glued onto the name."""
    from indicators.table.rows import token_type
    assert token_type("338户889人(其中:脱贫户21户46人)") == token_type("2台(含开沟机、播种机)") == "value"
    assert token_type("种植作物成活率(≥**%)") == "text"
    text = "\n".join(["一级指标", "二级指标", "三级指标", "指标值", "项目受益灌溉面积", "2950亩", "覆盖农户",
                      "338户889人(其中:脱贫户21户46人)", "流转面积", "不少于项目区的30%"])
    got = _read(text)
    assert got == [("项目受益灌溉面积", "2950亩"), ("覆盖农户", "338户889人(其中:脱贫户21户46人)"),
                   ("流转面积", "不少于项目区的30%")]


def test_a_decimal_target_and_its_equal_actual_run_together_are_two_cells():
    """Real document 120 (昌宁 pig farm, 指标值 | 实际完成值) run together (evaluation/evaluate_rendered.py): ``22.822.8`` is
    the target 22.8 and the actual 22.8."""
    text = "一级指标二级指标三级指标指标值实际完成值产出指标数量指标隔离舍(≥**平方米)5454堆粪房(≥**平方米)29.629.6消毒池(≥**平方米)1414"
    got = _read(text, "actual_raw")
    assert ("堆粪房(≥**平方米)", "29.6", "29.6") in got and ("隔离舍(≥**平方米)", "54", "54") in got


def test_a_word_opening_with_a_unit_letter_after_a_number_starts_the_next_name():
    """Real document 120 run together: ``育肥猪舍(≥**平方米)180180周转猪舍(≥**平方米)180180`` is two rows (周转, 场地 start
    a name: ``unit_words`` of ``reader.toml``), not the target ``180180周``."""
    text = ("一级指标二级指标三级指标指标值实际完成值产出指标数量指标育肥猪舍(≥**平方米)180180周转猪舍(≥**平方米)180180"
            "排污沟(≥米)5050场地硬化(≥**平方米)230230")
    got = _read(text, "actual_raw")
    assert got == [("育肥猪舍(≥**平方米)", "180", "180"), ("周转猪舍(≥**平方米)", "180", "180"), ("排污沟(≥米)", "50", "50"),
                   ("场地硬化(≥**平方米)", "230", "230")], got


def test_the_header_s_last_cell_run_onto_the_first_name_is_cut_off():
    """Real document 84 (湖北 残联 宣传文化) run together (evaluation/evaluate_rendered.py): ``…三级指标指标值全国助残日活动次数1次``
    is the header's 指标值, then the first row ``全国助残日活动次数 | 1次``."""
    text = "项目名称:宣传文化工作经费项目一级指标二级指标三级指标指标值全国助残日活动次数1次报纸杂志专版专栏1个电视专栏节目24期"
    got = _read(text)
    assert got[0] == ("全国助残日活动次数", "1次")


def test_a_count_between_two_texts_is_a_target_not_a_number_inside_a_name(tmp_path):
    """Run together, ``内部刊物`` ``12期`` ``开展残疾人文化活动`` (doc 84) is a name and its target before the next name,
    while ``上年`` ``12月底`` ``编内人员数`` is one name with a date in it."""
    from indicators.table.rows import _inner_numbers
    from indicators.table.stream import Token
    assert _inner_numbers([Token(t, 1, "glue") for t in ("内部刊物", "12期", "开展残疾人文化活动")]) == []
    assert _inner_numbers([Token(t, 1, "glue") for t in ("上年", "12月底", "编内人员数")]) == [1]
    # within one cell the source bordered, a count is the name's own (doc 322 as a web page)
    import sys
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_rendered import tables, write_html
    labels = _labels("322_")
    write_html(tables(labels), tmp_path / "322.html")
    got = [(r.level3, r.value_raw) for r in parse_file(tmp_path / "322.html").indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in labels]


def test_run_together_a_count_between_two_names_ends_the_first_row():
    """Real document 84 run together (evaluation/evaluate_rendered.py): ``网络宣传平台1个内部刊物12期`` is two rows, each
    name with its count, not one name ``网络宣传平台1个内部刊物``."""
    text = "项目名称:宣传文化工作经费项目一级指标二级指标三级指标指标值广播专题节目104期网络宣传平台1个内部刊物12期"
    got = _read(text)
    assert got == [("广播专题节目", "104期"), ("网络宣传平台", "1个"), ("内部刊物", "12期")], got


def test_run_together_any_count_between_two_names_ends_the_first_row_but_a_scoring_rule_s_does_not():
    """Real documents 320 (桐柏 乡村旅游) and 292 (永定 图书馆) run together: ``特色民俗12间升级改造特色民俗8间``,
    ``订阅报刊120种满足读者阅读…`` are rows ended by a count in any unit; real document 117 (衡陽 福利院, its 评分标准
    run onto the row: ``…次數1通過開放日活動,…開放日活動次數1次以上計3分``) keeps ``開展開放日活動次數 | 1``."""
    text = ("项目名称:回龙乡榨楼村乡村旅游基础设施建设项目一级指标二级指标三级指标指标值特色民俗12间升级改造特色民俗8间"
            "带动就业24人人均增收3万元")
    got = _read(text)
    assert got == [("特色民俗", "12间"), ("升级改造特色民俗", "8间"), ("带动就业", "24人"), ("人均增收", "3万元")], got
    text = "项目名称:图书、报刊购置项目一级指标二级指标三级指标指标值采购正规出版图书1000册订阅报刊120种满足读者阅读10000人次"
    got = _read(text)
    assert got[:2] == [("采购正规出版图书", "1000册"), ("订阅报刊", "120种")], got
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("117_")).indicators]
    assert ("開展開放日活動次數", "1") in got, got


def test_a_report_s_next_section_after_a_run_together_table_ends_the_table():
    """Real document 70 (寧德 人才驛站 自評): the report goes on after the table, ``(二)項目財務管理狀況本項目累計安排資金10萬元,
    ,其中:項目立項6分,績效目標5分,…``: no row is read from it."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("70_")).indicators]
    assert got == [(lab["level3"], lab["value_raw"]) for lab in _labels("70_")], got


def test_run_together_a_grade_between_two_names_ends_the_first_row():
    """Real documents 340 (丰宁 生态环境局) and 98 (科学城 融媒体) run together: ``…空气质量状况进一步改善集中饮用水源地
    水质达标率100%`` and ``管理制度健全性高高资金使用合规性好好…`` are rows ended by a grade (a target and, doubled, its
    actual); ``公眾知曉度是否明顯提高`` (doc 09) is one name, a 是否 question about a grade."""
    text = ("项目名称:一级指标二级指标三级指标指标值城镇环境空气质量状况进一步改善集中饮用水源地水质达标率100%"
            "建设项目环保审批把关率100%")
    got = _read(text)
    assert got == [("城镇环境空气质量状况", "进一步改善"), ("集中饮用水源地水质达标率", "100%"),
                   ("建设项目环保审批把关率", "100%")], got
    text = "项目名称:一级指标二级指标三级指标指标值实际完成值管理制度健全性高高资金使用合规性好好固定资产利用率90%100%"
    got = _read(text, "actual_raw")
    assert got == [("管理制度健全性", "高", "高"), ("资金使用合规性", "好", "好"), ("固定资产利用率", "90%", "100%")], got
    from indicators.table.stream import lex
    assert lex("公眾知曉度是否明顯提高是達成預期指標")[0].startswith("公眾知曉度是否明顯提高")


def test_run_together_a_name_graded_by_its_own_adjective_ends_at_the_grade():
    """Real document 124 (镇江 赛珍珠文化公园, a 决策 table) run together: ``立项依据充分性充分绩效目标…明确性明确`` are rows
    ``立项依据充分性 | 充分``, ``绩效指标明确性 | 明确``: the grade repeats the name's adjective."""
    text = "项目名称:运转经费一级指标二级指标三级指标指标值立项依据充分性充分绩效目标绩效指标明确性明确绩效目标合理性合理"
    got = _read(text)
    assert got == [("立项依据充分性", "充分"), ("绩效指标明确性", "明确"), ("绩效目标合理性", "合理")], got


def test_run_together_a_rate_then_da_and_a_number_is_a_name_and_its_target():
    """Real documents 292 (永定 图书馆) and 172 (南岳 实验中学) run together: ``…读者满意率达90%`` is ``读者满意率 | 达90%``, as
    their labels have it (doc 115's labels keep ``辖区企业满意率达95%以上。`` as one statement: the reader cuts it too)."""
    text = "项目名称:图书、报刊购置项目一级指标二级指标三级指标指标值采购正规出版图书1000册读者满意率达90%"
    got = _read(text)
    assert got == [("采购正规出版图书", "1000册"), ("读者满意率", "达90%")], got
    from indicators.table.stream import lex
    assert lex("完成时间为2022年12月30日") == ["完成时间为2022年12月30日"]


def test_run_together_a_rate_then_dadao_and_a_number_is_a_name_and_its_target():
    """Real document 340 (丰宁 生态环境局) prints ``工业固体废物综合利用率,达到55%以上``; run together, the rate's name ends
    before its ``达到``, as it does before ``达`` (the labels keep ``达到`` in the value)."""
    text = ("项目名称:环境保护一级指标二级指标三级指标指标值产出指标数量指标工业固体废物综合利用率达到55%以上"
            "工业用水重复利用率不低于60%城镇集中供热率达到40%")
    got = _read(text)
    assert got == [("工业固体废物综合利用率", "达到55%以上"), ("工业用水重复利用率", "不低于60%"),
                   ("城镇集中供热率", "达到40%")], got


def test_run_together_a_comparison_with_last_year_opens_the_target_after_it():
    """Real document 340 prints ``化学需氧量(COD)、二氧化硫排放量,较上年削减3%``: run together, the comparison and the share
    are the target. In real document 04's self-evaluation (``…化学农药量较上年减少82%2%8``: weight, share, actual) the
    comparison stays in the name, as its label has it."""
    text = ("项目名称:环境保护一级指标二级指标三级指标指标值产出指标数量指标化学需氧量(COD)、二氧化硫排放量较上年削减3%"
            "工业用水重复利用率不低于60%")
    got = _read(text)
    assert got == [("化学需氧量(COD)、二氧化硫排放量", "较上年削减3%"), ("工业用水重复利用率", "不低于60%")], got
    assert _read(text.replace("削减", "减少"))[0] == ("化学需氧量(COD)、二氧化硫排放量", "较上年减少3%")
    doc04 = ("项目名称:马铃薯一级指标二级指标三级指标分值年度指标值实际完成值得分效益指标生态效益指标"
             "病害减少,防治病虫害使用的化学农药量较上年减少82%2%8可持续影响指标持续完善繁育体系8是基本达到7")
    assert _read(doc04, "actual_raw", "weight_raw")[0] == (
        "病害减少,防治病虫害使用的化学农药量较上年减少", "2%", "2%", "8")


def test_run_together_self_evaluation_a_name_and_its_target_are_no_actual():
    """Real document 18 (临河 优抚) as a self-evaluation table run together: where a row has no 实际完成值, the next row's
    name and target (``经费发放率98%``), or a target and the next name (``98%覆盖率``), are not one actual or value cell."""
    text = ("项目名称:优抚对象生活补助经费一级指标二级指标三级指标指标值实际完成值产出指标数量指标服务对象404名"
            "发放补助金2126.81万元经费发放率98%覆盖率100%资金到位率100%时效指标优抚对象生活补助金每月中旬发放100%100%")
    got = _read(text, "actual_raw")
    assert got == [("服务对象", "404名", ""), ("发放补助金", "2126.81万元", ""), ("经费发放率", "98%", ""),
                   ("覆盖率", "100%", ""), ("资金到位率", "100%", ""),
                   ("优抚对象生活补助金每月中旬发放", "100%", "100%")], got


def test_run_together_a_grade_written_twice_ends_its_row():
    """Doc 134 (霍山 特殊教育) run together: ``…特殊教育资源扩大扩大…`` is the name, its target 扩大 and the actual 扩大 again,
    then the next name; a comparison with last year written twice (``同比2022年销量显著提高显著提高``, real doc 153) stays whole."""
    text = ("项目名称:特殊教育补助一级指标二级指标三级指标指标值实际完成值效益指标社会效益指标特殊教育资源扩大扩大"
            "特殊儿童入学率≥95%96%")
    assert _read(text, "actual_raw") == [("特殊教育资源", "扩大", "扩大"), ("特殊儿童入学率", "≥95%", "96%")], _read(text, "actual_raw")
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("153_")).indicators}
    assert ("提升彩票销量,筹集更多彩票公益金", "同比2022年销量显著提高") in got, got


def test_run_together_a_name_ending_in_qingkuang_then_its_grade_ends_the_row():
    """Doc 110 (昭化 麻风病) run together: ``项目实施情况良好服务能力提升持续加强`` is ``项目实施情况 | 良好`` and ``服务能力提升 |
    持续加强``; a grade that opens a name ending (``…质量合格率``) is no such grade."""
    text = ("项目名称:麻风病防治一级指标二级指标三级指标指标值效益指标可持续影响指标项目实施情况良好服务能力提升持续加强"
            "满意度指标服务对象满意度指标群众幸福感明显提升")
    assert _read(text) == [("项目实施情况", "良好"), ("服务能力提升", "持续加强"), ("群众幸福感", "明显提升")], _read(text)
    from indicators.table.stream import lex
    assert "合格" not in lex("产品质量性合格率达标检验检测全覆盖")


def test_one_cell_per_line_a_whole_name_after_a_long_text_starts_a_row():
    """Doc 260 (哈密 伊州区) one cell per line with empty cells left out: ``吸纳本地群众就近就地就业`` (no target) then
    ``流转面积`` / ``不少于项目区的30%``: 流转面积 starts a row of its own, it is not glued onto the text before it; a text with numbers before a name (real doc 242's
    ``受益户数≥200户,…`` cells) is no such text."""
    text = ("项目名称:衔接资金项目\n一级指标\n二级指标\n三级指标\n指标值\n产出指标\n数量指标\n覆盖农户\n338户\n"
            "吸纳本地群众就近就地就业\n流转面积\n不少于项目区的30%\n效益指标\n社会效益指标\n带动增收农户\n≥50户")
    got = _read(text)
    assert ("流转面积", "不少于项目区的30%") in got and ("带动增收农户", "≥50户") in got, got
    assert not any("吸纳" in name and name != "吸纳本地群众就近就地就业" for name, _ in got), got


def test_run_together_a_share_and_its_bound_between_two_names_ends_a_row():
    """Doc 32 (万州 农村供水) run together: ``…废物分类60%以上完结粮食栽培培育面积624.13亩``: ``60%以上`` is a share with its
    bound, the first name's target, not a number inside one name."""
    text = ("项目名称:乡村振兴一级指标二级指标三级指标指标值产出指标数量指标镇乡行政村展开废物分类60%以上"
            "完结粮食栽培培育面积624.13亩")
    assert _read(text) == [("镇乡行政村展开废物分类", "60%以上"), ("完结粮食栽培培育面积", "624.13亩")], _read(text)


def test_run_together_a_count_with_its_bound_and_a_value_after_dadao():
    """Doc 324 (衔接资金 notice) run together: ``收入每月增加3500元以上预计新增产值达到2亿元`` is two rows: a count with its bound
    between two names ends the first, and the value's name ends before its ``达到``."""
    text = "项目名称:衔接资金项目一级指标二级指标三级指标指标值效益指标经济效益指标收入每月增加3500元以上预计新增产值达到2亿元"
    assert _read(text) == [("收入每月增加", "3500元以上"), ("预计新增产值", "达到2亿元")], _read(text)


def test_run_together_a_count_before_a_bare_name_ending_is_inside_the_name():
    """Doc 330 (国家基本公卫) run together: ``卫生监督协管各专业年巡查(访)2次完成率≥90%`` is one name and ``≥90%``: a count
    followed by a name ending alone (完成率) stands inside the name, it ends no row."""
    text = ("项目名称:基本公卫一级指标二级指标三级指标指标值产出指标质量指标卫生监督协管各专业年巡查(访)2次完成率≥90%"
            "尘肺病康复患者满意度≥85%")
    assert _read(text) == [("卫生监督协管各专业年巡查(访)2次完成率", "≥90%"), ("尘肺病康复患者满意度", "≥85%")], _read(text)


def test_run_together_a_decimal_or_a_closing_youxiao_ends_a_row():
    """Real documents 92 (慈溪 托育) and 26 (临沂 师范附小) run together: ``每千人托位4.5应补尽补率100%`` is two rows (a decimal is
    no number inside a name) and ``…教育均衡化发展有效成本指标…`` ends its row in the grade 有效; real document 162 (梧州,
    prose) gives ``维护单位日常运转 | 定性有效`` (the kind word goes with the grade)."""
    text = "项目名称:3岁以下婴幼儿照护服务项目一级指标二级指标三级指标指标值数量指标每千人托位4.5应补尽补率100%产出指标"
    got = _read(text)
    assert got == [("每千人托位", "4.5"), ("应补尽补率", "100%")], got
    text = ("项目名称:小学教育公用经费一级指标二级指标三级指标指标值时效指标教育均衡化发展有效成本指标义务教育小学生均公用经费"
            "780元/生/年")
    got = _read(text)
    assert got == [("教育均衡化发展", "有效"), ("义务教育小学生均公用经费", "780元/生/年")], got
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("162_")).indicators]
    assert ("维护单位日常运转", "定性有效") in got, got


def test_a_project_label_in_a_later_cell_of_a_workbook_row_names_each_sheet_s_project():
    """Doc 387 (深圳 松岗街道 二级项目 申报表, 20 sheets): each sheet's row 2 is ``项目编码： | 4403… | | 项目名称： | …``; its
    records take that 项目名称 cell's project (not the title's 二级 of 二级项目支出绩效目标申报表)."""
    labels = _labels("387_")
    got = [r.project for r in parse_file(_doc("387_")).indicators]
    assert got == [lab["project"] for lab in labels]


def _doc388() -> list:
    return parse_file(_doc("388_")).indicators


def test_a_title_the_lexer_cut_ends_the_table_before_it():
    """Doc 388 (南江 高塔镇 .xls): a sheet's title ``南江县2025年县级部门(单位)、乡镇(街道)预算项目支出绩效目标申报表`` right
    after the last row of the sheet before is the next table's title, not a row (``南江县 | 2025年``); doc 160's last row
    keeps its own 指标值说明 instead of the next table's title."""
    names = {r.level3 for r in _doc388()}
    assert not names & {"南江县", "南江县2025年", "县级部门（单位）、乡镇（街道办）预算项目支出"}, names
    last = [r for r in parse_file(_doc("160_")).indicators if r.level3 == "税务局对我单位税费缴纳及时、足额的满意度"]
    assert [r.description for r in last] == ["考察税费缴纳的及时、足额"]


def test_a_name_ending_in_zhibiao_under_the_level3_header_is_the_level3():
    """Doc 388: ``成本指标 | 经费预算不超指标 | 支出控制在预算额度内`` under 二级 | 三级 | 指标值: the name ending in 指标 stands
    under the 三级 header, so it is the row's 三级 name, not a second 二级 (misread, the row ended the project's table:
    中小型水库管理经费's 效益 and 满意度 rows after it were lost)."""
    got = {(r.level2, r.level3, r.value_raw) for r in _doc388()}
    assert ("成本指标", "经费预算不超指标", "支出控制在预算额度内") in got
    got = {(r.project, r.level3, r.value_raw) for r in _doc388()}
    assert ("中小型水库管理经费", "改善灌溉面积", "有所提升") in got and ("中小型水库管理经费", "灌溉保证率", "达标率100%") in got


def test_a_slot_left_wu_in_both_cells_is_a_record_without_target():
    """Doc 388: a form's row ``成本指标 | 无 | 无`` or ``经济效益 | 无 |`` (no indicator set) is a record whose target is
    missing, as doc 387's 不适用 rows are; a 无 with another value stays a fragment."""
    labels = [lab for lab in _labels("388_") if lab["level3"] == "无" and lab["value_raw"] in ("无", "")]
    got = [r for r in _doc388() if r.level3 == "无"]
    assert len(got) == len(labels) >= 11


def _doc391() -> list:
    return parse_file(_doc("391_")).indicators


def test_a_wu_row_goes_on_with_its_table():
    """Doc 391 (南江 集州街道 workbook): ``效益指标 | 经济效益 | 无`` rows, the 三级 cell saying the 二级 has no indicator,
    are slots filled in: the table goes on past them to its 社会效益 and 满意度 rows (two of them ended the table)."""
    got = [(r.project, r.level3) for r in _doc391() if r.level3 == "群众满意度"]
    labels = {(lab["project"], lab["level3"]) for lab in _labels("391_") if lab["level3"] == "群众满意度"}
    assert set(got) == labels and len(labels) >= 6
    assert sum(r.level3 == "无" and r.value_raw == "" for r in _doc391()) >= 10


def test_a_row_of_level_cells_alone_in_two_blocks_is_no_record():
    """Doc 391: ``效益指标 | 经济效益 | … | 经济效益`` with both blocks' 三级 cells empty: each 二级 stands in its own header
    column, so the second block's is its 二级, not a 三级 named 经济效益; a blank form's sheet whose header has 年度目标 a
    line above the second 二级指标 gives no records either; its signature line ends the table."""
    names = [r.level3 for r in _doc391()]
    assert not {"经济效益", "生态效益", "可持续影响", "数量指标", "服务对象满意度"} & set(names), names
    assert not [n for n in names if "签字" in n or n.startswith("南江县")], names


def test_records_no_table_names_take_the_one_project_the_document_labels():
    """Doc 145 (荆门 文物保护): ``项目名称 | 全市文物保护专项经费`` above a prose list of targets: the list's records belong to
    that project. Docs 326 and 241: ``项目名称:叶县2020年桑树种植建设项目`` keeps the whole cell the lexer cut at its year."""
    assert {r.project for r in parse_file(_doc("145_")).indicators} == {"全市文物保护专项经费"}
    assert {r.project for r in parse_file(_doc("326_")).indicators} == {"叶县2020年桑树种植建设项目"}
    assert {r.project for r in parse_file(_doc("241_")).indicators} == {"临翔区2025年临沧坚果提质增效示范基地建设项目"}
    # run together, the label inside a piece: "…自评表专项资金名称县级储备粮负责人及电话…" (doc 20)
    assert {r.project for r in parse_file(_doc("20_")).indicators} == {"县级储备粮"}


def test_a_department_table_with_a_column_per_level2_gives_a_record_per_cell():
    """Doc 389 (巴州区财政局 2020 .xls): the 部门整体绩效预算目标表 has one row per task and a column per 二级
    (``数量指标（三级指标及指标值）`` …), each cell a name and its target; every non-empty cell is a record of that 二级,
    beside the 项目 table's records the readers read before."""
    recs = parse_file(_doc("389_")).indicators
    got = {(r.level2, r.level3, r.value_raw) for r in recs}
    assert ("数量指标", "组织绩效评价", "≥1次") in got and ("成本指标", "年度经费", "13万元") in got
    assert ("可持续影响指标", "财政资金使用效率", "不断提高") in got and ("服务对象满意度指标", "受惠民众满意度", "95%") in got
    assert ("数量指标", "完成一般公共预算收入在202年实际完成数基础上", "增长3%") in got   # (202年 as written)
    assert sum(r.level2 == "行政运行类" for r in recs) == 40   # (the 项目 table, as before)


def test_run_together_a_level_word_before_numbered_items_heads_them():
    """Real document 173 (炎陵 交通运输局 部门整体) run together (evaluation/evaluate_flattenings.py): ``…年度绩效指标产出指标
    指标1部门重点支出…是15%: 指标2…`` is the level word 产出指标 run onto its numbered items, read as a list."""
    text = ("整体绩效目标目标1:干线公路建设;目标2:农村公路建设。……部门整体支出 年度绩效指标产出指标指标1部门重点支出占部门整体"
            "支出的比例是15%: 指标3部门整体支出支付进度为100%: 指标4结转结余资金减少率为100%: ……效益指标指标1(经济效益):预计收费4000元")
    got = _read(text)
    assert ("部门重点支出占部门整体支出的比例", "15%") in got and ("部门整体支出支付进度", "100%") in got, got
    assert ("结转结余资金减少率", "100%") in got and ("(经济效益)", "预计收费4000元") in got, got


def test_run_together_a_target_led_by_ge_or_jun_and_a_count_in_zhongci():
    """Real documents 142 (国家林草局 测报) and 152 (福州 百岁老人慰问) run together: ``各1次``, ``均≥100…`` are targets,
    ``2000种次`` ends in its unit 种次 (not 2000种 with 次 opening the next name); 人均, 户均 stay the next name's."""
    text = ("项目名称:国家森林病虫害预测预报补助经费一级指标二级指标三级指标指标值年度、半年趋势报告次数各1次"
            "发生动态与短期预报报告次数2000次上报发生情况月报数据的林业有害生物种次2000种次汇总发生情况月报表次数12次")
    got = _read(text)
    assert got == [("年度、半年趋势报告次数", "各1次"), ("发生动态与短期预报报告次数", "2000次"),
                   ("上报发生情况月报数据的林业有害生物种次", "2000种次"), ("汇总发生情况月报表次数", "12次")], got
    text = "一级指标二级指标三级指标指标值实际完成值质量指标慰问对象年龄均≥100岁时效指标慰问款及时发放率=100%100%"
    got = _read(text)
    assert got[0][0] == "慰问对象年龄" and got[0][1].startswith("均≥100"), got   # (岁 is no unit of the lexer's: left)
    from indicators.table.stream import lex
    assert "人均增收" in lex("带动就业24人人均增收3万元")


def test_run_together_a_share_between_two_long_names_is_the_first_one_s_target():
    """Real document 36 (石嘴山 疫苗) run together: a long 成本 name, ``100%``, the next name, ``100%``: two rows (a share is
    no number inside a name)."""
    text = ("一级指标二级指标三级指标指标值成本指标按照辖区内社区卫生服务机构计划进行采购后,以采购价提供给各社区卫生服务机构"
            "100%按照物价部门定价标准采购100%时效指标疫苗提供及时率100%")
    got = _read(text)
    assert got == [("按照辖区内社区卫生服务机构计划进行采购后,以采购价提供给各社区卫生服务机构", "100%"),
                   ("按照物价部门定价标准采购", "100%"), ("疫苗提供及时率", "100%")], got


def test_run_together_a_comparator_or_direction_word_before_a_number_goes_with_the_target():
    """Real documents 112 (巴彦淖尔, ``租车达标率等于100%100``) and 128 (鄂州 科协, traditional script,
    ``公民科學文化素質提升10%提升10%``) run together: ``等于100%`` and ``提升10%`` are the targets; ``显著提升`` stays a
    grade and ``较上年减少`` a comparison of its own before a weight, a share and its actual (real document 04)."""
    text = ("一级指标二级指标三级指标指标值实际完成值质量指标租车达标率等于100%100宣传合格率等于100%100")
    got = _read(text, "actual_raw")
    assert got == [("租车达标率", "等于100%", "100"), ("宣传合格率", "等于100%", "100")], got
    text = "一级指标二级指标三级指标指标值实际完成值社会效益指标公民科學文化素質提升10%提升10%效益指标生態文明理念和意識提升10%提升10%"
    got = _read(text, "actual_raw")
    assert got == [("公民科學文化素質", "提升10%", "提升10%"), ("生態文明理念和意識", "提升10%", "提升10%")], got
    from indicators.table.stream import lex
    assert not any(p.startswith("提升") for p in lex("群众生产生活条件改善状况显著提升10%"))
    assert lex("防治病虫害使用的化学农药量较上年减少82%2%8")[:2] == ["防治病虫害使用的化学农药量", "较上年减少"]
    assert lex("防治病虫害使用的化学农药量较上年减少2%") == ["防治病虫害使用的化学农药量", "较上年减少2%"]   # (doc 340)


def test_run_together_a_grade_written_as_adverb_and_verb_ends_a_name():
    """Real documents 110 (麻风病防治) and 12 (孤儿助学) run together: ``…防治意识明显增强``, ``助学制度进一步完善100%``
    are a name and its grade (any grade adverb before any grade verb of ``reader.toml``)."""
    text = ("项目名称:麻风病防治一级指标二级指标三级指标指标值社会效益指标政府对麻风村休养员、村外康复者和现症病人的关爱明显增加"
            "效益指标广大群众对病风病防治意识明显增强")
    got = _read(text)
    assert got == [("政府对麻风村休养员、村外康复者和现症病人的关爱", "明显增加"), ("广大群众对病风病防治意识", "明显增强")], got
    text = "一级指标二级指标三级指标指标值实际完成值可持续影响指标助学制度进一步完善100%满意度指标服务对象满意度指标政策知晓率≥90%≥90%"
    got = _read(text, "actual_raw")
    assert got == [("助学制度", "进一步完善", "100%"), ("政策知晓率", "≥90%", "≥90%")], got


def test_a_name_opening_with_the_age_or_type_it_counts_is_a_name():
    """``7岁以下儿童健康服务率``, ``2型糖尿病患者管理人数`` (doc 330 run together) are names, not targets; real document 06
    (宜兴 基本公卫) gives ``0-6岁儿童健康管理数 | 56950人`` whole."""
    from indicators.table.rows import token_type
    assert token_type("7岁以下儿童健康服务率") == token_type("2型糖尿病患者管理人数") == "text"
    assert token_type("7岁以下") == "value"
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("06_")).indicators}
    assert ("0-6岁儿童健康管理数", "56950人") in got
    # run together, the lexer's cut after a target does not take the number off the next name (doc 330 rendered)
    got = [(r.level3, r.value_raw) for r in parse_text(
        "一级指标二级指标三级指标指标值高血压患者管理人数142万人2型糖尿病患者管理人数63万人肺结核患者管理率≥90%").indicators]
    assert ("2型糖尿病患者管理人数", "63万人") in got


def test_an_unknown_level2_name_run_onto_the_next_name_after_a_target_is_cut_off():
    """Real document 96 (舒城 以工代赈, 二级 names of its own: 计划管理指标, 资金管理指标) run together
    (evaluation/evaluate_rendered.py): ``≥90%计划管理指标投资计划分解(转发)用时≤20工作日`` is the 二级 name, then the row."""
    text = ("一级指标二级指标三级指标指标值满意度指标满意度指标参与工程建设的贫困群众满意度≥90%计划管理指标投资计划分解(转发)用时"
            "≤20工作日资金管理指标中央预算内投资支付率≥95%年度计划投资完成率≥95%")
    got = [(r.level2, r.level3, r.value_raw) for r in parse_text(text).indicators]
    assert ("计划管理指标", "投资计划分解(转发)用时", "≤20工作日") in got
    assert ("资金管理指标", "中央预算内投资支付率", "≥95%") in got


def test_a_level_name_with_its_note_on_a_line_does_not_make_lines_rows():
    """Real document 68 (原州 南部水源涵养林) printed one cell per line with long cells wrapped at spaces
    (evaluation/evaluate_flattenings.py, wrapped): ``成本指标 (必填 硬性指标)`` is a level and its note, not a row run
    together, so the page's lines stay cells and ``增加就业机会,提 高农民收入。`` is one name, joined again."""
    import sys
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    from indicators.table.stream import _rows_per_line
    assert not _rows_per_line(["成本指标 (必填 硬性指标)", "项目总投入", "经济效益 指标  (选填)", "受益人数"])
    assert _rows_per_line(["数量指标培训人次≥280人次", "质量指标合格率100%"])
    text = flattenings(_doc("68_").read_text(encoding="utf-8"))["wrapped"]
    names = {r.level3 for r in parse_text(text).indicators}
    assert {"增加就业机会,提高农民收入。", "受益人数(人)"} <= names


def test_budget_sentences_are_not_targets():
    doc = parse_text("2021年部门预算说明。一般公共预算安排77300万元，涉及财政拨款资金300万元。")
    assert doc.indicators == [] and "no 绩效 table" in doc.diagnostic


def test_a_two_level_table_whose_name_column_holds_level2_names():
    """Real document 38: 指标类型 | 指标名称 | 指标值 | 指标描述 with 数量指标 | 375万平方米 rows."""
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("38_")).indicators}
    assert got["数量指标"] == ("数量指标", "375万平方米")
    assert got["质量指标"] == ("质量指标", "100%")


def test_a_value_kind_column_is_not_the_value_and_units_join_bare_numbers_only():
    """Real document 19 (traditional script, 指標值類型 | *指標值 | 計量單位): 定量 is the kind, 28.8萬元 keeps its
    unit, a bare 100 takes the % of the unit column, 應保盡保 stays as written."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("19_")).indicators}
    assert got["業務工作支出安排金額"] == "28.8萬元"
    assert got["業務工作支出到位率"] == "100%"
    assert got["保證單位正常運轉"] == "應保盡保"


@pytest.mark.parametrize("prefix,junk", [
    ("12_", "手机扫码,畅快体验!"),            # web page footer after the table
    ("26_", "鲁ICP备06032897号鲁公网安备"),     # site registration line
    ("58_", "填表人:"),                       # sign-off line: 填表人 | 宋云花
    ("56_", "2021年实际实现值"),               # a header's second tier read as a row
    ("43_", "—"),                             # a dash fragment
])
def test_page_footers_sign_offs_and_header_cells_are_not_records(prefix, junk):
    """Real pages (tests/realdocs): the footer, sign-off and header leftovers fill name and value columns but are
    not indicators (indicators/table/sanity.py); the document's labelled records are all still read."""
    names = {r.level3 for r in parse_file(_doc(prefix)).indicators}
    assert junk not in names
    labels = _labels(prefix)
    assert sum(lab["level3"] in names for lab in labels) / len(labels) >= 0.85


@pytest.mark.parametrize("prefix,name,value", [
    ("07_", "上年12月底编内人员数", "3人"),              # pipe cell: "指标1:上年12月底编内人员数 | 3人"
    ("09_", "森林火災6小時內撲滅率", "不低于95%"),       # traditional script run together
])
def test_a_number_inside_a_name_stays_in_the_name(prefix, name, value):
    """Real documents: a number with words on both sides inside one cell is part of the name, not its value."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc(prefix)).indicators}
    assert (name, value) in got


def test_a_cell_ending_in_a_name_ending_is_not_glued_to_the_next_name():
    """Doc 54 (run together): "…维护情况" "2280次" "大楼安检巡察次数" are a description, a value and the next name."""
    names = {r.level3 for r in parse_file(_doc("54_")).indicators}
    assert "大楼安检巡察次数" in names


def test_a_header_without_a_value_column_puts_the_value_after_the_explanation():
    """Doc 42 (run together): 三级指标 | 指标解释 | 指标方向 | … has no 指标值 column; the 反映… explanation
    follows the name, so the value column goes after it and the name is not glued to the explanation."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("42_")).indicators}
    assert ("开展修复工程(个)", "≥11") in got
    assert "省级财政专项资金投入成本控制率(%)" in {name for name, _ in got}


def test_weights_written_as_shares_are_weights():
    """Doc 35 (run together): "创业担保贷款发放额增长率≥10%115.25%20%20": the 分值 is written 20%, so the target stays
    ≥10% and the name does not swallow it."""
    rows = {r.level3: r for r in parse_file(_doc("35_")).indicators}
    row = rows["创业担保贷款发放额增长率"]
    assert (row.value_raw, row.actual_raw, row.weight_raw, row.score_raw) == ("≥10%", "115.25%", "20%", "20")


def test_a_name_is_not_swallowed_by_the_reason_column_of_the_row_before():
    """Doc 61 (XLSX dump, space separated): "… 8 8 经费支出合规性 严格执行相关制度规定 达成预期指标 8 8": the name
    starts the next row (it ends like a name: 合规性), it is not the previous row's 未完成原因, and its target is not
    glued onto it."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("61_")).indicators}
    assert ("经费支出合规性", "严格执行相关制度规定", "达成预期指标") in got
    assert ("提交报告及时性", "在项目计划完成时间内完成", "达成预期指标") in got


def test_older_evaluation_frames_and_a_unit_letter_that_starts_a_word():
    """Doc 39 (苏州 2017, doc preview): "2.8项目日常进度管理情况" is the score 2.8 and the next name (项 of 项目 is not a
    unit); "投入目标(28 分)" is a first level of the older frame, its bracket broken by a space."""
    from indicators.table.stream import lex
    assert lex("2.8项目日常进度管理情况") == ["2.8", "项目日常进度管理情况"]
    rows = {r.level3: r for r in parse_file(_doc("39_")).indicators}
    assert rows["项目日常进度管理情况"].value_raw == "完整"
    assert (rows["资金节约率"].level1, rows["资金节约率"].value_raw) == ("投入目标", "15%")


def test_a_name_that_ends_in_a_count_keeps_it():
    """Doc 62 (one cell per line): "寨山石坪村新建水泥路1条 | 2km": the count belongs to the name, the target is 2km; a
    name with its rate glued on ("渔船补贴发放率100%", doc 22) is still a name and a value."""
    from indicators.table.rows import token_type
    assert token_type("寨山石坪村新建水泥路1条") == "text"
    assert token_type("渔船补贴发放率100%") == "value"
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("62_")).indicators}
    assert ("寨山石坪村新建水泥路1条", "2km") in got


def test_direction_and_comparator_columns_side_by_side():
    """Docs 72 and 73 (内蒙古, one row per line): 指标性质 | 指标方向 | 目标值 | 计量单位 hold 正向 | 大于等于 | 98 | %: the
    first is the direction, not part of the name, and the target is comparator, number and unit."""
    got72 = {(r.level3, r.value_raw) for r in parse_file(_doc("72_")).indicators}
    assert ("使用人员满意度", "大于等于98%") in got72
    got73 = {(r.level3, r.value_raw) for r in parse_file(_doc("73_")).indicators}
    assert ("出差人次", "=24人/次") in got73


def test_scoring_rules_read_as_rows_are_not_records():
    """Doc 77 (run together): 评分标准 cells (按标准发放得10分,每少1元扣1分) are not indicators."""
    names = [r.level3 for r in parse_file(_doc("77_")).indicators]
    assert not [n for n in names if "得10分" in n or n.startswith(",")]
    assert "学生补助标准" in names


def test_comparators_in_text_are_not_taken_for_markup():
    """Doc 74 (run together): "农村低保资金<=4758万元已完成 … 满意度>=95.00%" lost everything between < and > to the
    tag stripper; a tag opens with a letter, / or !. 已完成 / 未完成 are the actual column's remarks."""
    from indicators.text import strip_markup
    assert strip_markup("资金<=4758万元已完成满意度>=95.00%") == "资金<=4758万元已完成满意度>=95.00%"
    assert strip_markup("a<br/>b<td class=x>c") == "a b c"
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("74_")).indicators}
    assert ("补助人群精准率", ">=95.00%", "已完成") in got
    assert ("救助对象满意度", ">=95.00%", "已完成") in got


def test_prose_targets_behind_template_placeholders():
    """Doc 67 (宁夏, prose): "种植作物成活率(≥**%)>=85": the ≥ inside the name's placeholder is not where the value
    starts; "效益指标:经济效益指标:…" heads with both levels; two targets joined by a comma are two records."""
    got = {(r.level2, r.level3, r.value_raw) for r in parse_file(_doc("67_")).indicators}
    assert ("数量指标", "种植作物成活率(≥**%)", ">=85") in got
    assert ("经济效益指标", "促使脱贫户、监测户增加收入(≥**万元)", "≥80万元") in got


def test_prose_clause_ending_in_a_grade():
    """Doc 67 (宁夏, prose): ``生态效益指标:生态修复功能提高。``: a clause with no comparator or number that ends in a grade
    is the name before the grade and the grade; a grade with no name of four letters before it is no clause."""
    from indicators.table.prose import _clause
    got = {(r.level2, r.level3, r.value_raw) for r in parse_file(_doc("67_")).indicators}
    assert ("生态效益指标", "生态修复功能", "提高") in got
    assert _clause("群众生活质量有所提升") == ("群众生活质量", "有所提升") and _clause("有所提升") is None


def test_a_page_starting_mid_table_with_comparator_value_and_unit_in_cells_of_their_own():
    """Doc 69 (四川, pipe rows, no header on the page): "安全警示标志设置及时率 | = | 100 | % | 100 | 5 |" is read with
    comparator, number and unit joined, the first rows before any level cell included; 定性 is the kind, not part of
    the target; the 评价结论 line after the table is not a record."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("69_")).indicators}
    assert ("安全警示标志设置及时率", "=100%", "100") in got
    assert ("环境治理亮化美化率", "≥90%", "93") in got
    assert ("铁路沿线环境及安全整治管理机制健全性", "优良中低差", "优") in got
    assert "评价结论" not in {name for name, _, _ in got}


def test_prose_name_then_number_in_traditional_script():
    """Doc 75 (新疆, traditional mirror with pinyin glosses): "數量指標:資助建檔立卡貧困子女1966人", "資助經費發放率100%達標,
    資助經費到位率100%達標": a name and its number, two of them joined by a comma."""
    got = {(r.level2, r.level3, r.value_raw) for r in parse_file(_doc("75_")).indicators}
    assert ("数量指标", "資助建檔立卡貧困子女", "1966人") in got
    assert ("时效指标", "資助經費到位率", "100%達標") in got


def test_prose_name_then_number_with_a_unit_per_two_things():
    """Doc 26 (临沂 师范附小) in the headed form: ``义务教育小学生均公用经费780元/生/年`` is the name and ``780元/生/年``; a
    number and words after it (``中营子村3户脱贫户增收``, doc 251) are no unit."""
    text = "现将绩效目标设定如下:\n一、产出指标\n(四)成本指标\n义务教育小学生均公用经费780元/生/年;\n"
    assert _read(text) == [("义务教育小学生均公用经费", "780元/生/年")], _read(text)
    from indicators.table.prose import _clause_whole
    assert _clause_whole("中营子村3户脱贫户增收") is None
    # a name of three letters (doc 242: 收割机1台), but not a place a preposition opens (在全县12个乡镇, doc 10)
    assert _clause_whole("收割机1台") == ("收割机", "1台") and _clause_whole("在全县12个乡镇") is None
    # a count and a bracketed note on what it counts (doc 242); a comparator stays with the number (doc 143)
    assert _clause_whole("农用拖拉机2台(含开沟机、播种机)") == ("农用拖拉机", "2台(含开沟机、播种机)")
    assert _clause_whole("宣传品制作数量≥10万件(册)") == ("宣传品制作数量", "≥10万件(册)")


def test_a_completion_rate_column_is_not_glued_to_the_next_name():
    """Doc 70 (福建, traditional, run together): 績效內容 | 績效目標值 | 實際完成值 | 累計完成率: the rate (143%) has a
    column of its own instead of starting the next name."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("70_")).indicators}
    assert ("每年人才驛站服務人次", ">=500人", "1700人") in got
    assert ("人才驛站補助資金到位率", ">=100%", "100%") in got


def test_a_compound_unit_stays_with_its_number():
    """Docs 50, 17 (one cell per line, run together): "<=475元/亩", ">=530元/人*月" are one value, not 475元 and /亩."""
    from indicators.table.stream import lex
    assert lex("流转土地补助标准<=475元/亩景观建设成本<=2875元/个") == ["流转土地补助标准", "<=475元/亩", "景观建设成本",
                                                                  "<=2875元/个"]
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("50_")).indicators}
    assert ("流转土地补助标准", "<=475元/亩") in got


@pytest.mark.parametrize("cell,pieces", [
    ("清扫保洁道路面积1346.0088万平方米", ["清扫保洁道路面积", "1346.0088万平方米"]),   # doc 47: not the date 1346.00
    ("项目验收合格率≥100百分比", ["项目验收合格率", "≥100百分比"]),                   # doc 40: 百分比 is the unit
    ("完成时间2023.07-2024.01", ["完成时间", "2023.07-2024.01"]),                      # doc 58: a date span stays one
])
def test_numbers_dates_and_units_the_lexer_keeps_whole(cell, pieces):
    from indicators.table.stream import lex
    assert lex(cell) == pieces


def test_a_name_run_together_with_its_explanation():
    """Doc 80 (湖南, run together): 三级指标 | 指标内容 | 指标值: "补贴覆盖率对符合条件的对象发放解困工资的覆盖率100%" is the
    name 补贴覆盖率, its explanation and the target; "1130元/月/人" keeps both slashes."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("80_")).indicators}
    assert ("补贴覆盖率", "100%") in got
    assert ("补贴标准", "1130元/月/人") in got
    assert ("补助人数", "250人") in got


def test_a_template_printing_level_names_with_zhi():
    """Doc 26 (临邑): the template prints 产出值 / 数量值 / 经济效益值 where the level names stand."""
    rows = {r.level3: r for r in parse_file(_doc("26_")).indicators}
    assert (rows["小学就读人数"].level1, rows["小学就读人数"].level2) == ("产出指标", "数量指标")
    assert rows["经费有效使用情况"].level2 == "经济效益指标"


def test_a_header_that_starts_with_the_row_number_column():
    """Doc 84 (湖北, one cell per line): 序号 | 三级指标 | 年度指标值, no level columns."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("84_")).indicators}
    assert ("全国助残日活动次数", "1次") in got and ("广播专题节目", "104期") in got
    assert not any(name.isdigit() for name, _ in got)


def test_names_with_a_unit_note_start_rows_and_the_reason_block_is_not_read():
    """Doc 89 (云南, space separated, one row per line): "办公用房面积(平方米) 500" is the next row, not the previous row's
    actual; the 偏差大或目标未完成原因分析 block and its prose after the table are not records."""
    rows = {r.level3: r for r in parse_file(_doc("89_")).indicators}
    assert rows["办公用房面积(平方米)"].value_raw == "500"
    assert rows["标准化圈舍面积(平方米)"].actual_raw == ""
    assert not [n for n in rows if n.startswith("偏差") or "。" in n]


def test_a_short_name_with_a_count_and_the_unit_pingmi():
    """Doc 88 (内蒙古, pipe rows): "饲料库120平米 | 490元/平米": 平米 is a unit and a three-letter name keeps its count."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("88_")).indicators}
    assert ("饲料库120平米", "490元/平米") in got and ("防疫室84平米", "≥1050元") in got


def test_a_remark_is_never_glued_into_a_name():
    """Doc 74 (run together): "农村低保资金<=4758万元已完成农村低保资金<=9849万元未完成": two rows, each with its remark."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("74_")).indicators}
    assert ("农村低保资金", "<=4758万元", "已完成") in got and ("农村低保资金", "<=9849万元", "未完成") in got


@pytest.mark.parametrize("prefix,name", [
    ("33_", "加大违法行为打击力度。"),                     # a goal list's item, its next item read as the value
    ("51_", "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。"),
    ("72_", "业务装备经费"),                             # project row: 776001-扎赉特旗人民检察院
    ("53_", "分、预算资金执行率"),                         # scoring text "…10分、预算资金执行率…"
])
def test_goal_lists_project_rows_and_scoring_text_are_not_records(prefix, name):
    assert name not in {r.level3 for r in parse_file(_doc(prefix)).indicators}


def test_an_indicator_starting_with_qizhong_is_kept():
    """Doc 68: "其中:实施新造林总面积(亩) | 30000" is an indicator; "其中:中央补助 | 668.00" (doc 41) a budget line."""
    assert "其中:实施新造林总面积(亩)" in {r.level3 for r in parse_file(_doc("68_")).indicators}
    assert not [r for r in parse_file(_doc("41_")).indicators if r.level3.startswith("其中:中央")]


def test_the_stream_reader_is_kept_when_it_reads_every_grid_row_and_more():
    """Doc 64 (multi-project pipe table): the grid reader loses each project's first row (项目名称 | 预算数 | 年度目标 in
    front of it); the stream reader reads those rows too, as well formed, so its records are kept."""
    doc = parse_file(_doc("64_"))
    assert doc.reader == "stream"
    rows = {r.level3: r for r in doc.indicators}
    assert rows["辖区内群众满意度"].project == "基层组织活动经费" and rows["行政村数量"].value_raw == "=11个"


def test_a_cost_row_without_the_2021_cost_dimensions_stands_under_output():
    """Docs 12, 88 (the 一级 cell lost or printed once): 成本指标 with no 经济/社会/生态环境成本指标 below it is the
    legacy 二级 under 产出指标 (also in prose lists: 28); doc 77 (2021 template, 经济成本指标 rows) keeps 成本指标 as a
    first level."""
    for prefix, name in (("12_", "助学金社会化发放率"), ("88_", "打井、配电"), ("28_", "设施农业种植人员(县内培训)")):
        r = {r.level3: r for r in parse_file(_doc(prefix)).indicators}[name]
        assert (r.level1, r.level2) == ("产出指标", "成本指标")
    assert any(r.level1 == "成本指标" and r.level2 == "经济成本指标" for r in parse_file(_doc("77_")).indicators)


def test_a_level_like_cell_is_not_glued_into_a_name_and_page_furniture_is_dropped():
    """Doc 96 (安徽, 以工代赈): "计划管理指标 | 投资计划分解(转发)用时 | ≤20工作日": the 二级-like cell is not part of the
    name; the page's 文件下载 / 如果您对该政策文件有疑问 lines are not records. Doc 97: "2025年年底前" is one value."""
    names = {r.level3 for r in parse_file(_doc("96_")).indicators}
    assert "投资计划分解(转发)用时" in names and "文件下载" not in names
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("97_")).indicators}
    assert ("完成时间", "2025年年底前") in got


def test_a_regional_table_joins_each_towns_value():
    """Docs 42 and 90 (福建, 区域绩效目标表, run together): the header's place names (笏石街道办埭头镇, 区域目标值新罗区永定区…)
    are one value column per town; the record's value is their values as written, one after another; a 反映…
    explanation is cut before 反映, not after it."""
    from indicators.table.stream import lex
    assert lex("控制率(%)反映省级财政专项资金投入成本控制情况≤100%100%") == ["控制率(%)", "反映省级财政专项资金投入成本控制情况",
                                                                  "≤100%", "100%"]
    got42 = {(r.level3, r.value_raw) for r in parse_file(_doc("42_")).indicators}
    assert ("省级财政专项资金投入成本控制率(%)", "≤100%100%") in got42
    got90 = {(r.level3, r.value_raw) for r in parse_file(_doc("90_")).indicators}
    assert ("宗教管理经费补助县(市、区)数量", "2312222") in got90
    assert any(name == "项目资金使用合规性" and value.startswith(">=95%>=95%>=95%>=95%>=95%>=95%>=95%")
               for name, value in got90)


def test_running_text_targets_after_a_label_with_comparators():
    """Doc 85 (江西, traditional mirror): "(二)績效目標:道路硬化≥0.565km;…;受益建檔立卡貧困人口數(shù)≥23人改善…": a name
    followed by a comparator states a target even without a name ending; 人口數 ends like a name in either script."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("85_")).indicators}
    assert ("道路硬化", "≥0.565km") in got and ("受益建檔立卡貧困人口數", "≥23人") in got


def test_an_enumerated_name_is_never_glued_onto_the_cell_before():
    """Doc 104 (四川, space separated): "指标4.不合格产品处置率" has no value, and the next line "指标5:药品不良反应每百万人口
    报告数 ≥150 150" is a row of its own, not the rest of its name."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("104_")).indicators}
    assert ("药品不良反应每百万人口报告数", "≥150") in got


def test_the_goal_list_is_not_read_as_indicators():
    """Doc 104: the 年度目标 / 实际完成情况 block lists "目标1:配合完成抽检148个批次"; those items are goals, not records."""
    names = {r.level3 for r in parse_file(_doc("104_")).indicators}
    assert "配合完成抽检" not in names and "药品抽检完成率" in names


def test_a_cell_and_its_copy_beside_it_are_two_cells():
    """Doc 01 (space separated): "巩固拓展脱贫攻坚成果 巩固拓展脱贫攻坚成果 达成预期指标": the name, then its copy as the
    target (a copy, as labelled), not one name written twice."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("01_")).indicators}
    assert ("巩固拓展脱贫攻坚成果", "巩固拓展脱贫攻坚成果") in got


def test_a_name_that_repeats_a_level_word_keeps_its_row():
    """Docs 07 and 21: the last row "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 100%" has a 三级 name that is itself a
    level word; the row is an indicator row all the same."""
    assert ("服务对象满意度", "100%") in {(r.level3, r.value_raw) for r in parse_file(_doc("07_")).indicators}
    assert "滿意度" in {r.level3 for r in parse_file(_doc("21_")).indicators}


def test_a_level_word_alone_with_a_target_is_the_indicator():
    """Doc 59 (one cell per paragraph): "满意度 | 90% | 计划标准" under 服务对象满意度指标: the level word is the name."""
    assert ("满意度", "90%") in {(r.level3, r.value_raw) for r in parse_file(_doc("59_")).indicators}


def test_circled_digits_are_not_weights():
    """Found by fuzzing (../shared/tools/fuzz.py, a mutated document): "②" is a digit to str.isdigit, so a glued
    number cell "1②" crashed the digit splitter (int("②")); it is left whole."""
    from indicators.table.digits import cut_options
    assert cut_options("1②", False, True) == ["1②"]
    assert cut_options("②80%", True, False) == ["②80%"]
    doc = parse_text("一级指标 | 二级指标 | 三级指标 | 指标值 | 分值\n产出指标 | 数量指标 | 培训人次 | 1② | 10\n", "fuzz.txt")
    assert doc.error is None


def test_chongqing_department_self_evaluation_columns():
    """The 重庆 部门整体绩效自评表 (doc 98 is one, OCR'd): 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 |
    全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标. 定量指标 is the kind, not a comparator; the
    调整指标值 cell is usually left empty and then absent from the text, so 92% is the actual, not the adjusted
    target; 得分系数 and 是否核心指标 are columns of their own, not the end of the header."""
    assert header_role("调整指标值") == "adjusted" and header_role("得分系数(%)") == "other"
    text = ("部门整体绩效自评表\n"
            "| 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 | 得分系数(%) | 指标权重(分) "
            "| 指标得分(分) | 是否核心指标 |\n"
            "| 财政供养人员控制率 | % | 定量指标 | 100% |  | 92% | 100% | 2 | 2 | 否 |\n"
            "| 管理制度健全性 |  | 定性指标 | 高 |  | 高 | 100% | 3 | 3 | 否 |\n"
            "| 党性教育培训次数 | 次 | 定量指标 | 26次 |  | 12次 | 100% | 5 | 5 | 是 |\n")
    got = [(r.level3, r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_text(text).indicators]
    assert got == [("财政供养人员控制率", "100%", "92%", "2", "2"), ("管理制度健全性", "高", "高", "3", "3"),
                   ("党性教育培训次数", "26次", "12次", "5", "5")]


def test_table_printed_column_by_column():
    """Doc 05 (广东 专项资金 绩效目标表, a document preview): ``三级指标`` then the three names, ``年度目标值`` then
    their three targets in the same order. Values fewer than the names, or not targets, are no such table."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("05_")).indicators]
    assert got == [("新建高校(校区)", "7"), ("工程质量达标率(%)", "100%"), ("开工率(%)", "100%")]
    assert parse_file(_doc("05_")).reader == "transposed"
    from indicators.table.transposed import transposed_rows
    assert transposed_rows(cell_stream("三级指标 开工率 完成率\n年度目标值\n100%")) == []
    assert transposed_rows(cell_stream("三级指标 开工率 完成率\n年度目标值\n100% 完成率的说明文字比较长")) == []


def test_qualitative_target_run_onto_the_name():
    """Run-together previews glue a qualitative target onto its name: doc 95 (甘肃) 社会成本指标 对当地文物保护、
    文化传承影响长远, doc 74 救助对象生活水平=提高已完成, doc 53 群众生产生活条件改善状况10显著提升显著提升10. The
    lexer offers a cut before the target (reader.toml trailing_qual); a name that ends so in a clean cell stays whole."""
    got95 = {(r.level3, r.value_raw) for r in parse_file(_doc("95_")).indicators}
    assert {("对当地文物保护、文化传承影响", "长远"), ("提升博物馆绿化水平", "提升"),
            ("免费开放接待观众人数", "=30000人次")} <= got95
    got74 = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("74_")).indicators}
    assert ("救助对象生活水平", "=提高", "已完成") in got74
    got53 = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("53_")).indicators}
    assert ("群众生产生活条件改善状况", "显著提升", "显著提升") in got53
    text = "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n| 效益指标 | 社会效益指标 | 群众满意度明显提升 | ≥90% |\n"
    assert _read(text) == [("群众满意度明显提升", "≥90%")]


def test_short_bordered_cells_stay_whole():
    """Doc 111 (四川 大英, one ``| cell`` per line; labelled blind, missed at its first run): ``至少全年完成2次宣传`` and
    ``已完成100%`` are cells the source bordered, not a value and a remark to cut apart; 实施进度 is the actual column.
    A bordered cell with a level word in it is still cut (数量指标培训人次≥280人次)."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("111_")).indicators}
    assert ("宣传次数", "至少全年完成2次宣传", "已完成100%") in got
    assert ("创建质量", "按质按量完成", "已完成100%") in got
    assert header_role("实施进度") == "actual"
    from indicators.table.stream import _whole_cell
    assert _whole_cell("已完成100%") and not _whole_cell("数量指标培训人次≥280人次")


def test_level_names_with_the_templates_alternatives():
    """Doc 109 (广东 东莞 批复表): 二级 cells name the template's alternatives in brackets, ``数量指标(或建筑规模指标)``,
    ``时效指标(工期指标、形象进度指标)``: they are 数量指标 and 时效指标."""
    from indicators.vocab import vocab
    v = vocab()
    assert v.canonical_level2("数量指标(或建筑规模指标)") == "数量指标"
    assert v.canonical_level2("时效指标(工期指标、形象进度指标)") == "时效指标"
    assert v.canonical_level1("产出指标（项目产出）") == "产出指标"


def test_whole_row_of_numbers_run_together():
    """Doc 52 (重庆 梁平 部门整体绩效自评表, a run-together preview): ``…完成率%901010010`` under 计量单位 | 指标值 |
    指标权重(分) | 全年完成值 | 指标得分(分) | 说明 is % | 90 | 10 | 100 | 10; the unit run onto the name is cut off, the
    header's last cell 说明 is cut off the first row, and 810 is never a weight."""
    from indicators.table.digits import segment_run
    assert segment_run("901010010", ["value", "weight", "actual", "score"]) == ["90", "10", "100", "10"]
    got = {(r.level3, r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("52_")).indicators}
    assert ("天然林和公益林管护当期任务完成率", "90%", "100", "10", "10") in got
    assert {r[0] for r in got} >= {"国家级公益林管护面积", "森林抚育(营林)面积", "天保工程区森林资源管护面积"}
    from indicators.table.digits import digit_cuts
    from indicators.table.stream import Token
    # a date is not cut into a row of numbers (at most the old weight-and-value cut is offered)
    assert len(digit_cuts([Token("2023.12", 1, "glue")], ["level3", "value", "weight", "actual", "score"])) <= 2


def test_bordered_cells_up_to_thirty_characters_stay_whole():
    """Bordered cells of up to 30 characters are one cell: a sentence target (doc 105, 宁夏, labelled blind:
    对学校2400平米体育场馆补贴5万元。), a date range (doc 46: 2019年1月-2019年12月), a project name that starts with
    its year (doc 62: 2021年交通局寨山石坪、鲍家沟果园路). A cell that starts with a code is still cut (820001-井研县…)."""
    got105 = {(r.level3, r.value_raw) for r in parse_file(_doc("105_")).indicators}
    assert ("补贴数量", "对学校2400平米体育场馆补贴5万元。") in got105
    got46 = {(r.level3, r.value_raw) for r in parse_file(_doc("46_")).indicators}
    assert ("专项补助使用落实期限", "2019年1月-2019年12月") in got46
    assert {r.project for r in parse_file(_doc("62_")).indicators} == {"2021年交通局寨山石坪、鲍家沟果园路"}
    from indicators.table.stream import _whole_cell
    assert not _whole_cell("820001-井研县马踏镇人民政府")


def test_header_row_label_repeated_and_guangyuan_level_names():
    """Doc 110 (四川 广元 昭化, labelled blind): ``绩效指标 一级指标 二级指标 三级指标 指标值(…)`` then ``绩效指标 项目完成``
    / ``指标`` on the next lines: the second 绩效指标 is the first row's label, not a column of the header, and
    项目完成指标 is that template's 产出指标."""
    from indicators.vocab import vocab
    assert vocab().canonical_level1("项目完成指标") == "产出指标"
    got = {(r.level1, r.level3, r.value_raw) for r in parse_file(_doc("110_")).indicators}
    assert ("产出指标", "每年春节慰问麻风村休养员、村外康复者和现症病人", "32人") in got
    assert not [n for _, n, _ in got if n == "项目完成"]


def test_ocr_run_together_chongqing_department_self_evaluation():
    """Doc 98 (重庆 科学城 部门整体绩效自评表, an OCR'd preview, all in two lines): the header is found although one
    cell is scrambled (年成值全完值 for 全年完成值: an unknown cell ending in 值 between header cells is a value column);
    ``指标100%`` is not an enumeration prefix; ``22`` is a weight and its score; the row's last 是/否 is the 是否核心指标
    column; ``定量指标`` before a number is the 指标性质 cell, but not in the table's notes (定量指标计分原则)."""
    got = {(r.level3, r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("98_")).indicators}
    assert ("财政供养人员控制率", "100%", "92%", "2", "2") in got
    assert ("预算完成率", "70%", "76%", "2", "2") in got
    assert ("固定资产利用率", "90%", "100%", "2", "2") in got
    from indicators.table.stream import lex
    assert lex("控制率%定量指标100%92%") == ["控制率%", "定量指标", "100%", "92%"]
    assert "定量指标" not in lex("定量指标计分原则:正向指标")


def test_numbered_names_and_total_line_run_on():
    """Doc 06 (宜兴 2016 评价表, one cell per line): ``1.预算投入资金`` is a numbered name, not the target 1; doc 22 (a
    run-together preview): ``…40总分100`` ends the table at 总分, so the notes after it are no rows; doc 79: the
    ``其他需要说明事项 | 无`` line before 总分 is no indicator."""
    from indicators.table.rows import token_type
    assert token_type("1.预算投入资金") == "text" and token_type("1.5万元") == "value"
    names06 = {r.level3 for r in parse_file(_doc("06_")).indicators}
    assert {"预算投入资金", "实际到位资金", "居民电子健康档案建档数"} <= {n.split(".", 1)[-1] for n in names06}
    got22 = [(r.level3, r.actual_raw) for r in parse_file(_doc("22_")).indicators]
    assert ("退捕渔民抽样调查满意度", "290%40") in got22 and len(got22) == 4
    assert "其他需要说明事项" not in {r.level3 for r in parse_file(_doc("79_")).indicators}


def test_second_block_side_by_side():
    """Doc 109 (广东 东莞 批复表, labelled blind): a 中期 block and a 年度 block side by side
    (二级 | 三级 | 指标值 | 二级 | 三级 | 指标值). The repeat is a block of its own; a copy of the first block adds no
    record (doc 94); where only the second block has the row's indicator it is read from there (doc 55).
    ``社会、经济、生态效益 指标`` is one 二级 name (no cut after 、)."""
    from indicators.table.header import _second_block
    assert _second_block(["level1", "level2", "level3", "value", "level2", "level3", "value"]) == \
        ["level1", "level2", "level3", "value", "level2_b", "level3_b", "value_b"]
    got109 = [(r.level2, r.level3, r.value_raw) for r in parse_file(_doc("109_")).indicators]
    assert ("时效指标", "结算款支付及时性", "及时") in got109
    assert len(got109) == len(set(got109))
    assert ("社会、经济、生态效益指标", "补助款结算争议率", "0%") in got109
    names94 = [r.level3 for r in parse_file(_doc("94_")).indicators]
    assert len(names94) == len(set(names94)) == 7
    assert "重点建设工程安排数量" in {r.level3 for r in parse_file(_doc("55_")).indicators}


def test_table_opening_with_placeholder_rows():
    """Doc 102 (重庆 奉节): the table opens with three 成本指标 rows named ``0`` over ``0.00%``; the rows after them are
    still read (a longer run of misfits is allowed before the first named row), and ``0`` names do not make the
    table a two-level one."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("102_")).indicators}
    assert ("12350安全生产举报奖励次数", "≥5次") in got and ("制作防灾减灾日宣传资料份数", "≥500份") in got


def test_run_together_units_directions_and_targets():
    """Pipe tables re-flattened with nothing between the cells (evaluation/evaluate_flattenings.py, runtogether):
    doc 08's ``绿化美化公路米=3500购买发放李子苗株=15000`` is two rows (the unit before a comparator is cut off, and a
    target with its comparator is never a number inside a name); doc 112's ``租车次数(次)正向大于等于…`` keeps
    正向 (the 指标方向 cell) out of the name."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    got08 = {(r.level3, r.value_raw) for r in parse_text(flattenings(_doc("08_").read_text(encoding="utf-8"))["runtogether"]).indicators}
    assert ("绿化美化公路", "=3500米") in got08 and ("购买发放李子苗", "=15000株") in got08
    names112 = {r.level3 for r in parse_text(flattenings(_doc("112_").read_text(encoding="utf-8"))["runtogether"]).indicators}
    assert {"租车次数(次)", "宣传美工制作个数(个)", "租车达标率"} <= names112


def test_run_together_repeated_description_and_comparator_targets():
    """Doc 45 (江西 浮梁) run together (evaluate_flattenings.py): every row ends with the same 指标值说明
    ``该指标值数据合理``, glued onto the next row's name, and ``=116人`` sits between two names. The repeated cell is
    cut off the names it starts, and a target with its comparator is never glued into a name: all 13 rows read."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("45_").read_text(encoding="utf-8"))["runtogether"]
    got = {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert {("保障在职职工人数(人)", "=116人"), ("保障退休职工人数(人)", "=81人"), ("湿地保有量(公顷)", "=4900公顷")} <= got
    labels = [json.loads(x) for x in (REAL / "labels" / (_doc("45_").name + ".jsonl")).read_text(encoding="utf-8").splitlines()]
    assert {lab["level3"] for lab in labels} <= {n for n, _ in got}


def test_run_together_kind_cell_and_starred_header():
    """Doc 19 (湖南 岳阳楼, traditional script) run together: the header ``指標值類型*指標值`` is two cells (a
    template's * marks a required one), and the 指标值类型 cell ``定量`` between the name and the target is cut off
    (a kind word glued into a name pays like a value). Doc 65 as published reads whole the same way."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("19_").read_text(encoding="utf-8"))["runtogether"]
    got = {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert ("業務工作支出安排金額", "28.8萬元") in got and ("業務工作支出到位率", "100%") in got


def test_one_cell_per_line_keeps_each_line_whole():
    """In a page printed one cell per line, a line is a bordered cell: doc 111 flattened so
    (evaluate_flattenings.py, cellperline) keeps ``至少全年完成2次宣传`` whole, doc 43 ``18—54周岁``, and doc 60 (as
    published) its project ``岳阳县2022年高标准农田建设项目``. Where lines are whole rows run together (a level name
    and more text on a line, doc 78) a line is still cut."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    got111 = {(r.level3, r.value_raw) for r in parse_text(flattenings(_doc("111_").read_text(encoding="utf-8"))["cellperline"]).indicators}
    assert ("宣传次数", "至少全年完成2次宣传") in got111
    got43 = {(r.level3, r.value_raw) for r in parse_text(flattenings(_doc("43_").read_text(encoding="utf-8"))["cellperline"]).indicators}
    assert ("培训对象符合吕梁山护工培训招生计划规定", "18—54周岁") in got43
    assert {r.project for r in parse_file(_doc("60_")).indicators} == {"岳阳县2022年高标准农田建设项目"}
    assert ("建设项目成本控制率", "100%") in {(r.level3, r.value_raw) for r in parse_file(_doc("78_")).indicators}


def test_grid_reading_with_numbers_as_level1_is_not_well_formed():
    """Doc 63 (天津 宁河) with its cells joined by tabs: the grid reader shifts rows whose merged cells are absent
    and reads 一级 cells such as ``26970.7平方米``; such a reading is not well formed, so the stream reader's (the same
    as the published page's) is kept."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    from indicators.parse import _shifted_level1
    assert _shifted_level1("26970.7平方米") and _shifted_level1("≥95%") and not _shifted_level1("产出指标")
    assert _shifted_level1("正向指标产出指标") and not _shifted_level1("产出指标(50分)") and not _shifted_level1("履职效能")
    text = flattenings(_doc("63_").read_text(encoding="utf-8"))["tabs"]
    got = {(r.level1, r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert ("产出指标", "补贴民办园租用面积", "26970.7平方米") in got


def test_counted_thing_is_a_name_not_a_target():
    """Doc 57 (黄石 图书馆) run together: ``一个存储备份器`` ``25TB`` ``25TB`` ``10`` is a name, its target, actual and
    score; ``一个`` made the name read as the target 1 个, so the name took the first 25TB."""
    from indicators.table.rows import token_type
    assert token_type("一个存储备份器") == "text" and token_type("三年") != "text"
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("57_").read_text(encoding="utf-8"))["runtogether"]
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_text(text).indicators}
    assert ("一个存储备份器", "25TB", "25TB") in got


def test_level_words_that_are_names_too():
    """项目成本 and 项目完成 start or are indicator names (项目成本 | 20万元 in doc 91, 项目完成时间 in doc 81): they are no
    一级 names, so a row is not cut there; 项目完成指标 still is one (doc 110)."""
    from indicators.vocab import vocab
    v = vocab()
    assert v.canonical_level1("项目成本") is None and v.canonical_level1("项目完成") is None
    assert v.canonical_level1("项目完成指标") == "产出指标"
    assert ("项目成本", "20万元") in {(r.level3, r.value_raw) for r in parse_file(_doc("91_")).indicators}


def test_ranges_written_with_dashes_stay_one_value():
    """``18—54周岁`` (doc 43), ``1000～2000元``, ``2020年1月--2020年11月`` are one range, whatever dash joins them:
    the lexer no longer cuts them into a number, a dash and a number."""
    from indicators.table.stream import lex
    assert lex("培训对象符合规定18—54周岁") == ["培训对象符合规定", "18—54周岁"]
    assert lex("补助标准1000～2000元") == ["补助标准", "1000～2000元"]
    assert "2020年1月--2020年11月完成" in lex("2020年1月--2020年11月完成")


def test_target_followed_by_its_copy_is_not_glued_to_the_name():
    """Doc 57 with its cells joined by spaces: ``以最新资源面市 资源采购期以当年为主 资源采购期以当年为主 10`` is a name,
    a target and the same text as the actual; the target is not glued onto the name."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("57_").read_text(encoding="utf-8"))["spaces"]
    got = {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert ("以最新资源面市", "资源采购期以当年为主") in got


def test_unclosed_html_cells_repeated_read_in_linear_time():
    """Found by fuzzing (../shared/tools/fuzz.py, 200,000 characters, no answer within 5 s): real document 27 (an
    HTML template) cut inside an unclosed ``<td>`` and repeated, with a run of ``≥``. The HTML parser nests every
    later copy inside that cell, so each row's last cell held the rest of the page and its nested rows were read
    again by every table around them (quadratic: 490 records for 7 copies of a 19-record page; 17 s on the fuzz
    input). A cell's text now leaves out nested rows and cells, a table reads only its own rows, and the lexer's
    span tests are linear in the cell. (The cut page reads 21 records: 22 since the sub-rows of its 是否 rows stopped
    ending its table, 21 since its section name 预算绩效 with its 权重 is no record.)"""
    import signal
    from indicators.readers.html import html_to_lines
    page = _doc("27_").read_text(encoding="utf-8")
    cut = page.index("<td><input", len(page) * 2 // 3)
    chunk = page[:cut + len("<td><input")] + "\n" + "≥" * 200 + "\n"
    one = parse_text(chunk, "one.txt").indicators

    def too_slow(*_):
        raise TimeoutError("parse_text took over 30 s")
    old = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(30)
    try:
        seven = parse_text(chunk * 7, "seven.txt").indicators
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert len(one) == 21 and len(seven) == 7 * len(one)
    assert max(len(c) for ln in html_to_lines(chunk * 7) for c in ln.cells) < 500   # one copy's longest: 207


def test_table_whose_values_were_lost_reads_one_record_per_name():
    """Doc 101 (省残联 区域绩效目标表, a DOC preview): the header names only 一级 | 二级 | 三级 and the page lost
    every 指标值; the names, space-separated, are one record each with no value (the quality check then says
    so), and the names printed before the merged 产出指标 | 数量指标 cells stand under them. A table whose
    header names no value column but whose cells hold targets is read by the row splitter as before."""
    from indicators.table.names import names_only
    from indicators.table.stream import Token
    recs = parse_file(_doc("101_")).indicators
    got = {r.level3: (r.level1, r.level2, r.value_raw) for r in recs}
    assert got["基本康复服务人数"] == ("产出指标", "数量指标", "")
    assert got["残疾人就业创业扶贫品牌基地项目补助基地个数"][2] == ""
    assert "补助标准执行达标率" in got and "精神病患者服药率" in got and len(recs) >= 15
    assert not names_only([Token(t, 1, "space") for t in ("培训人次", "≥280人次", "合格率", "100%", "满意度")])
    text = "一级指标 二级指标 三级指标\n产出指标 数量指标 培训人次 ≥280人次\n质量指标 合格率 100%\n"
    assert {(r.level3, r.value_raw) for r in parse_text(text).indicators} == {("培训人次", "≥280人次"), ("合格率", "100%")}


def test_self_evaluation_grades_and_flags_run_together_stay_cells_of_their_own():
    """Doc 98 (重庆 部门整体自评表, run together): ``资金使用合规性好好100%55否`` is a name, its target 好 and actual 好,
    then the numbers and the 是否核心指标 flag 否; the flag is not glued onto the next row's name (基础信息完善, which
    reads as a short qualitative itself) and the two grades are not glued onto the name or onto each other."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("98_")).indicators}
    assert ("资金使用合规性", "好", "好") in got
    assert any(name == "基础信息完善" for name, _, _ in got)
    assert not any(name.startswith("否") for name, _, _ in got)


def test_date_inside_a_name_stays_in_the_name():
    """Doc 42 (秀屿 水利, run together): ``截至2026年12月底,项目开展率(%)`` is one name (a deadline, then a comma, then the
    rate with its unit note); the lexer's cut before the date is glued back."""
    from indicators.table.rows import token_type
    assert token_type("截至2026年12月底,项目开展率(%)") == "text" and token_type("资金到位率(%)") == "text"
    assert token_type("2026年12月底") == "value"
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("42_")).indicators}
    assert ("截至2026年12月底,项目开展率(%)", "≥100%100%") in got   # (a 区域 table: the towns' values follow)


def test_docpreview_counts_zeros_and_doubled_grades():
    """Doc 20 (衡山 储备粮, a DOC preview): ``数量 指标5000吨稻谷…`` is the 二级 数量指标 then a name that starts with a
    count (指标5000 is no item number 指标N); ``…变质比例00`` is a name ending in 比例 with target 0 and actual 0;
    ``3、高高`` after a page break is a target 高 and an actual 高."""
    from indicators.table.stream import lex
    assert lex("产出指标数量指标5000吨稻谷、500吨成")[:3] == ["产出指标", "数量指标", "5000吨"]
    assert lex("食明显变质比例00时效指标县级") == ["食明显变质比例", "0", "0", "时效指标", "县级"]
    got = {r.level3: (r.level2, r.value_raw, r.actual_raw) for r in parse_file(_doc("20_")).indicators}
    assert got["5000吨稻谷、500吨成品粮储备到位率"] == ("数量指标", "100%", "100%")
    assert got["县级储备粮库存粮食明显变质比例"][1:] == ("0", "0")
    assert got["粮食储备设备维护及安全性"][1:] == ("高", "高")


def test_target_written_twice_run_together_is_target_and_actual():
    """Doc 43 (吕梁 护工培训) with all its cells run together: ``减轻参训人员经济负担有效减轻有效减轻`` is a name, its
    target and the same text as its actual; ``经费项目项目绩效目标`` (a title) is not cut."""
    from indicators.table.stream import lex
    assert lex("减轻参训人员经济负担有效减轻有效减轻社会效益指标")[:3] == ["减轻参训人员经济负担", "有效减轻", "有效减轻"]
    assert "项目" not in lex("参保城乡居民健康体检经费项目项目绩效目标")
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("43_").read_text(encoding="utf-8"))["runtogether"]
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_text(text).indicators}
    assert ("减轻参训人员经济负担", "有效减轻", "有效减轻") in got


def test_ocr_header_letters_out_of_order_and_weight_before_value():
    """Doc 24 (银川 第六中学, an OCR'd DOC preview): the header cell 参考分值 reads ``考值参分`` and runs onto
    ``指标值(八)``; it is still the weight column, in front of the value, so ``415万元`` is a weight 4 and a target
    15万元 and ``52021年12月完成`` a weight 5 and a deadline; ``指标2:`` alone before a 二级 name is an empty slot's
    label, not part of the name."""
    from indicators.table.stream import header_pieces, lex
    assert header_role("考值参分") == "weight" and header_role("值分") is None
    assert header_pieces("考值参分指标值(八)") == [0, 4, 10]
    assert lex("公用经费完成时间52021年12月完成2021年12月完成4指标2:成本指标(10分)")[:3] == ["公用经费完成时间", "5", "2021年12月完成"]
    got = {r.level3: (r.level2, r.value_raw, r.weight_raw) for r in parse_file(_doc("24_")).indicators}
    assert got["办公所需成本"][1:] == ("15万元", "4")
    assert got["公用经费完成时间"] == ("时效指标", "2021年12月完成", "5")
    assert got["公用经费标准"] == ("质量指标", "符合相关文件要求", "5")


def test_table_ends_at_the_next_tables_serial_number_header():
    """Doc 43 with its cells joined by spaces: the 培训机构 budget table after the indicators (``序号 学校性质 培训机构
    培训补助标准(元/人) …``) starts at its 序号 header cell; none of its rows is read as an indicator."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("43_").read_text(encoding="utf-8"))["spaces"]
    recs = parse_text(text).indicators
    assert not any("培训学校" in r.level3 or r.level3.startswith("序号") for r in recs)
    assert ("参培学员满意度", "95%及以上") in {(r.level3, r.value_raw) for r in recs}


def test_level_word_as_the_indicator_name_and_evaluation_result_block_end():
    """Doc 21 (丽江 古城, traditional script) with its cells joined by spaces: ``服務對象滿意度指標 滿意度 ≥95%`` is the
    二级 and an indicator named 滿意度, not one glued name; doc 81 (南开): the 预算绩效评价结果 block after the table
    (``考核节点进度完成率 | 10分``) ends it, its scores are no indicators."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("21_").read_text(encoding="utf-8"))["spaces"]
    assert ("滿意度", "≥95%") in {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    names = {r.level3 for r in parse_file(_doc("81_")).indicators}
    assert "师生对实验室改造满意度" in names and not any("节约率" in n or "节点进度" in n for n in names)


def test_level_word_with_deng_and_empty_second_block_slot():
    """Doc 79 (永德 明朗中学): ``服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 10 | 10``: 指标等 is the 二级 cell
    (the 等 is its own), so the actual is 100%, not 等. Doc 40 (太和 城管): a second block's 二级 cell with its 三级 and value
    empty (``… ≥90辆 | 数量指标``) ends its row, so the next line's 质量指标 starts a row of its own, and the second block's
    经费支出时效性 stands under 时效指标."""
    from indicators.vocab import vocab
    assert vocab().canonical_level2("服务对象满意度指标等") == "服务对象满意度指标"
    got79 = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("79_")).indicators}
    assert got79["学生满意度"] == ("≧95%", "100%")
    got40 = {r.level3: r.level2 for r in parse_file(_doc("40_")).indicators}
    assert got40["经费支出时效性"] == "时效指标" and got40["经费支出合规性"] == "质量指标"
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("40_").read_text(encoding="utf-8"))["spaces"]
    assert ("经费支出合规性", "较高") in {(r.level3, r.value_raw) for r in parse_text(text).indicators}


def test_completion_remark_with_its_share_is_one_actual_cell():
    """Doc 111 (大英 消费维权, 指标值 | 实施进度) with all cells run together: ``…1-12月已完成100%成本指标…``: 已完成100% is
    the 实施进度 cell, glued back after the lexer's cut; a 达到目标值 note before a number is not (doc 10)."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("111_").read_text(encoding="utf-8"))["runtogether"]
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_text(text).indicators}
    assert got["全年"] == ("1-12月", "已完成100%") and got["群众满意度"] == ("90%", "已完成100%")
    assert {r.level3: r.value_raw for r in parse_file(_doc("10_")).indicators}["资金支出率"] == "95%"


def test_row_label_repeated_after_a_page_break_is_not_part_of_a_name():
    """Doc 98 (重庆 部门整体自评表, run together): the page break prints the 绩效指标 row label again before
    ``预决算信息公开性高高100%11否``; the label is not glued onto the name."""
    names = {r.level3 for r in parse_file(_doc("98_")).indicators}
    assert "预决算信息公开性" in names and not any(n.startswith("绩效指标") for n in names)


def test_header_printed_letter_by_letter_across_cells():
    """Doc 71 (新洲 楚剧团, a DOC preview): the header's 分值 | 得分 comes out as ``分`` ``值得`` ``分``; the pieces are cut
    again into the weight and score columns, so ``50件50件2020`` is a target, an actual, a weight 20 and a score 20;
    ``质量等合格合格`` is a name, a target 合格 and an actual 合格."""
    from indicators.table.stream import Token, join_split_headers
    toks = [Token(t, 1, "glue") for t in ("实际完成值", "分", "值得", "分", "偏差原因分析及改进措施")]
    assert [t.text for t in join_split_headers(toks)] == ["实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert [t.text for t in join_split_headers([Token("是", 1, "glue"), Token("否", 1, "glue")])] == ["是", "否"]
    got = {r.level3: (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("71_")).indicators}
    assert got["演出人员满意度"] == ("100%", "100%", "20", "20")
    assert got["音响、灯光、道具、服装质量等"][:2] == ("合格", "合格")


def test_headerless_tables_with_prose_after_and_an_actual_column():
    """Docs 115 and 116 (大英 经开区 / 民政局, 部门整体自评 excerpts that start below the header): one cell per line,
    ``一级 | 二级 | 三级 | 指标值 | 实际完成值``. The report's prose after the table (``2.部门绩效评价结果。…``) neither stops
    the headerless reading nor joins its rows; cells that end in 。 are still cells; a target followed by
    another is a target and its actual. Doc 13, whose targets are followed by 22.5, keeps it as the weight."""
    got116 = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("116_")).indicators}
    assert got116["改善养老服务基础条件"] == ("改善条件", "明显改善")
    assert got116["养老服务对象对养老机构服务质量满意度"] == ("≥90%", "98%")
    assert not any("部门绩效评价结果" in n for n in got116)
    d115 = parse_file(_doc("115_"))
    assert d115.reader == "headerless"
    assert ("美化环境。", "美化环境。") in {(r.level3, r.value_raw) for r in d115.indicators}
    assert {r.weight_raw for r in parse_file(_doc("13_")).indicators} == {"22.5"}


def test_sheet_flattened_with_its_header_words_apart():
    """Doc 121 (稷山 翟店镇卫生院, an XLSX flattened into one line): the header words come out apart and out of order
    (``一级 指标 … 年度 实际 指标值 完成值 … 二级指标 三级指标 … 分值 得分``), the first run of them putting the actual
    before the names; the usual column order is tried and reads the ``指标N:name target actual weight score`` rows.
    ``指标9:0-6岁儿童健康管理数`` keeps its ages; a weight glued onto the next name (``2.8财务制度健全性``, doc 39) is still cut;
    the header word 二级指标 among the rows is no 二级."""
    from indicators.table.stream import lex
    assert lex("指标9:0-6岁儿童健康管理数2089人2089人") == ["指标9:0-6岁儿童健康管理数", "2089人", "2089人"]
    assert lex("好2.8财务制度健全性健全")[:2] == ["好", "2.8"]
    recs = parse_file(_doc("121_")).indicators
    got = {r.level3: (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in recs}
    assert got["孕产妇7天访视数"] == ("214人", "203人", "2", "1.8")
    assert got["0-6岁儿童健康管理数"][:2] == ("2089人", "2089人")
    assert "二级指标" not in {r.level2 for r in recs}
    assert {r.level3: r.value_raw for r in parse_file(_doc("39_")).indicators}.get("财务制度健全性") == "健全"


def test_name_cell_repeating_its_target_is_kept_and_flagged():
    """Doc 116 (大英 民政局): rows ``项目完成指标 | 时效指标 | 2020年 | 2020年 | 2020年`` fill the name cell with the target.
    The row is a record (a reviewer must see it), not dropped as a fragment, and the quality check says its value
    only repeats the name; a lone ``—`` is still no record."""
    from indicators.quality import analyze
    from indicators.table.sanity import not_indicator
    assert not_indicator("—", "—") == "fragment" and not_indicator("2020年", "2020年") is None
    indicators, _ = analyze(read_documents([_doc("116_")]))
    flags = dict(zip(indicators["level3"], indicators["flags"]))
    assert "value_is_name" in flags["2020年"] and "value_is_name" in flags["100万"]
    assert "value_is_name" not in flags["改善养老服务基础条件"]


def test_preview_page_marks_inside_a_cell_join_the_line_before():
    """Doc 22 (湖北 渔业成品油, a DOC preview): the preview's page 2 starts inside a cell (``…12月底之前完成10`` /
    ``2、0%100%10``); the page goes on the line before it, so the cell reads 100%. Doc 24: the same join keeps
    ``社会效益`` / ``3、指标效果显著`` one line. Lines after a joined page keep their numbers."""
    from indicators.table.stream import clean_text, join_preview_pages
    lines = clean_text(_doc("22_").read_text(encoding="utf-8")).split("\n")
    joined = join_preview_pages(lines)
    assert len(joined) == len(lines) and "之前完成100%100%10" in joined[2]
    assert join_preview_pages(["1、短", "2、短"]) == ["1、短", "2、短"]   # short lines: an enumeration, not pages
    got = {r.level3 for r in parse_file(_doc("24_")).indicators}
    assert "效果显著" in got


def test_management_groups_after_satisfaction_rows_stand_under_no_level1():
    """Doc 96 (舒城 以工代赈): after the 满意度指标 rows come 计划管理指标, 资金管理指标 … groups of the 中央预算内投资
    form; they stand under no 一级 (满意度指标 holds only satisfaction), while a 满意度 二级 still does."""
    from indicators.table.reader import _level1_above
    assert _level1_above("满意度指标", "计划管理指标") == ""
    assert _level1_above("满意度指标", "服务对象满意度指标") == "满意度指标"
    got = {r.level3: (r.level1, r.level2) for r in parse_file(_doc("96_")).indicators}
    assert got["项目开工率"] == ("", "项目管理指标")
    assert got["参与工程建设的贫困群众满意度"][0] == "满意度指标"


def test_rows_before_a_merged_level1_printed_below_them_stand_under_it():
    """Doc 39 (苏州 园林, a DOC preview): the first rows (资金使用合规性 …) come before the merged ``投入目标(28分)`` cell,
    which the preview prints in the middle of its span; they stand under 投入目标. Where the first level cell is a
    二级, which 二级 the earlier rows had is not known: they get its 一级 only (doc 129: 效益指标 over 可持续影响指标)."""
    from indicators.table.reader import _first_level1
    from indicators.table.rows import Cell, Row
    rows = [Row([Cell("level3", "甲率", 0, 0, 1)]), Row([Cell("level1", "产出指标", 1, 1, 1), Cell("level3", "乙率", 2, 2, 1)])]
    assert _first_level1(rows) == ("产出指标", "产出指标")
    rows2 = [Row([Cell("level3", "甲率", 0, 0, 1)]), Row([Cell("level2", "质量指标", 1, 1, 1), Cell("level3", "乙率", 2, 2, 1)])]
    assert _first_level1(rows2) == ("产出指标", "")   # a 二级 first: its 一级 only
    rows3 = [Row([Cell("level3", "甲率", 0, 0, 1)]), Row([Cell("level2", "某某指标", 1, 1, 1), Cell("level3", "乙率", 2, 2, 1)])]
    assert _first_level1(rows3) == ("", "")
    got = {r.level3: r.level1 for r in parse_file(_doc("39_")).indicators}
    assert got["资金使用合规性"] == "投入目标" and got["财务制度健全性"] == "投入目标"


def test_sentence_name_of_some_length_is_kept():
    """Doc 113 (金寨 开发区): the 质量指标 row's name is a 41-character sentence ending in 。, with a sentence target; it is an
    indicator, not prose (a name of more than 60 characters with a full stop still is)."""
    from indicators.table.sanity import not_indicator
    got = {r.level3 for r in parse_file(_doc("113_")).indicators}
    assert "完成开发区工委、管委下达的安置小区物业费清算任务,指导小区物业开展文明创建等工作。" in got
    assert not_indicator("本部门按要求" * 11 + "。", "") == "prose"


def test_name_its_short_target_and_the_next_name_run_together():
    """Doc 54 (鄂州 机关事务, a DOC preview): ``成本控制率不超预算水电气消耗下降率`` is a name, its target 不超预算 and the
    next name; the name cut offers both cuts, so 成本控制率 is read as a name (the page is cut inside the next row)."""
    from indicators.table.stream import name_split
    assert name_split("成本控制率不超预算水电气消耗下降率") == ["成本控制率", "不超预算", "水电气消耗下降率"]
    assert name_split("补贴覆盖率对符合条件的对象发放解困工资的覆盖率") == ["补贴覆盖率", "对符合条件的对象发放解困工资的覆盖率"]
    assert "成本控制率" in {r.level3 for r in parse_file(_doc("54_")).indicators}


def test_header_whose_second_line_finishes_its_cells():
    """Doc 126 (裕安 文旅局 自评表): the header prints ``年度 | 实际`` over ``指标值 | 完成值`` (年度指标值, 实际完成值); the
    second line's cells take the fragments' places, so targets and actuals land before 分值 | 得分, and the goal line's
    last word 年度目标 before 绩效指标 is no column."""
    got = {r.level3: (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("126_")).indicators}
    assert got["修缮建筑面积"] == ("6000平方米", "6000平方米", "7", "7")
    assert got["验收通过率"] == ("100%", "95%", "6", "5")
    assert got["修缮级别"][:2] == ("市级保护单位", "市级保护单位")


def test_one_cell_per_line_between_lone_border_lines():
    """Doc 122 (保山 退役军人局): each cell on its own line with a lone ``|`` line after it, in a page whose other lines
    print whole rows; a cell line followed by a border line is one cell whatever spaces and numbers it holds, so the
    long 慰问… list is not cut into false rows (``慰问伤残军人 | 50人;…``)."""
    from indicators.table.stream import cell_stream
    toks = cell_stream("产出指标 数量指标 慰问人数 50人 10\n数量指标\n|\n慰问伤残军人50人;烈士家庭6户。\n|\n100%\n|\n")
    assert "慰问伤残军人50人;烈士家庭6户。" in [t.text for t in toks]
    names = {r.level3 for r in parse_file(_doc("122_")).indicators}
    assert "慰问伤残军人" not in names and "边海防官兵320人。" not in names


def test_common_evaluation_framework_levels_are_whole_cells_only():
    """Doc 124 (镇江 博物馆 绩效目标表, one cell per line): the 共性 framework's ``决策 | 项目立项 | 立项程序规范性 | 规范``
    and ``绩效目标 | 绩效指标明确性 | 明确``: 决策/项目立项/资金投入 are levels, not names with targets, and 绩效目标 before a
    short quality word is that framework's 二级, not a goal block that ends the table. The framework's names are levels
    only as whole cells: ``资金管理情况`` (doc 06) and ``…资金投入成本控制率`` (doc 42) are not cut at them."""
    from indicators.table.stream import lex
    from indicators.vocab import vocab
    assert vocab().canonical_level1("决策") == "项目决策" and vocab().canonical_level2("项目立项") == "项目立项"
    assert lex("资金管理情况专账核算") [0] != "资金管理"
    recs = {r.level3: (r.level1, r.level2, r.value_raw) for r in parse_file(_doc("124_")).indicators}
    assert recs["立项程序规范性"] == ("项目决策", "项目立项", "规范")
    assert "绩效目标合理性" in recs and "决策" not in recs and "资金投入" not in recs
    assert "省级财政专项资金投入成本控制率(%)" in {r.level3 for r in parse_file(_doc("42_")).indicators}


def test_target_that_states_itself_stays_one_cell():
    """Doc 126 (裕安 文旅局): ``项目设计、招标、施工 | 完成时间为2022年12月30日 | 完成时间为2022年12月30日 | 6 | 5``: the
    target 完成时间为… is one cell (a value after 为 or 达 is the cell's own), so the name keeps no part of it."""
    from indicators.table.stream import lex
    assert lex("完成时间为2022年12月30日") == ["完成时间为2022年12月30日"]
    assert lex("培训人次280人次") == ["培训人次", "280人次"]
    got = {r.level3: r.value_raw for r in parse_file(_doc("126_")).indicators}
    assert got["项目设计、招标、施工"] == "完成时间为2022年12月30日"


def test_rows_before_a_first_level2_get_its_level1():
    """Doc 129 (大英 图书馆, an excerpt that starts mid-table): ``公益性讲座知晓率`` comes before ``可持续影响指标``; it stands
    under 效益指标, with no 二级."""
    got = {r.level3: (r.level1, r.level2) for r in parse_file(_doc("129_")).indicators}
    assert got["公益性讲座知晓率"] == ("效益指标", "")


def test_value_column_left_empty_reads_one_record_per_name():
    """Doc 136 (陈仓 林业局 区域绩效目标申报表): the header names 指标值 but every value cell is empty (``||`` lines after
    each name); the names are one record each with no value. A table whose header names a value column and whose cells
    hold any target, or text that is no name, is read by the row splitter as before."""
    from indicators.table.names import names_only
    from indicators.table.stream import Token
    recs = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("136_")).indicators}
    assert recs["上一轮退耕还林补助面积(万亩)"] == ("数量指标", "") and len(recs) == 5
    names = [Token(t, 1, "cell") for t in ("参保人数(人)", "补助面积(万亩)", "防治面积(万亩)")]
    assert names_only(names, strict=True)
    assert not names_only(names + [Token("群众生活明显改善", 1, "cell")], strict=True)


def test_space_bordered_sentence_cell_stays_whole():
    """Doc 135 (旺苍 卫健局, cells apart by spaces): the target ``实施乡镇社区基层医疗机构37个。`` is one cell, not a name
    piece and the count 37个; a note ``注:`` alone still ends the table (doc 113)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("135_")).indicators}
    assert got["政府办基层医疗卫生机构实施国家基本药物制度覆盖率"] == "实施乡镇社区基层医疗机构37个。"
    assert not any(n.startswith("注") for n in (r.level3 for r in parse_file(_doc("113_")).indicators))


def test_completion_rate_column_is_a_column_of_its_own():
    """Doc 132 (海南 农垦实验中学 自评表): ``… | 实际完成值 | 完成率 | 分值 | 得分``: 完成率 is a column, so
    ``52 | 10 | 19.23% | 20.00 | 3.85`` is a target 52, an actual 10, the rate, a weight and a score (the 10 was read as
    the 度量单位 and joined onto the target: 5210)."""
    assert header_role("完成率") == "other"
    got = {(r.level2, r.level3): (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("132_")).indicators}
    assert got[("数量指标", "资助困难教师及学生")] == ("52", "10", "20.00", "3.85")


def test_two_letter_header_cells_run_together_and_a_scrambled_total():
    """Doc 133 (益阳 高级技工学校, a DOC preview): ``…实际 完成值分值得分偏差原因分析…`` has 分值 | 得分 run together, two
    header cells of two letters each, now cut, so ``3018301850`` reads target 3018, actual 3018 and the block's 50; doc
    134's total line prints ``分总 100 100`` (总分), which is no indicator."""
    from indicators.table.stream import lex
    assert lex("实际完成值分值得分偏差原因分析及改进措施产出指标")[:3] == ["实际完成值", "分值", "得分"]
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("133_")).indicators}
    assert got["资助学生人数"] == ("3018", "3018")
    assert "分总" not in {r.level3 for r in parse_file(_doc("134_")).indicators}


def test_mangled_span_attributes_do_not_stop_an_html_page():
    """Found by fuzzing (../shared/tools/fuzz.py): real document 27 with a cell's ``rowspan`` value mangled
    (``rowspan="rowspan=r…"``) raised ValueError and the page gave nothing. Spans are read as browsers read them:
    leading digits, else 1, capped; the page's records are the same as with the attribute left out."""
    import re as _re
    page = _doc("27_").read_text(encoding="utf-8")
    plain = {(r.level3, r.value_raw) for r in parse_text(page, "plain.html").indicators}
    mangled = _re.sub(r'rowspan="\d+"', 'rowspan="rowspan=r十spa)"', page, count=1)
    assert mangled != page
    got = {(r.level3, r.value_raw) for r in parse_text(mangled, "mangled.html").indicators}
    assert len(got) >= len(plain) - 2 and len(got & plain) >= len(plain) - 3


def test_short_directed_target_is_not_glued_onto_the_name_before_it():
    """Doc 128 (鄂州 科协, traditional script, cells apart by spaces): ``科普知識網絡競賽 提高普及率 穩步提升 6``: the target
    提高普及率 ends like a name but opens with 提高; it is not glued onto the name across the space."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("128_")).indicators}
    assert got["科普知識網絡競賽"] == ("提高普及率", "穩步提升")


def test_target_column_named_jixiao_mubiao_after_the_name():
    """Doc 139 (海口 档案局 2016, one cell per blank-line paragraph): ``指标类型 | 指标名称 | 绩效目标 | 绩效标准``: 绩效目标
    right after the name column is the target's column, 成效指标 a 一级 (效益指标), and a sentence target goes to the
    value column rather than the 绩效标准 one after it (``value text`` costs 1.5 in reader.toml; doc 110 reads right too)."""
    from indicators.vocab import vocab
    assert vocab().canonical_level1("成效指标") == "效益指标"
    recs = {r.level3: (r.level1, r.value_raw) for r in parse_file(_doc("139_")).indicators}
    assert recs["向社会公开政府公开信息和记录市领导政务活动信息"] == ("效益指标", "向社会公开政府公开信息及记录市领导政务活动信息")
    assert {r.level3 for r in parse_file(_doc("110_")).indicators} >= {lab["level3"] for lab in _labels("110_")}


def test_page_cut_right_after_the_last_rows_name_keeps_that_row():
    """Doc 137 (临翔 林业局 自评表): the excerpt ends ``满意度指标 | 服务对象满意度指标 | 受益农户满意度`` — cut right after the
    last row's name. The row is a record with no value (the quality check then says so); a cut piece that does not
    end like a name is not."""
    from indicators.table.reader import _cut_name_row
    from indicators.table.rows import Cell, Row
    recs = {r.level3: r.value_raw for r in parse_file(_doc("137_")).indicators}
    assert recs.get("受益农户满意度") == ""
    assert _cut_name_row(Row([Cell("level2", "服务对象满意度指标", 0, 0, 1), Cell("level3", "受益农户满意度", 1, 1, 1)]))
    assert not _cut_name_row(Row([Cell("level3", "受益农户满", 1, 1, 1)]))
    assert not _cut_name_row(Row([Cell("level3", "受益农户满意度", 1, 1, 1), Cell("value", "≥9", 2, 2, 1)]))


def test_enumerated_name_with_empty_cells_is_a_row_of_its_own():
    """Doc 104 (遂宁 市场监管 自评表, cells apart by spaces): ``指标4.不合格产品处置率`` stands alone on its line, its target and
    actual cells empty; it is a record of its own, not an extra cell of the row before (nor left out of every row),
    and two such rows before the page's cut row still belong to the table."""
    from indicators.table.rows import enumerated_name
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("104_")).indicators}
    assert got["不合格产品处置率"] == ("质量指标", "")
    assert got["医疗器械抽验完成率"] == ("质量指标", "100%")
    assert got["药品抽验平均标准"] == ("成本指标", "") and got["化妆品抽验平均标准"] == ("成本指标", "")
    assert not any("两品一械" in name for name in got)   # the cut row is not one
    assert enumerated_name("指标2.药品抽验平均标准") and not enumerated_name("指标2.“两品一械”总体安全")


def test_run_together_rows_of_doc_79_keep_box_drawn_equals_and_names_opening_with_a_unit_letter():
    """Doc 79 (永德 明朗中学, pipe rows) writes = as the box-drawing ``═``, and its name 家长满意度 follows the row before's
    number. With every separator removed (the run-together flattening of evaluation/evaluate_flattenings.py), ``═100%`` is
    a target with its comparator, and the 家 of 家长 (the 本 of 本土人才, doc 65) is not the number's unit."""
    import re as _re
    from indicators.table.stream import lex
    assert lex("生均补助标准达标率═100%100%10") == ["生均补助标准达标率", "═100%", "100%", "10"]
    assert lex("领取补助人数≥100人本土人才满意度≥95%")[2] == "本土人才满意度"
    page = _doc("79_").read_text(encoding="utf-8")
    flat = "\n".join(_re.sub(r"\s*\|\s*", "", line) for line in page.split("\n"))
    got = {r.level3: r.value_raw for r in parse_text(flat, "79_flat.txt").indicators}
    assert got.get("生均补助标准达标率") == "═100%" and got.get("家长满意度", "").startswith("≧95")


def test_pdf_text_with_units_spaced_off_their_numbers_onto_the_next_name():
    """Doc 142 (国家林业局 样例 目标申报表, a document preview): the header ``指标 指标内容 指标值产出指标`` runs its last word
    onto the first row's level, and every number's unit stands after a space, glued to the next row's name (``2000
    次汇总突发事件季度报告次数``). The level word is cut off the header cell, and the unit goes back to its number; a
    time limit's or a date's word does not (``3 天内完成``), nor a unit alone (it may be a unit column's cell)."""
    from indicators.table.stream import join_units, lex
    assert lex("指标值产出指标") == ["指标值", "产出指标"]
    got = {r.level3: r.value_raw for r in parse_file(_doc("142_")).indicators}
    assert got["汇总突发事件季度报告次数"] == "4次" and got["测报准确率"] == "85%"
    assert got["发生动态与短期预报报告次数"] == "2000次" and got["年度、半年趋势报告次数"] == "各1次"
    assert join_units(["3", "天内完成全部审核"]) == ["3", "天内完成全部审核"]
    assert join_units(["90", "%", "10"]) == ["90", "%", "10"]


def test_prose_self_evaluation_naming_target_actual_weight_and_score():
    """Doc 154 (莆田 市场监管局 自评报告): under ``1、数量指标`` headings, each target is a sentence naming its fields,
    ``1)主导制修订国家标准的项目数量(项),目标值2,完成值2,分值6,得分6。``: one record with target, actual, weight and
    score, its unit from the name; a sentence that only counts targets (``设置绩效目标11个``) is none."""
    from indicators.table.prose import fields_clause
    got = {r.level3: (r.level1, r.level2, r.value_raw, r.actual_raw, r.weight_raw, r.score_raw)
           for r in parse_file(_doc("154_")).indicators}
    assert got["主导制修订国家标准的项目数量(项)"] == ("产出指标", "数量指标", "2", "2", "6", "6")
    assert got["项目完成及时率(%)"] == ("产出指标", "时效指标", "90", "100", "8", "8")
    assert got["获得补助企事业单位获得补助金额(万元)"][:3] == ("成本指标", "经济成本指标", "200")
    assert len(got) == 10 and fields_clause("本项目设置绩效目标11个,实际完成11个") is None


def test_prose_targets_with_the_actual_after_a_comma():
    """Doc 152 (福州 晋安 岳峰镇 百岁老人慰问 自评): ``数量指标:慰问人数=9人,当年实际完成9人。`` is one record, its actual after
    the comma; ``慰问对象满意度完成90%`` states only what was done (an actual, no target); ``年龄均≥100岁`` keeps 均 with the
    target; the contact line ``项目联系人:江健筠,联系电话:…`` after the list is no record."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("152_")).indicators}
    assert got["慰问人数"] == ("=9人", "9人")
    assert got["慰问对象满意度"] == ("", "90%")
    assert got["慰问对象年龄"] == ("均≥100岁", "")
    assert "项目联系人" not in got and len(got) == 5


def test_target_against_last_year_run_onto_the_name():
    """Doc 153 (宁夏 福彩中心, OCR'd image, cells run together): ``拓展彩票销售渠道,捉升彩票销售量同比2022年销量显著提高显著提高``
    is a name, the target ``同比2022年销量显著提高`` (its year no deadline) and the actual ``显著提高``."""
    from indicators.table.rows import token_type
    from indicators.table.stream import lex
    assert lex("拓展彩票销售渠道,捉升彩票销售量同比2022年销量显著提高显著提高") == [
        "拓展彩票销售渠道,捉升彩票销售量", "同比2022年销量显著提高", "显著提高"]
    assert token_type("同比2022年销量显著提高") == "value" and token_type("较上年增长") == "value"
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("153_")).indicators}
    assert got["提升彩票销量,筹集更多彩票公益金"] == ("同比2022年销量显著提高", "显著提高")


def test_page_cut_after_a_name_on_a_line_of_its_own():
    """Doc 156 (南岳 青少年校外活动中心, pipe rows): the excerpt ends ``资金到位率 |`` on a line of its own after the table's last
    row: the row the cut left is a record, its value empty."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("156_")).indicators}
    assert got.get("资金到位率") == "" and got["工作完成及时率"] == "≥100%"
    # doc 109 (东莞 交通局, pipe rows) ends "可持续影响指标 | 实现建设总目标控制程度": the name after the last row's level cell
    recs = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("109_")).indicators}
    assert recs.get("实现建设总目标控制程度") == ("可持续影响指标", "")


def test_a_deadline_a_space_broke_and_a_prose_target_after_wei():
    """Doc 155 (湘潭 工伤保险, space-separated rows): ``开展工伤预防培训 2023年 年底前 计划标准`` has one deadline
    ``2023年年底前``; doc 150 (昌吉 四中, prose in traditional script): ``資助標準為每生每年3000元、2000元、1000元3個檔次``
    is the name 資助標準 and its target after 為 (a name that ends like one, a target with a number)."""
    from indicators.table.prose import _clause
    got = {r.level3: r.value_raw for r in parse_file(_doc("155_")).indicators}
    assert got["开展工伤预防培训"] == "2023年年底前"
    names = {r.level3: r.value_raw for r in parse_file(_doc("150_")).indicators}
    assert names["資助標準"] == "每生每年3000元、2000元、1000元3個檔次"
    assert _clause("经费发放率为98%覆盖率及资金到位率均为100%") != ("经费发放率", "98%覆盖率及资金到位率均为100%")


def test_prose_actual_named_after_the_target():
    """Doc 141 (云南 应急管理厅 航空消防 自评): ``布防飞机数量≥6架,实际布防6架;飞机飞行时长≥928小时,实际飞行时长909.93小时``:
    ``实际…`` after the comma is the clause's actual, not a record of its own; an actual the page cut (``≥80%,实际完``) is
    left empty."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("141_")).indicators}
    assert got["布防飞机数量"] == ("≥6架", "6架") and got["飞机飞行时长"] == ("≥928小时", "909.93小时")
    assert got["实际完成飞行小时数/计划小时数"] == ("≥80%", "") and len(got) == 3


def test_a_list_of_targets_inside_a_pipe_tables_cell():
    """Doc 145 (荆门 文旅局 文物保护, pipe rows): ``年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;编制…3个;…≥96%。``: the
    level cell heads the list in the next cell, each ``;`` clause a record; a later row led by another label
    (``项目实施进度(或计划) | …``) is not under it."""
    got = {r.level3: (r.level1, r.value_raw) for r in parse_file(_doc("145_")).indicators}
    assert got["开展文物安全巡查频次"] == ("产出指标", "8次") and got["文物展品安全保障率"] == ("产出指标", "≥96%")
    assert got["文物保护名录和数据库"] == ("效益指标", "基本健全")
    assert not any(name.startswith(("项目实施进度", "编制文物保护规划")) for name in got)


def test_targets_quoted_in_a_news_text():
    """Doc 143 (人民日报 on the 旅游发展基金 绩效目标表): ``在产出指标方面,要求…A级旅游景区个数≥300个,…宣传品制作数量≥10万件(册)``:
    在…方面 heads the clauses after it, 要求 is not part of the name, and the bracketed second unit stays with the value."""
    got = {r.level3: (r.level1, r.value_raw) for r in parse_file(_doc("143_")).indicators}
    assert got["旅游公共服务水平提升的A级旅游景区个数"] == ("产出指标", "≥300个")
    assert got["宣传品制作数量"] == ("产出指标", "≥10万件(册)")


def test_prose_self_evaluation_report_over_a_headerless_reading():
    """Doc 144 (西平 乡村振兴局 自评报告): under ``2.效益指标完成情况分析``, ``该项目的效益指标,预定村集体收入60.3万元,实际已完成村集体
    收入60.3万元;…``: the heading names its level, 预定 opens no name, the actual after the comma goes with its target,
    and a sentence of what was done (``已完成购买电脑横机114台,…``) is no target. The prose reading is kept over a
    headerless reading of the same text whose rows read as no targets (sentences cut into names)."""
    from types import SimpleNamespace as R
    from indicators.parse import _better_prose
    got = {r.level3: (r.level1, r.value_raw, r.actual_raw) for r in parse_file(_doc("144_")).indicators}
    assert got == {"村集体收入": ("效益指标", "60.3万元", "60.3万元"),
                   "带动受益建档立卡贫困户总收入": ("效益指标", "42.21万元", "42.21万元"),
                   "受益建档立卡贫困户数": ("效益指标", "不低于552户1186人", "")}
    twice = [R(level2="", level3="辖区企业满意率", value_raw="达95%以上")] * 2
    assert not _better_prose(twice, [R(level2="", level3="辖区企业满意率达95%以上。", value_raw="")])   # copies (doc 115)


def _cut_before(doc: str, marker: str) -> str:
    """A labelled page cut off just after the last ``marker`` (a mirror that keeps the page's first part)."""
    text = _doc(doc).read_text(encoding="utf-8")
    return text[:text.rindex(marker) + len(marker)]


def test_a_page_cut_after_an_empty_heading_keeps_its_prose_list():
    """Doc 270 (宣州 新田镇 道路) cut off after ``3.時效指標:``: the two roads' ``厚度不低于20厘米`` is a list read twice,
    not a page's copy (a copy comes right after itself), so the prose reading (every target of the two lines) is
    kept over a headerless reading that finds two rows."""
    from types import SimpleNamespace as R
    from indicators.parse import _better_prose
    got = parse_text(_cut_before("270_", "3.時(shí)效指標(biāo):"), "270_cut.txt").indicators
    assert [(r.level2, r.level3, r.value_raw) for r in got].count(("数量指标", "厚度", "不低于20厘米")) == 2
    assert ("质量指标", "項目驗收合格率", "100%") in [(r.level2, r.level3, r.value_raw) for r in got]
    road = [R(level2="数量指标", level3=name, value_raw=value) for name, value in (("建设里程", "1.091公里"),
                                                                                ("厚度", "不低于20厘米"))]
    assert _better_prose(road + road, [R(level2="", level3="吳沖路:路面硬化,建設里程", value_raw="")])


def test_rows_shifted_one_column_right_do_not_outweigh_the_stream_reading():
    """Doc 96 (舒城 以工代赈) cut off in the middle of its 过程管理 rows: the grid reader reads every row one column to the
    right (三级 ``产出指标``, value ``劳务报酬占中央投资比例``); those are not fitted rows, and the stream reader's reading
    is kept."""
    got = parse_text(_cut_before("96_", "投资计划分解(转发)用时"), "96_cut.txt").indicators
    assert ("产出指标", "劳务报酬占中央投资比例", "≥32.68%") in [(r.level1, r.level3, r.value_raw) for r in got]
    assert not any(r.level3 == "产出指标" for r in got)


def test_prose_targets_counted_first_second_third():
    """Doc 170 (芜湖 镜湖区 残联 自评): ``第一,…基本康复服务比例年初指标值为不低于85%,全年实际完成值100%。第二,…``: 第一 is the
    clause's number, 年初指标值为 gives its target and 全年实际完成值 its actual."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("170_")).indicators}
    assert got["有需求的困难残疾人得到残疾人基本康复服务比例"] == ("不低于85%", "100%")
    assert got["发放残疾人机动轮椅车燃油补贴人次数"] == ("不低于180人", "164人")


def test_a_line_that_is_a_name_run_onto_its_target():
    """Doc 171 (祁东县 疾控中心, rows run together one per line): ``免疫规划知识培训次数2次以上`` on a line of its own is the name
    and its target, not one cell; a line with a number inside its name stays whole."""
    from indicators.table.stream import _name_then_value
    got = {r.level3: r.value_raw for r in parse_file(_doc("171_")).indicators}
    assert got["免疫规划知识培训次数"] == "2次以上"
    assert _name_then_value("森林火灾6小时内扑灭率") == ["森林火灾6小时内扑灭率"]


def test_numbered_targets_listed_in_one_pipe_cell():
    """Doc 173 (炎陵县 交通运输局 整体支出目标, pipe rows): ``产出指标 | 指标1部门重点支出占部门整体支出的比例是15%: 指标2…: 指标3部门整体
    支出支付进度为100%: …``: one record per numbered item (是/为 before the target, the colon after it dropped), and
    ``指标3(社会公众或服务对象满意度):满意`` a graded target after a colon; a definition after a colon is none (doc 115)."""
    from indicators.table.prose import _clause
    got = {r.level3: (r.level1, r.value_raw) for r in parse_file(_doc("173_")).indicators}
    assert got["部门重点支出占部门整体支出的比例"] == ("产出指标", "15%")
    assert got["结转结余资金减少率"] == ("产出指标", "100%")
    assert got["(社会公众或服务对象满意度)"] == ("效益指标", "满意")
    assert _clause("2.事业收入:指事业单位开展专业业务活动及辅助活动取得的收入") is None


def test_prose_wrapped_at_the_pdfs_page_width():
    """Doc 162 (梧州 部门预算, PDF text): ``设 1条时效指标:资金支付及`` / ``时率=100%;设 1`` / ``条…满意`` / ``度指标:职工满意度≥90%。``:
    lines wrapped mid-word are one paragraph, ``设 1条数量指标:`` heads its clause, and the prose reading is kept over a
    headerless one that cut the wrapped lines into rows."""
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("162_")).indicators}
    assert got["资金支付及时率"] == ("时效指标", "=100%") and got["职工满意度"] == ("服务对象满意度指标", "≥90%")
    assert got["开通业务月份"] == ("数量指标", "≥1个月") and not any(":" in name for name in got)


def test_prose_sentence_ending_in_a_named_number():
    """Doc 172 (南岳区 实验中学 整体支出目标, prose under 二级 headings): ``质量指标:学校的教育教学秩序良好,校园文化建设深受好评,力争
    毕业生合格率达100%`` gives 毕业生合格率 = 达100% (the sentence before it is no name, 力争 opens none), and
    ``学校绿化覆盖达70%,优化校园生态环境`` ends its target at the comma. A first part that ends like a name stays in the
    name (doc 67: ``★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量(≥**株)>=17600株``)."""
    from indicators.table.prose import _clause, _clauses
    got = {r.level3: r.value_raw for r in parse_file(_doc("172_")).indicators}
    assert got["毕业生合格率"] == "达100%" and got["学校绿化覆盖"] == "达70%"
    assert _clause("★补助各类瓜果蔬菜种植数量,黄金蜜(葡萄)种植数量(≥**株)>=17600株")[0].startswith("★补助")
    assert _clauses("学校绿化覆盖达70%,优化校园生态环境") == [("学校绿化覆盖", "达70%")]


def test_comparator_in_a_type_column_before_the_target():
    """Doc 160 (南县 住房保障中心, pipe rows): ``指标值类型 | 目标值 | 度量单位``: ``≤ | 9.9 | 万元`` is the target ≤9.9万元; the column
    stays a column of its own (定性 there is the kind, not a comparator)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("160_")).indicators}
    assert got["国有资产出租应交税费经费"] == "≤9.9万元" and got["门面数量"] == "=9间数"
    assert got["以合理的市场价出租"] == "保障"


def test_targets_the_report_text_states_beside_its_table():
    """Doc 70 (宁德 人才驿站 自评报告): the table gives five indicators; the report's text states two more, each naming its
    fields (``(1)時效目標:人才驛站補助資金到位時間績效目標值是2023年12月前,實際完成值為2023年12月前,…,(2)成本目標:項目資金投入
    績效目標值是10萬元,…``): they are added, the ones the table has are not added twice, and a scoring rule naming 指标值
    (``…未达指标值酌情扣分``) is none."""
    from indicators.table.prose import fields_clause
    recs = parse_file(_doc("70_")).indicators
    got = {r.level3: (r.level2, r.value_raw, r.actual_raw) for r in recs}
    assert got["項目資金投入"] == ("成本指标", "10萬元", "0萬元")
    assert got["人才驛站補助資金到位時間"][1] == "2023年12月前"
    assert len(recs) == len(got) == 7
    assert fields_clause("该指标主要考察单位运转需要保障范围应保尽保未达指标值酌情扣分") is None


def test_page_cut_after_a_bare_item_label_and_a_comparator():
    """Doc 181 (休宁 文物局 区域自评表, pipe rows): the excerpt ends ``成本指标 | 指标:项目总下达资金 | <``: 指标: is the item's
    label, not part of the name, and the value cut after its comparator is empty."""
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("181_")).indicators}
    assert got["项目总下达资金"] == ("成本指标", "")


def test_a_word_opening_with_a_unit_letter_is_not_cut_off_as_the_numbers_unit():
    """Doc 161 (区商务局 服务贸易 自评表, PDF text): ``… 10 支持服务贸易、服务外 包企业数量 3 3 10``: 支 is a unit letter, but 支持
    is a word (jieba's dictionary, ``data/vocab/unit_words.txt``), so it is not moved onto the score 10; ``2000 次汇总…``
    (doc 142) still gives 2000次."""
    from indicators.table.stream import join_units
    assert join_units(["10", "支持服务贸易、服务外"]) == ["10", "支持服务贸易、服务外"]
    assert join_units(["2000", "次汇总突发事件季度报告次数"]) == ["2000次", "汇总突发事件季度报告次数"]
    names = {r.level3 for r in parse_file(_doc("161_")).indicators}
    assert not any(n.startswith("持服务贸易") for n in names)


def test_second_levels_of_a_department_self_evaluations_management_block():
    """Doc 174 (南昌县 蚕茶卫生院 整体支出自评表, a run-together preview): ``预算编审管理完整、准确率100%100%44预算执行管理完成率、
    控制率…``: the 管理指标 block's 二级 names (预算编审管理, 预算执行管理, 部门结转结余资金管理 …) are levels without a 一级, and
    ``任务1:`` numbers an item like ``指标1:``; 资产管理 is a level only as a whole cell (``资产管理安全`` is a name, doc 98)."""
    from indicators.vocab import vocab
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("174_")).indicators}
    assert got["完整、准确率"] == ("预算编审管理", "100%") and got["结余率"][0] == "结转结余资金管理"
    assert got["诊断准确率"][1] == "95%以上"
    assert vocab().canonical_level2("资产管理") == "资产管理" and vocab().parent_of("资产管理") == ""
    assert "资产管理安全" in {r.level3 for r in parse_file(_doc("98_")).indicators}


def test_a_direction_read_in_the_comparator_column_is_no_comparator():
    """Doc 210 (海南 财政厅 会展项目奖励, run together): ``…绩效指标值*绩效度量单位权重*指标方向性*`` over
    ``全年实现会展业综合收入≥280亿元30%正向指标``: the 指标方向性 column holds 正向指标, which is not written before the target."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("210_")).indicators}
    assert got["全年实现会展业综合收入"] == "≥280亿元"


def test_a_levels_score_on_a_line_of_its_own_and_empty_slots_make_no_two_level_table():
    """Doc 205 (奉节 云雾乡 加工园, PDF text): ``产出指标`` / ``(40-50)分`` is one 一级 with its score, not a record; the rows
    ``社会成本指标`` and ``生态环境成本指标`` with nothing after them are empty slots, which say nothing of whether the table
    names its indicators in the 二级 column: its one record keeps 项目建设成本 | ≤65万元."""
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("205_")).indicators}
    assert got == {"项目建设成本": ("经济成本指标", "≤65万元")}


def test_a_region_table_of_villages_with_one_bare_number_each():
    """Doc 202 (安溪 水利局, pipe cells one per line): the header names seven villages (``西坪镇尧山村 | 桃舟乡吾培村 …``), each a
    region column, so the row is one record; seven 1s are the target 1, not 1111111, while differing towns' values stay
    as written (doc 42: ``≤100%100%``)."""
    from indicators.table.header import _region_count
    got = {r.level3: r.value_raw for r in parse_file(_doc("202_")).indicators}
    assert got == {"开展小型水利工程建设(个)": "1"}
    assert _region_count("西坪镇尧山村") == 1
    assert {r.value_raw for r in parse_file(_doc("42_")).indicators} >= {"≤100%100%"}


def test_a_self_evaluation_that_prints_the_name_again_before_the_actual():
    """Doc 209 (咸宁 生态环境局 大气污染防治 自评表, one cell per paragraph): ``建设环境空气质量自动监测子站`` / ``11个`` /
    ``建设环境空气质量自动监测子站`` / ``0`` / the reason: one record, target 11个 and actual 0."""
    recs = parse_file(_doc("209_")).indicators
    assert [(r.level3, r.value_raw, r.actual_raw) for r in recs] == [("建设环境空气质量自动监测子站", "11个", "0")]


def test_a_second_blocks_copy_cut_by_the_page_adds_no_record():
    """Doc 203 (亳州 气象局 人工增雨, 中期 and 年度 blocks side by side): the excerpt ends inside the 年度 block's copy of the
    质量 row (``…等需求 | 解``); that cut copy is no record of its own."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("203_")).indicators]
    assert len(got) == 2 and ("围绕农业生产、生态环境修复、改善空气质量等需求", "解") not in got


def test_a_headerless_self_evaluation_with_weight_and_score_after_the_actual():
    """Doc 211 (乐亭 市场监管局 自评表, one cell per line, no header on the page): ``服务对象满意度指标 | 服务对象满意度 | ≥90% | 100% |
    10 | 10``: a target, its actual and two numbers give the headerless reading a 分值 and a 得分 column, so the last row's
    name (a 二级 word) stays its name and ≥90% its target."""
    got = {r.level3: (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) for r in parse_file(_doc("211_")).indicators}
    assert got["服务对象满意度"] == ("≥90%", "100%", "10", "10")


def test_prose_name_comma_short_target_after_a_name_ending():
    """Doc 226 (东丽 财政局 光辉路工程 自评报告): ``质量指标:确保天桥质量,已完成;``: a name ending like one (质量), a comma, a short
    target is a clause. (The rule for a sentence ending in a named number, doc 172, had skipped it: 226's first run found
    that regression.)"""
    from indicators.table.prose import _clause
    assert _clause("确保天桥质量,已完成") == ("确保天桥质量", "已完成")
    names = {r.level3 for r in parse_file(_doc("226_")).indicators}
    assert {"确保天桥质量", "提升周边居民满意度"} <= names


def test_prose_comparator_words_and_task_numbers():
    """Doc 221 (同心 下马关镇 人居环境, prose): ``商业段外立面改造(≥**平方米)大于等于10157.6平方米`` opens its target at 大于等于; doc
    222 (锡林郭勒 城乡居民养老保险 自评报告): ``养老金领取人数全年平均数年初任务数101974人,全年完成值103119人`` names its target as
    the 年初任务数 and its actual as the 全年完成值."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("221_")).indicators}
    assert got["商业段外立面改造(≥**平方米)"] == "大于等于10157.6平方米"
    recs = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("222_")).indicators}
    assert recs["养老金领取人数全年平均数"] == ("101974人", "103119人") and recs["全年缴费人数"] == ("216786人", "201201人")


def test_rows_before_a_later_tables_header_are_read_without_one():
    """Doc 114 (大英 医保局) run together (evaluate_flattenings.py): the page starts inside a table whose header was on
    an earlier page, and the next table's header follows its rows. Those rows (with 一级 | 二级 pairs) are read without a
    header; doc 205's project summary, which names 经济效益:/社会效益: in sentences before its header, gives no rows."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("114_").read_text(encoding="utf-8"))["runtogether"]
    got = {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert ("城乡居民参保人员满意度", "≥90%") in got and ("城乡居民参保网络宣传成本预算", "≤101400元") in got
    text = flattenings(_doc("129_").read_text(encoding="utf-8"))["runtogether"]   # (one 一级 | 二级 pair only)
    assert ("活动参与人员满意度", "≥95%") in {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    names205 = [r.level3 for r in parse_file(_doc("205_")).indicators]
    assert len(names205) == 1, names205


def test_level_words_a_space_sets_apart_head_the_items_after_them():
    """Doc 173 (炎陵 交通局) flattened with spaces (evaluate_flattenings.py): ``部门整体支出 年度绩效指标 产出指标
    指标1部门重点支出占部门整体支出的比例是15%: 指标2…`` has its level word among other cells of the row; the items
    after it are read under it, as the pipe table's are. A value in 分 is a scoring rule's, never a target (doc 66:
    ``逾期扣 1 分``)."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    from indicators.table.prose import piece_records
    text = flattenings(_doc("173_").read_text(encoding="utf-8"))["spaces"]
    got = {(r.level1, r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert ("产出指标", "部门整体支出支付进度", "100%") in got
    assert ("效益指标", "(经济效益)", "预计收费4000元") in got
    assert piece_records("逾期扣1分") == []


def test_a_target_and_its_actual_run_together_are_cut_where_they_are_of_one_size():
    """Doc 230 (蔡甸 急救站, labelled blind; a preview with every cell run together): under 年度指标值 | 全年完成值,
    ``调度中心接警次数1200014084`` is the target 12000 and the actual 14084, ``3069`` is 30 and 69; a year or a
    number no cut makes two of one size (``2100``) stays whole."""
    from indicators.table.digits import target_and_actual
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("230_")).indicators}
    assert got["调度中心接警次数"] == ("12000", "14084") and got["救护车出车次数"] == ("4500", "5208")
    assert got["医疗保障次数"] == ("30", "69")
    assert target_and_actual("2100") is None and target_and_actual("2020") is None


def test_a_doubled_comparator_starts_the_target_not_the_name():
    """Doc 231 (抚远 饮水, labelled blind; a prose self-evaluation report): ``贫困地区农村集中供水率≥≥98%`` names
    贫困地区农村集中供水率, the doubled ≥ going with its target."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("231_")).indicators}
    assert got.get("贫困地区农村集中供水率") == "≥≥98%", got


def test_a_report_section_heading_ends_the_levels_of_its_contents_list():
    """Doc 232 (渔业增殖放流 评价报告, labelled blind): the contents list ends ``3、满意度指标`` / ``三、项目实施情况``, and
    the budget sentence after ``(二)项目预算`` (``…补助资金30万元``) is no 满意度 indicator; in ``放流苗种规格≥3cm,优质健康,
    检验检疫≥90%,…`` the short qualifier between two named targets leaves both targets standing."""
    recs = parse_file(_doc("232_")).indicators
    got = {r.level3: (r.level2, r.value_raw) for r in recs}
    assert not any(r.level3.startswith("下达") for r in recs), got
    assert got.get("检验检疫") == ("质量指标", "≥90%") and got.get("放流苗种规格") == ("质量指标", "≥3cm"), got


def test_a_names_only_table_in_traditional_script_is_read_as_the_simplified_one():
    """Doc 136's names-only table (陈仓 林业局: its values left empty) written in traditional script, as the 台胞/邯郸
    mirror pages print theirs: the names end like names in either script (names._name_end simplifies as
    rows.name_like does), so each is one row."""
    from indicators.table.names import name_rows, names_only
    from indicators.table.stream import Token
    names = ["天保工程實施單位保險參保人數(人)", "上一輪退耕還林補助面積(萬畝)", "草原有害生物防治面積(萬畝)"]
    tokens = [Token(n, k + 1, "line") for k, n in enumerate(names)]
    assert names_only(tokens, strict=True)
    assert [r.get("level3") for r in name_rows(tokens)] == names


def test_the_lexers_extra_value_units_come_from_the_data_file():
    """``[words] value_units`` of data/vocab/reader.toml (not a list in the code) ends a run-together value at a Latin
    or multiplied unit: ``新建道路长度2.5km``, ``造林面积10万亩``."""
    from indicators.table.stream import lex
    from indicators.table.words import words
    assert {"km", "万亩"} <= words().value_units
    assert lex("新建道路长度2.5km") == ["新建道路长度", "2.5km"] and lex("造林面积10万亩") == ["造林面积", "10万亩"]


def test_a_captions_completion_word_before_the_levels_is_no_actual_column():
    """Doc 163 (宣城 地震局, labelled blind): the header opens with the caption ``年度绩效指标完成情况`` and names 实际完成值
    after the levels; the caption's 完成情况 is no column, so ``指标2:科普宣传时限 11月底前 10月 5 5`` keeps its name.
    Doc 33 (its header without the 分值 its rows carry) still reads its third row."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("163_")).indicators}
    assert got.get("科普宣传时限") == ("11月底前", "10月"), got
    got33 = {r.level3: r.value_raw for r in parse_file(_doc("33_")).indicators}
    assert got33.get("食品经营环节风险分级") == "100%", got33


def test_prose_targets_that_must_be_kept_under_or_reached_and_their_actuals():
    """Doc 243 (云南 应急厅 森林航空消防, labelled blind; a prose self-evaluation): ``年森林火灾发生率需控制在6.5次/10万公顷,
    实际森林火灾发生率为0.2次/10万公顷`` and ``…满意度需达到80%以上,实际满意度为90%`` name their indicator before 需控制在 /
    需达到; ``租机数量8架,实际租机7架,未完成指标`` keeps its actual before the verdict."""
    got = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("243_")).indicators}
    assert got.get("年森林火灾发生率") == ("需控制在6.5次/10万公顷", "0.2次/10万公顷"), got
    assert got.get("基层群众对森林草原航空消防项目的满意度") == ("需达到80%以上", "90%"), got
    assert got.get("租机数量") == ("8架", "7架"), got


def test_a_goal_field_listing_its_targets_without_levels():
    """Doc 241 (临翔 坚果, labelled blind; a project notice): ``绩效目标:坚果提质增效基地面积≥4300亩,高优科技试验示范基地1个,
    …,群众满意度≥90%。`` gives one record per target, and the notice's other fields (资金规模:542万元整, the page's
    浏览次数) give none."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("241_")).indicators}
    assert got.get("坚果提质增效基地面积") == "≥4300亩" and got.get("带动项目受益群众每年增收") == "500元/亩", got
    assert "资金规模" not in got and "浏览次数" not in got, got


def test_a_name_written_twice_is_the_name_and_its_explanation():
    """Doc 240 (澧县 食用菌研究所, labelled blind): the 三级指标 and 指标解释 cells run together on one line and are often the
    same text (``创建食用菌生产基地创建食用菌生产基地`` / ``2个``): the name is read once."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("240_")).indicators}
    assert got.get("创建食用菌生产基地") == "2个", got


def test_a_project_list_with_a_column_per_first_level():
    """Doc 242 (霍山 下符桥镇 扶贫项目, labelled blind): one row per project, and under 绩效目标 a column per 一级 (产出 指标 |
    效益 指标 | 满意度 指标, given on three header lines), each cell a comma list of targets. Every item with a target is
    one record under its project and column; an item without one (``…设备采购项目``) is none."""
    recs = parse_file(_doc("242_")).indicators
    got = {(r.project, r.level1, r.level3, r.value_raw) for r in recs}
    assert ("庙岗集村农机专业化合作社项目", "产出指标", "自走式高速插秧机", "一台") in got
    assert ("三尖铺村农机作业服务队项目", "效益指标", "受益户数", "≥220户") in got
    assert ("庙岗集村农业机械化服务项目", "满意度指标", "脱贫人口满意度", "≥90%") in got
    assert not any("采购项目" in r.level3 for r in recs) and len(recs) == 19
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    spaced = parse_text(flattenings(_doc("242_").read_text(encoding="utf-8"))["spaces"]).indicators
    assert {(r.project, r.level1, r.level3, r.value_raw) for r in spaced} == got   # the same list printed with spaces


def test_prose_goal_sentences_of_reports_and_notices():
    """Blind pages 250-252 (prose, labelled blind): a level heading that says what it has (``产出目标为水泥路面22.53m³,
    毛石墙身213.75m³,…``, 251), a target with its note in brackets (``…扶贫股1股(3户共9股)``, 251), the named targets a
    clause opens with before its sentences (``具体目标主要为购买设备使用年限不低于5年,设备故障率低于5%,…合格率至少达到98%,
    资金在两年内…,以上目标根据…``, 250), and a 绩效目标是: field inside a paragraph with graded items (252)."""
    got251 = {r.level3: (r.level1, r.value_raw) for r in parse_file(_doc("251_")).indicators}
    assert got251.get("水泥路面") == ("产出指标", "22.53m³") and got251.get("成本控制率") == ("产出指标", "60%"), got251
    assert got251.get("中营子村脱贫户每人增设扶贫股") == ("效益指标", "1股(3户共9股)"), got251
    got250 = {r.level3: r.value_raw for r in parse_file(_doc("250_")).indicators}
    assert got250.get("购买设备使用年限") == "不低于5年" and got250.get("设备故障率") == "低于5%", got250
    assert got250.get("采购设备及设备安装验收合格率") == "至少达到98%", got250
    got252 = {r.level3: r.value_raw for r in parse_file(_doc("252_")).indicators}
    assert got252.get("基层党组织凝聚力") == "有所增强" and got252.get("基层干部满意度") == "≥90%", got252


def test_a_goal_field_written_as_numbered_sentences():
    """Doc 260 (伊州区 衔接资金 项目公示, labelled blind): ``6.绩效目标:1.项目受益灌溉面积2950亩,覆盖农户338户889人(其中:脱贫户
    21户46人)。2.吸纳本地群众就近就地就业。3.通过项目实施,…,流转面积不少于项目区的30%,…`` gives the named numbers of
    its items, the count's note in brackets kept and a comparator before 项目区的30% starting the target."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("260_")).indicators}
    assert got.get("项目受益灌溉面积") == "2950亩" and got.get("覆盖农户") == "338户889人(其中:脱贫户21户46人)", got
    assert got.get("流转面积") == "不少于项目区的30%" and got.get("项目覆盖农户", "").startswith("615户1941人"), got
    assert not any("通过项目实施" in name for name in got), got


def test_a_year_that_opens_a_name_stays_in_it():
    """Doc 262 (黄石三中, labelled blind; one cell per line): ``2023年项目完工、投入使用`` is a name that opens with its year,
    not the deadline 2023 and a name; the same rule keeps a project's whole name (doc 25: ``2023年杨楼社区特色种养殖补贴
    到户项目``, which was read as ``2023年``). A form's numbered notes (``2.基于经济性和必要性…``) are no rows."""
    recs = parse_file(_doc("262_")).indicators
    assert "2023年项目完工、投入使用" in {r.level3 for r in recs}
    assert not any(r.value_raw.startswith(("2.基于", "3.涉及")) for r in recs)
    assert {r.project for r in parse_file(_doc("25_")).indicators} == {"2023年杨楼社区特色种养殖补贴到户项目"}


def test_a_first_level_word_run_onto_the_text_heads_what_follows():
    """Doc 145 (湖北 文物保护 申报表) run together (evaluate_flattenings.py): ``…年度绩效总目标产出指标开展文物安全巡查频次8次;
    编制文物宣传资料数量3个;…`` has its 一级 word run onto the label before it and the first target after it; the
    targets after it are read under 产出指标, as on the published page."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("145_").read_text(encoding="utf-8"))["runtogether"]
    got = {r.level3: (r.level1, r.value_raw) for r in parse_text(text).indicators}
    assert got.get("开展文物安全巡查频次") == ("产出指标", "8次") and got.get("编制文物宣传资料数量") == ("产出指标", "3个"), got


def test_rows_of_name_weight_unit_and_target_run_together_on_their_lines():
    """Doc 272 (巴南 一品街道 整体绩效目标表, labelled blind): under ``指标名称指标权重计量单位指标性质指标值`` every line is a row
    run together (``预算执行率10%=100``, ``农村公路养护里程10公里=125``): the lines are rows, not one cell each, and
    the weight's unit goes to the 计量单位 column, so the target is ``=100%`` with weight 10."""
    got = {r.level3: (r.value_raw, r.weight_raw) for r in parse_file(_doc("272_")).indicators}
    assert got.get("预算执行率") == ("=100%", "10") and got.get("农村公路养护里程") == ("=125公里", "10"), got
    assert got.get("饲养动物免疫率") == ("=100%", "5"), got
    # its last row's 服务对象满意度 names a 满意度 row: the rows before it are not in the satisfaction block
    assert {r.level1 for r in parse_file(_doc("272_")).indicators if r.level3 != "服务对象满意度"} == {""}


def test_a_run_of_blank_lines_ends_a_row():
    """Doc 272: the table's last line ``服务对象满意度5%95`` is a row (weight 5, 95 %), and five blank lines part it from
    the next table's title (``2022年区级一般性项目绩效目标表``), which was read as its target, with ``5%`` as a name."""
    got = {r.level3: (r.value_raw, r.weight_raw) for r in parse_file(_doc("272_")).indicators}
    assert got.get("服务对象满意度") == ("95%", "5"), got
    assert not any("一般性项目" in value for value, _ in got.values()), got
    doc = "\n".join(["绩效指标", "指标名称", "指标值", "预算执行率", "100%", "群众满意度", "95%", "", "", "", "2022年项目绩效目标表"])
    assert [t.gap for t in cell_stream(doc) if t.line == 11][0] == "blanks"


def test_a_labelled_list_of_targets_with_short_names():
    """Doc 270 (宣州区 新田镇 道路, labelled blind; traditional script with pinyin glosses): ``吳沖路:路面硬化,建設里程1.091公里,
    水泥混凝土路面寬度不低于3.5米,厚度不低于20厘米;`` is a label, then three targets; a two-letter name (厚度) is a name
    when a comparator starts its target."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("270_")).indicators]
    assert ("建設里程", "1.091公里") in got and ("厚度", "不低于20厘米") in got, got
    assert ("水泥混凝土路面寬度", "不低于3.5米") in got, got


def test_a_goal_said_in_a_news_sentence():
    """Doc 281 (闽东日报 on 宁德's 水库移民扶持基金, labelled blind): ``主要绩效目标包括后期扶持受益移民人口143676人,建设移民美丽
    家园建设项目60个、产业扶持项目10个,就业创业能力培训1643人次,建成美丽移民村2个等。`` has no table and no levels: each
    named number is a record, the ``、`` between two of them parts them too, and ``等`` is no part of the last."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("281_")).indicators]
    assert got == [("后期扶持受益移民人口", "143676人"), ("建设移民美丽家园建设项目", "60个"), ("产业扶持项目", "10个"),
                   ("就业创业能力培训", "1643人次"), ("建成美丽移民村", "2个")], got


def test_a_goal_said_in_a_report_runs_over_sentences_to_the_next_section():
    """Doc 292 (永定区图书馆 自评报告, labelled blind): ``主要绩效目标是采购正规 出版图书1000册,订阅报刊120种。及时对采购
    文献进行分类加工, 提供给广大读者阅览,满足读者阅读10000人次,读者满意率达90%二、项目实施基本情况…``: the goal's named
    numbers run into the next sentence and end where section 二、 begins; the sentences without a number are none."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("292_")).indicators]
    assert got == [("采购正规出版图书", "1000册"), ("订阅报刊", "120种"), ("满足读者阅读", "10000人次"),
                   ("读者满意率", "达90%")], got


def test_a_goal_said_in_traditional_script_ends_its_name_before_the_comparator():
    """Doc 282 (河北日报 on a mirror, traditional script with glosses, labelled blind): ``年度目標是,本批下達的…投資計劃完成率
    達到80%以上`` names a target whose comparator is written 達到."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("282_")).indicators]
    assert got and got[0][0].endswith("完成率") and got[0][1] == "達到80%以上", got


def test_the_paragraph_under_a_goal_heading_with_grades_between_numbers():
    """Doc 280 (章贡区 林业有害生物防治 公示, labelled blind): under ``四、绩效目标`` one paragraph lists the targets; a
    sentence mixes named numbers and named grades (``…目标“四率”全面达标,年度松材线虫病除治8万多株,防控责任目标任务全面完成``),
    and ``约111.45万亩`` is an approximate target, its 约 not a part of the name."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("280_")).indicators}
    assert got.get("全区林业有害生物防治目标“四率”") == "全面达标" and got.get("防控责任目标任务") == "全面完成", got
    assert got.get("年度松材线虫病除治") == "8万多株", got
    assert got.get("林业有害生物调查累计监测面积") == "约111.45万亩", got


def test_a_numbered_report_section_after_a_table_ends_it():
    """Doc 290 (大营镇 机关食堂 评价报告, labelled blind): the pipe table's last row is followed by the report's
    ``五、评价结论及建议`` and ``(二)存在的问题`` sections; their sentences (``菜品种类还需增多,…``) are no rows of it."""
    got = [r.level3 for r in parse_file(_doc("290_")).indicators]
    assert got[-1] == "让就餐职工满意" and not any("菜品" in name for name in got), got


def test_an_item_number_in_traditional_script_is_no_part_of_the_name():
    """Doc 310 (海南省規劃展覽館 績效目標表 on a mirror, traditional script, labelled blind): ``指標1:物業管理面積`` is the
    name 物業管理面積, as ``指标1:`` is stripped in simplified script."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("310_")).indicators}
    assert got.get("物業管理面積") == "6500平方米" and got.get("用電量") == "60萬度", got
    assert not any(name.startswith("指標") for name in got), got


def test_the_scoring_notes_under_a_self_evaluation_row_are_no_rows():
    """Doc 311 (历城区文化馆 免费开放 自评表, labelled blind): the form prints its scoring notes under the first row
    (``定量指标计算:完成值达到指标值,记满分;…``, ``定性指标计算:根据“三档”原则…``); they are no indicators."""
    got = [r.level3 for r in parse_file(_doc("311_")).indicators]
    assert "全年免费开放" in got and "免费开放率" in got, got
    assert not any("指标计算" in name for name in got), got


def test_a_named_item_whose_target_counts_in_words_before_a_number():
    """Doc 312 (红河州第二人民医院 公共卫生 自评报告, labelled blind): ``开展工作督导: 一个季度开展工作督导一次,共4次。``
    under ``(1)数量指标。`` is one indicator: its name is what stands before the colon, its target all after it."""
    got = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("312_")).indicators}
    assert got.get("开展工作督导") == ("数量指标", "一个季度开展工作督导一次,共4次"), got
    assert got.get("服务对象满意度", ("", ""))[1] == "≥80%", got


def test_a_goal_said_as_the_years_tasks_beside_a_scoring_framework():
    """Doc 313 (六安市 妇女儿童健康 民生工程 自评报告, labelled blind): ``…年度目标任务,一是2021 年底,全市婚检率稳定在
    85%左右,…检出率达到 8%以上;二是…。80%以上的县区级妇幼健康机构婚检门诊达到规范化建设要求。`` states three targets; the
    table after it (``指标分值 | 指标解释说明 | 评分标准``, no value column) is the evaluator's scoring framework, no targets."""
    doc = parse_file(_doc("313_"))
    got = [(r.level3, r.value_raw) for r in doc.indicators]
    assert got == [("全市婚检率", "稳定在85%左右"), ("全市婚检疾病检出率", "达到8%以上"),
                   ("县区级妇幼健康机构婚检门诊达到规范化建设要求", "80%以上")], got
    framework = "\n".join(["序号", "一级指标", "二级指标", "三级指标", "指标分值", "指标解释说明", "评分标准", "1", "投入",
                           "项目立项", "项目立项依据", "2", "考核项目立项是否符合要求。", "符合得2分"])
    assert not parse_text(framework).indicators and "scoring framework" in parse_text(framework).diagnostic


def test_a_second_level_word_run_onto_its_indicator_and_a_name_written_twice():
    """Doc 316 (武夷山 对外文化交流 专项资金 notice run together, labelled blind): its one table row reads
    ``产出指标数量指标邀请国际友人实习实训涉及国家数量邀请国际友人实习实训涉及国家数量≥3个``: 数量指标 is the 二级 run onto the
    name, and the name is printed twice (三级 and its explanation run together)."""
    got = [(r.level1, r.level2, r.level3, r.value_raw) for r in parse_file(_doc("316_")).indicators]
    assert ("产出指标", "数量指标", "邀请国际友人实习实训涉及国家数量", "≥3个") in got, got


def test_a_pages_own_line_and_a_cell_border_in_running_text():
    """Doc 315 (东莞展览馆 整体支出绩效目标批复表, labelled blind, read by the running-text reader): the page's
    ``发布时间:2022-02-17 浏览量:1992`` is no indicator, and a clause ends at a cell border (``场馆日常运转人员经费 |
    我馆在编人数30人``: the name is not the two cells together)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("315_")).indicators}
    assert got.get("年接待参观人数") == "20万人以上", got
    assert "发布时间" not in got and "浏览量" not in got and not any("|" in name for name in got), got


def test_a_unit_with_its_multiplier_over_a_count_and_a_unit_cell_that_repeats_the_number():
    """Doc 73 (乌海 供销社 再生资源回收 目标表): ``出差单位成本 反向 = 0 万元/人 4``: 万元/人 is the 计量单位 (万元 per
    person) and 4 the 分值; ``项目财政资金到位时间 正向 = 44,561 44,561 10``: the 计量单位 cell repeats the date serial, the
    target is ``=44,561`` once (2021-12-31)."""
    got = {r.level3: (r.value_raw, r.weight_raw) for r in parse_file(_doc("73_")).indicators}
    assert got.get("出差单位成本") == ("=0万元/人", "4"), got
    assert got.get("项目财政资金到位时间") == ("=44,561", "10"), got


def test_a_year_and_the_period_word_after_it_are_one_target():
    """Doc 113 (金寨 开发区 物业 目标表): ``时效指标 指标1:按时保质完成开发区安置小区物业管理工作 2021年全年``: the lexer
    cuts 2021年 from 全年, and the target is the two together, not 2021年 with 全年 left out."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("113_")).indicators}
    assert got.get("按时保质完成开发区安置小区物业管理工作") == "2021年全年", got


def test_a_compound_unit_per_day_run_together_with_its_explanation():
    """Doc 77 (湘西 民族特殊教育学校 伙食费 目标表, run together): ``学生补助标准17元/人.每天反映学生每天用餐标准…``: the
    target is ``17元/人.每天`` (per person and day), cut before the explanation, not after 每."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("77_")).indicators}
    assert got.get("学生补助标准") == "17元/人.每天", got


def test_a_goal_field_written_as_sentences_gives_its_named_numbers():
    """Docs 321, 324 (衔接资金 project notices, labelled blind): ``绩效目标:产权归村集体所有,带动周边群众通过务工增收,预计
    带动脱贫劳动力务工100人以上,每人每年务工收入可达2万元以上;脱贫群众还可通过个人承包大棚,每棚每年收入可达2万元以上。``
    lists no targets one per comma: its named numbers are the targets (可达 starting the value), its sentences none; a
    ``绩效目标:`` line is never a wrapped line's end (324: after ``…分管领导``)."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("321_")).indicators]
    assert got == [("预计带动脱贫劳动力务工", "100人以上"), ("每人每年务工收入", "可达2万元以上"),
                   ("每棚每年收入", "可达2万元以上")], got
    got = {r.level3: r.value_raw for r in parse_file(_doc("324_")).indicators}
    assert got.get("带动当地就业") == "220人" and got.get("预计新增产值") == "达到2亿元", got


def test_a_goal_field_with_a_semicolon_counts_inside_phrases_and_a_level_heading():
    """Docs 320, 326, 327 (project notices, labelled blind): ``绩效目标;特色民俗12间、升级改造特色民俗8间、升级改造农家乐3户、
    为群众提供健身休闲步道,…`` (a semicolon for the colon; the 、 parts that are named numbers are targets),
    ``引导25493名群众调整种植结构`` (a count inside the phrase it counts, the name the phrase without it; not ``在全县12个乡镇``),
    ``…。满意度指标:贫困家庭学生满意度100%。`` (a level heading inside the field heads the targets after it)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("320_")).indicators}
    assert got.get("升级改造农家乐") == "3户" and got.get("带动发展服务旅游业") == "40户", got
    got = {r.level3: r.value_raw for r in parse_file(_doc("326_")).indicators}
    assert got.get("引导群众调整种植结构") == "25493名" and "在全县乡镇" not in got, got
    got = [(r.level1, r.level3, r.value_raw) for r in parse_file(_doc("327_")).indicators]
    assert ("", "解决建档立卡贫困家庭学生上学的后顾之忧", "3666人") in got, got
    assert ("满意度指标", "贫困家庭学生满意度", "100%") in got, got


def test_a_numbered_list_of_targets_whose_names_open_with_numbers():
    """Doc 330 (the 2023 national 基本公共卫生服务 indicators reposted as a numbered list, labelled blind):
    ``2.7岁以下儿童健康服务率≥90%`` is item 2 (after item 1), its name 7岁以下儿童健康服务率; a number the name holds
    before the target (``…年巡查(访)2次完成率≥90%``) stays in it; a numbered item with a grade is one too
    (``24.居民健康素养水平不断提高``)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("330_")).indicators}
    assert got.get("7岁以下儿童健康服务率") == "≥90%" and got.get("0-36个月儿童中医药健康管理率") == "≥77%", got
    assert got.get("卫生监督协管各专业年巡查(访)2次完成率") == "≥90%", got
    assert got.get("居民健康素养水平") == "不断提高" and got.get("城乡居民公共卫生差距") == "不断缩小", got


def test_targets_quoted_in_a_news_commentary():
    """Doc 333 (a commentary on 司法 performance targets, traditional script on a mirror, labelled blind):
    ``…設定“年度解答援助熱線2000次”“辦理認罪認罰案件1200件”“一次性辦結審批手續≤5天”等明確指標``: each quoted named number
    is a target, its name the quote's words (not the sentence before the quote)."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("333_")).indicators}
    assert got.get("年度解答援助熱線") == "2000次" and got.get("一次性辦結審批手續") == "≤5天", got
    assert got.get("單件成本") == "2000元" and got.get("外包坐席質檢抽取率") == "≥5%", got


def test_a_level_and_its_list_after_a_rows_other_cells_keep_预计():
    """Doc 322 (修武县 扶贫资金项目 公告, one row per project printed with spaces, labelled blind): ``… 任福强 12.7万/棚
    效益指标:预计每年可创造经济收益18万元。…满意度指标:受益群众满意度达到100%。``: the level with its colon heads its list
    though other cells stand before it in the line, and the name keeps its 预计 as written."""
    got = [(r.level1, r.level3, r.value_raw) for r in parse_file(_doc("322_")).indicators]
    assert ("效益指标", "预计每年可创造经济收益", "18万元") in got, got


def test_a_change_on_last_year_in_running_text_is_the_target():
    """Doc 340 (丰宁县 生态环境局 部门整体绩效目标, prose, labelled blind): ``确保化学需氧量(COD)、二氧化硫排放量较上年削减3%``
    names the two loads and their target, a 3 % cut on last year; 确保 opens the sentence, not the name."""
    got = {r.level3: r.value_raw for r in parse_file(_doc("340_")).indicators}
    assert got.get("化学需氧量(COD)、二氧化硫排放量") == "较上年削减3%", got
    from nlp.targets import Target
    t = Target.fromstring("较上年削减3%")
    assert (t.op, t.value, t.unit) == ("decrease_by", 3.0, "%")


def test_two_ranges_of_a_grading_scale_are_no_indicator():
    """Doc 271 (龙华区 法制办 涉法工作经费 评价, labelled blind): a row's grading scale printed one cell per paragraph
    (``12个月`` / ``12个月`` / ``9-11个月`` / ``6-8个月`` / ``6个月以下``) gave ``9-11个月 = 6-8个月`` twice: two ranges in one
    unit are a scale's grades, not a name and its target."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("271_")).indicators]
    assert ("9-11个月", "6-8个月") not in got and len(got) == 6, got


def test_a_named_number_run_onto_the_next_targets_name():
    """Doc 320 (桐柏县 乡村振兴 衔接资金 项目, labelled blind): ``绩效目标;吸纳游客2000人、带动40户发展服务旅游业、户均年增
    3万元增加村集体收入大于9万元。``: the last part is two targets run together, ``户均年增 3万元`` and ``增加村集体收入
    大于9万元``."""
    got = [(r.level3, r.value_raw) for r in parse_file(_doc("320_")).indicators]
    assert ("户均年增", "3万元") in got and ("增加村集体收入", "大于9万元") in got, got


def _run_together(prefix: str) -> set[tuple[str, str]]:
    """The records of a labelled pipe page re-flattened with nothing between its cells (evaluate_flattenings.py)."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc(prefix).read_text(encoding="utf-8"))["runtogether"]
    return {(r.level3, r.value_raw) for r in parse_text(text).indicators}


def test_run_together_grades_notes_and_kind_words_end_a_name():
    """Run together, a name glued onto its graded target (doc 40: ``经费支出合规性较高``, ``项目完成及时性程度较高``) is
    the name and the grade; a bare count after a name's note (doc 02: ``建设项目个数(含续建)1竣工验收合格率100%``) is
    that row's target, not a number inside the next name; a 指标性质 ``定性`` after a name (doc 208:
    ``…不利影响定性减少``) is a cell of its own."""
    got40 = _run_together("40_")
    assert {("经费支出合规性", "较高"), ("项目完成及时性", "程度较高"),
            ("对减少财政投资成本的改善程度", "程度较高")} <= got40, got40
    got02 = _run_together("02_")
    assert {("建设项目个数(含续建)", "1"), ("竣工验收合格率", "100%")} <= got02, got02
    got208 = _run_together("208_")
    assert ("实施项目对社会产生的不利影响", "减少") in got208, got208


def test_a_question_run_onto_its_answer():
    """A 是否 name glued onto its answer is the question and the answer: doc 09 (traditional script, run together)
    ``公眾知曉度是否明顯提高是達成預期指標`` and doc 30 run together ``项目实施是否产生经济价值否``."""
    got09 = [(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("09_")).indicators]
    assert ("公眾知曉度是否明顯提高", "是", "達成預期指標") in got09, got09
    assert {("项目实施是否产生经济价值", "否"), ("是否对当地生态环境造成影响", "否")} <= _run_together("30_")


def test_a_web_page_row_of_the_first_block_alone(tmp_path):
    """Doc 40 (太和 城管, 中期 | 年度 blocks side by side) as the web page it was flattened from
    (evaluate_flattenings.as_html): a ``<tr>`` holding only ``项目验收合格率 | ≥100百分比`` is a row of the first block;
    the second block's columns it leaves out cost nothing, so the row is read, not left out."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import as_html
    page = tmp_path / "40.html"
    page.write_text(as_html(_doc("40_").read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    got = {(r.level3, r.value_raw) for r in parse_file(page).indicators}
    assert {("项目验收合格率", "≥100百分比"), ("养护维修质量合格率", "≥100百分比"), ("经费支出时效性", "及时支出")} <= got, got


@pytest.mark.parametrize("prefix", ["79_", "21_"])
def test_a_two_tier_header_printed_as_one_row_puts_each_rows_actual_on_its_own_row(prefix):
    """Docs 79 (永德, 自评表) and 21 (麗江, traditional): ``绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…`` and
    ``一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`` in one row. Read as one tier, every row's 实际完成值,
    分值 and 得分 went to the next row; read as two tiers they stay on their own row, as labelled."""
    want = {(lab["level3"], lab["actual_raw"], lab["weight_raw"]) for lab in _labels(prefix) if lab.get("actual_raw")}
    got = {(r.level3, r.actual_raw, r.weight_raw) for r in parse_file(_doc(prefix)).indicators}
    assert len(want & got) >= len(want) - 1, sorted(want - got)


def test_a_completed_target_column_is_the_actual():
    """Doc 81 (南开 评价结果公示): ``预算设定指标值 | 项目完成指标值`` are the target and what was done: 项目完成指标值 is
    the actual column (``改造实验室 | 2间 | 2间``), not a second target column."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("81_")).indicators}
    assert {("改造实验室", "2间", "2间"), ("项目完成时间", "2018年10月底", "2018年11月底")} <= got, got


def test_an_actual_stated_after_its_target_in_a_sentence():
    """Doc 18 (临河 退役军人, a self-evaluation in sentences): ``优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%``
    is the target and its actual on one record."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("18_")).indicators}
    assert ("优抚对象生活补助金每月中旬发放", "100%", "100%") in got, got
    assert ("国家规定标准发放", "100%", "100%") in got, got


def test_a_cost_row_under_output_is_a_second_level_row(tmp_path):
    """Doc 07 (西青 赤龙, 2021) as its web page (evaluate_flattenings.as_html), read by the strict grid reader:
    ``成本指标 | 指标1:补助资金成本 | 3万元`` under 产出指标 is the 二级 成本指标, its name and its value; 成本指标 is a
    一级 name too, but then its row would have no value."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import as_html
    page = tmp_path / "07.html"
    page.write_text(as_html(_doc("07_").read_text(encoding="utf-8").split("\n")), encoding="utf-8")
    got = {(r.level1, r.level2, r.level3, r.value_raw) for r in parse_file(page).indicators}
    assert ("产出指标", "成本指标", "补助资金成本", "3万元") in got, got


def test_an_age_a_space_broke_off_its_name():
    """Doc 201 (蒙城 卫健委) with its table cells joined by tabs (evaluate_flattenings.py): the lines
    ``7 岁以下儿童健康管理率`` and ``0-6 岁儿童眼保健和视力检查覆盖率`` are names whose age a space broke off."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("201_").read_text(encoding="utf-8"))["tabs"]
    names = {r.level3 for r in parse_text(text).indicators}
    assert {"7岁以下儿童健康管理率", "0-6岁儿童眼保健和视力检查覆盖率"} <= names, names


@pytest.mark.parametrize("form", ["html", "xlsx", "docx"])
def test_a_web_pages_cells_stay_apart_for_the_prose_reader(tmp_path, form):
    """Doc 145 (荆门 文物保护, a goal table whose cells are ``；`` lists) as its web page, a workbook or a Word table
    (evaluate_flattenings.py): ``<td>效益指标</td><td>文物保护宣传覆盖人次≥20万人次;…`` is a level and its list, not
    one name ``效益指标文物保护宣传覆盖人次``."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import FILES, as_html
    page = tmp_path / f"145.{form}"
    lines = _doc("145_").read_text(encoding="utf-8").split("\n")
    if form == "html":
        page.write_text(as_html(lines), encoding="utf-8")
    else:
        FILES[form](lines, page)
    got = {(r.level1, r.level3, r.value_raw) for r in parse_file(page).indicators}
    assert ("效益指标", "文物保护宣传覆盖人次", "≥20万人次") in got, got
    assert not any(name.startswith("效益指标") for _, name, _ in got), got


def test_a_kind_word_is_never_glued_into_a_name_run_together():
    """Doc 65 (潼南 五桂镇, 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值) run together: ``促进社会和谐20定性保障收入20定性``
    holds the 指标性质 word 定性 between a weight and the next name; it is never part of a name."""
    names = {name for name, _ in _run_together("65_")}
    assert {"促进社会和谐", "保障权益"} <= names and not any("定性" in n for n in names), names
    # doc 160: "以合理的市场价出租定性保障…", 定性 before a grade after any name (not the 定性 of 稳定性)
    names = {name for name, _ in _run_together("160_")}
    assert {"以合理的市场价出租", "按时交纳税费"} <= names, names


def test_a_scoring_note_without_points_is_no_indicator():
    """Doc 19 (岳阳楼 价格认证, traditional script): the row ``未達指標值酌情扣分`` is the form's scoring note."""
    names = {r.level3 for r in parse_file(_doc("19_")).indicators}
    assert len(names) == len(_labels("19_")) and not any("扣分" in n for n in names), names


def test_a_whole_sentence_is_a_cell_of_its_own():
    """Doc 126 (六安 裕安 文物保护, 自评表): ``项目成本控制在预算内 | 本着节约的原则,控制在预算中。 | 100%``: the sentence is
    the row's target, not the end of its name; doc 139 (海口 档案局, one cell per paragraph): ``编印《海口市人民政府公报》及其
    合订本、光盘`` and the sentence after it are a name and its 绩效目标."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("126_")).indicators}
    assert ("项目成本控制在预算内", "本着节约的原则,控制在预算中。", "100%") in got, got
    names = {r.level3 for r in parse_file(_doc("139_")).indicators}
    assert "编印《海口市人民政府公报》及其合订本、光盘" in names, names


def test_run_together_rows_open_with_their_serial_numbers():
    """Doc 84 (湖北 残联, 序号 | 三级指标 | 年度指标值) run together: ``…网络宣传平台1个6内部刊物12期7开展残疾人文化活动18残疾人文化
    活动参与人数60人…``: each row opens with the next 序号, so 6 starts a row and 18 is row 7's target 1 and row 8."""
    got = _run_together("84_")
    assert {("网络宣传平台", "1个"), ("内部刊物", "12期"), ("开展残疾人文化活动", "1"),
            ("残疾人文化活动参与人数", "60人")} <= got, got


def test_a_grading_scale_under_the_standard_is_no_actual():
    """Doc 310 (海南 规划展览馆, traditional script): ``指標類型 | 績效指標 | 績效目標 | 績效標準`` over ``優 | 良 | 中 | 差``: the
    second label names the indicators, 績效目標 is the target and the four grades are the standard's columns, so
    ``6500平方米以上`` (優) is no actual."""
    got = {(r.level3, r.value_raw, r.actual_raw) for r in parse_file(_doc("310_")).indicators}
    assert ("物業管理面積", "6500平方米", "") in got and ("保證設備正常運轉天數", "200", "") in got, got


def _traditional(prefix: str) -> set[tuple[str, str]]:
    """The records of a labelled page in traditional script (evaluate_flattenings.traditional), names simplified."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import traditional

    from indicators.text import simplified
    text = traditional(_doc(prefix).read_text(encoding="utf-8"))
    return {(simplified(r.level3), simplified(r.value_raw)) for r in parse_text(text).indicators}


def test_a_project_list_with_level_columns_in_traditional_script():
    """Doc 242 (霍山 下符桥镇 扶贫项目实施情况表) as a traditional-script mirror serves it: ``產出 指標 | 效益 指標 | 滿意度
    指標`` are the level columns and ``農用拖拉機2臺(含開溝機、播種機)`` an item with its target."""
    got = _traditional("242_")
    assert ("农用拖拉机", "2台(含开沟机、播种机)") in got and ("脱贫人口满意度", "≥90%") in got, sorted(got)[:5]


@pytest.mark.parametrize("prefix, want", [
    ("313_", ("全市婚檢率", "穩定在85%左右")),            # 六安 卫健委 民生工程 report: a goal said in a sentence
    ("173_", ("部門整體支出支付進度", "100%")),            # 炎陵 交通运输局: numbered items in one cell
])
def test_prose_in_traditional_script_is_read_and_given_as_written(prefix, want):
    """Docs 313 and 173 as a traditional-script mirror serves them (evaluate_flattenings.traditional): the prose readers
    read the text in simplified letters and give each record back as the page writes it."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import traditional
    got = {(r.level3, r.value_raw) for r in parse_text(traditional(_doc(prefix).read_text(encoding="utf-8"))).indicators}
    assert want in got, sorted(got)[:6]


def test_a_goal_fields_label_is_no_indicator():
    """Doc 75 (昌吉职业技术学院, traditional script): ``總體目標:按照2019年…每生每年3300元,…`` beside the table is the goal,
    not an indicator named 總體目標."""
    from indicators.table.sanity import not_indicator
    assert not_indicator("總體目標", "按照2019年高等職業院校國家助學金標準平均每生每年3300元") == "header cells"
    names = {r.level3 for r in parse_file(_doc("75_")).indicators}
    assert "總體目標" not in names and "資助經費到位率" in names, names
    # (a name the reader rebuilt around a count, "涉及6140人次困難學生", is given in the page's letters too; the page
    # itself now gives no such record: its 總體目標 field is a goal, not a list of indicators)
    from indicators.table.prose import said_goals
    said = said_goals("按照2019年高等職業院校國家助學金標準平均每生每年3300元,實行春、秋季評選發放,涉及6140人次困難學生。")
    assert [(r.level3, r.value) for r in said] == [("涉及困難學生", "6140人次")]
    assert "涉及困难学生" not in names, names


def test_what_is_no_indicator_is_known_in_traditional_script_too():
    """Docs 79 and 91 in traditional script (evaluate_flattenings.traditional): ``其他需要說明事項 | 無`` and
    ``…人民法院 | 單位:萬元`` are a form's note and its unit line, as they are in simplified script."""
    names = {name for name, _ in _traditional("79_")} | {name for name, _ in _traditional("91_")}
    assert "其他需要说明事项" not in names and "津市河北区人民法院" not in names, names


def test_a_table_ends_and_a_name_loses_its_prefix_in_traditional_script_too():
    """Doc 81 in traditional script: the ``預算績效評價結果`` table after the indicators ends them, as 预算绩效评价结果 does;
    doc 181: ``指標:項目總下達資金`` is the name 項目總下達資金."""
    names = {name for name, _ in _traditional("81_")}
    assert "预算绩效评价结果" not in names and "预算编制准确度" not in names, names
    assert "项目总下达资金" in {name for name, _ in _traditional("181_")}


def test_a_cell_a_space_wrapped_is_one_cell_where_lines_are_cells():
    """Doc 202 (安溪 水利专项, one cell per line) with its long cells wrapped (evaluate_flattenings.py ``wrapped``):
    ``开展小型水利工程 建设(个)`` is one name, not a name and a cell of its own."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("202_").read_text(encoding="utf-8"))["wrapped"]
    names = {r.level3 for r in parse_text(text).indicators}
    assert "开展小型水利工程建设(个)" in names, names
    # a cell wrapped twice (doc 200, traditional script): "中等職業學校國 家助學金應受助 學生數" is one name too
    text = flattenings(_doc("200_").read_text(encoding="utf-8"))["wrapped"]
    names = {r.level3 for r in parse_text(text).indicators}
    assert "中等職業學校國家助學金應受助學生數" in names, names


def test_a_pages_qr_code_line_is_no_target():
    """Doc 12 (大英 民政局): the page's ``手机扫码,畅快体验!`` line is page furniture, also where it lands in a value."""
    from indicators.table.sanity import not_indicator
    assert not_indicator("qrcode", "手机扫码,畅快体验!") == "page furniture or sign-off"


def test_a_page_number_line_between_rows_is_no_cell():
    """Doc 97 (金安 网球公开赛, one cell per line) with a page number after every 25 table lines
    (evaluate_flattenings.py ``pagebreaks``; real pages print ``第1页 / 共16页`` so, docs 133, 142): the page number is
    no cell, so the rows around it read as without it."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    flat = flattenings(_doc("97_").read_text(encoding="utf-8"))
    broken = {(r.level3, r.value_raw) for r in parse_text(flat["pagebreaks"]).indicators}
    whole = {(r.level3, r.value_raw) for r in parse_text(flat["published"]).indicators}
    assert broken == whole and len(whole) >= 10, sorted(broken ^ whole)


def test_a_page_number_row_of_a_sheet_is_no_cell(tmp_path):
    """Doc 97 written as a workbook with a page-number row after every 25 table rows (as a sheet printed from a PDF
    keeps them): the rows read as without them."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import _page_breaks, write_xlsx
    lines = _doc("97_").read_text(encoding="utf-8").split("\n")
    write_xlsx(_page_breaks(lines), tmp_path / "broken.xlsx")
    write_xlsx(lines, tmp_path / "whole.xlsx")
    broken = {(r.level3, r.value_raw) for r in parse_file(tmp_path / "broken.xlsx").indicators}
    whole = {(r.level3, r.value_raw) for r in parse_file(tmp_path / "whole.xlsx").indicators}
    assert broken == whole and len(whole) >= 10, sorted(broken ^ whole)


def test_a_very_long_digit_run_under_target_and_actual_columns():
    """Found by fuzzing (../shared/tools/fuzz.py, a mutated document): a run of hundreds of digits under a target and
    actual column pair made the ratio of its two parts underflow to 0 and ``math.log10`` raise, so the page gave
    nothing. Rebuilt from real document 230 (its ``1200014084`` is a target 12000 and an actual 14084): a 400-digit run
    there is no target and actual, and the page's other rows still read (the two rows around the run may take it)."""
    page = _doc("230_").read_text(encoding="utf-8")
    assert "1200014084" in page
    whole = {r.level3 for r in parse_text(page, "230.txt").indicators}
    long_run = {r.level3 for r in parse_text(page.replace("1200014084", "1" + "9" * 400), "230.txt").indicators}
    assert len(long_run & whole) >= len(whole) - 2, sorted(whole - long_run)


def test_a_self_evaluation_run_together_with_its_task_numbers_and_score_columns():
    """Doc 174 (a 整体支出 自评表 run together): the header's ``分值得分偏差及原因分析`` is three columns, so a glued ``44``
    after a target and its actual is a weight and a score; ``任务2:`` opens a name of its own; ``超上年2%`` is a target
    cut off its name and ``达成目标值`` one remark."""
    from indicators.table.stream import lex
    assert lex("全年完成值分值得分偏差及原因分析管理")[:4] == ["全年完成值", "分值", "得分", "偏差及原因分析"]
    assert lex("特殊人群健康管理率超上年2%达成目标值55") == ["特殊人群健康管理率", "超上年2%", "达成目标值", "55"]
    rows = {r.level3: r for r in parse_file(_doc("174_")).indicators}
    assert (rows["完成率、控制率"].value_raw, rows["完成率、控制率"].actual_raw) == ("100%", "按规定执行")
    assert (rows["特殊人群健康管理率"].value_raw, rows["特殊人群健康管理率"].actual_raw) == ("超上年2%", "达成目标值")
    # (not glued onto the 个别人未及时完成 of the row before; 按规定时限 is its target, cut off the name)
    assert rows["健康档案更新率"].value_raw == "按规定时限"


_ONE_CELL_PER_LINE = """项目名称:办公大楼运行保障
一级指标
二级指标
三级指标
指标值
产出指标
质量指标
重要设备维修维保验收合格率
95%
成本指标
成本控制率
不超预算
水电气消耗下降率
预算执行率
100%
"""


def test_a_short_target_is_not_glued_onto_the_next_rows_name():
    """One cell per line with an empty cell absent (doc 54 rendered): ``不超预算`` and the next row's name
    ``水电气消耗下降率`` are two cells, not one target; in doc 16 ``严格按照预算标准…`` after ``成本控制`` is its target."""
    rows = {r.level3: r.value_raw for r in parse_text(_ONE_CELL_PER_LINE).indicators}
    assert rows["成本控制率"] == "不超预算" and rows["预算执行率"] == "100%"
    rows = {r.level3: r.value_raw for r in parse_file(_doc("16_")).indicators}
    assert rows.get("成本控制") == "严格按照预算标准1000元/人给补助对象兑付补助", rows


def test_a_project_name_after_its_label_and_a_colon_the_lexer_cut_off():
    """``项目名称:办公大楼运行保障`` cut by the lexer into ``项目名称`` and ``:办公大楼运行保障``: the project is named
    without the colon (doc 139 too)."""
    assert {r.project for r in parse_text(_ONE_CELL_PER_LINE).indicators} == {"办公大楼运行保障"}
    assert {r.project for r in parse_file(_doc("139_")).indicators} == {"档案征集编研"}


def test_a_name_alone_on_its_line_is_a_row_whose_target_was_left_empty():
    """One cell per line, empty cells absent: ``水电气消耗下降率`` with no target is a row in the middle of a table and
    as the last row before the next project's table (not a line left out, nor glued onto a neighbour)."""
    rows = [(r.project, r.level3, r.value_raw) for r in parse_text(_ONE_CELL_PER_LINE).indicators]
    assert ("办公大楼运行保障", "水电气消耗下降率", "") in rows and rows[-1][1:] == ("预算执行率", "100%")
    two = _ONE_CELL_PER_LINE.split("预算执行率")[0] + "项目名称:公务用车购置\n一级指标\n二级指标\n三级指标\n指标值\n" \
        "产出指标\n数量指标\n新车采购数量\n20辆\n"
    rows = [(r.project, r.level3, r.value_raw) for r in parse_text(two).indicators]
    assert rows[2:] == [("办公大楼运行保障", "水电气消耗下降率", ""), ("公务用车购置", "新车采购数量", "20辆")], rows


def test_a_modal_comparator_opens_the_target_run_together():
    """The prose reader's comparators open a target in run-together text too: ``需控制在``, ``需达到``, ``至少达到``,
    ``稳定在``, ``可达`` (docs 243, 250, 313, 321); 达 after 下/送/到 is a verb of the name (资金下达100%). A target keeps
    ``左右`` (313) and a per-unit with a number (``6.5次/10万公顷``, 243). In a sentence a bare ``达到`` still joins the
    name to its number (``农贸市场整治面累计达到98%``, 332)."""
    from indicators.table.stream import lex
    assert lex("森林火灾受害率需控制在1‰以内基层群众满意度需达到80%以上") == [
        "森林火灾受害率", "需控制在1‰以内", "基层群众满意度", "需达到80%以上"]
    assert lex("资金下达100%") == ["资金下达100%"]

    def rows(prefix):
        return {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc(prefix)).indicators}
    assert rows("243_")["年森林火灾发生率"] == ("需控制在6.5次/10万公顷", "0.2次/10万公顷")
    assert rows("250_")["采购设备及设备安装验收合格率"][0] == "至少达到98%"
    assert rows("313_")["全市婚检率"][0] == "稳定在85%左右"
    assert rows("321_")["每棚每年收入"][0] == "可达2万元以上"
    assert rows("332_")["农贸市场整治面"][0] == "98%"


def test_a_run_together_target_keeps_its_units_note_and_a_doubled_or_plus_minus_comparator():
    """Docs 23, 231 and 109 run together: ``>=98%(百分比)`` is one target (its unit's note in brackets), so is ``≥≥98%``
    (a comparator printed twice) and ``±3%以内``; none is left on the name before it."""
    from indicators.table.stream import lex
    assert lex("质量指标符合条件申报对象覆盖率>=98%(百分比)100%时效指标") == [
        "质量指标", "符合条件申报对象覆盖率", ">=98%(百分比)", "100%", "时效指标"]
    assert lex("贫困地区农村集中供水率≥≥98%100%") == ["贫困地区农村集中供水率", "≥≥98%", "100%"]
    assert lex("补助款结算误差率±3%以内") == ["补助款结算误差率", "±3%以内"]
    assert lex("办公用房面积(平方米)120") == ["办公用房面积(平方米)", "120"]


def test_an_on_time_grade_run_onto_a_name_is_cut_off_it():
    """Doc 122 run together: ``春节前完成走访慰问按时限完成100%`` is a name, its target 按时限完成 and its actual; a short
    text (``工作任务按时完成``) stays whole."""
    from indicators.table.stream import lex
    assert lex("春节前完成走访慰问按时限完成100%") == ["春节前完成走访慰问", "按时限完成", "100%"]
    assert lex("工作任务按时完成") == ["工作任务按时完成"]


def test_a_grade_between_two_names_run_together_ends_a_row():
    """Doc 170 run together: ``有所提高`` between a name and one that opens with a list (``关心、理解、…``) is the first
    name's target, not a piece of one long name."""
    text = ("项目名称:残疾人事业发展补助资金一级指标二级指标三级指标指标值产出指标数量指标资助接受托养服务人次数不低于105人"
            "效益指标社会效益指标残疾人机动轮椅车车主出行便利程度有所提高关心、理解、支持残疾人的社会氛围有所改善")
    assert _read(text)[1:] == [("残疾人机动轮椅车车主出行便利程度", "有所提高"), ("关心、理解、支持残疾人的社会氛围", "有所改善")]


def test_sub_rows_of_merged_cells_do_not_end_a_table():
    """Doc 27 (a web form's HTML source): each 是否 indicator spans five rows whose own cells are only a weight and a
    circled number (``5 | ②``); those sub-rows do not end the table, so the indicators after them are read."""
    rows = {r.level3: r.value_raw for r in parse_file(_doc("27_")).indicators}
    assert rows.get("是否降低了检验检疫部门的监管成本") == rows.get("是否提高了检验检疫部门的监管成效") == "是", rows


def test_a_project_label_read_as_a_name_is_no_indicator():
    """Doc 32 as a project notice (``项目名称:万州区…工程(2024年续建)`` run onto ``现将绩效目标设定如下:``): a record named
    项目名称 is the header block's label, never an indicator."""
    from indicators.table.sanity import not_indicator
    assert not_indicator("项目名称", "万州区分水镇2021年乡村供水保证工程(2024年续建)现将绩效目标设定如下:") is not None
    assert not_indicator("项目完成率", "100%") is None


def test_a_count_with_its_note_after_a_model_number_in_prose():
    """Doc 242 as a notice: ``农用T40无人机1台(含电池)`` is the name 农用T40无人机 (its model number a part of it) and the
    target 1台 with its note, not a name ending in 1台 graded 含电池."""
    text = "现将绩效目标设定如下:\n一、产出指标\n(一)数量指标\n农用T40无人机1台(含电池);\n培训农户200人次;\n"
    assert _read(text) == [("农用T40无人机", "1台(含电池)"), ("培训农户", "200人次")]


def test_the_satisfaction_level_named_for_beneficiaries_too():
    """Doc 38: ``服务对象或受益者满意度指标`` is the 二级 服务对象满意度指标 (not 服务对象或受益者 and a level word); in this
    two-level table it is the indicator with its target."""
    rows = {r.level3: (r.level2, r.value_raw) for r in parse_file(_doc("38_")).indicators}
    assert rows["服务对象或受益者满意度指标"] == ("服务对象满意度指标", "≥95%")


def test_a_done_verdict_after_a_comma_is_the_actual_of_a_report():
    """Doc 226 (a 完成情况分析 report in prose): ``完成道路建设491米,已完成`` is the target and its actual, and
    ``确保天桥质量,已完成`` a name with no target and its actual; a bare 完成 after a comma stays a target."""
    rows = {r.level3: (r.value_raw, r.actual_raw) for r in parse_file(_doc("226_")).indicators}
    assert rows["完成道路建设"] == ("491米", "已完成") and rows["确保天桥质量"] == ("", "已完成")


def test_a_level_name_with_a_bare_target_in_a_numbered_list_is_an_indicator():
    """A two-level table's indicators printed as a numbered list (doc 38 as a list): ``2.服务对象或受益者满意度指标:≥95%``
    is an indicator named by its level with its target, as ``1.项目完成率:100%`` is."""
    text = ("项目名称:绿化养护经费\n绩效目标:\n1.项目完成率:100%\n2.服务对象或受益者满意度指标:≥95%\n"
            "3.服务对象满意度指标:≥90%\n4.培训人数:200人次\n")
    assert _read(text) == [("项目完成率", "100%"), ("服务对象或受益者满意度指标", "≥95%"), ("服务对象满意度指标", "≥90%"),
                           ("培训人数", "200人次")]


def test_a_table_whose_values_were_left_empty_one_cell_per_line_names_one_indicator_per_level():
    """Doc 34 printed one cell per line (empty cells absent): every name stands right after its 一级/二级 cells and no
    value is given, so each is an indicator with no target, whatever its ending (``按期完成投资``, ``基本公共服务水平``)."""
    text = "\n".join(["项目名称:车辆购置税收入补助地方资金", "一级指标", "二级指标", "三级指标", "指标值", "数量指标",
                      "建设普通省道二级公路32.1公里", "产出指标", "质量指标", "建设符合验收要求", "时效指标", "按期完成投资",
                      "经济效益指标", "对经济发展的促进作用", "效益指标", "社会效益指标", "基本公共服务水平"])
    assert _read(text, "level2") == [("建设普通省道二级公路32.1公里", "", "数量指标"), ("建设符合验收要求", "", "质量指标"),
                                     ("按期完成投资", "", "时效指标"), ("对经济发展的促进作用", "", "经济效益指标"),
                                     ("基本公共服务水平", "", "社会效益指标")]


def test_a_name_ending_like_one_keeps_the_next_paragraph_out():
    """Doc 204 (one cell per paragraph): ``…危房改造户数`` ends like a name, so the next paragraph ``应改尽改`` is its
    target, not the rest of its name (gluing a cell onto a name across a line end costs as much as gluing a value)."""
    rows = {r.level3: r.value_raw for r in parse_file(_doc("204_")).indicators}
    assert rows.get("农村低收入群体等重点对象危房改造户数") == "应改尽改", rows


def test_short_equal_halves_are_a_target_and_its_actual_where_the_table_met_its_targets():
    """Doc 120 run together: where other rows glue a target and the same actual (``22.822.8``, ``180180``), a short
    run with equal halves is one too (``11`` is 1 and 1, ``44`` is 4 and 4), not an eleven glued onto the next name."""
    text = ("项目名称:生猪养殖场建设项目一级指标二级指标三级指标指标值实际完成值产出指标数量指标公猪舍(≥**平方米)22.822.8"
            "母猪舍(≥**平方米)180180育肥猪舍(≥**平方米)180180粉碎拌合机(11kw)(≥台)11产床(≥套)22保育栏(≥套)44")
    assert _read(text, "actual_raw")[3:] == [("粉碎拌合机(11kw)(≥台)", "1", "1"), ("产床(≥套)", "2", "2"),
                                             ("保育栏(≥套)", "4", "4")]


def test_a_second_header_line_splitting_the_target_into_comparator_number_and_unit():
    """Doc 23 (成安 民政局, 河北's 自评表): ``预期指标值`` over ``符号 | 单位(文字描述)`` and ``自评得分`` over ``单项指标得分 |
    权重占比(%)``: each row's ``>= 98 %(百分比)`` is one target, its weight the 权重占比; ``服务对象满意度指标 |
    服务对象满意度`` is the 二级 cell and a 三级 named after it. Read as one tier, the 98 was the 指标分值 and the
    comparator was glued onto the name; the 总体目标 lines above the header (``其他 0.00`` / ``年度预期目标 | 具体完成情况``)
    gave no header either."""
    got = {(r.level2, r.level3, r.value_raw, r.actual_raw, r.weight_raw, r.score_raw)
           for r in parse_file(_doc("23_")).indicators}
    want = {(lab["level2"], lab["level3"], lab["value_raw"], lab["actual_raw"], lab["weight_raw"], lab["score_raw"])
            for lab in _labels("23_")}
    assert want <= got, sorted(want - got)
    assert not any("改革开放" in level3 for _, level3, *_ in got), got


def test_households_and_people_and_a_bound_against_a_share_stay_one_target_run_together():
    """Docs 144 and 260 run together: ``不低于552户1186人`` and ``338户889人(其中:脱贫户21户46人)`` are one target each
    (households, people, and who is among them), not two values and a name starting ``(其中:``; ``不少于项目区的30%``
    is one bound, its comparator not glued to the name before it."""
    from indicators.table.stream import lex
    assert lex("覆盖农户338户889人(其中:脱贫户21户46人)流转面积不少于项目区的30%") == [
        "覆盖农户", "338户889人(其中:脱贫户21户46人)", "流转面积", "不少于项目区的30%"]
    assert lex("受益建档立卡贫困户数不低于552户1186人") == ["受益建档立卡贫困户数", "不低于552户1186人"]


def test_a_goal_paragraph_of_counts_before_what_they_count():
    """Doc 323 (江永 巡察办 整体支出 自评报告): under ``(二)部门(单位)年度整体支出绩效目标…`` the goal is one sentence,
    ``共开展3轮常规巡察,完成对8个县直单位、7个群团组织、8个乡镇党委、93个村(社区)的常规巡察``: each count is a target of
    the thing after it. The report's other paragraphs (``设立4个巡察组``, ``核定编制8名``) give none."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("323_")).indicators}
    assert got == {(lab["level3"], lab["value_raw"]) for lab in _labels("323_")}, got


def test_the_villages_a_target_is_met_in_are_not_its_name():
    """Doc 326 (叶县 畜牧局 notice): ``在全县12个乡镇,31个村种植构树饲草918亩,每亩补助资金1000元`` gives 种植构树饲草 | 918亩;
    the 31个村 in front of it says where, and is neither the target nor part of the name."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("326_")).indicators}
    assert ("种植构树饲草", "918亩") in got, got


def test_a_name_closed_by_its_units_note_starts_a_row_after_a_number_run_together():
    """Real documents 154 and 300 run together (evaluation/evaluate_rendered.py): ``奖励制修订标准项目(项)424强化社会公众的
    标准化意识(人)22002500``: a name its unit's note closes (``(人)``, ``(元)``, whatever letter the name ends in) after a
    number starts the next row; it is not glued onto the row before."""
    text = ("一级指标二级指标三级指标指标值实际完成值效益指标社会效益指标奖励制修订标准项目(项)424"
            "强化社会公众的标准化意识(人)22002500")
    names = [name for name, *_ in _read(text, "actual_raw")]
    assert names == ["奖励制修订标准项目(项)", "强化社会公众的标准化意识(人)"], names


def test_a_rate_per_mu_run_together_is_one_target():
    """Real document 82 (零陵 林业局) run together: ``造林补助每亩300每亩300育补助每亩100每亩100`` is 造林补助 | 每亩300 |
    每亩300: the 每亩 in front of a number is the target's, not the end of the name."""
    from indicators.table.stream import lex
    assert lex("造林补助每亩300每亩300育补助每亩100每亩100") == ["造林补助", "每亩300", "每亩300", "育补助", "每亩100", "每亩100"]


def test_an_age_a_name_is_conditioned_on_stays_in_the_name_run_together():
    """Real document 12 (大英 民政局 孤儿助学) run together: ``孤儿身份、年满18周岁后就学水平情况有所提升`` is one name and its
    grade; the 18周岁 after 年满 is a condition of the name, not its target."""
    from indicators.table.stream import lex
    assert lex("孤儿身份、年满18周岁后就学水平情况有所提升") == ["孤儿身份、年满18周岁后就学水平情况", "有所提升"]


def test_by_the_rules_targets_and_published_actuals_end_a_name_run_together():
    """Doc 174 (南昌县 蚕茶卫生院 整体支出 自评表, a preview run together): ``信息公开完善按规定公开已公开44`` is the name, its
    target 按规定公开 and its actual 已公开 (then 分值 and 得分); ``医疗文书及时率按规定时限…`` is the name and 按规定时限."""
    got = {(r.level3, r.value_raw) for r in parse_file(_doc("174_")).indicators}
    assert {("信息公开完善", "按规定公开"), ("医疗文书及时率", "按规定时限"), ("健康档案更新率", "按规定时限")} <= got, got


def test_a_period_a_notice_gives_after_a_name_is_its_target():
    """Doc 58 (湘潭 雾炮车) printed as a notice (evaluate_rendered.py): ``时效指标:服务周期2023.07-2024.01;`` is the name and the
    period it runs over; so are doc 63's ``补贴期限2020.1.1-2020.12.31`` and ``项目实施时间2021年1月-12月``."""
    text = ("项目名称:雾炮车降尘抑尘服务\n现将绩效目标设定如下:\n一、产出指标\n"
            "数量指标:雾炮车降尘抑尘服务配备车辆数10辆;时效指标:服务周期2023.07-2024.01;补贴期限2020.1.1-2020.12.31;"
            "项目实施时间2021年1月-12月。\n")
    got = {(r.level3, r.value_raw) for r in parse_text(text).indicators}
    assert {("服务周期", "2023.07-2024.01"), ("补贴期限", "2020.1.1-2020.12.31"),
            ("项目实施时间", "2021年1月-12月")} <= got, got


def test_a_numbered_list_run_together_on_one_line():
    """Doc 330 (the national 基本公卫 indicators, a numbered list) with its lines run together (a preview's text,
    evaluate_flattenings.py's runtogether): ``…≥90%2.7岁以下儿童健康服务率≥90%3.0-6岁…`` is cut before each item number in
    turn, so the items are read as the list they are (28 of 29 names, against 0 when the item numbers stayed on them)."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    text = flattenings(_doc("330_").read_text(encoding="utf-8"))["runtogether"]
    got = {r.level3 for r in parse_text(text, "330.txt").indicators}
    want = {lab["level3"] for lab in _labels("330_")}
    assert len(got & want) >= len(want) - 2, sorted(want - got)


def test_a_plan_standard_basis_cell_run_together_is_cut_off_the_next_name():
    """Doc 58 (湘潭 雾炮车, a 指标值确定依据 column of ``计划标准``) re-flattened with nothing between its cells:
    ``…10辆计划标准雾炮车风炮射程≥80M计划标准…`` is the basis cell and the next row's name, not a name 计划标准雾炮车风炮射程."""
    got = _run_together("58_")
    assert ("雾炮车风炮射程", "≥80M") in got, got


def test_a_name_its_unit_note_closes_ends_before_the_text_after_it():
    """Doc 11 (邯郸 困难群众救助, traditional script): ``救助對象對救助工作滿意度(%)問卷調查中,…的比率85%`` is the name, closed by
    its unit's note, and its 指标说明 run onto it; and an empty template run together (doc 136: ``…参保人数(人)上一轮…``)
    is cut after each note, the pieces dear to glue back (a note inside a name stays: ``(草)``)."""
    from indicators.table.rows import glue_costs, weights
    from indicators.table.stream import Token, lex
    pieces = lex("天保工程实施单位保险参保人数(人)上一轮退耕还林补助面积(万亩)新一轮退耕还林(草)第二次补助面积(万亩)")
    assert pieces == ["天保工程实施单位保险参保人数(人)", "上一轮退耕还林补助面积(万亩)", "新一轮退耕还林(草)第二次补助面积(万亩)"]
    _, after = glue_costs([Token(p, 1, "glue") for p in pieces], weights())
    assert after[1] == after[2] == weights().merge_typed
    got = {r.level3 for r in parse_file(_doc("11_")).indicators}
    assert "救助對象對救助工作滿意度(%)" in got, got


def test_process_and_output_count_level_names_of_older_forms_are_levels():
    """``过程指标`` (湖北 学生资助 自评表, doc 99) is the 共性 framework's 过程 level and ``产出数量目标`` (福建 台胞补助 2017, doc 119)
    the 数量 level of the older 目标 forms: neither is part of the indicator name after it."""
    got99 = {(r.level1, r.level3) for r in parse_file(_doc("99_")).indicators}
    assert ("项目管理", "评审程序是否公正") in got99, got99
    got119 = {(r.level2, r.level3) for r in parse_file(_doc("119_")).indicators}
    assert ("数量指标", "困难台胞、高龄台胞困难补助受益") in got119, got119


def test_weights_between_the_level_columns_weigh_the_sections_not_the_row():
    """The 2016 检验检疫 评价表 (docs 27, 350-365): ``一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值(标准) |
    分值``. The 权重 and the first 分值 weigh the 一级 and 二级 sections; a record's weight is the 分值 after its target.
    预算绩效 (its 权重 50 no target) is the section's 一级 and 预算管理 its 二级, not an indicator."""
    rows = [(r.level1, r.level2, r.level3, r.value_raw, r.weight_raw) for r in parse_file(_doc("358_")).indicators]
    assert rows[:2] == [("预算绩效", "预算管理", "预算执行进度(7月)", "40%", "7"),
                        ("预算绩效", "预算管理", "预算执行进度（11月）", "80.21%", "8")], rows[:2]
    assert not any(r[2] in ("预算绩效", "项目效果") for r in rows), rows
    assert ("预算绩效", "财务管理", "用款计划差错率") in {r[:3] for r in rows}


def test_a_numbered_whole_only_level_name_is_an_indicator():
    """``2.财务管理`` (doc 06, a 管理目标 row numbered as an item) names an indicator; the bare cell ``财务管理`` is the 二级 of
    the 检验检疫 评价表's 预算绩效 section. Other level names keep their number (``（一）数量指标``)."""
    from indicators.vocab import vocab
    v = vocab()
    assert v.canonical_level2("财务管理") == "财务管理" and v.canonical_level2("2.财务管理") is None
    assert v.canonical_level2("（一）数量指标") == "数量指标" and v.canonical_level1("一、产出指标") == "产出指标"
    got = {(r.level2, r.level3) for r in parse_file(_doc("06_")).indicators}
    assert ("", "财务管理") in got, got


def test_cells_a_page_left_outside_any_row_are_a_row():
    """Doc 360: a ``<tr>`` is missing before the cells of 通过增强国际交流是否为检验检疫创造良好的国际环境 (they stand right in the
    table); a browser shows them as a row, and so does the HTML reader, so the indicator is read."""
    from indicators.readers.html import html_to_lines
    lines = html_to_lines("<table><tr><td>一级指标</td><td>三级指标</td><td>指标值</td></tr>"
                          "<td>产出指标</td><td>项目完成率</td><td>100%</td></tr></table>")
    assert [ln.cells for ln in lines] == [["一级指标", "三级指标", "指标值"], ["产出指标", "项目完成率", "100%"]]
    rows = {r.level3: r.value_raw for r in parse_file(_doc("360_")).indicators}
    assert rows.get("通过增强国际交流是否为检验检疫创造良好的国际环境") == "是", rows


def test_project_effect_is_the_benefit_level():
    """``项目效果`` (the 检验检疫 评价表's 一级 after 项目产出, docs 350-365) is 效益指标, not an indicator with its 权重 as target."""
    from indicators.vocab import vocab
    assert vocab().canonical_level1("项目效果") == "效益指标"
    rows = [(r.level1, r.level3) for r in parse_file(_doc("362_")).indicators]
    assert all(l3 != "项目效果" for _, l3 in rows), rows
    assert ("效益指标", "实验室是否向社会提供技术服务") in rows, rows


def test_a_table_without_a_project_cell_takes_the_project_its_title_names():
    """Real pages whose header block has no 项目名称 cell name the project in the table's title: doc 358
    (``其他外事费专项经费绩效评价表``, an HTML form), doc 180 (``东莞市公安局_公务用车购置项目支出绩效目标批复表``, its title cut into
    pieces by the lexer), doc 130 (the page's own title, ``2021年度本专科生奖助学金项目自评结果``). A title that names a
    department's year (doc 155: ``湘潭市工伤保险服务中心2023年项目支出绩效目标表``) gives way to its 项目支出名称 cell."""
    def projects(prefix):
        return {r.project for r in parse_file(_doc(prefix)).indicators}
    assert projects("358_") == {"其他外事费专项经费"}
    assert projects("180_") == {"公务用车购置"}
    assert projects("130_") == {"本专科生奖助学金"}
    assert projects("155_") == {"湘潭市工伤保险基金"}


def test_a_project_name_ends_before_the_next_label_of_its_header_block():
    """Doc 04 (a preview's run-together text): ``项目名称碟令薯樽轴示施项目实施单位/…`` names the project up to 实施单位; doc
    72's ``项目名称 | 项目单位 | 项目类别`` is a project list's header, whose 项目单位 names no project."""
    assert {r.project for r in parse_file(_doc("04_")).indicators} == {"碟令薯樽轴示施项目"}
    assert "项目单位" not in {r.project for r in parse_file(_doc("72_")).indicators}


def test_a_blank_target_cell_does_not_take_the_weight_beside_it():
    """Doc 363 (an HTML form): three targets are blank (``进境植物疫情检出率 | % | | 5``); the 5 stands in the grid's 分值
    column, so it is the row's weight and the target is missing, not ``5%``."""
    rows = {r.level3: (r.value_raw, r.weight_raw) for r in parse_file(_doc("363_")).indicators}
    assert rows["进境植物疫情检出率"] == ("", "5") and rows["出口食品化妆品实际通报率"] == ("", "3"), rows
    assert rows["建立并及时完善进出境重大动物疫情应急管理体系"] == ("是", "2")


def test_run_together_yes_no_targets_and_section_levels_are_cut():
    """The 检验检疫 评价表 run together (docs 27, 350-365 as a preview prints them): ``…外拓是是否保证了…`` is a question, its
    answer 是, the next question; ``…80.21%预算管理预算调整次数…`` and ``…-0%财务管理是否存在…`` are the section's 二级 printed
    between two rows (a whole-only level name after a target's end), while ``…6475资金管理情况…`` stays a name (doc 06).
    Doc 24 (a preview's text) reads its 财务管理制度有效性 row so."""
    from indicators.table.stream import lex
    assert lex("是否促进地方经济项目推广和外拓是是否保证了检验检疫业务的顺利开展是") == [
        "是否促进地方经济项目推广和外拓", "是", "是否保证了检验检疫业务的顺利开展是"]
    assert lex("80.21%预算管理预算调整次数（实际调整数）0") == ["80.21%", "预算管理", "预算调整次数（实际调整数）", "0"]
    assert "资金管理情况" in "".join(lex("64756475资金管理情况专账核算专账核算")) and \
        "资金管理" not in lex("64756475资金管理情况专账核算专账核算")
    got = {(r.level2, r.level3) for r in parse_file(_doc("24_")).indicators}
    assert ("财务管理", "财务管理制度有效性") in got, got


def test_a_workbook_cell_stays_in_the_column_its_header_names():
    """Doc 373 (a 自评表 workbook, 指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 全年完成值): ``资金使用合规性 | 无 | 合规 | 无 |
    10 | 合规`` is the target 合规 (its 指标性质 无 no comparator), weight 10, actual 合规; the row splitter keeps each cell in
    the target column the grid's header puts it in."""
    rows = {r.level3: (r.value_raw, r.weight_raw, r.actual_raw) for r in parse_file(_doc("373_")).indicators}
    assert rows["资金使用合规性"] == ("合规", "10", "合规"), rows
    assert rows["财务监控有效性"] == ("有效", "2", "较有效"), rows
    assert rows["社会保险补贴发放准确率"] == ("≥95%", "5", "100"), rows


def test_a_workbook_cell_is_read_whole_and_its_scoring_note_ends_no_table():
    """Doc 373: ``绩效目标明确性`` is one cell of the grid (not the label 绩效目标 and a name 明确性), and a 评价标准 cell that
    reads as a numbered sentence (``1.制定或具有相应的监控机制；…扣完为止。``) is no report paragraph ending the table: the
    rows after them are read."""
    rows = {r.level3: r.value_raw for r in parse_file(_doc("373_")).indicators}
    assert rows.get("绩效目标明确性") == "明确" and rows.get("管理制度健全性") == "健全", rows


def test_the_second_question_of_one_name_cell_does_not_end_the_table():
    """Doc 355 (HTML): one name cell holds two questions and spans two target groups; the second group's row, target
    cells alone (``是/否 | 是 | 5``), goes on with the table, so the indicators after it are read."""
    names = {r.level3 for r in parse_file(_doc("355_")).indicators}
    assert any(n.startswith("专项资金投入是否可增强动植物有害生物") for n in names), names
    assert any(n.startswith("入境旅客/机场/车站/客运码头") for n in names), names


def test_an_indicator_type_column_names_the_first_level():
    """Doc 373's 指标类型 column: 产出类指标, 效益类指标, 满意度类指标 are the 一级 产出/效益/满意度指标."""
    rows = {r.level3: r.level1 for r in parse_file(_doc("373_")).indicators}
    assert rows["社会保险补贴发放准确率"] == "产出指标" and rows["城镇新增就业人数"] == "效益指标", rows
    assert rows["公共就业服务满意度"] == "满意度指标", rows


def test_grid_columns_are_trusted_only_on_rows_that_stand_under_the_header():
    """A table flattened and printed again as a web page (evaluate_flattenings' ``html``) leaves merged cells out of
    the rows they span, so those rows stand shifted left (doc 19: ``質量指標 | 業務工作支出到位率 | 定量 | 100``); a page
    printed a cell per row has every cell in column 0 (doc 130). Neither row's columns name its cells, so every
    indicator is still read (doc 64 too, whose rows open with the unit's own column, 单位名称 | 项目名称 | …)."""
    sys.path.insert(0, str(ROOT / "evaluation"))
    from evaluate_flattenings import flattenings
    for prefix in ("19_", "130_", "64_"):
        page = flattenings(_doc(prefix).read_text(encoding="utf-8"))["html"]
        got = {r.level3 for r in parse_text(page, prefix + "page.html", suffix=".html").indicators}
        want = {lab["level3"] for lab in _labels(prefix)}
        assert want <= got, (prefix, sorted(want - got))


def test_a_budget_evaluation_heading_run_together_is_no_section_level():
    """Doc 81 run together: ``…≥95%预算绩效评价结果考核节点进度完成率10分…`` is the page's next heading (预算绩效评价结果), not
    the 检验检疫 评价表's 一级 预算绩效 printed between two rows."""
    from indicators.table.stream import lex
    assert "预算绩效" not in lex("师生对实验室改造满意度≥95%≥95%预算绩效评价结果考核节点进度完成率10分")


def test_a_workbook_project_list_reads_its_unit_and_project_columns_whole():
    """Doc 384 (a county's budget workbook): the 项目 目标表 is a project list under ``项目名称 | 单位名称 | 预算数 | 年度目标 |
    一级指标 …``, each project's first row opening with ``51192221Y000000030263-在职人员公用经费 | 702004-南江县…``. Those are one
    cell each (no record named by a code with ``702004`` as its target), and a header may open with the unit's column
    (doc 64: ``单位名称 | 项目名称 | …``), so each record keeps its project."""
    recs = parse_file(_doc("384_")).indicators
    assert not [r for r in recs if r.value_raw == "702004"], [r.level3 for r in recs if r.value_raw == "702004"]
    rows = {r.level3: r.project for r in recs}
    assert rows["科目调整次数"] == "51192221Y000000030263-在职人员公用经费", rows["科目调整次数"]
    assert {r.project for r in parse_file(_doc("64_")).indicators} == {"村组干部报酬", "基层组织活动经费"}


def test_a_budget_table_after_a_self_evaluation_gives_no_records_and_a_grade_takes_no_unit():
    """Doc 375 (a 自评表 workbook): the budget table after the indicators (``部门代码 | 部门名称 | 单位代码 | 单位名称 |
    一般公共预算``, then ``…党校 | 40.00 | 40.00 | 40.00``) is no indicator table; and ``定性 | 优 | %`` is the grade 优, the
    计量单位 cell joining a number only."""
    rows = {r.level3: r.value_raw for r in parse_file(_doc("375_")).indicators}
    assert "单位名称" not in rows and "中国共产党平昌县委员会党校" not in rows, rows
    assert rows["促进干部综合素质提升，有效推进各项工作"] == "优" and rows["培训人数"] == "≥3180人", rows


def test_a_report_part_and_a_table_caption_are_no_indicators():
    """Doc 386 (a 部门预算 Word file): ``部门公开表7 | 整体支出`` and ``第三部分 | 2024年部门预算情况说明`` are a table's caption and
    the report's next part, not records."""
    from indicators.table.sanity import not_indicator
    assert not_indicator("第三部分", "2024年部门预算情况说明") and not_indicator("部门公开表7", "整体支出")
    assert not_indicator("第三方评价满意度", "≥90%") is None
    names = {r.level3 for r in parse_file(_doc("386_")).indicators}
    assert not names & {"第三部分", "部门公开表7"}, names & {"第三部分", "部门公开表7"}


def test_a_grid_cell_under_a_target_header_is_not_left_out():
    """A cell the header puts in a target column stays in it: doc 391's 年度 block writes ``定性`` as its 指标值 (left out,
    the 年度 copy of the row had no target and was kept beside the 中长期 one), doc 385's 度量单位 ``元/村年`` and doc
    386's ``亿`` after ``≥2`` (left out, the targets read ``＝50000`` and ``≥2``)."""
    got = [r.value_raw for r in _doc391() if r.level3 == "承接社会服务试点项目数量"]
    assert got == ["定性"], got
    assert {r.value_raw for r in parse_file(_doc("385_")).indicators if r.level3 == "农村公共服务运行维护成本"} == {"＝50000元/村年"}
    assert {r.value_raw for r in parse_file(_doc("386_")).indicators if r.level3 == "年度争取无偿资金"} == {"≥2亿"}


def test_a_header_row_of_level_columns_is_no_prose_list():
    """Doc 392 (巴州区财政局 2021 .xls): the 部门整体 header row ``数量指标（三级指标及指标值） | 质量指标（…）…`` read by the
    prose reader as nine records (``数量指标 | 三级指标及指标值``) outnumbered the 项目 table's two rows, which were lost.
    A level's header word (三级指标, 指标值) is in no real name or target."""
    got = sorted((r.level3, r.value_raw) for r in parse_file(_doc("392_")).indicators)
    assert got == sorted((lab["level3"], lab["value_raw"]) for lab in _labels("392_")), got


def test_a_wu_level3_with_a_target_beside_it_is_a_record():
    """Doc 394 (南江 国资局): ``社会效益指标 | 无 | 定性 | 优`` (the form says the 二级 has no indicator yet writes a
    target) and doc 391's ``无 | ≥98%`` are records, shown to the reviewer, not dropped as fragments."""
    for prefix in ("394_", "391_"):
        labels = sorted(lab["value_raw"] for lab in _labels(prefix) if lab["level3"] == "无" and lab["value_raw"] not in ("", "无"))
        got = sorted(r.value_raw for r in parse_file(_doc(prefix)).indicators if r.level3 == "无" and r.value_raw not in ("", "无"))
        assert got == labels and labels, (prefix, got)


def test_a_wide_self_evaluation_s_project_column_named_a_line_above_its_header():
    """Doc 394's Sheet10 (a 自评表 printed one indicator per row, ``510000_0013zpzx``): ``项目名称 | 主管部门 | 实施单位（盖章）``
    are column labels a line above the indicator header, and each block's first row gives its project in the 项目名称
    column. Read as a label row, every record took ``实施单位（盖章）`` as its project."""
    got = {(r.project, r.level3) for r in parse_file(_doc("394_")).indicators if r.source_sheet == "Sheet10"}
    labels = {(lab["project"], lab["level3"]) for lab in _labels("394_") if lab["note"].startswith("sheet Sheet10")}
    assert got == labels and len(labels) >= 50, sorted(got - labels)[:3]


def test_a_scoring_rule_run_onto_its_row_stays_one_cell():
    """Doc 77 (湘西州特校 伙食费, a table printed run together): ``残疾学生家庭负担率有所减轻对家庭负担减轻情况较大得10分,一般得6分-定性``.
    The 评(扣)分标准 ``得10分,一般得6分`` (or ``计3分``) is one text cell: its points are not weights, and its rows are read. A year
    after a slash (``实际收到伙食补助金额/2023年伙食补助预算``) is a formula's denominator, not a target."""
    from indicators.table.stream import lex
    assert lex("补助学生数量168反映补助学生人数发放到位得10分,每减少1%,扣1分-定量") == [
        "补助学生数量", "168", "反映补助学生人数发放到位得10分,每减少1%,扣1分", "-定量"]
    got = {r.level3: r.value_raw for r in parse_file(_doc("77_")).indicators}
    assert got["残疾学生家庭负担率"] == "有所减轻" and got["残疾学生生活质量"] == "有所提升"
    assert got["伙食补助资金到位率"] == "90%以上"
    assert not any("扣1分" in value for value in got.values())
    # the condition before the points is the rule's too: "…次數6次以上計3分,少于6次不計分" (doc 117, traditional script)
    assert lex("開展全院安全排查次數6開展安全排查,保障院內安全安全排查次數6次以上計3分,少于6次不計分3") == [
        "開展全院安全排查次數", "6", "開展安全排查,保障院內安全安全排查次數", "6次以上計3分,少于6次不計分", "3"]
    got = {r.level3: r.value_raw for r in parse_file(_doc("117_")).indicators}
    assert got["全院設施設備維修維護覆蓋率"] == "90%"


def test_a_label_after_a_space_is_a_border_not_a_wrapped_word():
    """Doc 127 (忠县 涂井乡, space-separated): ``专项(项目)名称  忠县…精准帮扶项目 负责人及电话``. 项目负责人 runs across the space,
    but the piece after it starts with the label 负责人: the space is a cell border, and the project keeps its 项目."""
    projects = {r.project for r in parse_file(_doc("127_")).indicators}
    assert projects == {"忠县涂井乡龙滩村农村移民安置区精准帮扶项目"}


def test_a_project_label_in_traditional_script():
    """Doc 128 (鄂州 科协, a page in traditional script): ``項目名稱 科學普及經費``. The label is found in simplified script and
    the name kept as written; before, no record of a traditional page had a project from its 項目名稱 cell."""
    assert {r.project for r in parse_file(_doc("128_")).indicators} == {"科學普及經費"}
    assert {r.project for r in parse_file(_doc("310_")).indicators} == {"海南省規劃展覽館運行維護項目"}


def test_a_report_heading_names_the_project_of_records_without_one():
    """A report or a notice that names its project only in its heading: ``2020年度国家食品药品安全专项整治项目绩效评价报告``
    (doc 332), ``…绩效自评报告(标准化工作专项补助经费)`` (doc 154), ``关于“2018生物实验教学中心建设项目”`` (doc 81). A heading
    whose 项目 follows a department and a year (``大英县民政局2022年度中央对地方转移支付项目绩效自评情况公示``, doc 12) names
    no one project."""
    def projects(doc: str) -> set[str]:
        return {r.project for r in parse_file(_doc(doc)).indicators}
    assert projects("332_") == {"国家食品药品安全专项整治项目"}
    assert projects("154_") == {"标准化工作专项补助经费"}
    assert projects("81_") == {"2018生物实验教学中心建设项目"}
    assert projects("12_") == {""}
    # a report of a year: the name before the year, without the unit in front of it (doc 331) or 转移支付 (doc 18)
    assert projects("331_") == {"城镇供水卫生监督监测"}
    assert projects("18_") == {"优抚对象生活补助经费"}


def test_the_change_words_of_a_level_column_cell_are_the_target_grammars():
    """A change word before a number opens the target in a 二级-column cell, with every change word of targets.toml's
    ``[directions]`` (缩短, 上升 as well as 增长, 下降): the readers keep no list of their own."""
    from indicators.table.levelcols import level2_cell
    assert level2_cell("办理时限在上年基础上缩短2天") == ("办理时限在上年基础上", "缩短2天")
    assert level2_cell("群众满意度较上年上升5%") == ("群众满意度较上年", "上升5%")
    assert level2_cell("服务对象满意超过90%") == ("服务对象满意", "超过90%")


def _doc395_399(prefix: str) -> list:
    return parse_file(_doc(prefix)).indicators


def test_a_goal_blocks_caption_is_no_indicator_header():
    """Doc 395 (平昌县司法局 2018 决算, Word): ``年度目标完成情况 | 预期目标 | 实际完成目标`` names a target and an actual column,
    but it is the goal block's caption: the goal sentence under it is no indicator."""
    names = [r.level3 for r in _doc395_399("395_")]
    assert len(names) == 6 and not any("全覆盖" in n for n in names)


def test_a_reports_next_part_ends_the_table_and_a_word_target_keeps_its_budget_name():
    """Doc 399 (巴州区市政公用事业保障中心 2023 单位预算, Word): ``第三部分`` after the 单位整体支出绩效目标表 starts the report's
    预算情况说明, which is no table rows; ``成本指标 | 基本支出 | 按预算规定，严格控制经费支出`` is an indicator (基本支出 alone, or
    with a number, is a budget table's column); the table is the unit's own (no project from the 单位公开表6 title)."""
    from indicators.table.sanity import not_indicator
    got = _doc395_399("399_")
    assert not any(r.level3.startswith(("我单位", "2023年我单位", "预算绩效情况")) for r in got)
    assert ("成本指标", "基本支出", "按预算规定，严格控制经费支出", "") in [
        (r.level2, r.level3, r.value_raw, r.project) for r in got]
    assert not_indicator("基本支出", "428.05") and not_indicator("基本支出", "项目支出")


def test_a_signature_row_ends_a_sheets_table_and_a_long_name_with_a_target_is_kept():
    """Doc 403 (南江县医疗保障局 2025, .xls): the 整体 sheet ends with ``单位领导：张爱华 股室负责人：马林 经办人：杨媚`` and the next
    sheet opens with ``附件2``: the sign-off row ends the table and is no indicator. Doc 400 (西兴镇 2019 决算, Word): a 三级
    cell of two sentences (``经济社会发展指标：脱贫攻坚、…。保障指标：…。``) with its own target ``100%`` is an indicator, not
    a paragraph of prose."""
    got = _doc395_399("403_")
    assert not any("经办人" in r.level3 or r.value_raw == "附件2" for r in got)
    assert len([r for r in got if not r.project]) == 12
    got = _doc395_399("400_")
    assert [r.value_raw for r in got if r.level3.startswith("经济社会发展指标：")] == ["100%"]


def test_a_new_sheet_ends_the_table_of_the_sheet_before():
    """A workbook's 整体 table ends its sheet; the next sheet's cover (``2025年部门预算 | 2025年3月12日``, ``收入 | 支出``)
    is no row of it (doc 406: 南江县公安局's Sheet1 before the 封面 of the copy that follows)."""
    from indicators.model import Line
    from indicators.parse import parse_rows
    lines = [Line(["一级指标", "二级指标", "三级指标", "指标值"], 1, "Sheet1"),
             Line(["产出指标", "数量指标", "保障驻村人员数量", "8人"], 2, "Sheet1"),
             Line(["满意度指标", "服务对象满意度指标", "受惠群众满意度", "≥98%"], 3, "Sheet1"),
             Line(["2025年部门预算", "2025年3月12日"], 4, "封面"),
             Line(["收入", "支出"], 5, "封面"),
             Line(["项目", "预算数"], 6, "封面")]
    got = [(r.level3, r.value_raw) for r in parse_rows(lines, "book.xlsx").indicators]
    assert got == [("保障驻村人员数量", "8人"), ("受惠群众满意度", "≥98%")]
    names = {r.level3 for r in _doc395_399("406_")}
    assert not names & {"2025年部门预算", "部门收支总表", "收入", "项目"}
    assert "为打击主城区主要街面犯罪提供技术支持率" in {n.replace(" ", "") for n in names}   # (技术支持 alone is a footer)


def test_a_statement_under_the_value_column_is_the_value():
    """A grid row with its own cell under 三级 (doc 406: ``成本指标 | 经济成本 | 全县公安工作预计全年投入经费11790.09万元``,
    经济成本 being a 二级 name as well) or under a header with no 三级 column at all (doc 410: ``一级指标 | 二级指标 | 指标值``,
    a blank grid column between): the cell under 指标值 is the target, and the 二级 name stands as the indicator's."""
    got = {r.level3: r.value_raw for r in _doc395_399("406_")}
    assert got["经济成本"] == "全县公安工作预计全年投入经费11790.09万元"
    got = [(r.level2, r.level3, r.value_raw) for r in _doc395_399("410_")]
    assert ("数量指标", "数量指标", "确保机关正常运转、人员薪酬按时发放、做好婚姻登记业务工作。") in got
    assert len(got) == 10 and not any("情况说明" in name for _, name, _ in got)


def test_unit_codes_and_a_note_after_the_value_header_and_a_coded_budget_row():
    """Doc 408 (平昌县信访局 2021): the 度量单位 cells carry the budget system's code (``50-%``, ``262-人/次``): the target is
    ``≥95%``, not ``≥9550-%``. Doc 407 (平昌县文广旅局 2025): the strict grid reader does not know the 整体 table's
    ``指标值（包含数字及文字描述）`` and leaves its values empty; the stream reader, which does, reads every row the grid
    reader did (by name) and their values, and is kept; ``000013529161-体育彩票公益金 | 240.00`` is a budget row."""
    values = {r.level3: r.value_raw for r in _doc395_399("408_")}
    assert values["信访案件受理率"] == "≥95%" and values["引导群众依法信访"] == "≥1600人/次"
    assert not any("-%" in v or "-次" in v for v in values.values())
    got = _doc395_399("407_")
    assert {r.level3: r.value_raw for r in got}["人民群众满意度"] == "98%"
    assert not any(r.level3.startswith("000013529161") for r in got)


def test_a_grid_cell_is_one_name_and_a_procurement_table_gives_no_records():
    """Doc 417 (南江县财政局 2025): the bordered 三级 cell ``全县实现三大主粮完全成本保险覆盖率`` is one name (not cut after 成本
    into a goal and 保险覆盖率); a 政府采购 table's row ``51192222T000007426397-预算绩效管理工作 | B08-咨询服务`` and its
    header ``采购品目`` are no indicators. Doc 416 (仁和镇 2025): the grid reader reads the 整体 sheet's
    ``绩效指标值`` column empty; the stream reader reads its values and every other row of the grid reader's but one (a
    procurement header), and is kept."""
    got = {r.level3: r.value_raw for r in _doc395_399("417_")}
    assert got["全县实现三大主粮完全成本保险覆盖率"] == "＝100%" and "保险覆盖率" not in got
    assert not any(v.startswith("B08-") for v in got.values()) and "采购品目" not in got
    got = {r.level3: r.value_raw for r in _doc395_399("416_")}
    assert got["群众满意度"] == "≥98%" and got["部门预算支出总额"] == "≤14,019,268.87元"


def test_level1_column_pairs_and_a_grid_reading_of_an_unknown_header():
    """Doc 419 (平昌县财政局 2020, .xls): sheet 6-1 heads pairs of ``三级指标 | 指标值`` columns with 产出指标, 效益指标 and
    满意度指标 and has no 二级: each filled pair is a record of its 一级, the project the first cell of the row that names
    it (``财政资金专项监督检查经费``), carried down. Doc 420 (南江县委编办 2025): the grid reader does not know the 整体 sheet's
    ``绩效指标值`` and reads its header and level cells as records without values; they are no rows the stream reader's
    reading must cover, and its reading (the values) is kept. Doc 421: ``空表说明：无此项内容`` is no indicator."""
    got = [(r.level1, r.project, r.level3, r.value_raw) for r in _doc395_399("419_")]
    assert ("产出指标", "财政资金专项监督检查经费", "财政资金检查人次", "大于9000人次") in got
    assert ("满意度指标", "财政资金专项监督检查经费", "被监督对象满意度", "大于90%") in got
    assert ("产出指标", "绩效评价", "办公费", "20000") in got
    assert not any(name in ("财政", "财政局") for _, _, name, _ in got)
    got = {r.level3: r.value_raw for r in _doc395_399("420_")}
    assert got["全县机关事业单位满意度"] == "≥95%" and "绩效指标值绩效度量单位" not in got
    assert not any("空表说明" in r.level3 for r in _doc395_399("421_"))


def test_the_grid_reader_ends_a_table_at_a_note_and_at_the_next_sheet():
    """Docs 422, 423 and 405 (南江 部门预算 workbooks): the 项目支出绩效表 ends with ``取数说明： 此表只取当年预算及绩效，…`` under
    the project column, and the next sheet opens with ``金额单位：万元``: neither continues the last project's name or the
    last row's target (``运转保障率 | ＝100%`` was lost as ``＝100%金额单位：万元``)."""
    from indicators.model import Line
    from indicators.parse import parse_lines
    lines = [Line(["项目名称", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"], 1, "19"),
             Line(["离退休干部活动经费", "效益指标", "社会效益指标", "运转保障率", "＝", "100", "%"], 2, "19"),
             Line(["取数说明： 此表只取当年预算及绩效", "", "", "", "", "", ""], 3, "19"),
             Line(["", "", "", "", "", "金额单位：万元", ""], 4, "20")]
    got = [(r.project, r.level3, r.value_raw) for r in parse_lines(lines, "book.xlsx").indicators]
    assert got == [("离退休干部活动经费", "运转保障率", "＝100%")]
    for doc in ("422_", "423_", "405_"):
        got = _doc395_399(doc)
        assert not any("取数说明" in r.project for r in got)
        assert ("运转保障率", "＝100%") in {(r.level3, r.value_raw) for r in got}


def test_a_cell_under_the_project_header_is_the_project_when_the_unit_cell_is_empty():
    """Doc 430 (平昌县民政局 2025, 表13): the 单位名称 cell is filled on the sheet's first row only; a later project's row
    (``| 公务交通补贴 | 13.45 | …``) starts with the cell under 项目名称, which is that project, not the 单位名称 column's
    ``other`` (its records went to the project before, seven projects one behind)."""
    got = {(r.project, r.level3) for r in _doc395_399("430_")}
    assert ("公务交通补贴", "科目调整次数") in got and ("地名普查经费", "地名志成果数量") in got
    assert ("救济对象定补", "救济对象人均补差水平") in got
