"""Write the dev-set gold (tests/unseen/gold/*.jsonl) from the hand annotations below.

The annotations are hand-made readings of tests/unseen/texts: for every task that carries a
responsibility clause, its printed label, the first characters of its text, the clause and the
agencies in each role.  This script only does the clerical part: it finds the 1-based line where
each task starts, writes the strings the way the file prints them (the traditional-character copy
through zhconv, the half-width web copy with half-width punctuation) and fills the schema of
/work/shared/gold/GOLD_SCHEMA.md.  Run it after editing a text or an annotation:

    .venv/bin/python tests/unseen/make_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
GOLD = HERE / "gold"

HANT = {"08_guangdong_zhijiao_hant.txt"}
HALF = {"09_shenzhen_halfwidth.txt"}
TABLES = {"06_sichuan_table.txt", "13_fagaiwei_table.txt"}
_HALF_TABLE = str.maketrans({"（": "(", "）": ")", "：": ":", "；": ";", "，": ","})

# file → (title, doc_number, issuers, date, doc_type, attachment_title, start_line)
DOCUMENTS = {
    "01_guangdong_waimao.txt": (
        "广东省人民政府办公厅关于印发广东省推动外贸稳规模优结构若干措施的通知",
        "粤府办〔2023〕15号",
        ["广东省人民政府办公厅"],
        "2023-05-12",
        "通知",
        "广东省推动外贸稳规模优结构若干措施",
        1,
    ),
    "02_zhejiang_shuzi.txt": (
        "浙江省人民政府办公厅关于印发浙江省加快推进制造业数字化改造行动方案的通知",
        "浙政办发〔2023〕21号",
        ["浙江省人民政府办公厅"],
        "2023-04-20",
        "通知",
        "浙江省加快推进制造业数字化改造行动方案",
        1,
    ),
    "03_chengdu_xiaofei.txt": (
        "关于印发成都市促进消费加快恢复若干措施的通知",
        "成办发〔2023〕9号",
        ["成都市人民政府办公厅"],
        "2023-02-28",
        "通知",
        "成都市促进消费加快恢复若干措施",
        1,
    ),
    "04_beijing_keji.txt": (
        "北京市人民政府关于印发《北京市促进未来产业创新发展实施方案》的通知",
        "京政发〔2023〕24号",
        ["北京市人民政府"],
        "2023-09-08",
        "通知",
        "北京市促进未来产业创新发展实施方案",
        1,
    ),
    "05_hubei_wuliu.txt": (
        "湖北省人民政府办公厅关于加快现代物流业高质量发展的实施意见",
        "鄂政办发〔2022〕38号",
        ["湖北省人民政府办公厅"],
        "2022-09-30",
        "意见",
        None,
        1,
    ),
    "06_sichuan_table.txt": (
        "四川省人民政府办公厅关于印发《四川省促进中小企业专精特新发展工作方案》的通知",
        "川办发〔2023〕17号",
        ["四川省人民政府办公厅"],
        "2023-06-02",
        "通知",
        "四川省促进中小企业专精特新发展工作方案",
        1,
    ),
    "07_guobanfa_xiaofei.txt": (
        "国务院办公厅关于进一步释放消费潜力促进消费持续恢复的意见",
        "国办发〔2022〕9号",
        ["国务院办公厅"],
        "2022-04-20",
        "意见",
        None,
        1,
    ),
    "08_guangdong_zhijiao_hant.txt": (
        "广东省人民政府关于印发广东省进一步推动职业教育高质量发展若干措施的通知",
        "粤府〔2023〕33号",
        ["广东省人民政府"],
        "2023-08-15",
        "通知",
        "广东省进一步推动职业教育高质量发展若干措施",
        1,
    ),
    "09_shenzhen_halfwidth.txt": (
        "深圳市人民政府办公厅关于印发深圳市加快推进充电基础设施建设实施方案的通知",
        "深府办函〔2023〕41号",
        ["深圳市人民政府办公厅"],
        "2023-07-03",
        "通知",
        "深圳市加快推进充电基础设施建设实施方案",
        1,
    ),
    "10_guangdong_tiaoli.txt": (
        "广东省数据要素市场促进条例",
        "广东省人民代表大会常务委员会公告（第12号）",
        ["广东省人民代表大会常务委员会"],
        "2023-09-28",
        "条例",
        None,
        1,
    ),
    "11_wuhan_kechuang.txt": (
        "武汉市人民政府关于加快建设具有全国影响力的科技创新中心的若干措施",
        "武政规〔2023〕5号",
        ["武汉市人民政府"],
        "2023-03-10",
        "措施",
        None,
        1,
    ),
    "12_jiangsu_cuoshi.txt": (
        "江苏省人民政府印发关于推动经济运行率先整体好转若干政策措施的通知",
        "苏政发〔2023〕1号",
        ["江苏省人民政府"],
        "2023-01-05",
        "通知",
        "关于推动经济运行率先整体好转的若干政策措施",
        1,
    ),
    "13_fagaiwei_table.txt": (
        "国家发展改革委工业和信息化部财政部人民银行关于做好2023年降成本重点工作的通知",
        "发改运行〔2023〕645号",
        ["国家发展改革委", "工业和信息化部", "财政部", "人民银行"],
        "2023-05-26",
        "通知",
        None,
        1,
    ),
    "14_hunan_fangan.txt": (
        "湖南省人民政府办公厅关于印发《湖南省现代化产业体系建设实施方案》的通知",
        "湘政办发〔2023〕7号",
        ["湖南省人民政府办公厅"],
        "2023-03-01",
        "通知",
        "湖南省现代化产业体系建设实施方案",
        1,
    ),
}

# (file, printed label marker, first characters of the task text after the label, clause,
#  lead, support, responsible).  Agencies as printed; the collective ones are derived below.
L = list[str]
TASKS: list[tuple[str, str, str, str, L, L, L]] = [
    # 01 广东: bracketed verb forms at the end of each measure.
    (
        "01_guangdong_waimao.txt",
        "（一）",
        "支持企业开拓国际市场。加大",
        "省商务厅牵头，省财政厅、省贸促会等按职责分工负责",
        ["省商务厅"],
        ["省财政厅", "省贸促会"],
        [],
    ),
    (
        "01_guangdong_waimao.txt",
        "（二）",
        "加大出口信用保险支持。扩大",
        "省商务厅、省财政厅、广东银保监局按职责分工负责",
        [],
        [],
        ["省商务厅", "省财政厅", "广东银保监局"],
    ),
    (
        "01_guangdong_waimao.txt",
        "（三）",
        "加强外贸企业融资支持。引导",
        "人民银行广州分行、省地方金融监管局、广东银保监局负责",
        [],
        [],
        ["人民银行广州分行", "省地方金融监管局", "广东银保监局"],
    ),
    (
        "01_guangdong_waimao.txt",
        "（四）",
        "提升跨境贸易便利化水平。深",
        "海关总署广东分署牵头，省商务厅、省政务服务数据管理局配合",
        ["海关总署广东分署"],
        ["省商务厅", "省政务服务数据管理局"],
        [],
    ),
    (
        "01_guangdong_waimao.txt",
        "（五）",
        "扩大先进技术设备进口。落实",
        "省商务厅、省发展改革委、省工业和信息化厅按职责分工负责",
        [],
        [],
        ["省商务厅", "省发展改革委", "省工业和信息化厅"],
    ),
    ("01_guangdong_waimao.txt", "（六）", "发展跨境电商新业态。支持跨", "省商务厅负责", [], [], ["省商务厅"]),
    (
        "01_guangdong_waimao.txt",
        "",
        "推动市场采购贸易方式试点扩容",
        "省商务厅牵头，各有关地级以上市人民政府负责落实",
        ["省商务厅"],
        ["各有关地级以上市人民政府"],
        [],
    ),
    (
        "01_guangdong_waimao.txt",
        "（七）",
        "培育外贸转型升级基地。推动",
        "省商务厅、省科技厅，各地级以上市人民政府按职责分工负责",
        [],
        [],
        ["省商务厅", "省科技厅", "各地级以上市人民政府"],
    ),
    (
        "01_guangdong_waimao.txt",
        "（八）",
        "稳定加工贸易发展。引导加工",
        "省商务厅牵头，省发展改革委、省自然资源厅、省人力资源社会保障厅，有关地级以上市人民政府配合",
        ["省商务厅"],
        ["省发展改革委", "省自然资源厅", "省人力资源社会保障厅", "有关地级以上市人民政府"],
        [],
    ),
    # 02 浙江: labels on their own lines after the measure, split or joined, 排第一位的为牵头单位.
    (
        "02_zhejiang_shuzi.txt",
        "1.",
        "推进重点行业数字化改造。聚焦",
        "牵头单位：省经信厅配合单位：省发展改革委、省财政厅、省科技厅",
        ["省经信厅"],
        ["省发展改革委", "省财政厅", "省科技厅"],
        [],
    ),
    (
        "02_zhejiang_shuzi.txt",
        "2.",
        "培育未来工厂和智能工厂。制定",
        "牵头单位：省经信厅；配合单位：省市场监管局",
        ["省经信厅"],
        ["省市场监管局"],
        [],
    ),
    (
        "02_zhejiang_shuzi.txt",
        "3.",
        "推动中小企业数字化转型。开展",
        "责任单位：省经信厅、省财政厅、省科技厅（排第一位的为牵头单位）",
        ["省经信厅"],
        ["省财政厅", "省科技厅"],
        [],
    ),
    (
        "02_zhejiang_shuzi.txt",
        "4.",
        "加大财政金融支持。统筹省级产",
        "责任单位：省财政厅、省地方金融监管局、人行杭州中心支行、浙江银保监局",
        [],
        [],
        ["省财政厅", "省地方金融监管局", "人行杭州中心支行", "浙江银保监局"],
    ),
    (
        "02_zhejiang_shuzi.txt",
        "5.",
        "加强数字化人才培养。支持高校",
        "责任单位：省教育厅、省人力社保厅、省经信厅（排第一位的为牵头单位）",
        ["省教育厅"],
        ["省人力社保厅", "省经信厅"],
        [],
    ),
    (
        "02_zhejiang_shuzi.txt",
        "6.",
        "完善工业互联网平台体系。培育",
        "牵头单位：省经信厅配合单位：省通信管理局，各设区市政府",
        ["省经信厅"],
        ["省通信管理局", "各设区市政府"],
        [],
    ),
    # 03 成都: （牵头单位：…；责任单位：…） with a 完成时限 label and one verb form.
    (
        "03_chengdu_xiaofei.txt",
        "1．",
        "支持汽车消费。鼓励各区（市）",
        "牵头单位：市商务局；责任单位：各区（市）县政府",
        ["市商务局"],
        ["各区（市）县政府"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "2．",
        "促进住房消费。支持刚性和改善",
        "牵头单位：市住建局；责任单位：市规划和自然资源局、人行成都分行营管部，各区（市）县政府",
        ["市住建局"],
        ["市规划和自然资源局", "人行成都分行营管部", "各区（市）县政府"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "3．",
        "扩大家电家居消费。开展绿色智",
        "牵头单位：市商务局；配合单位：市经信局、市市场监管局；完成时限：2023年12月底",
        ["市商务局"],
        ["市经信局", "市市场监管局"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "4．",
        "打造夜间经济示范街区。推动春",
        "牵头单位：市商务局、市文广旅局；责任单位：锦江区政府、青羊区政府等相关区（市）县政府",
        ["市商务局", "市文广旅局"],
        ["锦江区政府", "青羊区政府", "相关区（市）县政府"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "5．",
        "发展体育消费。举办成都马拉松",
        "责任单位：市体育局",
        [],
        [],
        ["市体育局"],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "6．",
        "丰富文旅消费供给。实施文旅消",
        "市文广旅局牵头，市商务局、市农业农村局配合",
        ["市文广旅局"],
        ["市商务局", "市农业农村局"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "7．",
        "加大金融支持消费力度。引导金",
        "牵头单位：市地方金融监管局；责任单位：人行成都分行营管部、四川银保监局",
        ["市地方金融监管局"],
        ["人行成都分行营管部", "四川银保监局"],
        [],
    ),
    (
        "03_chengdu_xiaofei.txt",
        "8．",
        "完善消费基础设施。加快建设城",
        "牵头单位：市商务局；责任单位：市住建局、市规划和自然资源局，成都高新区、成都天府新区管委会",
        ["市商务局"],
        ["市住建局", "市规划和自然资源局", "成都高新区", "成都天府新区管委会"],
        [],
    ),
    # 04 北京: 【责任单位】 brackets on the next line or inline, and one running 由…牵头 clause.
    (
        "04_beijing_keji.txt",
        "（一）",
        "加强原创性引领性科技攻关。围",
        "【责任单位】市科委、中关村管委会，市教委，市经济和信息化局",
        [],
        [],
        ["市科委", "中关村管委会", "市教委", "市经济和信息化局"],
    ),
    (
        "04_beijing_keji.txt",
        "（二）",
        "建设未来产业孵化平台。依托高",
        "【牵头单位】市科委、中关村管委会【配合单位】市发展改革委、市财政局，海淀区、朝阳区政府",
        ["市科委", "中关村管委会"],
        ["市发展改革委", "市财政局", "海淀区", "朝阳区政府"],
        [],
    ),
    (
        "04_beijing_keji.txt",
        "（三）",
        "拓展应用场景。每年发布一批未",
        "【责任单位】市经济和信息化局、市政务服务局、市科委、中关村管委会",
        [],
        [],
        ["市经济和信息化局", "市政务服务局", "市科委", "中关村管委会"],
    ),
    (
        "04_beijing_keji.txt",
        "（四）",
        "加大金融支持力度。发挥政府投",
        "【责任单位】市财政局、市地方金融监管局、北京证监局",
        [],
        [],
        ["市财政局", "市地方金融监管局", "北京证监局"],
    ),
    (
        "04_beijing_keji.txt",
        "（五）",
        "集聚高端创新人才。实施未来产",
        "【牵头单位】市人才局；【配合单位】市人力资源社会保障局、市住房城乡建设委、市教委",
        ["市人才局"],
        ["市人力资源社会保障局", "市住房城乡建设委", "市教委"],
        [],
    ),
    (
        "04_beijing_keji.txt",
        "（六）",
        "优化空间布局。以怀柔科学城、",
        "【责任单位】市规划自然资源委、北京经济技术开发区管委会，怀柔区、昌平区政府",
        [],
        [],
        ["市规划自然资源委", "北京经济技术开发区管委会", "怀柔区", "昌平区政府"],
    ),
    (
        "04_beijing_keji.txt",
        "（一）",
        "加强统筹协调。建立市级未来产",
        "由市科委、中关村管委会牵头，市发展改革委、市经济和信息化局等部门配合",
        ["市科委", "中关村管委会"],
        ["市发展改革委", "市经济和信息化局"],
        [],
    ),
    # 05 湖北: running text 由…牵头，…配合 / 由…负责 / 此项工作由…负责 / X负责.
    (
        "05_hubei_wuliu.txt",
        "（一）",
        "推进国家物流枢纽建设。支持武",
        "由省发展改革委牵头，省交通运输厅、省自然资源厅配合，相关市州人民政府负责落实",
        ["省发展改革委"],
        ["省交通运输厅", "省自然资源厅", "相关市州人民政府"],
        [],
    ),
    (
        "05_hubei_wuliu.txt",
        "（二）",
        "加快花湖机场货运功能拓展。完",
        "此项工作由省交通运输厅、鄂州市人民政府负责",
        [],
        [],
        ["省交通运输厅", "鄂州市人民政府"],
    ),
    (
        "05_hubei_wuliu.txt",
        "（三）",
        "完善多式联运体系。推动铁水联",
        "由省交通运输厅牵头，省发展改革委、中国铁路武汉局集团有限公司配合",
        ["省交通运输厅"],
        ["省发展改革委", "中国铁路武汉局集团有限公司"],
        [],
    ),
    ("05_hubei_wuliu.txt", "（四）", "培育龙头物流企业。支持物流企", "由省商务厅负责", [], [], ["省商务厅"]),
    (
        "05_hubei_wuliu.txt",
        "（五）",
        "发展冷链物流。加快建设骨干冷",
        "由省发展改革委、省农业农村厅、省商务厅按职责分工负责",
        [],
        [],
        ["省发展改革委", "省农业农村厅", "省商务厅"],
    ),
    (
        "05_hubei_wuliu.txt",
        "（六）",
        "推动物流数字化转型。支持建设",
        "由省经信厅牵头，省交通运输厅、省商务厅、省邮政管理局配合",
        ["省经信厅"],
        ["省交通运输厅", "省商务厅", "省邮政管理局"],
        [],
    ),
    (
        "05_hubei_wuliu.txt",
        "（七）",
        "加强用地保障。对纳入规划的重",
        "由省自然资源厅负责",
        [],
        [],
        ["省自然资源厅"],
    ),
    (
        "05_hubei_wuliu.txt",
        "（八）",
        "加大资金支持。统筹用好省级相",
        "由省财政厅牵头，省发展改革委、省商务厅配合",
        ["省财政厅"],
        ["省发展改革委", "省商务厅"],
        [],
    ),
    ("05_hubei_wuliu.txt", "（九）", "优化通关服务。深化通关一体化", "武汉海关负责", [], [], ["武汉海关"]),
    # 06 四川: 附件 task table, one row per line, tab- or space-separated, lead and support columns.
    (
        "06_sichuan_table.txt",
        "1",
        "建立专精特新中小企业梯度培育",
        "牵头单位：省经济和信息化厅；配合单位：各市（州）人民政府",
        ["省经济和信息化厅"],
        ["各市（州）人民政府"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "2",
        "开展“专精特新”企业服务月活",
        "牵头单位：省经济和信息化厅；配合单位：省科技厅、省市场监管局",
        ["省经济和信息化厅"],
        ["省科技厅", "省市场监管局"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "3",
        "对新认定的国家级专精特新“小",
        "牵头单位：省财政厅；配合单位：省经济和信息化厅",
        ["省财政厅"],
        ["省经济和信息化厅"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "4",
        "支持专精特新企业建设企业技术",
        "牵头单位：省科技厅、省发展改革委；配合单位：省经济和信息化厅",
        ["省科技厅", "省发展改革委"],
        ["省经济和信息化厅"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "5",
        "推动专精特新企业开展知识产权",
        "牵头单位：省知识产权中心；配合单位：人行成都分行、四川银保监局",
        ["省知识产权中心"],
        ["人行成都分行", "四川银保监局"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "6",
        "实施专精特新企业上市培育行动",
        "牵头单位：省地方金融监管局；配合单位：四川证监局、省经济和信息化厅",
        ["省地方金融监管局"],
        ["四川证监局", "省经济和信息化厅"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "7",
        "加大对专精特新企业的信贷支持",
        "牵头单位：人行成都分行；配合单位：四川银保监局、省地方金融监管局",
        ["人行成都分行"],
        ["四川银保监局", "省地方金融监管局"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "8",
        "落实研发费用加计扣除等税收优",
        "牵头单位：四川省税务局；配合单位：省财政厅",
        ["四川省税务局"],
        ["省财政厅"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "9",
        "开展专精特新企业经营管理人才",
        "牵头单位：省经济和信息化厅；配合单位：省人力资源社会保障厅",
        ["省经济和信息化厅"],
        ["省人力资源社会保障厅"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "10",
        "支持专精特新企业参加国内外展",
        "牵头单位：省商务厅；配合单位：省经济和信息化厅、省贸促会",
        ["省商务厅"],
        ["省经济和信息化厅", "省贸促会"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "11",
        "推动大中小企业融通创新，组织",
        "牵头单位：省经济和信息化厅；配合单位：省国资委，各市（州）人民政府",
        ["省经济和信息化厅"],
        ["省国资委", "各市（州）人民政府"],
        [],
    ),
    (
        "06_sichuan_table.txt",
        "12",
        "优化专精特新企业用地保障，支",
        "牵头单位：省自然资源厅",
        ["省自然资源厅"],
        [],
        [],
    ),
    # 07 国务院办公厅: ministry clauses.
    (
        "07_guobanfa_xiaofei.txt",
        "（一）",
        "围绕保市场主体加大助企纾困力",
        "国家发展改革委、财政部、人民银行、银保监会等国务院相关部门及各地区按职责分工负责",
        [],
        [],
        ["国家发展改革委", "财政部", "人民银行", "银保监会", "国务院相关部门", "各地区"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（二）",
        "做好基本消费品保供稳价。健全",
        "商务部、国家发展改革委、农业农村部、市场监管总局按职责分工负责",
        [],
        [],
        ["商务部", "国家发展改革委", "农业农村部", "市场监管总局"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（三）",
        "创新消费业态和模式。加快线上",
        "商务部、工业和信息化部牵头，国家发展改革委、市场监管总局等按职责分工负责",
        ["商务部", "工业和信息化部"],
        ["国家发展改革委", "市场监管总局"],
        [],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（四）",
        "积极推进实物消费提质升级。促",
        "工业和信息化部、商务部、国家发展改革委等按职责分工负责",
        [],
        [],
        ["工业和信息化部", "商务部", "国家发展改革委"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（五）",
        "加快培育新型消费。深入开展“",
        "国家发展改革委、商务部、工业和信息化部牵头，中央网信办等国务院相关部门按职责分工负责",
        ["国家发展改革委", "商务部", "工业和信息化部"],
        ["中央网信办", "国务院相关部门"],
        [],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（六）",
        "大力发展绿色消费。推广绿色低",
        "国家发展改革委、生态环境部、财政部按职责分工负责",
        [],
        [],
        ["国家发展改革委", "生态环境部", "财政部"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（七）",
        "推进消费平台载体提质升级。培",
        "商务部牵头，国家发展改革委等国务院相关部门及各省级人民政府按职责分工负责",
        ["商务部"],
        ["国家发展改革委", "国务院相关部门", "各省级人民政府"],
        [],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（八）",
        "加强消费物流基础设施建设。完",
        "国家发展改革委、交通运输部、商务部、国家邮政局按职责分工负责",
        [],
        [],
        ["国家发展改革委", "交通运输部", "商务部", "国家邮政局"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（九）",
        "加大金融支持力度。鼓励金融机",
        "人民银行、银保监会负责",
        [],
        [],
        ["人民银行", "银保监会"],
    ),
    (
        "07_guobanfa_xiaofei.txt",
        "（十）",
        "完善消费者权益保护机制。强化",
        "市场监管总局牵头，公安部、商务部等国务院相关部门和单位配合",
        ["市场监管总局"],
        ["公安部", "商务部", "国务院相关部门和单位"],
        [],
    ),
    # 08 广东 (traditional copy): annotated in simplified, written out in traditional.
    (
        "08_guangdong_zhijiao_hant.txt",
        "（一）",
        "推进中职学校办学条件达标。实",
        "省教育厅牵头，省发展改革委、省财政厅、省自然资源厅按职责分工负责",
        ["省教育厅"],
        ["省发展改革委", "省财政厅", "省自然资源厅"],
        [],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（二）",
        "建设高水平高职院校和专业群。",
        "省教育厅、省财政厅负责",
        [],
        [],
        ["省教育厅", "省财政厅"],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（三）",
        "稳步发展职业本科教育。支持符",
        "省教育厅负责",
        [],
        [],
        ["省教育厅"],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（四）",
        "建设市域产教联合体。依托产业",
        "责任单位：省教育厅、省发展改革委、省工业和信息化厅，各地级以上市人民政府",
        [],
        [],
        ["省教育厅", "省发展改革委", "省工业和信息化厅", "各地级以上市人民政府"],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（五）",
        "推动企业深度参与职业教育。对",
        "牵头单位：省发展改革委；配合单位：省教育厅、省财政厅、省税务局",
        ["省发展改革委"],
        ["省教育厅", "省财政厅", "省税务局"],
        [],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（六）",
        "推行现代学徒制。支持职业院校",
        "省人力资源社会保障厅、省教育厅按职责分工负责",
        [],
        [],
        ["省人力资源社会保障厅", "省教育厅"],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（七）",
        "畅通职业发展通道。落实职业院",
        "省人力资源社会保障厅牵头，省公安厅、省教育厅配合",
        ["省人力资源社会保障厅"],
        ["省公安厅", "省教育厅"],
        [],
    ),
    (
        "08_guangdong_zhijiao_hant.txt",
        "（八）",
        "加强经费保障。各地要按规定落",
        "省财政厅、省教育厅，各地级以上市人民政府负责",
        [],
        [],
        ["省财政厅", "省教育厅", "各地级以上市人民政府"],
    ),
    # 09 深圳 (half-width web copy): annotated full-width, written out half-width.
    (
        "09_shenzhen_halfwidth.txt",
        "（一）",
        "加快超充站建设。在加油站、停",
        "市发展改革委牵头，市交通运输局、市规划和自然资源局、各区政府配合；2025年底前完成",
        ["市发展改革委"],
        ["市交通运输局", "市规划和自然资源局", "各区政府"],
        [],
    ),
    (
        "09_shenzhen_halfwidth.txt",
        "（二）",
        "推进居住区充电设施建设。新建",
        "市住房建设局牵头，市发展改革委、深圳供电局配合，各区政府负责落实",
        ["市住房建设局"],
        ["市发展改革委", "深圳供电局", "各区政府"],
        [],
    ),
    (
        "09_shenzhen_halfwidth.txt",
        "（三）",
        "完善电网配套。加快配电网升级",
        "深圳供电局负责；持续推进",
        [],
        [],
        ["深圳供电局"],
    ),
    (
        "09_shenzhen_halfwidth.txt",
        "（四）",
        "优化审批流程。简化充电设施项",
        "市发展改革委、市规划和自然资源局、市住房建设局、市市场监管局按职责分工负责",
        [],
        [],
        ["市发展改革委", "市规划和自然资源局", "市住房建设局", "市市场监管局"],
    ),
    (
        "09_shenzhen_halfwidth.txt",
        "（五）",
        "加大资金支持。对符合条件的超",
        "责任单位：市发展改革委、市财政局",
        [],
        [],
        ["市发展改革委", "市财政局"],
    ),
    (
        "09_shenzhen_halfwidth.txt",
        "（六）",
        "强化安全监管。建立充电设施安",
        "市应急管理局、市消防救援支队、市市场监管局按职责分工负责，各区政府落实属地责任",
        [],
        [],
        ["市应急管理局", "市消防救援支队", "市市场监管局", "各区政府"],
    ),
    # 10 广东条例: standing duties only, no tasks.
    # 11 武汉: unbracketed labels after the measure's last full stop.
    (
        "11_wuhan_kechuang.txt",
        "1.",
        "支持重大科技基础设施建设。积",
        "责任单位：市科技局、市发改委、市财政局",
        [],
        [],
        ["市科技局", "市发改委", "市财政局"],
    ),
    (
        "11_wuhan_kechuang.txt",
        "2.",
        "培育新型研发机构。对新认定的",
        "责任单位：市科技局",
        [],
        [],
        ["市科技局"],
    ),
    (
        "11_wuhan_kechuang.txt",
        "3.",
        "支持企业加大研发投入。对规模",
        "牵头单位：市科技局；配合单位：市财政局、市统计局、市税务局",
        ["市科技局"],
        ["市财政局", "市统计局", "市税务局"],
        [],
    ),
    (
        "11_wuhan_kechuang.txt",
        "4.",
        "推进科技成果转化。支持高校院",
        "牵头单位：市科技局，配合单位：市教育局、东湖高新区管委会",
        ["市科技局"],
        ["市教育局", "东湖高新区管委会"],
        [],
    ),
    (
        "11_wuhan_kechuang.txt",
        "5.",
        "加强知识产权保护。建设中国（",
        "责任单位：市市场监管局（市知识产权局）、市中级人民法院、市公安局",
        [],
        [],
        ["市市场监管局（市知识产权局）", "市中级人民法院", "市公安局"],
    ),
    (
        "11_wuhan_kechuang.txt",
        "6.",
        "引进培育高层次人才。实施“武",
        "责任单位：市委组织部（市委人才办）、市人社局、市科技局",
        [],
        [],
        ["市委组织部（市委人才办）", "市人社局", "市科技局"],
    ),
    (
        "11_wuhan_kechuang.txt",
        "7.",
        "完善科技金融服务。设立科技创",
        "责任单位：市地方金融工作局、市财政局、市科技局，各区人民政府",
        [],
        [],
        ["市地方金融工作局", "市财政局", "市科技局", "各区人民政府"],
    ),
    (
        "11_wuhan_kechuang.txt",
        "8.",
        "优化科技创新生态。开展“科技",
        "责任单位：市科技局、市科协",
        [],
        [],
        ["市科技局", "市科协"],
    ),
    # 12 江苏 (held out): measures numbered 第X条, one 会同 clause, a 负责解释 closing article.
    (
        "12_jiangsu_cuoshi.txt",
        "第一条",
        "加大财政资金支持力度。2023",
        "省财政厅会同省发展改革委负责",
        ["省财政厅"],
        ["省发展改革委"],
        [],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第二条",
        "加快重大项目建设。滚动实施省",
        "省发展改革委牵头，省各有关部门按职责分工负责",
        ["省发展改革委"],
        ["省各有关部门"],
        [],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第三条",
        "支持制造业稳定增长。对当年工",
        "省工业和信息化厅负责",
        [],
        [],
        ["省工业和信息化厅"],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第四条",
        "扩大有效投资。鼓励民间资本参",
        "责任单位：省发展改革委、省住房城乡建设厅、省交通运输厅",
        [],
        [],
        ["省发展改革委", "省住房城乡建设厅", "省交通运输厅"],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第五条",
        "促进消费加快恢复。支持各地发",
        "省商务厅牵头，省财政厅、省文化和旅游厅，各设区市人民政府按职责分工负责",
        ["省商务厅"],
        ["省财政厅", "省文化和旅游厅", "各设区市人民政府"],
        [],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第六条",
        "稳定外贸外资。支持企业参加境",
        "省商务厅、南京海关按职责分工负责",
        [],
        [],
        ["省商务厅", "南京海关"],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第七条",
        "强化金融支持。引导金融机构增",
        "人民银行南京分行、江苏银保监局、省地方金融监管局按职责分工负责",
        [],
        [],
        ["人民银行南京分行", "江苏银保监局", "省地方金融监管局"],
    ),
    (
        "12_jiangsu_cuoshi.txt",
        "第八条",
        "稳定就业岗位。延续实施阶段性",
        "省人力资源社会保障厅、省财政厅、省税务局按职责分工负责",
        [],
        [],
        ["省人力资源社会保障厅", "省财政厅", "省税务局"],
    ),
    # 13 国家发展改革委等 (held out): 附件 table, cells separated by ideographic spaces.
    (
        "13_fagaiwei_table.txt",
        "1",
        "延续实施小规模纳税人增值税减",
        "财政部、税务总局按职责分工负责",
        [],
        [],
        ["财政部", "税务总局"],
    ),
    (
        "13_fagaiwei_table.txt",
        "2",
        "延续实施阶段性降低失业保险、",
        "人力资源社会保障部、财政部、税务总局按职责分工负责",
        [],
        [],
        ["人力资源社会保障部", "财政部", "税务总局"],
    ),
    (
        "13_fagaiwei_table.txt",
        "3",
        "推动金融机构持续降低实际贷款",
        "人民银行牵头，银保监会、国家发展改革委参与",
        ["人民银行"],
        ["银保监会", "国家发展改革委"],
        [],
    ),
    (
        "13_fagaiwei_table.txt",
        "4",
        "规范涉企收费行为，开展涉企违",
        "市场监管总局、国家发展改革委、工业和信息化部、财政部按职责分工负责",
        [],
        [],
        ["市场监管总局", "国家发展改革委", "工业和信息化部", "财政部"],
    ),
    (
        "13_fagaiwei_table.txt",
        "5",
        "深化电力市场化改革，降低企业",
        "国家发展改革委、国家能源局负责",
        [],
        [],
        ["国家发展改革委", "国家能源局"],
    ),
    (
        "13_fagaiwei_table.txt",
        "6",
        "推进物流降本增效，降低企业物",
        "国家发展改革委、交通运输部、商务部、国家铁路局、中国国家铁路集团有限公司按职责分工负责",
        [],
        [],
        ["国家发展改革委", "交通运输部", "商务部", "国家铁路局", "中国国家铁路集团有限公司"],
    ),
    (
        "13_fagaiwei_table.txt",
        "7",
        "加强制度性交易成本降低工作，",
        "国务院办公厅、国家发展改革委、市场监管总局等国务院相关部门及各地区按职责分工负责",
        [],
        [],
        ["国务院办公厅", "国家发展改革委", "市场监管总局", "国务院相关部门", "各地区"],
    ),
    (
        "13_fagaiwei_table.txt",
        "8",
        "加快推进企业数字化转型，降低",
        "工业和信息化部牵头，科技部、国家发展改革委等按职责分工负责",
        ["工业和信息化部"],
        ["科技部", "国家发展改革委"],
        [],
    ),
    # 14 湖南 (held out): ① items, two labels on one line split by a space, 1、 items.
    (
        "14_hunan_fangan.txt",
        "①",
        "做强工程机械产业集群。支持龙",
        "牵头单位：省工业和信息化厅配合单位：省发展改革委、省科技厅",
        ["省工业和信息化厅"],
        ["省发展改革委", "省科技厅"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "②",
        "壮大轨道交通装备产业。推动轨",
        "牵头单位：省工业和信息化厅配合单位：省交通运输厅、株洲市人民政府",
        ["省工业和信息化厅"],
        ["省交通运输厅", "株洲市人民政府"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "③",
        "发展先进计算产业。建设长沙先",
        "牵头单位：省工业和信息化厅、省发展改革委配合单位：长沙市人民政府",
        ["省工业和信息化厅", "省发展改革委"],
        ["长沙市人民政府"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "①",
        "发展现代物流。建设一批国家物",
        "牵头单位：省发展改革委；配合单位：省交通运输厅、省商务厅；完成时限：2025年",
        ["省发展改革委"],
        ["省交通运输厅", "省商务厅"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "②",
        "发展现代金融。推动金融机构总",
        "牵头单位：省地方金融监管局；配合单位：人民银行长沙中心支行、湖南银保监局、湖南证监局",
        ["省地方金融监管局"],
        ["人民银行长沙中心支行", "湖南银保监局", "湖南证监局"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "1、",
        "打造农业优势特色千亿产业。实",
        "省农业农村厅牵头，省发展改革委、省财政厅配合",
        ["省农业农村厅"],
        ["省发展改革委", "省财政厅"],
        [],
    ),
    (
        "14_hunan_fangan.txt",
        "2、",
        "加强高标准农田建设。每年新建",
        "省农业农村厅负责，各市州人民政府落实",
        [],
        [],
        ["省农业农村厅", "各市州人民政府"],
    ),
]

# surface → (canonical, jurisdiction, level, kind) per jurisdiction context of the files that print it.
_JUR = {
    "01": "广东省",
    "02": "浙江省",
    "03": "成都市",
    "04": "北京市",
    "05": "湖北省",
    "06": "四川省",
    "07": "国家",
    "08": "广东省",
    "09": "深圳市",
    "11": "武汉市",
    "12": "江苏省",
    "13": "国家",
    "14": "湖南省",
}
_SPECIAL = {
    "广东银保监局": ("中国银行保险监督管理委员会广东监管局", "central-vertical"),
    "浙江银保监局": ("中国银行保险监督管理委员会浙江监管局", "central-vertical"),
    "四川银保监局": ("中国银行保险监督管理委员会四川监管局", "central-vertical"),
    "四川证监局": ("中国证券监督管理委员会四川监管局", "central-vertical"),
    "北京证监局": ("中国证券监督管理委员会北京监管局", "central-vertical"),
    "人民银行广州分行": ("中国人民银行广州分行", "central-vertical"),
    "人行成都分行": ("中国人民银行成都分行", "central-vertical"),
    "人行成都分行营管部": ("中国人民银行成都分行营业管理部", "central-vertical"),
    "人行杭州中心支行": ("中国人民银行杭州中心支行", "central-vertical"),
    "海关总署广东分署": ("海关总署广东分署", "central-vertical"),
    "武汉海关": ("中华人民共和国武汉海关", "central-vertical"),
    "四川省税务局": ("国家税务总局四川省税务局", "central-vertical"),
    "省税务局": ("国家税务总局{省}税务局", "central-vertical"),
    "深圳供电局": ("深圳供电局有限公司", "other"),
    "南京海关": ("中华人民共和国南京海关", "central-vertical"),
    "人民银行南京分行": ("中国人民银行南京分行", "central-vertical"),
    "人民银行长沙中心支行": ("中国人民银行长沙中心支行", "central-vertical"),
    "江苏银保监局": ("中国银行保险监督管理委员会江苏监管局", "central-vertical"),
    "湖南银保监局": ("中国银行保险监督管理委员会湖南监管局", "central-vertical"),
    "湖南证监局": ("中国证券监督管理委员会湖南监管局", "central-vertical"),
    "株洲市人民政府": ("株洲市人民政府", "government"),
    "长沙市人民政府": ("长沙市人民政府", "government"),
    "税务总局": ("国家税务总局", "department"),
    "人力资源社会保障部": ("中华人民共和国人力资源和社会保障部", "department"),
    "国家能源局": ("国家能源局", "department"),
    "国家铁路局": ("国家铁路局", "department"),
    "中国国家铁路集团有限公司": ("中国国家铁路集团有限公司", "other"),
    "国务院办公厅": ("国务院办公厅", "department"),
    "科技部": ("中华人民共和国科学技术部", "department"),
    "省贸促会": ("中国国际贸易促进委员会{省}委员会", "other"),
    "中国铁路武汉局集团有限公司": ("中国铁路武汉局集团有限公司", "other"),
    "国家发展改革委": ("国家发展和改革委员会", "department"),
    "财政部": ("中华人民共和国财政部", "department"),
    "人民银行": ("中国人民银行", "department"),
    "银保监会": ("中国银行保险监督管理委员会", "department"),
    "商务部": ("中华人民共和国商务部", "department"),
    "农业农村部": ("中华人民共和国农业农村部", "department"),
    "市场监管总局": ("国家市场监督管理总局", "department"),
    "工业和信息化部": ("中华人民共和国工业和信息化部", "department"),
    "中央网信办": ("中央网络安全和信息化委员会办公室", "party"),
    "生态环境部": ("中华人民共和国生态环境部", "department"),
    "交通运输部": ("中华人民共和国交通运输部", "department"),
    "国家邮政局": ("国家邮政局", "department"),
    "公安部": ("中华人民共和国公安部", "department"),
    "鄂州市人民政府": ("鄂州市人民政府", "government"),
    "锦江区政府": ("成都市锦江区人民政府", "government"),
    "青羊区政府": ("成都市青羊区人民政府", "government"),
    "成都高新区": ("成都高新技术产业开发区管理委员会", "government"),
    "成都天府新区管委会": ("四川天府新区成都管理委员会", "government"),
    "海淀区": ("北京市海淀区人民政府", "government"),
    "朝阳区政府": ("北京市朝阳区人民政府", "government"),
    "怀柔区": ("北京市怀柔区人民政府", "government"),
    "昌平区政府": ("北京市昌平区人民政府", "government"),
    "东湖高新区管委会": ("武汉东湖新技术开发区管理委员会", "government"),
    "北京经济技术开发区管委会": ("北京经济技术开发区管理委员会", "government"),
    "中关村管委会": ("中关村科技园区管理委员会", "department"),
    "市科委": ("北京市科学技术委员会", "department"),
    "市委组织部（市委人才办）": ("中共武汉市委组织部", "party"),
    "市人才局": ("北京市人才工作局", "department"),
    "市市场监管局（市知识产权局）": ("武汉市市场监督管理局", "department"),
    "市中级人民法院": ("武汉市中级人民法院", "court"),
    "市税务局": ("国家税务总局武汉市税务局", "central-vertical"),
    "市消防救援支队": ("深圳市消防救援支队", "central-vertical"),
    "省通信管理局": ("浙江省通信管理局", "central-vertical"),
    "省邮政管理局": ("湖北省邮政管理局", "central-vertical"),
}
# Full names of the short forms read in a provincial or municipal context.
_EXPAND = [
    ("省发展改革委", "发展和改革委员会"),
    ("市发展改革委", "发展和改革委员会"),
    ("市发改委", "发展和改革委员会"),
    ("省经信厅", "经济和信息化厅"),
    ("市经信局", "经济和信息化局"),
    ("省人力社保厅", "人力资源和社会保障厅"),
    ("省人力资源社会保障厅", "人力资源和社会保障厅"),
    ("市人力资源社会保障局", "人力资源和社会保障局"),
    ("市人社局", "人力资源和社会保障局"),
    ("省市场监管局", "市场监督管理局"),
    ("市市场监管局", "市场监督管理局"),
    ("省地方金融监管局", "地方金融监督管理局"),
    ("市地方金融监管局", "地方金融监督管理局"),
    ("省工业和信息化厅", "工业和信息化厅"),
    ("省国资委", "政府国有资产监督管理委员会"),
    ("市住建局", "住房和城乡建设局"),
    ("市住房城乡建设委", "住房和城乡建设委员会"),
    ("市住房建设局", "住房和建设局"),
    ("市文广旅局", "文化广电旅游局"),
    ("市规划自然资源委", "规划和自然资源委员会"),
    ("省政务服务数据管理局", "政务服务数据管理局"),
    ("市应急管理局", "应急管理局"),
    ("省知识产权中心", "知识产权服务促进中心"),
    ("市地方金融工作局", "地方金融工作局"),
    ("市科协", "科学技术协会"),
    ("市教委", "教育委员会"),
    ("省科技厅", "科学技术厅"),
    ("市科技局", "科学技术局"),
    ("市政务服务局", "政务服务管理局"),
    ("省住房城乡建设厅", "住房和城乡建设厅"),
    ("省文化和旅游厅", "文化和旅游厅"),
]


def _canonical(surface: str, code: str) -> tuple[str, str, str, str]:
    jur = _JUR[code]
    if surface in _SPECIAL:
        canonical, kind = _SPECIAL[surface]
        canonical = canonical.replace("{省}", jur)
        level = (
            "national"
            if jur == "国家" and kind != "government"
            else "provincial"
            if jur.endswith("省")
            else "municipal"
        )
        return canonical, jur, level, kind
    rest = surface[1:]
    for short, full in _EXPAND:
        if surface == short:
            rest = full
    if jur.endswith("省"):
        return jur + rest, jur, "provincial", "department"
    return jur + rest, jur, "municipal", "department"


def _is_collective(name: str) -> bool:
    return bool(re.match(r"^[省市县区]?(?:各|有关|相关)", name)) or "相关部门" in name


def _printed(file: str, s: str) -> str:
    if file in HANT:
        import zhconv

        return zhconv.convert(s, "zh-hant")
    if file in HALF:
        return s.translate(_HALF_TABLE)
    return s


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _line_of(file: str, marker: str, prefix: str) -> int:
    lines = (TEXTS / file).read_text(encoding="utf-8").splitlines()
    needle = _nows(_printed(file, marker + prefix))
    hits = [k for k, ln in enumerate(lines, start=1) if needle in _nows(ln)]
    if file in TABLES:
        hits = [k for k in hits if _nows(lines[k - 1]).startswith(needle)]
    if len(hits) != 1:
        raise SystemExit(f"{file}: {needle!r} found on lines {hits}")
    return hits[0]


def _label(marker: str) -> str:
    return marker.strip("（）()．.、")


def main() -> None:
    GOLD.mkdir(exist_ok=True)
    docs = []
    for file, (title, number, issuers, date, dtype, attachment, start) in sorted(DOCUMENTS.items()):
        # As in the seed gold, a title printed after its issuer (X关于…) drops the issuer.
        for x in [*issuers, "".join(issuers)]:
            if title.startswith(x + "关于"):
                title = title[len(x) :]
        docs.append(
            {
                "file": file,
                "start_line": start,
                "title": _printed(file, title),
                "doc_number": _printed(file, number) if number else None,
                "issuers": [_printed(file, x) for x in issuers],
                "date": date,
                "doc_type": _printed(file, dtype),
                "attachment_title": _printed(file, attachment) if attachment else None,
                "part_of": None,
                "notes": "",
            }
        )
    resp = []
    agencies: dict[tuple[str, str], dict] = {}
    for file, marker, prefix, clause, lead, support, responsible in TASKS:
        title, number = DOCUMENTS[file][0], DOCUMENTS[file][1]
        names = lead + support + responsible
        resp.append(
            {
                "file": file,
                "doc_number": _printed(file, number) if number else None,
                "doc_title": _printed(file, title),
                "line": _line_of(file, marker, prefix),
                "task_label": _label(marker),
                "task_text_prefix": _printed(file, prefix),
                "clause": _printed(file, clause),
                "lead": [_printed(file, x) for x in lead],
                "support": [_printed(file, x) for x in support],
                "responsible": [_printed(file, x) for x in responsible],
                "jurisdiction_split": None,
                "collective": [_printed(file, x) for x in names if _is_collective(x)],
                "notes": "",
            }
        )
        for name in names:
            surface = _printed(file, name)
            if _is_collective(name):
                row = {
                    "surface": surface,
                    "canonical": None,
                    "jurisdiction": _JUR[file[:2]],
                    "level": "collective",
                    "kind": "other",
                    "confidence": "certain",
                    "notes": "",
                }
            else:
                canonical, jur, level, kind = _canonical(name, file[:2])
                row = {
                    "surface": surface,
                    "canonical": canonical,
                    "jurisdiction": jur,
                    "level": level,
                    "kind": kind,
                    "confidence": "likely",
                    "notes": "",
                }
            agencies.setdefault((surface, row["jurisdiction"]), row)
    resp.sort(key=lambda r: (r["file"], r["line"]))

    def dump(name: str, rows: list[dict]) -> None:
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (GOLD / name).write_text(text, encoding="utf-8")

    dump("documents.jsonl", docs)
    dump("responsibilities.jsonl", resp)
    dump("agencies.jsonl", [agencies[k] for k in sorted(agencies)])
    print(f"{len(docs)} documents, {len(resp)} tasks, {len(agencies)} agency surfaces")


if __name__ == "__main__":
    main()
