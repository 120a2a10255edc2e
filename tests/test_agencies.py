"""The agency register and the resolver that reads printed agency names in context."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.agencies import Register
from kg.agencies.collective import is_collective
from kg.agencies.normalize import normalise_surface, simplify_chars, to_simplified
from kg.agencies.rdf import agency_ref_to_rdf, register_to_rdf
from kg.rdf.emit import TripleSink
from kg.rdf.iris import unknown_agency_id

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "seeds" / "agencies.jsonl"
if not GOLD.exists():
    GOLD = Path("/work/shared/gold/seeds/agencies.jsonl")


@pytest.fixture(scope="module")
def register() -> Register:
    return Register.load()


def gold_rows() -> list[dict]:
    if not GOLD.exists():
        pytest.skip("gold annotations not available")
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]


def gold_context(row: dict) -> str | None:
    return None if row["jurisdiction"] == "全国" else row["jurisdiction"]


# ---------------------------------------------------------------- gold bar


def test_gold_canonical_accuracy(register: Register) -> None:
    """Issue bar: ≥ 0.95 of the gold surfaces resolve to the gold canonical name."""
    rows = [r for r in gold_rows() if r["level"] != "collective"]
    hits = [r for r in rows if register.resolve(r["surface"], gold_context(r)).canonical == r["canonical"]]
    accuracy = len(hits) / len(rows)
    print(
        f"agency canonical accuracy {accuracy:.4f} ({len(hits)}/{len(rows)}), register size {len(register)}"
    )
    assert accuracy >= 0.95


def test_gold_collectives_come_back_collective(register: Register) -> None:
    rows = [r for r in gold_rows() if r["level"] == "collective"]
    assert rows
    missed = [r["surface"] for r in rows if not register.resolve(r["surface"], gold_context(r)).collective]
    assert missed == []


def test_gold_misses_are_unknown_not_wrong(register: Register) -> None:
    """Where the resolver fails on gold, it says unknown: it never picks a wrong register entry."""
    wrong = []
    for r in gold_rows():
        if r["level"] == "collective":
            continue
        ref = register.resolve(r["surface"], gold_context(r))
        if ref.canonical is not None and ref.canonical != r["canonical"]:
            wrong.append((r["surface"], ref.canonical))
    assert wrong == []


# ---------------------------------------------------------------- context rules


@pytest.mark.parametrize(
    ("surface", "context", "canonical"),
    [
        # explicit prefixes win over the context
        ("重庆市财政局", "四川省", "重庆市财政局"),
        ("四川省财政厅", "重庆市", "四川省财政厅"),
        ("成都市政府", "四川省", "成都市人民政府"),
        ("重庆市人民政府办公厅", None, "重庆市人民政府办公厅"),
        # 市X / 省X short names take the context jurisdiction
        ("市财政局", "重庆市", "重庆市财政局"),
        ("省财政厅", "四川省", "四川省财政厅"),
        ("市教委", "重庆市", "重庆市教育委员会"),
        ("市财政局", "成都市", "成都市财政局"),
        ("省财政厅", "成都市", "四川省财政厅"),  # enclosing jurisdiction
        ("区政府", "重庆市南川区", "重庆市南川区人民政府"),
        ("自治区财政厅", "广西壮族自治区", "广西壮族自治区财政厅"),
        ("市委组织部", "重庆市", "中共重庆市委组织部"),
        ("团市委", "重庆市", "共青团重庆市委员会"),
        # national names
        ("发展改革委", None, "国家发展和改革委员会"),
        ("国家发展改革委", "重庆市", "国家发展和改革委员会"),
        ("工信部", None, "中华人民共和国工业和信息化部"),
        ("人社部", None, "中华人民共和国人力资源和社会保障部"),
        ("国务院国资委", None, "国务院国有资产监督管理委员会"),
        ("中央宣传部", None, "中共中央宣传部"),
        ("财政部", "重庆市", "中华人民共和国财政部"),
        # province-level bodies of other provinces from the template
        ("贵州省发展改革委", None, "贵州省发展和改革委员会"),
        ("浙江省经信厅", None, "浙江省经济和信息化厅"),
        ("广东省工业和信息化厅", None, "广东省工业和信息化厅"),
        ("北京市科委", None, "北京市科学技术委员会"),
        ("上海市规划资源局", None, "上海市规划和自然资源局"),
        ("河南省人社厅", None, "河南省人力资源和社会保障厅"),
        ("湖南省住房城乡建设厅", None, "湖南省住房和城乡建设厅"),
        ("广西壮族自治区党委宣传部", None, "中共广西壮族自治区委员会宣传部"),
        # central vertical branches
        ("重庆银保监局", "重庆市", "中国银行保险监督管理委员会重庆监管局"),
        ("江苏证监局", None, "中国证券监督管理委员会江苏监管局"),
        ("陕西省税务局", None, "国家税务总局陕西省税务局"),
        ("省税务局", "四川省", "国家税务总局四川省税务局"),
        ("外汇局四川省分局", "四川省", "国家外汇管理局四川省分局"),
        ("国家统计局湖北调查总队", None, "国家统计局湖北调查总队"),
        ("青岛海关", None, "中华人民共和国青岛海关"),
        ("人行重庆营管部", "重庆市", "中国人民银行重庆营业管理部"),
        # loose spelling and printed variants
        ("重庆市发展改革委员会", None, "重庆市发展和改革委员会"),
        ("市发展改革委（牵头）", "重庆市", "重庆市发展和改革委员会"),
    ],
)
def test_context_rules(register: Register, surface: str, context: str | None, canonical: str) -> None:
    assert register.resolve(surface, context).canonical == canonical


def test_resolved_reference_carries_entry_id_and_jurisdiction(register: Register) -> None:
    ref = register.resolve("市教委", "重庆市")
    assert (ref.agency_id, ref.jurisdiction, ref.collective, ref.surface) == (
        "cn-50-jw",
        "重庆市",
        False,
        "市教委",
    )
    assert register.resolve("国家发展改革委").agency_id == "cn-ndrc"
    assert register.resolve("国家发展改革委").jurisdiction is None


# ---------------------------------------------------------------- unknowns stay unknown


@pytest.mark.parametrize(
    ("surface", "context"),
    [
        ("某某市未知管理局", "重庆市"),
        ("某某市未知管理局", None),
        ("市财政局", "四川省"),  # 四川 has no 市-level body called that: which city is meant?
        ("省科技厅", "重庆市"),  # 重庆 is not a province
        ("科技处", "重庆市"),  # an internal division of some unnamed body
        ("医保局", "重庆市"),  # a short name a local body could bear: no guess at the national one
        ("发展改革委", "四川省"),
        ("火星市发展改革委", None),
    ],
)
def test_unknowns_stay_unknown(register: Register, surface: str, context: str | None) -> None:
    ref = register.resolve(surface, context)
    assert ref.canonical is None
    assert not ref.collective
    assert ref.agency_id.startswith("u-")


def test_unknown_id_is_minted_from_surface_and_jurisdiction(register: Register) -> None:
    ref = register.resolve("某某市未知管理局", "重庆市")
    assert ref.agency_id == unknown_agency_id("某某市未知管理局", "重庆市")
    assert ref.jurisdiction == "重庆市"
    assert register.resolve("某某市未知管理局", "四川省").agency_id != ref.agency_id


def test_unknown_with_known_place_takes_that_place(register: Register) -> None:
    ref = register.resolve("成都市未来产业局", "重庆市")
    assert ref.canonical is None
    assert ref.jurisdiction == "成都市"


def test_internal_unit_of_a_known_body(register: Register) -> None:
    ref = register.resolve("市经济信息委经济运行局", "重庆市")
    assert ref.canonical == "重庆市经济和信息化委员会经济运行局"
    assert ref.agency_id.startswith("cn-50-gx-unit-")
    assert register.resolve("市经济信息委科技处", "重庆市").agency_id.startswith("cn-50-gx-unit-")


# ---------------------------------------------------------------- collectives


@pytest.mark.parametrize(
    ("surface", "context"),
    [
        ("各区县政府", "重庆市"),
        ("各区县（自治县）政府", "重庆市"),
        ("有关区县政府", "重庆市"),
        ("有关市州政府", "四川省"),
        ("市级有关部门", "重庆市"),
        ("国务院相关部门", None),
        ("各地区", None),
        ("各有关部门", None),
        ("有关商业银行", "重庆市"),
        ("单位主管部门", "重庆市"),
        ("项目承担单位", "重庆市"),
        ("市属科研院所", "重庆市"),
        ("中心城区各区政府", "重庆市"),
        ("市制造强市建设领导小组成员单位", "重庆市"),
        ("省直有关部门", "湖南省"),
        ("各设区市人民政府", "江苏省"),
        ("其他有关单位", None),
        ("市发展改革委等部门", "重庆市"),
    ],
)
def test_collectives(register: Register, surface: str, context: str | None) -> None:
    ref = register.resolve(surface, context)
    assert ref.collective
    assert ref.canonical is None
    assert ref.agency_id.startswith("c-")


def test_collective_ids_are_stable_per_jurisdiction(register: Register) -> None:
    a = register.resolve("各区县（自治县）政府", "重庆市")
    b = register.resolve("各区县(自治县，以下简称区县)政府", "重庆市")
    c = register.resolve("各区县政府", "重庆市")
    assert a.agency_id == b.agency_id == c.agency_id
    assert register.resolve("各区县政府", "四川省").agency_id != a.agency_id
    assert a.jurisdiction == "重庆市"


@pytest.mark.parametrize(
    "name", ["重庆市财政局", "国家发展和改革委员会", "南川区政府", "成都海关", "重庆两江新区管理委员会"]
)
def test_single_bodies_are_not_collective(name: str) -> None:
    assert not is_collective(name)


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("surface", "context", "canonical"),
    [
        ("重慶市教育委員會", None, "重庆市教育委员会"),
        ("市發展改革委", "重庆市", "重庆市发展和改革委员会"),
        ("國家發展改革委", None, "国家发展和改革委员会"),
        ("四川省財政廳", None, "四川省财政厅"),
        ("中新(重庆)战略性互联互通示范项目管理局", None, "中新（重庆）战略性互联互通示范项目管理局"),
        ("市 发 展 改 革 委", "重庆市", "重庆市发展和改革委员会"),
        ("市发展\n12\n改革委", "重庆市", "重庆市发展和改革委员会"),
        ("重庆市人民政府\u3000办公厅", None, "重庆市人民政府办公厅"),
        ("⼈⾏重庆营管部", "重庆市", "中国人民银行重庆营业管理部"),
        ("、市财政局。", "重庆市", "重庆市财政局"),
    ],
)
def test_traditional_half_width_and_debris(
    register: Register, surface: str, context: str | None, canonical: str
) -> None:
    assert register.resolve(surface, context).canonical == canonical


def test_half_width_collective(register: Register) -> None:
    assert register.resolve("各区县(自治县)政府", "重庆市").collective


def test_simplify_chars_keeps_offsets() -> None:
    text = "重慶市教育委員會與四川省教育廳"
    out = simplify_chars(text)
    assert len(out) == len(text)
    assert out == "重庆市教育委员会与四川省教育厅"


def test_surface_keeps_printed_form(register: Register) -> None:
    assert register.resolve(" 重慶市教育委員會\n").surface == "重慶市教育委員會"


# ---------------------------------------------------------------- register content


def test_register_labels_are_in_normal_form(register: Register) -> None:
    """The resolver keys labels as written, so every label must already be in matching form."""
    bad = [s for s in register.all_surfaces() if normalise_surface(s) != s or to_simplified(s) != s]
    assert bad == []


def test_register_ids_are_short_ascii_and_unique(register: Register) -> None:
    ids = [e.id for e in register.entries()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]{2,40}", i) for i in ids)


def test_every_parent_exists_and_has_no_cycle(register: Register) -> None:
    for e in register.entries():
        seen = {e.id}
        cur = e.parent_id
        while cur:
            assert cur not in seen
            seen.add(cur)
            parent = register.entry(cur)
            assert parent is not None
            cur = parent.parent_id


def test_no_label_reads_two_ways(register: Register) -> None:
    """A label names one body in each context: no ambiguous entries in the indexes."""
    for idx in (register._exact, register._loose):
        assert [k for k, v in idx.anchored.items() if len(v) > 1] == []
        assert [k for k, v in idx.national.items() if len(v) > 1] == []
        assert [k for k, v in idx.contextual.items() if len(v) > 1] == []


PROVINCES = [
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省", "上海市", "江苏省",
    "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
    "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区",
    "新疆维吾尔自治区",
]  # fmt: skip


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_has_the_usual_departments(register: Register, province: str) -> None:
    rel = "市" if province.endswith("市") else ("自治区" if province.endswith("自治区") else "省")
    for short in [
        "发展改革委",
        "财政" + ("局" if rel == "市" else "厅"),
        "人民政府",
        "人民政府办公厅",
        "市场监管局",
        "统计局",
        "税务局",
    ]:
        ref = register.resolve(province + short)
        assert ref.canonical is not None, province + short
        assert ref.jurisdiction == province
        assert register.resolve(rel + short, province).agency_id == ref.agency_id


def test_entries_expose_what_the_graph_needs(register: Register) -> None:
    e = register.entry("cn-50-jw")
    assert e is not None
    assert (e.pref_label, e.jurisdiction_code, e.jurisdiction_label, e.parent_id, e.kind, e.level) == (
        "重庆市教育委员会",
        "cn-50",
        "重庆市",
        "cn-50-gov",
        "department",
        "municipal",
    )
    assert "市教委" in e.alt_labels
    assert register.entry("cn-50-gov").parent_id == "cn-gov"
    assert register.entry("cn-51-csrc").kind == "central-vertical"
    assert register.entry("cn-51-csrc").parent_id == "cn-csrc"
    assert len(register) > 5000


@pytest.mark.parametrize(
    ("name", "jurisdiction"),
    [
        ("重庆市人民政府办公厅", "重庆市"),
        ("四川省人民政府办公厅", "四川省"),
        ("国务院办公厅", None),
        ("中共中央办公厅", None),
        ("成都市人民政府", "成都市"),
        ("成都市某某局", "成都市"),
        ("某某局", None),
    ],
)
def test_jurisdiction_of(register: Register, name: str, jurisdiction: str | None) -> None:
    assert register.jurisdiction_of(name) == jurisdiction


def test_all_surfaces_sorted_and_complete(register: Register) -> None:
    surfaces = register.all_surfaces()
    assert surfaces == sorted(set(surfaces))
    assert {"市教委", "重庆市教育委员会", "省财政厅", "国家发展改革委", "人行重庆营管部"} <= set(surfaces)


def test_generated_register_is_up_to_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """agencies.ttl is what the generator writes from the committed tables (and is deterministic)."""
    spec = importlib.util.spec_from_file_location(
        "register_generate", ROOT / "ontology" / "register_src" / "generate.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    juris, entries = module.build()
    text = module.render(juris, entries)
    assert text == module.render(*module.build())
    assert text == (ROOT / "ontology" / "agencies.ttl").read_text(encoding="utf-8")


# ---------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_whitespace_inside_a_label_does_not_change_the_entry(register: Register, data: st.DataObject) -> None:
    entries = register.entries()
    e = entries[data.draw(st.integers(0, len(entries) - 1))]
    label = e.pref_label
    cut = data.draw(st.integers(1, max(1, len(label) - 1)))
    gap = data.draw(st.sampled_from([" ", "\n", "\u3000", " \n "]))
    ref = register.resolve(label[:cut] + gap + label[cut:], e.jurisdiction_label)
    assert ref.agency_id == e.id


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from("市省区各有关部门局委厅政府重庆四川财政发展改革（）() \n12等"), max_size=20
    )
)
def test_resolve_is_total_and_deterministic(register: Register, surface: str) -> None:
    a = register.resolve(surface, "重庆市")
    b = register.resolve(surface, "重庆市")
    assert a == b
    assert a.agency_id


# ---------------------------------------------------------------- RDF


def _triples(sink: TripleSink) -> set[tuple[str, str, str]]:
    return {(t.subject.value, t.predicate.value, t.object.value) for t in sink}


def test_register_to_rdf_used_ids_brings_parents_and_jurisdictions(register: Register) -> None:
    sink = TripleSink()
    register_to_rdf(register, sink, {"cn-50-jw"})
    subjects = {s for s, _, _ in _triples(sink)}
    base = "https://w3id.org/policy-kg/id/"
    assert {base + "agency/cn-50-jw", base + "agency/cn-50-gov", base + "agency/cn-gov"} <= subjects
    assert {base + "jurisdiction/cn-50", base + "jurisdiction/cn"} <= subjects
    assert base + "agency/cn-51-cz" not in subjects
    triples = _triples(sink)
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert (base + "agency/cn-50-jw", skos + "prefLabel", "重庆市教育委员会") in triples
    assert (base + "agency/cn-50-jw", skos + "altLabel", "市教委") in triples
    assert (
        base + "agency/cn-50-jw",
        "http://www.w3.org/ns/org#subOrganizationOf",
        base + "agency/cn-50-gov",
    ) in triples


def test_agency_ref_to_rdf_types(register: Register) -> None:
    pkg = "https://w3id.org/policy-kg/ontology#"
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    cases = {
        "各区县政府": pkg + "CollectiveAgent",
        "某某市未知管理局": pkg + "UnregisteredAgency",
        "市经济信息委经济运行局": pkg + "Agency",
    }
    for surface, cls in cases.items():
        sink = TripleSink()
        ref = register.resolve(surface, "重庆市")
        agency_ref_to_rdf(ref, sink, register)
        node = "https://w3id.org/policy-kg/id/agency/" + ref.agency_id
        assert (node, rdf_type, cls) in _triples(sink)
    sink = TripleSink()
    agency_ref_to_rdf(register.resolve("市教委", "重庆市"), sink)
    assert len(sink) == 0


# ---------------------------------------------------------------- other provinces (issue 3)


@pytest.mark.parametrize(
    ("surface", "context", "canonical"),
    [
        # central-bank branches: a capital's provincial-level 中心支行 has no 市, a regional branch's
        # seat city has the branch's 营业管理部
        ("人行杭州中心支行", "浙江省", "中国人民银行杭州中心支行"),
        ("人民银行长沙中心支行", "湖南省", "中国人民银行长沙中心支行"),
        ("人行成都分行营管部", "成都市", "中国人民银行成都分行营业管理部"),
        ("人民银行株洲市中心支行", "湖南省", "中国人民银行株洲市中心支行"),
        # development zones and new areas
        ("中关村管委会", "北京市", "中关村科技园区管理委员会"),
        ("北京经济技术开发区管委会", "北京市", "北京经济技术开发区管理委员会"),
        ("东湖高新区管委会", "武汉市", "武汉东湖新技术开发区管理委员会"),
        ("成都高新区", "成都市", "成都高新技术产业开发区管理委员会"),
        ("成都天府新区管委会", "成都市", "四川天府新区成都管理委员会"),
        ("西安高新区管委会", None, "西安高新技术产业开发区管理委员会"),
        # every prefecture-level city, its departments read in its context
        ("株洲市人民政府", "湖南省", "株洲市人民政府"),
        ("鄂州市人民政府", None, "鄂州市人民政府"),
        ("市财政局", "株洲市", "株洲市财政局"),
        ("州人民政府", "恩施土家族苗族自治州", "恩施土家族苗族自治州人民政府"),
        ("市中级人民法院", "武汉市", "武汉市中级人民法院"),
        ("市人民检察院", "武汉市", "武汉市人民检察院"),
        ("市地方金融工作局", "武汉市", "武汉市地方金融工作局"),
        ("市住房建设局", "深圳市", "深圳市住房和建设局"),
        ("市住房建设局", "株洲市", "株洲市住房和城乡建设局"),
        ("市规划和自然资源局", "成都市", "成都市规划和自然资源局"),
        ("市规划和自然资源局", "深圳市", "深圳市规划和自然资源局"),
        ("市规划和自然资源局", "株洲市", "株洲市自然资源和规划局"),
        ("市人才局", "北京市", "北京市人才工作局"),
        ("省人力社保厅", "浙江省", "浙江省人力资源和社会保障厅"),
        # districts and counties: named in their city, the bare name is the government
        ("锦江区政府", "成都市", "成都市锦江区人民政府"),
        ("青羊区政府", "成都市", "成都市青羊区人民政府"),
        ("朝阳区政府", "北京市", "北京市朝阳区人民政府"),
        ("朝阳区政府", "长春市", "长春市朝阳区人民政府"),
        ("海淀区", "北京市", "北京市海淀区人民政府"),
        ("怀柔区", "北京市", "北京市怀柔区人民政府"),
        ("区政府", "北京市昌平区", "北京市昌平区人民政府"),
        ("县政府", "成都市金堂县", "成都市金堂县人民政府"),
        ("区人民法院", "成都市武侯区", "成都市武侯区人民法院"),
        ("株洲市", "湖南省", "株洲市人民政府"),
        # one-off central and state-owned bodies
        ("海关总署广东分署", None, "海关总署广东分署"),
        ("深圳供电局", "深圳市", "深圳供电局有限公司"),
        ("中国铁路武汉局集团有限公司", "湖北省", "中国铁路武汉局集团有限公司"),
        # a second name in brackets after the body
        ("市委组织部（市委人才办）", "武汉市", "中共武汉市委组织部"),
        ("市市场监管局（市知识产权局）", "武汉市", "武汉市市场监督管理局"),
        ("市市场监管局(市知识产权局)", "武汉市", "武汉市市场监督管理局"),
    ],
)
def test_other_provinces(register: Register, surface: str, context: str | None, canonical: str) -> None:
    assert register.resolve(surface, context).canonical == canonical


# ------------------------------------------------- held-out documents (福建, 河南, 云南, 西藏, 新疆 …)


@pytest.mark.parametrize(
    ("surface", "context", "canonical"),
    [
        # short names every province or city prints
        ("市工信局", "泉州市", "泉州市工业和信息化局"),
        ("市经信局", "株洲市", "株洲市经济和信息化局"),
        ("市文旅局", "泉州市", "泉州市文化广电和旅游局"),
        ("市文化局", "拉萨市", "拉萨市文化局"),
        ("市旅游发展局", "拉萨市", "拉萨市旅游发展局"),
        ("市自然资源局", "拉萨市", "拉萨市自然资源局"),
        ("市数据管理局", "泉州市", "泉州市数据管理局"),
        ("市通信发展管理办公室", "泉州市", "泉州市通信发展管理办公室"),
        ("市行政服务中心管委会", "泉州市", "泉州市行政服务中心管理委员会"),
        ("省中医药局", "云南省", "云南省中医药管理局"),
        ("省疾控局", "云南省", "云南省疾病预防控制局"),
        ("省爱卫办", "云南省", "云南省爱国卫生运动委员会办公室"),
        ("省应急厅", "福建省", "福建省应急管理厅"),
        ("省政务服务和数据管理局", "河南省", "河南省政务服务和数据管理局"),
        ("省政务服务数据管理局", "广东省", "广东省政务服务数据管理局"),
        # per-province names
        ("省林业局", "福建省", "福建省林业局"),
        ("省海洋渔业局", "福建省", "福建省海洋与渔业局"),
        ("自治区农牧厅", "内蒙古自治区", "内蒙古自治区农牧厅"),
        ("省港口集团", "福建省", "福建省港口集团有限责任公司"),
        ("国网河南省电力公司", "河南省", "国网河南省电力有限公司"),
        ("国网四川省电力公司", "四川省", "国网四川省电力公司"),
        # zones, county-level cities, 兵团
        ("泉州开发区", "泉州市", "泉州经济技术开发区管理委员会"),
        ("泉州台商投资区管委会", "福建省", "泉州台商投资区管理委员会"),
        ("平潭综合实验区管委会", "福建省", "福建省平潭综合实验区管理委员会"),
        ("济源示范区管委会", "河南省", "济源产城融合示范区管理委员会"),
        ("晋江市人民政府", "泉州市", "晋江市人民政府"),
        ("新疆生产建设兵团商务局", None, "新疆生产建设兵团商务局"),
        # the 2023 financial regulators, printed by the province's short name
        ("河南金融监管局", "河南省", "国家金融监督管理总局河南监管局"),
        ("内蒙古金融监管局", None, "国家金融监督管理总局内蒙古监管局"),
        ("人民银行新疆分行", "新疆维吾尔自治区", "中国人民银行新疆维吾尔自治区分行"),
        ("重庆市金融监管局", "重庆市", "重庆市地方金融监督管理局"),
        # 天津/上海 分行 are the pre-2023 regional branches, not the 2023 city branches
        ("人民银行天津分行", None, "中国人民银行天津分行"),
        ("人行上海分行", None, "中国人民银行上海分行"),
    ],
)
def test_held_out_gaps(register: Register, surface: str, context: str | None, canonical: str) -> None:
    assert register.resolve(surface, context).canonical == canonical


@pytest.mark.parametrize(
    ("surface", "context"),
    [
        ("朝阳区政府", None),  # 北京 and 长春 both have one
        ("朝阳区政府", "四川省"),
        ("鼓楼区", "江苏省"),  # 南京's, or 徐州's (not in the register)?
        ("西湖区政府", None),  # 杭州 and 南昌
        ("天府新区管委会", "四川省"),  # 成都 and 眉山 each run a part
        ("市委组织部（市委人才办）", None),  # which city?
    ],
)
def test_ambiguous_district_names_stay_unknown(register: Register, surface: str, context: str | None) -> None:
    assert register.resolve(surface, context).canonical is None


def test_bracketed_alias_keeps_the_printed_surface(register: Register) -> None:
    ref = register.resolve("市委组织部（市委人才办）", "武汉市")
    assert ref.surface == "市委组织部（市委人才办）"
    assert ref.agency_id == register.resolve("市委组织部", "武汉市").agency_id


def test_every_city_and_district_has_a_government(register: Register) -> None:
    outside = {"cn", "cn-81", "cn-82"}  # the country and the SARs have no template bodies
    missing = [
        j.code
        for j in register.jurisdictions()
        if j.code not in outside and register.entry(f"{j.code}-gov") is None
    ]
    assert missing == []
    assert len(register.jurisdictions()) > 700
    assert len(register) > 25000


def test_generic_turtle_reads_like_the_generated_layout(register: Register, tmp_path: Path) -> None:
    """A register file not in generate.py's layout goes through the Turtle parser, same result."""
    text = (ROOT / "ontology" / "agencies.ttl").read_text(encoding="utf-8")
    other = tmp_path / "agencies.ttl"
    other.write_text("# hand-edited\n" + text, encoding="utf-8")
    loaded = Register.load(other)
    assert loaded.entries() == register.entries()
    assert loaded.jurisdictions() == register.jurisdictions()
    assert loaded.resolve("朝阳区政府", "北京市") == register.resolve("朝阳区政府", "北京市")
