"""One test document per layout family that real disclosures use (issue #2, point 5 and 6)."""
import pytest

from conftest import FIXTURES
from indicators.parse import parse_file, parse_text


def rows(name):
    doc = parse_file(FIXTURES / name)
    assert doc.error is None, doc.error
    return doc


def triples(doc):
    return [(r.level1, r.level2, r.level3, r.value_raw) for r in doc.indicators]


def test_markdown_pipe_table_with_merged_cells():
    doc = rows("markdown_pipe.md")
    assert triples(doc) == [
        ("产出指标", "数量指标", "改造校舍面积", "≥3000平方米"),
        ("产出指标", "数量指标", "购置课桌椅", "1200套"),
        ("产出指标", "质量指标", "工程验收合格率", "100%"),
        ("产出指标", "时效指标", "完工时间", "2022年8月底前"),
        ("效益指标", "社会效益指标", "受益学生人数", "≥5000人"),
        ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%")]
    assert [s.level2 for s in doc.slots] == ["可持续影响指标"]
    r = doc.indicators[0]
    assert (r.project, r.project_amount_yuan, r.year, r.source_line) == ("义务教育薄弱环节改善", 12505000.0, 2022, 12)
    assert r.project_goal == "改善12所农村学校办学条件"


def test_html_table_rowspan_colspan_and_entities():
    doc = rows("html_rowspan.html")
    assert triples(doc) == [
        ("产出指标", "数量指标", "新建供水工程", "≥15处"),
        ("产出指标", "数量指标", "铺设管网长度", "120公里"),
        ("产出指标", "质量指标", "水质达标率", "≥95%"),
        ("效益指标", "社会效益指标", "受益人口", "3.2万人"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%")]
    assert [s.level2 for s in doc.slots] == ["生态效益指标"]
    assert doc.indicators[0].project_amount_yuan == 8600000.0
    assert doc.indicators[0].source_line == 8


def test_one_cell_per_paragraph_with_split_cells():
    doc = rows("paragraph_cells.txt")
    assert triples(doc) == [
        ("产出指标", "数量指标", "高标准农田建设面积", "≥2万亩"),
        ("产出指标", "质量指标", "耕地质量等级提升", "0.5个等级"),
        ("效益指标", "经济效益指标", "粮食增产", "≥5%"),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%")]
    assert {(r.table_kind, r.project) for r in doc.indicators} == {("department", "某县农业农村局")}


def test_cells_run_together_without_separator():
    doc = rows("runon.txt")
    assert triples(doc) == [
        ("产出指标", "数量指标", "建立居民健康档案人数", "12万人"),
        ("产出指标", "质量指标", "电子健康档案建档率", "≥90%"),
        ("产出指标", "时效指标", "资金拨付及时率", "100%"),
        ("效益指标", "社会效益指标", "居民健康素养水平", "提升2个百分点"),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥85%")]
    assert doc.indicators[0].project == "基本公共卫生服务"


def test_xls_dump_on_one_line():
    doc = rows("xls_one_line.txt")
    assert triples(doc) == [
        ("产出指标", "数量指标", "整治村庄数量", "8个"),
        ("产出指标", "质量指标", "垃圾收运覆盖率", "100%"),
        ("效益指标", "生态效益指标", "村庄绿化率", "≥30%"),
        ("满意度指标", "服务对象满意度指标", "村民满意度", "≥90%")]
    assert {r.source_line for r in doc.indicators} == {3}


@pytest.mark.parametrize("name", ["three_columns.csv", "op_unit_columns.txt"])
def test_comparator_number_unit_in_separate_columns(name):
    values = [r.value_raw for r in rows(name).indicators]
    if name.endswith(".csv"):
        assert values == ["≥360天", "≥99.5%", "≤30分钟", "≥90%"]
    else:
        assert values == ["≥20万件", "≥95", "≤20", "≥90"]


def test_unit_only_in_indicator_name_is_kept_in_the_name():
    doc = rows("unit_in_name.txt")
    assert [(r.level3, r.value_raw) for r in doc.indicators][:2] == [("救助人次(人次)", "5000"),
                                                                    ("救助资金发放准确率(%)", "100")]


def test_self_evaluation_table_columns():
    doc = rows("self_eval.txt")
    r = doc.indicators[1]
    assert r.table_kind == "self_eval"
    assert (r.level1_raw, r.level1) == ("产出指标(50分)", "产出指标")
    assert (r.value_raw, r.actual_raw, r.weight_raw, r.score_raw) == ("≥95%", "93%", "15", "12")
    assert r.description == "部分路段施工延误"
    assert doc.indicators[4].level1 == "满意度指标"  # "满意度指标（10分）"
    assert r.project_amount_yuan == 3200000.0


def test_pdf_artifacts_page_break_and_repeated_header():
    doc = rows("pdf_artifacts.txt")
    got = [(r.level2, r.level3, r.value_raw, r.description) for r in doc.indicators]
    assert got == [
        ("数量指标", "服务人次", "》20000人次", "全年门诊"),
        ("数量指标", "工作人员流动性", "《5%", ""),
        ("质量指标", "清洁度", "清洁度≥95%", ""),
        ("时效指标", "报告报送", "每季度第一个月10日内", ""),
        ("社会效益指标", "居民健康", "有所提升", ""),
        ("社会效益指标", "档案管理面积", "2759.9 m^2", ""),
        ("服务对象满意度指标", "居民满意度", "≥90%", "")]
    # the table continued after the page break: same project, same table
    assert {r.project for r in doc.indicators} == {"社区卫生服务中心运行补助"}
    assert len({r.table_id for r in doc.indicators}) == 1
    assert doc.tables == 1


def test_two_project_blocks_under_one_title_are_two_tables():
    text = ("项目绩效目标表\n项目名称\t甲项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲数量\t5个\n"
            "项目名称\t乙项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t乙数量\t6个\n")
    doc = parse_text(text)
    assert [(r.project, r.level3) for r in doc.indicators] == [("甲项目", "甲数量"), ("乙项目", "乙数量")]
    assert doc.tables == 2


def test_prose_between_tables_stops_the_table():
    text = ("项目绩效目标表\n项目名称\t甲项目\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲数量\t5个\n"
            "说明：本表数据来源于预算系统，最终以批复为准。\n收入合计\t1200\t备注\n")
    doc = parse_text(text)
    assert [r.level3 for r in doc.indicators] == ["甲数量"]


def test_space_separated_rows_with_inline_labels():
    doc = rows("space_separated_inline_labels.txt")
    assert triples(doc)[3] == ("成本指标", "经济成本指标", "单个小区改造成本", "≤125万元")  # 2021 hierarchy
    assert triples(doc)[1] == ("产出指标", "质量指标", "工程验收合格率", "100%")
    r = doc.indicators[0]
    assert (r.project, r.project_amount_yuan, r.year) == ("老旧小区改造", 15000000.0, 2022)
    assert r.project_goal == "完成12个老旧小区改造。"


def test_nature_unit_and_weight_columns():
    doc = rows("nature_unit_weight_columns.txt")
    assert [(r.value_raw, r.weight_raw) for r in doc.indicators] == [
        ("≥120公里", "20"), ("=8座", "10"), ("≥85%", "20"), ("明显提升", "20"), ("≥90%", "10")]


def test_department_table_in_markdown_with_labels_inside():
    doc = rows("department_markdown.md")
    assert {(r.table_kind, r.project, r.year) for r in doc.indicators} == {("department", "某县统计局", 2022)}
    assert [r.level3 for r in doc.indicators] == ["完成统计调查项目数", "统计数据报送及时率", "统计数据公开发布",
                                                  "数据使用者满意度"]
    assert doc.indicators[0].project_goal == "完成各项统计调查任务"


def test_fixed_width_columns_from_pdftotext_layout():
    doc = rows("pdftotext_layout.txt")
    assert [(r.project, r.level2, r.level3, r.value_raw) for r in doc.indicators] == [
        ("全民健身设施建设", "数量指标", "新建健身路径", "≥30个"),
        ("全民健身设施建设", "数量指标", "更新健身器材", "200件"),
        ("全民健身设施建设", "质量指标", "设施验收合格率", "100%"),
        ("全民健身设施建设", "时效指标", "项目完成时间", "2022年10月底前"),
        ("全民健身设施建设", "社会效益指标", "受益群众人数", "≥5万人"),
        ("全民健身设施建设", "服务对象满意度指标", "群众满意度", "≥90%"),   # "服务对象满意" + "度指标"
        ("社区养老服务", "数量指标", "对辖区内老年人开展上门服务人次", "≥1200人次"),  # wrapped name
        ("社区养老服务", "质量指标", "服务投诉率", "≤2%")]
    assert [(s.project, s.level2) for s in doc.slots] == [("社区养老服务", "可持续影响指标")]
